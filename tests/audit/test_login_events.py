from axes.models import AccessAttempt, AccessFailureLog

from tests.factories import PASSWORD
from zeroerror.audit.models import AuditKind, AuditRecord


def test_it_audits_a_successful_login_and_the_logout(org, client):
    response = client.post("/login/", {"username": "alice", "password": PASSWORD}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 302
    rec = AuditRecord.objects.get(kind=AuditKind.LOGIN)
    assert rec.actor == org.alice.user and rec.ip == "10.0.0.7" and rec.success
    client.post("/logout/")
    assert AuditRecord.objects.filter(kind=AuditKind.LOGOUT, actor=org.alice.user).exists()


def test_it_audits_a_failed_login_without_the_password(org, client):
    response = client.post("/login/", {"username": "alice", "password": "wrong-secret-xyz"}, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode() or "不正确" in response.content.decode()
    rec = AuditRecord.objects.get(kind=AuditKind.LOGIN_FAILED)
    assert rec.success is False
    assert rec.object_repr == "alice"
    assert rec.ip == "10.0.0.8"
    assert "wrong-secret-xyz" not in str(rec.changes) + rec.object_repr


def test_it_never_stores_an_unknown_login_name_verbatim(db, client):
    """People type their password into the name field: an unknown name is kept only as a keyed hash (3(d))."""
    for _ in range(2):
        client.post("/login/", {"username": "Secret-Pa55word!", "password": "x"})
    client.post("/login/", {"username": "evil\r\nadmin", "password": "x"})
    first, second, third = AuditRecord.objects.filter(kind=AuditKind.LOGIN_FAILED).order_by("seq")
    assert first.object_repr.startswith("未知账号#") and first.object_repr == second.object_repr  # still groups
    assert third.object_repr != first.object_repr and "\n" not in third.object_repr
    everything = str(list(AuditRecord.objects.values())) + str(list(AccessAttempt.objects.values())) + str(
        list(AccessFailureLog.objects.values()))
    assert "Secret-Pa55word" not in everything and "evil" not in everything
