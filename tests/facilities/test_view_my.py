"""The cleaner ticks a round from a phone, with a photo where proof is asked (一(八)1, 2)."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.facilities.conftest import PNG
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes
from zeroerror.attachments.models import Attachment
from zeroerror.facilities.models import CleaningRound, RoundKind, RoundStatus


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def test_the_cleaner_sees_todays_rounds_with_one_button_each(org, login, started_round):
    _, html = page(login(org.bob), "/facilities/my/")
    assert_shown(html, ["三楼小会议室 · 日常保洁", "已清扫", "清扫时间"])


@pytest.mark.clause("一(八)1")
def test_ticking_from_the_phone(org, login, started_round):
    client = login(org.bob)
    response = client.post(f"/facilities/rounds/{started_round.pk}/tick/", {
        "done_at": _when(timezone.now()), "note": "", "next": "my"})
    assert response["Location"] == "/facilities/my/"
    started_round.refresh_from_db()
    assert started_round.status == RoundStatus.DONE and started_round.done_by == org.bob


@pytest.mark.clause("一(八)1")
def test_a_round_after_a_meeting_is_ticked_with_a_photo(org, login, places):
    now = timezone.now()
    after = CleaningRound.objects.create(place=places.room, kind=RoundKind.AFTER_MEETING, reason="季度例会",
                                         starts_at=now - timedelta(minutes=10), due_at=now + timedelta(minutes=20))
    client = login(org.bob)
    html = client.get("/facilities/my/").content.decode()
    assert 'capture="environment"' in html and "现场照片" in html
    with nothing_changes():
        response = client.post(f"/facilities/rounds/{after.pk}/tick/", {"done_at": _when(now), "next": "my"},
                               follow=True)
    assert "会议或客人来访后的清理须拍照留证。" in response.content.decode()
    client.post(f"/facilities/rounds/{after.pk}/tick/", {
        "done_at": _when(now), "next": "my", "photo": SimpleUploadedFile("room.png", PNG, "image/png")})
    after.refresh_from_db()
    assert after.status == RoundStatus.DONE
    photo = Attachment.objects.for_owner(after).get()
    html = client.get(f"/facilities/rounds/{after.pk}/").content.decode()
    assert str(photo.uid) in html
    assert client.get(f"/files/{photo.uid}/").status_code == 200
    assert login(org.charlie).get(f"/files/{photo.uid}/").status_code in (403, 404)


@pytest.mark.clause("一(八)1")
@pytest.mark.parametrize(("who", "when", "message"), [
    ("bob", timedelta(hours=2), "清扫时间不能晚于当前时间。"),
    ("alice", timedelta(0), "您不在“三楼小会议室”的保洁轮值表上，不能登记。"),
])
def test_a_bad_tick_is_refused_with_nothing_changed(org, login, started_round, who, when, message):
    client = login(getattr(org, who))
    with nothing_changes():
        response = client.post(f"/facilities/rounds/{started_round.pk}/tick/", {
            "done_at": _when(timezone.now() + when), "next": "my"}, follow=True)
    assert message in response.content.decode()


@pytest.mark.parametrize("done_at", ["9999-12-31T23:59", "0000-01-01T00:00", "not a time", ""])
def test_nonsense_times_are_refused_plainly(org, login, started_round, done_at):
    client = login(org.bob)
    with nothing_changes():
        response = client.post(f"/facilities/rounds/{started_round.pk}/tick/", {"done_at": done_at}, follow=True)
    assert response.status_code == 200


def test_someone_who_cannot_see_the_round_gets_404(org, login, started_round):
    with nothing_changes():
        response = login(org.charlie).post(f"/facilities/rounds/{started_round.pk}/tick/",
                                           {"done_at": _when(timezone.now())})
    assert response.status_code == 404
