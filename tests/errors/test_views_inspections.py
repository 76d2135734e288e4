"""内部检查 pages: list, new (areas), the checklist grouped by area, recording, completion; verifiers only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.refusals import nothing_changes, refusal
from zeroerror.errors import actions
from zeroerror.errors.models import Channel, Inspection, InspectionStatus, ItemResult, Lead

pytestmark = pytest.mark.django_db

LIST = "/errors/inspections/"


@pytest.fixture
def start(team):
    def do(areas=("documents",), *, actor=None):
        return actions.do_start_inspection("2026年11月办公室内部检查", timezone.localdate(), list(areas),
                                           actor=(actor or team.inspector).user)

    return do


def url(inspection, suffix=""):
    return f"/errors/inspections/{inspection.pk}/{suffix}"


def record_url(item):
    return f"/errors/inspections/items/{item.pk}/record/"


def test_a_verifier_starts_an_inspection_from_the_chosen_areas(team, login):
    client = login(team.inspector)
    page = client.get(f"{LIST}new/").content.decode()
    assert "一(一) 公文处理" in page and "一(八) 环境管理" in page
    response = client.post(f"{LIST}new/", {"title": "2026年11月办公室内部检查", "date": timezone.localdate(),
                                           "areas": ["documents"]})
    inspection = Inspection.objects.get()
    assert response.status_code == 302 and response["Location"] == url(inspection)
    assert [i.clause.code for i in inspection.items.with_related()] == [f"一(一){n}" for n in range(1, 9)]


def test_a_start_without_areas_shows_the_reason(team, login):
    response = login(team.perfstaff).post(f"{LIST}new/", {"title": "检查", "date": timezone.localdate()})
    assert response.status_code == 200 and "errorlist" in response.content.decode()
    assert not Inspection.objects.exists()


def test_the_checklist_shows_each_clause_grouped_by_area_with_result_buttons(team, login, start):
    inspection = start(["documents", "seals"])
    html = login(team.inspector).get(url(inspection)).content.decode()
    assert html.index("一(一) 公文处理") < html.index("一(一)1") < html.index("一(一)8") < html.index("一(六) 印信管理")
    clause = inspection.items.with_related().first().clause
    assert clause.title in html and clause.text in html
    assert html.count('value="fail"') == 15 and html.count('value="pass"') == 15
    assert "完成检查</button>" in html and "data-confirm=" in html
    assert "<script" not in html.split("</head>")[1] and "style=" not in html


def test_a_verifier_records_items_through_the_form(team, login, start):
    inspection = start()
    client = login(team.inspector)
    target = inspection.items.get(clause__code="一(一)4")
    response = client.post(record_url(target), {"result": "fail", "finding": "", "person": team.alice.pk})
    assert response.status_code == 302 and response["Location"] == f"{url(inspection)}#item-{target.pk}"
    target.refresh_from_db()
    assert target.result == ItemResult.PENDING
    assert "须填写发现的问题" in client.get(url(inspection)).content.decode()
    client.post(record_url(target), {"result": "fail", "finding": "运转超时", "person": team.alice.pk,
                                     "occurred_on": ""})
    target.refresh_from_db()
    assert (target.result, target.person, target.occurred_on) == (ItemResult.FAIL, team.alice, inspection.date)


@pytest.mark.clause("二.1(4)")
def test_completion_needs_every_item_and_links_each_failed_item_to_its_lead(team, login, start):
    inspection = start()
    client = login(team.inspector)
    items = list(inspection.items.with_related())
    for it in items[1:]:
        client.post(record_url(it), {"result": "pass"})
    response = client.post(url(inspection, "complete/"), follow=True)
    assert "还有 1 项未检查" in response.content.decode()
    assert Inspection.objects.get().status == InspectionStatus.DRAFT and not Lead.objects.exists()

    client.post(record_url(items[0]), {"result": "fail", "finding": "收文未登记", "person": team.bob.pk})
    client.post(record_url(items[1]), {"result": "fail", "finding": "首读缺失", "person": team.alice.pk})
    client.post(url(inspection, "complete/"))
    inspection.refresh_from_db()
    assert inspection.status == InspectionStatus.COMPLETED
    leads = {lead.clause.code: lead for lead in Lead.objects.all()}
    assert set(leads) == {"一(一)1", "一(一)2"} and {lead.channel for lead in leads.values()} == {Channel.INSPECTION}
    html = client.get(url(inspection)).content.decode()
    for lead in leads.values():
        assert f'href="/errors/{lead.pk}/"' in html
    assert "完成检查</button>" not in html and 'value="fail"' not in html
    lead_page = login(team.perfhead).get(f"/errors/{leads['一(一)1'].pk}/").content.decode()
    assert f'href="{url(inspection)}"' in lead_page


@pytest.mark.parametrize("who", ["alice", "dora", "director", "leo", "principal"])
def test_others_get_403_on_start_and_404_on_an_inspection(team, login, start, who):
    inspection = start()
    target = inspection.items.first()
    client = login(getattr(team, who))
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}new/").status_code == 403
    assert client.post(f"{LIST}new/", {"title": "x", "date": timezone.localdate(),
                                       "areas": ["documents"]}).status_code == 403
    assert client.get(url(inspection)).status_code == 404
    assert client.post(record_url(target), {"result": "pass"}).status_code == 404
    assert client.post(url(inspection, "complete/")).status_code == 404
    assert Inspection.objects.count() == 1 and inspection.items.pending().count() == 8


def test_another_verifier_works_on_the_groups_inspection_but_not_after_completion(team, login, start):
    inspection = start()
    client = login(team.perfstaff)
    for it in inspection.items.all():
        assert client.post(record_url(it), {"result": "not_applicable"}).status_code == 302
    client.post(url(inspection, "complete/"))
    target = inspection.items.first()
    with nothing_changes():
        record = client.post(record_url(target), {"result": "pass"})
        complete = client.post(url(inspection, "complete/"))
    assert refusal(record) == (403, "您不能记录此检查项。")
    assert refusal(complete) == (403, "您不能完成此检查。")


def test_the_menu_shows_inspections_to_verifiers_only(team, login):
    assert f'href="{LIST}"' in login(team.inspector).get("/errors/").content.decode()
    assert f'href="{LIST}"' not in login(team.alice).get("/errors/").content.decode()


def test_the_list_page_query_count_is_constant_as_inspections_grow(team, login, start):
    client = login(team.inspector)
    start()
    with CaptureQueriesContext(connection) as baseline:
        assert client.get(LIST).status_code == 200
    for n in range(5):
        inspection = start(["documents", "meetings"], actor=team.perfstaff if n % 2 else team.inspector)
        if n % 2:
            for it in inspection.items.all():
                actions.do_record_inspection_item(it, "fail", "问题", team.bob, None, actor=team.inspector.user)
            actions.do_complete_inspection(inspection, actor=team.inspector.user)
    with CaptureQueriesContext(connection) as grown:
        response = client.get(LIST)
    assert len(grown) == len(baseline)
    assert len(response.context["page"].object_list) == 6
    html = response.content.decode()
    assert "公文处理、一(二) 会务工作" in html and "21/21" in html


def test_the_person_named_sees_the_finding_without_a_dead_link_to_the_checklist(team, login, start):
    inspection = start()
    items = list(inspection.items.with_related())
    for it in items[1:]:
        actions.do_record_inspection_item(it, "pass", "", None, None, actor=team.inspector.user)
    actions.do_record_inspection_item(items[0], "fail", "收文未登记来文机关", team.bob, None, actor=team.inspector.user)
    actions.do_complete_inspection(inspection, actor=team.inspector.user)
    lead = Lead.objects.get()
    html = login(team.bob).get(f"/errors/{lead.pk}/").content.decode()
    assert lead.source_label in html and f'href="{url(inspection)}"' not in html
    assert login(team.bob).get(url(inspection)).status_code == 404


def test_the_new_inspection_form_is_dated_today_so_the_first_submit_goes_through(team, login):
    """The date picker shows today (an ISO value: the zh-hans 2026/12/02 left it blank and the first submit failed);
    posting the form as the browser fills it starts the inspection."""
    import re

    client = login(team.inspector)
    page = client.get(f"{LIST}new/").content.decode()
    today = timezone.localdate().isoformat()
    assert f'type="date" name="date" value="{today}"' in page
    title = re.search(r'name="title" value="([^"]+)"', page).group(1)
    response = client.post(f"{LIST}new/", {"title": title, "date": today, "areas": ["documents"]})
    assert response.status_code == 302
    assert Inspection.objects.get().date == timezone.localdate()
