"""差错统计: counts and amounts by month, person, department, clause and area, and the 先进评比 eligibility list.

Every figure is computed from a queryset of leads the reader may see (errors/access.py ``visible_leads``), so a
科室负责人's report covers their department only.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum

from zeroerror.errors.models import LeadStatus, LedgerEntry, MeasureRecord
from zeroerror.org.models import Person
from zeroerror.tracking.models import Area

ZERO = Decimal("0.00")


def money(value) -> Decimal:
    """Sum() on SQLite loses the scale of decimals: always show yuan with two places."""
    return Decimal(value or 0).quantize(Decimal("0.01"))


@dataclass
class Row:
    key: str
    label: str
    general: int = 0
    serious: int = 0
    undetermined: int = 0
    amount: Decimal = ZERO

    @property
    def total(self) -> int:
        return self.general + self.serious + self.undetermined


@dataclass
class YearReport:
    year: int
    by_month: list[Row] = field(default_factory=list)
    by_department: list[Row] = field(default_factory=list)
    by_person: list[Row] = field(default_factory=list)
    by_clause: list[Row] = field(default_factory=list)
    by_area: list[Row] = field(default_factory=list)
    totals: Row = field(default_factory=lambda: Row("total", "合计"))


def _counts(errors, *fields_):
    return (
        errors.values(*fields_)
        .annotate(
            general=Count("id", filter=Q(severity="general")),
            serious=Count("id", filter=Q(severity="serious")),
            undetermined=Count("id", filter=Q(severity="undetermined")),
        )
        .order_by(*fields_)
    )


def _amounts(entries, field_: str) -> dict[str, Decimal]:
    return {str(a[field_]): money(a["s"]) for a in entries.values(field_).annotate(s=Sum("amount")).order_by()}


def _rows(counts, key_field, label_of, amounts=None) -> list[Row]:
    """Rows of counts; ``amounts`` {key: (label, amount)} adds the amounts (a row for an amount without a count of
    this year, e.g. an adjustment for last year's error, is added with its label)."""
    rows = {}
    for c in counts:
        key = str(c[key_field])
        rows[key] = Row(key, label_of(c), c["general"], c["serious"], c["undetermined"])
    for key, (label, amount) in (amounts or {}).items():
        rows.setdefault(key, Row(key, label)).amount = amount
    return list(rows.values())


def year_report(visible_leads, year: int) -> YearReport:
    """Errors confirmed in ``year`` (overturned ones excluded) and the active ledger entries of that year's months."""
    errors = visible_leads.filter(status=LeadStatus.CONFIRMED, confirmed_on__year=year)
    entries = LedgerEntry.objects.active().filter(error__in=visible_leads, month__startswith=f"{year}-")
    report = YearReport(year)

    month_amounts = {m["month"]: money(m["s"]) for m in entries.values("month").annotate(s=Sum("amount")).order_by()}
    month_counts = {f"{year}-{c['confirmed_on__month']:02d}": c for c in _counts(errors, "confirmed_on__month")}
    for m in range(1, 13):
        key = f"{year}-{m:02d}"
        c = month_counts.get(key, {"general": 0, "serious": 0, "undetermined": 0})
        report.by_month.append(Row(key, f"{m}月", c["general"], c["serious"], c["undetermined"],
                                   month_amounts.get(key) or ZERO))

    dept_amounts = {
        str(d["person__department_id"]): money(d["s"])
        for d in entries.values("person__department_id").annotate(s=Sum("amount")).order_by()
    }
    report.by_department = _rows(
        _counts(errors, "department_id", "department__name"), "department_id", lambda c: c["department__name"],
    )
    dept_rows = {r.key: r for r in report.by_department}
    for key, amount in dept_amounts.items():
        if key in dept_rows:
            dept_rows[key].amount = amount

    person_amounts = {
        str(p["person_id"]): (p["person__name"], money(p["s"]))
        for p in entries.values("person_id", "person__name").annotate(s=Sum("amount")).order_by()
    }
    people = {r.key: r for r in _rows(_counts(errors, "person_id", "person__name"), "person_id",
                                      lambda c: c["person__name"])}
    for key, (name, amount) in person_amounts.items():
        people.setdefault(key, Row(key, name)).amount = amount  # a leader's joint liability has no error of theirs
    report.by_person = sorted(people.values(), key=lambda r: (-r.amount, -r.total, r.label))

    # the amounts by clause and area are those of the year's ledger entries for errors of that clause (area)
    clause_amounts = _amounts(entries, "error__clause__code")
    clause_titles = dict(entries.values_list("error__clause__code", "error__clause__title").distinct().order_by())
    report.by_clause = sorted(
        _rows(_counts(errors, "clause__code", "clause__title"), "clause__code",
              lambda c: f"{c['clause__code']} {c['clause__title']}",
              {k: (f"{k} {clause_titles.get(k, '')}".strip(), v) for k, v in clause_amounts.items()}),
        key=lambda r: (-r.total, -r.amount, r.key),
    )
    area_labels = dict(Area.choices)
    report.by_area = _rows(_counts(errors, "clause__area"), "clause__area",
                           lambda c: area_labels.get(c["clause__area"], c["clause__area"]),
                           {k: (area_labels.get(k, k), v) for k, v in _amounts(entries, "error__clause__area").items()})

    totals = report.totals
    for row in report.by_month:
        totals.general += row.general
        totals.serious += row.serious
        totals.undetermined += row.undetermined
        totals.amount += row.amount
    totals.amount = money(totals.amount)
    return report


@dataclass(frozen=True)
class Eligibility:
    person: Person
    eligible: bool
    reasons: tuple[str, ...]


#: measures that bar a person from the year's 先进评比: the regulation's own (3rd 一般差错), and 停职整改 (someone
#: suspended for a serious error is not put forward as 先进 that year)
DISQUALIFYING = {"award_disqualified": "", "suspension": "（停职整改期间及当年不参评）"}


def award_eligibility(people, year: int) -> list[Eligibility]:
    """先进评比: a 3rd or later 一般差错 in the year (measure ``award_disqualified``) or 停职整改 excludes the person."""
    disqualified = defaultdict(list)
    for m in (
        MeasureRecord.objects.active()
        .filter(code__in=DISQUALIFYING, error__confirmed_on__year=year, person__in=people)
        .select_related("error", "error__clause").order_by("error__confirmed_on", "id")
    ):
        disqualified[m.person_id].append(
            f"{m.error.confirmed_on:%Y-%m-%d} 认定的差错（{m.error.clause.code}）：{m.label}{DISQUALIFYING[m.code]}"
        )
    return [Eligibility(p, p.pk not in disqualified, tuple(disqualified.get(p.pk, ())))
            for p in people.select_related("department")]
