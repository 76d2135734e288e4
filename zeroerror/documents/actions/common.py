"""Helpers shared by the 公文 write paths: who acts, refusal, row locks, the 流转记录 and route, 办理时限,
naming a (possibly classified) document, notifications and tracked items, and 密级/保密期限 checks."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from zeroerror.documents import access
from zeroerror.documents.docnumber import Classification, DocumentKind, SecrecyLevel, Urgency
from zeroerror.documents.models import FlowEvent, IncomingDocument, OutgoingDocument, RouteEntry, TimeLimitVersion
from zeroerror.documents.timelimits import (
    DEFAULT_TABLE,
    IncomingStep,
    OutgoingStep,
    TimeLimitError,
    TimeLimitTable,
    time_limit,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.actions import close_tracked_item, create_tracked_item
from zeroerror.tracking.models import TrackedItem
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import deadline_in_workdays

CLAUSE_INCOMING_REVIEW = "一(一)1"
CLAUSE_FIRST_READ = "一(一)2"
CLAUSE_TIME_LIMIT = "一(一)4"
CLAUSE_INSTRUCTION = "一(一)5"
CLAUSE_DISTRIBUTION = "一(一)8"


def _person(actor) -> Person:
    person = getattr(actor, "person", None)
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员，不能办理公文。")
    return person


def _refuse_unless(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message)


def _event(doc, step: str, person: Person | None, text: str = "") -> FlowEvent:
    field = "outgoing" if isinstance(doc, OutgoingDocument) else "incoming"
    return FlowEvent.objects.create(**{field: doc}, step=step, actor=person, text=text)


def put_on_route(doc, person: Person, reason: str) -> None:
    field = "outgoing" if isinstance(doc, OutgoingDocument) else "incoming"
    RouteEntry.objects.get_or_create(**{field: doc, "person": person}, defaults={"reason": reason})


def _visible_or_refuse(doc, person: Person) -> None:
    if not access.can_see(person, doc):
        raise ValidationError("您无权查看或办理该公文（涉密公文仅限流转范围内人员）。")


def detail_url(doc) -> str:
    name = "documents:outgoing_detail" if isinstance(doc, OutgoingDocument) else "documents:incoming_detail"
    return reverse(name, args=[doc.pk])


TIME_LIMITS_FILE = "document-time-limits.json"
_table_cache: dict = {}
logger = logging.getLogger("zeroerror.documents")


def time_limit_table(unit_id: int | None = None) -> TimeLimitTable:
    """The unit's 办理时限 (clause 一(一)4): the latest version the 办公室主任 saved in the app (validated when saved);
    else ``<ZEROERROR_DATA_DIR>/document-time-limits.json`` (an older installation's file, in the
    :meth:`TimeLimitTable.from_dict` shape); else the defaults of :mod:`timelimits`. A malformed file never stops
    the work: it is logged (and reported by ``zeroerror check``) and the defaults apply."""
    if unit_id is not None:
        version = TimeLimitVersion.objects.current(unit_id)
        if version is not None:
            key = ("version", version.pk, version.created_at)
            if _table_cache.get("key") != key:
                _table_cache.update(key=key, table=TimeLimitTable.from_dict(version.data, complete=True))
            return _table_cache["table"]
    try:
        return file_time_limit_table()
    except TimeLimitError as exc:
        logger.error("%s；按默认时限办理。", exc.message)
        return DEFAULT_TABLE


def file_time_limit_table() -> TimeLimitTable:
    """The table of the data directory's file, or the defaults without one; :class:`TimeLimitError` if malformed."""
    path = Path(settings.DATA_DIR) / TIME_LIMITS_FILE
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except FileNotFoundError:
        return DEFAULT_TABLE
    if _table_cache.get("key") != (str(path), stamp):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TimeLimitError([f"{TIME_LIMITS_FILE}无法读取（{exc}）"])
        _table_cache.update(key=(str(path), stamp), table=TimeLimitTable.from_dict(data))
    return _table_cache["table"]


def _deadline(doc, step, start: datetime | None = None) -> datetime:
    kind = DocumentKind(doc.kind) if doc.kind else None
    return deadline_in_workdays(time_limit(kind, Urgency(doc.urgency), step, time_limit_table(doc.unit_id)), start)


def label(doc) -> str:
    """How a document is named outside its own page: a classified one by its 密级 and number only, so that tracked
    items, notifications and leads seen off the route say nothing of it (clause 一(一)3)."""
    if not doc.is_classified:
        return doc.title or f"{doc.sender}来文（#{doc.pk}）"  # a 收文 before 登记 has no 标题 yet
    kind = "发文" if isinstance(doc, OutgoingDocument) else "收文"
    return f"{SecrecyLevel(doc.secrecy_level).label}{kind}（#{doc.pk}）"


def notify_about(doc, recipients: Iterable[Person | None], title: str, body: str = "") -> None:
    """Notify about a document: for a classified one only people on its route, and without the text."""
    if doc.is_classified:
        recipients = [p for p in recipients if p is not None and access.can_see(p, doc)]
        body = ""
    notify(recipients, title, url=detail_url(doc), body=body)


def _track(doc, step, owner: Person, title: str, *, actor, due_at: datetime | None = None,
           clause: str = CLAUSE_TIME_LIMIT, detail: str = "") -> TrackedItem:
    """A tracked item for the owner of the next step (clause 一(一)4; 一(一)5 for a leader's 批示)."""
    return create_tracked_item(
        title=title, owner=owner, due_at=due_at or _deadline(doc, step), area="documents", clause_id=clause,
        detail="" if doc.is_classified else detail, source=doc, source_label=label(doc)[:200],
        source_url=detail_url(doc), actor=actor,
    )


def _office_clerk(doc: IncomingDocument) -> Person | None:
    """Who owns a 收文's clerical steps (登记, 初审, 归档): the office clerk who signed for it, or — if they
    have left the office — the 办公室主任."""
    clerk = doc.registrar
    if clerk is not None and clerk.active and access.is_office(clerk):
        return clerk
    return _first_with_role(doc.unit_id, Role.OFFICE_DIRECTOR)


def _track_archiving(doc, owner: Person | None, *, actor) -> None:
    """归档 (clause 一(一)4): after 办结 of a 收文 or 分发 of a 发文, the office files it within the time limit."""
    if owner is None:
        return
    step = OutgoingStep.ARCHIVE if isinstance(doc, OutgoingDocument) else IncomingStep.ARCHIVE
    _track(doc, step, owner, f"归档：{label(doc)}", actor=actor)


def _close_items_of(doc, owner: Person, note: str, *, actor) -> None:
    for item in TrackedItem.objects.for_source(doc).active().filter(owner=owner):
        close_tracked_item(item, note, actor=actor)


def _first_with_role(unit_id: int, role: str, *, exclude: Iterable[int] = ()) -> Person | None:
    return (Person.objects.active().with_role(role).filter(unit_id=unit_id).exclude(pk__in=list(exclude))
            .order_by("rank", "id").first())


def _classification(level: str, period: str) -> tuple[str, str]:
    """Validate 密级和保密期限; returns the stored (level, period)."""
    level = (level or "").strip()
    period = (period or "").strip().lstrip("★")
    if not level:
        if period:
            raise ValidationError("未标密级的公文不能填写保密期限。")
        return "", ""
    try:
        level_label = SecrecyLevel.from_label(level).label
        parsed = Classification.parse(f"{level_label}★{period}" if period else level_label)
    except ValueError as exc:
        raise ValidationError(str(exc))
    return parsed.level.value, str(parsed).partition("★")[2]


def _set_expiry(doc, start: date | None) -> None:
    c = doc.classification
    doc.secrecy_expires_on = c.expires_on(start) if c and start else None



def _lock_out(doc: OutgoingDocument) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().get(pk=doc.pk)


def _lock_in(doc: IncomingDocument) -> IncomingDocument:
    return IncomingDocument.objects.select_for_update().get(pk=doc.pk)


def _not_closed_out(doc: IncomingDocument) -> None:
    if doc.closed_out:
        raise ValidationError(f"该文初审认定不属于本单位办理（{doc.get_status_display()}），不得列入办理程序。")
