"""Removable media never cross networks (一(七)4); electronic seals and keys only in their holders' hands, every
use logged (一(七)3)."""

import pytest

from tests.refusals import refused
from tests.secrecy.conftest import ago, ahead
from zeroerror.errors.models import Lead
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import MediumIncident, MediumUse


@pytest.mark.clause("一(七)4")
def test_an_internal_medium_logged_outside_is_refused_and_proposes_a_lead(org, make_medium):
    medium = make_medium()
    with refused("该介质登记为内网（涉密）专用，不得在外网或非涉密计算机上使用（一(七)4）。本次使用未予登记，已报送差错线索。",
                 unchanged=False):
        actions.do_log_medium_use(medium, used_by=org.bob, used_at=ago(hours=1), computer="办公室外网电脑",
                                  network="external", purpose="拷贝文件", actor=org.bob.user)
    assert not MediumUse.objects.exists()
    incident = MediumIncident.objects.get()
    lead = Lead.objects.get()
    assert lead.person == org.bob and lead.clause.code == "一(七)4" and "U-001" in lead.description
    assert lead.source_id == incident.pk


@pytest.mark.clause("一(七)4")
def test_an_external_medium_is_not_plugged_into_the_internal_network(org, make_medium):
    medium = make_medium("U-100", network="external")
    with refused("该介质登记为外网（非涉密）使用，不得接入内网或涉密计算机（一(七)4）。本次使用未予登记，已报送差错线索。",
                 unchanged=False):
        actions.do_log_medium_use(medium, used_by=org.alice, used_at=ago(hours=1), computer="涉密机01",
                                  network="internal", purpose="x", actor=org.alice.user)


def test_a_use_on_the_right_network_is_logged(org, make_medium):
    medium = make_medium()
    use = actions.do_log_medium_use(medium, used_by=org.alice, used_at=ago(minutes=5), computer="涉密机01",
                                    network="internal", purpose="存储文件", actor=org.alice.user)
    assert use.recorded_by == org.alice and list(medium.uses.all()) == [use]


def test_a_use_in_the_future_is_refused(org, make_medium):
    medium = make_medium()
    with refused("使用时间不能晚于当前时间。"):
        actions.do_log_medium_use(medium, used_by=org.alice, used_at=ahead(hours=2), computer="涉密机01",
                                  network="internal", purpose="存储文件", actor=org.alice.user)


def test_media_registration_checks_its_marking(org, make_medium):
    with refused("内网专用介质须登记存储信息的最高密级。"):
        make_medium(classification="")
    with refused("外网使用的介质不得存储涉密信息，不能登记密级。"):
        make_medium(network="external", classification="secret")


@pytest.fixture
def e_seal(org):
    return actions.do_register_key(name="单位电子公章", kind="e_seal", custodian=org.alice, location="办公室保险柜",
                                   authorised=[org.bob], actor=org.alice.user)


@pytest.mark.clause("一(七)3")
def test_only_the_custodian_and_authorised_users_use_a_key(org, e_seal):
    actions.do_log_key_use(e_seal, used_by=org.bob, used_at=ago(minutes=10), purpose="网上申报盖章",
                           actor=org.bob.user)
    with refused("查理不是“单位电子公章”的保管人或授权使用人，不得使用（一(七)3）。"):
        actions.do_log_key_use(e_seal, used_by=org.charlie, used_at=ago(minutes=10), purpose="盖章",
                               actor=org.charlie.user)
    assert [u.used_by for u in e_seal.uses.all()] == [org.bob]


def test_a_change_of_holders_is_explained(org, e_seal):
    actions.do_set_key_holders(e_seal, custodian=org.bob, authorised=[], reason="岗位调整", actor=org.alice.user)
    e_seal.refresh_from_db()
    assert e_seal.custodian == org.bob and not e_seal.authorised.exists()
    with refused("保管人和授权使用人均未变化。"):
        actions.do_set_key_holders(e_seal, custodian=org.bob, authorised=[], reason="再次", actor=org.alice.user)
