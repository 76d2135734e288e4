"""用印申请 and its approval by the 办公室主任 (一(六)2); a blank document is refused (一(六)5)."""

import pytest

from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.seals import actions
from zeroerror.seals.models import RequestStatus, SealRequest
from zeroerror.tracking.models import Notification


@pytest.mark.clause("一(六)2")
def test_it_goes_to_the_office_director_and_is_approved(org, make_request):
    request = make_request()
    assert request.status == RequestStatus.PENDING
    assert Notification.objects.filter(recipient=org.director, title__contains="用印申请待审批").exists()
    request = actions.do_approve_seal_request(request, "同意", actor=org.director.user)
    assert (request.status, request.approver, request.decision_note) == (RequestStatus.APPROVED, org.director, "同意")
    assert AuditRecord.objects.filter(action="seals.request.approve", object_id=str(request.pk)).exists()
    assert Notification.objects.filter(recipient=org.kate, title__contains="用印申请已批准").exists()


@pytest.mark.clause("一(六)2")
@pytest.mark.parametrize("approver", ["leo", "dora", "kate", "principal"])
def test_it_refuses_approval_by_anyone_but_the_office_director(org, make_request, approver):
    request = make_request()
    with refused("用印须经办公室主任批准。"):
        actions.do_approve_seal_request(request, actor=getattr(org, approver).user)


@pytest.mark.clause("一(六)2")
def test_it_refuses_the_director_approving_his_own_request(org, make_request):
    request = make_request(org.director)
    with refused("不能审批本人的用印申请。"):
        actions.do_approve_seal_request(request, actor=org.director.user)
    # the director's own request goes to the principal leader
    assert actions.do_approve_seal_request(request, actor=org.principal.user).approver == org.principal


@pytest.mark.clause("一(六)5")
@pytest.mark.parametrize("document", ["空白信笺", "盖章空白纸 2张", "  "])
def test_it_refuses_a_blank_document(org, seals, document):
    with refused("不准出具盖有本单位、办公室印章的空白信。" if document.strip() else "请填写用印文件名称。"):
        actions.do_submit_seal_request(seal=seals.unit, document=document, copies=1, purpose="备用",
                                       actor=org.charlie.user)


@pytest.mark.parametrize("copies, message", [(0, "份数须为正整数。"), (10**9, "一次用印不能超过500份。")])
def test_it_refuses_silly_copies(org, seals, copies, message):
    with refused(message):
        actions.do_submit_seal_request(seal=seals.unit, document="证明", copies=copies, purpose="x",
                                       actor=org.charlie.user)


def test_it_refuses_a_decision_twice(org, approved):
    request = approved()
    with refused("该用印申请已批准，不能再审批。"):
        actions.do_reject_seal_request(request, "不同意", actor=org.director.user)


def test_the_requester_withdraws(org, make_request):
    request = actions.do_withdraw_seal_request(make_request(), actor=org.charlie.user)
    assert SealRequest.objects.get(pk=request.pk).status == RequestStatus.WITHDRAWN
    with refused("该用印申请已撤回，不能撤回。"):
        actions.do_withdraw_seal_request(request, actor=org.charlie.user)
