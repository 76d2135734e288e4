import pytest

from tests.proofread.conftest import find
from zeroerror.proofread.engine.privacy import credit_code_valid, id_card_valid, luhn_valid

ID = "11010519491231002X"  # the GB 11643 example number


@pytest.mark.clause("一(四)2", "一(四)4")
def test_it_flags_a_valid_id_card_number_as_an_error_for_publication():
    [f] = find(f"申请人身份证号{ID}。", "privacy.id_card", profile="publication")
    assert (f.text, f.severity, f.category) == (ID, "error", "privacy")
    assert f.suggestion == "110105********002X"
    assert "个人信息保护法" in f.message
    [f] = find(f"身份证号{ID}", "privacy.id_card")
    assert f.severity == "warning"  # inside a 公文 it is a warning


@pytest.mark.parametrize("number", [
    "110105194912310021",  # wrong check digit
    "110105194913310023",  # month 13
    "11010519491231002",  # 17 digits
])
def test_it_ignores_numbers_that_are_not_id_cards(number):
    assert find(f"编号{number}", "privacy.id_card", profile="publication") == []
    assert not id_card_valid(number)


def test_it_never_flags_a_unified_social_credit_code():
    code = "91350100M000100Y43"
    assert credit_code_valid(code)
    assert find(f"统一社会信用代码：{code}", "privacy.id_card", profile="publication") == []
    assert find(f"统一社会信用代码：{code}", "privacy.bank_card", profile="publication") == []


@pytest.mark.clause("一(四)2")
@pytest.mark.parametrize(("text", "number", "masked"), [
    ("联系电话13812345678。", "13812345678", "138****5678"),
    ("联系电话138-1234-5678。", "138-1234-5678", "138-****-5678"),
    ("手机 +86 138 1234 5678", "+86 138 1234 5678", "+86 138 **** 5678"),
])
def test_it_flags_mobile_numbers(text, number, masked):
    [f] = find(text, "privacy.mobile", profile="publication")
    assert (f.text, f.suggestion, f.severity) == (number, masked, "error")


@pytest.mark.parametrize("text", ["办公电话0591-87654321", "金额12812345678901元", "订单号213812345678"])
def test_it_leaves_landlines_and_longer_numbers_alone(text):
    assert find(text, "privacy.mobile", profile="publication") == []


@pytest.mark.clause("一(四)2")
def test_it_flags_bank_cards_by_luhn_and_prefix_or_context():
    assert luhn_valid("6222021234567890128") and not luhn_valid("6222021234567890127")
    [f] = find("请汇入6222021234567890128", "privacy.bank_card", profile="publication")
    assert f.suggestion == "6222***********0128"
    [f] = find("银行卡号：4111 1111 1111 1111", "privacy.bank_card", profile="publication")
    assert f.text == "4111 1111 1111 1111"
    assert find("流水号4111111111111111", "privacy.bank_card", profile="publication") == []  # no prefix, no context
    assert find("卡号6222021234567890127", "privacy.bank_card", profile="publication") == []  # fails Luhn


@pytest.mark.clause("一(七)2", "一(四)2")
@pytest.mark.parametrize("text", ["秘密★1年", "机密★长期", "绝密 ★ 10年", "密级：机密", "机密"])
def test_it_flags_classification_marks(text):
    [f] = find(text, "secrecy.classification_mark", profile="publication")
    assert f.severity == "error" and f.category == "secrecy"
    [f] = find(text, "secrecy.classification_mark")
    assert f.severity == "info"


@pytest.mark.parametrize("text", ["保守国家秘密是每个公民的义务。", "保护商业秘密和个人隐私", "机密文件管理办法培训"])
def test_it_does_not_take_the_word_secret_in_prose_for_a_marking(text):
    assert find(text, "secrecy.classification_mark", profile="publication") == []


@pytest.mark.clause("一(七)2")
def test_it_flags_configured_sensitive_terms_and_internal_markings():
    text = "本项目代号为青鸟工程，内部资料，不得外传。"
    [f] = find(text, "secrecy.sensitive_term", profile="publication", sensitive_terms=["青鸟工程", " "])
    assert (f.text, f.severity) == ("青鸟工程", "error")
    assert find(text, "secrecy.sensitive_term", profile="publication") == []
    assert [f.text for f in find(text, "secrecy.internal_marking", profile="publication")] == ["内部资料", "不得外传"]
    [f] = find("Project ALPHA", "secrecy.sensitive_term", sensitive_terms=["alpha"])
    assert f.severity == "warning"
