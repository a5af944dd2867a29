"""Outline: body paragraphs -> section tree and passages.

Reads the body's `Paragraph` blocks (text, or a label rendered by the Word reader). Writes a tree
of `Section` (headings, with their literal numbers) and one `Passage` per paragraph placed in it.

The level of a marker style ("I-", "1.", "1.1.", "(1)", "a)", "A.", "-") is learnt from the order
in which the document uses it: a style seen before closes the deeper ones (a sibling), a new
style opens a level below (a child). Numbered sentences ("1. Hội đồng nhân dân huyện ban hành
… .") are items, not headings; "1. Mục đích: Cụ thể hóa …" is the heading "Mục đích" followed by
its text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

import regex

from .deadlines import opens_with_deadline
from .model import Paragraph, Passage, Section, Source
from .units import UNIT_START as _UNIT_START

_ROMAN_RE = r"(?:(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))"
_MARKER = regex.compile(
    r"^\s*(?P<m>"
    r"(?P<kw>(?:Phần|PHẦN|Mục|MỤC|Chương|CHƯƠNG|Phụ lục|PHỤ LỤC|Phụ Lục)\s+(?:[IVXLC]+|\d+|[A-Z])\b\s*[.:\-–]?)"
    rf"|(?P<roman>{_ROMAN_RE})(?P<rp>\s*[.\-–:)]|\s+(?=\p{{Lu}}{{2}}))"
    r"|(?P<dec>\d{1,3}(?:\s*\.\s*\d{1,3})*)(?P<dp>\s*[.\-–)/]?)(?=\s|$)"
    r"|(?P<dec2>\d{1,3}(?:\.\d{1,3})+)(?=\s)"
    r"|\(\s*(?P<par>\d{1,3}|[a-zđ]|[IVX]+)\s*\)(?P<pp>\.?)"
    r"|(?P<up>[A-ZĐ])(?P<upp>\s*[.)\-–])(?=\s)"
    r"|(?P<low>[a-zđ])(?P<lp>\s*[).]|-)(?=\s)"
    r"|(?P<bul>[-+•●▪■◦–—*])"
    r")\s*"
)
_HEADING_WORDS = 40
_SENT_END = re.compile(r"[.;,]\s*$|\./\.\s*$")
# a trailing remark that points elsewhere is no part of a heading's title (the passage keeps it)
_NOTE_TAIL = re.compile(r"\s*\((?=[^()]*(?:phụ lục|kèm theo))[^()]*\)\s*$", re.I)
# "Phụ lục 2 kèm theo Kế hoạch này.": a sentence pointing to an appendix, not its heading
_APPENDIX_REFERENCE = re.compile(r"^Phụ lục\s+(?:[\dIVXLC]+[a-z]?\s+)?(?P<w>[^\W\d_])")


def _is_appendix_reference(text: str) -> bool:
    m = _APPENDIX_REFERENCE.match(text)
    return bool(m) and m.group("w").islower()


_COLON_SPLIT = re.compile(r"^(?P<title>[^:;]{2,80}?)\s*:\s+(?P<rest>\S.*)$", re.S)


@dataclass
class Marker:
    raw: str       # "II-", "1.1.", "(1)", "a)", "-"
    style: str     # a key of the marker's style: "roman-", "dec1.", "dec2", "(dec)", "low)", "bul-"
    number: Optional[str]  # literal number: "II", "1.1", "(1)", "a"; None for bullets
    kind: str      # roman | dec | paren | upper | lower | bullet | keyword


def parse_marker(text: str) -> Tuple[Optional[Marker], str]:
    """Split the numbering marker off a paragraph: ("II- MỤC TIÊU") -> (Marker(II), "MỤC TIÊU")."""
    m = _MARKER.match(text)
    if not m or m.end() == 0:
        return None, text
    rest = text[m.end():]
    raw = m.group("m").strip()
    if m.group("kw"):
        if not re.search(r"[.:\-–]$", raw) and re.match(r"^[^\W\d_]", rest) and rest[0].islower() \
                and not raw.isupper():
            return None, text  # "Phụ lục 2 kèm theo …", "Điều 5 của Luật": a reference, no heading
        word = raw.split()[0].capitalize()
        if word == "Phụ":
            word = "Phụ lục"
        num = re.sub(r"[.:\-–]$", "", raw).strip()
        return Marker(raw, "kw-" + word.lower(), num, "keyword"), rest
    if m.group("roman"):
        if not rest.strip():
            return None, text
        p = (m.group("rp") or "").strip() or " "
        return Marker(raw, "roman" + p, m.group("roman"), "roman"), rest
    if m.group("dec") is not None:
        num = re.sub(r"\s+", "", m.group("dec"))
        p = (m.group("dp") or "").strip()
        depth = num.count(".") + 1
        if depth == 1 and not p:
            # "2022 và 2023", "100% …", "5 năm …": a bare number is no marker
            return None, text
        if depth == 1 and p == "/" :
            return None, text
        return Marker(raw, f"dec{depth}" + (p if depth == 1 else ""), num, "dec"), rest
    if m.group("dec2"):
        num = m.group("dec2")
        return Marker(raw, f"dec{num.count('.') + 1}", num, "dec"), rest
    if m.group("par"):
        inner = m.group("par")
        kind = "paren-num" if inner.isdigit() else ("paren-roman" if inner.isupper() else "paren-low")
        return Marker(raw, kind, f"({inner})", "paren"), rest
    if m.group("up"):
        return Marker(raw, "upper" + m.group("upp").strip(), m.group("up"), "upper"), rest
    if m.group("low"):
        return Marker(raw, "lower" + m.group("lp").strip(), m.group("low"), "lower"), rest
    if m.group("bul"):
        b = m.group("bul")
        if b == "*" and not rest.strip():
            return None, text
        return Marker(raw, "bul" + ("-" if b in "-–—" else b), None, "bullet"), rest
    return None, text


def marker_from_label(label: str) -> Optional[Marker]:
    """A Marker for a label the Word reader rendered from automatic numbering."""
    mk, rest = parse_marker(label.strip() + " x")
    return mk


def _is_heading(mk: Marker, title: str, para: Paragraph) -> bool:
    t = title.strip()
    if not t or mk.kind == "bullet":
        return False
    words = len(t.split())
    if mk.kind in ("keyword",):
        return words <= 60
    caps = t.upper() == t and any(c.isalpha() for c in t)
    if mk.kind in ("roman", "upper"):
        return words <= 50 and not t.endswith((";", ","))
    if para.bold and words <= _HEADING_WORDS:
        return True
    if caps and words <= 50:
        return True
    if _SENT_END.search(t):
        return False
    return words <= 35


def _follows(prev: Optional[str], cur: Optional[str]) -> bool:
    """Is number `cur` the one after `prev` in the same series ("2.1" -> "2.2", "(1)" -> "(2)", "a" -> "b")?"""
    if not prev or not cur:
        return False
    a, b = prev.strip("()").split("."), cur.strip("()").split(".")
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    x, y = a[-1], b[-1]
    if x.isdigit() and y.isdigit():
        return int(y) == int(x) + 1
    return len(x) == len(y) == 1 and x.isalpha() and ord(y) == ord(x) + 1


def heading_label(s: Section) -> str:
    """How a heading stands in a passage's path: "II. MỤC TIÊU", or the title alone."""
    return f"{s.number}. {s.title}" if s.number else s.title


@dataclass
class OutlineResult:
    sections: List[Section]          # the tree (top-level sections)
    passages: List[Passage]          # every body paragraph, in order
    by_id: dict                      # section id -> Section
    parent: dict                     # section id -> parent section id (None at top)

    def path(self, sid: Optional[str]) -> List[str]:
        """Headings enclosing section `sid` and itself, outermost first."""
        out = []
        while sid:
            out.append(heading_label(self.by_id[sid]))
            sid = self.parent.get(sid)
        return out[::-1]


class OutlineBuilder:
    """Feeds paragraphs one at a time (so tables between paragraphs see the current section)."""

    def __init__(self) -> None:
        self.roots: List[Section] = []
        self.stack: List[Tuple[str, Section]] = []  # (style, section)
        self.by_id: dict = {}
        self.parent: dict = {}
        self.passages: List[Passage] = []
        self._n = 0
        self._items: dict = {}   # marker style of a numbered item -> (its number, depth of the stack under it)

    @property
    def current(self) -> Optional[Section]:
        return self.stack[-1][1] if self.stack else None

    def path(self) -> List[str]:
        return [heading_label(s) for _, s in self.stack]

    def _open(self, mk: Marker, title: str, source: Source) -> Section:
        style = mk.style
        styles = [st for st, _ in self.stack]
        if mk.kind == "keyword" and style.startswith("kw-phụ lục"):
            self.stack = []  # an appendix starts a new top level
        elif style in styles:
            del self.stack[styles.index(style):]
        elif mk.kind == "roman" and any(st.startswith("roman") for st in styles):
            # "I-" and "II." are the same level even when written differently
            i = next(k for k, st in enumerate(styles) if st.startswith("roman"))
            del self.stack[i:]
        self._n += 1
        sec = Section(id=f"S{self._n}", number=mk.number, title=title, level=len(self.stack),
                      marker=mk.raw, source=source)
        if self.stack:
            self.stack[-1][1].children.append(sec)
            self.parent[sec.id] = self.stack[-1][1].id
        else:
            self.roots.append(sec)
            self.parent[sec.id] = None
        self.stack.append((style, sec))
        self.by_id[sec.id] = sec
        return sec

    def add(self, para: Paragraph) -> List[Passage]:
        """Place one paragraph; returns the passages it gave (a heading with text after a colon
        gives two)."""
        out: List[Passage] = []
        for text, label_first in _split_lines(para):
            out.extend(self._add_line(para, text, label_first))
        self.passages.extend(out)
        return out

    def _add_line(self, para: Paragraph, text: str, use_label: bool) -> List[Passage]:
        mk: Optional[Marker] = None
        if use_label and para.label:
            mk = marker_from_label(para.label)
            body = text
        else:
            mk, body = parse_marker(text)
        body = body.strip()
        if mk is not None and mk.kind == "bullet":
            self._promote_short_item()
        cur = self.current
        if mk is None and cur is not None and not cur.title and body and len(body.split()) <= 25 \
                and self.passages and self.passages[-1].section == cur.id and self.passages[-1].heading:
            cur.title = _NOTE_TAIL.sub("", body).rstrip(" :")  # "PHỤ LỤC I" ⏎ "DANH MỤC …"
            return [Passage(body, para.source, None, cur.id, self.path(), heading=True)]
        if mk is None:
            # an unnumbered "PHỤ LỤC" heading starts the appendix part
            if re.match(r"^(PHỤ LỤC|Phụ lục)\b", body) and len(body.split()) <= 12 and \
                    not (_is_appendix_reference(body) and not para.bold):
                mk = Marker("Phụ lục", "kw-phụ lục", None, "keyword")
                sec = self._open(mk, body, para.source)
                return [Passage(body, para.source, None, sec.id, self.path(), heading=True)]
            sec = self.current
            return [Passage(body, para.source, None, sec.id if sec else None, self.path())]
        if mk.kind == "keyword" and mk.style == "kw-phụ lục" and not body:
            sec = self._open(mk, "", para.source)  # "PHỤ LỤC I" alone: its title follows
            return [Passage(body, para.source, mk.raw, sec.id, self.path(), heading=True)]
        if _is_heading(mk, body, para):
            sec = self._open(mk, _NOTE_TAIL.sub("", body).rstrip(" :"), para.source)
            return [Passage(body, para.source, mk.raw, sec.id, self.path(), heading=True)]
        m = _COLON_SPLIT.match(body)
        if m and mk.kind != "bullet" and len(m.group("title").split()) <= 12 and not re.search(r"\d", m.group("title")[-3:]) \
                and not opens_with_deadline(m.group("rest")) and not re.search(r"[.;!?]\s", m.group("title")):
            sec = self._open(mk, m.group("title").strip(), para.source)
            head = Passage(m.group("title").strip(), para.source, mk.raw, sec.id, self.path(), heading=True)
            return [head, Passage(m.group("rest").strip(), para.source, None, sec.id, self.path())]
        if mk.kind != "bullet":
            self._close_for_item(mk)
        sec = self.current
        return [Passage(body, para.source, mk.raw, sec.id if sec else None, self.path())]

    def _close_for_item(self, mk: Marker) -> None:
        """An item that continues the numbering of an earlier item ("2.1." … "(1)", "(2)" headings …
        "2.2.") or of a heading stands where that one stood: the headings opened since are closed."""
        styles = [st for st, _ in self.stack]
        seen = self._items.get(mk.style)
        if mk.style in styles:
            # "2. Các bộ, ngành:" (a heading) … "3. Đài Truyền hình … phối hợp …." (an item): its sibling
            i = styles.index(mk.style)
            if _follows(self.stack[i][1].number, mk.number):
                del self.stack[i:]
        elif seen and _follows(seen[0], mk.number) and seen[1] < len(self.stack):
            del self.stack[seen[1]:]
        self._items[mk.style] = (mk.number, len(self.stack))

    def _promote_short_item(self) -> None:
        """"2. Hình thức." with bullets under it, after the heading "1. Nội dung": a short numbered
        line ending in a stop, whose sibling is a heading and which bullets follow, is a heading."""
        if not self.passages or not self.stack:
            return
        last = self.passages[-1]
        if last.heading or not last.marker or last.origin != "text":
            return
        mk, _ = parse_marker(last.marker + " x")
        if mk is None or mk.kind not in ("dec", "lower", "upper", "paren"):
            return
        title = last.text.strip()
        words = len(title.split())
        if not title.endswith(".") or title.count(".") > 1 or _UNIT_START.match(title):
            return
        styles = [st for st, _ in self.stack]
        # after a sibling heading it may be a longer title; the first of its level stays short
        if not (words <= 12 and mk.style == styles[-1] or words <= 6 and mk.style not in styles):
            return
        sec = self._open(mk, title.rstrip(". "), last.source)
        last.section, last.path, last.heading = sec.id, self.path(), True

    def result(self) -> OutlineResult:
        return OutlineResult(self.roots, self.passages, self.by_id, self.parent)


def _split_lines(para: Paragraph):
    """A Word paragraph may hold soft line breaks: each line that starts a numbered item is a
    paragraph of its own; other lines continue the one before."""
    text = para.text
    if "\n" not in text:
        yield text, True
        return
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    cur = ""
    first = True
    for ln in lines:
        mk, _ = parse_marker(ln)
        if cur and mk is not None:
            yield cur, first
            first = False
            cur = ln
        else:
            cur = (cur + " " + ln).strip() if cur else ln
    if cur:
        yield cur, first


def build_outline(paragraphs: List[Paragraph]) -> OutlineResult:
    b = OutlineBuilder()
    for p in paragraphs:
        b.add(p)
    return b.result()
