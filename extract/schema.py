"""The published JSON Schema (draft 2020-12) of the plan JSON: `extract/data/plan.schema.json`.

Reads: nothing but the packaged file. `text()` is the schema as published (what `kehoach schema`
prints), `load()` the parsed dict, `validate(plan)` checks a plan dict against it with the
`jsonschema` package (`pip install jsonschema`; imported only here) and raises
`jsonschema.ValidationError` naming the first wrong place. `schema_version` follows semantic
versioning; CHANGELOG.md says what each version changed.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).parent / "data" / "plan.schema.json"


def text() -> str:
    return PATH.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load() -> dict:
    return json.loads(text())


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(load())
    return jsonschema.Draft202012Validator(load(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def errors(plan: dict) -> list:
    """Every place where `plan` departs from the schema, as "path: message" strings."""
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in sorted(_validator().iter_errors(plan), key=lambda e: list(map(str, e.absolute_path)))]


def validate(plan: dict) -> None:
    """Raise jsonschema.ValidationError when `plan` does not follow the schema."""
    _validator().validate(plan)
