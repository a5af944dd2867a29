"""PDF page -> words and ruling lines, through pypdfium2 (PDFium's text and object APIs).

Reads one `pypdfium2.PdfPage`; writes `Word`s (text, box in points with the origin at the top left,
baseline, font size, bold, legacy encoding converted by font name) and `Edge`s (horizontal and
vertical strokes, the borders of ruled tables). Words come from PDFium's text with the spaces and
line breaks PDFium inserts, cut by a regex, so the Python work is per word, not per character.
Glyphs without a Unicode mapping are kept aside as unreadable words, never passed on as text.
"""
from __future__ import annotations

import ctypes
import re
from collections import Counter
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..text.garble import verdict


@dataclass(slots=True)
class Word:
    """A run of non-space characters on one line. Coordinates in points, top-left origin."""
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    base: float     # baseline
    size: float
    bold: bool = False
    conf: float | None = None   # OCR confidence 0..1 (None: from the text layer)


@dataclass(slots=True)
class Edge:
    """A horizontal (`h`) or vertical (`v`) stroke: `pos` is its y (h) or x (v); `a`..`b` its extent."""
    kind: str
    pos: float
    a: float
    b: float


@dataclass
class PageText:
    number: int          # 1-based
    width: float
    height: float
    words: list          # list[Word]
    edges: list          # list[Edge]
    unreadable: list     # list[Word] whose glyphs have no Unicode mapping
    chars: int = 0       # characters in the text layer (0: a scan)


# PDFium writes a hyphen that ends a line (a word or symbol wrapped at "-") as U+FFFE and drops the
# line break after it: the token ends there, keeping the hyphen, and the next line's token starts anew
_TOKEN = re.compile(r"[^\s\ufffe]+\ufffe?|\ufffe")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd\ufffe\uffff]")


def _legacy():
    """The legacy-font converters (extract.text.legacy), or None while that module is missing."""
    try:
        from ..text import legacy
        return legacy
    except ImportError:  # pragma: no cover - the module ships with the package
        return None


class FontCache:
    """Font facts per PDFium font handle: (name, bold, legacy encoding)."""

    def __init__(self, path: str | None = None, password: str | None = None) -> None:
        from .pdf_fonts import Vetter
        self.vetter = Vetter(path, password)
        self._by_handle: dict = {}
        self._legacy = _legacy()
        self._found: dict = {}   # font name -> legacy encoding found from its text (or None)
        self._buf = ctypes.create_string_buffer(256)

    def facts(self, textobj) -> tuple:
        font = pdfium_c.FPDFTextObj_GetFont(textobj)
        key = ctypes.cast(font, ctypes.c_void_p).value
        got = self._by_handle.get(key)
        if got is None:
            got = self._by_handle[key] = self._read(font)
        return got

    def _read(self, font) -> tuple:
        name = ""
        if font:
            n = pdfium_c.FPDFFont_GetBaseFontName(font, self._buf, len(self._buf))
            if n > 1:
                name = self._buf.raw[: n - 1].decode("latin-1", "replace")
        weight = pdfium_c.FPDFFont_GetWeight(font) if font else -1
        low = name.lower()
        bold = weight >= 600 or any(k in low for k in ("bold", "black", "heavy", "semibold", ",bd"))
        enc = self._legacy.font_encoding(name) if self._legacy and name else None
        return name, bold, enc

    def detect(self, words: list, names: list) -> None:
        """Legacy text under a font name that does not say so (a substituted or renamed font):
        the encoding is found from all the words of that font on the page, then every word of the
        font is converted by the word rule (Unicode words inside stay)."""
        if not self._legacy:
            return
        by_font: dict = {}
        for w, name in zip(words, names):
            if name is not None and not w.text.isascii():
                by_font.setdefault(name, []).append(w)
        for name, ws in by_font.items():
            enc = self._found.get(name)
            if enc is None and name not in self._found:
                sample = " ".join(w.text for w in ws)
                changes = self._legacy.detect_and_convert(sample)[1] if \
                    self._legacy.might_be_legacy(sample) else []
                enc = self._found[name] = changes[0][0] if changes else None
            if enc:
                for w in ws:
                    w.text = self._legacy.detect_and_convert(w.text, enc)[0]

    def vet(self, number: int, words: list, fnames: list, spans: list, errs, char_x) -> tuple:
        """Words of a page judged font by font (pdf_fonts.Vetter): (kept words, words set aside).
        A recovered word that holds spaces (raw codes read as one run) is cut there, the pieces
        placed by their characters' boxes (`char_x(index)` -> (x0, x1))."""
        if errs is None:   # the common case: every word of the page judged at once
            verdicts = Counter(map(verdict, [w.text for w in words]))
            if not verdicts[-2] and verdicts[-1] * 20 <= verdicts[1]:
                return words, []
        keys = [(name, errs is not None and any(errs[m.start():m.end()]), m.start())
                for name, m in zip(fnames, spans)]
        groups: dict = {}
        for w, (name, err, _i) in zip(words, keys):
            g = groups.setdefault(name, [[], False])
            g[0].append(w)
            g[1] = g[1] or err
        out: set = set()
        for name, (ws, err) in groups.items():
            got = self.vetter.vet(number, name, ws, err)
            if got == "dropped":
                out.update(map(id, ws))
            elif got == "recovered":   # a word the reading left foreign is not passed on
                out.update(id(w) for w in ws if any(verdict(t) < -1 for t in w.text.split()))
            elif got == "kept" and err:   # glyphs without a mapping that no reading explains
                out.update(id(w) for w, (_n, e, _i) in zip(words, keys) if e and _n == name)
        kept, unreadable = [], []
        for w, (_n, _e, i) in zip(words, keys):
            if id(w) in out or _CONTROL.search(w.text):
                unreadable.append(w)
            elif " " in w.text or not w.text.strip():
                kept.extend(_cut(w, i, char_x))
            else:
                kept.append(w)
        return kept, unreadable

    def convert(self, text: str, enc: str) -> str:
        return self._legacy.convert(text, enc) if self._legacy else text


def _cut(w: Word, start: int, char_x) -> list:
    """A word whose recovered text holds spaces -> one word per piece (see FontCache.vet)."""
    out = []
    for m in _TOKEN.finditer(w.text):
        a, b = m.start(), m.end() - 1
        x0, x1 = char_x(start + a)[0], char_x(start + b)[1]
        if x1 <= x0:   # recovered text longer than the codes: place the piece by its share
            n = max(len(w.text), 1)
            x0, x1 = w.x0 + (w.x1 - w.x0) * a / n, w.x0 + (w.x1 - w.x0) * (b + 1) / n
        out.append(Word(m.group(), x0, w.top, x1, w.bottom, w.base, w.size, w.bold))
    return out


class _Span:
    """A word's character range in the page text (the shape of a regex match)."""
    __slots__ = ("_i", "_j", "_text")

    def __init__(self, i: int, j: int, text: str) -> None:
        self._i, self._j, self._text = i, j, text

    def start(self) -> int:
        return self._i

    def end(self) -> int:
        return self._j

    def group(self) -> str:
        return self._text[self._i:self._j]


def _char_spans(tp, text: str, errs: list) -> list:
    """Words of a page whose text holds glyphs without a Unicode mapping: PDFium gives their raw
    codes, which may be spaces or line breaks; a word breaks only at a real or inserted space."""
    spans, start = [], None
    generated = pdfium_c.FPDFText_IsGenerated
    for i, ch in enumerate(text):
        brk = generated(tp, i) == 1 or (not errs[i] and ch in " \u00a0\u3000")
        if brk:
            if start is not None:
                spans.append(_Span(start, i, text))
                start = None
        elif start is None:
            start = i
    if start is not None:
        spans.append(_Span(start, len(text), text))
    return spans


def page_words(page: "pdfium.PdfPage", number: int, fonts: FontCache) -> PageText:
    """Words, unreadable words and ruling edges of one page."""
    left, bottom, right, top = page.get_cropbox()
    width, height = right - left, top - bottom
    textpage = page.get_textpage()
    tp = textpage.raw
    n = pdfium_c.FPDFText_CountChars(tp)
    words: list = []
    names: list = []     # font name of each word not yet converted
    unreadable: list = []
    if n > 0:
        text = textpage.get_text_range(0, n)
        if len(text) != n:  # characters outside the BMP: fall back to one code point per char
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 0xFFFD) for i in range(n))
        rect = pdfium_c.FS_RECTF()
        ox, oy = ctypes.c_double(), ctypes.c_double()
        box, origin = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetCharOrigin
        size_of, obj_of = pdfium_c.FPDFText_GetFontSize, pdfium_c.FPDFText_GetTextObject
        map_error = pdfium_c.FPDFText_HasUnicodeMapError
        spans = list(_TOKEN.finditer(text))
        errs = None
        if _CONTROL.search(text) or any(map_error(tp, m.start()) == 1 for m in spans):
            errs = [map_error(tp, i) == 1 for i in range(n)]
            spans = _char_spans(tp, text, errs)
        fnames: list = []    # font name of each word
        for m in spans:
            i, j = m.start(), m.end() - 1
            box(tp, i, rect)
            x0 = rect.left
            if j != i:
                box(tp, j, rect)
            x1 = rect.right
            origin(tp, i, ox, oy)
            size = size_of(tp, i) or 10.0
            obj = obj_of(tp, i)
            name, bold, enc = fonts.facts(obj) if obj else ("", False, None)
            base = top - oy.value
            word_text = m.group().replace("\ufffe", "-")
            w = Word(word_text, x0 - left, base - 0.8 * size, x1 - left, base + 0.25 * size,
                     base, round(size, 2), bold)
            if enc:
                w.text = fonts.convert(word_text, enc)
            words.append(w)
            names.append(None if enc else name)
            fnames.append(name)
        fonts.detect(words, names)

        def char_x(k: int) -> tuple:
            box(tp, k, rect)
            return rect.left - left, rect.right - left
        words, unreadable = fonts.vet(number, words, fnames, spans, errs, char_x)
        for w in words:
            if not w.text.isascii():
                w.text = unicodedata.normalize("NFC", w.text)
    textpage.close()
    return PageText(number, width, height, words, page_edges(page, left, top), unreadable, n)


def page_edges(page: "pdfium.PdfPage", left: float, top: float) -> list:
    """Horizontal and vertical strokes of the page (thin paths and the sides of rectangles)."""
    edges: list = []
    buf = _paint_buffers()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if w < 1 and h < 1:
            continue
        if not _draws_rule(obj.raw, w > 2.5 and h > 2.5, buf):
            continue
        if h <= 2.5 and w > 2:
            edges.append(Edge("h", top - (y0 + y1) / 2, x0 - left, x1 - left))
        elif w <= 2.5 and h > 2:
            edges.append(Edge("v", (x0 + x1) / 2 - left, top - y1, top - y0))
        else:
            edges.extend(_path_edges(obj, left, top))
    return edges


def _paint_buffers() -> tuple:
    return (ctypes.c_int(), ctypes.c_int()) + tuple(ctypes.c_uint() for _ in range(4))


def _draws_rule(raw, area: bool, buf: tuple) -> bool:
    """Can this path be a ruling line? Not when nothing of it shows (white or transparent paint on
    the white page), nor when it is a filled area without an outline: shading behind a paragraph,
    a highlight or a cell background, whose sides are no borders (Word's white "shading" of body
    text printed to PDF is a grid of such boxes and made a false table)."""
    mode, stroke, r, g, b, a = buf
    if not pdfium_c.FPDFPath_GetDrawMode(raw, mode, stroke):
        return True
    if stroke.value:
        if pdfium_c.FPDFPageObj_GetStrokeColor(raw, r, g, b, a) and _visible(r, g, b, a):
            return True
    if mode.value and not area:
        return bool(pdfium_c.FPDFPageObj_GetFillColor(raw, r, g, b, a) and _visible(r, g, b, a))
    return False


def _visible(r, g, b, a) -> bool:
    return a.value > 16 and min(r.value, g.value, b.value) < 235


def _path_edges(obj, left: float, top: float) -> list:
    """Axis-parallel straight segments of a path (a rectangle gives its four sides)."""
    raw = obj.raw
    count = pdfium_c.FPDFPath_CountSegments(raw)
    if count <= 0 or count > 400:
        return []
    m = obj.get_matrix()
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    fx, fy = ctypes.c_float(), ctypes.c_float()
    pts: list = []
    out: list = []
    start = None
    for k in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(raw, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, fx, fy)
        x, y = a * fx.value + c * fy.value + e, b * fx.value + d * fy.value + f
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = (x, y)
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and pts:
            px, py = pts[-1]
            _segment(out, px, py, x, y, left, top)
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _segment(out, x, y, start[0], start[1], left, top)
        pts.append((x, y))
    return out


def _segment(out: list, xa: float, ya: float, xb: float, yb: float, left: float, top: float) -> None:
    if abs(ya - yb) <= 1 and abs(xa - xb) > 2:
        out.append(Edge("h", top - (ya + yb) / 2, min(xa, xb) - left, max(xa, xb) - left))
    elif abs(xa - xb) <= 1 and abs(ya - yb) > 2:
        out.append(Edge("v", (xa + xb) / 2 - left, top - max(ya, yb), top - min(ya, yb)))
