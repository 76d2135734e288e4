"""No one verifies or decides a case that concerns them; appeals within a window, one per decision; with no one
eligible a case goes to the 督查考核小组组长, then to the 院长办公会议 (issue 9 defect 4)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import PersonFactory, give_role
from zeroerror.errors import actions, anonymous
from zeroerror.errors.models import Appeal, DecisionNotice, Lead, LeadStatus, Route
from zeroerror.org.roles import Role
from zeroerror.tracking.registry import inbox_for

pytestmark = pytest.mark.django_db


def _unchanged(lead):
    lead.refresh_from_db()
    assert lead.status == LeadStatus.OPEN and lead.verified_by is None


@pytest.mark.clause("二.2", "二.2(3)")
def test_a_leader_on_the_supervision_group_may_not_confirm_in_a_department_he_oversees(team, make_lead, login):
    give_role(team.leo, Role.SUPERVISION_DEPUTY)  # 分管 the office, and on the 督查组
    lead = make_lead(team.alice)
    with pytest.raises(ValidationError, match="^\\['责任人是您本科室或您负责、分管的科室的人员，应当回避。'\\]$"):
        actions.do_confirm_lead(lead, severity="general", note="情节轻微", actor=team.leo.user)
    _unchanged(lead)
    client = login(team.leo)
    page = client.get(f"/errors/{lead.pk}/").content.decode()
    assert "查实</button>" not in page and "您不能核查此线索" in page
    assert client.post(f"/errors/{lead.pk}/confirm/", {"severity": "general", "note": "x"}).status_code == 403
    _unchanged(lead)
    assert not any(e.url == f"/errors/{lead.pk}/" for e in inbox_for(team.leo))


@pytest.mark.clause("二.2")
def test_whoever_registered_a_lead_may_not_confirm_or_reject_it(team, make_lead):
    lead = make_lead(team.alice, actor=team.inspector)
    with pytest.raises(ValidationError, match="该线索由您举报或登记，应当回避"):
        actions.do_confirm_lead(lead, severity="general", note="属实", actor=team.inspector.user)
    with pytest.raises(ValidationError, match="该线索由您举报或登记，应当回避"):
        actions.do_reject_lead(lead, reasons="不属实", actor=team.inspector.user)
    _unchanged(lead)
    actions.do_confirm_lead(lead, severity="general", note="属实", actor=team.perfstaff.user)


@pytest.mark.clause("二.1(1)")
def test_an_anonymous_reporter_on_the_verifying_side_does_not_verify_their_own_report(team):
    receipt = anonymous.do_submit_anonymous_report(clause_id="一(一)4", person=team.alice,
                                                   occurred_on=timezone.localdate(), description="超时",
                                                   actor=team.perfstaff.user)
    anonymous.register_anonymous_submissions(receipt.due_at)
    lead = Lead.objects.get()
    assert lead.reporter is None and lead.route == Route.VERIFIERS
    with pytest.raises(ValidationError, match="该线索由您举报或登记，应当回避"):
        actions.do_confirm_lead(lead, severity="general", note="属实", actor=team.perfstaff.user)
    assert not any(e.url == f"/errors/{lead.pk}/" for e in inbox_for(team.perfstaff))
    assert any(e.url == f"/errors/{lead.pk}/" for e in inbox_for(team.perfhead))


@pytest.fixture
def group_leader(team):
    person = PersonFactory(user__username="zuzhang", name="督查组长", department=team.info)
    give_role(person, Role.SUPERVISION_LEADER)
    return person


@pytest.mark.clause("二.3")
def test_the_performance_heads_own_appeal_goes_to_the_supervision_group_leader(team, make_lead, group_leader):
    lead = make_lead(team.perfhead)
    actions.do_confirm_lead(lead, severity="general", note="属实", actor=group_leader.user)
    appeal = actions.do_file_appeal(lead, reasons="不服", actor=team.perfhead.user)
    assert appeal.route == Route.SUPERVISION_LEADER
    with pytest.raises(ValidationError, match="此事项由督查考核小组组长决定"):
        actions.do_decide_appeal(appeal, upheld=True, reasons="自己撤销", actor=team.perfhead.user)
    appeal.refresh_from_db()
    assert appeal.decision == "pending"
    assert any(e.kind == "差错申诉" for e in inbox_for(group_leader))
    actions.do_decide_appeal(appeal, upheld=False, reasons="维持", actor=group_leader.user)
    appeal.refresh_from_db()
    assert (appeal.decision, appeal.decided_by) == ("dismissed", group_leader)


@pytest.mark.clause("二.2", "二.3")
def test_with_everyone_concerned_it_goes_to_the_presidents_office_meeting(team, make_lead, group_leader, login):
    """perfstaff's error: the 绩效办负责人 is her department's, the inspector registered it, she is the person — no
    verifier is left, so the meeting decides; her appeal against it too (the 组长 is in the 绩效办 as well)."""
    group_leader.department = team.perf
    group_leader.save(update_fields=["department"])
    lead = make_lead(team.perfstaff)
    assert lead.route == Route.MEETING
    page = login(team.principal).get("/errors/meeting/").content.decode()
    assert f'href="/errors/{lead.pk}/"' in page and "待认定线索" in page
    with pytest.raises(ValidationError, match="请填写会议日期"):
        actions.do_confirm_lead(lead, severity="general", note="会议研究认定", actor=team.principal.user)
    _unchanged(lead)
    actions.do_confirm_lead(lead, severity="general", note="会议研究认定", meeting_date=timezone.localdate(),
                            actor=team.principal.user)
    lead.refresh_from_db()
    assert (lead.status, lead.meeting_date) == (LeadStatus.CONFIRMED, timezone.localdate())
    appeal = actions.do_file_appeal(lead, reasons="不服", actor=team.perfstaff.user)
    assert appeal.route == Route.MEETING
    assert "待决定申诉" in login(team.principal).get("/errors/meeting/").content.decode()
    assert login(team.alice).get("/errors/meeting/").status_code == 403


@pytest.mark.clause("二.3")
def test_an_appeal_is_filed_within_the_window_and_once(team, make_lead, confirm, settings):
    lead = confirm(make_lead(team.alice))
    notice = DecisionNotice.objects.get(lead=lead, person=team.alice)
    DecisionNotice.objects.filter(pk=notice.pk).update(notified_at=timezone.now() - timedelta(days=14))
    with pytest.raises(ValidationError, match="申诉期限已过"):
        actions.do_file_appeal(lead, reasons="迟到的申诉", actor=team.alice.user)
    settings.APPEAL_WORKDAYS = 30  # the window is configurable
    appeal = actions.do_file_appeal(lead, reasons="不服", actor=team.alice.user)
    with pytest.raises(ValidationError, match="每项决定只能申诉一次"):
        actions.do_file_appeal(lead, reasons="再申诉", actor=team.alice.user)
    actions.do_decide_appeal(appeal, upheld=False, reasons="维持", actor=team.perfhead.user)
    with pytest.raises(ValidationError, match="每项决定只能申诉一次"):
        actions.do_file_appeal(lead, reasons="决定后再申诉", actor=team.alice.user)
    assert Appeal.objects.count() == 1


def test_the_appeal_deadline_counts_working_days(team, make_lead, confirm, login):
    from zeroerror.workdays.service import deadline_in_workdays

    lead = confirm(make_lead(team.alice))
    notice = DecisionNotice.objects.get(lead=lead, person=team.alice)
    deadline = deadline_in_workdays(5, notice.notified_at)
    page = login(team.alice).get(f"/errors/{lead.pk}/").content.decode()
    assert f"请于 {timezone.localtime(deadline):%Y-%m-%d %H:%M} 前提出" in page
    assert deadline.date() - timezone.localdate() >= timedelta(days=5)  # 5 working days: a week or more
    assert isinstance(deadline.date(), date)
