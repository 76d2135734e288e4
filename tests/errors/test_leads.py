"""Leads from the channels of 二.1, the system channel, verification and appeals (actions)."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.refusals import refused
from zeroerror.errors import actions
from zeroerror.errors.models import Channel, Lead, LeadStatus
from zeroerror.tracking.actions import do_create_tracked_item, run_tick

pytestmark = pytest.mark.django_db


@pytest.mark.clause("二.1")
def test_it_records_the_responsible_person_and_their_department_head(team, make_lead):
    lead = make_lead()
    assert (lead.person, lead.department_head, lead.status) == (team.alice, team.dora, LeadStatus.OPEN)
    assert lead.clause.version.version == "v1" and lead.clause.code == "一(一)4"


@pytest.mark.clause("二.1(1)")
def test_it_refuses_an_anonymous_report_outside_the_anonymous_channel(team, make_lead):
    with pytest.raises(ValidationError, match="匿名举报经匿名通道提交"):
        make_lead(team.bob, channel=Channel.REPORT, anonymous=True, actor=team.charlie)
    assert not Lead.objects.exists()


@pytest.mark.clause("二.1(1)")
def test_it_lets_only_verifiers_register_channels_other_than_a_report(team, make_lead):
    with refused("只有督查考核小组和绩效办可以登记该渠道的线索；其他人请以举报方式提交。"):
        make_lead(channel=Channel.LEADER_CRITICISM, actor=team.bob)
    with refused("系统发现的线索由系统提出。"):
        make_lead(channel=Channel.SYSTEM)


@pytest.mark.clause("二.1(5)")
def test_it_proposes_a_lead_once_when_a_tracked_item_with_a_clause_goes_overdue(team, django_capture_on_commit_callbacks):
    item = do_create_tracked_item(title="转办上级来文", owner=team.alice, due_at=timezone.now() + timedelta(hours=1),
                                  area="documents", clause_id="一(一)4", actor=team.director.user)
    plain = do_create_tracked_item(title="无条款事项", owner=team.bob, due_at=timezone.now() + timedelta(hours=1),
                                   area="general", actor=team.director.user)
    later = timezone.now() + timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(later)
        run_tick(later)

    lead = Lead.objects.get()
    assert (lead.channel, lead.status, lead.person, lead.source) == (Channel.SYSTEM, LeadStatus.PROPOSED, team.alice, item)
    assert "转办上级来文" in lead.description and lead.source_url == f"/tracking/{item.pk}/"
    assert actions.propose_lead("一(一)4", team.alice, timezone.localdate(), "again", item) == lead
    assert actions.propose_lead("", team.bob, timezone.localdate(), "no clause", plain) is None


@pytest.mark.clause("二.2")
def test_it_needs_reasons_to_reject_and_a_verifier_to_confirm(team, make_lead, confirm):
    lead = make_lead()
    with refused("请填写不予认定的理由。"):
        actions.do_reject_lead(lead, reasons=" ", actor=team.perfstaff.user)
    with refused("只有本单位督查考核小组和绩效办可以核查差错线索。"):
        confirm(lead, actor=team.dora)
    actions.do_reject_lead(lead, reasons="经核查系系统故障", actor=team.perfhead.user)
    lead.refresh_from_db()
    assert lead.status == LeadStatus.REJECTED
    with refused(re.compile(r"已由宋绩效于\S+ \S+核查（不予认定），请刷新页面查看。")):
        confirm(lead)


def test_it_lets_only_the_responsible_person_appeal_once_at_a_time(team, make_lead, confirm):
    lead = confirm(make_lead())
    with refused("只有该差错的责任人和负连带责任的人员可以申诉。"):
        actions.do_file_appeal(lead, reasons="不服", actor=team.bob.user)
    appeal = actions.do_file_appeal(lead, reasons="不服", actor=team.alice.user)
    with refused("您已对该决定申诉过，每项决定只能申诉一次。"):
        actions.do_file_appeal(lead, reasons="再次", actor=team.alice.user)
    with refused("此事项由绩效办负责人决定。"):
        actions.do_decide_appeal(appeal, upheld=True, reasons="同意", actor=team.perfstaff.user)
    actions.do_decide_appeal(appeal, upheld=False, reasons="证据确凿", actor=team.perfhead.user)
    lead.refresh_from_db()
    assert lead.status == LeadStatus.CONFIRMED


@pytest.mark.parametrize("channel", [
    pytest.param(Channel.WIDELY_KNOWN, marks=pytest.mark.clause("二.1(2)")),
    pytest.param(Channel.LEADER_CRITICISM, marks=pytest.mark.clause("二.1(3)")),
    pytest.param(Channel.INSPECTION, marks=pytest.mark.clause("二.1(4)")),
    pytest.param(Channel.OTHER, marks=pytest.mark.clause("二.1(5)")),
])
def test_each_channel_of_part_two_is_registered_by_a_verifier_and_confirmed_into_the_ledger(
        team, make_lead, confirm, channel):
    with refused("只有督查考核小组和绩效办可以登记该渠道的线索；其他人请以举报方式提交。"):
        make_lead(channel=channel, actor=team.bob)  # a colleague cannot log it as anything but a 举报
    lead = make_lead(channel=channel, actor=team.inspector)
    assert lead.get_channel_display() == dict(Channel.choices)[channel]
    confirm(lead)
    lead.refresh_from_db()
    assert lead.status == LeadStatus.CONFIRMED and lead.entries.filter(superseded_at__isnull=True).exists()
