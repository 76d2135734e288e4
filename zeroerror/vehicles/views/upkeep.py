"""Holiday sealing rounds, costs and the monthly fuel/cost figures (clause 一(三)9)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from zeroerror.core.access import person_of
from zeroerror.vehicles import access, actions, reports
from zeroerror.vehicles.forms import Moment, Reading
from zeroerror.vehicles.models import CostKind, Provider, Seal
from zeroerror.vehicles.views.common import month_of, require, run

OFFICE_ONLY = "只有办公室可以管理公务用车。"


class SealForm(forms.Form):
    vehicle = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31)
    odometer = Reading(label="里程表读数（公里）")
    at = Moment(label="时间")


class CostForm(forms.Form):
    vehicle = forms.ModelChoiceField(label="车辆", queryset=None)
    kind = forms.ChoiceField(label="费用类别", choices=CostKind.choices)
    incurred_on = forms.DateField(label="发生日期", widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label="金额（元）", max_digits=10, decimal_places=2)
    litres = forms.DecimalField(label="加油量（升）", max_digits=7, decimal_places=2, required=False)
    provider = forms.ModelChoiceField(label="服务单位（已登记）", queryset=None, required=False)
    provider_name = forms.CharField(label="其他服务单位名称", max_length=100, required=False,
                                    help_text="不在定点单位名单中的，填写名称（将标注为非定点并列为差错线索）")
    invoice_no = forms.CharField(label="票据号", max_length=40, required=False)
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vehicle"].queryset = access.Vehicle.objects.of_unit(unit)
        self.fields["provider"].queryset = Provider.objects.of_unit(unit).active()


def round_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    rounds = access.visible_rounds(person).order_by("-start")[:40]
    return render(request, "vehicles/rounds.html", {"title": "节假日封存", "rounds": rounds,
                                                    "can_manage": access.can_manage_fleet(person)})


def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_of(request)
    sealing_round = access.get_round_or_404(request, pk)
    manage = access.can_manage_fleet(person)
    form = SealForm(request.POST or None)
    if request.method == "POST":
        require(manage, OFFICE_ONLY)
        if form.is_valid():
            data = form.cleaned_data
            seal = Seal.objects.filter(round=sealing_round, vehicle_id=data["vehicle"]).first()
            vehicle = access.visible_vehicles(person).filter(pk=data["vehicle"]).first()
            if vehicle is None:
                form.add_error(None, "请选择本单位的车辆。")
            elif seal is None and run(form, lambda: actions.do_seal_vehicle(
                    sealing_round, vehicle, odometer=data["odometer"], sealed_at=data["at"], actor=request.user)):
                messages.success(request, f"{vehicle.plate} 已封存。")
                return redirect("vehicles:round", pk=sealing_round.pk)
            elif seal is not None and run(form, lambda: actions.do_unseal_vehicle(
                    seal, odometer=data["odometer"], unsealed_at=data["at"], actor=request.user)):
                messages.success(request, f"{vehicle.plate} 已启封。")
                return redirect("vehicles:round", pk=sealing_round.pk)
        for message in form.non_field_errors() + [e for f, errs in form.errors.items() if f != "__all__"
                                                 for e in errs]:
            messages.error(request, message)
    seals = {s.vehicle_id: s for s in Seal.objects.filter(round=sealing_round).with_related()}
    vehicles = access.visible_vehicles(person).active().order_by("plate")
    rows = [(v, seals.get(v.pk)) for v in vehicles]
    return render(request, "vehicles/round.html", {"title": str(sealing_round), "round": sealing_round,
                                                   "rows": rows, "can_manage": manage})


def cost_list(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.sees_all(person), "车辆费用由办公室登记，办公室、单位领导和督查人员可以查看。")
    year, month = month_of(request)
    costs = access.visible_costs(person).in_month(year, month).with_related().order_by("-incurred_on", "-pk")
    return render(request, "vehicles/costs.html", {"title": "车辆费用", "costs": costs,
                                                   "month": reports.month_label(year, month),
                                                   "can_manage": access.can_manage_fleet(person)})


def cost_record(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.can_manage_fleet(person), OFFICE_ONLY)
    form = CostForm(request.POST or None, unit=person.unit)
    if request.method == "POST" and form.is_valid():
        if run(form, lambda: actions.do_record_cost(actor=request.user, **form.cleaned_data)):
            messages.success(request, "费用已登记。")
            return redirect("vehicles:costs")
    return render(request, "vehicles/form.html", {"title": "登记车辆费用", "form": form, "back": "vehicles:costs"})


def monthly(request: HttpRequest) -> HttpResponse:
    person = person_of(request)
    require(access.sees_all(person), "月度油耗与运行费用由办公室、单位领导和督查人员查看。")
    year, month = month_of(request)
    rows, totals = reports.vehicle_months(person.unit, year, month)
    return render(request, "vehicles/monthly.html", {"title": "月度油耗与运行费用", "rows": rows, "totals": totals,
                                                     "month": reports.month_label(year, month)})
