from django.urls import path

from zeroerror.attachments import views

app_name = "attachments"
urlpatterns = [path("<uuid:uid>/", views.download, name="download")]
