"""Personal-information rules: 居民身份证号, mobile numbers and bank card numbers must not be published.

Basis: 个人信息保护法 第二十八条; 政府信息公开条例（2019）第十五条. Errors in the publication profile, warnings in a
公文. The 统一社会信用代码 of an organisation (GB 32100-2015) is never flagged."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from .core import Context
from .finding import ERROR, WARNING, Finding, make

RULES = {
    "privacy.id_card": "居民身份证号码（GB 11643 校验码与出生日期有效）",
    "privacy.mobile": "手机号码",
    "privacy.bank_card": "银行卡号（Luhn 校验并有卡号前缀或上下文）",
}

BASIS = "依据《中华人民共和国个人信息保护法》第二十八条和《政府信息公开条例》（2019）第十五条"

_ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE_RE = re.compile(r"(?<![0-9A-Za-z+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9A-Za-z])")
_CARD_RE = re.compile(r"(?<![0-9A-Za-z])\d{4}(?:[ -]?\d{4}){2}[ -]?\d{4,7}(?![0-9A-Za-z])")
_CARD_CONTEXT_RE = re.compile(r"银行卡|卡号|账号|帐号|账户|帐户|银行|储蓄卡|信用卡|借记卡|开户")
_CREDIT_CODE_CONTEXT_RE = re.compile(r"信用代码|组织机构代码|税号|纳税人识别号")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_card_valid(number: str) -> bool:
    """True for an 18-character 居民身份证号 with a real birth date and a valid GB 11643 check character."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not datetime.date(1900, 1, 1) <= birth <= datetime.date.today():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 1:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_valid(code: str) -> bool:
    """True for a 统一社会信用代码 with a valid GB 32100-2015 check character."""
    code = code.upper()
    if len(code) != 18 or any(c not in _CREDIT_CHARS for c in code):
        return False
    total = sum(_CREDIT_CHARS.index(c) * w for c, w in zip(code[:17], _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31] == code[17]


def _mask(s: str, keep_head: int, keep_tail: int) -> str:
    digits = [i for i, c in enumerate(s) if c.isalnum()]
    hidden = set(digits[keep_head : len(digits) - keep_tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(s))


def _near(regex: re.Pattern, text: str, start: int, end: int, before: int = 12, after: int = 4) -> bool:
    return bool(regex.search(text, max(0, start - before), min(len(text), end + after)))


def check(text: str, ctx: Context) -> Iterator[Finding]:
    severity = ERROR if ctx.publication else WARNING
    taken: list[tuple[int, int]] = []
    for m in _ID_RE.finditer(text):
        if not id_card_valid(m.group()):
            continue
        if credit_code_valid(m.group()) and _near(_CREDIT_CODE_CONTEXT_RE, text, m.start(), m.end()):
            continue
        taken.append(m.span())
        yield make("privacy", "privacy.id_card", text, m.start(), m.end(), _mask(m.group(), 6, 4),
                   f"公民身份号码属于敏感个人信息，公开前须删除或去标识化（如隐去出生日期）。{BASIS}。", severity)
    for m in _MOBILE_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        taken.append(m.span())
        yield make("privacy", "privacy.mobile", text, m.start(), m.end(), _mask(m.group(), sum(c.isdigit() for c in m.group()) - 8, 4),
                   f"手机号码属于个人信息，公开前须删除或部分隐去。{BASIS}。", severity)
    for m in _CARD_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        digits = re.sub(r"[ -]", "", m.group())
        if not 16 <= len(digits) <= 19 or not luhn_valid(digits):
            continue
        if not (digits.startswith("62") or _near(_CARD_CONTEXT_RE, text, m.start(), m.end())):
            continue
        if _near(_CREDIT_CODE_CONTEXT_RE, text, m.start(), m.end()):
            continue
        yield make("privacy", "privacy.bank_card", text, m.start(), m.end(), _mask(m.group(), 4, 4),
                   f"银行卡号属于敏感个人信息，公开前须删除或部分隐去。{BASIS}。", severity)
