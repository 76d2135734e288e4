"""Clause 一(二)9: the printable proof (会标校样) of an approved banner — one A3 landscape page, red strip with the
text in white, footer "会标校样 · 会议 · 第N版 · 已审核"; an unapproved banner is refused; the download is audited.

The PDF is read back with poppler-utils through the helpers of test_printing (skipped with a reason without it)."""

import pytest

from tests.factories import PersonFactory, give_role
from tests.meetings.test_printing import MM, boxes, page_sizes, render
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.meetings.actions import do_approve_banner, do_enter_banner, do_print_banner
from zeroerror.meetings.pdf import BannerProof, banner_proof_pdf
from zeroerror.org.roles import Role

TEXT = "青川县人民医院2026年度工作会议"


def text_of(pdf):
    return "".join(t for t, *_ in boxes(pdf))


@pytest.fixture
def meeting(approved):
    return approved()


@pytest.fixture
def banner(org, meeting):
    banner = do_enter_banner(meeting, kind="main", text=TEXT, actor=org.alice.user)
    return do_approve_banner(banner, actor=org.director.user)


def url(banner):
    return f"/meetings/{banner.meeting_id}/banners/{banner.pk}/proof.pdf"


@pytest.mark.clause("一(二)9")
def test_the_proof_carries_the_banner_text_on_one_landscape_page(org, login, banner):
    response = login(org.alice).get(url(banner))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    sizes = page_sizes(pdf)
    assert len(sizes) == 1 and sizes[0] == pytest.approx((420 * MM, 297 * MM), abs=1)  # A3 landscape
    text = text_of(pdf)
    assert TEXT in text
    assert "会标校样·季度工作例会·第1版·已审核" in text
    assert "审核：杜主任" in text


def test_the_audit_records_the_download_as_an_export(org, login, banner):
    login(org.alice).get(url(banner))
    rec = AuditRecord.objects.get(action="meetings.meeting.export")
    assert rec.kind == AuditKind.EXPORT and rec.object_id == str(banner.meeting_id)
    assert rec.changes == {"file": f"banner-proof-{banner.pk}", "version": 1}


@pytest.mark.clause("一(二)9")
def test_an_unapproved_banner_is_refused(org, login, meeting):
    draft = do_enter_banner(meeting, kind="back", text="安全生产", actor=org.alice.user)
    response = login(org.alice).get(url(draft), follow=True)
    assert "会标尚未审核，不能下载印制校样" in response.content.decode()
    assert response.redirect_chain and response.redirect_chain[-1][0] == f"/meetings/{meeting.pk}/publicity/"
    assert not AuditRecord.objects.filter(action="meetings.meeting.export").exists()


@pytest.mark.clause("一(二)9")
def test_a_printed_banner_can_still_be_downloaded_and_a_new_text_is_the_next_version(org, login, meeting, banner):
    do_print_banner(banner, actor=org.alice.user)
    assert login(org.alice).get(url(banner)).status_code == 200
    again = do_approve_banner(do_enter_banner(meeting, kind="main", text="青川县人民医院2026年度工作总结会议",
                                              actor=org.alice.user), actor=org.director.user)
    pdf = login(org.alice).get(url(again)).content
    assert "第2版" in text_of(pdf)
    assert AuditRecord.objects.filter(action="meetings.meeting.export", changes__version=2).exists()


def test_another_departments_staff_gets_404_and_an_invitee_403(org, login, banner):
    stranger = PersonFactory(department=org.info, name="信息员")
    give_role(stranger, Role.STAFF)
    assert login(stranger).get(url(banner)).status_code == 404
    assert login(org.charlie).get(url(banner)).status_code == 403  # invited, but not the 会务 staff
    assert login(org.director).get(url(banner)).status_code == 200  # the reviewer
    assert login(org.alice).get(f"/meetings/{banner.meeting_id}/banners/999999/proof.pdf").status_code == 404


def test_the_publicity_page_links_the_proof_of_approved_banners_only(org, login, meeting, banner):
    do_enter_banner(meeting, kind="outdoor", text="热烈欢迎", actor=org.alice.user)
    page = login(org.alice).get(f"/meetings/{meeting.pk}/publicity/").content.decode()
    assert page.count("/proof.pdf") == 1 and url(banner) in page


@pytest.mark.clause("一(二)9")
def test_a_long_text_is_shrunk_to_one_line_inside_the_strip():
    long = "热烈欢迎参加全县卫生健康系统安全生产暨医疗质量管理工作会议的各位领导和代表！"
    pdf = banner_proof_pdf(BannerProof(text=long, kind="室外宣传标", meeting="全县会议", version=3))
    words = boxes(pdf)
    line = [w for w in words if w[0] in long]
    assert "".join(w[0] for w in line) == long
    assert len({round(w[2]) for w in line}) == 1  # one line
    assert min(w[1] for w in line) > 15 * MM and max(w[3] for w in line) < 405 * MM
    assert "会标校样·全县会议·第3版·未审核" in text_of(pdf)


@pytest.mark.clause("一(二)9")
def test_the_strip_is_red_with_white_characters():
    pdf = banner_proof_pdf(BannerProof(text="工作会议", meeting="例会", approved=True))
    image = render(pdf, 1, dpi=36).convert("L")
    w, h = image.size
    assert image.getpixel((w // 20, h // 10)) > 240  # the page is white
    strip = [image.getpixel((x, h // 2 - 10)) for x in range(w // 20, w - w // 20, 5)]
    assert max(strip) < 120 or sum(v < 120 for v in strip) > len(strip) * 0.7  # mostly the dark red band
    assert any(v > 200 for v in (image.getpixel((x, y)) for x in range(w // 3, 2 * w // 3, 2)
                                 for y in range(h // 2 - 30, h // 2 + 10, 2)))  # white characters on it
    assert pdf == banner_proof_pdf(BannerProof(text="工作会议", meeting="例会", approved=True))  # deterministic
