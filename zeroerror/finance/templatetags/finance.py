from django import template

from zeroerror.finance.rules import money as to_money

register = template.Library()


@register.filter
def money(value) -> str:
    """3000 → 3,000.00 (yuan with fen and thousands separators); empty for None."""
    if value is None or value == "":
        return ""
    return f"{to_money(value):,}"
