"""登记客情 page (clause 一(三)1)."""

import pytest

from tests.reception.conftest import later
from tests.refusals import nothing_changes
from zeroerror.reception.models import GuestReport
from zeroerror.tracking.models import TrackedItem


def _post(org, standards, **kw):
    data = {"guest_unit": "省卫健委", "lead_guest": "陈副主任", "guest_count": "6", "purpose": "督导检查",
            "arrive_at": later(days=3).strftime("%Y-%m-%dT%H:%M"),
            "depart_at": later(days=3, hours=5).strftime("%Y-%m-%dT%H:%M"), "contact_name": "周干事",
            "contact_phone": "0871-1234567", "standard": standards.bureau.pk, "handler": org.alice.pk,
            "important": "on", "letter_ref": "省卫健函〔2026〕3号"}
    data.update(kw)
    return data


@pytest.mark.clause("一(三)1")
def test_anyone_registers_a_report_and_the_handler_gets_the_item(org, login, standards):
    response = login(org.charlie).post("/reception/reports/new/", _post(org, standards), follow=True)
    html = response.content.decode()
    assert "客情已登记并交办。" in html and "省卫健委 · 陈副主任" in html and "重要接待" in html
    report = GuestReport.objects.get()
    assert report.registered_by == org.charlie and report.handler == org.alice
    assert TrackedItem.objects.for_source(report).get().owner == org.alice


@pytest.mark.parametrize(("change", "message"), [
    ({"guest_count": "abc"}, "输入整数。"),
    ({"guest_count": "99999999999999999999"}, "确保该值小于或等于500。"),
    ({"arrive_at": "0000-01-01T09:00"}, "输入一个有效的日期/时间。"),
    ({"arrive_at": "9999-12-31T23:59", "depart_at": "9999-12-31T23:59"}, "来访时间的结束时间须晚于开始时间。"),
    ({"handler": "x"}, "选择一个有效的选项"),
])
def test_bad_input_is_refused_with_a_message_and_nothing_changes(org, login, standards, change, message):
    client = login(org.bob)
    with nothing_changes():
        response = client.post("/reception/reports/new/", _post(org, standards, **change), follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_handler_of_another_unit_cannot_be_chosen(org, other_unit, login, standards):
    client = login(org.bob)
    with nothing_changes():
        response = client.post("/reception/reports/new/", _post(org, standards, handler=other_unit.staff.pk))
    assert "选择一个有效的选项" in response.content.decode()
