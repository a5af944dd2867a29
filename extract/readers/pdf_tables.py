"""Ruled tables of a PDF page, and tables continuing over page breaks.

`ruled_tables(page)` reads a page's words and ruling edges and writes `PageTable`s (grid of cells,
horizontal and vertical merges from missing borders) plus the words not inside any table; a cell's
lines are joined, except where a line ended short of the cell (a new paragraph in the cell: kept
as a newline). `continue_table(prev, cur)` merges a table that runs on from the previous page: its
repeated header rows are dropped (worded the same or as another Stt variant), a row cut by the
page break (its number cell empty, or every cell carrying on) is joined back onto the last row.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Cell, Source
from .pdf_lines import broken_inside, group_lines, join_text


@dataclass
class PageTable:
    page: int
    bbox: tuple
    xs: list                    # column boundaries
    rows: list                  # list[list[Cell]]
    pages: list = field(default_factory=list)
    gutters: list = field(default_factory=list)   # unruled tables: the white column gaps (a, b)


def _merge_edges(edges: list, kind: str) -> list:
    """Collinear edges of one kind joined where they touch: [pos, a, b]."""
    items = sorted((e.pos, e.a, e.b) for e in edges if e.kind == kind)
    out: list = []
    for pos, a, b in items:
        for m in reversed(out[-8:]):
            if abs(m[0] - pos) <= 1.0 and a <= m[2] + 2 and b >= m[1] - 2:
                m[1], m[2] = min(m[1], a), max(m[2], b)
                break
        else:
            out.append([pos, a, b])
    return out


def _cluster(values: list, tol: float = 2.0) -> list:
    out: list = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        p = self.parent.setdefault(x, x)
        while p != self.parent[p]:
            self.parent[p] = self.parent[self.parent[p]]
            p = self.parent[p]
        return p

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def ruled_tables(page) -> tuple:
    """(tables, words outside tables) of a `PageText`."""
    hs, vs = _merge_edges(page.edges, "h"), _merge_edges(page.edges, "v")
    if len(hs) < 2 or len(vs) < 2:
        return [], page.words
    uf = _Union()
    for i, h in enumerate(hs):
        uf.find(("h", i))
        for j, v in enumerate(vs):
            if v[1] - 2 <= h[0] <= v[2] + 2 and h[1] - 2 <= v[0] <= h[2] + 2:
                uf.union(("h", i), ("v", j))
    groups: dict = {}
    for key in list(uf.parent):
        groups.setdefault(uf.find(key), []).append(key)
    tables, used = [], set()
    for members in groups.values():
        gh = [hs[i] for k, i in members if k == "h"]
        gv = [vs[i] for k, i in members if k == "v"]
        if len(gh) < 2 or len(gv) < 2:
            continue
        table, inside = _grid_table(page, gh, gv)
        if table is not None:
            tables.append(table)
            used |= inside
    tables.sort(key=lambda t: t.bbox[1])
    rest = [w for k, w in enumerate(page.words) if k not in used]
    return tables, rest


def _covers(edges: list, pos: float, a: float, b: float) -> bool:
    """Is there an edge at `pos` covering most of a..b?"""
    need = 0.6 * (b - a)
    return any(abs(e[0] - pos) <= 2.0 and min(e[2], b) - max(e[1], a) >= need for e in edges)


def _grid_table(page, gh: list, gv: list):
    ys = _cluster([h[0] for h in gh])
    xs = _cluster([v[0] for v in gv])
    if len(ys) < 2 or len(xs) < 2:
        return None, set()
    nr, nc = len(ys) - 1, len(xs) - 1
    uf = _Union()
    for r in range(nr):
        for c in range(nc):
            uf.find((r, c))
            if c + 1 < nc and not _covers(gv, xs[c + 1], ys[r], ys[r + 1]):
                uf.union((r, c), (r, c + 1))
            if r + 1 < nr and not _covers(gh, ys[r + 1], xs[c], xs[c + 1]):
                uf.union((r, c), (r + 1, c))
    x0, y0, x1, y1 = xs[0], ys[0], xs[-1], ys[-1]
    words: dict = {}
    inside = set()
    for k, w in enumerate(page.words):
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        if not (x0 <= cx <= x1 and y0 <= cy <= y1):
            continue
        c = min(max(bisect_right(xs, cx) - 1, 0), nc - 1)
        r = min(max(bisect_right(ys, cy) - 1, 0), nr - 1)
        words.setdefault(uf.find((r, c)), []).append(w)
        inside.add(k)
    if nr * nc < 2 or (nc < 2 and nr < 2):
        return None, set()
    if nc == 1:   # a framed box of text, not a table
        return None, set()
    extent: dict = {}   # component -> [r0, c0, r1, c1]
    for r in range(nr):
        for c in range(nc):
            e = extent.setdefault(uf.find((r, c)), [r, c, r, c])
            e[2], e[3] = max(e[2], r), max(e[3], c)
    texts: dict = {}
    cell_lines = {comp: group_lines(ws, page.number) for comp, ws in words.items()}
    # the cell padding: the offset from its left border of a cell set flush left (two lines or
    # more starting at one x and ending at different ones); else, per column, the least offset of its text (a column of centred
    # cells then takes its widest line for the width, so only a sure break is kept)
    flush = [ls[0].x0 - xs[extent[comp][1]] for comp, ls in cell_lines.items()
             if len(ls) > 1 and max(l.x0 for l in ls) - min(l.x0 for l in ls) < 1.0
             and max(l.x1 for l in ls) - min(l.x1 for l in ls) > 4.0]   # ragged right: not centred
    pads: dict = {}
    for comp, ls in cell_lines.items():
        c0 = extent[comp][1]
        pads[c0] = min(pads.get(c0, 1e9), min(l.x0 for l in ls) - xs[c0])
    if flush:
        pads = {c: min(p, min(flush)) for c, p in pads.items()}
    for comp, lines in cell_lines.items():
        r0, c0, r1, c1 = extent[comp]
        texts[comp] = join_text(lines, right=xs[c1 + 1], left=xs[c0], pad=max(pads[c0], 0.0))
    rows: list = []
    for r in range(nr):
        cells: list = []
        last = None
        for c in range(nc):
            comp = uf.find((r, c))
            if comp == last:
                cells[-1].span += 1
                continue
            last = comp
            r0, c0, r1, c1 = extent[comp]
            bbox = (round(xs[c0], 1), round(ys[r0], 1), round(xs[c1 + 1], 1), round(ys[r1 + 1], 1))
            cells.append(Cell(texts.get(comp, ""), Source(page=page.number, bbox=bbox),
                              merged=r0 < r and bool(texts.get(comp))))
        if any(cell.text for cell in cells):
            rows.append(cells)
    if not rows:
        return None, set()
    bbox = (round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1))
    return PageTable(page.number, bbox, xs, rows, [page.number]), inside


# ---------------------------------------------------------------------------- across pages
_STT = {"stt", "tt", "sốthứtự", "sốtt", "thứtự", "số", "no"}
_NORM = re.compile(r"[\W_]+")


def _norm(text: str) -> str:
    return _NORM.sub("", text.casefold())


def same_columns(a: PageTable, b: PageTable) -> bool:
    """The same columns: borders within 4 pt, or for tables without ruling, gutters overlapping."""
    if len(a.xs) != len(b.xs):
        return False
    if a.gutters and b.gutters:
        return all(p0 < q1 and q0 < p1 for (p0, p1), (q0, q1) in zip(a.gutters, b.gutters))
    return all(abs(p - q) <= 4 for p, q in zip(a.xs, b.xs))


def is_header_repeat(row: list, header: list) -> bool:
    """Is `row` the header row again (same words, or the Stt column named another way)?"""
    if len(row) != len(header):
        return False
    texts, heads = [_norm(c.text) for c in row], [_norm(c.text) for c in header]
    if texts[0] and texts[0].isdigit():
        return False
    score = 0
    for k, (t, h) in enumerate(zip(texts, heads)):
        if t == h or (k == 0 and t in _STT and h in _STT):
            score += 1
        elif t and h and SequenceMatcher(None, t, h).ratio() >= 0.75:
            score += 1
    return score * 2 > len(row)


def _is_column_numbers(row: list) -> bool:
    nums = [re.sub(r"[()\s]", "", c.text) for c in row]
    return len(nums) > 2 and all(n.isdigit() for n in nums) and [int(n) for n in nums] == list(
        range(int(nums[0]), int(nums[0]) + len(nums)))


def _same_row(a: list, b: list) -> bool:
    return len(a) == len(b) and all(_norm(x.text) == _norm(y.text) for x, y in zip(a, b))


def _carries_on(cell_text: str) -> bool:
    """Does a cell's text start in the middle of something (lower case, or a dash or comma going
    on from the line above: "- 9h00" after "8h30")?"""
    head = cell_text.lstrip()[:1]
    return head.islower() or head in "-–,;)"


def continue_table(prev: PageTable, cur: PageTable) -> None:
    """Append `cur` (the same table on the next page) to `prev`: repeated header rows (one or
    more, worded the same) and a row of column numbers are dropped; a first row whose number cell
    is empty, or whose cells all carry on from the row above, is the end of the row cut by the
    page break."""
    rows = list(cur.rows)
    if rows and prev.rows and is_header_repeat(rows[0], prev.rows[0]):
        rows.pop(0)
        k = 1
        while rows and k < len(prev.rows) - 1 and _same_row(rows[0], prev.rows[k]):
            rows.pop(0)   # the header repeats several rows (a group row set to repeat with it)
            k += 1
    if rows and _is_column_numbers(rows[0]):
        rows.pop(0)
    if rows and prev.rows:
        first, last = rows[0], prev.rows[-1]
        filled = [c.text for c in first if c.text]
        if len(first) == len(last) and len(first) > 1 and filled and (
                (not first[0].text and any(c.text for c in first[1:]))
                or all(_carries_on(t) for t in filled)):
            for a, b in zip(last, first):
                if b.text and not b.merged:
                    a.text = (a.text + b.text if broken_inside(a.text, b.text, False)
                              else f"{a.text} {b.text}".strip())
            rows.pop(0)
    prev.rows.extend(rows)
    prev.pages.append(cur.page)
