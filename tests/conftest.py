"""Shared personas. alice works in the office; bob is her colleague; charlie works in another department and has
no access to the office's restricted items; dora heads the office; leo is the leader in charge of the office;
director is the 办公室主任; admin is the system administrator; auditor is in the discipline inspection office."""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import override_settings

from tests.accounts.helpers import signed_in
from tests.factories import DepartmentFactory, PersonFactory, UnitFactory, give_role, put_in_charge
from tests.tools import REQUIRE_TOOLS_ENV, tools_required
from zeroerror.org.roles import Role


def pytest_addoption(parser):
    parser.addoption("--clauses", action="store_true",
                     help="list, for every clause of the regulation, the test functions that prove its control")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (run with DATABASE_URL=postgres://...)"))
    if config.getoption("--clauses"):
        config._clause_map = clause_map(items)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI (ZEROERROR_REQUIRE_TOOLS=1) nothing skips silently: a skipped test fails, except a postgres_only test
    in the SQLite stage (the PostgreSQL stage runs it)."""
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and tools_required()) or hasattr(report, "wasxfail"):
        return
    if item.get_closest_marker("postgres_only") and connection.vendor != "postgresql":
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = f"skipped under {REQUIRE_TOOLS_ENV}=1, which allows no skips: {reason}"


def function_id(item) -> str:
    """The test function of an item: its node id without the parametrisation."""
    return item.nodeid.split("[", 1)[0]


def clause_map(items) -> dict[str, list[str]]:
    """{clause id: [test function ids]} over the collected tests, from their @pytest.mark.clause marks.

    A parametrised test counts once: it is one proof, however many rows its table has."""
    mapping: dict[str, list[str]] = {}
    for item in items:
        for mark in item.iter_markers("clause"):
            for clause_id in mark.args:
                tests = mapping.setdefault(clause_id, [])
                if function_id(item) not in tests:
                    tests.append(function_id(item))
    return mapping


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    mapping = getattr(config, "_clause_map", None)
    if mapping is None:
        return
    from zeroerror.rulebook.catalogue import load_regulation

    regulation = load_regulation()
    ids = [c.id for c in regulation.clauses] + [p.id for p in regulation.part_two.provisions]
    write = terminalreporter.write_line
    write("")
    write("条款覆盖（clause → 证明其控制的测试函数数，参数化的测试只算一个）")
    covered = 0
    for clause_id in ids:
        tests = mapping.get(clause_id, [])
        covered += bool(tests)
        write(f"{clause_id:10} {len(tests):4d}  {tests[0] if tests else '— 尚无测试'}")
    unknown = sorted(set(mapping) - set(ids))
    write(f"{covered}/{len(ids)} 条有测试证明其控制" + (f"；未知条款编号：{', '.join(unknown)}" if unknown else ""))


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))) or (
        "transactional_db" in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _own_audit_checkpoint_file(tmp_path):
    """Each test has its own checkpoint file: a checkpoint another test's tick wrote would not match its chain.
    (override_settings, not the ``settings`` fixture: a test may have a parameter of that name.)"""
    with override_settings(AUDIT_CHECKPOINT_FILE=str(tmp_path / "audit-checkpoints.jsonl")):
        yield


@pytest.fixture(autouse=True)
def _sqlite_audit_rows_cleared_before_flush(request):
    """A transactional test ends with a flush that deletes every row. On SQLite that is a DELETE, which the
    append-only triggers on audit_auditrecord refuse (PostgreSQL flushes with TRUNCATE, which they let through).
    So on SQLite this fixture — torn down just before the flush — empties the audit tables with the triggers
    briefly dropped, then puts the very same triggers back (their SQL is read from sqlite_master)."""
    if not is_transactional(request.node):
        yield
        return
    request.getfixturevalue("transactional_db")  # set up before us, so its flush runs after our teardown
    yield
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_auditrecord'")
        triggers = cursor.fetchall()
        for name, _ in triggers:
            cursor.execute(f'DROP TRIGGER "{name}"')
        cursor.execute("DELETE FROM audit_auditrecord")
        for _, sql in triggers:
            cursor.execute(sql)


def _person(username, name, department, *roles, **extra):
    p = PersonFactory(user__username=username, name=name, department=department, **extra)
    for role in roles:
        give_role(p, role, department=department if role == Role.DEPARTMENT_HEAD else None)
    return p


@pytest.fixture
def org(db):
    unit = UnitFactory()
    office = DepartmentFactory(unit=unit, name="办公室", is_office=True)
    medical = DepartmentFactory(unit=unit, name="医务科")
    leaders = DepartmentFactory(unit=unit, name="院领导")
    info = DepartmentFactory(unit=unit, name="信息科")
    discipline = DepartmentFactory(unit=unit, name="纪检监察室")

    person = _person
    ns = SimpleNamespace(unit=unit, office=office, medical=medical, leaders=leaders, info=info, discipline=discipline)
    ns.alice = person("alice", "艾丽", office, Role.STAFF, email="alice@example.org")
    ns.bob = person("bob", "鲍勃", office, Role.STAFF)
    ns.charlie = person("charlie", "查理", medical, Role.STAFF)
    ns.dora = person("dora", "朵拉", office, Role.DEPARTMENT_HEAD)
    ns.director = person("director", "杜主任", office, Role.OFFICE_DIRECTOR)
    ns.medhead = person("medhead", "梅科长", medical, Role.DEPARTMENT_HEAD)
    ns.leo = person("leo", "李副院长", leaders, Role.LEADER_IN_CHARGE)
    ns.principal = person("principal", "王院长", leaders, Role.PRINCIPAL_LEADER)
    ns.admin = person("admin", "袁管理", info, Role.SYSTEM_ADMIN)
    ns.auditor = person("auditor", "曹纪检", discipline, Role.DISCIPLINE_INSPECTOR)
    put_in_charge(ns.leo, office)
    return ns


@pytest.fixture
def login(client):
    def do(person):
        return signed_in(client, person)

    return do


@pytest.fixture
def other_unit(org):
    """A second unit in the same installation (a county deployment): its people must see nothing of ``org``'s."""
    unit = UnitFactory(name="邻县中医院", short_name="邻县中医院", code="邻中医发")
    office = DepartmentFactory(unit=unit, name="办公室", is_office=True)
    medical = DepartmentFactory(unit=unit, name="医务科")
    leaders = DepartmentFactory(unit=unit, name="院领导")

    ns = SimpleNamespace(unit=unit, office=office, medical=medical, leaders=leaders)
    for attr, name, department, role in [
        ("staff", "邻县职员", office, Role.STAFF), ("head", "邻县科长", office, Role.DEPARTMENT_HEAD),
        ("director", "邻县主任", office, Role.OFFICE_DIRECTOR), ("leader", "邻县副院长", leaders, Role.LEADER_IN_CHARGE),
        ("principal", "邻县院长", leaders, Role.PRINCIPAL_LEADER),
        ("auditor", "邻县纪检", leaders, Role.DISCIPLINE_INSPECTOR),
    ]:
        setattr(ns, attr, _person(f"x_{attr}", name, department, role))
    put_in_charge(ns.leader, office)
    return ns
