"""The app runs on intranets: no template or static file may load anything from another host."""

import re
from pathlib import Path

import zeroerror

ROOT = Path(zeroerror.__file__).parent
REF = re.compile(r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//(?!localhost|127\.0\.0\.1)[^"')\s]+""", re.I)
IMPORT = re.compile(r"""@import\s+["']?(?:https?:)?//""", re.I)


def files():
    for pattern in ("**/templates/**/*.html", "**/static/**/*.css", "**/static/**/*.html"):
        yield from ROOT.glob(pattern)
    yield from (p for p in ROOT.glob("**/static/zeroerror/*.js"))


def test_there_are_files_to_check():
    names = {p.name for p in files()}
    assert "base.html" in names and "app.css" in names


def test_no_template_or_static_file_references_an_external_host():
    offenders = []
    for path in files():
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in list(REF.finditer(text)) + list(IMPORT.finditer(text)):
            offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)[:80]}")
    assert offenders == []


def test_vendored_scripts_do_not_fetch_from_a_cdn():
    for path in ROOT.glob("**/static/vendor/**/*.js"):
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "sourceMappingURL=http" not in text
        assert not re.search(r"""(?:src|href)\s*=\s*["']https?://""", text), path


def test_the_base_page_loads_only_local_assets(org, login):
    html = login(org.alice).get("/").content.decode()
    assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
