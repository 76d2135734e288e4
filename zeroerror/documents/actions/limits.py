"""The 办理时限 table managed in the app (issue 11 item 4): the 办公室主任 saves a new version, validated as a whole
before anything is written (a bad table is refused with its Chinese reasons and the one in force stays), audited."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.common import _person, _refuse_unless, time_limit_table
from zeroerror.documents.models import TimeLimitVersion
from zeroerror.documents.timelimits import TimeLimitError, TimeLimitTable


@transaction.atomic(durable=True)
def do_save_time_limits(*, data: dict, reason: str, actor) -> TimeLimitVersion:
    """``data``: the whole table in :meth:`TimeLimitTable.to_dict` shape. Refused (nothing saved) when the table is
    invalid, the reason is missing or nothing changed."""
    person = _person(actor)
    _refuse_unless(access.can_manage_time_limits(person), "只有办公室主任可以修改办理时限表。")
    reason = (reason or "").strip()
    _refuse_unless(bool(reason), "请填写修改说明（为什么调整时限）。")
    try:
        table = TimeLimitTable.from_dict(data, complete=True)
    except TimeLimitError as exc:
        raise ValidationError(exc.message)
    before = time_limit_table(person.unit_id)
    _refuse_unless(table != before, "时限表没有变化。")
    current = TimeLimitVersion.objects.select_for_update().filter(unit_id=person.unit_id).order_by("-number").first()
    version = TimeLimitVersion.objects.create(unit_id=person.unit_id, number=(current.number + 1 if current else 1),
                                              data=table.to_dict(), reason=reason, created_by=person)
    changes = {}
    old, new = before.to_dict(), version.data
    for section in ("收文", "发文"):
        for step, limits in new[section].items():
            if old.get(section, {}).get(step) != limits:
                changes[f"{section}·{step}"] = [old.get(section, {}).get(step), limits]
    if old["按文种"] != new["按文种"]:
        changes["按文种"] = [old["按文种"], new["按文种"]]
    record("documents.time_limits.change", actor=actor, kind=AuditKind.CHANGE, obj=version,
           changes={"version": version.number, "reason": reason, **changes})
    return version
