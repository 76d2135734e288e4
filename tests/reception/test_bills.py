"""The actual bill against the standard (clause 一(三)7, 二 财务 2)."""

from decimal import Decimal

import pytest

from tests.refusals import refused
from zeroerror.errors.models import Lead
from zeroerror.reception.actions import do_arrange_report, do_grant_special_approval, do_record_bill
from zeroerror.reception.models import Bill, OverStandardAttempt


def bill(**kw):
    data = {"guests": 4, "accompanying": 3, "meals": 1, "meal_total": Decimal("560"), "room_nights": 0,
            "room_total": Decimal("0"), "other_total": Decimal("0"), "invoice_ref": "No.00123456"}
    data.update(kw)
    return data


@pytest.fixture
def arranged(org, make_report):
    def make(**kw):
        return do_arrange_report(make_report(**kw), "三楼接待室座谈，食堂工作餐", actor=org.alice.user)

    return make


@pytest.mark.clause("一(三)7")
def test_a_bill_within_the_standard_is_recorded(org, arranged):
    report = arranged()
    b = do_record_bill(report, actor=org.alice.user, **bill())
    assert (b.total, b.recorded_by, b.special_approval) == (Decimal("560.00"), org.alice, None)


@pytest.mark.clause("一(三)7")
def test_a_bill_above_the_standard_without_approval_is_refused_and_the_attempt_is_a_lead(org, arranged):
    report = arranged()
    with refused("工作餐 100.00 元/人/餐，超过县处级及以下标准 80.00 元",
                 "超出接待标准且无领导特别批准，不予结算；已记录并提出差错线索（一(三)7）。", unchanged=False):
        do_record_bill(report, actor=org.alice.user, **bill(meal_total=Decimal("700")))
    assert not Bill.objects.exists()
    attempt = OverStandardAttempt.objects.get()
    assert (attempt.person, attempt.excesses) == (org.alice, ["工作餐 100.00 元/人/餐，超过县处级及以下标准 80.00 元"])
    lead = Lead.objects.for_source(attempt).get()
    assert (lead.clause.code, lead.person, lead.status) == ("一(三)7", org.alice, "proposed")
    assert "接待结算超出接待标准且无领导特别批准" in lead.description


@pytest.mark.clause("一(三)7")
def test_with_the_leaders_special_approval_the_bill_is_recorded(org, arranged):
    report = arranged()
    approval = do_grant_special_approval(report, meal_per_person=Decimal("100"), room_per_night=Decimal("350"),
                                         accompanying=3, reason="外宾陪同，上级要求", actor=org.leo.user)
    b = do_record_bill(report, actor=org.alice.user, **bill(meal_total=Decimal("700")))
    assert b.special_approval == approval
    with refused("工作餐 110.00 元/人/餐，超过特别批准 100.00 元",
                 "超出接待标准且无领导特别批准，不予结算；已记录并提出差错线索（一(三)7）。", unchanged=False):
        do_record_bill(report, actor=org.alice.user, supersedes=b, **bill(meal_total=Decimal("770"), note="补记"))


@pytest.mark.clause("一(三)7")
def test_only_a_leader_grants_a_special_approval(org, arranged):
    report = arranged()
    for person in (org.alice, org.director):
        with refused("超标准接待须经主要领导或分管办公室的领导特别批准。"):
            do_grant_special_approval(report, meal_per_person=Decimal("100"), room_per_night=Decimal("350"),
                                      accompanying=3, reason="x", actor=person.user)


def test_a_correction_is_a_new_explained_entry(org, arranged):
    report = arranged()
    first = do_record_bill(report, actor=org.alice.user, **bill())
    with refused("该接待已有结算：更正请登记新的结算并说明原因。"):
        do_record_bill(report, actor=org.alice.user, **bill(meal_total=Decimal("500")))
    with refused("更正结算须说明原因。"):
        do_record_bill(report, actor=org.alice.user, supersedes=first, **bill(meal_total=Decimal("500")))
    second = do_record_bill(report, actor=org.alice.user, supersedes=first,
                            **bill(meal_total=Decimal("500"), note="发票金额录错"))
    assert list(Bill.objects.order_by("pk")) == [first, second] and second.supersedes == first


@pytest.mark.parametrize(("change", "message"), [
    ({"guests": 0}, "实际来宾人数须在 1 至 5000 之间。"),
    ({"meal_total": Decimal("-1")}, "餐费合计须在 0 至 9999999.99 元之间。"),
    ({"meal_total": "1e999"}, "餐费合计须在 0 至 9999999.99 元之间。"),
    ({"invoice_ref": " "}, "请填写发票号。"),
])
def test_bad_bill_figures_are_refused(org, arranged, change, message):
    report = arranged()
    with refused(message):
        do_record_bill(report, actor=org.alice.user, **bill(**change))


def test_no_bill_before_the_reception_is_arranged(org, make_report):
    report = make_report()
    with refused("接待方案（或接待安排）确定后才能登记结算。"):
        do_record_bill(report, actor=org.alice.user, **bill())
