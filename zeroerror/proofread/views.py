"""The 校对 page: paste text or upload a .docx, see the findings in place, accept a suggestion or mark a finding as
intended with a reason. Each check becomes a ProofreadSession of the person (the owner of the waivers made on it)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_POST

from zeroerror.core.access import person_of
from zeroerror.proofread import actions, service
from zeroerror.proofread.access import can_edit_lexicon, get_session_or_404
from zeroerror.proofread.engine import ERROR, INFO, WARNING, Finding
from zeroerror.proofread.engine import docx as engine_docx
from zeroerror.proofread.forms import CheckForm, FindingForm, LexiconForm, RecheckForm, WaiveForm
from zeroerror.proofread.models import ProofreadSession

SEVERITY_LABELS = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
SEVERITY_TAGS = {ERROR: "bad", WARNING: "warn", INFO: "info"}
CATEGORY_LABELS = {"typo": "错别字", "variant": "异形词", "punctuation": "标点", "number": "数字", "format": "公文格式",
                   "privacy": "个人信息", "secrecy": "保密"}
_RANK = {ERROR: 0, WARNING: 1, INFO: 2}
MAX_LISTED = 300  # findings listed with their forms; all of them are still marked in the text


def _messages_of(exc: ValidationError) -> str:
    return "；".join(exc.messages)


def check(request: HttpRequest) -> HttpResponse:
    """校对: a new text or .docx."""
    person = person_of(request)
    form = CheckForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            if upload is not None:
                result = service.check_docx(upload.read(), profile=data["profile"])
                if not result.text.strip():
                    raise ValidationError("文件中没有可校对的文字。")
                layout = [f for f in result.findings if f.rule in engine_docx.RULES and f.start == f.end == 0]
                session = actions.do_start_proofread_session(
                    result.text, data["profile"], source_name=upload.name, layout_findings=layout, actor=request.user)
            else:
                session = actions.do_start_proofread_session(data["text"], data["profile"], actor=request.user)
        except ValidationError as exc:
            form.add_error("file" if upload is not None else "text", exc)
        else:
            return redirect("proofread:session", session.pk)
    recent = ProofreadSession.objects.of(person).recent()[:10]
    return render(request, "proofread/check.html", {"title": "校对", "form": form, "recent": recent})


# Results ------------------------------------------------------------------------------------------------------------

@dataclass
class Item:
    number: int  # the footnote number shown in the text (1-based, in text order)
    index: int  # position in the full findings list (what a form posts back)
    finding: Finding
    in_text: bool

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS.get(self.finding.category, self.finding.category)


def _all_findings(session: ProofreadSession) -> tuple[list[Finding], int]:
    """Layout findings of the uploaded file (no position in the text) first, then the text's; and how many of the
    former there are. The order is the one the forms post back by index."""
    layout = [Finding(**d) for d in session.layout_findings]
    return layout + service.check(session.text, profile=session.profile), len(layout)


def highlight(text: str, items: list[Item]) -> SafeString:
    """``text`` as HTML with every finding in place: a <mark> over its span (the message as tooltip) and its
    footnote number after it; a finding without a span (something missing) shows a caret at its position."""
    starts: dict[int, list[Item]] = defaultdict(list)
    ends: dict[int, list[Item]] = defaultdict(list)
    points: dict[int, list[Item]] = defaultdict(list)
    for item in items:
        if not item.in_text:
            continue
        f = item.finding
        if f.end > f.start:
            starts[f.start].append(item)
            ends[f.end].append(item)
        else:
            points[f.start].append(item)
    bounds = sorted({0, len(text)} | starts.keys() | ends.keys() | points.keys())
    out: list[str] = []
    covering: list[Item] = []  # a sweep: the findings whose span contains the current piece
    for a, b in zip(bounds, bounds[1:] + [None], strict=True):
        for item in points[a]:
            out.append(format_html('<mark class="pr-mark pr-insert pr-{}" title="{}">‸</mark>{}',
                                   item.finding.severity, item.finding.message, _note(item)))
        if b is None:
            break
        covering.extend(starts[a])
        piece = text[a:b]
        if covering:
            covering.sort(key=lambda i: i.number)
            worst = min(covering, key=lambda i: _RANK[i.finding.severity])
            title = "\n".join(f"[{i.number}] {i.finding.message}" for i in covering)
            out.append(format_html('<mark class="pr-mark pr-{}" title="{}">{}</mark>',
                                   worst.finding.severity, title, piece))
        else:
            out.append(format_html("{}", piece))
        for item in ends[b]:
            out.append(_note(item))
        if ends[b]:
            covering = [i for i in covering if i.finding.end != b]
    return mark_safe("".join(out))  # every piece above is built with format_html


def _note(item: Item) -> SafeString:
    return format_html('<sup class="pr-note pr-{}" id="at-{}"><a href="#f-{}">{}</a></sup>',
                       item.finding.severity, item.number, item.number, item.number)


def _results(session: ProofreadSession) -> dict:
    findings, layout_count = _all_findings(session)
    open_, waived = service.split_waived(session, findings)
    index_of = {id(f): n for n, f in enumerate(findings)}
    items = [Item(n + 1, index_of[id(f)], f, index_of[id(f)] >= layout_count) for n, f in enumerate(open_)]
    groups = []
    for severity in (ERROR, WARNING, INFO):
        members = [i for i in items if i.finding.severity == severity]
        groups.append({"severity": severity, "label": SEVERITY_LABELS[severity], "tag": SEVERITY_TAGS[severity],
                       "count": len(members), "items": [i for i in members if i.number <= MAX_LISTED]})
    return {
        "highlighted": highlight(session.text, items), "groups": groups, "total": len(items),
        "truncated": MAX_LISTED if len(items) > MAX_LISTED else 0,
        "waived": [{"finding": f, "waiver": w, "category_label": CATEGORY_LABELS.get(f.category, f.category)}
                   for f, w in waived],
    }


def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The results of one check; POST = the edited text checked again (the session's waivers still apply)."""
    session = get_session_or_404(request, pk)
    form = RecheckForm(request.POST or None, initial={"text": session.text, "profile": session.profile})
    if request.method == "POST" and form.is_valid():
        try:
            actions.do_revise_proofread_session(session, form.cleaned_data["text"], form.cleaned_data["profile"],
                                                actor=request.user)
        except ValidationError as exc:
            form.add_error("text", exc)
        else:
            messages.success(request, "已重新校对。")
            return redirect("proofread:session", session.pk)
    return render(request, "proofread/session.html", {
        "title": "校对结果", "session": session, "form": form, "can_edit_lexicon": can_edit_lexicon(person_of(request)),
        **_results(session),
    })


def _chosen(session: ProofreadSession, form: FindingForm) -> Finding:
    """The finding a results form points at, provided the results have not changed since they were shown."""
    if not form.is_valid():
        raise ValidationError("请求无效，请刷新页面后重试。")
    data = form.cleaned_data
    findings, _layout_count = _all_findings(session)
    index = data["index"]
    if index >= len(findings):
        raise ValidationError("校对结果已变化，请在最新的结果上重新操作。")
    finding = findings[index]
    if not any(f is finding for f in service.split_waived(session, findings)[0]):
        raise ValidationError("该处已确认无误。")
    if (finding.rule, finding.start, finding.text) != (data["rule"], data["start"], actions.normalise_text(data["found"])):
        raise ValidationError("校对结果已变化，请在最新的结果上重新操作。")
    return finding


@require_POST
def session_accept(request: HttpRequest, pk: int) -> HttpResponse:
    """采纳建议: the suggestion replaces the finding's text and the text is checked again."""
    session = get_session_or_404(request, pk)
    try:
        finding = _chosen(session, FindingForm(request.POST))
        actions.do_accept_suggestion(session, finding, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, f"已采纳建议：“{finding.text}”改为“{finding.suggestion}”。")
    return redirect("proofread:session", session.pk)


@require_POST
def session_waive(request: HttpRequest, pk: int) -> HttpResponse:
    """确认无误: the finding is intended; the reason is recorded (and audited) and the finding no longer shown."""
    session = get_session_or_404(request, pk)
    form = WaiveForm(request.POST)
    try:
        finding = _chosen(session, form)
        actions.do_waive_finding(session, finding, form.cleaned_data["reason"], actor=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, f"已确认“{finding.text or finding.rule}”无误，理由已记录。")
    return redirect("proofread:session", session.pk)


@require_POST
def session_add_word(request: HttpRequest, pk: int) -> HttpResponse:
    """加入本单位词库 (the office): a 错别字 false alarm's word is the unit's own; it is never flagged again."""
    session = get_session_or_404(request, pk)
    form = LexiconForm(request.POST)
    try:
        finding = _chosen(session, form)
        if finding.category != "typo":
            raise ValidationError("只有错别字提示可以加入本单位词库。")
        entry = actions.do_add_lexicon_word(form.cleaned_data["word"], note=form.cleaned_data["note"],
                                            finding=finding, actor=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, f"已将“{entry.word}”加入本单位词库，今后不再提示。")
    return redirect("proofread:session", session.pk)
