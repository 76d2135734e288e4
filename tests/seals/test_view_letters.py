"""Introduction letters on the book page, and their printed stubs (一(六)4, 5)."""

import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from tests.tools import need
from zeroerror.seals import actions
from zeroerror.seals.models import IntroductionLetter, RequestKind


@pytest.fixture
def book(org, seals):
    return actions.do_open_letter_book(seal=seals.unit, title="介绍信（2026年第1本）", first_number=1, last_number=50,
                                       actor=org.director.user)


def letter_data(request, number, **kw):
    data = {"request": request.pk, "number": number, "addressee": "青川市卫生健康委员会", "bearers": "查理",
            "bearer_count": 1, "matter": "联系进修事宜",
            "valid_until": (timezone.localdate() + timedelta(days=10)).isoformat()}
    data.update(kw)
    return data


@pytest.mark.clause("一(六)4")
def test_the_custodian_issues_the_next_letter_from_the_book_page(org, login, book, approved):
    request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    client = login(org.kate)
    assert '下一张：<b class="mono">第1号</b>' in client.get(f"/seals/letters/books/{book.pk}/").content.decode()
    response = client.post(f"/seals/letters/books/{book.pk}/issue/", letter_data(request, 1), follow=True)
    assert "介绍信已开具" in response.content.decode()
    assert '下一张：<b class="mono">第2号</b>' in response.content.decode()
    assert IntroductionLetter.objects.get().number == 1


@pytest.mark.clause("一(六)4")
def test_a_skipped_number_is_refused_on_the_page(org, login, book, approved):
    request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    client = login(org.kate)
    with nothing_changes():
        response = client.post(f"/seals/letters/books/{book.pk}/issue/", letter_data(request, 3))
    assert "介绍信编号不能跳号：本本下一张应为第1号。" in response.content.decode()


@pytest.mark.clause("一(六)5")
def test_a_blank_letter_is_refused_on_the_page(org, login, book, approved):
    request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    client = login(org.kate)
    with nothing_changes():
        response = client.post(f"/seals/letters/books/{book.pk}/issue/",
                               letter_data(request, 1, addressee="", matter="", valid_until=""))
    assert "不准出具盖有本单位、办公室印章的空白信。请填写：抬头单位、事由、有效期。" in response.content.decode()


@pytest.mark.parametrize("field, value", [("number", "x"), ("number", "10000000000"), ("valid_until", "0000-01-01"),
                                          ("valid_until", "9999-12-31"), ("bearer_count", "-3")])
def test_silly_input_is_refused_without_a_500(org, login, book, approved, field, value):
    request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    client = login(org.kate)
    with nothing_changes():
        data = letter_data(request, 1)
        data[field] = value
        response = client.post(f"/seals/letters/books/{book.pk}/issue/", data)
    assert response.status_code == 200


def test_only_the_custodian_issues(org, login, book, approved):
    request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/seals/letters/books/{book.pk}/issue/", letter_data(request, 1))
    assert refusal(response) == (403, "只有该印章的专管员本人可以开具介绍信。")


def test_books_are_for_the_office_only(org, login, book, other_unit):
    assert login(org.charlie).get(f"/seals/letters/books/{book.pk}/").status_code == 404
    assert login(other_unit.director).get(f"/seals/letters/books/{book.pk}/").status_code == 404


@pytest.mark.clause("一(六)4")
def test_the_stubs_print_in_number_order_with_the_spoiled_one_kept(org, login, book, approved):
    for number in (1, 3):
        request = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
        actions.do_issue_letter(book=book, request=request, number=number, addressee="青川市卫生健康委员会",
                                bearers="查理", bearer_count=1, matter="联系进修事宜",
                                valid_until=timezone.localdate() + timedelta(days=5), actor=org.kate.user)
        if number == 1:
            actions.do_spoil_letter(book=book, number=2, reason="抬头写错", actor=org.kate.user)
    response = login(org.director).get(f"/seals/letters/books/{book.pk}/stubs.pdf")
    need("pdftotext")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True,
                          check=True, timeout=60).stdout.decode().replace(" ", "")
    assert text.count("介绍信存根") == 3
    assert text.index("第0001号") < text.index("第0002号") < text.index("第0003号")
    assert "本号作废。原因：抬头写错" in text and "青川市卫生健康委员会" in text and "批准人：杜主任" in text
    assert "联系进修事宜。" in text and "联系联系" not in text and "事宜事宜" not in text


def test_the_letter_list_shows_the_stubs_to_the_office_and_theirs_to_requesters(org, login, book, approved):
    mine = approved(document="介绍信", copies=1, kind=RequestKind.LETTER)
    actions.do_issue_letter(book=book, request=mine, number=1, addressee="县公安局", bearers="查理", bearer_count=1,
                            matter="调取资料", valid_until=timezone.localdate(), actor=org.kate.user)
    _, text = page(login(org.director), "/seals/letters/")
    assert_shown(text, ["介绍信（2026年第1本）", "县公安局", "调取资料"])
    _, text = page(login(org.charlie), "/seals/letters/")
    assert "县公安局" in text
    _, text = page(login(org.medhead), "/seals/letters/")
    assert "县公安局" not in text
