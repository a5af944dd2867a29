"""Excel outputs: `<name>.xlsx` for one plan and `plans.xlsx` over a run. One sheet per table
(document(s), sections, tasks, targets, findings); header row frozen with a filter, column widths
set. Cells are typed so a reviewer can sort and sum: numbers (target value, year, level, page,
row, counts) are numbers, full ISO dates (document date, deadline start/end) are dates shown as
yyyy-mm-dd (a year or a month alone stays text). Rows with an error are red, with a warning
yellow: tasks and targets by their worst finding, findings by severity, documents that failed or
have error/warning findings. A table longer than Excel's 1,048,576 rows goes on into "tasks (2)",
"tasks (3)"… Reads: plan dicts. Writes: the workbook atomically, streamed (openpyxl write-only)
so memory stays flat."""
from __future__ import annotations

import datetime
import re

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import tables
from .atomic import atomic_path

MAX_CELL = 32767
MAX_ROWS = 1_048_576  # rows of a worksheet, the header included
_WIDTHS = {"content": 70, "title": 50, "message": 60, "text": 50, "sentence": 60, "group_title": 30,
           "lead": 35, "partners": 35, "lead_canonical": 30, "partners_canonical": 30, "issuer": 30,
           "parent_issuer": 25, "deadline_text": 25, "error": 50, "path": 40, "extra": 30,
           "recipients": 40, "sha256": 20, "value": 30}
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_FLAG = {"warning": PatternFill("solid", fgColor="FFF2CC"), "error": PatternFill("solid", fgColor="F8CBAD")}
_DATE_COLUMNS = {"date", "deadline_start", "deadline_end"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_FORMAT = "yyyy-mm-dd"
_WRAP = Alignment(wrap_text=True, vertical="top")
_SHEETS = ("sections", "tasks", "targets", "findings")


def cell_value(value):
    """A value Excel accepts: no control characters, at most 32767 characters."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > MAX_CELL:
            value = value[:MAX_CELL - 1] + "…"
    return value


def typed(value, column: str | None = None):
    """The value as Excel should hold it: a full ISO date of a date column as a date."""
    if column in _DATE_COLUMNS and isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _cell(ws, value, fill=None, wrap=False, column=None):
    value = typed(value, column)
    c = WriteOnlyCell(ws, cell_value(value))
    if isinstance(value, str) and value.startswith("="):
        c.data_type = "s"  # text, never a formula
    elif isinstance(value, datetime.date):
        c.number_format = DATE_FORMAT
    if fill is not None:
        c.fill = fill
    if wrap:
        c.alignment = _WRAP
    return c


def _sheet(wb, title: str, columns: list):
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    for i, name in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(name, min(max(len(name) + 3, 10), 18))
    header = []
    for name in columns:
        c = WriteOnlyCell(ws, name)
        c.font, c.fill = _HEADER_FONT, _HEADER_FILL
        header.append(c)
    ws.append(header)
    return ws


def _severity_by_item(plan: dict) -> dict:
    """Worst finding severity per task/target id."""
    rank = {"error": 0, "warning": 1, "info": 2}
    out: dict = {}
    for f in plan.get("findings") or []:
        sev = f.get("severity") or "warning"
        for ref in (f.get("task"), f.get("target")):
            if ref and (ref not in out or rank.get(sev, 1) < rank.get(out[ref], 1)):
                out[ref] = sev
    return out


class PlanSheets:
    """Write-only workbook receiving plans one at a time; `save()` writes it atomically."""

    def __init__(self, path: str, single: bool = False):
        self.path = path
        self.wb = Workbook(write_only=True)
        self.single = single
        self.rows = {name: 0 for name in ("documents",) + _SHEETS}   # data rows in the current sheet
        self.parts: list = []   # (sheet, table, data rows) of sheets that are full
        if single:
            self.ws = {"document": _sheet(self.wb, "document", ["field", "value"])}
            self.wb["document"].column_dimensions["B"].width = 80
        else:
            self.ws = {"documents": _sheet(self.wb, "documents", tables.DOCUMENT_COLUMNS)}
        for name in _SHEETS:
            self.ws[name] = _sheet(self.wb, name, tables.TABLES[name])

    def add(self, doc_id: str, plan: dict | None, status: str = "ok", error: str | None = None,
            path: str | None = None) -> None:
        row = tables.document_row(doc_id, plan, status, error, path)
        if self.single:
            ws = self.ws["document"]
            for name, value in zip(tables.DOCUMENT_COLUMNS, row):
                ws.append([_cell(ws, name), _cell(ws, value, wrap=True, column=name)])
        else:
            ws = self._room("documents")
            counts = dict(zip(tables.DOCUMENT_COLUMNS, row))
            fill = (_FLAG["error"] if status != "ok" or counts.get("errors") else
                    _FLAG["warning"] if counts.get("warnings") else None)
            ws.append([_cell(ws, v, fill, column=c) for v, c in zip(row, tables.DOCUMENT_COLUMNS)])
        self.rows["documents"] += 1
        if not plan:
            return
        flags = _severity_by_item(plan)
        for name in _SHEETS:
            # a one-plan workbook wraps its wide text columns (styles cost time: only there)
            columns = tables.TABLES[name]
            wrap = [self.single and _WIDTHS.get(c, 0) >= 30 for c in columns]
            for r in tables.ROWS[name](doc_id, plan):
                ws = self._room(name)
                fill = _FLAG.get(r[2] if name == "findings" else flags.get(r[1]))
                ws.append([_cell(ws, v, fill, w, c) for v, w, c in zip(r, wrap, columns)])
                self.rows[name] += 1

    def _room(self, name: str):
        """The sheet of table `name` with room for one more row (a new part when it is full)."""
        if self.rows[name] + 1 < MAX_ROWS:
            return self.ws[name]
        self.parts.append((self.ws[name], name, self.rows[name]))
        count = 1 + sum(1 for _ws, n, _r in self.parts if n == name)
        columns = tables.DOCUMENT_COLUMNS if name == "documents" else tables.TABLES[name]
        self.ws[name] = _sheet(self.wb, f"{name} ({count})", columns)
        self.rows[name] = 0
        return self.ws[name]

    def save(self) -> None:
        sheets = self.parts + [(ws, name, self.rows.get(name, 0)) for name, ws in self.ws.items()]
        for ws, name, n in sheets:
            n = n if name != "document" else len(tables.DOCUMENT_COLUMNS)
            cols = 2 if name == "document" else len(tables.TABLES[name])
            ws.auto_filter.ref = f"A1:{get_column_letter(cols)}{n + 1}"
        with atomic_path(self.path) as tmp:
            self.wb.save(tmp)


def write_plan_xlsx(path: str, doc_id: str, plan: dict) -> None:
    """`<name>.xlsx` of one plan."""
    book = PlanSheets(path, single=True)
    book.add(doc_id, plan, path=(plan.get("input") or {}).get("path"))
    book.save()


