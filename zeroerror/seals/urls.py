from django.urls import path

from zeroerror.seals.views import home, letters, register, requests, seals

app_name = "seals"
urlpatterns = [
    path("", home.home, name="home"),
    path("seals/", seals.seal_list, name="seals"),
    path("seals/new/", seals.seal_create, name="seal_create"),
    path("seals/appoint/", seals.appoint, name="appoint"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/new/", requests.request_create, name="request_create"),
    path("requests/<int:pk>/", requests.request_detail, name="request"),
    path("requests/<int:pk>/approve/", requests.request_approve, name="request_approve"),
    path("requests/<int:pk>/reject/", requests.request_reject, name="request_reject"),
    path("requests/<int:pk>/withdraw/", requests.request_withdraw, name="request_withdraw"),
    path("requests/<int:pk>/use/", requests.record_use, name="record_use"),
    path("register/", register.register, name="register"),
    path("register.pdf", register.register_pdf, name="register_pdf"),
    path("register/<int:pk>/", register.use_detail, name="use"),
    path("register/<int:pk>/confirm/", register.use_confirm, name="use_confirm"),
    path("register/<int:pk>/correct/", register.use_correct, name="use_correct"),
    path("letters/", letters.letter_list, name="letters"),
    path("letters/books/new/", letters.book_create, name="book_create"),
    path("letters/books/<int:pk>/", letters.book_detail, name="book"),
    path("letters/books/<int:pk>/issue/", letters.letter_issue, name="letter_issue"),
    path("letters/books/<int:pk>/spoil/", letters.letter_spoil, name="letter_spoil"),
    path("letters/books/<int:pk>/stubs.pdf", letters.stubs_pdf, name="stubs_pdf"),
    path("letterhead/", letters.letterhead, name="letterhead"),
]
