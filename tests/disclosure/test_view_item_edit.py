"""修改稿件 (/disclosure/items/<pk>/edit/): the drafter or the office changes a draft; once in 保密审查 it is fixed;
bad input changes nothing; a new deadline replaces the tracked item."""

import pytest

from tests.disclosure.conftest import days_ago
from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.disclosure.models import DisclosureItem
from zeroerror.tracking.models import ItemStatus as TrackedStatus
from zeroerror.tracking.models import TrackedItem


def form(**kw):
    data = {"title": "关于调整门诊挂号时间的公告", "text": "我院门诊挂号时间调整为上午七时三十分开始。", "channel": "wechat",
            "openness": "proactive", "not_disclosed_reason": "", "formed_on": days_ago(0).isoformat(),
            "limit_workdays": "20"}
    data.update(kw)
    return data


def test_the_drafter_edits_a_draft_and_the_change_is_audited(org, login, make_item):
    item = make_item()
    client = login(org.alice)
    assert "修改稿件" in client.get(f"/disclosure/items/{item.pk}/edit/").content.decode()
    response = client.post(f"/disclosure/items/{item.pk}/edit/", form(limit_workdays="10"), follow=True)
    assert "稿件已修改。" in response.content.decode()
    item = DisclosureItem.objects.get(pk=item.pk)
    assert (item.channel, item.limit_workdays, item.text) == ("wechat", 10, "我院门诊挂号时间调整为上午七时三十分开始。")
    assert AuditRecord.objects.filter(action="disclosure.item.update", object_id=str(item.pk)).count() == 1
    tracked = TrackedItem.objects.for_source(item)
    assert sorted(t.status for t in tracked) == sorted([TrackedStatus.CANCELLED, TrackedStatus.OPEN])
    assert tracked.get(status=TrackedStatus.OPEN).due_at == item.due_at


@pytest.mark.clause("一(四)2")
def test_an_item_in_review_cannot_be_changed(org, login, submitted):
    item = submitted()
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/edit/", form(text="改过的正文"), follow=True)
    assert "只有拟稿状态的稿件可以修改（当前：待保密审查）。" in response.content.decode()


def test_others_may_not_edit_and_bad_input_changes_nothing(org, login, make_item):
    item = make_item(by=org.charlie, title="医务科专家门诊排班公告")
    with nothing_changes():
        response = login(org.medhead).post(f"/disclosure/items/{item.pk}/edit/", form())
    assert refusal(response) == (403, "只有拟稿人或办公室人员可以修改稿件。")
    client = login(org.charlie)
    for data, message in [({"title": ""}, "请填写标题"), ({"limit_workdays": "0"}, "公开时限（工作日）："),
                          ({"formed_on": "99999-01-01"}, "信息形成（变更）日期：")]:
        with nothing_changes():
            response = client.post(f"/disclosure/items/{item.pk}/edit/", form(**data))
        assert message in response.content.decode(), message
