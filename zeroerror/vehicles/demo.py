"""Demo data for 公务用车 (clause 一(三)9): the designated providers, three vehicles and a year of their use — about
four hundred trips on working days with their odometer ledger, the holiday periods sealed and unsealed (a few approved
holiday trips, one driven without approval: a lead), monthly fuel at the designated station with one month of high
consumption, insurance and repairs, one fill-up elsewhere (a lead) — and today's requests through the actions."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from zeroerror.core.demo import register_demo_step
from zeroerror.org.demo import UNIT_NAME
from zeroerror.org.models import Person, Unit
from zeroerror.vehicles import actions
from zeroerror.vehicles.actions.common import holiday_period_of
from zeroerror.vehicles.actions.trips import _flag_holiday
from zeroerror.vehicles.models import (
    Cost,
    CostKind,
    OdometerReading,
    Provider,
    ProviderKind,
    ReadingKind,
    Seal,
    SealingRound,
    Trip,
    TripStatus,
)
from zeroerror.workdays.service import work_calendar

PROVIDERS = [(ProviderKind.INSURANCE, "人保财险青川支公司", "QCZFCG-2025-BX-03"),
             (ProviderKind.REPAIR, "青川县汽车修理厂", "QCZFCG-2025-WX-07"),
             (ProviderKind.FUEL, "中石化青川城关加油站", "QCZFCG-2025-JY-02")]
VEHICLES = [("川H·A0386", "大众帕萨特 1.4T", 5, "7.50", 86200), ("川H·B2217", "别克GL8 2.0T", 7, "10.50", 124500),
            ("川H·C6610", "丰田普拉多（应急保障）", 7, "11.80", 58900)]
TRIPS = [("赴县卫健局汇报工作", "青川县卫生健康局", 6), ("下乡义诊", "青川县乔庄镇卫生院", 48),
         ("医共体分院督导检查", "青川县木鱼镇中心卫生院", 62), ("赴市卫健委参加会议", "广元市卫生健康委员会", 112),
         ("送检验标本", "广元市疾病预防控制中心", 110), ("接送对口支援专家", "广元东站", 118),
         ("家庭医生签约服务督导", "青川县竹园镇卫生院", 40), ("赴县医保局报送材料", "青川县医疗保障局", 5),
         ("公共卫生项目检查", "青川县沙州镇卫生院", 72), ("赴县财政局办理业务", "青川县财政局", 4)]
REQUESTERS = ["huanglei", "luofang", "zhoumin", "guowei", "yangfan", "liangyu", "caoyang", "pengfei", "liwenhua",
              "chenzhiqiang", "xuqiang", "linfang"]
HOLIDAY_WORK = ("护送危重病人转院", "应急药品调运", "节日值班领导带班检查")
FUEL_PRICE = Decimal("7.62")


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


@register_demo_step(77, "公务用车")
def build_vehicles(say) -> None:
    unit = Unit.objects.filter(name=UNIT_NAME).first()
    if unit is None:
        say("演示单位尚未建立，跳过公务用车。")
        return
    if Provider.objects.of_unit(unit).exists():
        say("公务用车演示数据已存在，跳过。")
        return
    people = {p.user.username: p for p in Person.objects.active().filter(unit=unit).select_related("user",
                                                                                                   "department")}
    office = people["zhoumin"].user
    providers = {kind: actions.do_create_provider(kind=kind, name=name, contract_no=no, address="青川县乔庄镇",
                                                  actor=office) for kind, name, no in PROVIDERS}
    start = timezone.localdate() - timedelta(days=365)
    vehicles = [actions.do_create_vehicle(
        plate=plate, model=model, seats=seats, rated_consumption=Decimal(rated), odometer=km,
        odometer_at=_at(start - timedelta(days=1), 18), insurer=providers[ProviderKind.INSURANCE],
        repair_shop=providers[ProviderKind.REPAIR], fuel_station=providers[ProviderKind.FUEL], parking=parking,
        actor=office) for (plate, model, seats, rated, km), parking in zip(VEHICLES, ("行政楼地下车库 1 号位",
                                                                                   "行政楼地下车库 2 号位",
                                                                                   "急诊楼东侧应急车位"),
                                                                        strict=True)]
    year = _Year(unit, people, vehicles, start, random.Random(2026))
    with transaction.atomic():
        year.build()
    if year.unapproved is not None:  # the holiday trip driven without approval: a lead, as the action proposes it
        with transaction.atomic(durable=True):
            _flag_holiday(year.unapproved, year.unapproved.out_at, year.unapproved.back_at, actor=office)
    elsewhere = year.fuel_days[len(year.fuel_days) // 2]
    actions.do_record_cost(vehicle=vehicles[1], kind=CostKind.FUEL, incurred_on=elsewhere, amount=Decimal("381.00"),
                           litres=Decimal("50.00"), provider_name="中石油绵广高速服务区加油站",
                           incurred_by=people["machao"], invoice_no="No.51029911", note="长途返程途中加油",
                           actor=office)
    today = _today(people, vehicles)
    say(f"定点服务单位 {len(providers)} 家，车辆 {len(vehicles)} 辆；过去一年出车 {year.trips} 次（节假日封存 "
        f"{year.rounds} 次，节假日用车 {year.holiday_trips} 次，其中 1 次无审批）；费用 {year.costs} 笔；近两日用车申请 {today} 次。")


class _Year:
    """A year of use as the actions leave it once done, written in bulk (the actions refuse most past moments)."""

    def __init__(self, unit, people, vehicles, start: date, rnd: random.Random):
        self.unit, self.people, self.vehicles, self.start, self.rnd = unit, people, vehicles, start, rnd
        self.driver, self.office = people["machao"], people["zhoumin"]
        self.km = {v.pk: v.odometer for v in vehicles}
        self.monthly_km: dict[tuple[int, int, int], int] = {}
        self.trips = self.rounds = self.holiday_trips = self.costs = 0
        self.unapproved: Trip | None = None
        self.fuel_days: list[date] = []

    def build(self) -> None:
        calendar = work_calendar()
        day, today = self.start, timezone.localdate()
        while day < today:
            period = holiday_period_of(day)
            if period is not None and period.start == day:
                self._holiday(period)
                day = period.end + timedelta(days=1)
                continue
            if calendar.is_workday(day):
                for hour in sorted(self.rnd.sample((8, 14), self.rnd.choice((1, 1, 2)))):
                    self._trip(day, hour)
            day += timedelta(days=1)
        for v in self.vehicles:
            v.odometer, v.odometer_at = self.km[v.pk], _at(today - timedelta(days=1), 18)
            v.save(update_fields=["odometer", "odometer_at"])
        self._costs()

    def _reading(self, vehicle, kind, value, at, reason=""):
        return OdometerReading.objects.create(vehicle=vehicle, kind=kind, value=value, read_at=at, reason=reason,
                                              recorded_by=self.office, recorded_at=at)

    def _trip(self, day: date, hour: int, *, vehicle=None, purpose=None, holiday=None, approved=True) -> Trip:
        rnd = self.rnd
        vehicle = vehicle or rnd.choice(self.vehicles)
        text, place, one_way = purpose or TRIPS[rnd.randrange(len(TRIPS))]
        distance = max(2, 2 * one_way + rnd.randint(-3, 8))
        hours = 1 if one_way < 10 else (2 if one_way < 80 else 5)
        out_at, back_at = _at(day, hour, rnd.choice((0, 10, 20, 30))), _at(day, hour + hours, rnd.choice((0, 15, 40)))
        requester = self.people[rnd.choice(REQUESTERS)]
        approver = self.people["liwenhua" if holiday else ("zhoumin" if requester.user.username != "zhoumin"
                                                            else "liuyang")]
        odometer = self.km[vehicle.pk]
        self.km[vehicle.pk] = odometer + distance
        key = (vehicle.pk, day.year, day.month)
        self.monthly_km[key] = self.monthly_km.get(key, 0) + distance
        trip = Trip.objects.create(
            unit=self.unit, vehicle=vehicle, driver=self.driver, requester=requester, department=requester.department,
            purpose=text, destinations=place, planned_out_at=out_at, planned_back_at=back_at, out_at=out_at,
            back_at=back_at, status=TripStatus.RETURNED, created_by=requester,
            created_at=out_at - timedelta(days=1), holiday=holiday is not None,
            holiday_name=holiday.name if holiday else "",
            holiday_reason=text if holiday and approved else "", holiday_approved=bool(holiday and approved),
            unrequested=not approved, late_reason="" if approved else "节日期间临时用车，事后补登",
            approved_by=approver if approved else None,
            approved_at=out_at - timedelta(hours=rnd.randint(2, 20)) if approved else None,
            out_reading=self._reading(vehicle, ReadingKind.OUT, odometer, out_at),
            in_reading=self._reading(vehicle, ReadingKind.IN, odometer + distance, back_at))
        if rnd.random() < 0.3:
            trip.passengers.set(rnd.sample([p for u, p in self.people.items() if u in REQUESTERS and p != requester],
                                           min(2, vehicle.seats - 1)))
        self.trips += 1
        return trip

    def _holiday(self, period) -> None:
        """Seal every vehicle the evening before, drive the approved holiday trips, unseal the morning after."""
        rnd = self.rnd
        sealing_round = SealingRound.objects.create(unit=self.unit, name=period.name, start=period.start,
                                                    end=period.end, created_at=_at(period.start - timedelta(days=7), 9))
        sealed_at = _at(period.start - timedelta(days=1), 17, 30)
        seals = {v.pk: Seal.objects.create(round=sealing_round, vehicle=v, sealed_by=self.office, sealed_at=sealed_at,
                                           sealed_reading=self._reading(v, ReadingKind.SEAL, self.km[v.pk], sealed_at,
                                                                        f"{period.name}封存"))
                 for v in self.vehicles}
        if period.days >= 3:
            day = period.start + timedelta(days=rnd.randint(1, period.days - 2))
            work = rnd.choice(HOLIDAY_WORK)
            self._trip(day, 9, vehicle=self.vehicles[2], purpose=(work, "广元市中心医院", 110), holiday=period)
            self.holiday_trips += 1
            if self.unapproved is None and period.days >= 7:
                self.unapproved = self._trip(day + timedelta(days=1), 10, vehicle=self.vehicles[0],
                                             purpose=("接站", "广元东站", 118), holiday=period, approved=False)
                self.holiday_trips += 1
        unsealed_at = _at(period.end + timedelta(days=1), 7, 50)
        for v in self.vehicles:
            seal = seals[v.pk]
            seal.unsealed_reading = self._reading(v, ReadingKind.UNSEAL, self.km[v.pk], unsealed_at,
                                                  f"{period.name}启封")
            seal.unsealed_by, seal.unsealed_at, seal.unexplained_km = self.office, unsealed_at, 0
            seal.save()
        self.rounds += 1

    def _costs(self) -> None:
        rnd, costs = self.rnd, []
        fuel = self.vehicles[0].fuel_station
        for (vehicle_pk, year, month), km in sorted(self.monthly_km.items()):
            vehicle = next(v for v in self.vehicles if v.pk == vehicle_pk)
            factor = Decimal("1.32") if (vehicle_pk, month) == (self.vehicles[1].pk, 7) else Decimal(
                rnd.choice(("0.94", "0.98", "1.00", "1.03", "1.06")))
            litres = (Decimal(km) * vehicle.rated_consumption / 100 * factor).quantize(Decimal("0.01"))
            day = min(date(year, month, 25), timezone.localdate() - timedelta(days=1))
            self.fuel_days.append(day)
            costs.append(Cost(unit=self.unit, vehicle=vehicle, kind=CostKind.FUEL, incurred_on=day, litres=litres,
                              amount=(litres * FUEL_PRICE).quantize(Decimal("0.01")), provider=fuel,
                              provider_name=fuel.name, invoice_no=f"No.{rnd.randint(10000000, 99999999)}",
                              recorded_by=self.office))
        for i, vehicle in enumerate(self.vehicles):
            insured = self.start + timedelta(days=40 + 90 * i)
            costs.append(Cost(unit=self.unit, vehicle=vehicle, kind=CostKind.INSURANCE, incurred_on=insured,
                              amount=Decimal(("4860.00", "6230.00", "7410.00")[i]), provider=vehicle.insurer,
                              provider_name=vehicle.insurer.name, note="交强险及商业险", recorded_by=self.office))
            costs.append(Cost(unit=self.unit, vehicle=vehicle, kind=CostKind.REPAIR, incurred_on=insured + timedelta(
                days=120), amount=Decimal(rnd.choice(("680.00", "1260.00", "2150.00"))), provider=vehicle.repair_shop,
                provider_name=vehicle.repair_shop.name, note="定期保养", recorded_by=self.office))
        Cost.objects.bulk_create(costs)
        self.costs = len(costs) + 1


def _today(people, vehicles) -> int:
    """Through the actions: a trip approved for the coming hours, and tomorrow's request waiting for approval."""
    now = timezone.now().replace(second=0, microsecond=0)
    office, driver = people["zhoumin"].user, people["machao"]
    trip = actions.do_request_trip(vehicle=vehicles[0], driver=driver, purpose="赴县卫健局报送年度考核材料",
                                   destinations="青川县卫生健康局", planned_out_at=now + timedelta(hours=1),
                                   planned_back_at=now + timedelta(hours=3), requester=people["huanglei"],
                                   holiday_reason="年度考核材料须按时报送", actor=office)
    actions.do_decide_trip(trip, approve=True, note="同意", actor=people["liuyang"].user)
    tomorrow = timezone.localdate() + timedelta(days=1)
    actions.do_request_trip(vehicle=vehicles[1], driver=driver, purpose="医共体分院督导检查",
                            destinations="青川县木鱼镇中心卫生院", planned_out_at=_at(tomorrow, 9),
                            planned_back_at=_at(tomorrow, 12), requester=people["luofang"],
                            holiday_reason="分院督导按计划进行", actor=office)
    return 2
