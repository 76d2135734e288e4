"""被拒绝的支出 (/finance/refusals/) and the lead each refused attempt proposes: seen by who may see the attempt."""

import pytest
from django.core.exceptions import ValidationError

from tests.pages import assert_shown, page
from zeroerror.errors.access import visible_leads
from zeroerror.errors.models import Lead


@pytest.mark.clause("一(五)1")
def test_the_register_lists_the_attempts_in_constant_queries(org, books, login, spend):
    client = login(org.director)
    page(client, "/finance/refusals/")
    with pytest.raises(ValidationError):
        spend(amount="5000")
    few, _ = page(client, "/finance/refusals/")
    for i in range(5):
        with pytest.raises(ValidationError):
            spend(amount="5000", description=f"超标会议{i}")
    many, html = page(client, "/finance/refusals/")
    assert many == few
    assert_shown(html, ["超标会议4", "5,000.00", "一(五)1", "艾丽", "超出开支标准"])


def test_the_lead_and_the_attempt_are_seen_by_whoever_may_see_the_attempt(org, books, login, spend, other_unit):
    with pytest.raises(ValidationError):
        spend(amount="5000")
    lead = Lead.objects.get()
    assert visible_leads(org.alice).filter(pk=lead.pk).exists()
    assert not visible_leads(other_unit.director).filter(pk=lead.pk).exists()
    _, html = page(login(org.charlie), "/finance/refusals/")
    assert "季度工作例会会务费" not in html
    _, html = page(login(org.alice), "/finance/refusals/")
    assert "季度工作例会会务费" in html
