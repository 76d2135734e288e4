"""The 校对 page end to end: paste or upload, findings highlighted in place, accept a suggestion, mark as intended."""

import io
import re
import zipfile

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from zeroerror.audit.models import AuditRecord
from zeroerror.proofread.models import FindingWaiver, ProofreadSession

TYPO_TEXT = "我们迫不急待地投入工作。"


def html_of(response) -> str:
    return response.content.decode()


def start(client, text=TYPO_TEXT, profile="document"):
    response = client.post("/proofread/", {"text": text, "profile": profile})
    assert response.status_code == 302, html_of(response)
    return ProofreadSession.objects.latest("id")


def finding_form(html: str, rule: str, action: str) -> dict:
    """The hidden fields of the accept/waive form of the first shown finding of ``rule``."""
    for form in re.findall(r'<form method="post" action="[^"]*/' + action + r'/">(.*?)</form>', html, re.S):
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
        if fields.get("rule") == rule:
            return fields
    raise AssertionError(f"no {action} form for {rule}")


def docx_bytes(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.clause("一(一)2")
def test_pasted_text_is_highlighted_in_place_with_the_suggestion(org, login):
    client = login(org.alice)
    session = start(client)
    assert session.person == org.alice and session.text == TYPO_TEXT
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert re.search(r'我们<mark class="pr-mark pr-error" title="\[1\] [^"]*迫不及待[^"]*">迫不急待</mark>'
                     r'<sup class="pr-note pr-error" id="at-1"><a href="#f-1">1</a></sup>地投入工作', html)
    assert 'id="f-1"' in html and '<q class="pr-suggest">迫不及待</q>' in html
    assert re.search(r'<b>1</b>错误', html) and re.search(r'<b>0</b>已确认无误', html)


@pytest.mark.clause("一(一)2")
def test_accepting_a_suggestion_corrects_the_text_and_the_finding_goes(org, login):
    client = login(org.alice)
    session = start(client)
    fields = finding_form(html_of(client.get(f"/proofread/{session.pk}/")), "typo.wrong_word", "accept")
    response = client.post(f"/proofread/{session.pk}/accept/", fields, follow=True)
    html = html_of(response)
    session.refresh_from_db()
    assert session.text == "我们迫不及待地投入工作。"
    assert "已采纳建议" in html and "迫不急待</mark>" not in html and re.search(r"<b>0</b>错误", html)
    # the same form posted again (a double click) no longer matches the results: refused, text unchanged
    html = html_of(client.post(f"/proofread/{session.pk}/accept/", fields, follow=True))
    assert "校对结果已变化" in html
    session.refresh_from_db()
    assert session.text == "我们迫不及待地投入工作。"


def test_offsets_are_code_points_and_browser_newlines_are_normalised(org, login):
    client = login(org.alice)
    text = "𠮷𠮷村通知：\r\n这里松驰的管理要改。"  # two characters outside the BMP, then a CRLF from the browser
    session = start(client, text)
    assert session.text == "𠮷𠮷村通知：\n这里松驰的管理要改。"
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert ">松驰</mark>" in html
    fields = finding_form(html, "typo.wrong_word", "accept")
    client.post(f"/proofread/{session.pk}/accept/", fields)
    session.refresh_from_db()
    assert session.text == "𠮷𠮷村通知：\n这里松弛的管理要改。"


@pytest.mark.clause("一(一)2")
def test_a_finding_marked_as_intended_with_a_reason_is_hidden_and_listed_as_confirmed(org, login):
    client = login(org.alice)
    session = start(client)
    fields = finding_form(html_of(client.get(f"/proofread/{session.pk}/")), "typo.wrong_word", "waive")
    html = html_of(client.post(f"/proofread/{session.pk}/waive/", {**fields, "reason": "引用来信原文，保持原样"},
                               follow=True))
    assert "理由已记录" in html
    assert "迫不急待</mark>" not in html and re.search(r"<b>0</b>错误", html) and re.search(r"<b>1</b>已确认无误", html)
    assert "理由：引用来信原文，保持原样" in html and "艾丽" in html
    waiver = FindingWaiver.objects.get()
    assert (waiver.rule, waiver.text, waiver.start, waiver.actor) == ("typo.wrong_word", "迫不急待", 2, org.alice)
    assert AuditRecord.objects.filter(action="proofread.finding.waive", object_id=str(waiver.pk)).exists()
    # re-checking an edited text of the same session keeps the waiver, though the finding has moved
    client.post(f"/proofread/{session.pk}/", {"text": "各位同事：" + TYPO_TEXT, "profile": "document"})
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert "迫不急待</mark>" not in html and "理由：引用来信原文，保持原样" in html


def test_marking_as_intended_without_a_reason_is_refused_and_nothing_is_saved(org, login):
    client = login(org.alice)
    session = start(client)
    fields = finding_form(html_of(client.get(f"/proofread/{session.pk}/")), "typo.wrong_word", "waive")
    audit_before = AuditRecord.objects.count()
    html = html_of(client.post(f"/proofread/{session.pk}/waive/", {**fields, "reason": "   "}, follow=True))
    assert "请填写确认无误的理由" in html
    assert not FindingWaiver.objects.exists() and AuditRecord.objects.count() == audit_before
    assert "迫不急待</mark>" in html


def test_an_empty_check_is_explained(org, login):
    response = login(org.alice).post("/proofread/", {"text": "  \n ", "profile": "document"})
    assert response.status_code == 200 and "请粘贴要校对的文字或上传 .docx 文件" in html_of(response)
    assert not ProofreadSession.objects.exists()


@pytest.mark.clause("一(一)2")
def test_an_uploaded_docx_is_checked(org, login):
    client = login(org.alice)
    upload = SimpleUploadedFile("通知.docx", docx_bytes("关于开展检查的通知", "各科室：", TYPO_TEXT),
                                content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    response = client.post("/proofread/", {"file": upload, "profile": "document"})
    assert response.status_code == 302
    session = ProofreadSession.objects.get()
    assert session.text == "关于开展检查的通知\n各科室：\n" + TYPO_TEXT and session.source_name == "通知.docx"
    html = html_of(client.get(response.url))
    assert ">迫不急待</mark>" in html and "通知.docx" in html
    assert "format.docx_page" in html and "纸张应为 A4" in html and "上传文件的版式" in html  # the layout of the file is checked too


@pytest.mark.parametrize("name,content,needle", [
    ("损坏.docx", b"PK\x03\x04 this is not really a zip", "不是有效的 .docx 文件"),
    ("空壳.docx", None, "不是有效的 .docx 文件"),  # a real zip without word/document.xml
    ("坏正文.docx", "bad-xml", "不是有效的 .docx 文件"),  # a zip whose document.xml is not XML
    ("旧格式.doc", b"\xd0\xcf\x11\xe0 an old Word file", "只能上传 .docx 文件"),
    ("空.docx", b"", "文件为空"),
])
def test_a_corrupt_or_wrong_file_gets_a_message_not_a_500(org, login, name, content, needle):
    if content is None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("hello.txt", "hi")
        content = buffer.getvalue()
    elif content == "bad-xml":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types")
            archive.writestr("word/document.xml", "<<<not xml")
        content = buffer.getvalue()
    response = login(org.alice).post("/proofread/", {"file": SimpleUploadedFile(name, content), "profile": "document"})
    assert response.status_code in (200, 400)
    assert needle in html_of(response), re.findall(r'<ul class="errorlist">.*?</ul>', html_of(response))
    assert not ProofreadSession.objects.exists()


def test_a_docx_over_10_mb_is_refused(org, login, settings):
    big = SimpleUploadedFile("大.docx", b"PK" + b"0" * (10 * 1024 * 1024))
    response = login(org.alice).post("/proofread/", {"file": big, "profile": "document"})
    assert response.status_code == 200 and "文件不能超过 10 MB" in html_of(response)


@pytest.mark.clause("一(四)4", "一(四)2")
def test_the_publication_profile_flags_an_id_number_as_an_error(org, login):
    client = login(org.alice)
    text = "公示：张三，身份证号11010519491231002X，拟录用。"
    session = start(client, text, profile="publication")
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert '<mark class="pr-mark pr-error"' in html and ">11010519491231002X</mark>" in html
    assert "privacy.id_card" in html and "110105********002X" in html
    # as a 公文 draft the same number is only a warning
    client.post(f"/proofread/{session.pk}/", {"text": text, "profile": "document"})
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert '<mark class="pr-mark pr-warning" title="[1] 公民身份号码' in html


def test_anonymous_visitors_are_sent_to_log_in(client, org):
    for url in ("/proofread/", "/proofread/1/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/login/")


def test_another_person_cannot_see_or_touch_my_session(org, login):
    session = start(login(org.alice))
    fields = finding_form(html_of(login(org.alice).get(f"/proofread/{session.pk}/")), "typo.wrong_word", "waive")
    client = login(org.bob)
    assert client.get(f"/proofread/{session.pk}/").status_code == 404
    assert client.post(f"/proofread/{session.pk}/waive/", {**fields, "reason": "冒名"}).status_code == 404
    assert client.post(f"/proofread/{session.pk}/accept/", fields).status_code == 404
    assert client.post(f"/proofread/{session.pk}/", {"text": "改掉", "profile": "document"}).status_code == 404
    assert not FindingWaiver.objects.exists()
    session.refresh_from_db()
    assert session.text == TYPO_TEXT
    assert "迫不急待" not in html_of(client.get("/proofread/"))


def test_my_recent_sessions_are_listed_and_the_page_is_in_the_navigation(org, login):
    client = login(org.alice)
    start(client, "关于做好安全生产工作的通知\n正文。")
    html = html_of(client.get("/proofread/"))
    assert "我的校对记录" in html and "关于做好安全生产工作的通知" in html
    assert 'href="/proofread/"' in html and "proofread/proofread.css" in html


def test_text_and_messages_are_escaped(org, login):
    client = login(org.alice)
    session = start(client, '<script>alert("x")</script>迫不急待<b>')
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert "<script>alert" not in html and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>" not in html.split('id="text"', 1)[1].split("</section>", 1)[0]


def test_overlapping_findings_and_insertion_points_are_all_marked():
    from zeroerror.proofread.engine import Finding
    from zeroerror.proofread.views import Item, highlight

    text = "甲乙丙丁戊己庚辛"
    items = [Item(1, 0, Finding("typo", "typo.x", 1, 4, "乙丙丁", "乙", "一", "error"), True),
             Item(2, 1, Finding("number", "number.y", 3, 6, "丁戊己", None, "二", "warning"), True),
             Item(3, 2, Finding("punctuation", "punct.z", 7, 7, "", "，", "三", "info"), True)]
    html = str(highlight(text, items))
    assert html == (
        '甲<mark class="pr-mark pr-error" title="[1] 一">乙丙</mark>'
        '<mark class="pr-mark pr-error" title="[1] 一\n[2] 二">丁</mark>'
        '<sup class="pr-note pr-error" id="at-1"><a href="#f-1">1</a></sup>'
        '<mark class="pr-mark pr-warning" title="[2] 二">戊己</mark>'
        '<sup class="pr-note pr-warning" id="at-2"><a href="#f-2">2</a></sup>庚'
        '<mark class="pr-mark pr-insert pr-info" title="三">‸</mark>'
        '<sup class="pr-note pr-info" id="at-3"><a href="#f-3">3</a></sup>辛'
    )


def test_a_text_with_very_many_findings_lists_the_first_ones_and_says_so(org, login):
    client = login(org.alice)
    session = start(client, "我们迫不急待。" * 310)
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    assert re.search(r"<b>310</b>错误", html) and "下面只列出文中前 300 处" in html
    assert 'id="f-300"' in html and 'id="f-301"' not in html and html.count(">迫不急待</mark>") == 310


def test_a_layout_finding_of_the_docx_is_waived_by_its_message(org, login):
    client = login(org.alice)
    client.post("/proofread/", {"file": SimpleUploadedFile("版式.docx", docx_bytes("关于检查的通知", "正文。")),
                                "profile": "document"})
    session = ProofreadSession.objects.get()
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    forms = re.findall(r'<li class="pr-finding[^>]*>(.*?)</li>', html, re.S)
    bottom = next(f for f in forms if "下页边距" in f)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', bottom))
    client.post(f"/proofread/{session.pk}/waive/", {**fields, "reason": "本院模板经批准"})
    html = html_of(client.get(f"/proofread/{session.pk}/"))
    listed = html.split('id="waived"', 1)[0]
    assert "下页边距" not in listed and "上页边距" in listed and "纸张应为 A4" in listed
    assert "理由：本院模板经批准" in html
