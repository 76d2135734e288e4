"""Password rule of 等保 2.0 三级 身份鉴别 a): at least three of four character classes."""

import re

from django.core.exceptions import ValidationError

_CLASSES = (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^a-zA-Z0-9]")


class CharacterClassValidator:
    def validate(self, password, user=None):
        if sum(1 for pattern in _CLASSES if re.search(pattern, password)) < 3:
            raise ValidationError("密码须包含大写字母、小写字母、数字、符号中的至少三类。", code="password_classes")

    def get_help_text(self):
        return "密码须包含大写字母、小写字母、数字、符号中的至少三类。"
