"""The 涉密载体 and 介质 registers as .xlsx (cells escaped against formula injection; the export is audited)."""

from __future__ import annotations

from urllib.parse import quote

from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.sheets import XLSX_CONTENT_TYPE
from zeroerror.core.xlsx import table_bytes

MAX_ROWS = 5000

ITEM_COLUMNS = ["编号", "载体名称", "类别", "密级", "保密期限", "份数", "来源", "保管人", "保管科室", "存放位置",
                "状态", "借阅人", "应归还时间", "登记时间"]
MEDIA_COLUMNS = ["编号", "类型", "品牌型号", "序列号", "使用范围", "最高密级", "保管人", "使用科室", "状态",
                 "使用次数", "最近使用", "登记时间"]


def _when(moment) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d %H:%M}" if moment else ""


def _response(request, data: bytes, name: str, model: str, count: int) -> HttpResponse:
    record_standalone("secrecy.export", actor=request.user, kind=AuditKind.EXPORT, object_type=model,
                      changes={"rows": count, "filters": dict(request.GET.items())})
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response["Cache-Control"] = "no-store"
    return response


def item_register_xlsx(request, qs) -> HttpResponse:
    items = list(qs[:MAX_ROWS])
    rows = [[i.number, i.name, i.get_kind_display(), i.get_classification_display(), f"{i.period_years}年",
             i.copies, i.origin, i.custodian.name, i.department.name, i.location, i.get_status_display(),
             i.holder.name if i.holder else "", _when(i.due_back_at), _when(i.registered_at)] for i in items]
    today = timezone.localdate()
    data = table_bytes("涉密载体登记", ITEM_COLUMNS, rows, heading=f"涉密载体登记簿（{today:%Y-%m-%d} 导出）",
                       widths=[14, 30, 6, 6, 8, 6, 16, 8, 10, 16, 6, 8, 16, 16])
    return _response(request, data, f"涉密载体登记-{today:%Y%m%d}.xlsx", "secrecy.classifieditem", len(items))


def media_register_xlsx(request, qs) -> HttpResponse:
    media = list(qs.annotate(use_count=Count("uses"), last_use=Max("uses__used_at"))[:MAX_ROWS])
    rows = [[m.number, m.get_kind_display(), m.model_name, m.serial, m.get_network_display(),
             m.get_classification_display() if m.classification else "", m.custodian.name, m.department.name,
             m.get_status_display(), m.use_count, _when(m.last_use), _when(m.registered_at)] for m in media]
    today = timezone.localdate()
    data = table_bytes("移动存储介质登记", MEDIA_COLUMNS, rows,
                       heading=f"移动存储介质登记簿（{today:%Y-%m-%d} 导出）",
                       widths=[14, 8, 16, 16, 16, 8, 8, 10, 6, 8, 16, 16])
    return _response(request, data, f"移动存储介质登记-{today:%Y%m%d}.xlsx", "secrecy.medium", len(media))
