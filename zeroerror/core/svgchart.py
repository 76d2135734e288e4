"""Counts as an inline SVG bar chart (no library, nothing fetched, no inline style): plain Python, no Django.

:func:`bar_chart` draws one group of horizontal bars per category, one bar per series, each with its number. The
chart carries a ``<title>`` and ``role="img"`` with an ``aria-label`` naming every figure; a page shows the same
figures as a table beside it (the fallback for readers and printers that do not render SVG).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

PALETTE = ["#4a78b5", "#c07a12", "#c0392b", "#6b8e23", "#777"]


@dataclass(frozen=True)
class Series:
    name: str
    values: list[int]  # one per category
    color: str = ""


def bar_chart(categories: list[str], series: list[Series], *, label: str, width: int = 640) -> str:
    left, right, bar, gap = 130, 48, 12, 14
    group = bar * len(series) + gap
    legend = 22
    height = legend + group * len(categories) + 6
    plot_w = width - left - right
    top_value = max([1] + [v for s in series for v in s.values])
    figures = "；".join(f"{c}：" + "，".join(f"{s.name} {s.values[i]}" for s in series)
                       for i, c in enumerate(categories))
    text = f"{label}（{figures}）"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="{escape(text)}"><title>{escape(text)}</title>']
    x = left
    for k, s in enumerate(series):  # legend
        color = s.color or PALETTE[k % len(PALETTE)]
        parts.append(f'<rect x="{x}" y="4" width="10" height="10" fill="{color}"/>'
                     f'<text x="{x + 14}" y="13" font-size="11" fill="#333">{escape(s.name)}</text>')
        x += 24 + 12 * len(s.name)
    for i, category in enumerate(categories):
        y0 = legend + group * i
        parts.append(f'<text x="{left - 8}" y="{y0 + bar * len(series) / 2 + 4:.1f}" text-anchor="end" '
                     f'font-size="12" fill="#333">{escape(category)}</text>')
        for k, s in enumerate(series):
            value = s.values[i]
            w = plot_w * value / top_value
            y = y0 + bar * k
            color = s.color or PALETTE[k % len(PALETTE)]
            parts.append(f'<rect x="{left}" y="{y}" width="{w:.1f}" height="{bar - 2}" fill="{color}"><title>'
                         f'{escape(category)} {escape(s.name)} {value}</title></rect>'
                         f'<text x="{left + w + 4:.1f}" y="{y + bar - 3}" font-size="10" fill="#333">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)
