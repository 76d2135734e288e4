"""The unit's lexicon: its people, departments, 来文机关 and rooms are never flagged as 错别字; the office adds a
false alarm's word to the lexicon from the 校对 page (audited); nobody else can."""

import re

import pytest

from tests.proofread.test_view_check import finding_form, html_of, start
from zeroerror.audit.models import AuditRecord
from zeroerror.proofread import service
from zeroerror.proofread.engine import lm
from zeroerror.proofread.models import LexiconWord

pytestmark = pytest.mark.skipif(not lm.available(), reason="the kenlm module is not installed")

NAME_TEXT = "请平泰科同志参加会议。"  # 平泰科 is a local name; the model would read 平台
RULE = "typo.char_substitution"


@pytest.mark.clause("一(一)2")
def test_it_shows_why_for_a_statistical_suggestion(org, login):
    client = login(org.charlie)
    session = start(client, "请于本周五前报送材科。")
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert '<q class="pr-found">科</q>' in html and '<q class="pr-suggest">料</q>' in html
    assert re.search(r'<div class="pr-why">依据：形近：改为“料”后构成“[^”]*材料[^”]*”', html)
    assert "加入本单位词库" not in html  # charlie is not in the office


@pytest.mark.clause("一(一)2")
def test_the_office_adds_a_false_alarm_to_the_lexicon_and_it_is_not_flagged_again(org, login):
    client = login(org.alice)
    session = start(client, NAME_TEXT)
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert "加入本单位词库" in html
    fields = finding_form(html, RULE, "lexicon")
    html = html_of(client.post(f"/proofread/{session.pk}/lexicon/", {**fields, "word": "平泰科", "note": "人名"},
                               follow=True))
    assert "已将“平泰科”加入本单位词库" in html
    entry = LexiconWord.objects.get()
    assert (entry.word, entry.note, entry.added_by, entry.active) == ("平泰科", "人名", org.alice, True)
    audit = AuditRecord.objects.get(action="proofread.lexicon.add", object_id=str(entry.pk))
    assert audit.changes["text"] == "泰" and audit.changes["suggestion"] == "台"
    assert RULE not in html  # the page was checked again without the finding
    assert not [f for f in service.check(NAME_TEXT, profile="document") if f.rule == RULE]


@pytest.mark.clause("一(一)2")
def test_someone_outside_the_office_cannot_add_to_the_lexicon(org, login):
    client = login(org.charlie)
    session = start(client, NAME_TEXT)
    fields = finding_form(html_of(client.get(f"/proofread/{session.pk}/")), RULE, "accept")
    audit_before = AuditRecord.objects.count()
    html = html_of(client.post(f"/proofread/{session.pk}/lexicon/", {**fields, "word": "平泰科"}, follow=True))
    assert "只有办公室人员可以维护本单位词库" in html
    assert not LexiconWord.objects.exists() and AuditRecord.objects.count() == audit_before


@pytest.mark.parametrize(("word", "message"), [
    ("", "请填写要加入词库的词语"),
    ("平 泰科", "词语须为不含空格的汉字词语"),
    ("abc", "词语须为不含空格的汉字词语"),
    ("平安", "词语须包含被提示的文字“泰”"),
])
def test_a_bad_word_is_refused_with_a_reason_and_nothing_changes(org, login, word, message):
    client = login(org.alice)
    session = start(client, NAME_TEXT)
    fields = finding_form(html_of(client.get(f"/proofread/{session.pk}/")), RULE, "lexicon")
    audit_before = AuditRecord.objects.count()
    html = html_of(client.post(f"/proofread/{session.pk}/lexicon/", {**fields, "word": word}, follow=True))
    assert message in html
    assert not LexiconWord.objects.exists() and AuditRecord.objects.count() == audit_before


def test_the_units_people_and_departments_are_in_the_lexicon(org):
    words = service.unit_lexicon()
    assert {"艾丽", "查理", "办公室", "医务科", org.unit.name} <= set(words)
    org.charlie.name = "平泰科"
    org.charlie.save(update_fields=["name"])
    assert not [f for f in service.check(NAME_TEXT, profile="document") if f.rule == RULE]
