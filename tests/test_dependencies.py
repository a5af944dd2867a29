"""The runtime dependencies are what the package imports (pyproject `dependencies`); the rest is in
extras: converting every kind of sample with every output works with the extras' packages and the
development tools unimportable."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXTRAS_ONLY = ["pandas", "psycopg", "jsonschema", "docx", "pdfplumber", "pdfminer", "hypothesis", "pytest"]

BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {blocked!r}:
            raise ImportError("blocked for the test: " + name)
sys.meta_path.insert(0, Block())
from extract.cli import main
code = main(["convert", sys.argv[1], "-o", sys.argv[2], "-q", "-j", "1"])
print("exit", code)
"""


def test_declared_runtime_dependencies_are_what_the_package_imports():
    tomllib = pytest.importorskip("tomllib")   # Python 3.11+
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = {d.split(">")[0].split("[")[0].strip() for d in project["dependencies"]}
    assert runtime == {"lxml", "pypdfium2", "openpyxl", "regex", "fonttools"}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "extract").rglob("*.py"))
    for module in ({"fontTools"} | runtime) - {"fonttools"}:   # the import name of fonttools
        assert f"import {module}" in sources or f"from {module}" in sources, f"{module} is declared, never imported"


def test_conversion_runs_without_the_extras(tmp_path):
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-c", BLOCKER.format(blocked=EXTRAS_ONLY), str(ROOT / "samples"), str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.stdout.strip().endswith(("exit 0", "exit 1")), r.stderr[-3000:]
    assert (out / "plans.sqlite").exists() and (out / "plans.xlsx").exists()
    assert len([p for p in out.glob("*.json") if not p.name.startswith(".")]) == len(list((ROOT / "samples").glob("*.*")))
