"""The 接待方案 pages (clauses 一(三)2, 3): the handler drafts from a template, edits a slot, submits; a plan with gaps
is refused with the gaps named and nothing changes; the leader approves; others are refused."""

import pytest

from tests.reception.conftest import fill, later
from tests.refusals import nothing_changes, refusal
from zeroerror.reception.models import PlanStatus, ReceptionPlan


def test_the_handler_drafts_a_plan_from_a_template(org, login, make_report):
    report = make_report(important=True)
    response = login(org.alice).post(f"/reception/{report.pk}/plan/draft/", {"template": "inspection"}, follow=True)
    plan = ReceptionPlan.objects.get(report=report)
    assert plan.status == PlanStatus.DRAFT and plan.slots.current().count() >= 3
    assert "已按模板拟订接待方案：请填写每项日程的地点和人员。" in response.content.decode()


@pytest.mark.clause("一(三)2")
def test_a_plan_with_gaps_is_not_submitted_and_nothing_changes(org, login, drafted):
    plan = drafted()
    with nothing_changes():
        response = login(org.alice).post(f"/reception/{plan.report.pk}/plan/submit/", follow=True)
    assert "未确定主持领导。" in response.content.decode()


def test_a_slot_edited_on_its_page_and_a_slot_ending_before_it_starts_is_refused(org, login, drafted):
    plan = drafted()
    slot = plan.slots.current().first()
    client = login(org.alice)
    data = {"start_at": later(days=5).strftime("%Y-%m-%dT%H:%M"), "end_at": later(days=5, hours=1).strftime(
        "%Y-%m-%dT%H:%M"), "activity": "迎接来宾", "place": "门诊楼一楼大厅", "people": [org.alice.pk, org.bob.pk],
        "vehicle": "川A·12345"}
    assert client.post(f"/reception/{plan.report.pk}/slots/{slot.pk}/", data).status_code == 302
    slot.refresh_from_db()
    assert slot.place == "门诊楼一楼大厅" and set(slot.people.all()) == {org.alice, org.bob}
    with nothing_changes():
        response = client.post(f"/reception/{plan.report.pk}/slots/{slot.pk}/",
                               data | {"end_at": later(days=4).strftime("%Y-%m-%dT%H:%M")})
    assert response.status_code == 200


@pytest.mark.clause("一(三)2")
def test_a_complete_plan_is_submitted_and_the_leader_approves_it(org, login, drafted):
    plan = fill(drafted(), org)
    assert login(org.alice).post(f"/reception/{plan.report.pk}/plan/submit/").status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PENDING
    assert login(org.leo).post(f"/reception/{plan.report.pk}/plan/approve/", {"special_reason": ""}
                               ).status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.APPROVED and plan.approved_by == org.leo


def test_others_cannot_draft_or_approve_and_another_unit_sees_nothing(org, login, drafted, other_unit):
    plan = fill(drafted(), org)
    with nothing_changes():
        assert refusal(login(org.charlie).post(f"/reception/{plan.report.pk}/plan/submit/"))[0] in (403, 404)
        assert refusal(login(org.alice).post(f"/reception/{plan.report.pk}/plan/approve/", {})) == (
            403, "接待方案须经主要领导或分管办公室的领导批准。")
        assert login(other_unit.director).post(f"/reception/{plan.report.pk}/plan/submit/").status_code == 404
