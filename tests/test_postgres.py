"""PostgreSQL output (`kehoach convert … --db postgresql://…`) against a real server that the tests
start themselves (tests/pg_server.py); skipped with the reason where PostgreSQL or psycopg is
absent (`apt-get install -y postgresql`)."""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from extract.cli import main

from pg_server import Server, skip_reason

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TABLES = ("documents", "sections", "tasks", "targets", "findings", "task_units")


@pytest.fixture(scope="module")
def server():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    s = Server().start()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def converted(server, tmp_path_factory):
    """The samples converted once (JSON and SQLite) into a folder, and into a fresh database."""
    out = tmp_path_factory.mktemp("pg-out")
    url = server.new_database()
    assert main(["convert", str(SAMPLES), "-o", str(out), "--format", "json,sqlite", "-q", "--db", url]) in (0, 1)
    return out, url


def pg_counts(url: str) -> dict:
    import psycopg
    with psycopg.connect(url) as conn:
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}


def sqlite_counts(out: Path) -> dict:
    con = sqlite3.connect(out / "plans.sqlite")
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    finally:
        con.close()


def incomplete_documents(url: str) -> list:
    """Documents whose rows in the child tables disagree with the counts of their documents row."""
    import psycopg
    bad = []
    with psycopg.connect(url) as conn:
        for doc, status, *want in conn.execute(
                'SELECT document_id, status, sections, tasks, targets, findings FROM documents').fetchall():
            got = [conn.execute(f'SELECT count(*) FROM "{t}" WHERE document_id = %s', (doc,)).fetchone()[0]
                   for t in ("sections", "tasks", "targets", "findings")]
            if status == "ok" and got != want:
                bad.append((doc, got, want))
    return bad


def test_tables_have_the_sqlite_rows_primary_and_foreign_keys(converted):
    import psycopg
    out, url = converted
    assert pg_counts(url) == sqlite_counts(out)
    assert pg_counts(url)["tasks"] > 100
    with psycopg.connect(url) as conn:
        keys = dict(conn.execute(
            "SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) "
            "FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage kcu "
            "ON tc.constraint_name = kcu.constraint_name WHERE tc.constraint_type = 'PRIMARY KEY' "
            "GROUP BY tc.table_name").fetchall())
        foreign = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY'")}
        year = conn.execute("SELECT data_type FROM information_schema.columns WHERE table_name = 'targets' "
                            "AND column_name = 'year'").fetchone()[0]
    assert keys["tasks"] == keys["sections"] == keys["targets"] == "document_id,id"
    assert keys["documents"] == "document_id"
    assert foreign == {"sections", "tasks", "targets", "findings", "task_units"}
    assert year == "bigint"


def test_a_rerun_replaces_each_document_without_duplicates(converted):
    out, url = converted
    before = pg_counts(url)
    assert main(["convert", str(SAMPLES), "-o", str(out), "--format", "json,sqlite", "-q", "--db", url]) in (0, 1)
    assert pg_counts(url) == before
    assert incomplete_documents(url) == []


def test_a_failed_document_is_a_documents_row_with_its_error(server, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.docx").write_bytes(b"")
    (tmp_path / "in" / "plan.txt").write_text((SAMPLES / "tamduong-ubnd-kh-congtac-tutuong-2022.txt")
                                              .read_text(encoding="utf-8"), encoding="utf-8")
    url = server.new_database()
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json", "-q",
                 "--db", url]) == 1
    import psycopg
    with psycopg.connect(url) as conn:
        rows = dict(conn.execute("SELECT document_id, status FROM documents").fetchall())
    assert rows == {"empty": "failed", "plan": "ok"}


KILLER = textwrap.dedent("""
    import os, signal, sys
    from extract.writers import postgres
    copy, seen = postgres.PostgresDatabase._copy, []

    def copy_then_die(self, cur, name, rows):
        copy(self, cur, name, rows)
        if name == "tasks":
            seen.append(1)
            if len(seen) == int(sys.argv[1]):   # rows of this document sent, its transaction still open
                os.kill(os.getpid(), signal.SIGKILL)

    postgres.PostgresDatabase._copy = copy_then_die
    from extract.cli import main
    sys.exit(main(sys.argv[2:]))
""")


def test_a_batch_killed_mid_document_leaves_only_complete_documents_and_a_rerun_completes(converted, server,
                                                                                          tmp_path):
    url = server.new_database()
    out = tmp_path / "out"
    shutil.copytree(converted[0], out)   # the documents are converted already: the run goes to the database
    args = ["convert", str(SAMPLES), "-o", str(out), "--format", "json,sqlite", "-q", "--db", url]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    p = subprocess.run([sys.executable, "-c", KILLER, "4", *args], env=env, cwd=ROOT, timeout=600,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode == -signal.SIGKILL, p.stderr.decode()[-2000:]
    written = pg_counts(url)
    assert written["documents"] == 3, "three documents committed before the one that was killed"
    assert incomplete_documents(url) == []
    assert main(args) in (0, 1)
    assert pg_counts(url) == sqlite_counts(out)
    assert incomplete_documents(url) == []


WRITER = textwrap.dedent("""
    import sys
    from extract.output import iter_output
    from extract.writers.postgres import PostgresDatabase
    docs = list(iter_output(sys.argv[1]))
    db = PostgresDatabase(sys.argv[2])
    for _ in range(int(sys.argv[3])):
        for d in docs:
            db.add(d.doc_id, d.plan, d.status, d.error, d.path)
    db.close()
""")


def test_concurrent_batches_into_one_database_do_not_corrupt_it(converted, server):
    out, _ = converted
    url = server.new_database()   # empty: both writers also race to create the tables
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(out), url, "3"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err.decode()[-2000:]
    assert pg_counts(url) == sqlite_counts(out)
    assert incomplete_documents(url) == []


def test_consumer_gets_the_same_tasks_and_targets_from_json_frames_and_postgres(converted):
    """A consumer reading the batch only through the schema-checked JSON, the DataFrames and the
    PostgreSQL tables sees the same tasks and targets."""
    import pandas as pd
    import psycopg

    import extract
    from extract import schema
    out, url = converted
    from_json_tasks, from_json_targets = set(), set()
    for path in sorted(p for p in out.glob("*.json") if not p.name.startswith(".")):
        plan = json.loads(path.read_text(encoding="utf-8"))
        assert schema.errors(plan) == []
        doc = path.stem
        from_json_tasks |= {(doc, t["id"], t["content"], "; ".join(t["lead"])) for t in plan["tasks"]}
        from_json_targets |= {(doc, t["id"], t["value"], t["year"]) for t in plan["targets"]}
    frames = extract.read_output(str(out))
    from_frames_tasks = {(r.document_id, r.id, r.content, r.lead if isinstance(r.lead, str) else "")
                         for r in frames["tasks"].itertuples()}
    from_frames_targets = {(r.document_id, r.id, None if pd.isna(r.value) else float(r.value),
                            None if pd.isna(r.year) else int(r.year)) for r in frames["targets"].itertuples()}
    with psycopg.connect(url) as conn:
        from_pg_tasks = {(d, i, c, lead or "") for d, i, c, lead in
                         conn.execute("SELECT document_id, id, content, lead FROM tasks").fetchall()}
        from_pg_targets = set(conn.execute("SELECT document_id, id, value, year FROM targets").fetchall())
    assert from_json_tasks == from_frames_tasks == from_pg_tasks
    assert from_json_targets == from_frames_targets == from_pg_targets



def test_an_unreachable_database_is_one_clear_error_without_password(tmp_path, capsys):
    pytest.importorskip("psycopg")
    url = f"postgresql://me:secret@/plans?host={tmp_path}/no-server"
    code = main(["convert", str(SAMPLES / "tamduong-ubnd-kh-congtac-tutuong-2022.txt"), "-o", str(tmp_path / "o"),
                 "--format", "json", "-q", "--db", url])
    err = capsys.readouterr().err
    assert code == 1 and "cannot write to the PostgreSQL database" in err
    assert "secret" not in err and "me:***@" in err
    assert (tmp_path / "o" / "tamduong-ubnd-kh-congtac-tutuong-2022.json").exists()


def test_tables_of_an_older_minor_version_get_the_new_columns(server):
    """A database written by kehoach 1.0 (no unit keys) takes the columns 1.1 added."""
    import psycopg

    import extract
    from extract.writers.postgres import PostgresDatabase
    url = server.new_database()
    PostgresDatabase(url).close()
    with psycopg.connect(url) as conn:
        conn.execute('ALTER TABLE tasks DROP COLUMN lead_keys')
        conn.execute('ALTER TABLE task_units DROP COLUMN "key"')
    plan = extract.parse(str(SAMPLES / "tamduong-ubnd-kh-congtac-tutuong-2022.txt")).to_dict()
    db = PostgresDatabase(url)
    db.add("plan", plan)
    db.close()
    with psycopg.connect(url) as conn:
        keys = conn.execute("SELECT count(*) FROM task_units WHERE key IS NOT NULL").fetchone()[0]
        lead_keys = conn.execute("SELECT count(*) FROM tasks WHERE lead_keys <> ''").fetchone()[0]
    assert keys > 10 and lead_keys > 5
