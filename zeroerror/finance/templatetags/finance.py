from django import template

from zeroerror.finance.rules import money as to_money

register = template.Library()


@register.filter
def money(value) -> str:
    """3000 → 3,000.00 (yuan with fen and thousands separators); empty for None."""
    if value is None or value == "":
        return ""
    return f"{to_money(value):,}"


@register.filter
def signed_money(value) -> str:
    """1000 → +1,000.00; -500 → −500.00 (an adjustment of a budget)."""
    if value is None or value == "":
        return ""
    amount = to_money(value)
    return f"{'+' if amount > 0 else '−' if amount < 0 else ''}{abs(amount):,}"
