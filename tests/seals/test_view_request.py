"""Filing a request and approving it from its page (一(六)2)."""

import pytest

from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.seals.models import RequestStatus, SealRequest


def test_staff_file_a_request(org, login, seals):
    response = login(org.charlie).post("/seals/requests/new/", {
        "seal": seals.unit.pk, "kind": "document", "document": "进修人员推荐表", "copies": 2, "purpose": "报市卫健委"},
        follow=True)
    assert "用印申请已提交" in response.content.decode()
    assert SealRequest.objects.get().requester == org.charlie


@pytest.mark.clause("一(六)5")
def test_a_blank_sheet_request_is_refused_on_the_form(org, login, seals):
    client = login(org.charlie)
    with nothing_changes():
        response = client.post("/seals/requests/new/", {
            "seal": seals.unit.pk, "kind": "document", "document": "空白信笺", "copies": 2, "purpose": "备用"})
    assert "不准出具盖有本单位、办公室印章的空白信。" in response.content.decode()


@pytest.mark.clause("一(六)2")
def test_the_director_approves_from_the_page(org, login, make_request):
    request = make_request()
    client = login(org.director)
    assert "批准用印" in client.get(f"/seals/requests/{request.pk}/").content.decode()
    client.post(f"/seals/requests/{request.pk}/approve/", {"note": "同意"})
    assert SealRequest.objects.get(pk=request.pk).status == RequestStatus.APPROVED


@pytest.mark.clause("一(六)2")
def test_the_director_cannot_approve_his_own_request_by_post(org, login, make_request):
    request = make_request(org.director)
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/seals/requests/{request.pk}/approve/", {"note": ""})
    assert refusal(response) == (403, "不能审批本人的用印申请。")


@pytest.mark.clause("一(六)2")
def test_the_custodian_cannot_approve(org, login, make_request):
    request = make_request()
    client = login(org.kate)
    with nothing_changes():
        response = client.post(f"/seals/requests/{request.pk}/approve/", {"note": ""})
    assert refusal(response) == (403, "用印须经办公室主任批准。")


def test_the_list_costs_the_same_for_many_requests_and_shows_them(org, login, make_request):
    make_request()
    client = login(org.director)
    few, _ = page(client, "/seals/requests/")
    made = [make_request(person, document=f"证明材料{i}") for i, person in
            enumerate([org.alice, org.bob, org.charlie, org.dora, org.medhead] * 2)]
    many, text = page(client, "/seals/requests/")
    assert many == few
    assert_shown(text, [r.document for r in made] + ["艾丽（办公室）", "梅科长（医务科）"])


def test_a_colleague_sees_only_their_own_requests(org, login, make_request):
    mine = make_request(org.charlie, document="查理的证明")
    other = make_request(org.medhead, document="科长的证明")
    _, text = page(login(org.charlie), "/seals/requests/")
    assert mine.document in text and other.document not in text


def test_another_unit_sees_nothing(org, login, make_request, other_unit):
    request = make_request()
    _, text = page(login(other_unit.director), "/seals/requests/")
    assert request.document not in text
