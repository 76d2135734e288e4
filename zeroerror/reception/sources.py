"""What 政务接待 tells ``tracking.sources``: a tracked item, a lead or a notification derived from a 客情 (or from its
plan, or from a refused over-standard bill of it) is seen exactly by those who may see the 客情."""

from __future__ import annotations

from zeroerror.reception.access import report_url, visible_reports
from zeroerror.reception.models import GuestReport, OverStandardAttempt, ReceptionPlan
from zeroerror.tracking import sources


def _reports(person):
    return visible_reports(person)


def _attempts(person):
    return OverStandardAttempt.objects.filter(report__in=visible_reports(person).values("pk")).select_related("report")


def _plans(person):
    return ReceptionPlan.objects.filter(report__in=visible_reports(person).values("pk")).select_related("report")


def register_sources() -> None:
    sources.register(ReceptionPlan, visible=_plans, url=lambda p: report_url(p.report),
                     label=lambda p: f"客情（#{p.report_id}）·接待方案")
    sources.register(GuestReport, visible=_reports, url=report_url, label=lambda r: f"客情（#{r.pk}）")
    sources.register(OverStandardAttempt, visible=_attempts, url=lambda a: report_url(a.report),
                     label=lambda a: f"客情（#{a.report_id}）·超标准结算")
