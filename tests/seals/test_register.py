"""The 用印登记簿: the custodian applies the seal in person (一(六)3) for an approved request (一(六)2) and records
it (一(六)4); an unapproved use or more copies than approved is refused and flagged; the seal back in the safe is
confirmed (一(六)6); the register is append-only — a correction is a new explained row."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.refusals import changed_tables, database_state, refused
from zeroerror.errors.models import Lead
from zeroerror.seals import actions
from zeroerror.seals.models import RefusedUse, RequestStatus, SealRequest, SealUse, SealUseKind
from zeroerror.seals.models.appendonly import AppendOnlyError
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import ItemStatus, TrackedItem


def record(request, org, copies=None, **kw):
    return actions.do_record_seal_use(request, copies=copies or request.copies, content_checked=True,
                                      actor=org.kate.user, **kw)


@pytest.mark.clause("一(六)3", "一(六)4")
def test_the_custodian_records_a_use_with_everything_the_register_asks(org, approved):
    request = approved()
    use = record(request, org, note="原件退回")
    year = timezone.localdate().year
    assert (use.year, use.number, use.label) == (year, 1, f"{year}-0001")
    assert (use.document, use.copies, use.requester, use.approver, use.custodian) == (
        request.document, 3, org.charlie, org.director, org.kate)
    assert SealRequest.objects.get(pk=request.pk).status == RequestStatus.USED
    assert record(approved(), org).number == 2


@pytest.mark.clause("一(六)3")
@pytest.mark.parametrize("who", ["alice", "director", "charlie"])
def test_only_the_seals_custodian_applies_it(org, approved, who):
    request = approved()
    with refused("只有该印章的专管员本人可以用印并登记。"):
        actions.do_record_seal_use(request, copies=1, content_checked=True, actor=getattr(org, who).user)


def _refused_and_flagged(message, fn):
    """Refused with ``message``: the register and the request unchanged; only the kept attempt, its lead and what
    a lead brings (its event, notifications) are new."""
    before = database_state()
    with refused(message, unchanged=False):
        fn()
    changed = set(changed_tables(before, database_state()))
    assert changed <= {"seals.refuseduse", "errors.lead", "errors.leadevent", "tracking.notification"}, changed
    assert {"seals.refuseduse", "errors.lead"} <= changed


@pytest.mark.clause("一(六)2")
@pytest.mark.parametrize("state", ["pending", "rejected", "withdrawn"])
def test_a_use_without_an_approved_request_is_refused_and_flagged(org, make_request, state):
    request = make_request()
    if state == "rejected":
        actions.do_reject_seal_request(request, "材料不全", actor=org.director.user)
    elif state == "withdrawn":
        actions.do_withdraw_seal_request(request, actor=org.charlie.user)
    _refused_and_flagged("该用印申请未经办公室主任批准，不能用印。", lambda: record(request, org))
    assert not SealUse.objects.exists()
    attempt = RefusedUse.objects.get()
    assert (attempt.person, attempt.request, attempt.copies) == (org.kate, request, 3)
    lead = Lead.objects.for_source(attempt).get()
    assert (lead.clause.code, lead.person) == ("一(六)2", org.kate)


@pytest.mark.clause("一(六)2")
def test_more_copies_than_approved_is_refused_and_flagged(org, approved):
    request = approved(copies=2)
    _refused_and_flagged("用印份数（5份）超过批准的份数（2份），不能用印。", lambda: record(request, org, copies=5))
    assert SealRequest.objects.get(pk=request.pk).status == RequestStatus.APPROVED
    assert RefusedUse.objects.get().copies == 5


@pytest.mark.clause("一(六)2")
def test_a_second_use_of_one_request_is_refused_and_flagged(org, approved):
    request = approved()
    record(request, org)
    _refused_and_flagged("该用印申请已用印登记，不能重复用印。", lambda: record(request, org))
    assert SealUse.objects.count() == 1


@pytest.mark.clause("一(六)5")
def test_the_custodian_must_check_the_page_is_not_blank(org, approved):
    request = approved()
    with refused(actions.CONTENT_NOT_CONFIRMED):
        actions.do_record_seal_use(request, copies=3, content_checked=False, actor=org.kate.user)


@pytest.mark.clause("一(六)6")
def test_the_seal_back_in_the_safe_closes_the_days_item(org, approved):
    use = record(approved(), org)
    item = TrackedItem.objects.for_source(use).get()
    assert (item.owner, item.clause_id, item.area) == (org.kate, "一(六)6", "seals")
    assert timezone.localtime(item.due_at).date() == timezone.localdate(use.used_at)
    assert timezone.localtime(item.due_at).strftime("%H:%M") == "23:59"
    confirmation = actions.do_confirm_safe_return(use, actor=org.kate.user)
    assert (confirmation.confirmed_by, confirmation.late) == (org.kate, False)
    assert TrackedItem.objects.get(pk=item.pk).status == ItemStatus.DONE
    with refused("该次用印已确认印章入柜。"):
        actions.do_confirm_safe_return(use, actor=org.kate.user)


@pytest.mark.clause("一(六)6")
def test_an_unconfirmed_return_becomes_a_lead_at_the_end_of_the_day(org, approved,
                                                                   django_capture_on_commit_callbacks):
    use = record(approved(), org)
    with django_capture_on_commit_callbacks(execute=True):
        run_tick(timezone.now() + timedelta(days=1))
    item = TrackedItem.objects.for_source(use).get()
    assert item.status == ItemStatus.OVERDUE
    lead = Lead.objects.for_source(item).get()
    assert (lead.clause.code, lead.person) == ("一(六)6", org.kate)


@pytest.mark.clause("一(六)6")
def test_only_the_custodian_confirms_the_return(org, approved):
    use = record(approved(), org)
    with refused("只有该印章的专管员可以确认印章入柜。"):
        actions.do_confirm_safe_return(use, actor=org.alice.user)


@pytest.mark.clause("一(六)4")
def test_a_correction_is_a_new_explained_row_and_the_original_stays(org, approved):
    use = record(approved(), org)
    correction = actions.do_correct_seal_use(use, document=use.document, copies=2, note="",
                                             reason="份数登记有误，实际盖印2份", actor=org.kate.user)
    assert (correction.kind, correction.corrects, correction.number, correction.copies) == (
        SealUseKind.CORRECTION, use, 2, 2)
    assert SealUse.objects.get(pk=use.pk).copies == 3
    with refused("请填写更正说明。"):
        actions.do_correct_seal_use(use, document=use.document, copies=2, note="", reason=" ", actor=org.kate.user)
    with refused("用印份数（4份）超过批准的份数（3份），不能用印。"):
        actions.do_correct_seal_use(use, document=use.document, copies=4, note="", reason="x", actor=org.kate.user)


@pytest.mark.clause("一(六)4")
def test_a_register_row_cannot_be_changed_or_deleted(org, approved):
    use = record(approved(), org)
    use.copies = 1
    with pytest.raises(AppendOnlyError):
        use.save()
    with pytest.raises(AppendOnlyError):
        use.delete()
    assert SealUse.objects.get(pk=use.pk).copies == 3
