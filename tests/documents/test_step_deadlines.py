"""Clause 一(一)4: every 收文/发文 step has a tracked item for its owner, due per the 办理时限 table in working days,
closed when the step is done as the next one opens; an overdue one becomes an error lead."""

import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from zeroerror.documents import actions
from zeroerror.documents.models import OutgoingStatus
from zeroerror.errors.models import Channel, Lead, LeadStatus
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import TrackedItem
from zeroerror.workdays.service import deadline_in_workdays

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def step_items(doc, step: str):
    return TrackedItem.objects.for_source(doc).filter(title__startswith=f"{step}：")


def receive(docs, **extra):
    return actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user, **extra)


def register(docs, doc, *, kind="notice", number="青卫发〔2026〕12号", **extra):
    data = {"doc_number": number, "title": "关于开展医疗质量安全检查的通知", "kind": kind, "urgency": "normal",
            "received_on": timezone.localdate(doc.received_at), "copies": 1, "pages": 3}
    return actions.do_register_incoming(doc, actor=docs.alice.user, **data | extra)


def to_handling(docs, doc):
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    actions.do_propose_incoming(doc, proposal="拟请李副院长阅示，医务科牵头办理。", leaders=[docs.leo],
                                main_department=docs.medical, actor=docs.director.user)
    actions.do_instruct_incoming(doc, text="请医务科研究办理。", actor=docs.leo.user)
    return actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)


# chinese_calendar facts for 2026: 国庆 (with 中秋) is 10月1日–7日, so Wednesday 9月30日 is the last working day
# before it and Thursday 10月8日 the first after it; Saturday 10月10日 is a working day (调休); Friday 9月25日 is
# itself 中秋 (a holiday), which is why the example is the Wednesday.
@pytest.mark.clause("一(一)4")
@pytest.mark.parametrize("urgency, received_at, due", [
    ("normal", at(2026, 9, 30, 10, 0), at(2026, 10, 8, 17, 0)),   # 平急: the next working day, across 国庆
    ("urgent", at(2026, 9, 30, 10, 0), at(2026, 9, 30, 17, 0)),   # 加急: the same working day
    ("extra_urgent", at(2026, 10, 10, 9, 30), at(2026, 10, 10, 17, 0)),  # 特急 on the 调休 Saturday: that day
    ("normal", at(2026, 10, 10, 9, 30), at(2026, 10, 12, 17, 0)),  # 平急 on the 调休 Saturday: Monday
])
def test_after_receipt_the_clerk_has_registering_to_do_due_per_the_table(docs, urgency, received_at, due):
    doc = receive(docs, received_at=received_at, urgency=urgency)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.title == f"登记：青川县卫生健康局来文（#{doc.pk}）"
    assert (item.owner, item.clause_id, item.area) == (docs.alice, "一(一)4", "documents")
    assert item.due_at == due


@pytest.mark.clause("一(一)4")
def test_registering_closes_its_item_and_opens_the_first_review_which_closes_when_done(docs):
    doc = receive(docs, received_at=at(2026, 9, 30, 10, 0))
    registering = step_items(doc, "登记").get()
    doc = register(docs, doc)
    registering.refresh_from_db()
    assert registering.status == "done" and registering.done_note == "已登记"
    reviewing = TrackedItem.objects.for_source(doc).active().get()
    assert reviewing.title == "初审：关于开展医疗质量安全检查的通知" and reviewing.owner == docs.alice
    assert reviewing.clause_id == "一(一)4"
    assert reviewing.due_at == deadline_in_workdays(2, doc.registered_at)  # 初审, 平急: two working days

    actions.do_review_incoming(doc, ours=True, actor=docs.bob.user)
    reviewing.refresh_from_db()
    assert reviewing.status == "done"
    assert TrackedItem.objects.for_source(doc).active().get().title.startswith("拟办：")


@pytest.mark.clause("一(一)4")
def test_the_urgency_given_at_registration_sets_the_review_limit(docs):
    doc = register(docs, receive(docs), urgency="extra_urgent")
    assert step_items(doc, "初审").get().due_at == deadline_in_workdays(0, doc.registered_at)


@pytest.mark.clause("一(一)4")
def test_when_the_clerk_has_left_the_office_the_director_owns_the_clerical_steps(docs):
    doc = receive(docs)
    docs.alice.active = False
    docs.alice.save(update_fields=["active"])
    doc = actions.do_register_incoming(doc, doc_number="青卫发〔2026〕12号", title="关于开展检查的通知",
                                       received_on=timezone.localdate(), copies=1, pages=1, actor=docs.bob.user)
    assert step_items(doc, "初审").get().owner == docs.director


@pytest.mark.clause("一(一)4")
def test_an_overdue_registration_becomes_a_proposed_error_lead(docs, django_capture_on_commit_callbacks):
    doc = receive(docs)
    item = step_items(doc, "登记").get()
    with django_capture_on_commit_callbacks(execute=True):
        report = run_tick(item.due_at + timedelta(minutes=1))
    assert item.pk in report.overdue
    item.refresh_from_db()
    assert item.status == "overdue"
    lead = Lead.objects.get()
    assert (lead.channel, lead.status, lead.person, lead.source) == (
        Channel.SYSTEM, LeadStatus.PROPOSED, docs.alice, item)
    assert lead.clause.code == "一(一)4" and "登记" in lead.description


@pytest.mark.clause("一(一)4")
def test_a_receipt_entered_late_is_already_overdue_for_registration(docs, django_capture_on_commit_callbacks):
    doc = receive(docs, received_at=at(2026, 9, 30, 10, 0))
    with django_capture_on_commit_callbacks(execute=True):
        run_tick()
    assert step_items(doc, "登记").get().status == "overdue"
    assert Lead.objects.get().person == docs.alice


@pytest.mark.clause("一(一)4")
def test_a_request_needing_a_reply_gets_a_reply_item_for_the_handler(docs):
    doc = to_handling(docs, register(docs, receive(docs), kind="request", title="关于申请购置救护车的请示"))
    handling, reply = step_items(doc, "承办").get(), step_items(doc, "答复").get()
    assert handling.due_at == doc.handling_due_at == deadline_in_workdays(7, doc.assigned_at)  # 请示 承办: 7
    assert reply.owner == docs.medhead and reply.clause_id == "一(一)4" and reply.status == "open"
    assert reply.due_at == deadline_in_workdays(2, doc.handling_due_at)  # 请示 答复: 2 after 承办
    assert reply.detail == "须答复青川县卫生健康局"
    actions.do_complete_incoming(doc, result="已研究同意", reply="已以青医函〔2026〕5号批复", actor=docs.medhead.user)
    reply.refresh_from_db()
    assert reply.status == "done"


@pytest.mark.clause("一(一)4")
def test_a_letter_gets_a_reply_item_with_its_own_limit_and_a_notice_none(docs):
    letter = to_handling(docs, register(docs, receive(docs), kind="letter", title="关于商请提供有关数据的函"))
    reply = step_items(letter, "答复").get()
    assert reply.due_at == deadline_in_workdays(5, letter.handling_due_at)  # 函 答复, 平急: 5
    notice = to_handling(docs, register(docs, receive(docs), number="青卫发〔2026〕13号"))
    assert not step_items(notice, "答复").exists()


@pytest.mark.clause("一(一)4")
def test_after_completion_the_clerk_files_it_within_the_limit(docs):
    doc = to_handling(docs, register(docs, receive(docs)))
    doc = actions.do_complete_incoming(doc, result="已组织自查", actor=docs.medhead.user)
    filing = TrackedItem.objects.for_source(doc).active().get()
    assert filing.title.startswith("归档：") and filing.owner == docs.alice and filing.clause_id == "一(一)4"
    assert filing.due_at == deadline_in_workdays(30, doc.done_at)  # 归档: 30 working days
    actions.do_archive_incoming(doc, actor=docs.bob.user)
    filing.refresh_from_db()
    assert filing.status == "done"
    assert not TrackedItem.objects.for_source(doc).active().exists()


@pytest.mark.clause("一(一)4")
def test_after_distribution_the_distributor_files_the_outgoing_document(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.DISTRIBUTED)
    chasing, filing = TrackedItem.objects.for_source(doc).active().order_by("title")
    assert filing.title == "归档：关于进一步规范公文处理工作的通知" and filing.owner == docs.alice
    assert chasing.title == "催回执：关于进一步规范公文处理工作的通知" and chasing.owner == docs.alice
    assert filing.clause_id == "一(一)4"
    assert filing.due_at == deadline_in_workdays(30, doc.distributed_at)
    assert step_items(doc, "分发").get().status == "done"
    docs.advance(doc, OutgoingStatus.ARCHIVED)
    filing.refresh_from_db()
    assert filing.status == "done"
