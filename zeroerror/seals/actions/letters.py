"""Introduction letters from a numbered stub book (clause 一(六)4), never blank (clause 一(六)5), and letterhead
paper to named people of the unit only (clause 一(六)7)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from zeroerror.audit.models import AuditKind
from zeroerror.audit.trail import record
from zeroerror.org.models import Person, Unit
from zeroerror.seals import access, rules
from zeroerror.seals.actions.common import check_text, person_of_actor
from zeroerror.seals.actions.register import Unapproved, check_request_covers, flag_refused_use, write_use
from zeroerror.seals.models import (
    IntroductionLetter,
    LetterBook,
    LetterheadIssue,
    LetterheadKind,
    RequestKind,
    Seal,
    SealRequest,
)

MAX_BOOK_SIZE = 1000
MAX_VALIDITY = timedelta(days=366)
MAX_SHEETS = 500


@transaction.atomic(durable=True)
def do_open_letter_book(*, seal: Seal, title: str, first_number: int, last_number: int, actor) -> LetterBook:
    person = person_of_actor(actor)
    if seal.unit_id != person.unit_id or not (access.can_manage(person) or access.custodian_of(seal) == person):
        raise ValidationError("只有办公室主任、副主任或该印章的专管员可以启用介绍信本。")
    title = check_text(title, "名称", 100)
    if not (1 <= first_number <= last_number <= 999999):
        raise ValidationError("编号范围不正确：起始编号须为正整数且不大于终止编号。")
    if last_number - first_number + 1 > MAX_BOOK_SIZE:
        raise ValidationError(f"一本介绍信不能超过{MAX_BOOK_SIZE}张。")
    if LetterBook.objects.filter(seal=seal, closed_at__isnull=True).exists():
        raise ValidationError("该印章尚有未用完的介绍信本，请用完后再启用新本。")
    book = LetterBook.objects.create(unit_id=seal.unit_id, seal=seal, title=title, first_number=first_number,
                                     last_number=last_number)
    record("seals.letterbook.open", actor=actor, kind=AuditKind.CREATE, obj=book,
           changes={"seal": seal.pk, "title": title, "numbers": [first_number, last_number]})
    return book


def _lock_book(book: LetterBook, person: Person) -> tuple[LetterBook, set[int]]:
    book = LetterBook.objects.select_for_update(of=("self",)).select_related("seal").get(pk=book.pk)
    if access.custodian_of(book.seal) != person:
        raise ValidationError("只有该印章的专管员本人可以开具介绍信。")
    if book.closed_at is not None:
        raise ValidationError("本介绍信本已用完。")
    return book, set(book.stubs.values_list("number", flat=True))


def _check_number(book: LetterBook, number: int, used: set[int]) -> None:
    problem = rules.stub_number_problem(number, first=book.first_number, last=book.last_number, used=used)
    if problem:
        raise ValidationError(problem)


def _close_if_full(book: LetterBook, used: set[int], *, actor) -> None:
    if rules.next_stub_number(first=book.first_number, last=book.last_number, used=used) is None:
        book.closed_at = timezone.now()
        book.save(update_fields=["closed_at"])
        record("seals.letterbook.close", actor=actor, kind=AuditKind.TRANSITION, obj=book,
               changes={"closed_at": book.closed_at})


@transaction.atomic(durable=True)
def _issue(book, request, number, letter: rules.LetterText, actor) -> IntroductionLetter:
    person = person_of_actor(actor)
    book, used = _lock_book(book, person)
    request = SealRequest.objects.select_for_update(of=("self",)).select_related("seal", "requester", "approver").get(
        pk=request.pk)
    if request.seal_id != book.seal_id or request.kind != RequestKind.LETTER:
        raise ValidationError("请选择使用本印章开具介绍信的用印申请。")
    check_request_covers(request, 1)
    missing = rules.missing_letter_fields(letter)
    if missing:
        raise ValidationError(rules.blank_letter_message(missing))
    today = timezone.localdate()
    if letter.valid_until < today:
        raise ValidationError("有效期不能早于开具日期。")
    if letter.valid_until > today + MAX_VALIDITY:
        raise ValidationError("介绍信有效期最长一年。")
    if letter.bearer_count > 99:
        raise ValidationError("持信人数不能超过99人。")
    _check_number(book, number, used)
    addressee = check_text(letter.addressee, "抬头单位", 100)
    bearers = check_text(letter.bearers, "持信人", 100)
    matter = check_text(letter.matter, "事由", 300)
    use = write_use(request, custodian=person, copies=1, used_at=timezone.now(),
                    note=f"介绍信第{number}号", actor=actor)
    stub = IntroductionLetter.objects.create(
        book=book, number=number, addressee=addressee, bearers=bearers, bearer_count=letter.bearer_count,
        matter=matter, valid_until=letter.valid_until, use=use, issued_by=person)
    record("seals.letter.issue", actor=actor, kind=AuditKind.CREATE, obj=stub,
           changes={"book": book.pk, "number": number, "addressee": addressee, "bearers": bearers,
                    "matter": matter, "valid_until": letter.valid_until, "use": use.label})
    _close_if_full(book, used | {number}, actor=actor)
    return stub


def do_issue_letter(*, book: LetterBook, request: SealRequest, number: int, addressee: str, bearers: str,
                    bearer_count: int | None, matter: str, valid_until: date | None, actor) -> IntroductionLetter:
    """Issue letter ``number`` of ``book`` for an approved letter request: the stub stays, the use goes into the
    register. A blank letter, a skipped or reused number, an unapproved request are refused."""
    letter = rules.LetterText(addressee or "", bearers or "", bearer_count, matter or "", valid_until)
    try:
        return _issue(book, request, number, letter, actor)
    except Unapproved as exc:
        flag_refused_use(request, person_of_actor(actor), 1, exc.messages[0], actor=actor)
        raise ValidationError(exc.messages[0]) from None


@transaction.atomic(durable=True)
def do_spoil_letter(*, book: LetterBook, number: int, reason: str, actor) -> IntroductionLetter:
    """作废: a spoiled letter keeps its number in the book (torn out and kept with its stub), so numbers stay
    continuous."""
    person = person_of_actor(actor)
    book, used = _lock_book(book, person)
    _check_number(book, number, used)
    reason = check_text(reason, "作废原因", 300)
    stub = IntroductionLetter.objects.create(book=book, number=number, spoiled=True, reason=reason, issued_by=person)
    record("seals.letter.spoil", actor=actor, kind=AuditKind.CREATE, obj=stub,
           changes={"book": book.pk, "number": number, "reason": reason})
    _close_if_full(book, used | {number}, actor=actor)
    return stub


@transaction.atomic(durable=True)
def do_issue_letterhead(*, unit: Unit, kind: str, sheets: int, recipient: Person, purpose: str,
                        actor) -> LetterheadIssue:
    """一(六)7: only the letterhead keeper issues it, to a named person of the unit — never to outsiders."""
    person = person_of_actor(actor)
    if person.unit_id != unit.pk or access.letterhead_keeper(unit) != person:
        raise ValidationError("公用信笺由专人管理：只有信笺管理员可以发放信笺。")
    if recipient is None or recipient.unit_id != unit.pk or not recipient.active:
        raise ValidationError("信笺只能发给本单位在职人员，不得交给外部人员使用。")
    if kind not in LetterheadKind.values:
        raise ValidationError("请选择信笺种类。")
    if not isinstance(sheets, int) or not 1 <= sheets <= MAX_SHEETS:
        raise ValidationError(f"张数须在1至{MAX_SHEETS}之间。")
    issue = LetterheadIssue.objects.create(unit=unit, kind=kind, sheets=sheets, recipient=recipient,
                                           purpose=check_text(purpose, "用途", 200), issued_by=person)
    record("seals.letterhead.issue", actor=actor, kind=AuditKind.CREATE, obj=issue,
           changes={"kind": kind, "sheets": sheets, "recipient": recipient.pk, "purpose": issue.purpose})
    return issue
