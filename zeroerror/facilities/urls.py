from django.urls import path

from zeroerror.facilities.views import places, rounds

app_name = "facilities"
urlpatterns = [
    path("", rounds.home, name="home"),
    path("my/", rounds.my_rounds, name="my"),
    path("week/", rounds.week_sheet, name="week"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round"),
    path("rounds/<int:pk>/tick/", rounds.round_tick, name="round_tick"),
    path("places/", places.place_list, name="places"),
    path("places/new/", places.place_create, name="place_create"),
    path("places/<int:pk>/", places.place_edit, name="place_edit"),
    path("places/<int:pk>/visit/", places.place_visit, name="place_visit"),
]
