"""A 来文's 文号 year must fit its 收文日期 (issue 11 item 1(a)), and a search finds 文号 however the brackets and
digits are typed (item 1(d))."""

from datetime import date

import pytest
from django.utils import timezone

from tests.refusals import refused
from zeroerror.documents import actions
from zeroerror.documents.docnumber import normalise_query
from zeroerror.documents.models import IncomingDocument, IncomingStatus, OutgoingDocument

from .test_incoming import register


def _register(docs, number, received_on, **extra):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    return doc, dict(doc_number=number, title="关于开展检查的通知", received_on=received_on, copies=1, pages=1,
                     actor=docs.alice.user, **extra)


@pytest.mark.clause("一(一)1")
@pytest.mark.parametrize("year", [2027, 2030])
def test_it_refuses_a_number_from_a_later_year_than_the_receipt(docs, year):
    today = timezone.localdate()
    doc, kwargs = _register(docs, f"青卫发〔{today.year + year - 2026}〕3号", today)
    later = today.year + year - 2026
    with refused(f"文号年份〔{later}〕晚于收文日期（{today:%Y年%m月%d日}），请核对文号"):
        actions.do_register_incoming(doc, **kwargs)
    doc.refresh_from_db()
    assert doc.status == IncomingStatus.RECEIVED and doc.doc_number == ""


@pytest.mark.clause("一(一)1")
def test_it_refuses_a_number_years_older_than_the_receipt_unless_confirmed(docs):
    doc, kwargs = _register(docs, "青卫发〔2023〕3号", date(2026, 3, 2))
    with refused("文号年份〔2023〕比收文日期（2026年）早一年以上：请核对；确属旧文，请勾选“文号年份已核对”后再登记"):
        actions.do_register_incoming(doc, **kwargs)
    registered = actions.do_register_incoming(doc, year_confirmed=True, **kwargs)
    assert registered.doc_number == "青卫发〔2023〕3号"


def test_it_accepts_last_years_number_received_this_year(docs):
    doc, kwargs = _register(docs, "青卫发〔2025〕30号", date(2026, 1, 5))
    assert actions.do_register_incoming(doc, **kwargs).status == IncomingStatus.REGISTERED


@pytest.mark.parametrize("typed", ["[2026]", "(2026)", "（２０２６）", "【2026】", "青卫发[2026]12号", "青卫发〔２０２６〕１２号"])
def test_it_normalises_a_search_like_registration(typed):
    assert "〔2026〕" in normalise_query(typed) and "２" not in normalise_query(typed)


def test_it_finds_a_number_searched_with_square_brackets_or_full_width_digits(docs, login):
    doc = register(docs, number="青卫发〔2026〕12号", title="关于医疗质量检查的通知")
    for typed in ["青卫发[2026]12号", "(2026)", "青卫发〔２０２６〕１２号"]:
        assert list(IncomingDocument.objects.search(typed)) == [doc]
        page = login(docs.alice).get("/documents/incoming/", {"q": typed}).content.decode()
        assert doc.title in page


@pytest.mark.clause("一(一)3")
def test_it_does_not_let_an_auditor_probe_a_classified_body_by_searching(docs, login):
    docs.make_outgoing(title="关于甲事项的通知", secrecy_level="secret", body="内部代号青松。")
    docs.make_outgoing(title="关于乙事项的通知", body="内部代号青松。")
    assert OutgoingDocument.objects.search("青松").count() == 2
    page = login(docs.auditor).get("/documents/outgoing/", {"q": "青松"}).content.decode()
    assert "关于乙事项的通知" in page and "关于甲事项的通知" not in page
    page = login(docs.auditor).get("/documents/outgoing/", {"q": "甲事项"}).content.decode()
    assert "关于甲事项的通知" in page  # the registration (标题) stays searchable for the auditor
