"""Items to publish (一(四)1–4): 拟稿 → 保密审查 (保密审查员) → 审批 (with 校对) → 发布 → 撤稿."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.disclosure import access, screening
from zeroerror.disclosure.actions.common import (
    AREA,
    CLAUSE_PUBLICATION,
    check_past_date,
    local,
    person_of_actor,
    refuse_unless,
    start_of,
)
from zeroerror.disclosure.models import (
    Channel,
    DisclosureItem,
    ItemStatus,
    Openness,
    Publication,
    SecrecyReview,
    Withdrawal,
    WithdrawalKind,
)
from zeroerror.disclosure.models.items import WITHDRAWAL_CLAUSES, sha256
from zeroerror.errors.actions import propose_lead
from zeroerror.errors.models import Lead
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.proofread import service
from zeroerror.tracking.actions import cancel_items_for_source, close_items_for_source, create_tracked_item
from zeroerror.tracking.models import TrackedItem
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import deadline_in_workdays

MAX_LIMIT_WORKDAYS = 60
ITEM_FIELDS = ("title", "text", "channel", "openness", "formed_on", "limit_workdays", "not_disclosed_reason")


def default_limit_workdays() -> int:
    """主动公开 within 20 working days of the information being formed or changed (条例 第二十六条), unless the unit
    configured another limit (``ZEROERROR_DISCLOSURE_WORKDAYS``)."""
    return settings.DISCLOSURE_WORKDAYS


def clean_item(data: dict) -> dict:
    """The fields of an item as typed, checked; every problem at once (nothing is written when there is one)."""
    problems = []
    title = (data.get("title") or "").strip()
    text = (data.get("text") or "").strip()
    if not title:
        problems.append("请填写标题。")
    elif len(title) > 200:
        problems.append("标题不能超过200字。")
    if not text:
        problems.append("请填写正文。")
    if data.get("channel") not in Channel.values:
        problems.append("请选择发布渠道（门户网站、微信公众号或电子显示屏）。")
    openness = data.get("openness") or Openness.PROACTIVE
    if openness not in Openness.values:
        problems.append("请选择公开属性（主动公开、依申请公开或不予公开）。")
    reason = (data.get("not_disclosed_reason") or "").strip()
    if openness == Openness.NOT_DISCLOSED and not reason:
        problems.append("不予公开的信息须写明依据（如涉及国家秘密、个人隐私、内部过程性信息）。")
    limit = data.get("limit_workdays")
    limit = default_limit_workdays() if limit is None else limit
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT_WORKDAYS:
        problems.append(f"公开时限须为 1 至 {MAX_LIMIT_WORKDAYS} 个工作日。")
    try:
        formed_on = check_past_date(data.get("formed_on"), "信息形成日期")
    except ValidationError as exc:
        problems.extend(exc.messages)
        formed_on = None
    if problems:
        raise ValidationError(problems)
    return {"title": title, "text": text, "channel": data["channel"], "openness": openness,
            "not_disclosed_reason": reason if openness == Openness.NOT_DISCLOSED else "",
            "formed_on": formed_on, "limit_workdays": limit}


def _due(item: DisclosureItem):
    if item.openness != Openness.PROACTIVE:
        return None
    return deadline_in_workdays(item.limit_workdays, start_of(item.formed_on))


def _track(item: DisclosureItem, *, actor) -> None:
    """应公开未公开 (clause 一(四)1): a 主动公开 item is a tracked item until published; overdue, it proposes a lead."""
    if item.due_at is None:
        return
    create_tracked_item(title=f"主动公开：{item.title}"[:200], owner=item.drafter, due_at=item.due_at, area=AREA,
                        clause_id=CLAUSE_PUBLICATION, source=item, source_url=access.item_url(item), actor=actor,
                        detail=f"信息形成于 {item.formed_on:%Y-%m-%d}，应在 {item.limit_workdays} 个工作日内公开"
                               f"（{item.get_channel_display()}）。")


def _lock(item: DisclosureItem) -> DisclosureItem:
    return DisclosureItem.objects.select_for_update().get(pk=item.pk)


def _people(unit, *roles) -> list[Person]:
    found: dict[int, Person] = {}
    for role in roles:
        found.update((p.pk, p) for p in Person.objects.with_role(role).filter(unit=unit, active=True))
    return list(found.values())


@transaction.atomic(durable=True)
def do_create_item(*, actor, **fields) -> DisclosureItem:
    """拟稿: an item to publish, its 公开属性 and, for 主动公开, its deadline under 督办."""
    person = person_of_actor(actor)
    data = clean_item({k: fields.get(k) for k in ITEM_FIELDS})
    item = DisclosureItem(unit=person.unit, department=person.department, drafter=person, **data)
    item.due_at = _due(item)
    item.save()
    _track(item, actor=actor)
    record("disclosure.item.create", actor=actor, kind=AuditKind.CREATE, obj=item,
           changes={"title": item.title, "channel": item.channel, "openness": item.openness,
                    "due_at": item.due_at, "text_sha256": sha256(item.full_text)})
    return item


@transaction.atomic(durable=True)
def do_update_item(item: DisclosureItem, *, actor, **fields) -> DisclosureItem:
    """修改: only a draft (before 保密审查, or returned). A new deadline replaces the tracked item."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.DRAFT, f"只有拟稿状态的稿件可以修改（当前：{item.get_status_display()}）。")
    refuse_unless(access.can_edit(person, item), "只有拟稿人或办公室人员可以修改稿件。")
    data = clean_item({k: fields.get(k, getattr(item, k)) for k in ITEM_FIELDS})
    before = {k: getattr(item, k) for k in data}
    changed = {k: [before[k], v] for k, v in data.items() if before[k] != v}
    if not changed:
        return item
    for key, value in data.items():
        setattr(item, key, value)
    due = _due(item)
    if due != item.due_at:
        item.due_at = due
        cancel_items_for_source(item, "公开属性或时限已变更", actor=actor)
        _track(item, actor=actor)
    item.save(update_fields=[*data, "due_at"])
    record("disclosure.item.update", actor=actor, kind=AuditKind.CHANGE, obj=item,
           changes={k: v for k, v in changed.items() if k != "text"} | (
               {"text_sha256": [sha256(before["title"] + "\n" + before["text"]), sha256(item.full_text)]}
               if "text" in changed or "title" in changed else {}))
    return item


@transaction.atomic(durable=True)
def do_submit_item(item: DisclosureItem, *, actor) -> DisclosureItem:
    """送保密审查 (先审查后公开)."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.DRAFT, f"只有拟稿状态的稿件可以送审（当前：{item.get_status_display()}）。")
    refuse_unless(access.can_edit(person, item), "只有拟稿人或办公室人员可以送审。")
    refuse_unless(item.openness != Openness.NOT_DISCLOSED, "公开属性为“不予公开”的信息不得发布。")
    item.status, item.return_note = ItemStatus.IN_REVIEW, ""
    item.save(update_fields=["status", "return_note"])
    record("disclosure.item.submit", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [ItemStatus.DRAFT, ItemStatus.IN_REVIEW]})
    reviewers = [p for p in _people(item.unit, Role.CONFIDENTIALITY_REVIEWER) if p.pk != item.drafter_id]
    notify(reviewers, f"待保密审查：{item.title}", url=access.item_url(item), about=item)
    return item


def screen_item(item: DisclosureItem) -> list[screening.Problem]:
    """The 保密审查 checker on the item's text, with the unit's configured sensitive terms."""
    return screening.screen(item.full_text, sensitive_terms=service.active_sensitive_terms())


@transaction.atomic(durable=True)
def do_review_item(item: DisclosureItem, *, passed: bool, note: str = "", actor) -> SecrecyReview:
    """保密审查 (clause 一(四)2): the 保密审查员 records the result. A 密级 marking, personal information or a
    configured sensitive term stops it: "通过" is refused and nothing is recorded."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.IN_REVIEW, f"稿件不在待保密审查状态（当前：{item.get_status_display()}）。")
    refuse_unless(access.is_reviewer(person), "只有保密审查员可以进行保密审查。")
    refuse_unless(person.pk != item.drafter_id, "保密审查员不能审查本人拟写的稿件。")
    note = (note or "").strip()
    problems = screen_item(item)
    if passed and problems:
        raise ValidationError(screening.describe(problems))
    refuse_unless(passed or bool(note), "审查不通过须填写审查意见。")
    refuse_unless(len(note) <= 500, "审查意见不能超过500字。")
    review = SecrecyReview.objects.create(item=item, reviewer=person, passed=passed, note=note,
                                          problems=[p.to_dict() for p in problems],
                                          text_sha256=sha256(item.full_text))
    after = ItemStatus.REVIEWED if passed else ItemStatus.DRAFT
    item.status = after
    item.return_note = "" if passed else f"保密审查不通过：{note}"[:500]
    item.save(update_fields=["status", "return_note"])
    record("disclosure.item.review", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [ItemStatus.IN_REVIEW, after], "passed": passed, "note": note,
                    "problems": len(problems), "text_sha256": review.text_sha256})
    if passed:
        approvers = [p for p in _people(item.unit, Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)
                     if p.pk != item.drafter_id]
        notify(approvers, f"信息公开待审批：{item.title}", url=access.item_url(item), about=item)
    else:
        notify([item.drafter], f"保密审查未通过：{item.title}", url=access.item_url(item), about=item, body=note)
    return review


def proofreading_errors(item: DisclosureItem) -> list:
    """校对 with the publication profile (clause 一(四)4): errors not yet 确认无误 for this item."""
    return service.unresolved(item, item.full_text, profile="publication")


@transaction.atomic(durable=True)
def do_approve_item(item: DisclosureItem, *, override_reason: str = "", actor) -> DisclosureItem:
    """审批: after 保密审查, with the text proofread (publication profile). An error the proofreader reports blocks
    approval unless the approver gives a reason, recorded with the findings."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.REVIEWED, f"稿件须经保密审查通过后审批（当前：{item.get_status_display()}）。")
    refuse_unless(person.pk != item.drafter_id, "审批人不能是拟稿人。")
    refuse_unless(access.can_approve(person, item), "只有办公室主任、副主任或分管该科室的院领导可以审批。")
    errors = proofreading_errors(item)
    override_reason = (override_reason or "").strip()
    if errors and not override_reason:
        raise ValidationError(service.describe(errors))
    refuse_unless(len(override_reason) <= 500, "放行理由不能超过500字。")
    item.status, item.approved_by, item.approved_at = ItemStatus.APPROVED, person, timezone.now()
    item.save(update_fields=["status", "approved_by", "approved_at"])
    record("disclosure.item.approve", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [ItemStatus.REVIEWED, ItemStatus.APPROVED], "text_sha256": sha256(item.full_text),
                    "proofreading_errors": [f.to_dict() for f in errors],
                    "override_reason": override_reason if errors else ""})
    publishers = [p for p in _people(item.unit, Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)]
    notify([item.drafter, *publishers], f"信息公开已审批，待发布：{item.title}", url=access.item_url(item), about=item)
    return item


@transaction.atomic(durable=True)
def do_return_item(item: DisclosureItem, *, note: str, actor) -> DisclosureItem:
    """退回修改: the approver sends a reviewed item back to its drafter (it goes through 保密审查 again)."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.REVIEWED, f"只有待审批的稿件可以退回（当前：{item.get_status_display()}）。")
    refuse_unless(access.can_approve(person, item), "只有本稿件的审批人可以退回。")
    note = (note or "").strip()
    refuse_unless(bool(note), "请填写退回意见。")
    refuse_unless(len(note) <= 500, "退回意见不能超过500字。")
    item.status, item.return_note = ItemStatus.DRAFT, f"审批退回：{note}"[:500]
    item.save(update_fields=["status", "return_note"])
    record("disclosure.item.return", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [ItemStatus.REVIEWED, ItemStatus.DRAFT], "note": note})
    notify([item.drafter], f"稿件被退回：{item.title}", url=access.item_url(item), about=item, body=note)
    return item


def _late_lead_exists(item: DisclosureItem) -> bool:
    tracked = TrackedItem.objects.for_source(item)
    return any(Lead.objects.for_source(t).exists() for t in tracked)


@transaction.atomic(durable=True)
def do_publish_item(item: DisclosureItem, *, late_reason: str = "", actor) -> Publication:
    """发布 (clause 一(四)1): the text as approved goes out and is kept, with its approver, for good. Past the
    deadline it needs a reason, and the lateness is proposed as a lead (超时限)."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.APPROVED, f"稿件须经审批后发布（当前：{item.get_status_display()}）。")
    refuse_unless(access.is_office(person), "只有办公室人员可以发布信息。")
    refuse_unless(item.openness != Openness.NOT_DISCLOSED, "公开属性为“不予公开”的信息不得发布。")
    problems = screen_item(item)
    if problems:
        raise ValidationError(screening.describe(problems))
    now = timezone.now()
    late = item.due_at is not None and item.due_at < now
    late_reason = (late_reason or "").strip()
    if late and not late_reason:
        raise ValidationError(f"已超过应公开时限（{local(item.due_at)}），须填写逾期发布原因。")
    refuse_unless(len(late_reason) <= 500, "逾期发布原因不能超过500字。")
    approver = item.approved_by
    publication = Publication.objects.create(
        item=item, title=item.title, text=item.text, text_sha256=sha256(item.full_text), channel=item.channel,
        approved_by=approver, approved_by_name=approver.name, approved_at=item.approved_at, published_by=person,
        published_at=now, late=late, late_reason=late_reason if late else "")
    item.status = ItemStatus.PUBLISHED
    item.save(update_fields=["status"])
    close_items_for_source(item, f"已于 {local(now)} 发布（{item.get_channel_display()}）", actor=actor)
    record("disclosure.item.publish", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [ItemStatus.APPROVED, ItemStatus.PUBLISHED], "channel": item.channel,
                    "approved_by": approver.pk, "text_sha256": publication.text_sha256, "late": late,
                    "late_reason": publication.late_reason})
    if late and not _late_lead_exists(item):
        propose_lead(CLAUSE_PUBLICATION, item.drafter, timezone.localdate(),
                     f"“{item.title}”超时限发布：应于 {local(item.due_at)} 前公开，{local(now)} 发布。"
                     f"逾期原因：{late_reason}", publication, actor=actor, source_label=f"信息公开：{item.title}",
                     source_url=access.item_url(item))
    return publication


@transaction.atomic(durable=True)
def do_withdraw_item(item: DisclosureItem, *, kind: str, reason: str, actor) -> Withdrawal:
    """撤稿: recorded with its reason, never deleted; the published text stays on the item's page. A withdrawal
    because the item should not have been published (不应公开而公开), was inaccurate or had text errors shows a lapse
    and is proposed as a lead."""
    person = person_of_actor(actor)
    item = _lock(item)
    refuse_unless(item.status == ItemStatus.PUBLISHED, f"只有已发布的信息可以撤稿（当前：{item.get_status_display()}）。")
    refuse_unless(access.can_withdraw(person, item), "只有办公室主任、副主任或分管院领导可以撤稿。")
    refuse_unless(kind in WithdrawalKind.values, "请选择撤稿类别。")
    reason = (reason or "").strip()
    refuse_unless(bool(reason), "请填写撤稿原因。")
    refuse_unless(len(reason) <= 500, "撤稿原因不能超过500字。")
    withdrawal = Withdrawal.objects.create(item=item, kind=kind, reason=reason, withdrawn_by=person)
    before = {"status": item.status, "openness": item.openness}
    item.status = ItemStatus.WITHDRAWN
    fields = ["status"]
    if kind == WithdrawalKind.OUT_OF_SCOPE:
        item.openness, item.not_disclosed_reason = Openness.NOT_DISCLOSED, reason
        fields += ["openness", "not_disclosed_reason"]
    item.save(update_fields=fields)
    record("disclosure.item.withdraw", actor=actor, kind=AuditKind.TRANSITION, obj=item,
           changes={"status": [before["status"], item.status], "openness": [before["openness"], item.openness],
                    "kind": kind, "reason": reason})
    clause = WITHDRAWAL_CLAUSES.get(kind)
    if clause:
        liable = item.approved_by if kind == WithdrawalKind.OUT_OF_SCOPE else item.drafter
        published = item.publication
        propose_lead(clause, liable, timezone.localtime(published.published_at).date(),
                     f"“{item.title}”于 {local(published.published_at)} 发布后撤稿"
                     f"（{WithdrawalKind(kind).label}）：{reason}", withdrawal, actor=actor,
                     source_label=f"信息公开：{item.title}", source_url=access.item_url(item))
    notify([item.drafter, item.approved_by], f"已撤稿：{item.title}", url=access.item_url(item), about=item,
           body=reason)
    return withdrawal
