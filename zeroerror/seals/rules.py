"""The checks of 印信管理 as plain Python (no Django): what counts as a blank letter, the order of stub numbers, the
copies a request allows, and when the seal must be back in the safe. The actions turn a message into a refusal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

# 一(六)5
BLANK_LETTER = "不准出具盖有本单位、办公室印章的空白信。"
BLANK_WORDS = ("空白",)
# 一(六)2
NO_APPROVED_REQUEST = "该用印申请未经办公室主任批准，不能用印。"
MAX_COPIES_PER_REQUEST = 500
# 一(六)6: the seal goes back into the safe right after use; unconfirmed by this time of the day it is a tracked item
SAFE_RETURN_BY = time(23, 59)


def too_many_copies(copies: int, approved: int) -> str | None:
    if copies > approved:
        return f"用印份数（{copies}份）超过批准的份数（{approved}份），不能用印。"
    return None


def looks_blank(text: str) -> bool:
    """A document described as a blank sheet or blank letter (空白信、空白纸、空白介绍信 …)."""
    text = "".join(text.split())
    return not text or any(word in text for word in BLANK_WORDS)


@dataclass(frozen=True)
class LetterText:
    addressee: str
    bearers: str
    bearer_count: int | None
    matter: str
    valid_until: date | None


def missing_letter_fields(letter: LetterText) -> list[str]:
    """What a sealed introduction letter lacks to not be blank (一(六)5): every part a reader relies on."""
    missing = []
    if not letter.addressee.strip():
        missing.append("抬头单位")
    if not letter.bearers.strip() or not letter.bearer_count:
        missing.append("持信人及人数")
    if not letter.matter.strip():
        missing.append("事由")
    if letter.valid_until is None:
        missing.append("有效期")
    return missing


def matter_sentence(matter: str) -> str:
    """The 事由 as the letter's sentence "联系……事宜。", whether or not the typed 事由 already says 联系/事宜."""
    text = matter.strip().rstrip("。.，,")
    if not text.startswith("联系"):
        text = "联系" + text
    if not text.endswith("事宜"):
        text += "事宜"
    return text + "。"


def blank_letter_message(missing: list[str]) -> str:
    return f"{BLANK_LETTER}请填写：{'、'.join(missing)}。"


def stub_number_problem(number: int, *, first: int, last: int, used: set[int]) -> str | None:
    """一(六)4: letters leave a book in order, every stub kept — no number skipped, none used twice."""
    if number < first or number > last:
        return f"第{number}号不在本介绍信本的编号范围（{first}—{last}号）内。"
    if number in used:
        return f"第{number}号存根已使用，编号不能重复。"
    expected = next_stub_number(first=first, last=last, used=used)
    if expected is None:
        return "本介绍信本已用完。"
    if number != expected:
        return f"介绍信编号不能跳号：本本下一张应为第{expected}号。"
    return None


def next_stub_number(*, first: int, last: int, used: set[int]) -> int | None:
    """The lowest number of the book not yet used (a book is used in order, so this is after the last one)."""
    for number in range(first, last + 1):
        if number not in used:
            return number
    return None


def safe_return_due(used_at: datetime) -> datetime:
    """The end of the day of the use (in the use's own time zone)."""
    return used_at.replace(hour=SAFE_RETURN_BY.hour, minute=SAFE_RETURN_BY.minute, second=0, microsecond=0)
