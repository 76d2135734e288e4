"""The weekly sheet of cleaning rounds, on the page and as .xlsx."""

import io
from datetime import timedelta

from django.utils import timezone
from openpyxl import load_workbook

from tests.pages import assert_shown, page
from zeroerror.facilities import actions
from zeroerror.facilities.models import CleaningRound, RoundKind, RoundStatus


def test_the_week_shows_done_and_missed_rounds(org, login, places, started_round):
    actions.do_tick_round(started_round, done_at=timezone.now(), actor=org.bob.user)
    yesterday = timezone.now() - timedelta(days=1)
    CleaningRound.objects.create(place=places.office, kind=RoundKind.DAILY, starts_at=yesterday,
                                 due_at=yesterday + timedelta(hours=1), status=RoundStatus.MISSED)
    client = login(org.alice)
    _, html = page(client, "/facilities/week/", {"week": (timezone.localdate() - timedelta(days=1)).isoformat()})
    if timezone.localdate().weekday() != 0:  # yesterday is in this week
        assert_shown(html, ["三楼小会议室", "院长办公室", "✓", "鲍勃", "✗未做"])
    _, html = page(client, "/facilities/week/")
    assert_shown(html, ["保洁周表", "三楼小会议室", "鲍勃"])


def test_bad_week_parameters_fall_back_to_this_week(org, login, places):
    client = login(org.alice)
    for week in ("0000-01-01", "9999-12-31", "abc", "2026-02-30"):
        assert client.get("/facilities/week/", {"week": week}).status_code == 200


def test_the_xlsx_is_the_same_sheet(org, login, places, started_round):
    actions.do_tick_round(started_round, done_at=timezone.now(), note="=cmd", actor=org.bob.user)
    response = login(org.alice).get("/facilities/week/", {"export": "xlsx"})
    ws = load_workbook(io.BytesIO(response.content)).active
    assert "保洁周表" in ws["A1"].value
    assert ws["A2"].value == "场所" and ws["B2"].value.endswith("周一")
    names = [ws.cell(row=r, column=1).value for r in range(3, ws.max_row + 1)]
    assert names == ["院长办公室", "三楼小会议室"]
    day = timezone.localdate().weekday()
    assert "✓" in ws.cell(row=4, column=2 + day).value and "鲍勃" in ws.cell(row=4, column=2 + day).value


def test_someone_off_the_rota_gets_an_empty_sheet(org, login, places):
    _, html = page(login(org.charlie), "/facilities/week/")
    assert "三楼小会议室" not in html and "没有可查看的保洁场所。" in html
