from django.urls import path

from zeroerror.tracking import views

app_name = "tracking"
urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.item_create, name="create"),
    path("<int:pk>/", views.item_detail, name="detail"),
    path("<int:pk>/progress/", views.item_progress, name="progress"),
    path("<int:pk>/close/", views.item_close, name="close"),
    path("<int:pk>/chase/", views.item_chase, name="chase"),
    path("<int:pk>/attach/", views.item_attach, name="attach"),
]
