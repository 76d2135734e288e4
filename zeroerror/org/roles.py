from django.db import models


class Role(models.TextChoices):
    STAFF = "staff", "一般工作人员"
    DEPARTMENT_HEAD = "department_head", "科室负责人"
    OFFICE_DIRECTOR = "office_director", "办公室主任"
    OFFICE_DEPUTY_DIRECTOR = "office_deputy_director", "办公室副主任"
    LEADER_IN_CHARGE = "leader_in_charge", "分管领导"
    PRINCIPAL_LEADER = "principal_leader", "主要领导（院长）"
    PERFORMANCE_HEAD = "performance_head", "绩效办负责人"
    PERFORMANCE_STAFF = "performance_staff", "绩效办工作人员"
    DISCIPLINE_INSPECTOR = "discipline_inspector", "纪检监察室"
    SUPERVISION_LEADER = "supervision_leader", "督查考核小组组长"
    SUPERVISION_DEPUTY = "supervision_deputy", "督查考核小组副组长"
    SUPERVISION_MEMBER = "supervision_member", "督查考核小组成员"
    SEAL_KEEPER = "seal_keeper", "印章专管员"
    FIRST_READER = "first_reader", "首读人员"
    CONFIDENTIALITY_REVIEWER = "confidentiality_reviewer", "保密审查员"
    DRIVER = "driver", "驾驶员"
    SYSTEM_ADMIN = "system_admin", "系统管理员"
    SECURITY_ADMIN = "security_admin", "安全管理员"
    AUDIT_ADMIN = "audit_admin", "审计管理员"


# Roles whose holders see every department's items (the office runs the whole unit's paperwork; the
# performance office, supervision group and discipline office check everyone).
UNIT_WIDE_ROLES = frozenset(
    {
        Role.OFFICE_DIRECTOR,
        Role.OFFICE_DEPUTY_DIRECTOR,
        Role.PRINCIPAL_LEADER,
        Role.PERFORMANCE_HEAD,
        Role.PERFORMANCE_STAFF,
        Role.DISCIPLINE_INSPECTOR,
        Role.SUPERVISION_LEADER,
        Role.SUPERVISION_DEPUTY,
        Role.SUPERVISION_MEMBER,
    }
)
SUPERVISION_ROLES = frozenset({Role.SUPERVISION_LEADER, Role.SUPERVISION_DEPUTY, Role.SUPERVISION_MEMBER})
AUDITOR_ROLES = frozenset({Role.DISCIPLINE_INSPECTOR, Role.PERFORMANCE_HEAD, Role.AUDIT_ADMIN})
# 三员分立: nobody holds two of these.
ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})
# Roles that need a department to make sense.
DEPARTMENT_SCOPED_ROLES = frozenset({Role.DEPARTMENT_HEAD})
# Roles that read other people's data (the whole unit's items, the audit trail, anonymous reporters) or manage
# security: granting or ending one needs the 安全管理员's approval (two people).
APPROVAL_ROLES = UNIT_WIDE_ROLES | frozenset(
    {Role.LEADER_IN_CHARGE, Role.PRINCIPAL_LEADER, Role.AUDIT_ADMIN, Role.SECURITY_ADMIN}
)
