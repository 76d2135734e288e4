"""The clause catalogue: the regulation v1 as data, and the loader's validation."""

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from zeroerror.rulebook import catalogue
from zeroerror.rulebook.catalogue import (
    MAX_TITLE_LENGTH,
    CatalogueError,
    load_regulation,
    load_regulation_file,
    parse_regulation,
)

DATA_FILE = Path(catalogue.__file__).parent / "data" / "regulation-v1.json"

AREA_COUNTS = {
    "documents": ("一(一)", "公文处理", 8),
    "meetings": ("一(二)", "会务工作", 13),
    "reception": ("一(三)", "政务接待", 9),
    "disclosure": ("一(四)", "信息公开", 4),
    "finance": ("一(五)", "财务管理", 3),
    "seals": ("一(六)", "印信管理", 7),
    "secrecy": ("一(七)", "安全保密", 6),
    "facilities": ("一(八)", "环境管理", 2),
}

# Copied verbatim from the regulation (seed text), line breaks inside sentences joined.
VERBATIM = {
    "一(一)2": (
        "发文严格校核字词语法、体例格式和落款时间,不得违反行文规则规范,杜绝出现文字错误。严格实行文件首读制度。"
        "在文件正式编号之前,由首读人员对文件的政策性、规范性、精准性进行审核把关,确保不发生差错。"
    ),
    "一(一)4": "公文运转严格遵守时限要求,不得延误、影响时效。",
    "一(一)7": "公文印刷整洁、完整、规范,不得出现漏页、错页、倒页、错用文头等情形;",
    "一(二)7": (
        "根据会议规模确定会议签到方式。在大会议室召开的会议必须印发座位表,同时现场签到。"
        "座位表排序要严谨细致,不得出现参会人员排序混乱和单位、人员错排、漏排现象。"
        "小型会议实行现场签到,在会议开始前应根据到会情况及时联系、催促参会人员,并将情况报主持会议领导;"
    ),
    "一(三)8": "重要活动要健全资料档案,活动方案、相关材料、会议录音、活动录像、照片等及时归档备案。",
    "一(五)2": "公务接待活动,严格公务接待标准,参照《××单位公务接待管理办法》严格执行。",
    "一(六)2": "使用本单位、办公室印章,须经办公室主任批准。",
    "一(八)2": "领导办公室的卫生要至少每日打扫两次,有客人来访或会议之后要立即清理。",
}

PART_TWO_VERBATIM = {
    "二.0": (
        "成立零差错工作督查考核小组,由绩效办负总责,负责做好零差错工作要求落实情况的监督考核工作,具体成员名称如下:"
    ),
    "二.1": (
        "在以上工作中有一个环节或事项不符合“零差错”要求即视为出现一次差错,"
        "凡通过以下形式发现的差错,将对责任人和科室负责人进行追究:"
    ),
    "二.1(1)": "经举报并被查实的;",
    "二.1(5)": "其他经调查合适的情形。",
    "二.2(2)": (
        "严重差错。当事人发生第1次的,属于一般工作人员过错的扣罚当月绩效100元,属于办公室主任过错的扣罚当月绩效300元;"
        "责令责任人作出书面检查,在办公室全体人员会议上做出检讨。当事人发生第2次的,"
        "属于一般工作人员过错的扣罚当月绩效300元,属于办公室主任过错的扣罚当月绩效500元;责令责任人停职整改,"
        "情节特别严重、影响特别重大的建议院纪委介入调查,并出具惩处措施提交××单位会议研究决定。"
    ),
    "二.3": (
        "监督登记考核,由绩效办负责登记做好登记,严格按照以上规定做好绩效扣罚工作,并留存相关资料作为扣罚依据,以备查询。"
    ),
}

PART_TWO_IDS = [
    "二.0",
    "二.1",
    "二.1(1)",
    "二.1(2)",
    "二.1(3)",
    "二.1(4)",
    "二.1(5)",
    "二.2",
    "二.2(1)",
    "二.2(2)",
    "二.2(3)",
    "二.3",
]


@pytest.fixture
def raw():
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def test_metadata():
    reg = load_regulation()
    assert reg.version == "v1"
    assert reg.title == "××单位“零差错”办公工作规定"
    assert reg.effective_date is None
    assert reg.preamble.startswith("为进一步加强××单位办公室工作规范化、制度化建设")
    assert reg.preamble.endswith("结合××单位工作实际,制定本工作规定。")
    assert reg.part_one_title == "“零差错”工作要求"
    assert reg.unit_placeholder == "××单位"


def test_areas_in_order_with_codes():
    reg = load_regulation()
    assert [(a.code, a.number, a.name) for a in reg.areas] == [
        (code, number, name) for code, (number, name, _) in AREA_COUNTS.items()
    ]


def test_every_requirement_of_part_one_is_a_clause():
    reg = load_regulation()
    # 8 + 13 + 9 + 4 + 3 + 7 + 6 + 2
    assert len(reg.clauses) == 52
    assert len({c.id for c in reg.clauses}) == 52


@pytest.mark.parametrize("code", list(AREA_COUNTS))
def test_clauses_per_area_are_continuous(code):
    number, _, count = AREA_COUNTS[code]
    clauses = catalogue.clauses_for_area(code)
    assert [c.number for c in clauses] == list(range(1, count + 1))
    assert [c.id for c in clauses] == [f"{number}{n}" for n in range(1, count + 1)]
    assert all(c.area == code for c in clauses)


@pytest.mark.parametrize("clause_id", list(VERBATIM))
def test_full_text_is_verbatim(clause_id):
    assert catalogue.clause(clause_id).text == VERBATIM[clause_id]


def test_titles_are_short_unique_and_present():
    reg = load_regulation()
    for c in reg.clauses:
        assert 0 < len(c.title) <= MAX_TITLE_LENGTH, c.id
    assert len({c.title for c in reg.clauses}) == len(reg.clauses)
    assert reg.clause("一(一)1").title == "收文审核与登记"


def test_no_text_contains_line_breaks_or_number_prefix():
    reg = load_regulation()
    for c in reg.clauses:
        assert "\n" not in c.text
        assert not c.text[:1].isdigit(), c.id
        assert c.text[-1] in "。;", c.id


def test_part_two_structure():
    reg = load_regulation()
    part = reg.part_two
    assert part.title == "保障和惩处措施"
    assert part.office_in_charge == "绩效办"
    assert [p.id for p in part.provisions] == PART_TWO_IDS
    assert [p.id for p in part.children("二.1")] == [f"二.1({n})" for n in range(1, 6)]
    assert [p.id for p in part.children("二.2")] == ["二.2(1)", "二.2(2)", "二.2(3)"]
    assert reg.provision("二.2(1)").text.startswith("一般差错。当事人发生第1次的")
    assert reg.provision("二.2(3)").title == "分管领导连带责任"
    assert [m.role for m in part.group_members] == ["组长", "副组长", "副组长", "成员", "成员", "成员"]
    assert [m.post for m in part.group_members][-2:] == ["绩效办负责人", "绩效办工作人员"]


@pytest.mark.parametrize("provision_id", list(PART_TWO_VERBATIM))
def test_part_two_text_is_verbatim(provision_id):
    assert load_regulation().provision(provision_id).text == PART_TWO_VERBATIM[provision_id]


def test_unknown_ids_raise_key_error():
    reg = load_regulation()
    with pytest.raises(KeyError):
        reg.clause("一(一)9")
    with pytest.raises(KeyError):
        reg.clauses_for_area("nonsense")
    with pytest.raises(KeyError):
        reg.provision("二.4")
    assert reg.has_clause("一(八)2") and not reg.has_clause("一(八)3")


def test_load_is_cached_and_versions_listed():
    assert load_regulation("v1") is load_regulation()
    assert "v1" in catalogue.available_versions()


@pytest.mark.parametrize("version", ["v0", "v99", "../v1", "1"])
def test_unknown_or_malformed_version_is_rejected(version):
    with pytest.raises(CatalogueError, match="规定版本号无效|没有规定版本 'v99'"):
        load_regulation(version)


def test_dataclasses_are_frozen():
    c = catalogue.clause("一(一)1")
    with pytest.raises(AttributeError):
        c.text = "x"


def test_shipped_file_round_trips_through_parser(raw):
    assert parse_regulation(raw) == load_regulation()


# ---------------------------------------------------------------- broken files


def _write(tmp_path, data):
    path = tmp_path / "regulation-v1.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_rejects_duplicate_clause_id(tmp_path, raw):
    broken = copy.deepcopy(raw)
    clauses = broken["part_one"]["clauses"]
    clauses.insert(4, copy.deepcopy(clauses[3]))  # 一(一)4 twice
    with pytest.raises(CatalogueError, match=r"regulation-v1\.json: 条款 一\(一\)4: 条款编号 '一\(一\)4' 重复"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_gap_in_numbering(tmp_path, raw):
    broken = copy.deepcopy(raw)
    clauses = broken["part_one"]["clauses"]
    del clauses[[c["id"] for c in clauses].index("一(二)5")]
    with pytest.raises(CatalogueError, match=r"条款 一\(二\)6: 一\(二\)会务工作 的条号不连续: 应为 5,实际为 6"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_area_without_clauses(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["part_one"]["clauses"] = [c for c in broken["part_one"]["clauses"] if c["area"] != "facilities"]
    with pytest.raises(CatalogueError, match=r"领域 一\(八\)环境管理: 没有任何条款"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_clause_of_unknown_area(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["part_one"]["clauses"][0]["area"] = "archives"
    with pytest.raises(CatalogueError, match=r"未知领域 'archives'"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_id_not_matching_area_and_number(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["part_one"]["clauses"][0]["id"] = "一(二)1"
    with pytest.raises(CatalogueError, match=r"条款编号应为 一\(一\)1"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_long_title(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["part_one"]["clauses"][0]["title"] = "收" * (MAX_TITLE_LENGTH + 1)
    with pytest.raises(CatalogueError, match="超过 16 个字"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_text_with_line_break(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["part_one"]["clauses"][10]["text"] = "报主持会\n议领导;"
    with pytest.raises(CatalogueError, match="含首尾空白或换行"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_duplicate_and_gapped_part_two(tmp_path, raw):
    broken = copy.deepcopy(raw)
    provisions = broken["part_two"]["provisions"]
    provisions.insert(3, copy.deepcopy(provisions[2]))
    with pytest.raises(CatalogueError, match=r"第二部分 二\.1\(1\): 编号 '二\.1\(1\)' 重复"):
        load_regulation_file(_write(tmp_path, broken))
    broken = copy.deepcopy(raw)
    broken["part_two"]["provisions"] = [p for p in raw["part_two"]["provisions"] if p["id"] != "二.2"]
    with pytest.raises(CatalogueError, match=r"编号不连续"):
        load_regulation_file(_write(tmp_path, broken))


def test_rejects_bad_effective_date_and_bad_json(tmp_path, raw):
    broken = copy.deepcopy(raw)
    broken["effective_date"] = "2026-02-30"
    with pytest.raises(CatalogueError, match="effective_date: 日期无效"):
        load_regulation_file(_write(tmp_path, broken))
    ok = copy.deepcopy(raw)
    ok["effective_date"] = "2026-03-01"
    assert load_regulation_file(_write(tmp_path, ok)).effective_date == date(2026, 3, 1)
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="不是有效的 UTF-8 JSON"):
        load_regulation_file(path)
