"""编号: 机关代字〔年份〕序号号 per 代字 per year, no gap, no duplicate, void numbers kept and never reused."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.concurrency import messages, race
from zeroerror.documents import actions
from zeroerror.documents.docnumber import parse_doc_number
from zeroerror.documents.models import DocumentNumber, DocumentNumberSequence, OutgoingDocument, OutgoingStatus

YEAR = timezone.localdate().year


def signed(docs, n):
    return [docs.advance(docs.make_outgoing(title=f"关于第{i}项工作的通知"), OutgoingStatus.SIGNED) for i in range(n)]


@pytest.mark.clause("一(一)2")
def test_numbers_follow_on_in_the_gbt9704_form(docs):
    numbers = [actions.do_assign_number(d, actor=docs.alice.user) for d in signed(docs, 3)]
    assert [n.text for n in numbers] == [f"测医发〔{YEAR}〕{i}号" for i in (1, 2, 3)]
    assert all(parse_doc_number(n.text) for n in numbers)
    assert DocumentNumberSequence.objects.get(agency_code="测医发", year=YEAR).last == 3


def test_each_agency_code_has_its_own_sequence(docs):
    a = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    b = docs.advance(docs.make_outgoing(agency_code="测医办"), OutgoingStatus.SIGNED)
    assert actions.do_assign_number(a, actor=docs.alice.user).text == f"测医发〔{YEAR}〕1号"
    assert actions.do_assign_number(b, actor=docs.alice.user).text == f"测医办〔{YEAR}〕1号"


def test_a_void_number_is_kept_with_its_reason_and_never_reused(docs):
    first, second = signed(docs, 2)
    number = actions.do_assign_number(first, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="请填写作废原因"):
        actions.do_void_number(first, reason=" ", actor=docs.alice.user)
    actions.do_void_number(first, reason="主送机关有误，重新编号", actor=docs.alice.user)
    number.refresh_from_db()
    assert number.status == "void" and number.void_reason == "主送机关有误，重新编号"
    first.refresh_from_db()
    assert first.status == OutgoingStatus.SIGNED and first.doc_number == ""
    assert actions.do_assign_number(second, actor=docs.alice.user).seq == 2
    assert actions.do_assign_number(first, actor=docs.alice.user).seq == 3
    seqs = list(DocumentNumber.objects.of_sequence("测医发", YEAR).values_list("seq", "status"))
    assert seqs == [(1, "void"), (2, "issued"), (3, "issued")]


def test_only_the_office_numbers(docs):
    (doc,) = signed(docs, 1)
    with pytest.raises(ValidationError, match="只有办公室人员可以编号"):
        actions.do_assign_number(doc, actor=docs.principal.user)


def test_a_page_reopened_in_two_browsers_gives_one_number(docs, client):
    """Both browsers loaded the page while the document was signed; each presses 编号."""
    from django.test import Client

    (doc,) = signed(docs, 1)
    browsers = [Client(), Client()]
    browsers[0].force_login(docs.alice.user)
    browsers[1].force_login(docs.bob.user)
    url = f"/documents/outgoing/{doc.pk}/"
    for b in browsers:
        assert "编号" in b.get(url).content.decode()
    first = browsers[0].post(url + "number/", follow=True)
    second = browsers[1].post(url + "number/", follow=True)
    assert "已编号" in first.content.decode()
    assert "不能重复编号" in second.content.decode()
    assert DocumentNumber.objects.filter(document=doc).count() == 1
    assert OutgoingDocument.objects.get(pk=doc.pk).doc_number == f"测医发〔{YEAR}〕1号"


def test_the_same_document_numbered_twice_is_refused(docs):
    (doc,) = signed(docs, 1)
    stale = OutgoingDocument.objects.get(pk=doc.pk)
    actions.do_assign_number(doc, actor=docs.alice.user)
    with pytest.raises(ValidationError, match="不能重复编号"):
        actions.do_assign_number(stale, actor=docs.bob.user)
    assert DocumentNumber.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.clause("一(一)2")
def test_concurrent_numbering_has_no_gap_and_no_duplicate(docs):
    """Several clerks number different documents at the same moment, each on its own connection."""
    documents = signed(docs, 4)
    clerks = [docs.alice, docs.bob, docs.dora, docs.director]
    seqs = race(lambda doc, clerk: actions.do_assign_number(doc, actor=clerk.user).seq, zip(documents, clerks, strict=True))
    assert sorted(seqs) == [1, 2, 3, 4]
    issued = DocumentNumber.objects.of_sequence("测医发", YEAR)
    assert [n.seq for n in issued] == [1, 2, 3, 4]
    assert {n.document_id for n in issued} == {d.pk for d in documents}
    assert DocumentNumberSequence.objects.get(agency_code="测医发", year=YEAR).last == 4


@pytest.mark.django_db(transaction=True)
@pytest.mark.clause("一(一)2")
def test_concurrent_numbering_of_the_same_document_gives_one_number(docs):
    (doc,) = signed(docs, 1)

    def number(clerk):
        return actions.do_assign_number(OutgoingDocument.objects.get(pk=doc.pk), actor=clerk.user).seq

    outcomes = messages(race(number, [(docs.alice,), (docs.bob,)], expect=(ValidationError,)))
    assert sorted(outcomes, key=str) == sorted([1, f"该文已编号为测医发〔{YEAR}〕1号，不能重复编号。"], key=str)
    assert DocumentNumber.objects.filter(document=doc).count() == 1
