from __future__ import annotations

from datetime import datetime, time, timedelta

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zeroerror.audit.forms import AuditSearchForm
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.audit.trail import record_standalone
from zeroerror.core.access import person_of


def _day_start(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def search(request: HttpRequest) -> HttpResponse:
    """Auditors (纪检监察室, 绩效办负责人, 审计管理员) search the trail; each search is itself audited."""
    me = person_of(request)
    if not me.is_auditor:
        raise PermissionDenied("仅审计人员可以查询审计日志。")
    form = AuditSearchForm(request.GET or None)
    qs = AuditRecord.objects.none()
    if form.is_valid():
        data = form.cleaned_data
        qs = AuditRecord.objects.search(
            text=data["q"], kind=data["kind"],
            start=_day_start(data["start"]) if data["start"] else None,
            end=_day_start(data["end"] + timedelta(days=1)) if data["end"] else None,
        )
        record_standalone("audit.search", actor=request.user, kind=AuditKind.SEARCH,
                          changes={k: v for k, v in data.items() if v})
    elif not request.GET:
        qs = AuditRecord.objects.search()
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/search.html", {"title": "审计日志", "form": form, "page": page})
