"""清点 from the page: every item ticked or recorded as missing."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.errors.models import Lead
from zeroerror.secrecy.models import InventoryCheck


@pytest.mark.clause("一(七)1")
def test_an_unticked_item_is_missing_and_a_lead(org, login, make_item):
    a, b = make_item(), make_item("JM-2026-002")
    client = login(org.alice)
    _, html = page(client, "/secrecy/inventory/")
    assert_shown(html, ["JM-2026-001", "JM-2026-002"])
    response = client.post("/secrecy/inventory/", {"found": [str(a.pk), "x", "9" * 30], f"note_{b.pk}": "未见"})
    assert response.status_code == 302
    check = InventoryCheck.objects.get()
    assert [r["number"] for r in check.missing] == ["JM-2026-002"]
    assert Lead.objects.get().clause.code == "一(七)1"
    _, html = page(client, "/secrecy/checks/")
    assert_shown(html, ["艾丽", "JM-2026-002"])


def test_only_the_office_checks(org, login, make_item):
    make_item()
    with nothing_changes():
        response = login(org.charlie).post("/secrecy/inventory/", {})
    assert refusal(response) == (403, "只有办公室或保密审查员可以登记涉密载体。")
