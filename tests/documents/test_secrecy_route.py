"""Clause 一(一)3: a document with a 密级 is seen only by the people on its route and by auditors — on the list,
the detail page, the steps, the .docx and the attachment links; every view and download is logged."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.refusals import nothing_changes, refusal, refused
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, OutgoingDocument, OutgoingStatus

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def secret_incoming(docs):
    doc = actions.do_receive_incoming(sender="青川县国家保密局", actor=docs.alice.user)
    return actions.do_register_incoming(
        doc, doc_number="青保发〔2026〕2号", title="关于开展保密检查的通知", secrecy_level="secret",
        secrecy_period="1年", received_on=timezone.localdate(), copies=1, pages=2, scans=[("密件扫描.pdf", PDF)],
        actor=docs.alice.user)


@pytest.fixture
def secret_outgoing(docs):
    doc = docs.make_outgoing(title="关于涉密人员管理的通知", secrecy_level="confidential", secrecy_period="6个月")
    for person in (docs.bob, docs.reader, docs.principal):
        actions.do_add_to_route(doc, person, reason="经办", actor=docs.alice.user)
    return docs.advance(doc, OutgoingStatus.PRINTED)


@pytest.mark.clause("一(一)3")
def test_off_route_people_get_404_everywhere_even_unit_wide_roles(docs, login, secret_incoming, secret_outgoing):
    scan = Attachment.objects.for_owner(secret_incoming).get()
    for person in (docs.charlie, docs.director, docs.dora):  # leo was designated to sign: he is on the route
        client = login(person)
        assert secret_incoming.title not in client.get("/documents/incoming/").content.decode()
        assert secret_outgoing.title not in client.get("/documents/outgoing/").content.decode()
        assert secret_outgoing.doc_number not in client.get("/documents/numbers/").content.decode()
        for url in (f"/documents/incoming/{secret_incoming.pk}/", f"/documents/outgoing/{secret_outgoing.pk}/",
                    f"/documents/outgoing/{secret_outgoing.pk}/docx/", f"/files/{scan.uid}/"):
            assert client.get(url).status_code == 404, (person.name, url)
        with nothing_changes():
            review = client.post(f"/documents/incoming/{secret_incoming.pk}/review/", {"ours": "yes"})
            distribute = client.post(f"/documents/outgoing/{secret_outgoing.pk}/distribute/")
        assert refusal(review) == refusal(distribute) == (404, "")


@pytest.mark.clause("一(一)3")
def test_the_route_and_auditors_see_it_and_each_view_is_logged(docs, login, secret_incoming, secret_outgoing):
    for person in (docs.alice, docs.auditor):
        client = login(person)
        assert secret_incoming.title in client.get("/documents/incoming/").content.decode()
        page = client.get(f"/documents/incoming/{secret_incoming.pk}/").content.decode()
        assert "机密★1年" in page and "流转范围" in page
        assert client.get(f"/documents/outgoing/{secret_outgoing.pk}/").status_code == 200
    views = AuditRecord.objects.filter(action="documents.view", kind="view")
    assert views.filter(object_type="documents.incomingdocument").count() == 2
    assert set(views.values_list("actor_name", flat=True)) == {docs.alice.name, docs.auditor.name}
    scan = Attachment.objects.for_owner(secret_incoming).get()
    assert login(docs.alice).get(f"/files/{scan.uid}/").status_code == 200
    response = login(docs.principal).get(f"/documents/outgoing/{secret_outgoing.pk}/docx/")
    assert response.status_code == 200
    assert AuditRecord.objects.filter(action="documents.export", actor__person=docs.principal).exists()


@pytest.mark.clause("一(一)3")
def test_people_designated_for_a_step_join_the_route(docs, secret_incoming):
    with pytest.raises(ValidationError, match="无权查看或办理"):
        actions.do_review_incoming(secret_incoming, ours=True, actor=docs.bob.user)
    actions.do_review_incoming(secret_incoming, ours=True, actor=docs.alice.user)
    assert IncomingDocument.objects.visible_to(docs.director).filter(pk=secret_incoming.pk).exists()
    actions.do_propose_incoming(secret_incoming, proposal="呈院长阅示", leaders=[docs.principal],
                                actor=docs.director.user)
    assert IncomingDocument.objects.visible_to(docs.principal).filter(pk=secret_incoming.pk).exists()
    assert not IncomingDocument.objects.visible_to(docs.leo).filter(pk=secret_incoming.pk).exists()
    actions.do_instruct_incoming(secret_incoming, text="请保密办落实。", actor=docs.principal.user)
    actions.do_assign_incoming(secret_incoming, main_department=docs.medical, actor=docs.director.user)
    assert IncomingDocument.objects.visible_to(docs.medhead).filter(pk=secret_incoming.pk).exists()
    assert not IncomingDocument.objects.visible_to(docs.charlie).filter(pk=secret_incoming.pk).exists()


@pytest.mark.clause("一(一)3")
def test_only_people_on_the_route_may_add_readers(docs, login, secret_outgoing):
    with pytest.raises(ValidationError, match="无权查看或办理"):
        actions.do_add_to_route(secret_outgoing, docs.charlie, actor=docs.charlie.user)
    client = login(docs.alice)
    client.post(f"/documents/outgoing/{secret_outgoing.pk}/route/", {"person": docs.charlie.pk, "reason": "传阅"})
    assert OutgoingDocument.objects.visible_to(docs.charlie).filter(pk=secret_outgoing.pk).exists()
    assert AuditRecord.objects.filter(action="documents.route.add", kind="permission").exists()
    assert login(docs.charlie).get(f"/documents/outgoing/{secret_outgoing.pk}/").status_code == 200


def test_an_unclassified_document_has_no_route_form(docs, login):
    doc = docs.make_outgoing()
    assert "加入流转范围" not in login(docs.alice).get(f"/documents/outgoing/{doc.pk}/").content.decode()
    with refused("只有办公室人员、领导或经办人可以调整涉密公文的流转范围。"):
        actions.do_add_to_route(doc, docs.charlie, actor=docs.alice.user)


@pytest.mark.clause("一(一)3")
def test_the_keepers_are_told_once_when_the_secrecy_period_runs_out(docs, secret_incoming, secret_outgoing):
    import datetime

    from zeroerror.tracking.models import Notification
    from zeroerror.tracking.registry import tick_tasks

    assert actions.notice_secrecy_expiry in tick_tasks()
    secret_outgoing.refresh_from_db()
    assert secret_outgoing.secrecy_expires_on is not None  # from the 成文日期 (签发)
    later = timezone.now() + datetime.timedelta(days=400)
    assert actions.notice_secrecy_expiry(later) == "保密期限届满提醒 2 件"
    assert actions.notice_secrecy_expiry(later) == "保密期限届满提醒 0 件"
    assert Notification.objects.filter(recipient=docs.alice, title__startswith="保密期限届满").count() == 2
    assert not Notification.objects.filter(recipient=docs.charlie, title__startswith="保密期限届满").exists()
    assert secret_incoming.events.last().step == "保密期限届满"


@pytest.mark.clause("一(一)3")
def test_tracked_items_and_notifications_do_not_name_a_classified_document(docs, secret_incoming):
    from zeroerror.tracking.models import Notification, TrackedItem

    actions.do_review_incoming(secret_incoming, ours=True, actor=docs.alice.user)
    actions.do_propose_incoming(secret_incoming, proposal="呈院长阅示，医务科办理", leaders=[docs.principal],
                                main_department=docs.medical, actor=docs.director.user)
    actions.do_instruct_incoming(secret_incoming, text="请医务科落实保密检查。", actor=docs.principal.user)
    items = TrackedItem.objects.for_source(secret_incoming)
    assert items.count() == 4  # 登记 (opened at 签收, before the 密级 was known), 初审, 拟办, 批示
    for item in items:
        assert "保密检查" not in item.title + item.detail + item.source_label
        if not item.title.startswith("登记："):
            assert item.title.endswith(f"机密收文（#{secret_incoming.pk}）")
    told = Notification.objects.filter(title__contains="已批示")
    assert {n.recipient for n in told} <= {docs.alice, docs.director}  # medhead is not on the route yet
    assert all(n.body == "" for n in told)


@pytest.mark.clause("一(一)3")
def test_an_attachment_uploaded_to_a_classified_document_stays_on_its_route(docs, login, secret_outgoing):
    import io

    upload = io.BytesIO(PDF)
    upload.name = "附件1.pdf"
    login(docs.alice).post(f"/documents/outgoing/{secret_outgoing.pk}/attach/", {"upload": upload, "purpose": "附件"})
    attachment = Attachment.objects.for_owner(secret_outgoing).get()
    assert attachment.original_name == "附件1.pdf"
    assert login(docs.bob).get(f"/files/{attachment.uid}/").status_code == 200
    assert login(docs.director).get(f"/files/{attachment.uid}/").status_code == 404
    assert login(docs.charlie).post(f"/documents/outgoing/{secret_outgoing.pk}/attach/").status_code == 404
    assert AuditRecord.objects.filter(action="attachments.download", actor__person=docs.bob).exists()


def test_auditors_see_registration_and_route_but_not_content_unless_on_the_route(
        docs, login, secret_incoming, secret_outgoing):
    """访问控制 g (need-to-know): 纪检 reads a 密级 document's registration and route, not its body or scans."""
    scan = Attachment.objects.for_owner(secret_incoming).get()
    client = login(docs.auditor)
    incoming = client.get(f"/documents/incoming/{secret_incoming.pk}/").content.decode()
    assert "青川县国家保密局" in incoming and "流转范围" in incoming and 'id="content-withheld"' in incoming
    assert "密件扫描.pdf" not in incoming
    assert client.get(f"/files/{scan.uid}/").status_code == 404
    outgoing = client.get(f"/documents/outgoing/{secret_outgoing.pk}/").content.decode()
    assert secret_outgoing.title in outgoing and 'id="content-withheld"' in outgoing
    assert secret_outgoing.body_paragraphs[0] not in outgoing
    assert client.get(f"/documents/outgoing/{secret_outgoing.pk}/docx/").status_code == 403

    actions.do_add_to_route(secret_incoming, docs.auditor, reason="案件核查", actor=docs.alice.user)
    page = client.get(f"/documents/incoming/{secret_incoming.pk}/").content.decode()
    assert "密件扫描.pdf" in page and 'id="content-withheld"' not in page
    assert client.get(f"/files/{scan.uid}/").status_code == 200


@pytest.mark.clause("一(一)3")
def test_an_attempt_to_open_a_classified_document_off_the_route_is_answered_404_and_audited(
        docs, secret_incoming, secret_outgoing, login):
    client = login(docs.charlie)
    for url in (f"/documents/incoming/{secret_incoming.pk}/", f"/documents/outgoing/{secret_outgoing.pk}/docx/"):
        assert client.get(url).status_code == 404
    attempts = list(AuditRecord.objects.filter(action="documents.denied").order_by("id"))
    assert [(a.object_repr, a.success, a.actor_id) for a in attempts] == [
        (f"机密收文（#{secret_incoming.pk}）", False, docs.charlie.user.pk),
        (f"秘密发文（#{secret_outgoing.pk}）", False, docs.charlie.user.pk)]
    assert "关于涉密人员管理的通知" not in str([a.changes for a in attempts])  # named by 密级 and number only
    assert client.get("/documents/incoming/999999/").status_code == 404
    assert AuditRecord.objects.filter(action="documents.denied").count() == 2  # a missing one is not an attempt
