"""Batch reliability under faults: odd file names, special files and links, bounds on time and
memory, killed runs, full disks, concurrent runs, and the hygiene of the combined outputs. The
extraction is a small fake where the test is about the batch (`fake_parse`)."""
import csv
import errno
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import unicodedata
import zipfile
import zlib
from pathlib import Path

import pytest

from extract import batch, cli, inputs, workers
from extract.model import Deadline, Document, Plan, Task
from extract.writers import atomic
from extract.writers.report import summary_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "tamduong-ubnd-kh-congtac-tutuong-2022.txt"


def fake_parse(path, *, tone_style="first", ocr=False):
    """One task per line starting with "- "; behaviours switched by words in the file."""
    text = open(path, encoding="utf-8").read()
    if "NGỦ" in text:
        time.sleep(float(text.split("NGỦ")[1].split()[0]))
    if "GHI CHẬM" in text:  # the outputs of this document take long to write
        from extract.writers import atomic as atomic_writer
        from extract.writers import json as json_writer
        slow = json_writer.write_plan

        def write_plan(p, plan, _slow=slow):
            if "ghi-cham" in p:
                with atomic_writer.atomic_open(p) as fh:
                    fh.write("{")
                    time.sleep(30)
            _slow(p, plan)
        json_writer.write_plan = write_plan
    if "ĂN BỘ NHỚ" in text:
        hog = bytearray(1500 * 1024 * 1024)  # noqa: F841 - an allocation past the bound
    tasks = [Task(id=f"t{i}", origin="text", content=line[2:].strip(), lead=["Phòng Văn hóa và Thông tin"],
                  deadline=Deadline(text="Quý IV/2024", kind="once", end="2024-12-31"))
             for i, line in enumerate((ln for ln in text.splitlines() if ln.startswith("- ")), 1)]
    return Plan(document=Document(doc_type="KẾ HOẠCH", title=text.splitlines()[0]), tasks=tasks,
                input={"path": path, "name": os.path.basename(path), "format": "txt", "pid": os.getpid()})


PLAN = "Kế hoạch tuyên truyền chuyển đổi số năm 2024\n- Tổ chức hội nghị quán triệt\n"


def options(outdir, **kw):
    kw.setdefault("jobs", 2)
    kw.setdefault("timeout", 20)
    return batch.Options(outdir=str(outdir) if outdir else None, parse=fake_parse, **kw)


def write(folder, name, text=PLAN):
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def no_hang():
    """Fail instead of hanging (a FIFO opened for reading blocks forever)."""
    def alarm(*_):
        raise TimeoutError("the batch hung")
    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# --------------------------------------------------------------------------- 1. file names
def test_name_that_is_not_utf8_converts_and_is_named_safely(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"bad-\xff.txt"), "w", encoding="utf-8") as fh:
        fh.write(PLAN)
    write(src, "tot.txt")
    summary = batch.run([str(src)], options(out))
    by = {r.doc_id: r for r in summary.results}
    assert set(by) == {"bad-%FF", "tot"} and {r.status for r in by.values()} == {"ok"}
    plan = json.loads((out / "bad-%FF.json").read_text(encoding="utf-8"))
    assert plan["input"]["path"].endswith("bad-\\xff.txt")
    assert summary_text(summary).encode("utf-8")
    docs = {d["document_id"]: d for d in rows(out / "documents.csv")}
    assert docs["bad-%FF"]["path"].endswith("bad-\\xff.txt")
    json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))


def test_error_line_names_an_input_whose_name_is_not_utf8(tmp_path, capsys):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    open(os.path.join(os.fsencode(src), b"rong-\xfe.txt"), "wb").close()  # empty: fails
    write(src, "tot.txt", SEED.read_text(encoding="utf-8"))
    code = cli.main(["convert", str(src), "-o", str(out), "--quiet", "--format", "json,csv"])
    err = capsys.readouterr().err
    assert code == 1
    line = next(ln for ln in err.splitlines() if "rong-" in ln)
    assert "rong-\\xfe.txt" in line and "empty" in line
    assert "Traceback" not in err


def test_nfc_and_nfd_names_get_distinct_document_ids(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    nfc = unicodedata.normalize("NFC", "kế-hoạch.txt")
    nfd = unicodedata.normalize("NFD", nfc)
    write(src, nfc, PLAN)
    write(src, nfd, PLAN + "- Việc thứ hai\n")
    summary = batch.run([str(src)], options(out))
    ids = [r.doc_id for r in summary.results]
    assert len(ids) == 2 and len({unicodedata.normalize("NFC", i).casefold() for i in ids}) == 2
    assert all(unicodedata.is_normalized("NFC", i) for i in ids)
    assert unicodedata.normalize("NFC", "kế-hoạch") in ids  # the NFC name keeps the plain id
    assert {r.status for r in summary.results} == {"ok"}
    assert len({d["document_id"] for d in rows(out / "documents.csv")}) == 2
    con = sqlite3.connect(out / "plans.sqlite")
    assert con.execute("select count(distinct document_id) from tasks").fetchone()[0] == 2


@pytest.mark.parametrize("name", [
    "ke\nhoach.txt", "ke\thoach.txt", "ke\x1b[31mhoach.txt", "ke-\u202eTXT.exe.txt", "ke\u200bhoach.txt",
    "ke:hoach?.txt",
])
def test_output_names_are_sanitized(tmp_path, name):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, name)
    summary = batch.run([str(src)], options(out, formats=("json",)))
    [r] = summary.results
    assert r.status == "ok"
    assert not any(unicodedata.category(c) in ("Cc", "Cf") or c in ':?"<>|\\*' for c in r.doc_id)
    assert (out / (r.doc_id + ".json")).is_file()


def test_a_240_byte_input_name_converts_with_a_shortened_output_name(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    stem = "kế-hoạch-triển-khai-" * 20
    stem = stem.encode()[:236].decode("utf-8", "ignore")
    name = stem + ".txt"
    assert 230 < len(name.encode()) <= 240
    write(src, name)
    write(src, stem[:-1] + "X.txt")  # the same long prefix: the hash keeps them apart
    summary = batch.run([str(src)], options(out))
    assert [r.status for r in summary.results] == ["ok", "ok"]
    ids = [r.doc_id for r in summary.results]
    assert len(set(ids)) == 2 and all(len(i.encode()) <= inputs.MAX_ID_BYTES for i in ids)
    assert all(len(p.name.encode()) <= 255 for p in out.iterdir())
    assert len(rows(out / "tasks.csv")) == 2


# --------------------------------------------------------------------------- 2. special files and links
def test_fifo_socket_and_device_are_skipped_never_opened(tmp_path, no_hang):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "tot.txt")
    os.mkfifo(src / "ong.txt")
    os.mkfifo(src / "ong-khong-duoi")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(src / "o-cam.sock"))
    device = False
    try:
        import stat
        os.mknod(src / "thiet-bi.txt", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
        device = True
    except (OSError, AttributeError):
        pass  # creating a device needs root and a permissive container
    try:
        summary = batch.run([str(src)], options(out))
        named = batch.run([str(src / "ong.txt")], options(tmp_path / "out2"))  # named on the command line
    finally:
        sock.close()
    assert "named pipe" in named.results[0].error and named.results[0].error_kind == "skipped"
    by = {r.doc_id: r for r in summary.results}
    if device:
        assert "a device" in by["thiet-bi"].error
    assert by["tot"].status == "ok"
    assert "named pipe" in by["ong"].error and "ong.txt" in by["ong"].error
    assert "named pipe" in by["ong-khong-duoi"].error
    assert "socket" in by["o-cam"].error
    assert {by[k].error_kind for k in ("ong", "ong-khong-duoi", "o-cam")} == {"skipped"}
    assert summary.exit_code == 1


def test_links_inside_the_tree_are_followed_outside_ones_are_not_by_default(tmp_path):
    src, out, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    write(src, "that/tot.txt")
    write(elsewhere, "ngoai.txt")
    (src / "lien-ket.txt").symlink_to(src / "that" / "tot.txt")          # a file inside: followed
    (src / "ra-ngoai.txt").symlink_to(elsewhere / "ngoai.txt")            # a file outside: not
    (src / "thu-muc-ngoai").symlink_to(elsewhere, target_is_directory=True)  # a folder outside: not
    (src / "vong").symlink_to(src, target_is_directory=True)              # a loop: reported once
    (src / "gay.txt").symlink_to(src / "khong-co.txt")                    # broken
    summary = batch.run([str(src)], options(out))
    by = {r.doc_id: r for r in summary.results}
    assert by["that/tot"].status == "ok" and by["lien-ket"].status == "ok"
    assert "outside" in by["ra-ngoai"].error and "--follow-links" in by["ra-ngoai"].error
    assert "outside" in by["thu-muc-ngoai"].error
    assert "loop" in by["vong"].error and "broken" in by["gay"].error
    assert not any("ngoai" in k and by[k].status == "ok" for k in by)
    assert sum("vong" in k for k in by) == 1
    followed = batch.run([str(src)], options(tmp_path / "out2", follow_links=True))
    ok = {r.doc_id for r in followed.results if r.status == "ok"}
    assert {"ra-ngoai", "thu-muc-ngoai/ngoai"} <= ok


def test_odd_folder_converts_good_plans_and_names_each_odd_entry_once(tmp_path, capsys, no_hang):
    src, out = tmp_path / "in", tmp_path / "out"
    seed = SEED.read_text(encoding="utf-8")
    write(src, "tot.txt", seed)
    with open(os.path.join(os.fsencode(src), b"bad-\xff.txt"), "w", encoding="utf-8") as fh:
        fh.write(seed)
    nfc = unicodedata.normalize("NFC", "kế-hoạch.txt")
    write(src, nfc, seed)
    write(src, unicodedata.normalize("NFD", nfc), seed)
    os.mkfifo(src / "ong.txt")
    (src / "vong").symlink_to(src, target_is_directory=True)
    code = cli.main(["convert", str(src), "-o", str(out), "--quiet", "--format", "csv,json"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert sum("ong.txt" in ln for ln in err.splitlines()) == 1
    assert sum("vong" in ln for ln in err.splitlines()) == 1
    docs = rows(out / "documents.csv")
    good = [d for d in docs if d["status"] == "ok"]
    assert len(good) == 4 and len({d["document_id"] for d in docs}) == len(docs) == 6


# --------------------------------------------------------------------------- 3. bounds
def test_timeout_bounds_the_outputs_of_a_document_too(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt")
    write(src, "ghi-cham.txt", "Kế hoạch\nGHI CHẬM\n")
    t0 = time.monotonic()
    summary = batch.run([str(src)], options(tmp_path / "out", timeout=2, jobs=1))
    assert time.monotonic() - t0 < 15
    by = {r.doc_id: r for r in summary.results}
    assert by["ghi-cham"].error_kind == "timeout" and by["a"].status == "ok"
    assert not (tmp_path / "out" / "ghi-cham.json").exists()
    # stopped by the document's own alarm, which removes the half-written file (a watchdog kill
    # of the worker, past the bound, would leave it behind)
    assert [p.name for p in (tmp_path / "out").iterdir() if p.name.endswith(".part")] == []


def test_worker_over_its_memory_bound_is_refused_as_too_large(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt")
    write(src, "an-bo-nho.txt", "Kế hoạch\nĂN BỘ NHỚ\n")
    summary = batch.run([str(src)], options(tmp_path / "out", max_memory=512 * workers.MB))
    by = {r.doc_id: r for r in summary.results}
    assert by["a"].status == "ok"
    assert by["an-bo-nho"].error_kind == "too-large"
    assert "refused: too large once expanded" in by["an-bo-nho"].error and "--max-memory" in by["an-bo-nho"].error


def _docx_with_xml(path, megabytes):
    import random
    rnd = random.Random(7)
    words = ["kế", "hoạch", "triển", "khai", "nhiệm", "vụ", "chuyển", "đổi", "số", "năm", "xã", "huyện"]
    para = "".join(f"<w:p><w:r><w:t>{' '.join(rnd.choices(words, k=40))}</w:t></w:r></w:p>" for _ in range(300))
    body = para * (megabytes * 1024 * 1024 // len(para.encode()) + 1)
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body>' + body + "</w:body></w:document>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"/>')
        z.writestr("word/document.xml", xml)


def _pdf_with_stream(path, inflated_mb):
    data = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET\n" + b" " * (inflated_mb * 1024 * 1024), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    Path(path).write_bytes(out)


def test_inflating_docx_pdf_stream_and_huge_text_are_refused_as_too_large(tmp_path):
    """The real readers, a 300 MB bound: 30 MB of XML in a small .docx, a PDF stream of a few
    hundred kilobytes inflating to 100 MB, 15 MB of text — each refused before it is parsed."""
    src = tmp_path / "in"
    src.mkdir()
    _docx_with_xml(src / "phinh.docx", 30)
    _pdf_with_stream(src / "bom.pdf", 100)
    line = "- Tổ chức hội nghị quán triệt, tuyên truyền trên loa truyền thanh của xã.\n"
    write(src, "dai.txt", "KẾ HOẠCH\n" + line * (15 * 1024 * 1024 // len(line.encode())))
    write(src, "tot.txt", SEED.read_text(encoding="utf-8"))
    assert (src / "bom.pdf").stat().st_size < 1024 * 1024 and (src / "phinh.docx").stat().st_size < 10 * 1024 * 1024
    summary = batch.run([str(src)], batch.Options(outdir=None, jobs=2, max_memory=300 * workers.MB, timeout=60))
    by = {r.doc_id: r for r in summary.results}
    assert by["tot"].status == "ok"
    for name in ("phinh", "bom", "dai"):
        assert by[name].error_kind == "too-large", by[name].error
        assert "refused: too large once expanded" in by[name].error
        assert "scan" not in by[name].error and "damaged" not in by[name].error


def test_workers_do_not_multiply_past_the_memory_available(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "available_memory", lambda: int(2.5 * workers.GB))
    src = tmp_path / "in"
    for i in range(8):
        write(src, f"a{i}.txt", "Kế hoạch NGỦ 0.3\n- Việc\n")
    summary = batch.run([str(src)], options(None, jobs=8, max_memory=workers.GB, keep=("input",)))
    assert {r.status for r in summary.results} == {"ok"}
    assert len({r.extra["input"]["pid"] for r in summary.results}) <= 2  # 2.5 GB holds two 1 GB workers
    assert workers.worker_count(8, workers.GB, 100) == 2
    assert workers.worker_count(8, 4 * workers.GB, 100) == 1
    assert workers.worker_count(8, None, 100) == 8
    assert workers.worker_count(8, workers.GB, 1) == 1


# --------------------------------------------------------------------------- 4. kills
HELPER = """
import sys, time
sys.path.insert(0, {root!r})
from extract import batch
from extract.model import Document, Plan

def slow(path, *, tone_style="first", ocr=False):
    time.sleep(float(open(path, encoding="utf-8").read().split()[-1]))
    return Plan(document=Document(title=path), input={{"path": path, "format": "txt"}})

if __name__ == "__main__":
    src, out, jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    s = batch.run([src], batch.Options(outdir=out, jobs=jobs, parse=slow, timeout=120, formats=("json", "csv")))
    print(len(s.results), s.count("ok"), s.count("skipped"))
"""


def _children(pid):
    """Pids of the live processes whose parent is `pid`: the kill/resume script's own look-up."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("kill_resume", ROOT / "scripts" / "kill_resume.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.children(pid)


def _alive(pid):
    try:
        st = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return st[0] != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs Linux /proc")
def test_workers_die_with_a_killed_batch(tmp_path):
    script = tmp_path / "helper.py"
    script.write_text(HELPER.format(root=str(ROOT)))
    src = tmp_path / "in"
    for i in range(4):
        write(src, f"a{i}.txt", "Kế hoạch 30")
    proc = subprocess.Popen([sys.executable, str(script), str(src), str(tmp_path / "out"), "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    kids = []
    while time.monotonic() < deadline and len(kids) < 2:
        time.sleep(0.2)
        kids = _children(proc.pid)
    assert len(kids) >= 2, "the workers did not start"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.2)
    survivors = [k for k in kids if _alive(k)]
    for k in survivors:
        os.kill(k, signal.SIGKILL)
    assert survivors == []


def test_stale_part_files_are_removed_on_the_next_run(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt")
    batch.run([str(src)], options(out))
    left = [out / ".a.json.k1ll3d.part", out / ".plans.sqlite.abcd.part"]
    for p in left:
        p.write_text("half a file")  # a killed run's, just now
    batch.run([str(src)], options(out))
    assert not any(p.exists() for p in left)


# --------------------------------------------------------------------------- 5. full disk
def _disk_full_checks(summary, out, before):
    assert summary.fatal and ("disk is full" in summary.fatal or "No space" in summary.fatal)
    assert summary.exit_code == 1
    text = summary_text(summary)
    assert "Traceback" not in text and text.count("Stopped:") == 1
    assert sum("No space" in ln or "disk is full" in ln for ln in text.splitlines()) == 1
    after = {n: (out / n).read_bytes() for n in before if (out / n).exists()}
    assert after == before  # the combined outputs are the last complete run's, all of them


COMBINED = ["documents.csv", "tasks.csv", "targets.csv", "findings.csv", "plans.jsonl", "plans.sqlite"]


def test_full_disk_while_converting_stops_with_one_message_and_keeps_combined_outputs(tmp_path, monkeypatch):
    """Simulated: the JSON writer raises ENOSPC (in the batch and its workers, forked after the patch)."""
    src, out = tmp_path / "in", tmp_path / "out"
    for i in range(3):
        write(src, f"a{i}.txt")
    batch.run([str(src)], options(out, formats=("json", "csv", "sqlite")))
    before = {n: (out / n).read_bytes() for n in COMBINED}
    for i in range(3, 12):
        write(src, f"a{i}.txt")
    from extract.writers import json as json_writer

    def full(path, plan):
        raise atomic.output_error(OSError(errno.ENOSPC, "No space left on device"), path)
    monkeypatch.setattr(json_writer, "write_plan", full)
    summary = batch.run([str(src)], options(out, formats=("json", "csv", "sqlite"), jobs=1))
    _disk_full_checks(summary, out, before)
    assert summary.count("skipped") == 3 and len(summary.halted) == 9 and summary.failed == []


def test_full_disk_while_writing_combined_outputs_swaps_none_of_them(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt")
    batch.run([str(src)], options(out, formats=("json", "csv", "sqlite")))
    before = {n: (out / n).read_bytes() for n in COMBINED}
    write(src, "b.txt")
    from extract.writers import sqlite as sqlite_writer
    real = sqlite_writer.PlanDatabase.close

    def close(self):  # the last combined file fails once the others are complete
        self.abort()
        raise atomic.output_error(OSError(errno.ENOSPC, "No space left on device"), self.path)
    monkeypatch.setattr(sqlite_writer.PlanDatabase, "close", close)
    summary = batch.run([str(src)], options(out, formats=("json", "csv", "sqlite")))
    _disk_full_checks(summary, out, before)
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]
    monkeypatch.setattr(sqlite_writer.PlanDatabase, "close", real)
    again = batch.run([str(src)], options(out, formats=("json", "csv", "sqlite")))
    assert again.fatal is None and {d["document_id"] for d in rows(out / "documents.csv")} == {"a", "b"}


@pytest.mark.skipif(os.geteuid() != 0 or not sys.platform.startswith("linux"), reason="mounting a tmpfs needs root")
def test_full_disk_on_a_small_tmpfs(tmp_path, capsys):
    """A real full disk: a 1 MB tmpfs, the real pipeline, the command line."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mnt)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        src = tmp_path / "in"
        text = SEED.read_text(encoding="utf-8")
        for i in range(20):
            write(src, f"kh{i:02}.txt", text + f"\n- Việc riêng số {i}\n")
        out = mnt / "out"
        code = cli.main(["convert", str(src), "-o", str(out), "--format", "json,csv,sqlite", "--jobs", "2"])
        cap = capsys.readouterr()
        assert code == 1
        assert "Traceback" not in cap.out + cap.err
        assert sum("disk is full" in ln or "No space" in ln for ln in (cap.out + cap.err).splitlines()) == 1
        assert "converted" in cap.out
        assert not [p for p in out.iterdir() if p.name.endswith(".part")]
        present = [n for n in COMBINED if (out / n).exists()]
        assert present in ([], COMBINED)  # all of them or none
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)


# --------------------------------------------------------------------------- 6. concurrent runs
def test_second_run_into_the_same_folder_waits_and_no_manifest_entry_is_lost(tmp_path):
    script = tmp_path / "helper.py"
    script.write_text(HELPER.format(root=str(ROOT)))
    out = tmp_path / "out"
    for i in range(3):
        write(tmp_path / "first", f"a{i}.txt", "Kế hoạch 1.5")
        write(tmp_path / "second", f"b{i}.txt", "Kế hoạch 0.1")
    cmd = [sys.executable, str(script)]
    one = subprocess.Popen(cmd + [str(tmp_path / "first"), str(out), "2"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (out / ".kehoach.lock").exists():
        time.sleep(0.05)
    time.sleep(0.3)
    two = subprocess.run(cmd + [str(tmp_path / "second"), str(out), "2"], capture_output=True, text=True,
                         timeout=120)
    one.communicate(timeout=120)
    assert one.returncode == 0 and two.returncode == 0, two.stderr
    assert "waiting for the run (pid" in two.stderr
    manifest = json.loads((out / batch.MANIFEST).read_text(encoding="utf-8"))
    assert set(manifest["documents"]) == {f"a{i}" for i in range(3)} | {f"b{i}" for i in range(3)}
    # combined outputs cover the whole manifest, not only the last invocation's inputs
    assert {d["document_id"] for d in rows(out / "documents.csv")} == set(manifest["documents"])


def test_a_run_refuses_when_the_folder_stays_locked(tmp_path):
    from extract.outlock import OutdirLock
    out = tmp_path / "out"
    out.mkdir()
    write(tmp_path / "in", "a.txt")
    code = ("import sys, time; sys.path.insert(0, %r)\nfrom extract.outlock import OutdirLock\n"
            "with OutdirLock(%r):\n    print('held', flush=True); time.sleep(30)\n" % (str(ROOT), str(out)))
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(atomic.OutputError) as e:
            batch.run([str(tmp_path / "in")], options(out, lock_wait=0.5))
        assert f"pid {holder.pid}" in str(e.value)
    finally:
        holder.kill()
        holder.wait()
    with OutdirLock(str(out), wait=5):  # released by the system when its holder died
        pass


def test_combined_outputs_cover_earlier_runs_into_the_same_folder(tmp_path):
    out = tmp_path / "out"
    a, b = write(tmp_path, "a.txt"), write(tmp_path, "b.txt", PLAN + "- Việc thứ hai\n")
    batch.run([str(a)], options(out))
    summary = batch.run([str(b)], options(out))
    assert [r.doc_id for r in summary.results] == ["b"]
    assert {d["document_id"] for d in rows(out / "documents.csv")} == {"a", "b"}
    assert [t["document_id"] for t in rows(out / "tasks.csv")] == ["a", "b", "b"]
    assert len((out / "plans.jsonl").read_text(encoding="utf-8").splitlines()) == 2


# --------------------------------------------------------------------------- 7. schema hygiene
def test_stdout_json_carries_the_input_sha256(capsys):
    import hashlib
    assert cli.main(["convert", str(SEED), "-o", "-", "--format", "json"]) in (0, 1)
    plan = json.loads(capsys.readouterr().out)
    assert plan["input"]["sha256"] == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_plans_xlsx_continues_on_a_new_sheet_past_the_row_limit(tmp_path, monkeypatch):
    import openpyxl
    from extract.writers import xlsx
    monkeypatch.setattr(xlsx, "MAX_ROWS", 4)  # Excel's is 1,048,576: three data rows a sheet here
    out = tmp_path / "out"
    write(tmp_path / "in", "a.txt", PLAN + "".join(f"- Việc {i}\n" for i in range(7)))
    write(tmp_path / "in", "b.txt")
    batch.run([str(tmp_path / "in")], options(out, formats=("json", "xlsx")))
    wb = openpyxl.load_workbook(out / "plans.xlsx")
    parts = [n for n in wb.sheetnames if n.startswith("tasks")]
    assert parts == ["tasks", "tasks (2)", "tasks (3)"]
    counted = sum(wb[n].max_row - 1 for n in parts)
    assert counted == 9 and all(wb[n].max_row <= 4 for n in parts)
    assert [c.value for c in wb["tasks (2)"][1]][:2] == ["document_id", "id"]


# --------------------------------------------------------------------------- kill -9 and resume (slow)
@pytest.mark.skipif(not os.environ.get("KEHOACH_SLOW"), reason="slow (minutes): set KEHOACH_SLOW=1, or run "
                    "scripts/kill_resume.py")
@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs Linux /proc")
def test_600_plans_killed_at_30_and_70_percent_then_resumed_equal_a_clean_run(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "kill_resume.py"), "--count", "600",
                           "--keep", str(tmp_path / "work")], capture_output=True, text=True, timeout=3600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "identical to a clean run" in proc.stdout and "0 workers survived" in proc.stdout
