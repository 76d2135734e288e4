"""An outgoing 公文 as structured fields, checked, and rendered as .docx in GB/T 9704-2012 layout.

Pure Python (no Django)::

    doc = OutgoingDocument(agency_mark="××市卫生健康委员会文件", doc_number="卫发〔2026〕3号", ...)
    data: bytes = render_docx(doc)

:class:`OutgoingDocument` refuses a missing required element or a malformed one at construction
(:class:`DocumentFormatError`, Chinese messages, one per fault).  The layout figures live in
:mod:`zeroerror.documents.gbt9704_layout`; the OOXML writing in :mod:`zeroerror.documents.gbt9704_docx`.
``format`` picks the layout: ``"document"`` the 文件格式 (clause 7), ``"letter"`` the 信函格式 (10.1) and
``"minutes"`` the 纪要格式 (10.3); the 命令(令)格式 (10.2) is not rendered.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .docnumber import Classification, DocNumber, DocNumberError, DocumentKind, Urgency, parse_doc_number
from .gbt9704_layout import LAYOUT, Gbt9704Layout
from .titlebreak import break_title, title_line_problems

__all__ = [
    "FORMATS",
    "DocumentFormatError",
    "OutgoingDocument",
    "format_date",
    "heading_level",
    "heading_problems",
    "letterhead_problem",
    "render_docx",
    "split_heading",
]

FORMATS = {"document": "文件格式", "letter": "信函格式", "minutes": "纪要格式"}  # GB/T 9704-2012 7, 10.1, 10.3
_CLOSING_PUNCT = "。，、；：！？.,;:!?"
_CN_NUM = "一二三四五六七八九十百零〇"
_LEVELS = (
    (1, re.compile(rf"[{_CN_NUM}]+、")),
    (2, re.compile(rf"（[{_CN_NUM}]+）")),
    (3, re.compile(r"\d+\.(?!\d)")),
    (4, re.compile(r"（\d+）")),
)
_WRONG_MARKERS = (
    (re.compile(rf"[{_CN_NUM}]+[，,.．]"), "第一层序数应为“一、”"),
    (re.compile(rf"[(（][{_CN_NUM}]+[)）][、，,.．]"), "“（一）”后不加标点"),
    (re.compile(rf"\([{_CN_NUM}]+\)|\([{_CN_NUM}]+）|（[{_CN_NUM}]+\)"), "第二层序数应用全角括号“（一）”"),
    (re.compile(r"\d+[、，,]"), "第三层序数应为“1.”（阿拉伯数字加半角圆点）"),
    (re.compile(r"\d+．"), "第三层序数应用半角圆点“1.”，不用全角“．”"),
    (re.compile(r"[(（]\d+[)）][、，,.．]"), "“（1）”后不加标点"),
    (re.compile(r"\(\d+\)|\(\d+）|（\d+\)"), "第四层序数应用全角括号“（1）”"),
)


class DocumentFormatError(ValueError):
    """The fields of an outgoing 公文 break GB/T 9704-2012 or the 条例; ``problems`` names each fault."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        self.message = "公文要素有误：" + "；".join(self.problems) + "。"
        super().__init__(self.message)


def format_date(d: datetime.date) -> str:
    """成文日期/印发日期 (7.3.5.4, 7.4.3): Arabic numerals, full year, no padding — ``2026年1月5日``."""
    return f"{d.year}年{d.month}月{d.day}日"


def heading_level(paragraph: str) -> int:
    """The structural level of a 正文 paragraph by its leading marker (7.3.3): 一、→1 （一）→2 1.→3 （1）→4, else 0."""
    text = paragraph.lstrip(" \u3000")
    for level, pattern in _LEVELS:
        if pattern.match(text):
            return level
    return 0


def split_heading(paragraph: str) -> tuple[str, str]:
    """(heading, rest): a heading sentence run into its paragraph ("（一）总体要求。各单位……") ends at the first "。"."""
    text = paragraph.strip(" \u3000")
    if heading_level(text) == 0:
        return "", text
    end = text.find("。")
    if end == -1 or end == len(text) - 1:
        return text, ""
    return text[: end + 1], text[end + 1 :]


def heading_problems(body: Sequence[str]) -> list[str]:
    """Wrongly written level markers in the 正文 (``1、`` ``（一）、`` ``(1)`` ...), one message per paragraph."""
    found = []
    for number, paragraph in enumerate(body, start=1):
        text = paragraph.lstrip(" \u3000")
        for pattern, message in _WRONG_MARKERS:
            if pattern.match(text):
                found.append(f"第{number}段“{text[:12]}”：{message}")
                break
    return found


def letterhead_problem(mark: str, signature: str, aliases: Sequence[str] = ()) -> str | None:
    """错用文头 (clause 一(一)7): the 发文机关标志 (7.2.4: 全称或规范化简称, optionally + "文件") must name the organ
    that signs the document; ``aliases`` are the organ's other accepted names.  None when it does."""
    name = mark.strip()
    name = name[: -len("文件")] if name.endswith("文件") and len(name) > 2 else name
    if name == signature.strip() or name in {a.strip() for a in aliases}:
        return None
    return f"发文机关标志“{mark}”与发文机关署名“{signature}”不一致，疑似错用文头"


def _tuple(value) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    return tuple(value)


@dataclass(frozen=True)
class OutgoingDocument:
    """The elements of 条例 第九条 for one outgoing document, in one of the :data:`FORMATS`.

    ``doc_number`` and ``classification`` accept their text forms; ``upward`` (上行文) defaults to the
    文种's usual direction (请示, 报告).  ``sealed``: the document will carry a seal (7.3.5.1) — otherwise the
    署名 and date are set as 7.3.5.2.  A 纪要 (``format="minutes"``) lists ``attendees`` (出席, required unless
    ``attendees_required=False``), ``on_leave`` (请假) and ``observers`` (列席), needs no 署名 and may go without
    a 发文字号 — it then shows its 期号 (``issue_number``, "第3期") under the 标志; a 信函 (``format="letter"``) needs
    its 发文字号 and carries no 印发机关 or 印发日期.

    The year of the 发文字号 is the year of the 成文日期 (a document signed on 31 December and numbered in January
    is numbered in the December year); a number of another year is refused.  ``draft_number`` is printed in place of
    a 字号 not yet assigned (a preview at 核稿 and 首读: "青医发〔2026〕×号").  The title is broken into lines by
    meaning (:func:`break_title`) unless it holds its own breaks ("\n"), which are then checked.
    """

    agency_mark: str  # 发文机关标志, e.g. "××市卫生健康委员会文件"
    doc_number: DocNumber | str | None  # 发文字号 (None only for a 纪要)
    title: str  # 标题; "\n" breaks it into lines (梯形/菱形 arrangement, 7.3.1)
    body: Sequence[str]  # 正文 paragraphs
    signature: str  # 发文机关署名
    date: datetime.date  # 成文日期
    addressees: str = ""  # 主送机关 (the closing "：" is added)
    copy_number: int | str | None = None  # 份号 (printed as six digits)
    classification: Classification | str | None = None  # 密级和保密期限
    urgency: Urgency | str = Urgency.NORMAL  # 紧急程度
    kind: DocumentKind | str | None = None  # 文种
    upward: bool | None = None  # 上行文
    signers: Sequence[str] = ()  # 签发人 (shown on 上行文)
    attachments: Sequence[str] = ()  # 附件说明: the attachment names
    note: str = ""  # 附注
    copy_to: Sequence[str] = ()  # 抄送机关
    printing_office: str = ""  # 印发机关
    printing_date: datetime.date | None = None  # 印发日期
    sealed: bool = True
    mark_aliases: Sequence[str] = ()  # other names of the signing organ that its 标志 may use (规范化简称)
    format: str = "document"  # one of FORMATS
    attendees: Sequence[str] = ()  # 纪要: 出席 (units and names)
    on_leave: Sequence[str] = ()  # 纪要: 请假
    observers: Sequence[str] = ()  # 纪要: 列席
    attendees_required: bool = True  # 纪要: False only when the caller has no 出席 list to give
    issue_number: str = ""  # 纪要: 期号, e.g. "第3期"
    draft_number: str = ""  # preview: printed where the 字号 will be, e.g. "青医发〔2026〕×号"
    layout: Gbt9704Layout = field(default=LAYOUT, repr=False, compare=False)

    def __post_init__(self) -> None:
        problems: list[str] = []
        setv = object.__setattr__  # frozen: normalise in place once
        if isinstance(self.doc_number, str):
            try:
                setv(self, "doc_number", parse_doc_number(self.doc_number))
            except DocNumberError as e:
                problems.append(e.message.rstrip("。"))
        for name, enum in (("urgency", Urgency), ("kind", DocumentKind)):
            value = getattr(self, name)
            if value is not None and not isinstance(value, enum):
                try:
                    setv(self, name, enum.from_label(value))
                except ValueError as e:
                    problems.append(str(e))
        if isinstance(self.classification, str):
            try:
                setv(self, "classification", Classification.parse(self.classification) if self.classification else None)
            except ValueError as e:
                problems.append(str(e))
        for name in ("body", "signers", "attachments", "copy_to", "mark_aliases", "attendees", "on_leave",
                     "observers"):
            setv(self, name, tuple(s.strip() for s in _tuple(getattr(self, name)) if s.strip()))
        for name in ("agency_mark", "title", "signature", "addressees", "note", "printing_office", "issue_number",
                     "draft_number"):
            setv(self, name, (getattr(self, name) or "").strip())
        if self.upward is None:
            kind_direction = self.kind.usual_direction if isinstance(self.kind, DocumentKind) else None
            setv(self, "upward", kind_direction is not None and kind_direction.value == "upward")
        if self.format not in FORMATS:
            problems.append(f"版式“{self.format}”无效，应为{'、'.join(FORMATS)}之一")
        problems.extend(self._problems())
        if problems:
            raise DocumentFormatError(problems)

    def _problems(self) -> list[str]:
        p = self._format_problems()
        if not self.agency_mark:
            p.append("缺少发文机关标志")
        elif self.format != "minutes" and self.signature and (
                problem := letterhead_problem(self.agency_mark, self.signature, self.mark_aliases)):
            p.append(problem)
        if not self.title:
            p.append("缺少标题")
        elif self.title[-1] in _CLOSING_PUNCT:
            p.append(f"标题末尾不加标点（“{self.title[-1]}”）")
        elif "\n" in self.title:
            p.extend(title_line_problems(self.title.split("\n"), self.layout.title_chars_per_line))
        if not self.body:
            p.append("缺少正文（公文首页必须显示正文）")
        if not self.signature and self.format != "minutes":
            p.append("缺少发文机关署名")
        if not isinstance(self.date, datetime.date):
            p.append("缺少成文日期")
        if self.addressees and self.addressees[-1] in _CLOSING_PUNCT.replace("：", ""):
            p.append(f"主送机关最后应标全角冒号“：”，不能是“{self.addressees[-1]}”")
        if self.copy_number is not None and not re.fullmatch(r"\d{1,6}", str(self.copy_number).strip()):
            p.append(f"份号应为不超过6位的阿拉伯数字，不能是“{self.copy_number}”")
        elif self.copy_number is not None and int(str(self.copy_number)) == 0:
            p.append("份号从000001开始")
        if self.classification is not None and self.copy_number is None:
            p.append("涉密公文应当标注份号")
        if self.upward and not self.signers:
            p.append("上行文应当标注签发人")
        for name in self.attachments:
            if name[-1] in _CLOSING_PUNCT:
                p.append(f"附件名称“{name}”后不加标点")
            if re.match(r"\d+[.．、]", name):
                p.append(f"附件名称“{name}”不要自带序号，序号自动编排")
        for organ in self.copy_to:
            if organ[-1] in _CLOSING_PUNCT:
                p.append(f"抄送机关“{organ}”后不加标点（逗号和句号自动加）")
        if (isinstance(self.doc_number, DocNumber) and isinstance(self.date, datetime.date)
                and self.doc_number.year != self.date.year):
            p.append(f"发文字号的年份〔{self.doc_number.year}〕与成文日期{format_date(self.date)}不在同一年"
                     "（文号年份取成文日期的年份）")
        if self.printing_date is not None and isinstance(self.date, datetime.date) and self.printing_date < self.date:
            p.append(f"印发日期{format_date(self.printing_date)}早于成文日期{format_date(self.date)}")
        if (self.printing_office == "") != (self.printing_date is None):
            p.append("印发机关和印发日期应同时标注")
        return p

    def _format_problems(self) -> list[str]:
        """What 10.1 and 10.3 add: a 信函 has a 字号, a plain-name 标志 and no 印发 line; a 纪要 its 标志 and 出席."""
        p = []
        if self.doc_number is None and not self.draft_number and self.format != "minutes":
            p.append("信函格式应当标注发文字号" if self.format == "letter" else "缺少发文字号")
        if self.draft_number and self.doc_number is not None:
            p.append("已有发文字号，不能再用预览占位文号")
        if self.issue_number and self.format != "minutes":
            p.append("期号只用于纪要格式")
        if self.format == "letter":
            if self.agency_mark.endswith("文件"):
                p.append(f"信函格式的发文机关标志用机关全称或规范化简称，不加“文件”（“{self.agency_mark}”）")
            if self.printing_office or self.printing_date is not None:
                p.append("信函格式不标注印发机关和印发日期")
        elif self.format == "minutes":
            suffix = self.layout.minutes_mark_suffix
            if self.agency_mark and not self.agency_mark.endswith(suffix):
                p.append(f"纪要标志应为“××××{suffix}”，不能是“{self.agency_mark}”")
            if self.attendees_required and not self.attendees:
                p.append("纪要应当标注出席人员名单")
        if self.format != "minutes" and (self.attendees or self.on_leave or self.observers):
            p.append("出席、请假、列席人员名单只用于纪要格式")
        return p

    # display forms ----------------------------------------------------------------------------------
    @property
    def number_text(self) -> str:
        """What stands on the 字号 line: the 发文字号, else the preview's placeholder, else a 纪要's 期号."""
        if self.doc_number is not None:
            return str(self.doc_number)
        return self.draft_number or self.issue_number

    @property
    def title_lines(self) -> list[str]:
        """The title's lines: the drafter's own breaks, else broken by meaning, keeping the organ's names whole."""
        if "\n" in self.title:
            return [line.strip() for line in self.title.split("\n")]
        organ = self.agency_mark.removesuffix("文件")
        return break_title(self.title, self.layout.title_chars_per_line,
                           keep=(self.signature, organ, *self.mark_aliases))

    @property
    def copy_number_text(self) -> str:
        return f"{int(str(self.copy_number)):06d}" if self.copy_number is not None else ""

    @property
    def addressees_text(self) -> str:
        return self.addressees.rstrip("：") + "：" if self.addressees else ""

    @property
    def note_text(self) -> str:
        if not self.note:
            return ""
        return self.note if self.note.startswith("（") and self.note.endswith("）") else f"（{self.note}）"

    @property
    def attachment_lines(self) -> list[tuple[str, str]]:
        """(number, name) per attachment: number "" for a single one, "1." "2." ... for several (7.3.4)."""
        if len(self.attachments) == 1:
            return [("", self.attachments[0])]
        return [(f"{i}.", name) for i, name in enumerate(self.attachments, start=1)]

    @property
    def copy_to_text(self) -> str:
        return "抄送：" + "，".join(self.copy_to) + "。" if self.copy_to else ""

    @property
    def attendance(self) -> list[tuple[str, str]]:
        """纪要 (10.3): (label, names) for 出席, 请假, 列席 in that order, each only when given."""
        sep = self.layout.minutes_name_separator
        groups = (("出席", self.attendees), ("请假", self.on_leave), ("列席", self.observers))
        return [(label, sep.join(names)) for label, names in groups if names]

    @property
    def signer_lines(self) -> list[list[str]]:
        n = self.layout.signers_per_line
        return [list(self.signers[i : i + n]) for i in range(0, len(self.signers), n)]


def render_docx(doc: OutgoingDocument, layout: Gbt9704Layout | None = None) -> bytes:
    """The document as .docx bytes in GB/T 9704-2012 layout, in its ``format``."""
    from .gbt9704_docx import write_docx

    return write_docx(doc, layout or doc.layout)
