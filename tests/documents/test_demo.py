from django.utils import timezone

from zeroerror.documents.demo import build_documents
from zeroerror.documents.models import DocumentNumber, IncomingDocument, OutgoingDocument
from zeroerror.org.demo import build_org
from zeroerror.tracking.models import TrackedItem


def test_the_demo_unit_gets_a_year_of_documents_at_every_step(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    said = []
    build_org(said.append)
    build_documents(said.append)
    count = OutgoingDocument.objects.count()
    assert count >= 5 and IncomingDocument.objects.count() >= 6
    statuses = set(OutgoingDocument.objects.values_list("status", flat=True))
    assert {"draft", "first_read_passed", "printed", "distributed", "archived"} <= statuses
    assert {"registered", "returned", "handling", "done", "archived"} <= set(
        IncomingDocument.objects.values_list("status", flat=True))
    numbers = list(DocumentNumber.objects.order_by("seq"))
    assert [n.seq for n in numbers] == list(range(1, len(numbers) + 1))
    assert [n.issued_at for n in numbers] == sorted(n.issued_at for n in numbers)  # numbers follow time
    assert OutgoingDocument.objects.classified().get().secure_printing
    stats = {r["main_department__name"]: r for r in IncomingDocument.objects.on_time_by_department()}
    assert any(r["on_time"] < r["finished"] for r in stats.values())
    overdue = TrackedItem.objects.filter(area="documents").active().filter(due_at__lt=timezone.now())
    assert overdue.filter(title__startswith="承办").exists()
    build_documents(said.append)
    assert "已存在" in said[-1] and OutgoingDocument.objects.count() == count
