"""Clause 一(二)9: a manual seat change that breaks the protocol (No.1 and No.2 swapped, a podium member sent into
the hall) is refused with the reason unless confirmed, and a confirmed one is recorded with who made it."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_generate_seating, do_move_seat, do_swap_seats
from zeroerror.meetings.models import SeatingArrangement


@pytest.fixture
def big(org, rooms, notified):
    from zeroerror.org.models import Person

    Person.objects.filter(pk=org.principal.pk).update(rank=1)
    Person.objects.filter(pk=org.leo.pk).update(rank=2)
    people = [org.principal, org.leo, org.director, org.alice, org.bob, org.charlie]
    meeting = notified(room=rooms.hall, attendees=people, podium=[org.principal, org.leo])
    do_generate_seating(meeting, actor=org.alice.user)
    return meeting


def key(person):
    return f"p{person.pk}"


@pytest.mark.clause("一(二)9")
def test_it_warns_when_no1_and_no2_are_swapped_and_records_who_overrode(org, big, login):
    with pytest.raises(ValidationError) as refused:
        do_swap_seats(big, key(org.principal), key(org.leo), actor=org.alice.user)
    assert refused.value.messages == [
        "该调整不符合排座规则：主席台王院长（1号）按座次应在主席台第1排第1座，现在主席台第1排第2座；"
        "主席台李副院长（2号）按座次应在主席台第1排第2座，现在主席台第1排第1座。"
        "如确需这样安排，请勾选“确认违反排座规则”后再提交。"]
    arrangement = SeatingArrangement.objects.get(meeting=big)
    assert arrangement.version == 1 and arrangement.overrides == []
    response = login(org.alice).post(f"/meetings/{big.pk}/seating/swap/",
                                     {"a": key(org.principal), "b": key(org.leo), "confirm": "1"}, follow=True)
    assert "座位已调整（第 2 版）" in response.content.decode()
    arrangement.refresh_from_db()
    assert [(o["version"], o["by_name"]) for o in arrangement.overrides] == [(2, "艾丽")]
    assert "经确认的违反排座规则的调整" in response.content.decode()
    rec = AuditRecord.objects.filter(action="meetings.seating.adjust").latest("pk")
    assert rec.changes["override"] == arrangement.overrides[0]["warnings"]


@pytest.mark.clause("一(二)9")
def test_it_warns_when_a_podium_member_is_moved_into_the_hall(org, big):
    with pytest.raises(ValidationError, match="李副院长是主席台人员（2号），现安排在会场第5排第5座"):
        do_move_seat(big, key(org.leo), row=5, col=5, actor=org.alice.user)
    assert SeatingArrangement.objects.get(meeting=big).version == 1


def test_moves_within_the_hall_need_no_confirmation(org, big):
    arrangement = do_move_seat(big, key(org.bob), row=5, col=5, actor=org.alice.user)
    assert arrangement.version == 2 and arrangement.overrides == []
