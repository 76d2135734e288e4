"""In-app notifications, with an e-mail copy sent after the transaction commits."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Model

from zeroerror.org.models import Person
from zeroerror.tracking import sources
from zeroerror.tracking.models import Notification


def notify(recipients: Iterable[Person | None], title: str, *, url: str = "", body: str = "",
           about: Model | None = None) -> list[Notification]:
    """Create notifications inside the caller's transaction (the caller's action writes the audit record).

    ``about`` is the object the notification concerns (a model registered in ``tracking.sources``): a recipient
    who may not see it gets the notification without the link, in the page and in the e-mail."""
    created = []
    seen = set()
    about_type = ContentType.objects.get_for_model(about) if about is not None else None
    for person in recipients:
        if person is None or person.pk in seen or not person.active:
            continue
        seen.add(person.pk)
        link = url if about is None or sources.can_see(person, about) else ""
        created.append(Notification.objects.create(
            recipient=person, title=title[:200], body=body, url=link, about_type=about_type,
            about_id=about.pk if about is not None else None))
    emails = [(n.pk, n.recipient.email, n.url) for n in created if n.recipient.email]
    if emails:
        transaction.on_commit(lambda: _send_emails(emails, title, body))
    return created


def followable(person: Person, rows: list[Notification]) -> list[Notification]:
    """Blank the link of every notification whose object ``person`` may no longer see (moved department, route
    withdrawn): a notification never offers a link that answers 404. One query per source type on the page."""
    shown = sources.links(person, [(n.about_type_id, n.about_id, "") for n in rows])
    for n in rows:
        if n.about_type_id is not None and not shown[(n.about_type_id, n.about_id)].url:
            n.url = ""
    return rows


def _send_emails(targets: list[tuple[int, str, str]], title: str, body: str) -> None:
    sent_ids = []
    for pk, address, url in targets:
        link = settings.SITE_URL + url if url.startswith("/") else url
        text = body + (f"\n\n链接：{link}" if url else "")
        try:
            send_mail(f"【零差错】{title}", text or title, settings.DEFAULT_FROM_EMAIL, [address])
        except OSError:
            continue  # the in-app notification stands; mail is a copy
        sent_ids.append(pk)
    Notification.objects.filter(pk__in=sent_ids).update(emailed=True)
