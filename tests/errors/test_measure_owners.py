"""Measures go to the people the regulation and rank name (issue 9 defect 5): the talk to the person's 科室负责人 (a
head's to the 分管领导), 停职整改 to the 绩效办 and the head with the person told, 院纪委 measures to 纪检监察室; a talk or
a 书面检查 is closed only with its record."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.refusals import refusal, refused
from zeroerror.attachments.actions import do_upload_attachment
from zeroerror.errors.models import MeasureRecord
from zeroerror.tracking import actions as tracking
from zeroerror.tracking.models import ItemStatus, Notification, TrackedItem

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1
TALK_REFUSAL = "请先上传谈话记录，或填写不少于 10 字的谈话记录摘要，再办结。"


def items_of(code, person):
    measure = MeasureRecord.objects.get(code=code, person=person)
    return list(TrackedItem.objects.for_source(measure).select_related("owner").order_by("id"))


@pytest.mark.clause("二.2(1)")
def test_it_gives_a_staff_members_talk_to_her_department_head(team, make_lead, confirm):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2))
    [item] = items_of("reminder_talk", team.alice)
    assert item.owner == team.dora and item.title == "对艾丽进行提醒谈话"
    assert item.record_required == "谈话记录"
    assert not TrackedItem.objects.filter(owner=team.director).exists()


@pytest.mark.clause("二.2(1)")
def test_it_gives_a_department_heads_talk_to_the_leader_in_charge(team, make_lead, confirm):
    confirm(make_lead(team.dora, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2))
    [item] = items_of("reminder_talk", team.dora)
    assert item.owner == team.leo


@pytest.mark.clause("二.2(2)")
def test_it_gives_a_suspension_to_the_performance_office_and_the_head_and_tells_the_person(team, make_lead, confirm):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 2))
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 3))

    items = items_of("suspension", team.alice)
    assert [(i.owner, i.title) for i in items] == [
        (team.perfhead, "组织艾丽停职整改"), (team.dora, "落实艾丽停职整改")]
    assert not TrackedItem.objects.filter(owner=team.alice, title__contains="停职").exists()
    assert Notification.objects.filter(recipient=team.alice, title="处理措施通知：停职整改").count() == 1


@pytest.mark.clause("二.2(3)")
def test_it_gives_the_discipline_committees_talk_to_the_discipline_office_not_the_principal(team, make_lead, confirm):
    for n in (1, 2, 3):
        confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, n))

    [talk] = items_of("leader_discipline_talk", team.leo)
    assert talk.owner == team.auditor and talk.record_required == "谈话记录"
    [referral] = items_of("discipline_referral", team.alice)
    assert referral.owner == team.auditor
    [reminder] = items_of("leader_reminder_talk", team.leo)
    assert reminder.owner == team.principal  # 二.2(3): the 院长 talks to the leader in charge
    assert not TrackedItem.objects.filter(owner=team.principal, title__contains="院纪委").exists()


@pytest.mark.clause("二.2(1)")
def test_it_refuses_to_close_a_talk_without_its_record(team, make_lead, confirm):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2))
    [item] = items_of("reminder_talk", team.alice)
    with refused(TALK_REFUSAL):
        tracking.do_close_tracked_item(item, "已谈话", actor=team.dora.user)
    with refused(TALK_REFUSAL):
        tracking.do_close_tracked_item(item, "已谈话", "谈了", actor=team.dora.user)

    tracking.do_close_tracked_item(item, "已谈话", "指出文件运转超时的原因，本人表示今后按时限办理。", actor=team.dora.user)
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE and item.record_summary.startswith("指出文件运转超时")


@pytest.mark.clause("二.2(2)")
def test_it_closes_a_written_self_examination_once_the_file_is_uploaded(team, make_lead, confirm):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 2))
    [item] = items_of("written_self_examination", team.alice)
    with refused("请先上传书面检查，或填写不少于 10 字的书面检查摘要，再办结。"):
        tracking.do_close_tracked_item(item, "已交", actor=team.alice.user)

    do_upload_attachment(item, SimpleUploadedFile("书面检查.txt", "我的书面检查".encode()), actor=team.alice.user)
    tracking.do_close_tracked_item(item, "已交", actor=team.alice.user)
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE


def test_it_asks_for_the_talk_record_on_the_item_page_and_refuses_a_close_without_it(team, make_lead, confirm, login):
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2))
    [item] = items_of("reminder_talk", team.alice)
    client = login(team.dora)
    page = client.get(f"/tracking/{item.pk}/").content.decode()
    assert "谈话记录摘要" in page and "上传文件或填写摘要后方可办结" in page

    response = client.post(f"/tracking/{item.pk}/close/", {"note": "已谈话", "summary": ""}, follow=True)
    assert TALK_REFUSAL in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.OPEN

    summary = "当面指出超时问题，本人已认识到并承诺改进。"
    response = client.post(f"/tracking/{item.pk}/close/", {"note": "已谈话", "summary": summary}, follow=True)
    page = response.content.decode()
    assert "事项已办结" in page and summary in page
    assert refusal(login(team.bob).post(f"/tracking/{item.pk}/close/", {"note": "x"}))[0] == 404
