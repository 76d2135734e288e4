"""收文: 签收 → 登记 → 初审 → 拟办 → 批示 → 承办 → 办结 → 归档."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.attachments.models import Attachment
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, IncomingStatus, Instruction
from zeroerror.tracking.models import Notification, TrackedItem
from zeroerror.workdays.service import deadline_in_workdays

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def register(docs, *, sender="青川县卫生健康局", number="青卫发〔2026〕12号", **extra):
    doc = actions.do_receive_incoming(sender=sender, received_count=1, actor=docs.alice.user)
    data = {"doc_number": number, "title": "关于开展医疗质量安全检查的通知", "kind": "notice", "urgency": "normal",
            "received_on": timezone.localdate(), "copies": 2, "pages": 5}
    data.update(extra)
    return actions.do_register_incoming(doc, actor=docs.alice.user, **data)


def to_instructed(docs, doc, *, due_at=None):
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    actions.do_propose_incoming(doc, proposal="拟请李副院长阅示，医务科牵头办理。", leaders=[docs.leo],
                                main_department=docs.medical, actor=docs.director.user)
    actions.do_instruct_incoming(doc, text="请医务科抓紧落实，按时报送。", due_at=due_at, actor=docs.leo.user)
    doc.refresh_from_db()
    return doc


def test_a_document_is_received_registered_and_handled_to_the_archive(docs):
    doc = register(docs, scans=[("扫描件.pdf", PDF)])
    assert doc.status == IncomingStatus.REGISTERED and doc.doc_number == "青卫发〔2026〕12号"
    assert Attachment.objects.for_owner(doc).get().purpose == "扫描件"
    doc = to_instructed(docs, doc)
    doc = actions.do_assign_incoming(doc, main_department=docs.medical, co_departments=[docs.office],
                                     actor=docs.alice.user)
    assert doc.status == IncomingStatus.HANDLING and doc.handler == docs.medhead
    doc = actions.do_complete_incoming(doc, result="已组织全院自查，报告已报送县卫健局。", actor=docs.medhead.user)
    doc = actions.do_archive_incoming(doc, actor=docs.alice.user)
    assert doc.status == IncomingStatus.ARCHIVED
    assert [e.step for e in doc.events.all()] == ["签收", "登记", "初审", "拟办", "批示", "交办承办", "办结", "归档"]
    assert not TrackedItem.objects.for_source(doc).active().exists()


@pytest.mark.parametrize("bad", ["青卫发[2026]12号", "青卫发(2026)12号", "青卫发〔2026〕第12号", "青卫发〔2026〕012号",
                                 "青卫发〔26〕12号", "〔2026〕12号", "青卫发〔2026〕12"])
def test_a_number_in_the_wrong_form_is_refused_and_nothing_changes(docs, bad):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    with pytest.raises(ValidationError) as exc:
        actions.do_register_incoming(doc, doc_number=bad, title="标题", received_on=timezone.localdate(),
                                     copies=1, pages=1, actor=docs.alice.user)
    assert "格式错误" in exc.value.messages[0]
    doc.refresh_from_db()
    assert doc.status == IncomingStatus.RECEIVED and doc.doc_number == ""


def test_an_incoming_number_is_normalised(docs):
    doc = register(docs, number=" 青卫发﹝2026﹞１２号 ")
    assert doc.doc_number == "青卫发〔2026〕12号"


def test_the_same_sender_and_number_cannot_be_registered_twice(docs):
    register(docs)
    with pytest.raises(ValidationError, match="青川县卫生健康局的青卫发〔2026〕12号已于.*登记，不能重复登记"):
        register(docs, sender="青川县 卫生健康局", number="青卫发﹝2026﹞12号")
    assert IncomingDocument.objects.filter(doc_number="青卫发〔2026〕12号").count() == 1
    assert register(docs, sender="青川县财政局").sender == "青川县财政局"


def test_the_database_refuses_a_duplicate_too(docs):
    from django.db import IntegrityError, transaction

    first = register(docs)
    with pytest.raises(IntegrityError), transaction.atomic():
        IncomingDocument.objects.create(unit=first.unit, sender=first.sender, doc_number=first.doc_number,
                                        registrar=docs.alice)


def test_missing_elements_are_named(docs):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    with pytest.raises(ValidationError) as exc:
        actions.do_register_incoming(doc, doc_number="青卫发〔2026〕1号", title="", received_on=None, copies=None,
                                     pages=0, secrecy_level="secret", secrecy_period="30年", actor=docs.alice.user)
    text = "；".join(exc.value.messages)
    for expected in ("请填写标题", "请填写收文日期", "请填写份数", "请填写页数", "保密期限"):
        assert expected in text


@pytest.mark.clause("一(一)3")
def test_classification_and_its_expiry_are_recorded(docs):
    doc = register(docs, secrecy_level="confidential", secrecy_period="6个月", received_on=datetime.date(2026, 1, 31))
    assert doc.classification_text == "秘密★6个月" and doc.secrecy_expires_on == datetime.date(2026, 7, 31)


@pytest.mark.clause("一(一)1")
@pytest.mark.parametrize("transfer_to, status", [("", IncomingStatus.RETURNED), ("县医保局", IncomingStatus.TRANSFERRED)])
def test_a_document_not_ours_is_returned_or_transferred_and_never_handled(docs, transfer_to, status):
    doc = register(docs)
    with pytest.raises(ValidationError, match="请填写退回或转办理由"):
        actions.do_review_incoming(doc, ours=False, actor=docs.alice.user)
    doc = actions.do_review_incoming(doc, ours=False, reason="医保基金结算事项，不属我院办理", transfer_to=transfer_to,
                                     actor=docs.alice.user)
    assert doc.status == status and doc.review_reason == "医保基金结算事项，不属我院办理"
    with pytest.raises(ValidationError, match="不得列入办理程序"):
        actions.do_propose_incoming(doc, proposal="拟办", leaders=[docs.leo], actor=docs.director.user)
    with pytest.raises(ValidationError, match="不得列入办理程序"):
        actions.do_instruct_incoming(doc, text="同意", actor=docs.principal.user)
    with pytest.raises(ValidationError, match="不得列入办理程序"):
        actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    items = TrackedItem.objects.for_source(doc)
    assert not items.active().exists()  # only the office's own 登记 and 初审, both done
    assert sorted(item.title.partition("：")[0] for item in items) == ["初审", "登记"]


@pytest.mark.clause("一(一)1")
def test_steps_out_of_order_are_refused(docs):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    with pytest.raises(ValidationError, match="登记后才能初审"):
        actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    doc = register(docs)
    with pytest.raises(ValidationError, match="初审通过后才能拟办"):
        actions.do_propose_incoming(doc, proposal="拟办", leaders=[docs.leo], actor=docs.director.user)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="拟办意见由办公室主任提出"):
        actions.do_propose_incoming(doc, proposal="拟办", leaders=[docs.leo], actor=docs.alice.user)
    with pytest.raises(ValidationError, match="不是本单位领导"):
        actions.do_propose_incoming(doc, proposal="拟办", leaders=[docs.charlie], actor=docs.director.user)
    with pytest.raises(ValidationError, match="拟办后才能批示"):
        actions.do_instruct_incoming(doc, text="同意", actor=docs.leo.user)
    assert IncomingDocument.objects.get(pk=doc.pk).status == IncomingStatus.ACCEPTED


@pytest.mark.clause("一(一)4")
def test_accepted_documents_go_to_the_director_with_a_time_limit(docs):
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.director and item.clause_id == "一(一)4" and item.area == "documents"
    assert item.due_at == deadline_in_workdays(2, item.created_at)  # 拟办, 平急: two working days


@pytest.mark.clause("一(一)5")
def test_an_instruction_is_kept_verbatim_and_its_deadline_is_tracked(docs):
    due = deadline_in_workdays(5)
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    actions.do_propose_incoming(doc, proposal="拟请李副院长阅示。", leaders=[docs.leo], main_department=docs.medical,
                                actor=docs.director.user)
    leader_item = TrackedItem.objects.for_source(doc).active().get()
    assert leader_item.owner == docs.leo
    text = "  请医务科牵头，\n护理部配合，5日内报结果。"
    with pytest.raises(ValidationError, match="只有呈送的领导"):
        actions.do_instruct_incoming(doc, text=text, actor=docs.charlie.user)
    actions.do_instruct_incoming(doc, text=text, due_at=due, actor=docs.leo.user)
    instruction = Instruction.objects.get(document=doc)
    assert instruction.text == text and instruction.leader == docs.leo and instruction.at is not None
    leader_item.refresh_from_db()
    assert leader_item.status == "done"
    assert Notification.objects.filter(recipient=docs.director, title__contains="已批示").exists()
    doc = actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.medhead and item.due_at == due and item.clause_id == "一(一)5"
    assert text in item.detail


@pytest.mark.clause("一(一)4")
def test_without_a_leader_deadline_the_time_limit_applies(docs):
    doc = to_instructed(docs, register(docs, urgency="urgent"))
    doc = actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.clause_id == "一(一)4"
    assert item.due_at == deadline_in_workdays(3, doc.assigned_at)  # 承办, 加急: three working days


def test_one_main_department_with_a_handler_in_it(docs):
    doc = to_instructed(docs, register(docs))
    with pytest.raises(ValidationError, match="承办人鲍勃不在医务科"):
        actions.do_assign_incoming(doc, main_department=docs.medical, handler=docs.bob, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="信息科未设负责人"):
        actions.do_assign_incoming(doc, main_department=docs.info, actor=docs.alice.user)
    doc = actions.do_assign_incoming(doc, main_department=docs.medical, handler=docs.charlie,
                                     co_departments=[docs.medical, docs.office], actor=docs.alice.user)
    assert doc.handler == docs.charlie and list(doc.co_departments.all()) == [docs.office]
    with pytest.raises(ValidationError, match="只有承办人"):
        actions.do_complete_incoming(doc, result="办完", actor=docs.bob.user)
    assert actions.do_complete_incoming(doc, result="办完", actor=docs.charlie.user).status == IncomingStatus.DONE


@pytest.mark.clause("一(一)4")
def test_the_unit_configures_its_time_limits_in_the_data_dir(docs, settings, tmp_path):
    import json

    from zeroerror.documents.timelimits import DEFAULT_TABLE, TimeLimitError

    settings.DATA_DIR = tmp_path
    (tmp_path / actions.TIME_LIMITS_FILE).write_text(json.dumps({"收文": {"承办": {"平急": 7}}}), encoding="utf-8")
    doc = actions.do_assign_incoming(to_instructed(docs, register(docs)), main_department=docs.medical,
                                     actor=docs.alice.user)
    assert doc.handling_due_at == deadline_in_workdays(7, doc.assigned_at)
    (tmp_path / actions.TIME_LIMITS_FILE).write_text(json.dumps({"收文": {"承办": {"特急": 9, "平急": 2}}}),
                                                     encoding="utf-8")
    with pytest.raises(TimeLimitError, match="特急时限（9天）不能长于"):
        actions.file_time_limit_table()
    assert actions.time_limit_table() == DEFAULT_TABLE  # a bad file never stops the work: the defaults apply


def test_a_request_or_letter_is_finished_only_with_its_reply(docs):
    doc = to_instructed(docs, register(docs, number="青卫函〔2026〕3号", kind="letter", title="关于商请提供数据的函"))
    doc = actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="来文为函，须答复青川县卫生健康局"):
        actions.do_complete_incoming(doc, result="数据已整理", actor=docs.medhead.user)
    doc = actions.do_complete_incoming(doc, result="数据已整理", reply="以青医函〔2026〕5号函复", actor=docs.medhead.user)
    assert doc.reply == "以青医函〔2026〕5号函复" and "答复" in doc.events.last().text


@pytest.mark.django_db(transaction=True)
def test_two_clerks_registering_the_same_document_at_once_give_one_registration(docs):
    from tests.concurrency import messages, race

    received = [actions.do_receive_incoming(sender="青川县卫生健康局", actor=p.user) for p in (docs.alice, docs.bob)]

    def register_it(doc, clerk):
        actions.do_register_incoming(doc, doc_number="青卫发〔2026〕12号", title="关于开展检查的通知",
                                     received_on=timezone.localdate(), copies=1, pages=1, actor=clerk.user)
        return "ok"

    outcomes = messages(race(register_it, zip(received, (docs.alice, docs.bob), strict=True),
                             expect=(ValidationError,)))
    assert outcomes.count("ok") == 1 and any("不能重复登记" in o for o in outcomes)
    assert IncomingDocument.objects.filter(doc_number="青卫发〔2026〕12号").count() == 1
