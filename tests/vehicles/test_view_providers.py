"""The designated providers (定点保险、维修、加油 from 政府集中采购, clause 一(三)9): the office registers them; everyone
of the unit sees the list; nobody else registers."""

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.vehicles.models import Provider


def test_the_office_registers_a_provider_and_the_unit_sees_the_list(org, fleet, login):
    response = login(org.alice).post("/vehicles/providers/new/", {"kind": "repair", "name": "青川县第二汽修厂",
                                                                  "contract_no": "QC-2025-09", "address": "竹园镇"})
    assert response.status_code == 302 and Provider.objects.filter(name="青川县第二汽修厂").exists()
    _, html = page(login(org.charlie), "/vehicles/providers/")
    assert_shown(html, ["青川县第二汽修厂", "人保财险青川支公司", "中石化青川城关加油站"])


def test_others_cannot_register_providers(org, fleet, login):
    with nothing_changes():
        response = login(org.charlie).post("/vehicles/providers/new/", {"kind": "fuel", "name": "某加油站"})
    assert refusal(response) == (403, "只有办公室可以管理公务用车。")
