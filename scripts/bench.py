#!/usr/bin/env python3
"""Speed and memory figures of batch conversion (`make bench`). Prints figures; asserts nothing.

    .venv/bin/python scripts/bench.py [--copies 8] [--jobs 1,2] [--docs 500] [--skip-memory]

1. Throughput: the sample plans of `samples/` (text, Word and PDF), each copied `--copies` times
   into a temporary folder, converted by `extract.batch.run` into a temporary OUTDIR (all outputs,
   --force) at each `--jobs`: documents/s and pages/s per format and for the mixed batch.
2. Memory: `--docs` conversions in this process (`extract.parse` over the samples again and again,
   outputs written and dropped), resident memory (RSS) after the first round and at the end, and
   the peak (resource.getrusage): flat memory means no growth per document.
3. If scripts/bench_pdf.py exists, its `bench_pdf(paths)` figures for the sample PDFs.
4. The HTML report of a batch of `--report-plans` plans (scripts/bench_report.py): time to write
   it, and to load and sort its index in headless Chromium when that is installed.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = {"txt": (".txt",), "docx": (".docx",), "pdf": (".pdf",)}


def rss_mb() -> float:
    """Current resident memory of this process, MB (Linux /proc; peak elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_mb(resource.RUSAGE_SELF)


def peak_mb(who) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 2**20


def samples(folder: Path) -> dict:
    out = {}
    for fmt, exts in FORMATS.items():
        out[fmt] = sorted(p for p in folder.iterdir() if p.suffix.lower() in exts)
    return out


def throughput(files: list, copies: int, jobs: int, tmp: Path) -> dict:
    """Convert `copies` copies of `files` with `jobs` workers; documents/s, pages/s."""
    from extract import batch
    src = tmp / f"in-{jobs}"
    out = tmp / f"out-{jobs}"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    src.mkdir(parents=True)
    for i in range(copies):
        for f in files:
            (src / f"{f.stem}-{i}{f.suffix}").write_bytes(f.read_bytes())
    t0 = time.perf_counter()
    summary = batch.run([str(src)], batch.Options(outdir=str(out), jobs=jobs, force=True))
    seconds = time.perf_counter() - t0
    docs = len(summary.results)
    pages = sum(r.counts.get("pages") or 0 for r in summary.results)
    return {"docs": docs, "failed": len(summary.failed), "seconds": seconds, "docs_s": docs / seconds,
            "pages": pages, "pages_s": pages / seconds if pages else None}


def memory(files: list, n: int, tmp: Path) -> None:
    """`n` conversions in this process: RSS after the first round, at the end, and the peak."""
    import extract
    from extract.writers.json import write_plan
    out = tmp / "mem.json"
    first_round = None
    t0 = time.perf_counter()
    for i in range(n):
        plan = extract.parse(str(files[i % len(files)]))
        write_plan(str(out), plan.to_dict())
        del plan
        if i + 1 == len(files):
            first_round = rss_mb()
        if (i + 1) % 100 == 0:
            print(f"  after {i + 1:4d} documents: RSS {rss_mb():7.1f} MB", flush=True)
    seconds = time.perf_counter() - t0
    end = rss_mb()
    print(f"  RSS after the first round ({len(files)} documents): {first_round:.1f} MB; after {n}: {end:.1f} MB "
          f"(growth {end - first_round:+.1f} MB, {(end - first_round) * 1024 / max(n - len(files), 1):+.2f} KB/document)")
    print(f"  {n / seconds:.1f} documents/s in one process; peak RSS {peak_mb(resource.RUSAGE_SELF):.1f} MB")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--samples", default=str(ROOT / "samples"))
    ap.add_argument("--copies", type=int, default=8, help="copies of each sample per batch (default 8)")
    ap.add_argument("--jobs", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--docs", type=int, default=500, help="conversions for the memory check (default 500)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--report-plans", type=int, default=500, help="plans in the HTML report batch (default 500; 0 skips)")
    args = ap.parse_args(argv)
    by_format = samples(Path(args.samples))
    everything = [f for files in by_format.values() for f in files]
    if not everything:
        print(f"no .txt, .docx or .pdf samples in {args.samples}")
        return 1
    from extract import __version__
    print(f"kehoach {__version__} on {os.cpu_count()} cores; samples: "
          + ", ".join(f"{len(v)} {k}" for k, v in by_format.items()))
    with tempfile.TemporaryDirectory(prefix="kehoach-bench-") as tmp:
        tmp = Path(tmp)
        print("\nThroughput (batch, all outputs, process pool):")
        print(f"  {'batch':<7}{'jobs':>5}{'docs':>6}{'failed':>7}{'seconds':>9}{'docs/s':>9}{'pages/s':>9}")
        for name, files in [*by_format.items(), ("mixed", everything)]:
            if not files:
                continue
            for jobs in (int(j) for j in args.jobs.split(",")):
                r = throughput(files, args.copies, jobs, tmp)
                pages = f"{r['pages_s']:9.1f}" if r["pages_s"] else f"{'-':>9}"
                print(f"  {name:<7}{jobs:>5}{r['docs']:>6}{r['failed']:>7}{r['seconds']:>9.2f}{r['docs_s']:>9.1f}{pages}",
                      flush=True)
        print(f"  peak RSS of one worker: {peak_mb(resource.RUSAGE_CHILDREN):.1f} MB")
        if not args.skip_memory:
            print(f"\nMemory over {args.docs} conversions in one process:")
            memory(everything, args.docs, tmp)
    bench_pdf = ROOT / "scripts" / "bench_pdf.py"
    if bench_pdf.exists() and by_format["pdf"]:
        print("\nPDF reader (scripts/bench_pdf.py):")
        sys.path.insert(0, str(bench_pdf.parent))
        from bench_pdf import bench_pdf as run_bench_pdf
        figures = run_bench_pdf([str(p) for p in by_format["pdf"]])
        if isinstance(figures, dict):
            for k, v in figures.items():
                print(f"  {k}: {v:.2f}" if isinstance(v, float) else f"  {k}: {v}")
        elif figures is not None:
            print(f"  {figures}")
    if args.report_plans:
        print(f"\nHTML report of {args.report_plans} plans (scripts/bench_report.py):")
        sys.path.insert(0, str(ROOT / "scripts"))
        from bench_report import bench_report
        bench_report(args.report_plans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
