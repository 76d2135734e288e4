"""Materials, recordings and photos are filed with the meeting (one dossier, clause 一(二)13)."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.attachments.conftest import pdf_bytes
from tests.refusals import nothing_changes, refusal
from zeroerror.attachments.models import Attachment


def test_the_organiser_files_a_document_and_invitees_download_it(org, login, notified):
    meeting = notified()
    upload = SimpleUploadedFile("会议材料.pdf", pdf_bytes(), content_type="application/pdf")
    response = login(org.alice).post(f"/meetings/{meeting.pk}/files/", {"purpose": "会议材料", "file": upload},
                                     follow=True)
    assert "文件已归档" in response.content.decode()
    attachment = Attachment.objects.for_owner(meeting).get()
    assert attachment.purpose == "会议材料"
    assert login(org.charlie).get(f"/files/{attachment.uid}/").status_code == 200
    assert login(org.medhead).get(f"/files/{attachment.uid}/").status_code in (403, 404)


def test_invitees_outside_the_office_cannot_file(org, login, notified):
    meeting = notified()
    upload = SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/files/", {"purpose": "照片", "file": upload})
    assert refusal(response) == (403, "您不能上传本会议的文件。")
