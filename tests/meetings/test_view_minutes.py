import pytest

from tests.meetings.conftest import started
from zeroerror.meetings.models import Meeting


@pytest.mark.clause("一(二)11")
def test_the_organiser_records_the_minutes(org, login, notified):
    meeting = started(notified())
    response = login(org.alice).post(f"/meetings/{meeting.pk}/minutes/", {"text": "会议议定：完善制度。"}, follow=True)
    assert "会议记录已保存" in response.content.decode() and "会议议定：完善制度。" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).minutes == "会议议定：完善制度。"


def test_before_the_start_it_is_refused_and_others_cannot(org, login, notified):
    meeting = notified()
    response = login(org.alice).post(f"/meetings/{meeting.pk}/minutes/", {"text": "提前写"}, follow=True)
    assert "会议尚未开始" in response.content.decode()
    assert login(org.charlie).post(f"/meetings/{meeting.pk}/minutes/", {"text": "x"}).status_code == 403
