"""Tables without ruling lines on a PDF page: columns from the positions of the words, rows from the
numbering column.

`unruled_tables(lines, page)` reads the body lines of one page (`pdf_lines.Line`, reading order)
and writes `(PageTable, line indices)` for every run of lines set in three or more columns: the
columns are the vertical white gutters that no word of the run crosses, the rows start at each line
whose first column holds a number ("1", "2.", "II", "a)"); the lines above the first numbered one
are the header row. A numbered line whose text runs across the gutters is a group row spanning the
other columns. Running text never keeps two aligned gutters over several lines, so it is not taken.
A cell line that ended short of its column's ink is kept as a newline (one unit per line).
"""
from __future__ import annotations

import re

from ..model import Cell, Source
from .pdf_lines import group_lines, join_text
from .pdf_tables import PageTable

_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2}){0,2}\.?|[IVXLC]{1,5}\.?|[A-ZĐ]\.?|[a-zđ][.)]|\(\d{1,3}\))$")
_GUTTER = 0.7      # narrowest gutter, in font sizes (Word's cell padding is ~0.8 of a 13 pt size)
_ROW_GAP = 1.5     # a wider blank between lines (in font sizes) ends the table


def _subtract(free: list, spans: list) -> list:
    """Free x-intervals minus the spans of one line's words (both sorted)."""
    out: list = []
    k, n = 0, len(spans)
    for a, b in free:
        while k < n and spans[k][1] <= a:
            k += 1
        j = k
        while j < n and spans[j][0] < b:
            s0, s1 = spans[j]
            if s0 > a:
                out.append((a, s0))
            a = max(a, s1)
            j += 1
        if a < b:
            out.append((a, b))
    return out


def _spans(line) -> list:
    return [(w.x0, w.x1) for w in line.words]


def _gutters(free: list, x0: float, x1: float, width: float) -> list:
    """Free intervals strictly inside the ink (x0..x1) and at least `width` wide."""
    return [(a, b) for a, b in free if a > x0 and b < x1 and b - a >= width]


def _first_cell(line, gutter: float) -> str:
    return " ".join(w.text for w in line.words if w.x1 <= gutter)


_GROUP = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ])\.?$")


def _is_group(line, gutters: list, width: float) -> bool:
    """A group row: a numbered line whose words after the number run on without a gutter, and
    either the number is a Roman numeral or capital letter or the words cross a column gutter."""
    first = gutters[0][0]
    number = _first_cell(line, first)
    if not _NUMBER.match(number):
        return False
    rest = [w for w in line.words if w.x0 >= first]
    if not rest or any(b.x0 - a.x1 >= width for a, b in zip(rest, rest[1:])):
        return False
    return bool(_GROUP.match(number)) or any(
        rest[0].x0 < b and rest[-1].x1 > a for a, b in gutters[1:])


def _grow(lines: list, i: int) -> tuple:
    """The longest run from line i keeping at least two gutters: (end, gutters, group lines)."""
    size = lines[i].size
    width = _GUTTER * size
    x0, x1 = lines[i].x0, lines[i].x1
    free = _subtract([(x0 - 1, x1 + 1)], _spans(lines[i]))
    gutters = _gutters(free, x0, x1, width)
    if len(gutters) < 2:
        return i, [], set()
    j, groups = i + 1, set()
    while j < len(lines):
        line, prev = lines[j], lines[j - 1]
        if line.page != prev.page or line.top - prev.bottom > _ROW_GAP * size:
            break
        if _is_group(line, gutters, width):   # spans the columns: no gutter is measured on it
            groups.add(j)
            j += 1
            continue
        nx0, nx1 = min(x0, line.x0), max(x1, line.x1)
        nfree = _subtract([(nx0 - 1, x0)] + free + [(x1, nx1 + 1)], _spans(line))
        ngutters = _gutters(nfree, nx0, nx1, width)
        if len(ngutters) < 2:
            break
        free, gutters, x0, x1 = nfree, ngutters, nx0, nx1
        j += 1
    return j, gutters, groups


def unruled_tables(lines: list, page: int) -> list:
    """[(PageTable, set of line indices)] of the tables without ruling among a page's lines."""
    out: list = []
    i, n, done = 0, len(lines), 0
    while i < n - 2:
        end, gutters, groups = _grow(lines, i)
        table = _table(lines, i, end, gutters, groups, page) if end - i >= 3 else None
        if table is None:
            i += 1
            continue
        start = _lead_in(lines, i, done, gutters)
        if start < i:
            table = _table(lines, start, end, gutters, groups, page) or table
        out.append((table, set(range(start, end))))
        i = done = end
    return out


def _lead_in(lines: list, i: int, floor: int, gutters: list) -> int:
    """Lines just above the run with the number column empty and no word across a gutter: the
    end of a row cut by the page break (they carry no gutter of their own to start the run)."""
    while i > floor:
        line, nxt = lines[i - 1], lines[i]
        if line.page != nxt.page or nxt.top - line.bottom > _ROW_GAP * nxt.size:
            break
        if line.x0 < gutters[0][1] or any(w.x0 < b and w.x1 > a for w in line.words for a, b in gutters):
            break
        i -= 1
    return i


def _table(lines: list, start: int, end: int, gutters: list, groups: set, page: int):
    """Rows from the numbering column, or None when the run is no table."""
    run = lines[start:end]
    first = gutters[0][0]
    anchors = [k for k, l in enumerate(run, start) if _NUMBER.match(_first_cell(l, first))]
    body = [k for k in anchors if k not in groups]
    if len(body) < 2:
        return None
    x0 = min(l.x0 for l in run)
    x1 = max(l.x1 for l in run)
    xs = [x0] + [(a + b) / 2 for a, b in gutters] + [x1]
    nc = len(xs) - 1
    # rows: the header lines, then one row from each numbered line down to the next
    starts = ([start] if anchors[0] > start else []) + anchors
    # each column's ink from side to side over the rows: the width its cells' lines could fill
    ink: list = [[1e9, -1e9] for _ in range(len(xs) - 1)]
    for k, line in enumerate(run, start):
        if k in groups:
            continue
        for w in line.words:
            c = _column(w, xs)
            ink[c][0], ink[c][1] = min(ink[c][0], w.x0), max(ink[c][1], w.x1)
    rows: list = []
    for r, s in enumerate(starts):
        e = starts[r + 1] if r + 1 < len(starts) else end
        rows.append(_group_row(lines[s:e], xs, page) if s in groups else _row(lines[s:e], xs, page, ink))
    # every numbered row must fill more than its number and one column
    filled = [sum(1 for c in row if c.text) for row in rows if len(row) == nc]
    if sum(1 for f in filled if f >= 3) < 2:
        return None
    top = min(l.top for l in run)
    bottom = max(l.bottom for l in run)
    bbox = (round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1))
    return PageTable(page, bbox, xs, rows, [page], gutters=list(gutters))


def _column(w, xs: list) -> int:
    mid = (w.x0 + w.x1) / 2
    nc = len(xs) - 1
    return next((k for k in range(nc - 1) if mid < xs[k + 1]), nc - 1)


def _row(lines: list, xs: list, page: int, ink: list | None = None) -> list:
    """A row's cells; a cell line that ended short of its column's ink (the next line's first word
    would have fitted) ends a paragraph of the cell and is kept as a newline."""
    nc = len(xs) - 1
    cols: list = [[] for _ in range(nc)]
    for line in lines:
        for w in line.words:
            cols[_column(w, xs)].append(w)
    top = min(l.top for l in lines)
    bottom = max(l.bottom for l in lines)
    cells = []
    for c, ws in enumerate(cols):
        if not ws:
            text = ""
        elif ink and ink[c][1] > ink[c][0]:
            text = join_text(group_lines(ws, page), right=ink[c][1], left=ink[c][0], pad=0.0)
        else:
            text = join_text(group_lines(ws, page), right=xs[c + 1])
        bbox = (round(xs[c], 1), round(top, 1), round(xs[c + 1], 1), round(bottom, 1))
        cells.append(Cell(text, Source(page=page, bbox=bbox)))
    return cells


def _group_row(lines: list, xs: list, page: int) -> list:
    """A group row: its number, then its title over the other columns."""
    first = [w for w in lines[0].words if w.x1 <= xs[1]]
    rest = [w for w in lines[0].words if w.x1 > xs[1]] + [w for l in lines[1:] for w in l.words]
    top, bottom = round(min(l.top for l in lines), 1), round(max(l.bottom for l in lines), 1)
    return [Cell(" ".join(w.text for w in first), Source(page=page, bbox=(round(xs[0], 1), top, round(xs[1], 1), bottom))),
            Cell(join_text(group_lines(rest, page)), Source(page=page, bbox=(round(xs[1], 1), top, round(xs[-1], 1), bottom)),
                 span=len(xs) - 2)]
