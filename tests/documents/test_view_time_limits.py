"""The 办理时限 table managed in the app (issue 11 item 4): validated, versioned, audited; the new limits count."""

import pytest

from tests.pages import page
from tests.refusals import nothing_changes, refusal
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.forms import TimeLimitForm
from zeroerror.documents.models import TimeLimitVersion
from zeroerror.documents.timelimits import DEFAULT_TABLE
from zeroerror.workdays.service import deadline_in_workdays

from .test_incoming import register, to_instructed


def grid(**changes) -> dict:
    """The form's POST data for the default table, with ``changes`` (field name → value) applied."""
    form = TimeLimitForm(table=DEFAULT_TABLE)
    data = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    data.update(reason="院务会决定承办时限缩短为7个工作日")
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.clause("一(一)4")
def test_the_office_director_shortens_a_limit_and_new_steps_follow_it(docs, login):
    response = login(docs.director).post("/documents/time-limits/", grid(in_handle__normal=7), follow=True)
    assert "办理时限表已保存为新版本。" in response.content.decode()
    version = TimeLimitVersion.objects.get()
    assert version.number == 1 and version.data["收文"]["承办"] == {"特急": 1, "加急": 3, "平急": 7}
    audit = AuditRecord.objects.get(action="documents.time_limits.change")
    assert audit.changes["收文·承办"] == [{"特急": 1, "加急": 3, "平急": 10}, {"特急": 1, "加急": 3, "平急": 7}]
    doc = actions.do_assign_incoming(to_instructed(docs, register(docs)), main_department=docs.medical,
                                     actor=docs.alice.user)
    assert doc.handling_due_at == deadline_in_workdays(7, doc.assigned_at)


def test_a_table_that_breaks_the_rules_is_refused_and_the_one_in_force_stays(docs, login):
    client = login(docs.director)
    with nothing_changes():
        response = client.post("/documents/time-limits/", grid(in_handle__extra_urgent=20), follow=True)
    assert "收文·承办：特急时限（20天）不能长于加急（3天）" in response.content.decode()
    with nothing_changes():
        response = client.post("/documents/time-limits/", grid(in_handle__normal="十"), follow=True)
    assert "收文·承办·平急：" in response.content.decode()
    with nothing_changes():
        response = client.post("/documents/time-limits/", grid(reason=""), follow=True)
    assert "请填写修改说明" in response.content.decode()


def test_a_per_kind_row_is_added_and_removed(docs, login):
    client = login(docs.director)
    response = client.post("/documents/time-limits/", grid(add_kind="notice", add_step="in_handle", add__normal=4,
                                                           add__urgent=2, add__extra_urgent=1), follow=True)
    assert "办理时限表已保存为新版本。" in response.content.decode(), response.content.decode()[-3000:]
    assert actions.time_limit_table(docs.unit.pk).to_dict()["按文种"]["通知"] == {
        "收文": {"承办": {"特急": 1, "加急": 2, "平急": 4}}}
    form = TimeLimitForm(table=actions.time_limit_table(docs.unit.pk))
    cleared = {name: field.initial for name, field in form.fields.items() if field.initial is not None}
    cleared.update(reason="恢复通用时限", notice__in_handle__extra_urgent="", notice__in_handle__urgent="",
                   notice__in_handle__normal="")
    client.post("/documents/time-limits/", cleared)
    assert "通知" not in actions.time_limit_table(docs.unit.pk).to_dict()["按文种"]
    assert list(TimeLimitVersion.objects.values_list("number", flat=True)) == [2, 1]


def test_staff_read_the_table_but_cannot_change_it(docs, login):
    client = login(docs.charlie)
    _, html = page(client, "/documents/time-limits/")
    assert "收文·承办" in html and "保存为新版本" not in html
    with nothing_changes():
        response = client.post("/documents/time-limits/", grid(in_handle__normal=7))
    assert refusal(response) == (403, "只有办公室主任可以修改办理时限表。")


def test_each_unit_has_its_own_table(docs, login, other_unit):
    login(docs.director).post("/documents/time-limits/", grid(in_handle__normal=7))
    assert actions.time_limit_table(other_unit.unit.pk) == DEFAULT_TABLE
    assert actions.time_limit_table(docs.unit.pk).to_dict()["收文"]["承办"]["平急"] == 7
