"""Task tables: `Table` blocks -> table tasks and the findings of their rows.

Reads the body's tables. A task table is found by its header (Stt/TT, Nội dung/Nhiệm vụ, Đơn vị
chủ trì, phối hợp, Thời gian …; a header may take two rows); tables that continue it (the same
columns, or no header of their own) are read as one. Roman/letter rows are groups; repeated header
rows and column-index rows "(1) (2) (3)" are dropped; a row whose cells shifted left (a deadline
phrase in the partner column, the deadline column empty) is realigned (finding `column-shift`); an
empty numbered row gives `empty-row`; numbering is checked per group (`numbering-duplicate`,
`numbering-order`, `numbering-gap`); a row with no number and no units continues the row above.
Writes `Task(origin="table")` objects and `Finding`s.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import regex

from .deadlines import is_deadline, parse_deadline
from .model import Cell, Finding, Source, Table, Task
from .text.fold import ascii_fold
from .units import cell_roles, split_units, strip_role

ROLES = ("number", "content", "lead", "partners", "deadline")

_ROMAN = re.compile(r"^(?=[IVXLC])(X{0,3}(?:IX|IV|V?I{0,3}))\s*[.\-–:)]?\s*(.*)$", re.S)
_ROMAN_SUBGROUP = re.compile(r"^((?=[IVXLC])X{0,3}(?:IX|IV|V?I{0,3})(?:\.\d{1,3})+)\.?(?:\s+(.*))?$", re.S)
_LETTER_GROUP = regex.compile(
    r"^([A-ZĐa-zđ])\s*[.\-–:)]?\s*()$|^([A-ZĐa-zđ])\s*[.\-–:)]\s*(.*)$|^([A-ZĐ])\s+(?=\p{Lu}{2})(.*)$", regex.S)
_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\s*[.)]?$")
_NUMBER_THEN_TEXT = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)[.)]?\s+(\S.*)$", re.S)
_INDEX_CELL = re.compile(r"^\(?\s*\d{1,2}\s*\)?$|^\(?[A-Z]\)?$")


def _fold(s: str) -> str:
    return ascii_fold(s).strip()


def header_role(text: str) -> Optional[str]:
    """The role of a header cell, or "extra" for another named column, None for an empty one."""
    t = _fold(text)
    if not t:
        return None
    if re.fullmatch(r"(stt|tt|so tt|so thu tu|so|thu tu|s\.tt|s tt)\.?", t):
        return "number"
    if "phoi hop" in t:
        return "partners"
    if "chu tri" in t or "thuc hien" in t and ("don vi" in t or "co quan" in t or "nguoi" in t) \
            or t in ("don vi", "co quan", "phu trach", "nguoi phu trach", "trach nhiem") \
            or "phu trach" in t or "trach nhiem" in t or "phan cong" in t:
        return "lead"
    if re.search(r"thoi gian|thoi han|tien do|moc thoi gian|han hoan thanh|thoi diem", t):
        return "deadline"
    if re.search(r"noi dung|nhiem vu|cong viec|chi tieu|^ten\b|danh muc|hoat dong|giai phap|de an|du an|"
                 r"van ban|san pham chu yeu", t):
        return "content"
    return "extra"


@dataclass
class Layout:
    """Which column holds what."""
    cols: Dict[str, int]
    ncols: int
    names: List[str]               # header text of each column
    extras: Dict[int, str] = field(default_factory=dict)
    year: Optional[str] = None     # a year named only in the deadline column's header: "Thời gian (Năm 2026)"

    def get(self, row: List[str], role: str) -> str:
        i = self.cols.get(role)
        return row[i] if i is not None and i < len(row) else ""


def _targets_table(lay: Layout) -> bool:
    """Does the content column list targets ("Chỉ tiêu")? Their horizon year is their time."""
    i = lay.cols.get("content")
    return i is not None and i < len(lay.names) and "chi tieu" in _fold(lay.names[i])


def _texts(row: List[Cell]) -> List[str]:
    """Expand spanned cells into grid columns (the text in the first one)."""
    out: List[str] = []
    for c in row:
        out.append(c.text.strip())
        out.extend("" for _ in range(max(c.span, 1) - 1))
    return out


def _header_layout(rows: List[List[str]]) -> Optional[Tuple[Layout, int]]:
    """Find a header in the first rows: returns the layout and the number of header rows."""
    for start in range(min(len(rows), 4)):
        row = rows[start]
        if any(len(t.split()) > 8 for t in row):
            continue
        roles = [header_role(t) for t in row]
        known = {r for r in roles if r and r != "extra"}
        if "content" not in known or not (known & {"lead", "deadline", "partners"}) and "number" not in known:
            continue
        if len(known) < 2:
            continue
        nhead = 1
        names = list(row)
        # a second header row: "Đơn vị thực hiện" over "Chủ trì | Phối hợp"
        if start + 1 < len(rows):
            nxt = rows[start + 1]
            nroles = [header_role(t) for t in nxt]
            if any(r in ("lead", "partners", "deadline") for r in nroles) and not any(
                    _NUMBER.match(t) for t in nxt if t):
                nhead = 2
                for i, t in enumerate(nxt):
                    if t and (i >= len(names) or _fold(t) != _fold(names[i])):
                        if i < len(names):
                            names[i] = (names[i] + " " + t).strip() if header_role(t) == "extra" else t
                        else:
                            names.append(t)
                roles = [header_role(t) for t in names]
        cols: Dict[str, int] = {}
        extras: Dict[int, str] = {}
        # a column named for the lead ("Cơ quan chủ trì") wins over a bare "Đơn vị" (of measure)
        leads = [i for i, r in enumerate(roles) if r == "lead"]
        named = [i for i in leads if "chu tri" in _fold(names[i])]
        if named and leads[0] not in named:
            roles[leads[0]] = "extra"
        for i, r in enumerate(roles):
            if r in ROLES and r not in cols:
                cols[r] = i
            elif r == "extra" or (r in ROLES and r in cols):
                extras[i] = names[i]
        if "number" not in cols and cols.get("content", 0) > 0 and roles[0] in (None, "extra"):
            cols["number"] = 0  # an unnamed first column holds the Stt; a "Thời gian" one does not
        year = None
        if "deadline" in cols:
            ym = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", names[cols["deadline"]])
            year = ym.group(1) if ym and not re.search(r"(?:19|20)\d\d\s*[-–]", names[cols["deadline"]]) else None
        return Layout(cols, len(names), names, extras, year), start + nhead
    return None


def _deadline(text: str, year: Optional[str]):
    """The deadline of a cell; a cell naming no year takes the year of its column's header
    ("Thời gian (Năm 2026)" over "ngày 23 tháng 1"), its text kept as written."""
    return parse_deadline(text, year=int(year) if year else None)


def _is_header_row(row: List[str], layout: Optional[Layout]) -> bool:
    """A (repeated) header row: short cells naming at least the content and one other column;
    a data row mentioning "hoạt động" or "thực hiện" is not one."""
    cells = [t for t in row if t]
    if not cells or any(len(t.split()) > 8 for t in cells) or (row and _NUMBER.match(row[0] or "")):
        return False
    roles = [header_role(t) for t in cells]
    known = [r for r in roles if r and r != "extra"]
    return len(known) >= 2 and "content" in known


_DOTS = re.compile(r"^[.…·\s]*[.…·][.…·\s]*$")


def _is_ellipsis_row(row: List[str]) -> bool:
    """A row of dots ("…..", ". . .") standing for rows left out (a number may stand before them)."""
    cells = [t for t in row if t]
    dots = [t for t in cells if _DOTS.match(t) and (t.count(".") >= 2 or "…" in t or "·" in t)]
    return bool(dots) and all(t in dots or _NUMBER.match(t) for t in cells) and len(dots) >= len(cells) - 1


def _is_index_row(row: List[str]) -> bool:
    cells = [t for t in row if t]
    return len(cells) >= 3 and all(_INDEX_CELL.match(t) for t in cells)


class TaskTableReader:
    """Reads task tables one after another (a table without a header continues the last one)."""

    def __init__(self, next_id) -> None:
        self.layout: Optional[Layout] = None
        self.next_id = next_id
        self.tasks: List[Task] = []
        self.findings: List[Finding] = []
        self.group: Optional[str] = None
        self.group_title: Optional[str] = None
        self.last_num: Optional[Tuple[int, ...]] = None
        self.seen: set = set()

    # ------------------------------------------------------------------ table level
    def read(self, table: Table, section: Optional[str], adjacent: bool = True) -> bool:
        """Read one table; returns False when it is no task table (and no continuation).
        `adjacent`: no paragraph stands between this table and the one before (a page split)."""
        rows = [_texts(r) for r in table.rows]
        cells = table.rows
        if not rows:
            return False
        found = _header_layout(rows)
        if found:
            layout, nhead = found
            same = self.layout is not None and self.layout.ncols == layout.ncols and \
                self.layout.cols == layout.cols
            if not same or (not adjacent and self._restarts(rows[nhead:], layout)):
                self._start(layout)
            start = nhead
        elif self.layout is not None and max(len(r) for r in rows) >= self.layout.ncols - 1 and \
                self._continues(rows):
            start = 0
        else:
            return False
        for ri in range(start, len(rows)):
            self._row(rows[ri], cells[ri], table, ri, section)
        return True

    def _restarts(self, rows: List[List[str]], layout: Layout) -> bool:
        """A table with its own header, after text, whose rows number from 1 again after numbered
        rows is a table of its own (two programme tables, one per audience), not the continuation
        of the one before."""
        ni = layout.cols.get("number")
        if self.last_num is None:
            return False
        first = next((r for r in rows if any(r)), None)
        if ni is None or first is None or ni >= len(first):
            return False
        m = _NUMBER.match(first[ni] or "")
        return bool(m) and m.group(1) == "1"

    def _continues(self, rows: List[List[str]]) -> bool:
        first = next((r for r in rows if any(r)), None)
        if not first:
            return False
        lead = first[0] or (first[1] if len(first) > 1 else "")
        return bool(_NUMBER.match(first[0] or "") or _ROMAN.match(lead) or _is_header_row(first, self.layout))

    def _start(self, layout: Layout) -> None:
        self.layout = layout
        self.group = self.group_title = None
        self.last_num = None
        self.seen = set()

    # ------------------------------------------------------------------ rows
    def _row(self, row: List[str], cells: List[Cell], table: Table, ri: int, section: Optional[str]) -> None:
        lay = self.layout
        assert lay is not None
        if not any(row):
            return
        if _is_header_row(row, lay) or _is_index_row(row):
            return
        if _is_ellipsis_row(row):
            # "….." across the row: rows were left out here; numbering is not compared across it
            self.last_num = None
            return
        row = list(row) + [""] * max(0, lay.ncols - len(row))
        src = Source(line=(cells[0].source.line if cells and cells[0].source.line else table.source.line),
                     page=cells[0].source.page if cells else table.source.page,
                     paragraph=table.source.paragraph, table=table.source.table, row=ri)
        ni, ci = lay.cols.get("number"), lay.cols.get("content", 1)
        # a Roman or letter group row: the group number in the first non-empty cell
        first_idx = next(i for i, t in enumerate(row) if t)
        if self._group_row(row, first_idx, lay) or self._label_row(row, cells, lay):
            return
        # "1 Tuyên truyền …" with the rest shifted left: number and content in one cell
        m = _NUMBER_THEN_TEXT.match(row[ni]) if ni is not None and ni + 1 == ci else None
        if m and not row[ci]:
            row[ni], row[ci] = m.group(1), m.group(2)
        number_text = row[ni].strip() if ni is not None and ni != ci else ""
        nm = _NUMBER.match(number_text)
        number = nm.group(1) if nm else (number_text or None)
        content = lay.get(row, "content").strip()
        lead_t = lay.get(row, "lead").strip()
        part_t = lay.get(row, "partners").strip()
        dl_t = lay.get(row, "deadline").strip()
        findings: List[Finding] = []
        # a row without number and units continues the row above
        if not number and content and not (lead_t or part_t or dl_t) and self.tasks and \
                self.tasks[-1].source.table == src.table:
            prev = self.tasks[-1]
            prev.content = (prev.content + " " + content).strip()
            return
        if number and not (content or lead_t or part_t or dl_t):
            self.findings.append(Finding("empty-row", "warning",
                                         f"Dòng số {number} của bảng nhiệm vụ không có nội dung.",
                                         section=section, source=src))
            self._check_number(number, None, src, section)
            return
        shifted = False
        if "deadline" in lay.cols and not dl_t:
            if "partners" in lay.cols and part_t and is_deadline(part_t):
                dl_t, part_t, shifted = part_t, "", True
            elif "lead" in lay.cols and lead_t and not part_t and is_deadline(lead_t):
                dl_t, lead_t, shifted = lead_t, "", True
        task_id = self.next_id()
        if lead_t:
            lt, pt = cell_roles(lead_t)           # "Sở X (chủ trì); Sở Y", "Chủ trì: Sở X" in one column
            if not part_t:
                lead_t, part_t = lt, pt
            elif not pt:
                lead_t = lt
        if part_t:
            part_t = re.sub(r"^\s*(?:đơn vị\s+)?phối\s+(?:kết\s+)?hợp\s*:\s*", "", part_t, flags=re.I)
        leads = split_units(strip_role(lead_t)) if lead_t else []
        task = Task(id=task_id, origin="table", content=content, lead=leads,
                    partners=split_units(part_t) if part_t else [],
                    deadline=_deadline(dl_t, lay.year), section=section, group=self.group,
                    group_title=self.group_title, number=number, source=src)
        for i, name in lay.extras.items():
            if i < len(row) and row[i]:
                task.extra[name or f"col{i + 1}"] = row[i]
        self.tasks.append(task)
        if shifted:
            findings.append(Finding("column-shift", "info",
                                    f"Dòng {number or ''}: thời gian thực hiện nằm ở cột trước; đã chuyển về cột thời gian.",
                                    task=task_id, section=section, source=src))
        if "lead" in lay.cols and not task.lead:
            findings.append(Finding("missing-lead", "error",
                                    f"Nhiệm vụ {self._label(number)} chưa có đơn vị chủ trì.",
                                    task=task_id, section=section, source=src))
        if not task.deadline.text and ("deadline" in lay.cols or not _targets_table(lay)):
            # a table with no deadline column sets no time either (a table of targets has its horizon)
            findings.append(Finding("missing-deadline", "warning",
                                    f"Nhiệm vụ {self._label(number)} chưa có thời gian thực hiện.",
                                    task=task_id, section=section, source=src))
        self.findings.extend(findings)
        if number:
            self._check_number(number, task_id, src, section)

    def _label(self, number: Optional[str]) -> str:
        return ".".join(x for x in (self.group, number) if x) or "(không số)"

    def _group_row(self, row: List[str], first_idx: int, lay: Layout) -> bool:
        text = row[first_idx]
        rest_filled = [t for i, t in enumerate(row) if t and i != first_idx]
        m = _ROMAN.match(text)
        num = title = None
        sub = _ROMAN_SUBGROUP.match(text)
        if sub:  # "III.1.2" over a sub-group
            num, title = sub.group(1), (sub.group(2) or "").strip()
        elif m and m.group(1):
            num, title = m.group(1), m.group(2).strip()
        else:
            lm = _LETTER_GROUP.match(text)
            if lm:
                num = lm.group(1) or lm.group(3) or lm.group(5)
                title = (lm.group(4) or lm.group(6) or "").strip()
        if num is None:
            return False
        if not title and rest_filled:
            title, rest_filled = rest_filled[0], rest_filled[1:]
        if rest_filled or not title:
            return False
        self.group, self.group_title = num, title
        self.last_num = None
        self.seen = set()
        return True

    def _label_row(self, row: List[str], cells: List[Cell], lay: Layout) -> bool:
        """A row whose one cell is merged across the table ("Buổi sáng (từ 7h00 đến 9h00) – Sinh hoạt
        theo lớp", "Lĩnh vực văn hóa") labels the rows under it: it is their group, named by its
        text since it has no number."""
        filled = [c for c in cells if c.text.strip()]
        if len(filled) != 1 or max(filled[0].span, 1) < max(2, lay.ncols - 1):
            return False
        text = filled[0].text.strip()
        if _NUMBER.match(text) or _NUMBER_THEN_TEXT.match(text):
            return False
        self.group = self.group_title = re.sub(r"\s+", " ", text)
        self.last_num = None
        self.seen = set()
        return True

    def _check_number(self, number: str, task_id: Optional[str], src: Source, section: Optional[str]) -> None:
        try:
            key = tuple(int(x) for x in number.split("."))
        except ValueError:
            return
        label = self._label(number)
        if key in self.seen:
            self.findings.append(Finding("numbering-duplicate", "warning",
                                         f"Số thứ tự {label} bị trùng.", task=task_id, section=section, source=src))
        elif self.last_num is not None and len(key) == len(self.last_num):
            if key < self.last_num:
                self.findings.append(Finding("numbering-order", "warning",
                                             f"Số thứ tự {label} không theo thứ tự (sau {'.'.join(map(str, self.last_num))}).",
                                             task=task_id, section=section, source=src))
            elif key[:-1] == self.last_num[:-1] and key[-1] > self.last_num[-1] + 1:
                self.findings.append(Finding("numbering-gap", "info",
                                             f"Số thứ tự nhảy từ {'.'.join(map(str, self.last_num))} đến {number}.",
                                             task=task_id, section=section, source=src))
        self.seen.add(key)
        if self.last_num is None or key > self.last_num:
            self.last_num = key
