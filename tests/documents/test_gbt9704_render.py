"""GB/T 9704 as printed: the .docx of each format rendered by LibreOffice headless (the app's own PDF path), then
read back from the PDF with pdftotext: 28 characters a line, 22 lines a page, the 版记 at the foot of the last page.

CI installs LibreOffice (libreoffice-writer-nogui) and poppler-utils; without them these tests skip."""

import datetime
import re
import shutil
import subprocess
from xml.etree import ElementTree

import pytest

from zeroerror.documents.gbt9704 import OutgoingDocument, render_docx
from zeroerror.documents.pdf import convert_to_pdf, find_soffice

pytestmark = pytest.mark.skipif(find_soffice("soffice") is None or shutil.which("pdftotext") is None,
                                reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")

MM = 25.4 / 72
TOP, BOTTOM, LEFT, RIGHT = 37.0, 262.0, 28.0, 184.0  # the 版心 on the A4 page, mm
PITCH = 225 / 22
# no punctuation, so that no line is shortened or lengthened by the rules for where punctuation may stand
PHRASE = "为提高基层医疗卫生服务能力决定开展能力提升行动"
LONG = (PHRASE * 9,) * 6  # six paragraphs of 8 lines each: the second page is all 正文
ORGAN = "××市卫生健康委员会"
COMMON = dict(title="××市卫生健康委员会关于开展基层医疗卫生服务能力提升行动的通知", body=LONG,
              date=datetime.date(2026, 1, 5), copy_to=("市委办公室", "市政府办公室"))
DOCUMENTS = {
    "document": OutgoingDocument(
        agency_mark=f"{ORGAN}文件", doc_number="卫发〔2026〕3号", signature=ORGAN, addressees="各区卫生健康局",
        kind="通知", printing_office=f"{ORGAN}办公室", printing_date=datetime.date(2026, 1, 6), **COMMON),
    "letter": OutgoingDocument(
        agency_mark=ORGAN, doc_number="卫函〔2026〕3号", signature=ORGAN, addressees="××市财政局", kind="函",
        format="letter", **COMMON | {"title": "××市卫生健康委员会关于商请协助开展能力评估的函"}),
    "minutes": OutgoingDocument(
        agency_mark=f"{ORGAN}主任办公会议纪要", doc_number=None, issue_number="第3期", signature="", kind="纪要",
        format="minutes", attendees=("张三", "李四", "王五"), printing_office=f"{ORGAN}办公室",
        printing_date=datetime.date(2026, 1, 6), **COMMON | {"title": "2026年第1次主任办公会议纪要"}),
}


def pdf_lines(pdf: bytes, tmp_path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, its text lines as (top, bottom, left, right in mm, text), top to bottom."""
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    text = re.sub(r"<!DOCTYPE[^>]*>", "", xml.decode())  # it names a DTD the parser would fetch
    ns = "{http://www.w3.org/1999/xhtml}"
    pages = []
    for page in ElementTree.fromstring(text).iter(f"{ns}page"):
        lines = []
        for line in page.iter(f"{ns}line"):
            words = "".join(w.text or "" for w in line.iter(f"{ns}word"))
            box = [float(line.get(k)) * MM for k in ("yMin", "yMax", "xMin", "xMax")]
            lines.append((*box, words))
        # lines side by side (印发机关 … 印发日期) are one printed line
        merged: list[list] = []
        for line in sorted(lines):
            if merged and abs(merged[-1][0] - line[0]) < 1:
                merged[-1] = [merged[-1][0], max(merged[-1][1], line[1]), min(merged[-1][2], line[2]),
                              max(merged[-1][3], line[3]), merged[-1][4] + " " + line[4]]
            else:
                merged.append(list(line))
        pages.append([tuple(m) for m in merged])
    return pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, list]:
    docx = {f"{name}.docx": render_docx(doc) for name, doc in DOCUMENTS.items()}
    pdfs = convert_to_pdf(docx, soffice=find_soffice("soffice"))
    tmp = tmp_path_factory.mktemp("printed")
    return {name: pdf_lines(pdfs[f"{name}.pdf"], tmp) for name in DOCUMENTS}


def body_lines(page):
    """The page's lines inside the 版心 (the 页码 below it excluded)."""
    return [line for line in page if line[1] <= BOTTOM + 0.5]


@pytest.mark.clause("一(一)7")
@pytest.mark.parametrize("name", DOCUMENTS)
def test_it_prints_28_characters_a_line(printed, name):
    lines = [line for page in printed[name] for line in body_lines(page) if PHRASE[:6] in line[4] or
             line[4] and set(line[4]) <= set(PHRASE)]
    full = [line for line in lines if LEFT - 0.5 < line[2] < LEFT + 0.5]  # starting at the left edge: not a
    # paragraph's first line (indented two characters); its last line is shorter
    widths = [len(line[4]) for line in full]
    assert widths.count(28) >= 20, widths
    assert set(widths) <= set(range(1, 29)), widths  # never 29
    for line in full:
        if len(line[4]) == 28:
            assert line[3] == pytest.approx(RIGHT, abs=1.0)  # the 28 characters fill the 156 mm line
    first_lines = [line for line in lines if line[2] == pytest.approx(LEFT + 2 * 15.75 * MM, abs=0.5)]
    assert first_lines and {len(line[4]) for line in first_lines} == {26}  # 2 characters indented + 26


@pytest.mark.clause("一(一)7")
@pytest.mark.parametrize("name", DOCUMENTS)
def test_it_prints_22_lines_a_page(printed, name):
    page = body_lines(printed[name][1])  # the second page: all 正文
    assert len(page) == 22, [line[4][:8] for line in page]
    tops = [line[0] for line in page]
    assert all(b - a == pytest.approx(PITCH, abs=0.05) for a, b in zip(tops, tops[1:], strict=False))
    assert TOP < tops[0] < TOP + PITCH  # the first line in the first line of the 版心
    assert BOTTOM - PITCH < page[-1][1] <= BOTTOM  # the 22nd in the last


@pytest.mark.clause("一(一)7")
@pytest.mark.parametrize(("name", "last"), [("document", "2026年1月6日印发"), ("letter", "抄送：市委办公室，市政府办公室。"),
                                            ("minutes", "2026年1月6日印发")])
def test_it_puts_the_edition_block_at_the_foot_of_the_last_page(printed, name, last):
    pages = printed[name]
    page = body_lines(pages[-1])
    edition = [i for i, line in enumerate(page) if last in line[4]]
    assert edition, [line[4] for line in page]
    line = page[edition[0]]
    assert edition[0] == len(page) - 1  # nothing below it but the 页码
    assert line[1] == pytest.approx(BOTTOM, abs=1.5)  # on the bottom line of the 版心 (7.4.1)
    assert not any(last in line[4] for p in pages[:-1] for line in p)
    if name != "letter":
        copy_to = page[edition[0] - 1]
        assert copy_to[4] == "抄送：市委办公室，市政府办公室。" and copy_to[0] < line[0]


@pytest.mark.clause("一(一)7")
def test_it_keeps_the_signature_and_its_date_on_one_page(printed):
    # the 正文 of the document ends on the last line of its third page: 署名 and 成文日期 go over together
    pages = printed["document"]
    signed = [i for i, page in enumerate(pages) if any(line[4] == ORGAN for line in page)]
    dated = [i for i, page in enumerate(pages) if any(line[4] == "2026年1月5日" for line in page)]
    assert signed == dated and len(signed) == 1
