"""Fonts whose text layer lies: find them by the language, recover their text from the font.

Reads the words of one PDF page grouped by font (from `pdf_text`); judges each group with the
syllable model (the share of its words that are Vietnamese syllables). A font that reads as
Vietnamese is left alone (the common case costs one cached syllable test per word). Otherwise its
text is recovered, when one reading makes valid syllables: the embedded font program's own Unicode
`cmap` or glyph names (fontTools), codes shifted by a constant, or a legacy table (TCVN3, VNI).
What no reading explains is never passed on as text: the words are set aside as unreadable.
"""
from __future__ import annotations

import re
import unicodedata

from ..text.garble import _CONTROL, _VIET, reads_as_vietnamese, share


# ---------------------------------------------------------------------------- font programs
def _glyph_unicode(name: str) -> str:
    """The Unicode text of a glyph name (uni1EA0, u1EA0, Aacute, afii10846, a.sc), or ''."""
    from fontTools import agl
    try:
        return agl.toUnicode(name)
    except Exception:
        return ""


def _program_unicode(data: bytes, kind: str) -> tuple:
    """A font program's own knowledge: (glyph id -> Unicode from its cmap or glyph names,
    code -> glyph id from its byte-code cmaps, glyph name -> glyph id). Empty when unreadable."""
    import io
    import logging
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    by_gid: dict = {}
    code_gid: dict = {}
    name_gid: dict = {}
    try:
        if kind == "cff":
            from fontTools.cffLib import CFFFontSet
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(data), None)
            top = cff[cff.fontNames[0]]
            order = top.charset or []
            for gid, name in enumerate(order):
                name_gid[name] = gid
                u = _glyph_unicode(name)
                if u:
                    by_gid[gid] = u
            enc = getattr(top, "Encoding", None)
            if isinstance(enc, list):
                for code, name in enumerate(enc):
                    if name and name != ".notdef" and name in name_gid:
                        code_gid[code] = name_gid[name]
            return by_gid, code_gid, name_gid
        from fontTools.ttLib import TTFont
        font = TTFont(io.BytesIO(data), lazy=True, fontNumber=0)
        order = font.getGlyphOrder()
        name_gid = {n: i for i, n in enumerate(order)}
        if "cmap" in font:
            for sub in font["cmap"].tables:
                uni = sub.isUnicode()
                for code, name in sub.cmap.items():
                    gid = name_gid.get(name)
                    if gid is None:
                        continue
                    if uni and code >= 0x20 and not (0xE000 <= code < 0xF900):
                        prev = by_gid.get(gid)
                        # several characters drawn by one glyph: prefer a Vietnamese letter
                        if prev is None or (chr(code) in _VIET and prev not in _VIET):
                            by_gid[gid] = chr(code)
                    if sub.platformID == 3 and sub.platEncID == 0:
                        code_gid.setdefault(code & 0xFF if code >= 0xF000 else code, gid)
                    elif sub.platformID == 1 and sub.platEncID == 0:
                        code_gid.setdefault(code, gid)
        if "post" in font and font["post"].formatType in (1.0, 2.0):
            for gid, name in enumerate(order):
                if gid not in by_gid:
                    u = _glyph_unicode(name)
                    if u:
                        by_gid[gid] = u
    except Exception:
        return {}, {}, {}
    return by_gid, code_gid, name_gid


class FontSource:
    """The font dictionaries of a PDF, read by pdfminer only when a font needs recovery: for one
    page and font name, the readings its font program gives (reported character -> true text)."""

    def __init__(self, path: str, password: str | None = None) -> None:
        self.path, self.password = path, password
        self._pages = None
        self._fh = None
        self._cache: dict = {}
        self._tables: dict = {}   # id(font dictionary) -> (the dictionary, its table)

    def close(self) -> None:
        if self._fh:
            self._fh.close()
            self._fh = None

    def _page_fonts(self, index: int) -> list:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1
        if self._pages is None:
            self._fh = open(self.path, "rb")
            doc = PDFDocument(PDFParser(self._fh), password=self.password or "")
            self._pages = iter(PDFPage.create_pages(doc))
            self._seen: list = []
        while len(self._seen) <= index:
            page = next(self._pages, None)
            if page is None:
                return []
            self._seen.append(page)
        fonts: list = []

        def walk(res, depth):
            res = resolve1(res) or {}
            for spec in (resolve1(res.get("Font")) or {}).values():
                spec = resolve1(spec)
                if isinstance(spec, dict):
                    fonts.append(spec)
            if depth < 3:
                for xo in (resolve1(res.get("XObject")) or {}).values():
                    xo = resolve1(xo)
                    attrs = getattr(xo, "attrs", None)
                    if attrs and "Resources" in attrs:
                        walk(attrs["Resources"], depth + 1)
        walk(self._seen[index].resources, 0)
        return fonts

    def readings(self, index: int, name: str) -> list:
        """[(step, {reported char: true text})] of the fonts named `name` on page `index` (0-based)."""
        key = (index, name)
        if key not in self._cache:
            out = []
            try:
                for spec in self._page_fonts(index):
                    if _bare(_name(spec.get("BaseFont"))) == _bare(name):
                        got = self._tables.get(id(spec))
                        if got is None:   # a font shared by pages is read once
                            got = self._tables[id(spec)] = (spec, _font_table(spec))
                        table = got[1]
                        if table:
                            out.append(("pdf-font-program", table))
            except Exception:   # a damaged font dictionary: no reading, never a crash
                out = []
            self._cache[key] = out
        return self._cache[key]


_SUBSET = re.compile(r"^[A-Z]{6}\+")


def _bare(name: str) -> str:
    """A font name without its subset tag (ABCDEF+): PDFium gives some fonts' names without it."""
    return _SUBSET.sub("", name)


def _name(obj) -> str:
    from pdfminer.psparser import PSLiteral
    obj = getattr(obj, "name", obj) if isinstance(obj, PSLiteral) else obj
    if isinstance(obj, bytes):
        return obj.decode("latin-1")
    return str(obj) if obj is not None else ""


def _to_unicode(spec) -> dict:
    from io import BytesIO
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdftypes import resolve1
    stream = resolve1(spec.get("ToUnicode"))
    if stream is None or not hasattr(stream, "get_data"):
        return {}
    cmap = FileUnicodeMap()
    CMapParser(cmap, BytesIO(stream.get_data())).run()
    return dict(cmap.cid2unichr)


def _program(desc) -> tuple:
    from pdfminer.pdftypes import resolve1
    desc = resolve1(desc) or {}
    for key, kind in (("FontFile2", "truetype"), ("FontFile3", None)):
        stream = resolve1(desc.get(key))
        if stream is not None and hasattr(stream, "get_data"):
            if kind is None:
                sub = _name(stream.attrs.get("Subtype"))
                kind = "truetype" if sub == "OpenType" else "cff" if sub in ("Type1C", "CIDFontType0C") else None
            if kind:
                return stream.get_data(), kind
    return None, None


def _font_table(spec) -> dict:
    """Reported character -> true text for every code of one font whose program knows its glyphs."""
    from pdfminer.pdftypes import resolve1
    subtype = _name(spec.get("Subtype"))
    tounicode = _to_unicode(spec)
    table: dict = {}
    if subtype == "Type0":
        desc_font = resolve1((resolve1(spec.get("DescendantFonts")) or [None])[0]) or {}
        if _name(spec.get("Encoding")) not in ("Identity-H", "Identity-V"):
            return {}
        data, kind = _program(desc_font.get("FontDescriptor"))
        if not data:
            return {}
        by_gid, _codes, name_gid = _program_unicode(data, kind)
        if not by_gid:
            return {}
        c2g = resolve1(desc_font.get("CIDToGIDMap"))
        gids = None
        if c2g is not None and hasattr(c2g, "get_data"):
            raw = c2g.get_data()
            gids = [raw[i] << 8 | raw[i + 1] for i in range(0, len(raw) - 1, 2)]
        codes = set(tounicode) if tounicode else range(1, 0x10000)
        for code in codes:
            gid = code if gids is None else (gids[code] if code < len(gids) else None)
            true = by_gid.get(gid) if gid is not None else None
            if not true:
                continue
            _add(table, tounicode.get(code) or chr(code), true)
        return _consistent(table)
    if subtype not in ("TrueType", "Type1", "MMType1"):
        return {}
    data, kind = _program(spec.get("FontDescriptor"))
    if not data:
        return {}
    by_gid, code_gid, name_gid = _program_unicode(data, kind)
    if not by_gid:
        return {}
    names, reported_of = _simple_encoding(spec)
    for code in range(256):
        gid = code_gid.get(code)
        if gid is None and names.get(code) in name_gid:
            gid = name_gid[names[code]]
        true = by_gid.get(gid) if gid is not None else None
        if not true:
            continue
        _add(table, tounicode.get(code) or reported_of.get(code) or chr(code), true)
    return _consistent(table)


def _simple_encoding(spec) -> tuple:
    """Code -> glyph name and code -> the Unicode a reader derives from that name."""
    from pdfminer.latin_enc import ENCODING
    from pdfminer.pdftypes import resolve1
    enc = resolve1(spec.get("Encoding"))
    base, diff = "StandardEncoding", []
    if isinstance(enc, dict):
        base = _name(enc.get("BaseEncoding")) or base
        diff = resolve1(enc.get("Differences")) or []
    elif enc is not None:
        base = _name(enc) or base
    column = {"StandardEncoding": 1, "MacRomanEncoding": 2, "WinAnsiEncoding": 3}.get(base, 1)
    names = {row[column]: row[0] for row in ENCODING if row[column] is not None}
    code = 0
    for item in diff:
        if isinstance(item, int):
            code = item
        else:
            names[code] = _name(item)
            code += 1
    reported = {}
    if column == 3:   # WinAnsi's undefined codes: readers show a bullet
        for c in (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D):
            names.setdefault(c, "bullet")
    for c, n in names.items():
        u = _glyph_unicode(n)
        if u:
            reported[c] = u
    return names, reported


def _add(table: dict, reported: str, true: str) -> None:
    """One code's reading. Two codes a reader shows alike (WinAnsi's two spaces) keep the one that
    reads as itself; other clashes leave the character out (None)."""
    if len(reported) != 1:
        return
    if reported not in table:
        table[reported] = true
    elif table[reported] != true and table[reported] != reported:
        table[reported] = reported if true == reported else None


def _consistent(table: dict) -> dict:
    """Only a table that changes something, without its clashes."""
    table = {k: v for k, v in table.items() if v is not None}
    return table if any(k != v for k, v in table.items()) else {}


# ---------------------------------------------------------------------------- readings
_LETTERS = "nhtcgaiuoơưêôđmyl"   # the commonest letters of Vietnamese text


def shift_readings(texts: list) -> list:
    """Codes that are the Unicode values moved by a constant (a font's glyph order, a ToUnicode
    map off by some places): the shifts that send the font's commonest characters to common
    Vietnamese letters, each as a table."""
    from collections import Counter
    counts = Counter(ch for t in texts for ch in t)
    if not counts:
        return []
    top = [c for c, _ in counts.most_common(4)]
    ks = {ord(t) - ord(c) for c in top for t in _LETTERS} - {0}
    out = []
    for k in sorted(ks, key=abs):
        table = {}
        for ch in counts:
            v = ord(ch) + k
            if 0x20 < v < 0x2000 or 0x1E00 <= v <= 0x1EFF:
                table[ch] = chr(v)
        if table:
            out.append(("pdf-font-shift", table, k))
    return out


def _legacy_variants(texts: list) -> list:
    from ..text import legacy
    return [(f"legacy-{enc}", [legacy.convert(t, enc) for t in texts]) for enc in ("tcvn3", "vni")]


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufefc]")


def _shown(text: str) -> str:
    return _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


class Vetter:
    """Judges each font of each page and recovers or sets aside its words; keeps the record of
    what it did (normalization entries, pages read through a recovered font)."""

    def __init__(self, path: str | None = None, password: str | None = None) -> None:
        self.source = FontSource(path, password) if path else None
        self.steps: dict = {}

    def close(self) -> None:
        if self.source:
            self.source.close()

    def report(self) -> list:
        return list(self.steps.values())

    def _note(self, step: str, changes: list, page: int, font: str, shift) -> None:
        e = self.steps.setdefault(step, {"step": step, "count": 0, "examples": []})
        e["count"] += len(changes)
        for before, after in changes[: max(0, 5 - len(e["examples"]))]:
            ex = {"before": _shown(before), "after": after, "page": page, "font": font}
            if shift:
                ex["shift"] = shift
            e["examples"].append(ex)

    def vet(self, page: int, name: str, words: list, errors: bool) -> str:
        """One font's words on one page (1-based): "kept" when they read as Vietnamese as they
        are, "recovered" when a reading of the font made them Vietnamese (their `text` changed in
        place, the change recorded), "dropped" when nothing explains them."""
        texts = [w.text for w in words]
        good, bad, alien = share(texts)
        fine = reads_as_vietnamese(good, bad, alien)
        if fine and not errors:
            return "kept"
        if any(_RTL.search(t) for t in texts):
            # raw codes read as right-to-left letters: PDFium reorders, mirrors and joins them,
            # so no reading of the codes is sure (OCR reads the page instead)
            return "kept" if fine else "dropped"
        best = None   # (score, step, new texts, shift)
        candidates = [("pdf-font", None, None)]
        if self.source and name:
            candidates += [(step, table, None) for step, table in self.source.readings(page - 1, name)]
        candidates += shift_readings(texts)
        for step, table, k in candidates:
            new = [t.translate(str.maketrans(table)) for t in texts] if table else texts
            variants = [(f"{step}+{s}", vs) for s, vs in _legacy_variants(new)]
            if table:
                variants.insert(0, (step, new))
            for st, vs in variants:
                g, b, a = share(vs)
                if reads_as_vietnamese(g, b, a) and g > good:
                    score = (g - 2 * b - 4 * a, g)
                    if best is None or score > best[0]:
                        best = (score, st, vs, k)
        if best is None:
            return "kept" if fine else "dropped"
        _, step, new, shift = best
        changes = [(w.text, t) for w, t in zip(words, new) if w.text != t]
        for w, t in zip(words, new):
            w.text = unicodedata.normalize("NFC", t)
        self._note(step.replace("pdf-font+", ""), changes, page, name, shift)
        return "recovered"
