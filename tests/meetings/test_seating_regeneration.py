"""Clause 一(二)7: when replies or attendees change, the seating is updated without undoing the office's manual
adjustments — those still attending keep their seats, the seat of someone who left stays free, newcomers are seated
by the rules into free seats, and a change of the podium's protocol order is reported, not silently reshuffled."""

import pytest

from tests.factories import PersonFactory
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import (
    do_generate_seating,
    do_move_seat,
    do_record_reply,
    do_set_attendees,
    do_swap_seats,
    plan_from,
    seating_input,
)
from zeroerror.meetings.models import Invitation, Reply, SeatingArrangement
from zeroerror.meetings.seating import PODIUM, check_placements
from zeroerror.org.models import Person

PODIUM_PEOPLE = ("principal", "leo", "director")


@pytest.fixture
def big(org, rooms, notified, heads):
    for person, rank in ((org.principal, 1), (org.leo, 2), (org.director, 3)):
        Person.objects.filter(pk=person.pk).update(rank=rank)
    meeting = notified(room=rooms.hall, attendees=[org.principal, org.leo, org.director, org.alice, org.bob,
                                                   *heads[:6]],
                       podium=[org.principal, org.leo, org.director])
    do_generate_seating(meeting, actor=org.alice.user)
    return meeting


def key(person):
    return f"p{person.pk}"


def seats(meeting):
    """{key: (area, row, col)} of the stored arrangement."""
    return {p.key: (p.seat.area, p.seat.row, p.seat.col) for p in plan_from(arrangement(meeting)).placements}


def arrangement(meeting):
    return SeatingArrangement.objects.get(meeting=meeting)


def reply(meeting, person, answer, **kw):
    do_record_reply(Invitation.objects.get(meeting=meeting, person=person), answer, actor=person.user, **kw)


def assert_checked(meeting):
    plan = plan_from(arrangement(meeting))
    assert check_placements(plan.placements, seating_input(meeting), plan.hall) == []


@pytest.mark.clause("一(二)7")
def test_a_manual_swap_survives_a_new_reply(org, big, heads):
    do_swap_seats(big, key(org.leo), key(heads[0]), confirm=True, actor=org.alice.user)  # podium ⇄ hall, by hand
    do_move_seat(big, key(heads[1]), row=6, col=6, actor=org.alice.user)
    adjusted = seats(big)
    reply(big, heads[2], Reply.ATTEND)  # a reply that does not change attendance: nothing regenerated
    reply(big, org.bob, Reply.DEPUTY, deputy_name="鲍勃勃")  # a deputy: same seat, the deputy's name
    after = seats(big)
    assert after == adjusted
    assert after[key(org.leo)][0] == "hall" and after[key(heads[0])][0] == PODIUM
    assert after[key(heads[1])] == ("hall", 6, 6)
    names = {p.key: p.name for p in plan_from(arrangement(big)).placements}
    assert names[key(org.bob)] == "鲍勃勃"
    rec = AuditRecord.objects.filter(action="meetings.seating.generate").order_by("-seq").first()
    assert rec.changes["reason"] == "回执变动" and rec.changes["mode"] == "keep_adjustments"
    assert rec.changes["changed"] == []  # nobody's seat changed
    assert_checked(big)


@pytest.mark.clause("一(二)7")
def test_apologies_free_the_seat_and_nobody_else_moves(org, big, heads):
    do_swap_seats(big, key(org.alice), key(heads[3]), actor=org.alice.user)
    before = seats(big)
    reply(big, heads[1], Reply.ABSENT, reason="门诊值班")
    after = seats(big)
    freed = before.pop(key(heads[1]))
    assert after == before  # everyone else exactly where they were, the swap included
    assert freed not in after.values()  # the seat stays free
    assert arrangement(big).version == 3  # generated, swapped, updated
    rec = AuditRecord.objects.filter(action="meetings.seating.generate").order_by("-seq").first()
    assert rec.changes["changed"] == [f"撤销：{heads[1].name}（原会场第{freed[1]}排第{freed[2]}座）"]
    assert_checked(big)


@pytest.mark.clause("一(二)7")
def test_a_newcomer_gets_a_free_seat_next_to_their_unit(org, big, heads):
    freed = seats(big)[key(heads[1])]
    reply(big, heads[1], Reply.ABSENT, reason="出差")
    do_swap_seats(big, key(org.alice), key(org.bob), actor=org.alice.user)
    before = seats(big)
    assert freed not in before.values()
    newcomer = heads[7]  # 医务科, like the heads already seated
    do_set_attendees(big, [*big.attendees.all(), newcomer], podium=[org.principal, org.leo, org.director],
                     actor=org.alice.user)
    after = seats(big)
    assert after.pop(key(newcomer)) == freed  # the free seat inside the 医务科 block, not the end of the hall
    assert after == before
    another = PersonFactory(department=org.info, name="新来者", rank=300)  # a unit not seated yet: a free seat
    do_set_attendees(big, [*big.attendees.all(), another], podium=[org.principal, org.leo, org.director],
                     actor=org.alice.user)
    after = seats(big)
    assert after.pop(key(another))[0] == "hall"
    assert after == {**before, key(newcomer): freed}
    assert_checked(big)


@pytest.mark.clause("一(二)7")
def test_the_result_always_passes_the_check(org, big, heads):
    do_swap_seats(big, key(org.principal), key(org.director), confirm=True, actor=org.alice.user)
    reply(big, heads[0], Reply.ABSENT, reason="外出")
    assert_checked(big)
    do_set_attendees(big, [*big.attendees.all(), org.charlie, heads[8], heads[9]],
                     podium=[org.principal, org.leo, org.director], actor=org.alice.user)
    assert_checked(big)
    reply(big, org.leo, Reply.ABSENT, reason="另有公务")
    assert_checked(big)
    reply(big, org.leo, Reply.ATTEND)
    assert_checked(big)
    # moved off the podium: seated anew in the hall, the podium seat left free
    do_set_attendees(big, list(big.attendees.all()), podium=[org.principal, org.leo], actor=org.alice.user)
    assert_checked(big)
    assert seats(big)[key(org.director)][0] == "hall"


@pytest.mark.clause("一(二)7")
def test_a_newcomer_at_the_end_of_the_order_takes_the_protocol_seat_without_warning(org, big, heads):
    Person.objects.filter(pk=org.dora.pk).update(rank=4)
    before = seats(big)
    do_set_attendees(big, [*big.attendees.all(), org.dora], podium=[org.principal, org.leo, org.director, org.dora],
                     actor=org.alice.user)
    after = seats(big)
    assert after.pop(key(org.dora)) == (PODIUM, 1, 4)  # 3 1 2 → 3 1 2 4: No.4 at the right end
    assert after == before
    assert not any("礼宾次序" in w for w in arrangement(big).warnings)


@pytest.mark.clause("一(二)7")
def test_a_podium_order_conflict_is_reported_not_reshuffled(org, big, heads):
    Person.objects.filter(pk=org.dora.pk).update(rank=0)  # outranks everyone already on the podium
    before = seats(big)
    do_set_attendees(big, [*big.attendees.all(), org.dora], podium=[org.principal, org.leo, org.director, org.dora],
                     actor=org.alice.user)
    after = seats(big)
    dora = after.pop(key(org.dora))
    assert after == before and dora[0] == PODIUM  # nobody reshuffled; 朵拉 in a free podium seat
    warnings = arrangement(big).warnings
    conflict = [w for w in warnings if "礼宾次序" in w]
    assert len(conflict) == 1
    assert "朵拉" in conflict[0] and "重新生成" in conflict[0]
    assert "第1排 李副院长、朵拉、王院长、杜主任" in conflict[0]  # a fresh generation: 3 1 2 4
    assert_checked(big)
    # the full fresh generation is still there and follows the protocol
    fresh = do_generate_seating(big, actor=org.alice.user)
    assert [[p["name"] for p in row] for row in fresh.podium] == [["李副院长", "朵拉", "王院长", "杜主任"]]
    assert not any("礼宾次序" in w for w in fresh.warnings)


@pytest.mark.clause("一(二)7")
def test_a_podium_member_who_leaves_frees_the_seat_and_the_chart_shows_it_empty(org, big, login):
    before = seats(big)
    reply(big, org.principal, Reply.ABSENT, reason="上级会议")
    after = seats(big)
    before.pop(key(org.principal))
    assert after == before  # 杜主任 and 李副院长 keep their seats: the centre stays free
    warnings = arrangement(big).warnings
    assert any("空出主席台第1排第2座（原王院长）" in w for w in warnings)
    page = login(org.alice).get(f"/meetings/{big.pk}/seating/").content.decode()
    assert "（空座）" in page
    assert login(org.alice).get(f"/meetings/{big.pk}/seating/chart.pdf").status_code == 200
