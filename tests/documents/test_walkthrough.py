"""End to end through the pages only: each person signs in and presses the button of their step."""

import io

from django.utils import timezone

from zeroerror.documents.models import IncomingDocument, IncomingStatus, OutgoingDocument, OutgoingStatus

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post(login, person, url, data=None):
    response = login(person).post(url, data or {}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_an_outgoing_document_from_draft_to_archive_through_the_pages(docs, login):
    login(docs.charlie).post("/documents/outgoing/new/", {
        "kind": "notice", "urgency": "urgent", "title": "关于开展院感培训的通知", "addressees": "各临床科室",
        "body": "定于下周开展院感培训。\n一、培训对象为全体医护人员。", "copies": "20", "copy_to": "县卫生健康局",
        "countersign_departments": [docs.office.pk]})
    doc = OutgoingDocument.objects.get()
    url = f"/documents/outgoing/{doc.pk}/"
    post(login, docs.medhead, url + "review/")
    post(login, docs.reader, url + "first_read/", {"policy": "on", "norms": "on", "precision": "on"})
    assert OutgoingDocument.objects.get().status == OutgoingStatus.COUNTERSIGNING
    post(login, docs.dora, url + "countersign/", {"agree": "yes", "opinion": "同意"})
    post(login, docs.principal, url + "sign/", {"opinion": "同意印发"})  # the 院长 (or the drafting dept's leader)
    doc.refresh_from_db()
    assert doc.status == OutgoingStatus.SIGNED and doc.signer == docs.principal
    post(login, docs.alice, url + "number/")
    page = post(login, docs.alice, url + "print/", {"no_missing_pages": "on", "no_wrong_pages": "on"})
    assert "无倒页、未错用文头" in page
    post(login, docs.alice, url + "print/", {"no_missing_pages": "on", "no_wrong_pages": "on",
                                             "no_inverted_pages": "on", "right_letterhead": "on"})
    post(login, docs.alice, url + "distribute/", {"recipients": "各临床科室\n县卫生健康局"})
    doc.refresh_from_db()
    receipt = doc.distributions.get(recipient="县卫生健康局")
    post(login, docs.alice, url + "receipt/", {"distribution": receipt.pk, "receipt_by": "王收发"})
    post(login, docs.alice, url + "archive/")
    doc.refresh_from_db()
    assert doc.status == OutgoingStatus.ARCHIVED and doc.doc_number == f"测医发〔{timezone.localdate().year}〕1号"
    page = login(docs.charlie).get(url).content.decode()
    for step in ("拟稿", "核稿", "首读", "会签", "签发", "编号", "印制", "分发", "回执", "归档"):
        assert f"<b>{step}</b>" in page


def test_an_incoming_document_from_receipt_to_archive_through_the_pages(docs, login):
    login(docs.alice).post("/documents/incoming/new/", {"sender": "青川县卫生健康局", "received_count": "1"})
    doc = IncomingDocument.objects.get()
    url = f"/documents/incoming/{doc.pk}/"
    scan = io.BytesIO(PDF)
    scan.name = "扫描件.pdf"
    post(login, docs.alice, url + "register/", {
        "sender": "青川县卫生健康局", "doc_number": "青卫发〔2026〕5号", "title": "关于做好冬季安全工作的通知",
        "urgency": "urgent", "received_on": timezone.localdate().isoformat(), "copies": "1", "pages": "3",
        "scan": scan})
    post(login, docs.alice, url + "review/", {"ours": "yes"})
    post(login, docs.director, url + "propose/", {"proposal": "拟请李副院长阅示，医务科牵头。", "leaders": [docs.leo.pk],
                                                  "main_department": docs.medical.pk})
    post(login, docs.leo, url + "instruct/", {"text": "请医务科抓紧落实。"})
    post(login, docs.alice, url + "assign/", {"main_department": docs.medical.pk})
    post(login, docs.alice, url + "circulate/", {"readers": [docs.dora.pk]})
    post(login, docs.dora, url + "read/", {"comment": "已阅"})
    post(login, docs.medhead, url + "complete/", {"result": "已组织全院安全检查。"})
    post(login, docs.alice, url + "archive/")
    doc.refresh_from_db()
    assert doc.status == IncomingStatus.ARCHIVED and doc.handler == docs.medhead
    page = login(docs.alice).get(url).content.decode()
    for step in ("签收", "登记", "初审", "拟办", "批示", "交办承办", "传阅", "阅毕", "办结", "归档"):
        assert f"<b>{step}</b>" in page
