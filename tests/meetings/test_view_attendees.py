import pytest

from zeroerror.meetings.models import Invitation


def test_the_organiser_changes_the_attendees_and_the_podium(org, login, rooms, make_meeting):
    meeting = make_meeting(room=rooms.hall)
    client = login(org.alice)
    assert "主席台就座" in client.get(f"/meetings/{meeting.pk}/attendees/").content.decode()
    response = client.post(f"/meetings/{meeting.pk}/attendees/", {
        "attendees": [org.alice.pk, org.principal.pk, org.leo.pk], "podium": [org.principal.pk], "host": org.leo.pk})
    assert response.status_code == 302
    invs = {i.person_id: (i.on_podium, i.is_host) for i in Invitation.objects.filter(meeting=meeting)}
    assert invs == {org.alice.pk: (False, False), org.principal.pk: (True, False), org.leo.pk: (True, True)}


@pytest.mark.clause("一(二)2")
def test_more_people_than_the_room_holds_is_explained(org, login, make_meeting, heads):
    meeting = make_meeting()
    html = login(org.alice).post(f"/meetings/{meeting.pk}/attendees/", {
        "attendees": [org.alice.pk, *[h.pk for h in heads[:6]]]}).content.decode()
    assert "会场容量不足" in html
    assert meeting.invitations.count() == 4


def test_invitees_outside_the_office_cannot_change_them(org, login, make_meeting):
    meeting = make_meeting()
    assert login(org.charlie).get(f"/meetings/{meeting.pk}/attendees/").status_code == 403
