from datetime import timedelta

from django.utils import timezone

from tests.pages import assert_shown, page
from zeroerror.tracking.actions import do_create_tracked_item
from zeroerror.tracking.models import ItemStatus, TrackedItem


def make(org, owner=None, title="上报季度总结", days=3):
    return do_create_tracked_item(title=title, owner=owner or org.alice,
                                  due_at=timezone.now() + timedelta(days=days), area="general",
                                  actor=org.director.user)


def test_it_shows_the_item_to_its_owner_head_leader_and_office(org, login):
    item = make(org)
    for person in (org.alice, org.dora, org.leo, org.director, org.bob):
        assert login(person).get(f"/tracking/{item.pk}/").status_code == 200, person.name


def test_another_departments_staff_get_404_by_url(org, login):
    item = make(org)
    client = login(org.charlie)
    assert client.get(f"/tracking/{item.pk}/").status_code == 404
    assert client.post(f"/tracking/{item.pk}/close/", {"note": "我来办结"}).status_code == 404
    item.refresh_from_db()
    assert item.status == ItemStatus.OPEN
    assert "上报季度总结" not in client.get("/tracking/").content.decode()


def test_only_the_owner_reports_progress(org, login):
    item = make(org)
    assert login(org.bob).post(f"/tracking/{item.pk}/progress/", {"text": "代报"}).status_code == 403
    response = login(org.alice).post(f"/tracking/{item.pk}/progress/", {"text": "已起草"}, follow=True)
    assert "进展已报告" in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS


def test_closing_needs_a_note(org, login):
    item = make(org)
    response = login(org.alice).post(f"/tracking/{item.pk}/close/", {"note": ""}, follow=True)
    assert "请填写办结情况" in response.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.OPEN


def test_a_head_assigns_an_item_and_bad_input_is_explained(org, login):
    client = login(org.dora)
    response = client.post("/tracking/new/", {"title": "整改", "owner": org.alice.pk, "area": "general",
                                               "due_at": "2020-01-01T10:00", "clause_id": "一(九)1"})
    html = response.content.decode()
    assert "办理时限须晚于当前时间" in html and "条款编号不存在" in html
    assert not TrackedItem.objects.filter(title="整改").exists()
    due = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    response = client.post("/tracking/new/", {"title": "整改", "owner": org.alice.pk, "area": "documents",
                                               "due_at": due, "clause_id": "一(一)5"})
    assert response.status_code == 302
    assert TrackedItem.objects.get(title="整改").created_by == org.dora


def test_staff_cannot_assign(org, login):
    assert login(org.alice).get("/tracking/new/").status_code == 403


def test_a_head_cannot_assign_to_another_department(org, login):
    due = (timezone.localtime() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    response = login(org.dora).post("/tracking/new/", {"title": "越权", "owner": org.charlie.pk, "area": "general",
                                                        "due_at": due})
    assert response.status_code == 200 and not TrackedItem.objects.filter(title="越权").exists()


def test_the_list_does_a_constant_number_of_queries(org, login):
    client = login(org.director)
    make(org)
    one, _ = page(client, "/tracking/")
    for i in range(15):
        make(org, owner=org.bob if i % 2 else org.charlie, title=f"事项{i}")
    many, html = page(client, "/tracking/")
    assert many == one
    assert_shown(html, [f"事项{i}" for i in range(15)])
