"""pandas DataFrames of plans, for notebooks: `Plan.to_frames()` and `extract.read_output(DIR)`.

Reads plan dicts (`Plan.to_dict()` or the JSON files of a batch output folder); writes a dict of
DataFrames named documents, sections, tasks, task_units, targets, findings with the columns of the
CSV/SQLite tables (`writers.tables`) and typed columns: counts, levels, years and places in the
file are nullable integers (Int64), target values Float64, deadline start/end datetime64 (the
document date stays text: it may be a year or a month), closed vocabularies (origin, severity,
deadline kind, …) categories, the rest pandas strings. pandas is imported only here, when asked.
"""
from __future__ import annotations

from typing import Iterable

from .writers import tables

FRAMES = ("documents", "sections", "tasks", "task_units", "targets", "findings")
_INTEGER = {"pages", "sections", "tasks", "targets", "findings", "errors", "warnings", "level", "line",
            "line_end", "page", "paragraph", "table", "row", "year", "position"}
_FLOAT = {"value", "value_max"}
_DATES = {"deadline_start", "deadline_end"}
_CATEGORY = {"status", "format", "origin", "deadline_kind", "deadline_period", "severity", "code", "role",
             "comparator", "marker", "doc_type"}
COLUMNS = {**tables.TABLES, "task_units": tables.TASK_UNIT_COLUMNS}


def _pandas():
    try:
        import pandas
    except ImportError:  # pragma: no cover - pandas is a declared extra
        raise ImportError("DataFrames need pandas: pip install 'kehoach[frames]' (or pip install pandas)") from None
    return pandas


def _typed(pd, name: str, rows: list):
    columns = COLUMNS[name]
    df = pd.DataFrame(rows, columns=columns)
    for c in columns:
        if c in _INTEGER:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Int64")
        elif c in _FLOAT:
            df[c] = pd.to_numeric(df[c], errors="coerce").astype("Float64")
        elif c in _DATES:
            df[c] = pd.to_datetime(df[c], format="%Y-%m-%d", errors="coerce")
        elif c in _CATEGORY:
            df[c] = df[c].astype("string").astype("category")
        else:
            df[c] = df[c].astype("string")
    return df


def frames(documents: Iterable[tuple]) -> dict:
    """DataFrames of (doc_id, plan dict or None, status, error, path) tuples (see the module)."""
    pd = _pandas()
    rows: dict = {name: [] for name in FRAMES}
    for doc_id, plan, status, error, path in documents:
        rows["documents"].append(tables.document_row(doc_id, plan, status, error, path))
        if not plan:
            continue
        for name in ("sections", "tasks", "targets", "findings"):
            rows[name].extend(tables.ROWS[name](doc_id, plan))
        rows["task_units"].extend(tables.task_unit_rows(doc_id, plan))
    return {name: _typed(pd, name, rows[name]) for name in FRAMES}


def plan_frames(plan: dict, doc_id: str | None = None) -> dict:
    """DataFrames of one plan; its document id is the input file's name without extension."""
    if doc_id is None:
        name = (plan.get("input") or {}).get("name") or "document"
        doc_id = name.rsplit(".", 1)[0] if "." in name else name
    return frames([(doc_id, plan, "ok", None, (plan.get("input") or {}).get("path"))])


def read_output(outdir: str) -> dict:
    """DataFrames of a batch output folder (`kehoach convert … -o OUTDIR`), failed documents
    included as rows of documents with their error."""
    from .output import iter_output
    return frames((d.doc_id, d.plan, d.status, d.error, d.path) for d in iter_output(outdir))
