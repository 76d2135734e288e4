from django.urls import path

from zeroerror.reception.views import archive, bills, plans, reports, route, standards

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
    path("<int:pk>/plan/draft/", plans.plan_draft, name="plan_draft"),
    path("<int:pk>/plan/edit/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/plan/submit/", plans.plan_submit, name="plan_submit"),
    path("<int:pk>/plan/approve/", plans.plan_approve, name="plan_approve"),
    path("<int:pk>/plan/return/", plans.plan_return, name="plan_return"),
    path("<int:pk>/slots/new/", plans.slot_new, name="slot_new"),
    path("<int:pk>/slots/<int:sid>/", plans.slot_edit, name="slot_edit"),
    path("<int:pk>/slots/<int:sid>/remove/", plans.slot_remove, name="slot_remove"),
    path("<int:pk>/slots/<int:sid>/check/", route.site_check, name="site_check"),
    path("<int:pk>/changes/new/", route.change_new, name="change_new"),
    path("<int:pk>/changes/slot/<int:sid>/", route.change_slot, name="change_slot"),
    path("<int:pk>/changes/slot/<int:sid>/remove/", route.change_remove, name="change_remove"),
    path("<int:pk>/changes/<int:cid>/decide/", route.change_decide, name="change_decide"),
    path("<int:pk>/etiquette/<int:eid>/", route.etiquette_set, name="etiquette_set"),
    path("<int:pk>/etiquette/report/", route.etiquette_report, name="etiquette_report"),
    path("<int:pk>/bill/", bills.bill_new, name="bill"),
    path("<int:pk>/special/", bills.special_new, name="special"),
    path("<int:pk>/files/", archive.file_upload, name="file_upload"),
    path("<int:pk>/archive/", archive.archive, name="archive"),
    path("<int:pk>/archive.zip", archive.dossier, name="dossier"),
    path("<int:pk>/print/plan.<str:fmt>", archive.print_plan, name="print_plan"),
    path("<int:pk>/print/approval.<str:fmt>", archive.print_approval, name="print_approval"),
    path("standards/", standards.standards, name="standards"),
    path("standards/new/", standards.standard_edit, name="standard_new"),
    path("standards/<int:pk>/", standards.standard_edit, name="standard_edit"),
]
