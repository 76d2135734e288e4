"""涉密载体 register (一(七)1): registered with 密级 and 保密期限, lent and returned, copied only with approval,
checked, destroyed on record — never deleted."""

import pytest

from tests.refusals import refused
from tests.secrecy.conftest import ahead
from zeroerror.errors.models import Lead
from zeroerror.secrecy import actions
from zeroerror.secrecy.models import ClassifiedItem, CopyRequestStatus, ItemEvent, ItemStatus
from zeroerror.tracking.models import ItemStatus as TrackedStatus
from zeroerror.tracking.models import TrackedItem


@pytest.mark.clause("一(七)1")
def test_it_registers_an_item_with_its_marking(org, make_item):
    item = make_item()
    assert item.marking == "机密★10年" and item.department == org.office
    assert [e.kind for e in item.events.all()] == ["register"]


@pytest.mark.parametrize(("kw", "message"), [
    ({"classification": "confidential", "period_years": 11}, "秘密级保密期限不得超过 10 年。"),
    ({"classification": "secret", "period_years": 21}, "机密级保密期限不得超过 20 年。"),
    ({"period_years": 0}, "保密期限须为 1 年以上的整数年。"),
    ({"number": "  "}, "请填写编号。"),
    ({"copies": 0}, "份数须在 1 至 999 之间。"),
    ({"location": ""}, "请填写存放位置。"),
])
def test_it_refuses_a_bad_registration(org, kw, message):
    data = {"number": "JM-1", "name": "文件", "kind": "document", "classification": "secret", "period_years": 10,
            "copies": 1, "custodian": org.alice, "location": "保密柜", "actor": org.alice.user}
    data.update(kw)
    with refused(message):
        actions.do_register_item(**data)


def test_a_number_is_used_once(org, make_item):
    make_item()
    with refused("编号“JM-2026-001”已登记，不能重复使用。"):
        make_item()


def test_only_the_office_registers(org, make_item):
    with refused("只有办公室或保密审查员可以登记涉密载体。"):
        make_item(actor=org.charlie.user)


@pytest.mark.clause("一(七)1")
def test_a_loan_is_tracked_until_the_item_comes_back(org, make_item):
    item = make_item()
    actions.do_check_out_item(item, holder=org.charlie, due_back_at=ahead(days=2), purpose="阅办", actor=org.alice.user)
    tracked = TrackedItem.objects.get(title="归还涉密载体 JM-2026-001")
    assert tracked.owner == org.charlie and tracked.clause_id == "一(七)1" and tracked.area == "secrecy"
    actions.do_check_in_item(item, note="完好", actor=org.alice.user)
    item.refresh_from_db()
    tracked.refresh_from_db()
    assert item.status == ItemStatus.IN_STORE and item.holder is None
    assert tracked.status == TrackedStatus.DONE
    assert [e.kind for e in item.events.all()] == ["register", "check_out", "return"]


def test_a_loan_must_have_a_future_return_time(org, make_item):
    item = make_item()
    with refused("应归还时间须晚于当前时间。"):
        actions.do_check_out_item(item, holder=org.charlie, due_back_at=ahead(days=-1), purpose="阅办",
                                  actor=org.alice.user)
    with refused("借阅期限不得超过 30 天。"):
        actions.do_check_out_item(item, holder=org.charlie, due_back_at=ahead(days=31), purpose="阅办",
                                  actor=org.alice.user)


@pytest.mark.clause("一(七)1")
def test_copies_are_made_only_with_approval(org, make_item):
    item = make_item()
    req = actions.do_request_copy(item, excerpt=False, copies=2, reason="传达学习", actor=org.charlie.user)
    with refused("未经批准，不得复制、摘录涉密载体（一(七)1）。"):
        actions.do_record_copies(req, actor=org.alice.user)
    with refused("只有办公室主任、副主任或主要领导可以审批复制、摘录。"):
        actions.do_decide_copy_request(req, approve=True, actor=org.alice.user)
    actions.do_decide_copy_request(req, approve=True, actor=org.director.user)
    made = actions.do_record_copies(req, actor=org.alice.user)
    assert [m.number for m in made] == ["JM-2026-001-F1", "JM-2026-001-F2"]
    assert all(m.marking == "机密★10年" and m.copied_from == item and m.custodian == org.charlie for m in made)
    req.refresh_from_db()
    assert req.status == CopyRequestStatus.DONE
    copy_event = item.events.get(kind="copy")
    assert copy_event.approved_by == org.director


def test_nobody_approves_their_own_request(org, make_item):
    item = make_item()
    req = actions.do_request_copy(item, excerpt=True, copies=1, reason="摘录要点", actor=org.director.user)
    with refused("不能审批本人的申请。"):
        actions.do_decide_copy_request(req, approve=True, actor=org.director.user)
    with refused("不予批准须说明理由。"):
        actions.do_decide_copy_request(req, approve=False, actor=org.principal.user)


@pytest.mark.clause("一(七)1")
def test_a_missing_item_at_the_check_becomes_a_lead(org, make_item):
    kept = make_item()
    lost = make_item("JM-2026-002", custodian=org.bob)
    check = actions.do_check_inventory(found={kept.pk}, notes={lost.pk: "柜内未见"}, actor=org.alice.user)
    assert [r["number"] for r in check.missing] == ["JM-2026-002"]
    lead = Lead.objects.get()
    assert lead.person == org.bob and lead.clause.code == "一(七)1" and "JM-2026-002" in lead.description
    assert lost.events.last().note == "清点未见：柜内未见"


@pytest.mark.clause("一(七)1")
def test_destruction_is_recorded_and_the_row_stays(org, make_item):
    item = make_item()
    with refused("销毁须经办公室主任、副主任或主要领导批准。"):
        actions.do_destroy_item(item, approver=org.bob, witness=org.bob, method="粉碎", place="保密室",
                                actor=org.alice.user)
    with refused("监销人须为经办人以外的人员。"):
        actions.do_destroy_item(item, approver=org.director, witness=org.alice, method="粉碎", place="保密室",
                                actor=org.alice.user)
    actions.do_destroy_item(item, approver=org.director, witness=org.bob, method="碎纸机粉碎", place="保密室",
                            actor=org.alice.user)
    item = ClassifiedItem.objects.get(pk=item.pk)
    assert item.status == ItemStatus.DESTROYED
    event = item.events.get(kind="destroy")
    assert event.approved_by == org.director and event.person == org.bob and "碎纸机粉碎" in event.note
    with refused("该载体已销毁。"):
        actions.do_request_copy(item, excerpt=False, copies=1, reason="x", actor=org.bob.user)


def test_a_correction_is_a_new_explained_entry(org, make_item):
    item = make_item()
    actions.do_correct_item(item, field="location", value="保密柜2号", reason="登记笔误", actor=org.alice.user)
    item.refresh_from_db()
    assert item.location == "保密柜2号"
    event = ItemEvent.objects.get(item=item, kind="correct")
    assert event.changes == {"field": "存放位置", "before": "办公室保密柜1号", "after": "保密柜2号"}
    assert item.events.first().note.endswith("存放于办公室保密柜1号")
    with refused("请填写更正原因。"):
        actions.do_correct_item(item, field="location", value="保密柜3号", reason=" ", actor=org.alice.user)


def test_the_tick_asks_for_an_overdue_inventory_once(org, make_item):
    from django.utils import timezone

    make_item()
    assert actions.remind_inventory(timezone.now()) == "涉密载体清点提醒 1 条"
    assert actions.remind_inventory(timezone.now()) == ""
    reminder = TrackedItem.objects.get(title="涉密载体定期清点")
    assert reminder.owner == org.director and reminder.clause_id == "一(七)1"
    actions.do_check_inventory(found=set(ClassifiedItem.objects.values_list("pk", flat=True)), actor=org.alice.user)
    reminder.refresh_from_db()
    assert reminder.status == TrackedStatus.DONE
