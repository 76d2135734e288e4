"""The layout preview at 核稿 and 首读 (issue 11 3(b)) and the PDF download (5(d))."""

import io
import subprocess

import docx
import pytest

from tests.tools import need
from zeroerror.audit.models import AuditRecord
from zeroerror.documents.models import OutgoingStatus


def texts_of(content: bytes) -> list[str]:
    d = docx.Document(io.BytesIO(content))
    return [p.text for p in d.paragraphs]


@pytest.mark.clause("一(一)2")
def test_the_first_reader_sees_the_layout_with_a_placeholder_number(docs, login):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.REVIEWED)
    client = login(docs.reader)
    assert "版式预览（.docx）" in client.get(f"/documents/outgoing/{doc.pk}/").content.decode()
    response = client.get(f"/documents/outgoing/{doc.pk}/preview/")
    assert response.status_code == 200
    texts = texts_of(response.content)
    assert any(t.strip() == f"测医发〔{doc.created_at.year}〕×号" for t in texts)  # the 字号 line
    assert "关于进一步规范公文处理工作的通知" in "".join(texts)
    (export,) = AuditRecord.objects.filter(action="documents.export", object_id=str(doc.pk))
    assert export.changes["format"] == "preview.docx"


def test_a_numbered_document_has_no_preview_but_its_real_text(docs, login):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.NUMBERED)
    response = login(docs.alice).get(f"/documents/outgoing/{doc.pk}/preview/")
    assert response.status_code == 302 and response["Location"].endswith(f"/documents/outgoing/{doc.pk}/docx/")


def test_a_classified_draft_is_not_previewed_by_someone_off_the_route(docs, login):
    doc = docs.make_outgoing(secrecy_level="confidential", secrecy_period="1年")
    assert login(docs.charlie).get(f"/documents/outgoing/{doc.pk}/preview/").status_code in (403, 404)


def test_the_numbered_document_downloads_as_a_pdf_that_reads_back(docs, login):
    need("soffice")
    pdftotext = need("pdftotext")
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.NUMBERED)
    response = login(docs.alice).get(f"/documents/outgoing/{doc.pk}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = subprocess.run([pdftotext, "-", "-"], input=response.content, capture_output=True, check=True).stdout
    text = text.decode().replace(" ", "")
    assert doc.doc_number in text and "严格执行首读制度" in text
