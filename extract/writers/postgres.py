"""PostgreSQL output (`kehoach convert … --db postgresql://user@host/db`): the combined tables of a
run in a server database, for dashboards and task trackers that share one database.

Reads: plan dicts one at a time (like the SQLite writer). Writes: the tables of `tables` (the
SQLite schema) plus task_units, with primary keys (document_id, id) — findings and task_units,
which have no id, are keyed by their position — and foreign keys to documents (task_units also
to tasks). Each document is replaced in one transaction: its documents row is upserted first,
which locks it, then its other rows are deleted and copied in. So a re-run or a crash (the
transaction is rolled back) never leaves a document half written, and concurrent batches writing
the same document wait for each other instead of mixing rows. Missing tables, indexes and
columns (those a newer minor schema version added) are created under an advisory lock; existing
ones are not touched, so writers never wait on each other's DDL. Documents of other batches in
the same database are left alone.
Driver: psycopg 3 (`pip install 'kehoach[postgresql]'`), imported only here.
"""
from __future__ import annotations

import re

from . import tables
from ..errors import OutputError

_INTEGER = {"pages", "sections", "tasks", "targets", "findings", "errors", "warnings", "level", "line",
            "line_end", "page", "paragraph", "table", "row", "year", "position"}
_REAL = {"value", "value_max"}
_SCHEMA_LOCK = 7_405_320_613  # advisory lock id: table creation, one batch at a time
_RETRIES = 3                  # a document's transaction is tried again after a deadlock
# table -> (columns, primary key, foreign keys); children first in DELETE order (reversed)
FINDING_COLUMNS = ["document_id", "position"] + tables.FINDING_COLUMNS[1:]
TABLES = {
    "documents": (tables.DOCUMENT_COLUMNS, ("document_id",), []),
    "sections": (tables.SECTION_COLUMNS, ("document_id", "id"), []),
    "tasks": (tables.TASK_COLUMNS, ("document_id", "id"), []),
    "targets": (tables.TARGET_COLUMNS, ("document_id", "id"), []),
    "findings": (FINDING_COLUMNS, ("document_id", "position"), []),
    "task_units": (tables.TASK_UNIT_COLUMNS, ("document_id", "task_id", "role", "position"),
                   [(("document_id", "task_id"), "tasks", ("document_id", "id"))]),
}
_INDEXES = [("tasks", "lead"), ("findings", "code"), ("task_units", "unit"), ("task_units", "key"),
            ("task_units", "canonical")]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cols(names) -> str:
    return ", ".join(map(_q, names))


def _type(column: str) -> str:
    return "BIGINT" if column in _INTEGER else "DOUBLE PRECISION" if column in _REAL else "TEXT"


def ddl() -> list:
    """(name, CREATE statement) of the tables and indexes."""
    out = []
    for name, (columns, key, foreign) in TABLES.items():
        cols = [f"{_q(c)} {_type(c)}" + (" NOT NULL" if c in key else "") for c in columns]
        cols.append(f"PRIMARY KEY ({_cols(key)})")
        if name != "documents":
            cols.append(f"FOREIGN KEY ({_q('document_id')}) REFERENCES {_q('documents')} ({_q('document_id')}) "
                        "ON DELETE CASCADE")
        for mine, other, theirs in foreign:
            cols.append(f"FOREIGN KEY ({_cols(mine)}) REFERENCES {_q(other)} ({_cols(theirs)}) ON DELETE CASCADE")
        out.append((name, f"CREATE TABLE IF NOT EXISTS {_q(name)} ({', '.join(cols)})"))
    for name, column in _INDEXES:
        index = f"idx_{name}_{column}"
        out.append((index, f"CREATE INDEX IF NOT EXISTS {_q(index)} ON {_q(name)} ({_q(column)})"))
    return out


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def _error(e: Exception, url: str) -> OutputError:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return OutputError(f"cannot write to the PostgreSQL database ({msg})", safe_url(url),
                       "check the URL, that the server runs and that the user may create tables; a database "
                       "with tables of another kehoach version needs them dropped")


def _clean(value):
    """PostgreSQL text cannot hold NUL characters."""
    return value.replace("\x00", "") if isinstance(value, str) else value


class PostgresDatabase:
    """Receives plans one at a time, each written in its own transaction (see the module)."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:
            raise OutputError("writing to PostgreSQL needs the psycopg package", safe_url(url),
                              "pip install 'kehoach[postgresql]' (or pip install 'psycopg[binary]')") from None
        self._psycopg = psycopg
        self.url = url
        try:
            self.conn = psycopg.connect(url, autocommit=False)
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                for name, statement in ddl():
                    # only what is missing: CREATE INDEX locks its table even when the index exists,
                    # which would deadlock with a batch writing documents meanwhile
                    if cur.execute("SELECT to_regclass(%s)", (_q(name),)).fetchone()[0] is None:
                        cur.execute(statement)
                    elif name in TABLES:
                        self._add_columns(cur, name)
        except psycopg.Error as e:
            self.abort()
            raise _error(e, url) from None

    @staticmethod
    def _add_columns(cur, name: str) -> None:
        """Columns a newer minor schema version added, added to a table an older kehoach made."""
        have = {r[0] for r in cur.execute("SELECT column_name FROM information_schema.columns WHERE "
                                          "table_schema = current_schema() AND table_name = %s", (name,))}
        for c in TABLES[name][0]:
            if c not in have:
                cur.execute(f"ALTER TABLE {_q(name)} ADD COLUMN {_q(c)} {_type(c)}")

    def _copy(self, cur, name: str, rows) -> None:
        columns = TABLES[name][0]
        with cur.copy(f"COPY {_q(name)} ({_cols(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_clean(v) for v in row])

    def add(self, doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
            path: str | None = None) -> None:
        """Replace document `doc_id` (and all its rows) in one transaction, tried again after a
        deadlock with another writer."""
        row = [_clean(v) for v in tables.document_row(doc_id, plan, status, error, path)]
        errors = self._psycopg.errors
        for attempt in range(_RETRIES):
            try:
                self._replace(doc_id, plan, row)
                return
            except (errors.DeadlockDetected, errors.SerializationFailure) as e:
                if attempt == _RETRIES - 1:
                    raise _error(e, self.url) from None
            except self._psycopg.Error as e:
                raise _error(e, self.url) from None

    def _replace(self, doc_id: str, plan: dict | None, row: list) -> None:
        columns = tables.DOCUMENT_COLUMNS
        update = ", ".join(f"{_q(c)} = EXCLUDED.{_q(c)}" for c in columns[1:])
        with self.conn.transaction(), self.conn.cursor() as cur:
            # the upsert locks the document's row: a concurrent writer of the same document waits here
            cur.execute(f"INSERT INTO {_q('documents')} ({_cols(columns)}) VALUES "
                        f"({', '.join(['%s'] * len(columns))}) ON CONFLICT ({_q('document_id')}) "
                        f"DO UPDATE SET {update}", row)
            for name in reversed(list(TABLES)[1:]):
                cur.execute(f"DELETE FROM {_q(name)} WHERE {_q('document_id')} = %s", (doc_id,))
            if plan:
                for name in ("sections", "tasks", "targets"):
                    self._copy(cur, name, tables.unique_ids(tables.ROWS[name](doc_id, plan)))
                self._copy(cur, "findings", ([r[0], i, *r[1:]] for i, r in
                                             enumerate(tables.finding_rows(doc_id, plan))))
                self._copy(cur, "task_units", tables.task_unit_rows(doc_id, plan))

    def close(self) -> None:
        self.conn.close()

    def abort(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            try:
                conn.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
