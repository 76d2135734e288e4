"""Places and their rota, managed by the office; visitors recorded."""

import pytest
from django.utils import timezone

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.facilities.models import CleaningRound, Place


def test_the_office_registers_a_place_with_its_rota(org, login):
    client = login(org.alice)
    response = client.post("/facilities/places/new/", {
        "name": "一楼接待室", "kind": "reception_room", "daily_slots": "08:30", "cleaners": [org.bob.pk]})
    assert response.status_code == 302
    place = Place.objects.get(name="一楼接待室")
    assert place.daily_slots == ["08:30"] and list(place.cleaners.all()) == [org.bob]
    _, html = page(client, "/facilities/places/")
    assert_shown(html, ["一楼接待室", "接待室", "08:30", "鲍勃"])


@pytest.mark.clause("一(八)2")
def test_a_leaders_office_cleaned_once_a_day_is_refused(org, login):
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/facilities/places/new/", {
            "name": "院长办公室", "kind": "leader_office", "daily_slots": "08:00", "cleaners": [org.bob.pk]})
    assert "领导办公室每日至少打扫两次（一(八)2）。" in response.content.decode()


def test_others_cannot_manage_places(org, login, places):
    client = login(org.charlie)
    with nothing_changes():
        response = client.post("/facilities/places/new/", {"name": "x", "kind": "meeting_room",
                                                           "cleaners": [org.bob.pk]})
    assert refusal(response) == (403, "只有办公室可以管理保洁场所和轮值表。")
    assert client.get(f"/facilities/places/{places.room.pk}/").status_code == 404


def test_the_office_edits_the_rota(org, login, places):
    client = login(org.alice)
    client.post(f"/facilities/places/{places.office.pk}/", {
        "name": "院长办公室", "kind": "leader_office", "daily_slots": "07:30，13:30", "occupant": org.principal.pk,
        "cleaners": [org.bob.pk, org.alice.pk], "active": "on"})
    places.office.refresh_from_db()
    assert places.office.daily_slots == ["07:30", "13:30"] and places.office.cleaners.count() == 2


@pytest.mark.clause("一(八)2")
def test_the_leader_records_a_visitor(org, login, places):
    client = login(org.principal)
    client.post(f"/facilities/places/{places.office.pk}/visit/", {
        "ended_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "visitor": "市卫健委检查组"})
    assert CleaningRound.objects.get().reason == "来访：市卫健委检查组"
