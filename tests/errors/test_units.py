"""Two units in one installation (a county deployment): every query, close, export and report of 差错, the ledger
and pay is per unit — the second unit's 绩效办 sees nothing of the first (issue 9 defect 3)."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import Workbook, load_workbook

from tests.factories import PersonFactory, give_role
from tests.refusals import nothing_changes
from zeroerror.errors import actions
from zeroerror.errors.access import visible_leads
from zeroerror.errors.models import LedgerEntry, LedgerMonth, PerformancePay
from zeroerror.errors.payroll import COLUMNS
from zeroerror.org.roles import Role
from zeroerror.tracking.models import Notification

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
MONTH = f"{YEAR}-06"


@pytest.fixture
def two(team, other_unit, make_lead, confirm):
    """alice (unit A) and the neighbour's clerk (unit B) each have a confirmed error in June."""
    other = other_unit
    other.perfhead = PersonFactory(user__username="x_perfhead", name="邻县绩效", department=other.medical)
    give_role(other.perfhead, Role.PERFORMANCE_HEAD)
    other.perfstaff = PersonFactory(user__username="x_perfstaff", name="邻县绩效员", department=other.medical)
    give_role(other.perfstaff, Role.PERFORMANCE_STAFF)
    ours = confirm(make_lead(team.alice, occurred_on=date(YEAR, 6, 1)), on=date(YEAR, 6, 2))
    theirs = actions.do_report_lead(channel="inspection", clause_id="一(一)4", person=other.staff,
                                    occurred_on=date(YEAR, 6, 1), description="邻县文件超时",
                                    actor=other.perfhead.user)
    theirs = actions.do_confirm_lead(theirs, severity="serious", note="属实", confirmed_on=date(YEAR, 6, 3),
                                     actor=other.perfstaff.user)
    return ours, theirs, other


@pytest.mark.clause("二.3")
def test_the_other_units_performance_office_sees_only_its_own_ledger_and_leads(team, two, login):
    ours, theirs, other = two
    client = login(other.perfhead)
    html = client.get(f"/errors/ledger/?month={MONTH}").content.decode()
    assert "邻县职员" in html and "100.00" in html and "艾丽" not in html and "50.00" not in html
    assert client.get(f"/errors/{ours.pk}/").status_code == 404
    assert f"#{ours.pk}<" not in client.get("/errors/").content.decode()
    assert "艾丽" not in client.get(f"/errors/reports/?year={YEAR}").content.decode()
    assert list(visible_leads(other.perfhead)) == [theirs]
    rows = list(load_workbook(io.BytesIO(client.get(f"/errors/ledger/export.xlsx?month={MONTH}").content))
                .active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["邻县职员"]
    html = login(team.perfhead).get(f"/errors/ledger/?month={MONTH}").content.decode()
    assert "艾丽" in html and "邻县职员" not in html


def paper_text(response) -> str:
    assert response.status_code == 200, response.status_code
    if "spreadsheetml" in response["Content-Type"]:
        wb = load_workbook(io.BytesIO(response.content))
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    doc = Document(io.BytesIO(response.content))
    return "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])


@pytest.mark.clause("二.3")
def test_the_other_units_papers_hold_only_its_own_errors(team, two, login):
    ours, theirs, other = two
    client = login(other.perfhead)
    papers = {
        "finance": paper_text(client.get(f"/errors/ledger/finance.xlsx?month={MONTH}")),
        "bulletin": paper_text(client.get(f"/errors/ledger/bulletin.docx?month={MONTH}")),
        "case": paper_text(client.get(f"/errors/{theirs.pk}/bulletin.docx")),
        "monthly": paper_text(client.get(f"/errors/reports/monthly/?month={MONTH}&format=docx")),
        "letter": paper_text(client.get(f"/errors/{theirs.pk}/letter.docx")),
    }
    assert "邻县职员" in papers["finance"] and "邻县职员" in papers["letter"]
    assert "邻县文件超时" in papers["bulletin"] and "共发生差错1起" in papers["bulletin"]
    assert "本月认定差错 1 起" in papers["monthly"]
    for name, text in papers.items():
        assert "艾丽" not in text and "文件运转超时" not in text and "测试县" not in text, name
    html = client.get(f"/errors/reports/monthly/?month={MONTH}").content.decode()
    assert "艾丽" not in html and "本月认定差错<b>1</b>" in html.replace("\n", "")
    for url in (f"/errors/{ours.pk}/letter.docx", f"/errors/{ours.pk}/bulletin.docx"):
        assert client.get(url).status_code == 404, url


@pytest.mark.clause("二.3")
def test_closing_a_month_closes_it_in_one_unit_only(team, two, login):
    ours, theirs, other = two
    login(other.perfhead).post("/errors/ledger/close/", {"month": MONTH})
    assert LedgerMonth.objects.get(unit=other.unit, month=MONTH).closed_at is not None
    assert not LedgerMonth.objects.filter(unit=team.unit, month=MONTH, closed_at__isnull=False).exists()
    assert "未关账" in login(team.perfhead).get(f"/errors/ledger/?month={MONTH}").content.decode()
    # our unit's later change still lands in June: our June is open
    actions.do_recompute_ledger(YEAR, team.unit, actor=team.perfstaff.user)
    assert LedgerEntry.objects.active().get(person=team.alice).month == MONTH
    # and recomputing our ledger did not touch theirs
    assert LedgerEntry.objects.active().get(person=other.staff).amount == Decimal("100.00")


def test_a_lead_notifies_only_its_own_units_performance_office(team, two):
    ours, theirs, other = two
    assert not Notification.objects.filter(recipient=other.perfhead, title__contains="艾丽").exists()
    assert Notification.objects.filter(recipient=other.perfhead, title__contains="邻县职员").exists()
    assert not Notification.objects.filter(recipient=team.perfhead, title__contains="邻县职员").exists()


def test_nobody_acts_on_another_units_lead(team, two, make_lead):
    from django.core.exceptions import ValidationError

    ours, theirs, other = two
    lead = make_lead(team.bob)
    with pytest.raises(ValidationError, match="只有本单位督查考核小组和绩效办可以核查差错线索"):
        actions.do_confirm_lead(lead, severity="general", note="越界", actor=other.perfstaff.user)
    lead.refresh_from_db()
    assert lead.status == "open"
    with pytest.raises(ValidationError, match="责任人须为本单位人员"):
        actions.do_report_lead(channel="report", clause_id="一(一)4", person=team.bob, occurred_on=date(YEAR, 6, 1),
                               description="跨单位举报", actor=other.staff.user)
    assert list(visible_leads(other.staff)) == [theirs]  # his own, nothing of ours


def pay_file(rows):
    wb = Workbook()
    wb.active.append(COLUMNS)
    for row in rows:
        wb.active.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile("绩效.xlsx", buf.getvalue())


@pytest.mark.clause("二.3")
def test_pay_goes_to_ones_own_unit_by_its_own_employee_numbers(team, two, login):
    """Both units number a clerk 0101: the neighbour's import reaches its own clerk; our account name is unknown there."""
    ours, theirs, other = two
    for person in (team.alice, other.staff):
        person.employee_number = "0101"
        person.save(update_fields=["employee_number"])
    client = login(other.perfstaff)
    with nothing_changes():
        response = client.post("/errors/pay/", {"file": pay_file([("", "alice", "", MONTH, 4000)])})
    assert response.status_code == 400 and "账号“alice”不存在" in response.content.decode()

    response = client.post("/errors/pay/", {"file": pay_file([("0101", "", "邻县职员", MONTH, 4000)])})
    assert response.status_code == 200
    assert list(PerformancePay.objects.values_list("person__name", "amount")) == [("邻县职员", Decimal("4000.00"))]
