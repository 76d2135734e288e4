"""传阅 ends only when read or withdrawn (issue 11 2(e)): 办结 leaves an unread reader's 传阅 open, 归档 waits for it,
and the office may withdraw a reader's 传阅 with a reason."""

import pytest

from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument
from zeroerror.tracking.models import TrackedItem

from .test_incoming import register, to_instructed


@pytest.fixture
def handled(docs):
    """A 批办件 in 承办, also sent round to 梅科长 to read."""
    doc = to_instructed(docs, register(docs))
    actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
    actions.do_circulate_incoming(doc, readers=[docs.medhead], actor=docs.alice.user)
    return IncomingDocument.objects.get(pk=doc.pk)


def reading_item(doc, reader):
    return TrackedItem.objects.for_source(doc).get(owner=reader, title__startswith="传阅：")


@pytest.mark.clause("一(一)4")
def test_completion_leaves_an_unread_readers_circulation_open_and_archiving_waits(docs, handled):
    doc = actions.do_complete_incoming(handled, result="已按要求完成检查。", actor=docs.medhead.user)
    assert reading_item(doc, docs.medhead).status in ("open", "overdue")
    with refused("传阅尚未结束（梅科长在阅），不能归档：待阅毕或撤回传阅后再归档。"):
        actions.do_archive_incoming(doc, actor=docs.alice.user)
    actions.do_mark_read(doc, comment="已阅", actor=docs.medhead.user)
    assert reading_item(doc, docs.medhead).status == "done"
    assert actions.do_archive_incoming(IncomingDocument.objects.get(pk=doc.pk), actor=docs.alice.user).status == \
        "archived"


@pytest.mark.clause("一(一)4")
def test_the_office_withdraws_a_readers_circulation_with_a_reason(docs, handled):
    doc = actions.do_complete_incoming(handled, result="已按要求完成检查。", actor=docs.medhead.user)
    with refused("请填写撤回理由。"):
        actions.do_withdraw_circulation(doc, reader=docs.medhead, reason=" ", actor=docs.alice.user)
    with refused("只有办公室人员可以撤回传阅。"):
        actions.do_withdraw_circulation(doc, reader=docs.medhead, reason="出差", actor=docs.charlie.user)
    actions.do_withdraw_circulation(doc, reader=docs.medhead, reason="外出学习三个月", actor=docs.alice.user)
    assert reading_item(doc, docs.medhead).status == "done"
    assert AuditRecord.objects.filter(action="documents.incoming.withdraw_circulation").get().changes == {
        "reader": docs.medhead.pk, "reason": "外出学习三个月"}
    with refused("您没有待阅的该文件。"):
        actions.do_mark_read(doc, actor=docs.medhead.user)
    assert actions.do_archive_incoming(IncomingDocument.objects.get(pk=doc.pk), actor=docs.alice.user).status == \
        "archived"


def test_a_reading_only_document_is_finished_when_the_last_reader_is_withdrawn(docs):
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    doc = actions.do_propose_incoming(doc, proposal="阅知件，请院领导和医务科传阅。", readers=[docs.leo, docs.medhead],
                                      actor=docs.director.user)
    actions.do_mark_read(doc, actor=docs.leo.user)
    actions.do_withdraw_circulation(doc, reader=docs.medhead, reason="已调离", actor=docs.alice.user)
    doc.refresh_from_db()
    assert doc.status == "done" and doc.result == "阅知件，传阅完毕（撤回未阅：梅科长）"


def test_the_withdraw_page_lists_only_readers_still_reading(docs, handled, login):
    client = login(docs.alice)
    html = client.get(f"/documents/incoming/{handled.pk}/").content.decode()
    assert "撤回传阅" in html and f'<option value="{docs.medhead.pk}">' in html
    response = client.post(f"/documents/incoming/{handled.pk}/unread/",
                           {"reader": docs.medhead.pk, "reason": "出差"}, follow=True)
    assert "传阅已撤回。" in response.content.decode() and "已撤回" in response.content.decode()
