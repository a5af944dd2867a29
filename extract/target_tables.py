"""Target tables by year and statistics forms: `Table` blocks that hold figures, not tasks.

Reads the body's tables (before the task table reader) and writes `Target` records. A table is
read here when its header has an indicator column (Chỉ tiêu, Nội dung, Tên chỉ tiêu …) and either
a unit-of-measure column (ĐVT, Đơn vị tính: "ha", "tấn", "%", not a responsible unit) or year
columns ("2026", "Năm 2027", "KH 2028", or a "Giai đoạn 2026–2030" cell over a row of years), and
no lead, partner or deadline column. Then:

- each number under a target year column is a target: value (and `value_max` for "8 - 10"),
  comparator from the cell ("≥ 90", "trên 90"), unit from the cell ("95%"), the ĐVT column or
  brackets closing the indicator ("Tỷ lệ hộ nghèo (%)", "Thu nhập (triệu đồng/người/năm)"),
  year from the column, text = the row's indicator, after its product row for "- Diện tích" /
  "- Sản lượng" sub-rows ("Lúa - Diện tích");
- a table with a ĐVT column and no year column reads one figure column named as a target ("Mục
  tiêu", "Chỉ tiêu giao", "Kế hoạch", "Mức phấn đấu"), its year left to the plan's horizon;
- estimate and baseline columns are no targets: ƯTH/UTH, TH, "ước", "thực hiện", "hiện trạng",
  "hiện nay", "năm gốc", "kết quả", "so sánh", "tăng/giảm";
- a statistics form (a unit-of-measure column whose years are all results, or whose cells are
  empty) gives nothing, and is no task table either;
- a table of targets by year that also names the unit in charge (ĐVT, year columns and "Cơ quan
  chủ trì") gives its targets and is read as a task table as well.

A headerless table right after such a table with as many columns continues it. An indicator
wrapped onto a row of its own (no number, lower-case start, one of the two rows without figures)
is one row; the cells under a spanned indicator header are one indicator ("Giáo dục - Tỷ lệ …"),
and a named column before the indicator ("Lĩnh vực": "Y tế") prefixes it.
`row_statement` gives a task-table row whose figure stands in its own cell ("%" | "100%") to the
targets reader as one statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from .model import Table, Target
from .numbers import MEASURES, parse_number, scan
from .tables import header_role
from .text.fold import ascii_fold

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_UNIT_HEAD = re.compile(r"^(?:dvt|d\.v\.t|don vi tinh|don vi do|don vi \(tinh\)|dv tinh)\.?$")
_BASELINE = re.compile(r"\b(?:uth|u th|th|uoc|thuc hien|hien trang|hien nay|nam goc|goc|ket qua|so sanh|"
                       r"tang|giam|luy ke|da dat|thuc te|binh quan)\b")
_TARGET_WORD = re.compile(r"\b(?:kh|ke hoach|muc tieu|chi tieu|du kien|phan dau|nam|giai doan|dinh huong)\b")
_FIGURE_HEAD = re.compile(r"^(?:muc tieu|chi tieu(?: giao| phan dau| ke hoach)?|ke hoach|gia tri|phan dau|"
                          r"muc phan dau|ket qua (?:can|phai|du kien) dat|yeu cau dat|muc dat)\b")
_SUB = re.compile(r"^\s*(?:[-–+*•]|[a-zđ]\)|\d+\.\d+\.?)\s*")
_ROMAN = re.compile(r"^(?:[IVX]{1,4}|[A-ZĐ])\s*[.)\-–]?\s*$")


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", ascii_fold(s or "")).strip()


def is_unit_of_measure(header: str) -> bool:
    """A header cell naming the unit of measure column ("ĐVT", "Đơn vị tính", "Đ.V.T"), not a unit
    in charge ("Đơn vị chủ trì")."""
    return bool(_UNIT_HEAD.match(_fold(header)))


def _grid(table: Table) -> List[List[str]]:
    """Rows as grid columns; a spanned header cell's text fills every column it covers."""
    out = []
    for row in table.rows:
        cells: List[str] = []
        for c in row:
            cells.extend([c.text.strip()] * max(c.span, 1))
        out.append(cells)
    return out


@dataclass
class _Layout:
    indicator: int
    unit: Optional[int]
    years: Dict[int, Optional[int]]    # column -> year, target columns only (None: the plan's)
    baseline: List[int] = field(default_factory=list)
    ncols: int = 0
    header_rows: int = 1
    tasks: bool = False                # it also names units in charge: a task table as well
    indicator_cols: int = 1            # columns under one spanned indicator header ("Chỉ tiêu" over two)
    group: Optional[int] = None        # a named column before the indicator ("Lĩnh vực": "Y tế")


def _layout(grid: List[List[str]]) -> Optional[_Layout]:
    for start in range(min(len(grid), 3)):
        head = grid[start]
        if not head or any(len(t.split()) > 12 for t in head):
            continue
        roles = [header_role(t) for t in head]
        tasks = any(r in ("lead", "partners", "deadline") for r in roles)
        if tasks and not any(is_unit_of_measure(t) for t in head):
            return None
        if "content" not in roles:
            continue
        indicator = roles.index("content")
        unit = next((i for i, t in enumerate(head) if is_unit_of_measure(t)), None)
        # a second header row under "Giai đoạn 2026-2030" / "Kết quả" / "Năm": the years
        nhead = 1
        names = list(head)
        if start + 1 < len(grid):
            nxt = grid[start + 1]
            if sum(1 for t in nxt if _YEAR.search(t) and len(t.split()) <= 5) >= 2:
                nhead = 2
                names = [((names[i] if i < len(names) else "") + " | " + t).strip(" |")
                         for i, t in enumerate(nxt)]
        years: Dict[int, Optional[int]] = {}
        baseline: List[int] = []
        for i, name in enumerate(names):
            if i in (indicator, unit):
                continue
            f = _fold(name)
            ys = _YEAR.findall(f)
            if not ys or len(f.split()) > 10:
                continue
            if _BASELINE.search(f.split("|")[-1]) or (_BASELINE.search(f) and not _TARGET_WORD.search(
                    f.split("|")[-1])) or re.search(r"\buoc\b|\buth\b", f):
                baseline.append(i)
                continue
            years[i] = int(ys[-1])
        if not years and not baseline and unit is not None and not tasks:
            # "Chỉ tiêu | ĐVT | Mục tiêu": one figure column named as a target, its year the plan's
            for i, name in enumerate(head):
                if i not in (indicator, unit) and name != head[indicator] and _FIGURE_HEAD.match(_fold(name)):
                    years[i] = None
                    break
        if not years and not baseline and unit is None:
            continue
        if unit is None and not years:
            continue
        if unit is None and not re.search(r"\bchi tieu\b", _fold(head[indicator])):
            continue
        if tasks and not years:
            return None
        span = 1
        while indicator + span < len(head) and head[indicator + span] == head[indicator] \
                and indicator + span not in years and indicator + span != unit:
            span += 1
        group = next((i for i in range(indicator - 1, -1, -1) if roles[i] in ("extra", "content")
                      and head[i] != head[indicator] and not _YEAR.search(head[i]) and i != unit), None)
        return _Layout(indicator, unit, years, baseline, ncols=len(names), header_rows=start + nhead, tasks=tasks,
                       indicator_cols=span, group=group)
    return None


_UNIT_IN_NAME = re.compile(r"\s*\(([^()]{1,30})\)\s*$")


def _is_unit(text: str) -> bool:
    """A unit of measure written in brackets after an indicator: "%", a measure word ("ha",
    "lượt"), money ("triệu đồng") or a rate ("bác sĩ/vạn dân"), not a note ("theo chuẩn mới")."""
    t = text.strip()
    return (t == "%" or t in MEASURES or bool(re.search(r"\b(?:đồng|USD|VNĐ)\b", t))
            or ("/" in t and len(t.split()) <= 5 and not any(c.isdigit() for c in t.split("/")[0])))


def _indicator(row: List[str], lay: _Layout) -> str:
    """The row's indicator: its cell, or the cells under a spanned indicator header ("Giáo dục" |
    "Tỷ lệ trường đạt chuẩn" -> "Giáo dục - Tỷ lệ trường đạt chuẩn"; a lower-case second cell goes
    on with the first); a spanned data cell counts once."""
    parts: List[str] = []
    for i in range(lay.indicator, min(lay.indicator + lay.indicator_cols, len(row))):
        t = re.sub(r"\s+", " ", row[i]).strip()
        if t and (not parts or t != parts[-1]):
            parts.append(t)
    out = ""
    for t in parts:
        out = t if not out else out + (" " if t[:1].islower() else " - ") + t
    return out


def _has_values(row: List[str], lay: _Layout) -> bool:
    return any(c < len(row) and row[c].strip() for c in list(lay.years) + lay.baseline)


def _continues(row: List[str], lay: _Layout) -> bool:
    """A row that goes on with the indicator of the row above (a wrapped cell printed as a row of its
    own): no number before the indicator, which starts in lower case."""
    name = _indicator(row, lay) if lay.indicator < len(row) else ""
    return bool(name) and name[:1].islower() and not any(t.strip() for t in row[:lay.indicator])


def _logical_rows(grid: List[List[str]], lay: _Layout) -> List[tuple]:
    """(row index, cells) of the data rows, a continuation row merged into the row above when one of
    the two holds no figures: the indicator texts joined, each other cell taken from whichever has it."""
    out: List[tuple] = []
    for ri, row in enumerate(grid[lay.header_rows:], start=lay.header_rows):
        if out and _continues(row, lay) and not (_has_values(row, lay) and _has_values(out[-1][1], lay)):
            pri, prev = out[-1]
            merged = list(prev) + [""] * max(0, len(row) - len(prev))
            for i, t in enumerate(row):
                if lay.indicator <= i < lay.indicator + lay.indicator_cols:
                    continue
                if not merged[i].strip():
                    merged[i] = t
            name = _indicator(prev, lay) + " " + _indicator(row, lay)
            merged[lay.indicator] = name
            for i in range(lay.indicator + 1, min(lay.indicator + lay.indicator_cols, len(merged))):
                merged[i] = ""
            out[-1] = (pri, merged)
            continue
        out.append((ri, row))
    return out


_VALUE_HEAD = re.compile(r"\b(?:ket qua|chi tieu|muc tieu|gia tri|ke hoach|muc|dat|nam|yeu cau|so lieu)\b")
_MONEY_HEAD = re.compile(r"\b(?:kinh phi|du toan|nguon|von|tien|chi phi|ngan sach)\b")
_VALUE_CELL = re.compile(r"^(?:(?:≥|≤|>=|<=|>|<|trên|dưới|tối\s+thiểu|tối\s+đa|ít\s+nhất|không\s+dưới|không\s+quá)\s*)?"
                         r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*%?$", re.IGNORECASE)


def row_statement(content: str, extra: Dict[str, str]) -> str:
    """A task-table row whose indicator and figure stand in two cells ("Tỉ lệ hồ sơ được số hóa" |
    ĐVT "%" | Kết quả "100%") as one statement, "Tỉ lệ hồ sơ được số hóa đạt 100%", for the targets
    reader; `content` unchanged when no column holds a lone figure or the content states its own
    share."""
    value = next((v.strip() for k, v in extra.items()
                  if v and _VALUE_HEAD.search(_fold(k)) and not _MONEY_HEAD.search(_fold(k))
                  and _VALUE_CELL.match(v.strip())), None)
    if value is None or any(q.unit.startswith("%") for q in scan(content)):
        return content
    unit = next((v.strip() for k, v in extra.items()
                 if v and (is_unit_of_measure(k) or _fold(k) == "don vi") and len(v.split()) <= 3
                 and not any(c.isdigit() for c in v)), "")
    if unit and not value.endswith("%"):
        value += (unit if unit == "%" else " " + unit)
    # one indicator: its inner ";" parts no targets ("… vận hành; được kiểm tra định kỳ")
    return re.sub(r"\s*;\s*", ", ", content.rstrip(" .;:")) + " đạt " + value


class TargetTableReader:
    """Reads target tables and statistics forms; keeps the layout for a continuation table."""

    def __init__(self) -> None:
        self.targets: List[Target] = []
        self._layout: Optional[_Layout] = None
        self._label: str = ""

    def read(self, table: Table, section: Optional[str], after_table: bool = True) -> bool:
        """True when `table` is a target table or a statistics form (its targets are kept)."""
        grid = _grid(table)
        if not grid:
            return False
        lay = _layout(grid)
        if lay is None:
            if not (after_table and self._layout is not None
                    and max(len(r) for r in grid) == self._layout.ncols):
                self._layout = None
                return False
            lay = _Layout(self._layout.indicator, self._layout.unit, self._layout.years,
                          self._layout.baseline, self._layout.ncols, header_rows=0, tasks=self._layout.tasks,
                          indicator_cols=self._layout.indicator_cols, group=self._layout.group)
        else:
            self._label = ""
        self._layout = lay
        for ri, row in _logical_rows(grid, lay):
            self._row(row, lay, table, ri, section)
        return not lay.tasks  # a table of targets assigned to units is read as a task table too

    def _row(self, row: List[str], lay: _Layout, table: Table, ri: int, section: Optional[str]) -> None:
        if lay.indicator >= len(row):
            return
        name = _indicator(row, lay)
        if not name or _ROMAN.match(name) or re.fullmatch(r"\(?\d{1,2}\)?", name):
            return
        if _SUB.match(name) and self._label:
            text = self._label + " - " + _SUB.sub("", name, count=1).strip(" :")
        else:
            self._label = name.strip(" :")
            text = self._label
        group = re.sub(r"\s+", " ", row[lay.group]).strip(" :") if lay.group is not None and lay.group < len(row) else ""
        if group and not re.fullmatch(r"[\W\d]*", group) and not text.casefold().startswith(group.casefold()):
            text = group + " - " + text  # "Lĩnh vực" | "Chỉ tiêu": "Y tế - Số bác sĩ trên vạn dân"
        unit_cell = row[lay.unit].strip() if lay.unit is not None and lay.unit < len(row) else ""
        named = _UNIT_IN_NAME.search(text)
        if named and _is_unit(named.group(1)):
            # "Tỷ lệ hộ nghèo (%)", "Thu nhập bình quân (triệu đồng/người/năm)": the unit in the name
            text = text[:named.start()].rstrip()
            unit_cell = unit_cell or named.group(1).strip()
        for col, year in lay.years.items():
            if col >= len(row) or not row[col].strip():
                continue
            cell = row[col].strip()
            qs = scan(cell)
            value = upper = None
            unit, comparator = unit_cell, "="
            if qs:
                q = qs[0]
                value, upper, comparator = q.value, q.upper, q.comparator
                if q.unit and not q.noun_unit:
                    unit = q.unit
            else:
                value = parse_number(cell.strip(" ≥≤><=~"))
                if value is None:
                    continue
                if cell.lstrip().startswith(("≥", ">=")):
                    comparator = ">="
            src = table.rows[ri][0].source if table.rows[ri] else table.source
            self.targets.append(Target(
                id="", text=text, value=value, unit=unit or None, comparator=comparator, value_max=upper,
                year=year, value_text=cell, sentence=" | ".join(t for t in row if t), section=section,
                source=src if src.line or src.table is not None else table.source))
