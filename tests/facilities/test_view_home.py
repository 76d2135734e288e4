"""The 环境 home: today's rounds, missed ones, the places, and the area's items and 差错."""

from datetime import timedelta

from django.utils import timezone

from tests.pages import assert_shown, page
from zeroerror.facilities import actions
from zeroerror.facilities.models import CleaningRound, RoundKind


def test_the_office_sees_todays_rounds(org, login, places, started_round):
    _, html = page(login(org.alice), "/facilities/")
    assert_shown(html, ["今日保洁", "三楼小会议室", "日常保洁", "待清扫", "院长办公室", "07:50、14:10", "鲍勃",
                        "本领域督办事项", "会议室和接待室等场所卫生要一日一清"])


def test_the_area_link_leads_here(org, login):
    assert login(org.charlie).get("/area/facilities/")["Location"] == "/facilities/"


def test_the_page_does_a_constant_number_of_queries(org, login, places):
    client = login(org.alice)
    page(client, "/facilities/")
    one, _ = page(client, "/facilities/")
    now = timezone.now()
    for i in range(8):
        CleaningRound.objects.create(place=places.office, kind=RoundKind.AFTER_VISIT,
                                     starts_at=timezone.localtime(now).replace(hour=0, minute=0) + timedelta(seconds=i + 1), due_at=now, reason=f"来访{i}")
    many, html = page(client, "/facilities/")
    assert many == one
    assert_shown(html, [f"来访{i}" for i in range(8)])


def test_someone_off_the_rota_sees_no_rounds(org, login, places, started_round, other_unit):
    _, html = page(login(org.charlie), "/facilities/")
    assert "三楼小会议室" not in html and "今日没有保洁任务。" in html
    _, html = page(login(other_unit.director), "/facilities/")
    assert "三楼小会议室" not in html
    assert login(org.charlie).get(f"/facilities/rounds/{started_round.pk}/").status_code == 404
    assert login(other_unit.director).get(f"/facilities/rounds/{started_round.pk}/").status_code == 404


def test_a_leader_sees_the_rounds_of_their_office(org, login, places, started_round):
    office = actions.do_create_place(name="李副院长办公室", kind="leader_office", occupant=org.leo, cleaners=[org.bob],
                                     actor=org.alice.user)
    now = timezone.now()
    CleaningRound.objects.create(place=office, kind=RoundKind.DAILY, starts_at=now - timedelta(minutes=5),
                                 due_at=now + timedelta(hours=1))
    _, html = page(login(org.leo), "/facilities/")
    assert "李副院长办公室" in html and "三楼小会议室" not in html
