"""Helpers shared by the 会务 views."""

from __future__ import annotations

from zeroerror.core.forms import flash_form_errors as _form_errors  # noqa: F401  (used by the view modules)
from zeroerror.core.forms import flash_refusal as _errors  # noqa: F401
from zeroerror.org.models import Person


def _unit_people(person: Person):
    return Person.objects.active().filter(unit=person.unit)
