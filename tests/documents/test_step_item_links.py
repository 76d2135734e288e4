"""A 收文's steps are tracked items; who sees them follows the document (clause 一(一)3), and nobody is offered a
link the document's route would refuse (issue 9 defect 2)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zeroerror.documents import actions
from zeroerror.tracking.actions import run_tick
from zeroerror.tracking.models import TrackedItem


@pytest.fixture
def secret(docs):
    doc = actions.do_receive_incoming(sender="青川县国家保密局", actor=docs.alice.user)
    return actions.do_register_incoming(
        doc, doc_number="青保发〔2026〕2号", title="关于开展保密检查的通知", secrecy_level="secret",
        secrecy_period="1年", received_on=timezone.localdate(), copies=1, pages=2, actor=docs.alice.user)


@pytest.mark.clause("一(一)3")
def test_an_escalated_step_of_a_classified_document_shows_no_dead_link(docs, login, secret):
    item = TrackedItem.objects.for_source(secret).active().get()  # 初审, alice's
    run_tick(item.due_at + timedelta(minutes=1))
    item.refresh_from_db()
    assert item.escalated_to == docs.dora  # the head sees the lapse, but is not on the document's route
    page = login(docs.dora).get(f"/tracking/{item.pk}/").content.decode()
    assert f"机密收文（#{secret.pk}）" in page and f'href="/documents/incoming/{secret.pk}/"' not in page
    assert "保密检查" not in page
    assert login(docs.dora).get(f"/documents/incoming/{secret.pk}/").status_code == 404
    owner = login(docs.alice)
    assert f'href="/documents/incoming/{secret.pk}/"' in owner.get(f"/tracking/{item.pk}/").content.decode()
    assert owner.get(f"/documents/incoming/{secret.pk}/").status_code == 200


@pytest.mark.clause("一(一)3")
def test_a_colleague_off_the_route_does_not_see_the_steps(docs, login, secret):
    item = TrackedItem.objects.for_source(secret).active().get()
    client = login(docs.bob)
    assert client.get(f"/tracking/{item.pk}/").status_code == 404
    assert f"机密收文（#{secret.pk}）" not in client.get("/tracking/?status=all").content.decode()
    assert f"机密收文（#{secret.pk}）" not in client.get("/area/documents/").content.decode()
