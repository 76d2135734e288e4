import pytest

from zeroerror.meetings.actions import proofread_findings
from zeroerror.proofread.models import SensitiveTerm


@pytest.mark.clause("一(二)9", "一(四)2")
def test_a_banner_is_checked_against_the_units_sensitive_terms(db):
    text = "青川县人民医院2026年度内部审计工作会议"
    assert not [f for f in proofread_findings(text) if f["text"] == "内部审计"]
    SensitiveTerm.objects.create(term="内部审计", active=True)
    flagged = [f for f in proofread_findings(text) if f["text"] == "内部审计"]
    assert flagged and flagged[0]["severity"] == "error"
