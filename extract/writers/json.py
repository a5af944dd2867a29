"""JSON output: one plan per file (`<name>.json`) and one plan per line (`plans.jsonl`). Reads: the
dict of `Plan.to_dict()`. Writes: UTF-8 JSON, text in NFC, atomically."""
from __future__ import annotations

import json
import unicodedata

from .atomic import write_text


def normalize(value):
    """The same structure with every string (keys included) in NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {normalize(k): normalize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalize(v) for v in value]
    return value


def dumps(plan: dict, indent: int | None = 2) -> str:
    """The plan as JSON text (NFC, non-ASCII kept as is)."""
    sep = None if indent else (",", ":")
    return json.dumps(normalize(plan), ensure_ascii=False, indent=indent, separators=sep)


def write_plan(path: str, plan: dict) -> None:
    """Write `<name>.json` atomically."""
    write_text(path, dumps(plan) + "\n")


def read_plan(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def jsonl_line(doc_id: str, plan: dict) -> str:
    """One line of plans.jsonl: the plan with its document id first."""
    return dumps({"document_id": doc_id, **plan}, indent=None) + "\n"
