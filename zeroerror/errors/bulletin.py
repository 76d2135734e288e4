"""差错通报 (issue 9 item 8b): the month's confirmed errors as a 院内通报 in 公文 layout, rendered by the documents
app's GB/T 9704 writer. Whether people are named is the unit's policy (``ZEROERROR_BULLETIN_NAMES``, default no:
"办公室一名工作人员"); a reporter is never mentioned. The 发文字号 stands as ``<单位代字>〔2026〕×号`` until the 发文
procedure numbers it. Monthly (every error confirmed in the month) or per case (one confirmed error)."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from zeroerror.documents.gbt9704 import OutgoingDocument, render_docx
from zeroerror.errors.models import Lead, LeadStatus, Severity
from zeroerror.org.models import Unit

NUMERALS = "一二三四五六七八九十"


def _n(i: int) -> str:
    return NUMERALS[i - 1] if i <= 10 else str(i)


def month_errors(unit: Unit, month: str):
    year, mon = int(month[:4]), int(month[5:])
    return (Lead.objects.of_unit(unit).filter(status=LeadStatus.CONFIRMED, confirmed_on__year=year,
                                              confirmed_on__month=mon)
            .select_related("person", "department", "clause").order_by("confirmed_on", "id"))


REQUIREMENTS = ["二、有关要求",
                "各科室要以此为戒，对照规定查找本科室工作中的薄弱环节，严格落实办文、办会、办事各环节的时限和标准，"
                "切实做到零差错。"]


def case_line(lead: Lead, *, names: bool) -> str:
    """One case as the bulletin states it: who (or "一名工作人员"), when, what, the clause and the grading."""
    who = f"{lead.department.name}{lead.person.name}" if names else f"{lead.department.name}一名工作人员"
    day = lead.occurred_on
    verdict = (f"认定为{lead.get_severity_display()}" if lead.severity in (Severity.GENERAL, Severity.SERIOUS)
               else "提请院长办公会议研究界定")
    return (f"{who}，{day.month}月{day.day}日，{lead.description.strip().rstrip('。')}，"
            f"违反规定{lead.clause.code}（{lead.clause.title}），{verdict}。")


def _document(unit: Unit, title: str, body: list[str], on) -> OutgoingDocument:
    date = on or timezone.localdate()
    return OutgoingDocument(
        agency_mark=f"{unit.name}文件", doc_number=None, draft_number=f"{unit.code or '发'}〔{date.year}〕×号",
        title=title, body=body, signature=unit.name, date=date,
        addressees="院内各科室", kind="通报", mark_aliases=[unit.short_name] if unit.short_name else [],
    )


def bulletin_document(unit: Unit, month: str, leads, *, names: bool | None = None, on=None) -> OutgoingDocument:
    names = settings.BULLETIN_NAMES if names is None else names
    year, mon = int(month[:4]), int(month[5:])
    leads = list(leads)
    general = sum(1 for lead in leads if lead.severity == Severity.GENERAL)
    serious = sum(1 for lead in leads if lead.severity == Severity.SERIOUS)
    pending = len(leads) - general - serious
    if leads:
        counts = f"其中一般差错{general}起、严重差错{serious}起" + (f"、待院长办公会议研究界定{pending}起" if pending else "")
        body = [f"根据《零差错办公工作规定》，经核查认定，{year}年{mon}月全院共发生差错{len(leads)}起，{counts}。"
                "现将有关情况通报如下：", "一、差错情况"]
        body += [f"（{_n(i)}）{case_line(lead, names=names)}" for i, lead in enumerate(leads, 1)]
        body += REQUIREMENTS
    else:
        body = [f"根据《零差错办公工作规定》，{year}年{mon}月全院未发生经认定的差错。希望各科室继续保持，严格落实"
                "各项工作标准，切实做到零差错。"]
    return _document(unit, f"关于{year}年{mon}月差错情况的通报", body, on)


def case_document(unit: Unit, lead: Lead, *, names: bool | None = None, on=None) -> OutgoingDocument:
    """差错通报 of one case (a serious error the office wants known at once, not only in the month's)."""
    names = settings.BULLETIN_NAMES if names is None else names
    kind = lead.get_severity_display() if lead.severity in (Severity.GENERAL, Severity.SERIOUS) else "差错"
    body = [f"根据《零差错办公工作规定》，经核查，{lead.confirmed_on.year}年{lead.confirmed_on.month}月"
            f"{lead.confirmed_on.day}日认定一起差错。现将有关情况通报如下：", "一、差错情况", case_line(lead, names=names),
            *REQUIREMENTS]
    return _document(unit, f"关于一起{kind}的通报", body, on)


def bulletin_docx(unit: Unit, month: str, *, names: bool | None = None) -> bytes:
    return render_docx(bulletin_document(unit, month, month_errors(unit, month), names=names))


def case_bulletin_docx(unit: Unit, lead: Lead, *, names: bool | None = None) -> bytes:
    return render_docx(case_document(unit, lead, names=names))
