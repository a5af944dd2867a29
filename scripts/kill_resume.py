"""Kill -9 a batch at 30 % and 70 %, resume it, and compare with a clean run.

    .venv/bin/python scripts/kill_resume.py [--count 600] [--jobs 2] [--keep DIR]

Writes `count` small invented text plans in seven folders, converts them once cleanly, then converts them again into
another folder, killing the main process with SIGKILL when 30 % and then 70 % of the documents
are written, and checking each time that no worker survives it; the third run resumes. The
per-document JSON, the combined CSV and JSONL, the SQLite tables and the XLSX cells of both
folders must be identical, and no temporary file may be left. Exit 0 when they are, 1 otherwise.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNITS = ["Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch", "Công an xã", "Đoàn Thanh niên",
         "Hội Liên hiệp Phụ nữ", "Văn phòng HĐND và UBND", "Trạm Y tế xã", "Ban Chỉ huy Quân sự"]
DUTIES = ["Tổ chức tuyên truyền", "Rà soát, thống kê", "Kiểm tra, đôn đốc việc thực hiện",
          "Xây dựng kế hoạch chi tiết", "Tổng hợp, báo cáo kết quả", "Bố trí kinh phí thực hiện"]
WHEN = ["Quý I/2025", "Thường xuyên", "Trước ngày 30/6/2025", "Hằng năm", "Tháng 12/2025"]


def plan_text(i: int, rnd: random.Random) -> str:
    lines = ["ỦY BAN NHÂN DÂN", f"XÃ SỐ {i}", f"Số: {i}/KH-UBND", "KẾ HOẠCH",
             f"Triển khai nhiệm vụ năm 2025 của xã số {i}", "I. MỤC ĐÍCH, YÊU CẦU",
             "Bảo đảm thực hiện đầy đủ, kịp thời các nhiệm vụ được giao.", "II. NHIỆM VỤ"]
    for k in range(rnd.randint(3, 12)):
        lines.append(f"{k + 1}. {rnd.choice(DUTIES)} nội dung số {k + 1} của kế hoạch {i}.")
        lines.append(f"- Cơ quan chủ trì: {rnd.choice(UNITS)}.")
        lines.append(f"- Thời gian thực hiện: {rnd.choice(WHEN)}.")
    lines += ["III. TỔ CHỨC THỰC HIỆN", "Các cơ quan, đơn vị triển khai thực hiện kế hoạch này.",
              "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A"]
    return "\n".join(lines) + "\n"


def convert(src: Path, out: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "extract", "convert", str(src), "-o", str(out), "--jobs",
                             str(jobs), "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def children(pid: int) -> list:
    """Pids of the live (not zombie) processes whose parent is `pid` (Linux /proc)."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                st = Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(st[1]) == pid and st[0] != "Z":
                out.append(int(d))
    return out


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def kill_at(src: Path, out: Path, jobs: int, share: float, count: int) -> list:
    """Run, SIGKILL the main process once `share` of the documents are written; return survivors."""
    proc = convert(src, out, jobs)
    seen: set = set()
    while proc.poll() is None:
        seen.update(children(proc.pid))
        written = sum(1 for p in out.rglob("*.json")) if out.is_dir() else 0
        if written >= share * count:
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        raise SystemExit(f"the run ended before {share:.0%}: use more documents")
    seen.update(children(proc.pid))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(3)
    return [p for p in seen if alive(p)]


def snapshot(out: Path) -> dict:
    """What a run's outputs say, without the parts that carry times (manifest, XLSX metadata)."""
    import openpyxl
    snap = {}
    for p in sorted(out.rglob("*")):
        name = str(p.relative_to(out))
        if p.suffix in (".json", ".csv", ".jsonl") and not p.name.startswith("."):
            snap[name] = p.read_bytes()
        elif p.suffix == ".sqlite":
            con = sqlite3.connect(p)
            snap[name] = "\n".join(con.iterdump())
            con.close()
        elif p.suffix == ".xlsx":
            wb = openpyxl.load_workbook(p, read_only=True)
            snap[name] = [(ws.title, list(ws.iter_rows(values_only=True))) for ws in wb.worksheets]
            wb.close()
    return snap


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=600)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", help="work in this folder and keep it")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="kehoach-kill-"))
    if args.keep and work.exists():
        import shutil
        shutil.rmtree(work)
    src, clean, killed = work / "in", work / "clean", work / "killed"
    rnd = random.Random(15)
    for i in range(args.count):
        p = src / f"huyen-{i % 7}" / f"ke-hoach-{i:04}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(plan_text(i, rnd), encoding="utf-8")
    t0 = time.monotonic()
    rc_clean = convert(src, clean, args.jobs).wait()
    print(f"clean run: exit {rc_clean}, {time.monotonic() - t0:.0f} s")
    problems = []
    for share in (0.3, 0.7):
        survivors = kill_at(src, killed, args.jobs, share, args.count)
        print(f"killed at {share:.0%}: {len(list(killed.rglob('*.json')))} documents written, "
              f"{len(survivors)} workers survived")
        if survivors:
            problems.append(f"workers survived the kill at {share:.0%}: {survivors}")
            for pid in survivors:
                os.kill(pid, signal.SIGKILL)
    rc = convert(src, killed, args.jobs).wait()
    print(f"resumed: exit {rc}")
    if rc != rc_clean:
        problems.append(f"exit {rc} after resuming, {rc_clean} for the clean run")
    parts = [p.name for p in killed.rglob("*.part")]
    if parts:
        problems.append(f"temporary files left: {parts[:5]}")
    a, b = snapshot(clean), snapshot(killed)
    if a.keys() != b.keys():
        problems.append(f"different files: {sorted(a.keys() ^ b.keys())[:10]}")
    differ = [k for k in a.keys() & b.keys() if a[k] != b[k]]
    if differ:
        problems.append(f"different contents: {sorted(differ)[:10]}")
    print(f"compared {len(a)} outputs")
    for p in problems:
        print("FAIL:", p)
    print("identical to a clean run" if not problems else "DIFFERENT")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
