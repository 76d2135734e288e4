"""Introduction letters from a numbered stub book, stubs kept (一(六)4); never a blank letter with a seal (一(六)5)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.refusals import refused
from zeroerror.seals import actions
from zeroerror.seals.models import IntroductionLetter, LetterBook, RefusedUse, RequestKind, SealUse


@pytest.fixture
def book(org, seals):
    return actions.do_open_letter_book(seal=seals.unit, title="介绍信（2026年第1本）", first_number=101,
                                       last_number=103, actor=org.director.user)


@pytest.fixture
def letter_request(approved):
    def make():
        return approved(document="介绍信", copies=1, kind=RequestKind.LETTER, purpose="赴市卫健委联系进修事宜")

    return make


def issue(org, book, request, number, **kw):
    data = {"addressee": "青川市卫生健康委员会", "bearers": "查理", "bearer_count": 1, "matter": "进修事宜",
            "valid_until": timezone.localdate() + timedelta(days=10)}
    data.update(kw)
    return actions.do_issue_letter(book=book, request=request, number=number, actor=org.kate.user, **data)


@pytest.mark.clause("一(六)4")
def test_a_letter_leaves_its_stub_and_a_register_row(org, book, letter_request):
    stub = issue(org, book, letter_request(), 101)
    assert (stub.number, stub.addressee, stub.bearers, stub.use.document) == (101, "青川市卫生健康委员会", "查理", "介绍信")
    assert stub.use.note == "介绍信第101号"
    assert SealUse.objects.get().custodian == org.kate


@pytest.mark.clause("一(六)4")
def test_a_skipped_stub_number_is_refused(org, book, letter_request):
    request = letter_request()
    with refused("介绍信编号不能跳号：本本下一张应为第101号。"):
        issue(org, book, request, 102)


@pytest.mark.clause("一(六)4")
def test_a_reused_stub_number_is_refused(org, book, letter_request):
    issue(org, book, letter_request(), 101)
    request = letter_request()
    with refused("第101号存根已使用，编号不能重复。"):
        issue(org, book, request, 101)


@pytest.mark.clause("一(六)4")
def test_a_number_outside_the_book_is_refused(org, book, letter_request):
    request = letter_request()
    with refused("第999号不在本介绍信本的编号范围（101—103号）内。"):
        issue(org, book, request, 999)


@pytest.mark.clause("一(六)4")
def test_a_spoiled_letter_keeps_its_number_and_the_book_closes_when_used_up(org, book, letter_request):
    actions.do_spoil_letter(book=book, number=101, reason="抬头写错", actor=org.kate.user)
    issue(org, book, letter_request(), 102)
    actions.do_spoil_letter(book=book, number=103, reason="污损", actor=org.kate.user)
    assert list(IntroductionLetter.objects.values_list("number", "spoiled")) == [(101, True), (102, False),
                                                                                  (103, True)]
    assert LetterBook.objects.get(pk=book.pk).closed_at is not None
    request = letter_request()
    with refused("本介绍信本已用完。"):
        issue(org, book, request, 104)


@pytest.mark.clause("一(六)5")
@pytest.mark.parametrize("blank, missing", [
    ({"addressee": ""}, "抬头单位"),
    ({"bearers": "", "bearer_count": None}, "持信人及人数"),
    ({"matter": " "}, "事由"),
    ({"valid_until": None}, "有效期"),
    ({"addressee": "", "matter": "", "bearers": "", "bearer_count": 0, "valid_until": None},
     "抬头单位、持信人及人数、事由、有效期"),
])
def test_a_blank_letter_with_a_seal_is_refused_outright(org, book, letter_request, blank, missing):
    request = letter_request()
    with refused(f"不准出具盖有本单位、办公室印章的空白信。请填写：{missing}。"):
        issue(org, book, request, 101, **blank)


@pytest.mark.clause("一(六)2", "一(六)4")
def test_a_letter_without_an_approved_request_is_refused_and_flagged(org, book, make_request):
    request = make_request(document="介绍信", copies=1, kind=RequestKind.LETTER)
    with refused("该用印申请未经办公室主任批准，不能用印。", unchanged=False):
        issue(org, book, request, 101)
    assert not IntroductionLetter.objects.exists() and not SealUse.objects.exists()
    assert RefusedUse.objects.get().request == request


@pytest.mark.parametrize("days, message", [(-1, "有效期不能早于开具日期。"), (400, "介绍信有效期最长一年。")])
def test_the_validity_is_sane(org, book, letter_request, days, message):
    request = letter_request()
    with refused(message):
        issue(org, book, request, 101, valid_until=timezone.localdate() + timedelta(days=days))


def test_only_the_seals_custodian_issues_letters(org, book, letter_request):
    request = letter_request()
    with refused("只有该印章的专管员本人可以开具介绍信。"):
        actions.do_issue_letter(book=book, request=request, number=101, addressee="x", bearers="y", bearer_count=1,
                                matter="z", valid_until=timezone.localdate(), actor=org.alice.user)


def test_a_document_request_cannot_be_used_for_a_letter(org, book, approved):
    request = approved(copies=1)
    with refused("请选择使用本印章开具介绍信的用印申请。"):
        issue(org, book, request, 101)
