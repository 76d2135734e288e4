"""Password rules of 等保 2.0 三级 身份鉴别 a): at least three of four character classes, no account or personal name."""

import re
import secrets
import string

from django.core.exceptions import ValidationError

_CLASSES = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^a-zA-Z0-9]")


class CharacterClassValidator:
    def validate(self, password, user=None):
        if sum(1 for pattern in _CLASSES if re.search(pattern, password)) < 3:
            raise ValidationError("密码须包含大写字母、小写字母、数字、符号中的至少三类。", code="password_classes")

    def get_help_text(self):
        return "密码须包含大写字母、小写字母、数字、符号中的至少三类。"


def name_spellings(name: str) -> set[str]:
    """Pinyin spellings of a Chinese name a password must not contain: 罗琦 → luoqi, qiluo (given name first)."""
    from pypinyin import lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name) if s.isascii() and s.isalpha()]
    if len(syllables) < 2:
        return {"".join(syllables)} - {""}
    return {"".join(syllables), "".join(syllables[1:] + syllables[:1])}


class PersonalNameValidator:
    """等保 身份鉴别 a: the password must not contain the account name or the person's name in pinyin
    (Django's similarity check lets ``luoqi2026Luoqi`` through for luoqi)."""

    MESSAGE = "密码不能包含账号名或本人姓名的拼音。"

    def validate(self, password, user=None):
        if user is None:
            return
        forbidden = set()
        username = (user.get_username() or "").lower()
        if len(username) >= 3:
            forbidden.add(username)
        person = getattr(user, "person", None)
        if person is not None and person.name:
            forbidden |= {s for s in name_spellings(person.name) if len(s) >= 3}
        lowered = password.lower()
        if any(word in lowered for word in forbidden):
            raise ValidationError(self.MESSAGE, code="password_contains_name")

    def get_help_text(self):
        return self.MESSAGE


def generate_password() -> str:
    """A random password that satisfies the rules above (initial and reset passwords)."""
    alphabet = string.ascii_letters + string.digits
    while True:
        core = "".join(secrets.choice(alphabet) for _ in range(12))
        if any(c.islower() for c in core) and any(c.isupper() for c in core) and any(c.isdigit() for c in core):
            return core + "#"
