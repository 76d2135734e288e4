from django.urls import path

from zeroerror.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path("verify/", views.verify, name="verify"),
    path("password/", views.password, name="password"),
    path("second-factor/", views.second_factor, name="second_factor"),
    path("second-factor/start/", views.second_factor_start, name="second_factor_start"),
    path("second-factor/confirm/", views.second_factor_confirm, name="second_factor_confirm"),
    path("second-factor/remove/", views.second_factor_remove, name="second_factor_remove"),
    path("second-factor/recovery-codes/", views.recovery_codes_regenerate, name="recovery_codes"),
    path("manage/", views.manage, name="manage"),
    path("manage/unlock/", views.unlock, name="unlock"),
    path("manage/<int:pk>/password/", views.reset_password, name="reset_password"),
    path("manage/<int:pk>/second-factor/", views.reset_second_factor, name="reset_second_factor"),
]
