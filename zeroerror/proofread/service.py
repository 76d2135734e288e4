"""校对 service — the one entry point other areas call to proofread a text (the engine stays free of Django).

    from zeroerror.proofread import service

    findings = service.check(text, profile="document")            # every finding; the unit's sensitive terms applied
    blocking = service.unresolved(draft, text, profile="document") # errors not yet 确认无误 for ``draft``
    service.do_waive_finding(draft, finding, "引用原文，保持原样", actor=request.user)   # audited

Contract for the areas whose drafts must be error-free before they move on — the 发文 核稿 step, meeting materials,
会标 and 信息公开 drafts (regulation 一(一)2, 一(二)8–9, 一(四)2, 一(四)4):

* Before the transition, call ``unresolved(draft, text, profile=...)`` with the draft object as ``owner`` and the
  exact text that will go out (title and paragraphs joined by ``\\n``). Use ``profile="publication"`` for anything
  published (信息公开, posts, 会标 shown in public) — privacy and secrecy findings are errors there — and
  ``"document"`` for 公文.
* If it returns anything, refuse the transition (a Chinese ValidationError listing the findings) unless one of two
  recorded overrides exists:
  1. each finding was marked intended with a reason: ``waive_finding(draft, finding, reason, actor=...)`` inside the
     area's own transaction, or ``do_waive_finding(...)`` on its own (both write an audit record); a waiver matches
     a later finding of the same rule and the same text, wherever it has moved, one waiver per occurrence;
  2. the area's own transition takes an override reason from a person entitled to give it and records the reason
     and the findings (``[f.to_dict() for f in blocking]``) in the audit record of that transition.
  :func:`describe` turns the findings into the Chinese text of that refusal.
* Warnings and hints (``severity`` "warning"/"info") never block; show them to the person.
* Offsets (``start``/``end``) are code points of the text passed in, with newlines as ``\\n``
  (:func:`zeroerror.proofread.actions.normalise_text`); :func:`apply_suggestion` applies a suggestion.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterable

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from zeroerror.org.models import Department, Person, Unit
from zeroerror.proofread.actions import do_waive_finding, normalise_text, waive_finding
from zeroerror.proofread.engine import ERROR, DocxError, DocxResult, Finding, proofread_docx, proofread_text
from zeroerror.proofread.models import FindingWaiver, LexiconWord, SensitiveTerm

__all__ = [
    "MAX_DOCX_BYTES", "apply_suggestion", "active_sensitive_terms", "check", "check_docx", "describe", "do_waive_finding",
    "normalise_text", "split_waived", "unit_lexicon", "unresolved", "waive_finding",
]

log = logging.getLogger(__name__)

MAX_DOCX_BYTES = 10 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 200 * 1024 * 1024  # a 10 MB upload that inflates beyond this is refused (zip bomb)
NOT_A_DOCX = "文件不是有效的 .docx 文件（Word 2007 及以上格式），可能已损坏；.doc、.wps 等格式请先另存为 .docx。"


def active_sensitive_terms() -> tuple[str, ...]:
    """The unit's sensitive terms that are switched on (后台配置 › 敏感词)."""
    return tuple(SensitiveTerm.objects.active().values_list("term", flat=True))


def unit_lexicon() -> tuple[str, ...]:
    """The unit's own words, never flagged as 错别字: the names of its people, departments and units, the 来文机关
    of its incoming documents, its meeting rooms and places, and the words the office added (本单位词库)."""
    words: set[str] = set(LexiconWord.objects.active().values_list("word", flat=True))
    words.update(Person.objects.values_list("name", flat=True))
    words.update(Department.objects.values_list("name", flat=True))
    for name, short in Unit.objects.values_list("name", "short_name"):
        words.update((name, short))
    # documents and meetings call this service: their models are looked up, not imported (no import cycle)
    incoming, room = apps.get_model("documents", "IncomingDocument"), apps.get_model("meetings", "Room")
    words.update(incoming.objects.values_list("sender", flat=True).distinct())
    for name, location in room.objects.values_list("name", "location"):
        words.update((name, location))
    return tuple(sorted(w.strip() for w in words if w and w.strip()))


def check(text: str, *, profile: str, sensitive_terms: Iterable[str] | None = None,
          lexicon: Iterable[str] | None = None) -> list[Finding]:
    """Every finding in ``text`` sorted by position; ``sensitive_terms=None`` applies the unit's configured terms,
    ``lexicon=None`` the unit's own words (:func:`unit_lexicon`)."""
    terms = active_sensitive_terms() if sensitive_terms is None else tuple(sensitive_terms)
    words = unit_lexicon() if lexicon is None else tuple(lexicon)
    return proofread_text(text, profile, terms, words)


def check_docx(data: bytes, *, profile: str, sensitive_terms: Iterable[str] | None = None) -> DocxResult:
    """The text of an uploaded .docx and its findings. Anything that is not a readable .docx, or is larger than
    10 MB, raises ValidationError with a Chinese message (never another exception)."""
    if len(data) > MAX_DOCX_BYTES:
        raise ValidationError(f"文件不能超过 {MAX_DOCX_BYTES // (1024 * 1024)} MB。")
    if not data:
        raise ValidationError("文件为空。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise ValidationError(NOT_A_DOCX) from None
    if "word/document.xml" not in {info.filename for info in infos}:
        raise ValidationError(NOT_A_DOCX)
    if sum(info.file_size for info in infos) > MAX_DOCX_UNPACKED_BYTES:
        raise ValidationError("文件解压后过大，无法校对。")
    terms = active_sensitive_terms() if sensitive_terms is None else tuple(sensitive_terms)
    try:
        return proofread_docx(data, profile, terms, unit_lexicon())
    except DocxError:
        raise ValidationError(NOT_A_DOCX) from None
    except Exception:  # a damaged package can fail deep inside python-docx or lxml; the person gets a message
        log.warning("unreadable .docx upload", exc_info=True)
        raise ValidationError(NOT_A_DOCX) from None


def split_waived(owner: models.Model, findings: Iterable[Finding]) -> tuple[list[Finding], list[tuple[Finding, FindingWaiver]]]:
    """(findings still open, [(finding, its waiver)]) for the text of ``owner``.

    A waiver matches a finding of the same rule and text (and message, for a layout finding that has no text); each waiver covers one occurrence, the one nearest the
    position where it was recorded (so a second, new occurrence of the same mistake is still reported)."""
    findings = list(findings)
    waivers = list(FindingWaiver.objects.for_owner(owner).with_actor()) if owner.pk is not None else []
    if not waivers:
        return findings, []
    by_key: dict[tuple[str, str, str], list[int]] = {}
    for i, f in enumerate(findings):
        by_key.setdefault(_key(f.rule, f.text, f.message), []).append(i)
    matched: dict[int, FindingWaiver] = {}
    pairs = sorted(
        (abs(findings[i].start - w.start), i, wi)
        for wi, w in enumerate(waivers) for i in by_key.get(_key(w.rule, w.text, w.message), ())
    )
    used: set[int] = set()
    for _distance, i, wi in pairs:
        if i not in matched and wi not in used:
            matched[i] = waivers[wi]
            used.add(wi)
    open_ = [f for i, f in enumerate(findings) if i not in matched]
    return open_, [(findings[i], matched[i]) for i in sorted(matched)]


def _key(rule: str, text: str, message: str) -> tuple[str, str, str]:
    """What a waiver and a finding must share: rule and text; the message too when there is no text (layout)."""
    return rule, text, "" if text else message


def unresolved(owner: models.Model, text: str, *, profile: str) -> list[Finding]:
    """Findings at severity "error" in ``text`` that have not been 确认无误 for ``owner``: the draft may not move on
    while this is non-empty (see the contract in the module docstring)."""
    errors = [f for f in check(text, profile=profile) if f.severity == ERROR]
    return split_waived(owner, errors)[0]


def apply_suggestion(text: str, finding: Finding) -> str:
    """``text`` with ``text[start:end]`` (code points) replaced by the suggestion of ``finding``."""
    if finding.suggestion is None:
        raise ValidationError("该问题没有修改建议，请直接修改文字。")
    if text[finding.start:finding.end] != finding.text:
        raise ValidationError("文字已变化，请在最新的校对结果上操作。")
    return text[:finding.start] + finding.suggestion + text[finding.end:]


def describe(findings: Iterable[Finding], *, limit: int = 5) -> str:
    """A Chinese summary for a refusal: "校对发现 2 处错误未处理：第 3 字起“迫不急待”（建议改为“迫不及待”）；……"."""
    findings = list(findings)
    parts = []
    for f in findings[:limit]:
        where = f"第 {f.start + 1} 字起“{f.text}”" if f.text else f.message.split("。", 1)[0]
        parts.append(where + (f"（建议改为“{f.suggestion}”）" if f.suggestion else ""))
    more = f"等 {len(findings)} 处" if len(findings) > limit else ""
    return f"校对发现 {len(findings)} 处错误未处理：{'；'.join(parts)}{more}。请修改，或逐条确认无误并说明理由。"
