"""Task tables that lost their cell separators: runs of one-fragment paragraphs -> `Table` blocks.

PDF text layers (pdftotext, copy-paste) and some web copies write a table as one cell fragment
per line with nothing between the cells. Reads the reader's blocks; where a run of short
paragraphs names the columns of a task table ("Stt" / "Nội dung" / "Thời gian" / "Cơ quan chủ
trì", in any order, at least the content and one of lead, partners, deadline), the lines after it
are rebuilt into rows and the run is replaced by one `Table` (header row first), which the task
table reader then reads like any other. Two shapes:

(a) row by row: content lines, then the row's other cells. A line is a deadline when it reads as a
    time phrase (`Quý II/2026`, `Hằng năm`; two in a row fill two time sub-columns), a unit when it
    is short and headed by a unit word (`Đảng ủy`, `UBND xã`); anything else is content. A row ends
    where content follows its deadline or unit cells. A Roman or capital letter alone on its line,
    followed by a title line, is a group row (`I` / `Lĩnh vực văn hóa`), as is "I. Lĩnh vực …".
    A bare number line is the row's Stt.
(b) column by column: a block of Stt numbers (1, 2, 3 …) right after the header, then the contents,
    then the other columns one after another (N cells each, told apart by their shape).

(c) figures: an indicator column, a unit-of-measure column (ĐVT, Đơn vị tính) and year columns
    ("ƯTH 2025" / "2026" / …, "KẾT QUẢ" over "2021" …): per row the indicator (a "- Diện tích"
    sub-row after its product), its unit and its values, kept where they fill the value columns
    exactly. The rebuilt table goes to the target table reader (targets by year; a statistics form
    of results gives none), so its fragments become neither headings, duties nor targets.

(d) numbered, one cell per line (Word saved as text, PDF text layers): the Stt lines 1, 2, 3 … (again
    from 1 under each group, "I Title" groups without a stop too) split the rows; a row with one
    line per column is read by position, else by the shape of its lines (a deadline glued after
    its unit cell on one line is split off).
(e) a programme: the hours column first (`7h00 - 7h15`), a session line over the rows below it.

Where the text reader joined a table's lines into paragraphs (header cells, a row's cells, "Stt"
with the caption above it), the run is re-read from the text's lines (RawDocument.lines), one
fragment per line, wrapped lines joined back (a line going on in lower case, or after a word
that needs more: "Lãnh đạo" / "Sở Tài chính"); (d) and (e) are tried there first.

(f) glued: each printed line holds the fragments of several columns side by side ("TT Nội dung
    Trách nhiệm" / "1 đề mà người dân … Lãnh đạo Sở Y tế giờ 45 phút"), as pdfplumber's
    extract_text gives a table; read by glued_rows from the text's lines, tried first where a header
    line names the content column and the lines around it name two more.

With `pdftotext` (no -layout) each cell is a block of lines between blank lines: the lines of one
block are one cell ("Thầy Lê Thanh" / "Cường"), and where a tall content cell and the unit beside it
came out as one block with their lines alternating, each line goes back to its cell.

The table ends at a numbered heading, a signature or "Nơi nhận" line, a line ending with ":", a
long sentence that is no cell, or a table block. A run that does not parse into rows that each
hold content and another cell is left as it was.
"""
from __future__ import annotations

import re
from typing import List, Optional

from . import glued_rows
from .deadlines import is_deadline
from .model import Cell, Paragraph, Source, Table
from .numbers import MEASURES
from .tables import header_role
from .target_tables import is_unit_of_measure
from .units import UNIT_START

ROLES = ("number", "content", "lead", "partners", "deadline")

_ROMAN_ALONE = re.compile(r"^(?:[IVX]{1,4}|[A-ZĐ])\s*[.)]?$")
_ROMAN_TITLE = re.compile(r"^(?:[IVX]{1,4}|[A-ZĐ])\s*[.)\-–]\s+\S")
_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\s*[.)]?$")
_HEADING = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\s*[.\-–)]\s*\S.*$")
_END = re.compile(r"^\W*(?:nơi\s+nhận|trên\s+đây|t/?m\b|tm\.|kt\.|ký\s+thay|thay\s+mặt)", re.IGNORECASE)


def _short(text: str, words: int) -> bool:
    return len(text.split()) <= words


def _header_cell(text: str) -> Optional[str]:
    t = text.strip()
    if not t or not _short(t, 6) or t.endswith((".", ";", ",")):
        return None
    role = header_role(t)
    return role if role in ROLES else None


def _is_unit(text: str) -> bool:
    """A cell line that names a unit. One word alone is a unit only as an abbreviation ("UBND"): a
    head word alone ends a person's name wrapped in its cell ("Thầy Võ Minh" / "Khoa", "… Trường")."""
    t = text.strip(" .;,")
    if len(t.split()) == 1 and not t.isupper():
        return False
    return bool(t) and _short(t, 10) and bool(UNIT_START.match(t)) and not t.endswith(":")


def _is_deadline(text: str) -> bool:
    return _short(text, 12) and is_deadline(text)


def _kind(text: str) -> str:
    t = text.strip()
    if _NUMBER.match(t):
        return "number"
    if _is_deadline(t):
        return "deadline"
    if _is_unit(t):
        return "unit"
    return "content"


def _ends_table(text: str) -> bool:
    t = text.strip()
    return bool(_END.match(t)) or t.endswith(":") or (len(t.split()) > 45 and t.endswith("."))


# Sub-headers under "Thời gian" or "Đơn vị thực hiện": no column of their own for rows.
# So are a year in brackets ("(Năm 2026)"), the column numbers "(1)" "(2)" … and a remarks column.
_SUB_HEADER = re.compile(r"^(?:bắt\s+đầu|kết\s+thúc|hoàn\s+thành|từ|đến|năm\s+\d{4}|\d{4}|\((?:năm\s+)?\d{1,4}\)|"
                         r"ghi\s+chú)$", re.IGNORECASE)


# The rest of a header cell wrapped onto a line of its own ("Thời gian" / "thực hiện").
_HEADER_TAIL = re.compile(r"^(?:thực\s+hiện|hoàn\s+thành|phối\s+hợp|chủ\s+trì|phụ\s+trách|trì|hợp|gian|dung|"
                          r"nhiệm|vụ|việc)$")


def _header(blocks: list, i: int) -> Optional[tuple]:
    """(roles in column order, number of header lines) of a header run starting at blocks[i].
    A repeated role is a sub-header ("Cơ quan thực hiện" over "Chủ trì" / "Phối hợp")."""
    roles: List[str] = []
    j = i
    while j < len(blocks) and isinstance(blocks[j], Paragraph) and j - i < 16:
        text = blocks[j].text.strip()
        r = _header_cell(text)
        if r is None:
            if roles and (_SUB_HEADER.match(text) or _HEADER_TAIL.match(text)):
                j += 1
                continue
            break
        if r in roles and r != "lead":
            break
        if r not in roles:
            roles.append(r)
        j += 1
    if len(roles) < 3 or "content" not in roles or not ({"lead", "partners", "deadline"} & set(roles)):
        return None
    return roles, j - i


class _Row:
    def __init__(self, group: Optional[str] = None) -> None:
        self.number = ""
        self.content: List[str] = []
        self.deadlines: List[str] = []
        self.units: List[str] = []
        self.group = group
        self.lines: List[Paragraph] = []

    def has_cells(self) -> bool:
        return bool(self.deadlines or self.units)


_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_LETTERS = "ABCDĐEGHIKLMN"


def _next_group(label: str, last: Optional[str]) -> bool:
    """A group label continues the table's sequence (I after nothing, II after I, B after A); a
    Roman number out of sequence is the next section of the plan ("III. TỔ CHỨC THỰC HIỆN")."""
    seq = _ROMANS if label in _ROMANS and (last is None or last in _ROMANS) else _LETTERS
    if label not in seq:
        return False
    if last is None:
        return seq.index(label) == 0
    return last in seq and seq.index(label) == seq.index(last) + 1


def _rows_by_row(lines: List[Paragraph]) -> tuple:
    """Shape (a). Returns (rows, number of lines used)."""
    rows: List[_Row] = []
    cur: Optional[_Row] = None
    last_group: Optional[str] = None
    k = 0
    while k < len(lines):
        t = lines[k].text.strip()
        if _ends_table(t):
            break
        again = _header(lines, k)
        if again and (cur is None or cur.has_cells()):
            k += again[1]  # the header repeated after a page break
            continue
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        alone, titled = _ROMAN_ALONE.match(t), _ROMAN_TITLE.match(t)
        if (alone and nxt and _kind(nxt) == "content") or (titled and _short(t, 14)):
            label = re.match(r"[IVXA-ZĐ]+", t).group(0)
            if not _next_group(label, last_group) or (cur is not None and not cur.has_cells()):
                break
            last_group = label
            rows.append(_Row(group=f"{label}. {nxt}" if alone else t))
            rows[-1].lines += [lines[k], lines[k + 1]] if alone else [lines[k]]
            cur = None
            k += 2 if alone else 1
            continue
        if _HEADING.match(t) and len(t.split()) > 1 and cur is not None and cur.has_cells():
            break
        kind = _kind(t)
        if kind == "number" and cur is not None and cur.content and not cur.has_cells():
            k += 1  # a page number inside a row, not its Stt
            continue
        if kind == "number":
            cur = _Row()
            cur.number = t.rstrip(".)")
            rows.append(cur)
        elif kind == "content":
            if cur is None or cur.has_cells():
                cur = _Row()
                rows.append(cur)
            cur.content.append(t)
        elif cur is None or not cur.content:
            break  # a cell before any content: not this shape
        elif kind == "deadline":
            cur.deadlines.append(t)
        else:
            cur.units.append(t)
        cur.lines.append(lines[k])
        k += 1
    # what follows the last full row is the text after the table
    while rows and not (rows[-1].group is None and rows[-1].has_cells()):
        rows.pop()
    used = 0
    if rows:
        last = rows[-1].lines[-1]
        used = next(i for i, ln in enumerate(lines) if ln is last) + 1
    return rows, used


def _rows_by_column(lines: List[Paragraph], roles: List[str]) -> tuple:
    """Shape (b): N numbers, N contents, then N cells of each other column."""
    n = 0
    while n < len(lines) and _NUMBER.match(lines[n].text.strip()):
        n += 1
    if n < 2:
        return [], 0
    rest = [ln.text.strip() for ln in lines[n:]]
    others = [r for r in roles if r not in ("number", "content")]
    need = n * (1 + len(others))
    if len(rest) < need:
        return [], 0
    body = rest[:need]
    contents = body[:n]
    if any(_kind(t) != "content" for t in contents):
        return [], 0
    rows = [_Row() for _ in range(n)]
    for r, num, text in zip(rows, lines[:n], contents):
        r.number = num.text.strip().rstrip(".)")
        r.content.append(text)
        r.lines.append(num)
    for c, role in enumerate(others):
        cells = body[n * (c + 1):n * (c + 2)]
        want = "deadline" if role == "deadline" else "unit"
        if sum(_kind(t) == want for t in cells) < (n + 1) // 2:
            return [], 0
        for r, t in zip(rows, cells):
            (r.deadlines if role == "deadline" else r.units).append(t)
    return rows, n + need


def _cells(row: _Row, roles: List[str]) -> List[str]:
    """Grid cells in header order from a row's typed fragments."""
    out = {r: "" for r in roles}
    if "number" in out:
        out["number"] = row.number
    out["content"] = " ".join(row.content)
    if "deadline" in out:
        out["deadline"] = " - ".join(dict.fromkeys(row.deadlines)) if row.deadlines else ""
    units = list(row.units)
    if "lead" in out and "partners" in out:
        out["lead"], out["partners"] = (units[0] if units else ""), ", ".join(units[1:])
    elif "lead" in out:
        out["lead"] = ", ".join(units)
    elif "partners" in out:
        out["partners"] = ", ".join(units)
    return [out[r] for r in roles]


# --------------------------------------------------------------------------- figure tables
# A target table by year or a statistics form written one fragment per line: "TT" / "Chỉ tiêu" /
# "ĐVT" / "ƯTH 2025" / "2026" / … / "2030", then per row the indicator, its unit and its values.
_YEAR_COL = re.compile(r"^(?:(?:ư|u)?th|kh|năm|kế\s+hoạch|ước(?:\s+th|\s+thực\s+hiện)?|mục\s+tiêu|chỉ\s+tiêu|"
                       r"thực\s+hiện|hiện\s+trạng|dự\s+kiến)?\s*(?:năm\s+)?(?:19|20)\d\d(?:\s*\([^)]{0,20}\))?$",
                       re.IGNORECASE)
_MONTHS_COL = re.compile(r"^\d{1,2}\s+tháng(?:\s+đầu)?(?:\s+năm)?$", re.IGNORECASE)
_OTHER_COL = re.compile(r"^(?:tổng(?:\s+cộng|\s+số)?|cộng|ghi\s+chú|so\s+sánh.{0,20}|tăng,?\s*giảm.{0,20})$", re.IGNORECASE)
_GROUP_COL = re.compile(r"^(?:kết\s+quả(?:\s+thực\s+hiện)?|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|"
                        r"kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|năm)$", re.IGNORECASE)
# A unit of measure the text reader joined to the indicator line above it ("- Diện tích" / "ha").
_TRAILING_UNIT = re.compile(r"\s((?:triệu\s+|tỷ\s+|nghìn\s+)?(?:" + "|".join(
    re.escape(u) for u in sorted(MEASURES, key=len, reverse=True)) + r")(?:/[^\W\d_]+)*|%)$")
_VALUE = re.compile(r"^[≥≤<>~]?\s*\d[\d.,]*\s*%?(?:\s*[-–]\s*\d[\d.,]*\s*%?)?$")


def _figure_header(blocks: list, i: int) -> Optional[tuple]:
    """(value column names, number of header lines, has Stt) of a figure table header at i."""
    if len(blocks[i].text) > 40 or not isinstance(blocks[i + 1] if i + 1 < len(blocks) else None, Paragraph) \
            or len(blocks[i + 1].text) > 40:
        return None
    texts = []
    j = i
    while j < len(blocks) and isinstance(blocks[j], Paragraph) and j - i < 24:
        texts.append(blocks[j].text.strip())
        j += 1
    k = 0
    has_stt = bool(texts) and header_role(texts[0]) == "number"
    k += has_stt
    if k + 2 >= len(texts) or header_role(texts[k]) != "content" or not is_unit_of_measure(texts[k + 1]):
        return None
    k += 2
    names: List[str] = []
    group = ""
    while k < len(texts):
        t = texts[k]
        if _GROUP_COL.match(t) and k + 1 < len(texts) and (_YEAR_COL.match(texts[k + 1])
                                                           or _MONTHS_COL.match(texts[k + 1])):
            group = t
        elif _MONTHS_COL.match(t) and k + 1 < len(texts) and re.fullmatch(r"(?:năm\s+)?(?:19|20)\d\d", texts[k + 1],
                                                                          re.IGNORECASE):
            names.append(f"{group} {t} {texts[k + 1]}".strip())
            k += 1
        elif re.match(r"^((?:19|20)\d\d)\s+(\d{1,2}\s+tháng.*)$", t) and k + 1 < len(texts) and \
                re.fullmatch(r"(?:năm\s+)?(?:19|20)\d\d", texts[k + 1], re.IGNORECASE):
            # "2024" and "06 tháng" joined by the text reader, "2025" on the next line
            year, months = t.split(None, 1)
            names += [f"{group} {year}".strip(), f"{group} {months} {texts[k + 1]}".strip()]
            k += 1
        elif _YEAR_COL.match(t):
            names.append(f"{group} {t}".strip())
        elif _OTHER_COL.match(t):
            names.append(t)
        else:
            break
        k += 1
    if sum(1 for n in names if re.search(r"(?:19|20)\d\d", n)) < 2:
        return None
    return names, k, has_stt


def _figure_rows(lines: List[Paragraph], ncols: int) -> tuple:
    """Rows (indicator, unit, values) of a figure table; values kept only where they fill the
    row's value columns exactly (a layer that dropped empty cells cannot place fewer)."""
    rows: List[tuple] = []
    k = 0
    last_group: Optional[str] = None
    used = 0
    while k < len(lines):
        t = lines[k].text.strip()
        if _ends_table(t) or (_HEADING.match(t) and len(t.split()) > 1 and not _ROMAN_TITLE.match(t)
                              and not re.match(r"^\d", t)):
            break
        again = _figure_header(lines, k)
        if again:
            k += again[1]  # the header repeated after a page break
            continue
        alone, titled = _ROMAN_ALONE.match(t), _ROMAN_TITLE.match(t)
        if alone or titled:
            label = re.match(r"[IVXA-ZĐ]+", t).group(0)
            if not _next_group(label, last_group):
                break
            last_group = label
            k += 1
            continue
        if _NUMBER.match(t) or _VALUE.match(t):
            k += 1  # a Stt, or values without their indicator
            continue
        indicator = [t]
        k += 1
        while k < len(lines) and lines[k].text.strip()[:1].islower():
            if _short(lines[k].text, 3) and k + 1 < len(lines) and _VALUE.match(lines[k + 1].text.strip()):
                break  # "ha", "tạ/ha" on its own line before the values: the unit
            indicator.append(lines[k].text.strip())
            k += 1
        unit = ""
        joined = _TRAILING_UNIT.search(indicator[-1])
        if joined and k < len(lines) and _VALUE.match(lines[k].text.strip()):
            unit = joined.group(1)
            indicator[-1] = indicator[-1][:joined.start()]
        elif k < len(lines):
            u = lines[k].text.strip()
            if _short(u, 4) and not _VALUE.match(u) and not _NUMBER.match(u) and not u.startswith(("-", "+")) \
                    and not _ROMAN_ALONE.match(u) and len(u) <= 30:
                unit = u
                k += 1
        values: List[str] = []
        while k < len(lines) and _VALUE.match(lines[k].text.strip()) and not (
                _NUMBER.match(lines[k].text.strip()) and k + 1 < len(lines)
                and not _VALUE.match(lines[k + 1].text.strip()) and len(values) == ncols):
            values.append(lines[k].text.strip())
            k += 1
        rows.append((" ".join(indicator), unit, values if len(values) == ncols else []))
        used = k
    return rows, used


def _lines_under(blocks: list, start: int, lone_numbers) -> List[Paragraph]:
    """The run of paragraphs from blocks[start] on (the fragments under a header), with the lone
    numbers the text reader set aside put back in their places."""
    lines: List[Paragraph] = []
    j = start
    while j < len(blocks) and isinstance(blocks[j], Paragraph):
        lines.append(blocks[j])
        j += 1
    return _with_numbers(lines, _line(blocks[start - 1]), list(lone_numbers or []))


def _rebuild_figures(blocks: list, i: int, lone_numbers) -> Optional[tuple]:
    found = _figure_header(blocks, i)
    if not found:
        return None
    names, nhead, has_stt = found
    start = i + nhead
    lines = _lines_under(blocks, start, lone_numbers)
    rows, used = _figure_rows(lines, len(names))
    if not rows:
        return None
    src = blocks[i].source
    grid = [[Cell("Chỉ tiêu", src), Cell("Đơn vị tính", src)] + [Cell(n, src) for n in names]]
    for indicator, unit, values in rows:
        grid.append([Cell(indicator), Cell(unit)] + [Cell(v) for v in (values or [""] * len(names))])
    end = lines[used - 1].source if used else src
    table = Table(grid, Source(line=src.line, line_end=end.line_end or end.line, page=src.page), header_rows=1)
    return table, start + sum(1 for p in lines[:used] if p.style != _LONE)


_HEADER_NAMES = {"number": "Stt", "content": "Nội dung", "lead": "Cơ quan chủ trì", "partners": "Cơ quan phối hợp",
                 "deadline": "Thời gian"}


_LONE = "lone-number"


def _line(p: Paragraph) -> int:
    return p.source.line_end or p.source.line or 0


def _with_numbers(lines: List[Paragraph], after: int, numbers: List[tuple]) -> List[Paragraph]:
    """The run's paragraphs with the lone number lines the reader set aside (as page numbers)
    put back where they stood: in such a table they are the Stt."""
    if not numbers or not lines or not lines[0].source.line:
        return lines
    last = _line(lines[-1])
    have = {p.source.line for p in lines}
    extra = [Paragraph(t, Source(line=ln), style=_LONE) for ln, t in numbers if after < ln < last and ln not in have]
    if not extra:
        return lines
    return sorted(lines + extra, key=lambda p: p.source.line or 0)


# A wrapped line goes on: the next starts in lower case, or this one ends on a word that needs more.
_GOES_ON = re.compile(r"(?:[,(/&+-]|\b(?i:và|của|với|về|cho|các|tại|theo|trong|đến|từ|ngày|giờ|phút)|"
                      r"\b(?:Sở|Phòng|Lãnh\s+đạo))\s*$")


def _fragments(paras: List[Paragraph], text_lines: List[str], fix) -> List[Paragraph]:
    """The paragraphs re-read line by line from the text's lines (a text reader joins the cells of
    a row written one per line into one paragraph), wrapped lines joined back: a line going on in
    lower case, or after a line ending on a word that needs more ("Lãnh đạo" / "Sở Tài chính")."""
    out: List[Paragraph] = []
    prev_end = 0
    blocky = _blocky(paras, text_lines)
    block = 0  # the first line of the current block of lines (blank lines between blocks)
    for p in paras:
        a, b = p.source.line, p.source.line_end or p.source.line
        if not a or b > len(text_lines) or a <= prev_end:
            return []
        for n in range(a, b + 1):
            t = fix(text_lines[n - 1].strip()) if fix else text_lines[n - 1].strip()
            if not t:
                continue
            last = out[-1].text if out else ""
            if blocky and len(out) >= 2 and _line(out[-1]) == n - 1 and _line(out[-2]) >= block and \
                    _kind(last) == "unit" and _kind(out[-2].text) == "content" and not _NUMBER.match(t):
                # a block whose content and unit cells came out line by line interleaved
                into = None
                if t[:1].islower() and (len(t) >= 0.6 * _first_len(out[-2], text_lines) or not _short(t, 3)):
                    into = -2
                elif t[:1].isupper() and _short(t, 3) and _kind(t) in ("content", "unit") and \
                        not last.endswith((",", ";", ".")):
                    into = -1
                if into is not None:
                    q = out[into]
                    out[into] = Paragraph(f"{q.text} {t}", Source(line=q.source.line, line_end=n), style=_FRAG)
                    out[-1] = Paragraph(out[-1].text, Source(line=out[-1].source.line, line_end=n), style=_FRAG)
                    continue
            if not blocky or n == 1 or not text_lines[n - 2].strip():
                block = n
            nxt = text_lines[n].strip() if blocky and n < len(text_lines) else ""
            if out and _line(out[-1]) >= block and _kind(t) == "unit" and _short(t, 4) and _kind(last) == "content" \
                    and nxt[:1].islower() and len(nxt) >= 0.6 * _first_len(out[-1], text_lines):
                out.append(Paragraph(t, Source(line=n, line_end=n), style=_FRAG))  # a unit line amid the content's
                continue
            if out and not _NUMBER.match(last) and not _NUMBER.match(t) and (
                    (t[:1].islower() and _line(out[-1]) >= a) or _GOES_ON.search(last)
                    or (blocky and _line(out[-1]) == n - 1 and _same_cell(last, t))):
                out[-1] = Paragraph(f"{last} {t}", Source(line=out[-1].source.line, line_end=n), style=_FRAG)
            else:
                out.append(Paragraph(t, Source(line=n, line_end=n), style=_FRAG))
        prev_end = b
    return out


def _first_len(p: Paragraph, text_lines: List[str]) -> int:
    """Length of the first text line of a fragment (a content cell's width)."""
    return len(text_lines[p.source.line - 1].strip()) if p.source.line else len(p.text)


def _blocky(paras: List[Paragraph], text_lines: List[str]) -> bool:
    """Do blank lines set the run's cells apart (`pdftotext` without -layout writes each cell as a
    block of lines with a blank line after it)? A fifth of the run's lines blank at least."""
    a = paras[0].source.line if paras else None
    b = _line(paras[-1]) if paras else 0
    if not a or b > len(text_lines) or b - a < 8:
        return False
    blank = sum(1 for n in range(a, b + 1) if not text_lines[n - 1].strip())
    return blank * 5 >= b - a + 1


def _same_cell(last: str, t: str) -> bool:
    """Two lines of one block that go on as one cell: content over content, or a unit cell and the
    short rest of its name ("Thầy Lê Thanh" / "Cường"); a line of another column's shape (a
    number, a time phrase, a unit heading a line after content) starts a cell of its own."""
    if _kind(t) != "content" or _is_time(t) or _is_time(last) or _header_cell(t) or _header_cell(last):
        return False
    k = _kind(last)
    if k == "content":
        return not _ends_table(last)
    return k == "unit" and _short(t, 3) and not last.endswith((",", ";", "."))


_FRAG = "line-fragment"
# "II Nâng cao chất lượng …": a Roman group number and its title on one line without a stop
_ROMAN_SPACED_RE = re.compile(r"^[IVX]{1,4}\s+([^\W\d_]+)")


class _RomanSpaced:
    @staticmethod
    def match(text: str):
        m = _ROMAN_SPACED_RE.match(text)
        return m if m and m.group(1)[0].isupper() and not m.group(1).isupper() else None


_ROMAN_SPACED = _RomanSpaced()


def _unit_like(text: str) -> bool:
    """Opens with a unit word, however long (a partner list: "Các sở, ban, ngành và …")."""
    return bool(UNIT_START.match(text.strip()))


def _peel_deadline(text: str) -> List[str]:
    """A unit cell and the deadline cell after it on one line ("… trực thuộc Hằng năm"): the
    longest tail opening with a capital that reads as a time phrase is split off."""
    if _is_deadline(text):
        return [text]
    words = text.split()
    for k in range(1, len(words)):
        if words[k][:1].isupper() and _is_deadline(" ".join(words[k:])):
            return [" ".join(words[:k]), " ".join(words[k:])]
    return [text]


def _split_header_cells(frags: List[Paragraph]) -> List[Paragraph]:
    """Two header cells on one line ("Cơ quan phối hợp Thời gian thực hiện") split in two where
    the line is no header cell but both parts, cut before a capital, are."""
    out: List[Paragraph] = []
    for n, p in enumerate(frags):
        words = p.text.split()
        done = False
        if _header_cell(p.text) is None and 4 <= len(words) <= 10 and len(p.text) <= 60:
            for k in range(1, len(words)):
                a, b = " ".join(words[:k]), " ".join(words[k:])
                if words[k][:1].isupper() and _header_cell(a) and _header_cell(b) and _header_cell(a) != _header_cell(b):
                    out += [Paragraph(a, p.source, style=_FRAG), Paragraph(b, p.source, style=_FRAG)]
                    done = True
                    break
        if not done:
            out.append(p)
    return out


def _rows_by_number(lines: List[Paragraph], roles: List[str]) -> tuple:
    """Shape (d), one cell per line: the Stt lines run 1, 2, 3 … and split the rows; a row holding
    exactly one line per column is read by position where no line has the shape of another
    column (a partner list or a long time phrase then needs no shape of its own), else its first line is the content and the others are told
    apart by their shape. A group row (`I` / title, "II. Title") may stand between rows. The last
    row takes no more lines than the columns it has. Needs two rows or more."""
    others = [r for r in roles if r not in ("number", "content")]
    ncells = 1 + len(others)
    rows: List[_Row] = []
    cur: Optional[_Row] = None
    cells: List[Paragraph] = []
    last_group: Optional[str] = None
    want = 1

    def close() -> None:
        if cur is None:
            return
        texts = [c.text.strip() for c in cells]
        cur.lines += cells
        if not texts:
            return
        texts = texts[:1] + [part for t in texts[1:] for part in _peel_deadline(t)]
        fits = all((_kind(t) != "unit") if role == "deadline" else (_kind(t) != "deadline" and _unit_like(t))
                   for role, t in zip(others, texts[1:]))
        if len(texts) == ncells and fits:
            cur.content.append(texts[0])
            for role, t in zip(others, texts[1:]):
                (cur.deadlines if role == "deadline" else cur.units).append(t)
            return
        cur.content.append(texts[0])
        for t in texts[1:]:
            kind = _kind(t)
            if kind == "deadline":
                cur.deadlines.append(t)
            elif kind == "unit" or _unit_like(t) or cur.units or cur.deadlines:
                cur.units.append(t)
            else:
                cur.content.append(t)

    k = 0
    while k < len(lines):
        t = lines[k].text.strip()
        if _END.match(t) or (_ends_table(t) and (cur is None or len(cells) >= ncells)):
            break  # (a long sentence is a content cell in a row still short of cells)
        again = _header(lines, k)
        if again and cur is not None:
            k += again[1]  # the header repeated after a page break
            continue
        if _NUMBER.match(t) and t.rstrip(".)") == "1" and rows and rows[-1].group is not None:
            want = 1  # the numbering starts again under each group
        if _NUMBER.match(t) and t.rstrip(".)") == str(want):
            if cur is not None and not cells:
                return [], 0  # Stt after Stt: the numbers of a table written column by column
            close()
            cur, cells = _Row(), []
            cur.number = str(want)
            cur.lines.append(lines[k])
            rows.append(cur)
            want += 1
            k += 1
            continue
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        alone, titled = _ROMAN_ALONE.match(t), _ROMAN_TITLE.match(t) or _ROMAN_SPACED.match(t)
        if ((alone and nxt) or (titled and _short(t, 40))) and (cur is None or len(cells) >= 2):
            label = re.match(r"[IVXA-ZĐ]+", t).group(0)
            if _next_group(label, last_group):
                close()
                last_group = label
                rows.append(_Row(group=f"{label}. {nxt}" if alone else t))
                rows[-1].lines += [lines[k], lines[k + 1]] if alone else [lines[k]]
                cur, cells = None, []
                k += 2 if alone else 1
                continue
        if cur is None:
            if rows:
                break
            return [], 0  # the first row has no Stt: not this shape
        if _NUMBER.match(t):
            k += 1  # a page number
            continue
        if len(cells) >= ncells and (want > 2 or _HEADING.match(t)) and _kind(t) == "content":
            # more lines than columns: wrapped content, or the text after the last row
            if _HEADING.match(t) or k + 1 >= len(lines) or not re.fullmatch(str(want), lines[k + 1].text.strip()):
                if not any(re.fullmatch(str(want), ln.text.strip()) for ln in lines[k + 1:k + 4]):
                    break
        cells.append(lines[k])
        k += 1
    close()
    return _finished(rows, lines)


_CLOCK = r"\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}(?:\s*phút)?"
_TIME_CELL = re.compile(rf"^(?:từ\s+)?{_CLOCK}(?:\s*(?:[-–]|đến)?\s*{_CLOCK})?$", re.IGNORECASE)
_TIME_TAIL = re.compile(rf"^(?:[-–]|đến)\s*{_CLOCK}$", re.IGNORECASE)


def _is_time(text: str) -> bool:
    return bool(_TIME_CELL.match(text.strip()))


_BARE_RANGE = re.compile(rf"^((?:từ\s+)?{_CLOCK})\s+({_CLOCK})$", re.IGNORECASE)


def _hours(text: str) -> str:
    """An hours cell as written: two clock times side by side are a range whose dash the text
    layer lost ("7h00 7h15" -> "7h00 - 7h15")."""
    m = _BARE_RANGE.match(text.strip())
    return f"{m.group(1)} - {m.group(2)}" if m else text


def _rows_by_time(lines: List[Paragraph], roles: List[str]) -> tuple:
    """Shape (e), a programme: the time column first ("Thời gian" / "Nội dung" / "Người phụ
    trách"), each row opening with its hours (`7h00 - 7h15`, `7h00` over `- 7h15`), then the
    content and the other cells; a line standing alone before the next hours, after a full row,
    is a group row over the rows below it (`Buổi sáng …`). A caption line followed by the header
    again ends the table (the next table starts there)."""
    others = [r for r in roles if r not in ("number", "deadline")]
    rows: List[_Row] = []
    cur: Optional[_Row] = None
    cells: List[str] = []

    def close() -> None:
        if cur is None:
            return
        nunits = len(others) - 1
        head = cells[:max(1, len(cells) - nunits)]
        cur.content += head
        cur.units += cells[len(head):]

    k = 0
    while k < len(lines):
        t = lines[k].text.strip()
        if _END.match(t) or (_HEADING.match(t) and not _is_time(t)):
            break
        again = _header(lines, k)
        if again:
            if cur is None and not rows:
                break
            k += again[1]  # the header repeated after a page break
            continue
        nxt = lines[k + 1].text.strip() if k + 1 < len(lines) else ""
        if _is_time(t):
            close()
            cur, cells = _Row(), []
            cur.deadlines.append(_hours(t))
            cur.lines.append(lines[k])
            rows.append(cur)
            k += 1
            continue
        if cur is not None and not cells and _TIME_TAIL.match(t):
            cur.deadlines[-1] += " " + t  # "7h00" over "- 7h15"
            cur.lines.append(lines[k])
            k += 1
            continue
        full = cur is None or len(cells) >= len(others)
        if full and _is_time(nxt) and _short(t, 30) and not t.endswith("."):
            close()
            cur, cells = None, []
            rows.append(_Row(group=t))
            rows[-1].lines.append(lines[k])
            k += 1
            continue
        if cur is None or (full and _header(lines, k + 1)):
            break  # text before the first row, or a caption over the header of the next table
        if full and not _is_time(nxt) and _kind(t) == "content" and len(cells) > len(others) \
                and _kind(cells[-1]) == "unit":
            break  # the text after the table
        cells.append(t)
        cur.lines.append(lines[k])
        k += 1
    close()
    return _finished(rows, lines)


def _finished(rows: List[_Row], lines: List[Paragraph]) -> tuple:
    """(rows, lines used) of a rebuilt table: trailing group rows dropped, at least two rows, else ([], 0)."""
    while rows and rows[-1].group is not None:
        rows.pop()
    if sum(1 for r in rows if r.group is None) < 2:
        return [], 0
    last = rows[-1].lines[-1]
    return rows, next(i for i, ln in enumerate(lines) if ln is last) + 1


def _parse(lines: List[Paragraph], roles: List[str]) -> tuple:
    rows, used = _rows_by_column(lines, roles)
    if not rows:
        rows, used = _rows_by_row(lines)
    tasks = [r for r in rows if r.group is None]
    if not tasks or any(not (r.content and r.has_cells()) for r in tasks):
        return [], 0
    return rows, used


def _read_lines(blocks: list, i: int, lone_numbers, text_lines: List[str], fix, loose: bool,
                first: int = 0) -> Optional[tuple]:
    """The run of paragraphs from blocks[i] re-read one line per fragment, header included (a
    text reader joins header cells and the cells of a row into paragraphs): (roles, rows, lines
    used, fragments, paragraphs) of the programme (e) or numbered (d) shape; with `loose`, also
    of shapes (a) and (b)."""
    paras: List[Paragraph] = []
    j = i
    while j < len(blocks) and isinstance(blocks[j], Paragraph) and j - i < 400:
        paras.append(blocks[j])
        j += 1
    head, lines_seen = [], 0
    for p in paras:  # the header first (a cheap test), the whole run only under a header
        head.append(p)
        lines_seen += (p.source.line_end or p.source.line or 0) - (p.source.line or 0) + 1
        if lines_seen >= 24:
            break
    frags = _split_header_cells([f for f in _fragments(head, text_lines, fix) if (f.source.line or 0) >= first])
    if not frags or not _header(frags, 0):
        return None
    frags = _split_header_cells([f for f in _fragments(paras, text_lines, fix) if (f.source.line or 0) >= first])
    found = _header(frags, 0) if frags else None
    if not found:
        return None
    roles, nhead = found
    body = _with_numbers(frags[nhead:], _line(frags[nhead - 1]), list(lone_numbers or []))
    if not body:
        return None
    rows, used = [], 0
    if [r for r in roles if r != "number"][:1] == ["deadline"]:
        rows, used = _rows_by_time(body, roles)
    if not rows:
        rows, used = _rows_by_number(body, roles)
    if not rows and loose:
        rows, used = _parse(body, roles)
    return (roles, rows, used, body, paras) if rows else None


def _opens_header(b, text_lines: List[str], fix) -> int:
    """The line of paragraph b (of a few lines) that could be the first header cell of a task
    table ("Stt" joined by the reader to the caption above it), or 0."""
    a = b.source.line if isinstance(b, Paragraph) else None
    if not a or len(b.text) > 300:
        return 0
    e = min(b.source.line_end or a, a + 5, len(text_lines))
    for n in range(a, e + 1):
        t = text_lines[n - 1].strip()
        if _NUMBERED_HEADING.match(t):  # "II. NỘI DUNG", "2. Nhiệm vụ": a heading, no header cell
            continue
        if t and len(t) <= 60 and _short(t, 6) and _header_cell(fix(t) if fix else t) is not None:
            return n
    if e > a and len(b.text) <= 60 and _header_cell(b.text) is not None:
        return a  # a header cell wrapped over its lines ("Thời" / "gian")
    return 0


_NUMBERED_HEADING = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\s*[.\-–)]\s*\S")


def _grid(rows: List[_Row], roles: List[str], src: Source) -> List[List[Cell]]:
    grid: List[List[Cell]] = [[Cell(_HEADER_NAMES[r], src) for r in roles]]
    for r in rows:
        at = r.lines[0].source if r.lines else src
        if r.group is not None:
            grid.append([Cell(r.group, at, span=len(roles))])
        else:
            grid.append([Cell(t, at) for t in _cells(r, roles)])
    return grid


def rebuild(blocks: list, lone_numbers: Optional[List[tuple]] = None, text_lines: Optional[List[str]] = None,
            fix=None) -> list:
    """Blocks with each separator-less task table replaced by a `Table` (see the module docstring).
    `lone_numbers`: (line, text) of number lines the reader left out (RawDocument.lone_numbers);
    `text_lines`: the text's lines (RawDocument.lines), from which a table the reader joined into
    paragraphs is re-read one line per fragment (first for the programme and numbered shapes,
    last for the others); `fix`: the text repair to apply to those lines."""
    out: list = []
    if fix is not None:
        fixed: dict = {}
        repair = fix

        def fix(text: str) -> str:  # each line repaired once however often it is re-read
            if text not in fixed:
                fixed[text] = repair(text)
            return fixed[text]
    i = 0
    while i < len(blocks):
        b = blocks[i]
        glued = _read_glued(blocks, i, text_lines, fix) if text_lines else None
        if glued:
            table, consumed, tail = glued
            out += table if isinstance(table, _Glued) else [table]
            if tail is not None:
                out.append(tail)
            i += max(consumed, 1)
            continue
        short = isinstance(b, Paragraph) and len(b.text) <= 40  # a header cell: "Stt", "Chỉ tiêu"
        found = _header(blocks, i) if short else None
        by_lines = _opens_header(b, text_lines, fix) if text_lines else 0
        res = _read_lines(blocks, i, lone_numbers, text_lines, fix, False, by_lines) if by_lines else None
        if not res and found:
            roles, nhead = found
            start = i + nhead
            lines = _lines_under(blocks, start, lone_numbers)
            rows, used = _parse(lines, roles)
            if rows:
                end = lines[used - 1].source
                out.append(Table(_grid(rows, roles, b.source), Source(line=b.source.line, line_end=end.line_end or
                                                                      end.line, page=b.source.page), header_rows=1))
                i = start + sum(1 for p in lines[:used] if p.style != _LONE)
                continue
        if not res and by_lines:
            res = _read_lines(blocks, i, lone_numbers, text_lines, fix, True, by_lines)
        if res:
            roles, rows, used, lines, paras = res
            if by_lines > (b.source.line or 0):  # the caption the reader joined to the header
                before = " ".join(t for t in (ln.strip() for ln in text_lines[b.source.line - 1:by_lines - 1]) if t)
                out.append(Paragraph(fix(before) if fix else before, Source(line=b.source.line, line_end=by_lines - 1,
                                                                            page=b.source.page), style=b.style))
            end = lines[used - 1].source
            out.append(Table(_grid(rows, roles, b.source), Source(line=b.source.line, line_end=end.line_end or end.line,
                                                                  page=b.source.page), header_rows=1))
            consumed, tail = _rest(paras, lines[used - 1])
            if tail is not None:
                out.append(tail)
            i += max(consumed, 1)
            continue
        figures = _rebuild_figures(blocks, i, lone_numbers) if short else None
        if figures:
            out.append(figures[0])
            i = figures[1]
        else:
            out.append(b)
            i += 1
    return out


def _read_glued(blocks: list, i: int, text_lines: List[str], fix) -> Optional[tuple]:
    """(Table, paragraphs used, what is left of the last one or None) of a table whose printed
    lines glue several columns (see glued_rows), read from the text's lines at blocks[i]."""
    b = blocks[i]
    if not isinstance(b, Paragraph) or not b.source.line or len(b.text) > 600 or b.source.line > len(text_lines):
        return None
    a = b.source.line - 1
    if not glued_rows.might_open(" ".join(text_lines[a:a + 6])):
        return None
    found = glued_rows.header(text_lines[a:a + 8], 0)  # (the lines repaired only under a header)
    if not found or a + found[1] + 1 > _line(b):
        return None  # no header, or one that starts in a later paragraph
    roles, first, body = found
    paras: List[Paragraph] = []
    j = i
    while j < len(blocks) and isinstance(blocks[j], Paragraph) and j - i < 400:
        paras.append(blocks[j])
        j += 1
    last_line = _line(paras[-1])
    lines = [fix(t) if fix else t for t in text_lines[a:last_line]]
    rows, end = glued_rows.rows(lines, roles, body, glued_rows.page_width(text_lines))
    tasks = [r for r in rows if "group" not in r]
    if len(tasks) < 2 or any(not r["content"] for r in tasks) or \
            sum(1 for r in tasks if r.get("lead") or r.get("partners") or r["deadline"]) * 2 < len(tasks):
        return None
    cols = [r for r in roles if r in _HEADER_NAMES]
    src = b.source
    grid: List[List[Cell]] = [[Cell(_HEADER_NAMES[r], src) for r in cols]]
    for r in rows:
        if "group" in r:
            grid.append([Cell(r["group"], src, span=len(cols))])
        else:
            grid.append([Cell(r.get(c, ""), src) for c in cols])
    end_line = a + end  # 1-based number of the table's last line
    while end_line > a + body and not text_lines[end_line - 1].strip():
        end_line -= 1
    pre: list = []
    if first > 0:  # the caption the reader joined to the header
        before = " ".join(t for t in (ln.strip() for ln in lines[:first]) if t)
        if before:
            pre.append(Paragraph(before, Source(line=b.source.line, line_end=b.source.line + first - 1,
                                                page=src.page), style=b.style))
    table = Table(grid, Source(line=b.source.line + first, line_end=end_line, page=src.page), header_rows=1)
    last = Paragraph(lines[end_line - a - 1].strip(), Source(line=end_line, line_end=end_line))
    consumed, tail = _rest(paras, last)
    if pre:
        return _Glued(pre + [table]), consumed, tail
    return table, consumed, tail


class _Glued(list):
    """A caption paragraph and the table under it (both go out in order)."""


def _rest(paras: List[Paragraph], last: Paragraph) -> tuple:
    """(paragraphs the line-read table used up, what is left of the one it ended inside or None)."""
    end = _line(last)
    consumed = 0
    for p in paras:
        if _line(p) <= end:
            consumed += 1
            continue
        if (p.source.line or 0) <= end:
            # the table ended inside this paragraph: keep its text after the table's last line
            words = p.text.split()
            cut = last.text.split()
            k = next((q for q in range(len(words) - len(cut) + 1) if words[q:q + len(cut)] == cut), None)
            consumed += 1
            if k is not None and k + len(cut) < len(words):
                tail = Paragraph(" ".join(words[k + len(cut):]), Source(line=end + 1, line_end=p.source.line_end,
                                                                         page=p.source.page), style=p.style)
                return consumed, tail
        break
    return consumed, None
