"""会签: after 首读, the heads of the 会签科室 agree before the draft goes to 签发."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.documents import actions
from zeroerror.documents.models import OutgoingDocument, OutgoingStatus
from zeroerror.tracking.models import TrackedItem


@pytest.fixture
def countersigning(docs):
    doc = docs.make_outgoing(countersign_departments=[docs.medical, docs.office])
    assert list(doc.countersign_departments.all()) == [docs.medical]  # the drafting department is not asked
    return docs.advance(doc, OutgoingStatus.FIRST_READ_PASSED)


@pytest.mark.clause("一(一)4")
def test_first_read_sends_it_to_the_heads_who_countersign_then_to_the_signer(docs, countersigning):
    doc = countersigning
    assert doc.status == OutgoingStatus.COUNTERSIGNING
    item = TrackedItem.objects.for_source(doc).active().get()
    assert item.owner == docs.medhead and item.title.startswith("会签")
    with pytest.raises(ValidationError, match="首读通过后才能签发"):
        actions.do_sign_outgoing(doc, actor=docs.principal.user)
    with pytest.raises(ValidationError, match="待会签科室的负责人"):
        actions.do_countersign(doc, agree=True, actor=docs.dora.user)
    doc = actions.do_countersign(doc, agree=True, opinion="同意", actor=docs.medhead.user)
    assert doc.status == OutgoingStatus.FIRST_READ_PASSED
    assert TrackedItem.objects.for_source(doc).active().get().title.startswith("签发")
    assert actions.do_sign_outgoing(doc, actor=docs.principal.user).status == OutgoingStatus.SIGNED


def test_a_disagreement_sends_the_draft_back(docs, countersigning):
    with pytest.raises(ValidationError, match="请填写意见"):
        actions.do_countersign(countersigning, agree=False, actor=docs.medhead.user)
    doc = actions.do_countersign(countersigning, agree=False, opinion="第二条与医务科职责不符", actor=docs.medhead.user)
    assert doc.status == OutgoingStatus.DRAFT and doc.reviewer is None
    assert TrackedItem.objects.for_source(doc).active().get().owner == docs.alice
    doc = docs.advance(doc, OutgoingStatus.REVIEWED)
    doc = actions.do_first_read(doc, policy=True, norms=True, precision=True, actor=docs.reader.user)
    assert doc.status == OutgoingStatus.COUNTERSIGNING
    assert list(doc.pending_countersign_departments()) == [docs.medical]


def test_countersign_departments_change_only_in_draft(docs, countersigning, login):
    with pytest.raises(ValidationError, match="只能在拟稿阶段调整"):
        actions.do_update_outgoing(countersigning, countersign_departments=[], actor=docs.alice.user)
    page = login(docs.medhead).get(f"/documents/outgoing/{countersigning.pk}/").content.decode()
    assert "不同意，退回修改" in page
    login(docs.medhead).post(f"/documents/outgoing/{countersigning.pk}/countersign/", {"agree": "yes"})
    assert OutgoingDocument.objects.get(pk=countersigning.pk).status == OutgoingStatus.FIRST_READ_PASSED
