"""匿名举报 (二.1(1)): an anonymous report, and evidence its reporter adds later, leave nothing that leads back to them.

The threat is the system's own records read side by side: the audit trail (纪检监察室 and the 审计管理员 read it)
shows the reporter's login, with address and time; if the report were written in the same request, the next
record — "系统 created lead #12", from the same address, 0.4 s later — names them. So:

* **Queued, registered in a batch.** :func:`do_submit_anonymous_report` only checks the input, stores the files
  under random names and queues an :class:`AnonymousSubmission`. It writes no audit record and stores no time of
  submission: the row holds the batch time it will be registered at — the first of the batch hours
  (``ZEROERROR_ANONYMOUS_BATCH_HOURS``, default 12:00 and 17:00) at least ``ZEROERROR_ANONYMOUS_MIN_DELAY_MINUTES``
  (default 60) ahead. ``zeroerror tick`` registers what is due (:func:`register_anonymous_submissions`) under the
  system actor, with no address, in random order, and dates the lead, its timeline, its files (and their time stamps
  on disk) at the batch time; the audit records of the registration are written then. The queued row is deleted
  once registered: the lead, its files and the sealed identity are the record. What the trail shows is "系统
  registered lead #12 at 12:00", among whatever else happened that morning.
* **No name anywhere but the sealed identity.** The lead has no reporter; the timeline, uploads, notifications and
  audit records have no actor. Who reported is kept in :class:`SealedIdentity` only, which the 绩效办负责人 alone
  may open (:func:`do_unseal_reporter`), giving a reason, and the opening is audited.
* **The 查询码.** The reporter receives a code once (80 random bits); only its SHA-256 is kept, on the lead. With it
  they see how the case stands (not the penalties) and add evidence, which is queued and registered the same way.
  Nothing is put in their session: a lost code cannot be recovered — by design, since recovering it would need a
  link to them.

Left outside the application: a web server access log (gunicorn writes none unless told to) and the database's own
logs would show who sent a request when. Keep them off, or readable only by the 系统管理员, on a production server.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import SystemRandom

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.attachments.actions import StoredFile, register_stored, store_file
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import current_ip, record
from zeroerror.errors.actions import create_lead, resolve_clause, route_lead
from zeroerror.errors.common import lead_url
from zeroerror.errors.models import (
    AnonymousSubmission,
    Channel,
    Lead,
    LeadEvent,
    SealedIdentity,
    SubmissionKind,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.notify import notify

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


@dataclass(frozen=True)
class Receipt:
    code: str
    due_at: datetime


def new_receipt_code() -> str:
    """16 characters of a 32-letter alphabet (80 bits), shown as XXXX-XXXX-XXXX-XXXX."""
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(16))
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def receipt_digest(code: str) -> str:
    normal = "".join(ch for ch in (code or "").upper() if ch in RECEIPT_ALPHABET)
    return hashlib.sha256(normal.encode()).hexdigest() if len(normal) == 16 else ""


def batch_time(now: datetime) -> datetime:
    """The first batch hour at least the minimum delay after ``now`` (local time)."""
    earliest = timezone.localtime(now) + timedelta(minutes=settings.ANONYMOUS_MIN_DELAY_MINUTES)
    day = earliest.replace(minute=0, second=0, microsecond=0)
    for offset in range(3):
        for hour in settings.ANONYMOUS_BATCH_HOURS:
            slot = (day + timedelta(days=offset)).replace(hour=hour)
            if slot >= earliest:
                return slot
    raise AssertionError("no batch hour configured")  # settings refuse an empty list


def _reporter(actor) -> Person:
    person = getattr(actor, "person", None) if actor is not None else None
    if person is None or not person.active:
        raise ValidationError("该账号未关联在职人员。")
    return person


def _store(files) -> list[dict]:
    return [store_file(name, data).as_dict() for name, data in files]


@transaction.atomic(durable=True)
def do_submit_anonymous_report(*, clause_id: str, person: Person, occurred_on: date, description: str, files=(),
                               actor) -> Receipt:
    """匿名举报: checked now, registered at the next batch time (see the module docstring). No audit record is
    written now — the registration is audited when it happens; a record now would date the report to the
    reporter's session."""
    reporter = _reporter(actor)
    clause = resolve_clause(clause_id)
    if person.unit_id != reporter.unit_id:
        raise ValidationError("责任人须为本单位人员。")
    if not (description or "").strip():
        raise ValidationError("请填写差错情况。")
    if occurred_on > timezone.localdate():
        raise ValidationError("发生日期不能晚于今天。")
    code = new_receipt_code()
    submission = AnonymousSubmission.objects.create(
        kind=SubmissionKind.REPORT, unit_id=reporter.unit_id, identity=SealedIdentity.seal(reporter),
        payload={"clause": clause.pk, "person": person.pk, "occurred_on": occurred_on.isoformat(),
                 "description": description.strip()},
        files=_store(files), receipt_digest=receipt_digest(code), due_at=batch_time(timezone.now()),
    )
    return Receipt(code, submission.due_at)


@dataclass(frozen=True)
class Standing:
    """What the holder of a 查询码 is told: how the case stands, not the penalties."""

    lead: Lead | None
    due_at: datetime | None  # when the report (or the latest evidence) will be registered
    evidence_files: int


def standing(code: str, unit) -> Standing | None:
    digest = receipt_digest(code)
    if not digest:
        return None
    lead = Lead.objects.filter(receipt_digest=digest, person__unit=unit).select_related("clause").first()
    queued = AnonymousSubmission.objects.filter(unit=unit, receipt_digest=digest).order_by("-due_at").first()
    if lead is None and queued is None:
        return None
    files = 0
    if lead is not None:
        from zeroerror.attachments.models import Attachment

        files = Attachment.objects.for_owner(lead).count()
    return Standing(lead, queued.due_at if queued else None, files)


@transaction.atomic(durable=True)
def do_submit_anonymous_evidence(code: str, files, *, actor) -> Receipt:
    """补充证据 by the holder of a 查询码: queued and registered at the next batch time like the report."""
    reporter = _reporter(actor)
    digest = receipt_digest(code)
    known = digest and (Lead.objects.filter(receipt_digest=digest, person__unit_id=reporter.unit_id).exists()
                        or AnonymousSubmission.objects.filter(receipt_digest=digest, unit_id=reporter.unit_id,
                                                              kind=SubmissionKind.REPORT).exists())
    if not known:
        raise ValidationError("查询码无效，请核对后重新输入。")
    if not files:
        raise ValidationError("请选择要上传的证据材料。")
    submission = AnonymousSubmission.objects.create(
        kind=SubmissionKind.EVIDENCE, unit_id=reporter.unit_id, files=_store(files), receipt_digest=digest,
        due_at=batch_time(timezone.now()))
    return Receipt(code, submission.due_at)


# Registration (zeroerror tick) ---------------------------------------------------------------------------------

def _register_report(sub: AnonymousSubmission) -> Lead:
    data = sub.payload
    from zeroerror.rulebook.models import Clause

    lead = create_lead(
        channel=Channel.REPORT, clause=Clause.objects.get(pk=data["clause"]), person=Person.objects.get(pk=data["person"]),
        occurred_on=date.fromisoformat(data["occurred_on"]), description=data["description"], anonymous=True,
        at=sub.due_at, actor=None)
    lead.receipt_digest = sub.receipt_digest
    lead.save(update_fields=["receipt_digest"])
    SealedIdentity.objects.create(lead=lead, identity=sub.identity)
    route_lead(lead)  # a verifier who reported it anonymously may not verify it either
    for stored in sub.files:
        register_stored(lead, StoredFile(**stored), purpose="证据材料", actor=None, uploaded_at=sub.due_at)
    return lead


def _register_evidence(sub: AnonymousSubmission) -> Lead:
    lead = Lead.objects.select_related("person").get(receipt_digest=sub.receipt_digest, person__unit_id=sub.unit_id)
    names = []
    for stored in sub.files:
        names.append(register_stored(lead, StoredFile(**stored), purpose="证据材料", actor=None,
                                     uploaded_at=sub.due_at).original_name)
    LeadEvent.objects.create(lead=lead, at=sub.due_at, actor=None, title="补充证据（匿名举报人）", text="、".join(names))
    record("errors.lead.evidence", actor=None, kind=AuditKind.CHANGE, obj=lead,
           changes={"files": len(names), "anonymous": True})
    verifiers = Person.objects.active().with_role(Role.PERFORMANCE_HEAD).filter(unit_id=sub.unit_id)
    notify(verifiers, f"差错线索 #{lead.pk} 有补充证据", url=lead_url(lead), about=lead)
    return lead


def register_anonymous_submissions(now: datetime) -> str:
    """Tick task: register every queued anonymous report and evidence that is due, each in its own transaction
    (reports before evidence, otherwise in random order), under the system actor and with no address."""
    due = list(AnonymousSubmission.objects.due(now).values_list("pk", "kind"))
    SystemRandom().shuffle(due)
    due.sort(key=lambda row: row[1] != SubmissionKind.REPORT)
    counts = {SubmissionKind.REPORT: 0, SubmissionKind.EVIDENCE: 0}
    token = current_ip.set("")
    try:
        for pk, kind in due:
            with transaction.atomic(durable=True):
                sub = AnonymousSubmission.objects.select_for_update().filter(pk=pk).first()
                if sub is None:
                    continue  # a concurrent tick registered it
                (_register_report if kind == SubmissionKind.REPORT else _register_evidence)(sub)
                sub.delete()
                counts[kind] += 1
    finally:
        current_ip.reset(token)
    if not any(counts.values()):
        return ""
    return f"登记匿名举报 {counts[SubmissionKind.REPORT]} 件、补充证据 {counts[SubmissionKind.EVIDENCE]} 批"


# The sealed identity -------------------------------------------------------------------------------------------

def can_unseal(person: Person, lead: Lead) -> bool:
    return lead.anonymous and person.has_role(Role.PERFORMANCE_HEAD) and person.unit_id == lead.person.unit_id


@transaction.atomic(durable=True)
def do_unseal_reporter(lead: Lead, *, reason: str, actor) -> SealedIdentity:
    """The 绩效办负责人 opens the sealed identity of an anonymous report, for a stated reason; audited."""
    me = _reporter(actor)
    if not can_unseal(me, lead):
        raise ValidationError("只有本单位绩效办负责人可以查看匿名举报人身份。")
    if not (reason or "").strip():
        raise ValidationError("请填写查看事由。")
    sealed = SealedIdentity.objects.filter(lead=lead).first()
    if sealed is None:
        raise ValidationError("该线索没有密封的举报人身份。")
    record("errors.lead.unseal", actor=actor, kind=AuditKind.VIEW, obj=lead, changes={"reason": reason.strip()})
    return sealed
