from django.urls import path

from zeroerror.documents import views, views_agency, views_docx

app_name = "documents"
urlpatterns = [
    path("", views.index, name="index"),
    path("outgoing/", views.outgoing_list, name="outgoing_list"),
    path("outgoing/new/", views.outgoing_create, name="outgoing_create"),
    path("outgoing/<int:pk>/", views.outgoing_detail, name="outgoing_detail"),
    path("outgoing/<int:pk>/edit/", views.outgoing_edit, name="outgoing_edit"),
    path("outgoing/<int:pk>/docx/", views_docx.outgoing_docx, name="outgoing_docx"),
    path("outgoing/<int:pk>/pdf/", views_docx.outgoing_docx, {"fmt": "pdf"}, name="outgoing_pdf"),
    path("outgoing/<int:pk>/preview/", views_docx.outgoing_preview, name="outgoing_preview"),
    path("outgoing/<int:pk>/preview.pdf", views_docx.outgoing_preview, {"fmt": "pdf"}, name="outgoing_preview_pdf"),
    path("agency-codes/", views_agency.agency_codes, name="agency_codes"),
    path("time-limits/", views_agency.time_limits, name="time_limits"),
    path("senders/", views_agency.senders, name="senders"),
    path("agency-codes/<int:pk>/", views_agency.agency_code_edit, name="agency_code_edit"),
    path("outgoing/<int:pk>/<slug:step>/", views.outgoing_step, name="outgoing_step"),
    path("numbers/", views.number_register, name="numbers"),
    path("incoming/", views.incoming_list, name="incoming_list"),
    path("incoming/stats/", views.incoming_stats, name="incoming_stats"),
    path("incoming/new/", views.incoming_create, name="incoming_create"),
    path("incoming/<int:pk>/", views.incoming_detail, name="incoming_detail"),
    path("incoming/<int:pk>/<slug:step>/", views.incoming_step, name="incoming_step"),
]
