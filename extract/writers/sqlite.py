"""SQLite output over a run: `plans.sqlite` with tables documents, sections, tasks, targets,
findings (the columns of `tables`), task_units (one row per lead/partner unit of a task, with its
canonical name and key). Keys:
documents (document_id); sections, tasks, targets (document_id, id); every table refers to
documents, task_units to tasks. Indexes on document id, finding code, task_units (unit, role)
(who leads what) and unit key. Reads: plan dicts one at a time. Writes:
the database into a temporary file that replaces `plans.sqlite` when complete."""
from __future__ import annotations

import errno
import sqlite3

from . import tables
from .atomic import atomic_path, output_error

_INTEGER = {"pages", "sections", "tasks", "targets", "findings", "errors", "warnings", "level", "line",
            "line_end", "page", "paragraph", "table", "row", "year", "position"}
_REAL = {"value", "value_max"}
_INDEXES = [
    ("findings", ("document_id",)), ("findings", ("code",)), ("task_units", ("unit", "role")),
    ("task_units", ("key",)), ("task_units", ("document_id", "task_id")),
]
_KEYED = ("sections", "tasks", "targets")   # primary key (document_id, id)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(name: str, columns: list) -> str:
    cols = []
    for c in columns:
        kind = "INTEGER" if c in _INTEGER else "REAL" if c in _REAL else "TEXT"
        extra = " PRIMARY KEY" if name == "documents" and c == "document_id" else ""
        extra += " NOT NULL" if name in _KEYED and c in ("document_id", "id") else ""
        cols.append(f"{_q(c)} {kind}{extra}")
    if name in _KEYED:
        cols.append('PRIMARY KEY ("document_id", "id")')
    if name != "documents":
        cols.append('FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id")')
    return f"CREATE TABLE {_q(name)} ({', '.join(cols)})"


_UNITS_DDL = ('CREATE TABLE "task_units" ("document_id" TEXT NOT NULL, "task_id" TEXT NOT NULL, "role" TEXT, '
              '"position" INTEGER, "unit" TEXT, "canonical" TEXT, "key" TEXT, '
              'FOREIGN KEY ("document_id") REFERENCES "documents" ("document_id"), '
              'FOREIGN KEY ("document_id", "task_id") REFERENCES "tasks" ("document_id", "id"))')


def _sqlite_error(e: sqlite3.Error) -> OSError:
    """An sqlite error as the OSError the atomic writer reports (a full disk keeps its code)."""
    text = str(e)
    if "full" in text.lower():
        return OSError(errno.ENOSPC, text)
    return OSError(text)


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
            self.db.execute("PRAGMA foreign_keys=ON")
            for name, columns in tables.TABLES.items():
                self.db.execute(_ddl(name, columns))
            self.db.execute(_UNITS_DDL)
        except sqlite3.Error as e:
            self.abort()
            raise output_error(_sqlite_error(e), path) from None
        self._insert = {name: f"INSERT INTO {_q(name)} VALUES ({', '.join('?' * len(cols))})"
                        for name, cols in tables.TABLES.items()}

    def add(self, doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
            path: str | None = None) -> None:
        try:
            self.db.execute(self._insert["documents"], tables.document_row(doc_id, plan, status, error, path))
            if not plan:
                return
            for name in ("sections", "tasks", "targets", "findings"):
                rows = tables.ROWS[name](doc_id, plan)
                self.db.executemany(self._insert[name], tables.unique_ids(rows) if name in _KEYED else rows)
            self.db.executemany(f"INSERT INTO task_units VALUES ({', '.join('?' * len(tables.TASK_UNIT_COLUMNS))})",
                                tables.task_unit_rows(doc_id, plan))
        except sqlite3.Error as e:
            self.abort()
            raise output_error(_sqlite_error(e), self.path) from None

    def close(self) -> None:
        try:
            for table, columns in _INDEXES:
                self.db.execute(f"CREATE INDEX {_q(f'idx_{table}_' + '_'.join(columns))} ON {_q(table)} "
                                f"({', '.join(map(_q, columns))})")
            self.db.commit()
            self.db.close()
        except sqlite3.Error as e:
            self.abort()
            raise output_error(_sqlite_error(e), self.path) from None
        self._ctx.__exit__(None, None, None)

    def abort(self) -> None:
        try:
            self.db.close()
        except Exception:  # noqa: BLE001 - closing a broken connection
            pass
        self._ctx.__exit__(RuntimeError, RuntimeError("aborted"), None)

