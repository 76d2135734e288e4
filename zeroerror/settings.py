"""Settings for 零差错办公管理系统.

Everything comes from the environment through the typed readers in ``zeroerror.conf.env``.
Two modes:

* the embedded default (no ZEROERROR_ENV): SQLite in ZEROERROR_DATA_DIR, DEBUG off, a SECRET_KEY and an audit key
  generated once and kept in the data dir — fit for a small office on one machine;
* ``ZEROERROR_ENV=production``: SECRET_KEY, ZEROERROR_AUDIT_KEY and ALLOWED_HOSTS are required, cookies are secure and
  HSTS is on, so that ``zeroerror check --deploy --fail-level WARNING`` is clean.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from zeroerror.conf.datadir import DataDirError, resolve_data_dir
from zeroerror.conf.env import (
    env_allowed_hosts,
    env_bool,
    env_choice,
    env_hours,
    env_int,
    env_list,
    env_networks,
    env_str,
    env_subset,
    parse_database_url,
    sqlite_database,
)

PACKAGE_DIR = Path(__file__).resolve().parent

ZEROERROR_ENV = env_choice("ZEROERROR_ENV", ("embedded", "production", "test"), "embedded")
PRODUCTION = ZEROERROR_ENV == "production"

# Found the same way wherever a command runs (env var, config file, default beside the venv): see conf/datadir.py.
try:
    _data_dir = resolve_data_dir()
except DataDirError as exc:
    raise ImproperlyConfigured(str(exc)) from None
DATA_DIR = _data_dir.path
DATA_DIR_SOURCE = _data_dir.source
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _data_dir_secret(filename: str) -> str:
    """Read a random secret kept in the data dir, creating it (mode 0600) the first time."""
    path = DATA_DIR / filename
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    value = path.read_text().strip()
    if len(value) < 32:
        raise ImproperlyConfigured(f"{path} holds a secret shorter than 32 characters")
    return value


if PRODUCTION:
    SECRET_KEY = env_str("SECRET_KEY")
    if not SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY must be set to at least 50 random characters in production")
    AUDIT_HMAC_KEY = env_str("ZEROERROR_AUDIT_KEY")
    if not AUDIT_HMAC_KEY or len(AUDIT_HMAC_KEY) < 32:
        raise ImproperlyConfigured("ZEROERROR_AUDIT_KEY must be set to at least 32 random characters in production")
    ALLOWED_HOSTS = env_allowed_hosts("ALLOWED_HOSTS", [], production=True)
    DEBUG = env_bool("DEBUG", False)
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production")
else:
    SECRET_KEY = env_str("SECRET_KEY") or _data_dir_secret("secret_key")
    AUDIT_HMAC_KEY = env_str("ZEROERROR_AUDIT_KEY") or _data_dir_secret("audit_key")
    ALLOWED_HOSTS = env_allowed_hosts("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"], production=False)
    DEBUG = env_bool("DEBUG", False)

_database_url = env_str("DATABASE_URL")
DATABASES = {
    "default": parse_database_url(_database_url) if _database_url else sqlite_database(DATA_DIR / "zeroerror.sqlite3")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "zeroerror.core",  # first: its admin/base_site.html themes the Django admin like the application
    "zeroerror.core.adminapp.AuditedAdminConfig",  # django.contrib.admin whose site audits every model's changes
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "zeroerror.audit",
    "zeroerror.org",
    "zeroerror.workdays",
    "zeroerror.tracking",
    "zeroerror.attachments",
    "zeroerror.rulebook",
    "zeroerror.penalties",
    "zeroerror.errors",
    "zeroerror.documents",
    "zeroerror.meetings",
    "zeroerror.secrecy",
    "zeroerror.reception",
    "zeroerror.seals",
    "zeroerror.facilities",
    "zeroerror.vehicles",
    "zeroerror.disclosure",
    "zeroerror.finance",
    "zeroerror.proofread",
    "zeroerror.accounts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "zeroerror.audit.middleware.AuditContextMiddleware",
    "zeroerror.core.middleware.AdminNetworkMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "zeroerror.accounts.middleware.SessionActivityMiddleware",
    "zeroerror.accounts.middleware.LoginGateMiddleware",
    "zeroerror.core.middleware.SecurityHeadersMiddleware",
    "zeroerror.core.middleware.OutOfRangeInputMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zeroerror.urls"
WSGI_APPLICATION = "zeroerror.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "zeroerror.core.context_processors.shell",
            ],
            "builtins": ["zeroerror.core.templatetags.zeroerror_tags"],
        },
    }
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "zeroerror.org.passwords.CharacterClassValidator"},
    {"NAME": "zeroerror.org.passwords.PersonalNameValidator"},
]
# The login (身份鉴别): django-axes locks an account after repeated failures, the second factor is django-otp's TOTP.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("ZEROERROR_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("ZEROERROR_LOGIN_LOCK_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username"]  # the account; the address is throttled separately (below)
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the lock is temporary: it ends 30 minutes after it began
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False  # no banner on stderr: command-line tools print only their own output
AXES_LOCKOUT_CALLABLE = "zeroerror.accounts.lockout.lockout_response"
AXES_USERNAME_CALLABLE = "zeroerror.accounts.lockout.attempted_username"
AXES_CLIENT_IP_CALLABLE = "zeroerror.audit.middleware.client_ip"
# axes warns that locking by account alone lets an attacker rotate addresses; the address throttle below covers it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
# Failed logins from one address within the window before the address gets 429 (an office behind NAT shares one).
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("ZEROERROR_LOGIN_ADDRESS_LIMIT", 20, minimum=1)
LOGIN_ADDRESS_WINDOW = timedelta(minutes=env_int("ZEROERROR_LOGIN_ADDRESS_WINDOW_MINUTES", 15, minimum=1))
# Passwords older than this must be changed at the next login (0: no maximum age).
PASSWORD_MAX_AGE_DAYS = env_int("ZEROERROR_PASSWORD_MAX_AGE_DAYS", 90, minimum=0)
OTP_TOTP_ISSUER = "零差错办公管理系统"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # hashed names once `collectstatic` has written the manifest; plain names before (`zeroerror runserver`)
        "BACKEND": "zeroerror.core.staticstorage.ManifestWhenCollectedStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = env_bool("ZEROERROR_STATIC_FINDERS", not PRODUCTION)
WHITENOISE_MANIFEST_STRICT = False

MEDIA_ROOT = DATA_DIR / "files"
ATTACHMENT_ROOT = DATA_DIR / "attachments"
ATTACHMENT_MAX_BYTES = env_int("ZEROERROR_ATTACHMENT_MAX_MB", 50, minimum=1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Mail: console by default (an intranet may have no relay); SMTP when EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "") or ""
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "") or ""
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "") or ""
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("EMAIL_USE_TLS and EMAIL_USE_SSL cannot both be on")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "zeroerror@localhost")

# A session ends after ZEROERROR_SESSION_HOURS in all, or ZEROERROR_SESSION_IDLE_MINUTES without a request.
SESSION_ENGINE = "zeroerror.accounts.sessions"
SESSION_COOKIE_AGE = env_int("ZEROERROR_SESSION_HOURS", 8, minimum=1) * 3600
SESSION_IDLE_SECONDS = env_int("ZEROERROR_SESSION_IDLE_MINUTES", 15, minimum=1) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("ZEROERROR_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("ZEROERROR_HSTS_SECONDS", 31536000, minimum=3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS])

# Signed checkpoints of the audit chain, outside the database (and to the system log): see audit/checkpoints.py.
AUDIT_CHECKPOINT_FILE = env_str("ZEROERROR_AUDIT_CHECKPOINT_FILE", "") or str(DATA_DIR / "audit-checkpoints.jsonl")
AUDIT_CHECKPOINT_MINUTES = env_int("ZEROERROR_AUDIT_CHECKPOINT_MINUTES", 10, minimum=1)

# Refused requests (403/404/CSRF/locked logins) audited per event and source address per minute, at most.
AUDIT_REFUSALS_PER_MINUTE = env_int("ZEROERROR_AUDIT_REFUSALS_PER_MINUTE", 10, minimum=1)
CSRF_FAILURE_VIEW = "zeroerror.audit.refusals.csrf_failure"

# Reverse proxies (nginx) whose X-Forwarded-For is believed; empty: the connection's address is the client's.
TRUSTED_PROXIES = env_networks("ZEROERROR_TRUSTED_PROXIES", [])
# The Django admin (configuration tables) answers only requests from these addresses; others get 404.
ADMIN_ALLOWED_NETWORKS = env_networks("ZEROERROR_ADMIN_NETWORKS", ["127.0.0.0/8", "::1"])

# The address people use to reach the site, for links in e-mails.
SITE_URL = (env_str("ZEROERROR_SITE_URL", "http://127.0.0.1:8000") or "").rstrip("/")

# Who sees a colleague's mobile number and e-mail besides the person: leaders, the office, the same department
# (or everyone). The directory itself (names, departments, positions) is open to the whole unit.
CONTACTS_VISIBLE_TO = env_subset("ZEROERROR_CONTACTS_VISIBLE_TO", ("leaders", "office", "department", "everyone"),
                                 ["leaders", "office", "department"])

# 会务: a draft 会议方案 holds its room this many hours after it was last changed (then the room is free again).
MEETING_DRAFT_HOLD_HOURS = env_int("ZEROERROR_MEETING_DRAFT_HOLD_HOURS", 72, minimum=1)

# Unit-level configuration.
ZEROERROR_UNIT_NAME = env_str("ZEROERROR_UNIT_NAME", "")
# Reminders: a tracked item is reminded this many working hours before it falls due.
TRACKING_REMIND_WORKING_HOURS = env_int("ZEROERROR_REMIND_WORKING_HOURS", 8, minimum=1)
# Working hours of a working day, used by "N working hours from now".
WORKDAY_START_HOUR = env_int("ZEROERROR_WORKDAY_START_HOUR", 9, minimum=0)
WORKDAY_END_HOUR = env_int("ZEROERROR_WORKDAY_END_HOUR", 17, minimum=1)
if WORKDAY_END_HOUR <= WORKDAY_START_HOUR or WORKDAY_END_HOUR > 24:
    raise ImproperlyConfigured("ZEROERROR_WORKDAY_END_HOUR must be after ZEROERROR_WORKDAY_START_HOUR and at most 24")

# 匿名举报 (and evidence an anonymous reporter adds) are registered in batches at these local hours, at least this
# many minutes after they were sent, so that nothing dates them to the reporter's session.
ANONYMOUS_BATCH_HOURS = env_hours("ZEROERROR_ANONYMOUS_BATCH_HOURS", [12, 17])
ANONYMOUS_MIN_DELAY_MINUTES = env_int("ZEROERROR_ANONYMOUS_MIN_DELAY_MINUTES", 60, minimum=0)
# 申诉: within this many working days of being notified of the decision, once per decision and person.
APPEAL_WORKDAYS = env_int("ZEROERROR_APPEAL_WORKDAYS", 5, minimum=1)
# 主动公开: within this many working days of the information being formed or changed (条例 第二十六条: 20).
DISCLOSURE_WORKDAYS = env_int("ZEROERROR_DISCLOSURE_WORKDAYS", 20, minimum=1)
# 差错通报: name the people in the 院内通报 (the unit's policy); by default "办公室一名工作人员".
BULLETIN_NAMES = env_bool("ZEROERROR_BULLETIN_NAMES", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR"), "INFO")},
    # django-axes reports every login at INFO; failures and locks (WARNING) are enough beside the audit trail
    "loggers": {"axes": {"level": "WARNING"}},
}
# Audit checkpoints also go to the system log (a copy the database's owner cannot rewrite): the local syslog socket
# when there is one, or ZEROERROR_SYSLOG_ADDRESS ("host:port" for a remote collector, "" to turn it off).
_syslog = env_str("ZEROERROR_SYSLOG_ADDRESS", "/dev/log" if Path("/dev/log").exists() else "")
if _syslog:
    _host, _, _port = _syslog.rpartition(":") if not _syslog.startswith("/") else (_syslog, "", "")
    LOGGING["handlers"]["syslog"] = {
        "class": "logging.handlers.SysLogHandler", "facility": "auth",
        "address": _syslog if _syslog.startswith("/") else (_host, int(_port or 514)),
    }
    LOGGING["loggers"]["zeroerror.audit.checkpoint"] = {"handlers": ["console", "syslog"], "propagate": False}
