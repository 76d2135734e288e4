"""Helpers shared by the 会务 views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError

from zeroerror.org.models import Person


def _errors(request, exc: ValidationError) -> None:
    messages.error(request, "；".join(exc.messages))


def _form_errors(request, form) -> None:
    messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))


def _unit_people(person: Person):
    return Person.objects.active().filter(unit=person.unit)
