"""Which uploads are accepted is decided by their content, not their name."""

import pytest

from tests.attachments.conftest import bomb_docx_bytes, docx_bytes, pdf_bytes, png_bytes, xlsx_bytes
from zeroerror.attachments.filetypes import RejectedFile, detect
from zeroerror.attachments.storage import clean_filename


@pytest.mark.parametrize(
    ("name", "build", "kind", "content_type"),
    [
        ("通知.docx", docx_bytes, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("名单.xlsx", xlsx_bytes, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("扫描件.PDF", pdf_bytes, "pdf", "application/pdf"),
        ("照片.png", png_bytes, "png", "image/png"),
        ("说明.txt", "会议纪要：请各科室于周五前报送。".encode, "txt", "text/plain; charset=utf-8"),
    ],
)
def test_it_accepts_real_office_documents_pdfs_and_images(name, build, kind, content_type):
    found = detect(build(), name)

    assert (found.kind, found.content_type) == (kind, content_type)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        pytest.param("报告.pdf", png_bytes(), "文件内容是PNG 图片，与扩展名“.pdf”不符。", id="png-renamed-pdf"),
        pytest.param("通知.pdf", docx_bytes(), "压缩文件的内容与扩展名不符", id="docx-renamed-pdf"),
        pytest.param("名单.docx", xlsx_bytes(), "压缩文件的内容与扩展名不符", id="xlsx-renamed-docx"),
        pytest.param("图.png", pdf_bytes(), "文件内容是PDF，与扩展名“.png”不符。", id="pdf-renamed-png"),
        pytest.param("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                     "不接受网页、脚本或 SVG", id="svg-with-script"),
        pytest.param("logo.txt", b'<?xml version="1.0"?><svg onload="alert(1)"/>', "不接受网页、脚本或 SVG",
                     id="svg-renamed-txt"),
        pytest.param("page.html", b"<!doctype html><script>alert(1)</script>", "不接受网页、脚本或 SVG", id="html"),
        pytest.param("page.txt", b"\n  <html><body onload=alert(1)>", "不接受网页、脚本或 SVG", id="html-renamed-txt"),
        pytest.param("page.txt", "\ufeff<html><script>alert(1)</script>".encode(), "不接受网页、脚本或 SVG",
                     id="html-with-bom"),
        pytest.param("run.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\xff\xff", "不支持的文件类型", id="exe"),
        pytest.param("archive.zip", b"PK\x03\x04" + b"\x00" * 100, "文件已损坏", id="broken-zip"),
        pytest.param("大文件.docx", bomb_docx_bytes(), "疑似压缩炸弹", id="zip-bomb"),
        pytest.param("notes", "纯文本".encode(), "与扩展名“（无）”不符", id="no-extension"),
    ],
)
def test_it_refuses_files_whose_content_is_not_what_they_claim(name, data, reason):
    with pytest.raises(RejectedFile, match=reason):
        detect(data, name)


def test_it_refuses_a_zip_that_inflates_past_the_absolute_limit(monkeypatch):
    from zeroerror.attachments import filetypes

    monkeypatch.setattr(filetypes, "MAX_UNZIPPED", 1000)

    with pytest.raises(RejectedFile, match="疑似压缩炸弹"):
        detect(docx_bytes(), "通知.docx")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("/var/www/报告.pdf", "报告.pdf"),
        ("..", "file"),
        (".htaccess", "htaccess"),
        ("name\x00with\x1fcontrol.pdf", "namewithcontrol.pdf"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_it_cleans_file_names(raw, clean):
    assert clean_filename(raw) == clean
