from __future__ import annotations

from datetime import date

from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.workdays.models import CalendarOverride


@transaction.atomic(durable=True)
def do_set_calendar_override(day: date, is_workday: bool, note: str = "", *, actor) -> CalendarOverride:
    """Declare ``day`` a working day or a holiday (creates or changes the override; history is in the audit trail)."""
    existing = CalendarOverride.objects.select_for_update().filter(date=day).first()
    if existing is None:
        override = CalendarOverride.objects.create(date=day, is_workday=is_workday, note=note)
        record("workdays.override.create", actor=actor, kind=AuditKind.CREATE, obj=override,
               changes={"date": day, "is_workday": is_workday, "note": note})
        return override
    before = {"is_workday": existing.is_workday, "note": existing.note}
    existing.is_workday = is_workday
    existing.note = note
    existing.save(update_fields=["is_workday", "note"])
    record("workdays.override.change", actor=actor, kind=AuditKind.CHANGE, obj=existing,
           changes={"before": before, "after": {"is_workday": is_workday, "note": note}})
    return existing
