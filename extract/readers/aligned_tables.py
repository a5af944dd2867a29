"""Column-aligned tables in plain text (`pdftotext -layout` and the like): lines -> Tables.

`aligned_tables(lines)` reads the lines of a text file and writes `(start, end, Table)` for every
table set out in columns by runs of spaces: each row's cells side by side, a cell's wrapped lines
stacked in its column, page numbers, form feeds and the header repeated at each page top between.

- A table opens at a header band: consecutive short lines (cells of at most a few words) holding
  at least two column names ("Nội dung", "Chủ trì", "Thời gian", …) in at least three columns.
- The header's columns place the column gutters; each gutter is then moved to the x position that
  the fewest body lines cover between its two header cells (pdftotext shifts a column by a
  character from line to line, and two cells may come within one space of each other).
- The body runs on while no line's text runs across two header cells (running text does); a line
  opening with a group number ("I", "A.") whose text spans the columns is a group row.
- Rows: where blank lines stand between the rows, the blank lines part them; otherwise each
  number in the first column anchors a row and the boundary between two anchors is the line
  where the cells start anew (capital letters rather than a sentence going on in lower case, a
  blank line, a page break), the number standing about in the middle of its row's lines.
- A cell's lines are joined as the text reader joins a cell's lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import List, Optional

from ..model import Cell, Source, Table

_FRAGMENT = re.compile(r"\S+(?: \S+)*")
_HEAD_WORD = re.compile(
    r"\b(?:s[ốô]\s*)?tt\b|\bstt\b|số thứ tự|nội dung|nhiệm vụ|chủ trì|phối hợp|thời gian|thời hạn"
    r"|đơn vị|cơ quan|trách nhiệm|sản phẩm|kết quả|ghi chú|tiến độ|hoàn thành|lãnh đạo|phụ trách|thực hiện|địa điểm|thành phần", re.I)
_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2}){0,2}\.?|[IVXLC]{1,5}\.?|[A-ZĐ]\.?|[a-zđ][.)]|\(\d{1,3}\))$")
_GROUP = re.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ])\.?$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?$")
_MAX_HEAD_WORDS = 5
_MAX_HEAD_LINES = 8


@dataclass
class _Line:
    index: int                    # 0-based line index in the file
    frags: list                   # [(x0, x1, text)]
    page_break: bool = False      # a form feed opened this line
    blank_before: bool = False
    group: bool = False
    wide: bool = False            # a fragment runs over two header cells
    cells: list = field(default_factory=list)


def _frags(line: str) -> list:
    return [(m.start(), m.end(), m.group(0)) for m in _FRAGMENT.finditer(line.replace("\f", " "))]


def _header_line(frags: list) -> bool:
    return bool(frags) and all(len(t.split()) <= _MAX_HEAD_WORDS and not re.search(r"[;.:]$", t) for _, _, t in frags)


def _header_columns(rows: list) -> list:
    """The header's cells merged where they overlap across its lines: [[x0, x1]] left to right."""
    spans = sorted([x0, x1] for frags in rows for x0, x1, _ in frags)
    cols: list = []
    for x0, x1 in spans:
        if cols and x0 < cols[-1][1] - 1:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return cols


def _hits(frag: tuple, cols: list) -> int:
    """How many header cells a fragment runs over (by more than a character)."""
    x0, x1 = frag[0], frag[1]
    return sum(1 for a, b in cols if min(x1, b) - max(x0, a) > 1)


def _crosses(frag: tuple, cols: list) -> bool:
    return _hits(frag, cols) >= 2


def _runs_across(fr: list, cols: list) -> bool:
    """A line of running text rather than cells: a fragment over three header cells (over two in
    a table of three columns where it is the line's only text); two cells one space apart make
    one fragment over two header cells, which is tolerated."""
    worst = max(_hits(f, cols) for f in fr)
    if worst >= 3:
        return True
    return worst == 2 and len(cols) < 4 and len(fr) == 1


def aligned_tables(lines: List[str]) -> list:
    """[(start, end, Table)] of the column-aligned tables among the lines (0-based, end exclusive)."""
    if sum(1 for ln in lines if re.search(r"\S {3,}\S", ln)) < 3:
        return []
    frags = [_frags(ln) for ln in lines]
    out: list = []
    i, n = 0, len(lines)
    while i < n:
        found = _table_at(lines, frags, i)
        if found is None:
            i += 1
            continue
        start, end, table = found
        out.append((start, end, table))
        i = max(end, i + 1)
    return out


def _header_band(frags: list, i: int) -> Optional[int]:
    """The end of a header band starting at line i, or None."""
    n = len(frags)
    j = i
    while j < n and j - i < _MAX_HEAD_LINES and frags[j] and _header_line(frags[j]):
        j += 1
    if j == i:
        return None
    band = frags[i:j]
    words = {m.group(0).lower() for fr in band for _, _, t in fr for m in _HEAD_WORD.finditer(t)}
    if len(words) < 2 or len(_header_columns(band)) < 3 or max(len(fr) for fr in band) < 2:
        return None
    if not any(_HEAD_WORD.search(t) for _, _, t in frags[i]):
        # the band starts at a line naming a column (a title line above the table is no header)
        if not (j - i >= 2 and any(_HEAD_WORD.search(t) for _, _, t in frags[i + 1])):
            return None
    return j


def _table_at(lines: List[str], frags: list, i: int):
    head_end = _header_band(frags, i)
    if head_end is None:
        return None
    head = frags[i:head_end]
    cols = _header_columns(head)
    head_texts = {re.sub(r"\s+", " ", t) for fr in head for _, _, t in fr}
    body: List[_Line] = []
    j, n = head_end, len(lines)
    blank, page_break, blanks = False, False, 0
    while j < n:
        raw, fr = lines[j], frags[j]
        if "\f" in raw:
            page_break = True
        if not fr:
            blank = True
            blanks += 1
            j += 1
            continue
        texts = [t for _, _, t in fr]
        if len(fr) == 1 and _PAGE_NUMBER.match(texts[0]) and fr[0][0] >= cols[0][1] + 2:
            page_break = True   # a page number standing apart from the number column
            j += 1
            continue
        if blanks >= 3 and not page_break:
            break               # a wide white gap: the table is over
        blanks = 0
        if (page_break or blank) and all(re.sub(r"\s+", " ", t) in head_texts for t in texts):
            j += 1              # the header repeated at the top of the page
            continue
        group = False
        if _runs_across(fr, cols):
            first = fr[0][2].split()[0] if fr else ""
            if fr[0][0] < cols[0][1] and _NUMBER.match(first) and _GROUP.match(first):
                group = True
            elif body and body[-1].group:
                # the title of a group row wrapped onto a second line
                if j + 1 < n and frags[j + 1] and not _runs_across(frags[j + 1], cols):
                    group = True
                else:
                    break
            elif not _heading_row(frags, j, cols, blank):
                break
        elif blank and len(fr) == 1 and fr[0][0] <= cols[0][0] and fr[0][1] > cols[min(1, len(cols) - 1)][1] + 20:
            break               # a paragraph after the table, starting at the margin
        body.append(_Line(j, fr, page_break=page_break, blank_before=blank, group=group,
                          wide=max(_hits(f, cols) for f in fr) >= 2))
        blank = page_break = False
        j += 1
    # a group line at the end has no rows under it: it is text after the table
    while body and body[-1].group:
        body.pop()
    if len(body) < 2:
        return None
    xs = _gutters(cols, [b for b in body if not b.group])
    for b in body:
        b.cells = _split(b.frags, xs) if not b.group else None
    rows = _rows(body)
    if len(rows) < 2:
        return None
    table_rows = [_header_row(lines, i, head_end, head, xs)]
    for row in rows:
        table_rows.append(_row_cells(row, len(xs) + 1))
    filled = sum(1 for r in table_rows[1:] if sum(1 for c in r if c.text) >= 2)
    if filled < 2:
        return None
    end = body[-1].index + 1
    return i, end, Table(rows=table_rows, source=Source(line=i + 1, line_end=end), header_rows=1)


def _heading_row(frags: list, j: int, cols: list, blank: bool) -> bool:
    """A line over the columns standing between blank lines, the table going on under it: a
    heading row of a table whose rows are parted by blank lines ("Buổi sáng …", "Ngày 2 …"); a
    numbered line is a heading of the text instead."""
    from .txt import MARKER_RE

    fr = frags[j]
    if not blank or len(fr) != 1 or MARKER_RE.match(fr[0][2]) or j + 1 >= len(frags) or frags[j + 1]:
        return False
    k = j + 1
    while k < len(frags) and not frags[k]:
        k += 1
    return k - j <= 2 and k < len(frags) and not _runs_across(frags[k], cols)


def _gutters(cols: list, body: List[_Line]) -> list:
    """One x per gap between header cells: where the fewest body fragments run across."""
    xs = []
    for (a0, a1), (b0, b1) in zip(cols, cols[1:]):
        lo, hi = a1 - 1, b0 + 1
        best, best_x = None, (a1 + b0) // 2
        for x in range(lo, hi + 1):
            cover = sum(1 for b in body for f0, f1, _ in b.frags if f0 < x < f1 - 1)
            # prefer the fewest crossings, then the middle of the gap
            key = (cover, abs(x - (a1 + b0) / 2))
            if best is None or key < best:
                best, best_x = key, x
        xs.append(best_x)
    return xs


def _split(frags: list, xs: list) -> list:
    """A line's text per column: a fragment across a gutter is cut at its space nearest the gutter."""
    cells = [[] for _ in range(len(xs) + 1)]
    pieces = []
    for x0, x1, t in frags:
        while True:
            cut = next((x for x in xs if x0 + 1 < x < x1 - 1), None)
            if cut is None:
                break
            spaces = [x0 + k for k, ch in enumerate(t) if ch == " "]
            if not spaces:
                break
            sp = min(spaces, key=lambda s: abs(s - cut))
            pieces.append((x0, sp, t[:sp - x0]))
            t, x0 = t[sp - x0 + 1:], sp + 1
        pieces.append((x0, x1, t))
    for x0, x1, t in pieces:
        mid = (x0 + x1) / 2
        k = next((c for c, x in enumerate(xs) if mid < x), len(xs))
        cells[k].append(t)
    return [" ".join(c) for c in cells]


def _starts_anew(text: str) -> int:
    """+1 where a cell's line opens with a capital letter or a number, -1 where it goes on in lower case."""
    t = text.strip()
    if not t:
        return 0
    ch = t[0]
    if ch.isupper() or ch in "-+•(":
        return 1
    if ch.islower():
        return -1
    return 0


def _rows(body: List[_Line]) -> list:
    """Group the body lines into rows: [[_Line]]."""
    # group rows stand alone; the rest are parted by blank lines or by the numbers of the first column
    parts: list = []
    cur: list = []
    for b in body:
        if b.group:
            if cur and cur[-1].group and not b.blank_before and not b.page_break:
                cur.append(b)
                continue
            if cur:
                parts.append(cur)
            cur = [b]
            continue
        if cur and cur[-1].group:
            parts.append(cur)
            cur = []
        cur.append(b)
    if cur:
        parts.append(cur)
    rows: list = []
    for part in parts:
        if part[0].group:
            rows.append(part)
        else:
            rows.extend(_split_rows(part))
    return rows


def _is_anchor(b: _Line) -> bool:
    return bool(b.cells) and bool(_NUMBER.match(b.cells[0].strip()))


def _split_rows(lines: List[_Line]) -> list:
    anchors = [k for k, b in enumerate(lines) if _is_anchor(b)]
    gaps = [k for k, b in enumerate(lines) if k and b.blank_before and not b.page_break]
    if gaps and (len(anchors) < 2 or len(gaps) >= (len(anchors) - 1) * 0.8):
        cuts = [0] + gaps + [len(lines)]
        return [lines[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]
    if not anchors:
        return [lines]
    if anchors[0] == 0 and len(lines[0].cells) > 1 and \
            sum(1 for a in anchors if _starts_anew(lines[a].cells[1]) > 0) >= 0.9 * len(anchors):
        # the numbers stand on the first line of their rows (cells aligned to the top): each
        # number opens a row, as in a PDF's unruled tables
        starts = anchors + [len(lines)]
        return [lines[a:b] for a, b in zip(starts, starts[1:])]
    starts = [0]
    for a, nxt in zip(anchors, anchors[1:]):
        start = starts[-1]
        above = (a - start) if not any(b.page_break for b in lines[start + 1:a + 1]) else 0
        best, best_s = None, nxt
        for s in range(a + 1, nxt + 1):
            b = lines[s]
            # each column's first text on this line or the next (pdftotext staggers cells by a line)
            score = 0
            for c in range(len(b.cells)):
                text = next((lines[k].cells[c] for k in range(s, min(s + 2, nxt + 1)) if lines[k].cells[c]), "")
                score += _starts_anew(text)
            if b.page_break:
                score += 1      # a page break may cut a row: it weighs less than a blank line
            elif b.blank_before:
                score += 2
            below = sum(1 for k in range(a + 1, s) if not any(lines[m].page_break for m in range(a + 1, k + 1)))
            score -= 0.45 * abs(above - below)
            if best is None or score > best:
                best, best_s = score, s
        starts.append(best_s)
    starts.append(len(lines))
    return [lines[a:b] for a, b in zip(starts, starts[1:]) if b > a]


def _join(parts: list) -> str:
    from .txt import _cell_text

    return _cell_text([(0, p) for p in parts])


def _row_cells(row: List[_Line], ncols: int) -> list:
    first, last = row[0].index + 1, row[-1].index + 1
    src = Source(line=first, line_end=last if last != first else None)
    if len(row) == 1 and len(row[0].frags) == 1 and row[0].wide and not _is_anchor(row[0]):
        # one line of text over the columns: a heading row ("Buổi sáng …", "NGÀY 2 …")
        return [Cell("", src), Cell(row[0].frags[0][2], src, span=ncols - 1)]
    if row[0].group:
        texts = [t for b in row for _, _, t in b.frags]
        number = texts[0].split()[0]
        title = " ".join(texts)[len(number):].strip()
        return [Cell(number, src), Cell(title, src, span=ncols - 1)]
    return [Cell(_join([b.cells[c] for b in row if b.cells[c]]), src) for c in range(ncols)]


def _header_row(lines: List[str], start: int, end: int, head: list, xs: list) -> list:
    per = [_split(fr, xs) for fr in head]
    src = Source(line=start + 1, line_end=end if end != start + 1 else None)
    return [Cell(re.sub(r"\s+", " ", " ".join(p[c] for p in per if p[c])).strip(), src) for c in range(len(xs) + 1)]
