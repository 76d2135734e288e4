"""接待方案 and 接待审批单 as printed: the .docx read back, the PDF rendered by LibreOffice and read back."""

import subprocess
from decimal import Decimal

import pytest

from tests.printed import docx_text
from tests.tools import need
from zeroerror.reception.actions import do_record_bill


@pytest.mark.clause("一(三)2")
def test_the_plan_docx_has_the_schedule_the_meals_the_budget_and_the_approval(org, login, approved_plan):
    report = approved_plan().report
    response = login(org.alice).get(f"/reception/{report.pk}/print/plan.docx")
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "市卫生健康委员会张处长（医政医管处处长）一行来访接待方案（参观考察）" in text
    assert "已批准 · 李副院长批准于" in text
    assert "参观考察点一（考察点） | 行政楼三楼会议室 | 艾丽、鲍勃 | 川A·12345" in text
    assert "1次，80.00元/人/餐，陪餐3人" in text and "经费预算" in text
    assert "主持领导：李副院长" in text


def test_the_approval_form_carries_the_list_figures_and_the_bill(org, login, approved_plan):
    plan = approved_plan()
    do_record_bill(plan.report, actor=org.alice.user, guests=4, accompanying=3, meals=1, meal_total=Decimal("540"),
                   room_nights=0, room_total=Decimal("0"), other_total=Decimal("0"), invoice_ref="No.778899")
    text = docx_text(login(org.alice).get(f"/reception/{plan.report.pk}/print/approval.docx").content)
    assert "公务接待审批单" in text and "接待对象单位 | 市卫生健康委员会" in text
    assert "公函 | 市卫健函〔2026〕12号" in text and "合计540.00元" in text and "No.778899" in text
    assert "同意。李副院长" in text


def test_the_plan_pdf_renders_the_chinese_text(org, login, approved_plan):
    need("soffice")
    pdftotext = need("pdftotext")
    report = approved_plan().report
    response = login(org.alice).get(f"/reception/{report.pk}/print/plan.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = subprocess.run([pdftotext, "-", "-"], input=response.content, capture_output=True, check=True).stdout.decode()
    assert "五、工作分工" in text and "主持领导：李副院长" in text and "行政楼三楼会议" in text


def test_printouts_are_for_those_who_run_or_oversee_the_reception(org, login, approved_plan):
    report = approved_plan().report
    assert login(org.charlie).get(f"/reception/{report.pk}/print/plan.docx").status_code == 404
    assert login(org.alice).get(f"/reception/{report.pk}/print/plan.exe").status_code == 404
