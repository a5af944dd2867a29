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
