"""Cleaning rounds: generated from the places' daily slots and the meeting calendar, ticked by the cleaner on the
rota (with a photo after a meeting or visitor), missed ones turned into tracked items (一(八)1, 2)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from zeroerror.attachments.actions import attach
from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.facilities import access, schedule
from zeroerror.facilities.models import CleaningRound, Place, PlaceKind, RoundKind, RoundStatus
from zeroerror.meetings.models import Meeting, MeetingStatus
from zeroerror.secrecy.actions.common import (
    local,
    require_past,
    require_person,
    require_within_round,
    required_text,
)
from zeroerror.tracking.actions import close_items_for_source, create_tracked_item
from zeroerror.workdays.service import work_calendar

MISSED_GRACE = timedelta(hours=2)  # a missed round's tracked item is due this long after it is found missed
MEETING_LOOKBACK = timedelta(hours=12)
MEETING_LOOKAHEAD = timedelta(days=1)


def _create_round(place: Place, kind: str, slot: schedule.Slot, *, meeting=None, reason="", by=None):
    """One round, unless the same slot (or the same meeting) already has one. Returns it, or None."""
    try:
        with transaction.atomic():
            return CleaningRound.objects.create(place=place, kind=kind, starts_at=slot.starts, due_at=slot.due,
                                                meeting=meeting, reason=reason[:200], created_by=by)
    except IntegrityError:
        return None


def generate_rounds(day: date, now: datetime) -> list[CleaningRound]:
    """The day's rounds for every active place (working days only for the daily ones), and a round right after every
    approved meeting held in a place's room that ends around ``now``; a meeting no longer held releases its
    pending round."""
    tz = timezone.get_current_timezone()
    made: list[CleaningRound] = []
    places = list(Place.objects.active().select_related("room"))
    if work_calendar().is_workday(day):
        for place in places:
            for slot in schedule.daily_slots(day, place.daily_slots, tz):
                made.append(_create_round(place, RoundKind.DAILY, slot))
    by_room: dict[int, list[Place]] = {}
    for place in places:
        if place.room_id:
            by_room.setdefault(place.room_id, []).append(place)
    if by_room:
        meetings = Meeting.objects.filter(room_id__in=by_room, status=MeetingStatus.APPROVED,
                                          end_at__gte=now - MEETING_LOOKBACK, end_at__lte=now + MEETING_LOOKAHEAD)
        for meeting in meetings:
            for place in by_room[meeting.room_id]:
                made.append(_create_round(place, RoundKind.AFTER_MEETING, schedule.after_slot(meeting.end_at),
                                          meeting=meeting, reason=meeting.title))
    made = [r for r in made if r is not None]
    gone = CleaningRound.objects.pending().filter(kind=RoundKind.AFTER_MEETING, starts_at__gte=now - MEETING_LOOKBACK
                                                  ).exclude(meeting__status=MeetingStatus.APPROVED)
    cancelled = list(gone.values_list("pk", flat=True))
    if cancelled:
        CleaningRound.objects.filter(pk__in=cancelled).update(status=RoundStatus.CANCELLED, note="会议已取消或改期")
    if made or cancelled:
        record("facilities.rounds.generate", actor=None, kind=AuditKind.CREATE, object_type="facilities.cleaninground",
               changes={"day": day, "created": [r.pk for r in made], "cancelled": cancelled})
    return made


def _cleaner_for(place: Place):
    return place.cleaners.filter(active=True).order_by("pk").first()


def mark_missed_rounds(now: datetime) -> int:
    """Every pending round past its time is 未按时完成 and becomes a tracked item for the cleaner on the rota."""
    count = 0
    for pk in CleaningRound.objects.pending().due_before(now).values_list("pk", flat=True)[:500]:
        with transaction.atomic(durable=True):
            found = CleaningRound.objects.select_for_update(of=("self",)).select_related("place").filter(
                pk=pk, status=RoundStatus.PENDING).first()
            if found is None:
                continue
            found.status = RoundStatus.MISSED
            found.save(update_fields=["status"])
            record("facilities.round.missed", actor=None, kind=AuditKind.TRANSITION, obj=found,
                   changes={"status": [RoundStatus.PENDING, RoundStatus.MISSED]})
            owner = _cleaner_for(found.place)
            if owner is not None:
                create_tracked_item(
                    title=f"补做保洁：{found.place.name}·{found.get_kind_display()}", owner=owner,
                    due_at=now + MISSED_GRACE, area="facilities", clause_id=found.place.clause_id,
                    detail=f"应于 {local(found.starts_at)}–{local(found.due_at)[11:]} 完成，未登记。",
                    source=found, source_url=access.round_url(found), actor=None)
            count += 1
    return count


def run_cleaning_tick(now: datetime) -> str:
    """Tick task: today's rounds and the rounds after meetings, then the missed ones."""
    today = timezone.localtime(now).date()
    with transaction.atomic(durable=True):
        made = generate_rounds(today, now)
    missed = mark_missed_rounds(now)
    parts = [f"生成保洁任务 {len(made)} 条" if made else "", f"未按时保洁 {missed} 条" if missed else ""]
    return "，".join(p for p in parts if p)


@transaction.atomic(durable=True)
def do_tick_round(cleaning: CleaningRound, *, done_at: datetime | None, note: str = "",
                  photo: tuple[str, bytes] | None = None, actor) -> CleaningRound:
    """The cleaner on the rota records a round as done, at the time it was done (not in the future, not before the
    round began); after a meeting or visitor with a photo of the room ready for use."""
    person = require_person(actor)
    cleaning = CleaningRound.objects.select_for_update(of=("self",)).select_related("place").get(pk=cleaning.pk)
    place = cleaning.place
    if not place.cleaners.filter(pk=person.pk).exists():
        raise ValidationError(f"您不在“{place.name}”的保洁轮值表上，不能登记。")
    if cleaning.status == RoundStatus.CANCELLED:
        raise ValidationError("该保洁任务已取消。")
    if cleaning.done_at is not None:
        raise ValidationError("该保洁任务已登记完成。")
    done_at = require_within_round(done_at, cleaning.starts_at, "清扫时间", "保洁")
    if cleaning.needs_photo and not photo:
        raise ValidationError("会议或客人来访后的清理须拍照留证。")
    note = (note or "").strip()[:300]
    was = cleaning.status
    cleaning.status, cleaning.done_by, cleaning.done_at = RoundStatus.DONE, person, done_at
    cleaning.ticked_at, cleaning.note = timezone.now(), note
    cleaning.late = was == RoundStatus.MISSED or done_at > cleaning.due_at
    cleaning.save(update_fields=["status", "done_by", "done_at", "ticked_at", "note", "late"])
    if photo:
        attach(cleaning, photo[0], photo[1], purpose="保洁照片", actor=actor)
    record("facilities.round.done", actor=actor, kind=AuditKind.TRANSITION, obj=cleaning,
           changes={"status": [was, RoundStatus.DONE], "done_at": done_at, "late": cleaning.late, "note": note})
    if was == RoundStatus.MISSED:
        close_items_for_source(cleaning, f"已补做（{person.name}，{local(done_at)}）", actor=actor)
    return cleaning


@transaction.atomic(durable=True)
def do_record_visit(place: Place, *, ended_at: datetime | None, visitor: str, actor) -> CleaningRound:
    """A visitor has left a leader's office or the reception room: it is to be cleaned at once (一(八)2)."""
    person = require_person(actor)
    place = Place.objects.select_for_update().get(pk=place.pk)
    if not (access.runs_facilities(person) or place.occupant_id == person.pk):
        raise ValidationError("只有办公室或该办公室的领导可以登记来访。")
    if place.kind not in (PlaceKind.LEADER_OFFICE, PlaceKind.RECEPTION_ROOM):
        raise ValidationError("只有领导办公室和接待室登记客人来访。")
    ended_at = require_past(ended_at, "来访结束时间")
    if ended_at < timezone.now() - timedelta(days=1):
        raise ValidationError("只能登记一天以内结束的来访。")
    visitor = required_text(visitor, "来访客人", 100)
    cleaning = _create_round(place, RoundKind.AFTER_VISIT, schedule.after_slot(ended_at), reason=f"来访：{visitor}",
                             by=person)
    if cleaning is None:
        raise ValidationError("该时间已登记过来访。")
    record("facilities.round.visit", actor=actor, kind=AuditKind.CREATE, obj=cleaning,
           changes={"place": place.pk, "ended_at": ended_at, "visitor": visitor})
    return cleaning
