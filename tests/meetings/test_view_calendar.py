from tests.meetings.conftest import later


def test_it_shows_the_week_by_room(org, login, make_meeting, rooms):
    meeting = make_meeting()
    week = meeting.start_at.date().isoformat()
    html = login(org.bob).get(f"/meetings/calendar/?week={week}").content.decode()
    assert "一楼大会议室" in html and "三楼小会议室" in html and "季度工作例会" in html
    assert "季度工作例会" not in login(org.bob).get(f"/meetings/calendar/?week={later(days=40).date()}").content.decode()


def test_a_bad_week_falls_back_to_this_week(org, login, rooms):
    assert login(org.bob).get("/meetings/calendar/?week=nonsense").status_code == 200
