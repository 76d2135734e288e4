from django.urls import path

from zeroerror.disclosure import views, views_requests

app_name = "disclosure"
urlpatterns = [
    path("", views.home, name="home"),
    path("items/", views.item_list, name="items"),
    path("items/new/", views.item_create, name="item_create"),
    path("items/<int:pk>/", views.item_detail, name="item"),
    path("items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("items/<int:pk>/submit/", views.item_submit, name="item_submit"),
    path("items/<int:pk>/review/", views.item_review, name="item_review"),
    path("items/<int:pk>/approve/", views.item_approve, name="item_approve"),
    path("items/<int:pk>/return/", views.item_return, name="item_return"),
    path("items/<int:pk>/publish/", views.item_publish, name="item_publish"),
    path("items/<int:pk>/withdraw/", views.item_withdraw, name="item_withdraw"),
    path("requests/", views_requests.request_list, name="requests"),
    path("requests/new/", views_requests.request_create, name="request_create"),
    path("requests/<int:pk>/", views_requests.request_detail, name="request"),
    path("requests/<int:pk>/extend/", views_requests.request_extend, name="request_extend"),
    path("requests/<int:pk>/answer/", views_requests.request_answer, name="request_answer"),
    path("report/", views_requests.report, name="report"),
    path("report.xlsx", views_requests.report_download, name="report_xlsx"),
]
