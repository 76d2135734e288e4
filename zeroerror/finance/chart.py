"""Budget-vs-actual charts as inline SVG (no library, nothing fetched): plain Python, no Django.

* :func:`line_chart` — one budget line over a year: the monthly spending as bars, the cumulative spending as a line,
  the budget as a dashed rule (red where the cumulative line crosses it).
* :func:`summary_chart` — every line: budget and actual side by side, as horizontal bars.

Each chart carries a ``<title>`` and ``role="img"`` with an ``aria-label``; the page shows the same figures as a
table beside it (the fallback for readers and printers that do not render SVG).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from zeroerror.finance.rules import cumulative, execution_rate, yuan

MONTHS = [f"{m}月" for m in range(1, 13)]
BAR = "#4a78b5"
CUM = "#c07a12"
OVER = "#c0392b"
BUDGET = "#555"


@dataclass(frozen=True)
class LineFigures:
    name: str
    category: str
    budget: Decimal  # as adjusted
    months: list[Decimal]  # twelve monthly sums of the recorded expenses
    adjusted: Decimal = Decimal("0.00")  # the approved adjustments (调整预算), + or −

    @property
    def original(self) -> Decimal:
        """The budget as first approved (年初预算)."""
        return self.budget - self.adjusted

    @property
    def actual(self) -> Decimal:
        return sum(self.months, Decimal("0.00"))

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.actual

    @property
    def rate(self) -> Decimal | None:
        return execution_rate(self.budget, self.actual)

    @property
    def over(self) -> bool:
        return self.actual > self.budget


def total_of(figures: list[LineFigures]) -> LineFigures:
    """The 合计 row of ``figures``."""
    zero = Decimal("0.00")
    return LineFigures(name="合计", category="", budget=sum((f.budget for f in figures), zero),
                       months=[sum((f.months[i] for f in figures), zero) for i in range(12)],
                       adjusted=sum((f.adjusted for f in figures), zero))


def _nice_max(value: Decimal) -> Decimal:
    """A round top for the axis, at least ``value``."""
    if value <= 0:
        return Decimal(1)
    magnitude = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = magnitude * Decimal(str(step))
        if top >= value:
            return top
    return magnitude * 10  # pragma: no cover


def _short(value: Decimal) -> str:
    if value >= 10000:
        return f"{(value / 10000).quantize(Decimal('0.1'))}万"
    return f"{int(value)}"


def _adjusted(fig: LineFigures) -> str:
    if not fig.adjusted:
        return ""
    sign = "+" if fig.adjusted > 0 else "−"
    return f"（年初 {yuan(fig.original)}，调整 {sign}{yuan(abs(fig.adjusted))}）"


def line_chart(fig: LineFigures, *, width: int = 640, height: int = 240) -> str:
    left, right, top, bottom = 56, 12, 24, 28
    plot_w, plot_h = width - left - right, height - top - bottom
    running = cumulative(fig.months)
    top_value = _nice_max(max([fig.budget, *running]))

    def y(v: Decimal) -> float:
        return round(top + plot_h - float(v / top_value) * plot_h, 1)

    slot = plot_w / 12
    label = (f"{fig.name}：预算 {yuan(fig.budget)}{_adjusted(fig)}，累计支出 {yuan(fig.actual)}"
             + (f"，执行率 {fig.rate}%" if fig.rate is not None else ""))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>']
    for i in range(5):  # grid and axis labels
        v = top_value * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(v)}" y2="{y(v)}" stroke="#e3e3e3"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4}" text-anchor="end" font-size="11" fill="#666">'
                     f'{_short(v)}</text>')
    for i, v in enumerate(fig.months):
        x = left + slot * i
        if v > 0:
            parts.append(f'<rect x="{x + slot * 0.2:.1f}" y="{y(v)}" width="{slot * 0.6:.1f}" '
                         f'height="{round(y(Decimal(0)) - y(v), 1)}" fill="{BAR}"><title>{MONTHS[i]} '
                         f'{escape(yuan(v))}</title></rect>')
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{height - 10}" text-anchor="middle" font-size="11" '
                     f'fill="#666">{MONTHS[i]}</text>')
    points = " ".join(f"{left + slot * i + slot / 2:.1f},{y(v)}" for i, v in enumerate(running))
    parts.append(f'<polyline points="{points}" fill="none" stroke="{OVER if fig.over else CUM}" stroke-width="2"/>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(fig.budget)}" y2="{y(fig.budget)}" '
                 f'stroke="{BUDGET}" stroke-dasharray="6 4" stroke-width="1.5"/>'
                 f'<text x="{width - right}" y="{y(fig.budget) - 4}" text-anchor="end" font-size="11" '
                 f'fill="{BUDGET}">预算 {escape(yuan(fig.budget) + _adjusted(fig))}</text>')
    parts.append(f'<g font-size="11" fill="#333"><rect x="{left}" y="4" width="10" height="10" fill="{BAR}"/>'
                 f'<text x="{left + 14}" y="13">当月支出</text>'
                 f'<line x1="{left + 80}" x2="{left + 96}" y1="9" y2="9" stroke="{CUM}" stroke-width="2"/>'
                 f'<text x="{left + 100}" y="13">累计支出</text>'
                 f'<line x1="{left + 170}" x2="{left + 186}" y1="9" y2="9" stroke="{BUDGET}" '
                 f'stroke-dasharray="6 4"/><text x="{left + 190}" y="13">预算</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def summary_chart(figures: list[LineFigures], *, width: int = 640) -> str:
    """Budget (grey) and actual (blue; red when over) per line, one pair of bars per line."""
    left, right, row = 170, 90, 34
    height = 24 + row * len(figures)
    plot_w = width - left - right
    top_value = _nice_max(max([Decimal(1)] + [max(f.budget, f.actual) for f in figures]))
    label = "各预算项目预算与实际支出：" + "；".join(f"{f.name} 预算 {yuan(f.budget)} 支出 {yuan(f.actual)}"
                                                 for f in figures)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{escape(label)}"><title>{escape(label)}</title>']
    for i, f in enumerate(figures):
        y0 = 16 + row * i
        bw = plot_w * float(f.budget / top_value)
        aw = plot_w * float(f.actual / top_value)
        name = f.name if len(f.name) <= 12 else f.name[:11] + "…"
        parts.append(f'<text x="{left - 8}" y="{y0 + 14}" text-anchor="end" font-size="12" fill="#333">'
                     f'{escape(name)}</text>'
                     f'<rect x="{left}" y="{y0}" width="{bw:.1f}" height="10" fill="#bbb"><title>预算 '
                     f'{escape(yuan(f.budget))}</title></rect>'
                     f'<rect x="{left}" y="{y0 + 11}" width="{aw:.1f}" height="10" fill="{OVER if f.over else BAR}">'
                     f'<title>支出 {escape(yuan(f.actual))}</title></rect>'
                     f'<text x="{left + max(bw, aw) + 6:.1f}" y="{y0 + 16}" font-size="11" fill="#333">'
                     f'{f.rate if f.rate is not None else "—"}%</text>')
    parts.append("</svg>")
    return "".join(parts)
