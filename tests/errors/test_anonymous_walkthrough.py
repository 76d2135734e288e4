"""Issue 9, "Done when": an anonymous report walked through evidence, verification, appeal and the ledger; then every
page, export, notification and audit view read as the accused, her 科室负责人, the 分管领导, 纪检监察室, the 审计管理员 and
the 院长 shows nothing that links the report to the reporter — not his name, account, address, upload or the time he
was at his desk. The only link is the sealed identity, opened once by the 绩效办负责人, and that opening is audited."""

import io
import re
from datetime import datetime, time, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from tests.factories import PASSWORD, PersonFactory, give_role
from zeroerror.attachments.models import Attachment
from zeroerror.audit.models import AuditRecord
from zeroerror.errors import anonymous
from zeroerror.errors.models import AnonymousSubmission, Lead, LeadEvent, LedgerEntry, SealedIdentity
from zeroerror.org.roles import Role
from zeroerror.rulebook.models import Clause
from zeroerror.tracking.models import Notification, TrackedItem

pytestmark = pytest.mark.django_db
ADDRESS = "10.9.8.7"


@pytest.fixture
def clock(monkeypatch, settings):
    """A controllable "now" on today's date (everything that asks timezone.now() sees it)."""
    settings.ANONYMOUS_BATCH_HOURS, settings.ANONYMOUS_MIN_DELAY_MINUTES = [12, 17], 60
    today = timezone.localdate()
    state = {"now": timezone.make_aware(datetime.combine(today, time(10, 0)))}
    monkeypatch.setattr(timezone, "now", lambda: state["now"])

    def at(hour, minute=0, second=0):
        state["now"] = timezone.make_aware(datetime.combine(today, time(hour, minute, second)))
        return state["now"]

    return at


def traces(text: str) -> list[str]:
    return [t for t in ("查理", "charlie", ADDRESS) if t in text]


@pytest.mark.clause("二.1(1)", "二.2(2)", "二.3")
def test_nothing_links_an_anonymous_report_to_its_reporter(team, login, clock):
    auditadmin = PersonFactory(user__username="auditadmin", name="严审计", department=team.info)
    give_role(auditadmin, Role.AUDIT_ADMIN)
    clause = Clause.objects.current().get(code="一(六)3")

    # 10:00 charlie signs in from his desk and reports alice anonymously, with a photo; then adds a second one
    clock(10, 0)
    reporter = Client(REMOTE_ADDR=ADDRESS)
    assert reporter.post("/login/", {"username": "charlie", "password": PASSWORD}).status_code == 302
    clock(10, 0, 30)
    page = reporter.post("/errors/report/", {
        "channel": "report", "clause": clause.pk, "person": team.alice.pk,
        "occurred_on": timezone.localdate().isoformat(), "description": "公章使用后未登记用印登记簿",
        "anonymous": "on", "evidence": _file("登记簿照片.txt", "登记簿第12页空白")}).content.decode()
    code = re.search(r'class="mono receipt-code">([A-Z0-9-]+)<', page).group(1)
    clock(10, 5)
    reporter.post("/errors/anonymous/", {"code": code, "evidence": _file("用印申请单.txt", "无审批签字")})
    clock(10, 6)
    reporter.post("/logout/")
    # the morning goes on: others work
    clock(11, 0)
    login(team.bob).get("/")
    clock(11, 30)
    login(team.perfstaff).get("/errors/")

    # 12:00 the batch registers the report and its evidence
    assert AnonymousSubmission.objects.count() == 2 and not Lead.objects.exists()
    clock(12, 0, 20)
    assert anonymous.register_anonymous_submissions(timezone.now()) == "登记匿名举报 1 件、补充证据 1 批"
    lead = Lead.objects.get()
    batch = clock(12, 0, 20).replace(second=0)
    assert lead.created_at == batch and lead.reporter is None and lead.anonymous

    # 13:00 charlie adds more with his code; 17:00 it is registered
    clock(13, 0)
    reporter = Client(REMOTE_ADDR=ADDRESS)
    reporter.post("/login/", {"username": "charlie", "password": PASSWORD})
    assert "待核查" in reporter.post("/errors/anonymous/", {"code": code}).content.decode()
    reporter.post("/errors/anonymous/", {"code": code, "evidence": _file("证人说明.txt", "办公室同事可证明")})
    clock(17, 0, 10)
    anonymous.register_anonymous_submissions(timezone.now())
    assert Attachment.objects.for_owner(lead).count() == 3

    # verification, appeal, ledger
    clock(17, 20)
    login(team.perfstaff).post(f"/errors/{lead.pk}/confirm/", {"severity": "serious", "note": "登记簿核实属实"})
    lead.refresh_from_db()
    assert lead.status == "confirmed"
    clock(17, 30)
    login(team.alice).post(f"/errors/{lead.pk}/appeal/", {"reasons": "当日系补登"})
    appeal = lead.appeals.get()
    clock(17, 40)
    login(team.perfhead).post(f"/errors/appeals/{appeal.pk}/decide/", {"upheld": "0", "reasons": "补登无记录"})
    month = f"{timezone.localdate():%Y-%m}"
    assert LedgerEntry.objects.active().filter(person=team.alice, month=month).exists()
    login(team.perfhead).post("/errors/ledger/close/", {"month": month})
    export = login(team.perfhead).get(f"/errors/ledger/export.xlsx?month={month}")
    assert export.status_code == 200

    # the 绩效办负责人 opens the sealed identity once: audited
    clock(17, 50)
    assert "查理" in login(team.perfhead).post(f"/errors/{lead.pk}/reporter/", {"reason": "核实"}).content.decode()
    assert AuditRecord.objects.filter(action="errors.lead.unseal", actor=team.perfhead.user).count() == 1

    # --- now read everything as each of them -------------------------------------------------------------------
    readers = {"当事人": team.alice, "科室负责人": team.dora, "分管领导": team.leo, "纪检监察室": team.auditor,
               "审计管理员": auditadmin, "院长": team.principal, "绩效办": team.perfstaff}
    seen_lead, papers_read = set(), set()
    for role, person in readers.items():
        client = login(person)
        urls = ["/", "/?tab=done", "/?tab=mine", "/notifications/", "/errors/", "/errors/mine/", "/errors/reports/",
                f"/errors/ledger/?month={month}", "/tracking/?status=all", "/area/errors/", f"/errors/{lead.pk}/",
                f"/errors/ledger/export.xlsx?month={month}", f"/errors/{lead.pk}/letter.docx",
                f"/errors/{lead.pk}/bulletin.docx", f"/errors/ledger/bulletin.docx?month={month}",
                f"/errors/ledger/finance.xlsx?month={month}", f"/errors/reports/monthly/?month={month}",
                f"/errors/reports/monthly/?month={month}&format=docx"]
        items = re.findall(r'href="/tracking/(\d+)/"', client.get("/tracking/?status=all").content.decode())
        urls += [f"/tracking/{pk}/" for pk in items]
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue
            body = readable(response)
            if url == "/errors/reports/":  # the 先进评比 roster lists everyone of the unit, charlie too
                body = body.split("年先进评比资格</h2>")[0]
            assert traces(body) == [], (role, url)
            if "html" not in response["Content-Type"]:
                assert body.strip(), (role, url)  # a paper was read, not skipped
                papers_read.add((role, url.split("?")[0].rsplit("/", 1)[-1] or "monthly-docx"))
            if url == f"/errors/{lead.pk}/":
                seen_lead.add(role)
                assert "匿名举报" in body and "查看匿名举报人身份" not in body
                for uid in re.findall(r'href="/files/([0-9a-f-]+)/"', body):
                    download = client.get(f"/files/{uid}/")
                    assert download.status_code == 200 and traces(str(download.headers)) == [], (role, uid)
        if person.is_auditor:
            _audit_view_shows_no_link(client, lead)
    assert seen_lead >= {"当事人", "科室负责人", "分管领导", "院长"}
    assert papers_read >= {("当事人", "letter.docx"), ("绩效办", "finance.xlsx"), ("绩效办", "bulletin.docx"),
                           ("院长", "monthly-docx")}

    # --- and in the records behind the pages --------------------------------------------------------------------
    charlie = team.charlie
    assert not Lead.objects.filter(reporter=charlie).exists()
    assert not LeadEvent.objects.filter(actor=charlie).exists()
    assert not Attachment.objects.filter(uploaded_by=charlie).exists()
    assert not Notification.objects.filter(recipient=charlie).exists()
    assert not TrackedItem.objects.filter(owner=charlie).exists()
    assert all(traces(f"{m.subject} {m.body}") == [] for m in mail.outbox)
    assert set(AuditRecord.objects.filter(actor=charlie.user).values_list("action", flat=True)) <= {
        "auth.login", "auth.logout"}
    assert set(AuditRecord.objects.filter(ip=ADDRESS).values_list("action", flat=True)) <= {"auth.login", "auth.logout"}
    sealed = SealedIdentity.objects.get(lead=lead)
    assert sealed.name == "查理"  # the one link there is
    # the registration is dated at the batch, not at his session: others' records lie in between
    create = AuditRecord.objects.get(action="errors.lead.create")
    last_of_his = AuditRecord.objects.filter(actor=charlie.user, seq__lt=create.seq).order_by("-seq").first()
    assert create.at - last_of_his.at >= timedelta(hours=1)
    between = AuditRecord.objects.filter(seq__gt=last_of_his.seq, seq__lt=create.seq).exclude(actor=charlie.user)
    assert between.exists()


def readable(response) -> str:
    """The text a reader gets: the page, or every paragraph and cell of a downloaded .docx/.xlsx."""
    kind = response["Content-Type"]
    if "html" in kind:
        return response.content.decode("utf-8", "replace")
    if "wordprocessingml" in kind:
        doc = Document(io.BytesIO(response.content))
        return "\n".join([p.text for p in doc.paragraphs]
                         + [c.text for t in doc.tables for row in t.rows for c in row.cells])
    if "spreadsheetml" in kind:
        wb = load_workbook(io.BytesIO(response.content))
        return "\n".join(str(v) for ws in wb for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    return ""


def _audit_view_shows_no_link(client, lead):
    """The trail still has his logins (with his address): no record about the lead or its files has an actor or an
    address, and nothing names him but those logins."""
    rows = []
    for query in ("", f"?q=差错线索+%23{lead.pk}", "?q=errors", "?q=attachments", "?q=charlie", f"?q={ADDRESS}"):
        page = client.get(f"/audit/{query}")
        assert page.status_code == 200
        rows += re.findall(r"<tr>(.*?)</tr>", page.content.decode(), re.S)
    assert any("errors.lead.create" in row for row in rows) and any("attachments.upload" in row for row in rows)
    assert any("auth.login" in row and ADDRESS in row for row in rows)  # his login is there, as it should be
    for row in rows:
        if traces(row):
            assert "auth.login" in row or "auth.logout" in row or "audit.search" in row, row


def _file(name, text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode())
