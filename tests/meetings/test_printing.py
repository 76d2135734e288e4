"""Seating chart and 席卡 PDFs, read back with poppler-utils (pdftotext, pdfinfo, pdftoppm).

Tests that need poppler skip with a reason when it is not installed (Debian: poppler-utils) — and fail under CI
(ZEROERROR_REQUIRE_TOOLS=1, see tests/tools.py).
"""

import html
import re
import subprocess
from io import BytesIO

import pytest

from tests.tools import need
from zeroerror.meetings.pdf import (
    FONT_FILE,
    CardSpec,
    ChartInfo,
    card_text,
    name_cards_pdf,
    plan_card_names,
    register_fonts,
    seating_chart_pdf,
)
from zeroerror.meetings.pdf.fonts import runs, text_width
from zeroerror.meetings.seating import (
    Attendee,
    AudienceSettings,
    Hall,
    HostPosition,
    PodiumSettings,
    UnitOrder,
    arrange,
)

MM = 72 / 25.4


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def boxes(pdf, page=None):
    """[(text, xMin, yMin, xMax, yMax)] of every word, y from the top of the page."""
    need("pdftotext")
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-bbox", *pages, "-", "-"], input=pdf, capture_output=True,
                         check=True, timeout=60).stdout.decode()
    return [(html.unescape(t), float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1, t in WORD.findall(out)]


def words(pdf, page=None):
    """[(text, xMin, yMin)] of every word."""
    return [(t, x0, y0) for t, x0, y0, _, _ in boxes(pdf, page)]


def page_sizes(pdf):
    need("pdfinfo")
    out = subprocess.run(["pdfinfo", "-l", "999", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", out)]


def render(pdf, page, dpi=72):
    need("pdftoppm")
    from PIL import Image

    png = subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), "-"],
                         input=pdf, capture_output=True, check=True).stdout
    return Image.open(BytesIO(png)).convert("L")


PEOPLE = (
    [Attendee(f"L{i}", n, "县四套班子", rank=i) for i, n in enumerate(["王建国", "李志强", "张丽华", "刘海燕", "陈明"], 1)]
    + [Attendee("H", "欧阳明华", "县政府办公室", host=True)]
    + [Attendee(f"a{i}", n, "县财政局") for i, n in enumerate(["赵红梅", "周文斌", "吴国庆"])]
    + [Attendee(f"b{i}", n, "丁村镇") for i, n in enumerate(["孙立新", "马春生"])]
)
INFO = ChartInfo("全县2025年经济工作会议", time="2025年1月8日 上午9:00", place="县行政中心大会议室", lectern="front")


def plan():
    return arrange(PEOPLE, Hall(rows=3, cols=6, aisles_after=(3,)),
                   podium=PodiumSettings(host_position=HostPosition.END_RIGHT),
                   audience=AudienceSettings(unit_list=("丁村镇", "县财政局")))


def test_font_is_vendored_with_licence_and_registers_once():
    assert FONT_FILE.is_file() and FONT_FILE.stat().st_size < 20 * 1024 * 1024
    assert (FONT_FILE.parent / "LICENSE-Apache-2.0.txt").is_file()
    assert "Apache" in (FONT_FILE.parent / "NOTICE.txt").read_text(encoding="utf-8")
    assert register_fonts() == register_fonts()


def test_text_runs_send_latin_and_digits_to_the_latin_font():
    assert runs("第12排") == [(True, "第"), (False, "12"), (True, "排")]
    assert text_width("王建国", 10) == 30  # CJK glyphs are one em wide
    assert card_text(" 张　三 ") == "张三" and card_text("Li  Ming") == "Li Ming"


@pytest.mark.clause("一(二)7")
def test_chart_shows_every_name_title_orientation_and_legend():
    pdf = seating_chart_pdf(plan(), INFO)
    assert page_sizes(pdf) == [pytest.approx((297 * MM, 210 * MM), abs=1)]  # A4 landscape
    text = "".join(w for w, _, _ in words(pdf))
    for a in PEOPLE:
        assert a.name in text
    for needle in ["全县2025年经济工作会议座位表", "时间：2025年1月8日", "县行政中心大会议室", "主席台",
                   "面向主席台", "发言席", "图例", "1丁村镇（2人）", "2县财政局（3人）", "主持", "共11人"]:
        assert needle in text, needle


@pytest.mark.clause("一(二)7")
def test_chart_positions_follow_the_plan():
    p = plan()
    found = {w: (x, y) for w, x, y in words(seating_chart_pdf(p, INFO))}
    front = [found[pl.name] for pl in p.podium_rows[0]]
    assert [pl.name for pl in p.podium_rows[0]] == ["陈明", "张丽华", "王建国", "李志强", "刘海燕", "欧阳明华"]
    assert [x for x, _ in front] == sorted(x for x, _ in front)  # left to right as seen from the hall
    assert len({round(y) for _, y in front}) == 1  # one row
    hall_y = {pl.name: found[pl.name][1] for pl in p.hall_placements}
    assert all(y > front[0][1] for y in hall_y.values())  # the hall is below (in front of) the stage
    row1 = sorted((found[pl.name][0], pl.name) for pl in p.hall_placements if pl.seat.row == 1)
    assert [n for _, n in row1] == ["孙立新", "马春生", "赵红梅", "周文斌", "吴国庆"]


def test_chart_on_a3_and_unknown_paper():
    pdf = seating_chart_pdf(plan(), INFO, paper="A3")
    assert page_sizes(pdf) == [pytest.approx((420 * MM, 297 * MM), abs=1)]
    with pytest.raises(ValueError, match="纸张"):
        seating_chart_pdf(plan(), INFO, paper="B5")


def test_pdfs_are_deterministic():
    assert seating_chart_pdf(plan(), INFO) == seating_chart_pdf(plan(), INFO)
    assert name_cards_pdf(["张三"]) == name_cards_pdf(["张三"])


@pytest.mark.clause("一(二)9")
def test_name_cards_one_per_podium_seat_about_210_by_140():
    names = plan_card_names(plan())
    assert names == ["陈明", "张丽华", "王建国", "李志强", "刘海燕", "欧阳明华"]
    pdf = name_cards_pdf(names)
    sizes = page_sizes(pdf)
    assert len(sizes) == len(names)
    assert all(w == pytest.approx(210 * MM, abs=1) and h == pytest.approx(140 * MM, abs=1) for w, h in sizes)
    for page, name in enumerate(names, 1):
        faces = [w for w, _, _ in words(pdf, page)]
        assert "".join(faces).count(name) == 2 or sorted(faces) == sorted(list(name) * 2), (name, faces)


def dark_box(img, threshold=128):
    return img.point(lambda v: 255 if v < threshold else 0).getbbox()


@pytest.mark.clause("一(二)9")
@pytest.mark.parametrize("name", ["张三", "欧阳明华", "阿依古丽·买买提"])
def test_name_card_reads_on_both_faces_when_folded(name):
    from PIL import ImageChops, ImageStat

    img = render(name_cards_pdf([name], CardSpec(fold_line=False)), 1)
    w, h = img.size
    upper, lower = img.crop((0, 0, w, h // 2)), img.crop((0, h - h // 2, w, h))
    assert dark_box(lower) is not None, "the name is printed"
    turned = upper.rotate(180)

    def diff(a, b):  # mean pixel difference, allowing the ±1 px of rasterising
        return min(ImageStat.Stat(ImageChops.difference(ImageChops.offset(a, dx, dy), b)).mean[0]
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1))

    same, unturned = diff(turned, lower), diff(upper, lower)
    assert same < 4, "upper face is the lower face turned 180°"
    assert unturned > 3 * same + 5, "and not merely the same face repeated"
    left, top, right, bottom = dark_box(lower)
    margin = 5 * 72 / 25.4  # 5 mm at 72 dpi
    assert top > margin and bottom < h // 2 - margin, "the name stays clear of the fold and the edge"
    assert left > margin and right < w - margin


def test_name_cards_refuse_empty_input():
    with pytest.raises(ValueError, match="席卡"):
        name_cards_pdf([])
    with pytest.raises(ValueError, match="席卡"):
        name_cards_pdf(["  "])


def page_streams(pdf):
    """Decoded page content streams of a reportlab PDF (ASCII85 + Flate), no external tool needed."""
    import base64
    import zlib

    found = re.finditer(rb"/Filter \[ /ASCII85Decode /FlateDecode \] /Length (\d+)\s*>>\s*stream\r?\n", pdf)
    return [zlib.decompress(base64.a85decode(pdf[m.end():m.end() + int(m[1])], adobe=True)).decode("latin-1")
            for m in found]


@pytest.mark.clause("一(二)9")
def test_name_card_structure_without_poppler():
    """Same rules read from the PDF operators: 210×140 mm, the name twice, large and bold, the second
    copy turned 180° about the page centre so it is the first one seen from across the fold."""
    pdf = name_cards_pdf(["张三", "欧阳明华"])
    boxes = re.findall(rb"/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]", pdf)
    assert [(float(w), float(h)) for w, h in boxes] == [pytest.approx((210 * MM, 140 * MM), abs=0.01)] * 2
    streams = page_streams(pdf)
    assert len(streams) == 2
    for content in streams:
        texts = re.findall(r"BT 1 0 0 1 ([\d.]+) ([\d.]+) Tm (?:\S+ Tc )?2 Tr /F\S+ ([\d.]+) Tf \S+ TL (\(.*?\)) Tj ET", content)
        assert len(texts) == 2 and texts[0] == texts[1]  # same name, same place in its own half
        x, y, size, _ = texts[0]
        assert float(y) < 70 * MM and float(size) >= 100  # lower half; large (≥ 100 pt ≈ 35 mm)
        upright, turned = content.split("-1 0 0 -1 595.2756 396.8504 cm")
        assert upright.count(" Tj ") == 1 and turned.count(" Tj ") == 1


@pytest.mark.clause("一(二)7")
def test_large_hall_fits_on_one_a4_page_without_overlapping_names():
    people = [Attendee(f"L{i}", f"领导{i}号", rank=i) for i in range(1, 13)]
    people += [Attendee(f"p{i}", f"欧阳{i:03d}", f"第{i // 40 + 1}单位") for i in range(480)]
    p = arrange(people, Hall(rows=16, cols=30, aisles_after=(8, 22)),
                podium=PodiumSettings(row_sizes=(12,)), audience=AudienceSettings(unit_order=UnitOrder.PINYIN))
    pdf = seating_chart_pdf(p, ChartInfo("大会"))
    (w, h), = page_sizes(pdf)
    names = {a.name for a in people}
    placed = [b for b in boxes(pdf) if b[0] in names]
    assert sorted(b[0] for b in placed) == sorted(names)
    assert all(0 <= x0 and x1 <= w and 0 <= y0 and y1 <= h for _, x0, y0, x1, y1 in placed)
    placed.sort(key=lambda b: (b[2], b[1]))
    for i, (n1, ax0, _, ax1, ay1) in enumerate(placed):
        for n2, bx0, by0, bx1, _ in placed[i + 1:]:
            if by0 >= ay1:
                break
            assert ax1 <= bx0 or bx1 <= ax0, f"{n1} overlaps {n2}"


def test_podium_only_chart_with_lectern_front_right():
    p = arrange([Attendee(f"L{i}", f"领导{i}号", rank=i) for i in range(1, 4)])
    text = "".join(w for w, _, _ in words(seating_chart_pdf(p, ChartInfo("小会", lectern="front_right"))))
    assert "领导3号领导1号领导2号" in text and "发言席" in text and "会场0人" in text
