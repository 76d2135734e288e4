"""The safety check pages: the week's sheet (page and .xlsx) and a round answered from a phone."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from tests.facilities.conftest import PNG
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.attachments.models import Attachment
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import SafetyRound, SafetyRoundStatus


@pytest.fixture
def started(org):
    checklist = actions.do_create_checklist(name="行政楼三楼", location="行政楼三楼办公区", items=["门窗上锁", "电源关闭"],
                                            frequency="daily", owner=org.dora, checkers=[org.bob], actor=org.alice.user)
    now = timezone.now()
    return SafetyRound.objects.create(checklist=checklist, starts_at=now - timedelta(minutes=30),
                                      due_at=now + timedelta(hours=1))


@pytest.mark.clause("一(七)6")
def test_the_checker_answers_from_the_phone_with_a_photo(org, login, started):
    client = login(org.bob)
    _, html = page(client, "/secrecy/safety/")
    assert_shown(html, ["待我检查", "行政楼三楼"])
    html = client.get(f"/secrecy/safety/{started.pk}/").content.decode()
    assert 'capture="environment"' in html and "门窗上锁：正常" in html
    response = client.post(f"/secrecy/safety/{started.pk}/", {
        "done_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "ok_0": "on", "note_1": "插线板未拔",
        "photo": SimpleUploadedFile("hazard.png", PNG, "image/png")})
    assert response.status_code == 302
    started.refresh_from_db()
    assert started.status == SafetyRoundStatus.DONE and [h["item"] for h in started.hazards] == ["电源关闭"]
    assert Attachment.objects.for_owner(started).count() == 1


def test_someone_else_cannot_answer(org, login, started, other_unit):
    with nothing_changes():
        response = login(org.alice).post(f"/secrecy/safety/{started.pk}/", {"done_at": "2026-01-01T08:00"})
    assert refusal(response) == (403, "您不是“行政楼三楼”的检查人员，不能登记。")
    assert login(org.charlie).get(f"/secrecy/safety/{started.pk}/").status_code == 404
    assert login(other_unit.director).get(f"/secrecy/safety/{started.pk}/").status_code == 404


def test_a_future_time_is_refused_on_the_page(org, login, started):
    client = login(org.bob)
    with nothing_changes():
        response = client.post(f"/secrecy/safety/{started.pk}/", {"done_at": "2099-01-01T08:00", "ok_0": "on",
                                                                   "ok_1": "on"})
    assert "检查时间不能晚于当前时间。" in response.content.decode()


def test_the_week_sheet_as_xlsx(org, login, started):
    actions.do_record_safety_check(started, done_at=timezone.now(), results=[("门窗上锁", True, ""),
                                                                             ("电源关闭", True, "")],
                                   actor=org.bob.user)
    began = timezone.localtime(started.starts_at).date()  # not today's date just after midnight
    response = login(org.alice).get("/secrecy/safety/", {"export": "xlsx", "week": began.isoformat()})
    ws = load_workbook(io.BytesIO(response.content)).active
    assert "防火防盗检查周表" in ws["A1"].value and ws["A3"].value == "行政楼三楼"
    day = began.weekday()
    assert "✓" in ws.cell(row=3, column=2 + day).value and "鲍勃" in ws.cell(row=3, column=2 + day).value


def test_only_the_office_creates_checklists(org, login):
    client = login(org.charlie)
    assert refusal(client.get("/secrecy/safety/new/")) == (403, "只有办公室或保密审查员可以管理安全检查表。")
