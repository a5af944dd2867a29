"""pandas DataFrames: `Plan.to_frames()` and `extract.read_output(DIR)` (extract/frames.py)."""
import subprocess
import sys
from pathlib import Path

import pytest

import extract
from extract.cli import main

pd = pytest.importorskip("pandas")
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tamduong-ubnd-kh-congtac-tutuong-2022.docx"


@pytest.fixture(scope="module")
def plan():
    return extract.parse(str(SAMPLE))


def test_to_frames_gives_the_six_tables_with_proper_dtypes(plan):
    f = plan.to_frames()
    assert list(f) == ["documents", "sections", "tasks", "task_units", "targets", "findings"]
    assert len(f["tasks"]) == len(plan.tasks) and len(f["targets"]) == len(plan.targets)
    assert str(f["targets"]["value"].dtype) == "Float64" and str(f["targets"]["year"].dtype) == "Int64"
    assert str(f["sections"]["level"].dtype) == "Int64" and str(f["documents"]["tasks"].dtype) == "Int64"
    assert str(f["tasks"]["deadline_start"].dtype).startswith("datetime64")
    assert isinstance(f["tasks"]["origin"].dtype, pd.CategoricalDtype)
    assert isinstance(f["findings"]["severity"].dtype, pd.CategoricalDtype)
    assert str(f["tasks"]["content"].dtype) == "string"
    assert f["documents"]["document_id"].tolist() == [SAMPLE.stem]
    # a sum and a sort work as they should on typed columns
    assert f["targets"]["value"].sum() == pytest.approx(sum(t.value or 0 for t in plan.targets))


def test_task_units_frame_has_one_row_per_unit_with_its_key(plan):
    units = plan.to_frames()["task_units"]
    assert len(units) == sum(len(t.lead) + len(t.partners) for t in plan.tasks)
    keys = {k for t in plan.tasks for k in t.lead_keys + t.partners_keys}
    assert set(units["key"].dropna()) == keys


def test_read_output_loads_a_batch_folder_into_the_same_frames(plan, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (tmp_path / "in" / "broken.docx").write_bytes(b"PK\x03\x04 not really")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json", "-q"]) == 1
    f = extract.read_output(str(tmp_path / "out"))
    mine = plan.to_frames()
    for name in ("sections", "tasks", "task_units", "targets", "findings"):
        pd.testing.assert_frame_equal(f[name].reset_index(drop=True), mine[name], check_categorical=False)
    docs = f["documents"].set_index("document_id")
    assert docs.loc["broken", "status"] == "failed" and "broken.docx" in docs.loc["broken", "error"]
    assert docs.loc[SAMPLE.stem, "tasks"] == len(plan.tasks)


def test_read_output_of_a_folder_without_plans_is_one_clear_error(tmp_path):
    with pytest.raises(extract.KehoachError, match="no converted plans"):
        extract.read_output(str(tmp_path))


def test_the_cli_does_not_import_pandas():
    code = ("import sys; from extract.cli import main; main(['convert', sys.argv[1], '-o', sys.argv[2], '-q']); "
            "print('pandas' in sys.modules, 'psycopg' in sys.modules, 'jsonschema' in sys.modules)")
    import tempfile
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([sys.executable, "-c", code, str(SAMPLE), out], capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.split() == ["False", "False", "False"], r.stderr[-2000:]


def test_a_plan_without_tasks_gives_empty_frames_of_the_same_dtypes():
    f = extract.parse_text("Một đoạn văn không phải kế hoạch.").to_frames()
    assert len(f["tasks"]) == 0 and len(f["documents"]) == 1
    assert str(f["targets"]["value"].dtype) == "Float64"
    assert str(f["tasks"]["deadline_end"].dtype).startswith("datetime64")


def test_consumer_gets_the_same_tasks_and_targets_from_json_frames_and_sqlite(tmp_path):
    """Without a PostgreSQL server (see test_postgres for it): the schema-checked JSON, the
    DataFrames and the SQLite tables of a batch give the same tasks and targets."""
    import json
    import sqlite3

    from extract import schema
    out = tmp_path / "out"
    samples = [ROOT / "samples" / n for n in ("tamduong-ubnd-kh-congtac-tutuong-2022.txt",
                                              "thachlam-ubnd-xa-kh-chuyendoiso-2025.docx")]
    assert main(["convert", *map(str, samples), "-o", str(out), "--format", "json,sqlite", "-q"]) in (0, 1)
    tasks, targets = set(), set()
    for path in sorted(p for p in out.glob("*.json") if not p.name.startswith(".")):
        plan = json.loads(path.read_text(encoding="utf-8"))
        assert schema.errors(plan) == []
        tasks |= {(path.stem, t["id"], t["content"], "; ".join(t["lead_keys"])) for t in plan["tasks"]}
        targets |= {(path.stem, t["id"], t["value"], t["year"]) for t in plan["targets"]}
    f = extract.read_output(str(out))
    assert {(r.document_id, r.id, r.content, "" if pd.isna(r.lead_keys) else r.lead_keys)
            for r in f["tasks"].itertuples()} == tasks
    assert {(r.document_id, r.id, None if pd.isna(r.value) else float(r.value), None if pd.isna(r.year)
             else int(r.year)) for r in f["targets"].itertuples()} == targets
    con = sqlite3.connect(out / "plans.sqlite")
    try:
        assert {(d, i, c, k or "") for d, i, c, k in con.execute(
            "SELECT document_id, id, content, lead_keys FROM tasks")} == tasks
        assert set(con.execute("SELECT document_id, id, value, year FROM targets")) == targets
    finally:
        con.close()
    assert len(tasks) > 20 and len(targets) > 5
