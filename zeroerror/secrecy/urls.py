from django.urls import path

from zeroerror.secrecy.views import custody, home, items, safety

app_name = "secrecy"
urlpatterns = [
    path("", home.home, name="home"),
    path("items/", items.item_list, name="items"),
    path("items/new/", items.item_create, name="item_create"),
    path("items/<int:pk>/", items.item_detail, name="item"),
    path("items/<int:pk>/check-out/", items.item_check_out, name="item_check_out"),
    path("items/<int:pk>/check-in/", items.item_check_in, name="item_check_in"),
    path("items/<int:pk>/copy/", items.item_request_copy, name="item_copy"),
    path("items/<int:pk>/destroy/", items.item_destroy, name="item_destroy"),
    path("items/<int:pk>/correct/", items.item_correct, name="item_correct"),
    path("copies/<int:pk>/decide/", items.copy_decide, name="copy_decide"),
    path("copies/<int:pk>/record/", items.copy_record, name="copy_record"),
    path("inventory/", items.inventory, name="inventory"),
    path("checks/", items.check_list, name="checks"),
    path("media/", custody.medium_list, name="media"),
    path("media/new/", custody.medium_create, name="medium_create"),
    path("media/<int:pk>/", custody.medium_detail, name="medium"),
    path("media/<int:pk>/use/", custody.medium_use, name="medium_use"),
    path("media/<int:pk>/status/", custody.medium_status, name="medium_status"),
    path("keys/", custody.key_list, name="keys"),
    path("keys/new/", custody.key_create, name="key_create"),
    path("keys/<int:pk>/", custody.key_detail, name="key"),
    path("keys/<int:pk>/use/", custody.key_use, name="key_use"),
    path("keys/<int:pk>/holders/", custody.key_holders, name="key_holders"),
    path("safety/", safety.safety_home, name="safety"),
    path("safety/new/", safety.checklist_create, name="checklist_create"),
    path("safety/<int:pk>/", safety.safety_round, name="safety_round"),
]
