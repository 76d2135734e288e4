"""发文: 拟稿 → 核稿 → 首读 → 签发 → 编号 → 印制 → 分发 → 归档, and the refusals of each step."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions, proofing
from zeroerror.documents.models import DocumentNumber, DocumentNumberSequence, OutgoingDocument, OutgoingStatus
from zeroerror.tracking.models import TrackedItem


def snapshot(doc):
    doc = OutgoingDocument.objects.get(pk=doc.pk)
    return {f.attname: getattr(doc, f.attname) for f in OutgoingDocument._meta.concrete_fields}


def test_a_document_goes_through_every_step_with_who_and_when(docs):
    doc = docs.make_outgoing()
    assert doc.status == OutgoingStatus.DRAFT and doc.agency_code == "测医发"
    doc = docs.advance(doc, OutgoingStatus.ARCHIVED)
    assert doc.reviewer == docs.bob and doc.first_reader == docs.reader and doc.signer == docs.principal
    assert doc.first_read_policy and doc.first_read_norms and doc.first_read_precision
    assert doc.sign_opinion == "同意印发" and doc.signed_at is not None
    assert doc.doc_number.startswith("测医发〔") and doc.doc_number.endswith("〕1号")
    assert doc.print_checks == dict.fromkeys(actions.PRINT_CHECKS, True)
    assert [e.step for e in doc.events.all()] == ["拟稿", "核稿", "首读", "签发", "编号", "印制", "分发", "归档"]
    actions_logged = set(AuditRecord.objects.filter(object_type="documents.outgoingdocument", object_id=str(doc.pk))
                         .values_list("action", flat=True))
    assert {"documents.outgoing.first_read", "documents.outgoing.sign", "documents.outgoing.number"} <= actions_logged
    assert not TrackedItem.objects.for_source(doc).active().exists()


def numbering_state(doc):
    """Everything 编号 writes: the document, the register and its sequence, the audit trail and the history."""
    return {
        "document": snapshot(doc),
        "numbers": list(DocumentNumber.objects.values_list("text", flat=True)),
        "sequences": list(DocumentNumberSequence.objects.values_list("agency_code", "year", "last")),
        "audit": AuditRecord.objects.count(),
        "events": list(doc.events.values_list("step", flat=True)),
    }


NOT_BEFORE_FIRST_READ = "首读通过并签发前不能编号（一(一)2：文件正式编号之前须经首读人员审核把关）。"


def _draft(docs):
    return docs.make_outgoing()


def _reviewed(docs):
    return docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)


def _first_read_failed(docs):
    doc = _reviewed(docs)
    return actions.do_first_read(doc, policy=True, norms=False, precision=True, opinion="格式不符",
                                 actor=docs.reader.user)


def _countersigning(docs):
    doc = docs.make_outgoing(countersign_departments=[docs.medical])
    return docs.advance(doc, OutgoingStatus.FIRST_READ_PASSED)


def _first_read_passed(docs):
    return docs.advance(docs.make_outgoing(), OutgoingStatus.FIRST_READ_PASSED)


def _signed_without_a_passed_first_read(docs):
    """A signed document whose 首读 record does not show a pass (e.g. one brought in from an old register)."""
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    OutgoingDocument.objects.filter(pk=doc.pk).update(first_read_precision=False)
    return OutgoingDocument.objects.get(pk=doc.pk)


def _signed_never_first_read(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    OutgoingDocument.objects.filter(pk=doc.pk).update(first_read_at=None)
    return OutgoingDocument.objects.get(pk=doc.pk)


NUMBERING_REFUSALS = [
    (_draft, NOT_BEFORE_FIRST_READ),
    (_reviewed, NOT_BEFORE_FIRST_READ),
    (_first_read_failed, NOT_BEFORE_FIRST_READ),
    (_countersigning, "签发后才能编号（当前：首读通过（会签中））。"),
    (_first_read_passed, "签发后才能编号（当前：首读通过（待签发））。"),
    (_signed_without_a_passed_first_read, "首读未通过，不能编号。"),
    (_signed_never_first_read, "首读未通过，不能编号。"),
]


@pytest.mark.clause("一(一)2")
@pytest.mark.parametrize(("stage", "refusal"), NUMBERING_REFUSALS,
                         ids=[stage.__name__.strip("_") for stage, _ in NUMBERING_REFUSALS])
def test_no_number_before_first_read_passed_and_signing(docs, stage, refusal):
    """Each step before a passed 首读 and 签发 gets its own refusal, and 编号 changes nothing."""
    doc = stage(docs)
    before = numbering_state(doc)
    with pytest.raises(ValidationError) as exc:
        actions.do_assign_number(doc, actor=docs.alice.user)
    assert exc.value.messages == [refusal]
    assert numbering_state(doc) == before
    assert not DocumentNumber.objects.exists()


@pytest.mark.clause("一(一)2")
def test_a_signed_document_whose_first_read_passed_is_numbered(docs):
    """The other side of the gate: the same clerk numbers once 首读 passed and the leader signed."""
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    assert actions.do_assign_number(doc, actor=docs.alice.user).text == f"测医发〔{timezone.localdate().year}〕1号"


@pytest.mark.clause("一(一)2")
def test_steps_out_of_order_are_refused_and_nothing_changes(docs):
    doc = docs.make_outgoing()
    before = snapshot(doc)
    with pytest.raises(ValidationError, match="核稿之后"):
        actions.do_first_read(doc, policy=True, norms=True, precision=True, actor=docs.reader.user)
    with pytest.raises(ValidationError, match="首读通过后才能签发"):
        actions.do_sign_outgoing(doc, actor=docs.principal.user)
    with pytest.raises(ValidationError, match="编号后才能印制"):
        actions.do_print_outgoing(doc, checks=dict.fromkeys(actions.PRINT_CHECKS, True), actor=docs.alice.user)
    with pytest.raises(ValidationError, match="印制后才能分发"):
        actions.do_distribute_outgoing(doc, actor=docs.alice.user)
    assert snapshot(doc) == before


@pytest.mark.clause("一(一)2")
def test_a_failed_first_read_sends_the_draft_back_with_the_opinion(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    with pytest.raises(ValidationError, match="请填写首读意见"):
        actions.do_first_read(doc, policy=True, norms=False, precision=True, actor=docs.reader.user)
    doc = actions.do_first_read(doc, policy=True, norms=False, precision=True, opinion="文种应为“通知”，格式不符",
                                actor=docs.reader.user)
    assert doc.status == OutgoingStatus.DRAFT and doc.first_read_norms is False
    assert doc.first_read_opinion == "文种应为“通知”，格式不符"
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.alice and item.clause_id == "一(一)2"
    with pytest.raises(ValidationError, match="首读通过并签发前不能编号"):
        actions.do_assign_number(doc, actor=docs.alice.user)


@pytest.mark.clause("一(一)2")
def test_only_a_first_reader_other_than_the_drafter_reads_first(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    with pytest.raises(ValidationError, match="只有首读人员"):
        actions.do_first_read(doc, policy=True, norms=True, precision=True, actor=docs.bob.user)
    own = docs.advance(docs.make_outgoing(by=docs.reader), OutgoingStatus.REVIEWED)
    with pytest.raises(ValidationError, match="拟稿人不能首读"):
        actions.do_first_read(own, policy=True, norms=True, precision=True, actor=docs.reader.user)


@pytest.mark.clause("一(一)4")
def test_each_review_step_gets_a_tracked_item_for_its_owner(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.reader and item.area == "documents"
    doc = docs.advance(doc, OutgoingStatus.FIRST_READ_PASSED)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.leo  # the leader in charge of the drafting department signs 下行文
    assert item.clause_id == "一(一)4"


def test_review_is_by_someone_else_from_the_office_or_the_department_head(docs):
    doc = docs.make_outgoing()
    with pytest.raises(ValidationError, match="拟稿人以外"):
        actions.do_review_outgoing(doc, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="无权查看或办理"):
        actions.do_review_outgoing(doc, actor=docs.charlie.user)
    with pytest.raises(ValidationError, match="办公室人员或拟稿科室负责人"):
        actions.do_review_outgoing(doc, actor=docs.leo.user)


@pytest.mark.clause("一(一)2", "一(一)6")
def test_proofreading_errors_block_review_unless_overridden_with_a_reason(docs, monkeypatch):
    monkeypatch.setattr("zeroerror.documents.actions.outgoing.unresolved_proofreading_errors",
                        proofing.unresolved_proofreading_errors)
    doc = docs.make_outgoing(body="各科室要认真贯彻落实。\n一.加强组织领导")
    with pytest.raises(ValidationError, match="校对发现1处差错未解决"):
        actions.do_review_outgoing(doc, actor=docs.bob.user)
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.DRAFT
    for stock in ["已核对", "核对无误。", "同意"]:
        with refused(f"放行理由须说明为何保留校对发现的差错（至少6个字，如“引用原文，保留原序号”），不能只写“{stock}”。"):
            actions.do_review_outgoing(doc, override_reason=stock, actor=docs.bob.user)
    doc = actions.do_review_outgoing(doc, override_reason="引用原文，保留原序号", actor=docs.bob.user)
    assert doc.status == OutgoingStatus.REVIEWED and doc.review_override_reason == "引用原文，保留原序号"
    assert AuditRecord.objects.filter(action="documents.outgoing.review").get().changes["override_reason"] \
        == "引用原文，保留原序号"


@pytest.mark.django_db
def test_the_proofreading_seam_keeps_errors_only():
    assert proofing.unresolved_proofreading_errors("关于加强管理的通知\n一、加强领导。") == []
    found = proofing.unresolved_proofreading_errors("一.加强领导")
    assert found and all(f.severity == "error" for f in found)


def test_signing_is_for_leaders_and_upward_documents_for_the_principal(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.FIRST_READ_PASSED)
    with pytest.raises(ValidationError, match="单位负责人"):
        actions.do_sign_outgoing(doc, actor=docs.director.user)
    request = docs.advance(docs.make_outgoing(kind="request", title="关于购置设备的请示", addressees="县卫生健康局"),
                           OutgoingStatus.FIRST_READ_PASSED)
    with pytest.raises(ValidationError, match="上行文须由主要负责人签发"):
        actions.do_sign_outgoing(request, actor=docs.leo.user)
    assert actions.do_sign_outgoing(request, actor=docs.principal.user).signer == docs.principal
    assert actions.do_sign_outgoing(doc, actor=docs.leo.user).signer == docs.leo


def test_a_substantive_change_after_signing_goes_back_through_review_and_first_read_to_the_signer(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    doc = actions.do_update_outgoing(doc, body=doc.body + "\n三、加强督促检查。", actor=docs.alice.user)
    assert doc.status == OutgoingStatus.DRAFT and doc.resign_by == docs.principal
    assert doc.signer is None and doc.reviewer is None and doc.first_reader is None
    assert not TrackedItem.objects.for_source(doc).active().filter(owner=docs.principal).exists()
    with refused("首读通过后才能签发（当前：拟稿）。"):
        actions.do_sign_outgoing(doc, actor=docs.principal.user)
    doc = docs.advance(doc, OutgoingStatus.FIRST_READ_PASSED)  # 核稿 (proofread again) and 首读 of the new text
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.principal and "签发" in item.title
    with refused(r"签发后才能编号（当前：首读通过（待签发））。"):
        actions.do_assign_number(doc, actor=docs.alice.user)
    with refused("签发后文稿有实质性修改，须由原签发人王院长重新签发。"):
        actions.do_sign_outgoing(doc, actor=docs.leo.user)
    doc = actions.do_sign_outgoing(doc, actor=docs.principal.user)
    assert doc.status == OutgoingStatus.SIGNED and doc.resign_by is None
    assert actions.do_assign_number(doc, actor=docs.alice.user).seq == 1


def test_a_non_substantive_change_after_signing_keeps_the_signature(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    doc = actions.do_update_outgoing(doc, copies=30, actor=docs.alice.user)
    assert doc.status == OutgoingStatus.SIGNED and doc.copies == 30 and doc.signer == docs.principal


def test_a_substantive_change_before_signing_needs_review_and_first_read_again(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.FIRST_READ_PASSED)
    doc = actions.do_update_outgoing(doc, title="关于规范公文处理的通知", actor=docs.alice.user)
    assert doc.status == OutgoingStatus.DRAFT and doc.reviewer is None and doc.first_reader is None


def test_a_numbered_document_cannot_be_edited(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.NUMBERED)
    with pytest.raises(ValidationError, match="先作废文号"):
        actions.do_update_outgoing(doc, body="改了", actor=docs.alice.user)


@pytest.mark.clause("一(一)7")
def test_printing_needs_every_check_ticked(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.NUMBERED)
    checks = dict.fromkeys(actions.PRINT_CHECKS, True) | {"no_inverted_pages": False, "right_letterhead": False}
    with pytest.raises(ValidationError, match="无倒页、未错用文头"):
        actions.do_print_outgoing(doc, checks=checks, actor=docs.alice.user)
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.NUMBERED


@pytest.mark.clause("一(一)7")
def test_a_wrong_letterhead_is_refused_before_numbering_so_no_number_is_spent(docs):
    doc = docs.advance(docs.make_outgoing(agency_mark="青川县卫生健康局文件"), OutgoingStatus.SIGNED)
    with pytest.raises(ValidationError, match="错用文头：发文机关标志“青川县卫生健康局文件”与发文机关署名“测试县人民医院”不一致"
                                              ".*请修改文稿后再编号"):
        actions.do_assign_number(doc, actor=docs.alice.user)
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.SIGNED
    assert not DocumentNumber.objects.exists() and not DocumentNumberSequence.objects.exists()
    ok = docs.advance(docs.make_outgoing(agency_mark="测试医院文件"), OutgoingStatus.NUMBERED)
    assert actions.do_print_outgoing(ok, checks=dict.fromkeys(actions.PRINT_CHECKS, True),
                                     actor=docs.alice.user).status == OutgoingStatus.PRINTED


@pytest.mark.clause("一(一)7")
def test_printing_still_refuses_a_wrong_letterhead_on_a_numbered_document(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.NUMBERED)
    OutgoingDocument.objects.filter(pk=doc.pk).update(agency_mark="青川县卫生健康局文件")  # e.g. a record from before
    with pytest.raises(ValidationError, match="错用文头：发文机关标志“青川县卫生健康局文件”与发文机关署名“测试县人民医院”不一致"):
        actions.do_print_outgoing(OutgoingDocument.objects.get(pk=doc.pk),
                                  checks=dict.fromkeys(actions.PRINT_CHECKS, True), actor=docs.alice.user)
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.NUMBERED


@pytest.mark.clause("一(一)3", "一(一)7")
def test_a_classified_document_is_printed_in_secure_premises(docs):
    doc = docs.make_outgoing(secrecy_level="confidential", secrecy_period="1年")
    for person in (docs.bob, docs.reader, docs.principal):
        actions.do_add_to_route(doc, person, reason="经办", actor=docs.alice.user)
    doc = docs.advance(doc, OutgoingStatus.NUMBERED)
    with pytest.raises(ValidationError, match="秘密★1年，须在符合保密要求的场所印制"):
        actions.do_print_outgoing(doc, checks=dict.fromkeys(actions.PRINT_CHECKS, True), actor=docs.alice.user)
    doc = actions.do_print_outgoing(doc, checks=dict.fromkeys(actions.PRINT_CHECKS, True), secure_printing=True,
                                    actor=docs.alice.user)
    assert doc.secure_printing


def test_bad_drafts_are_refused_with_every_fault(docs):
    with pytest.raises(ValidationError) as exc:
        docs.make_outgoing(title="关于开会的通知。", body="", secrecy_level="confidential", secrecy_period="40年")
    text = "；".join(exc.value.messages)
    assert "标题末尾不加标点" in text and "请填写正文" in text and "保密期限" in text
    assert not OutgoingDocument.objects.exists()


@pytest.mark.clause("一(一)4")
def test_the_office_steps_are_tracked_one_after_another(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.title.startswith("编号") and item.owner == docs.bob  # the office clerk who reviewed it
    doc = docs.advance(doc, OutgoingStatus.NUMBERED)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.title.startswith("印制") and item.owner == docs.alice
    doc = docs.advance(doc, OutgoingStatus.PRINTED)
    assert TrackedItem.objects.for_source(doc).active().get().title.startswith("分发")



@pytest.mark.clause("一(一)2")
def test_it_lets_only_the_leader_in_charge_of_the_drafting_department_or_the_principal_sign(docs):
    from tests.factories import PersonFactory, give_role, put_in_charge
    from zeroerror.org.roles import Role

    other = PersonFactory(user__username="other_leader", name="赵副院长", department=docs.leaders)
    give_role(other, Role.LEADER_IN_CHARGE)
    put_in_charge(other, docs.medical)
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.FIRST_READ_PASSED)  # drafted in 办公室 (leo's charge)
    with refused("只有分管办公室的领导或院长可以签发该文。"):
        actions.do_sign_outgoing(doc, actor=other.user)
    assert actions.do_sign_outgoing(doc, actor=docs.leo.user).signer == docs.leo
    second = docs.advance(docs.make_outgoing(), OutgoingStatus.FIRST_READ_PASSED)
    assert actions.do_sign_outgoing(second, actor=docs.principal.user).signer == docs.principal
