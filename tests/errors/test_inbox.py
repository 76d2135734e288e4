import pytest

from zeroerror.errors import actions
from zeroerror.tracking.registry import inbox_for

pytestmark = pytest.mark.django_db


def test_it_lists_leads_to_verify_and_appeals_to_decide(team, make_lead, confirm):
    lead = make_lead(team.alice)
    assert any(e.kind == "差错线索" and e.url == f"/errors/{lead.pk}/" for e in inbox_for(team.perfstaff))
    assert not any(e.kind == "差错线索" for e in inbox_for(team.inspector))  # he registered it
    assert not any(e.kind == "差错线索" for e in inbox_for(team.bob))
    confirm(lead)
    actions.do_file_appeal(lead, reasons="不服", actor=team.alice.user)
    assert any(e.kind == "差错申诉" for e in inbox_for(team.perfhead))
    assert not any(e.kind == "差错申诉" for e in inbox_for(team.perfstaff))
