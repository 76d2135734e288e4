"""Personas of the 公文 tests (on top of tests/conftest.py): ``reader`` is the office's 首读人员.

``make_outgoing`` / ``advance`` build a 发文 and drive it through its steps with the right people."""

import datetime

import pytest

from zeroerror.documents import actions
from zeroerror.documents.models import OutgoingStatus
from zeroerror.org.roles import Role

BODY = "为进一步规范全院公文处理工作，现将有关事项通知如下。\n一、严格执行首读制度。\n二、严格遵守办理时限。"


@pytest.fixture
def docs(org, monkeypatch):
    """``org`` plus the 首读人员 and helpers; the proofreader finds nothing unless a test says otherwise."""
    from tests.factories import PersonFactory, give_role

    reader = PersonFactory(user__username="reader", name="郑首读", department=org.office)
    give_role(reader, Role.STAFF)
    give_role(reader, Role.FIRST_READER)
    org.reader = reader
    # patched where do_review_outgoing looks it up
    monkeypatch.setattr("zeroerror.documents.actions.outgoing.unresolved_proofreading_errors", lambda text: [])

    def make_outgoing(by=None, **fields):
        data = {"title": "关于进一步规范公文处理工作的通知", "kind": "notice", "urgency": "normal",
                "addressees": "院内各科室", "body": BODY}
        data.update(fields)
        return actions.do_create_outgoing(actor=(by or org.alice).user, **data)

    def advance(doc, until):
        """Drive ``doc`` through the steps up to and including ``until``."""
        order = [OutgoingStatus.REVIEWED, OutgoingStatus.FIRST_READ_PASSED, OutgoingStatus.SIGNED,
                 OutgoingStatus.NUMBERED, OutgoingStatus.PRINTED, OutgoingStatus.DISTRIBUTED, OutgoingStatus.ARCHIVED]
        steps = {
            OutgoingStatus.REVIEWED: lambda d: actions.do_review_outgoing(d, actor=org.bob.user),
            OutgoingStatus.FIRST_READ_PASSED: lambda d: actions.do_first_read(
                d, policy=True, norms=True, precision=True, actor=reader.user),
            OutgoingStatus.SIGNED: lambda d: actions.do_sign_outgoing(d, opinion="同意印发", actor=org.principal.user),
            OutgoingStatus.NUMBERED: lambda d: actions.do_assign_number(d, actor=org.alice.user),
            OutgoingStatus.PRINTED: lambda d: actions.do_print_outgoing(
                d, checks=dict.fromkeys(actions.PRINT_CHECKS, True), secure_printing=d.is_classified,
                actor=org.alice.user),
            OutgoingStatus.DISTRIBUTED: lambda d: actions.do_distribute_outgoing(d, actor=org.alice.user),
            OutgoingStatus.ARCHIVED: lambda d: actions.do_archive_outgoing(d, actor=org.alice.user),
        }
        done = order.index(doc.status) + 1 if doc.status in order else 0
        for status in order[done:]:
            steps[status](doc)
            if status == until:
                break
        doc.refresh_from_db()
        return doc

    org.make_outgoing = make_outgoing
    org.advance = advance
    org.today = datetime.date.today
    return org
