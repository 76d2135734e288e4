from __future__ import annotations

from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record


@transaction.atomic(durable=True)
def do_record_report_export(person, year: int, *, actor) -> None:
    """The 年度报告 figures (.xlsx) were downloaded."""
    record("disclosure.report.export", actor=actor, kind=AuditKind.EXPORT, obj=person.unit,
           changes={"year": year, "file": "annual-report-xlsx"})
