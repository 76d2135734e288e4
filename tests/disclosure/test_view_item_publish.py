"""发布 (clause 一(四)1): the approved text goes out and is kept, with its approver, for good; past the deadline it
needs a reason and the lateness becomes a lead."""

import pytest
from django.utils import timezone

from tests.disclosure.conftest import CLEAN_TEXT, days_ago
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import DisclosureItem, ItemStatus, Publication
from zeroerror.disclosure.models.items import ImmutableError
from zeroerror.errors.models import Lead
from zeroerror.proofread.models import SensitiveTerm
from zeroerror.tracking.models import ItemStatus as TrackedStatus
from zeroerror.tracking.models import TrackedItem


@pytest.mark.clause("一(四)1", "一(四)3")
def test_publishing_keeps_the_exact_text_and_approver_on_the_items_page(org, login, approved):
    item = approved(title="关于调整门诊挂号时间的公告")
    response = login(org.bob).post(f"/disclosure/items/{item.pk}/publish/", follow=True)
    assert "已发布" in response.content.decode()
    publication = Publication.objects.get()
    assert (publication.title, publication.text, publication.approved_by, publication.approved_by_name,
            publication.published_by, publication.late) == (
        "关于调整门诊挂号时间的公告", CLEAN_TEXT, org.director, "杜主任", org.bob, False)
    assert DisclosureItem.objects.get().status == ItemStatus.PUBLISHED
    assert TrackedItem.objects.for_source(item).get().status == TrackedStatus.DONE
    page = login(org.alice).get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "发布记录（发布后不可更改）" in page and CLEAN_TEXT in page and "杜主任" in page and "鲍勃" in page


@pytest.mark.clause("一(四)3")
def test_the_published_text_and_approver_cannot_be_changed(org, published):
    item = published()
    publication = Publication.objects.get()
    publication.text = "改过的文字"
    with pytest.raises(ImmutableError):
        publication.save()
    with pytest.raises(ImmutableError):
        publication.delete()
    with refused("只有拟稿状态的稿件可以修改（当前：已发布）。"):
        actions.do_update_item(item, text="改过的文字", actor=org.alice.user)
    assert Publication.objects.get().text == CLEAN_TEXT and Publication.objects.get().intact


@pytest.mark.clause("一(四)1")
def test_publishing_past_the_deadline_needs_a_reason_and_proposes_a_lead(org, login, approved):
    item = approved(formed_on=days_ago(60))
    client = login(org.bob)
    message = f"已超过应公开时限（{timezone.localtime(item.due_at):%Y-%m-%d %H:%M}），须填写逾期发布原因。"
    page = client.get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "逾期发布原因" in page and "已超时限，应公开未公开" in page
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/publish/", {"late_reason": " "}, follow=True)
    assert message in response.content.decode()
    client.post(f"/disclosure/items/{item.pk}/publish/", {"late_reason": "等待上级主管部门审核数据"})
    publication = Publication.objects.get()
    assert publication.late and publication.late_reason == "等待上级主管部门审核数据"
    lead = Lead.objects.for_source(publication).get()
    assert (lead.clause.code, lead.person) == ("一(四)1", org.alice)
    assert "超时限发布" in lead.description and "等待上级主管部门审核数据" in lead.description
    listing = client.get("/disclosure/items/?show=late").content.decode()
    assert item.title in listing and "超时限发布" in listing


@pytest.mark.clause("一(四)2")
def test_a_sensitive_term_configured_after_approval_still_stops_publication(org, approved):
    item = approved(text=f"{CLEAN_TEXT}本院内部审计结果良好。")
    SensitiveTerm.objects.create(term="内部审计", active=True)
    with refused("保密审查未通过：含有敏感词“内部审计”，不得公开。请删除或去标识化后重新提交。"):
        actions.do_publish_item(item, actor=org.bob.user)


def test_only_the_office_publishes_and_only_an_approved_item(org, login, approved, reviewed):
    item = approved()
    with nothing_changes():
        response = login(org.leo).post(f"/disclosure/items/{item.pk}/publish/")
    assert refusal(response) == (403, "只有办公室人员可以发布信息。")
    waiting = reviewed()
    with refused("稿件须经审批后发布（当前：待审批）。"):
        actions.do_publish_item(waiting, actor=org.bob.user)
    actions.do_publish_item(item, actor=org.bob.user)
    with refused("稿件须经审批后发布（当前：已发布）。"):
        actions.do_publish_item(item, actor=org.bob.user)
