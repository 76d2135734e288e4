"""The 来文机关 directory with aliases (issue 11 2(a)): an abbreviation registers under the canonical name and the same
文号 from one organ is caught however it was written."""

import pytest

from tests.pages import page
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, SenderOrgan

from .test_incoming import register


@pytest.fixture
def directory(docs):
    actions.do_save_sender_organ(name="青川县卫生健康局", aliases=["青川县卫健局", "县卫健局"], actor=docs.alice.user)
    return docs


@pytest.mark.clause("一(一)1")
def test_an_abbreviation_registers_under_the_full_name_and_a_second_copy_is_caught(directory):
    first = register(directory, sender="青川县卫健局")
    assert first.sender == "青川县卫生健康局"
    second = actions.do_receive_incoming(sender="县 卫健局", received_count=1, actor=directory.alice.user)
    assert second.sender == "青川县卫生健康局"
    with refused("青川县卫生健康局的青卫发〔2026〕12号已于" + first.received_at.astimezone().strftime("%Y-%m-%d")
                 + "登记，不能重复登记"):
        actions.do_register_incoming(second, doc_number="青卫发〔2026〕12号", title="关于开展医疗质量安全检查的通知",
                                     kind="notice", urgency="normal", received_on=first.received_on, copies=1,
                                     pages=1, actor=directory.alice.user)


def test_a_copy_registered_under_an_abbreviation_before_the_directory_is_still_caught(docs):
    earlier = register(docs, sender="青川县卫健局")
    actions.do_save_sender_organ(name="青川县卫生健康局", aliases=["青川县卫健局"], actor=docs.alice.user)
    again = actions.do_receive_incoming(sender="青川县卫生健康局", received_count=1, actor=docs.alice.user)
    with refused("青川县卫生健康局的青卫发〔2026〕12号已于" + earlier.received_at.astimezone().strftime("%Y-%m-%d")
                 + "登记，不能重复登记"):
        actions.do_register_incoming(again, doc_number="青卫发〔2026〕12号", title="关于开展医疗质量安全检查的通知",
                                     kind="notice", urgency="normal", received_on=earlier.received_on, copies=1,
                                     pages=1, actor=docs.alice.user)


def test_a_name_belongs_to_one_organ_only(directory):
    with refused("“县卫健局”已是“青川县卫生健康局”的名称或简称"):
        actions.do_save_sender_organ(name="县卫健局", actor=directory.alice.user)
    with refused("只有办公室人员可以维护来文机关名录。"):
        actions.do_save_sender_organ(name="青川县财政局", actor=directory.charlie.user)
    assert AuditRecord.objects.filter(action="documents.sender.create").count() == 1


def test_the_directory_page_and_the_receive_form_offer_the_names(directory, login):
    client = login(directory.alice)
    _, html = page(client, "/documents/senders/")
    assert "青川县卫生健康局" in html and "青川县卫健局、县卫健局" in html
    _, html = page(client, "/documents/incoming/new/")
    assert '<option value="青川县卫健局">' in html and 'list="id_sender-organs"' in html
    response = client.post("/documents/senders/", {"name": "青川县财政局", "aliases": "县财政局\n", "active": "on"},
                           follow=True)
    assert "来文机关“青川县财政局”已保存。" in response.content.decode()
    assert SenderOrgan.objects.get(name="青川县财政局").aliases == ["县财政局"]


def test_staff_outside_the_office_only_read_the_directory(directory, login):
    client = login(directory.charlie)
    _, html = page(client, "/documents/senders/")
    assert "青川县卫生健康局" in html and "新增来文机关" not in html
    with nothing_changes():
        response = client.post("/documents/senders/", {"name": "青川县财政局"})
    assert refusal(response) == (403, "只有办公室人员可以维护来文机关名录。")
    assert IncomingDocument.objects.count() == 0
