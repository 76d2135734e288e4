"""iCalendar (RFC 5545) files: one meeting, or a person's schedule, for Outlook, the phone's calendar, WPS.
Pure Python, no Django: the caller passes plain events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime  # aware
    end: datetime
    summary: str
    location: str = ""
    description: str = ""
    url: str = ""
    cancelled: bool = False
    sequence: int = 0  # raised when the meeting is rescheduled, so calendars replace the old time


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("ics times must be aware")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1); never inside a
    UTF-8 character."""
    out, current = [], ""
    for ch in line:
        limit = 75 if not out else 74
        if len((current + ch).encode()) > limit:
            out.append(current)
            current = ""
        current += ch
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def calendar(events: Iterable[Event], *, name: str, stamp: datetime) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zeroerror//零差错办公管理系统//ZH", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(name)}", "X-WR-TIMEZONE:Asia/Shanghai"]
    for e in events:
        lines += ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{_utc(stamp)}", f"DTSTART:{_utc(e.start)}",
                  f"DTEND:{_utc(e.end)}", f"SUMMARY:{_escape(e.summary)}", f"SEQUENCE:{e.sequence}",
                  f"STATUS:{'CANCELLED' if e.cancelled else 'CONFIRMED'}"]
        if e.location:
            lines.append(f"LOCATION:{_escape(e.location)}")
        if e.description:
            lines.append(f"DESCRIPTION:{_escape(e.description)}")
        if e.url:
            lines.append(f"URL:{e.url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n").encode()
