"""What the input fuzz test needs: a crawler that finds every page a person can reach from the home page and the
forms and query parameters on them, and the values a person might type into any of them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.urls import Resolver404, resolve
from hypothesis import strategies as st

# Typed values that once answered 500 somewhere, and their neighbours: years and dates at the ends of the calendar,
# ids past 64 bits, text where numbers go, long text, control characters, full-width digits.
BOUNDARY = ["0", "99999", "9223372036854775808", "0001-01-01", "9999-12-31T23:59", "abc", "x" * 5000, "１２\x00"]
HUGE_IDS = ["9223372036854775808", "99999999999999999999999"]

# Leaving these would end the session under test or are not pages (files are fetched, not crawled).
SKIP_PATHS = re.compile(r"^/(logout/|static/|admin/|files/)|\.(pdf|docx|xlsx|zip|ics)$")


def typed_values() -> st.SearchStrategy[str]:
    """Anything a person could type or a tampered form could send."""
    return st.one_of(
        st.sampled_from(BOUNDARY),
        st.integers(min_value=-(10**30), max_value=10**30).map(str),
        st.dates().map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M")),
        st.text(max_size=300),
    )


@dataclass
class Form:
    url: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → values the page offers (first = default)
    types: dict[str, str] = field(default_factory=dict)  # name → input type (text, date, number, select …)

    @property
    def route(self) -> str:
        return route_of(self.url)


class PageParser(HTMLParser):
    def __init__(self, base: str):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        elif tag == "form":
            self._form = Form(urljoin(self.base, a.get("action") or self.base), (a.get("method") or "get").lower())
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select", "button") and a.get("name"):
            if a.get("type") == "file":
                return
            values = self._form.fields.setdefault(a["name"], [])
            self._form.types.setdefault(a["name"], tag if tag != "input" else a.get("type", "text"))
            if tag == "select":
                self._select = a["name"]
            elif a.get("type") not in ("checkbox", "radio") or "checked" in a or not values:
                values.append(a.get("value", ""))
        elif tag == "option" and self._form is not None and self._select:
            self._form.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


PLAUSIBLE = {"date": "2026-12-01", "datetime-local": "2026-12-01T09:00", "number": "1", "month": "2026-11",
             "week": "2026-W48", "time": "09:00", "email": "a@example.com", "tel": "13800000000"}


def plausible(form: Form) -> dict[str, str]:
    """A filled-in form: what the page offers, and a sensible value where it offers nothing (so that a changed
    field is checked past the other fields' validation)."""
    data = {}
    for name, values in form.fields.items():
        kind = form.types.get(name, "text")
        offered = [v for v in values if v]
        if offered:
            data[name] = offered[0]
        elif kind in PLAUSIBLE:
            data[name] = PLAUSIBLE[kind]
        elif kind in ("text", "textarea", "search"):
            data[name] = "测试内容"
        else:
            data[name] = ""
    return data


def route_of(url: str) -> str:
    try:
        return resolve(urlsplit(url).path).route
    except Resolver404:
        return ""


def crawl(client, start: str = "/", *, limit: int = 400, per_route: int = 2) -> tuple[list[str], list[Form]]:
    """The pages reachable from ``start`` (at most ``per_route`` of each route) and the forms on them."""
    seen: set[str] = set()
    routes: dict[str, int] = {}
    queue = [start]
    pages, forms = [], []
    while queue and len(pages) < limit:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.netloc not in ("", "testserver") or url in seen or SKIP_PATHS.search(parts.path):
            continue
        seen.add(url)
        route = route_of(url)
        if not route and parts.path != "/":
            continue
        if routes.get(route, 0) >= per_route:
            continue
        routes[route] = routes.get(route, 0) + 1
        response = client.get(url)
        pages.append(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser(url)
        parser.feed(response.content.decode(errors="replace"))
        queue += [link.split("#")[0] for link in parser.links]
        forms += parser.forms
    return pages, forms


def query_forms(pages: list[str]) -> list[Form]:
    """Each page with a query string as a GET form of its parameters (filters, months, years, pages)."""
    found = []
    for url in pages:
        parts = urlsplit(url)
        if parts.query:
            fields: dict[str, list[str]] = {}
            for key, value in parse_qsl(parts.query, keep_blank_values=True):
                fields.setdefault(key, []).append(value)
            found.append(Form(parts.path, "get", fields))
    return found


def distinct(forms: list[Form]) -> list[Form]:
    """One form per (route, method, field names): the same form on another object adds nothing."""
    unique: dict[tuple, Form] = {}
    for form in forms:
        if not SKIP_PATHS.search(urlsplit(form.url).path):
            unique.setdefault((form.route, form.method, tuple(sorted(form.fields))), form)
    return list(unique.values())
