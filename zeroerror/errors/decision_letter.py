"""差错认定书 (issue 9 item 8a): what the person is told of a confirmed error — what happened, the clause, the grading,
their own deduction and measures, and their right to appeal with its deadline — as .docx, and as PDF through
LibreOffice (``documents.pdf``).

:func:`letter_facts` reads the database (one person's view of one error: never the reporter, never a colleague's
amount); :func:`render_docx` is pure and lays the facts out on A4 with the body in 仿宋 3号.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"


@dataclass(frozen=True)
class LetterFacts:
    unit: str
    number: str  # e.g. "差错认定〔2026〕12号" (the lead's number)
    person: str
    department: str
    liability: str  # 责任人 / 分管领导连带责任 / 科室负责人责任
    clause: str  # "一(一)4 公文运转时限"
    description: str
    occurred_on: date
    confirmed_on: date
    severity: str
    channel: str
    amounts: tuple[tuple[str, Decimal], ...] = ()  # (month, yuan) of this person's deductions for it
    measures: tuple[str, ...] = ()
    appeal_deadline: datetime | None = None
    meeting: str = ""  # 院长办公会议 grading, if any
    issued_on: date | None = None
    issuer: str = "绩效考核办公室"
    extras: tuple[str, ...] = field(default_factory=tuple)

    @property
    def total(self) -> Decimal:
        return sum((a for _, a in self.amounts), Decimal("0.00"))


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _para(doc, text: str, *, size: float = 16, font: str = BODY_FONT, bold: bool = False, align=None,
          indent: bool = True):
    p = doc.add_paragraph()
    p.paragraph_format.line_spacing = Pt(28)
    p.paragraph_format.space_after = Pt(0)
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold)
    return p


def cn_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def paragraphs(f: LetterFacts) -> list[str]:
    """The letter's body, one paragraph each (also what the tests read back)."""
    money = "；".join(f"{m} 扣罚绩效 {a} 元" for m, a in f.amounts) if f.amounts else "不扣罚绩效"
    deadline = (f"如对本认定有异议，可在{cn_date(f.appeal_deadline)} {f.appeal_deadline:%H:%M} 前通过系统“差错线索”页面提出申诉"
                "（每项决定可申诉一次），逾期视为无异议。申诉期间不停止执行。") if f.appeal_deadline else \
        "本认定的申诉期限已过。"
    body = [
        f"{f.person}（{f.department}）：",
        f"经核查，{cn_date(f.occurred_on)}，{f.description}",
        f"上述情况违反《零差错办公工作规定》{f.clause}，于{cn_date(f.confirmed_on)}认定为{f.severity}"
        f"（发现渠道：{f.channel}）。" + (f"{f.meeting}" if f.meeting else ""),
        (f"依据规定第二部分，对您（责任人）：{money}" if f.liability == "责任人" else
         f"依据规定第二部分，您承担{f.liability}：{money}") + (f"，合计 {f.total} 元。" if len(f.amounts) > 1 else "。"),
        ("处理措施：" + "；".join(f.measures) + "。") if f.measures else "本次不另作处理措施。",
        deadline,
        *f.extras,
    ]
    return body


def render_docx(f: LetterFacts) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _para(doc, f.unit, size=22, font=TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, "差错认定书", size=22, font=TITLE_FONT, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, f.number, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    _para(doc, "", indent=False)
    body = paragraphs(f)
    _para(doc, body[0], indent=False)
    for text in body[1:]:
        _para(doc, text)
    _para(doc, "", indent=False)
    _para(doc, f.issuer, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    if f.issued_on:
        _para(doc, cn_date(f.issued_on), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)
    _para(doc, "", indent=False)
    _para(doc, "本人签收：＿＿＿＿＿＿　　签收日期：＿＿＿＿年＿＿月＿＿日", size=14, indent=False)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
