"""The Content-Security-Policy forbids inline scripts and styles: templates must not rely on them."""

import re
from pathlib import Path

import zeroerror

ROOT = Path(zeroerror.__file__).parent


def test_templates_have_no_inline_style_attributes_or_script_blocks():
    offenders = []
    for path in ROOT.glob("**/templates/**/*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\sstyle\s*=", text) or re.search(r"<script(?![^>]*\ssrc=)[^>]*>", text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_login_page_sends_the_policy(db, client):
    response = client.get("/login/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style=" not in response.content.decode()
