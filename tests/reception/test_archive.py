"""资料档案 (clause 一(三)8): filed after the activity within a deadline, exported as one .zip with an index."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.refusals import refused
from zeroerror.reception.actions import (
    archive_due,
    do_archive_report,
    do_complete_report,
    do_file_reception_file,
)
from zeroerror.reception.models import GuestReport, ReportStatus
from zeroerror.tracking.models import TrackedItem

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _left(report):
    """Move the visit into the past (the write paths refuse to register a past visit)."""
    start = timezone.now() - timedelta(days=1)
    GuestReport.objects.filter(pk=report.pk).update(arrive_at=start, depart_at=start + timedelta(hours=5))
    return GuestReport.objects.get(pk=report.pk)


@pytest.mark.clause("一(三)8")
def test_an_important_activity_must_be_archived_within_the_deadline(org, approved_plan):
    report = _left(approved_plan().report)
    do_complete_report(report, actor=org.alice.user)
    item = TrackedItem.objects.for_source(report).active().get()
    assert (item.clause_id, item.owner, item.due_at) == ("一(三)8", org.alice, archive_due(report))
    with refused("重要活动须将活动方案、相关材料、录音、录像、照片等归档：尚未上传任何资料。"):
        do_archive_report(report, actor=org.alice.user)
    do_file_reception_file(report, "合影.png", PNG, purpose="照片", actor=org.alice.user)
    do_archive_report(report, actor=org.alice.user)
    report.refresh_from_db()
    assert (report.status, report.archived_by) == (ReportStatus.ARCHIVED, org.alice)
    assert TrackedItem.objects.for_source(report).get(clause_id="一(三)8").status == "done"


def test_a_visit_not_yet_over_cannot_be_completed(org, approved_plan):
    report = approved_plan().report
    with refused("来宾尚未离开，不能登记接待完毕。"):
        do_complete_report(report, actor=org.alice.user)


@pytest.mark.clause("一(三)8")
def test_the_archive_zip_holds_the_plan_the_form_the_checks_the_bill_and_the_files(org, login, approved_plan):
    report = approved_plan().report
    do_file_reception_file(report, "合影.png", PNG, purpose="照片", actor=org.alice.user)
    response = login(org.director).get(f"/reception/{report.pk}/archive.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    z = zipfile.ZipFile(io.BytesIO(response.content))
    names = z.namelist()
    assert names[0] == "00-索引.txt"
    assert {"01-客情.txt", "02-接待方案.docx", "03-接待审批单.docx", "04-实地查验与线路变更.txt",
            "05-结算与标准核对.txt", "资料/01-照片-合影.png"} <= set(names)
    index = z.read("00-索引.txt").decode()
    assert "资料/01-照片-合影.png\t照片，艾丽上传于" in index and "02-接待方案.docx\t接待方案（已批准）" in index
    route = z.read("04-实地查验与线路变更.txt").decode()
    assert "鲍勃" in route and "实测车程15分钟" in route
    assert z.read("资料/01-照片-合影.png") == PNG


def test_others_cannot_export_or_upload(org, login, approved_plan):
    report = approved_plan().report
    assert login(org.charlie).get(f"/reception/{report.pk}/archive.zip").status_code == 404
    assert login(org.charlie).post(f"/reception/{report.pk}/files/", {"purpose": "照片"}).status_code == 404
