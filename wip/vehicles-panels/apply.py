p='zeroerror/vehicles/actions/__init__.py'
s=open(p).read()
s=s.replace('''from zeroerror.vehicles.actions.fleet import (''','''from zeroerror.vehicles.actions.costs import do_record_cost, do_reverse_cost
from zeroerror.vehicles.actions.fleet import (''')
s=s.replace('''from zeroerror.vehicles.actions.trips import (''','''from zeroerror.vehicles.actions.seals import (
    do_open_sealing_round,
    do_seal_vehicle,
    do_unseal_vehicle,
    plan_sealing,
)
from zeroerror.vehicles.actions.trips import (''')
s=s.replace('''           "do_update_vehicle"]''','''           "do_update_vehicle", "do_record_cost", "do_reverse_cost", "do_open_sealing_round", "do_seal_vehicle",
           "do_unseal_vehicle", "plan_sealing"]''')
open(p,'w').write(s)
p='zeroerror/vehicles/apps.py'
s=open(p).read()
s=s.replace('''        from zeroerror.tracking.registry import register_inbox_provider
''','''        from zeroerror.tracking.registry import register_inbox_provider, register_tick_task
        from zeroerror.vehicles.actions import plan_sealing
        from zeroerror.vehicles.panels import register_panels
''')
s=s.replace('''        register_inbox_provider(vehicles_inbox)
''','''        register_inbox_provider(vehicles_inbox)
        register_tick_task(plan_sealing)
        register_panels()
''')
s=s.replace('''        nav.add("reception", nav.NavItem("公务用车", "vehicles:vehicles"))
''','''        nav.add("reception", nav.NavItem("公务用车", "vehicles:vehicles"))
        nav.add("reception", nav.NavItem("节假日封存", "vehicles:rounds"))
        nav.add("reception", nav.NavItem("车辆油耗与费用", "vehicles:monthly", visible=sees_all))
''')
s=s.replace('''        from zeroerror.vehicles.access import vehicles_inbox''','''        from zeroerror.vehicles.access import sees_all, vehicles_inbox''')
open(p,'w').write(s)
p='zeroerror/vehicles/urls.py'
s=open(p).read()
s=s.replace("from zeroerror.vehicles.views import fleet, trips","from zeroerror.vehicles.views import fleet, trips, upkeep")
s=s.replace(''']
''','''    path("rounds/", upkeep.round_list, name="rounds"),
    path("rounds/<int:pk>/", upkeep.round_detail, name="round"),
    path("costs/", upkeep.cost_list, name="costs"),
    path("costs/new/", upkeep.cost_record, name="cost_record"),
    path("monthly/", upkeep.monthly, name="monthly"),
]
''')
open(p,'w').write(s)
