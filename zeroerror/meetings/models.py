"""会务工作 (clauses 一(二)1–13): rooms, meeting plans (会议方案) with their approval, invitations with notices,
replies and sign-in, the stored seating arrangement, minutes and the decided items (议定事项).

A meeting holds its room from the moment it is proposed until it is cancelled: booking refuses overlaps and rooms
smaller than the attendee list (see ``actions.do_create_meeting``). A recurring meeting is one row per occurrence,
sharing ``series``.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from zeroerror.org.models import Department, Person, Unit

# A notice sent later than this many working days before the start is flagged 迟发 (clause 一(二)3).
NOTICE_LEAD_WORKDAYS = 2
# Clause 一(二)1: a meeting of the principal heads with more than this many attendees goes through the office
# director and needs the principal leader's consent.
LARGE_MEETING_THRESHOLD = 10


def new_signin_token() -> str:
    return secrets.token_urlsafe(16)


class RoomQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def of_unit(self, unit):
        return self.filter(unit=unit)


class Room(models.Model):
    EQUIPMENT = ("has_power", "has_sound", "has_video", "has_recording", "has_projector")

    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="rooms")
    name = models.CharField("会议室", max_length=100)
    location = models.CharField("位置", max_length=200, blank=True)
    capacity = models.PositiveIntegerField("容纳人数")
    is_large = models.BooleanField("大会议室", default=False, help_text="大会议室开会须印发座位表并现场签到（一(二)7）")
    has_power = models.BooleanField("电源", default=True)
    has_sound = models.BooleanField("音响", default=False)
    has_video = models.BooleanField("视频", default=False)
    has_recording = models.BooleanField("录音", default=False)
    has_projector = models.BooleanField("投影仪", default=False)
    podium_row_size = models.PositiveIntegerField("主席台每排座位", default=0, help_text="0 表示主席台只有一排")
    hall_rows = models.PositiveIntegerField("台下座位排数", default=0)
    hall_cols = models.PositiveIntegerField("台下每排座位", default=0)
    active = models.BooleanField("启用", default=True)

    objects = RoomQuerySet.as_manager()

    class Meta:
        verbose_name = "会议室"
        verbose_name_plural = "会议室"
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="room_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def equipment_labels(self) -> list[str]:
        return [str(self._meta.get_field(f).verbose_name) for f in self.EQUIPMENT if getattr(self, f)]


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", "拟定中"
    PENDING_DIRECTOR = "pending_director", "待办公室主任把关"
    PENDING_LEADER = "pending_leader", "待领导审批"
    APPROVED = "approved", "已批准"
    REJECTED = "rejected", "不予批准"
    CANCELLED = "cancelled", "已取消"


# States in which a meeting no longer holds its room.
RELEASED = (MeetingStatus.CANCELLED, MeetingStatus.REJECTED)


class MeetingQuerySet(models.QuerySet):
    def booked(self, now=None):
        """Meetings that hold their room: not cancelled or refused, and not a draft whose hold has lapsed
        (``hold_until``, clause 一(二)2: a plan nobody pursues does not keep the room from others)."""
        return self.exclude(status__in=RELEASED).exclude(
            status=MeetingStatus.DRAFT, hold_until__lt=now or timezone.now())

    def current(self):
        """Not cancelled or refused (drafts included, whether or not they still hold their room)."""
        return self.exclude(status__in=RELEASED)

    def overlapping(self, room, start, end):
        return self.booked().filter(room=room).between(start, end)

    def of_unit(self, unit):
        return self.filter(unit=unit)

    def upcoming(self, now=None):
        return self.filter(end_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(end_at__lt=now or timezone.now())

    def organised_by(self, person):
        return self.filter(organiser=person)

    def inviting(self, person):
        return self.filter(invitations__person=person, invitations__withdrawn_at__isnull=True)

    def awaiting_approval(self):
        return self.filter(status__in=(MeetingStatus.PENDING_DIRECTOR, MeetingStatus.PENDING_LEADER))

    def between(self, start, end):
        """Meetings overlapping [start, end)."""
        return self.filter(start_at__lt=end, end_at__gt=start)

    def since(self, moment):
        return self.filter(start_at__gte=moment)

    def titled(self, text):
        return self.filter(title__icontains=text)

    def in_series(self, series):
        return self.filter(series=series) if series else self.none()

    def awaiting_director(self):
        return self.filter(status=MeetingStatus.PENDING_DIRECTOR)

    def awaiting_leader(self):
        return self.filter(status=MeetingStatus.PENDING_LEADER)

    def with_related(self):
        return self.select_related("room", "organiser", "department", "approved_by", "director_checked_by")

    def with_counts(self):
        current = Q(invitations__withdrawn_at__isnull=True)
        return self.annotate(
            invited_count=Count("invitations", filter=current, distinct=True),
            unreplied_count=Count("invitations", filter=current & Q(invitations__reply=Reply.PENDING), distinct=True),
            signed_count=Count("invitations", filter=current & Q(invitations__signed_in_at__isnull=False),
                               distinct=True),
        )


class Meeting(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="单位", on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField("会议名称", max_length=200)
    purpose = models.TextField("会议目的")
    agenda = models.TextField("会议议程")
    start_at = models.DateTimeField("开始时间", db_index=True)
    end_at = models.DateTimeField("结束时间")
    room = models.ForeignKey(Room, verbose_name="会议室", on_delete=models.PROTECT, related_name="meetings")
    organiser = models.ForeignKey(Person, verbose_name="承办人", on_delete=models.PROTECT, related_name="organised_meetings")
    department = models.ForeignKey(Department, verbose_name="承办科室", on_delete=models.PROTECT, related_name="meetings")
    materials_note = models.TextField("需携带材料", blank=True)
    budget = models.DecimalField("经费预算（元）", max_digits=12, decimal_places=2, default=0)
    dress_code = models.CharField("着装要求", max_length=100, blank=True)
    rules = models.TextField("会议纪律", blank=True, default="请提前10分钟到场签到；会议期间手机调至静音，不得随意进出。")
    important = models.BooleanField("重要会议", default=False)
    involves_principal_heads = models.BooleanField(
        "要求各科室（乡镇、部门）主要负责人参加", default=False, editable=False,
        help_text="由参会人员的角色判定：邀请了两个以上科室的主要负责人；超过10人的，须经办公室主任统一扎口把关"
                  "并报主要领导同意（一(二)1）",
    )
    requires_director = models.BooleanField("须办公室主任把关", default=False, editable=False)
    supervisors = models.ManyToManyField(Person, blank=True, related_name="supervised_meetings",
                                         verbose_name="会风监督员")
    series = models.UUIDField("系列会议", null=True, blank=True, db_index=True)
    occurrence = models.PositiveIntegerField("系列第几次", default=1)
    status = models.CharField("状态", max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT,
                              db_index=True)
    created_at = models.DateTimeField("拟定时间", default=timezone.now)
    submitted_at = models.DateTimeField("报批时间", null=True, blank=True)
    director_checked_by = models.ForeignKey(Person, verbose_name="把关人", null=True, blank=True,
                                            on_delete=models.PROTECT, related_name="+")
    director_checked_at = models.DateTimeField("把关时间", null=True, blank=True)
    approved_by = models.ForeignKey(Person, verbose_name="批准人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("批准时间", null=True, blank=True)
    return_reason = models.TextField("退回意见", blank=True)
    cancel_reason = models.TextField("取消原因", blank=True)
    hold_until = models.DateTimeField("拟定中的方案保留会议室至", null=True, blank=True,
                                      help_text="到期未报批的，会议室释放给他人预订；报批时重新核对会议室")
    rescheduled_from = models.DateTimeField("原定开始时间", null=True, blank=True)
    reschedule_reason = models.CharField("改期原因", max_length=500, blank=True)
    reply_deadline = models.DateTimeField("回执截止时间", null=True, blank=True)
    notice_sent_at = models.DateTimeField("通知发出时间", null=True, blank=True)
    notice_late = models.BooleanField("通知迟发", default=False)
    signin_token = models.CharField("签到码", max_length=40, unique=True, default=new_signin_token)
    minutes = models.TextField("会议记录/纪要", blank=True)
    minutes_by = models.ForeignKey(Person, verbose_name="记录人", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    minutes_at = models.DateTimeField("记录时间", null=True, blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = "会议"
        verbose_name_plural = "会议"
        ordering = ["start_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(end_at__gt=models.F("start_at")), name="meeting_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.title}（{timezone.localtime(self.start_at):%Y-%m-%d %H:%M}）"

    def compute_requires_director(self, attendee_count: int) -> bool:
        """Clause 一(二)1: principal heads asked to attend and more than 10 people."""
        return self.involves_principal_heads and attendee_count > LARGE_MEETING_THRESHOLD

    @property
    def attendees(self):
        """The people invited now (withdrawn invitations excluded)."""
        return Person.objects.filter(invitations__meeting=self, invitations__withdrawn_at__isnull=True)

    @property
    def is_approved(self) -> bool:
        return self.status == MeetingStatus.APPROVED

    @property
    def is_open(self) -> bool:
        return self.status not in RELEASED

    @property
    def has_started(self) -> bool:
        return self.start_at <= timezone.now()

    @property
    def duration(self) -> timedelta:
        return self.end_at - self.start_at


class Reply(models.TextChoices):
    PENDING = "pending", "未回执"
    ATTEND = "attend", "本人参加"
    DEPUTY = "deputy", "委派他人参加"
    ABSENT = "absent", "请假"


class SigninMethod(models.TextChoices):
    SELF = "self", "扫码签到"
    STAFF = "staff", "工作人员代签"


class InvitationQuerySet(models.QuerySet):
    def unreplied(self):
        return self.filter(reply=Reply.PENDING)

    def expected(self):
        """Someone is expected in the room: not excused."""
        return self.exclude(reply=Reply.ABSENT)

    def not_signed_in(self):
        return self.filter(signed_in_at__isnull=True)

    def with_people(self):
        return self.select_related("person", "person__department")

    def withdrawn(self):
        return self.filter(withdrawn_at__isnull=False)


class CurrentInvitationManager(models.Manager.from_queryset(InvitationQuerySet)):
    """The default manager: invitations still in force. A removed invitee's row is kept with ``withdrawn_at`` (the
    notice and its withdrawal are evidence of 错发, clause 一(二)3); ``meeting.invitations`` excludes it too."""

    def get_queryset(self):
        return super().get_queryset().filter(withdrawn_at__isnull=True)


class Invitation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, verbose_name="参会人员", on_delete=models.PROTECT, related_name="invitations")
    on_podium = models.BooleanField("主席台就座", default=False)
    is_host = models.BooleanField("主持人", default=False)
    notified_at = models.DateTimeField("通知时间", null=True, blank=True)
    reply = models.CharField("回执", max_length=10, choices=Reply.choices, default=Reply.PENDING)
    deputy = models.ForeignKey(Person, verbose_name="代参会人员（本单位）", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="deputy_invitations",
                               help_text="委派本单位人员参加的，由其本人扫码签到；被邀请人不能再签到（一(二)10 身份不符）")
    deputy_name = models.CharField("代参会人员", max_length=50, blank=True)
    absence_reason = models.CharField("请假事由", max_length=200, blank=True)
    replied_at = models.DateTimeField("回执时间", null=True, blank=True)
    reply_late = models.BooleanField("逾期回执", default=False)
    reminded_at = models.DateTimeField("催回执时间", null=True, blank=True)
    signed_in_at = models.DateTimeField("签到时间", null=True, blank=True)
    signin_method = models.CharField("签到方式", max_length=10, choices=SigninMethod.choices, blank=True)
    signed_in_by = models.ForeignKey(Person, verbose_name="代签人", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True,
                                        help_text="移出参会人员名单的时间；记录保留，不删除")

    objects = CurrentInvitationManager()  # declared first: the default manager
    all_objects = InvitationQuerySet.as_manager()  # history, withdrawn included

    class Meta:
        verbose_name = "参会邀请"
        verbose_name_plural = "参会邀请"
        ordering = ["person__rank", "person__department__order", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="invitation_unique_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.meeting.title}"

    @property
    def attending_name(self) -> str:
        """The name on the seat and the card: the deputy's when a deputy comes."""
        return self.deputy_name if self.reply == Reply.DEPUTY and self.deputy_name else self.person.name


SEATING_OPTIONS = ("unit_order", "fill", "unit_starts_new_line", "even_rule", "two_seat", "host_position")


class SeatingArrangement(models.Model):
    """The stored result of ``seating.arrange`` for a large-room meeting (clauses 一(二)7, 9), with the options it
    was generated with (reused when attendance changes)."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="seating")
    unit_order = models.CharField("单位排序", max_length=10, default="list")
    fill = models.CharField("排列方式", max_length=12, default="rows")
    unit_starts_new_line = models.BooleanField("每个单位另起一排", default=False)
    even_rule = models.CharField("偶数排法", max_length=20, default="second_on_left")
    two_seat = models.CharField("两人排法", max_length=30, default="second_on_firsts_left")
    host_position = models.CharField("主持人位置", max_length=12, default="by_rank")
    podium = models.JSONField("主席台", default=list)  # rows of {key,name,unit,order,host,row,col}
    hall = models.JSONField("台下", default=dict)  # {"rows", "cols", "placements": [...]}
    unit_sequence = models.JSONField("单位顺序", default=list)
    warnings = models.JSONField("提示", default=list)
    name_flags = models.JSONField("姓名核对", default=list)
    overrides = models.JSONField("违反排座规则的手工调整", default=list)  # [{version, by, by_name, at, warnings}]
    generated_at = models.DateTimeField("生成时间", default=timezone.now)
    generated_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField("版本", default=1)

    class Meta:
        verbose_name = "座位表"
        verbose_name_plural = "座位表"

    def __str__(self) -> str:
        return f"{self.meeting.title} 座位表 v{self.version}"


class DecisionQuerySet(models.QuerySet):
    def with_item(self):
        return self.select_related("owner", "tracked_item")


class Decision(models.Model):
    """议定事项: each becomes a tracked item (clause 一(二)12) owned by ``owner`` and due at ``due_at``."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    text = models.TextField("议定事项")
    owner = models.ForeignKey(Person, verbose_name="责任人", on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField("完成时限")
    tracked_item = models.OneToOneField("tracking.TrackedItem", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="+")
    created_by = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = "议定事项"
        verbose_name_plural = "议定事项"
        ordering = ["due_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class ChecklistKind(models.TextChoices):
    EQUIPMENT = "equipment", "会场设施检查"
    VENUE = "venue", "会场布置检查"


# The clause a failure on each checklist breaches: a failure reported is proposed as a 差错 lead.
CHECKLIST_CLAUSES = {ChecklistKind.EQUIPMENT: "一(二)5", ChecklistKind.VENUE: "一(二)4"}
VENUE_ITEMS = ("桌椅摆放整齐", "会场环境整洁", "席卡摆放规整", "会标悬挂得体、无错字", "茶水、纸笔准备到位")


def checklist_items(meeting: Meeting, kind: str) -> list[str]:
    if kind == ChecklistKind.EQUIPMENT:
        return meeting.room.equipment_labels or ["电源"]
    return list(VENUE_ITEMS)


class Checklist(models.Model):
    """A pre-meeting check signed off by the 会务 staff (clauses 一(二)4, 5). Each signing is kept."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="checklists")
    kind = models.CharField("检查类别", max_length=12, choices=ChecklistKind.choices)
    results = models.JSONField("检查结果", default=list)  # [{"item", "ok", "note"}]
    signed_by = models.ForeignKey(Person, verbose_name="检查人", null=True, on_delete=models.PROTECT,
                                  related_name="+")
    signed_at = models.DateTimeField("签字时间", default=timezone.now)

    class Meta:
        verbose_name = "会前检查"
        verbose_name_plural = "会前检查"
        ordering = ["-signed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.meeting.title} · {self.get_kind_display()}"

    @property
    def failures(self) -> list[dict]:
        return [r for r in self.results if not r.get("ok")]


class BreachKind(models.TextChoices):
    IDENTITY = "identity", "到会人员身份不符"
    PHONE = "phone", "通讯工具发出声响"
    DOZING = "dozing", "打瞌睡"
    IN_AND_OUT = "in_and_out", "随意频繁进出"
    OTHER = "other", "其他违反会议纪律"


class BreachReport(models.Model):
    """A 会风监督员's report of a breach of meeting discipline (clause 一(二)10)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="breaches")
    kind = models.CharField("情形", max_length=12, choices=BreachKind.choices)
    person = models.ForeignKey(Person, verbose_name="当事人", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    description = models.TextField("情况说明")
    reported_by = models.ForeignKey(Person, verbose_name="监督员", on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField("报告时间", default=timezone.now)

    class Meta:
        verbose_name = "会风监督报告"
        verbose_name_plural = "会风监督报告"
        ordering = ["reported_at", "id"]

    def __str__(self) -> str:
        return f"{self.meeting.title} · {self.get_kind_display()}"


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", "待审核"
    APPROVED = "approved", "已审核"
    DONE = "done", "已发布/已印制"


class NewsItem(models.Model):
    """会议新闻稿 (clause 一(二)6): for an important meeting it is reviewed by the office (分管主任 or 综合科)
    before it is published."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="news")
    title = models.CharField("标题", max_length=200)
    text = models.TextField("正文")
    findings = models.JSONField("校对意见", default=list)
    status = models.CharField("状态", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    written_by = models.ForeignKey(Person, verbose_name="撰稿人", on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(Person, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("审核时间", null=True, blank=True)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)

    class Meta:
        verbose_name = "会议新闻稿"
        verbose_name_plural = "会议新闻稿"
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return self.title


class BannerKind(models.TextChoices):
    MAIN = "main", "会标"
    BACK = "back", "回头标"
    OUTDOOR = "outdoor", "室外宣传标"


class Banner(models.Model):
    """会标、回头标、室外宣传标 (clause 一(二)9): text entered, proofread, approved before printing."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="banners")
    kind = models.CharField("类别", max_length=10, choices=BannerKind.choices)
    text = models.CharField("文字", max_length=200)
    findings = models.JSONField("校对意见", default=list)
    status = models.CharField("状态", max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.DRAFT)
    entered_by = models.ForeignKey(Person, verbose_name="录入人", on_delete=models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(Person, verbose_name="审核人", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    approved_at = models.DateTimeField("审核时间", null=True, blank=True)

    class Meta:
        verbose_name = "会标"
        verbose_name_plural = "会标"
        ordering = ["kind", "entered_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.text}"


class MaterialQuerySet(models.QuerySet):
    def with_related(self):
        return self.select_related("attachment", "uploaded_by")


class Material(models.Model):
    """会议材料 (clause 一(二)8): each upload of a title is a new version; a .docx is proofread; copies are counted
    per attendee and each handout is recorded."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="materials")
    title = models.CharField("材料名称", max_length=200)
    version = models.PositiveIntegerField("版本", default=1)
    attachment = models.OneToOneField("attachments.Attachment", on_delete=models.PROTECT, related_name="+")
    copies_per_attendee = models.PositiveIntegerField("每人份数", default=1)
    spare_copies = models.PositiveIntegerField("备用份数", default=0)
    proofread = models.BooleanField("已校对", default=False)
    findings = models.JSONField("校对意见", default=list)
    uploaded_by = models.ForeignKey(Person, null=True, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    objects = MaterialQuerySet.as_manager()

    class Meta:
        verbose_name = "会议材料"
        verbose_name_plural = "会议材料"
        ordering = ["title", "-version"]
        constraints = [models.UniqueConstraint(fields=["meeting", "title", "version"], name="material_unique_version")]

    def __str__(self) -> str:
        return f"{self.title} 第{self.version}版"

    @property
    def has_errors(self) -> bool:
        return any(f.get("severity") == "error" for f in self.findings)


class Handout(models.Model):
    """One attendee received a material (发放记录)."""

    material = models.ForeignKey(Material, on_delete=models.PROTECT, related_name="handouts")
    invitation = models.ForeignKey(Invitation, on_delete=models.PROTECT, related_name="handouts")
    copies = models.PositiveIntegerField("份数")
    given_at = models.DateTimeField("发放时间", default=timezone.now)
    given_by = models.ForeignKey(Person, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "材料发放"
        verbose_name_plural = "材料发放"
        constraints = [models.UniqueConstraint(fields=["material", "invitation"], name="handout_unique")]

    def __str__(self) -> str:
        return f"{self.material} → {self.invitation.person}"
