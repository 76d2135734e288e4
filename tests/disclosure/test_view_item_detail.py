"""Who sees an item and what derives from it: the office, the 保密审查员, leaders and the unit-wide roles see every
item of their unit; anyone else their own and their department's; another unit nothing."""

import pytest

from tests.refusals import refusal
from zeroerror.tracking.models import TrackedItem


@pytest.mark.clause("一(四)1")
def test_the_office_reviewer_leaders_and_auditors_see_every_item_of_the_unit(org, login, rita, make_item):
    item = make_item(by=org.charlie, title="医务科专家门诊排班公告")
    for person in (org.alice, org.director, rita, org.leo, org.principal, org.auditor, org.charlie, org.medhead):
        page = login(person).get(f"/disclosure/items/{item.pk}/")
        assert page.status_code == 200, person
        assert "医务科专家门诊排班公告" in page.content.decode()


def test_others_see_only_their_own_and_their_departments_items(org, login, make_item):
    office_item = make_item(by=org.alice, title="院办公室公告")
    assert refusal(login(org.charlie).get(f"/disclosure/items/{office_item.pk}/")) == (404, "")
    assert refusal(login(org.medhead).get(f"/disclosure/items/{office_item.pk}/")) == (404, "")
    listing = login(org.charlie).get("/disclosure/items/").content.decode()
    assert "院办公室公告" not in listing
    # the tracked item of the deadline follows the item
    tracked = TrackedItem.objects.for_source(office_item).get()
    assert TrackedItem.objects.visible_to(org.director).filter(pk=tracked.pk).exists()
    assert not TrackedItem.objects.visible_to(org.charlie).filter(pk=tracked.pk).exists()


def test_another_unit_sees_nothing(org, other_unit, login, make_item, rita):
    item = make_item(title="院办公室公告")
    for person in (other_unit.director, other_unit.principal, other_unit.auditor, other_unit.staff):
        client = login(person)
        assert refusal(client.get(f"/disclosure/items/{item.pk}/")) == (404, "")
        assert refusal(client.post(f"/disclosure/items/{item.pk}/submit/")) == (404, "")
        assert "院办公室公告" not in client.get("/disclosure/items/").content.decode()
        assert "院办公室公告" not in client.get("/disclosure/").content.decode()


def test_non_numeric_or_unknown_ids_are_not_found(org, login):
    client = login(org.alice)
    assert client.get("/disclosure/items/abc/").status_code == 404
    assert client.get("/disclosure/items/99999999999999999999/").status_code == 404
