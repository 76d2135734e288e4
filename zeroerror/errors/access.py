"""Who sees and does what in 差错考核 (issue 3 item 9). Every view goes through these helpers.

* staff see only their own errors (and leads they reported);
* a 科室负责人 sees their department's, a 分管领导 the departments in their charge;
* 绩效办 and the 督查考核小组 see everything; 纪检监察室 sees errors with talk records and referrals;
* an anonymous reporter is named nowhere (the 绩效办 head opens the sealed identity, audited); a named one only to
  the verifiers;
* 内部检查 (inspections) are the verifiers' work: only they see, start, record and complete them;
* nobody verifies or decides a case that concerns them (errors.conflicts); appeals within the window, one each.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.utils import timezone

from zeroerror.core.access import person_of
from zeroerror.errors import conflicts
from zeroerror.errors.models import (
    Appeal,
    AppealDecision,
    Channel,
    DecisionNotice,
    Inspection,
    InspectionItem,
    Lead,
    LeadStatus,
    LedgerEntry,
    MeasureRecord,
    Route,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import SUPERVISION_ROLES, Role
from zeroerror.workdays.service import deadline_in_workdays

VERIFIERS = (*SUPERVISION_ROLES, Role.PERFORMANCE_HEAD, Role.PERFORMANCE_STAFF)
# 院长 reads everything (the unit meeting and the 院纪委 act on it) but does not verify leads.
ALL_SEEING = (*VERIFIERS, Role.PRINCIPAL_LEADER)
LEDGER_ROLES = (Role.PERFORMANCE_HEAD, Role.PERFORMANCE_STAFF)


def sees_everything(person: Person) -> bool:
    return person.has_role(*ALL_SEEING)


def _concerned_rule(person: Person) -> Q | None:
    """Leads whose outcome ``person`` may know (the error, its penalties and measures): their own, their
    department's as its head (or the head named on the lead), the departments in their charge, those where they
    bear a joint liability or a measure, and for 纪检监察室 those with talk records or a referral. None means every
    lead of the unit (verifiers, 院长)."""
    if sees_everything(person):
        return None
    departments = person.charged_department_ids | person.headed_department_ids
    rule = Q(person=person) | Q(department_id__in=departments) | Q(department_head=person)
    # a leader or head with joint liability for the error
    rule |= Q(pk__in=LedgerEntry.objects.filter(person=person).values("error_id"))
    rule |= Q(pk__in=MeasureRecord.objects.filter(person=person).values("error_id"))
    if person.has_role(Role.DISCIPLINE_INSPECTOR):
        rule |= Q(pk__in=MeasureRecord.objects.discipline_relevant().values("error_id"))
    return rule


def visible_leads(person: Person):
    """Leads ``person`` may open: those of :func:`_concerned_rule`, and the ones they reported by name."""
    qs = Lead.objects.filter(person__unit_id=person.unit_id)
    rule = _concerned_rule(person)
    return qs if rule is None else qs.filter(rule | Q(reporter=person))


def penalty_leads(person: Person):
    """Leads whose penalties (amounts, measures) ``person`` may see: a reporter follows the case, not the
    colleague's pay."""
    qs = Lead.objects.filter(person__unit_id=person.unit_id)
    rule = _concerned_rule(person)
    return qs if rule is None else qs.filter(rule)


def visible_measures(person: Person):
    """A measure (提醒谈话, 书面检查, 停职整改, 院纪委约谈 …) is seen by the person it names and by those who may see the
    error's penalties — never by colleagues; its tracked item follows this rule (tracking.sources)."""
    return MeasureRecord.objects.filter(error__person__unit_id=person.unit_id).filter(
        Q(person=person) | Q(error__in=penalty_leads(person)))


def can_see_penalties(person: Person, lead: Lead) -> bool:
    return penalty_leads(person).filter(pk=lead.pk).exists()


def get_lead_or_404(request: HttpRequest, pk: int) -> Lead:
    lead = visible_leads(person_of(request)).with_related().filter(pk=pk).first()
    if lead is None:
        raise Http404("差错线索不存在。")
    return lead


def get_appeal_or_404(request: HttpRequest, pk: int) -> Appeal:
    appeal = Appeal.objects.filter(pk=pk, lead__in=visible_leads(person_of(request))).select_related("lead").first()
    if appeal is None:
        raise Http404("申诉不存在。")
    return appeal


def can_see_reporter(person: Person, lead: Lead) -> bool:
    """Who registered a lead. An anonymous reporter is named nowhere (the 绩效办负责人 opens the sealed identity
    through errors.anonymous, audited); a named reporter is shown to the verifiers and to themselves, never to the
    person concerned or their superiors; other channels are registered by the verifiers in their office."""
    if lead.anonymous:
        return False
    if lead.channel != Channel.REPORT:
        return True
    return person.pk == lead.reporter_id or (person.has_role(*VERIFIERS) and person.unit_id == lead.person.unit_id)


def _may_decide(person: Person, route: str, unit_id: int, concern) -> bool:
    return person.unit_id == unit_id and person.has_role(*conflicts.route_roles(route)) and not concern()


def is_verifier_of(person: Person, lead: Lead) -> bool:
    """One of the lead's route's deciders, not concerned — whatever its state: a verifier whose page was stale when
    another one decided gets "已由某某于某时核查", not a bare 403."""
    return _may_decide(person, lead.route, lead.person.unit_id, lambda: conflicts.lead_concern(person, lead))


def can_verify(person: Person, lead: Lead) -> bool:
    """核查、认定: the lead's route's deciders (verifiers, or the meeting's recorders), none of them concerned."""
    return lead.awaiting_verification and is_verifier_of(person, lead)


def can_decide_severity(person: Person, lead: Lead) -> bool:
    """Recording the 院长办公会议's grading of an undetermined error: the meeting's recorders, not concerned."""
    return (lead.status == LeadStatus.CONFIRMED and lead.severity == "undetermined"
            and _may_decide(person, Route.MEETING, lead.person.unit_id, lambda: conflicts.lead_concern(person, lead)))


def appeal_deadline(notice: DecisionNotice):
    """The end of the appeal window: ``APPEAL_WORKDAYS`` working days after the notification."""
    return deadline_in_workdays(settings.APPEAL_WORKDAYS, notice.notified_at)


def appealable(person: Person, lead: Lead) -> DecisionNotice | None:
    """The decision ``person`` may still appeal on ``lead``: they were notified of it (as the person responsible, or
    for their own joint liability), the window is open, and they have not appealed it yet (one appeal each)."""
    if lead.status != LeadStatus.CONFIRMED:
        return None
    notice = DecisionNotice.objects.filter(lead=lead, person=person).order_by("-notified_at").first()
    if notice is None or timezone.now() > appeal_deadline(notice):
        return None
    if Appeal.objects.filter(lead=lead, appellant=person).exists():
        return None
    return notice


def can_appeal(person: Person, lead: Lead) -> bool:
    return appealable(person, lead) is not None


def can_decide_appeal(person: Person, appeal: Appeal) -> bool:
    return appeal.decision == AppealDecision.PENDING and _may_decide(
        person, appeal.route, appeal.lead.person.unit_id, lambda: conflicts.appeal_concern(person, appeal))


def can_see_meeting_agenda(person: Person) -> bool:
    """院长办公会议题: what awaits the meeting (undetermined gradings, cases no one else may decide)."""
    return sees_everything(person)


def can_see_reports(person: Person) -> bool:
    """Reports aggregate what one may see: for those who see more than their own errors."""
    return sees_everything(person) or bool(person.charged_department_ids or person.headed_department_ids)


def can_register_any_channel(person: Person) -> bool:
    return person.has_role(*VERIFIERS)


def can_keep_ledger(person: Person) -> bool:
    return person.has_role(*LEDGER_ROLES)


def can_read_attachments(request: HttpRequest, lead: Lead) -> bool:
    return visible_leads(person_of(request)).filter(pk=lead.pk).exists()


def sees_withheld_evidence(person: Person, lead: Lead) -> bool:
    """Evidence withheld until the decision: the verifiers of the lead's unit see it at once; whoever may see the
    lead sees it once the lead is decided (查实 or 不予认定)."""
    if not visible_leads(person).filter(pk=lead.pk).exists():
        return False
    return not lead.awaiting_verification or person.has_role(*VERIFIERS)


def can_read_sealed_evidence(request: HttpRequest, seal) -> bool:
    return sees_withheld_evidence(person_of(request), seal.lead)


def can_withhold_evidence(person: Person, lead: Lead) -> bool:
    """Withholding evidence until the decision is part of verifying: the lead's verifiers, none concerned."""
    return lead.awaiting_verification and is_verifier_of(person, lead)


def can_read_inspection_photos(request: HttpRequest, item: InspectionItem) -> bool:
    return visible_inspection_items(person_of(request)).filter(pk=item.pk).exists()


def can_inspect(person: Person) -> bool:
    """Start an inspection, record its items, complete it: the 督查考核小组 and 绩效办."""
    return person.has_role(*VERIFIERS)


def visible_inspection_items(person: Person):
    return InspectionItem.objects.filter(inspection__in=visible_inspections(person)).select_related("inspection")


def visible_inspections(person: Person):
    if not can_inspect(person):
        return Inspection.objects.none()
    return Inspection.objects.of_unit(person.unit)


def get_inspection_or_404(request: HttpRequest, pk: int) -> Inspection:
    inspection = visible_inspections(person_of(request)).select_related("inspector", "completed_by").filter(pk=pk).first()
    if inspection is None:
        raise Http404("内部检查不存在。")
    return inspection


def get_inspection_item_or_404(request: HttpRequest, pk: int) -> InspectionItem:
    item = (InspectionItem.objects.filter(pk=pk, inspection__in=visible_inspections(person_of(request)))
            .select_related("inspection", "clause").first())
    if item is None:
        raise Http404("检查项不存在。")
    return item


def can_record_inspection(person: Person, inspection: Inspection) -> bool:
    return inspection.is_draft and can_inspect(person)
