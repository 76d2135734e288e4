"""Settings for the test suite: the embedded settings with a throw-away data dir and a fast password hasher.

DATABASE_URL selects PostgreSQL (CI runs the suite on both databases)."""

import os
import tempfile

os.environ["ZEROERROR_ENV"] = "test"
os.environ.setdefault("ZEROERROR_DATA_DIR", tempfile.mkdtemp(prefix="zeroerror-test-"))
if os.environ.get("PYTEST_XDIST_WORKER"):
    # pytest-xdist workers inherit the controller's data dir: give each its own (attachments, test database)
    os.environ["ZEROERROR_DATA_DIR"] = os.path.join(os.environ["ZEROERROR_DATA_DIR"], os.environ["PYTEST_XDIST_WORKER"])
os.environ.setdefault("SECRET_KEY", "test-secret-key-" + "x" * 40)
os.environ.setdefault("ZEROERROR_AUDIT_KEY", "test-audit-key-" + "y" * 30)

from zeroerror.settings import *  # noqa: E402,F403
from zeroerror.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory: tests that race two threads need separate connections to one database (an in-memory
    # database shared between connections locks whole tables at once and never waits). pytest-xdist adds _gw<n>.
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(os.environ["ZEROERROR_DATA_DIR"], "test.sqlite3")}
