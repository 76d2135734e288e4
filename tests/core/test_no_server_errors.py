"""Every page answers a signed-in person of each role without a server error, on the demo unit's data."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from tests.core.test_default_deny import ROUTES, concrete

PERSONAS = ["zhengxiao", "liuyang", "songjia", "huanglei"]  # staff, office director, 绩效办, another head


def test_no_page_fails_for_any_role(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    failures = []
    for username in PERSONAS:
        client = Client(raise_request_exception=False)
        client.force_login(get_user_model().objects.get(username=username))
        for route in ROUTES:
            for pk in ("1", "999999"):
                url = concrete(route).replace("/1/", f"/{pk}/")
                response = client.get(url)
                if response.status_code >= 500:
                    failures.append(f"{username} {url} → {response.status_code}")
    assert failures == []
