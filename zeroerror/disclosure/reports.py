"""政府信息公开工作年度报告 figures (条例 第五十条): 主动公开 by channel, 依申请公开 received / answered / overdue and
the replies by type — a page with tables and charts, and the same figures as .xlsx."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Count, Q
from django.utils import timezone

from zeroerror.core.svgchart import Series, bar_chart
from zeroerror.core.xlsx import table_bytes
from zeroerror.disclosure.models import (
    Channel,
    DisclosureItem,
    DisclosureRequest,
    RequestOutcome,
    RequestStatus,
    Withdrawal,
)

MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass
class ChannelRow:
    label: str
    published: int = 0
    late: int = 0
    withdrawn: int = 0


@dataclass
class AnnualReport:
    year: int
    unit_name: str
    channels: list[ChannelRow] = field(default_factory=list)
    overdue_unpublished: int = 0
    carried_in: int = 0
    received: int = 0
    answered: int = 0
    answered_on_time: int = 0
    answered_late: int = 0
    extended: int = 0
    open_overdue: int = 0
    carried_out: int = 0
    outcomes: list[tuple[str, int]] = field(default_factory=list)

    @property
    def published_total(self) -> int:
        return sum(c.published for c in self.channels)

    @property
    def late_total(self) -> int:
        return sum(c.late for c in self.channels)

    @property
    def withdrawn_total(self) -> int:
        return sum(c.withdrawn for c in self.channels)

    def rows(self) -> list[tuple[str, str, int]]:
        """(section, figure, value): the table of the page and of the .xlsx."""
        rows = []
        for c in self.channels:
            rows += [("主动公开", f"{c.label}·发布", c.published), ("主动公开", f"{c.label}·超时限发布", c.late),
                     ("主动公开", f"{c.label}·撤稿", c.withdrawn)]
        rows += [("主动公开", "合计·发布", self.published_total), ("主动公开", "合计·超时限发布", self.late_total),
                 ("主动公开", "合计·撤稿", self.withdrawn_total),
                 ("主动公开", "应公开未公开（年末已超时限）", self.overdue_unpublished),
                 ("依申请公开", "上年结转", self.carried_in), ("依申请公开", "本年新收申请", self.received),
                 ("依申请公开", "本年办结（已答复）", self.answered),
                 ("依申请公开", "其中：按期答复", self.answered_on_time),
                 ("依申请公开", "其中：逾期答复", self.answered_late),
                 ("依申请公开", "延期答复", self.extended),
                 ("依申请公开", "逾期未答复", self.open_overdue),
                 ("依申请公开", "结转下年", self.carried_out)]
        rows += [("答复类型", label, n) for label, n in self.outcomes]
        return rows


def report_charts(report: AnnualReport) -> dict[str, str]:
    """The page's two charts: 主动公开 by channel, and the 依申请公开 figures."""
    channels = [c.label for c in report.channels]
    return {
        "channels": bar_chart(channels, [
            Series("发布", [c.published for c in report.channels]),
            Series("超时限发布", [c.late for c in report.channels], "#c07a12"),
            Series("撤稿", [c.withdrawn for c in report.channels], "#c0392b"),
        ], label=f"{report.year}年主动公开按渠道"),
        "requests": bar_chart(["本年新收申请", "本年办结", "其中逾期答复", "延期答复", "逾期未答复"], [
            Series("件数", [report.received, report.answered, report.answered_late, report.extended,
                          report.open_overdue]),
        ], label=f"{report.year}年依申请公开"),
    }


def _end_of(year: int) -> datetime:
    return timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time()))


def annual_report(unit, year: int, *, now: datetime | None = None) -> AnnualReport:
    """The figures of ``year`` for ``unit`` (constant number of queries)."""
    now = now or timezone.now()
    start, end = timezone.make_aware(datetime.combine(date(year, 1, 1), time())), _end_of(year)
    cutoff = min(end, now)
    report = AnnualReport(year=year, unit_name=unit.name)
    items = DisclosureItem.objects.of_unit(unit)
    published = dict(
        (row["publication__channel"], row) for row in items.published_in(year).values("publication__channel")
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(publication__late=True))))
    withdrawn = dict(Withdrawal.objects.filter(item__unit=unit, withdrawn_at__year=year)
                     .values_list("item__channel").annotate(n=Count("pk")))
    for channel in Channel:
        row = published.get(channel.value, {})
        report.channels.append(ChannelRow(channel.label, row.get("n", 0), row.get("late", 0),
                                          withdrawn.get(channel.value, 0)))
    report.overdue_unpublished = items.proactive().filter(due_at__gte=start, due_at__lt=cutoff).filter(
        Q(publication__isnull=True) | Q(publication__published_at__gte=cutoff)).count()
    requests = DisclosureRequest.objects.of_unit(unit)
    figures = requests.aggregate(
        carried_in=Count("pk", filter=Q(received_on__lt=date(year, 1, 1))
                         & (Q(answered_at__isnull=True) | Q(answered_at__gte=start))),
        received=Count("pk", filter=Q(received_on__year=year)),
        answered=Count("pk", filter=Q(answered_at__gte=start, answered_at__lt=end)),
        answered_late=Count("pk", filter=Q(answered_at__gte=start, answered_at__lt=end, answered_late=True)),
        extended=Count("pk", filter=Q(extended_at__gte=start, extended_at__lt=end)),
        open_overdue=Count("pk", filter=Q(received_on__lt=date(year + 1, 1, 1), due_at__lt=cutoff)
                           & (Q(answered_at__isnull=True) | Q(answered_at__gte=cutoff))),
        carried_out=Count("pk", filter=Q(received_on__lt=date(year + 1, 1, 1))
                          & (Q(answered_at__isnull=True) | Q(answered_at__gte=end))),
    )
    report.carried_in, report.received = figures["carried_in"], figures["received"]
    report.answered, report.answered_late = figures["answered"], figures["answered_late"]
    report.answered_on_time = report.answered - report.answered_late
    report.extended, report.open_overdue = figures["extended"], figures["open_overdue"]
    report.carried_out = figures["carried_out"] if end <= now else 0
    outcomes = dict(requests.filter(status=RequestStatus.ANSWERED, answered_at__gte=start, answered_at__lt=end)
                    .values_list("outcome").annotate(n=Count("pk")))
    report.outcomes = [(o.label, outcomes.get(o.value, 0)) for o in RequestOutcome]
    return report


def report_xlsx(report: AnnualReport) -> bytes:
    heading = f"{report.unit_name}{report.year}年政府信息公开工作年度报告（统计数据）"
    return table_bytes(f"{report.year}年度", ["类别", "项目", "数量"], report.rows(), widths=[14, 36, 10],
                       heading=heading)
