import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt

from zeroerror.proofread.engine import Finding, all_rules, proofread_docx, proofread_text
from zeroerror.proofread.engine.cli import run
from zeroerror.proofread.engine.docx import DocxError

KEYS = ["category", "rule", "start", "end", "text", "suggestion", "message", "severity", "why"]


def _run(argv, stdin_bytes=b""):
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(stdin_bytes), encoding="utf-8")
    code = run(argv, stdin, out, err)
    return code, out.getvalue(), err.getvalue()


def _docx(tmp_path, paragraphs, margins_mm=(37, 35, 28, 26), size=16, font="仿宋_GB2312"):
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = (Mm(m) for m in margins_mm)
    for text in paragraphs:
        run_ = document.add_paragraph().add_run(text)
        run_.font.size = Pt(size)
        run_.font.name = font
        run_._element.rPr.rFonts.set(docx.oxml.ns.qn("w:eastAsia"), font)
    path = tmp_path / "doc.docx"
    document.save(path)
    return path


@pytest.mark.clause("一(一)2")
def test_it_prints_the_json_contract_and_exits_1_on_errors(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("今天,我们迫不急待。\n", encoding="utf-8")
    code, out, err = _run(["--format", "json", str(path)])
    assert code == 1 and err == ""
    doc = json.loads(out)
    assert list(doc) == ["files"] and doc["files"][0]["path"] == str(path)
    findings = doc["files"][0]["findings"]
    assert [list(f) for f in findings] == [KEYS] * len(findings)
    text = path.read_text(encoding="utf-8")
    assert [(f["rule"], text[f["start"]:f["end"]]) for f in findings] == [
        ("punct.halfwidth", ","), ("typo.wrong_word", "迫不急待")]


def test_it_exits_0_when_nothing_is_an_error_and_reads_stdin():
    code, out, _ = _run(["-"], "会议于2026年4月8日召开。".encode())
    assert code == 0 and "未发现问题" in out
    code, out, _ = _run(["--format", "json", "-"], "机密★1年".encode())
    assert code == 0 and json.loads(out)["files"][0]["findings"][0]["severity"] == "info"
    code, out, _ = _run(["--format", "json", "--profile", "publication", "-"], "机密★1年".encode())
    assert code == 1


def test_it_checks_many_paths_in_one_call(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("正确的句子。", encoding="utf-8")
    b.write_text("错误的句子,", encoding="utf-8")
    code, out, _ = _run(["--format", "json", str(a), str(b)])
    files = json.loads(out)["files"]
    assert code == 1 and [f["path"] for f in files] == [str(a), str(b)]
    assert files[0]["findings"] == [] and files[1]["findings"][0]["rule"] == "punct.halfwidth"


@pytest.mark.parametrize(("content", "name", "needle"), [
    (None, "missing.txt", "no such file"),
    (b"GBK" + "中文".encode("gbk"), "gbk.txt", "not UTF-8"),
    (b"PK\x03\x04 not really a zip", "bad.docx", "not a valid .docx"),
])
def test_it_exits_2_on_bad_input_without_partial_output(tmp_path, content, name, needle):
    good = tmp_path / "good.txt"
    good.write_text("今天,开会。", encoding="utf-8")
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    code, out, err = _run(["--format", "json", str(good), str(bad)])
    assert code == 2 and out == "" and needle in err


def test_it_exits_2_on_bad_arguments():
    code, out, err = _run(["--format", "xml", "-"])
    assert code == 2 and out == "" and "invalid choice" in err
    assert _run([])[0] == 2


def test_it_reads_docx_text_and_layout(tmp_path):
    path = _docx(tmp_path, ["关于做好工作的通知", "各部门：", "今天,我们开会。"])
    result = proofread_docx(path)
    assert result.text == "关于做好工作的通知\n各部门：\n今天,我们开会。"
    [f] = [f for f in result.findings if f.rule == "punct.halfwidth"]
    assert result.text[f.start:f.end] == ","
    assert not [f for f in result.findings if f.rule.startswith("format.docx")]
    code, out, _ = _run(["--format", "json", str(path)])
    assert code == 1 and json.loads(out)["files"][0]["findings"][0]["rule"] == "punct.halfwidth"


def test_it_flags_docx_margins_and_body_font(tmp_path):
    path = _docx(tmp_path, ["标题", "主送：", "正文第一段。", "正文第二段。"], margins_mm=(20, 20, 20, 20), size=12,
                 font="宋体")
    rules = [f.rule for f in proofread_docx(path.read_bytes()).findings]
    assert rules.count("format.docx_page") == 4 and rules.count("format.docx_body_font") == 2
    assert [f for f in proofread_docx(path, profile="publication").findings if f.rule.startswith("format")] == []
    with pytest.raises(DocxError, match="not a valid .docx file"):
        proofread_docx(b"not a docx")


def test_it_keeps_stable_rule_ids_and_a_frozen_finding():
    rules = all_rules()
    for rule in ("punct.halfwidth", "number.fullwidth_digit", "format.docnumber_bracket", "privacy.id_card",
                 "typo.wrong_word", "variant.nonpreferred", "secrecy.classification_mark"):
        assert rule in rules
    f = proofread_text("今天,开会。")[0]
    assert isinstance(f, Finding) and list(f.to_dict()) == KEYS
    with pytest.raises(AttributeError):
        f.start = 3
    with pytest.raises(ValueError):
        proofread_text("x", profile="web")


def test_it_has_no_django_import_in_the_engine():
    engine = Path(__file__).resolve().parents[2] / "zeroerror" / "proofread" / "engine"
    for path in list(engine.glob("*.py")) + [engine.parent / "__init__.py"]:
        assert "django" not in path.read_text(encoding="utf-8"), path


def _zeroerror() -> str:
    exe = Path(sys.executable).parent / "zeroerror"
    return str(exe) if exe.exists() else shutil.which("zeroerror")


def test_it_runs_as_the_zeroerror_proofread_command(tmp_path):
    exe = _zeroerror()
    assert exe, "the zeroerror console script is not installed"
    path = tmp_path / "a.txt"
    path.write_text("卫发[2025]9号\n", encoding="utf-8")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zeroerror.settings_test"}
    proc = subprocess.run([exe, "proofread", "--format", "json", str(path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["findings"][0]["rule"] == "format.docnumber_bracket"
    proc = subprocess.run([exe, "proofread", str(tmp_path / "missing.txt")], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode == 2 and proc.stdout == "" and "no such file" in proc.stderr
    proc = subprocess.run([exe, "proofread", "--format", "xml", str(path)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert proc.returncode != 0 and proc.stdout == ""
