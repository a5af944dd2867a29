"""Word (.docx) reader: reads the zip package (document.xml, styles.xml, numbering.xml) with a safe
XML parser and writes a RawDocument of Paragraph and Table blocks in body order.

What it does, as Word displays the file:
- automatic numbering rendered into `Paragraph.label` ("II.", "1.2.", "a)", "-") and kept out of
  `text`; `level` is the list level (else the outline level of the paragraph or its style);
- soft line breaks and tabs kept as "\\n" and "\\t"; deleted tracked changes left out, insertions
  kept; fields shown by their result; hidden text (w:vanish) left out; "all caps" applied;
- runs set in legacy Vietnamese fonts (TCVN3 .VnTime, VNI-Times …) converted to Unicode with
  `extract.text.legacy` (skipped while that module is absent);
- tables: `Cell.span` from gridSpan, vMerge continuation cells carry the text of the restart cell
  with `merged=True`, `header_rows` from tblHeader; a cell's paragraphs joined by "\\n" (each with
  its label in front); a table nested in a cell is flattened into that cell's text (its rows as
  lines, its cells joined by "\\t"); a one-cell table (a frame around text) is read as paragraphs;
- text boxes are read as paragraphs after the paragraph that anchors them.

Provenance: `Source(paragraph=i)` with i the 0-based index of the paragraph among the body's
paragraphs (empty ones counted, not emitted); `Source(table=t, row=r, cell=c)` with t the index
among body tables and c the index of the cell in the row as emitted.

Safety: a DTD or entity declaration is refused (Word never writes one; nothing is resolved or
fetched), and a package over `max_bytes` uncompressed or with a part compressed more than
`max_ratio` times is refused as `TooLarge`. Every failure is an `UnreadableFile` naming the file.
"""
from __future__ import annotations

import posixpath
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass
from typing import Optional

from lxml import etree

from ..errors import TooLarge, UnreadableFile
from ..model import Cell, Paragraph, RawDocument, Source, Table
from .numbering import Counter, Numbering

W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_BYTES = 200 * 1024 * 1024   # uncompressed size of the parts read
MAX_RATIO = 200                 # compressed -> uncompressed ratio of one part (over 1 MB)
MAX_ENTRIES = 5000

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                               dtd_validation=False, huge_tree=False, remove_comments=True,
                               remove_pis=True)
_OFF = ("0", "false", "off", "none")


# --------------------------------------------------------------------------- the zip package
class _Package:
    """The .docx zip: opens it, checks its size limits, reads parts and parses them safely."""

    def __init__(self, path: str, max_bytes: int, max_ratio: float) -> None:
        self.path = path
        self.max_bytes = max_bytes
        try:
            with open(path, "rb") as fh:
                head = fh.read(8)
        except OSError as exc:
            raise UnreadableFile(f"cannot open the file ({exc.strerror or exc})", path,
                                 "check the path and the file permissions") from None
        if not head:
            raise UnreadableFile("the file is empty", path, "give the Word file itself")
        if head == _OLE_MAGIC:
            raise UnreadableFile(
                "this is not a .docx package: it is password-protected (encrypted) or an old "
                "Word 97-2003 .doc file renamed to .docx", path,
                "open it in Word or LibreOffice, remove the password (File > Info > Protect "
                "Document) and save it again as .docx")
        try:
            self.zip = zipfile.ZipFile(path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise UnreadableFile("not a valid .docx file (the zip package is corrupt or it is "
                                 "another kind of file)", path,
                                 "open it in Word or LibreOffice and save it again as .docx") from None
        if len(infos) > MAX_ENTRIES:
            raise TooLarge(f"the package holds {len(infos)} parts (limit {MAX_ENTRIES})", path,
                           "this is not an ordinary Word document; check where it comes from")
        self.infos = {i.filename: i for i in infos}
        total = sum(i.file_size for i in infos if i.filename.endswith((".xml", ".rels")))
        if total > max_bytes:
            raise TooLarge(f"its XML parts unpack to {total} bytes (limit {max_bytes})", path,
                           "split the document or raise the max_bytes option")
        for i in infos:
            if i.file_size > 1 << 20 and i.file_size > max_ratio * max(i.compress_size, 1):
                raise TooLarge(f"part {i.filename} is compressed {i.file_size // max(i.compress_size, 1)} "
                               f"times (limit {max_ratio}): a zip bomb", path,
                               "do not process this file; or raise the max_ratio option")
        self.read_bytes = 0

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> Optional[bytes]:
        """A part's bytes, None when absent; never more than the size limit."""
        info = self.infos.get(name)
        if info is None:
            return None
        try:
            with self.zip.open(info) as fh:
                data = fh.read(self.max_bytes - self.read_bytes + 1)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise UnreadableFile(f"part {name} cannot be unpacked ({exc})", self.path,
                                 "the file is damaged; open it in Word or LibreOffice and save it again") from None
        except RuntimeError as exc:   # encrypted zip entry
            raise UnreadableFile(f"part {name} is encrypted ({exc})", self.path,
                                 "remove the password and save the file again as .docx") from None
        self.read_bytes += len(data)
        if self.read_bytes > self.max_bytes:
            raise TooLarge(f"its parts unpack to more than {self.max_bytes} bytes", self.path,
                           "split the document or raise the max_bytes option")
        return data

    def xml(self, name: str):
        """A part parsed as XML (root element), None when absent; DTDs refused."""
        data = self.read(name)
        if data is None:
            return None
        head = data[:4096]
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
            raise UnreadableFile(f"part {name} declares a DTD or entities, which Word never writes; "
                                 "refused for safety", self.path,
                                 "do not process this file; if it is genuine, open and save it again in Word")
        try:
            tree = etree.fromstring(data, _SAFE_PARSER)
        except etree.XMLSyntaxError as exc:
            raise UnreadableFile(f"part {name} is not well-formed XML ({exc})", self.path,
                                 "the file is damaged; open it in Word or LibreOffice and save it again") from None
        docinfo = tree.getroottree().docinfo
        if docinfo.doctype or docinfo.internalDTD is not None:
            raise UnreadableFile(f"part {name} declares a DTD, which Word never writes; refused for safety",
                                 self.path, "do not process this file")
        return tree

    def rels(self, part: str) -> dict:
        """Relationship type suffix ("officeDocument", "styles") -> target part name."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out.setdefault(kind, name)
        return out

    def main_part(self) -> str:
        name = self.rels("").get("officeDocument")
        if name and self.has(name):
            return name
        if self.has("word/document.xml"):
            return "word/document.xml"
        raise UnreadableFile("the package has no Word document part (word/document.xml)", self.path,
                             "this is not a Word document; open it in Word or LibreOffice and save it as .docx")


# --------------------------------------------------------------------------- styles
@dataclass
class _Style:
    sid: str
    name: str
    kind: str
    based_on: Optional[str] = None
    num_id: Optional[str] = None
    ilvl: Optional[int] = None
    outline: Optional[int] = None
    font: Optional[str] = None      # "" = a theme (Unicode) font
    bold: Optional[bool] = None
    size: Optional[float] = None
    caps: Optional[bool] = None


def _onoff(el, val: str) -> Optional[bool]:
    """A toggle property (w:b, w:caps …): None when absent, else its value (default on)."""
    if el is None:
        return None
    return el.get(val, "true").lower() not in _OFF


class _Styles:
    """styles.xml: style chains (basedOn) for numbering, outline level, font, bold, size, caps."""

    def __init__(self, root, w: str) -> None:
        self.w = w
        self.styles: dict[str, _Style] = {}
        self.default_para: Optional[str] = None
        self.defaults = _Style("", "", "defaults")
        self._cache: dict = {}
        if root is None:
            return
        dd = root.find(f"{{{w}}}docDefaults")
        if dd is not None:
            rpr = dd.find(f"{{{w}}}rPrDefault/{{{w}}}rPr")
            if rpr is not None:
                self._run_props(self.defaults, rpr)
        for st in root.iterfind(f"{{{w}}}style"):
            sid = st.get(f"{{{w}}}styleId") or ""
            name_el = st.find(f"{{{w}}}name")
            name = name_el.get(f"{{{w}}}val") if name_el is not None else sid
            style = _Style(sid, name or sid, st.get(f"{{{w}}}type") or "paragraph")
            based = st.find(f"{{{w}}}basedOn")
            if based is not None:
                style.based_on = based.get(f"{{{w}}}val")
            ppr = st.find(f"{{{w}}}pPr")
            if ppr is not None:
                num = ppr.find(f"{{{w}}}numPr")
                if num is not None:
                    nid, ilvl = num.find(f"{{{w}}}numId"), num.find(f"{{{w}}}ilvl")
                    if nid is not None:
                        style.num_id = nid.get(f"{{{w}}}val")
                    if ilvl is not None:
                        style.ilvl = _to_int(ilvl.get(f"{{{w}}}val"))
                ol = ppr.find(f"{{{w}}}outlineLvl")
                if ol is not None:
                    style.outline = _to_int(ol.get(f"{{{w}}}val"))
            rpr = st.find(f"{{{w}}}rPr")
            if rpr is not None:
                self._run_props(style, rpr)
            self.styles[sid] = style
            if style.kind == "paragraph" and st.get(f"{{{w}}}default") in ("1", "true", "on"):
                self.default_para = sid

    def _run_props(self, style: _Style, rpr) -> None:
        w = self.w
        fonts = rpr.find(f"{{{w}}}rFonts")
        if fonts is not None:
            style.font = _font_of(fonts, w)
        b = rpr.find(f"{{{w}}}b")
        if b is not None:
            style.bold = b.get(f"{{{w}}}val", "true").lower() not in _OFF
        sz = rpr.find(f"{{{w}}}sz")
        if sz is not None and _to_int(sz.get(f"{{{w}}}val")) is not None:
            style.size = _to_int(sz.get(f"{{{w}}}val")) / 2
        caps = rpr.find(f"{{{w}}}caps")
        if caps is not None:
            style.caps = caps.get(f"{{{w}}}val", "true").lower() not in _OFF

    def get(self, sid: Optional[str], attr: str, defaults: bool = True):
        """An attribute through the basedOn chain (then the document defaults for run props)."""
        key = (sid, attr, defaults)
        if key in self._cache:
            return self._cache[key]
        value, seen = None, set()
        while sid and sid not in seen and sid in self.styles:
            seen.add(sid)
            st = self.styles[sid]
            value = getattr(st, attr)
            if value is not None:
                break
            sid = st.based_on
        if value is None and defaults and attr in ("font", "bold", "size", "caps"):
            value = getattr(self.defaults, attr)
        self._cache[key] = value
        return value

    def name(self, sid: Optional[str]) -> Optional[str]:
        st = self.styles.get(sid) if sid else None
        return st.name if st else sid

    def num_map(self) -> dict:
        return {sid: st.num_id for sid, st in self.styles.items() if st.num_id}


def _to_int(text) -> Optional[int]:
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def _font_of(fonts, w: str) -> Optional[str]:
    """rFonts -> the font name of Latin text; "" for a theme font; None when unset."""
    name = fonts.get(f"{{{w}}}ascii") or fonts.get(f"{{{w}}}hAnsi")
    if name:
        return name
    if fonts.get(f"{{{w}}}asciiTheme") or fonts.get(f"{{{w}}}hAnsiTheme"):
        return ""
    return None


# --------------------------------------------------------------------------- legacy fonts
def _load_legacy():
    try:
        from ..text import legacy  # type: ignore
        legacy.font_encoding, legacy.convert  # noqa: B018 - the interface must be there
        return legacy
    except Exception:  # the module is being written by someone else; no conversion meanwhile
        return None


# --------------------------------------------------------------------------- the body walk
class _Body:
    """Walks document.xml's body once and builds the blocks."""

    def __init__(self, w: str, styles: _Styles, numbering: Numbering, legacy) -> None:
        self.w = w
        self.styles = styles
        self.counter = Counter(numbering, styles.num_map())
        self.numbering = numbering
        self.legacy = legacy
        self.enc_cache: dict = {}
        self.fields: list = []          # open complex fields: True once past "separate"
        self.converted = 0
        self.examples: list = []
        self.floating: list = []        # text-box paragraphs met inside the current paragraph
        q = lambda n: f"{{{w}}}{n}"  # noqa: E731
        self.T = {n: q(n) for n in (
            "p", "r", "t", "tab", "br", "cr", "pPr", "rPr", "pStyle", "numPr", "numId", "ilvl",
            "outlineLvl", "rStyle", "rFonts", "b", "sz", "caps", "vanish", "fldChar", "instrText",
            "delText", "del", "ins", "moveFrom", "moveTo", "hyperlink", "smartTag", "customXml",
            "fldSimple", "sdt", "sdtContent", "tbl", "tr", "tc", "trPr", "tcPr", "tblHeader",
            "gridSpan", "vMerge", "hMerge", "gridBefore", "noBreakHyphen", "softHyphen", "sym",
            "txbxContent", "body", "dir", "bdo", "val", "fldCharType", "char", "font",
            "drawing", "pict", "object")}
        self.T["AlternateContent"] = f"{{{MC}}}AlternateContent"
        self.T["Choice"] = f"{{{MC}}}Choice"
        self.T["Fallback"] = f"{{{MC}}}Fallback"
        T = self.T
        self.val, self.fld_type, self.sym_char = T["val"], T["fldCharType"], T["char"]
        self.run_kinds = {T["t"]: "t", T["rPr"]: "rPr", T["tab"]: "\t", T["br"]: "\n", T["cr"]: "\n",
                          T["noBreakHyphen"]: "-", T["fldChar"]: "fld", T["sym"]: "sym",
                          T["drawing"]: "box", T["pict"]: "box", T["object"]: "box",
                          T["AlternateContent"]: "box"}
        self.recurse_in_para = {T["ins"], T["moveTo"], T["hyperlink"], T["smartTag"], T["customXml"],
                                T["fldSimple"], T["sdtContent"], T["dir"], T["bdo"]}

    # ------------------------------------------------------------------ encodings
    def encoding(self, font: Optional[str]) -> Optional[str]:
        if not font or self.legacy is None:
            return None
        if font not in self.enc_cache:
            try:
                self.enc_cache[font] = self.legacy.font_encoding(font)
            except Exception:
                self.enc_cache[font] = None
        return self.enc_cache[font]

    def convert(self, text: str, enc: Optional[str]) -> str:
        if not enc or not text.strip():
            return text
        try:
            out = self.legacy.convert(text, enc)
        except Exception:
            return text
        if out != text:
            self.converted += 1
            if len(self.examples) < 3:
                self.examples.append({"before": text[:60], "after": out[:60], "encoding": enc})
        return out

    # ------------------------------------------------------------------ paragraphs
    def paragraph(self, p) -> tuple:
        """A w:p -> (label, level, text, bold, size, style name)."""
        T = self.T
        ppr = p.find(T["pPr"])
        sid = None
        num_id = ilvl = outline = None
        if ppr is not None:
            ps = ppr.find(T["pStyle"])
            if ps is not None:
                sid = ps.get(T["val"])
            num = ppr.find(T["numPr"])
            if num is not None:
                nid, lv = num.find(T["numId"]), num.find(T["ilvl"])
                if nid is not None:
                    num_id = nid.get(T["val"])
                if lv is not None:
                    ilvl = _to_int(lv.get(T["val"]))
            ol = ppr.find(T["outlineLvl"])
            if ol is not None:
                outline = _to_int(ol.get(T["val"]))
        if sid is None:
            sid = self.styles.default_para
        styles = self.styles
        if num_id is None:
            num_id = styles.get(sid, "num_id")
        label = None
        level = None
        if num_id and num_id != "0":
            if ilvl is None:
                ilvl = styles.get(sid, "ilvl")
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, sid) or 0
            label = self.counter.label(num_id, ilvl)
            if label is not None:
                level = ilvl
        if level is None:
            if outline is None:
                outline = styles.get(sid, "outline")
            if outline is not None and 0 <= outline < 9:
                level = outline
        base = (styles.get(sid, "font"), styles.get(sid, "bold"), styles.get(sid, "size"),
                styles.get(sid, "caps"))
        acc = _Runs()
        self.inline(p, base, acc)
        text = self.finish(acc)
        return label, level, text, acc.bold(), acc.size, styles.name(sid)

    def inline(self, parent, base: tuple, acc: "_Runs") -> None:
        """Collect the visible text of a paragraph's content (runs, insertions, links, fields)."""
        T = self.T
        for el in parent:
            tag = el.tag
            if tag == T["r"]:
                self.run(el, base, acc)
            elif tag in self.recurse_in_para:
                self.inline(el, base, acc)
            elif tag == T["sdt"]:
                content = el.find(T["sdtContent"])
                if content is not None:
                    self.inline(content, base, acc)
            elif tag == T["AlternateContent"]:
                self.inline(_alternate(el, T), base, acc)
            # w:del, w:moveFrom, w:pPr, bookmarks, comments, math: nothing displayed as text

    def run(self, r, base: tuple, acc: "_Runs") -> None:
        """One w:r: its properties (one pass over w:rPr) and its visible text."""
        font, bold, size, caps = base
        hidden = False
        parts = []
        fields = self.fields
        show = not fields or all(fields)
        kinds = self.run_kinds
        for el in r:
            kind = kinds.get(el.tag)
            if kind is None:
                continue
            if kind == "t":
                if show and not hidden and el.text:
                    parts.append(el.text)
            elif kind == "rPr":
                font, bold, size, caps, hidden = self.run_props(el, font, bold, size, caps)
            elif kind == "fld":
                ftype = el.get(self.fld_type)
                if ftype == "begin":
                    fields.append(False)
                elif ftype == "separate" and fields:
                    fields[-1] = True
                elif ftype == "end" and fields:
                    fields.pop()
                show = not fields or all(fields)
            elif kind == "box":
                self.textboxes(el)
            elif show and not hidden:
                if kind == "sym":
                    try:
                        ch = chr(int(el.get(self.sym_char) or "", 16))
                    except ValueError:
                        ch = ""
                    parts.append(_SYMBOLS.get(ch, ch) if "\uf000" <= ch <= "\uf0ff" else ch)
                else:
                    parts.append(kind)      # "\t", "\n", "-"
        if parts:
            acc.add("".join(parts), self.encoding(font), bool(bold), size, bool(caps))

    def run_props(self, rpr, font, bold, size, caps):
        """w:rPr over the inherited (font, bold, size, caps) -> the run's own, and hidden."""
        T, val = self.T, self.val
        hidden = False
        for pr in rpr:
            tag = pr.tag
            if tag == T["rFonts"]:
                f = _font_of(pr, self.w)
                if f is not None:
                    font = f
            elif tag == T["b"]:
                bold = pr.get(val, "true").lower() not in _OFF
            elif tag == T["sz"]:
                half = _to_int(pr.get(val))
                if half is not None:
                    size = half / 2
            elif tag == T["caps"]:
                caps = pr.get(val, "true").lower() not in _OFF
            elif tag == T["vanish"]:
                hidden = pr.get(val, "true").lower() not in _OFF
            elif tag == T["rStyle"]:   # a character style: its own chain over the paragraph's
                sid, get = pr.get(val), self.styles.get
                cf, cb, csz, ccaps = (get(sid, a, False) for a in ("font", "bold", "size", "caps"))
                font = cf if cf is not None else font
                bold = cb if cb is not None else bold
                size = csz if csz is not None else size
                caps = ccaps if ccaps is not None else caps
        return font, bold, size, caps, hidden

    def textboxes(self, el) -> None:
        """Paragraphs of text boxes inside a drawing, read once (the preferred alternative)."""
        T = self.T
        if el.tag == T["AlternateContent"]:
            el = _alternate(el, T)
        for box in el.iter(T["txbxContent"]):
            for p in box.iter(T["p"]):
                label, level, text, bold, size, style = self.paragraph(p)
                if text or label:
                    self.floating.append((label, level, text, bold, size, style))
            break  # one rendering of the box (VML fallbacks repeat it)

    def finish(self, acc: "_Runs") -> str:
        """Join the runs, converting legacy-font stretches, applying caps; NFC."""
        out = []
        for text, enc, caps in acc.merged():
            if enc:
                text = self.convert(text, enc)
            out.append(text.upper() if caps else text)
        return _clean("".join(out))

    # ------------------------------------------------------------------ tables
    def cell_text(self, tc) -> str:
        T = self.T
        lines: list = []
        for el in _children(tc, T):
            if el.tag == T["p"]:
                label, _lv, text, *_ = self.paragraph(el)
                line = f"{label} {text}".strip() if label else text
                if line:
                    lines.append(line)
                for flabel, _l, ftext, *_r in self.floating:
                    lines.append(f"{flabel} {ftext}".strip() if flabel else ftext)
                self.floating = []
            elif el.tag == T["tbl"]:
                for row in self.rows(el, None):
                    line = "\t".join(c.text.replace("\n", " ") for c in row if c.text)
                    if line:
                        lines.append(line)
        return "\n".join(lines)

    def rows(self, tbl, t_index: Optional[int]) -> list:
        rows, _ = self.table_rows(tbl, t_index)
        return rows

    def table_rows(self, tbl, t_index: Optional[int]) -> tuple:
        """A w:tbl -> (rows of Cells, number of leading rows marked as header)."""
        T = self.T
        rows: list = []
        header_rows, leading = 0, True
        vmerge: dict = {}       # grid column -> text of the restart cell above
        for tr in _children(tbl, T, T["tr"]):
            trpr = tr.find(T["trPr"])
            before = 0
            if trpr is not None:
                if trpr.find(T["del"]) is not None:
                    continue
                if leading and _onoff(trpr.find(T["tblHeader"]), T["val"]):
                    header_rows += 1
                else:
                    leading = False
                gb = trpr.find(T["gridBefore"])
                if gb is not None:
                    before = _to_int(gb.get(T["val"])) or 0
            else:
                leading = False
            r_index = len(rows)
            cells: list = []
            col = 0
            if before > 0:
                cells.append(Cell("", Source(table=t_index, row=r_index, cell=0), span=before))
                col = before
            for tc in _children(tr, T, T["tc"]):
                tcpr = tc.find(T["tcPr"])
                span, vm = 1, None
                if tcpr is not None:
                    gs = tcpr.find(T["gridSpan"])
                    if gs is not None:
                        span = max(_to_int(gs.get(T["val"])) or 1, 1)
                    hm = tcpr.find(T["hMerge"])
                    if hm is not None and hm.get(T["val"], "continue") != "restart" and cells:
                        cells[-1].span += span      # legacy horizontal merge: widen the cell before
                        col += span
                        continue
                    vme = tcpr.find(T["vMerge"])
                    if vme is not None:
                        vm = vme.get(T["val"], "continue")
                merged = False
                if vm == "continue":
                    text = vmerge.get(col, "")
                    merged = col in vmerge
                else:
                    text = self.cell_text(tc)
                    if vm == "restart":
                        vmerge[col] = text
                    else:
                        vmerge.pop(col, None)
                cells.append(Cell(text, Source(table=t_index, row=r_index, cell=len(cells)),
                                  span=span, merged=merged))
                col += span
            rows.append(cells)
        return rows, header_rows

    # ------------------------------------------------------------------ the body
    def blocks(self, body) -> list:
        T = self.T
        blocks: list = []
        counts = [0, 0]     # paragraphs, tables

        def walk(container):
            for el in container:
                tag = el.tag
                if tag == T["p"]:
                    i = counts[0]
                    counts[0] += 1
                    label, level, text, bold, size, style = self.paragraph(el)
                    if text or label:
                        blocks.append(Paragraph(text, Source(paragraph=i), label, level, bold, size, style))
                    for flabel, flevel, ftext, fbold, fsize, fstyle in self.floating:
                        blocks.append(Paragraph(ftext, Source(paragraph=i), flabel, flevel, fbold, fsize, fstyle))
                    self.floating = []
                elif tag == T["tbl"]:
                    t = counts[1]
                    counts[1] += 1
                    rows, header = self.table_rows(el, t)
                    if not rows:
                        continue
                    if len(rows) == 1 and len(rows[0]) == 1:   # a frame around text
                        for k, line in enumerate(l for l in rows[0][0].text.split("\n") if l.strip()):
                            blocks.append(Paragraph(line, Source(table=t, row=0, cell=0)))
                        continue
                    blocks.append(Table(rows, Source(table=t), header))
                elif tag in (T["sdt"], T["customXml"]):
                    walk(el.find(T["sdtContent"]) if tag == T["sdt"] else el)
                elif tag == T["AlternateContent"]:
                    walk(_alternate(el, T))

        walk(body)
        return blocks


class _Runs:
    """Text runs of one paragraph with their legacy encoding, boldness and size."""
    __slots__ = ("items", "bold_chars", "chars", "size")

    def __init__(self) -> None:
        self.items: list = []
        self.bold_chars = 0
        self.chars = 0
        self.size: Optional[float] = None

    def add(self, text: str, enc: Optional[str], bold: bool, size, caps: bool) -> None:
        n = len(text.strip())
        if n:
            self.chars += n
            if bold:
                self.bold_chars += n
            if self.size is None and size is not None:
                self.size = size
        self.items.append((text, enc, caps))

    def merged(self):
        """Consecutive runs of the same encoding and caps joined (VNI letters may span runs)."""
        out: list = []
        for text, enc, caps in self.items:
            if out and out[-1][1] == enc and out[-1][2] == caps:
                out[-1][0] += text
            else:
                out.append([text, enc, caps])
        return out

    def bold(self) -> bool:
        return self.chars > 0 and self.bold_chars == self.chars


def _alternate(el, T):
    """mc:AlternateContent -> the element to read: the first Choice, else the Fallback."""
    choice = el.find(T["Choice"])
    if choice is not None:
        return choice
    fallback = el.find(T["Fallback"])
    return fallback if fallback is not None else []


def _children(parent, T, want: Optional[str] = None):
    """Children of a table/row/cell, looking through content controls and custom XML."""
    for el in parent:
        tag = el.tag
        if tag == T["sdt"]:
            content = el.find(T["sdtContent"])
            if content is not None:
                yield from _children(content, T, want)
        elif tag == T["customXml"]:
            yield from _children(el, T, want)
        elif want is None or tag == want:
            yield el


_SYMBOLS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf02d": "-", "\uf0ae": "→", "\uf0b3": "≥", "\uf0a3": "≤",
            "\uf0b1": "±", "\uf0b4": "×", "\uf0d8": "➢", "\uf0fc": "✓", "\uf0e0": "➔"}
_SPACES = str.maketrans({"\u00a0": " ", "\u200b": "", "\u00ad": "", "\r": "\n", "\v": "\n"})


def _clean(text: str) -> str:
    """NFC, invisible characters dropped, no blank lines, outer spaces trimmed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.translate(_SPACES))
    if "\n" in text:
        text = "\n".join(line.strip(" ") for line in text.split("\n") if line.strip())
    return text.strip()


# --------------------------------------------------------------------------- entry point
def read_docx(path: str, max_bytes: int = MAX_BYTES, max_ratio: float = MAX_RATIO,
              legacy_fonts: bool = True, **options) -> RawDocument:
    """Read a .docx file into blocks (see the module docstring). Raises UnreadableFile / TooLarge."""
    pkg = _Package(path, max_bytes, max_ratio)
    try:
        main = pkg.main_part()
        root = pkg.xml(main)
        w = root.tag[1:].split("}", 1)[0] if isinstance(root.tag, str) and root.tag.startswith("{") else ""
        if w not in (W_MAIN, W_STRICT):
            raise UnreadableFile(f"part {main} is not a WordprocessingML document", path,
                                 "this is not a Word document; open it in Word or LibreOffice and save it as .docx")
        body = root.find(f"{{{w}}}body")
        if body is None:
            raise UnreadableFile("the Word document has no body", path,
                                 "the file is damaged; open it in Word or LibreOffice and save it again")
        rels = pkg.rels(main)
        styles = _Styles(pkg.xml(rels["styles"]) if "styles" in rels else None, w)
        numbering = Numbering.from_xml(pkg.xml(rels["numbering"]) if "numbering" in rels else None, w)
        pages = None
        # docProps/app.xml's page count is only as fresh as the last layout: trust it when Word
        # laid the document out (rendered page breaks), not for generated files.
        app = pkg.xml("docProps/app.xml") if body.find(f".//{{{w}}}lastRenderedPageBreak") is not None else None
        if app is not None:
            for el in app:
                if isinstance(el.tag, str) and el.tag.endswith("}Pages"):
                    pages = _to_int(el.text)
    finally:
        pkg.zip.close()
    walker = _Body(w, styles, numbering, _load_legacy() if legacy_fonts else None)
    doc = RawDocument(blocks=walker.blocks(body), path=path, format="docx", pages=pages)
    if walker.converted:
        doc.normalization.append({"step": "legacy_font", "count": walker.converted,
                                  "examples": walker.examples})
    return doc
