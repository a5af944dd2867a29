"""SQLite output over a run: `plans.sqlite` with tables documents, sections, tasks, targets,
findings (the columns of `tables`), task_units (one row per lead/partner unit of a task) and
indexes on document id, task lead, unit and finding code. Reads: plan dicts one at a time. Writes:
the database into a temporary file that replaces `plans.sqlite` when complete."""
from __future__ import annotations

import sqlite3

from . import tables
from .atomic import atomic_path, output_error

_INTEGER = {"pages", "sections", "tasks", "targets", "findings", "errors", "warnings", "level", "line",
            "line_end", "page", "paragraph", "table", "row", "year"}
_REAL = {"value", "value_max"}
_INDEXES = [
    ("sections", "document_id"), ("tasks", "document_id"), ("tasks", "lead"), ("targets", "document_id"),
    ("findings", "document_id"), ("findings", "code"), ("task_units", "unit"), ("task_units", "document_id"),
]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(name: str, columns: list) -> str:
    cols = []
    for c in columns:
        kind = "INTEGER" if c in _INTEGER else "REAL" if c in _REAL else "TEXT"
        extra = " PRIMARY KEY" if name == "documents" and c == "document_id" else ""
        cols.append(f"{_q(c)} {kind}{extra}")
    return f"CREATE TABLE {_q(name)} ({', '.join(cols)})"


class PlanDatabase:
    """Receives plans one at a time; `close()` indexes and puts the database in place."""

    def __init__(self, path: str):
        self._ctx = atomic_path(path)
        self._tmp = self._ctx.__enter__()
        self.path = path
        try:
            self.db = sqlite3.connect(self._tmp)
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            for name, columns in tables.TABLES.items():
                self.db.execute(_ddl(name, columns))
            self.db.execute("CREATE TABLE task_units (document_id TEXT, task_id TEXT, role TEXT, unit TEXT, "
                            "canonical TEXT)")
        except sqlite3.Error as e:
            self.abort()
            raise output_error(OSError(str(e)), path) from None
        self._insert = {name: f"INSERT INTO {_q(name)} VALUES ({', '.join('?' * len(cols))})"
                        for name, cols in tables.TABLES.items()}

    def add(self, doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
            path: str | None = None) -> None:
        self.db.execute(self._insert["documents"], tables.document_row(doc_id, plan, status, error, path))
        if not plan:
            return
        for name in ("sections", "tasks", "targets", "findings"):
            self.db.executemany(self._insert[name], tables.ROWS[name](doc_id, plan))
        self.db.executemany("INSERT INTO task_units VALUES (?, ?, ?, ?, ?)", _units(doc_id, plan))

    def close(self) -> None:
        try:
            for table, column in _INDEXES:
                self.db.execute(f"CREATE INDEX {_q(f'idx_{table}_{column}')} ON {_q(table)} ({_q(column)})")
            self.db.commit()
            self.db.close()
        except sqlite3.Error as e:
            self.abort()
            raise output_error(OSError(str(e)), self.path) from None
        self._ctx.__exit__(None, None, None)

    def abort(self) -> None:
        try:
            self.db.close()
        except Exception:  # noqa: BLE001 - closing a broken connection
            pass
        self._ctx.__exit__(RuntimeError, RuntimeError("aborted"), None)


def _units(doc_id: str, plan: dict):
    for t in plan.get("tasks") or []:
        for role in ("lead", "partners"):
            names = t.get(role) or []
            canon = t.get(f"{role}_canonical") or []
            for i, unit in enumerate(names):
                yield (doc_id, t.get("id"), role, tables.nfc(unit), tables.nfc(canon[i]) if i < len(canon) else None)
