"""用车审批单（派车单）, the monthly 车辆使用登记表 and the 用车公示 as printed (clause 一(三)9): the .docx and .xlsx read
back, the PDF rendered by LibreOffice and read back."""

import datetime as dt
from decimal import Decimal

import pytest

from tests.printed import docx_text, pdf_text, xlsx_rows
from tests.refusals import refusal
from tests.tools import need
from tests.vehicles.conftest import at
from zeroerror.vehicles import actions
from zeroerror.vehicles.models import CostKind

FORMULA = '=HYPERLINK("http://evil.example","点我")'


@pytest.fixture
def september(org, fleet, drive):
    first = drive(at(2025, 9, 15, 8), 10100, at(2025, 9, 15, 12), 10160, purpose="下乡义诊")
    second = drive(at(2025, 9, 16, 8), 50000, at(2025, 9, 16, 17), 50240, vehicle=fleet.van, driver=fleet.driver2,
                   requester=org.bob, purpose=FORMULA)
    actions.do_record_cost(vehicle=fleet.car, kind=CostKind.FUEL, incurred_on=dt.date(2025, 9, 16),
                           amount=Decimal("42.00"), litres=Decimal("5.00"), provider=fleet.fuel, actor=org.alice.user)
    return first, second


@pytest.mark.clause("一(三)9")
def test_the_trip_form_has_the_request_the_approval_and_the_readings(org, fleet, login, requested):
    trip = requested(at(2025, 9, 20, 8), at(2025, 9, 20, 12))
    actions.do_decide_trip(trip, approve=True, note="注意安全", actor=org.director.user)
    actions.do_depart_trip(trip, out_at=at(2025, 9, 20, 8, 5), odometer_out=10000, actor=fleet.driver.user)
    actions.do_return_trip(trip, back_at=at(2025, 9, 20, 11, 50), odometer_in=10082, actor=fleet.driver.user)
    response = login(org.charlie).get(f"/vehicles/trips/{trip.pk}/print.docx")
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "公务用车审批单（派车单）" in text
    assert f"用车科室 | {org.charlie.department.name} | 用车人 | {org.charlie.name}" in text
    assert "用车事由 | 赴市卫健委汇报工作 | 目的地 | 广元市卫生健康委员会" in text
    assert "实际出车 | 2025年09月20日 08:05 | 出车里程 | 10000 公里" in text
    assert "行驶里程 | 82 公里" in text
    assert f"审批意见 | 同意：注意安全  {org.director.name}" in text


def test_an_unrequested_holiday_trip_says_so_on_its_form(org, fleet, login, drive):
    trip = drive(at(2025, 10, 3, 8), 10100, at(2025, 10, 3, 12), 10150)
    text = docx_text(login(org.alice).get(f"/vehicles/trips/{trip.pk}/print.docx").content)
    assert "节假日用车 | 国庆节、中秋节 | 节假日工作事由 | （未填写，节假日应封存停驶）" in text
    assert "审批意见 | 未经申请，事后补登：急诊转运，事后补登" in text


@pytest.mark.clause("一(三)9")
def test_the_monthly_register_xlsx_lists_every_trip_and_each_vehicles_fuel_and_cost(org, login, september):
    response = login(org.alice).get("/vehicles/monthly/register.xlsx?month=2025-09")
    assert response.status_code == 200
    rows = xlsx_rows(response.content, "车辆使用登记表")
    assert rows[0][0] == f"{org.unit.name}2025年9月公务用车使用登记表"
    assert rows[1][:5] == ["日期", "车号", "用车科室", "用车人", "事由"]
    assert rows[2][:2] == ["09-15", "川H·A1234"] and rows[2][8:11] == [10100, 10160, 60]
    assert rows[3][4] == FORMULA  # typed text comes back as typed, stored as text, never a live formula
    cost = xlsx_rows(response.content, "油耗与运行费用")
    assert cost[2][:5] == ["川H·A1234", 1, 60, 5, 8.33] and cost[-1][0] == "合计"


def test_the_register_docx_and_pdf_carry_the_same_rows(org, login, september):
    text = docx_text(login(org.alice).get("/vehicles/monthly/register.docx?month=2025-09").content)
    assert "2025年9月公务用车使用登记表" in text and "下乡义诊" in text and "| 240 |" in text
    need("soffice")
    pdf = "".join(pdf_text(login(org.alice).get("/vehicles/monthly/register.pdf?month=2025-09").content).split())
    assert "2025年9月公务用车使用登记表" in pdf and "下乡义诊" in pdf and "川H·B5678" in pdf


@pytest.mark.clause("一(三)9")
def test_the_notice_is_for_the_whole_unit_and_prints(org, login, september):
    client = login(org.charlie)
    text = docx_text(client.get("/vehicles/notice/notice.docx?month=2025-09").content)
    assert "2025年9月公务用车使用情况公示" in text and "本月出车 2 次，行驶 300 公里" in text
    rows = xlsx_rows(client.get("/vehicles/notice/notice.xlsx?month=2025-09").content)
    assert [r[1] for r in rows[2:]] == ["川H·A1234", "川H·B5678"] and rows[3][6] == 240


def test_the_register_is_for_those_who_see_all_trips_and_unknown_formats_are_404(org, fleet, login, september,
                                                                                  other_unit):
    assert refusal(login(org.charlie).get("/vehicles/monthly/register.xlsx?month=2025-09")) == (
        403, "车辆使用登记表由办公室、单位领导和督查人员查看。")
    assert login(org.alice).get("/vehicles/monthly/register.exe").status_code == 404
    first, _ = september
    assert login(other_unit.director).get(f"/vehicles/trips/{first.pk}/print.docx").status_code == 404
    assert login(org.admin).get(f"/vehicles/trips/{first.pk}/print.docx").status_code == 404  # not his trip
    rows = xlsx_rows(login(other_unit.director).get("/vehicles/notice/notice.xlsx?month=2025-09").content)
    assert rows[2:] == []
