"""公文 form rules of GB/T 9704-2012 《党政机关公文格式》 on plain text (document profile only).

The .docx page-layout rules (margins, body font, page numbers) live in ``docx.py``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .core import Context
from .finding import WARNING, Finding, make
from .textutil import line_spans

RULES = {
    "format.docnumber_bracket": "发文字号年份应用六角括号〔〕",
    "format.docnumber_year": "发文字号年份应写全四位",
    "format.docnumber_ordinal": "发文字号序号不加“第”",
    "format.docnumber_leading_zero": "发文字号序号不编虚位（不补零）",
    "format.heading_mark": "结构层次序数的标注形式（一、（一）1.（1））",
    "format.heading_order": "结构层次序数不连续或越级",
    "format.attachment_note": "附件说明的标注形式",
    "format.addressee_colon": "主送机关后应用全角冒号",
    "format.cc_line": "抄送机关的标注形式（抄送：A，B。）",
    "format.title": "公文标题（不加句末标点，文种规范）",
    "format.date_numerals": "成文日期、印发日期应使用阿拉伯数字",
}

STD = "依据 GB/T 9704-2012《党政机关公文格式》"
CN_NUM = "一二三四五六七八九十"
_DOCNO_RE = re.compile(
    r"(?<=[\u4e00-\u9fff])([\[\(（【〔［〖])\s*(第)?\s*(\d{2,4})\s*([\]\)）】〕］〗])\s*(第)?\s*(\d+)\s*号"
)
_H1_BAD = re.compile(rf"^([{CN_NUM}]{{1,3}})(?:[.．,，:：]\s*|\s+)(?=\S)")
_H1 = re.compile(rf"^([{CN_NUM}]{{1,3}})、")
_H2 = re.compile(rf"^[（(]([{CN_NUM}]{{1,3}})[）)]([、.．,，]?)")
_H3 = re.compile(r"^(\d{1,2})([.．、，,])(?!\d)")
_H4 = re.compile(r"^[（(](\d{1,2})[）)]([、.．,，]?)")
_ATTACH_RE = re.compile(r"^附\s*件\s*([:：])?\s*(?:(\d{1,2})([.．、，,]))?(.*)$")
_CC_RE = re.compile(r"^抄\s*送\s*([:：]?)(.*)$")
_ORG_END = ("局", "厅", "委", "办", "部", "院", "所", "会", "司", "处", "室", "单位", "部门", "政府", "机构", "公司",
            "学校", "中心", "站", "队", "署", "行", "团")
_DOCTYPES = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案",
             "函", "纪要")
_CN_DATE_RE = re.compile(r"^([一二三四五六七八九〇零○]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(印发)?$")
_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}


def cn_to_int(s: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23 (numbers below 100)."""
    if "十" not in s:
        return int("".join(_DIGIT[c] for c in s))
    tens, _, ones = s.partition("十")
    return (int(_DIGIT[tens]) if tens else 1) * 10 + (int(_DIGIT[ones]) if ones else 0)


def _docnumbers(text: str) -> Iterator[Finding]:
    for m in _DOCNO_RE.finditer(text):
        if m.group(1) != "〔" or m.group(4) != "〕":
            yield make("format", "format.docnumber_bracket", text, m.start(1), m.end(4),
                       f"〔{m.group(3)}〕" if len(m.group(3)) == 4 else None,
                       f"发文字号中的年份应使用六角括号“〔〕”。{STD} 7.2.4。")
        if len(m.group(3)) != 4:
            yield make("format", "format.docnumber_year", text, m.start(3), m.end(3), None,
                       f"发文字号中的年份应标全称（四位数字）。{STD} 7.2.4。")
        for g in (2, 5):
            if m.group(g):
                yield make("format", "format.docnumber_ordinal", text, m.start(g), m.end(g), "",
                           f"发文字号的发文顺序号不加“第”字。{STD} 7.2.4。")
        seq = m.group(6)
        if len(seq) > 1 and seq.startswith("0"):
            yield make("format", "format.docnumber_leading_zero", text, m.start(6), m.end(6), str(int(seq)),
                       f"发文顺序号不编虚位（“{seq}”应为“{int(seq)}”）。{STD} 7.2.4。")


def _heading(text: str, pos: int, line: str) -> tuple[int, int, Finding | None] | None:
    """(level, number, finding about its mark or None) when ``line`` opens with a heading number."""
    if m := _H1.match(line):
        return 1, cn_to_int(m.group(1)), None
    if (m := _H1_BAD.match(line)) and not line.startswith(("一是", "二是")):
        fix = m.group(1) + "、"
        return 1, cn_to_int(m.group(1)), make("format", "format.heading_mark", text, pos, pos + m.end(), fix,
                                              f"第一层标题序数应为“{fix}”。{STD} 7.3.3。")
    if m := _H2.match(line):
        fix = f"（{m.group(1)}）"
        if m.group() != fix:
            return 2, cn_to_int(m.group(1)), make("format", "format.heading_mark", text, pos, pos + m.end(), fix,
                                                  f"第二层标题序数应为“{fix}”，括号后不加标点。{STD} 7.3.3。")
        return 2, cn_to_int(m.group(1)), None
    if m := _H4.match(line):
        fix = f"（{m.group(1)}）"
        if m.group() != fix:
            return 4, int(m.group(1)), make("format", "format.heading_mark", text, pos, pos + m.end(), fix,
                                            f"第四层标题序数应为“{fix}”，括号后不加标点。{STD} 7.3.3。")
        return 4, int(m.group(1)), None
    if m := _H3.match(line):
        fix = f"{m.group(1)}."
        if m.group(2) not in ".．":
            return 3, int(m.group(1)), make("format", "format.heading_mark", text, pos, pos + m.end(), fix,
                                            f"第三层标题序数应为“{fix}”（阿拉伯数字加下脚点），不用“{m.group(2)}”。{STD} 7.3.3。")
        return 3, int(m.group(1)), None
    return None


def _headings(text: str) -> Iterator[Finding]:
    last = [0, 0, 0, 0, 0]  # last number seen at levels 1..4
    in_attachment = False
    for off, raw in line_spans(text):
        stripped = raw.lstrip(" \t\u3000")
        pos = off + len(raw) - len(stripped)
        line = stripped.rstrip("\r")
        if _ATTACH_RE.match(line) or re.match(r"^抄\s*送", line):
            in_attachment = True  # numbered lines after 附件 belong to the attachment list
            continue
        found = _heading(text, pos, line)
        if found is None:
            if line:
                in_attachment = False
            continue
        level, num, bad = found
        if bad:
            yield bad
        if in_attachment and level == 3:
            continue
        expected = last[level] + 1
        if num != expected and not (num == 1 and last[level] == 0):
            yield make("format", "format.heading_order", text, pos, pos + 1, None,
                       f"结构层次序数不连续：此处应为第 {expected} 项，实为第 {num} 项。{STD} 7.3.3。", WARNING)
        elif level > 1 and num == 1 and any(last[k] == 0 for k in range(1, level)) and any(last[1:level]):
            yield make("format", "format.heading_order", text, pos, pos + 1, None,
                       f"结构层次越级：第 {level} 层序数前缺少上一层序数。{STD} 7.3.3。", WARNING)
        last[level] = num
        for k in range(level + 1, 5):
            last[k] = 0


def _attachment(text: str) -> Iterator[Finding]:
    in_note = False
    for off, raw in line_spans(text):
        stripped = raw.lstrip(" \t\u3000")
        pos = off + len(raw) - len(stripped)
        line = stripped.rstrip("\r ")
        m = _ATTACH_RE.match(line)
        if m and (m.group(1) or m.group(2)):
            in_note = True
            if m.group(1) != "：":
                at = pos + m.start(1) if m.group(1) else pos + 2
                yield make("format", "format.attachment_note", text, at, at + (1 if m.group(1) else 0), "：",
                           f"附件说明应为“附件：”（全角冒号）。{STD} 7.3.6。")
            num_at = (pos + m.start(2), m.group(2), m.group(3)) if m.group(2) else None
        elif in_note and (m2 := re.match(r"^(\d{1,2})([.．、，,])", line)):
            num_at = (pos, m2.group(1), m2.group(2))
        else:
            in_note = False
            continue
        if num_at and num_at[2] not in ".．":
            p = num_at[0] + len(num_at[1])
            yield make("format", "format.attachment_note", text, p, p + 1, ".",
                       f"附件序号应使用阿拉伯数字加下脚点“{num_at[1]}.”。{STD} 7.3.6。")
        if line and line[-1] in "。；;，,.":
            p = pos + len(line) - 1
            yield make("format", "format.attachment_note", text, p, p + 1, "",
                       f"附件名称后不加标点符号。{STD} 7.3.6。")


def _lines(text: str) -> Iterator[Finding]:
    nonempty = [(off, raw) for off, raw in line_spans(text) if raw.strip()]
    for idx, (off, raw) in enumerate(nonempty):
        stripped = raw.strip(" \t\u3000\r")
        pos = off + raw.index(stripped[0])
        end = pos + len(stripped)
        if m := _CC_RE.match(stripped):
            if m.group(1) != "：":
                p = pos + m.start(1)
                yield make("format", "format.cc_line", text, p, p + len(m.group(1)), "：",
                           f"抄送机关名称前应为“抄送：”（全角冒号）。{STD} 7.4.2。")
            body = m.group(2)
            for k, c in enumerate(body):
                if c in "、,;；":
                    p = pos + m.start(2) + k
                    yield make("format", "format.cc_line", text, p, p + 1, "，",
                               f"抄送机关之间用逗号隔开。{STD} 7.4.2。")
            if body and body[-1] != "。":
                fix_end = body[-1] in "，,；;.、"
                yield make("format", "format.cc_line", text, end - 1 if fix_end else end, end, "。",
                           f"最后一个抄送机关后标句号。{STD} 7.4.2。")
            continue
        if m := _CN_DATE_RE.match(stripped):
            fixed = f"{''.join(_DIGIT[c] for c in m.group(1))}年{cn_to_int(m.group(2))}月{cn_to_int(m.group(3))}日"
            yield make("format", "format.date_numerals", text, pos, pos + m.end(3) + 1,
                       fixed, f"成文日期、印发日期用阿拉伯数字标全年、月、日。{STD} 7.3.5.1、7.5.2。")
            continue
        if (idx < 3 and len(nonempty) > 1 and "关于" in stripped[:20] and len(stripped) <= 80
                and not any(c in stripped for c in "，,；;：:")):
            core = stripped.rstrip("。.！!；;，,")
            if core != stripped and core.endswith(_DOCTYPES):
                yield make("format", "format.title", text, pos + len(core), end, "",
                           f"公文标题末尾不加标点符号。{STD} 7.3.1。")
            if core.endswith("请示报告"):
                p = pos + len(core) - 4
                yield make("format", "format.title", text, p, p + 4, None,
                           "“请示报告”不是法定文种，请示与报告不得混用。依据《党政机关公文处理工作条例》第八条。")
            continue
        if 0 < idx < 8 and len(stripped) <= 60 and re.fullmatch(r"[\u4e00-\u9fff、，,（）()]{2,}[:：]?", stripped):
            name = stripped.rstrip(":：")
            prev = nonempty[idx - 1][1].strip()
            if name.endswith(_ORG_END) and ("关于" in prev or prev.endswith(_DOCTYPES)) and not stripped.endswith("："):
                has = stripped[-1] in ":："
                yield make("format", "format.addressee_colon", text, end - 1 if has else end, end, "：",
                           f"主送机关名称后标全角冒号。{STD} 7.3.2。")


def check(text: str, ctx: Context) -> Iterator[Finding]:
    yield from _docnumbers(text)
    yield from _headings(text)
    yield from _attachment(text)
    yield from _lines(text)
