"""core.svgchart: counts as an SVG bar chart that names its figures and escapes what it is given."""

import re

from zeroerror.core.svgchart import Series, bar_chart


def test_it_draws_one_bar_per_series_and_category_scaled_to_the_largest():
    svg = bar_chart(["网站", "公众号"], [Series("发布", [10, 5]), Series("撤稿", [0, 1])], label="主动公开")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') and svg.endswith("</svg>")
    assert 'aria-label="主动公开（网站：发布 10，撤稿 0；公众号：发布 5，撤稿 1）"' in svg
    widths = [float(w) for w in re.findall(r'<rect x="130" y="(?!4")[\d.]+" width="([\d.]+)"', svg)]
    assert widths == [462.0, 0.0, 231.0, 46.2]
    assert "style=" not in svg  # CSP: no inline style


def test_it_escapes_names_and_draws_nothing_to_scale_when_all_are_zero():
    svg = bar_chart(['<script>"x"</script>'], [Series("a&b", [0])], label="<空>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a&amp;b" in svg and "&lt;空&gt;" in svg
