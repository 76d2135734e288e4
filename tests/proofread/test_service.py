"""The service other areas call: check with the unit's sensitive terms, unresolved errors per owner, waivers."""

import io

import docx
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from tests.accounts.helpers import signed_in
from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.audit.trail import verify_chain
from zeroerror.proofread import service
from zeroerror.proofread.models import FindingWaiver, ProofreadSession, SensitiveTerm

DRAFT = "我们迫不急待地投入工作。"


@pytest.fixture
def drafts(org):
    """Two owners of texts (any model will do: the service takes a generic owner)."""
    return (ProofreadSession.objects.create(person=org.alice, text=DRAFT),
            ProofreadSession.objects.create(person=org.bob, text=DRAFT))


def rules(findings) -> list[str]:
    return [f.rule for f in findings]


@pytest.mark.clause("一(一)2")
def test_unresolved_reports_errors_until_they_are_waived_for_that_owner_only(org, drafts):
    mine, theirs = drafts
    [typo] = service.unresolved(mine, DRAFT, profile="document")
    assert (typo.rule, typo.text, typo.suggestion) == ("typo.wrong_word", "迫不急待", "迫不及待")
    waiver = service.do_waive_finding(mine, typo, "引用来信原文", actor=org.alice.user)
    assert (waiver.actor, waiver.reason, waiver.owner) == (org.alice, "引用来信原文", mine)
    assert service.unresolved(mine, DRAFT, profile="document") == []
    assert rules(service.unresolved(theirs, DRAFT, profile="document")) == ["typo.wrong_word"]
    assert rules(service.unresolved(org.office, DRAFT, profile="document")) == ["typo.wrong_word"]  # any model


def test_a_waiver_follows_its_text_when_it_moves_and_covers_one_occurrence(org, drafts):
    mine, _ = drafts
    [typo] = service.unresolved(mine, DRAFT, profile="document")
    service.do_waive_finding(mine, typo, "原文如此", actor=org.alice.user)
    moved = "各位同事：\n" + DRAFT
    assert service.unresolved(mine, moved, profile="document") == []
    twice = moved + "\n大家迫不急待。"
    [second] = service.unresolved(mine, twice, profile="document")
    assert second.start == twice.rindex("迫不急待")  # the new occurrence is still reported
    open_, waived = service.split_waived(mine, service.check(twice, profile="document"))
    assert [f.start for f, _w in waived] == [moved.index("迫不急待")]


def test_warnings_and_hints_do_not_block(org, drafts):
    mine, _ = drafts
    text = "联系电话13812345678。"
    assert any(f.rule == "privacy.mobile" and f.severity == "warning" for f in service.check(text, profile="document"))
    assert service.unresolved(mine, text, profile="document") == []


@pytest.mark.clause("一(四)2", "一(四)4")
def test_publication_makes_personal_information_an_error(org, drafts):
    mine, _ = drafts
    text = "公示：张三，身份证号11010519491231002X。"
    [found] = service.unresolved(mine, text, profile="publication")
    assert found.rule == "privacy.id_card" and found.severity == "error"


@pytest.mark.clause("一(四)2")
def test_the_units_active_sensitive_terms_are_applied(org, drafts):
    mine, _ = drafts
    SensitiveTerm.objects.create(term="天网工程", note="内部项目代号")
    SensitiveTerm.objects.create(term="旧代号", active=False)
    text = "本院天网工程和旧代号已完成验收。"
    found = [f for f in service.check(text, profile="publication") if f.rule == "secrecy.sensitive_term"]
    assert [f.text for f in found] == ["天网工程"]
    assert "secrecy.sensitive_term" in rules(service.unresolved(mine, text, profile="publication"))
    assert "secrecy.sensitive_term" not in rules(service.check(text, profile="publication", sensitive_terms=()))
    assert service.active_sensitive_terms() == ("天网工程",)


def test_a_waiver_needs_a_reason_and_is_audited(org, drafts):
    mine, _ = drafts
    [typo] = service.unresolved(mine, DRAFT, profile="document")
    before = AuditRecord.objects.count()
    for reason in ("", "   "):
        with pytest.raises(ValidationError, match="请填写确认无误的理由"):
            service.do_waive_finding(mine, typo, reason, actor=org.alice.user)
    with pytest.raises(ValidationError, match="不超过 500 字"):
        service.do_waive_finding(mine, typo, "长" * 501, actor=org.alice.user)
    assert not FindingWaiver.objects.exists() and AuditRecord.objects.count() == before
    waiver = service.do_waive_finding(mine, typo, "  专有名称  ", actor=org.alice.user)
    assert waiver.reason == "专有名称"
    rec = AuditRecord.objects.get(action="proofread.finding.waive")
    assert rec.actor == org.alice.user and rec.changes["reason"] == "专有名称" and rec.changes["text"] == "迫不急待"
    assert rec.changes["owner"] == f"proofread.proofreadsession:{mine.pk}"
    assert verify_chain().ok
    with pytest.raises(ValidationError, match="已确认无误"):
        service.do_waive_finding(mine, typo, "再来一次", actor=org.alice.user)


def test_apply_suggestion_replaces_code_points_and_refuses_a_stale_finding():
    text = "𠮷" + DRAFT
    [typo] = [f for f in service.check(text, profile="document", sensitive_terms=(), lexicon=()) if f.rule == "typo.wrong_word"]
    assert typo.start == 3
    assert service.apply_suggestion(text, typo) == "𠮷我们迫不及待地投入工作。"
    with pytest.raises(ValidationError, match="文字已变化"):
        service.apply_suggestion("我们" + DRAFT, typo)


def _docx(*paragraphs) -> bytes:
    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_check_docx_reads_a_docx_and_explains_anything_else(db):
    result = service.check_docx(_docx("通知", DRAFT), profile="document")
    assert result.text == "通知\n" + DRAFT and "typo.wrong_word" in rules(result.findings)
    not_docx = "文件不是有效的 .docx 文件（Word 2007 及以上格式），可能已损坏；.doc、.wps 等格式请先另存为 .docx。"
    for bad, message in ((b"", "文件为空。"), (b"not a zip", not_docx), (_docx("x")[:200], not_docx),
                         (b"PK\x05\x06" + b"\0" * 18, not_docx)):
        with refused(message):
            service.check_docx(bad, profile="document")
    with pytest.raises(ValidationError, match="10 MB"):
        service.check_docx(b"\0" * (service.MAX_DOCX_BYTES + 1), profile="document")


def test_sensitive_terms_are_edited_in_the_admin_with_an_audit_record(db, client):
    admin_user = get_user_model().objects.create_superuser("root", password="x-Strong-Pass-1")
    signed_in(client, admin_user)
    response = client.post("/admin/proofread/sensitiveterm/add/", {"term": "蓝盾行动", "active": "on", "note": "代号"})
    assert response.status_code == 302, response.content.decode()[:2000]
    term = SensitiveTerm.objects.get(term="蓝盾行动")
    assert AuditRecord.objects.filter(action="admin.proofread.sensitiveterm.create", object_id=str(term.pk)).exists()
    assert client.get("/admin/proofread/sensitiveterm/").status_code == 200
    assert "蓝盾行动" in rules_text(service.check("转发蓝盾行动方案。", profile="publication"))


def rules_text(findings) -> str:
    return " ".join(f.text for f in findings if f.rule == "secrecy.sensitive_term")


def test_describe_explains_a_refusal_in_chinese(db):
    findings = service.check(DRAFT * 7, profile="document", sensitive_terms=())
    text = service.describe(findings, limit=2)
    assert text.startswith("校对发现 7 处错误未处理：第 3 字起“迫不急待”（建议改为“迫不及待”）；")
    assert "等 7 处" in text and "确认无误" in text


def test_proofreading_sessions_are_audited_without_the_draft_text(org):
    from zeroerror.audit.models import AuditRecord
    from zeroerror.proofread.actions import do_accept_suggestion, do_start_proofread_session
    from zeroerror.proofread.engine import proofread_text

    session = do_start_proofread_session("大家迫不急待地投入工作。", "document", actor=org.alice.user)
    finding = next(f for f in proofread_text(session.text, "document") if f.suggestion == "迫不及待")
    do_accept_suggestion(session, finding, actor=org.alice.user)
    actions = list(AuditRecord.objects.filter(object_type="proofread.proofreadsession").values_list("action", flat=True))
    assert actions == ["proofread.session.create", "proofread.session.accept"]
    created = AuditRecord.objects.get(action="proofread.session.create")
    assert "投入工作" not in created.object_repr + str(created.changes)
