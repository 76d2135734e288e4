from django.urls import path

from zeroerror.proofread import views

app_name = "proofread"
urlpatterns = [
    path("", views.check, name="check"),
    path("<int:pk>/", views.session_detail, name="session"),
    path("<int:pk>/accept/", views.session_accept, name="accept"),
    path("<int:pk>/waive/", views.session_waive, name="waive"),
    path("<int:pk>/lexicon/", views.session_add_word, name="add_word"),
]
