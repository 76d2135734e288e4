"""In-app notifications, with an e-mail copy sent after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from zeroerror.org.models import Person
from zeroerror.tracking.models import Notification


def notify(recipients: Iterable[Person | None], title: str, *, url: str = "", body: str = "") -> list[Notification]:
    """Create notifications inside the caller's transaction (the caller's action writes the audit record)."""
    created = []
    seen = set()
    for person in recipients:
        if person is None or person.pk in seen or not person.active:
            continue
        seen.add(person.pk)
        created.append(Notification.objects.create(recipient=person, title=title[:200], body=body, url=url))
    emails = [(n.pk, n.recipient.email) for n in created if n.recipient.email]
    if emails:
        transaction.on_commit(lambda: _send_emails(emails, title, body, url))
    return created


def _send_emails(targets: list[tuple[int, str]], title: str, body: str, url: str) -> None:
    link = settings.SITE_URL + url if url.startswith("/") else url
    text = body + (f"\n\n链接：{link}" if url else "")
    sent_ids = []
    for pk, address in targets:
        try:
            send_mail(f"【零差错】{title}", text or title, settings.DEFAULT_FROM_EMAIL, [address])
        except OSError:
            continue  # the in-app notification stands; mail is a copy
        sent_ids.append(pk)
    Notification.objects.filter(pk__in=sent_ids).update(emailed=True)
