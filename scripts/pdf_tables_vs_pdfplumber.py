#!/usr/bin/env python3
"""Our PDF table reading against pdfplumber's table finder, on the same files: quality and speed.

    .venv/bin/python scripts/pdf_tables_vs_pdfplumber.py [FILE.pdf ...]   (default: samples/*.pdf)

Quality is measured where the truth is known: a PDF of samples/ that has a Word twin (same name,
.docx) is compared with the Word file's table cells (read by our Word reader, which reads the
cells as Word stores them). For each extractor: recall (the share of the Word cells' texts found
among the PDF cells) and precision (the share of the PDF cells found among the Word cells), texts
compared NFC, lower case, whitespace collapsed. Speed: seconds per page of our whole PDF reader
(`read_pdf`: text, lines, ruled and unruled tables) and of pdfplumber's `extract_tables()` alone
(default "lines" strategy, as for ruled tables). Needs pdfplumber (`pip install 'kehoach[dev]'`).
"""
from __future__ import annotations

import re
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip().lower()


def _cells_of(raw) -> list:
    from extract.model import Table
    return [_norm(c.text) for b in raw.blocks if isinstance(b, Table) for row in b.rows for c in row
            if _norm(c.text) and not c.merged]


def _ours(path: Path) -> tuple:
    from extract.readers.pdf import read_pdf
    t0 = time.perf_counter()
    raw = read_pdf(str(path))
    return _cells_of(raw), time.perf_counter() - t0, raw.pages or 1


def _pdfplumber(path: Path) -> tuple:
    import pdfplumber
    t0 = time.perf_counter()
    cells, pages = [], 0
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            pages += 1
            for table in page.extract_tables():
                cells += [_norm(c) for row in table for c in row if c and _norm(c)]
    return cells, time.perf_counter() - t0, pages or 1


def _truth(path: Path):
    twin = path.with_suffix(".docx")
    if not twin.exists():
        return None
    from extract.readers.docx import read_docx
    return _cells_of(read_docx(str(twin))) or None   # a Word file without tables tells nothing


def _scores(got: list, truth: list) -> tuple:
    if not truth or not got:
        return 0.0, 0.0
    want, have = set(truth), set(got)
    return len(want & have) / len(want), len(want & have) / len(have)


def compare(paths: list) -> list:
    rows = []
    for path in paths:
        truth = _truth(path)
        ours, t_ours, pages = _ours(path)
        plumber, t_plumber, _ = _pdfplumber(path)
        row = {"file": path.name, "pages": pages, "ours_s_per_page": t_ours / pages,
               "pdfplumber_s_per_page": t_plumber / pages}
        if truth is not None:
            row["ours_recall"], row["ours_precision"] = _scores(ours, truth)
            row["pdfplumber_recall"], row["pdfplumber_precision"] = _scores(plumber, truth)
        rows.append(row)
    return rows


def main(argv: list) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "samples").glob("*.pdf"))
    rows = compare(paths)
    print(f"{'file':50} {'pages':>5} {'ours R/P':>11} {'plumber R/P':>12} {'ours s/p':>9} {'plumber s/p':>11}")
    for r in rows:
        q = (f"{r['ours_recall']:.2f}/{r['ours_precision']:.2f}", f"{r['pdfplumber_recall']:.2f}/"
             f"{r['pdfplumber_precision']:.2f}") if "ours_recall" in r else ("-", "-")
        print(f"{r['file'][:50]:50} {r['pages']:5d} {q[0]:>11} {q[1]:>12} {r['ours_s_per_page']:9.3f} "
              f"{r['pdfplumber_s_per_page']:11.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
