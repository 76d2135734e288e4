from tests.meetings.conftest import later
from tests.pages import assert_shown, page


def test_it_shows_the_week_by_room(org, login, make_meeting, rooms):
    meeting = make_meeting()
    week = meeting.start_at.date().isoformat()
    html = login(org.bob).get(f"/meetings/calendar/?week={week}").content.decode()
    assert "一楼大会议室" in html and "三楼小会议室" in html and "季度工作例会" in html
    assert "季度工作例会" not in login(org.bob).get(f"/meetings/calendar/?week={later(days=40).date()}").content.decode()


def test_a_bad_week_falls_back_to_this_week(org, login, rooms):
    assert login(org.bob).get("/meetings/calendar/?week=nonsense").status_code == 200


def test_the_week_does_a_constant_number_of_queries(org, login, make_meeting, rooms):
    from datetime import timedelta

    first = make_meeting()
    week = first.start_at.date().isoformat()
    client = login(org.director)
    one, _ = page(client, "/meetings/calendar/", {"week": week})
    for i in range(1, 8):
        start = first.start_at + timedelta(hours=2 * i)
        make_meeting(title=f"会{i}", start_at=start, end_at=start + timedelta(hours=1), room=rooms.hall)
    many, html = page(client, "/meetings/calendar/", {"week": week})
    assert many == one
    assert_shown(html, [first.title, *(f"会{i}" for i in range(1, 8))])
