from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zeroerror.core import views as core_views

admin.site.site_header = "零差错办公管理系统 · 后台配置"
admin.site.site_title = "零差错办公管理系统"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
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
    path("errors/", include("zeroerror.errors.urls")),
    path("admin/", admin.site.urls),
]
