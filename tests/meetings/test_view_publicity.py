"""The 会风与宣传 page and its forms: supervisors, breach reports, news and banners."""

import pytest

from tests.meetings.conftest import starting_soon
from tests.pages import assert_shown, page
from tests.refusals import nothing_changes, refusal
from zeroerror.errors.models import Lead
from zeroerror.meetings.models import Banner, BreachReport, NewsItem, ReviewStatus


def test_the_office_names_supervisors_and_a_supervisor_reports(org, login, notified):
    meeting = notified()
    client = login(org.alice)
    assert "会风监督员" in client.get(f"/meetings/{meeting.pk}/publicity/").content.decode()
    response = client.post(f"/meetings/{meeting.pk}/supervisors/", {"supervisors": [org.auditor.pk]}, follow=True)
    assert "会风监督员已指定" in response.content.decode()
    meeting = starting_soon(meeting)
    auditor = login(org.auditor)  # not invited, but a supervisor: sees the meeting and reports
    assert "报告会风情况" in auditor.get(f"/meetings/{meeting.pk}/publicity/").content.decode()
    response = auditor.post(f"/meetings/{meeting.pk}/breaches/", {
        "kind": "identity", "person": org.charlie.pk, "description": "代会人员与回执不符"}, follow=True)
    assert "会风情况已报告" in response.content.decode()
    assert Lead.objects.for_source(BreachReport.objects.get()).exists()


def test_others_cannot_report_or_name_supervisors(org, login, notified):
    meeting = notified()
    client = login(org.charlie)
    with nothing_changes():
        breach = client.post(f"/meetings/{meeting.pk}/breaches/", {"kind": "phone", "description": "x"})
        supervisors = client.post(f"/meetings/{meeting.pk}/supervisors/", {"supervisors": [org.charlie.pk]})
    assert refusal(breach) == (403, "只有本次会议的会风监督员可以报告。")
    assert refusal(supervisors) == (403, "您不能办理本会议的会务。")


@pytest.mark.clause("一(二)6")
def test_news_is_drafted_reviewed_and_published_from_the_page(org, login, approved):
    meeting = approved(important=True)
    alice = login(org.alice)
    alice.post(f"/meetings/{meeting.pk}/news/", {"title": "我院召开例会", "text": "会议部署了工作。"})
    news = NewsItem.objects.get()
    response = alice.post(f"/meetings/{meeting.pk}/news/{news.pk}/publish/", follow=True)
    assert "须经分管主任或综合科把关" in response.content.decode()
    assert login(org.bob).post(f"/meetings/{meeting.pk}/news/{news.pk}/approve/").status_code == 403
    login(org.director).post(f"/meetings/{meeting.pk}/news/{news.pk}/approve/")
    response = login(org.alice).post(f"/meetings/{meeting.pk}/news/{news.pk}/publish/", follow=True)
    assert "新闻稿已发布" in response.content.decode()
    assert NewsItem.objects.get().status == ReviewStatus.DONE


@pytest.mark.clause("一(二)9")
def test_banners_are_entered_proofread_approved_and_printed_from_the_page(org, login, approved):
    meeting = approved()
    alice = login(org.alice)
    response = alice.post(f"/meetings/{meeting.pk}/banners/", {"kind": "outdoor", "text": "热烈欢迎。。"}, follow=True)
    assert "点号“。。”连用" in response.content.decode()
    alice.post(f"/meetings/{meeting.pk}/banners/", {"kind": "main", "text": "青川县人民医院2026年度工作会议"})
    banner = Banner.objects.get(kind="main")
    response = login(org.director).post(f"/meetings/{meeting.pk}/banners/{banner.pk}/approve/", follow=True)
    assert "会标已审核" in response.content.decode()
    response = login(org.alice).post(f"/meetings/{meeting.pk}/banners/{banner.pk}/print/", follow=True)
    assert "会标已交付印制" in response.content.decode()
    wrong = Banner.objects.get(kind="outdoor")
    response = login(org.director).post(f"/meetings/{meeting.pk}/banners/{wrong.pk}/approve/", follow=True)
    assert "须重新录入后再审核" in response.content.decode()


def test_the_page_does_a_constant_number_of_queries(org, login, notified):
    from zeroerror.meetings.actions import do_draft_news, do_enter_banner, do_report_breach

    meeting = starting_soon(notified(supervisors=[org.bob]))
    client = login(org.alice)
    one, _ = page(client, f"/meetings/{meeting.pk}/publicity/")
    for i in range(4):
        do_report_breach(meeting, kind="phone", person=org.charlie, description=f"铃声{i}", actor=org.bob.user)
        do_draft_news(meeting, title=f"报道{i}", text="会议召开。", actor=org.alice.user)
        do_enter_banner(meeting, kind="main", text=f"会标{i}", actor=org.alice.user)
    many, html = page(client, f"/meetings/{meeting.pk}/publicity/")
    assert many == one
    assert_shown(html, [f"{what}{i}" for i in range(4) for what in ("铃声", "报道", "会标")])
