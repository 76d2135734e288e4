"""The left navigation: sections by the regulation's areas. Apps add their pages in AppConfig.ready()."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from zeroerror.org.models import Person
from zeroerror.org.roles import Role


def everyone(person: Person) -> bool:
    return True


def has_any(*roles: str) -> Callable[[Person], bool]:
    def check(person: Person) -> bool:
        return person.has_role(*roles)

    check.__name__ = "has_any_" + "_".join(roles)
    return check


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    args: tuple = ()
    visible: Callable[[Person], bool] = everyone
    badge: str = ""  # key into the counts computed by the context processor

    @property
    def url(self) -> str:
        try:
            return reverse(self.url_name, args=self.args)
        except NoReverseMatch:
            return "#"


@dataclass
class NavSection:
    key: str
    label: str
    items: list[NavItem] = field(default_factory=list)


AREAS = [
    ("documents", "公文处理"),
    ("meetings", "会务工作"),
    ("reception", "政务接待"),
    ("disclosure", "信息公开"),
    ("finance", "财务管理"),
    ("seals", "印信管理"),
    ("secrecy", "安全保密"),
    ("facilities", "环境管理"),
    ("errors", "差错考核"),
]

_SECTIONS: dict[str, NavSection] = {"work": NavSection("work", "工作台")}
for _key, _label in AREAS:
    _SECTIONS[_key] = NavSection(_key, _label)
_SECTIONS["system"] = NavSection("system", "系统管理")


def add(section: str, item: NavItem) -> None:
    items = _SECTIONS[section].items
    if all(existing.url_name != item.url_name or existing.args != item.args for existing in items):
        items.append(item)


def sections_for(person: Person) -> list[NavSection]:
    result = []
    for section in _SECTIONS.values():
        items = [item for item in section.items if item.visible(person)]
        if items:
            result.append(NavSection(section.key, section.label, items))
    return result


SYSTEM_ADMIN = has_any(Role.SYSTEM_ADMIN)
AUDITORS = has_any(Role.DISCIPLINE_INSPECTOR, Role.PERFORMANCE_HEAD, Role.AUDIT_ADMIN)
