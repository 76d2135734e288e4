"""人员名册导入: template download, all-or-nothing import, every bad row reported with its row number and reason."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.org.conftest import xlsx_bytes, xlsx_upload
from zeroerror.audit.models import AuditKind, AuditRecord
from zeroerror.org.models import Person
from zeroerror.org.roles import Role
from zeroerror.org.roster import COLUMNS

pytestmark = pytest.mark.django_db

URL = reverse("org:roster_import")
TEMPLATE_URL = reverse("org:roster_template")

GOOD = [
    ("zhangsan", "张三", "办公室", "科员", "一般工作人员、首读人员", 200, "13800000001", "zs@example.org"),
    ("lisi", "李四", "信息科", "科长", "科室负责人", None, 13900000002, None),
    ("wangwu", "王五", "医务科", None, "安全管理员", None, None, None),
]


def rejected_rows(response):
    return response.context["errors"]


def assert_row_listed(response, number, reason):
    html = response.content.decode()
    assert f'<td class="num mono">{number}</td><td>{reason}</td>' in html


# ---------------------------------------------------------------- template


def test_it_gives_the_admin_a_real_xlsx_template_with_the_header_row(org, login):
    response = login(org.admin).get(TEMPLATE_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].startswith("attachment")
    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb.worksheets[0][1]] == COLUMNS
    assert "填写说明" in wb.sheetnames


def test_it_refuses_the_template_and_the_import_page_to_staff(org, login):
    client = login(org.alice)

    assert client.get(TEMPLATE_URL).status_code == 403
    assert client.get(URL).status_code == 403


def test_it_accepts_the_downloaded_template_as_it_is(org, login):
    client = login(org.admin)
    template = client.get(TEMPLATE_URL).content

    response = client.post(URL, {"file": SimpleUploadedFile("模板.xlsx", template)})

    assert response.status_code == 200
    assert Person.objects.get(user__username="zhangsan").current_roles == {Role.STAFF, Role.FIRST_READER}


# ---------------------------------------------------------------- a good file


def test_it_imports_everyone_with_their_roles_and_shows_initial_passwords_once(org, login):
    client = login(org.admin)
    before = Person.objects.count()

    response = client.post(URL, {"file": xlsx_upload(GOOD)})

    assert response.status_code == 200
    assert Person.objects.count() == before + 3
    zhang = Person.objects.get(user__username="zhangsan")
    li = Person.objects.get(user__username="lisi")
    wang = Person.objects.get(user__username="wangwu")
    assert (zhang.name, zhang.department, zhang.position, zhang.rank, zhang.phone, zhang.email) == (
        "张三", org.office, "科员", 200, "13800000001", "zs@example.org")
    assert zhang.current_roles == {Role.STAFF, Role.FIRST_READER}
    assert li.phone == "13900000002"
    assert org.info.head() == li
    assert wang.current_roles == {Role.SECURITY_ADMIN}
    created = response.context["created"]
    assert [(name, username) for name, username, _ in created] == [
        ("张三", "zhangsan"), ("李四", "lisi"), ("王五", "wangwu")]
    html = response.content.decode()
    assert "初始密码只显示这一次" in html
    for _, username, password in created:
        assert password in html
        assert get_user_model().objects.get(username=username).check_password(password)

    again = client.get(URL).content.decode()
    assert all(password not in again for _, _, password in created)


def test_an_imported_person_changes_the_initial_password_at_the_first_login(org, login):
    from django.test import Client

    created = login(org.admin).post(URL, {"file": xlsx_upload(GOOD[:1])}).context["created"]
    _, username, password = created[0]
    newcomer = Client()
    newcomer.post("/login/", {"username": username, "password": password})
    assert newcomer.get("/").url.startswith("/account/password/")


def test_it_audits_the_import_and_each_person_and_role(org, login):
    login(org.admin).post(URL, {"file": xlsx_upload(GOOD)})

    [rec] = AuditRecord.objects.filter(action="org.roster.import")
    assert rec.kind == AuditKind.IMPORT and rec.actor == org.admin.user
    assert rec.changes == {"rows": 3}
    assert AuditRecord.objects.filter(action="org.person.create").count() == 3
    assert AuditRecord.objects.filter(action="org.role.assign", kind=AuditKind.PERMISSION).count() == 4


def test_it_makes_a_person_without_a_role_general_staff(org, login):
    login(org.admin).post(URL, {"file": xlsx_upload([("zhaoliu", "赵六", "办公室", "", "", "", "", "")])})

    assert Person.objects.get(user__username="zhaoliu").current_roles == {Role.STAFF}


def test_it_skips_blank_rows_but_keeps_excel_row_numbers(org, login):
    rows = [GOOD[0], (None,) * 8, ("bad", "坏", "财务科", "", "", "", "", "")]

    response = login(org.admin).post(URL, {"file": xlsx_upload(rows)})

    assert rejected_rows(response) == [(4, "科室“财务科”不存在")]


# ---------------------------------------------------------------- any bad row: nothing imported


BAD_ROWS = [
    pytest.param(("zhaoliu", "赵六", "财务科", "", "", "", "", ""), "科室“财务科”不存在", id="unknown-department"),
    pytest.param(("alice", "另一个艾丽", "办公室", "", "", "", "", ""), "账号“alice”已存在", id="username-in-db"),
    pytest.param(("zhaoliu", "赵六", "办公室", "", "", "", "12345", ""), "手机号须为 11 位数字", id="bad-phone"),
    pytest.param(("zhaoliu", "赵六", "办公室", "", "超级管理员", "", "", ""), "未知角色“超级管理员”", id="unknown-role"),
    pytest.param(("zhaoliu", "赵六", "办公室", "", "系统管理员、审计管理员", "", "", ""),
                 "三员分立：系统管理员、安全管理员、审计管理员不能由同一人兼任", id="admin-separation"),
    pytest.param(("zhaoliu", "", "办公室", "", "", "", "", ""), "“姓名”不能为空", id="empty-name"),
    pytest.param(("", "赵六", "办公室", "", "", "", "", ""), "“账号”不能为空", id="empty-username"),
    pytest.param(("zhaoliu", "赵六", "", "", "", "", "", ""), "“科室”不能为空", id="empty-department"),
    pytest.param(("zhao liu!", "赵六", "办公室", "", "", "", "", ""),
                 "账号只能由 3–30 位字母、数字、下划线、点或连字符组成", id="bad-username"),
    pytest.param(("zhaoliu", "赵六", "办公室", "", "", "第一", "", ""), "职级排序须为非负整数", id="bad-rank"),
    pytest.param(("zhaoliu", "赵六", "办公室", "", "", "", "", "not-an-email"), "电子邮箱格式不正确", id="bad-email"),
]


@pytest.mark.parametrize(("row", "reason"), BAD_ROWS)
def test_it_imports_nobody_when_one_row_is_bad(org, login, row, reason):
    client = login(org.admin)
    before = Person.objects.count()
    users_before = get_user_model().objects.count()

    response = client.post(URL, {"file": xlsx_upload([GOOD[0], row, GOOD[1]])})

    assert response.status_code == 400
    assert Person.objects.count() == before
    assert get_user_model().objects.count() == users_before
    assert rejected_rows(response) == [(3, reason)]
    assert_row_listed(response, 3, reason)
    assert "名册有 1 行错误，未导入任何人员" in response.content.decode()
    assert not AuditRecord.objects.filter(action="org.roster.import").exists()
    assert AuditRecord.objects.get(action="org.roster.rejected").success is False


def test_it_reports_a_username_repeated_within_the_file_against_its_first_row(org, login):
    rows = [GOOD[0], GOOD[1], ("zhangsan", "张三二", "医务科", "", "", "", "", "")]
    before = Person.objects.count()

    response = login(org.admin).post(URL, {"file": xlsx_upload(rows)})

    assert Person.objects.count() == before
    assert rejected_rows(response) == [(4, "账号“zhangsan”与第 2 行重复")]
    assert_row_listed(response, 4, "账号“zhangsan”与第 2 行重复")


def test_it_lists_every_bad_row_and_every_reason_of_a_row(org, login):
    rows = [
        ("alice", "", "财务科", "", "", "", "", ""),
        GOOD[0],
        ("zhaoliu", "赵六", "办公室", "", "院长，神仙", "", "1380000000x", ""),
    ]
    before = Person.objects.count()

    response = login(org.admin).post(URL, {"file": xlsx_upload(rows)})

    assert Person.objects.count() == before
    assert rejected_rows(response) == [
        (2, "“姓名”不能为空；账号“alice”已存在；科室“财务科”不存在"),
        (4, "未知角色“神仙”；手机号须为 11 位数字"),
    ]
    assert "名册有 2 行错误，未导入任何人员" in response.content.decode()


# ---------------------------------------------------------------- unreadable files


def post_file(client, name, data):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


def test_it_explains_that_only_xlsx_files_are_accepted(org, login):
    before = Person.objects.count()

    response = post_file(login(org.admin), "名册.csv", "账号,姓名\nzhaoliu,赵六\n".encode())

    assert response.status_code == 200
    assert "请上传 .xlsx 文件（可先下载模板）。" in response.content.decode()
    assert Person.objects.count() == before


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"this is not a spreadsheet", id="text"),
        pytest.param(b"PK\x03\x04" + b"\x00" * 200, id="broken-zip"),
        pytest.param(xlsx_bytes(GOOD)[:700], id="truncated"),
    ],
)
def test_it_says_a_corrupt_file_cannot_be_read(org, login, data):
    before = Person.objects.count()

    response = post_file(login(org.admin), "名册.xlsx", data)

    assert response.status_code == 200
    assert "无法读取文件：请上传由模板填写的 .xlsx 文件。" in response.content.decode()
    assert Person.objects.count() == before


def test_it_says_a_file_with_a_broken_sheet_cannot_be_read(org, login):
    """The workbook opens, but the sheet itself is damaged: a clear message, not a 500."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes(GOOD)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            target.writestr(info, data)
    before = Person.objects.count()

    response = post_file(login(org.admin), "名册.xlsx", out.getvalue())

    assert response.status_code == 200
    assert "无法读取文件" in response.content.decode()
    assert Person.objects.count() == before


def test_it_names_the_missing_header_columns(org, login):
    header = [c for c in COLUMNS if c not in ("手机", "科室")]

    response = login(org.admin).post(URL, {"file": xlsx_upload([("zhaoliu", "赵六", "", "", "", "")], header=header)})

    assert "表头缺少列：科室、手机。请使用下载的模板。" in response.content.decode()
    assert not Person.objects.filter(name="赵六").exists()


def test_it_says_so_when_the_file_has_no_data_rows(org, login):
    response = login(org.admin).post(URL, {"file": xlsx_upload([])})

    assert response.status_code == 400
    assert rejected_rows(response) == [(2, "没有可导入的数据行")]


def test_it_asks_for_a_file_when_none_is_sent(org, login):
    response = login(org.admin).post(URL, {})

    assert response.status_code == 200
    assert "这个字段是必填项。" in response.content.decode()


def test_it_refuses_the_import_to_staff_and_imports_nothing(org, login):
    before = Person.objects.count()

    response = login(org.alice).post(URL, {"file": xlsx_upload(GOOD)})

    assert response.status_code == 403
    assert Person.objects.count() == before


def test_it_rolls_back_everything_when_an_account_appears_between_check_and_import(org, login, monkeypatch):
    from tests.factories import UserFactory
    from zeroerror.org import roster

    real_parse = roster.parse_roster

    def parse_then_race(data, unit):
        result = real_parse(data, unit)
        UserFactory(username="lisi")  # someone else creates this account meanwhile
        return result

    monkeypatch.setattr(roster, "parse_roster", parse_then_race)
    before = Person.objects.count()

    response = login(org.admin).post(URL, {"file": xlsx_upload(GOOD)})

    assert response.status_code == 200
    assert "名册未导入：账号“lisi”已存在。" in response.content.decode()
    assert Person.objects.count() == before
    assert not get_user_model().objects.filter(username="zhangsan").exists()
    assert not AuditRecord.objects.filter(action="org.roster.import").exists()


def test_it_refuses_a_department_that_is_no_longer_active(org, login):
    org.info.active = False
    org.info.save()
    before = Person.objects.count()

    response = login(org.admin).post(URL, {"file": xlsx_upload([GOOD[0], GOOD[1]])})

    assert Person.objects.count() == before
    assert rejected_rows(response) == [(3, "科室“信息科”不存在")]


def test_once_the_unit_has_a_security_admin_reading_roles_are_not_imported(org, login):
    """The first roster sets a unit up; after that 纪检 and the like need the 安全管理员's approval (two people)."""
    from tests.factories import PersonFactory, give_role

    give_role(PersonFactory(department=org.info, name="蒋安全"), Role.SECURITY_ADMIN)
    before = Person.objects.count()
    response = login(org.admin).post(URL, {"file": xlsx_upload([("zhaoliu", "赵六", "办公室", "", "纪检监察室", "", "", "")])})
    reason = "纪检监察室须经安全管理员批准：请导入后在人员页面申请授予"
    assert rejected_rows(response) == [(2, reason)]
    assert Person.objects.count() == before


def test_it_imports_the_employee_number_unique_per_unit(org, login):
    """工号 comes with the roster (issue 9 item 9): required, well-formed, unique in the file and in the unit."""
    org.alice.employee_number = "0001"
    org.alice.save(update_fields=["employee_number"])
    rows = [("zhaoliu", "赵六", "办公室", "", "", "", "", "", "0001"),
            ("qianqi", "钱七", "办公室", "", "", "", "", "", "A 7"),
            ("sunba", "孙八", "办公室", "", "", "", "", "", "0009"),
            ("lijiu", "李九", "办公室", "", "", "", "", "", "0009"),
            ("zhoushi", "周十", "办公室", "", "", "", "", "", "")]
    response = login(org.admin).post(URL, {"file": xlsx_upload(rows)})
    assert rejected_rows(response) == [
        (2, "工号“0001”已由本单位的艾丽使用"), (3, "工号须为 1–20 位字母、数字或连字符"),
        (5, "工号“0009”与第 4 行重复"), (6, "“工号”不能为空")]
    assert not Person.objects.filter(name__in=["赵六", "孙八"]).exists()

    login(org.admin).post(URL, {"file": xlsx_upload([("zhaoliu", "赵六", "办公室", "", "", "", "", "", "0002")])})
    assert Person.objects.get(name="赵六").employee_number == "0002"
