"""The 用印登记簿 page and its printout (一(六)4), the safe-return confirmation (一(六)6)."""

import subprocess

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from tests.tools import need
from zeroerror.seals import actions
from zeroerror.seals.models import SafeReturn


def use_of(org, approved, **kw):
    request = approved(**kw)
    return actions.do_record_seal_use(request, copies=request.copies, content_checked=True, actor=org.kate.user)


def pdf_text(data: bytes) -> str:
    need("pdftotext")
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True,
                          timeout=60).stdout.decode()


@pytest.mark.clause("一(六)4")
def test_the_register_lists_every_use_at_constant_cost(org, login, approved):
    use_of(org, approved)
    client = login(org.director)
    few, _ = page(client, "/seals/register/")
    uses = [use_of(org, approved, document=f"合同{i}号") for i in range(8)]
    many, text = page(client, "/seals/register/")
    assert many == few
    assert_shown(text, [u.label for u in uses] + [u.document for u in uses] + ["冯专管", "杜主任"])


@pytest.mark.clause("一(六)4")
def test_the_printed_register_has_the_paper_columns_and_rows(org, login, approved):
    use = use_of(org, approved, document="关于申报重点专科的请示")
    actions.do_correct_seal_use(use, document=use.document, copies=2, note="", reason="份数有误",
                                actor=org.kate.user)
    response = login(org.director).get(f"/seals/register.pdf?year={use.year}")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content).replace(" ", "")
    for header in ("用印登记簿", "登记号", "用印日期", "用印文件名称", "份数", "批准人", "监印人", "入柜确认"):
        assert header in text, header
    assert "关于申报重点专科的请示" in text and "0001" in text and "0002" in text
    assert "更正第1号" in text and "未确认" in text


@pytest.mark.parametrize("year", ["abc", "0", "99999", "-5"])
def test_a_silly_year_shows_this_year(org, login, seals, year):
    assert login(org.director).get("/seals/register/", {"year": year}).status_code == 200
    assert login(org.director).get("/seals/register.pdf", {"year": year}).status_code == 200


def test_a_colleague_sees_only_the_uses_of_their_requests(org, login, approved):
    mine = use_of(org, approved, document="查理的证明")
    other = use_of(org, approved, person=org.medhead, document="科长的证明")
    _, text = page(login(org.charlie), "/seals/register/")
    assert mine.document in text and other.document not in text
    _, text = page(login(org.medhead), "/seals/register/")
    assert mine.document not in text


def test_another_unit_sees_nothing(org, login, approved, other_unit):
    use = use_of(org, approved)
    _, text = page(login(other_unit.director), "/seals/register/")
    assert use.document not in text
    assert login(other_unit.director).get(f"/seals/register/{use.pk}/").status_code == 404


@pytest.mark.clause("一(六)6")
def test_the_custodian_confirms_the_seal_is_locked_away(org, login, approved):
    use = use_of(org, approved)
    client = login(org.kate)
    assert "印章已锁入保险柜" in client.get(f"/seals/register/{use.pk}/").content.decode()
    client.post(f"/seals/register/{use.pk}/confirm/")
    assert SafeReturn.objects.get(use=use).confirmed_by == org.kate


@pytest.mark.clause("一(六)6")
def test_nobody_else_confirms(org, login, approved):
    use = use_of(org, approved)
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/seals/register/{use.pk}/confirm/")
    assert refusal(response) == (403, "只有该印章的专管员可以确认印章入柜。")
