"""单位 / 科室 / 人员 / 岗位 and the dated role assignments and 分管 relations.

Role history is kept: an assignment that ends gets ``ended_on``; nothing is overwritten or deleted.
"""

from __future__ import annotations

from datetime import date
from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from zeroerror.org.roles import ADMIN_ROLES, AUDITOR_ROLES, UNIT_WIDE_ROLES, Role


def today() -> date:
    return timezone.localdate()


class Unit(models.Model):
    name = models.CharField("单位名称", max_length=100, unique=True)
    short_name = models.CharField("简称", max_length=30, blank=True)
    code = models.CharField("机关代字", max_length=20, blank=True, help_text="发文字号中的机关代字，如“青医发”")

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"

    def __str__(self) -> str:
        return self.name


class DepartmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Department(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="departments")
    name = models.CharField("科室名称", max_length=100)
    is_office = models.BooleanField("是否办公室", default=False)
    order = models.PositiveIntegerField("排序", default=100)
    active = models.BooleanField("启用", default=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = "科室"
        verbose_name_plural = "科室"
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="department_unique_name")]

    def __str__(self) -> str:
        return self.name

    def head(self, on: date | None = None) -> Person | None:
        assignment = (
            RoleAssignment.objects.current(on)
            .filter(role=Role.DEPARTMENT_HEAD, department=self)
            .select_related("person")
            .first()
        )
        return assignment.person if assignment else None


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def with_role(self, role: str, on: date | None = None):
        ids = RoleAssignment.objects.current(on).filter(role=role).values("person_id")
        return self.filter(id__in=ids)

    def in_departments(self, department_ids):
        return self.filter(department_id__in=department_ids)


class Person(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="登录账号", on_delete=models.PROTECT)
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="people")
    department = models.ForeignKey(Department, verbose_name="科室", on_delete=models.PROTECT, related_name="people")
    name = models.CharField("姓名", max_length=50)
    employee_number = models.CharField("工号", max_length=20, blank=True,
                                       help_text="本单位内唯一；月度绩效等按工号导入、导出给财务")
    position = models.CharField("职务/岗位", max_length=50, blank=True)
    rank = models.PositiveIntegerField(
        "职级排序", default=1000, help_text="礼宾排序用：数字越小越靠前（排座次、席卡）"
    )
    phone = models.CharField("手机", max_length=20, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    active = models.BooleanField("在职", default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = "人员"
        verbose_name_plural = "人员"
        ordering = ["department__order", "rank", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "employee_number"], condition=~Q(employee_number=""),
                                               name="person_employee_number_unique_per_unit")]

    def __str__(self) -> str:
        return self.name

    # Roles -------------------------------------------------------------------------------------------------------
    @cached_property
    def current_roles(self) -> frozenset[str]:
        return frozenset(RoleAssignment.objects.current().filter(person=self).values_list("role", flat=True))

    def roles_on(self, on: date) -> frozenset[str]:
        return frozenset(RoleAssignment.objects.current(on).filter(person=self).values_list("role", flat=True))

    def has_role(self, *roles: str) -> bool:
        return bool(self.current_roles.intersection(roles))

    @property
    def role_labels(self) -> list[str]:
        return [Role(r).label for r in Role.values if r in self.current_roles]

    @property
    def is_unit_wide(self) -> bool:
        return bool(self.current_roles & UNIT_WIDE_ROLES)

    @property
    def is_auditor(self) -> bool:
        return bool(self.current_roles & AUDITOR_ROLES)

    @property
    def is_admin(self) -> bool:
        return bool(self.current_roles & ADMIN_ROLES)

    @cached_property
    def charged_department_ids(self) -> frozenset[int]:
        """Departments this person is 分管领导 of today."""
        return frozenset(LeaderCharge.objects.current().filter(leader=self, department__unit_id=self.unit_id)
                         .values_list("department_id", flat=True))

    @cached_property
    def headed_department_ids(self) -> frozenset[int]:
        return frozenset(
            RoleAssignment.objects.current()
            .filter(person=self, role=Role.DEPARTMENT_HEAD, department__unit_id=self.unit_id)
            .values_list("department_id", flat=True)
        )

    @cached_property
    def unit_department_ids(self) -> frozenset[int]:
        return frozenset(Department.objects.filter(unit_id=self.unit_id).values_list("pk", flat=True))

    def visible_department_ids(self) -> frozenset[int]:
        """Departments whose restricted items this person may see — always of their own unit: every department of
        it for the unit-wide roles (an installation may host several units, so there is no "every department")."""
        if self.is_unit_wide:
            return self.unit_department_ids
        return frozenset({self.department_id}) | self.charged_department_ids | self.headed_department_ids

    def can_see_department(self, department_id: int) -> bool:
        return department_id in self.visible_department_ids()

    def superior(self, on: date | None = None) -> Person | None:
        """Whom an overdue item of this person escalates to: the department head; for a head, the leader in
        charge of the department; otherwise the office director."""
        head = self.department.head(on)
        if head is not None and head.pk != self.pk:
            return head
        charge = LeaderCharge.objects.current(on).filter(department_id=self.department_id).select_related("leader")
        charge = charge.exclude(leader=self).first()
        if charge is not None:
            return charge.leader
        director = (Person.objects.with_role(Role.OFFICE_DIRECTOR, on).filter(unit_id=self.unit_id, active=True)
                    .exclude(pk=self.pk).order_by("rank", "id").first())
        return director


class DatedQuerySet(models.QuerySet):
    def current(self, on: date | None = None):
        on = on or today()
        return self.filter(started_on__lte=on).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on))


class RoleAssignment(models.Model):
    """A person holds a role from ``started_on`` until (excluding) ``ended_on``."""

    person = models.ForeignKey(Person, verbose_name="人员", on_delete=models.PROTECT, related_name="role_assignments")
    role = models.CharField("角色", max_length=40, choices=Role.choices)
    department = models.ForeignKey(
        Department, verbose_name="负责科室", null=True, blank=True, on_delete=models.PROTECT,
        help_text="科室负责人须指明科室",
    )
    started_on = models.DateField("起始日期")
    ended_on = models.DateField("终止日期", null=True, blank=True)
    note = models.CharField("备注", max_length=200, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = "角色任职"
        verbose_name_plural = "角色任职"
        ordering = ["person_id", "role", "started_on"]
        constraints = [
            models.CheckConstraint(
                # ended the day it started: never in force (a wrong grant is undone the same day)
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="roleassignment_dates_ordered",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.DEPARTMENT_HEAD) | Q(department__isnull=False),
                name="roleassignment_head_has_department",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()}"


class LeaderCharge(models.Model):
    """分管关系: a leader is in charge of a department from ``started_on`` until (excluding) ``ended_on``."""

    leader = models.ForeignKey(Person, verbose_name="分管领导", on_delete=models.PROTECT, related_name="charges")
    department = models.ForeignKey(Department, verbose_name="分管科室", on_delete=models.PROTECT, related_name="charges")
    started_on = models.DateField("起始日期")
    ended_on = models.DateField("终止日期", null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        verbose_name = "分管关系"
        verbose_name_plural = "分管关系"
        ordering = ["department_id", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("started_on")),
                name="leadercharge_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.leader} 分管 {self.department}"


class RoleChange(models.TextChoices):
    GRANT = "grant", "授予"
    END = "end", "终止"


class RoleRequestStatus(models.TextChoices):
    PENDING = "pending", "待审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "已驳回"


class RoleRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=RoleRequestStatus.PENDING)

    def of_unit(self, unit):
        return self.filter(person__unit=unit)


class RoleRequest(models.Model):
    """Granting or ending a role of APPROVAL_ROLES: asked by the 系统管理员, decided by the 安全管理员 (two people)."""

    person = models.ForeignKey(Person, verbose_name="人员", on_delete=models.PROTECT, related_name="role_requests")
    change = models.CharField("变更", max_length=10, choices=RoleChange.choices)
    role = models.CharField("角色", max_length=40, choices=Role.choices)
    department = models.ForeignKey(Department, verbose_name="负责科室", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")
    assignment = models.ForeignKey(RoleAssignment, verbose_name="任职", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="end_requests")
    effective_on = models.DateField("生效日期", help_text="批准时已过的日期按批准当日生效")
    note = models.CharField("备注", max_length=200, blank=True)
    requested_by = models.ForeignKey(Person, verbose_name="申请人", on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间", default=timezone.now)
    status = models.CharField("状态", max_length=10, choices=RoleRequestStatus.choices,
                              default=RoleRequestStatus.PENDING, db_index=True)
    decided_by = models.ForeignKey(Person, verbose_name="审批人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.CharField("审批意见", max_length=200, blank=True)

    objects = RoleRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "角色变更申请"
        verbose_name_plural = "角色变更申请"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_change_display()}{self.person}的{self.get_role_display()}"
