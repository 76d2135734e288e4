"""Seals and their custodians on one page (一(六)1)."""

from datetime import date

import pytest

from tests.pages import page
from tests.refusals import nothing_changes, refusal
from zeroerror.seals.models import Appointment


@pytest.mark.clause("一(六)1")
def test_the_page_names_each_seals_custodian_with_the_history(org, login, seals):
    client = login(org.director)
    client.post("/seals/seals/appoint/", {"duty": "seal", "seal": seals.unit.pk, "person": org.bob.pk,
                                          "started_on": "2026-03-01"})
    assert Appointment.objects.current(date(2026, 3, 2)).get(seal=seals.unit).person == org.bob
    _, text = page(client, "/seals/seals/")
    assert "鲍勃" in text and "冯专管" in text and "2026-03-01" in text and "现任" in text


@pytest.mark.clause("一(六)1")
def test_only_the_director_appoints(org, login, seals):
    client = login(org.kate)
    with nothing_changes():
        response = client.post("/seals/seals/appoint/", {"duty": "seal", "seal": seals.unit.pk, "person": org.bob.pk,
                                                         "started_on": "2026-03-01"})
    assert refusal(response) == (403, "印章和信笺的专管人员由办公室主任指定。")


@pytest.mark.parametrize("started_on", ["0000-01-01", "9999-12-31", "abc"])
def test_a_silly_date_is_refused_without_a_500(org, login, seals, started_on):
    client = login(org.director)
    with nothing_changes():
        response = client.post("/seals/seals/appoint/", {"duty": "seal", "seal": seals.unit.pk, "person": org.bob.pk,
                                                         "started_on": started_on})
    assert response.status_code == 200
