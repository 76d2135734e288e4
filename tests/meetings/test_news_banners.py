"""Clause 一(二)6: an important meeting's news is checked by the office's 分管主任 or 综合科 before it is published.
Clause 一(二)9: banner text (会标、回头标、室外宣传标) is entered, proofread and approved before printing."""

import pytest
from django.core.exceptions import ValidationError

from zeroerror.meetings.actions import (
    do_approve_banner,
    do_approve_news,
    do_draft_news,
    do_enter_banner,
    do_print_banner,
    do_publish_news,
)
from zeroerror.meetings.models import ReviewStatus
from zeroerror.org.roles import Role


@pytest.mark.clause("一(二)6")
def test_an_important_meetings_news_is_published_only_after_review(org, approved):
    from tests.factories import PersonFactory, give_role

    deputy = PersonFactory(department=org.office, name="周副主任")
    give_role(deputy, Role.OFFICE_DEPUTY_DIRECTOR)
    meeting = approved(important=True)
    news = do_draft_news(meeting, title="我院召开季度工作例会", text="会议通报了季度工作。", actor=org.alice.user)
    with pytest.raises(ValidationError) as exc:
        do_publish_news(news, actor=org.alice.user)
    assert exc.value.messages == ["重要会议新闻稿须经分管主任或综合科把关后方可报道。"]
    with pytest.raises(ValidationError, match="分管主任或综合科"):
        do_approve_news(news, actor=org.leo.user)
    do_approve_news(news, actor=deputy.user)
    news = do_publish_news(news, actor=org.alice.user)
    assert news.status == ReviewStatus.DONE and news.approved_by == deputy and news.published_at


def test_an_ordinary_meetings_news_needs_no_review_but_no_errors(org, approved):
    meeting = approved()
    bad = do_draft_news(meeting, title="会议报道", text="要求各科室再接再励。", actor=org.alice.user)
    assert bad.findings and "再接再厉" in bad.findings[0]["message"]
    with pytest.raises(ValidationError, match="校对发现错误"):
        do_publish_news(bad, actor=org.alice.user)
    good = do_draft_news(meeting, title="会议报道", text="要求各科室再接再厉。", actor=org.alice.user)
    assert do_publish_news(good, actor=org.alice.user).status == ReviewStatus.DONE


@pytest.mark.clause("一(二)9")
def test_a_banner_is_proofread_and_approved_before_printing(org, approved):
    meeting = approved()
    wrong = do_enter_banner(meeting, kind="main", text="再接再励 推动医院高质量发展", actor=org.alice.user)
    with pytest.raises(ValidationError, match="错字或标点错误"):
        do_approve_banner(wrong, actor=org.director.user)
    banner = do_enter_banner(meeting, kind="back", text="再接再厉 推动医院高质量发展", actor=org.alice.user)
    assert banner.findings == []
    with pytest.raises(ValidationError, match="须经审核后方可印制"):
        do_print_banner(banner, actor=org.alice.user)
    with pytest.raises(ValidationError, match="分管主任或综合科"):
        do_approve_banner(banner, actor=org.bob.user)
    do_approve_banner(banner, actor=org.director.user)
    assert do_print_banner(banner, actor=org.alice.user).status == ReviewStatus.DONE
