"""登记发布稿件: its 公开属性 and, for 主动公开, its deadline under 督办 (clause 一(四)1)."""

from datetime import date

import pytest

from tests.disclosure.conftest import CLEAN_TEXT, days_ago
from tests.refusals import nothing_changes, refused
from zeroerror.disclosure import actions
from zeroerror.disclosure.actions.common import start_of
from zeroerror.disclosure.models import DisclosureItem, ItemStatus
from zeroerror.tracking.models import TrackedItem
from zeroerror.workdays.service import deadline_in_workdays


def form(**kw):
    data = {"title": "关于调整门诊挂号时间的公告", "text": CLEAN_TEXT, "channel": "wechat", "openness": "proactive",
            "formed_on": days_ago(3).isoformat(), "limit_workdays": "20"}
    data.update(kw)
    return data


@pytest.mark.clause("一(四)1")
def test_it_registers_a_proactive_item_with_its_deadline_under_tracking(org, login):
    response = login(org.charlie).post("/disclosure/items/new/", form(), follow=True)
    assert "稿件已登记" in response.content.decode()
    item = DisclosureItem.objects.get()
    assert (item.drafter, item.department, item.status) == (org.charlie, org.medical, ItemStatus.DRAFT)
    assert item.due_at == deadline_in_workdays(20, start_of(days_ago(3)))
    tracked = TrackedItem.objects.for_source(item).get()
    assert (tracked.owner, tracked.clause_id, tracked.area, tracked.due_at) == (
        org.charlie, "一(四)1", "disclosure", item.due_at)
    assert "应公开时限" in response.content.decode() and f"{item.due_at:%Y-%m-%d}" in response.content.decode()


def test_the_default_limit_is_configurable(org, settings):
    settings.DISCLOSURE_WORKDAYS = 15
    item = actions.do_create_item(actor=org.alice.user, title="公告", text=CLEAN_TEXT, channel="website",
                                  openness="proactive", formed_on=days_ago(1), limit_workdays=None)
    assert item.limit_workdays == 15
    assert item.due_at == deadline_in_workdays(15, start_of(days_ago(1)))


def test_items_disclosed_on_request_or_not_at_all_have_no_publication_deadline(org):
    on_request = actions.do_create_item(actor=org.alice.user, title="院内收费明细", text=CLEAN_TEXT,
                                        channel="website", openness="on_request", formed_on=days_ago(1))
    withheld = actions.do_create_item(actor=org.alice.user, title="院务会讨论稿", text=CLEAN_TEXT, channel="website",
                                      openness="not_disclosed", not_disclosed_reason="内部过程性信息",
                                      formed_on=days_ago(1))
    assert on_request.due_at is None and withheld.due_at is None
    assert not TrackedItem.objects.exists()


@pytest.mark.clause("一(四)1")
def test_an_item_not_to_be_disclosed_cannot_go_to_publication(org):
    withheld = actions.do_create_item(actor=org.alice.user, title="院务会讨论稿", text=CLEAN_TEXT, channel="website",
                                      openness="not_disclosed", not_disclosed_reason="内部过程性信息",
                                      formed_on=days_ago(1))
    with refused("公开属性为“不予公开”的信息不得发布。"):
        actions.do_submit_item(withheld, actor=org.alice.user)


@pytest.mark.parametrize(("changes", "message"), [
    ({"formed_on": "0000-01-01"}, "输入一个有效的日期。"),
    ({"formed_on": "9999-12-31"}, "信息形成日期不能晚于今天。"),
    ({"limit_workdays": "99999999999999999999"}, "确保该值小于或等于60。"),
    ({"channel": "tv"}, "选择一个有效的选项。 tv 不在可用的选项中。"),
    ({"openness": "not_disclosed"}, "不予公开的信息须写明依据（如涉及国家秘密、个人隐私、内部过程性信息）。"),
])
def test_bad_input_is_refused_with_a_chinese_message_and_nothing_changes(org, login, changes, message):
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/disclosure/items/new/", form(**changes), follow=True)
    assert message in response.content.decode()


def test_the_action_names_every_problem_at_once(org):
    with refused("请填写标题。", "请填写正文。", "请选择发布渠道（门户网站、微信公众号或电子显示屏）。",
                 "公开时限须为 1 至 60 个工作日。", "信息形成日期无效（不能早于2000年）。"):
        actions.do_create_item(actor=org.alice.user, title=" ", text="", channel="", openness="proactive",
                               formed_on=date(1999, 1, 1), limit_workdays=0)
