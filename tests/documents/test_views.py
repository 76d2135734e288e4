"""The 公文 pages: lists, forms, detail with 流转记录 and the steps one may take, the .docx download."""

import io

import pytest
from django.utils import timezone

from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, IncomingStatus, OutgoingDocument, OutgoingStatus

YEAR = timezone.localdate().year


def test_lists_show_what_one_may_see_filtered_by_year_and_status(docs, login):
    draft = docs.make_outgoing(title="关于召开院务会的通知")
    numbered = docs.advance(docs.make_outgoing(title="关于加强值班工作的通知"), OutgoingStatus.NUMBERED)
    client = login(docs.alice)
    page = client.get("/documents/outgoing/").content.decode()
    assert draft.title in page and numbered.doc_number in page
    page = client.get("/documents/outgoing/", {"status": "numbered", "year": str(YEAR)}).content.decode()
    assert numbered.title in page and draft.title not in page
    page = client.get("/documents/outgoing/", {"year": str(YEAR - 1)}).content.decode()
    assert numbered.title not in page
    assert client.get("/documents/").status_code == 302
    assert client.get("/documents/incoming/").status_code == 200
    assert numbered.doc_number in client.get("/documents/numbers/").content.decode()


def test_a_colleague_of_another_department_does_not_see_the_office_drafts(docs, login):
    draft = docs.make_outgoing()
    client = login(docs.charlie)
    assert draft.title not in client.get("/documents/outgoing/").content.decode()
    assert client.get(f"/documents/outgoing/{draft.pk}/").status_code == 404


def test_drafting_through_the_form(docs, login):
    client = login(docs.charlie)
    response = client.post("/documents/outgoing/new/", {
        "kind": "notice", "urgency": "normal", "secrecy_level": "", "secrecy_period": "",
        "title": "关于开展院感培训的通知", "addressees": "各临床科室", "body": "定于下周开展院感培训。", "copies": "5",
        "attachment_names": "", "signature": "", "note": "", "copy_to": "",
    })
    doc = OutgoingDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/documents/outgoing/{doc.pk}/"
    assert doc.drafter == docs.charlie and doc.department == docs.medical and doc.signature == docs.unit.name
    page = client.get(response["Location"]).content.decode()
    assert "流转记录" in page and "拟稿" in page
    bad = client.post("/documents/outgoing/new/", {"kind": "notice", "urgency": "normal", "title": "通知。",
                                                    "body": "x", "copies": "1"})
    assert bad.status_code == 200 and "标题末尾不加标点" in bad.content.decode()


def test_the_detail_page_offers_each_person_their_step_only(docs, login):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    url = f"/documents/outgoing/{doc.pk}/"
    assert "首读意见" in login(docs.reader).get(url).content.decode()
    assert "首读意见" not in login(docs.alice).get(url).content.decode()
    response = login(docs.reader).post(url + "first_read/", {"policy": "on", "norms": "on", "opinion": ""},
                                       follow=True)
    assert "请填写首读意见" in response.content.decode()
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.REVIEWED
    login(docs.reader).post(url + "first_read/", {"policy": "on", "norms": "on", "precision": "on"})
    assert OutgoingDocument.objects.get(pk=doc.pk).status == OutgoingStatus.FIRST_READ_PASSED
    assert login(docs.alice).post(url + "nonsense/").status_code == 404


def test_editing_a_signed_document_through_the_page_sends_it_back(docs, login):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    client = login(docs.alice)
    form_page = client.get(f"/documents/outgoing/{doc.pk}/edit/").content.decode()
    assert "重新签发" in form_page
    data = {f: getattr(doc, f) for f in actions.OUTGOING_FIELDS} | {"title": "关于规范公文处理工作的通知"}
    client.post(f"/documents/outgoing/{doc.pk}/edit/", data)
    doc.refresh_from_db()
    assert doc.status == OutgoingStatus.DRAFT and doc.resign_by == docs.principal


def test_the_docx_download_is_gbt9704_and_audited_as_export(docs, login):
    from docx import Document

    doc = docs.advance(docs.make_outgoing(copy_to="县卫生健康局"), OutgoingStatus.PRINTED)
    client = login(docs.alice)
    response = client.get(f"/documents/outgoing/{doc.pk}/docx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert doc.doc_number in text and doc.title in text and "一、严格执行首读制度。" in text
    export = AuditRecord.objects.get(action="documents.export")
    assert export.kind == "export" and export.object_id == str(doc.pk)


def test_no_docx_before_numbering(docs, login):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    response = login(docs.alice).get(f"/documents/outgoing/{doc.pk}/docx/", follow=True)
    assert "编号后才能生成正式文本" in response.content.decode()
    assert not AuditRecord.objects.filter(action="documents.export").exists()


def test_receiving_and_registering_through_the_pages(docs, login):
    client = login(docs.alice)
    response = client.post("/documents/incoming/new/", {"sender": "青川县卫生健康局", "received_count": "1"})
    doc = IncomingDocument.objects.get()
    assert response["Location"] == f"/documents/incoming/{doc.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "来文文号" in page
    upload = io.BytesIO(b"%PDF-1.4\n%%EOF\n")
    upload.name = "来文扫描.pdf"
    response = client.post(f"/documents/incoming/{doc.pk}/register/", {
        "sender": "青川县卫生健康局", "doc_number": "青卫发[2026]3号", "title": "关于做好冬季安全工作的通知",
        "urgency": "normal", "received_on": timezone.localdate().isoformat(), "copies": "1", "pages": "3",
        "scan": upload}, follow=True)
    assert "格式错误" in response.content.decode() and "青卫发〔2026〕3号" in response.content.decode()
    upload.seek(0)
    client.post(f"/documents/incoming/{doc.pk}/register/", {
        "sender": "青川县卫生健康局", "doc_number": "青卫发〔2026〕3号", "title": "关于做好冬季安全工作的通知",
        "urgency": "normal", "received_on": timezone.localdate().isoformat(), "copies": "1", "pages": "3",
        "scan": upload})
    doc.refresh_from_db()
    assert doc.status == IncomingStatus.REGISTERED
    assert "来文扫描.pdf" in client.get(f"/documents/incoming/{doc.pk}/").content.decode()
    assert login(docs.charlie).get("/documents/incoming/new/", follow=True).status_code == 200
    assert not IncomingDocument.objects.exclude(pk=doc.pk).exists()


def test_the_director_proposes_and_the_leader_instructs_on_the_page(docs, login):
    doc = actions.do_receive_incoming(sender="县卫健局", actor=docs.alice.user)
    actions.do_register_incoming(doc, doc_number="青卫函〔2026〕8号", title="关于报送统计数据的函",
                                 received_on=timezone.localdate(), copies=1, pages=1, actor=docs.alice.user)
    actions.do_review_incoming(doc, ours=True, actor=docs.alice.user)
    url = f"/documents/incoming/{doc.pk}/"
    assert "拟办意见" in login(docs.director).get(url).content.decode()
    login(docs.director).post(url + "propose/", {"proposal": "拟请李副院长阅示", "leaders": [docs.leo.pk],
                                                 "main_department": docs.medical.pk})
    login(docs.leo).post(url + "instruct/", {"text": "同意，医务科办理。"})
    doc.refresh_from_db()
    assert doc.status == IncomingStatus.INSTRUCTED
    page = login(docs.alice).get(url).content.decode()
    assert "同意，医务科办理。" in page and "李副院长" in page and "交办承办" in page


@pytest.mark.parametrize("path", ["/documents/outgoing/999/", "/documents/incoming/999/",
                                  "/documents/outgoing/999/docx/"])
def test_missing_documents_are_404(docs, login, path):
    assert login(docs.alice).get(path).status_code == 404
