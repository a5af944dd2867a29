"""Building the HTML report folder. Reads: `ReportEntry`s — plan JSON files (an OUTDIR of
`convert`, or single files), plans just converted, and failed inputs. Writes, in the report folder:
`index.html` (the batch), `plans/<id>.html` (one page per plan), `report.css` and `report.js`;
every file atomically, pages of plans no longer in the batch removed.

The report depends only on the plan JSON (the documented schema): `kehoach report output/` makes
it again without reading the documents."""
from __future__ import annotations

import contextlib
import json
import os
import re
import time
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from ...batch import MANIFEST
from .. import atomic
from . import index_page, labels, plan_page
from .index_page import FailedRow, IndexRow
from .layout import ASSETS
from .stats import part, plan_stats

PLAN_PARTS = ("schema_version", "tool_version", "input", "document", "sections", "tasks", "targets",
              "findings", "normalization")
_HERE = os.path.dirname(os.path.abspath(__file__))

FAILURE_KIND = {"unreadable": "Không đọc được tệp", "timeout": "Chuyển đổi quá lâu", "crash": "Trình chuyển đổi bị dừng",
                "internal": "Lỗi nội bộ của kehoach", "output": "Không ghi được kết quả",
                "json": "Không đọc được tệp JSON"}


class NotAPlan(ValueError):
    """A JSON file that is not a plan written by kehoach (no schema_version)."""


@dataclass
class ReportEntry:
    """One input of the report: a plan (in memory or as a JSON file) or a failed input."""
    doc_id: str
    source: str                       # the input document (or the JSON file), as shown
    plan: Optional[dict] = None
    json_path: Optional[str] = None
    error: Optional[str] = None       # the input failed: why
    error_kind: Optional[str] = None

    def load(self) -> dict:
        if self.plan is not None:
            return self.plan
        with open(self.json_path, encoding="utf-8") as fh:
            data = json.load(fh)
        if not isinstance(data, dict) or "schema_version" not in data:
            raise NotAPlan(f"{self.json_path} is not a plan JSON written by kehoach")
        return data


@dataclass
class ReportResult:
    folder: str
    index: str
    plans: int
    failed: int
    with_errors: int


# --------------------------------------------------------------------------- where plans come from
def is_output_folder(folder: str) -> bool:
    """A folder `convert` wrote into (its manifest, or plan JSON files at the top)."""
    if os.path.isfile(os.path.join(folder, MANIFEST)):
        return True
    with contextlib.suppress(OSError):
        return any(n.lower().endswith(".json") and not n.startswith(".") for n in os.listdir(folder))
    return False


def from_outdir(folder: str) -> list:
    """The plans of an OUTDIR, as `extract.output.iter_output` reads them (every document its
    manifest records, failed ones with their reason, and plan JSON files it does not know)."""
    from ...errors import KehoachError
    from ...output import iter_output
    try:
        docs = list(iter_output(folder))
    except KehoachError:
        return []
    return [ReportEntry(doc_id=d.doc_id, source=d.path or d.doc_id, error=d.error or "", error_kind=d.error_kind)
            if d.status == "failed" else ReportEntry(doc_id=d.doc_id, source=d.path or d.doc_id, plan=d.plan)
            for d in docs]


def from_results(outdir: str, results: Iterable) -> list:
    """The entries of a `convert` run into `outdir` (batch.DocResult list)."""
    entries = []
    for r in results:
        if r.status == "failed":
            entries.append(ReportEntry(doc_id=r.doc_id, source=r.path, error=r.error, error_kind=r.error_kind))
        else:
            entries.append(ReportEntry(doc_id=r.doc_id, source=r.path,
                                       json_path=os.path.join(outdir, r.doc_id + ".json")))
    return entries


def collect(paths: Iterable[str], options, progress=None) -> tuple:
    """Entries for `kehoach report PATH...`: plan JSON files and output folders are read as they
    are; documents and folders of documents are converted (nothing written). Returns (entries,
    batch summary or None)."""
    from ... import batch
    entries, documents = [], []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p) and is_output_folder(p):
            entries += from_outdir(p)
        elif os.path.isfile(p) and p.lower().endswith(".json"):
            entries.append(ReportEntry(doc_id=os.path.splitext(os.path.basename(p))[0], source=p, json_path=p))
        else:
            documents.append(p)
    summary = None
    if documents:
        summary = batch.run(documents, replace(options, outdir=None, formats=(), keep=PLAN_PARTS), progress)
        for r in summary.results:
            if r.status == "failed":
                entries.append(ReportEntry(doc_id=r.doc_id, source=r.path, error=r.error, error_kind=r.error_kind))
            else:
                entries.append(ReportEntry(doc_id=r.doc_id, source=r.path, plan=dict(r.extra)))
    return entries, summary


# --------------------------------------------------------------------------- writing
def _slug(doc_id: str, used: set) -> str:
    base = re.sub(r"[^\w.-]+", "_", doc_id).strip("._") or "ke-hoach"
    slug, i = base, 1
    while slug.casefold() in used:
        i += 1
        slug = f"{base}-{i}"
    used.add(slug.casefold())
    return slug


def generated_now() -> str:
    t = time.localtime()
    return f"{labels.date(time.strftime('%Y-%m-%d', t))} lúc {time.strftime('%H:%M', t)}"


def write_report(entries: Iterable[ReportEntry], folder: str, generated: Optional[str] = None) -> ReportResult:
    """Write the report of `entries` into `folder` (see the module docstring)."""
    generated = generated or generated_now()
    plans_dir = os.path.join(folder, "plans")
    atomic.ensure_dir(plans_dir)
    for name in ASSETS:
        with open(os.path.join(_HERE, name), encoding="utf-8") as fh:
            atomic.write_text(os.path.join(folder, name), fh.read())
    rows, failed, used = [], [], set()
    for e in entries:
        if e.error is not None:
            failed.append(_failed_row(e.doc_id, e.source, e.error, e.error_kind))
            continue
        try:
            plan = e.load()
        except NotAPlan:
            continue
        except (OSError, ValueError) as ex:
            failed.append(_failed_row(e.doc_id, e.source, f"{e.json_path}: {ex}", "json"))
            continue
        slug = _slug(e.doc_id, used)
        stats = plan_stats(plan)
        atomic.write_text(os.path.join(plans_dir, slug + ".html"), plan_page.render(plan, e.doc_id, generated, stats))
        doc, inp = part(plan, "document"), part(plan, "input")
        rows.append(IndexRow(doc_id=e.doc_id, href=f"plans/{slug}.html", source=str(inp.get("path") or e.source),
                             number=_str(doc.get("number")), title=_str(doc.get("title")),
                             issuer=_str(doc.get("issuer")), date=_str(doc.get("date")), stats=stats))
    index = os.path.join(folder, "index.html")
    atomic.write_text(index, index_page.render(rows, failed, generated))
    _remove_stale(plans_dir, used)
    return ReportResult(folder=folder, index=index, plans=len(rows), failed=len(failed),
                        with_errors=sum(1 for r in rows if r.stats.severities.get("error")))


def _str(value) -> Optional[str]:
    return str(value) if isinstance(value, (str, int, float)) and str(value).strip() else None


def _failed_row(doc_id: str, source: str, error: str, kind: Optional[str]) -> FailedRow:
    reason = f"{FAILURE_KIND[kind]}: {error}" if kind in FAILURE_KIND else error
    return FailedRow(doc_id=doc_id, source=source, reason=reason)


def _remove_stale(plans_dir: str, used: set) -> None:
    """Pages of plans that are no longer in the report."""
    with contextlib.suppress(OSError):
        for n in os.listdir(plans_dir):
            if n.endswith(".html") and n[:-5].casefold() not in used:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(plans_dir, n))
