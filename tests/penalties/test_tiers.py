"""The 档次 column: the tier the policy prices an error at, and why (issue 9 defect 7: a 副院长 or another department's
head was shown as "一般工作人员")."""

import pytest

from zeroerror.penalties.tiers import tier_of, tier_reason, tier_text

ONLY_TWO = "规定只分一般工作人员和办公室主任两档，按一般工作人员档计"


@pytest.mark.clause("二.2(1)")
@pytest.mark.parametrize("roles, office, deputy, expected", [
    ({"staff"}, True, "staff", "一般工作人员档"),
    ({"office_director"}, True, "staff", "办公室主任档（任办公室主任）"),
    ({"office_deputy_director"}, True, "staff", "一般工作人员档（办公室副主任，按单位政策计入一般工作人员档）"),
    ({"office_deputy_director"}, True, "director", "办公室主任档（办公室副主任，按单位政策计入办公室主任档）"),
    ({"leader_in_charge"}, False, "staff", f"一般工作人员档（分管领导本人的差错：{ONLY_TWO}）"),
    ({"principal_leader"}, False, "staff", f"一般工作人员档（院长本人的差错：{ONLY_TWO}）"),
    ({"department_head"}, False, "staff", f"一般工作人员档（其他科室的科室负责人：{ONLY_TWO}）"),
    ({"department_head"}, True, "staff", f"一般工作人员档（办公室负责人但未任办公室主任：{ONLY_TWO}）"),
])
def test_it_names_the_tier_and_why(roles, office, deputy, expected):
    tier = tier_of(frozenset(roles), deputy)
    assert tier_text(tier, tier_reason(frozenset(roles), office=office, deputy_director_tier=deputy)) == expected
