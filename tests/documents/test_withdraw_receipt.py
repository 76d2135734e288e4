"""撤销签收 (issue 11 item 2(b)): a mistaken 签收 is withdrawn with a reason, its tracked item cancelled, the record
kept."""

import pytest

from tests.refusals import nothing_changes, refusal, refused
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, IncomingStatus
from zeroerror.tracking.models import TrackedItem

from .test_incoming import register


def test_it_withdraws_a_mistaken_receipt_and_cancels_its_item(docs):
    doc = actions.do_receive_incoming(sender="青川县财政局", actor=docs.alice.user)
    assert TrackedItem.objects.for_source(doc).active().count() == 1
    doc = actions.do_withdraw_receipt(doc, reason="非本单位来文，误签", actor=docs.alice.user)
    assert doc.status == IncomingStatus.WITHDRAWN
    assert not TrackedItem.objects.for_source(doc).active().exists()
    assert IncomingDocument.objects.filter(pk=doc.pk).exists()  # kept, never deleted
    assert [e.step for e in doc.events.all()][-1] == "撤销签收"
    assert AuditRecord.objects.get(action="documents.incoming.withdraw_receipt").changes["reason"] == "非本单位来文，误签"


def test_a_registered_number_can_be_registered_again_after_withdrawal(docs):
    doc = register(docs)
    actions.do_withdraw_receipt(doc, reason="重复投递，撤销", actor=docs.alice.user)
    assert register(docs).status == IncomingStatus.REGISTERED


@pytest.mark.parametrize("reason", ["", "误签"])
def test_it_refuses_without_a_real_reason(docs, reason):
    doc = actions.do_receive_incoming(sender="青川县财政局", actor=docs.alice.user)
    with refused("请写明撤销签收的理由（至少4个字，如“非本单位来文，误签”）。"):
        actions.do_withdraw_receipt(doc, reason=reason, actor=docs.alice.user)


def test_it_refuses_after_the_first_review(docs):
    doc = register(docs)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    with refused("初审之后不能撤销签收（当前：初审通过（待拟办））。"):
        actions.do_withdraw_receipt(doc, reason="非本单位来文，误签", actor=docs.alice.user)


def test_it_is_refused_to_someone_outside_the_office_through_the_page(docs, login):
    doc = actions.do_receive_incoming(sender="青川县财政局", actor=docs.alice.user)
    client = login(docs.charlie)
    with nothing_changes():
        response = client.post(f"/documents/incoming/{doc.pk}/withdraw/", {"reason": "非本单位来文，误签"})
    assert refusal(response)[0] in (403, 404)
    response = login(docs.alice).post(f"/documents/incoming/{doc.pk}/withdraw/", {"reason": "非本单位来文，误签"})
    assert IncomingDocument.objects.get(pk=doc.pk).status == IncomingStatus.WITHDRAWN
