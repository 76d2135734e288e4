"""The letterhead register (一(六)7): the keeper issues to named colleagues; the register is theirs to read."""

import pytest

from tests.refusals import nothing_changes, refusal
from zeroerror.seals.models import LetterheadIssue


@pytest.mark.clause("一(六)7")
def test_the_keeper_issues_from_the_page(org, login, seals):
    client = login(org.kate)
    response = client.post("/seals/letterhead/", {"kind": "unit", "sheets": 20, "recipient": org.charlie.pk,
                                                  "purpose": "对外函件"}, follow=True)
    assert "信笺领用已登记" in response.content.decode() and "查理（医务科）" in response.content.decode()
    assert LetterheadIssue.objects.get().recipient == org.charlie


@pytest.mark.clause("一(六)7")
def test_a_person_of_another_unit_cannot_be_chosen(org, login, seals, other_unit):
    client = login(org.kate)
    with nothing_changes():
        response = client.post("/seals/letterhead/", {"kind": "unit", "sheets": 20, "recipient": other_unit.staff.pk,
                                                      "purpose": "借用"})
    assert response.status_code == 200 and not LetterheadIssue.objects.exists()


@pytest.mark.clause("一(六)7")
def test_nobody_else_issues(org, login, seals):
    client = login(org.alice)
    with nothing_changes():
        response = client.post("/seals/letterhead/", {"kind": "unit", "sheets": 20, "recipient": org.charlie.pk,
                                                      "purpose": "x"})
    assert refusal(response) == (403, "公用信笺由专人管理：只有信笺管理员可以发放信笺。")
