"""接待标准 as configuration (clause 一(三)7)."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.reception.models import ReceptionStandard


@pytest.mark.clause("一(三)7")
def test_the_director_sets_a_guest_levels_standard(org, login, standards):
    data = {"level": "省部级", "order": "10", "meal_per_person": "120", "room_per_night": "600", "meals_max": "1",
            "accompany_max": "3", "accompany_threshold": "10", "accompany_divisor": "3", "active": "on"}
    response = login(org.director).post("/reception/standards/new/", data, follow=True)
    html = response.content.decode()
    assert "接待标准已保存。" in html and "省部级" in html and "120.00" in html
    assert ReceptionStandard.objects.get(level="省部级").room_per_night == 600


def test_staff_cannot_set_standards(org, login, standards):
    client = login(org.alice)
    assert "县处级及以下" in client.get("/reception/standards/").content.decode()
    with nothing_changes():
        response = client.post(f"/reception/standards/{standards.county.pk}/", {"level": "x"})
    assert refusal(response) == (403, "接待标准由办公室主任、副主任设置。")


@pytest.mark.parametrize(("change", "message"), [
    ({"level": "厅局级"}, "接待对象级别“厅局级”已存在。"),
    ({"meal_per_person": "-1"}, "确保该值大于或等于0。"),
    ({"meal_per_person": "1e400"}, "确认总共不超过 8 个数字."),
    ({"accompany_divisor": "0"}, "确保该值大于或等于1。"),
])
def test_bad_figures_are_refused(org, login, standards, change, message):
    data = {"level": "县处级及以下", "order": "30", "meal_per_person": "80", "room_per_night": "350", "meals_max": "1",
            "accompany_max": "3", "accompany_threshold": "10", "accompany_divisor": "3", "active": "on"}
    data.update(change)
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/reception/standards/{standards.county.pk}/", data, follow=True)
    assert message in response.content.decode()
