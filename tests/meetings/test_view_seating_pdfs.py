"""Clauses 一(二)7, 9: the printable seating chart and the 席卡 PDFs, downloads audited as exports."""

import re

import pytest

from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.meetings.actions import do_generate_seating


@pytest.fixture
def big(org, rooms, notified, heads):
    meeting = notified(room=rooms.hall, attendees=[org.principal, org.leo, org.alice, org.bob, *heads[:4]],
                       podium=[org.principal, org.leo])
    do_generate_seating(meeting, actor=org.alice.user)
    return meeting


@pytest.mark.clause("一(二)7")
def test_it_downloads_the_seating_chart_as_an_audited_export(org, login, big):
    response = login(org.alice).get(f"/meetings/{big.pk}/seating/chart.pdf?paper=A3")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    rec = AuditRecord.objects.get(action="meetings.meeting.export")
    assert rec.kind == AuditKind.EXPORT and rec.changes == {"file": "seating-chart-A3", "version": 1}
    assert rec.object_id == str(big.pk)


@pytest.mark.clause("一(二)9")
def test_it_downloads_the_name_cards_one_page_per_podium_seat(org, login, big):
    response = login(org.bob).get(f"/meetings/{big.pk}/seating/cards.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert len(re.findall(rb"/Type /Page\b(?!s)", response.content)) == 2  # 王院长 and 李副院长
    assert AuditRecord.objects.filter(action="meetings.meeting.export", changes__file="name-cards").exists()
    everyone = login(org.bob).get(f"/meetings/{big.pk}/seating/cards.pdf?hall=1")
    assert len(everyone.content) > len(response.content)


def test_no_seating_no_pdf(org, login, notified, rooms):
    meeting = notified(room=rooms.hall)
    assert login(org.alice).get(f"/meetings/{meeting.pk}/seating/chart.pdf").status_code == 404


def test_people_with_no_part_get_404(org, login, big):
    assert login(org.charlie).get(f"/meetings/{big.pk}/seating/chart.pdf").status_code == 404
