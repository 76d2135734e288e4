"""A measure (提醒谈话, 书面检查 …) becomes a tracked item that is seen exactly by those who may see the error's
penalties — the person, their 科室负责人 and 分管领导, the verifiers — and by whoever must act on it; colleagues see
nothing, not in the item page, the list, the area page or the attachments (issue 9 defect 2)."""

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zeroerror.attachments.models import Attachment
from zeroerror.errors.models import MeasureRecord
from zeroerror.org.models import LeaderCharge

pytestmark = pytest.mark.django_db
YEAR = date.today().year - 1


@pytest.fixture
def self_examination(team, make_lead, confirm):
    """alice's first serious error: she owes a 书面检查 (her own tracked item)."""
    confirm(make_lead(team.alice, occurred_on=date(YEAR, 3, 1)), "serious", on=date(YEAR, 3, 2))
    return MeasureRecord.objects.get(code="written_self_examination", person=team.alice).tracked_item


@pytest.fixture
def talk(team, make_lead, confirm):
    """dora's (the office's 科室负责人) first general error: a 提醒谈话 her 分管领导 leo must hold."""
    lead = confirm(make_lead(team.dora, occurred_on=date(YEAR, 3, 1)), on=date(YEAR, 3, 2))
    return lead, MeasureRecord.objects.get(code="reminder_talk").tracked_item


@pytest.mark.clause("二.2(2)")
def test_it_shows_a_self_examination_only_to_the_person_and_those_over_the_error(team, self_examination, login):
    url = f"/tracking/{self_examination.pk}/"
    for person in (team.alice, team.dora, team.leo, team.perfstaff, team.perfhead, team.inspector, team.principal):
        assert login(person).get(url).status_code == 200, person.name
    for person in (team.bob, team.charlie, team.medhead, team.director, team.admin):
        client = login(person)
        assert client.get(url).status_code == 404, person.name
        assert "书面检查" not in client.get("/tracking/?status=all").content.decode(), person.name
        assert "书面检查" not in client.get("/area/errors/").content.decode(), person.name


def test_it_lets_only_the_people_acting_on_a_measure_upload_to_it(team, self_examination, login):
    url = f"/tracking/{self_examination.pk}/attach/"
    bob = login(team.bob).post(url, {"file": SimpleUploadedFile("检查.txt", "代写的检查".encode())})
    assert bob.status_code == 404
    dora = login(team.dora).post(url, {"file": SimpleUploadedFile("检查.txt", "代交".encode())})
    assert dora.status_code == 403
    assert not Attachment.objects.exists()
    page = login(team.dora).get(f"/tracking/{self_examination.pk}/").content.decode()
    assert "上传办理材料" not in page
    alice = login(team.alice).post(url, {"file": SimpleUploadedFile("检查.txt", "我的书面检查".encode())}, follow=True)
    assert "附件已上传" in alice.content.decode()
    assert Attachment.objects.get().uploaded_by == team.alice


def test_it_names_the_error_without_a_link_to_whoever_may_not_open_it(team, talk, login):
    lead, item = talk
    assert item.owner == team.leo
    # leo no longer oversees the office: he still holds the talk but may not open the 差错 — no dead link
    LeaderCharge.objects.filter(leader=team.leo).update(ended_on=timezone.localdate())
    page = login(team.leo).get(f"/tracking/{item.pk}/").content.decode()
    assert f"差错线索 #{lead.pk} 的处理措施" in page and f'href="/errors/{lead.pk}/"' not in page
    assert login(team.leo).get(f"/errors/{lead.pk}/").status_code == 404
    page = login(team.perfstaff).get(f"/tracking/{item.pk}/").content.decode()
    assert f'href="/errors/{lead.pk}/"' in page


def test_every_source_link_on_an_item_page_opens(team, talk, self_examination, login):
    """For every persona and every item they can open, each link in the 来源 line answers 200."""
    checked = 0
    for person in (team.alice, team.bob, team.dora, team.leo, team.director, team.perfstaff, team.principal,
                   team.auditor, team.charlie):
        client = login(person)
        for pk in set(re.findall(r'href="/tracking/(\d+)/"', client.get("/tracking/?status=all").content.decode())):
            page = client.get(f"/tracking/{pk}/").content.decode()
            for href in re.findall(r'<dt>来源</dt><dd><a href="([^"]+)"', page):
                assert client.get(href).status_code == 200, (person.name, pk, href)
                checked += 1
    assert checked >= 4
