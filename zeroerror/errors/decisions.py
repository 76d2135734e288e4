"""Deciding 差错: verification (查实 / 不予认定), the 院长办公会议's grading, appeals and the notices that open the
appeal window. Nobody decides a case that concerns them (errors.conflicts): a refusal names the reason."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors import access, conflicts
from zeroerror.errors.common import actor_person, add_event, lead_url, lock_lead, notify_decision, with_role
from zeroerror.errors.ledger import recompute_ledger
from zeroerror.errors.models import (
    Appeal,
    AppealDecision,
    DecisionNotice,
    Lead,
    LeadStatus,
    Liability,
    Route,
    Severity,
)
from zeroerror.org.models import Person
from zeroerror.tracking.notify import notify


def _require_decider(actor, lead: Lead, route: str, concern) -> Person:
    me = actor_person(actor)
    if me is None or me.unit_id != lead.person.unit_id or not me.has_role(*conflicts.route_roles(route)):
        if route == Route.VERIFIERS:
            raise ValidationError("只有本单位督查考核小组和绩效办可以核查差错线索。")
        raise ValidationError(f"此事项由{Route(route).label}决定。")
    reason = concern(me)
    if reason:
        raise ValidationError(f"{reason}，应当回避。")
    return me


def _require_verifier(actor, lead: Lead) -> Person:
    return _require_decider(actor, lead, lead.route, lambda me: conflicts.lead_concern(me, lead))


def _meeting(lead_or_appeal_route: str, meeting_date: date | None, after: date) -> date | None:
    """A decision on the 院长办公会议's route records the meeting's date."""
    if lead_or_appeal_route != Route.MEETING:
        return None
    if meeting_date is None:
        raise ValidationError("此事项由院长办公会议决定，请填写会议日期。")
    if meeting_date > timezone.localdate() or meeting_date < after:
        raise ValidationError("会议日期须在线索登记之后且不晚于今天。")
    return meeting_date


@transaction.atomic(durable=True)
def do_start_verification(lead: Lead, *, actor) -> Lead:
    lead = lock_lead(lead)
    me = _require_verifier(actor, lead)
    if lead.status not in (LeadStatus.PROPOSED, LeadStatus.OPEN):
        raise ValidationError("该线索已在核查中或已有结论。")
    before, lead.status = lead.status, LeadStatus.VERIFYING
    lead.save(update_fields=["status"])
    add_event(lead, "开始核查", actor_person=me)
    record("errors.lead.verify", actor=actor, kind=AuditKind.TRANSITION, obj=lead, changes={"status": [before, lead.status]})
    return lead


def _already_decided(lead: Lead) -> ValidationError:
    by = f"已由{lead.verified_by.name}于{timezone.localtime(lead.verified_at):%Y-%m-%d %H:%M}核查" \
        if lead.verified_by_id and lead.verified_at else "该线索已有核查结论"
    return ValidationError(f"{by}（{lead.get_status_display()}），请刷新页面查看。")


@transaction.atomic(durable=True)
def do_confirm_lead(lead: Lead, *, severity: str, especially_serious: bool = False, note: str,
                    confirmed_on: date | None = None, meeting_date: date | None = None, actor) -> Lead:
    """查实: the lead becomes an error with a severity (or 待院长办公会议研究界定); the person is notified (their appeal
    window opens) and the ledger is recomputed."""
    lead = lock_lead(lead)
    if not lead.awaiting_verification:
        raise _already_decided(lead)
    me = _require_verifier(actor, lead)
    if severity not in Severity.values:
        raise ValidationError("请选择差错性质。")
    if not note.strip():
        raise ValidationError("请填写核查意见。")
    confirmed_on = confirmed_on or timezone.localdate()
    if confirmed_on < lead.occurred_on or confirmed_on > timezone.localdate():
        raise ValidationError("认定日期须在发生日期之后且不晚于今天。")
    meeting_date = _meeting(lead.route, meeting_date, lead.occurred_on)
    before = lead.status
    lead.status, lead.severity, lead.especially_serious = LeadStatus.CONFIRMED, severity, especially_serious
    lead.confirmed_on, lead.verified_by, lead.verified_at = confirmed_on, me, timezone.now()
    lead.verification_note = note.strip()
    if meeting_date is not None:
        lead.meeting_date, lead.meeting_decision = meeting_date, lead.verification_note
    lead.save()
    _title = f"查实：{lead.get_severity_display()}{'（情节特别严重、影响特别重大）' if especially_serious else ''}"
    add_event(lead, _title + (f"（院长办公会议 {meeting_date:%Y-%m-%d}）" if meeting_date else ""),
              lead.verification_note, actor_person=me)
    record("errors.lead.confirm", actor=actor, kind=AuditKind.TRANSITION, obj=lead,
           changes={"status": [before, lead.status], "severity": severity, "especially_serious": especially_serious,
                    "confirmed_on": confirmed_on, "note": lead.verification_note, "route": lead.route,
                    "meeting_date": meeting_date})
    notify_decision(lead, lead.person, Liability.RESPONSIBLE, f"差错认定：{lead.clause.code} {lead.clause.title}",
                    f"{lead.get_severity_display()}。")
    recompute_ledger(confirmed_on.year, lead.person.unit, actor=actor)
    return lead


@transaction.atomic(durable=True)
def do_reject_lead(lead: Lead, *, reasons: str, meeting_date: date | None = None, actor) -> Lead:
    lead = lock_lead(lead)
    if not lead.awaiting_verification:
        raise _already_decided(lead)
    me = _require_verifier(actor, lead)
    if not reasons.strip():
        raise ValidationError("请填写不予认定的理由。")
    meeting_date = _meeting(lead.route, meeting_date, lead.occurred_on)
    before = lead.status
    lead.status, lead.verified_by, lead.verified_at = LeadStatus.REJECTED, me, timezone.now()
    lead.verification_note = reasons.strip()
    fields = ["status", "verified_by", "verified_at", "verification_note"]
    if meeting_date is not None:
        lead.meeting_date, lead.meeting_decision = meeting_date, lead.verification_note
        fields += ["meeting_date", "meeting_decision"]
    lead.save(update_fields=fields)
    add_event(lead, "不予认定", lead.verification_note, actor_person=me)
    record("errors.lead.reject", actor=actor, kind=AuditKind.TRANSITION, obj=lead,
           changes={"status": [before, lead.status], "reasons": lead.verification_note, "route": lead.route,
                    "meeting_date": meeting_date})
    return lead


@transaction.atomic(durable=True)
def do_decide_severity(lead: Lead, *, severity: str, meeting_date: date, decision: str,
                       especially_serious: bool = False, actor) -> Lead:
    """院长办公会议研究界定: the meeting's recorded decision sets the severity of an undetermined error; a new
    decision, so the person is notified again and may appeal it."""
    lead = lock_lead(lead)
    me = _require_decider(actor, lead, Route.MEETING, lambda me: conflicts.lead_concern(me, lead))
    if lead.status != LeadStatus.CONFIRMED or lead.severity != Severity.UNDETERMINED:
        raise ValidationError("只有待院长办公会议研究界定的差错可以登记会议决定。")
    if severity not in (Severity.GENERAL, Severity.SERIOUS):
        raise ValidationError("会议决定的差错性质须为一般差错或严重差错。")
    if not decision.strip():
        raise ValidationError("请填写院长办公会议研究意见。")
    if meeting_date > timezone.localdate() or meeting_date < lead.confirmed_on:
        raise ValidationError("会议日期须在认定日期之后且不晚于今天。")
    lead.severity, lead.especially_serious = severity, especially_serious
    lead.meeting_date, lead.meeting_decision = meeting_date, decision.strip()
    lead.save(update_fields=["severity", "especially_serious", "meeting_date", "meeting_decision"])
    add_event(lead, f"院长办公会议界定为{lead.get_severity_display()}（{meeting_date:%Y-%m-%d}）",
              lead.meeting_decision, actor_person=me)
    record("errors.lead.severity", actor=actor, kind=AuditKind.CHANGE, obj=lead,
           changes={"severity": [Severity.UNDETERMINED, severity], "meeting_date": meeting_date,
                    "decision": lead.meeting_decision, "especially_serious": especially_serious})
    if not Appeal.objects.filter(lead=lead, appellant=lead.person).exists():
        notify_decision(lead, lead.person, Liability.RESPONSIBLE, f"差错界定：{lead.clause.code} {lead.clause.title}",
                        f"院长办公会议界定为{lead.get_severity_display()}。")
    recompute_ledger(lead.confirmed_on.year, lead.person.unit, actor=actor)
    return lead


@transaction.atomic(durable=True)
def do_file_appeal(lead: Lead, *, reasons: str, actor) -> Appeal:
    """申诉 by a person the decision concerns — the person responsible, or a 分管领导 / 科室负责人 against their own
    joint liability — within the window, once; routed to someone it does not concern."""
    me = actor_person(actor)
    lead = lock_lead(lead)
    if me is None:
        raise ValidationError("该账号未关联在职人员。")
    if lead.status != LeadStatus.CONFIRMED:
        raise ValidationError("只能对已认定的差错申诉。")
    notice = DecisionNotice.objects.filter(lead=lead, person=me).order_by("-notified_at").first()
    if notice is None:
        raise ValidationError("只有该差错的责任人和负连带责任的人员可以申诉。")
    if Appeal.objects.filter(lead=lead, appellant=me).exists():
        raise ValidationError("您已对该决定申诉过，每项决定只能申诉一次。")
    deadline = access.appeal_deadline(notice)
    if timezone.now() > deadline:
        raise ValidationError(f"申诉期限已过（{timezone.localtime(deadline):%Y-%m-%d %H:%M} 前）。")
    if not reasons.strip():
        raise ValidationError("请填写申诉理由。")
    appeal = Appeal(lead=lead, appellant=me, liability=notice.liability, reasons=reasons.strip())
    appeal.route = conflicts.appeal_route(appeal)
    appeal.save()  # the lead is locked: a concurrent second appeal of the same person waits and is refused above
    add_event(lead, f"提出申诉（{appeal.get_liability_display()}）", appeal.reasons, actor_person=me)
    record("errors.appeal.file", actor=actor, kind=AuditKind.CREATE, obj=appeal,
           changes={"reasons": appeal.reasons, "liability": appeal.liability, "route": appeal.route})
    deciders = [p for p in with_role(lead.person.unit_id, *conflicts.route_roles(appeal.route))
                if not conflicts.appeal_concern(p, appeal)]
    notify(deciders, f"差错申诉待{appeal.get_route_display()}决定：{me.name}", url=lead_url(lead), about=lead,
           body=appeal.reasons[:200])
    return appeal


@transaction.atomic(durable=True)
def do_decide_appeal(appeal: Appeal, *, upheld: bool, reasons: str, meeting_date: date | None = None,
                     actor) -> Appeal:
    """Decided on the appeal's route by someone it does not concern. Upheld: the person responsible's appeal
    overturns the error; a joint liability appeal lifts that person's liability only. The ledger is recomputed."""
    appeal = Appeal.objects.select_for_update(of=("self",)).select_related("appellant").get(pk=appeal.pk)
    lead = lock_lead(appeal.lead)
    appeal.lead = lead
    if appeal.decision != AppealDecision.PENDING:
        raise ValidationError(f"该申诉已有决定（{appeal.get_decision_display()}）。")
    me = _require_decider(actor, lead, appeal.route, lambda me: conflicts.appeal_concern(me, appeal))
    if not reasons.strip():
        raise ValidationError("请填写决定理由。")
    meeting_date = _meeting(appeal.route, meeting_date, timezone.localdate(appeal.filed_at))
    appeal.decision = AppealDecision.UPHELD if upheld else AppealDecision.DISMISSED
    appeal.decision_reasons, appeal.decided_by, appeal.decided_at = reasons.strip(), me, timezone.now()
    appeal.meeting_date = meeting_date
    appeal.save(update_fields=["decision", "decision_reasons", "decided_by", "decided_at", "meeting_date"])
    effect = ""
    if upheld:
        effect = "，撤销差错" if appeal.liability == Liability.RESPONSIBLE else f"，免除{appeal.appellant.name}的本项责任"
    add_event(lead, f"申诉决定（{appeal.appellant.name}，{appeal.get_liability_display()}）："
              f"{appeal.get_decision_display()}{effect}", appeal.decision_reasons, actor_person=me)
    record("errors.appeal.decide", actor=actor, kind=AuditKind.TRANSITION, obj=appeal,
           changes={"decision": appeal.decision, "reasons": appeal.decision_reasons, "route": appeal.route,
                    "meeting_date": meeting_date})
    if upheld and appeal.liability == Liability.RESPONSIBLE:
        lead.status = LeadStatus.OVERTURNED
        lead.save(update_fields=["status"])
        record("errors.lead.overturn", actor=actor, kind=AuditKind.TRANSITION, obj=lead,
               changes={"status": [LeadStatus.CONFIRMED, LeadStatus.OVERTURNED], "appeal": appeal.pk})
    if upheld:
        recompute_ledger(lead.confirmed_on.year, lead.person.unit, actor=actor)
    notify([appeal.appellant], f"申诉决定：{appeal.get_decision_display()}", url=lead_url(lead), about=lead,
           body=appeal.decision_reasons[:200])
    return appeal
