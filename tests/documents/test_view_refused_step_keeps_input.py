"""A refused step keeps what was typed and names the missing field (issue 11 item 2(c))."""

from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, IncomingStatus


def test_it_keeps_the_typed_values_and_names_the_missing_field(docs, login):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    client = login(docs.alice)
    url = f"/documents/incoming/{doc.pk}/"
    page = client.post(url + "register/", {"sender": "青川县卫生健康局", "doc_number": "青卫发〔2026〕77号",
                                           "title": "", "urgency": "normal", "received_on": "2026-12-01",
                                           "copies": "2", "pages": ""}, follow=True).content.decode()
    assert "请填写标题；请填写页数" in page
    assert 'value="青卫发〔2026〕77号"' in page  # the register form shows what was typed
    assert IncomingDocument.objects.get(pk=doc.pk).status == IncomingStatus.RECEIVED
    again = client.get(url).content.decode()
    assert 'value="青卫发〔2026〕77号"' not in again  # shown once, not forever


def test_it_keeps_the_input_when_the_action_refuses_it(docs, login):
    doc = actions.do_receive_incoming(sender="青川县卫生健康局", actor=docs.alice.user)
    page = login(docs.alice).post(f"/documents/incoming/{doc.pk}/register/", {
        "sender": "青川县卫生健康局", "doc_number": "青卫发〔2030〕5号", "title": "关于某事的通知", "urgency": "normal",
        "received_on": "2026-12-01", "copies": "1", "pages": "1"}, follow=True).content.decode()
    assert "文号年份〔2030〕晚于收文日期" in page
    assert 'value="关于某事的通知"' in page
