"""The finance sheet (issue 9 item 8d): 工号, name, department, per-person monthly total, a line per deduction with
its clause, draft/final mark, signature block; no 0.00 rows. Opened and read back."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests.factories import put_in_charge
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.errors import actions

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
MONTH = f"{YEAR}-06"


def sheet_rows(content, name):
    return [tuple(v for v in row) for row in load_workbook(io.BytesIO(content))[name].iter_rows(values_only=True)]


@pytest.fixture
def june(team, make_lead, confirm):
    for person, number in ((team.alice, "0101"), (team.bob, "0102"), (team.charlie, "0201")):
        person.employee_number = number
        person.save(update_fields=["employee_number"])
    put_in_charge(team.leo, team.perf)
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))  # 50
    confirm(make_lead(team.alice, clause="一(二)3", occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 3))  # 100
    confirm(make_lead(team.bob, occurred_on=date(YEAR, 6, 1)), "serious", on=date(YEAR, 6, 4))  # 100
    overturned = confirm(make_lead(team.charlie, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 5))  # 50, lifted
    appeal = actions.do_file_appeal(overturned, reasons="并非本人经办", actor=team.charlie.user)
    actions.do_decide_appeal(appeal, upheld=True, reasons="查明非本人经办", actor=team.perfhead.user)
    return team


@pytest.mark.clause("二.3")
def test_it_gives_finance_one_row_per_person_and_a_line_per_deduction(june, login, tmp_path):
    response = login(june.perfhead).get(f"/errors/ledger/finance.xlsx?month={MONTH}")
    assert response.status_code == 200
    (tmp_path / "finance.xlsx").write_bytes(response.content)  # kept by pytest for a look (LibreOffice → PNG)
    summary = sheet_rows(response.content, "汇总")
    assert summary[0][0] == f"测试县人民医院 {YEAR}年6月 绩效扣罚汇总表"
    assert summary[1][0].startswith("草稿（本月尚未关账")
    assert summary[2] == ("序号", "工号", "姓名", "科室", "本月扣罚合计（元）")
    people = [r for r in summary[3:] if isinstance(r[0], int)]
    assert [(r[1], r[2], r[3], r[4]) for r in people] == [
        ("0101", "艾丽", "办公室", Decimal("150")), ("0102", "鲍勃", "办公室", Decimal("100"))]
    assert all(r[4] != 0 for r in people)  # charlie's 50 and its reversal cancel out: no 0.00 row
    total = next(r for r in summary if r[0] == "合计")
    assert total[2] == "2 人" and total[4] == Decimal("250")
    signatures = [r[0] for r in summary if r[0] and str(r[0]).startswith("绩效办负责人")]
    assert signatures == ["绩效办负责人（签字）：宋绩效"]
    assert any(r[3] == "分管领导（签字）：李副院长" for r in summary)

    detail = sheet_rows(response.content, "明细")
    assert detail[2] == ("工号", "姓名", "科室", "差错编号", "违反条款", "责任类型", "类型", "金额（元）", "依据")
    lines = [(r[0], r[1], r[4], r[7]) for r in detail[3:]]
    assert sorted(lines) == sorted([("0101", "艾丽", "一(一)4", Decimal("50")), ("0101", "艾丽", "一(二)3", Decimal("100")),
                                    ("0102", "鲍勃", "一(一)4", Decimal("100"))])
    assert AuditRecord.objects.filter(action="errors.ledger.finance_export", kind=AuditKind.EXPORT).count() == 1


@pytest.mark.clause("二.3")
def test_it_marks_the_sheet_final_once_the_month_is_closed(june, login):
    actions.do_close_month(MONTH, confirm_pending=True, actor=june.perfhead.user)
    content = login(june.perfstaff).get(f"/errors/ledger/finance.xlsx?month={MONTH}").content
    assert sheet_rows(content, "汇总")[1][0].startswith("定稿（") and "已关账" in sheet_rows(content, "明细")[1][0]


def test_only_the_performance_office_exports_it(june, login):
    for person in (june.alice, june.dora, june.inspector, june.principal):
        assert login(person).get(f"/errors/ledger/finance.xlsx?month={MONTH}").status_code == 403, person.name
    assert login(june.perfhead).get("/errors/ledger/finance.xlsx?month=2026-13").status_code == 404


def test_a_name_that_starts_like_a_formula_is_written_as_the_text_typed(june, login):
    june.alice.name = '=HYPERLINK("http://example.invalid","艾丽")'
    june.alice.save(update_fields=["name"])
    content = login(june.perfhead).get(f"/errors/ledger/finance.xlsx?month={MONTH}").content
    wb = load_workbook(io.BytesIO(content))
    for sheet in ("汇总", "明细"):
        cells = [c for row in wb[sheet].iter_rows() for c in row if c.value == june.alice.name]
        assert cells and {c.data_type for c in cells} == {"s"}, sheet


def test_a_month_outside_the_years_is_not_found(june, login):
    client = login(june.perfhead)
    for url in ("/errors/ledger/finance.xlsx", "/errors/ledger/bulletin.docx", "/errors/ledger/export.xlsx"):
        assert client.get(url, {"month": "0000-06"}).status_code == 404, url
