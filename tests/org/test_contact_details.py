"""访问控制 / 数据保密性: colleagues' mobile numbers and e-mail are shown only to leaders, the office and the person's
own department (ZEROERROR_CONTACTS_VISIBLE_TO); the directory itself stays open."""

import pytest

from zeroerror.org.models import Person

PHONE = "13900001234"


@pytest.fixture
def charlie_phone(org):
    Person.objects.filter(pk=org.charlie.pk).update(phone=PHONE, email="charlie@example.org")
    return org.charlie


@pytest.mark.parametrize("who, sees", [
    ("charlie", True),  # himself
    ("medhead", True),  # his department
    ("alice", True),  # the office
    ("director", True),
    ("leo", True),  # a leader
    ("principal", True),
    ("admin", False),  # information department
    ("auditor", False),
])
def test_it_shows_contact_details_only_to_leaders_the_office_and_the_department(org, login, charlie_phone, who, sees):
    client = login(getattr(org, who))
    for url in (f"/org/people/{org.charlie.pk}/", "/org/people/", f"/org/departments/{org.medical.pk}/"):
        page = client.get(url).content.decode()
        assert org.charlie.name in page, url
        assert (PHONE in page) is sees, (who, url)
    assert ("charlie@example.org" in client.get(f"/org/people/{org.charlie.pk}/").content.decode()) is sees


def test_the_scope_is_configurable(org, login, charlie_phone, settings):
    settings.CONTACTS_VISIBLE_TO = frozenset({"leaders"})
    assert PHONE not in login(org.alice).get(f"/org/people/{org.charlie.pk}/").content.decode()
    assert PHONE in login(org.leo).get(f"/org/people/{org.charlie.pk}/").content.decode()
    settings.CONTACTS_VISIBLE_TO = frozenset({"everyone"})
    assert PHONE in login(org.admin).get("/org/people/").content.decode()
