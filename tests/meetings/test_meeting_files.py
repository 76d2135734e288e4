"""Issue 11 6(k): the notice as a 公文 .docx in the 通知 layout, the minutes as a 纪要 .docx, .ics of a meeting and
of a leader's schedule, the A4 poster for the door. Opened and checked, not just produced."""

import io
import shutil
import subprocess

import pytest

from tests.meetings.conftest import later, started
from tests.meetings.test_printing import page_sizes, words
from zeroerror.audit.models import AuditRecord
from zeroerror.meetings.actions import do_add_decision, do_record_minutes, do_record_reply, do_record_signin
from zeroerror.meetings.models import Invitation, Reply


def docx_text(data: bytes) -> str:
    from docx import Document

    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_the_notice_is_a_gongwen_with_the_number_left_for_the_numbering(org, notified, login):
    meeting = notified(agenda="一、通报季度工作\n二、部署下季度工作")
    response = login(org.alice).get(f"/meetings/{meeting.pk}/notice.docx")
    assert response.status_code == 200
    text = docx_text(response.content)
    assert "关于召开季度工作例会的通知" in text
    assert f"〔{later(days=10).year}〕×号" in text  # the 发文字号 is given by the 发文 numbering
    for part in ("一、会议时间", "二、会议地点", "三、参会人员", "四、会议议程", "（一）通报季度工作", "（二）部署下季度工作",
                 "五、有关要求", "联系人：艾丽"):
        assert part in text, part
    assert AuditRecord.objects.filter(action="meetings.meeting.export", changes__file="notice-docx").exists()
    assert login(org.charlie).get(f"/meetings/{meeting.pk}/notice.docx").status_code == 403  # an invitee


def test_the_minutes_are_a_jiyao_with_who_attended(org, notified):
    from django.test import Client

    meeting = notified()
    do_record_reply(Invitation.objects.get(meeting=meeting, person=org.dora), Reply.ABSENT, reason="外出",
                    actor=org.dora.user)
    meeting = started(meeting, minutes_ago=10)
    do_record_signin(meeting, org.bob, actor=org.bob.user)
    do_record_minutes(meeting, "会议通报了季度工作。\n会议部署了下季度工作。", actor=org.alice.user)
    do_add_decision(meeting, text="完成年度总结", owner=org.bob, due_at=later(days=20), actor=org.alice.user)
    client = Client()
    client.force_login(org.alice.user)
    data = client.get(f"/meetings/{meeting.pk}/minutes.docx").content
    text = docx_text(data)
    assert "会议纪要" in text and "季度工作例会纪要" in text
    assert "出席：鲍勃" in text.replace("\u3000", "") or "鲍勃" in text
    assert "朵拉" in text and "会议通报了季度工作。" in text and "完成年度总结" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_notice_renders_in_libreoffice(org, notified, tmp_path):
    from django.test import Client

    meeting = notified()
    client = Client()
    client.force_login(org.alice.user)
    (tmp_path / "notice.docx").write_bytes(client.get(f"/meetings/{meeting.pk}/notice.docx").content)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "notice.docx")], capture_output=True, timeout=180, check=True)
    text = "".join(t for t, _x, _y in words((tmp_path / "notice.pdf").read_bytes()))
    assert "关于召开季度工作例会的通知" in text and "会议时间" in text


def test_a_meeting_exports_as_ics(org, notified, login, settings):
    settings.SITE_URL = "https://oa.example.org"
    meeting = notified(title="季度工作例会,第一次;总结")
    body = login(org.bob).get(f"/meetings/{meeting.pk}/meeting.ics").content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    unfolded = body.replace("\r\n ", "")
    assert f"UID:meeting-{meeting.pk}@oa.example.org" in unfolded
    assert f"DTSTART:{meeting.start_at.astimezone(__import__('datetime').UTC):%Y%m%dT%H%M%SZ}" in unfolded
    assert "SUMMARY:季度工作例会\\,第一次\\;总结" in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert login(org.auditor).get(f"/meetings/{meeting.pk}/meeting.ics").status_code == 200  # unit-wide
    assert login(org.admin).get(f"/meetings/{meeting.pk}/meeting.ics").status_code == 404


def test_a_leaders_schedule_is_for_the_leader_and_the_office_only(org, notified, login, rooms):
    notified(title="安全生产会", attendees=[org.alice, org.leo])
    notified(title="医疗质量分析会", room=rooms.hall, attendees=[org.alice, org.leo, org.bob])
    mine = login(org.leo).get(f"/meetings/people/{org.leo.pk}/schedule.ics").content.decode()
    assert mine.count("BEGIN:VEVENT") == 2 and "安全生产会" in mine
    assert login(org.alice).get(f"/meetings/people/{org.leo.pk}/schedule.ics").status_code == 200  # office
    assert login(org.charlie).get(f"/meetings/people/{org.leo.pk}/schedule.ics").status_code == 404
    assert AuditRecord.objects.filter(action="meetings.schedule.export").count() == 2


def test_the_door_poster_is_an_a4_page_with_a_qr_code_of_the_meeting_page(org, notified, login, settings):
    settings.SITE_URL = "https://oa.example.org"
    meeting = notified()
    response = login(org.alice).get(f"/meetings/{meeting.pk}/poster.pdf")
    assert [(round(w), round(h)) for w, h in page_sizes(response.content)] == [(595, 842)]  # one A4 page
    text = " ".join(t for t, _x, _y in words(response.content))
    assert "季度工作例会" in text and f"https://oa.example.org/meetings/{meeting.pk}/" in text
    assert "签到请扫描会场签到屏上的动态二维码" in text.replace(" ", "")
    assert login(org.charlie).get(f"/meetings/{meeting.pk}/poster.pdf").status_code == 403
