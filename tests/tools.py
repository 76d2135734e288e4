"""External read-back tools (poppler-utils, LibreOffice) for the tests that open what we print.

``need("pdftotext")`` skips the test with the Debian package to install when the tool is missing — on a developer's
machine. Under CI (``ZEROERROR_REQUIRE_TOOLS=1``, set by ``.ci/run``) a missing tool FAILS the test instead: a
read-back test that did not run proves nothing. See docs/testing.md.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_TOOLS_ENV = "ZEROERROR_REQUIRE_TOOLS"

# tool -> the Debian package that provides it (what .ci/run installs)
PACKAGES = {
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "soffice": "libreoffice-writer-nogui",
}


def tools_required() -> bool:
    return os.environ.get(REQUIRE_TOOLS_ENV, "") == "1"


def need(tool: str) -> str:
    """The path of ``tool``; skip (locally) or fail (CI) when it is not installed."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} not installed (Debian package {PACKAGES.get(tool, tool)})"
        if tools_required():
            pytest.fail(f"{message}; {REQUIRE_TOOLS_ENV}=1 requires it", pytrace=False)
        pytest.skip(message)
    return path
