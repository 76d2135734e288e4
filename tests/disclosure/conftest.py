"""信息公开 personas and items at each step.

rita is the 保密审查员 (office); alice (office) drafts; charlie (医务科) drafts for his department; the 办公室主任
``director`` approves; leo, in charge of the office, may approve the office's items; bob (office) publishes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import _person
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import DisclosureItem
from zeroerror.org.roles import Role

CLEAN_TEXT = "我院门诊楼于下月起调整挂号时间，上午八时开始挂号，请患者合理安排就诊时间。"
# a valid 居民身份证号 (GB 11643 check character) and a mobile number
ID_NUMBER = "511022198506121236"
MOBILE = "13912345678"


@pytest.fixture
def rita(org):
    return _person("rita", "任保密", org.office, Role.STAFF, Role.CONFIDENTIALITY_REVIEWER)


@pytest.fixture
def make_item(org):
    def make(by=None, **kw):
        data = {"title": "关于调整门诊挂号时间的公告", "text": CLEAN_TEXT, "channel": "website",
                "openness": "proactive", "formed_on": timezone.localdate(), "limit_workdays": 20}
        data.update(kw)
        return actions.do_create_item(actor=(by or org.alice).user, **data)

    return make


@pytest.fixture
def submitted(org, make_item):
    def make(**kw):
        item = make_item(**kw)
        actions.do_submit_item(item, actor=item.drafter.user)
        return DisclosureItem.objects.get(pk=item.pk)

    return make


@pytest.fixture
def reviewed(rita, submitted):
    def make(**kw):
        item = submitted(**kw)
        actions.do_review_item(item, passed=True, actor=rita.user)
        return DisclosureItem.objects.get(pk=item.pk)

    return make


@pytest.fixture
def approved(org, reviewed):
    def make(**kw):
        item = reviewed(**kw)
        actions.do_approve_item(item, actor=org.director.user)
        return DisclosureItem.objects.get(pk=item.pk)

    return make


@pytest.fixture
def published(org, approved):
    def make(**kw):
        item = approved(**kw)
        actions.do_publish_item(item, actor=org.bob.user)
        return DisclosureItem.objects.get(pk=item.pk)

    return make


def days_ago(n: int):
    return timezone.localdate() - timedelta(days=n)
