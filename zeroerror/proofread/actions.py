"""Write paths of 校对.

A waiver ("确认无误") is an accountable decision and is audited in its own transaction. The scratch sessions of the
校对 page (created, revised, a suggestion accepted) are audited too, recording the size and profile of the text but
not the draft text itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.models import Person
from zeroerror.proofread.access import can_edit_lexicon
from zeroerror.proofread.engine import Finding
from zeroerror.proofread.engine.textutil import is_cjk
from zeroerror.proofread.models import FindingWaiver, LexiconWord, Profile, ProofreadSession

MAX_TEXT_CHARS = 200_000
MAX_REASON_CHARS = 500
MAX_WORD_CHARS = 40


def _person(actor) -> Person:
    person = getattr(actor, "person", None) if actor is not None else None
    if person is None:
        raise ValidationError("该账号未关联在职人员，不能执行此操作。")
    return person


def normalise_text(text: str) -> str:
    """Newlines as ``\\n`` (a browser sends ``\\r\\n``), so offsets are code points of exactly what is checked."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _clean(text: str, profile: str) -> tuple[str, str]:
    text = normalise_text(text or "")
    if not text.strip():
        raise ValidationError("请粘贴要校对的文字或上传 .docx 文件。")
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError(f"文字过长（{len(text)} 字），一次最多校对 {MAX_TEXT_CHARS} 字，请分段校对。")
    if profile not in Profile.values:
        raise ValidationError("请选择校对方案。")
    return text, profile


# Waivers ------------------------------------------------------------------------------------------------------------

def waive_finding(owner: models.Model, finding: Finding, reason: str, *, actor) -> FindingWaiver:
    """Record inside the caller's transaction that ``finding`` in the text of ``owner`` is intended (audited)."""
    if owner.pk is None:
        raise ValueError("the owner of a waiver must be saved")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("请填写确认无误的理由。")
    if len(reason) > MAX_REASON_CHARS:
        raise ValidationError(f"理由不超过 {MAX_REASON_CHARS} 字。")
    person = _person(actor)
    existing = FindingWaiver.objects.for_owner(owner).filter(rule=finding.rule, text=finding.text, start=finding.start)
    if not finding.text:  # the page layout of a .docx: several findings share rule and place, not message
        existing = existing.filter(message=finding.message)
    if existing.exists():
        raise ValidationError("该处已确认无误，无需重复确认。")
    waiver = FindingWaiver.objects.create(
        owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk, rule=finding.rule,
        text=finding.text, start=finding.start, message=finding.message, reason=reason, actor=person,
        at=timezone.now(),
    )
    record("proofread.finding.waive", actor=actor, kind=AuditKind.CREATE, obj=waiver,
           changes={"owner": f"{owner._meta.label_lower}:{owner.pk}", "rule": finding.rule, "text": finding.text,
                    "start": finding.start, "severity": finding.severity, "suggestion": finding.suggestion,
                    "reason": reason})
    return waiver


@transaction.atomic(durable=True)
def do_waive_finding(owner: models.Model, finding: Finding, reason: str, *, actor) -> FindingWaiver:
    """确认无误 with a reason: :func:`zeroerror.proofread.service.unresolved` no longer reports the finding."""
    return waive_finding(owner, finding, reason, actor=actor)


# The unit's lexicon ------------------------------------------------------------------------------------------------

@transaction.atomic(durable=True)
def do_add_lexicon_word(word: str, *, note: str = "", finding: Finding | None = None, actor) -> LexiconWord:
    """Add ``word`` to the unit's lexicon (the 错别字 check never flags it again); the office only, audited with the
    finding it answers. A word switched off before is switched on again."""
    person = _person(actor)
    if not can_edit_lexicon(person):
        raise ValidationError("只有办公室人员可以维护本单位词库。")
    word = (word or "").strip()
    note = (note or "").strip()
    if not word:
        raise ValidationError("请填写要加入词库的词语。")
    if len(word) > MAX_WORD_CHARS or any(ch.isspace() for ch in word) or not any(is_cjk(ch) for ch in word):
        raise ValidationError(f"词语须为不含空格的汉字词语，不超过 {MAX_WORD_CHARS} 字。")
    if finding is not None and finding.text and finding.text not in word:
        raise ValidationError(f"词语须包含被提示的文字“{finding.text}”。")
    if len(note) > 200:
        raise ValidationError("说明不超过 200 字。")
    existing = LexiconWord.objects.select_for_update().filter(word=word).first()
    if existing is not None and existing.active:
        raise ValidationError(f"“{word}”已在本单位词库中。")
    changes = {"word": word, "note": note}
    if finding is not None:
        changes.update(rule=finding.rule, text=finding.text, suggestion=finding.suggestion, why=finding.why)
    if existing is not None:
        existing.active, existing.note = True, note or existing.note
        existing.save(update_fields=["active", "note"])
        record("proofread.lexicon.reactivate", actor=actor, kind=AuditKind.CHANGE, obj=existing, changes=changes)
        return existing
    entry = LexiconWord.objects.create(word=word, note=note, added_by=person, added_at=timezone.now())
    record("proofread.lexicon.add", actor=actor, kind=AuditKind.CREATE, obj=entry, changes=changes)
    return entry


# Sessions of the 校对 page --------------------------------------------------

@transaction.atomic(durable=True)
def do_start_proofread_session(text: str, profile: str, *, source_name: str = "",
                               layout_findings: Iterable[Finding] = (), actor) -> ProofreadSession:
    text, profile = _clean(text, profile)
    now = timezone.now()
    session = ProofreadSession.objects.create(
        person=_person(actor), profile=profile, text=text, source_name=source_name[:200],
        layout_findings=[f.to_dict() for f in layout_findings], created_at=now, updated_at=now,
    )
    record("proofread.session.create", actor=actor, object_repr=f"校对记录 #{session.pk}", kind=AuditKind.CREATE, obj=session,
           changes={"profile": profile, "chars": len(text), "source": session.source_name})
    return session


def _lock(session: ProofreadSession) -> ProofreadSession:
    return ProofreadSession.objects.select_for_update().get(pk=session.pk)


@transaction.atomic(durable=True)
def do_revise_proofread_session(session: ProofreadSession, text: str, profile: str, *, actor) -> ProofreadSession:
    """The person edited the text (or changed the profile) and checks it again; waivers stay with the session."""
    text, profile = _clean(text, profile)
    session = _lock(session)
    if session.person_id != _person(actor).pk:
        raise ValidationError("只能修改本人的校对记录。")
    session.text, session.profile, session.updated_at = text, profile, timezone.now()
    session.save(update_fields=["text", "profile", "updated_at"])
    record("proofread.session.revise", actor=actor, object_repr=f"校对记录 #{session.pk}", kind=AuditKind.CHANGE, obj=session,
           changes={"profile": profile, "chars": len(text)})
    return session


@transaction.atomic(durable=True)
def do_accept_suggestion(session: ProofreadSession, finding: Finding, *, actor) -> ProofreadSession:
    """Replace ``text[start:end]`` (code points) of the session with the finding's suggestion."""
    from zeroerror.proofread.service import apply_suggestion

    session = _lock(session)
    if session.person_id != _person(actor).pk:
        raise ValidationError("只能修改本人的校对记录。")
    session.text = apply_suggestion(session.text, finding)
    session.updated_at = timezone.now()
    session.save(update_fields=["text", "updated_at"])
    record("proofread.session.accept", actor=actor, object_repr=f"校对记录 #{session.pk}", kind=AuditKind.CHANGE, obj=session,
           changes={"rule": finding.rule, "text": finding.text, "suggestion": finding.suggestion})
    return session
