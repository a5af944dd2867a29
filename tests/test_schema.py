"""The published JSON Schema of the plan JSON (extract/data/plan.schema.json, `kehoach schema`)."""
import json
import re
from pathlib import Path

import pytest

from extract import schema
from extract.cli import main
from extract.model import SCHEMA_VERSION

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "tamduong-ubnd-kh-congtac-tutuong-2022.txt"


def test_the_schema_is_a_valid_draft_2020_12_schema_of_this_version():
    s = schema.load()
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(s)
    assert s["$id"].endswith(":" + SCHEMA_VERSION)


def test_schema_version_is_semantic_and_the_changelog_names_it():
    assert re.fullmatch(r"\d+\.\d+\.\d+", SCHEMA_VERSION)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"schema {SCHEMA_VERSION}" in changelog


def test_readme_links_the_schema():
    assert "extract/data/plan.schema.json" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_kehoach_schema_prints_it(capsys):
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == schema.load()


def test_batch_outputs_follow_the_schema(tmp_path):
    assert main(["convert", str(SAMPLE), "-o", str(tmp_path), "--format", "json", "-q"]) in (0, 1)
    plan = json.loads((tmp_path / (SAMPLE.stem + ".json")).read_text(encoding="utf-8"))
    assert schema.errors(plan) == []
    for line in (tmp_path / "plans.jsonl").read_text(encoding="utf-8").splitlines():
        assert schema.errors(json.loads(line)) == []


@pytest.mark.parametrize("damage, where", [
    (lambda p: p["tasks"][0].update(origin="cell"), "tasks/0/origin"),
    (lambda p: p["targets"][0].update(year="2025"), "targets/0/year"),
    (lambda p: p["findings"][0].update(severity="fatal"), "findings/0/severity"),
    (lambda p: p["tasks"][0]["deadline"].update(start="01/04/2022"), "tasks/0/deadline/start"),
    (lambda p: p.update(surprise=1), "(top)"),
])
def test_the_schema_catches_a_wrong_plan(tmp_path, damage, where):
    import extract
    plan = json.loads(json.dumps(extract.parse(str(SAMPLE)).to_dict()))
    damage(plan)
    assert any(e.startswith(where) for e in schema.errors(plan)), schema.errors(plan)


def test_a_schema_change_comes_with_a_new_schema_version():
    """Each published version is kept in tests/data/schema/: changing the schema without a new
    schema_version (major when it breaks consumers) and a CHANGELOG entry fails here. After a
    deliberate change, bump SCHEMA_VERSION and copy the schema to plan-<version>.json."""
    kept = ROOT / "tests" / "data" / "schema" / f"plan-{SCHEMA_VERSION}.json"
    assert kept.exists(), f"schema {SCHEMA_VERSION} is not kept in {kept.parent}: copy it there"
    assert json.loads(kept.read_text(encoding="utf-8")) == schema.load(), (
        "the schema changed under the same schema_version: bump it (see CHANGELOG.md)")
