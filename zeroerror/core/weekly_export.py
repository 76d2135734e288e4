"""A weekly sheet (core.weekly rows) as an audited .xlsx download — the 保洁周表 and the 安全检查周表."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from django.http import HttpResponse

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.sheets import XLSX_CONTENT_TYPE
from zeroerror.core.weekly import Row, day_headers
from zeroerror.core.xlsx import table_bytes


def week_xlsx(request, rows: list[Row], monday: date, *, sheet: str, first: str, heading: str, width: int,
              verb: str, object_type: str) -> HttpResponse:
    """``sheet`` names the tab and the file; ``first`` heads the column of row names; the export is audited."""
    data = table_bytes(sheet, [first, *day_headers(monday)], ([row.name, *row.texts()] for row in rows),
                       widths=[width, *[20] * 7], heading=heading)
    record_standalone(verb, actor=request.user, kind=AuditKind.EXPORT, object_type=object_type,
                      changes={"week": monday, "rows": len(rows)})
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'{sheet}-{monday:%Y%m%d}.xlsx')}"
    response["Cache-Control"] = "no-store"
    return response
