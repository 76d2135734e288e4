"""保密审查 (clause 一(四)2): the 保密审查员 records the result; a 密级 marking, personal information or a configured
sensitive term stops it."""

import pytest

from tests.disclosure.conftest import CLEAN_TEXT, ID_NUMBER, MOBILE
from tests.refusals import nothing_changes, refusal, refused
from zeroerror.audit.models import AuditRecord
from zeroerror.disclosure import actions
from zeroerror.disclosure.models import DisclosureItem, ItemStatus, SecrecyReview
from zeroerror.proofread.models import SensitiveTerm
from zeroerror.tracking.models import Notification


@pytest.mark.clause("一(四)2")
def test_the_reviewer_passes_a_clean_item_and_the_result_is_recorded(org, login, rita, submitted):
    item = submitted()
    assert Notification.objects.filter(recipient=rita, title__contains="待保密审查").exists()
    client = login(rita)
    assert "记录审查结果" in client.get(f"/disclosure/items/{item.pk}/").content.decode()
    response = client.post(f"/disclosure/items/{item.pk}/review/", {"passed": "1", "note": ""}, follow=True)
    assert "保密审查结果已记录" in response.content.decode()
    review = SecrecyReview.objects.get()
    assert (review.reviewer, review.passed, review.problems) == (rita, True, [])
    assert DisclosureItem.objects.get().status == ItemStatus.REVIEWED
    assert AuditRecord.objects.filter(action="disclosure.item.review").exists()
    assert "任保密" in response.content.decode() and "通过" in response.content.decode()


@pytest.mark.clause("一(四)2")
@pytest.mark.parametrize(("text", "message"), [
    (f"{CLEAN_TEXT}联系人身份证号{ID_NUMBER}。",
     "保密审查未通过：含有身份证号码“511022********1236”，不得公开。请删除或去标识化后重新提交。"),
    (f"{CLEAN_TEXT}咨询请拨{MOBILE}。",
     "保密审查未通过：含有手机号码“139****5678”，不得公开。请删除或去标识化后重新提交。"),
    (f"机密★10年\n{CLEAN_TEXT}", "保密审查未通过：含有密级标志“机密★10年”，不得公开。请删除或去标识化后重新提交。"),
])
def test_passing_an_item_with_secrets_or_personal_information_is_refused(org, login, rita, submitted, text, message):
    item = submitted(text=text)
    client = login(rita)
    page = client.get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "保密审查检查" in page  # the reviewer sees what the checker found before deciding
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/review/", {"passed": "1"}, follow=True)
    assert message in response.content.decode()
    with refused(message):
        actions.do_review_item(item, passed=True, actor=rita.user)


@pytest.mark.clause("一(四)2")
def test_a_configured_sensitive_term_stops_it(org, rita, submitted):
    item = submitted(text=f"{CLEAN_TEXT}本院内部审计结果良好。")
    SensitiveTerm.objects.create(term="内部审计", active=True)
    with refused("保密审查未通过：含有敏感词“内部审计”，不得公开。请删除或去标识化后重新提交。"):
        actions.do_review_item(item, passed=True, actor=rita.user)


@pytest.mark.clause("一(四)2")
def test_a_failed_review_is_recorded_and_goes_back_to_the_drafter(org, login, rita, submitted):
    item = submitted(text=f"{CLEAN_TEXT}咨询请拨{MOBILE}。")
    client = login(rita)
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/review/", {"passed": "0", "note": ""}, follow=True)
    assert "审查不通过须填写审查意见。" in response.content.decode()
    client.post(f"/disclosure/items/{item.pk}/review/", {"passed": "0", "note": "含个人手机号码，请删除"})
    review = SecrecyReview.objects.get()
    assert (review.passed, review.note, review.problems[0]["kind"]) == (False, "含个人手机号码，请删除", "手机号码")
    item = DisclosureItem.objects.get()
    assert item.status == ItemStatus.DRAFT and item.return_note == "保密审查不通过：含个人手机号码，请删除"
    assert Notification.objects.filter(recipient=org.alice, title__contains="保密审查未通过").exists()
    page = login(org.alice).get(f"/disclosure/items/{item.pk}/").content.decode()
    assert "保密审查不通过：含个人手机号码，请删除" in page and "不通过" in page


def test_only_a_reviewer_reviews_and_never_their_own_draft(org, login, rita, submitted, make_item):
    item = submitted()
    client = login(org.director)
    with nothing_changes():
        response = client.post(f"/disclosure/items/{item.pk}/review/", {"passed": "1"})
    assert refusal(response) == (403, "只有保密审查员可以进行保密审查。")
    own = make_item(by=rita)
    actions.do_submit_item(own, actor=rita.user)
    with refused("保密审查员不能审查本人拟写的稿件。"):
        actions.do_review_item(own, passed=True, actor=rita.user)


def test_a_draft_cannot_be_reviewed_before_it_is_submitted(org, rita, make_item):
    item = make_item()
    with refused("稿件不在待保密审查状态（当前：拟稿）。"):
        actions.do_review_item(item, passed=True, actor=rita.user)
