"""分发 with receipts (clause 一(一)8), 传阅 with read receipts, and lapses becoming error leads."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import Circulation, Distribution, OutgoingDocument, OutgoingStatus
from zeroerror.errors.models import Lead
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import TrackedItem

from .test_incoming import register, to_instructed


@pytest.fixture
def printed(docs):
    return docs.advance(docs.make_outgoing(addressees="县卫生健康局", copy_to="县人民政府办公室、县医保局"),
                        OutgoingStatus.PRINTED)


@pytest.mark.clause("一(一)8")
def test_a_list_missing_an_addressee_is_refused_as_a_missed_delivery(docs, printed):
    with pytest.raises(ValidationError, match="漏发：主送或抄送机关县医保局未列入分发名单"):
        actions.do_distribute_outgoing(printed, recipients="县卫生健康局\n县人民政府办公室", actor=docs.alice.user)
    assert OutgoingDocument.objects.get(pk=printed.pk).status == OutgoingStatus.PRINTED
    assert not Distribution.objects.exists()


@pytest.mark.clause("一(一)8")
def test_each_recipient_is_recorded_with_its_receipt(docs, printed, login):
    item = TrackedItem.objects.for_source(printed).active().get()
    assert item.clause_id == "一(一)8" and item.owner == docs.alice
    doc = actions.do_distribute_outgoing(printed, recipients="县卫生健康局\n县人民政府办公室\n县医保局\n档案室",
                                         actor=docs.alice.user)
    assert doc.status == OutgoingStatus.DISTRIBUTED
    assert list(doc.distributions.values_list("recipient", flat=True)) == ["县卫生健康局", "县人民政府办公室", "县医保局",
                                                                          "档案室"]
    assert not any(d.late for d in doc.distributions.all())
    item.refresh_from_db()
    assert item.status == "done"
    first = doc.distributions.first()
    with pytest.raises(ValidationError, match="请填写签收人"):
        actions.do_record_receipt(first, actor=docs.alice.user)
    actions.do_record_receipt(first, receipt_by="张三", actor=docs.alice.user)
    with pytest.raises(ValidationError, match="回执已登记"):
        actions.do_record_receipt(first, receipt_by="张三", actor=docs.alice.user)
    page = login(docs.alice).get(f"/documents/outgoing/{doc.pk}/").content.decode()
    assert "已签收" in page and "未回执" in page and "登记回执" in page


@pytest.mark.clause("一(一)8")
def test_a_misdirected_copy_becomes_an_error_lead_on_the_distributor(docs, printed):
    doc = actions.do_distribute_outgoing(printed, actor=docs.bob.user)
    wrong = doc.distributions.get(recipient="县医保局")
    actions.do_record_receipt(wrong, misdirected=True, note="该文与医保局无关，已退回", actor=docs.alice.user)
    lead = Lead.objects.get()
    assert lead.person == docs.bob and lead.clause.code == "一(一)8" and "错发至县医保局" in lead.description


@pytest.mark.clause("一(一)8")
def test_a_late_distribution_shows(docs, printed):
    OutgoingDocument.objects.filter(pk=printed.pk).update(printed_at=timezone.now() - timedelta(days=10))
    doc = actions.do_distribute_outgoing(printed, actor=docs.alice.user)
    assert all(d.late for d in doc.distributions.all())
    assert Distribution.objects.late().count() == 3
    assert "迟发" in doc.events.last().text


def test_circulation_shows_where_the_document_is(docs, login):
    doc = to_instructed(docs, register(docs))
    with pytest.raises(ValidationError, match="请选择传阅人员"):
        actions.do_circulate_incoming(doc, readers=[], actor=docs.alice.user)
    actions.do_circulate_incoming(doc, readers=[docs.charlie, docs.dora], actor=docs.alice.user)
    with pytest.raises(ValidationError, match="已送查理传阅"):
        actions.do_circulate_incoming(doc, readers=[docs.charlie], actor=docs.alice.user)
    assert TrackedItem.objects.for_source(doc).active().filter(owner=docs.charlie, title__startswith="传阅").exists()
    client = login(docs.charlie)
    page = client.get(f"/documents/incoming/{doc.pk}/").content.decode()
    assert "在阅" in page and "阅件意见" in page
    client.post(f"/documents/incoming/{doc.pk}/read/", {"comment": "已阅，医务科落实。"})
    reading = Circulation.objects.get(reader=docs.charlie)
    assert reading.read_at is not None and reading.comment == "已阅，医务科落实。"
    assert not TrackedItem.objects.for_source(doc).active().filter(owner=docs.charlie).exists()
    with pytest.raises(ValidationError, match="没有待阅"):
        actions.do_mark_read(doc, actor=docs.charlie.user)


@pytest.mark.clause("一(一)1")
def test_a_returned_document_is_not_circulated(docs):
    doc = actions.do_review_incoming(register(docs), ours=False, reason="不属我院", actor=docs.alice.user)
    with pytest.raises(ValidationError, match="不得列入办理程序"):
        actions.do_circulate_incoming(doc, readers=[docs.bob], actor=docs.alice.user)


@pytest.mark.clause("一(一)5")
def test_an_overdue_instruction_becomes_an_error_lead_naming_the_owner_and_clause(
        docs, django_capture_on_commit_callbacks):
    due = timezone.now() + timedelta(hours=1)
    doc = to_instructed(docs, register(docs), due_at=due)
    actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(now=due + timedelta(minutes=1))
    item = TrackedItem.objects.for_source(doc).get(title__startswith="承办")
    assert item.status == "overdue"
    lead = Lead.objects.get()
    assert lead.person == docs.medhead and lead.clause.code == "一(一)5"


@pytest.mark.clause("一(一)4")
def test_an_overdue_step_becomes_an_error_lead_under_the_time_limit_clause(docs, django_capture_on_commit_callbacks):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.clause_id == "一(一)2"
    doc = docs.advance(doc, OutgoingStatus.FIRST_READ_PASSED)
    item = TrackedItem.objects.for_source(doc).active().get()
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(now=item.due_at + timedelta(minutes=1))
    lead = Lead.objects.get()
    assert lead.person == docs.leo and lead.clause.code == "一(一)4"


@pytest.mark.clause("一(一)8")
def test_the_list_shows_receipts_misdirected_and_late_at_a_glance(docs, printed, login):
    OutgoingDocument.objects.filter(pk=printed.pk).update(printed_at=timezone.now() - timedelta(days=10))
    doc = actions.do_distribute_outgoing(printed, actor=docs.alice.user)
    actions.do_record_receipt(doc.distributions.get(recipient="县医保局"), misdirected=True, note="不属我局",
                              actor=docs.alice.user)
    row = OutgoingDocument.objects.with_distribution_counts().get(pk=doc.pk)
    assert (row.sent_count, row.receipt_count, row.misdirected_count, row.late_count) == (3, 1, 1, 3)
    page = login(docs.alice).get("/documents/outgoing/").content.decode()
    assert "1/3" in page and "错发1" in page and "迟发" in page and "待回执" in page


def test_a_document_for_reading_goes_round_its_readers_and_is_finished_by_the_last(docs):
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="批办件.*阅知件"):
        actions.do_propose_incoming(doc, proposal="阅知", actor=docs.director.user)
    doc = actions.do_propose_incoming(doc, proposal="阅知件，请院领导和医务科传阅。", readers=[docs.leo, docs.medhead],
                                      actor=docs.director.user)
    assert doc.status == "reading"
    actions.do_mark_read(doc, comment="已阅", actor=docs.leo.user)
    doc.refresh_from_db()
    assert doc.status == "reading"
    actions.do_mark_read(doc, actor=docs.medhead.user)
    doc.refresh_from_db()
    assert doc.status == "done" and doc.result == "阅知件，传阅完毕"
    left = TrackedItem.objects.for_source(doc).active().get()  # only the office's 归档 is left
    assert left.title.startswith("归档：") and left.owner == docs.alice
    assert actions.do_archive_incoming(doc, actor=docs.alice.user).status == "archived"
    assert not TrackedItem.objects.for_source(doc).active().exists()


@pytest.mark.clause("一(一)8")
def test_missing_receipts_are_chased_until_the_last_one_comes_in(docs, printed, django_capture_on_commit_callbacks):
    doc = actions.do_distribute_outgoing(printed, recipients=["县卫生健康局", "县人民政府办公室", "县医保局"],
                                         actor=docs.alice.user)
    chase = TrackedItem.objects.for_source(doc).active().get(title__startswith="催回执")
    assert chase.owner == docs.alice and chase.detail == "待回执：县卫生健康局、县人民政府办公室、县医保局"
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(now=chase.due_at + timedelta(minutes=1))
    chase.refresh_from_db()
    assert chase.status == "overdue" and not Lead.objects.exists()  # chased, not held against the distributor
    *first, last = doc.distributions.order_by("id")
    for distribution in first:
        actions.do_record_receipt(distribution, receipt_by="张收发", actor=docs.alice.user)
    chase.refresh_from_db()
    assert chase.status == "overdue"  # one still missing
    actions.do_record_receipt(last, receipt_by="李收发", actor=docs.alice.user)
    chase.refresh_from_db()
    assert chase.status == "done"


@pytest.mark.clause("一(一)8")
def test_archiving_with_receipts_outstanding_records_who_had_not_acknowledged(docs, printed):
    doc = actions.do_distribute_outgoing(printed, actor=docs.alice.user)
    actions.do_record_receipt(doc.distributions.get(recipient="县医保局"), receipt_by="李收发", actor=docs.alice.user)
    actions.do_archive_outgoing(doc, actor=docs.alice.user)
    audit = AuditRecord.objects.filter(action="documents.outgoing.archive").get()
    assert audit.changes["no_receipt"] == ["县卫生健康局", "县人民政府办公室"]
    assert doc.events.filter(step="归档").get().text == "归档时未回执：县卫生健康局、县人民政府办公室"
    assert not TrackedItem.objects.for_source(doc).active().exists()
