"""Combined CSV outputs over a run: documents.csv, tasks.csv, targets.csv, findings.csv. Reads:
document ids and plan dicts one at a time. Writes: UTF-8 with BOM (Excel shows Vietnamese), lists
joined with "; ", a document id column first, each file atomically when the run closes."""
from __future__ import annotations

import contextlib
import csv
import os

from . import tables
from .atomic import atomic_open

CSV_TABLES = ("documents", "tasks", "targets", "findings")


class CombinedCSV:
    """Streams rows into the CSV files; `close()` puts them in place, `abort()` drops them."""

    def __init__(self, outdir: str):
        self._stack = contextlib.ExitStack()
        self._writers = {}
        for name in CSV_TABLES:
            fh = self._stack.enter_context(
                atomic_open(os.path.join(outdir, f"{name}.csv"), "w", encoding="utf-8-sig", newline=""))
            w = csv.writer(fh)
            w.writerow(tables.TABLES[name])
            self._writers[name] = w

    def add(self, doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
            path: str | None = None) -> None:
        self._writers["documents"].writerow(tables.document_row(doc_id, plan, status, error, path))
        if plan:
            for name in CSV_TABLES[1:]:
                self._writers[name].writerows(tables.ROWS[name](doc_id, plan))

    def close(self) -> None:
        self._stack.close()

    def abort(self) -> None:
        self._stack.__exit__(RuntimeError, RuntimeError("aborted"), None)
