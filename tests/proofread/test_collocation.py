"""Word-level checks where the grammar is clear (typo.collocation) and curated wrong words of 公文."""

import pytest

from tests.proofread.conftest import find

pytestmark = pytest.mark.clause("一(一)2", "一(一)6")


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("要认真的做好这项工作。", "的", "地"),
    ("各科室要积极的配合检查。", "的", "地"),
    ("这项工作做的很好。", "的", "得"),
    ("整改落实地不够到位。", "地", "得"),
    ("截止2025年底，共完成38项。", "截止", "截至"),
    ("截止到3月底，已全部整改。", "截止", "截至"),
    ("报名截至日期为5月1日。", "截至", "截止"),
])
def test_it_corrects_de_and_jiezhi_by_grammar(text, wrong, right):
    [f] = find(text, "typo.collocation")
    assert (f.text, f.suggestion, f.severity) == (wrong, right, "warning")
    assert text[f.start:f.end] == wrong and f.why


@pytest.mark.parametrize("text", [
    "要认真地做好这项工作。", "这项工作做得很好。", "认真的态度很重要。", "他做的很多事都很好。",
    "截至2025年底，共完成38项。", "报名截止日期为5月1日。", "报名于5月1日截止。",
])
def test_it_leaves_correct_usage_alone(text):
    assert find(text, "typo.collocation") == []


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("请按装说明操作。", "按装", "安装"),
    ("进一步精减机构和人员。", "精减机构", "精简机构"),
])
def test_it_flags_curated_collocations(text, wrong, right):
    [f] = find(text, "typo.wrong_word")
    assert (f.text, f.suggestion) == (wrong, right)
