from django.urls import path

from zeroerror.reception.views import reports, standards

app_name = "reception"

urlpatterns = [
    path("", reports.home, name="home"),
    path("reports/", reports.report_list, name="list"),
    path("reports/new/", reports.report_new, name="new"),
    path("<int:pk>/", reports.report_detail, name="detail"),
    path("<int:pk>/arrange/", reports.report_arrange, name="arrange"),
    path("<int:pk>/reassign/", reports.report_reassign, name="reassign"),
    path("<int:pk>/withdraw/", reports.report_withdraw, name="withdraw"),
    path("<int:pk>/complete/", reports.report_complete, name="complete"),
    path("standards/", standards.standards, name="standards"),
    path("standards/new/", standards.standard_edit, name="standard_new"),
    path("standards/<int:pk>/", standards.standard_edit, name="standard_edit"),
]
