"""办公室内部检查 (二.1 channel (4)): the checklist drawn from the catalogue, recording items, completion turning
every failed item into one lead of the inspection channel (actions)."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import PersonFactory, UnitFactory
from zeroerror.audit.models import AuditRecord
from zeroerror.errors import actions
from zeroerror.errors.models import Channel, Inspection, InspectionItem, InspectionStatus, ItemResult, Lead, LeadStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def start(team):
    def do(areas=("documents",), *, actor=None, title="2026年11月办公室内部检查", on=None):
        return actions.do_start_inspection(title, on or timezone.localdate(), list(areas),
                                           actor=(actor or team.inspector).user)

    return do


@pytest.fixture
def record_item(team):
    def do(item, result, finding="", person=None, occurred_on=None, *, actor=None):
        return actions.do_record_inspection_item(item, result, finding, person, occurred_on,
                                                 actor=(actor or team.inspector).user)

    return do


def item(inspection, code):
    return inspection.items.get(clause__code=code)


@pytest.mark.clause("二.1(4)")
def test_the_checklist_has_exactly_the_clauses_of_the_chosen_areas(team, start):
    inspection = start(["documents"])
    codes = list(inspection.items.with_related().values_list("clause__code", flat=True))
    assert codes == [f"一(一){n}" for n in range(1, 9)]
    assert set(inspection.items.values_list("result", flat=True)) == {ItemResult.PENDING}
    assert inspection.inspector == team.inspector and inspection.status == InspectionStatus.DRAFT
    assert inspection.items.first().clause.version.version == "v1"
    rec = AuditRecord.objects.get(action="errors.inspection.start")
    assert rec.changes["items"] == codes and rec.changes["areas"] == ["documents"]


def test_two_areas_give_their_clauses_in_catalogue_order(team, start):
    inspection = start(["seals", "documents"])
    codes = list(inspection.items.with_related().values_list("clause__code", flat=True))
    assert codes == [f"一(一){n}" for n in range(1, 9)] + [f"一(六){n}" for n in range(1, 8)]
    assert inspection.areas == ["documents", "seals"]


@pytest.mark.parametrize("areas, title, message", [
    ([], "检查", "请至少选择一个检查领域"),
    (["nowhere"], "检查", "检查领域“nowhere”不存在"),
    (["documents"], "  ", "请填写检查名称"),
])
def test_it_refuses_a_bad_start(team, start, areas, title, message):
    with pytest.raises(ValidationError, match=message):
        start(areas, title=title)
    assert not Inspection.objects.exists() and not InspectionItem.objects.exists()


def test_it_refuses_an_inspection_dated_in_the_future(team, start):
    with pytest.raises(ValidationError, match="检查日期不能晚于今天"):
        start(on=timezone.localdate() + timedelta(days=1))


@pytest.mark.clause("二.1(4)")
@pytest.mark.parametrize("who", ["alice", "dora", "director", "leo"])
def test_only_verifiers_start_record_and_complete(team, start, record_item, who):
    person = getattr(team, who)
    with pytest.raises(ValidationError, match="只有督查考核小组和绩效办"):
        start(actor=person)
    inspection = start()
    with pytest.raises(ValidationError, match="只有督查考核小组和绩效办"):
        record_item(item(inspection, "一(一)1"), "pass", actor=person)
    with pytest.raises(ValidationError, match="只有督查考核小组和绩效办"):
        actions.do_complete_inspection(inspection, actor=person.user)
    assert item(inspection, "一(一)1").result == ItemResult.PENDING


def test_the_performance_office_inspects_too(team, start, record_item):
    inspection = start(actor=team.perfstaff)
    record_item(item(inspection, "一(一)1"), "pass", actor=team.perfhead)
    assert item(inspection, "一(一)1").recorded_by == team.perfhead


@pytest.mark.clause("二.1(4)")
def test_a_failed_item_needs_a_finding_and_a_person(team, start, record_item):
    inspection = start()
    target = item(inspection, "一(一)4")
    with pytest.raises(ValidationError, match="须填写发现的问题"):
        record_item(target, "fail", "  ", team.alice)
    with pytest.raises(ValidationError, match="须指定责任人"):
        record_item(target, "fail", "运转超时")
    with pytest.raises(ValidationError, match="请选择检查结果"):
        record_item(target, "pending")
    target.refresh_from_db()
    assert (target.result, target.finding, target.person) == (ItemResult.PENDING, "", None)
    assert not AuditRecord.objects.filter(action="errors.inspection.item").exists()


@pytest.mark.clause("二.1(4)")
def test_a_failed_item_names_someone_of_the_unit_and_a_date_not_in_the_future(team, start, record_item):
    inspection = start()
    target = item(inspection, "一(一)4")
    stranger = PersonFactory(unit=UnitFactory(name="外单位"))
    with pytest.raises(ValidationError, match="本单位在职人员"):
        record_item(target, "fail", "运转超时", stranger)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        record_item(target, "fail", "运转超时", team.alice, timezone.localdate() + timedelta(days=1))
    record_item(target, "fail", "运转超时", team.alice)
    target.refresh_from_db()
    assert (target.result, target.person, target.occurred_on) == (ItemResult.FAIL, team.alice, inspection.date)


@pytest.mark.clause("二.1(4)")
def test_recording_pass_after_fail_clears_the_person(team, start, record_item):
    inspection = start()
    target = item(inspection, "一(一)4")
    record_item(target, "fail", "运转超时", team.alice)
    record_item(target, "pass", "复核无误")
    target.refresh_from_db()
    assert (target.result, target.person, target.occurred_on, target.finding) == ("pass", None, None, "复核无误")
    rec = AuditRecord.objects.filter(action="errors.inspection.item").order_by("seq").last()
    assert rec.changes["result"] == ["fail", "pass"] and rec.changes["person"] == [team.alice.pk, None]


def record_all(inspection, record_item, fails=(), skip=()):
    for it in inspection.items.with_related():
        if it.clause.code in skip:
            continue
        if it.clause.code in fails:
            person, finding = fails[it.clause.code]
            record_item(it, "fail", finding, person)
        else:
            record_item(it, "pass")


@pytest.mark.clause("二.1(4)")
def test_completing_with_a_pending_item_is_refused_and_changes_nothing(team, start, record_item):
    inspection = start()
    record_all(inspection, record_item, {"一(一)4": (team.alice, "运转超时")}, skip={"一(一)8"})
    with pytest.raises(ValidationError, match="还有 1 项未检查"):
        actions.do_complete_inspection(inspection, actor=team.inspector.user)
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.DRAFT and inspection.completed_at is None
    assert not Lead.objects.exists()
    assert item(inspection, "一(一)4").lead is None
    assert not AuditRecord.objects.filter(action="errors.inspection.complete").exists()


@pytest.mark.clause("二.1(4)")
def test_completion_turns_each_failed_item_into_one_inspection_lead(team, start, record_item):
    inspection = start()
    record_all(inspection, record_item, {"一(一)4": (team.alice, "《通知》超过运转时限两天送达"),
                                         "一(一)8": (team.charlie, "漏发护理部")})
    actions.do_complete_inspection(inspection, actor=team.inspector.user)

    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.COMPLETED and inspection.completed_at is not None
    assert inspection.completed_by == team.inspector
    assert Lead.objects.count() == 2
    late, misdelivered = item(inspection, "一(一)4"), item(inspection, "一(一)8")
    assert late.lead.channel == Channel.INSPECTION and late.lead.status == LeadStatus.OPEN
    assert (late.lead.clause, late.lead.person, late.lead.department_head) == (late.clause, team.alice, team.dora)
    assert (misdelivered.lead.clause.code, misdelivered.lead.person, misdelivered.lead.department_head) == (
        "一(一)8", team.charlie, team.medhead)
    assert "漏发护理部" in misdelivered.lead.description and inspection.title in misdelivered.lead.description
    assert late.lead.occurred_on == inspection.date and late.lead.reporter == team.inspector
    assert late.lead.source == late and late.lead.source_url == f"/errors/inspections/{inspection.pk}/"
    assert not InspectionItem.objects.filter(inspection=inspection).exclude(result="fail").exclude(
        lead__isnull=True).exists()
    rec = AuditRecord.objects.get(action="errors.inspection.complete")
    assert rec.changes["failed"] == ["一(一)4", "一(一)8"]
    assert sorted(rec.changes["leads"]) == sorted([late.lead.pk, misdelivered.lead.pk])
    assert AuditRecord.objects.filter(action="errors.lead.create").count() == 2


@pytest.mark.clause("二.1(4)")
def test_a_completed_inspection_is_closed(team, start, record_item):
    inspection = start()
    record_all(inspection, record_item)
    actions.do_complete_inspection(inspection, actor=team.inspector.user)
    assert not Lead.objects.exists()
    with pytest.raises(ValidationError, match="该检查已完成"):
        actions.do_complete_inspection(inspection, actor=team.inspector.user)
    with pytest.raises(ValidationError, match="检查已完成"):
        record_item(item(inspection, "一(一)1"), "fail", "补记", team.alice)
    assert item(inspection, "一(一)1").result == ItemResult.PASS


@pytest.mark.clause("二.1(4)")
def test_the_inspection_lead_is_verified_like_any_other(team, start, record_item, confirm):
    inspection = start()
    record_all(inspection, record_item, {"一(一)2": (team.alice, "未经首读即印发")})
    actions.do_complete_inspection(inspection, actor=team.inspector.user)
    lead = confirm(item(inspection, "一(一)2").lead)
    assert lead.status == LeadStatus.CONFIRMED and lead.entries.active().exists()


def test_reporting_a_lead_still_works_through_the_shared_helper(team, make_lead):
    lead = make_lead(team.bob, clause="一(二)3")
    assert (lead.channel, lead.clause.code, lead.reporter) == (Channel.INSPECTION, "一(二)3", team.inspector)
    with pytest.raises(ValidationError, match=re.escape("条款“一(九)1”不存在")):
        make_lead(clause="一(九)1")
