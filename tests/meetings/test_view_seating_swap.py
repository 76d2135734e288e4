"""Clauses 一(二)7, 9: manual adjustment of the seating, checked for nobody missing or seated twice."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_generate_seating
from zeroerror.meetings.models import SeatingArrangement


@pytest.fixture
def big(org, rooms, notified, heads):
    meeting = notified(room=rooms.hall, attendees=[org.principal, org.leo, org.alice, org.bob, *heads[:2]],
                       podium=[org.principal, org.leo])
    do_generate_seating(meeting, actor=org.alice.user)
    return meeting


def seat_of(arrangement, key):
    for area, rows in (("podium", arrangement.podium), ("hall", [arrangement.hall["placements"]])):
        for row in rows:
            for p in row:
                if p["key"] == key:
                    return area, p["row"], p["col"]
    return None


@pytest.mark.clause("一(二)7", "一(二)9")
def test_two_people_exchange_seats_and_the_result_is_checked(org, login, big, heads):
    before = SeatingArrangement.objects.get(meeting=big)
    a, b = f"p{org.leo.pk}", f"p{heads[0].pk}"
    seat_a, seat_b = seat_of(before, a), seat_of(before, b)
    assert seat_a[0] == "podium" and seat_b[0] == "hall"
    response = login(org.alice).post(f"/meetings/{big.pk}/seating/swap/", {"a": a, "b": b, "confirm": "1"}, follow=True)
    assert "检查无漏排、重排" in response.content.decode()
    after = SeatingArrangement.objects.get(meeting=big)
    assert (seat_of(after, a), seat_of(after, b)) == (seat_b, seat_a) and after.version == 2
    rec = AuditRecord.objects.get(action="meetings.seating.adjust")
    assert any("李副院长" in line for line in rec.changes["changed"])


def test_a_bad_pair_is_explained(org, login, big):
    client = login(org.alice)
    response = client.post(f"/meetings/{big.pk}/seating/swap/", {"a": "p999999", "b": f"p{org.leo.pk}"}, follow=True)
    assert "没有座位" in response.content.decode()
    response = client.post(f"/meetings/{big.pk}/seating/swap/", {"a": f"p{org.leo.pk}", "b": f"p{org.leo.pk}"},
                           follow=True)
    assert "两位不同的人员" in response.content.decode()
    assert SeatingArrangement.objects.get(meeting=big).version == 1


def test_invitees_cannot_adjust(org, login, big, heads):
    client = login(heads[1])
    with nothing_changes():
        response = client.post(f"/meetings/{big.pk}/seating/swap/", {"a": "x", "b": "y"})
    assert refusal(response) == (403, "您不能调整座位。")


@pytest.mark.clause("一(二)7")
def test_a_person_moves_to_a_free_hall_seat_and_a_taken_seat_is_refused(org, login, big, heads):
    client = login(org.alice)
    key = f"p{heads[0].pk}"
    response = client.post(f"/meetings/{big.pk}/seating/move/", {"key": key, "row": "5", "col": "6"}, follow=True)
    assert "检查无漏排、重排" in response.content.decode()
    arrangement = SeatingArrangement.objects.get(meeting=big)
    assert seat_of(arrangement, key) == ("hall", 5, 6)
    taken = seat_of(arrangement, f"p{org.alice.pk}")
    response = client.post(f"/meetings/{big.pk}/seating/move/", {"key": key, "row": taken[1], "col": taken[2]},
                           follow=True)
    assert "座位冲突" in response.content.decode()
    response = client.post(f"/meetings/{big.pk}/seating/move/", {"key": key, "row": "99", "col": "1"}, follow=True)
    assert "座位不存在" in response.content.decode()
    assert SeatingArrangement.objects.get(meeting=big).version == 2
