"""Who may see a 公文 and who may take each step. Every view of the app goes through this module.

Seeing: :meth:`DocumentQuerySet.visible_to` — a document with a 密级 only by the people on its route and auditors
(clause 一(一)3); anything else a person may not see is 404, never a hint that it exists. Auditors see a 密级
document's registration and route but not its content (:func:`can_read_content`).
Acting: the ``can_*`` predicates; the actions check the same predicates and refuse with a Chinese message.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record_standalone
from zeroerror.core.access import person_of
from zeroerror.documents.docnumber import SecrecyLevel
from zeroerror.documents.models import (
    LEADER_ROLES,
    IncomingDocument,
    IncomingStatus,
    OutgoingDocument,
    OutgoingStatus,
)
from zeroerror.org.models import Person
from zeroerror.org.roles import Role

DIRECTOR_ROLES = (Role.OFFICE_DIRECTOR, Role.OFFICE_DEPUTY_DIRECTOR)


def get_outgoing_or_404(request: HttpRequest, pk: int) -> OutgoingDocument:
    doc = OutgoingDocument.objects.with_people().visible_to(person_of(request)).filter(pk=pk).first()
    if doc is None:
        _audit_refused_classified(request, OutgoingDocument, pk, "发文")
        raise Http404("发文不存在。")
    return doc


def get_incoming_or_404(request: HttpRequest, pk: int) -> IncomingDocument:
    doc = IncomingDocument.objects.with_people().visible_to(person_of(request)).filter(pk=pk).first()
    if doc is None:
        _audit_refused_classified(request, IncomingDocument, pk, "收文")
        raise Http404("收文不存在。")
    return doc


def _audit_refused_classified(request: HttpRequest, model, pk: int, noun: str) -> None:
    """An attempt to open a 密级 document one may not see is answered 404 like any missing one (nothing revealed)
    but audited (issue 11 3(g)): who tried, which document (named by 密级 and number only), from where."""
    level = model.objects.classified().filter(pk=pk).values_list("secrecy_level", flat=True).first()
    if level is None:
        return
    record_standalone("documents.denied", actor=request.user, kind=AuditKind.VIEW, success=False,
                      object_type=model._meta.label_lower, object_id=str(pk),
                      object_repr=f"{SecrecyLevel(level).label}{noun}（#{pk}）", changes={"path": request.path})


def can_see(person: Person, doc) -> bool:
    return type(doc).objects.visible_to(person).filter(pk=doc.pk).exists()


def can_read_content(person: Person, doc) -> bool:
    """正文, attachments and the .docx of a document with a 密级 are for the people on its route only: auditors
    (纪检, 审计管理员, 绩效办负责人) see its registration and route, not its content, unless placed on the route."""
    return not doc.is_classified or doc.route.filter(person=person).exists()


def can_read_attachments(request: HttpRequest, doc) -> bool:
    """Attachment links work only for the people who may see the document (off the route: 404) and read its
    content."""
    person = person_of(request)
    return can_see(person, doc) and can_read_content(person, doc)


def is_office(person: Person) -> bool:
    """办公室 staff: they register, number, print, distribute and file."""
    return person.department.is_office or person.has_role(*DIRECTOR_ROLES)


def is_leader(person: Person) -> bool:
    return person.has_role(*LEADER_ROLES)


# 发文 ---------------------------------------------------------------------------------------------------------------

def can_draft(person: Person) -> bool:
    return True


def can_edit_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    editable = doc.status in (OutgoingStatus.DRAFT, OutgoingStatus.REVIEWED, OutgoingStatus.COUNTERSIGNING,
                              OutgoingStatus.FIRST_READ_PASSED, OutgoingStatus.SIGNED)
    return editable and (person.pk == doc.drafter_id or is_office(person))


def can_review_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    """核稿: someone other than the drafter — the office, or the head of the drafting department."""
    return (doc.status == OutgoingStatus.DRAFT and person.pk != doc.drafter_id
            and (is_office(person) or doc.department_id in person.headed_department_ids))


def can_first_read(person: Person, doc: OutgoingDocument) -> bool:
    return (doc.status == OutgoingStatus.REVIEWED and person.has_role(Role.FIRST_READER)
            and person.pk != doc.drafter_id)


def can_countersign(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status == OutgoingStatus.COUNTERSIGNING and doc.pending_countersign_departments().filter(
        pk__in=person.headed_department_ids).exists()


def can_sign_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    """签发 (条例 第二十一条): the 院长, or the 分管领导 in charge of the drafting department; 上行文 by the principal
    leader; after a substantive change, the original signer."""
    if doc.status != OutgoingStatus.FIRST_READ_PASSED or not is_leader(person):
        return False
    if doc.resign_by_id is not None:
        return person.pk == doc.resign_by_id
    if person.has_role(Role.PRINCIPAL_LEADER):
        return True
    # a 分管领导 signs only the documents of the departments in his charge, and never a 上行文
    return not doc.is_upward and doc.department_id in person.charged_department_ids


def can_number_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status == OutgoingStatus.SIGNED and is_office(person)


def can_manage_agency_codes(person: Person) -> bool:
    """The 机关代字 table (issue 11 1(c)) is the 办公室主任's (and the deputy's)."""
    return person.has_role(*DIRECTOR_ROLES)


def can_manage_time_limits(person: Person) -> bool:
    """The 办理时限 table (issue 11 item 4) is the 办公室主任's (and the deputy's)."""
    return person.has_role(*DIRECTOR_ROLES)


def can_void_number(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status in (OutgoingStatus.NUMBERED, OutgoingStatus.PRINTED) and is_office(person)


def can_print_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status == OutgoingStatus.NUMBERED and is_office(person)


def can_distribute_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status == OutgoingStatus.PRINTED and is_office(person)


def can_archive_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status == OutgoingStatus.DISTRIBUTED and is_office(person)


def can_export_outgoing(person: Person, doc: OutgoingDocument) -> bool:
    return bool(doc.doc_number)


# 收文 ---------------------------------------------------------------------------------------------------------------

def can_receive(person: Person) -> bool:
    return is_office(person)


def can_register_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status == IncomingStatus.RECEIVED and is_office(person)


def can_withdraw_receipt(person: Person, doc: IncomingDocument) -> bool:
    """撤销签收: a mistaken 签收 (wrong addressee, duplicate delivery) is withdrawn before 初审, by the office."""
    return doc.status in (IncomingStatus.RECEIVED, IncomingStatus.REGISTERED) and is_office(person)


def can_review_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status == IncomingStatus.REGISTERED and is_office(person)


def can_propose_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status == IncomingStatus.ACCEPTED and person.has_role(*DIRECTOR_ROLES)


def can_instruct_incoming(person: Person, doc: IncomingDocument) -> bool:
    if doc.status not in (IncomingStatus.PROPOSED, IncomingStatus.INSTRUCTED) or not is_leader(person):
        return False
    return person.has_role(Role.PRINCIPAL_LEADER) or doc.leaders.filter(pk=person.pk).exists()


def can_record_paper_instruction(person: Person, doc: IncomingDocument) -> bool:
    return doc.status in (IncomingStatus.PROPOSED, IncomingStatus.INSTRUCTED) and is_office(person)


def can_assign_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status == IncomingStatus.INSTRUCTED and (person.has_role(*DIRECTOR_ROLES) or is_office(person))


def can_complete_incoming(person: Person, doc: IncomingDocument) -> bool:
    if doc.status != IncomingStatus.HANDLING:
        return False
    return (person.pk == doc.handler_id or doc.main_department_id in person.headed_department_ids
            or person.has_role(*DIRECTOR_ROLES))


def can_archive_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status == IncomingStatus.DONE and is_office(person)


CIRCULATING = (IncomingStatus.ACCEPTED, IncomingStatus.PROPOSED, IncomingStatus.READING, IncomingStatus.INSTRUCTED,
               IncomingStatus.HANDLING, IncomingStatus.DONE)


def can_circulate_incoming(person: Person, doc: IncomingDocument) -> bool:
    return doc.status in CIRCULATING and is_office(person)


def can_mark_read(person: Person, doc: IncomingDocument) -> bool:
    return doc.circulations.pending().filter(reader=person).exists()


def can_withdraw_circulation(person: Person, doc: IncomingDocument) -> bool:
    return is_office(person) and doc.circulations.pending().exists()


def can_record_receipt(person: Person, doc: OutgoingDocument) -> bool:
    return doc.status in (OutgoingStatus.DISTRIBUTED, OutgoingStatus.ARCHIVED) and is_office(person) \
        and doc.distributions.awaiting_receipt().exists()


def can_attach(person: Person, doc) -> bool:
    if isinstance(doc, OutgoingDocument):
        return doc.status != OutgoingStatus.ARCHIVED and (person.pk == doc.drafter_id or is_office(person))
    return doc.status != IncomingStatus.ARCHIVED and (is_office(person) or person.pk == doc.handler_id)


def can_manage_route(person: Person, doc) -> bool:
    """Adding a reader to the route of a classified document: the office, a leader, or its drafter/registrar."""
    owner_id = doc.drafter_id if isinstance(doc, OutgoingDocument) else doc.registrar_id
    return doc.is_classified and (is_office(person) or is_leader(person) or person.pk == owner_id)
