from django.urls import path

from zeroerror.org import views

app_name = "org"
urlpatterns = [
    path("departments/", views.departments, name="departments"),
    path("departments/<int:pk>/", views.department_detail, name="department"),
    path("departments/<int:pk>/charge/", views.department_charge, name="department_charge"),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/roles/", views.person_role_add, name="person_role_add"),
    path("roles/<int:pk>/end/", views.role_end, name="role_end"),
    path("role-requests/", views.role_requests, name="role_requests"),
    path("role-requests/<int:pk>/decide/", views.role_request_decide, name="role_request_decide"),
    path("supervision/", views.supervision_group, name="supervision"),
    path("roster/", views.roster_import, name="roster_import"),
    path("roster/template.xlsx", views.roster_template, name="roster_template"),
]
