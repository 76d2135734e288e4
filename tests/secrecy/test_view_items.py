"""The 涉密载体 register page and its .xlsx export."""

import io

import pytest
from openpyxl import load_workbook

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from tests.secrecy.conftest import ahead
from zeroerror.audit.models import AuditRecord
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import ClassifiedItem

FORM = {"number": "JM-9", "name": "年度工作要点", "kind": "document", "classification": "confidential",
        "period_years": "5", "copies": "1", "origin": "", "location": "保密柜"}


def test_the_list_does_a_constant_number_of_queries(org, login, make_item):
    client = login(org.alice)
    make_item()
    page(client, "/secrecy/items/")  # the first request of a session also records the sign-in activity
    one, _ = page(client, "/secrecy/items/")
    for i in range(2, 12):
        make_item(f"JM-2026-{i:03d}", custodian=org.bob)
    many, html = page(client, "/secrecy/items/")
    assert many == one
    assert_shown(html, [f"JM-2026-{i:03d}" for i in range(1, 12)] + ["机密★10年", "艾丽（办公室）"])


def test_others_see_only_what_they_keep_or_hold(org, login, make_item, other_unit):
    make_item()
    lent = make_item("JM-2026-002")
    actions.do_check_out_item(lent, holder=org.charlie, due_back_at=ahead(days=1), purpose="阅办",
                              actor=org.alice.user)
    _, html = page(login(org.charlie), "/secrecy/items/")
    assert "JM-2026-002" in html and "JM-2026-001" not in html and "登记涉密载体" not in html
    _, html = page(login(other_unit.director), "/secrecy/items/")
    assert "JM-2026" not in html


def test_the_office_registers_from_the_form(org, login):
    client = login(org.alice)
    response = client.post("/secrecy/items/new/", {**FORM, "custodian": org.bob.pk})
    assert response.status_code == 302
    assert ClassifiedItem.objects.get(number="JM-9").marking == "秘密★5年"


@pytest.mark.parametrize(("data", "message"), [
    ({"period_years": "99999999999999"}, "确保该值小于或等于30。"),
    ({"period_years": "abc"}, "输入整数。"),
    ({"classification": "confidential", "period_years": "15"}, "秘密级保密期限不得超过 10 年。"),
])
def test_bad_input_is_explained_and_nothing_saved(org, login, data, message):
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/secrecy/items/new/", {**FORM, "custodian": org.bob.pk, **data})
    assert response.status_code == 200 and message in response.content.decode()


def test_others_cannot_register(org, login):
    client = login(org.charlie)
    with nothing_changes():
        response = client.post("/secrecy/items/new/", {**FORM, "custodian": org.charlie.pk})
    assert refusal(response) == (403, "只有办公室或保密审查员可以登记涉密载体。")


def test_the_export_is_the_register_with_formulas_defused(org, login, make_item):
    make_item(name="=HYPERLINK(\"http://x\")", origin="+县卫健局")
    response = login(org.alice).get("/secrecy/items/", {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws["A1"].value.startswith("涉密载体登记簿")
    assert [c.value for c in ws[2]][:5] == ["编号", "载体名称", "类别", "密级", "保密期限"]
    row = [c.value for c in ws[3]]
    assert row[0] == "JM-2026-001" and row[1] == "=HYPERLINK(\"http://x\")" and row[6] == "+县卫健局"
    assert row[3] == "机密" and row[4] == "10年" and ws["B3"].data_type == "s"
    assert AuditRecord.objects.filter(action="secrecy.export").count() == 1


def test_someone_elses_export_holds_only_their_rows(org, login, make_item):
    make_item()
    ws = load_workbook(io.BytesIO(login(org.charlie).get("/secrecy/items/?export=xlsx").content)).active
    assert ws.max_row == 2
