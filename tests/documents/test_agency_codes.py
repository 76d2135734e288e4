"""机关代字 per 文种 (issue 11 1(c)), the 版头 checked before 编号 (3(e)), the 文号 year from the 成文日期 (1(b)) and
a 纪要's 期号 and 出席 list from the model."""

import datetime

import pytest

from tests.refusals import refused
from zeroerror.audit.models import AuditRecord
from zeroerror.documents import actions
from zeroerror.documents.models import AgencyCode, DocumentNumber, OutgoingDocument, OutgoingStatus

YEAR = datetime.date.today().year


@pytest.fixture
def table(docs):
    """The unit's table as the 办公室主任 sets it: 测医发 for every 文种 without its own, 测医函 for 函, 测医纪 for 纪要."""
    by = docs.director.user
    actions.do_save_agency_code(code="测医发", kinds=[], actor=by)
    actions.do_save_agency_code(code="测医函", kinds=["letter"], actor=by)
    actions.do_save_agency_code(code="测医纪", kinds=["minutes"], mark="测试县人民医院院长办公会议纪要", actor=by)
    return docs


@pytest.mark.clause("一(一)4", "一(一)7")
def test_drafting_picks_the_code_and_letterhead_of_the_kind(table):
    notice = table.make_outgoing()
    letter = table.make_outgoing(kind="letter", title="关于商请协助开展能力评估的函")
    minutes = table.make_outgoing(kind="minutes", title="院长办公会议纪要", attendees="王院长\n李副院长")
    assert (notice.agency_code, notice.agency_mark) == ("测医发", "测试县人民医院文件")
    assert (letter.agency_code, letter.agency_mark) == ("测医函", "测试县人民医院")
    assert (minutes.agency_code, minutes.agency_mark) == ("测医纪", "测试县人民医院院长办公会议纪要")


@pytest.mark.clause("一(一)7")
def test_a_code_of_another_kind_is_refused_at_drafting(table):
    with refused("机关代字“测医函”不用于通知（通知用：测医发）。"):
        table.make_outgoing(agency_code="测医函")


def test_changing_the_kind_of_a_draft_takes_the_code_of_the_new_kind(table):
    doc = table.make_outgoing(title="关于商请协助开展能力评估的通知")
    doc = actions.do_update_outgoing(doc, kind="letter", title="关于商请协助开展能力评估的函", actor=table.alice.user)
    assert (doc.agency_code, doc.agency_mark) == ("测医函", "测试县人民医院")
    change = AuditRecord.objects.filter(action="documents.outgoing.update").latest("id").changes
    assert change["agency_code"] == ["测医发", "测医函"]


@pytest.mark.clause("一(一)7")
def test_a_letter_drafted_under_the_old_table_is_not_numbered_with_the_wrong_code(docs):
    letter = docs.advance(docs.make_outgoing(kind="letter", title="关于商请协助开展能力评估的函"), OutgoingStatus.SIGNED)
    assert letter.agency_code == "测医发"  # no table yet: the unit's one code for every 文种
    actions.do_save_agency_code(code="测医函", kinds=["letter"], actor=docs.director.user)
    actions.do_save_agency_code(code="测医发", kinds=[], actor=docs.director.user)
    with refused("错用文头：函不用机关代字“测医发”（应用：测医函），请修改文稿后再编号。"):
        actions.do_assign_number(letter, actor=docs.alice.user)
    assert OutgoingDocument.objects.get(pk=letter.pk).status == OutgoingStatus.SIGNED
    assert not DocumentNumber.objects.exists()


@pytest.mark.clause("一(一)4")
def test_each_code_numbers_on_its_own_and_a_minutes_gets_an_issue_number(table):
    notice = table.advance(table.make_outgoing(), OutgoingStatus.NUMBERED)
    letter = table.advance(table.make_outgoing(kind="letter", title="关于商请协助开展能力评估的函"),
                           OutgoingStatus.NUMBERED)
    first = table.advance(table.make_outgoing(kind="minutes", title="院长办公会议纪要", attendees="王院长"),
                          OutgoingStatus.NUMBERED)
    second = table.advance(table.make_outgoing(kind="minutes", title="院长办公会议纪要", attendees="王院长"),
                           OutgoingStatus.NUMBERED)
    assert [d.doc_number for d in (notice, letter, first, second)] == [
        f"测医发〔{YEAR}〕1号", f"测医函〔{YEAR}〕1号", f"测医纪〔{YEAR}〕第1期", f"测医纪〔{YEAR}〕第2期"]
    assert (first.issue_number, second.issue_number) == ("第1期", "第2期")


def test_a_minutes_needs_its_attendees_and_only_a_minutes_has_them(table):
    with refused("纪要请填写出席人员（每行一人）"):
        table.make_outgoing(kind="minutes", title="院长办公会议纪要")
    with refused("出席、请假、列席人员名单只用于纪要"):
        table.make_outgoing(attendees="王院长")


@pytest.mark.clause("一(一)4")
def test_the_year_of_the_number_is_the_year_the_document_was_signed(docs):
    doc = docs.advance(docs.make_outgoing(), OutgoingStatus.SIGNED)
    new_year_eve = datetime.datetime(YEAR - 1, 12, 31, 17, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
    OutgoingDocument.objects.filter(pk=doc.pk).update(signed_at=new_year_eve)  # signed last year, numbered today
    number = actions.do_assign_number(OutgoingDocument.objects.get(pk=doc.pk), actor=docs.alice.user)
    assert (number.year, number.text) == (YEAR - 1, f"测医发〔{YEAR - 1}〕1号")


def test_only_the_office_director_sets_codes_and_every_change_is_audited(docs):
    with refused("只有办公室主任可以设置机关代字。"):
        actions.do_save_agency_code(code="测医函", kinds=["letter"], actor=docs.alice.user)
    entry = actions.do_save_agency_code(code="测医函", kinds=["letter"], actor=docs.director.user)
    with refused("一个文种只能有一个代字：函已用“测医函”"):
        actions.do_save_agency_code(code="测医便函", kinds=["letter"], actor=docs.director.user)
    with refused("代字设置后不能改写，请停用后新增"):
        actions.do_save_agency_code(code="测医便函", kinds=["letter"], entry=entry, actor=docs.director.user)
    actions.do_save_agency_code(code="测医函", kinds=["letter"], active=False, entry=entry, actor=docs.director.user)
    assert list(AuditRecord.objects.filter(action__startswith="documents.agency_code").values_list(
        "action", flat=True).order_by("id")) == ["documents.agency_code.create", "documents.agency_code.change"]
    assert AgencyCode.objects.get().active is False
