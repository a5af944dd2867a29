"""Reading a batch output folder back: the documents of `kehoach convert … -o OUTDIR`.

Reads OUTDIR/.kehoach-manifest.json (every document of the batch with its status, failed ones
included) and each converted document's `<id>.json` (ids may name subfolders), then the plan JSON
files (a file with a schema_version) the manifest does not know: at the top of OUTDIR, or in all
of it when there is no manifest; their id is the path without `.json`. Writes nothing: yields
`OutputDocument`s in document-id order, for `read_output` (DataFrames) and `kehoach units`.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Iterator, Optional

from .batch import MANIFEST
from .errors import KehoachError


@dataclass
class OutputDocument:
    doc_id: str
    plan: Optional[dict]              # None for a failed document
    status: str = "ok"                # ok | failed
    error: Optional[str] = None
    path: Optional[str] = None        # the input file
    error_kind: Optional[str] = None  # failed: unreadable | timeout | crash | internal | output


def read_plan_json(path: str) -> Optional[dict]:
    """A plan JSON written by `convert` (it carries a schema_version), else None."""
    return _load(path)[0]


def _load(path: str) -> tuple:
    """(plan, None) for a plan JSON; (None, why) for a file that is not valid JSON; (None, None) for
    JSON that is no plan (another tool's file)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        return None, f"cannot read the file ({e.strerror})"
    except ValueError as e:
        return None, f"not valid JSON ({e})"
    return (data, None) if isinstance(data, dict) and "schema_version" in data else (None, None)


def iter_output(outdir: str) -> Iterator[OutputDocument]:
    """The documents of a batch output folder (see the module docstring); KehoachError when the
    folder holds no plan at all."""
    if not os.path.isdir(outdir):
        raise KehoachError("no such output folder", outdir, "give the folder written by kehoach convert -o")
    found = False
    try:
        with open(os.path.join(outdir, MANIFEST), encoding="utf-8") as fh:
            docs = dict(json.load(fh).get("documents") or {})
    except (OSError, ValueError, AttributeError):
        docs = {}
    known = set()
    for doc_id in sorted(docs, key=str.casefold):
        rec = docs[doc_id] if isinstance(docs[doc_id], dict) else {}
        known.add(doc_id)
        if rec.get("status") == "failed":
            found = True
            yield OutputDocument(doc_id, None, "failed", rec.get("error"), rec.get("path"), rec.get("error_kind"))
            continue
        plan = read_plan_json(os.path.join(outdir, doc_id + ".json"))
        if plan is None:
            continue
        found = True
        yield OutputDocument(doc_id, plan, "ok", None, rec.get("path") or (plan.get("input") or {}).get("path"))
    # plan JSON files the manifest does not know (copied in by hand; a folder without manifest)
    paths = []
    for folder, dirs, files in os.walk(outdir):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if not docs else []
        paths += [os.path.join(folder, f) for f in files if f.endswith(".json") and not f.startswith(".")]
    for path in sorted(paths, key=str.casefold):
        doc_id = os.path.relpath(path, outdir)[:-5].replace(os.sep, "/")
        if doc_id in known:
            continue
        plan, why = _load(path)
        if why:     # a plan file damaged or cut short: a failed row, never silently gone
            found = True
            yield OutputDocument(doc_id, None, "failed", why, path, "json")
        elif plan is not None:
            found = True
            yield OutputDocument(doc_id, plan, "ok", None, (plan.get("input") or {}).get("path"))
    if not found:
        raise KehoachError("no converted plans in this folder", outdir,
                           "give the folder written by kehoach convert -o (it holds <name>.json files)")
