"""Which files may be uploaded, decided by their content (magic bytes and container structure), not their name."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class FileKind:
    kind: str
    label: str
    content_type: str
    extensions: tuple[str, ...]


KINDS = {
    "pdf": FileKind("pdf", "PDF", "application/pdf", (".pdf",)),
    "png": FileKind("png", "PNG 图片", "image/png", (".png",)),
    "jpeg": FileKind("jpeg", "JPEG 图片", "image/jpeg", (".jpg", ".jpeg")),
    "docx": FileKind("docx", "Word 文档", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     (".docx",)),
    "xlsx": FileKind("xlsx", "Excel 表格", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     (".xlsx",)),
    "pptx": FileKind("pptx", "演示文稿", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                     (".pptx",)),
    "ofd": FileKind("ofd", "OFD 版式文件", "application/ofd", (".ofd",)),
    "ole": FileKind("ole", "Office 97–2003 / WPS 文件", "application/octet-stream",
                    (".doc", ".xls", ".ppt", ".wps", ".et")),
    "mp3": FileKind("mp3", "MP3 录音", "audio/mpeg", (".mp3",)),
    "wav": FileKind("wav", "WAV 录音", "audio/wav", (".wav",)),
    "mp4": FileKind("mp4", "MP4/M4A 音视频", "video/mp4", (".mp4", ".m4a")),
    "txt": FileKind("txt", "纯文本", "text/plain; charset=utf-8", (".txt",)),
}

ZIP_MEMBERS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml", "ofd": "OFD.xml"}
MAX_UNZIPPED = 300 * 1024 * 1024
MAX_RATIO = 100


class RejectedFile(ValueError):
    pass


def _zip_kind(head: bytes, data: bytes | None, extension: str) -> str:
    if data is None:
        raise RejectedFile("无法检查压缩结构。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            total = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise RejectedFile("文件已损坏（压缩结构无效）。") from None
    if total > MAX_UNZIPPED or (len(data) and total / len(data) > MAX_RATIO):
        raise RejectedFile("文件解压后过大，疑似压缩炸弹，已拒绝。")
    for kind, member in ZIP_MEMBERS.items():
        if member in names and extension in KINDS[kind].extensions:
            return kind
    raise RejectedFile("压缩文件的内容与扩展名不符，仅接受 Word、Excel、演示文稿和 OFD 文件。")


def detect(data: bytes, filename: str) -> FileKind:
    """Return the kind of ``data`` or raise RejectedFile with a Chinese reason."""
    extension = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(head, data, extension)
    elif head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        kind = "ole"
    elif head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        kind = "mp3"
    elif head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        kind = "wav"
    elif data[4:8] == b"ftyp":
        kind = "mp4"
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise RejectedFile("不支持的文件类型。") from None
        if "\x00" in text or text.lstrip().lstrip("\ufeff").lstrip()[:1] == "<":  # a BOM must not hide markup
            raise RejectedFile("不支持的文件类型（不接受网页、脚本或 SVG）。")
        kind = "txt"
    found = KINDS[kind]
    if extension not in found.extensions:
        raise RejectedFile(f"文件内容是{found.label}，与扩展名“{extension or '（无）'}”不符。")
    return found
