"""The test unit's reception standards and helpers to register 客情. alice (office) is the usual handler; bob
(office) registers; charlie (medical) has no part; leo (in charge of the office) approves; director sets standards."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from zeroerror.reception.actions import do_register_report, do_set_standard


def later(days=0, hours=0, minutes=0):
    """A future moment (local), ``days`` ahead at 09:00 plus ``hours``/``minutes``."""
    base = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    return base + timedelta(days=days, hours=hours, minutes=minutes)


@pytest.fixture
def standards(org):
    county = do_set_standard(unit=org.unit, actor=None, level="县处级及以下", order=30,
                             meal_per_person=Decimal("80"), room_per_night=Decimal("350"))
    bureau = do_set_standard(unit=org.unit, actor=None, level="厅局级", order=20,
                             meal_per_person=Decimal("100"), room_per_night=Decimal("450"))
    return type("Standards", (), {"county": county, "bureau": bureau})


def report_data(standards, **kw):
    data = {
        "guest_unit": "市卫生健康委员会", "lead_guest": "张处长（医政医管处处长）", "guest_count": 4,
        "guest_list": "张处长\n李科长\n王科员\n赵科员", "purpose": "调研县域医共体建设",
        "arrive_at": later(days=5), "depart_at": later(days=5, hours=6), "contact_name": "刘干事",
        "contact_phone": "13900001111", "special_needs": "一人清真饮食", "letter_ref": "市卫健函〔2026〕12号",
        "standard": standards.county, "important": False, "source": "电话",
    }
    data.update(kw)
    return data


@pytest.fixture
def make_report(org, standards):
    def make(handler=None, actor=None, **kw):
        return do_register_report(handler=handler or org.alice, actor=(actor or org.bob).user,
                                  **report_data(standards, **kw))

    return make


def ago(hours=1):
    return timezone.now() - timedelta(hours=hours)


def fill(plan, org, *, place="行政楼三楼会议室", people=None, check=True, leader=None):
    """Give every slot a place and people, check every stop on site, name the presiding leader."""
    from zeroerror.reception.actions import do_record_site_check, do_update_plan, do_update_slot

    for s in plan.slots.current():
        do_update_slot(s, actor=org.alice.user, start_at=s.start_at, end_at=s.end_at, activity=s.activity,
                       place=place, people=people or [org.alice, org.bob], vehicle="川A·12345", is_stop=s.is_stop)
        if s.is_stop and check:
            do_record_site_check(s, checked_by=org.bob, checked_at=ago(), travel_minutes=15, notes="路况良好",
                                 actor=org.bob.user)
    do_update_plan(plan, presiding_leader=leader or org.leo, actor=org.alice.user)
    return type(plan).objects.get(pk=plan.pk)


@pytest.fixture
def drafted(org, make_report):
    from zeroerror.reception.actions import do_draft_plan

    def make(template="inspection", **kw):
        report = make_report(important=True, **kw)
        return do_draft_plan(report, template, actor=org.alice.user)

    return make


@pytest.fixture
def ready(org, drafted):
    def make(**kw):
        return fill(drafted(**kw), org)

    return make


@pytest.fixture
def approved_plan(org, ready):
    from zeroerror.reception.actions import do_approve_plan, do_submit_plan

    def make(**kw):
        plan = ready(**kw)
        do_submit_plan(plan, actor=org.alice.user)
        return do_approve_plan(plan, actor=org.leo.user)

    return make
