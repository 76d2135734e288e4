"""Clauses 一(二)7, 9: the stored seating of a large-room meeting — podium by protocol rank, the hall by unit,
names proofread against the roster, regenerated when attendance changes."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_generate_seating, do_record_reply, do_set_attendees, plan_from
from zeroerror.meetings.models import Invitation, Reply
from zeroerror.meetings.seating import check_placements
from zeroerror.org.models import Person


@pytest.fixture
def big(org, rooms, notified, heads):
    for person, rank in ((org.principal, 1), (org.leo, 2), (org.director, 3), (org.dora, 4)):
        Person.objects.filter(pk=person.pk).update(rank=rank)
    people = [org.principal, org.leo, org.director, org.dora, org.alice, org.bob, *heads[:6]]
    return notified(room=rooms.hall, attendees=people, podium=[org.leo, org.director, org.principal],
                    host=org.leo)


def podium_names(arrangement):
    return [[p["name"] for p in row] for row in arrangement.podium]


@pytest.mark.clause("一(二)7", "一(二)9")
def test_it_seats_the_podium_by_rank_and_the_hall_by_department(org, big):
    arrangement = do_generate_seating(big, actor=org.alice.user)
    # seen from the hall: No.3 left, No.1 centre, No.2 on No.1's left (the audience's right)
    assert podium_names(arrangement) == [["杜主任", "王院长", "李副院长"]]
    hall = arrangement.hall["placements"]
    assert len(hall) == 9 and arrangement.hall["rows"] == 10 and arrangement.hall["cols"] == 12
    assert arrangement.unit_sequence == ["办公室", "医务科"]  # the published order of departments
    assert [p["unit"] for p in hall[:3]] == ["办公室"] * 3
    people = [*(p for row in plan_from(arrangement).podium_rows for p in row)]
    assert {p.key for p in people} == {f"p{org.principal.pk}", f"p{org.leo.pk}", f"p{org.director.pk}"}
    assert arrangement.name_flags == []
    rec = AuditRecord.objects.filter(action="meetings.seating.generate").get()
    assert rec.changes["version"] == 1


@pytest.mark.clause("一(二)7")
def test_the_stored_plan_has_nobody_missing_or_seated_twice(org, big):
    from zeroerror.meetings.actions import seating_input

    arrangement = do_generate_seating(big, unit_order="pinyin", fill="columns", actor=org.alice.user)
    plan = plan_from(arrangement)
    assert check_placements(plan.placements, seating_input(big), plan.hall) == []


@pytest.mark.clause("一(二)7", "一(二)9")
def test_it_is_regenerated_when_attendance_changes(org, big, heads):
    do_generate_seating(big, actor=org.alice.user)
    do_record_reply(Invitation.objects.get(meeting=big, person=heads[0]), Reply.ABSENT, reason="门诊", actor=heads[0].user)
    arrangement = big.seating.__class__.objects.get(meeting=big)
    assert arrangement.version == 2
    assert heads[0].name not in [p["name"] for p in arrangement.hall["placements"]]
    rec = AuditRecord.objects.filter(action="meetings.seating.generate").order_by("-seq").first()
    assert rec.changes["reason"] == "回执变动" and any(heads[0].name in c for c in rec.changes["changed"])

    do_set_attendees(big, [*big.attendees.all(), org.charlie], podium=[org.leo, org.director, org.principal],
                     host=org.leo, actor=org.alice.user)
    arrangement.refresh_from_db()
    assert arrangement.version == 3 and "查理" in [p["name"] for p in arrangement.hall["placements"]]


@pytest.mark.clause("一(二)9")
def test_a_deputys_name_that_is_not_on_the_roster_is_flagged(org, big):
    do_generate_seating(big, actor=org.alice.user)
    do_record_reply(Invitation.objects.get(meeting=big, person=org.bob), Reply.DEPUTY, deputy_name="鲍博",
             actor=org.bob.user)
    arrangement = big.seating.__class__.objects.get(meeting=big)
    assert "鲍博" in [p["name"] for p in arrangement.hall["placements"]]
    assert len(arrangement.name_flags) == 1 and "鲍博" in arrangement.name_flags[0]


def test_a_small_room_meeting_has_on_site_sign_in_only(org, notified):
    meeting = notified()
    with pytest.raises(ValidationError, match="小型会议实行现场签到"):
        do_generate_seating(meeting, actor=org.alice.user)
