"""Search, filters, .xlsx export and 按时办结率 — each only over the documents the person may see."""

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import IncomingDocument, OutgoingDocument
from zeroerror.tracking.models import TrackedItem

from .test_incoming import register, to_instructed


def rows(response):
    ws = load_workbook(io.BytesIO(response.content)).active
    return [[c.value for c in r] for r in ws.iter_rows()]


def test_search_finds_chinese_words_in_title_number_sender_and_body_across_years(docs):
    a = docs.make_outgoing(title="关于加强院感防控的通知", body="各科室要严格落实手卫生制度。")
    b = docs.make_outgoing(title="关于召开职代会的通知", body="定于下周召开职工代表大会。")
    OutgoingDocument.objects.filter(pk=b.pk).update(created_at=timezone.now() - timedelta(days=800))
    assert list(OutgoingDocument.objects.search("手卫生")) == [a]
    assert list(OutgoingDocument.objects.search("职工代表 召开")) == [b]
    assert not OutgoingDocument.objects.search("手卫生 职代会").exists()
    doc = register(docs, sender="青川县卫生健康局", number="青卫发〔2026〕12号")
    assert list(IncomingDocument.objects.search("卫生健康局")) == [doc]
    assert list(IncomingDocument.objects.search("青卫发〔2026〕12号")) == [doc]


@pytest.mark.clause("一(一)3")
def test_search_and_export_never_reach_a_classified_document_off_the_route(docs, login):
    docs.make_outgoing(title="关于涉密载体管理的通知", secrecy_level="secret", body="涉密载体一律登记。")
    docs.make_outgoing(title="关于载体采购的通知")
    client = login(docs.director)
    page = client.get("/documents/outgoing/", {"q": "载体"}).content.decode()
    assert "关于载体采购的通知" in page and "关于涉密载体管理的通知" not in page
    response = client.get("/documents/outgoing/", {"q": "载体", "export": "xlsx"})
    assert [r[1] for r in rows(response)] == ["标题", "关于载体采购的通知"]
    export = AuditRecord.objects.get(action="documents.export_list")
    assert export.kind == "export" and export.changes["count"] == 1
    auditor = login(docs.auditor).get("/documents/outgoing/", {"secrecy": "classified", "export": "xlsx"})
    assert [r[1] for r in rows(auditor)][1:] == ["关于涉密载体管理的通知"]


def test_filters_by_department_and_overdue(docs, login):
    late = to_instructed(docs, register(docs, number="青卫发〔2026〕1号"))
    actions.do_assign_incoming(late, main_department=docs.medical, actor=docs.alice.user)
    register(docs, number="青卫发〔2026〕2号", title="关于另一件事的通知")
    TrackedItem.objects.for_source(late).update(due_at=timezone.now() - timedelta(hours=1))
    assert list(IncomingDocument.objects.overdue()) == [late]
    client = login(docs.alice)
    page = client.get("/documents/incoming/", {"overdue": "1"}).content.decode()
    assert late.title in page and "关于另一件事的通知" not in page
    page = client.get("/documents/incoming/", {"department": str(docs.medical.pk)}).content.decode()
    assert late.title in page and "关于另一件事的通知" not in page


def test_on_time_rate_per_department(docs, login):
    for i, late in enumerate([False, True, False]):
        doc = to_instructed(docs, register(docs, number=f"青卫发〔2026〕{i + 1}号"))
        doc = actions.do_assign_incoming(doc, main_department=docs.medical, actor=docs.alice.user)
        if late:
            IncomingDocument.objects.filter(pk=doc.pk).update(handling_due_at=timezone.now() - timedelta(days=1))
        actions.do_complete_incoming(doc, result="已办结", actor=docs.medhead.user)
    open_doc = to_instructed(docs, register(docs, number="青卫发〔2026〕9号"))
    actions.do_assign_incoming(open_doc, main_department=docs.office, handler=docs.bob, actor=docs.alice.user)
    stats = {r["main_department__name"]: r for r in IncomingDocument.objects.on_time_by_department()}
    assert (stats["医务科"]["finished"], stats["医务科"]["on_time"]) == (3, 2)
    assert stats["办公室"]["open"] == 1
    page = login(docs.director).get("/documents/incoming/stats/").content.decode()
    assert "67%" in page and "医务科" in page


def test_a_title_typed_as_a_formula_is_exported_as_that_text(docs, login):
    title = '=HYPERLINK("http://evil.example/","点击领取")'
    docs.make_outgoing(title=title)
    response = login(docs.director).get("/documents/outgoing/", {"export": "xlsx"})
    ws = load_workbook(io.BytesIO(response.content)).active
    cell = ws["B2"]
    assert cell.value == title and cell.data_type == "s"
