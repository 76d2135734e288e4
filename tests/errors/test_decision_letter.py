"""差错认定书 (issue 9 item 8a): the person's own letter — what, clause, grading, their amount and measures, the appeal
right and deadline — as .docx and PDF, opened and read back; never the reporter; colleagues get nothing."""

import io
import subprocess
from datetime import date

import pytest
from docx import Document

from tests.tools import need
from zeroerror.audit.models import AuditRecord
from zeroerror.errors.models import Channel

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1


def text_of(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def error(team, make_lead, confirm):
    lead = make_lead(team.alice, channel=Channel.REPORT, actor=team.charlie, occurred_on=date(YEAR, 3, 1),
                     description="将《关于调整门诊排班的通知》压至第三天才转办")
    return confirm(lead, "serious", on=date(YEAR, 3, 2))


@pytest.mark.clause("二.2(2)", "二.3")
def test_the_person_gets_a_letter_with_what_clause_grading_amount_measures_and_appeal_deadline(team, error, login):
    response = login(team.alice).get(f"/errors/{error.pk}/letter.docx")
    assert response.status_code == 200
    text = text_of(response.content)
    assert "差错认定书" in text and f"差错认定〔{YEAR}〕{error.pk}号" in text
    assert "艾丽（办公室）：" in text and "将《关于调整门诊排班的通知》压至第三天才转办" in text
    assert "一(一)4" in text and "严重差错" in text
    assert f"{YEAR}-03 扣罚绩效 100.00 元" in text
    assert "向办公室/院办公会作出书面检查" in text
    assert "提出申诉（每项决定可申诉一次）" in text or "申诉期限已过" in text
    assert "查理" not in text  # the reporter is named nowhere
    assert AuditRecord.objects.filter(action="errors.letter.download").count() == 1


def test_the_leader_gets_his_own_liability_and_colleagues_get_nothing(team, error, login):
    text = text_of(login(team.perfhead).get(f"/errors/{error.pk}/letter.docx?person={team.leo.pk}").content)
    assert "李副院长" in text and "分管领导连带责任" in text and "由院长对分管领导进行口头提醒" in text
    assert "100.00" not in text  # alice's amount is not on his letter
    assert login(team.bob).get(f"/errors/{error.pk}/letter.docx").status_code == 404
    assert login(team.perfhead).get(f"/errors/{error.pk}/letter.docx?person=abc").status_code == 404


def test_the_letter_prints_as_pdf(team, error, login, tmp_path):
    need("soffice")
    pdftotext = need("pdftotext")
    response = login(team.alice).get(f"/errors/{error.pk}/letter.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    path = tmp_path / "letter.pdf"
    path.write_bytes(response.content)
    text = subprocess.run([pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    compact = "".join(text.split())
    assert "差错认定书" in compact and "艾丽" in compact and "一(一)4" in compact and "100.00" in compact
