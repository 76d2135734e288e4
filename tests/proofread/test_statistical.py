"""The statistical 错别字 layer (typo.char_substitution): typical 公文 typos are found with the right suggestion and
the reason; correct 公文 sentences stay clean; the unit's own words are never flagged. All sentences are written
for these tests."""

import pytest

from tests.proofread.conftest import find
from zeroerror.proofread.engine import context, lm, proofread_text

pytestmark = [
    pytest.mark.clause("一(一)2", "一(一)6"),
    pytest.mark.skipif(not lm.available(), reason="the kenlm module is not installed"),
]


@pytest.mark.parametrize(("text", "wrong", "right", "kind", "phrase"), [
    ("请各科室认真组织学习，抓好贯澈落实。", "澈", "彻", "同音", "贯彻落实"),
    ("经研究决定，成立医院安全生产工作领到小组。", "到", "导", "同音", "领导小组"),
    ("会议由院长主持，各科室负责人参家。", "家", "加", "同音", "参加"),
    ("进一步完善内部控制制度，加强预算管里。", "里", "理", "同音", "预算管理"),
    ("请于本周五前报送材科。", "科", "料", "形近", "材料"),
    ("不断提高服务质量和工作效律。", "律", "率", "同音", "效率"),
    ("要严格执行值班值守制渡。", "渡", "度", "同音", "制度"),
    ("加强对重点领域的监督检察。", "察", "查", "同音", "监督检查"),
    ("建立健全长效机智。", "智", "制", "同音", "长效机制"),
    ("加强干部队伍建没。", "没", "设", "形近", "队伍建设"),
    ("各科室要按照通知要球做好准备工作。", "球", "求", "同音", "要求"),
    ("逾期不予受理，特此通之。", "之", "知", "同音", "特此通知"),
    ("请认真贯彻执形。", "形", "行", "同音", "执行"),
])
def test_it_finds_typical_official_typos_and_says_why(text, wrong, right, kind, phrase):
    [f] = find(text, "typo.char_substitution")
    assert (f.text, f.suggestion, f.severity, f.category) == (wrong, right, "warning", "typo")
    assert text[f.start:f.end] == wrong
    assert f.why.startswith(kind + "：") and phrase in f.why
    assert f"“{wrong}”可能应为“{right}”" in f.message


@pytest.mark.parametrize(("text", "wrong", "right", "phrase"), [
    ("完善项目绩效平谷机制。", "平谷", "评估", "评估机制"),
    ("落实城乡居民最低生活暴涨标准。", "暴涨", "保障", "保障标准"),
    ("依据国家乡村振兴桂花纲要制定本方案。", "桂花", "规划", "规划纲要"),
])
def test_it_replaces_two_characters_read_alike_by_the_intended_word(text, wrong, right, phrase):
    [f] = find(text, "typo.char_substitution")
    assert (f.text, f.suggestion) == (wrong, right)
    assert f.why.startswith("同音：") and phrase in f.why


@pytest.mark.parametrize("text", ["加快推进乡村振兴规划纲要的制定。", "物价暴涨时要做好保障。", "公园里的桂花开了。"])
def test_it_leaves_the_real_words_alone_where_they_fit(text):
    assert [f for f in proofread_text(text) if f.category == "typo"] == []


@pytest.mark.parametrize("text", [
    "各单位要高度重视，加强组织领导，认真抓好贯彻落实。",
    "请将申报材料于3月10日前报送人事科，联系人：张三。",
    "各科室要认真做好疫情防控工作，严格执行值班值守制度。",
    "本办法自印发之日起施行，由院办公室负责解释。",
    "医院将进一步完善内部控制制度，加强预算管理和资产管理。",
    "请各位参会人员准时参加，不得无故缺席。",
    "各部门要加强对重点领域的监督检查，及时发现和纠正存在的问题。",
    "经研究决定，成立医院安全生产工作领导小组。",
    "坚持依法依规、分类施策，推进提标改造工程。",
    "妥否，请批示。",
    "抄送：市卫生健康委员会，市财政局。",
    "西大街街道碧园社区党支部书记。",
    "冀政呈〔2019〕6号文件收悉。",
    "坚持以人民为中心的发展思想，不断提高服务质量和工作效率。",
])
def test_it_stays_silent_on_correct_official_sentences(text):
    assert [f for f in proofread_text(text) if f.category == "typo"] == []


def test_it_never_flags_the_units_own_words():
    text = "请平泰科同志参加会议。"
    assert context.protected_positions(text, ["平泰科"]) >= {1, 2, 3}
    assert [f for f in proofread_text(text, lexicon=["平泰科"]) if f.category == "typo"] == []


def test_it_confusion_table_has_kinds_and_pinyin():
    m = lm.model()
    assert m.confusion["律"]["率"] == "同音"
    assert m.confusion["没"]["设"] == "形近"
    assert m.pinyin["评"] == "ping"
    assert "的" in m.function_chars  # grammatical characters are never proposed
