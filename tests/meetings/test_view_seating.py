"""Clauses 一(二)7, 9: the seating page of a large-room meeting — generate, see the podium and hall, name flags."""

import pytest

from zeroerror.meetings.models import SeatingArrangement


@pytest.fixture
def big(org, rooms, notified, heads):
    return notified(room=rooms.hall, attendees=[org.principal, org.leo, org.alice, org.bob, *heads[:4]],
                    podium=[org.principal, org.leo])


@pytest.mark.clause("一(二)7")
def test_the_organiser_generates_the_seating(org, login, big):
    client = login(org.alice)
    assert "尚未生成座位表" in client.get(f"/meetings/{big.pk}/seating/").content.decode()
    response = client.post(f"/meetings/{big.pk}/seating/", {"unit_order": "strokes", "fill": "centre_out"},
                           follow=True)
    html = response.content.decode()
    assert "座位表已生成（第 1 版）" in html and "王院长" in html and "负责人0" in html
    arrangement = SeatingArrangement.objects.get(meeting=big)
    assert (arrangement.unit_order, arrangement.fill) == ("strokes", "centre_out")


def test_invitees_see_it_but_cannot_generate(org, login, big, heads):
    client = login(org.charlie)
    assert client.get(f"/meetings/{big.pk}/seating/").status_code == 404  # charlie is not invited
    client = login(heads[0])
    assert client.get(f"/meetings/{big.pk}/seating/").status_code == 200
    assert client.post(f"/meetings/{big.pk}/seating/", {"unit_order": "list", "fill": "rows"}).status_code == 403


def test_a_small_room_explains_that_there_is_no_seating_chart(org, login, notified):
    meeting = notified()
    html = login(org.alice).get(f"/meetings/{meeting.pk}/seating/").content.decode()
    assert "小型会议实行现场签到" in html and "<button type=\"submit\">生成</button>" not in html
