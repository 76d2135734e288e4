import pytest

from tests.proofread.conftest import find
from zeroerror.proofread.engine import data


@pytest.mark.clause("一(一)2", "一(一)6")
@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("大家迫不急待地投入工作。", "迫不急待", "迫不及待"),
    ("纪律松驰的问题必须整改。", "松驰", "松弛"),
    ("文章针贬时弊，切中要害。", "针贬时弊", "针砭时弊"),
    ("面对困难不能一愁莫展。", "一愁莫展", "一筹莫展"),
    ("截止目前，已完成七项任务。", "截止目前", "截至目前"),
])
def test_it_flags_curated_wrong_words(text, wrong, right):
    [f] = find(text, "typo.wrong_word")
    assert (f.text, f.suggestion, f.severity, f.category) == (wrong, right, "error", "typo")
    assert text[f.start:f.end] == wrong
    assert "依据" in f.message


@pytest.mark.parametrize("text", [
    "大家迫不及待地投入工作。",
    "要加强预防犯罪宣传。",  # 防犯 inside 预防犯罪
    "他激动得不能自已。",  # 自已 after 能
    "按照全部份额分配。",  # 部份 before 额
])
def test_it_leaves_correct_words_alone(text):
    assert find(text, "typo.wrong_word") == []


@pytest.mark.clause("一(一)2", "一(一)6")
@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("加强对资金的管埋工作。", "埋", "理"),  # similar shape
    ("请各单位认真贯撤执行。", "撤", "彻"),  # same sound
    ("进一步提高服务水平和工作效律。", "律", "率"),  # same sound
    ("这是菓家规定的标准。", None, None),  # 菓 has no confusion set entry: nothing guessed
])
def test_it_detects_single_character_substitutions_only_with_strong_evidence(text, wrong, right):
    found = find(text, "typo.char_substitution")
    if wrong is None:
        assert found == []
    else:
        assert [(f.text, f.suggestion, f.severity) for f in found] == [(wrong, right, "warning")]


@pytest.mark.parametrize("text", [
    "国务院办公厅关于进一步加强政务公开工作的意见",
    "知识产权局、教育部、中科院负责。",
    "坚持德才兼备、以德为先，坚持五湖四海、任人唯贤。",
    "各地区各部门要认真贯彻落实党中央决策部署，确保各项任务按期完成。",
])
def test_it_stays_silent_on_correct_official_sentences(text):
    assert find(text, "typo.char_substitution") == []


def test_it_confusion_sets_hold_same_sound_and_similar_shape():
    conf = data.confusion()
    assert "理" in conf["埋"]  # shape
    assert "率" in conf["律"]  # sound
    assert "染" not in conf.get("的", ())


@pytest.mark.clause("一(一)2", "一(一)6")
@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("笔划较多的字", "笔划", "笔画"),
    ("公司股分结构", "股分", "股份"),
    ("减少磨擦", "磨擦", "摩擦"),
    ("引进人材", "人材", "人才"),
])
def test_it_flags_nonpreferred_variants(text, wrong, right):
    [f] = find(text, "variant.nonpreferred")
    assert (f.text, f.suggestion, f.category) == (wrong, right, "variant")
    assert "第一批异形词整理表" in f.message


@pytest.mark.parametrize("text", ["笔画较多的字", "每股分红0.5元", "公司股份结构", "减少摩擦，引进人才"])
def test_it_accepts_preferred_forms(text):
    assert find(text, "variant.nonpreferred") == []


def test_it_data_files_have_no_wrong_form_that_is_also_preferred():
    wrong = set(data.wrong_words().right) | set(data.variants().right)
    right = set(data.wrong_words().right.values()) | set(data.variants().right.values())
    assert not wrong & right
