"""机关代字 per 文种 (issue 11 1(c)) and the 版头 check before 编号 (3(e)).

The 办公室主任 keeps the unit's 代字 table (青医发 for 通知/决定…, 青医函 for 函, 青医纪 for 纪要). 拟稿 picks the 代字
configured for the 文种 (or the one the drafter chose among those allowed); 编号 refuses a 代字 or 版头 that does not
fit the 文种 — 错用文头 caught before a 文号 is used, not at 印制. A unit with no table keeps its single 代字
(``Unit.code``) for every 文种, as before.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.common import _person, _refuse_unless
from zeroerror.documents.docnumber import DocNumber, DocNumberError, DocumentKind
from zeroerror.documents.models import AgencyCode, OutgoingDocument
from zeroerror.org.models import Unit


def _kind_label(kind: str) -> str:
    try:
        return DocumentKind(kind).label
    except ValueError:
        return kind


def default_mark(unit: Unit, kind: str) -> str:
    """The 版头 when the table gives none: "××文件"; a 函 carries the name alone, a 纪要 "××纪要"."""
    if kind == DocumentKind.LETTER:
        return unit.name
    if kind == DocumentKind.MINUTES:
        return f"{unit.name}纪要"
    return f"{unit.name}文件"


def choose_agency_code(unit: Unit, kind: str, requested: str = "") -> tuple[str, str]:
    """(代字, 版头) for a document of ``kind``: the requested 代字 if the table allows it for the 文种, else the
    table's first 代字 for the 文种; refused with the 代字 that would fit when the request does not."""
    requested = (requested or "").strip()
    allowed = AgencyCode.objects.for_kind(unit.pk, kind)
    if not allowed and not AgencyCode.objects.of_unit(unit.pk).active().exists():
        code = requested or unit.code
        try:
            DocNumber(code, 2000, 1)
        except DocNumberError as exc:
            raise ValidationError(f"机关代字“{code}”无效：{'；'.join(exc.problems)}。")
        return code, default_mark(unit, kind)
    if not allowed:
        raise ValidationError(f"本单位没有设置用于{_kind_label(kind)}的机关代字，请办公室主任在“机关代字”中设置。")
    if not requested:
        chosen = allowed[0]
    else:
        chosen = next((c for c in allowed if c.code == requested), None)
        if chosen is None:
            fits = "、".join(c.code for c in allowed)
            raise ValidationError(f"机关代字“{requested}”不用于{_kind_label(kind)}（{_kind_label(kind)}用：{fits}）。")
    return chosen.code, chosen.mark or default_mark(unit, kind)


def letterhead_fault(doc: OutgoingDocument) -> str | None:
    """错用文头 (clause 一(一)7): the 发文机关标志 must name the organ that signs (GB/T 9704-2012 7.2.4)."""
    try:
        from zeroerror.documents.gbt9704 import letterhead_problem
    except ImportError:
        return None
    aliases = [a for a in (doc.unit.name, doc.unit.short_name) if a]
    if doc.kind == DocumentKind.MINUTES:  # "××会议纪要": the unit's name, the meeting's, then 纪要
        if any(doc.agency_mark.startswith(a) for a in aliases) and doc.agency_mark.endswith("纪要"):
            return None
        return f"纪要标志“{doc.agency_mark}”应为“本单位名称＋会议名称＋纪要”"
    return letterhead_problem(doc.agency_mark, doc.signature, aliases if doc.signature == doc.unit.name else [])


def letterhead_problem(doc: OutgoingDocument) -> str:
    """Why the document's 代字 or 版头 does not fit its 文种 ("" when it fits): checked again before 编号."""
    table = list(AgencyCode.objects.of_unit(doc.unit_id).active())
    kind = _kind_label(doc.kind)
    if table:
        entry = next((c for c in table if c.code == doc.agency_code), None)
        if entry is None:
            return f"错用文头：机关代字“{doc.agency_code}”不在本单位启用的代字中，请修改文稿重新选择代字后再编号。"
        if entry not in AgencyCode.objects.for_kind(doc.unit_id, doc.kind):
            fits = "、".join(c.code for c in AgencyCode.objects.for_kind(doc.unit_id, doc.kind))
            return f"错用文头：{kind}不用机关代字“{doc.agency_code}”（应用：{fits}），请修改文稿后再编号。"
        if entry.mark and doc.agency_mark != entry.mark:
            return f"错用文头：代字“{doc.agency_code}”的版头应为“{entry.mark}”，文稿为“{doc.agency_mark}”。"
    if fault := letterhead_fault(doc):
        return f"错用文头：{fault}，请修改文稿后再编号。"
    if doc.kind == DocumentKind.LETTER and doc.agency_mark.endswith("文件"):
        return f"错用文头：函用信函格式，版头不加“文件”（文稿为“{doc.agency_mark}”）。"
    if doc.kind != DocumentKind.LETTER and doc.kind != DocumentKind.MINUTES and not doc.agency_mark.endswith("文件"):
        return f"错用文头：{kind}的版头应为“××文件”（文稿为“{doc.agency_mark}”）。"
    return ""


@transaction.atomic(durable=True)
def do_save_agency_code(*, actor, code: str, kinds: Sequence[str] = (), mark: str = "", active: bool = True,
                        entry: AgencyCode | None = None) -> AgencyCode:
    """Add a 代字 (``entry`` None) or change one. Only the 办公室主任; a 文种 has one 代字 at most, so the table
    never leaves the choice to chance; the code of a 代字 is never changed (retire it and add another)."""
    person = _person(actor)
    _refuse_unless(access.can_manage_agency_codes(person), "只有办公室主任可以设置机关代字。")
    code, mark = (code or "").strip(), (mark or "").strip()
    kinds = sorted(set(kinds))
    problems = []
    try:
        DocNumber(code, 2000, 1)
    except DocNumberError as exc:
        problems.append(f"机关代字“{code}”无效：{'；'.join(exc.problems)}")
    bad = [k for k in kinds if k not in DocumentKind._value2member_map_]
    if bad:
        problems.append(f"文种无效：{'、'.join(bad)}")
    others = AgencyCode.objects.of_unit(person.unit_id).active().exclude(pk=getattr(entry, "pk", None))
    if active:
        taken = {k: c.code for c in others for k in c.kinds}
        clash = [f"{_kind_label(k)}已用“{taken[k]}”" for k in kinds if k in taken]
        if clash:
            problems.append("一个文种只能有一个代字：" + "，".join(clash))
        if not kinds and any(not c.kinds for c in others):
            problems.append("已有一个适用于其他文种的通用代字")
    if entry is None and AgencyCode.objects.of_unit(person.unit_id).filter(code=code).exists():
        problems.append(f"机关代字“{code}”已存在")
    if entry is not None and entry.unit_id != person.unit_id:
        problems.append("只能设置本单位的机关代字")
    if entry is not None and entry.code != code:
        problems.append("代字设置后不能改写，请停用后新增")
    if problems:
        raise ValidationError(problems)
    if entry is None:
        entry = AgencyCode.objects.create(unit_id=person.unit_id, code=code, kinds=kinds, mark=mark, active=active,
                                          created_by=person)
        record("documents.agency_code.create", actor=actor, kind=AuditKind.CREATE, obj=entry,
               changes={"code": code, "kinds": kinds, "mark": mark, "active": active})
        return entry
    before = {"kinds": entry.kinds, "mark": entry.mark, "active": entry.active}
    entry.kinds, entry.mark, entry.active = kinds, mark, active
    entry.save(update_fields=["kinds", "mark", "active"])
    after = {"kinds": kinds, "mark": mark, "active": active}
    record("documents.agency_code.change", actor=actor, kind=AuditKind.CHANGE, obj=entry,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return entry
