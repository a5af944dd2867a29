"""Words -> lines, and lines -> paragraphs, for the PDF reader.

`group_lines(words)` reads the words of a page (or of one table cell) and writes `Line`s in reading
order (top to bottom, words left to right), split into segments at wide gaps. `join_lines(texts)`
writes one string for the lines of a paragraph, gluing a token the line broke inside ("NĐ-" + "CP",
"30/6/202" + "4") without a space. `join_text(lines)` does the same for the lines of a table cell
and keeps a line break where the cell's line ended short (a new paragraph in the cell: one name per
line, a deadline on its own line). `paragraph_breaks(lines, left, right)` decides where a new
paragraph starts in running text: at a numbering marker, an indent, a wider gap, a change of font
at the line break, or after a line ending a sentence or one that did not reach the right margin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from statistics import median


@dataclass
class Line:
    words: list                  # list[Word], left to right
    page: int = 0
    segments: list = field(default_factory=list)   # list[list[Word]] split at wide gaps

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def base(self) -> float:
        return self.words[0].base

    @cached_property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def bold(self) -> bool:
        chars = sum(len(w.text) for w in self.words)
        return sum(len(w.text) for w in self.words if w.bold) * 2 > chars

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def bbox(self) -> tuple:
        return (round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))


def group_lines(words: list, page: int = 0, gap: float = 1.6) -> list:
    """Words -> lines: words whose baselines lie within a third of the font size share a line.
    Segments break where the horizontal gap exceeds `gap` times the font size."""
    if not words:
        return []
    words = sorted(words, key=lambda w: (w.base, w.x0))
    lines: list = []
    cur = [words[0]]
    for w in words[1:]:
        ref = cur[-1]
        if abs(w.base - ref.base) <= 0.35 * max(w.size, ref.size):
            cur.append(w)
        else:
            lines.append(cur)
            cur = [w]
    lines.append(cur)
    out = []
    for ws in lines:
        ws.sort(key=lambda w: w.x0)
        segs = [[ws[0]]]
        for a, b in zip(ws, ws[1:]):
            if b.x0 - a.x1 > gap * max(a.size, b.size):
                segs.append([b])
            else:
                segs[-1].append(b)
        out.append(Line(ws, page, segs))
    return out


# a line ending in the middle of a token: the next line carries on without a space
_BROKEN_TAIL = re.compile(r"(?:\d[/.\-]?|[/\-])$")
_BROKEN_HEAD = re.compile(r"^(?:\d|[/\-]\d)")
# a symbol or compound wrapped after its "/" or "-" ("12/2024/NĐ-" + "CP", "Số: 15/" + "KH-UBND"):
# the separator is glued to the text before it; a dash standing alone ("10 -" + "11/2025") is not
_GLUED_TAIL = re.compile(r"\w[/\-]$")
_WORD_HEAD = re.compile(r"^\w")


def broken_inside(prev_text: str, next_text: str, filled: bool) -> bool:
    """Did a line end inside a token? A symbol wrapped after a glued "/" or "-" ("NĐ-" + "CP"),
    digits and date separators on both sides of the break ("30/6/202" + "4", "31/12/" + "2024",
    "Quý II/202" + "4"), or a line that filled its cell and ends in letters that continue on the
    next line without a space (a word cut by a narrow column, "Thườ" + "ng"). A dash standing
    alone at the line end ("10 -" + "11/2025") keeps its space."""
    if not prev_text or not next_text:
        return False
    if _GLUED_TAIL.search(prev_text) and _WORD_HEAD.match(next_text):
        return True
    if prev_text.endswith((" -", " /")):
        return False
    if _BROKEN_TAIL.search(prev_text) and _BROKEN_HEAD.match(next_text):
        tail = prev_text.rsplit(" ", 1)[-1]
        return "/" in tail or "-" in tail or "/" in next_text.split(" ", 1)[0] or filled
    if filled and prev_text[-1].isalpha() and next_text[0].isalpha() and next_text[0].islower():
        from ..text.syllable import is_syllable
        tail = prev_text.rsplit(" ", 1)[-1]
        head = next_text.split(" ", 1)[0].rstrip(",.;:")
        joined = tail + head
        return not (is_syllable(tail.lower()) and is_syllable(head.lower())) and is_syllable(joined.lower())
    return False


def join_lines(texts: list) -> str:
    """The lines of one paragraph as one string: a space between lines unless the break fell
    inside a token ("NĐ-" + "CP", "30/6/" + "2024")."""
    out = ""
    for text in texts:
        if not out:
            out = text
        elif broken_inside(out, text, False):
            out += text
        else:
            out += " " + text
    return out


def join_text(lines: list, right: float | None = None, left: float | None = None,
              pad: float | None = None) -> str:
    """The text of lines that belong together (a table cell), one space between lines unless the
    break fell inside a token. `right` is the inner right edge the lines could reach; with `left`
    too (the cell's left border) a line that ended short of the cell's width, so that the next
    line's first word would have fitted, ends a paragraph of the cell: the break is kept as a
    newline (one unit or one deadline per line, as the Word cell had them). `pad`: the cell
    padding of the table (else the cell's own left offset is taken). A line that filled the cell
    gives no sign: it is joined with a space ("Viễn thông tỉnh" / "UBND cấp xã" in a cell just that
    wide reads as one)."""
    if not lines:
        return ""
    parts = [lines[0].text]
    seps: list = []
    if pad is None and left is not None:
        pad = min(l.x0 for l in lines) - left
    flush_left = (len(lines) > 1 and max(l.x0 for l in lines) - min(l.x0 for l in lines) < 1.0
                  and max(l.x1 for l in lines) - min(l.x1 for l in lines) > 4.0)
    for prev, nxt in zip(lines, lines[1:]):
        text = nxt.text
        filled = right is not None and right - prev.x1 < 1.2 * prev.size
        if broken_inside(parts[-1], text, filled):
            parts[-1] += text
            continue
        sep = " "
        if pad is not None and right is not None:
            inner = (left + pad, right - pad)   # the cell's inner edges, padding alike on both sides
            head = next((k for k, w in enumerate(nxt.words) if any(ch.isalnum() for ch in w.text)), 0)
            word = nxt.words[head].x1 - nxt.words[0].x0   # a dash goes with the word after it
            if nxt.x0 - inner[0] < 1.0 or flush_left:   # set from the left: the room at the right
                room = inner[1] - prev.x1
            else:                         # centred: the room on both sides
                room = (inner[1] - inner[0]) - (prev.x1 - prev.x0)
            if room > word + 0.6 * max(prev.size, nxt.size):   # the word, a space and a margin
                sep = "\n"
        parts.append(text)
        seps.append(sep)
    out = parts[0]
    for sep, text in zip(seps, parts[1:]):
        out += sep + text
    return out


# ---------------------------------------------------------------------------- letterhead cells
# the fixed lines of a letterhead, which a narrow cell wraps ("CỘNG HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM")
_FIXED_LINES = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam",
                "doc lap - tu do - hanh phuc")
_DATE_OPEN = re.compile(r"\bngày\b", re.I)
_DATE_DONE = re.compile(r"(?:\bnăm\s*\d{4}|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4})\s*$", re.I)
_DATE_GOES_ON = re.compile(r"^(?:\d|tháng\b|năm\b|ngày\b)", re.I)
_LABEL_ALONE = re.compile(r"^Số\s*:?$", re.I)


def _fold_words(text: str) -> str:
    from ..text.fold import ascii_fold
    return " ".join(ascii_fold(text).replace("–", "-").split())


def _wrapped_fixed_line(prev: str, nxt: str) -> bool:
    joined = _fold_words(prev + " " + nxt)
    return any(p.startswith(joined) or joined.startswith(p + " ") or joined == p
               for p in _FIXED_LINES) and not any(_fold_words(prev) == p for p in _FIXED_LINES)


def rejoin_head_lines(texts: list) -> list:
    """The lines of a letterhead cell with the lines a narrow cell wrapped put back together: the
    motto or party line ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" + "VIỆT NAM"), a place and date cut before its
    year ("…, ngày 05 tháng 4 năm" + "2025"), a number cut after its label or inside its symbol
    ("Số: 15/KH-" + "UBND"). Other lines stay apart (the issuer's lines are the writer's)."""
    out: list = []
    for text in texts:
        if out:
            prev = out[-1]
            if broken_inside(prev, text, False):
                out[-1] = prev + text
                continue
            if (_wrapped_fixed_line(prev, text) or _LABEL_ALONE.match(prev)
                    or (_DATE_OPEN.search(prev) and not _DATE_DONE.search(prev) and _DATE_GOES_ON.match(text))
                    or (prev.endswith(",") and _DATE_OPEN.match(text))):
                out[-1] = prev + " " + text
                continue
        out.append(text)
    return out


# ---------------------------------------------------------------------------- paragraphs
MARKER = re.compile(
    r"^(?:[IVXLC]{1,6}\s*[.\-–):]|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.\-–)/](?!\d)|\(\d{1,2}\)|"
    r"[a-zđ]\s*[).]|[-+•–—*·▪➢✓]\s|\(?[a-zđ]\)|(?:Điều|Mục|Phần|Chương)\s+\d)"
)
_SENTENCE_END = re.compile(r"(?:[.!?:;…]|\./\.)[\"”’)]*$")
_OPENERS = "\"“‘("


def _starts_upper(text: str) -> bool:
    """Does the text start (after opening quotes or a bracket) with a capital letter or a digit?"""
    head = text.lstrip(_OPENERS)[:1]
    return head.isupper() or head.isdigit()


def is_centered(line: Line, left: float, right: float, strict: bool = True) -> bool:
    """Is the line centred between the margins (and, when strict, clearly shorter than them)?"""
    mid = (left + right) / 2
    return (abs((line.x0 + line.x1) / 2 - mid) < max(6.0, 0.03 * (right - left))
            and (not strict or line.x0 > left + 2 * line.size))


def paragraph_breaks(lines: list, left: float, right: float, pitch: float | None = None,
                     marked: bool = False) -> list:
    """For each line after the first, True when it starts a new paragraph. `marked`: the
    document sets its paragraphs apart (a first-line indent or a space between them), so a line
    carrying on at the margin after a sentence that happened to end at the line end is the same
    paragraph (an item and its "Giao ..." sentence)."""
    if pitch is None:
        pitch = line_pitch(lines)
    out = []
    for prev, nxt in zip(lines, lines[1:]):
        out.append(_starts_paragraph(prev, nxt, left, right, pitch, marked))
    return out


def line_pitch(lines: list):
    """The usual distance between baselines of consecutive lines on a page, or None."""
    deltas = [b.base - a.base for a, b in zip(lines, lines[1:])
              if a.page == b.page and 0 < b.base - a.base < 3 * a.size]
    return median(deltas) if deltas else None


def paragraphs_marked(lines: list, margins: dict, pitch) -> bool:
    """Is the text justified, with its paragraphs set apart by a first-line indent or a wider gap?
    The indent or gap is looked at after every line that ends a sentence short of the margin
    (surely a paragraph's last line). Ragged-right text is never taken as marked: where its lines
    end says nothing about a paragraph's end. `margins`: page -> (left, right)."""
    marked = total = full = long = 0
    for prev, nxt in zip(lines, lines[1:]):
        left, right = margins.get(prev.page, (0.0, 1e9))
        x1 = prev.words[-1].x1
        if x1 > right - 0.15 * (right - left):
            long += 1
            full += abs(x1 - right) < 1.5
            continue
        if prev.page != nxt.page or x1 > left + 0.75 * (right - left) or \
                not _SENTENCE_END.search(prev.words[-1].text):
            continue
        total += 1
        size = max(prev.size, nxt.size)
        if nxt.x0 > left + 0.8 * size or (pitch and nxt.base - prev.base > 1.2 * pitch):
            marked += 1
    return total >= 3 and marked >= 0.8 * total and long >= 5 and full >= 0.7 * long


def _starts_paragraph(prev: Line, nxt: Line, left: float, right: float, pitch,
                      marked: bool = False) -> bool:
    psize, nsize = prev.size, nxt.size
    size = max(psize, nsize)
    # a change of font at the line break (a bold lead-in that carries on in plain text is no break)
    if abs(psize - nsize) > 1.0 or (prev.words[-1].bold != nxt.words[0].bold and prev.bold != nxt.bold):
        return True
    if prev.page == nxt.page and pitch and nxt.base - prev.base > 1.3 * pitch + 1:
        return True
    if prev.page != nxt.page and is_centered(nxt, left, right) and not is_centered(prev, left, right, strict=False):
        return True   # a heading centred at the top of the next page (after a signer's name)
    text = nxt.text
    prev_text = prev.text
    centered = is_centered(prev, left, right, strict=False) and is_centered(nxt, left, right)
    first_word = nxt.words[0].x1 - nxt.words[0].x0
    room = (right - left) - (prev.x1 - prev.x0) if centered else right - prev.x1
    short = room > first_word + 0.6 * size
    indented = not centered and nxt.x0 > left + 0.8 * size and nxt.x0 - prev.x0 > 0.8 * size
    ends = bool(_SENTENCE_END.search(prev_text))
    if short or indented:
        return True
    # a line set at the same indent as an indented line above: wrapped lines go back to the
    # margin, so both are first lines ("3. Giải pháp" / "3.1. Về vốn")
    same_indent = abs(nxt.x0 - prev.x0) < 1.0 and prev.x0 > left + 0.8 * size
    if MARKER.match(text) and (ends or same_indent or (abs(nxt.x0 - prev.x0) < 1.0 and prev.bold and nxt.bold)):
        return True
    if ends and (not marked or same_indent) and _starts_upper(text) and not prev_text.endswith((",", "v.v.")):
        return True
    return False
