"""会风与宣传: 会风监督员 and breach reports (clause 一(二)10), news (一(二)6) and banners (一(二)9)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.errors.actions import propose_lead
from zeroerror.meetings.access import can_review, meeting_url
from zeroerror.meetings.actions.common import SIGNIN_OPENS_BEFORE, _clean_supervisors, _local, _people_with, _person
from zeroerror.meetings.models import (
    Banner,
    BannerKind,
    BreachKind,
    BreachReport,
    Meeting,
    MeetingStatus,
    NewsItem,
    ReviewStatus,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.tracking.notify import notify


@transaction.atomic(durable=True)
def do_set_supervisors(meeting: Meeting, people: Iterable[Person], *, actor) -> Meeting:
    """会风监督员: named from the office and the departments concerned (required for important meetings)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED or meeting.end_at <= timezone.now():
        raise ValidationError("会议已取消或已结束。")
    people = _clean_supervisors(people, meeting.unit)
    if meeting.important and not people:
        raise ValidationError("重要会议须指定会风监督员。")
    before = sorted(meeting.supervisors.values_list("pk", flat=True))
    meeting.supervisors.set(people)
    record("meetings.meeting.supervisors", actor=actor, kind=AuditKind.CHANGE, obj=meeting,
           changes={"supervisors": [before, sorted(p.pk for p in people)]})
    notify(people, f"会风监督：{meeting.title}", url=meeting_url(meeting),
           body=f"您被指定为本次会议的会风监督员。{_local(meeting.start_at)} · {meeting.room.name}")
    return meeting


@transaction.atomic(durable=True)
def do_report_breach(meeting: Meeting, *, kind: str, person: Person | None, description: str, actor) -> BreachReport:
    """A supervisor reports a breach; one against a named attendee is proposed as a 差错 lead (clause 一(二)10)."""
    reporter = _person(actor)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if reporter is None or not meeting.supervisors.filter(pk=reporter.pk).exists():
        raise ValidationError("只有本次会议的会风监督员可以报告。")
    if kind not in BreachKind.values:
        raise ValidationError("请选择违纪情形。")
    if not description.strip():
        raise ValidationError("请填写情况说明。")
    if meeting.status != MeetingStatus.APPROVED or meeting.start_at - SIGNIN_OPENS_BEFORE > timezone.now():
        raise ValidationError("会议开始后才能报告会风情况。")
    if person is not None and not meeting.invitations.filter(person=person).exists():
        raise ValidationError("当事人须为本次会议的参会人员；其他人员请在情况说明中写明。")
    report = BreachReport.objects.create(meeting=meeting, kind=kind, person=person,
                                         description=description.strip(), reported_by=reporter)
    record("meetings.breach.report", actor=actor, kind=AuditKind.CREATE, obj=report,
           changes={"meeting": meeting.pk, "kind": kind, "person": person.pk if person else None})
    if person is not None:
        propose_lead("一(二)10", person, timezone.localdate(),
                     f"{meeting.title}（{_local(meeting.start_at)}）会风监督员{reporter.name}报告："
                     f"{BreachKind(kind).label}。{description.strip()}",
                     report, actor=actor, source_label=f"{meeting.title}·会风监督", source_url=meeting_url(meeting))
    return report


def proofread_findings(text: str) -> list[dict]:
    """Banners and news are shown in public: the publication profile, with the unit's sensitive terms."""
    from zeroerror.proofread import service
    from zeroerror.proofread.engine import PUBLICATION

    return [{"text": f.text, "suggestion": f.suggestion, "message": f.message, "severity": f.severity}
            for f in service.check(text, profile=PUBLICATION)]


def _has_errors(findings: list[dict]) -> bool:
    return any(f.get("severity") == "error" for f in findings)


def _reviewer(actor) -> Person:
    person = _person(actor)
    if person is None or not can_review(person):
        raise ValidationError("须由办公室分管主任或综合科（办公室主任、副主任）把关。")
    return person


@transaction.atomic(durable=True)
def do_draft_news(meeting: Meeting, *, title: str, text: str, actor) -> NewsItem:
    if meeting.status != MeetingStatus.APPROVED:
        raise ValidationError("会议方案批准后才能撰写新闻稿。")
    if not title.strip() or not text.strip():
        raise ValidationError("请填写新闻稿标题和正文。")
    news = NewsItem.objects.create(meeting=meeting, title=title.strip(), text=text.strip(), written_by=_person(actor),
                                   findings=proofread_findings(f"{title.strip()}\n{text.strip()}"))
    record("meetings.news.draft", actor=actor, kind=AuditKind.CREATE, obj=news,
           changes={"meeting": meeting.pk, "findings": len(news.findings)})
    if meeting.important:
        reviewers = [p for p in _people_with(meeting.unit, Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)]
        notify(reviewers, f"新闻稿待把关：{news.title}", url=meeting_url(meeting), body=news.text[:200])
    return news


@transaction.atomic(durable=True)
def do_approve_news(news: NewsItem, *, actor) -> NewsItem:
    reviewer = _reviewer(actor)
    news = NewsItem.objects.select_for_update().get(pk=news.pk)
    if news.status != ReviewStatus.DRAFT:
        raise ValidationError("新闻稿已审核。")
    if _has_errors(news.findings):
        raise ValidationError("新闻稿校对发现错误，须修改后重新提交。")
    news.status, news.approved_by, news.approved_at = ReviewStatus.APPROVED, reviewer, timezone.now()
    news.save(update_fields=["status", "approved_by", "approved_at"])
    record("meetings.news.approve", actor=actor, kind=AuditKind.TRANSITION, obj=news,
           changes={"status": [ReviewStatus.DRAFT, ReviewStatus.APPROVED]})
    notify([news.written_by], f"新闻稿已审核：{news.title}", url=meeting_url(news.meeting))
    return news


@transaction.atomic(durable=True)
def do_publish_news(news: NewsItem, *, actor) -> NewsItem:
    """报道: an important meeting's news goes out only once reviewed (clause 一(二)6)."""
    news = NewsItem.objects.select_for_update(of=("self",)).select_related("meeting").get(pk=news.pk)
    if news.status == ReviewStatus.DONE:
        raise ValidationError("新闻稿已发布。")
    if news.meeting.important and news.status != ReviewStatus.APPROVED:
        raise ValidationError("重要会议新闻稿须经分管主任或综合科把关后方可报道。")
    if _has_errors(news.findings):
        raise ValidationError("新闻稿校对发现错误，须修改后重新提交。")
    before = news.status
    news.status, news.published_at = ReviewStatus.DONE, timezone.now()
    news.save(update_fields=["status", "published_at"])
    record("meetings.news.publish", actor=actor, kind=AuditKind.TRANSITION, obj=news,
           changes={"status": [before, ReviewStatus.DONE]})
    return news


@transaction.atomic(durable=True)
def do_enter_banner(meeting: Meeting, *, kind: str, text: str, actor) -> Banner:
    if kind not in BannerKind.values:
        raise ValidationError("请选择会标类别。")
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError("会议已取消。")
    if not text.strip():
        raise ValidationError("请填写会标文字。")
    banner = Banner.objects.create(meeting=meeting, kind=kind, text=text.strip(), entered_by=_person(actor),
                                   findings=proofread_findings(text.strip()))
    record("meetings.banner.enter", actor=actor, kind=AuditKind.CREATE, obj=banner,
           changes={"meeting": meeting.pk, "kind": kind, "text": banner.text, "findings": len(banner.findings)})
    return banner


@transaction.atomic(durable=True)
def do_approve_banner(banner: Banner, *, actor) -> Banner:
    reviewer = _reviewer(actor)
    banner = Banner.objects.select_for_update().get(pk=banner.pk)
    if banner.status != ReviewStatus.DRAFT:
        raise ValidationError("会标已审核。")
    if _has_errors(banner.findings):
        raise ValidationError("会标校对发现错字或标点错误，须重新录入后再审核。")
    banner.status, banner.approved_by, banner.approved_at = ReviewStatus.APPROVED, reviewer, timezone.now()
    banner.save(update_fields=["status", "approved_by", "approved_at"])
    record("meetings.banner.approve", actor=actor, kind=AuditKind.TRANSITION, obj=banner,
           changes={"status": [ReviewStatus.DRAFT, ReviewStatus.APPROVED], "text": banner.text})
    return banner


@transaction.atomic(durable=True)
def do_print_banner(banner: Banner, *, actor) -> Banner:
    """印制: only an approved banner goes to print."""
    banner = Banner.objects.select_for_update().get(pk=banner.pk)
    if banner.status != ReviewStatus.APPROVED:
        raise ValidationError("会标须经审核后方可印制。")
    banner.status = ReviewStatus.DONE
    banner.save(update_fields=["status"])
    record("meetings.banner.print", actor=actor, kind=AuditKind.TRANSITION, obj=banner,
           changes={"status": [ReviewStatus.APPROVED, ReviewStatus.DONE]})
    return banner


def banner_revision(banner: Banner) -> int:
    """第N版: the banner's place among the texts entered for the same kind of banner of the meeting (a correction is
    entered again as a new text)."""
    earlier = Banner.objects.filter(meeting_id=banner.meeting_id, kind=banner.kind).filter(
        Q(entered_at__lt=banner.entered_at) | Q(entered_at=banner.entered_at, pk__lt=banner.pk))
    return earlier.count() + 1


def banner_proof(banner: Banner) -> tuple[bytes, int]:
    """The printable proof (PDF) of an approved banner and its revision number. Only an approved (or already
    printed) banner is given out for printing; the caller records the download as an export."""
    from zeroerror.meetings.pdf import BannerProof, banner_proof_pdf

    if banner.status not in (ReviewStatus.APPROVED, ReviewStatus.DONE):
        raise ValidationError("会标尚未审核，不能下载印制校样：须经办公室主任或副主任审核通过后方可印制。")
    revision = banner_revision(banner)
    approved = banner.approved_by
    note = f"审核：{approved.name} {_local(banner.approved_at)}" if approved and banner.approved_at else ""
    proof = BannerProof(text=banner.text, kind=banner.get_kind_display(), meeting=banner.meeting.title,
                        version=revision, approved=True, note=note)
    return banner_proof_pdf(proof), revision
