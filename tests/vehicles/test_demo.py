"""The 公务用车 demo step: a year of trips with holidays sealed, costs with their outliers and leads, run once."""

from tests.demo_steps import run
from tests.refusals import nothing_changes
from zeroerror.errors.models import Lead
from zeroerror.vehicles.demo import build_vehicles
from zeroerror.vehicles.models import Cost, OdometerReading, Seal, SealingRound, Trip, TripStatus, Vehicle


def test_it_builds_a_year_of_vehicle_use_once(db, settings, tmp_path):
    from zeroerror.org.demo import build_org

    settings.DATA_DIR = tmp_path
    run(build_org)
    said = run(build_vehicles)
    assert "过去一年出车" in said
    assert Vehicle.objects.count() == 3
    driven = Trip.objects.filter(status=TripStatus.RETURNED)
    assert 300 <= driven.count() <= 600
    assert SealingRound.objects.count() >= 5 and not Seal.objects.filter(unsealed_at__isnull=True).exists()
    assert Seal.objects.exclude(unexplained_km=0).count() == 0
    unapproved = Trip.objects.unapproved_holiday().get()
    assert Lead.objects.for_source(unapproved).get().clause.code == "一(三)9"
    assert driven.on_holiday().filter(holiday_approved=True).count() >= 4
    elsewhere = Cost.objects.get(at_designated=False)
    assert Lead.objects.for_source(elsewhere).exists()
    assert Trip.objects.filter(status=TripStatus.REQUESTED).count() == 1
    for vehicle in Vehicle.objects.all():  # the ledger never goes backwards
        values = list(OdometerReading.objects.of_vehicle(vehicle).order_by("read_at", "pk").values_list("value",
                                                                                                      flat=True))
        assert values == sorted(values) and vehicle.odometer == values[-1]
    with nothing_changes():  # a second demo run adds nothing
        assert "已存在" in run(build_vehicles)
