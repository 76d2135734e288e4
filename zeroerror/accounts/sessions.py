"""The session store: a session expires ZEROERROR_SESSION_HOURS after the login (absolute limit) or
ZEROERROR_SESSION_IDLE_MINUTES after the last request (idle limit), whichever comes first.

The expiry date written to the session table is that earlier moment, so Django itself refuses an expired session and
``clear_expired`` (run by ``zeroerror tick``) deletes idle ones too. The cookie still ends with the browser.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.backends import db
from django.utils import timezone

LOGIN_AT = "zeroerror_login_at"
SEEN_AT = "zeroerror_seen_at"


def _moment(value) -> datetime | None:
    return datetime.fromtimestamp(value, tz=timezone.get_current_timezone()) if value is not None else None


class SessionStore(db.SessionStore):
    def get_expiry_date(self, **kwargs) -> datetime:
        default = super().get_expiry_date(**kwargs)
        login_at, seen_at = _moment(self.get(LOGIN_AT)), _moment(self.get(SEEN_AT))
        if login_at is None:
            return default
        ends = login_at + timedelta(seconds=settings.SESSION_COOKIE_AGE)
        idle_ends = (seen_at or login_at) + timedelta(seconds=settings.SESSION_IDLE_SECONDS)
        return min(ends, idle_ends)
