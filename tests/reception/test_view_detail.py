"""A 客情's page: who sees it, and its actions (arrange, withdraw)."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.reception.models import GuestReport, ReportStatus
from zeroerror.tracking.models import TrackedItem


def test_the_office_the_leaders_and_the_handler_see_it_others_get_404(org, other_unit, login, make_report):
    report = make_report(handler=org.dora)
    url = f"/reception/{report.pk}/"
    for person in (org.alice, org.dora, org.bob, org.director, org.leo, org.principal, org.auditor):
        assert login(person).get(url).status_code == 200, person.name
    for person in (org.charlie, org.medhead, org.admin, other_unit.director, other_unit.principal):
        assert login(person).get(url).status_code == 404, person.name


def test_a_medical_handler_sees_their_own_report(org, login, make_report):
    report = make_report(handler=org.charlie)
    html = login(org.charlie).get(f"/reception/{report.pk}/").content.decode()
    assert "市卫生健康委员会 · 张处长" in html and "一人清真饮食" in html


@pytest.mark.clause("一(三)1")
def test_the_handler_records_the_arrangement_and_the_item_closes(org, login, make_report):
    report = make_report()
    response = login(org.alice).post(f"/reception/{report.pk}/arrange/", {"arrangement": "安排三楼接待室座谈"},
                                     follow=True)
    assert "接待安排已落实。" in response.content.decode()
    assert GuestReport.objects.get(pk=report.pk).status == ReportStatus.APPROVED
    assert TrackedItem.objects.for_source(report).get().status == "done"


def test_an_important_report_needs_a_plan_not_an_arrangement(org, login, make_report):
    report = make_report(important=True)
    client = login(org.alice)
    with nothing_changes():
        response = client.post(f"/reception/{report.pk}/arrange/", {"arrangement": "随便安排"}, follow=True)
    assert "重要接待须拟订接待方案并经领导批准（一(三)2）。" in response.content.decode()


def test_someone_outside_cannot_withdraw(org, login, make_report):
    report = make_report(handler=org.charlie)
    client = login(org.medhead)
    with nothing_changes():
        response = client.post(f"/reception/{report.pk}/withdraw/", {"reason": "x"})
    assert refusal(response) == (404, "")
    client = login(org.charlie)
    report2 = make_report(handler=org.alice, actor=org.charlie)
    with nothing_changes():
        response = client.post(f"/reception/{report2.pk}/withdraw/", {"reason": "x"})
    assert refusal(response) == (403, "只有承办人和办公室人员可以办理此客情。")


def test_withdrawing_keeps_the_report_and_cancels_its_item(org, login, make_report):
    report = make_report()
    response = login(org.bob).post(f"/reception/{report.pk}/withdraw/", {"reason": "对方行程取消"}, follow=True)
    assert "客情已取消。" in response.content.decode()
    report.refresh_from_db()
    assert (report.status, report.withdraw_reason) == (ReportStatus.WITHDRAWN, "对方行程取消")
    assert TrackedItem.objects.for_source(report).get().status == "cancelled"


def test_a_non_numeric_id_is_404(org, login):
    assert login(org.alice).get("/reception/abc/").status_code == 404
