"""Who may see what on the 校对 page: everyone signed in may check a text; a session is its person's alone; the
office keeps the unit's lexicon."""

from django.http import Http404, HttpRequest

from zeroerror.core.access import person_of
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.proofread.models import ProofreadSession


def get_session_or_404(request: HttpRequest, pk: int) -> ProofreadSession:
    """A 校对 session of the signed-in person; anyone else's is 404 (never a hint that it exists)."""
    session = ProofreadSession.objects.of(person_of(request)).filter(pk=pk).first()
    if session is None:
        raise Http404("校对记录不存在。")
    return session


def can_edit_lexicon(person: Person | None) -> bool:
    """The office (its staff, its director and deputy) keeps the unit's lexicon of words never flagged as typos."""
    return person is not None and (
        person.department.is_office or person.has_role(Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR))
