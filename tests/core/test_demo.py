from django.core.management import call_command

from zeroerror.org.models import Department, LeaderCharge, Person, RoleAssignment
from zeroerror.org.roles import Role


def test_it_builds_a_realistic_unit_with_every_role_filled_once(db, capsys, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("demo")
    out = capsys.readouterr().out
    assert "所有演示账号的密码" in out
    assert 35 <= Person.objects.count() <= 45
    assert 6 <= Department.objects.count() <= 9
    held = set(RoleAssignment.objects.current().values_list("role", flat=True))
    assert held == set(Role.values)
    assert Department.objects.filter(is_office=True).count() == 1
    # the 分管 history is kept: 财务科 changed hands in July
    finance = Department.objects.get(name="财务科")
    assert LeaderCharge.objects.filter(department=finance).count() == 2
    assert LeaderCharge.objects.current().filter(department=finance).get().leader.name == "赵丽萍"
    password = out.split("所有演示账号的密码：", 1)[1].split()[0]
    assert Person.objects.get(user__username="liuyang").user.check_password(password)
    assert (tmp_path / "demo-accounts.txt").exists()

    # the system administrator reaches the configuration tables, and is not a superuser (三员分立)
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(is_superuser=True).exists()
    admin = get_user_model().objects.get(username="yuangang")
    assert admin.is_staff and admin.has_perm("workdays.change_calendaroverride")
    assert not admin.has_perm("auth.change_user")

    call_command("demo")
    assert "已存在" in capsys.readouterr().out
    assert Person.objects.count() <= 45
