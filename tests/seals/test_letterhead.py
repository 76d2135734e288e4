"""公用信笺由专人管理, issued to named people of the unit only (一(六)7)."""

import pytest

from tests.refusals import refused
from zeroerror.seals import actions
from zeroerror.seals.models import LetterheadIssue, LetterheadKind


@pytest.mark.clause("一(六)7")
def test_the_keeper_issues_letterhead_to_a_named_colleague(org, seals):
    issue = actions.do_issue_letterhead(unit=org.unit, kind=LetterheadKind.UNIT, sheets=20, recipient=org.charlie,
                                        purpose="医务科对外函件", actor=org.kate.user)
    assert (issue.recipient, issue.issued_by, issue.sheets) == (org.charlie, org.kate, 20)


@pytest.mark.clause("一(六)7")
def test_letterhead_is_never_given_to_outsiders(org, seals, other_unit):
    with refused("信笺只能发给本单位在职人员，不得交给外部人员使用。"):
        actions.do_issue_letterhead(unit=org.unit, kind=LetterheadKind.UNIT, sheets=5, recipient=other_unit.staff,
                                    purpose="借用", actor=org.kate.user)


@pytest.mark.clause("一(六)7")
def test_a_former_colleague_gets_no_letterhead(org, seals):
    org.bob.active = False
    org.bob.save(update_fields=["active"])
    with refused("信笺只能发给本单位在职人员，不得交给外部人员使用。"):
        actions.do_issue_letterhead(unit=org.unit, kind=LetterheadKind.OFFICE, sheets=5, recipient=org.bob,
                                    purpose="x", actor=org.kate.user)


@pytest.mark.clause("一(六)7")
def test_only_the_letterhead_keeper_issues_it(org, seals):
    with refused("公用信笺由专人管理：只有信笺管理员可以发放信笺。"):
        actions.do_issue_letterhead(unit=org.unit, kind=LetterheadKind.UNIT, sheets=5, recipient=org.charlie,
                                    purpose="x", actor=org.alice.user)
    assert not LetterheadIssue.objects.exists()


@pytest.mark.parametrize("sheets", [0, 501, 10**12])
def test_silly_sheet_counts_are_refused(org, seals, sheets):
    with refused("张数须在1至500之间。"):
        actions.do_issue_letterhead(unit=org.unit, kind=LetterheadKind.UNIT, sheets=sheets, recipient=org.charlie,
                                    purpose="x", actor=org.kate.user)
