from django.urls import path

from zeroerror.errors import views, views_anonymous, views_inspections, views_papers

app_name = "errors"
urlpatterns = [
    path("", views.lead_list, name="list"),
    path("report/", views.lead_report, name="report"),
    path("mine/", views.mine, name="mine"),
    path("anonymous/", views_anonymous.follow, name="anonymous"),
    path("<int:pk>/reporter/", views_anonymous.unseal, name="unseal"),
    path("<int:pk>/", views.lead_detail, name="detail"),
    path("<int:pk>/confirm/", views.lead_confirm, name="confirm"),
    path("<int:pk>/reject/", views.lead_reject, name="reject"),
    path("<int:pk>/severity/", views.lead_severity, name="severity"),
    path("<int:pk>/appeal/", views.lead_appeal, name="appeal"),
    path("<int:pk>/attach/", views.lead_attach, name="attach"),
    path("<int:pk>/withhold/<uuid:uid>/", views.lead_withhold, name="withhold"),
    path("inspections/items/<int:pk>/photo/", views_inspections.inspection_photo, name="inspection_photo"),
    path("<int:pk>/letter.docx", views_papers.letter_docx, name="letter_docx"),
    path("<int:pk>/letter.pdf", views_papers.letter_pdf, name="letter_pdf"),
    path("<int:pk>/bulletin.docx", views_papers.case_bulletin_docx, name="case_bulletin_docx"),
    path("appeals/<int:pk>/decide/", views.appeal_decide, name="appeal_decide"),
    path("inspections/", views_inspections.inspection_list, name="inspections"),
    path("inspections/new/", views_inspections.inspection_new, name="inspection_new"),
    path("inspections/<int:pk>/", views_inspections.inspection_detail, name="inspection_detail"),
    path("inspections/<int:pk>/complete/", views_inspections.inspection_complete, name="inspection_complete"),
    path("inspections/items/<int:pk>/record/", views_inspections.inspection_record, name="inspection_record"),
    path("reports/", views.reports, name="reports"),
    path("reports/monthly/", views_papers.monthly_report, name="monthly"),
    path("meeting/", views.meeting_agenda, name="meeting"),
    path("ledger/", views.ledger, name="ledger"),
    path("ledger/close/", views.ledger_close, name="ledger_close"),
    path("ledger/export.xlsx", views.ledger_export, name="ledger_export"),
    path("ledger/finance.xlsx", views.finance_export, name="finance_export"),
    path("ledger/bulletin.docx", views_papers.bulletin_docx, name="bulletin_docx"),
    path("pay/", views.pay_import, name="pay_import"),
    path("pay/template.xlsx", views.pay_template, name="pay_template"),
]
