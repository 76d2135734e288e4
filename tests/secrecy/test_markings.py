"""The pure marking check other apps call before anything leaves for an external channel (一(七)2, 5)."""

import pytest

from zeroerror.secrecy.markings import classified_markings, contains_classified_marking, publication_refusal


@pytest.mark.clause("一(七)2", "一(七)5")
@pytest.mark.parametrize("text", [
    "机密★10年\n关于……的通知", "秘密★", "绝密★长期", "密级：机密", "【秘密】会议纪要", "（机密）", "  秘密  \n正文",
    "机 密★5年",
])
def test_it_finds_a_marking(text):
    assert contains_classified_marking(text)
    assert publication_refusal(text).startswith("内容带有密级标志（")


@pytest.mark.parametrize("text", ["", None, "保守秘密，慎之又慎。", "机密文件管理办法的学习体会", "秘密花园", "医院公开栏"])
def test_it_leaves_ordinary_text_alone(text):
    assert not contains_classified_marking(text)
    assert publication_refusal(text) is None


def test_it_names_each_marking_once():
    assert classified_markings("机密★10年 …… 机密★10年 密级：秘密") == ["机密★10年", "机密★10年", "密级：秘密"]
    assert publication_refusal("机密★10年 机密★10年") == "内容带有密级标志（机密★10年），不得在外网发布或处理（一(七)2、5）。"
