import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.errors.models import Lead
from zeroerror.meetings.models import Checklist


@pytest.mark.clause("一(二)5")
def test_the_office_signs_the_equipment_checklist_and_a_failure_is_reported(org, login, approved):
    meeting = approved()  # 三楼小会议室: 电源, 投影仪
    client = login(org.bob)
    html = client.get(f"/meetings/{meeting.pk}/checklist/equipment/").content.decode()
    assert "投影仪：正常" in html
    response = client.post(f"/meetings/{meeting.pk}/checklist/equipment/",
                           {"ok_0": "on", "note_1": "投影仪灯泡损坏"}, follow=True)
    html = response.content.decode()
    assert "1 项故障已报差错线索" in html and "投影仪：投影仪灯泡损坏" in html
    assert Lead.objects.for_source(Checklist.objects.get()).exists()


def test_all_ok(org, login, approved):
    meeting = approved()
    response = login(org.bob).post(f"/meetings/{meeting.pk}/checklist/venue/",
                                   {f"ok_{n}": "on" for n in range(5)}, follow=True)
    assert "检查全部正常" in response.content.decode()


def test_a_missing_note_is_explained_and_others_cannot_sign(org, login, approved):
    meeting = approved()
    client = login(org.bob)
    with nothing_changes():
        html = client.post(f"/meetings/{meeting.pk}/checklist/equipment/", {"ok_0": "on"}).content.decode()
    assert "请说明故障情况：投影仪" in html
    client = login(org.charlie)
    with nothing_changes():
        response = client.post(f"/meetings/{meeting.pk}/checklist/venue/", {f"ok_{n}": "on" for n in range(5)})
    assert refusal(response) == (403, "您不能签署会前检查。")
    assert refusal(client.get(f"/meetings/{meeting.pk}/checklist/venue/")) == (403, "您不能签署会前检查。")
    assert login(org.bob).get(f"/meetings/{meeting.pk}/checklist/other/").status_code == 404
