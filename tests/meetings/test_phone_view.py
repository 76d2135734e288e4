"""Issue 11 item 7: on a phone an invitee sees the meeting and the reply form first, with large targets, and no
staff-only warnings; the sign-in desk page does not scroll sideways (screenshots at 390×844 in the report)."""

from pathlib import Path

import pytest

from tests.meetings.conftest import starting_soon

CSS = Path(__file__).resolve().parents[2] / "zeroerror" / "meetings" / "static" / "meetings" / "meetings.css"


@pytest.mark.clause("一(二)3")
def test_it_an_invitee_sees_the_meeting_and_the_reply_form_first(org, rooms, login, notified):
    meeting = notified(room=rooms.hall)  # a large room without a seating chart: a staff-only warning exists
    page = login(org.charlie).get(f"/meetings/{meeting.pk}/").content.decode()
    main = page[page.index("<main"):]
    reply = main.index('id="reply"')
    assert main.index('id="my-meeting"') < reply < main.index('class="stats"') < main.index("参会人员与回执")
    assert reply < main.index("会议目的")  # the plan's details come after the form
    assert "请生成座位表" not in page  # staff-only
    assert page.count('class="reply-choices"') == 1 and page.count('type="radio"') == 3
    assert 'class="wide big"' in main[reply:main.index("</form>", reply)]
    staff = login(org.alice).get(f"/meetings/{meeting.pk}/").content.decode()
    assert "请生成座位表" in staff


def test_the_targets_are_large_and_long_links_wrap():
    css = CSS.read_text(encoding="utf-8")
    assert ".reply-choices label {" in css and "min-height: 48px" in css
    assert ".reply-choices input[type=radio] { width: 24px; height: 24px;" in css
    assert ".wrap-anywhere { overflow-wrap: anywhere;" in css


def test_the_desk_page_puts_the_link_in_a_wrapping_span_and_the_qr_scales(org, login, notified):
    meeting = starting_soon(notified())
    page = login(org.alice).get(f"/meetings/{meeting.pk}/signin/desk/").content.decode()
    assert '<span class="mono wrap-anywhere">http' in page
    assert 'width="240"' not in page and '<div class="qr-code"' in page
