"""匿名举报 (二.1(1)): queued without a trace of the reporter, registered in a batch under the system actor, followed
and supplemented with the 查询码, the sealed identity opened only by the 绩效办负责人 and audited (issue 9 defect 1)."""

import os
from datetime import date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from zeroerror.attachments import storage
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.errors import anonymous
from zeroerror.errors.models import AnonymousSubmission, Lead, SealedIdentity

pytestmark = pytest.mark.django_db
TZ = timezone.get_current_timezone()


@pytest.fixture
def report(team):
    def submit(files=(("现场照片.txt", b"photo notes"),)):
        return anonymous.do_submit_anonymous_report(
            clause_id="一(六)3", person=team.alice, occurred_on=date.today() - timedelta(days=3),
            description="用印未登记", files=files, actor=team.charlie.user)

    return submit


def test_it_computes_the_batch_time_from_the_hours_and_the_minimum_delay(settings):
    settings.ANONYMOUS_BATCH_HOURS, settings.ANONYMOUS_MIN_DELAY_MINUTES = [12, 17], 60
    at = lambda *a: datetime(*a, tzinfo=TZ)  # noqa: E731
    assert anonymous.batch_time(at(2026, 3, 2, 10, 0)) == at(2026, 3, 2, 12, 0)
    assert anonymous.batch_time(at(2026, 3, 2, 11, 30)) == at(2026, 3, 2, 17, 0)
    assert anonymous.batch_time(at(2026, 3, 2, 17, 30)) == at(2026, 3, 3, 12, 0)
    assert anonymous.batch_time(at(2026, 3, 2, 23, 59)) == at(2026, 3, 3, 12, 0)


@pytest.mark.clause("二.1(1)")
def test_a_submission_writes_nothing_but_the_queue_and_keeps_no_time_of_its_own(team, report):
    before = AuditRecord.objects.count()
    receipt = report()
    assert not Lead.objects.exists() and not Attachment.objects.exists()
    assert AuditRecord.objects.count() == before  # a record now would date the report to the reporter's session
    sub = AnonymousSubmission.objects.get()
    assert sub.due_at == receipt.due_at and sub.due_at >= timezone.now() + timedelta(minutes=59)
    assert "charlie" in sub.identity and sub.receipt_digest == anonymous.receipt_digest(receipt.code)
    assert not any(f.name in ("created_at", "submitted_at") for f in AnonymousSubmission._meta.fields)


@pytest.mark.clause("二.1(1)")
def test_the_batch_registers_it_under_the_system_with_nothing_that_points_to_the_reporter(team, report):
    receipt = report()
    assert anonymous.register_anonymous_submissions(receipt.due_at - timedelta(minutes=1)) == ""
    assert anonymous.register_anonymous_submissions(receipt.due_at) == "登记匿名举报 1 件、补充证据 0 批"
    lead = Lead.objects.get()
    assert (lead.anonymous, lead.reporter, lead.created_at) == (True, None, receipt.due_at)
    assert [(e.actor, e.at) for e in lead.events.all()] == [(None, receipt.due_at)]
    file = Attachment.objects.for_owner(lead).get()
    assert (file.uploaded_by, file.uploaded_at) == (None, receipt.due_at)
    assert os.stat(storage.path_for(file.stored_name)).st_mtime == receipt.due_at.timestamp()
    for rec in AuditRecord.objects.filter(action__in=["errors.lead.create", "attachments.upload"]):
        assert (rec.actor, rec.actor_name, rec.ip) == (None, "系统", ""), rec.action
    assert SealedIdentity.objects.get(lead=lead).name == "查理"
    assert not AnonymousSubmission.objects.exists()
    assert anonymous.register_anonymous_submissions(receipt.due_at) == ""  # idempotent


@pytest.mark.clause("二.1(1)")
def test_the_reporter_adds_evidence_with_the_code_and_it_is_registered_the_same_way(team, report):
    receipt = report(files=())
    early = anonymous.do_submit_anonymous_evidence(receipt.code, [("补充.txt", b"second")], actor=team.charlie.user)
    anonymous.register_anonymous_submissions(early.due_at)  # the report first, then its evidence
    lead = Lead.objects.get()
    later = anonymous.do_submit_anonymous_evidence(receipt.code.lower().replace("-", " "), [("再补充.txt", b"third")],
                                                   actor=team.charlie.user)
    anonymous.register_anonymous_submissions(later.due_at)
    events = list(lead.events.values_list("title", "actor"))
    assert events == [("登记线索（举报（查实后计入））", None), ("补充证据（匿名举报人）", None),
                      ("补充证据（匿名举报人）", None)]
    assert set(Attachment.objects.for_owner(lead).values_list("uploaded_by", flat=True)) == {None}
    assert not AuditRecord.objects.filter(actor=team.charlie.user).exists()


def test_a_wrong_code_is_refused_and_nothing_is_queued(team, report):
    report()
    with pytest.raises(ValidationError, match="查询码无效"):
        anonymous.do_submit_anonymous_evidence("ABCD-EFGH-JKLM-NPQR", [("x.txt", b"x")], actor=team.bob.user)
    assert AnonymousSubmission.objects.count() == 1
    assert anonymous.standing("nonsense", team.unit) is None


@pytest.mark.clause("二.1(1)")
def test_only_the_performance_head_opens_the_sealed_identity_giving_a_reason_and_it_is_audited(team, report):
    anonymous.register_anonymous_submissions(report().due_at)
    lead = Lead.objects.get()
    for person in (team.perfstaff, team.principal, team.auditor, team.alice):
        with pytest.raises(ValidationError, match="只有本单位绩效办负责人可以查看匿名举报人身份"):
            anonymous.do_unseal_reporter(lead, reason="核查需要", actor=person.user)
    with pytest.raises(ValidationError, match="请填写查看事由"):
        anonymous.do_unseal_reporter(lead, reason=" ", actor=team.perfhead.user)
    assert not AuditRecord.objects.filter(action="errors.lead.unseal").exists()
    sealed = anonymous.do_unseal_reporter(lead, reason="核实举报动机", actor=team.perfhead.user)
    assert (sealed.name, sealed.username) == ("查理", "charlie")
    rec = AuditRecord.objects.get(action="errors.lead.unseal")
    assert (rec.actor, rec.kind, rec.changes) == (team.perfhead.user, AuditKind.VIEW, {"reason": "核实举报动机"})


def test_the_report_page_gives_the_code_once_and_the_follow_page_shows_the_standing(team, login):
    import re

    from zeroerror.rulebook.models import Clause

    client = login(team.charlie)
    clause = Clause.objects.current().get(code="一(六)3")
    page = client.post("/errors/report/", {"channel": "report", "clause": clause.pk, "person": team.alice.pk,
                                           "occurred_on": "2026-01-05", "description": "用印未登记",
                                           "anonymous": "on"}).content.decode()
    code = re.search(r'class="mono receipt-code">([A-Z0-9-]+)<', page).group(1)
    assert "统一登记" in page and not Lead.objects.exists()
    page = client.post("/errors/anonymous/", {"code": code}).content.decode()
    assert "已收到，待登记" in page
    anonymous.register_anonymous_submissions(AnonymousSubmission.objects.get().due_at)
    page = client.post("/errors/anonymous/", {"code": code}).content.decode()
    assert "待核查" in page and "扣罚" not in page
    assert "查询码无效" in client.post("/errors/anonymous/", {"code": "AAAA-BBBB-CCCC-DDDD"}).content.decode()


def test_the_performance_head_opens_the_identity_from_the_lead_page(team, report, login):
    anonymous.register_anonymous_submissions(report().due_at)
    lead = Lead.objects.get()
    page = login(team.perfhead).get(f"/errors/{lead.pk}/").content.decode()
    assert "查看匿名举报人身份" in page and "查理" not in page
    assert "查理" in login(team.perfhead).post(f"/errors/{lead.pk}/reporter/", {"reason": "核实"}).content.decode()
    assert login(team.perfstaff).post(f"/errors/{lead.pk}/reporter/", {"reason": "好奇"}).status_code == 403
    assert AuditRecord.objects.filter(action="errors.lead.unseal").count() == 1
