#!/usr/bin/env python3
"""Speed of the PDF pipeline against pdfplumber's plain extract_text(), side by side.

    .venv/bin/python scripts/bench_pdf.py [FILE.pdf ...]     (default: samples/*.pdf)

`bench_pdf(paths)` runs, over the same files, (1) the whole pipeline `extract.parse(path)` (the PDF
reader alone, `read_pdf`, while the pipeline is missing) and (2) `page.extract_text()` of every
page with pdfplumber; it returns pages per second of both, their ratio (pipeline / extract_text;
above 1 means the pipeline is faster) and the peak memory (tracemalloc) of each.
"""
from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pipeline():
    try:
        from extract.pipeline import parse
        return parse, "extract.parse"
    except Exception:   # the pipeline is not there yet
        from extract.readers.pdf import read_pdf
        return read_pdf, "read_pdf"


def _plain(path: str) -> int:
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.flush_cache()
        return len(pdf.pages)


def _timed(fn, paths: list, repeat: int) -> tuple:
    """Best wall time of `repeat` runs, then the peak of one run under tracemalloc (timed apart:
    tracing slows Python code)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for p in paths:
            fn(p)
        best = min(best, time.perf_counter() - t)
    tracemalloc.start()
    for p in paths:
        fn(p)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak


def bench_pdf(paths: list, repeat: int = 3) -> dict:
    """Pages per second and peak memory of the pipeline and of pdfplumber's extract_text()."""
    paths = [str(p) for p in paths]
    pages = sum(_plain(p) for p in paths)   # also warms the file cache and imports
    run, name = _pipeline()
    run(paths[0])
    t_pipe, m_pipe = _timed(run, paths, repeat)
    t_plain, m_plain = _timed(_plain, paths, repeat)
    return {
        "files": len(paths), "pages": pages, "pipeline": name,
        "pipeline_pages_per_s": pages / t_pipe, "extract_text_pages_per_s": pages / t_plain,
        "ratio": t_plain / t_pipe,
        "pipeline_peak_mb": m_pipe / 2**20, "extract_text_peak_mb": m_plain / 2**20,
    }


def main(argv: list) -> None:
    paths = argv or sorted(str(p) for p in (ROOT / "samples").glob("*.pdf"))
    if not paths:
        sys.exit("no PDF files: run scripts/make_pdf_samples.py or give files")
    r = bench_pdf(paths)
    print(f"{r['files']} files, {r['pages']} pages")
    print(f"{r['pipeline']:>22}: {r['pipeline_pages_per_s']:8.1f} pages/s   peak {r['pipeline_peak_mb']:.1f} MB")
    print(f"{'pdfplumber extract_text':>22}: {r['extract_text_pages_per_s']:8.1f} pages/s   peak "
          f"{r['extract_text_peak_mb']:.1f} MB")
    print(f"ratio (pipeline speed / extract_text speed): {r['ratio']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
