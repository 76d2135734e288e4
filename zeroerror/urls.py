from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

from zeroerror.accounts.views import LoginView
from zeroerror.core import views as core_views

handler403 = "zeroerror.audit.refusals.forbidden"
handler404 = "zeroerror.audit.refusals.not_found"

admin.site.site_header = "零差错办公管理系统 · 后台配置"
admin.site.site_title = "零差错办公管理系统"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("healthz", core_views.healthz, name="healthz"),
    path("notifications/", core_views.notifications, name="notifications"),
    path("notifications/read/", core_views.notifications_read, name="notifications_read"),
    path("area/<slug:code>/", core_views.area, name="area"),
    path("org/", include("zeroerror.org.urls")),
    path("tracking/", include("zeroerror.tracking.urls")),
    path("audit/", include("zeroerror.audit.urls")),
    path("calendar/", include("zeroerror.workdays.urls")),
    path("files/", include("zeroerror.attachments.urls")),
    path("proofread/", include("zeroerror.proofread.urls")),
    path("documents/", include("zeroerror.documents.urls")),
    path("meetings/", include("zeroerror.meetings.urls")),
    path("secrecy/", include("zeroerror.secrecy.urls")),
    path("reception/", include("zeroerror.reception.urls")),
    path("seals/", include("zeroerror.seals.urls")),
    path("facilities/", include("zeroerror.facilities.urls")),
    path("vehicles/", include("zeroerror.vehicles.urls")),
    path("disclosure/", include("zeroerror.disclosure.urls")),
    path("finance/", include("zeroerror.finance.urls")),
    path("errors/", include("zeroerror.errors.urls")),
    path("account/", include("zeroerror.accounts.urls")),
    # one login (lockout, second factor) and one password change for the admin too
    path("admin/login/", login_not_required(RedirectView.as_view(url="/login/", query_string=True))),
    path("admin/password_change/", RedirectView.as_view(pattern_name="accounts:password")),
    path("admin/", admin.site.urls),
]
