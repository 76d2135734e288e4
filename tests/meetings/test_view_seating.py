"""Clauses 一(二)7, 9: the seating page of a large-room meeting — generate, see the podium and hall, name flags."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.meetings.models import SeatingArrangement

OPTIONS = {"unit_order": "list", "fill": "rows", "even_rule": "second_on_left", "two_seat": "second_on_firsts_left",
           "host_position": "by_rank"}


@pytest.fixture
def big(org, rooms, notified, heads):
    return notified(room=rooms.hall, attendees=[org.principal, org.leo, org.alice, org.bob, *heads[:4]],
                    podium=[org.principal, org.leo])


@pytest.mark.clause("一(二)7")
def test_the_organiser_generates_the_seating(org, login, big):
    client = login(org.alice)
    assert "尚未生成座位表" in client.get(f"/meetings/{big.pk}/seating/").content.decode()
    response = client.post(f"/meetings/{big.pk}/seating/", {**OPTIONS, "unit_order": "strokes", "fill": "centre_out"},
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
    with nothing_changes():
        response = client.post(f"/meetings/{big.pk}/seating/", OPTIONS)
    assert refusal(response) == (403, "您不能生成座位表。")


def test_a_small_room_explains_that_there_is_no_seating_chart(org, login, notified):
    meeting = notified()
    html = login(org.alice).get(f"/meetings/{meeting.pk}/seating/").content.decode()
    assert "小型会议实行现场签到" in html and "<button type=\"submit\">生成</button>" not in html


@pytest.mark.clause("一(二)7")
def test_the_podium_rules_can_be_chosen_and_are_kept_on_regeneration(org, login, big, heads):
    from zeroerror.meetings.actions import do_record_reply
    from zeroerror.meetings.models import Invitation
    from zeroerror.org.models import Person

    Person.objects.filter(pk=org.principal.pk).update(rank=1)
    Person.objects.filter(pk=org.leo.pk).update(rank=2)
    client = login(org.alice)
    client.post(f"/meetings/{big.pk}/seating/", {**OPTIONS, "two_seat": "first_on_left", "unit_starts_new_line": "on"})
    arrangement = SeatingArrangement.objects.get(meeting=big)
    assert [p["name"] for p in arrangement.podium[0]] == ["李副院长", "王院长"]  # seen from the hall: 2 1
    do_record_reply(Invitation.objects.get(meeting=big, person=heads[0]), "absent", reason="门诊", actor=heads[0].user)
    arrangement.refresh_from_db()
    assert arrangement.version == 2 and arrangement.two_seat == "first_on_left" and arrangement.unit_starts_new_line
    assert [p["name"] for p in arrangement.podium[0]] == ["李副院长", "王院长"]
