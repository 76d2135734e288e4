"""Lead list and detail pages: who sees what (issue 3 item 9), and the actions offered."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.errors.models import Channel, Lead

pytestmark = pytest.mark.django_db


def test_it_shows_staff_only_their_own_errors(team, make_lead, login):
    mine, other = make_lead(team.alice), make_lead(team.bob)
    client = login(team.alice)
    assert client.get(f"/errors/{mine.pk}/").status_code == 200
    assert client.get(f"/errors/{other.pk}/").status_code == 404
    html = client.get("/errors/").content.decode()
    assert f"#{mine.pk}<" in html and f"#{other.pk}<" not in html


def test_it_shows_heads_leaders_and_the_performance_office_their_scope(team, make_lead, login):
    lead = make_lead(team.alice)
    for person in (team.dora, team.leo, team.perfhead, team.perfstaff, team.inspector):
        assert login(person).get(f"/errors/{lead.pk}/").status_code == 200, person.name
    for person in (team.charlie, team.medhead, team.auditor):
        assert login(person).get(f"/errors/{lead.pk}/").status_code == 404, person.name


def test_it_shows_the_discipline_office_errors_with_talk_records(team, make_lead, confirm, login):
    lead = confirm(make_lead(team.alice))
    assert login(team.auditor).get(f"/errors/{lead.pk}/").status_code == 200


@pytest.mark.clause("二.1(1)")
def test_it_shows_a_named_reporter_to_the_verifiers_and_themselves_only(team, make_lead, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    lead = make_lead(team.alice, channel=Channel.REPORT, actor=team.charlie)
    login(team.charlie).post(f"/errors/{lead.pk}/attach/", {"file": SimpleUploadedFile("补充.txt", "照片说明".encode())})
    for person in (team.perfstaff, team.perfhead, team.inspector, team.charlie):
        assert "查理" in login(person).get(f"/errors/{lead.pk}/").content.decode(), person.name
    for person in (team.alice, team.dora, team.leo, team.principal):
        page = login(person).get(f"/errors/{lead.pk}/").content.decode()
        assert "查理" not in page and "不向当事人公开" in page and "补充.txt" in page, person.name


def test_it_offers_confirmation_to_verifiers_only(team, make_lead, login):
    lead = make_lead(team.alice)
    assert "查实</button>" in login(team.perfstaff).get(f"/errors/{lead.pk}/").content.decode()
    assert "查实</button>" not in login(team.dora).get(f"/errors/{lead.pk}/").content.decode()
    client = login(team.dora)
    with nothing_changes():
        response = client.post(f"/errors/{lead.pk}/confirm/", {"severity": "general", "note": "x"})
    assert refusal(response) == (403, "您不能核查此线索。")
    client = login(team.charlie)
    with nothing_changes():
        response = client.post(f"/errors/{lead.pk}/confirm/", {"severity": "general", "note": "x"})
    assert refusal(response) == (404, "")


@pytest.mark.clause("二.2")
def test_it_confirms_through_the_form_and_the_person_appeals(team, make_lead, login):
    lead = make_lead(team.alice)
    login(team.perfstaff).post(f"/errors/{lead.pk}/confirm/", {"severity": "serious", "note": "属实"})
    lead.refresh_from_db()
    assert lead.status == "confirmed" and lead.severity == "serious"
    response = login(team.alice).post(f"/errors/{lead.pk}/appeal/", {"reasons": "不服"}, follow=True)
    assert "申诉已提交" in response.content.decode()
    appeal = lead.appeals.get()
    assert login(team.perfstaff).post(f"/errors/appeals/{appeal.pk}/decide/", {"upheld": "1", "reasons": "x"}).status_code == 403
    login(team.perfhead).post(f"/errors/appeals/{appeal.pk}/decide/", {"upheld": "1", "reasons": "查明有误"})
    lead.refresh_from_db()
    assert lead.status == "overturned"


def test_it_takes_a_report_from_anyone_with_evidence(team, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from zeroerror.rulebook.models import Clause

    clause = Clause.objects.current().get(code="一(六)3")
    response = login(team.charlie).post("/errors/report/", {
        "channel": "report", "clause": clause.pk, "person": team.bob.pk, "occurred_on": "2026-01-05",
        "description": "用印未登记", "evidence": SimpleUploadedFile("证据.txt", "登记簿照片说明".encode()),
    })
    assert response.status_code == 302
    lead = Lead.objects.get()
    assert not lead.anonymous and lead.reporter == team.charlie and lead.channel == "report"
    assert lead.events.get().actor == team.charlie


def test_the_list_query_count_does_not_grow_with_rows(team, make_lead, login):
    client = login(team.perfhead)
    leads = [make_lead(team.alice)]
    few, _ = page(client, "/errors/")
    leads += [make_lead(team.bob) for _ in range(5)]
    many, html = page(client, "/errors/")
    assert many == few
    assert_shown(html, [f"/errors/{lead.pk}/" for lead in leads])


@pytest.mark.clause("二.1")
def test_the_second_verifier_is_told_who_verified_and_when_not_a_bare_403(team, make_lead, confirm, login):
    import html as html_lib
    import re

    lead = make_lead(team.alice)
    client = login(team.perfhead)
    assert "查实" in client.get(f"/errors/{lead.pk}/").content.decode()  # his page still offers 查实
    confirm(lead)  # meanwhile 韩科员 (perfstaff) confirmed it
    with nothing_changes():
        response = client.post(f"/errors/{lead.pk}/confirm/", {"severity": "serious", "note": "属实"}, follow=True)
    assert response.status_code == 200
    text = html_lib.unescape(response.content.decode())
    assert re.search(r"已由韩科员于\d{4}-\d\d-\d\d \d\d:\d\d核查（已查实（差错）），请刷新页面查看。", text)
    response = client.post(f"/errors/{lead.pk}/reject/", {"reasons": "不属实"}, follow=True)
    assert "已由韩科员于" in html_lib.unescape(response.content.decode())
    lead.refresh_from_db()
    assert lead.severity == "general" and lead.verified_by == team.perfstaff
    # someone who could never verify it still gets the refusal
    assert refusal(login(team.dora).post(f"/errors/{lead.pk}/confirm/", {"severity": "general", "note": "x"})) == (
        403, "您不能核查此线索。")


@pytest.mark.clause("二.1")
def test_a_duplicate_report_is_warned_and_can_be_merged_into_the_existing_lead(team, make_lead, login):
    from django.utils import timezone

    from zeroerror.errors.models import LeadEvent

    today = timezone.localdate()
    first = make_lead(team.alice, channel=Channel.REPORT, actor=team.charlie)
    data = {"channel": "report", "clause": first.clause.pk, "person": team.alice.pk, "occurred_on": today.isoformat(),
            "description": "同一件事：文件压了三天"}
    client = login(team.charlie)
    with nothing_changes():
        page_ = client.post("/errors/report/", data).content.decode()
    assert "可能重复：" in page_ and f"合并到线索 #{first.pk}" in page_ and "仍然单独登记" in page_

    response = client.post("/errors/report/", {**data, "on_duplicate": f"merge:{first.pk}"})
    assert response.status_code == 302 and response["Location"] == f"/errors/{first.pk}/"
    assert Lead.objects.count() == 1
    assert LeadEvent.objects.filter(lead=first, title="合并的重复举报/线索", text="同一件事：文件压了三天").exists()

    response = client.post("/errors/report/", {**data, "on_duplicate": "new"})
    second = Lead.objects.exclude(pk=first.pk).get()
    # the verifiers see the possible duplicate on the new lead's page
    html = login(team.perfstaff).get(f"/errors/{second.pk}/").content.decode()
    assert f'可能重复：</b>同一责任人、条款、发生日期和渠道的线索 <a href="/errors/{first.pk}/">#{first.pk}</a>' in html
    # someone else reporting the same lapse, who may not see the first lead, is told nothing about it
    login(team.bob).post("/errors/report/", data)
    assert Lead.objects.count() == 3
