"""Batch conversion: discovery, ids, parallel conversion with time bounds and crash isolation,
skipping unchanged documents, resuming an interrupted run, combined outputs. The extraction is
replaced by a small fake (`fake_parse`) so these tests are about the batch, not the pipeline."""
import csv
import io
import json
import os
import signal
import sqlite3
import time

import pytest

from extract import batch
from extract.errors import UnreadableFile
from extract.model import Deadline, Document, Finding, Plan, Task
from extract.writers.report import Progress, summary_text


def fake_parse(path, *, tone_style="first", ocr=False):
    """One task per line starting with "- "; behaviours switched by words in the file."""
    text = open(path, encoding="utf-8").read()
    if "NGỦ QUÊN" in text:
        time.sleep(60)
    if "BỎ QUA BÁO THỨC" in text:  # stuck where the alarm cannot reach: only the watchdog ends it
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        time.sleep(60)
    if "SẬP" in text:
        os._exit(3)
    if "LỖI LẬP TRÌNH" in text:
        raise ValueError("a bug in a stage")
    if "KHÔNG ĐỌC ĐƯỢC" in text:
        raise UnreadableFile("the text is in an encoding the tool does not recognise", path, "save it as UTF-8")
    tasks = [Task(id=f"t{i}", origin="text", content=line[2:].strip(), lead=["Phòng Văn hóa và Thông tin"],
                  deadline=Deadline(text="Quý IV/2024", kind="once", end="2024-12-31"))
             for i, line in enumerate((ln for ln in text.splitlines() if ln.startswith("- ")), 1)]
    findings = []
    if "Số: /KH-UBND" in text:
        findings.append(Finding(code="missing-number", severity="error", message="Văn bản chưa có số."))
    return Plan(document=Document(doc_type="KẾ HOẠCH", title=text.splitlines()[0]), tasks=tasks,
                findings=findings, input={"path": path, "format": "txt"})


PLAN_A = "Kế hoạch tuyên truyền chuyển đổi số năm 2024\n- Tổ chức hội nghị quán triệt\n- Tuyên truyền trên loa truyền thanh xã\n"
PLAN_B = "Kế hoạch phòng chống thiên tai\nSố: /KH-UBND\n- Kiểm tra đê điều trước mùa mưa bão\n"


def options(outdir, **kw):
    kw.setdefault("jobs", 2)
    kw.setdefault("timeout", 20)
    return batch.Options(outdir=str(outdir) if outdir else None, parse=fake_parse, **kw)


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- discovery
def test_folder_walk_takes_plans_by_extension_and_by_content(tmp_path):
    src = tmp_path / "in"
    write(src, "xa-a/ke-hoach.txt", PLAN_A)
    write(src, "xa-b/ke-hoach.txt", PLAN_A)
    (src / "xa-b" / "scan-khong-duoi").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (src / "xa-b" / "anh.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    write(src, "xa-b/ghi-chu", "a note without extension is not taken")
    write(src, ".an/bi-mat.txt", PLAN_A)
    write(src, "xa-a/~$ke-hoach.docx", "Word lock file")
    write(src, "xa-a/.DS_Store", "x")
    jobs, failures = batch.discover([str(src)])
    assert failures == []
    assert [j.doc_id for j in jobs] == ["xa-a/ke-hoach", "xa-b/ke-hoach", "xa-b/scan-khong-duoi"]


def test_same_name_in_two_formats_gets_distinct_stable_ids(tmp_path):
    write(tmp_path, "ke-hoach.txt", PLAN_A)
    write(tmp_path, "ke-hoach.md", PLAN_A)
    write(tmp_path, "plans.txt", PLAN_A)  # would collide with the combined plans.xlsx
    ids = [j.doc_id for j in batch.discover([str(tmp_path)])[0]]
    assert ids[:2] == ["ke-hoach-md", "ke-hoach-txt"]
    assert ids[2].startswith("plans-") and len(ids) == 3
    assert ids == [j.doc_id for j in batch.discover([str(tmp_path)])[0]]


def test_missing_path_is_a_failed_input_not_a_crash(tmp_path):
    jobs, failures = batch.discover([str(tmp_path / "khong-co")])
    assert jobs == [] and failures[0].status == "failed" and "no such file" in failures[0].error


# --------------------------------------------------------------------------- runs
def test_run_converts_writes_per_document_and_combined_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", PLAN_A)
    write(src, "b.txt", PLAN_B)
    summary = batch.run([str(src)], options(out))
    assert [r.status for r in summary.results] == ["ok", "ok"]
    assert summary.with_errors == 1 and summary.exit_code == 1  # b has an error-level finding
    names = sorted(p.name for p in out.iterdir())
    assert names == [".kehoach-manifest.json", ".kehoach.lock", "a.json", "a.xlsx", "b.json", "b.xlsx", "documents.csv",
                     "findings.csv", "plans.jsonl", "plans.sqlite", "plans.xlsx", "targets.csv", "tasks.csv"]
    plan = json.loads((out / "a.json").read_text(encoding="utf-8"))
    assert plan["input"]["sha256"] and len(plan["tasks"]) == 2
    tasks = rows(out / "tasks.csv")
    assert [(t["document_id"], t["content"]) for t in tasks] == [
        ("a", "Tổ chức hội nghị quán triệt"), ("a", "Tuyên truyền trên loa truyền thanh xã"),
        ("b", "Kiểm tra đê điều trước mùa mưa bão")]
    assert len((out / "plans.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    con = sqlite3.connect(out / "plans.sqlite")
    assert con.execute("select count(*) from findings where code='missing-number'").fetchone()[0] == 1


def test_rerun_skips_unchanged_documents_and_does_nothing_new(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", PLAN_A)
    write(src, "b.txt", PLAN_B)
    first = batch.run([str(src)], options(out))
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != ".kehoach.lock"}
    time.sleep(0.02)
    second = batch.run([str(src)], options(out))
    assert [r.status for r in second.results] == ["skipped", "skipped"]
    assert second.exit_code == first.exit_code == 1  # the error-level finding is still reported
    assert not second.rebuilt
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != ".kehoach.lock"} == stamps


def test_changed_document_is_redone_and_skipped_ones_stay_in_combined_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", PLAN_A)
    write(src, "b.txt", PLAN_B)
    batch.run([str(src)], options(out))
    write(src, "b.txt", PLAN_B + "- Diễn tập cứu hộ cứu nạn\n")
    summary = batch.run([str(src)], options(out))
    assert {r.doc_id: r.status for r in summary.results} == {"a": "skipped", "b": "ok"}
    assert summary.rebuilt
    tasks = rows(out / "tasks.csv")
    assert [t["document_id"] for t in tasks] == ["a", "a", "b", "b"]
    again = batch.run([str(src)], options(out, force=True))
    assert [r.status for r in again.results] == ["ok", "ok"]


def test_bad_documents_fail_alone_with_their_reason_and_the_batch_goes_on(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", PLAN_A)
    write(src, "bug.txt", "Kế hoạch\nLỖI LẬP TRÌNH\n")
    write(src, "enc.txt", "Kế hoạch\nKHÔNG ĐỌC ĐƯỢC\n")
    write(src, "rong.txt", "")
    (src / "rac.txt").write_bytes(bytes(range(256)) * 8)
    summary = batch.run([str(src)], options(out))
    by = {r.doc_id: r for r in summary.results}
    assert by["a"].status == "ok"
    assert by["bug"].error_kind == "internal" and "bug.txt" in by["bug"].error and "report" in by["bug"].error
    assert by["enc"].error_kind == "unreadable" and "UTF-8" in by["enc"].error
    assert "empty" in by["rong"].error and "rong.txt" in by["rong"].error
    assert "binary" in by["rac"].error
    assert summary.exit_code == 1
    docs = {d["document_id"]: d for d in rows(out / "documents.csv")}
    assert docs["a"]["status"] == "ok" and docs["bug"]["status"] == "failed" and docs["enc"]["error"]
    assert "ValueError: a bug in a stage" in (out / batch.ERROR_LOG).read_text(encoding="utf-8")
    (src / "bug.txt").unlink()
    batch.run([str(src)], options(out))
    assert not (out / batch.ERROR_LOG).exists()  # the log is of the last run only
    assert "enc: " not in summary_text(summary) and "enc.txt" in summary_text(summary)


def test_failure_that_depends_on_content_is_remembered_a_bug_is_retried(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "bug.txt", "Kế hoạch\nLỖI LẬP TRÌNH\n")
    write(src, "enc.txt", "Kế hoạch\nKHÔNG ĐỌC ĐƯỢC\n")
    batch.run([str(src)], options(out))
    again = {r.doc_id: r for r in batch.run([str(src)], options(out)).results}
    assert again["enc"].status == "failed" and again["enc"].cached
    assert again["bug"].status == "failed" and not again["bug"].cached


def test_a_document_that_now_fails_loses_its_old_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", PLAN_A)
    batch.run([str(src)], options(out))
    assert (out / "a.json").exists()
    write(src, "a.txt", "Kế hoạch\nKHÔNG ĐỌC ĐƯỢC\n")
    batch.run([str(src)], options(out))
    assert not (out / "a.json").exists() and not (out / "a.xlsx").exists()
    assert rows(out / "tasks.csv") == []
    write(src, "a.txt", PLAN_A)
    batch.run([str(src)], options(out))
    write(src, "a.txt", "")  # refused before conversion, by the file checks
    batch.run([str(src)], options(out))
    assert not (out / "a.json").exists()


def test_slow_document_is_stopped_at_the_time_bound(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", PLAN_A)
    write(src, "cham.txt", "Kế hoạch\nNGỦ QUÊN\n")
    t0 = time.monotonic()
    summary = batch.run([str(src)], options(tmp_path / "out", timeout=1))
    assert time.monotonic() - t0 < 15
    by = {r.doc_id: r for r in summary.results}
    assert by["a"].status == "ok"
    assert by["cham"].error_kind == "timeout" and "--timeout" in by["cham"].error


def test_document_deaf_to_the_alarm_is_ended_by_the_watchdog(tmp_path):
    src = tmp_path / "in"
    for i in range(3):
        write(src, f"a{i}.txt", PLAN_A)
    write(src, "treo.txt", "Kế hoạch\nBỎ QUA BÁO THỨC\n")
    t0 = time.monotonic()
    summary = batch.run([str(src)], options(tmp_path / "out", timeout=1))
    assert time.monotonic() - t0 < 20
    by = {r.doc_id: r for r in summary.results}
    assert by["treo"].error_kind == "timeout"
    assert [by[f"a{i}"].status for i in range(3)] == ["ok", "ok", "ok"]


def test_worker_crash_is_pinned_on_its_document_only(tmp_path):
    src = tmp_path / "in"
    for i in range(4):
        write(src, f"a{i}.txt", PLAN_A)
    write(src, "sap.txt", "Kế hoạch\nSẬP\n")
    summary = batch.run([str(src)], options(tmp_path / "out"))
    by = {r.doc_id: r for r in summary.results}
    assert by["sap"].error_kind == "crash" and "sap.txt" in by["sap"].error
    assert [by[f"a{i}"].status for i in range(4)] == ["ok"] * 4


def test_interrupted_run_leaves_no_half_file_and_resumes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    for i in range(6):
        write(src, f"a{i}.txt", PLAN_A + f"- Việc riêng số {i}\n")

    class Interrupt(Progress):
        def done(self, result):
            super().done(result)
            if self.done_n == 2:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run([str(src)], options(out, jobs=1), Interrupt(enabled=False))
    left = sorted(p.name for p in out.iterdir())
    assert not [n for n in left if n.endswith(".part")]
    assert "tasks.csv" not in left  # combined outputs are only built by a finished run
    for name in left:
        if name.endswith(".json"):
            json.loads((out / name).read_text(encoding="utf-8"))  # whole files only
    summary = batch.run([str(src)], options(out))
    statuses = [r.status for r in summary.results]
    assert statuses.count("skipped") >= 2 and statuses.count("failed") == 0
    assert len(rows(out / "tasks.csv")) == 6 * 3


def test_check_mode_writes_nothing_and_returns_findings(tmp_path):
    src = tmp_path / "in"
    write(src, "b.txt", PLAN_B)
    summary = batch.run([str(src)], options(None, keep=("findings",)))
    assert [f["code"] for f in summary.results[0].extra["findings"]] == ["missing-number"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_progress_bar_shows_counts_and_current_file_on_a_terminal(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", PLAN_A)
    write(src, "rong.txt", "")
    stream = io.StringIO()
    batch.run([str(src)], options(tmp_path / "out"), Progress(stream, enabled=True))
    text = stream.getvalue()
    assert "2/2" in text and "failed 1" in text and "a.txt" in text
    quiet = io.StringIO()
    batch.run([str(src)], options(tmp_path / "out2"), Progress(quiet))  # StringIO is not a terminal
    assert quiet.getvalue() == ""


def test_summary_counts_converted_findings_failed_and_time(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", PLAN_A)
    write(src, "b.txt", PLAN_B)
    write(src, "rong.txt", "")
    text = summary_text(batch.run([str(src)], options(tmp_path / "out")))
    assert text.startswith("2 converted, 1 with findings (1 with errors), 1 failed — ")
    assert "rong.txt: the file is empty" in text


def test_unwritable_output_folder_is_one_clear_error(tmp_path):
    write(tmp_path, "a.txt", PLAN_A)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(batch.atomic.OutputError) as e:
        batch.run([str(tmp_path / "a.txt")], options(blocker / "out"))
    assert "not-a-folder" in str(e.value)
