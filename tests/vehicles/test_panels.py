"""公务用车's panels on the 政务接待 home (clause 一(三)9): today's trips, the vehicles sealed now and last month's
outliers — the outliers only for those who see all costs."""

import datetime as dt
from datetime import timedelta

from django.utils import timezone

from tests.pages import page
from zeroerror.vehicles import actions


def test_the_home_shows_todays_trips_and_the_sealed_vehicles(org, fleet, login, requested):
    now = timezone.now().replace(second=0, microsecond=0)
    requested(now - timedelta(minutes=5), now + timedelta(minutes=5), purpose="送病理标本",
              holiday_reason="急需送检")
    round_ = actions.do_open_sealing_round(day=dt.date(2025, 10, 3), actor=org.alice.user)
    from tests.vehicles.conftest import at

    actions.do_seal_vehicle(round_, fleet.van, odometer=50000, sealed_at=at(2025, 9, 30, 17), actor=org.alice.user)
    _, html = page(login(org.alice), "/reception/")
    assert "今日用车" in html and "送病理标本" in html
    assert "川H·B5678：国庆节、中秋节封存" in html and "50000 公里（艾丽）" in html
    assert "油耗与运行费用异常" in html


def test_staff_see_their_own_trip_today_and_no_fleet_panels(org, fleet, login, requested):
    now = timezone.now().replace(second=0, microsecond=0)
    requested(now - timedelta(minutes=5), now + timedelta(minutes=5), purpose="送病理标本",
              holiday_reason="急需送检")
    _, html = page(login(org.charlie), "/reception/")
    assert "送病理标本" in html and "封存中的车辆" not in html and "油耗与运行费用异常" not in html
    _, html = page(login(org.bob), "/reception/")
    assert "送病理标本" in html  # the office sees every trip
