"""The meeting list: filters, visibility, and a constant number of queries."""

from datetime import timedelta

from tests.meetings.conftest import later
from tests.pages import assert_shown, page
from zeroerror.meetings.actions import do_submit_meeting


def test_it_lists_upcoming_meetings_with_their_counts(org, login, notified):
    notified()
    html = login(org.alice).get("/meetings/").content.decode()
    assert "季度工作例会" in html and "三楼小会议室" in html and "已批准" in html


def test_it_hides_meetings_the_person_has_no_part_in(org, login, make_meeting):
    make_meeting(title="办公室内部会", attendees=[org.alice, org.bob])
    assert "办公室内部会" not in login(org.charlie).get("/meetings/?show=all").content.decode()
    assert "办公室内部会" in login(org.director).get("/meetings/?show=all").content.decode()


def test_the_approval_filter_shows_what_waits_for_me(org, login, make_meeting):
    meeting = make_meeting(title="待批的会")
    make_meeting(title="草稿的会", start_at=later(days=11), end_at=later(days=11, hours=1))
    do_submit_meeting(meeting, actor=org.alice.user)
    html = login(org.leo).get("/meetings/?show=approval").content.decode()
    assert "待批的会" in html and "草稿的会" not in html
    assert "待批的会" not in login(org.bob).get("/meetings/?show=approval").content.decode()


def test_the_list_does_a_constant_number_of_queries(org, login, make_meeting, rooms):
    client = login(org.director)
    make_meeting()
    one, _ = page(client, "/meetings/", {"show": "all"})
    for i in range(12):
        start = later(days=12 + i)
        make_meeting(title=f"会议{i}", start_at=start, end_at=start + timedelta(hours=1),
                     room=rooms.hall if i % 2 else rooms.small, organiser=org.bob if i % 3 else org.alice)
    many, html = page(client, "/meetings/", {"show": "all"})
    assert many == one
    assert_shown(html, ["季度工作例会", *(f"会议{i}" for i in range(12))])
