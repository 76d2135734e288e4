"""Introduction letters (一(六)4, 5): the books, issuing and spoiling a numbered letter, the printable stubs; and the
letterhead issue register (一(六)7)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.seals import access, actions, pdf, rules
from zeroerror.seals.forms import LetterBookForm, LetterForm, LetterheadForm, SpoilForm
from zeroerror.seals.models import LetterBook, RequestKind, Seal, SealRequest
from zeroerror.seals.views.common import try_action


def letter_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    books = []
    if access.sees_all(person):
        books = list(LetterBook.objects.of_unit(person.unit).select_related("seal").order_by("-created_at"))
    stubs = access.visible_letters(person).with_related().order_by("-issued_at", "-id")
    page = Paginator(stubs, 50).get_page(request.GET.get("page"))
    return render(request, "seals/letters.html", {
        "title": "介绍信", "books": books, "page": page, "can_open": access.can_manage(person) or bool(
            access.kept_seal_ids(person))})


def book_create(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    if not (access.can_manage(person) or access.kept_seal_ids(person)):
        raise PermissionDenied("只有办公室主任、副主任或印章专管员可以启用介绍信本。")
    form = LetterBookForm(request.POST or None, seals=Seal.objects.of_unit(person.unit).active())
    if request.method == "POST" and form.is_valid():
        holder = {}
        if try_action(request, form, lambda: holder.setdefault(
                "b", actions.do_open_letter_book(actor=request.user, **form.cleaned_data))):
            messages.success(request, "介绍信本已启用。")
            return redirect("seals:book", holder["b"].pk)
    return render(request, "seals/form.html", {"title": "启用介绍信本", "form": form, "back": "seals:letters",
                                               "back_label": "介绍信"})


def _letter_requests(book: LetterBook):
    return (SealRequest.objects.of_unit(book.unit).approved_unused().filter(seal=book.seal, kind=RequestKind.LETTER)
            .select_related("requester").order_by("decided_at"))


def book_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    book = access.get_book_or_404(request, pk)
    stubs = list(book.stubs.select_related("issued_by", "use").order_by("number"))
    used = {s.number for s in stubs}
    next_number = rules.next_stub_number(first=book.first_number, last=book.last_number, used=used)
    keeps = access.custodian_of(book.seal) == person and book.closed_at is None
    letter_form = spoil_form = None
    if keeps:
        letter_form = LetterForm(requests=_letter_requests(book), initial={"number": next_number, "bearer_count": 1})
        spoil_form = SpoilForm(initial={"number": next_number})
    return render(request, "seals/book.html", {
        "title": book.title, "book": book, "stubs": stubs, "next_number": next_number, "keeps": keeps,
        "letter_form": letter_form, "spoil_form": spoil_form})


def _book_action(request: HttpRequest, pk: int, form_class, run, success: str, **form_kwargs):
    person = person_of(request)
    book = access.get_book_or_404(request, pk)
    if access.custodian_of(book.seal) != person:
        raise PermissionDenied("只有该印章的专管员本人可以开具介绍信。")
    if request.method != "POST":
        return redirect("seals:book", book.pk)
    kwargs = {"requests": _letter_requests(book)} if form_class is LetterForm else {}
    form = form_class(request.POST, **kwargs)
    if form.is_valid() and try_action(request, form, lambda: run(book, form.cleaned_data)):
        messages.success(request, success)
        return redirect("seals:book", book.pk)
    stubs = list(book.stubs.select_related("issued_by", "use").order_by("number"))
    next_number = rules.next_stub_number(first=book.first_number, last=book.last_number,
                                         used={s.number for s in stubs})
    context = {"title": book.title, "book": book, "stubs": stubs, "next_number": next_number, "keeps": True,
               "letter_form": LetterForm(requests=_letter_requests(book), initial={"number": next_number}),
               "spoil_form": SpoilForm(initial={"number": next_number})}
    context["letter_form" if form_class is LetterForm else "spoil_form"] = form
    return render(request, "seals/book.html", context, status=200)


def letter_issue(request: HttpRequest, pk: int) -> HttpResponse:
    return _book_action(request, pk, LetterForm,
                        lambda book, d: actions.do_issue_letter(book=book, actor=request.user, **d),
                        "介绍信已开具，存根已留存，用印已登记。")


def letter_spoil(request: HttpRequest, pk: int) -> HttpResponse:
    return _book_action(request, pk, SpoilForm,
                        lambda book, d: actions.do_spoil_letter(book=book, actor=request.user, **d),
                        "已登记作废，编号保留在存根中。")


def stubs_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    book = access.get_book_or_404(request, pk)
    stubs = list(book.stubs.select_related("issued_by", "use", "use__requester", "use__approver").order_by("number"))
    response = HttpResponse(pdf.stubs_pdf(book.title, stubs), content_type="application/pdf")
    response["Content-Disposition"] = f"inline; filename=letter-stubs-{book.pk}.pdf"
    return response


def letterhead(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    keeper = access.letterhead_keeper(person.unit)
    form = None
    if keeper == person:
        form = LetterheadForm(request.POST or None, people=access.unit_people(person))
        if request.method == "POST" and form.is_valid():
            if try_action(request, form, lambda: actions.do_issue_letterhead(
                    unit=person.unit, actor=request.user, **form.cleaned_data)):
                messages.success(request, "信笺领用已登记。")
                return redirect("seals:letterhead")
    elif request.method == "POST":
        raise PermissionDenied("公用信笺由专人管理：只有信笺管理员可以发放信笺。")
    issues = access.visible_letterhead(person).with_related().order_by("-issued_at", "-id")
    page = Paginator(issues, 50).get_page(request.GET.get("page"))
    return render(request, "seals/letterhead.html", {"title": "信笺领用登记", "form": form, "page": page,
                                                     "keeper": keeper})
