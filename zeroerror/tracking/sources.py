"""Where derived records come from, and who may see them.

A tracked item (督办事项), an error lead or a notification points at the object it came from — a 收文, a meeting's
议定事项, a penalty measure. Who may see such a derived record is decided by the app that owns the source, never
by tracking: each app registers its source models here from its ``AppConfig.ready()``::

    sources.register(Decision, visible=visible_decisions, url=decision_url, label=decision_label)

* ``visible(person) -> QuerySet`` — the source objects ``person`` may see, already limited to the person's unit. It is
  used as a subquery (``values("pk")``), so one registered type costs no extra query however many rows are read;
* ``url(obj) -> str`` — the page of the source (shown as a link only to those ``visible`` admits);
* ``label(obj) -> str`` — a neutral name of the source: what may be shown to someone who sees the derived record
  but not the source (a classified 收文 is "机密收文（#12）", never its title).

:func:`visible_q` turns the registry into one filter over a ``(source_type, source_id)`` pair; :func:`links`
resolves, for a page of records at once, the label and — if the reader may follow it — the link of each source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet

Visible = Callable[[object], QuerySet]


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    visible: Visible
    url: Callable[[models.Model], str] | None = None
    label: Callable[[models.Model], str] | None = None

    def url_of(self, obj: models.Model) -> str:
        if self.url is not None:
            return self.url(obj)
        get = getattr(obj, "get_absolute_url", None)
        return get() if get is not None else ""

    def label_of(self, obj: models.Model) -> str:
        return self.label(obj) if self.label is not None else str(obj)


_registry: dict[str, Source] = {}


def register(model: type[models.Model], *, visible: Visible, url: Callable | None = None,
             label: Callable | None = None) -> None:
    """Declare who may see ``model``'s objects (call from the owning app's ``AppConfig.ready()``)."""
    _registry[model._meta.label_lower] = Source(model, visible, url, label)


def get(model_or_obj) -> Source | None:
    if model_or_obj is None:
        return None
    return _registry.get(model_or_obj._meta.label_lower)


def registered() -> list[Source]:
    return list(_registry.values())


def _type_ids() -> dict[int, Source]:
    """{content type id: source}; ContentType caches the ids, so this costs at most one query per process."""
    types = ContentType.objects.get_for_models(*(s.model for s in _registry.values()))
    return {types[s.model].pk: s for s in _registry.values()}


def visible_q(person, *, type_field: str = "source_type", id_field: str = "source_id",
              skip: Iterable[type[models.Model]] = ()) -> Q:
    """Rows whose source is one ``person`` may see: one subquery per registered type (a constant number of
    queries, whatever the rows). Rows without a source, or with an unregistered source type, never match."""
    skipped = {m._meta.label_lower for m in skip}
    match = Q(pk__in=[])
    for type_id, source in _type_ids().items():
        if source.model._meta.label_lower in skipped:
            continue
        match |= Q(**{f"{type_field}_id": type_id, f"{id_field}__in": source.visible(person).values("pk")})
    return match


def can_see(person, obj) -> bool:
    """Whether ``person`` may see ``obj`` by its app's rule; an unregistered type is seen by nobody."""
    source = get(obj)
    return source is not None and source.visible(person).filter(pk=obj.pk).exists()


@dataclass(frozen=True)
class SourceLink:
    label: str
    url: str = ""  # empty when the reader may not follow it


def links(person, pairs: Iterable[tuple[int | None, int | None, str]]) -> dict[tuple[int, int], SourceLink]:
    """For ``(content type id, object id, stored label)`` triples, what ``person`` is shown: the current label and
    url of each source they may see, the stored (neutral) label otherwise. One query per source type present."""
    by_type: dict[int, dict[int, str]] = defaultdict(dict)
    for type_id, object_id, stored in pairs:
        if type_id is not None and object_id is not None:
            by_type[type_id][object_id] = stored
    if not by_type:
        return {}
    known = _type_ids()
    result: dict[tuple[int, int], SourceLink] = {}
    for type_id, stored_labels in by_type.items():
        source = known.get(type_id)
        seen = {}
        if source is not None:
            seen = {obj.pk: obj for obj in source.visible(person).filter(pk__in=list(stored_labels))}
        for object_id, stored in stored_labels.items():
            obj = seen.get(object_id)
            if obj is None:
                result[(type_id, object_id)] = SourceLink(stored)
            else:
                result[(type_id, object_id)] = SourceLink(source.label_of(obj) or stored, source.url_of(obj))
    return result


def link(person, type_id: int | None, object_id: int | None, stored_label: str = "") -> SourceLink:
    if type_id is None or object_id is None:
        return SourceLink(stored_label)
    return links(person, [(type_id, object_id, stored_label)])[(type_id, object_id)]


def neutral_label(obj) -> str:
    """The label a source gives itself (for storing on a derived record when it is created)."""
    source = get(obj)
    return source.label_of(obj) if source is not None else str(obj)
