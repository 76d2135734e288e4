"""差错通报 (issue 9 item 8b): the month's errors as a 院内通报 in 公文 layout (GB/T 9704 writer), names by policy."""

import io
from datetime import date

import pytest
from docx import Document

from zeroerror.errors.models import Channel

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
MONTH = f"{YEAR}-06"


def text_of(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture
def june(team, make_lead, confirm):
    confirm(make_lead(team.alice, channel=Channel.REPORT, actor=team.charlie, occurred_on=date(YEAR, 6, 1),
                      description="会议通知漏发两个科室"), on=date(YEAR, 6, 3))
    confirm(make_lead(team.bob, occurred_on=date(YEAR, 6, 2), description="收文登记错录来文机关"), "serious",
            on=date(YEAR, 6, 5))
    return team


@pytest.fixture
def awaiting(june, make_lead, confirm):
    return confirm(make_lead(june.charlie, occurred_on=date(YEAR, 6, 3), description="印章使用登记缺页"),
                   "undetermined", on=date(YEAR, 6, 6))


@pytest.mark.clause("二.3")
def test_it_writes_the_months_bulletin_without_names_by_default(june, login):
    response = login(june.perfhead).get(f"/errors/ledger/bulletin.docx?month={MONTH}")
    assert response.status_code == 200
    text = text_of(response.content)
    assert f"关于{YEAR}年6月差错情况的通报" in text.replace("\n", "")
    assert "测医发〔" in text and "×号" in text
    assert "院内各科室：" in text
    assert f"{YEAR}年6月全院共发生差错2起，其中一般差错1起、严重差错1起" in text
    assert "（一）办公室一名工作人员，6月1日，会议通知漏发两个科室，违反规定一(一)4" in text
    assert "认定为严重差错" in text
    for name in ("艾丽", "鲍勃", "查理"):
        assert name not in text


def test_it_names_the_people_when_the_policy_says_so(june, login, settings):
    settings.BULLETIN_NAMES = True
    text = text_of(login(june.perfhead).get(f"/errors/ledger/bulletin.docx?month={MONTH}").content)
    assert "（一）办公室艾丽，6月1日" in text and "鲍勃" in text
    assert "查理" not in text  # the reporter never


def test_only_the_performance_office_writes_it(june, login):
    assert login(june.alice).get(f"/errors/ledger/bulletin.docx?month={MONTH}").status_code == 403
    assert login(june.perfhead).get("/errors/ledger/bulletin.docx?month=June").status_code == 404


def test_a_case_awaiting_the_meetings_grading_is_said_to_be_referred(june, awaiting, login):
    text = text_of(login(june.perfhead).get(f"/errors/ledger/bulletin.docx?month={MONTH}").content)
    assert "共发生差错3起，其中一般差错1起、严重差错1起、待院长办公会议研究界定1起" in text
    assert "印章使用登记缺页，违反规定一(一)4（公文运转时限），提请院长办公会议研究界定。" in text
    assert "认定为待院长办公会议研究界定" not in text


@pytest.mark.clause("二.3")
def test_it_writes_a_bulletin_of_one_case_from_the_lead_page(june, login):
    from zeroerror.audit.models import AuditRecord
    from zeroerror.errors.models import Lead

    serious = Lead.objects.get(person=june.bob)
    client = login(june.perfhead)
    assert f"/errors/{serious.pk}/bulletin.docx" in client.get(f"/errors/{serious.pk}/").content.decode()
    text = text_of(client.get(f"/errors/{serious.pk}/bulletin.docx").content)
    assert "关于一起严重差错的通报" in text.replace("\n", "") and "院内各科室：" in text
    assert "办公室一名工作人员，6月2日，收文登记错录来文机关，违反规定一(一)4（公文运转时限），认定为严重差错。" in text
    assert "会议通知漏发两个科室" not in text and "鲍勃" not in text
    assert AuditRecord.objects.filter(action="errors.bulletin.export", object_id=str(serious.pk)).count() == 1


def test_a_case_bulletin_is_for_the_performance_office_and_confirmed_errors_only(june, login, make_lead):
    from zeroerror.errors.models import Lead

    serious = Lead.objects.get(person=june.bob)
    assert login(june.alice).get(f"/errors/{serious.pk}/bulletin.docx").status_code == 403
    assert f"/errors/{serious.pk}/bulletin.docx" not in login(june.bob).get(f"/errors/{serious.pk}/").content.decode()
    waiting = make_lead(june.dora, occurred_on=date(YEAR, 6, 9))
    assert login(june.perfhead).get(f"/errors/{waiting.pk}/bulletin.docx").status_code == 404
