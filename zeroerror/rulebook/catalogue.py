"""The regulation's clause catalogue, loaded from versioned JSON data (pure Python, no Django).

Each version of the regulation is one file ``data/regulation-<version>.json`` next to this module. The
part 一 requirements become :class:`Clause` objects with stable ids such as ``一(二)7`` (area number +
requirement number); part 二 becomes a flat, document-ordered tuple of :class:`Provision` objects with ids
``二.0`` (the unnumbered opening paragraph that sets up the 督查考核小组), ``二.1``, ``二.1(1)`` … ``二.3``.

Clause texts are the regulation's words verbatim, without the leading number ("1." / "(1)").

Usage::

    reg = load_regulation()            # version "v1", cached
    reg.clause("一(一)4").title        # "公文运转时限"
    reg.clauses_for_area("seals")      # the seven 印信管理 clauses, in order

A file that breaks the catalogue's invariants raises :class:`CatalogueError` naming the file and the item.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "MAX_TITLE_LENGTH",
    "Area",
    "CatalogueError",
    "Clause",
    "GroupMember",
    "PartTwo",
    "Provision",
    "Regulation",
    "available_versions",
    "clause",
    "clauses_for_area",
    "load_regulation",
    "load_regulation_file",
    "parse_regulation",
]

MAX_TITLE_LENGTH = 16
SUPPORTED_FORMAT = 1

_VERSION_RE = re.compile(r"^v[1-9][0-9]*$")
_CHINESE_NUMERALS = "一二三四五六七八九十"
_DATA_PACKAGE = "zeroerror.rulebook"
_DATA_DIR = "data"


class CatalogueError(ValueError):
    """The regulation data is missing or breaks an invariant of the catalogue."""


@dataclass(frozen=True)
class Area:
    code: str  # e.g. "documents"
    number: str  # e.g. "一(一)"
    name: str  # e.g. "公文处理"


@dataclass(frozen=True)
class Clause:
    id: str  # e.g. "一(一)4"
    area: str  # the area code, e.g. "documents"
    number: int  # 1-based position within the area
    title: str  # short Chinese title, at most MAX_TITLE_LENGTH characters
    text: str  # the requirement's full text, verbatim


@dataclass(frozen=True)
class Provision:
    id: str  # "二.0", "二.1", "二.1(1)", ...
    label: str  # the number as printed: "", "1.", "(1)"
    parent: str | None  # id of the enclosing provision for "(n)" items
    title: str
    text: str


@dataclass(frozen=True)
class GroupMember:
    role: str  # 组长 / 副组长 / 成员
    name: str  # placeholder in the template, e.g. "××领导"
    post: str  # 职务 / 绩效办负责人 / 绩效办工作人员


@dataclass(frozen=True)
class PartTwo:
    number: str
    title: str
    office_in_charge: str  # 绩效办 "负总责"
    group_members: tuple[GroupMember, ...]
    group_members_open_ended: bool  # the template's "....." — more members may be listed
    provisions: tuple[Provision, ...]
    _by_id: Mapping[str, Provision] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {p.id: p for p in self.provisions})

    def provision(self, provision_id: str) -> Provision:
        try:
            return self._by_id[provision_id]
        except KeyError:
            raise KeyError(f"第二部分没有条目 {provision_id!r}") from None

    def children(self, provision_id: str) -> tuple[Provision, ...]:
        self.provision(provision_id)
        return tuple(p for p in self.provisions if p.parent == provision_id)


@dataclass(frozen=True)
class Regulation:
    version: str
    title: str
    areas: tuple[Area, ...]
    clauses: tuple[Clause, ...]
    part_two: PartTwo
    preamble: str = ""
    effective_date: date | None = None
    part_one_title: str = ""
    unit_placeholder: str = ""
    editorial_notes: tuple[str, ...] = ()
    _clauses_by_id: Mapping[str, Clause] = field(init=False, repr=False, compare=False, hash=False)
    _areas_by_code: Mapping[str, Area] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_clauses_by_id", {c.id: c for c in self.clauses})
        object.__setattr__(self, "_areas_by_code", {a.code: a for a in self.areas})

    def clause(self, clause_id: str) -> Clause:
        try:
            return self._clauses_by_id[clause_id]
        except KeyError:
            raise KeyError(f"规定 {self.version} 中没有条款 {clause_id!r}") from None

    def has_clause(self, clause_id: str) -> bool:
        return clause_id in self._clauses_by_id

    def area(self, code: str) -> Area:
        try:
            return self._areas_by_code[code]
        except KeyError:
            raise KeyError(f"规定 {self.version} 中没有领域 {code!r}") from None

    def clauses_for_area(self, code: str) -> tuple[Clause, ...]:
        self.area(code)
        return tuple(c for c in self.clauses if c.area == code)

    def provision(self, provision_id: str) -> Provision:
        return self.part_two.provision(provision_id)


# --------------------------------------------------------------------------- loading


def _data_dir() -> Path:
    return Path(str(resources.files(_DATA_PACKAGE).joinpath(_DATA_DIR)))


def available_versions() -> tuple[str, ...]:
    """The versions shipped with the package, oldest first ("v1", "v2", ...)."""
    found = []
    for path in _data_dir().glob("regulation-v*.json"):
        version = path.stem.removeprefix("regulation-")
        if _VERSION_RE.match(version):
            found.append(version)
    return tuple(sorted(found, key=lambda v: int(v[1:])))


def load_regulation(version: str = "v1") -> Regulation:
    """Load, validate and cache the shipped regulation ``version`` (one object per version)."""
    return _load_shipped(version)


@functools.cache
def _load_shipped(version: str) -> Regulation:
    if not isinstance(version, str) or not _VERSION_RE.match(version):
        raise CatalogueError(f"规定版本号无效: {version!r}(应为 v1、v2 …)")
    path = _data_dir() / f"regulation-{version}.json"
    if not path.is_file():
        raise CatalogueError(f"没有规定版本 {version!r}(文件 {path.name} 不存在)")
    regulation = load_regulation_file(path)
    if regulation.version != version:
        raise CatalogueError(f"{path.name}: 文件中的版本号 {regulation.version!r} 与文件名不符")
    return regulation


def load_regulation_file(path: str | Path) -> Regulation:
    """Load and validate a regulation file from any path (not cached)."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CatalogueError(f"{path}: 文件不存在")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CatalogueError(f"{path.name}: 不是有效的 UTF-8 JSON: {exc}")
    return parse_regulation(raw, source=path.name)


def clause(clause_id: str, version: str = "v1") -> Clause:
    return load_regulation(version).clause(clause_id)


def clauses_for_area(code: str, version: str = "v1") -> tuple[Clause, ...]:
    return load_regulation(version).clauses_for_area(code)


# --------------------------------------------------------------------------- parsing and validation


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> CatalogueError:
        return CatalogueError(f"{self.source}: {where}: {message}")

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "应为对象")
        return value

    def list(self, container: dict[str, Any], key: str, where: str) -> list[Any]:
        value = container.get(key)
        if not isinstance(value, list):
            raise self.fail(where, f"缺少列表字段 {key!r}")
        return value

    def text(self, container: dict[str, Any], key: str, where: str, *, allow_empty: bool = False) -> str:
        value = container.get(key)
        if not isinstance(value, str):
            raise self.fail(where, f"缺少文本字段 {key!r}")
        if value != value.strip() or "\n" in value or "\r" in value:
            raise self.fail(where, f"字段 {key!r} 含首尾空白或换行")
        if not value and not allow_empty:
            raise self.fail(where, f"字段 {key!r} 为空")
        return value


def parse_regulation(raw: Any, *, source: str = "<data>") -> Regulation:
    """Build a :class:`Regulation` from decoded JSON, enforcing the catalogue's invariants."""
    r = _Reader(source)
    top = r.obj(raw, "顶层")
    if top.get("format") != SUPPORTED_FORMAT:
        raise r.fail("format", f"不支持的数据格式 {top.get('format')!r}(应为 {SUPPORTED_FORMAT})")
    version = r.text(top, "version", "version")
    if not _VERSION_RE.match(version):
        raise r.fail("version", f"版本号无效: {version!r}")
    effective = top.get("effective_date")
    effective_date: date | None = None
    if effective is not None:
        try:
            effective_date = date.fromisoformat(effective)
        except (TypeError, ValueError):
            raise r.fail("effective_date", f"日期无效: {effective!r}(应为 YYYY-MM-DD 或 null)")
    notes = top.get("editorial_notes", [])
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise r.fail("editorial_notes", "应为文本列表")

    part_one = r.obj(top.get("part_one"), "part_one")
    areas = _parse_areas(r, part_one)
    clauses = _parse_clauses(r, part_one, areas)
    part_two = _parse_part_two(r, r.obj(top.get("part_two"), "part_two"))

    return Regulation(
        version=version,
        title=r.text(top, "title", "title"),
        areas=areas,
        clauses=clauses,
        part_two=part_two,
        preamble=r.text(top, "preamble", "preamble"),
        effective_date=effective_date,
        part_one_title=r.text(part_one, "title", "part_one"),
        unit_placeholder=r.text(top, "unit_placeholder", "unit_placeholder", allow_empty=True)
        if "unit_placeholder" in top
        else "",
        editorial_notes=tuple(notes),
    )


def _parse_areas(r: _Reader, part_one: dict[str, Any]) -> tuple[Area, ...]:
    items = r.list(part_one, "areas", "part_one")
    if not items:
        raise r.fail("part_one.areas", "没有任何领域")
    areas: list[Area] = []
    codes: set[str] = set()
    for index, item in enumerate(items):
        where = f"part_one.areas[{index}]"
        item = r.obj(item, where)
        code = r.text(item, "code", where)
        if not re.fullmatch(r"[a-z][a-z_]*", code):
            raise r.fail(where, f"领域代码 {code!r} 应为小写英文")
        if code in codes:
            raise r.fail(where, f"领域代码 {code!r} 重复")
        codes.add(code)
        if index >= len(_CHINESE_NUMERALS):
            raise r.fail(where, "领域过多")
        expected_number = f"一({_CHINESE_NUMERALS[index]})"
        number = r.text(item, "number", where)
        if number != expected_number:
            raise r.fail(where, f"领域编号 {number!r} 不连续,应为 {expected_number!r}")
        areas.append(Area(code=code, number=number, name=r.text(item, "name", where)))
    return tuple(areas)


def _parse_clauses(r: _Reader, part_one: dict[str, Any], areas: tuple[Area, ...]) -> tuple[Clause, ...]:
    by_code = {a.code: a for a in areas}
    items = r.list(part_one, "clauses", "part_one")
    clauses: list[Clause] = []
    seen: set[str] = set()
    last_number: dict[str, int] = {}
    area_order = [a.code for a in areas]
    current_area_index = 0
    for index, item in enumerate(items):
        where = f"part_one.clauses[{index}]"
        item = r.obj(item, where)
        clause_id = r.text(item, "id", where)
        where = f"条款 {clause_id}"
        if clause_id in seen:
            raise r.fail(where, f"条款编号 {clause_id!r} 重复")
        seen.add(clause_id)
        code = r.text(item, "area", where)
        area = by_code.get(code)
        if area is None:
            raise r.fail(where, f"未知领域 {code!r}")
        area_index = area_order.index(code)
        if area_index < current_area_index:
            raise r.fail(where, f"条款应按领域顺序排列,{code!r} 的条款出现在后面领域之后")
        current_area_index = area_index
        number = item.get("number")
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise r.fail(where, f"条号 {number!r} 应为正整数")
        expected = last_number.get(code, 0) + 1
        if number != expected:
            raise r.fail(where, f"{area.number}{area.name} 的条号不连续: 应为 {expected},实际为 {number}")
        last_number[code] = number
        if clause_id != f"{area.number}{number}":
            raise r.fail(where, f"条款编号应为 {area.number}{number}")
        title = r.text(item, "title", where)
        if len(title) > MAX_TITLE_LENGTH:
            raise r.fail(where, f"标题 {title!r} 超过 {MAX_TITLE_LENGTH} 个字")
        text = r.text(item, "text", where)
        clauses.append(Clause(id=clause_id, area=code, number=number, title=title, text=text))
    for area in areas:
        if area.code not in last_number:
            raise r.fail(f"领域 {area.number}{area.name}", "没有任何条款")
    return tuple(clauses)


_PROVISION_ID = re.compile(r"^二\.(?P<n>\d+)(?:\((?P<item>\d+)\))?$")


def _parse_part_two(r: _Reader, part_two: dict[str, Any]) -> PartTwo:
    members = []
    for index, item in enumerate(r.list(part_two, "group_members", "part_two")):
        where = f"part_two.group_members[{index}]"
        item = r.obj(item, where)
        members.append(
            GroupMember(
                role=r.text(item, "role", where), name=r.text(item, "name", where), post=r.text(item, "post", where)
            )
        )
    provisions: list[Provision] = []
    seen: set[str] = set()
    last_section = -1
    last_item = 0
    for index, item in enumerate(r.list(part_two, "provisions", "part_two")):
        where = f"part_two.provisions[{index}]"
        item = r.obj(item, where)
        pid = r.text(item, "id", where)
        where = f"第二部分 {pid}"
        match = _PROVISION_ID.match(pid)
        if match is None:
            raise r.fail(where, "编号格式应为 二.N 或 二.N(M)")
        if pid in seen:
            raise r.fail(where, f"编号 {pid!r} 重复")
        seen.add(pid)
        section = int(match["n"])
        parent = item.get("parent")
        if match["item"] is None:
            if section != last_section + 1:
                raise r.fail(where, f"编号不连续: 应为 二.{last_section + 1}")
            last_section, last_item = section, 0
            if parent is not None:
                raise r.fail(where, "顶层条目不应有 parent")
        else:
            sub = int(match["item"])
            if section != last_section or sub != last_item + 1:
                raise r.fail(where, f"编号不连续: 应为 二.{last_section}({last_item + 1})")
            last_item = sub
            if parent != f"二.{section}":
                raise r.fail(where, f"parent 应为 二.{section}")
        provisions.append(
            Provision(
                id=pid,
                label=r.text(item, "label", where, allow_empty=True),
                parent=parent,
                title=r.text(item, "title", where),
                text=r.text(item, "text", where),
            )
        )
    if not provisions:
        raise r.fail("part_two.provisions", "没有任何条目")
    open_ended = part_two.get("group_members_open_ended", False)
    if not isinstance(open_ended, bool):
        raise r.fail("part_two.group_members_open_ended", "应为 true 或 false")
    return PartTwo(
        number=r.text(part_two, "number", "part_two"),
        title=r.text(part_two, "title", "part_two"),
        office_in_charge=r.text(part_two, "office_in_charge", "part_two"),
        group_members=tuple(members),
        group_members_open_ended=open_ended,
        provisions=tuple(provisions),
    )
