"""Shared test helpers: where the development plans are, and which of them are PDF text layers."""
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def shared():
    """../shared (the development plans); the test skips where it is absent, as on a user's machine."""
    if not (SHARED / "real").is_dir():
        pytest.skip("../shared is absent (a user's machine)")
    return SHARED


def is_pdf_text_layer(path: Path) -> bool:
    """A text plan taken from a PDF text layer (words run together, lines broken anywhere), as its
    expected extraction describes it: such a file is no 'clean text' for the repair tests."""
    gold = path.parent.parent / "expected" / (path.stem + ".json")
    if not gold.exists():
        return False
    return "pdf text layer" in str(json.loads(gold.read_text(encoding="utf-8")).get("about", "")).lower()


def clean_text_plans(shared: Path) -> list:
    """The .txt plans of ../shared that are Word exports or web pages, not PDF text layers."""
    paths = sorted((shared / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    return [p for p in paths if not is_pdf_text_layer(p)]
