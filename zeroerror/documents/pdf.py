"""PDF of a 公文 .docx, rendered by LibreOffice headless (``soffice --convert-to pdf``).

Pure Python (no Django).  LibreOffice is an optional dependency of the server (Debian: ``libreoffice-writer-nogui``):
when it is missing or fails, :class:`PdfUnavailable` carries a Chinese message for the user and the .docx stays
the way to print.  Nothing is downloaded.

Fonts: LibreOffice finds fonts through fontconfig.  Each conversion runs with a fontconfig file of its own that
adds the CJK font shipped with the app (``zeroerror/core/fonts``) and lets the fonts GB/T 9704 names fall back in
order — 仿宋_GB2312 → 仿宋/FangSong → a serif CJK font (Noto Serif CJK SC) → the shipped Droid Sans Fallback, and
likewise for 楷体, 小标宋/宋体 and 黑体 (a sans CJK font) — so a server without the Windows fonts still prints
Chinese glyphs (never boxes) in the simplified-Chinese forms.  A server that has the real fonts uses them.

Each process converts one document at a time with its own LibreOffice profile (LibreOffice refuses a second
instance on a profile in use); the first conversion of a process takes a few seconds more to create it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

__all__ = ["FONT_FALLBACKS", "PdfUnavailable", "convert_to_pdf", "find_soffice", "fontconfig_file"]

SHIPPED_FONTS = Path(__file__).resolve().parent.parent / "core" / "fonts"
SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "AR PL SungtiL GB", "Droid Sans Fallback")
SANS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "Droid Sans Fallback")
# the family asked for → the families tried after it, in order
FONT_FALLBACKS: dict[str, tuple[str, ...]] = {
    "仿宋_GB2312": ("仿宋", "FangSong", *SERIF),
    "仿宋": ("FangSong", *SERIF),
    "楷体_GB2312": ("楷体", "KaiTi", "AR PL UKai CN", *SERIF),
    "楷体": ("KaiTi", "AR PL UKai CN", *SERIF),
    "方正小标宋简体": ("方正小标宋_GBK", "宋体", "SimSun", *SERIF),
    "宋体": ("SimSun", *SERIF),
    "黑体": ("SimHei", *SANS),
}
_lock = threading.Lock()


class PdfUnavailable(Exception):
    """No PDF can be made now; ``message`` says why, in Chinese, for the user."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)


def find_soffice(configured: str | None) -> str | None:
    """The LibreOffice executable: ``configured`` (a path or a command name; "" or "off" disables), if it exists."""
    if not configured or configured.strip().lower() in ("off", "none", "false", "0"):
        return None
    return shutil.which(configured.strip())


def fontconfig_file(directory: Path) -> Path:
    """Write the fontconfig file described in the module docstring into ``directory``; return its path."""
    aliases = "\n".join(
        f"  <alias binding=\"same\"><family>{name}</family><accept>"
        + "".join(f"<family>{f}</family>" for f in fallbacks) + "</accept></alias>"
        for name, fallbacks in FONT_FALLBACKS.items())
    path = directory / "fonts.conf"
    path.write_text(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n"
        "  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n"
        f"  <dir>{SHIPPED_FONTS}</dir>\n"
        f"  <cachedir>{directory / 'fc-cache'}</cachedir>\n"
        f"{aliases}\n</fontconfig>\n", encoding="utf-8")
    return path


def _workdir() -> Path:
    """This process's LibreOffice profile and fontconfig file (kept between conversions)."""
    base = Path(tempfile.gettempdir()) / f"zeroerror-soffice-{os.getuid()}-{os.getpid()}"
    base.mkdir(mode=0o700, exist_ok=True)
    if not (base / "fonts.conf").exists():
        fontconfig_file(base)
    return base


def convert_to_pdf(files: Mapping[str, bytes], *, soffice: str | None, timeout: float = 120) -> dict[str, bytes]:
    """{name.docx: bytes} → {name.pdf: bytes}, all in one LibreOffice run; :class:`PdfUnavailable` on any failure."""
    if soffice is None:
        raise PdfUnavailable("服务器未安装 LibreOffice，暂不能生成 PDF；请下载 .docx 文件打印。")
    with _lock, tempfile.TemporaryDirectory(prefix="zeroerror-pdf-") as tmp:
        work = _workdir()
        sources = []
        for name, data in files.items():
            source = Path(tmp) / Path(name).name
            source.write_bytes(data)
            sources.append(source)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export",
                   "--outdir", tmp, *map(str, sources)]
        env = {**os.environ, "FONTCONFIG_FILE": str(work / "fonts.conf"), "HOME": str(work), "LANG": "zh_CN.UTF-8"}
        try:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                       start_new_session=True)
        except OSError as exc:
            raise PdfUnavailable(f"无法启动 LibreOffice（{exc.strerror}），暂不能生成 PDF；请下载 .docx 文件打印。")
        try:
            process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise PdfUnavailable("PDF 生成超时，请稍后再试，或下载 .docx 文件打印。")
        out = {}
        for source in sources:
            pdf = source.with_suffix(".pdf")
            if not pdf.exists():
                raise PdfUnavailable("LibreOffice 未能生成 PDF，请下载 .docx 文件打印。")
            out[pdf.name] = pdf.read_bytes()
        return out
