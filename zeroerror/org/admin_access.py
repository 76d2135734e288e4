"""The Django admin is for system administrators and holds configuration tables only (三员分立: no everyday
superuser). Holding the 系统管理员 role grants staff status and the permissions of one group on those tables;
ending the role takes them away. Called from the role actions, inside their transaction."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from zeroerror.org.roles import Role

GROUP_NAME = "系统管理员（配置表）"
CONFIG_MODELS = [
    ("org", "unit"),
    ("org", "department"),
    ("workdays", "calendaroverride"),
    ("proofread", "sensitiveterm"),
    ("rulebook", "regulationversion"),
    ("rulebook", "clause"),
]
ACTIONS = ("view", "add", "change")


def config_group() -> Group:
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = []
    for app_label, model in CONFIG_MODELS:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is None:
            continue
        wanted += Permission.objects.filter(content_type=content_type, codename__in=[f"{a}_{model}" for a in ACTIONS])
    group.permissions.set(wanted)
    return group


def sync_admin_access(person) -> bool:
    """Give or take the admin according to the person's current roles; returns whether they now have it."""
    user = person.user
    has_role = Role.SYSTEM_ADMIN in person.roles_on(_today())
    group = config_group()
    if has_role:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    if user.is_staff != has_role:
        user.is_staff = has_role
        user.save(update_fields=["is_staff"])
    return has_role


def _today():
    from django.utils import timezone

    return timezone.localdate()
