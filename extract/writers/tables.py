"""Flat tables of a plan, shared by the CSV, XLSX and SQLite writers. Reads: a plan as the dict of
`Plan.to_dict()` (or its JSON file). Writes: rows (lists of str/int/float/None) under the fixed
column lists below; every row starts with the document id, lists are joined with "; ", text is NFC.
"""
from __future__ import annotations

import json
import unicodedata
from typing import Iterator

LIST_SEP = "; "

DOCUMENT_COLUMNS = [
    "document_id", "status", "error", "path", "format", "pages", "sha256", "doc_type", "number",
    "symbol", "number_text", "date", "date_text", "place", "issuer", "parent_issuer", "title",
    "signer_name", "signer_title", "signer_authority", "recipients", "sections", "tasks", "targets",
    "findings", "errors", "warnings", "schema_version", "tool_version",
]
SECTION_COLUMNS = ["document_id", "id", "parent", "number", "title", "level", "marker", "line", "page",
                   "paragraph"]
TASK_COLUMNS = [
    "document_id", "id", "origin", "section", "group", "group_title", "number", "content", "lead",
    "partners", "lead_canonical", "partners_canonical", "lead_keys", "partners_keys", "deadline_text", "deadline_kind",
    "deadline_start", "deadline_end", "deadline_period", "extra", "finding_codes", "line", "line_end",
    "page", "paragraph", "table", "row",
]
TARGET_COLUMNS = [
    "document_id", "id", "parent", "text", "value", "value_max", "unit", "comparator", "year",
    "value_text",
    "sentence", "section", "finding_codes", "line", "line_end", "page", "paragraph", "table", "row",
]
TASK_UNIT_COLUMNS = ["document_id", "task_id", "role", "position", "unit", "canonical", "key"]
FINDING_COLUMNS = ["document_id", "code", "severity", "message", "task", "target", "section", "line",
                   "page", "paragraph", "table", "row"]

TABLES = {"documents": DOCUMENT_COLUMNS, "sections": SECTION_COLUMNS, "tasks": TASK_COLUMNS,
          "targets": TARGET_COLUMNS, "findings": FINDING_COLUMNS}


def nfc(value):
    """Cell value: NFC text, lists joined, dicts as JSON, numbers and None unchanged."""
    if value is None or isinstance(value, (int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(nfc(v)) for v in value if v not in (None, ""))
    if isinstance(value, dict):
        return nfc(json.dumps(value, ensure_ascii=False, sort_keys=True)) if value else ""
    return unicodedata.normalize("NFC", str(value))


def _src(item: dict, keys: tuple) -> list:
    src = item.get("source") or {}
    return [src.get(k) for k in keys]


def _codes_by(findings: list, key: str) -> dict:
    out: dict = {}
    for f in findings:
        ref = f.get(key)
        if ref:
            out.setdefault(ref, []).append(f.get("code"))
    return out


def document_row(doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
                 path: str | None = None) -> list:
    """The documents-table row of one input (a failed input has status "failed" and no plan)."""
    plan = plan or {}
    d = plan.get("document") or {}
    signer = d.get("signer") or {}
    if isinstance(signer, str):
        signer = {"name": signer}
    inp = plan.get("input") or {}
    findings = plan.get("findings") or []
    sections = sum(1 for _ in iter_sections(plan.get("sections") or []))
    sev = [f.get("severity") for f in findings]
    row = [doc_id, status, error, inp.get("path") or path, inp.get("format"), inp.get("pages"),
           inp.get("sha256"), d.get("doc_type"), d.get("number"), d.get("symbol"), d.get("number_text"),
           d.get("date"), d.get("date_text"), d.get("place"), d.get("issuer"), d.get("parent_issuer"),
           d.get("title"), signer.get("name"), signer.get("title"), signer.get("authority"),
           d.get("recipients") or [], sections if plan else None,
           len(plan.get("tasks") or []) if plan else None, len(plan.get("targets") or []) if plan else None,
           len(findings) if plan else None, sev.count("error") if plan else None,
           sev.count("warning") if plan else None, plan.get("schema_version"), plan.get("tool_version")]
    return [nfc(v) for v in row]


def iter_sections(sections: list, parent: str | None = None) -> Iterator[tuple]:
    """(section, parent id) for a nested or flat section list, in document order."""
    stack = [(s, parent) for s in reversed(sections)]
    while stack:
        s, p = stack.pop()
        yield s, p
        stack.extend((c, s.get("id")) for c in reversed(s.get("children") or []))


def section_rows(doc_id: str, plan: dict) -> Iterator[list]:
    for s, parent in iter_sections(plan.get("sections") or []):
        yield [nfc(v) for v in [doc_id, s.get("id"), parent, s.get("number"), s.get("title"), s.get("level"),
                                s.get("marker"), *_src(s, ("line", "page", "paragraph"))]]


def task_rows(doc_id: str, plan: dict) -> Iterator[list]:
    codes = _codes_by(plan.get("findings") or [], "task")
    for t in plan.get("tasks") or []:
        dl = t.get("deadline") or {}
        yield [nfc(v) for v in [
            doc_id, t.get("id"), t.get("origin"), t.get("section"), t.get("group"), t.get("group_title"),
            t.get("number"), t.get("content"), t.get("lead") or [], t.get("partners") or [],
            t.get("lead_canonical") or [], t.get("partners_canonical") or [], t.get("lead_keys") or [],
            t.get("partners_keys") or [], dl.get("text"), dl.get("kind"),
            dl.get("start"), dl.get("end"), dl.get("period"), t.get("extra") or {}, codes.get(t.get("id"), []),
            *_src(t, ("line", "line_end", "page", "paragraph", "table", "row"))]]


def target_rows(doc_id: str, plan: dict) -> Iterator[list]:
    codes = _codes_by(plan.get("findings") or [], "target")
    for t in plan.get("targets") or []:
        yield [nfc(v) for v in [
            doc_id, t.get("id"), t.get("parent"), t.get("text"), t.get("value"), t.get("value_max"),
            t.get("unit"), t.get("comparator"), t.get("year"), t.get("value_text"), t.get("sentence"), t.get("section"),
            codes.get(t.get("id"), []), *_src(t, ("line", "line_end", "page", "paragraph", "table", "row"))]]


def finding_rows(doc_id: str, plan: dict) -> Iterator[list]:
    for f in plan.get("findings") or []:
        yield [nfc(v) for v in [doc_id, f.get("code"), f.get("severity"), f.get("message"), f.get("task"),
                                f.get("target"), f.get("section"),
                                *_src(f, ("line", "page", "paragraph", "table", "row"))]]


def task_unit_rows(doc_id: str, plan: dict) -> Iterator[list]:
    """One row per lead/partner unit of a task as written, with its canonical name and key."""
    from ..unit_keys import official_name, unit_key
    for t in plan.get("tasks") or []:
        for role in ("lead", "partners"):
            for i, unit in enumerate(t.get(role) or []):
                unit = nfc(unit)
                yield [doc_id, t.get("id"), role, i, unit, official_name(unit) or None, unit_key(unit) or None]


def unique_ids(rows) -> Iterator[list]:
    """Rows whose id repeats within a document (never expected) get "#2", "#3"… so the key
    (document_id, id) of the databases holds."""
    seen: dict = {}
    for r in rows:
        n = seen[r[1]] = seen.get(r[1], 0) + 1
        if n > 1:
            r = [r[0], f"{r[1]}#{n}", *r[2:]]
        yield r


ROWS = {"sections": section_rows, "tasks": task_rows, "targets": target_rows, "findings": finding_rows}


