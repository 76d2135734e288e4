"""Clauses 一(二)4, 5: the venue and equipment checklists are signed off before the meeting; a failure reported on
one is proposed as a 差错 lead."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.errors.models import Lead
from zeroerror.meetings.actions import do_sign_checklist
from zeroerror.meetings.models import VENUE_ITEMS, ChecklistKind, checklist_items


def all_ok(meeting, kind):
    return [(item, True, "") for item in checklist_items(meeting, kind)]


@pytest.mark.clause("一(二)5")
def test_the_equipment_checklist_follows_the_rooms_equipment(org, rooms, approved):
    meeting = approved(room=rooms.hall)
    assert checklist_items(meeting, ChecklistKind.EQUIPMENT) == ["电源", "音响", "视频", "录音", "投影仪"]
    checklist = do_sign_checklist(meeting, ChecklistKind.EQUIPMENT, all_ok(meeting, "equipment"), actor=org.bob.user)
    assert checklist.signed_by == org.bob and checklist.failures == []
    assert not Lead.objects.exists()


@pytest.mark.clause("一(二)5")
def test_a_failure_needs_a_note_and_becomes_a_lead(org, rooms, approved):
    meeting = approved(room=rooms.hall)
    results = [(i, i != "音响", "") for i in checklist_items(meeting, "equipment")]
    with pytest.raises(ValidationError) as exc:
        do_sign_checklist(meeting, ChecklistKind.EQUIPMENT, results, actor=org.bob.user)
    assert exc.value.messages == ["请说明故障情况：音响。"]
    results = [(i, i != "音响", "主席台话筒无声" if i == "音响" else "") for i in checklist_items(meeting, "equipment")]
    checklist = do_sign_checklist(meeting, ChecklistKind.EQUIPMENT, results, actor=org.bob.user)
    lead = Lead.objects.for_source(checklist).get()
    assert lead.clause.code == "一(二)5" and lead.person == org.alice
    assert "音响：主席台话筒无声" in lead.description


@pytest.mark.clause("一(二)4")
def test_the_venue_checklist_reports_a_disorderly_hall(org, approved):
    meeting = approved()
    results = [(i, i != VENUE_ITEMS[0], "后排桌椅未对齐" if i == VENUE_ITEMS[0] else "") for i in VENUE_ITEMS]
    checklist = do_sign_checklist(meeting, ChecklistKind.VENUE, results, actor=org.bob.user)
    assert Lead.objects.for_source(checklist).get().clause.code == "一(二)4"


def test_every_item_must_be_answered_and_only_for_an_approved_meeting(org, make_meeting, approved):
    draft = make_meeting()
    with pytest.raises(ValidationError, match="批准后"):
        do_sign_checklist(draft, ChecklistKind.VENUE, all_ok(draft, "venue"), actor=org.bob.user)
    meeting = approved(start_at=draft.start_at.replace(year=draft.start_at.year + 1),
                       end_at=draft.end_at.replace(year=draft.end_at.year + 1))
    with pytest.raises(ValidationError, match="请逐项检查"):
        do_sign_checklist(meeting, ChecklistKind.VENUE, all_ok(meeting, "venue")[1:], actor=org.bob.user)
