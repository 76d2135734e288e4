"""The media register, its use log and its export."""

import io

import pytest
from openpyxl import load_workbook

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes
from tests.secrecy.conftest import ago
from zeroerror.errors.models import Lead
from zeroerror.secrecy.models import MediumUse


def test_the_list_does_a_constant_number_of_queries(org, login, make_medium):
    client = login(org.alice)
    make_medium()
    page(client, "/secrecy/media/")  # the first request of a session also records the sign-in activity
    one, _ = page(client, "/secrecy/media/")
    for i in range(2, 12):
        make_medium(f"U-{i:03d}", network="external")
    many, html = page(client, "/secrecy/media/")
    assert many == one
    assert_shown(html, [f"U-{i:03d}" for i in range(1, 12)] + ["内网（涉密）专用", "外网（非涉密）使用"])


def test_someone_else_sees_only_their_media(org, login, make_medium, other_unit):
    make_medium()
    make_medium("U-002", custodian=org.charlie)
    _, html = page(login(org.charlie), "/secrecy/media/")
    assert "U-002" in html and "U-001" not in html
    _, html = page(login(other_unit.director), "/secrecy/media/")
    assert "U-00" not in html


@pytest.mark.clause("一(七)4")
def test_logging_an_internal_medium_on_an_external_machine_is_refused(org, login, make_medium):
    medium = make_medium()
    client = login(org.alice)
    response = client.post(f"/secrecy/media/{medium.pk}/use/", {
        "used_by": org.alice.pk, "used_at": ago(hours=1).strftime("%Y-%m-%dT%H:%M"), "computer": "外网电脑",
        "network": "external", "purpose": "拷贝"}, follow=True)
    html = response.content.decode()
    assert "不得在外网或非涉密计算机上使用（一(七)4）" in html
    assert not MediumUse.objects.exists() and Lead.objects.get().clause.code == "一(七)4"
    assert "混用记录" in login(org.alice).get("/secrecy/media/").content.decode()


def test_a_future_use_is_refused_with_nothing_changed(org, login, make_medium):
    medium = make_medium()
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/secrecy/media/{medium.pk}/use/", {
            "used_by": org.alice.pk, "used_at": "2099-01-01T08:00", "computer": "涉密机", "network": "internal",
            "purpose": "存储"}, follow=True)
    assert "使用时间不能晚于当前时间。" in response.content.decode()


def test_the_export_lists_the_media(org, login, make_medium):
    make_medium(model_name="@SUM(1)")
    ws = load_workbook(io.BytesIO(login(org.alice).get("/secrecy/media/?export=xlsx").content)).active
    assert [c.value for c in ws[3]][:5] == ["U-001", "U盘", "@SUM(1)", None, "内网（涉密）专用"]
    assert ws["C3"].data_type == "s"  # text, never a formula
