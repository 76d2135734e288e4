"""Electronic seals and keys: who keeps them, who may use them, every use logged (一(七)3)."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes
from tests.secrecy.conftest import ago
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import KeyUse


@pytest.fixture
def e_seal(org):
    return actions.do_register_key(name="单位电子公章", kind="e_seal", custodian=org.alice, location="办公室保险柜",
                                   authorised=[org.bob], actor=org.alice.user)


def test_the_list_names_the_keepers(org, login, e_seal):
    _, html = page(login(org.bob), "/secrecy/keys/")
    assert_shown(html, ["单位电子公章", "艾丽", "鲍勃"])
    _, html = page(login(org.charlie), "/secrecy/keys/")
    assert "单位电子公章" not in html


@pytest.mark.clause("一(七)3")
def test_an_unauthorised_use_is_refused_from_the_page(org, login, e_seal):
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/secrecy/keys/{e_seal.pk}/use/", {
            "used_by": org.charlie.pk, "used_at": ago(minutes=5).strftime("%Y-%m-%dT%H:%M"), "purpose": "盖章"},
            follow=True)
    assert "查理不是“单位电子公章”的保管人或授权使用人，不得使用（一(七)3）。" in response.content.decode()
    client.post(f"/secrecy/keys/{e_seal.pk}/use/", {
        "used_by": org.bob.pk, "used_at": ago(minutes=5).strftime("%Y-%m-%dT%H:%M"), "purpose": "网上申报"})
    assert KeyUse.objects.get().used_by == org.bob
    _, html = page(client, f"/secrecy/keys/{e_seal.pk}/")
    assert_shown(html, ["网上申报", "鲍勃"])
