from django.urls import path

from zeroerror.finance.views import budget, expenses, home, standards

app_name = "finance"
urlpatterns = [
    path("", home.home, name="home"),
    path("report/", home.report, name="report"),
    path("report.xlsx", home.report_xlsx, name="report_xlsx"),
    path("lines/", budget.line_list, name="lines"),
    path("lines/new/", budget.line_create, name="line_create"),
    path("lines/<int:pk>/", budget.line_detail, name="line"),
    path("lines/<int:pk>/approve/", budget.line_approve, name="line_approve"),
    path("lines/<int:pk>/reject/", budget.line_reject, name="line_reject"),
    path("lines/<int:pk>/adjust/", budget.line_adjust, name="line_adjust"),
    path("adjustments/<int:pk>/approve/", budget.adjustment_approve, name="adjustment_approve"),
    path("adjustments/<int:pk>/reject/", budget.adjustment_reject, name="adjustment_reject"),
    path("expenses/", expenses.expense_list, name="expenses"),
    path("expenses/new/", expenses.expense_create, name="expense_create"),
    path("expenses/<int:pk>/", expenses.expense_detail, name="expense"),
    path("expenses/<int:pk>/approve/", expenses.expense_approve, name="expense_approve"),
    path("expenses/<int:pk>/reject/", expenses.expense_reject, name="expense_reject"),
    path("expenses/<int:pk>/withdraw/", expenses.expense_withdraw, name="expense_withdraw"),
    path("refusals/", expenses.refusal_list, name="refusals"),
    path("standards/", standards.standard_list, name="standards"),
    path("standards/new/", standards.standard_create, name="standard_create"),
    path("standards/<int:pk>/approve/", standards.standard_approve, name="standard_approve"),
    path("standards/<int:pk>/reject/", standards.standard_reject, name="standard_reject"),
    path("standards/<int:pk>/retire/", standards.standard_retire, name="standard_retire"),
    path("shops/new/", standards.shop_create, name="shop_create"),
    path("shops/<int:pk>/deactivate/", standards.shop_deactivate, name="shop_deactivate"),
]
