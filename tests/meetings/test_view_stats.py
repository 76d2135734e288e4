"""Clause 一(二)1 (精简会议): meetings per month per organiser, with their size."""

from datetime import timedelta

import pytest

from tests.meetings.conftest import later
from tests.pages import assert_shown, page


@pytest.mark.clause("一(二)1")
def test_it_counts_meetings_per_month_per_organiser(org, login, make_meeting):
    start = later(days=10)
    make_meeting(start_at=start, end_at=start + timedelta(hours=1), weeks=2)
    make_meeting(organiser=org.bob, title="鲍勃的会", start_at=start + timedelta(hours=3),
                 end_at=start + timedelta(hours=4))
    html = login(org.director).get("/meetings/stats/").content.decode()
    alice_row = html.split("<td>艾丽</td>", 1)[1].split("</tr>", 1)[0]
    assert "<b>2</b>" in alice_row and "4.0" in alice_row
    assert "<td>鲍勃</td>" in html


def test_the_page_does_a_constant_number_of_queries(org, login, make_meeting, rooms):
    client = login(org.director)
    make_meeting()
    one, _ = page(client, "/meetings/stats/")
    for i in range(8):
        start = later(days=12 + i)
        make_meeting(title=f"会{i}", start_at=start, end_at=start + timedelta(hours=1),
                     organiser=org.bob if i % 2 else org.dora)
    many, html = page(client, "/meetings/stats/")
    assert many == one
    assert_shown(html, [f"<td>{p.name}</td>" for p in (org.alice, org.bob, org.dora)])
