"""Who sees and does what in 政务接待. Every reception view fetches through these helpers; no access is a 404.

* The office runs the reception work (clause 一(三)): its staff, the office director and deputies see every 客情 of
  the unit; so do the leaders who approve plans and preside, and the unit-wide roles (inspectors, 绩效办).
* Anyone else sees the receptions that concern them: registered by them, handled by them, where they accompany a
  slot of the plan or preside.
* A plan is approved by the principal leader or the leader in charge of the office; a special approval above the
  standard (一(三)7) by the same leaders; a route change by the plan's presiding leader (一(三)5).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.urls import reverse

from zeroerror.core.access import person_of
from zeroerror.org.models import Person, RoleAssignment
from zeroerror.org.roles import Role
from zeroerror.reception.models import EtiquetteItem, GuestReport, ReceptionStandard, RouteChange, Slot

LEADER_ROLES = (Role.PRINCIPAL_LEADER, Role.LEADER_IN_CHARGE)
DIRECTOR_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def is_office(person: Person) -> bool:
    return person.department.is_office or person.has_role(*DIRECTOR_ROLES)


def is_leader(person: Person) -> bool:
    return person.has_role(*LEADER_ROLES)


def sees_all(person: Person) -> bool:
    return is_office(person) or is_leader(person) or person.is_unit_wide


def visible_reports(person: Person):
    qs = GuestReport.objects.of_unit(person.unit)
    if sees_all(person):
        return qs
    return qs.filter(pk__in=GuestReport.objects.of_unit(person.unit).concerning(person).values("pk"))


def get_report_or_404(request: HttpRequest, pk: int) -> GuestReport:
    report = visible_reports(person_of(request)).with_related().filter(pk=pk).first()
    if report is None:
        raise Http404("客情不存在。")
    return report


def get_standard_or_404(request: HttpRequest, pk: int) -> ReceptionStandard:
    standard = ReceptionStandard.objects.of_unit(person_of(request).unit).filter(pk=pk).first()
    if standard is None:
        raise Http404("接待标准不存在。")
    return standard


def get_slot_or_404(report: GuestReport, sid: int):
    slot = Slot.objects.filter(plan__report=report, pk=sid).select_related("plan", "plan__report").first()
    if slot is None:
        raise Http404("日程不存在。")
    return slot


def get_change_or_404(report: GuestReport, cid: int):
    change = RouteChange.objects.filter(plan__report=report, pk=cid).select_related("plan", "slot").first()
    if change is None:
        raise Http404("线路变更不存在。")
    return change


def get_etiquette_or_404(report: GuestReport, eid: int):
    item = EtiquetteItem.objects.filter(plan__report=report, pk=eid).first()
    if item is None:
        raise Http404("礼仪事项不存在。")
    return item


def leaders(unit):
    """The unit's leaders, who may preside over a reception."""
    ids = RoleAssignment.objects.current().filter(role__in=LEADER_ROLES, person__unit=unit).values("person_id")
    return Person.objects.active().filter(pk__in=ids).select_related("department").order_by("rank", "id")


def can_register(person: Person) -> bool:
    return True  # a 客情 may reach anyone; it is registered at once and assigned (clause 一(三)1)


def can_manage(person: Person, report: GuestReport) -> bool:
    """Draft the plan, fill the schedule, record checks and bills, file the archive."""
    return report.handler_id == person.pk or is_office(person)


def can_set_standards(person: Person) -> bool:
    return person.has_role(*DIRECTOR_ROLES)


def may_approve(person: Person) -> bool:
    """Approve a 接待方案 or a special approval above the standard."""
    if person.has_role(Role.PRINCIPAL_LEADER):
        return True
    return person.has_role(Role.LEADER_IN_CHARGE) and bool(
        person.charged_department_ids & set(person.unit.departments.filter(is_office=True).values_list("pk", flat=True)))


def is_presiding(person: Person, report: GuestReport) -> bool:
    plan = getattr(report, "plan", None) if hasattr(report, "plan") else None
    return plan is not None and plan.presiding_leader_id == person.pk


def can_export(person: Person, report: GuestReport) -> bool:
    """The archive (一(三)8) and the printed plan: those who run the reception, the leaders, the unit-wide roles."""
    return can_manage(person, report) or is_leader(person) or person.is_unit_wide


def can_read_attachments(request: HttpRequest, report: GuestReport) -> bool:
    return visible_reports(person_of(request)).filter(pk=report.pk).exists()


def report_url(report: GuestReport) -> str:
    return reverse("reception:detail", args=[report.pk])
