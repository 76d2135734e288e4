"""The 机关代字 page: everyone who drafts reads it, the 办公室主任 alone sets it."""

from tests.pages import page
from tests.refusals import nothing_changes, refusal
from zeroerror.documents.models import AgencyCode


def test_it_lets_the_office_director_add_a_code_for_letters(docs, login):
    client = login(docs.director)
    response = client.post("/documents/agency-codes/", {"code": "测医函", "kinds": ["letter"], "mark": "",
                                                        "active": "on"}, follow=True)
    assert "机关代字“测医函”已设置。" in response.content.decode()
    entry = AgencyCode.objects.get()
    assert (entry.code, entry.kinds, entry.unit_id) == ("测医函", ["letter"], docs.unit.pk)


def test_it_names_the_missing_field(docs, login):
    with nothing_changes():
        response = login(docs.director).post("/documents/agency-codes/", {"code": "", "kinds": ["letter"]},
                                             follow=True)
    assert "请填写机关代字" in response.content.decode()


def test_staff_read_the_table_but_cannot_change_it(docs, login, django_assert_max_num_queries):
    AgencyCode.objects.create(unit=docs.unit, code="测医函", kinds=["letter"])
    client = login(docs.charlie)
    with django_assert_max_num_queries(30):
        _, html = page(client, "/documents/agency-codes/")
    assert "测医函" in html and "函" in html and "新增代字" not in html
    with nothing_changes():
        response = client.post("/documents/agency-codes/", {"code": "测医便函", "kinds": ["letter"]})
    assert refusal(response) == (403, "只有办公室主任可以设置机关代字。")
    entry = AgencyCode.objects.get()
    assert client.get(f"/documents/agency-codes/{entry.pk}/").status_code == 403


def test_another_units_code_is_not_found(docs, login, other_unit):
    theirs = AgencyCode.objects.create(unit=other_unit.unit, code="外医函", kinds=["letter"])
    client = login(docs.director)
    assert client.get(f"/documents/agency-codes/{theirs.pk}/").status_code == 404
    assert "外医函" not in page(client, "/documents/agency-codes/")[1]
