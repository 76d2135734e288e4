"""No 500 for anything a person can type: every form and query parameter of every page the demo unit's people reach,
posted with boundary values (year 0 / 99999, dates 0001-01-01 / 9999-12-31, ids past 64 bits, text where numbers go,
5,000 characters) and with hypothesis' random values, as each role; and every object URL with huge ids.

Not yet in CI (named fuzz_*.py, so the suite does not collect it): on this machine it takes minutes. Run it with
`.venv/bin/pytest tests/core/fuzz_no_500.py`. The inputs it found answering 500 are pinned in test_bad_input.py.
Bounded: ZEROERROR_FUZZ_EXAMPLES (default 1) random passes, each sending every role up to
FORMS_PER_ROLE forms. ZEROERROR_FUZZ_VERBOSE=1 prints each failure as it is found."""

import os
import sys

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.accounts.helpers import signed_in
from tests.core.fuzzing import BOUNDARY, HUGE_IDS, crawl, distinct, plausible, query_forms, typed_values
from tests.core.test_default_deny import ROUTES, concrete

# The people whose pages are crawled for forms (between them they reach every page), and every role besides.
CRAWLERS = ["liuyang", "songjia", "yuangang"]
ROLES = {
    "一般工作人员": "zhengxiao", "办公室主任": "liuyang", "科室负责人": "huanglei", "分管领导": "liwenhua",
    "院长": "wangjianguo", "绩效办负责人": "songjia", "督查组成员": "hanxue", "纪检监察室": "caoyang",
    "系统管理员": "yuangang", "安全管理员": "jiangli", "审计管理员": "xiewen", "信息科职员": "luoqi",
}
# Shapes that reach a different parser than the page's default: past 64 bits, the calendar's ends, not a number.
FIELD_VALUES = {"number": "99999999999999999999999", "date": "9999-12-31T23:59"}
EXAMPLES = int(os.environ.get("ZEROERROR_FUZZ_EXAMPLES", "1"))
FORMS_PER_ROLE = 4
FREE_TEXT = ("text", "textarea", "search", "password")
VERBOSE = bool(os.environ.get("ZEROERROR_FUZZ_VERBOSE"))


def client_of(username: str) -> Client:
    return signed_in(Client(raise_request_exception=False), get_user_model().objects.get(username=username))


def send(client, form, data, failures, who):
    response = (client.get if form.method == "get" else client.post)(form.url, data)
    if response.status_code >= 500:
        shown = {k: (v[:40] + "…" if len(v) > 40 else v) for k, v in data.items() if k != "csrfmiddlewaretoken"}
        failure = f"{who} {form.method.upper()} {form.url} {shown} → {response.status_code}"
        if VERBOSE and failure not in failures:
            print(failure, file=sys.stderr)
        failures.add(failure)


def found_forms():
    """Every distinct form, with the first of CRAWLERS who reached it (who may use it, so it is checked deeply)."""
    found = {}
    for username in CRAWLERS:
        client = client_of(username)
        pages, forms = crawl(client, per_route=1, limit=60)
        for form in distinct(forms + query_forms(pages)):
            found.setdefault((form.route, form.method, tuple(sorted(form.fields))), (username, client, form))
    return list(found.values())


def test_no_form_or_query_parameter_answers_500_for_any_value_or_role(db):
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    failures: set[str] = set()
    found = found_forms()
    for username, client, form in found:
        base = plausible(form)
        send(client, form, base, failures, username)
        for value in BOUNDARY:  # every field at once
            send(client, form, dict.fromkeys(base, value), failures, username)
        for name in base:  # one field at a time, the rest filled in sensibly (free text: the pass above)
            kind = form.types.get(name, "text")
            if name != "csrfmiddlewaretoken" and kind not in FREE_TEXT:
                value = FIELD_VALUES["date" if kind.startswith("date") else "number"]
                send(client, form, {**base, name: value}, failures, username)
    forms = [form for _, _, form in found]
    clients = {role: client_of(username) for role, username in ROLES.items()}

    @settings(max_examples=EXAMPLES, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def every_role_random_values(data):
        for role, client in clients.items():
            for form in data.draw(st.lists(st.sampled_from(forms), min_size=1, max_size=FORMS_PER_ROLE, unique=True)):
                values = data.draw(st.fixed_dictionaries({name: typed_values() for name in form.fields}))
                send(client, form, values, failures, role)

    every_role_random_values()
    assert len(forms) > 30, "the crawler found too few forms"
    assert sorted(failures) == []


def test_no_object_url_answers_500_for_a_huge_or_zero_id(db):
    call_command("demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    failures = []
    for username in ("liuyang",):
        client = client_of(username)
        for route in ROUTES:
            if "<int:" not in route:
                continue
            for pk in HUGE_IDS:
                url = concrete(route).replace("/1/", f"/{pk}/")
                for method in (client.get, client.post):
                    response = method(url)
                    if response.status_code >= 500:
                        failures.append(f"{username} {method.__name__.upper()} {url} → {response.status_code}")
    assert failures == []
