"""The 印信管理 home replaces the placeholder: what waits today, the registers, the area's 差错."""

from tests.pages import page
from zeroerror.seals import actions


def test_the_director_sees_requests_to_approve(org, login, make_request):
    request = make_request()
    _, text = page(login(org.director), "/seals/")
    assert "待我审批的用印申请" in text and request.document in text
    assert "本领域督办事项" in text and "“零差错”工作要求" in text


def test_the_custodian_sees_what_to_seal_and_what_to_lock_away(org, login, approved):
    ready = approved(document="待盖章的合同")
    used = approved(document="已盖章的证明")
    actions.do_record_seal_use(used, copies=3, content_checked=True, actor=org.kate.user)
    _, text = page(login(org.kate), "/seals/")
    assert ready.document in text and "用印后未确认入柜" in text and "印章锁入保险柜" in text


def test_the_area_link_leads_home(org, login, seals):
    response = login(org.charlie).get("/area/seals/")
    assert response.status_code == 302 and response["Location"] == "/seals/"
