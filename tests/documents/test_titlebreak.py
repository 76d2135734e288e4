"""标题回行 (GB/T 9704-2012 7.3.1: 词意完整，排列对称，长短适宜): by meaning with jieba, never a lone character,
and the drafter's own breaks checked."""

import datetime
import io

import docx
import pytest

from zeroerror.documents.gbt9704 import DocumentFormatError, OutgoingDocument, render_docx
from zeroerror.documents.titlebreak import break_title, title_line_problems

print_layout = pytest.mark.clause("一(一)7")
UNIT = "青川县人民医院"


@print_layout
@pytest.mark.parametrize(("title", "lines"), [
    # wrapped at 20 characters these printed "…的 / 函" and "…请 / 示"
    ("青川县人民医院关于商请青川县卫生健康局协助开展医院复审评价工作的函",
     ["青川县人民医院关于商请青川县卫生健康局", "协助开展医院复审评价工作的函"]),
    ("青川县人民医院关于申请购置医疗设备专项资金的请示", ["青川县人民医院", "关于申请购置医疗设备专项资金的请示"]),
    ("青川县人民医院关于申请2026年度医疗设备购置专项资金的请示",
     ["青川县人民医院关于申请2026年度", "医疗设备购置专项资金的请示"]),
    ("青川县人民医院关于印发《青川县人民医院公文处理办法》的通知",
     ["青川县人民医院关于印发", "《青川县人民医院公文处理办法》的通知"]),
    ("关于召开2026年全院安全生产工作会议的通知", ["关于召开2026年全院安全生产工作会议的通知"]),  # fits one line
])
def test_it_breaks_titles_between_words_into_a_balanced_shape(title, lines):
    assert break_title(title, 20, keep=[UNIT, "青川县卫生健康局"]) == lines


@print_layout
@pytest.mark.parametrize("title", [
    "青川县人民医院关于商请青川县卫生健康局协助开展复审工作的函",
    "青川县人民医院关于进一步规范全院医疗废物分类收集处置工作的请示",
    "青川县人民医院关于调整2026年度部分科室绩效考核指标的请示",
    "关于进一步加强和改进全院医疗质量安全管理工作若干措施的实施意见",
])
def test_no_line_is_a_lone_character_or_half_a_word(title):
    lines = break_title(title, 20, keep=[UNIT, "青川县卫生健康局"])
    assert "".join(lines) == title and len(lines) == 2
    assert all(2 <= len(line) <= 20 for line in lines)
    assert lines[-1] not in ("函", "示", "知", "见")
    assert not any(line.startswith(("的", "示", "知")) for line in lines[1:])
    assert UNIT in lines[0] or not title.startswith(UNIT)  # the organ's name is never split


@print_layout
def test_drafter_breaks_are_kept_and_checked():
    fields = dict(agency_mark=f"{UNIT}文件", doc_number="青医发〔2026〕3号", body=("正文。",), signature=UNIT,
                  date=datetime.date(2026, 1, 5))
    own = OutgoingDocument(title="青川县人民医院关于申请购置医疗设备\n专项资金的请示", **fields)
    assert own.title_lines == ["青川县人民医院关于申请购置医疗设备", "专项资金的请示"]
    d = docx.Document(io.BytesIO(render_docx(own)))
    title = next(p for p in d.paragraphs if "专项资金的请示" in p.text)
    assert title.text == "青川县人民医院关于申请购置医疗设备\n专项资金的请示"  # one line break, where the drafter set it
    with pytest.raises(DocumentFormatError) as exc:
        OutgoingDocument(title="青川县人民医院关于申请购置医疗设备专项资金的请\n示", **fields)
    assert "标题第1行“青川县人民医院关于申请购置医疗设备专项资金的请”超过20字" in exc.value.message
    assert "标题第2行只有一个字“示”，回行时不能单字成行" in exc.value.message
    assert title_line_problems(["青川县人民医院", "关于申请购置医疗设备专项资金的请示"]) == []


@print_layout
def test_the_rendered_title_is_broken_by_meaning():
    doc = OutgoingDocument(agency_mark=f"{UNIT}文件", doc_number="青医发〔2026〕3号", signature=UNIT,
                           title="青川县人民医院关于申请购置医疗设备专项资金的请示", body=("正文。",),
                           date=datetime.date(2026, 1, 5))
    d = docx.Document(io.BytesIO(render_docx(doc)))
    assert any(p.text == "青川县人民医院\n关于申请购置医疗设备专项资金的请示" for p in d.paragraphs)
