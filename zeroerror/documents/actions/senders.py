"""The 来文机关 directory (issue 11 2(a)): office staff add an organ with its abbreviations; a name never belongs to
two organs, so an abbreviation always leads to one canonical name."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.documents import access
from zeroerror.documents.actions.common import _person, _refuse_unless
from zeroerror.documents.models import SenderOrgan
from zeroerror.documents.models.senders import squeeze


@transaction.atomic(durable=True)
def do_save_sender_organ(*, name: str, aliases: Sequence[str] = (), active: bool = True,
                         entry: SenderOrgan | None = None, actor) -> SenderOrgan:
    person = _person(actor)
    _refuse_unless(access.is_office(person), "只有办公室人员可以维护来文机关名录。")
    name = squeeze(name)
    aliases = [a for a in dict.fromkeys(squeeze(a) for a in aliases) if a and a != name]
    problems = []
    if not name:
        problems.append("请填写来文机关全称")
    others = SenderOrgan.objects.of_unit(person.unit_id).exclude(pk=getattr(entry, "pk", None))
    taken = {n: o.name for o in others for n in o.names}
    for n in [name, *aliases]:
        if n in taken:
            problems.append(f"“{n}”已是“{taken[n]}”的名称或简称")
    if entry is not None and entry.unit_id != person.unit_id:
        problems.append("只能维护本单位的来文机关名录")
    if problems:
        raise ValidationError(problems)
    if entry is None:
        entry = SenderOrgan.objects.create(unit_id=person.unit_id, name=name, aliases=aliases, active=active,
                                           created_by=person)
        record("documents.sender.create", actor=actor, kind=AuditKind.CREATE, obj=entry,
               changes={"name": name, "aliases": aliases})
        return entry
    before = {"name": entry.name, "aliases": entry.aliases, "active": entry.active}
    entry.name, entry.aliases, entry.active = name, aliases, active
    entry.save(update_fields=["name", "aliases", "active"])
    after = {"name": name, "aliases": aliases, "active": active}
    record("documents.sender.change", actor=actor, kind=AuditKind.CHANGE, obj=entry,
           changes={k: [before[k], after[k]] for k in after if before[k] != after[k]})
    return entry
