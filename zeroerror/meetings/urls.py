from django.urls import path

from zeroerror.meetings import views, views_dossier

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_create, name="create"),
    path("calendar/", views.calendar, name="calendar"),
    path("stats/", views.stats, name="stats"),
    path("rooms/", views.room_list, name="rooms"),
    path("rooms/new/", views.room_create, name="room_create"),
    path("rooms/<int:pk>/", views.room_edit, name="room_edit"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/attendees/", views.meeting_attendees, name="attendees"),
    path("<int:pk>/submit/", views.meeting_submit, name="submit"),
    path("<int:pk>/director-check/", views.meeting_director_check, name="director_check"),
    path("<int:pk>/approve/", views.meeting_approve, name="approve"),
    path("<int:pk>/return/", views.meeting_return, name="return"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="cancel"),
    path("<int:pk>/notify/", views.meeting_notify, name="notify"),
    path("<int:pk>/reply/", views.meeting_reply, name="reply"),
    path("<int:pk>/signin/desk/", views.signin_desk, name="signin_desk"),
    path("<int:pk>/signin/missing/", views.signin_missing, name="signin_missing"),
    path("<int:pk>/signin/qr.svg", views.signin_qr, name="signin_qr"),
    path("<int:pk>/signin/tick/<int:invitation_pk>/", views.signin_tick, name="signin_tick"),
    path("<int:pk>/signin/<str:token>/", views.signin, name="signin"),
    path("<int:pk>/checklist/<slug:kind>/", views.meeting_checklist, name="checklist"),
    path("<int:pk>/seating/", views.meeting_seating, name="seating"),
    path("<int:pk>/seating/swap/", views.seating_swap, name="seating_swap"),
    path("<int:pk>/seating/chart.pdf", views.seating_chart, name="seating_chart"),
    path("<int:pk>/seating/cards.pdf", views.seating_cards, name="seating_cards"),
    path("<int:pk>/minutes/", views.meeting_minutes, name="minutes"),
    path("<int:pk>/decisions/", views.meeting_decision, name="decision"),
    path("<int:pk>/dossier.zip", views_dossier.dossier, name="dossier"),
    path("<int:pk>/files/", views.meeting_attach, name="attach"),
]
