"""The HTML review report without a browser: Vietnamese dates and places, every document text
escaped, missing leads and deadlines standing out on their rows, malformed plan JSON, the report
made again from an output folder (no documents), failed files listed, stale pages removed, and the
`report` command and `convert --report`. The browser checks are in test_html_browser.py."""
import copy
import json
import os
import re
from pathlib import Path

import pytest

from extract import cli
from extract.writers import html
from extract.writers.html import charts, index_page, labels, plan_page
from extract.writers.html.stats import plan_stats

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "hoabinh-sovhttdl-kh-dulich-2025-web.txt"
EVIL = '<script>window.__pwned=1</script>'


def _plan(**over) -> dict:
    """A small invented plan in the JSON schema: one task without a lead, one without a deadline."""
    plan = {
        "schema_version": "1.0", "tool_version": "0.1.0",
        "input": {"path": "in/ke-hoach.txt", "name": "ke-hoach.txt", "format": "txt", "pages": None,
                  "encoding": "utf-8", "sha256": "0" * 64},
        "document": {"doc_type": "Kế hoạch", "number": None, "symbol": "KH-UBND", "number_text": "Số: /KH-UBND",
                     "issuer": "Ủy ban nhân dân xã Đông Sơn", "parent_issuer": "UBND huyện Đông Hà",
                     "place": "Đông Sơn", "date": "2025-04-05", "date_text": "ngày 05 tháng 4 năm 2025",
                     "title": "Tổ chức ngày hội đọc sách", "signer": {"name": "Lê Văn A", "title": "CHỦ TỊCH",
                                                                      "authority": "TM. ỦY BAN NHÂN DÂN"},
                     "recipients": ["Như trên", "Lưu: VT"], "cited": [], "source": {"line": 3}},
        "sections": [{"id": "S1", "number": "II", "title": "NHIỆM VỤ", "level": 0, "marker": "I.",
                      "source": {"line": 10}, "children": [
                          {"id": "S2", "number": "1", "title": "Tuyên truyền", "level": 1, "marker": "1.",
                           "source": {"line": 11}, "children": []}]}],
        "tasks": [
            {"id": "K1", "origin": "table", "content": "Treo băng rôn", "lead": [], "partners": ["Đoàn xã"],
             "deadline": {"text": "Quý II/2025", "kind": "once", "start": "2025-04-01", "end": "2025-06-30",
                          "period": None},
             "section": "S2", "group": "A", "group_title": "TRUYỀN THÔNG", "number": "1", "lead_canonical": [],
             "partners_canonical": [], "extra": {}, "source": {"line": 20, "row": 1}},
            {"id": "K2", "origin": "text", "content": "Tổ chức thi kể chuyện", "lead": ["Hội Phụ nữ"],
             "partners": [], "deadline": {"text": "", "kind": None, "start": None, "end": None, "period": None},
             "section": "S2", "group": None, "group_title": None, "number": None, "lead_canonical": [],
             "partners_canonical": [], "extra": {}, "source": {"line": 30, "line_end": 31}},
            {"id": "K3", "origin": "text", "content": "Báo cáo kết quả", "lead": ["Văn phòng"], "partners": [],
             "deadline": {"text": "Hằng năm", "kind": "recurring", "start": None, "end": None, "period": "year"},
             "section": "S2", "group": None, "group_title": None, "number": None, "lead_canonical": [],
             "partners_canonical": [], "extra": {}, "source": {"line": 32}},
        ],
        "targets": [{"id": "T1", "text": "Học sinh tham gia", "value": 90.0, "unit": "%", "comparator": ">=",
                     "year": 2025, "parent": None, "value_text": "90%", "sentence": "Phấn đấu 90% học sinh tham gia.",
                     "section": "S1", "source": {"line": 8}}],
        "findings": [
            {"code": "missing-lead", "severity": "error", "message": "Nhiệm vụ A.1 chưa có đơn vị chủ trì.",
             "task": "K1", "target": None, "section": "S2", "source": {"line": 20, "row": 1}},
            {"code": "missing-deadline", "severity": "warning", "message": "Nhiệm vụ chưa có thời gian thực hiện.",
             "task": "K2", "target": None, "section": "S2", "source": {"line": 30}},
            {"code": "missing-number", "severity": "info", "message": "Văn bản chưa có số.", "task": None,
             "target": None, "section": None, "source": {"line": 2}},
        ],
        "normalization": [{"step": "legacy-tcvn3", "count": 4, "examples": [{"before": "Ch\u00ad¬ng", "after": "Chương"}]}],
    }
    plan.update(over)
    return plan


def _evil_plan() -> dict:
    """The same plan with markup in every text a document can carry."""
    plan = _plan()
    d = plan["document"]
    for k in ("doc_type", "number_text", "issuer", "parent_issuer", "place", "date_text", "title"):
        d[k] = f"{d[k]} {EVIL}"
    d["number"] = f"12/KH-{EVIL}"
    d["signer"]["name"] += EVIL
    d["recipients"].append(EVIL)
    d["cited"] = [{"text": EVIL, "doc_type": None, "number": None, "date": None, "issuer": None}]
    plan["input"]["name"] = EVIL + ".txt"
    plan["input"]["path"] = EVIL + ".txt"
    plan["sections"][0]["title"] += EVIL
    plan["sections"][0]["number"] = EVIL
    for t in plan["tasks"]:
        t["content"] += EVIL
        t["partners"].append('x" onmouseover="window.__pwned=1')
        t["extra"] = {EVIL: EVIL}
        t["deadline"]["text"] += EVIL
        t["group_title"] = EVIL
        t["number"] = EVIL
    plan["tasks"][2]["lead"] = [EVIL, "</td></tr></table><img src=x onerror=alert(1)>"]
    plan["targets"][0].update(text=EVIL, unit=EVIL, value_text=EVIL, sentence=EVIL)
    for f in plan["findings"]:
        f["message"] += EVIL
    plan["findings"].append({"code": EVIL, "severity": EVIL, "message": EVIL, "task": None, "target": None,
                             "section": None, "source": None})
    plan["normalization"][0]["examples"].append({"before": EVIL, "after": EVIL})
    plan["normalization"][0]["step"] = EVIL
    return plan


# --------------------------------------------------------------------------- words
@pytest.mark.parametrize("iso, text", [
    ("2025-04-05", "ngày 05/4/2025"),
    ("2025-02-14", "ngày 14/02/2025"),
    ("2025-12-01", "ngày 01/12/2025"),
    ("2026-01-08", "ngày 08/01/2026"),
    ("2022-01", "tháng 01/2022"),
    ("2022-06", "tháng 6/2022"),
    ("2024", "năm 2024"),
    (None, ""),
])
def test_dates_are_written_the_vietnamese_way(iso, text):
    assert labels.date(iso) == text


@pytest.mark.parametrize("src, text", [
    ({"line": 12}, "dòng 12"),
    ({"line": 12, "line_end": 14}, "dòng 12–14"),
    ({"line": 12, "line_end": 12}, "dòng 12"),
    ({"paragraph": 0}, "đoạn 1"),
    ({"table": 0, "row": 3, "cell": 1}, "bảng 1, hàng 4, ô 2"),
    ({"page": 3, "table": 1, "row": 2, "bbox": [1, 2, 3, 4]}, "trang 3, bảng 2, hàng 3"),
    (None, ""),
    ("line 3", ""),
])
def test_provenance_is_written_in_words_counting_from_one(src, text):
    assert labels.source(src) == text


@pytest.mark.parametrize("deadline, quarter", [
    ({"kind": "once", "end": "2025-06-30"}, (2025, 2)),
    ({"kind": "range", "start": "2022-01-01", "end": "2025-12-31"}, (2025, 4)),
    ({"kind": "once", "start": "2024-03-01", "end": None}, (2024, 1)),
    ({"kind": "recurring", "period": "year"}, "recurring"),
    ({"kind": "conditional"}, "conditional"),
    ({"kind": None, "text": ""}, None),
])
def test_tasks_fall_in_the_quarter_they_are_due(deadline, quarter):
    from extract.writers.html.stats import deadline_bucket
    assert deadline_bucket({"deadline": deadline}) == quarter


# --------------------------------------------------------------------------- escaping
def test_every_document_text_is_escaped_on_the_plan_page():
    page = plan_page.render(_evil_plan(), EVIL, "hôm nay")
    assert "window.__pwned" in page                      # the text is there ...
    assert page.count("<script") == 1                    # ... but the only script is the report's own
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "<img" not in page and 'onmouseover="' not in page
    assert re.search(r"<script src=\"\.\./report\.js\" defer></script>", page)


def test_every_document_text_is_escaped_in_the_index(tmp_path):
    plan = _evil_plan()
    path = tmp_path / "out" / "x.json"
    path.parent.mkdir()
    path.write_text(json.dumps(plan), encoding="utf-8")
    entries = html.from_outdir(str(path.parent)) + [
        html.ReportEntry(doc_id=EVIL, source=EVIL, error=EVIL, error_kind="unreadable")]
    html.write_report(entries, str(tmp_path / "rep"))
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert index.count("<script") == 1 and "&lt;script&gt;" in index


def test_chart_labels_are_escaped():
    svg = charts.bar_chart([(EVIL, 3, "x"), ("b", 0, "y")], EVIL)
    assert "<script" not in svg and svg.count("<g ") == 1


# --------------------------------------------------------------------------- plan page
def test_missing_lead_and_deadline_are_empty_cells_that_stand_out():
    page = plan_page.render(_plan(), "ke-hoach", "hôm nay")
    row = {m.group(1): m.group(0) for m in re.finditer(r'<tr id="task-(K\d)".*?</tr>', page)}
    assert 'class="c-lead missing"' in row["K1"] and "chưa có" in row["K1"]
    assert 'class="c-deadline missing"' in row["K2"]
    assert "missing" not in row["K3"]                    # a task with both has no flagged cell
    assert 'data-findings="1"' in row["K1"] and 'data-findings="0"' in row["K3"]
    # the finding is on its row, the document-level one in its own block
    assert "Nhiệm vụ A.1 chưa có đơn vị chủ trì." in row["K1"]
    assert "Văn bản chưa có số." in page.split('id="phat-hien-chung"')[1].split("</section>")[0]


def test_plan_page_shows_header_outline_targets_and_repairs():
    page = plan_page.render(_plan(), "ke-hoach", "hôm nay")
    assert "chưa có số" in page and "ngày 05/4/2025" in page
    assert "TM. ỦY BAN NHÂN DÂN — CHỦ TỊCH — Lê Văn A" in page
    assert re.search(r"<details open><summary><span class=\"num\">II\.</span>", page)
    assert "≥ trở lên" in page and "90%" in page
    assert "Chuyển bảng mã TCVN3 sang Unicode" in page and "Chương" in page
    assert "dòng 30–31" in page                              # provenance of a text duty
    assert '<option value="__none__">' in page and '<option value="recurring">' in page


@pytest.mark.parametrize("broken", [
    {"tasks": "none"}, {"tasks": [None, 3, {"id": "K1", "deadline": "Quý I", "lead": "UBND"}]},
    {"document": None}, {"sections": [{"children": "x"}, 5]}, {"findings": [{"task": "K9"}]},
    {"targets": [{"value": "lots", "comparator": None}]}, {"normalization": [{"examples": None}]},
    {"input": [], "schema_version": None},
])
def test_malformed_plan_json_gives_a_page_not_a_crash(broken):
    plan = _plan(**broken)
    page = plan_page.render(plan, "x", "hôm nay")
    assert page.startswith("<!DOCTYPE html>")
    index_page.render([index_page.IndexRow("x", "plans/x.html", "x", None, None, None, None,
                                           plan_stats(plan))], [], "hôm nay")


def test_summary_counts():
    st = plan_stats(_plan())
    assert (st.tasks, st.with_lead, st.with_deadline, st.targets, st.sections) == (3, 2, 2, 1, 2)
    assert st.missing_lead == 1 and st.missing_deadline == 1
    assert dict(st.severities) == {"error": 1, "warning": 1, "info": 1}


# --------------------------------------------------------------------------- folders and commands
def _outdir(tmp_path, plans: dict, failed: dict = ()) -> Path:
    out = tmp_path / "output"
    out.mkdir()
    docs = {}
    for doc_id, plan in plans.items():
        (out / f"{doc_id}.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        docs[doc_id] = {"path": f"/in/{doc_id}.txt", "status": "ok"}
    for doc_id, error in dict(failed).items():
        docs[doc_id] = {"path": f"/in/{doc_id}.pdf", "status": "failed", "error": error, "error_kind": "unreadable"}
    (out / ".kehoach-manifest.json").write_text(json.dumps({"documents": docs}), encoding="utf-8")
    (out / "notes.json").write_text("[1, 2]", encoding="utf-8")          # not a plan: left out
    return out


def test_report_from_an_output_folder_lists_plans_and_failed_files(tmp_path, capsys):
    second = _plan()
    second["document"] = dict(second["document"], number="7/KH-UBND", title="Kế hoạch thứ hai")
    out = _outdir(tmp_path, {"a": _plan(), "b": second}, {"c": "/in/c.pdf: the file is encrypted"})
    rep = tmp_path / "rep"
    rc = cli.main(["report", str(out), "-o", str(rep)])
    assert rc == 1                                        # a failed file and an error-level finding
    index = (rep / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr data-id="([^"]+)"', index) == ["a", "b"]
    assert "the file is encrypted" in index and "Tệp không đọc được" in index
    assert sorted(os.listdir(rep / "plans")) == ["a.html", "b.html"]
    assert (rep / "report.css").is_file() and (rep / "report.js").is_file()
    assert "2 plans" in capsys.readouterr().out


def test_report_pages_of_plans_gone_from_the_batch_are_removed(tmp_path):
    out = _outdir(tmp_path, {"a": _plan(), "b": _plan()})
    rep = tmp_path / "rep"
    cli.main(["report", str(out), "-o", str(rep), "-q"])
    (out / "b.json").unlink()
    cli.main(["report", str(out), "-o", str(rep), "-q"])
    assert os.listdir(rep / "plans") == ["a.html"]


def test_unreadable_plan_json_is_a_failed_row(tmp_path):
    out = _outdir(tmp_path, {"a": _plan()})
    (out / "broken.json").write_text("{not json", encoding="utf-8")
    rep = tmp_path / "rep"
    cli.main(["report", str(out), "-o", str(rep), "-q"])
    index = (rep / "index.html").read_text(encoding="utf-8")
    assert "broken.json" in index and "Không đọc được tệp JSON" in index


def test_convert_report_then_report_again_from_the_json_alone(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "kh.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    rc = cli.main(["convert", str(src), "-o", str(out), "--report", "-q", "--format", "json"])
    assert rc in (0, 1)
    first = (out / "report" / "plans" / "kh.html").read_text(encoding="utf-8")
    (src / "kh.txt").unlink()                             # the documents are not needed any more
    rep = tmp_path / "again"
    cli.main(["report", str(out), "-o", str(rep), "-q"])
    again = (rep / "plans" / "kh.html").read_text(encoding="utf-8")
    strip = lambda s: re.sub(r"Lập bởi.*?</footer>", "", s)  # noqa: E731 - the time of making differs
    assert strip(first) == strip(again)
    plan = json.loads((out / "kh.json").read_text(encoding="utf-8"))
    assert plan["document"]["number"] in again


def test_report_converts_documents_given_directly(tmp_path):
    rep = tmp_path / "rep"
    rc = cli.main(["report", str(SEED), str(tmp_path / "missing.docx"), "-o", str(rep), "-q", "--jobs", "1"])
    assert rc == 1
    index = (rep / "index.html").read_text(encoding="utf-8")
    assert 'data-id="hoabinh-sovhttdl-kh-dulich-2025-web"' in index and "missing.docx" in index


def test_report_usage_errors(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["convert", str(SEED), "-o", "-", "--report"])
    assert e.value.code == 2
    with pytest.raises(SystemExit) as e:
        cli.main(["report"])
    assert e.value.code == 2


def test_report_help_has_examples(capsys):
    with pytest.raises(SystemExit):
        cli.main(["report", "--help"])
    out = capsys.readouterr().out
    assert "kehoach report output/" in out and "exit codes:" in out


def test_index_is_served_sorted_by_errors_then_warnings():
    def row(doc_id, errors, warnings):
        plan = copy.deepcopy(_plan())
        plan["findings"] = ([{"code": "missing-lead", "severity": "error"}] * errors
                            + [{"code": "missing-deadline", "severity": "warning"}] * warnings)
        return index_page.IndexRow(doc_id, f"plans/{doc_id}.html", doc_id, None, None, None, None,
                                   plan_stats(plan))
    page = index_page.render([row("a", 0, 5), row("b", 2, 0), row("c", 2, 3)], [], "hôm nay")
    assert re.findall(r'<tr data-id="([^"]+)"', page) == ["c", "b", "a"]


def test_output_folder_with_documents_in_subfolders(tmp_path):
    """Inputs in subfolders get ids like `sub/plan` and their JSON in OUTDIR/sub/: the report finds
    them through the manifest."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(SEED.read_bytes())
    (src / "b.txt").write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    cli.main(["convert", str(src), "-o", str(out), "-q", "--format", "json", "--jobs", "1"])
    rep = tmp_path / "rep"
    cli.main(["report", str(out), "-o", str(rep), "-q"])
    index = (rep / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<tr data-id="([^"]+)"', index) == ["b", "sub/a"]
    assert sorted(os.listdir(rep / "plans")) == ["b.html", "sub_a.html"]


@pytest.mark.parametrize("value, text", [(1250000.0, "1.250.000"), (14.2, "14,2"), (3, "3"), (None, None),
                                         ("x", None), (float("nan"), None)])
def test_values_are_written_with_vietnamese_separators(value, text):
    assert labels.decimal(value) == text


def test_any_json_in_any_part_of_a_plan_gives_a_page():
    """Whatever JSON stands where the schema expects something else, the pages are made."""
    from hypothesis import given, settings, strategies as st
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
            st.sampled_from(["id", "task", "target", "section", "children", "lead", "deadline", "kind", "code",
                             "severity", "source", "line", "number", "marker", "examples", "parent", "value"]),
            inner, max_size=4),
        max_leaves=12)
    keys = ["document", "input", "sections", "tasks", "targets", "findings", "normalization"]
    fields = ["id", "content", "lead", "partners", "deadline", "section", "group", "number", "source", "extra",
              "lead_canonical", "origin", "deadline", "deadline"]

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(st.sampled_from(keys), json_values, st.sampled_from(fields), json_values)
    def check(key, value, field, task_value):
        plan = _plan(**{key: value})
        base = _plan()
        base["tasks"][0][field] = task_value
        base["findings"][0]["task"] = task_value if field == "id" else "K1"
        for p in (plan, base):
            page = plan_page.render(p, "x", "hôm nay")
            assert page.startswith("<!DOCTYPE html>")
            index_page.render([index_page.IndexRow("x", "plans/x.html", "x", None, None, None, None,
                                                   plan_stats(p))], [], "hôm nay")
    check()
