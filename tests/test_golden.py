"""Whole-document golden files: every plan in samples/ converts to the JSON in tests/golden/.

Regenerate after an intended change with `UPDATE_GOLDEN=1 make test` and review the diff.
"""
import json
import os
from pathlib import Path

import pytest

import extract
from extract import schema
from extract.writers.json import dumps

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".txt", ".docx", ".pdf"))
GOLDEN = ROOT / "tests" / "golden"


def _stable(plan) -> dict:
    d = plan.to_dict()
    d["input"] = {k: v for k, v in d["input"].items() if k not in ("path",)}
    d.pop("tool_version", None)
    return d


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_matches_its_golden_file(sample):
    plan = extract.parse(str(sample))
    assert schema.errors(json.loads(dumps(plan.to_dict()))) == []
    got = _stable(plan)
    golden = GOLDEN / (sample.name + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file for {sample.name}: run UPDATE_GOLDEN=1 make test"
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert schema.errors({**want, "tool_version": "0", "input": {"path": None, **want["input"]}}) == []
    for part in ("document", "sections", "tasks", "targets", "findings"):
        assert got[part] == want[part], f"{sample.name}: {part} differs from {golden.name}"
