"""Writers: atomic files, JSON in NFC, combined CSV with BOM, XLSX sheets and highlights, SQLite
tables and indexes, terminal reports. Plans are built from the model with real-looking text."""
import csv
import json
import os
import sqlite3
import unicodedata

import openpyxl
import pytest

from extract.model import Deadline, Document, Finding, Plan, Section, Signer, Source, Target, Task
from extract.writers import atomic, report, tables
from extract.writers import json as json_writer
from extract.writers.csv import CombinedCSV
from extract.writers.sqlite import PlanDatabase
from extract.writers.xlsx import PlanSheets, write_plan_xlsx


def decomposed(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def sample_plan() -> dict:
    """A plan as the pipeline would give it, some text deliberately in NFD."""
    doc = Document(doc_type="KẾ HOẠCH", number="45/KH-UBND", symbol="KH-UBND", number_text="Số: 45/KH-UBND",
                   issuer="ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG", parent_issuer="TỈNH LAI CHÂU",
                   place="Tam Đường", date="2022-03-10", date_text="Tam Đường, ngày 10 tháng 3 năm 2022",
                   title=decomposed("Thực hiện công tác tư tưởng năm 2022"),
                   signer=Signer(name="Nguyễn Văn Hùng", title="PHÓ CHỦ TỊCH", authority="KT. CHỦ TỊCH"),
                   recipients=["Thường trực Huyện ủy", "Các phòng, ban chuyên môn"])
    sections = [
        Section(id="s1", number="I", title="MỤC ĐÍCH, YÊU CẦU", level=0, marker="I.", children=[
            Section(id="s1.1", number="1", title="Mục đích", level=1, marker="1.")]),
        Section(id="s2", number="II", title="NHIỆM VỤ, GIẢI PHÁP", level=0, marker="II."),
    ]
    tasks = [
        Task(id="t1", origin="table", content="Tuyên truyền Nghị quyết Đại hội Đảng bộ huyện",
             lead=["Ban Tuyên giáo Huyện ủy"], partners=["Phòng Văn hóa và Thông tin", "Đài Truyền thanh"],
             deadline=Deadline(text="Quý II/2022", kind="once", start="2022-04-01", end="2022-06-30"),
             section="s2", group="I", group_title="CÔNG TÁC TUYÊN TRUYỀN", number="1",
             extra={"Ghi chú": "Trọng tâm"}, source=Source(table=0, row=2)),
        Task(id="t2", origin="text", content="=Tổ chức hội nghị sơ kết (text that looks like a formula)",
             lead=[], deadline=Deadline(text="Thường xuyên", kind="continuous"), section="s2",
             source=Source(line=120, line_end=122)),
        Task(id="t3", origin="text", content="Kiểm tra\x0bviệc thực hiện\x07 kế hoạch", lead=["UBND các xã"],
             section="s2", source=Source(line=130)),
    ]
    targets = [
        Target(id="m1", text="hộ gia đình đạt tiêu chuẩn văn hóa", value=80.0, unit="%", comparator=">",
               year=2025, value_text="80%", section="s1.1", source=Source(line=40)),
        Target(id="m2", text="trong đó hộ đạt 3 năm liền", value=14.2, unit="%", comparator="=", year=2025,
               parent="m1", value_text="14,2%", section="s1.1", source=Source(line=41)),
    ]
    findings = [
        Finding(code="missing-lead", severity="warning", message="Nhiệm vụ chưa có đơn vị chủ trì.", task="t2",
                source=Source(line=120)),
        Finding(code="target-mismatch", severity="error", message="Chỉ tiêu ghi 15% ở bảng nhưng 14,2% ở mục tiêu.",
                target="m2", source=Source(line=41)),
    ]
    plan = Plan(document=doc, sections=sections, tasks=tasks, targets=targets, findings=findings,
                normalization=[{"step": "tone_style", "count": 3, "examples": [["hoà", "hòa"]]}],
                input={"path": "plans/ke-hoach.docx", "name": "ke-hoach.docx", "format": "docx", "pages": 4,
                       "sha256": "ab" * 32},
                tool_version="0.1.0")
    return plan.to_dict()


# --------------------------------------------------------------------------- atomic
def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "tasks.csv"
    target.write_text("old")
    atomic.write_text(str(target), "mới")
    assert target.read_text(encoding="utf-8") == "mới"
    assert [p.name for p in tmp_path.iterdir()] == ["tasks.csv"]


def test_atomic_write_interrupted_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "plan.json"
    target.write_text('{"old": true}')
    with pytest.raises(RuntimeError):
        with atomic.atomic_open(str(target)) as fh:
            fh.write('{"new": ')
            raise RuntimeError("killed mid-write")
    assert target.read_text() == '{"old": true}'
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


def test_atomic_outputs_get_ordinary_permissions_not_0600(tmp_path):
    target = tmp_path / "a.json"
    atomic.write_text(str(target), "{}")
    assert os.stat(target).st_mode & 0o044  # readable by group/others under the usual umask 022


def test_output_folder_that_cannot_be_created_is_one_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(atomic.OutputError) as e:
        atomic.ensure_dir(str(blocker / "out"))
    assert "out" in str(e.value) and "-o" in str(e.value)
    with pytest.raises(atomic.OutputError):
        atomic.write_text(str(blocker / "out" / "x.json"), "{}")


def test_stale_temporaries_of_a_killed_run_are_cleaned(tmp_path):
    stale = tmp_path / ".tasks.csv.abc123.part"
    stale.write_text("half")
    os.utime(stale, (0, 0))
    fresh = tmp_path / ".plans.xlsx.def456.part"
    fresh.write_text("another run is writing this")
    assert atomic.clean_stale(str(tmp_path)) == 1
    assert not stale.exists() and fresh.exists()


# --------------------------------------------------------------------------- json
def test_json_output_is_nfc_and_keeps_vietnamese_unescaped(tmp_path):
    path = tmp_path / "p.json"
    json_writer.write_plan(str(path), sample_plan())
    text = path.read_text(encoding="utf-8")
    assert "Thực hiện công tác tư tưởng" in text
    assert unicodedata.is_normalized("NFC", text)
    assert json.loads(text)["document"]["number"] == "45/KH-UBND"


def test_jsonl_line_carries_the_document_id_first():
    line = json_writer.jsonl_line("xa-a/ke-hoach", sample_plan())
    assert line.endswith("\n") and "\n" not in line[:-1]
    assert list(json.loads(line))[0] == "document_id"


# --------------------------------------------------------------------------- csv
def read_csv(path):
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so that Excel shows Vietnamese"
    return list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))


def test_combined_csv_has_document_id_bom_and_joined_lists(tmp_path):
    w = CombinedCSV(str(tmp_path))
    w.add("ke-hoach-45", sample_plan())
    w.add("ke-hoach-hong", None, status="failed", error="x.pdf: the PDF is password-protected")
    w.close()
    docs = read_csv(tmp_path / "documents.csv")
    assert [d["document_id"] for d in docs] == ["ke-hoach-45", "ke-hoach-hong"]
    assert docs[0]["status"] == "ok" and docs[0]["tasks"] == "3" and docs[0]["errors"] == "1"
    assert docs[1]["status"] == "failed" and "password" in docs[1]["error"]
    assert docs[0]["recipients"] == "Thường trực Huyện ủy; Các phòng, ban chuyên môn"
    tasks = read_csv(tmp_path / "tasks.csv")
    assert tasks[0]["partners"] == "Phòng Văn hóa và Thông tin; Đài Truyền thanh"
    assert tasks[0]["deadline_kind"] == "once" and tasks[0]["deadline_end"] == "2022-06-30"
    assert json.loads(tasks[0]["extra"]) == {"Ghi chú": "Trọng tâm"}
    assert tasks[1]["finding_codes"] == "missing-lead" and tasks[1]["line"] == "120"
    targets = read_csv(tmp_path / "targets.csv")
    assert targets[1]["parent"] == "m1" and targets[1]["value"] == "14.2"
    findings = read_csv(tmp_path / "findings.csv")
    assert {f["code"] for f in findings} == {"missing-lead", "target-mismatch"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.csv", "findings.csv", "targets.csv", "tasks.csv"]


def test_combined_csv_aborted_leaves_no_file(tmp_path):
    w = CombinedCSV(str(tmp_path))
    w.add("a", sample_plan())
    w.abort()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value,expected", [
    (["Sở Nội vụ", "Sở Tài chính"], "Sở Nội vụ; Sở Tài chính"),
    ([], ""),
    ([None, "UBND các xã"], "UBND các xã"),
    (decomposed("Phòng Tư pháp"), "Phòng Tư pháp"),
    (3, 3), (None, None), (14.2, 14.2),
])
def test_table_cells_join_lists_and_normalize_text(value, expected):
    assert tables.nfc(value) == expected


# --------------------------------------------------------------------------- xlsx
def test_plan_xlsx_has_one_sheet_per_table_frozen_header_widths_and_highlights(tmp_path):
    path = tmp_path / "ke-hoach.xlsx"
    write_plan_xlsx(str(path), "ke-hoach", sample_plan())
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["document", "sections", "tasks", "targets", "findings"]
    tasks = wb["tasks"]
    assert tasks.freeze_panes == "A2"
    head = [c.value for c in tasks[1]]
    content_col = head.index("content") + 1
    assert tasks.column_dimensions[openpyxl.utils.get_column_letter(content_col)].width >= 50
    fills = {tasks.cell(r, 2).value: tasks.cell(r, 2).fill.fgColor.rgb for r in range(2, tasks.max_row + 1)}
    assert fills["t2"].endswith("FFF2CC")        # warning finding
    assert fills["t1"] in (None, "00000000")      # no finding, no highlight
    targets = wb["targets"]
    tfills = {targets.cell(r, 2).value: targets.cell(r, 2).fill.fgColor.rgb for r in range(2, targets.max_row + 1)}
    assert tfills["m2"].endswith("F8CBAD")        # error finding
    # text that starts with "=" stays text; control characters from Word are dropped
    t2 = tasks.cell(3, content_col)
    assert t2.data_type == "s" and t2.value.startswith("=Tổ chức")
    assert tasks.cell(4, content_col).value == "Kiểm traviệc thực hiện kế hoạch"
    doc = {r[0].value: r[1].value for r in wb["document"].iter_rows(min_row=2)}
    assert doc["number"] == "45/KH-UBND" and doc["title"] == "Thực hiện công tác tư tưởng năm 2022"


def test_xlsx_numbers_are_numbers_and_iso_dates_are_dates(tmp_path):
    """A reviewer sorts and sums: values, years, levels and places in the file are numbers, full
    ISO dates are dates; a date the text gives only as a year stays text."""
    import datetime
    plan = sample_plan()
    book = PlanSheets(str(tmp_path / "plans.xlsx"))
    book.add("a", plan)
    book.add("b", {**plan, "document": {**plan["document"], "date": "2022"}})
    book.save()
    wb = openpyxl.load_workbook(tmp_path / "plans.xlsx")

    def column(sheet, name):
        ws = wb[sheet]
        head = [c.value for c in ws[1]]
        return [row[head.index(name)] for row in ws.iter_rows(min_row=2)]

    assert [c.value for c in column("targets", "value")] == [80.0, 14.2] * 2
    assert all(c.data_type == "n" for c in column("targets", "value") + column("targets", "year"))
    assert all(isinstance(c.value, int) for c in column("sections", "level") + column("documents", "tasks"))
    starts = column("tasks", "deadline_start")
    assert starts[0].value == datetime.datetime(2022, 4, 1) and starts[0].number_format == "yyyy-mm-dd"
    assert starts[1].value is None
    dates = column("documents", "date")
    assert dates[0].is_date and dates[1].value == "2022"


def test_xlsx_highlights_error_and_warning_rows_with_frozen_filtered_header(tmp_path):
    book = PlanSheets(str(tmp_path / "plans.xlsx"))
    book.add("a", sample_plan())
    book.add("b", None, status="failed", error="b.docx: damaged Word file")
    book.save()
    wb = openpyxl.load_workbook(tmp_path / "plans.xlsx")
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    findings = {r[1].value: r[1].fill.fgColor.rgb for r in wb["findings"].iter_rows(min_row=2)}
    assert findings["missing-lead"].endswith("FFF2CC") and findings["target-mismatch"].endswith("F8CBAD")
    docs = {r[0].value: r[0].fill.fgColor.rgb for r in wb["documents"].iter_rows(min_row=2)}
    assert docs["a"].endswith("F8CBAD") and docs["b"].endswith("F8CBAD")   # has an error / failed


def test_combined_xlsx_lists_failed_documents_too(tmp_path):
    book = PlanSheets(str(tmp_path / "plans.xlsx"))
    book.add("a", sample_plan())
    book.add("b", None, status="failed", error="b.docx: damaged Word file")
    book.save()
    wb = openpyxl.load_workbook(tmp_path / "plans.xlsx")
    assert wb.sheetnames == ["documents", "sections", "tasks", "targets", "findings"]
    rows = list(wb["documents"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1]) for r in rows] == [("a", "ok"), ("b", "failed")]
    assert wb["tasks"].max_row == 4 and wb["sections"].max_row == 4


# --------------------------------------------------------------------------- sqlite
def test_sqlite_has_the_tables_indexes_and_answers_by_unit(tmp_path):
    path = tmp_path / "plans.sqlite"
    db = PlanDatabase(str(path))
    db.add("ke-hoach-45", sample_plan())
    db.add("hong", None, status="failed", error="hong.pdf: truncated")
    db.close()
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"documents", "sections", "tasks", "targets", "findings", "task_units"} <= names
    indexes = {r[0] for r in con.execute("select sql from sqlite_master where type='index' and sql is not null")}
    assert any('"findings" ("code")' in s for s in indexes)
    assert any('"task_units" ("unit", "role")' in s for s in indexes)  # who leads what: not the joined list
    assert not any('"tasks" ("lead")' in s for s in indexes)
    rows = con.execute("select t.id, t.content from tasks t join task_units u on u.task_id = t.id "
                       "and u.document_id = t.document_id where u.unit = ?", ("Đài Truyền thanh",)).fetchall()
    assert rows == [("t1", "Tuyên truyền Nghị quyết Đại hội Đảng bộ huyện")]
    assert con.execute("select value from targets where id='m2'").fetchone()[0] == pytest.approx(14.2)
    assert con.execute("select count(*) from sections where document_id='ke-hoach-45'").fetchone()[0] == 3
    assert con.execute("select status, error from documents where document_id='hong'").fetchone() == \
        ("failed", "hong.pdf: truncated")
    assert [p.name for p in tmp_path.iterdir()] == ["plans.sqlite"]


def test_sqlite_keys_tasks_sections_targets_by_document_and_id_with_foreign_keys(tmp_path):
    path = tmp_path / "plans.sqlite"
    db = PlanDatabase(str(path))
    db.add("ke-hoach-45", sample_plan())
    db.add("ke-hoach-46", sample_plan())  # the same ids in another document
    db.close()
    con = sqlite3.connect(path)
    for table in ("sections", "tasks", "targets"):
        pk = [r[1] for r in sorted(con.execute(f"pragma table_info({table})"), key=lambda r: r[5]) if r[5]]
        assert pk == ["document_id", "id"], table
        refs = {(r[2], r[3], r[4]) for r in con.execute(f"pragma foreign_key_list({table})")}
        assert refs == {("documents", "document_id", "document_id")}, table
    units = {(r[2], r[3], r[4]) for r in con.execute("pragma foreign_key_list(task_units)")}
    assert ("tasks", "task_id", "id") in units and ("documents", "document_id", "document_id") in units
    assert con.execute("pragma foreign_key_check").fetchall() == []
    con.execute("pragma foreign_keys=on")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("insert into tasks (document_id, id) values ('ke-hoach-45', 't1')")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("insert into tasks (document_id, id) values ('khong-co', 't9')")
    plan = sample_plan()
    plan["tasks"].append(dict(plan["tasks"][0]))  # a repeated id never breaks the database
    db = PlanDatabase(str(tmp_path / "dup.sqlite"))
    db.add("a", plan)
    db.close()
    ids = [r[0] for r in sqlite3.connect(tmp_path / "dup.sqlite").execute("select id from tasks")]
    assert len(ids) == len(plan["tasks"]) and len(set(ids)) == len(ids)


# --------------------------------------------------------------------------- reports
def test_findings_block_lists_errors_first_with_task_and_place():
    text = report.findings_block("ke-hoach.docx", sample_plan()["findings"])
    lines = text.splitlines()
    assert lines[0].startswith("ke-hoach.docx: 2 findings (1 error, 1 warning)")
    assert "target-mismatch" in lines[1] and "target m2" in lines[1] and "line 41" in lines[1]
    assert "missing-lead" in lines[2] and "task t2" in lines[2]


def test_findings_block_of_a_failed_document_gives_the_reason():
    text = report.findings_block("x.pdf", None, "x.pdf: the PDF is password-protected — ask the sender")
    assert "FAILED" in text and "password-protected" in text


def test_show_prints_header_outline_with_literal_numbers_tasks_and_targets():
    text = report.show(sample_plan(), "ke-hoach.docx")
    assert "45/KH-UBND" in text and "Tam Đường, 2022-03-10" in text
    assert "\n  I. MỤC ĐÍCH, YÊU CẦU" in text and "\n    1. Mục đích" in text and "II. NHIỆM VỤ" in text
    assert "Tasks (3)" in text and "Ban Tuyên giáo" in text and "[I] CÔNG TÁC TUYÊN TRUYỀN" in text
    assert "Quý II/2022" in text and "\x07" not in text
    assert "Targets (2)" in text and "> 80%" in text and "14,2%" in text
    assert "target-mismatch" in text


@pytest.mark.parametrize("number,marker,expected", [
    ("II", "I-", "II-"), ("III", "I.", "III."), ("2", "(1)", "(2)"), ("b", "a)", "b)"),
    ("1.2", "1.1.", "1.2."), ("-", "-", "-"), ("Phụ lục II", None, "Phụ lục II"), ("3", "1-", "3-"),
])
def test_outline_labels_keep_the_literal_number_with_its_marker_style(number, marker, expected):
    assert report.label(number, marker) == expected


def test_explain_lists_each_repair_with_count_and_examples():
    text = report.explain("ke-hoach", sample_plan()["normalization"])
    assert "tone_style: 3" in text and "'hoà' -> 'hòa'" in text
    assert report.explain("x", []) == "x: no text repairs\n"
    legacy = [{"step": "legacy_font", "count": 2,
               "examples": [{"before": "KÕ ho¹ch", "after": "Kế hoạch", "encoding": "tcvn3"}]}]
    assert "'KÕ ho¹ch' -> 'Kế hoạch' (encoding: tcvn3)" in report.explain("y", legacy)
