from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from pathlib import Path

from django.conf import settings


def clean_filename(name: str) -> str:
    """Keep a display name safe: no directories, no control characters, at most 200 characters."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = re.sub(r"[\x00-\x1f\x7f]", "", name).strip().lstrip(".")
    return (name or "file")[-200:]


def path_for(stored_name: str) -> Path:
    return Path(settings.ATTACHMENT_ROOT) / stored_name[:2] / stored_name[2:4] / stored_name


def store(data: bytes) -> tuple[str, str]:
    """Write ``data`` under a random name; returns (stored_name, sha256)."""
    stored_name = secrets.token_hex(20)
    path = path_for(stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "xb") as handle:
        handle.write(data)
    return stored_name, hashlib.sha256(data).hexdigest()


def read(stored_name: str) -> bytes:
    return path_for(stored_name).read_bytes()
