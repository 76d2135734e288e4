from django.urls import path

from zeroerror.vehicles.views import fleet, printouts, trips, upkeep

app_name = "vehicles"

urlpatterns = [
    path("", fleet.vehicle_list, name="vehicles"),
    path("new/", fleet.vehicle_create, name="vehicle_create"),
    path("<int:pk>/", fleet.vehicle_detail, name="vehicle"),
    path("<int:pk>/edit/", fleet.vehicle_edit, name="vehicle_edit"),
    path("<int:pk>/readings/<int:reading_pk>/correct/", fleet.reading_correct, name="reading_correct"),
    path("providers/", fleet.provider_list, name="providers"),
    path("providers/new/", fleet.provider_create, name="provider_create"),
    path("trips/", trips.trip_list, name="trips"),
    path("trips/request/", trips.trip_request, name="trip_request"),
    path("trips/log/", trips.trip_log, name="trip_log"),
    path("trips/<int:pk>/", trips.trip_detail, name="trip"),
    path("trips/<int:pk>/decide/", trips.trip_decide, name="trip_decide"),
    path("trips/<int:pk>/depart/", trips.trip_depart, name="trip_depart"),
    path("trips/<int:pk>/return/", trips.trip_return, name="trip_return"),
    path("trips/<int:pk>/cancel/", trips.trip_cancel, name="trip_cancel"),
    path("rounds/", upkeep.round_list, name="rounds"),
    path("rounds/<int:pk>/", upkeep.round_detail, name="round"),
    path("costs/", upkeep.cost_list, name="costs"),
    path("costs/new/", upkeep.cost_record, name="cost_record"),
    path("monthly/", upkeep.monthly, name="monthly"),
    path("monthly/register.<str:fmt>", printouts.register_download, name="register_download"),
    path("trips/<int:pk>/print.<str:fmt>", printouts.trip_print, name="trip_print"),
    path("notice/", printouts.notice, name="notice"),
    path("notice/notice.<str:fmt>", printouts.notice_download, name="notice_download"),
]
