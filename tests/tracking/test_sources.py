"""Who sees a tracked item is decided by the app that owns its source (tracking.sources), generically: the parties
to the item, plus whoever may see the source; unregistered sources only the parties; everything within the unit."""

import re
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from zeroerror.tracking import sources
from zeroerror.tracking.actions import do_create_tracked_item
from zeroerror.tracking.models import TrackedItem


def make(org, owner, *, source=None, title="事项", by=None):
    return do_create_tracked_item(title=title, owner=owner, due_at=timezone.now() + timedelta(days=3),
                                  area="general", source=source, actor=(by or org.director).user)


def test_an_item_from_an_unregistered_source_is_seen_by_its_parties_only(org, login):
    assert sources.get(org.office) is None  # a 科室 is nobody's registered source
    item = make(org, org.alice, source=org.office, title="来源未登记的事项", by=org.dora)
    for person in (org.alice, org.dora):
        assert login(person).get(f"/tracking/{item.pk}/").status_code == 200, person.name
    for person in (org.bob, org.leo, org.director, org.charlie):
        client = login(person)
        assert client.get(f"/tracking/{item.pk}/").status_code == 404, person.name
        assert "来源未登记的事项" not in client.get("/tracking/").content.decode(), person.name


def test_a_source_the_viewer_may_not_see_is_named_without_a_link(org, login):
    item = make(org, org.alice, source=org.alice.user, title="账号事项")  # also unregistered: no link for anyone
    page = login(org.alice).get(f"/tracking/{item.pk}/").content.decode()
    assert "<dt>来源</dt><dd>alice</dd>" in page


def test_a_second_unit_sees_nothing_of_the_first(org, other_unit, login):
    item = make(org, org.alice, title="本单位事项")
    for person in (other_unit.director, other_unit.principal, other_unit.auditor, other_unit.staff):
        client = login(person)
        assert client.get(f"/tracking/{item.pk}/").status_code == 404, person.name
        assert "本单位事项" not in client.get("/tracking/?status=all").content.decode(), person.name
    assert not TrackedItem.objects.visible_to(other_unit.director).exists()


def test_the_list_reads_a_constant_number_of_queries_across_source_types(org, login):
    from zeroerror.documents.actions import do_receive_incoming

    client = login(org.alice)
    do_receive_incoming(sender="市卫健委", actor=org.alice.user)
    with CaptureQueriesContext(connection) as few:
        html = client.get("/tracking/?status=all").content.decode()
    assert len(re.findall(r'href="/tracking/\d+/"', html)) == 1
    for i in range(6):
        do_receive_incoming(sender=f"来文机关{i}", actor=org.alice.user)
        make(org, org.alice, title=f"交办事项{i}")
    with CaptureQueriesContext(connection) as many:
        html = client.get("/tracking/?status=all").content.decode()
    assert len(re.findall(r'href="/tracking/\d+/"', html)) == 13 and "交办事项5" in html and "来文机关5" in html
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_notification_links_only_while_its_recipient_may_see_what_it_is_about(org, login):
    from django.db import transaction

    from zeroerror.tracking.models import Notification
    from zeroerror.tracking.notify import notify

    item = make(org, org.alice, source=org.office, title="只给当事人的事项")
    with transaction.atomic():
        notify([org.alice, org.bob], "关于事项", url=f"/tracking/{item.pk}/", about=item)
    assert Notification.objects.get(recipient=org.bob, title="关于事项").url == ""  # bob may not open it
    assert Notification.objects.get(recipient=org.alice, title="关于事项").url == f"/tracking/{item.pk}/"
    page = login(org.alice).get("/notifications/").content.decode()
    assert f'<a href="/tracking/{item.pk}/">关于事项</a>' in page
    # alice hands the item over: the old notification stays, its link goes
    TrackedItem.objects.filter(pk=item.pk).update(owner=org.dora, created_by=org.dora)
    page = login(org.alice).get("/notifications/").content.decode()
    assert "关于事项" in page and f'href="/tracking/{item.pk}/"' not in page
