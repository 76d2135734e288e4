"""Uploading on a tracked item: checked by content and size, stored under the data dir with a random name, audited."""

import hashlib
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from tests.attachments.conftest import bomb_docx_bytes, docx_bytes, pdf_bytes, png_bytes, xlsx_bytes
from zeroerror.attachments import storage
from zeroerror.attachments.actions import attach, do_upload_attachment
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind, AuditRecord

pytestmark = pytest.mark.django_db


def stored_files() -> set[Path]:
    root = Path(settings.ATTACHMENT_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def upload(client, item, name, data):
    return client.post(reverse("tracking:attach", args=[item.pk]), {"file": SimpleUploadedFile(name, data)},
                       follow=True)


@pytest.mark.parametrize(
    ("name", "build"),
    [("年度总结.docx", docx_bytes), ("统计表.xlsx", xlsx_bytes), ("扫描件.pdf", pdf_bytes), ("现场照片.png", png_bytes)],
)
def test_it_stores_an_accepted_file_under_the_data_dir_with_a_random_name(org, item, login, name, build):
    data = build()

    response = upload(login(org.alice), item, name, data)

    assert "附件已上传。" in response.content.decode()
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.size, attachment.uploaded_by) == (name, len(data), org.alice)
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert re.fullmatch(r"[0-9a-f]{40}", attachment.stored_name)
    path = storage.path_for(attachment.stored_name)
    assert path.resolve().is_relative_to(Path(settings.DATA_DIR).resolve())
    assert path.read_bytes() == data
    assert name not in str(path) and Path(name).stem not in str(path)
    assert name in response.content.decode()  # listed on the item page
    rec = AuditRecord.objects.get(action="attachments.upload")
    assert rec.kind == AuditKind.CREATE and rec.actor == org.alice.user
    assert rec.changes["sha256"] == attachment.sha256


def test_it_gives_two_uploads_of_the_same_file_different_stored_names(org, item, login):
    client = login(org.alice)
    upload(client, item, "a.pdf", pdf_bytes())
    upload(client, item, "a.pdf", pdf_bytes())

    first, second = Attachment.objects.order_by("id")
    assert first.stored_name != second.stored_name
    assert storage.path_for(first.stored_name).exists() and storage.path_for(second.stored_name).exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("报告.pdf", png_bytes(), "“报告.pdf”：文件内容是PNG 图片，与扩展名“.pdf”不符。", id="png-as-pdf"),
        pytest.param("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                     "不接受网页、脚本或 SVG", id="svg"),
        pytest.param("页面.html", b"<html><script>alert(document.cookie)</script></html>", "不接受网页、脚本或 SVG",
                     id="html"),
        pytest.param("大文件.docx", bomb_docx_bytes(), "疑似压缩炸弹", id="zip-bomb"),
    ],
)
def test_it_refuses_a_file_by_its_content_and_stores_nothing(org, item, login, name, data, message):
    files_before = stored_files()

    response = upload(login(org.alice), item, name, data)

    assert message in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files() == files_before
    assert not AuditRecord.objects.filter(action="attachments.upload").exists()


def test_it_refuses_an_oversized_file(org, item, login, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    data = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    files_before = stored_files()

    response = upload(login(org.alice), item, "超大.pdf", data)

    assert "文件不能超过 1 MB。" in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files() == files_before


def test_it_accepts_a_file_of_exactly_the_limit(org, item, login, settings):
    data = pdf_bytes()
    settings.ATTACHMENT_MAX_BYTES = len(data)

    upload(login(org.alice), item, "刚好.pdf", data)

    assert Attachment.objects.get().size == len(data)


def test_it_checks_the_size_of_data_attached_by_other_apps(org, item, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024

    with pytest.raises(ValidationError, match="文件不能超过 1 MB"), transaction.atomic():
        attach(item, "超大.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024), actor=org.alice.user)

    assert not Attachment.objects.exists()


def test_it_strips_directories_from_the_name_and_stores_inside_the_attachment_root(org, item):
    with transaction.atomic():
        attachment = attach(item, "../../etc/passwd.pdf", pdf_bytes(), actor=org.alice.user)

    assert attachment.original_name == "passwd.pdf"
    path = storage.path_for(attachment.stored_name).resolve()
    assert path.is_relative_to(Path(settings.ATTACHMENT_ROOT).resolve())
    assert "etc" not in path.relative_to(Path(settings.ATTACHMENT_ROOT).resolve()).parts


def test_it_refuses_an_empty_file(org, item):
    with pytest.raises(ValidationError, match="文件为空"):
        do_upload_attachment(item, SimpleUploadedFile("空.pdf", b""), actor=org.alice.user)


def test_it_asks_for_a_file_when_none_is_chosen(org, item, login):
    response = login(org.alice).post(reverse("tracking:attach", args=[item.pk]), {}, follow=True)

    assert "请选择要上传的文件。" in response.content.decode()
    assert not Attachment.objects.exists()


def test_it_does_not_let_another_department_upload_to_the_item(org, item, login):
    response = login(org.charlie).post(reverse("tracking:attach", args=[item.pk]),
                                       {"file": SimpleUploadedFile("a.pdf", pdf_bytes())})

    assert response.status_code == 404
    assert not Attachment.objects.exists()
