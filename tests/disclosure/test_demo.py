"""The 信息公开 demo step: a year of published items (some late, one withdrawn), work in hand and requests."""

from tests.demo_steps import run
from zeroerror.disclosure.demo import build_disclosure
from zeroerror.disclosure.models import DisclosureItem, DisclosureRequest, ItemStatus, Publication, Withdrawal
from zeroerror.errors.models import Lead


def test_it_builds_a_year_of_disclosure_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    assert "一年发布稿件" in run(build_disclosure)
    assert Publication.objects.count() == 52
    assert Publication.objects.filter(late=True).count() == 3
    assert Withdrawal.objects.get().kind == "out_of_scope"
    assert DisclosureItem.objects.filter(status=ItemStatus.IN_REVIEW).count() == 1
    assert DisclosureItem.objects.filter(status=ItemStatus.REVIEWED).count() == 1
    assert DisclosureItem.objects.overdue().count() == 1
    assert Lead.objects.filter(clause__code="一(四)1").count() == 4  # three late publications and the withdrawal
    assert DisclosureRequest.objects.count() == 12
    assert DisclosureRequest.objects.filter(answered_late=True).count() == 1
    assert DisclosureRequest.objects.filter(extension_workdays=20).count() == 1
    published = Publication.objects.order_by("published_at")
    assert (published.last().published_at - published.first().published_at).days > 300
    assert "已存在" in run(build_disclosure)
    assert Publication.objects.count() == 52
