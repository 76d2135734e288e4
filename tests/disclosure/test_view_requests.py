"""依申请公开 register (clause 一(四)1): the statutory reply deadline of 20 working days under 督办, one extension of
at most 20 working days approved by the office's head, the reply, and who may see the register."""

import pytest
from django.utils import timezone

from tests.disclosure.conftest import days_ago
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.disclosure import actions
from zeroerror.disclosure.actions.common import start_of
from zeroerror.disclosure.models import DisclosureRequest, RequestStatus
from zeroerror.tracking.models import ItemStatus as TrackedStatus
from zeroerror.tracking.models import TrackedItem
from zeroerror.workdays.service import deadline_in_workdays


def register(org, received=None, **kw):
    data = {"applicant": "张某", "content": "申请公开2025年度本院医疗服务价格调整依据", "method": "letter",
            "received_on": received or days_ago(1), "handler": org.bob}
    data.update(kw)
    return actions.do_register_request(actor=org.alice.user, **data)


@pytest.mark.clause("一(四)1")
def test_a_request_is_registered_with_its_statutory_deadline_under_tracking(org, login):
    response = login(org.alice).post("/disclosure/requests/new/", {
        "applicant": "张某", "applicant_kind": "自然人", "contact": "四川省青川县", "content": "申请公开收费依据",
        "method": "online", "received_on": days_ago(2).isoformat(), "handler": org.bob.pk}, follow=True)
    assert "申请已登记" in response.content.decode()
    req = DisclosureRequest.objects.get()
    assert req.number == f"{days_ago(2).year}-001"
    assert req.due_at == req.original_due_at == deadline_in_workdays(20, start_of(days_ago(2)))
    tracked = TrackedItem.objects.for_source(req).get()
    assert (tracked.owner, tracked.clause_id, tracked.due_at) == (org.bob, "一(四)1", req.due_at)


@pytest.mark.clause("一(四)1")
def test_the_office_head_extends_once_by_at_most_twenty_working_days(org, login):
    req = register(org)
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/disclosure/requests/{req.pk}/extend/", {"workdays": "21", "reason": "需征求第三方意见"},
                               follow=True)
    assert "延长工作日：确保该值小于或等于20。" in response.content.decode()
    response = client.post(f"/disclosure/requests/{req.pk}/extend/", {"workdays": "20", "reason": "需征求第三方意见"},
                           follow=True)
    assert "已批准延期答复" in response.content.decode()
    req = DisclosureRequest.objects.get()
    assert req.due_at == deadline_in_workdays(20, req.original_due_at)
    assert (req.extension_workdays, req.extension_approved_by, req.extension_reason) == (20, org.director,
                                                                                        "需征求第三方意见")
    items = TrackedItem.objects.for_source(req)
    assert sorted(i.status for i in items) == sorted([TrackedStatus.CANCELLED, TrackedStatus.OPEN])
    assert items.get(status=TrackedStatus.OPEN).due_at == req.due_at
    with refused("答复期限只能延长一次。"):
        actions.do_extend_request(req, workdays=5, reason="再延", actor=org.director.user)


def test_only_the_office_head_approves_an_extension_and_not_after_the_deadline(org, login):
    req = register(org)
    with nothing_changes():
        response = login(org.bob).post(f"/disclosure/requests/{req.pk}/extend/", {"workdays": "5", "reason": "x"})
    assert refusal(response) == (403, "延期答复须经办公室主任或副主任批准。")
    late = register(org, received=days_ago(60))
    due = timezone.localtime(late.due_at)
    with refused(f"答复期限（{due:%Y-%m-%d %H:%M}）已过，不能再延期，请尽快答复。"):
        actions.do_extend_request(late, workdays=5, reason="来不及", actor=org.director.user)


@pytest.mark.clause("一(四)1")
def test_the_reply_closes_the_tracked_item_and_a_late_one_is_marked(org, login):
    req = register(org)
    late = register(org, received=days_ago(60))
    client = login(org.bob)
    with nothing_changes():
        response = client.post(f"/disclosure/requests/{req.pk}/answer/", {"outcome": "disclosed", "reply": ""},
                               follow=True)
    assert "请填写答复内容" in response.content.decode()
    client.post(f"/disclosure/requests/{req.pk}/answer/", {"outcome": "disclosed", "reply": "已提供价格调整文件"})
    client.post(f"/disclosure/requests/{late.pk}/answer/", {"outcome": "not_held", "reply": "本院不掌握"})
    req, late = DisclosureRequest.objects.get(pk=req.pk), DisclosureRequest.objects.get(pk=late.pk)
    assert (req.status, req.answered_by, req.answered_late) == (RequestStatus.ANSWERED, org.bob, False)
    assert late.answered_late
    assert TrackedItem.objects.for_source(req).get().status == TrackedStatus.DONE
    html = client.get("/disclosure/requests/?show=late").content.decode()
    assert late.number in html and "逾期答复" in html and req.number not in html
    with refused("申请已答复。"):
        actions.do_answer_request(req, outcome="disclosed", reply="再答", actor=org.bob.user)


def test_bad_input_is_refused_and_nothing_changes(org, login):
    client = login(org.alice)
    for data, message in [
        ({"received_on": "9999-01-01"}, "收到申请日期不能晚于今天。"),
        ({"received_on": "1999-12-31"}, "收到申请日期无效（不能早于2000年）。"),
        ({"handler": "abc"}, "承办人：选择一个有效的选项"),
    ]:
        form = {"applicant": "张某", "applicant_kind": "自然人", "content": "申请公开", "method": "online",
                "received_on": days_ago(1).isoformat(), "handler": org.bob.pk, **data}
        with nothing_changes():
            response = client.post("/disclosure/requests/new/", form, follow=True)
        assert message in response.content.decode(), message


def test_the_register_is_for_the_office_the_reviewer_auditors_and_the_handler(org, other_unit, login, rita):
    req = register(org, handler=org.charlie)
    for person in (org.alice, org.director, rita, org.auditor, org.charlie):
        assert login(person).get(f"/disclosure/requests/{req.pk}/").status_code == 200, person
    for person in (org.medhead, org.leo, other_unit.director):
        assert refusal(login(person).get(f"/disclosure/requests/{req.pk}/")) == (404, ""), person
    assert refusal(login(org.charlie).get("/disclosure/requests/new/")) == (403, "只有办公室人员可以登记依申请公开。")
    assert not TrackedItem.objects.visible_to(org.medhead).filter(source_id=req.pk).exists()


def test_the_register_lists_requests_in_constant_queries(org, login):
    client = login(org.director)
    register(org)
    few, _ = page(client, "/disclosure/requests/")
    numbers = [register(org, applicant=f"申请人{n}").number for n in range(5)]
    many, html = page(client, "/disclosure/requests/")
    assert many == few
    assert_shown(html, [*numbers, "申请人3", "办理中"])
