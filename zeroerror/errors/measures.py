"""The measures an error orders (提醒谈话, 书面检查, 停职整改, 院纪委 …) and who must act on each, by the regulation and
the person's rank (issue 9 defect 5):

* a 提醒谈话 is held by the person's 科室负责人; a 科室负责人's (or someone with no head) by the department's 分管领导;
  with neither, by the 院长;
* 书面检查 and the 检查 at the office meeting are the person's own;
* 停职整改 is organised by the 绩效办 and carried out by the 科室负责人 (a head's by the 分管领导); the suspended person
  is told, it is not their to-do;
* the 院长 reminds and talks to a 分管领导 (二.2(3)); what goes to the 院纪委 (约谈, 介入调查) goes to 纪检监察室;
* a talk, a 书面检查 or a meeting 检查 is closed only with its record (uploaded file or written summary).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from zeroerror.errors.common import basis_json, lead_url
from zeroerror.errors.models import Lead, MeasureRecord
from zeroerror.org.models import LeaderCharge, Person, Unit
from zeroerror.org.roles import Role
from zeroerror.penalties.policy import MEASURE_LABELS
from zeroerror.tracking.actions import cancel_items_for_source, create_tracked_item
from zeroerror.tracking.models import Area
from zeroerror.tracking.notify import notify
from zeroerror.workdays.service import deadline_in_workdays

MEASURE_WORKDAYS = 10
TALK_RECORD = "谈话记录"


@dataclass(frozen=True)
class Task:
    """One to-do a measure gives someone: ``who`` picks the owner; ``title`` is formatted with the person's name."""

    who: str
    title: str
    record: str = ""


TASKS: dict[str, tuple[Task, ...]] = {
    "reminder_talk": (Task("superior", "对{name}进行提醒谈话", TALK_RECORD),),
    "written_self_examination": (Task("self", "作出书面检查", "书面检查"),),
    "meeting_self_criticism": (Task("self", "在办公室全体人员会议上作出检查", "会议检查记录"),),
    "suspension": (Task("performance", "组织{name}停职整改"), Task("superior", "落实{name}停职整改")),
    "discipline_referral": (Task("discipline", "院纪委介入调查{name}的差错，出具惩处措施"),),
    "leader_verbal_reminder": (Task("principal", "对分管领导{name}进行口头提醒"),),
    "leader_reminder_talk": (Task("principal", "对分管领导{name}进行提醒约谈", TALK_RECORD),),
    "leader_discipline_talk": (Task("discipline", "院纪委对分管领导{name}约谈", TALK_RECORD),),
}
#: the person is told of these (they are not the person's to-do)
INFORMED = {"suspension": "停职整改"}


def _first_with_role(role: str, unit_id: int, exclude: int | None = None) -> Person | None:
    return (Person.objects.active().with_role(role).filter(unit_id=unit_id).exclude(pk=exclude)
            .order_by("rank", "id").first())


def superior_for_measures(person: Person) -> Person | None:
    """The person's 科室负责人; for a head (or a department without one) the department's 分管领导; else the 院长."""
    head = person.department.head()
    if head is not None and head.pk != person.pk and head.active:
        return head
    charge = (LeaderCharge.objects.current().filter(department_id=person.department_id, leader__active=True)
              .exclude(leader=person).select_related("leader").order_by("started_on", "id").first())
    if charge is not None:
        return charge.leader
    return _first_with_role(Role.PRINCIPAL_LEADER, person.unit_id, exclude=person.pk)


def task_owner(who: str, person: Person) -> Person | None:
    if who == "self":
        return person
    if who == "superior":
        return superior_for_measures(person)
    if who == "performance":
        return (_first_with_role(Role.PERFORMANCE_HEAD, person.unit_id, exclude=person.pk)
                or _first_with_role(Role.PERFORMANCE_STAFF, person.unit_id, exclude=person.pk))
    if who == "discipline":
        return (_first_with_role(Role.DISCIPLINE_INSPECTOR, person.unit_id, exclude=person.pk)
                or _first_with_role(Role.PERFORMANCE_HEAD, person.unit_id, exclude=person.pk))
    if who == "principal":
        return _first_with_role(Role.PRINCIPAL_LEADER, person.unit_id, exclude=person.pk)
    raise ValueError(who)


def measure_owners(code: str, person: Person) -> list[tuple[Person, Task]]:
    """Who must act on measure ``code`` ordered for ``person``, and what (empty: nothing to do, e.g. 不得参评)."""
    owners = []
    for task in TASKS.get(code, ()):
        owner = task_owner(task.who, person)
        if owner is not None and all(owner.pk != o.pk for o, _ in owners):
            owners.append((owner, task))
    return owners


def sync_measures(result, year: int, unit: Unit, *, actor) -> int:
    """Create a MeasureRecord (and a tracked item with a deadline for each who must act) for each new measure;
    cancel the measures the engine no longer orders (closing their open tracked items)."""
    wanted = {(m.error, m.person, m.code): m for m in result.measures}
    existing = {(r.error_id, r.person_id, r.code): r
                for r in MeasureRecord.objects.of_unit(unit).active().filter(error__confirmed_on__year=year)}
    created = 0
    for key, record_ in existing.items():
        if key not in wanted:
            record_.cancelled_at = timezone.now()
            record_.save(update_fields=["cancelled_at"])
            cancel_items_for_source(record_, "差错已撤销或不再适用，本措施取消。", actor=actor)
    if not wanted:
        return 0
    errors = Lead.objects.with_related().in_bulk({k[0] for k in wanted})
    people = Person.objects.select_related("department").in_bulk({k[1] for k in wanted})
    for key, measure in sorted(wanted.items(), key=lambda kv: (str(kv[0][0]), str(kv[0][1]), kv[0][2])):
        if key in existing:
            continue
        error, person = errors[key[0]], people[key[1]]
        row = MeasureRecord.objects.create(error=error, person=person, code=measure.code,
                                           label=MEASURE_LABELS.get(measure.code, measure.code),
                                           basis=basis_json(measure.basis, error.clause.code))
        created += 1
        assign(row, error, person, measure.basis.explanation, actor=actor)
    return created


def assign(row: MeasureRecord, error: Lead, person: Person, explanation: str, *, actor) -> None:
    """The measure's tracked items (the first is kept on the record) and, for 停职整改, the person's notice."""
    due = deadline_in_workdays(MEASURE_WORKDAYS)
    for owner, task in measure_owners(row.code, person):
        item = create_tracked_item(
            title=task.title.format(name=person.name), owner=owner, due_at=due, area=Area.ERRORS,
            detail=f"{row.label}。\n{explanation}\n差错：{error.clause.code} {error.description}", source=row,
            record_required=task.record, actor=actor)
        if row.tracked_item_id is None:
            row.tracked_item = item
            row.save(update_fields=["tracked_item"])
    if row.code in INFORMED:
        notify([person], f"处理措施通知：{INFORMED[row.code]}", url=lead_url(error), about=error,
               body=f"因{error.clause.code}差错（{error.get_severity_display()}），对您{row.label}。"
                    f"由绩效办和科室负责人组织落实。")
