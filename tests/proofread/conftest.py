import pytest

from zeroerror.proofread.engine import proofread_text


@pytest.fixture(scope="session")
def rules_of():
    """rules_of(text, profile=...) → the list of rule ids found in text."""

    def rules_of(text: str, profile: str = "document", **kw) -> list[str]:
        return [f.rule for f in proofread_text(text, profile, **kw)]

    return rules_of


def find(text: str, rule: str, profile: str = "document", **kw):
    return [f for f in proofread_text(text, profile, **kw) if f.rule == rule]
