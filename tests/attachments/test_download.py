"""Downloading an attachment: only through the owning object's access check, as a download, audited."""

import hashlib
import uuid

import pytest
from django.db import transaction
from django.urls import reverse

from tests.attachments.conftest import docx_bytes, pdf_bytes
from zeroerror.attachments import storage
from zeroerror.attachments.actions import attach, do_withdraw_attachment
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind, AuditRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachment(org, item):
    with transaction.atomic():
        return attach(item, "2026年 工作总结.docx", docx_bytes(), purpose="办理材料", actor=org.alice.user)


def url(attachment_or_uid):
    return reverse("attachments:download", args=[getattr(attachment_or_uid, "uid", attachment_or_uid)])


def downloads():
    return AuditRecord.objects.filter(action="attachments.download")


def test_it_serves_the_file_as_a_download_that_the_browser_must_not_sniff(org, attachment, login):
    response = login(org.alice).get(url(attachment))

    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == attachment.sha256
    assert response["Content-Type"] == attachment.content_type
    assert response["Content-Disposition"] == (
        "attachment; filename*=UTF-8''2026%E5%B9%B4%20%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93.docx")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_it_audits_every_download(org, attachment, login):
    client = login(org.alice)
    client.get(url(attachment))
    client.get(url(attachment))

    records = list(downloads())
    assert len(records) == 2
    assert all(r.kind == AuditKind.DOWNLOAD and r.actor == org.alice.user for r in records)
    assert records[0].object_id == str(attachment.pk)
    assert records[0].changes == {"owner": f"tracking.trackeditem:{attachment.owner_id}"}


@pytest.mark.parametrize("who", ["alice", "bob", "dora", "leo", "director", "auditor"])
def test_it_lets_those_who_see_the_item_download(org, attachment, login, who):
    assert login(getattr(org, who)).get(url(attachment)).status_code == 200


@pytest.mark.parametrize("who", ["charlie", "medhead"])
def test_it_hides_the_attachment_from_another_department(org, attachment, login, who):
    response = login(getattr(org, who)).get(url(attachment))

    assert response.status_code == 404
    assert not downloads().exists()


def test_it_sends_an_anonymous_visitor_to_login(attachment, client):
    response = client.get(url(attachment))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not downloads().exists()


def test_it_gives_404_for_an_unknown_attachment(org, login):
    assert login(org.alice).get(url(uuid.uuid4())).status_code == 404


def test_it_gives_404_when_the_stored_file_is_missing(org, attachment, login):
    storage.path_for(attachment.stored_name).unlink()

    response = login(org.alice).get(url(attachment))

    assert response.status_code == 404
    assert not downloads().exists()


def test_it_never_serves_attachments_of_objects_without_an_access_rule(org, login):
    with transaction.atomic():
        orphan = attach(org.office, "科室简介.pdf", pdf_bytes(), actor=org.admin.user)  # no rule for departments

    assert login(org.admin).get(url(orphan)).status_code == 404
    assert login(org.director).get(url(orphan)).status_code == 404


def test_it_hides_a_withdrawn_attachment_but_keeps_its_row_and_file(org, item, attachment, login):
    client = login(org.alice)
    detail = reverse("tracking:detail", args=[item.pk])
    assert url(attachment) in client.get(detail).content.decode()

    do_withdraw_attachment(attachment, actor=org.alice.user)

    html = client.get(detail).content.decode()
    assert url(attachment) not in html and "2026年 工作总结.docx" not in html
    kept = Attachment.objects.get(pk=attachment.pk)
    assert kept.withdrawn_at is not None
    assert storage.path_for(kept.stored_name).exists()
    assert list(Attachment.objects.for_owner(item)) == []
    assert AuditRecord.objects.get(action="attachments.withdraw").actor == org.alice.user


@pytest.mark.parametrize("who", ["alice", "bob", "dora", "leo", "director"])
def test_a_withdrawn_attachment_is_gone_from_its_url_for_those_working_on_the_item(org, attachment, login, who):
    do_withdraw_attachment(attachment, actor=org.alice.user)

    response = login(getattr(org, who)).get(url(attachment))

    assert response.status_code == 404
    assert not downloads().exists()


def test_an_auditor_can_still_download_a_withdrawn_attachment(org, attachment, login):
    """Withdrawn is not deleted: the 纪检监察室 gets the very file, and the download is audited."""
    do_withdraw_attachment(attachment, actor=org.alice.user)

    response = login(org.auditor).get(url(attachment))

    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == attachment.sha256
    assert downloads().get().actor == org.auditor.user


def test_a_withdrawn_attachment_stays_hidden_from_another_department(org, attachment, login):
    do_withdraw_attachment(attachment, actor=org.alice.user)

    assert login(org.charlie).get(url(attachment)).status_code == 404
    assert not downloads().exists()
