"""Text reader: a .txt plan -> RawDocument (paragraphs and tables with line numbers).

Reads the three shapes plans arrive in as text:
- Word exports: paragraphs between blank lines, table rows as tab-separated lines (header rows
  repeated after page breaks, continuation lines without tabs);
- web pages of legal portals converted to markdown: `**bold**`/`*italic*` markers, hard wraps at
  ~80 characters, tables either as `| a | b |` lines or one cell per line between lines holding a
  single `|`;
- PDF text layers: hard-wrapped lines with no blank lines, page numbers on lines of their own;
  with `pdftotext -layout`, tables set out in columns by runs of spaces (read by `aligned_tables`).

Hard-wrapped lines are joined back into paragraphs; a new paragraph starts at a numbering marker,
a bullet, after a line ending a sentence, at a change between capitals and lower case, or after a
line much shorter than the wrap width. Each block keeps the 1-based lines it came from.
"""
from __future__ import annotations

import itertools
import math
import re
from functools import lru_cache
from typing import Iterable, List, Optional

from ..errors import UnreadableFile
from ..model import Cell, Paragraph, RawDocument, Source, Table
from ..units import HEAD_WORDS
from .aligned_tables import aligned_tables

# A line that starts a new item: Roman/Arabic/letter numbering, bullets, keywords.
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
MARKER_RE = re.compile(
    r"^\s*(?:"
    rf"(?:{_ROMAN})\s*[.\-–:)]\s*(?=\S)"          # I.  II-  IV)
    r"|\d{1,3}(?:\.\d{1,3})*\s*[.\-–)]\s+(?=\S)"   # 1.  1.1.  2)  1-
    r"|\d{1,3}(?:\.\d{1,3})+(?=\s)"                # 1.1 without the final dot
    r"|\(\s*\d{1,3}\s*\)\.?\s*"                    # (1) (1).
    r"|[a-zđ]\s*[).]\s+(?=\S)|[a-zđ]-\s+(?=\S)"     # a) b. đ) a-
    r"|[-+•●▪■◦*–—]\s*(?=\S)"                        # bullets
    r"|(?:Phần|PHẦN|Mục|MỤC|Chương|CHƯƠNG|Phụ lục|PHỤ LỤC|Điều)\s+[\dIVXLA-Z]"
    r")"
)
_SENTENCE_END = re.compile(r"[.;:!?]\)?[\"”’*]*$|\./\.$")
_SEPARATOR_LINE = re.compile(r"^\s*(?:[-_=*~.·…]{1,}\s*)+$")
_DOTS_LINE = re.compile(r"^(?:\.{2,}|…+)[.…\s]*$")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$")
_MD_BOLD = re.compile(r"\*\*")
_MD_STRAY = re.compile(r"\*(?=[(\w])|(?<=[)\w.,;:])\*")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_LETTERS = re.compile(r"[^\W\d_]")


def read_txt(path: str, **options) -> RawDocument:
    """Read a text file: decode its bytes (text repair's decoder), then `read_text`."""
    from ..text import decode_bytes

    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise UnreadableFile(f"cannot open the file ({e.strerror})", path, "check the path and its permissions") from e
    if not data.strip():
        raise UnreadableFile("the file is empty", path, "give a plan with text")
    text, encoding, report = decode_bytes(data)
    raw = read_text(text, path=path)
    raw.encoding = encoding
    raw.normalization.extend(report)
    return raw


def read_text(text: str, path: Optional[str] = None) -> RawDocument:
    """Split text into blocks. Reads: a str. Writes: RawDocument(format="txt")."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    numbers: List[tuple] = []
    blocks = list(_blocks(lines, numbers))
    return RawDocument(blocks=blocks, path=path, format="txt", lone_numbers=numbers, lines=lines)


# --------------------------------------------------------------------------- segmentation
def _is_pipe_line(s: str) -> bool:
    return s.strip() == "|"


def _is_md_row(s: str) -> bool:
    t = s.strip()
    return len(t) > 2 and t.startswith("|") and t.endswith("|") and t.count("|") >= 3


def _is_tab_row(s: str) -> bool:
    return s.count("\t") >= 2 or (s.count("\t") == 1 and not s.startswith("\t") and len(s.split("\t")[1].strip()) > 0
                                   and len(s.split("\t")[0].strip()) <= 12)


def _blocks(lines: List[str], numbers: Optional[List[tuple]] = None) -> Iterable:
    n = len(lines)
    i = 0
    chunk: List[tuple] = []  # (line number, text) of the current paragraph chunk
    width = _wrap_width(lines)
    # text with blank lines between paragraphs (web pages, Word exports) marks paragraph ends
    # itself; a short first line there is an artefact of the page, not a paragraph end
    spaced = sum(1 for ln in lines if not ln.strip()) >= 0.15 * max(len(lines), 1)
    aligned = {start: (end, table) for start, end, table in aligned_tables(lines)}
    while i < n:
        line = lines[i]
        if i in aligned:
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
            i, table = aligned[i]
            yield table
            continue
        if _is_pipe_line(line):
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
            found, i = _pipe_table(lines, i, width, spaced)
            yield from found
            continue
        if _is_md_row(line):
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
            table, i = _md_table(lines, i)
            yield table
            continue
        if "\t" in line and _is_tab_row(line):
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
            table, i = _tab_table(lines, i)
            yield table
            continue
        if not line.strip():
            if chunk and _bare_marker_before_gap(chunk, lines, i):
                i = _gap_end(lines, i)  # "I." alone, a blank line, then its title (a PDF layer of Word numbering)
                continue
            if not spaced and chunk and _runs_on(chunk, lines, i, width):
                i = _gap_end(lines, i)  # a gap inside a paragraph of a PDF layer (a page break)
                continue
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
        else:
            chunk.append((i + 1, line))
        i += 1
    yield from _paragraphs(chunk, width, spaced, numbers)


def _gap_end(lines: List[str], i: int) -> int:
    """The line after the blank lines at `i`, and after a page number standing alone between
    blank lines (a page break of a PDF text layer)."""
    n = len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
        elif _PAGE_NUMBER.match(lines[i].strip()) and i + 1 < n and not lines[i + 1].strip():
            i += 2
        else:
            break
    return i


def _bare_marker_before_gap(chunk: List[tuple], lines: List[str], i: int) -> bool:
    """Does the chunk end in a list number alone ("I.", "1.", "a)") whose text comes after the blank
    lines at `i`? (PDF text layers of Word's automatic numbering put the label on a line of its own.)"""
    if not _BARE_MARKER.match(_strip_md(chunk[-1][1]).strip()):
        return False
    j = _gap_end(lines, i)
    if j >= len(lines) or j - i > 3:
        return False
    nxt = _strip_md(lines[j]).strip()
    return bool(_LETTERS.search(nxt)) and not _BARE_MARKER.match(nxt) and \
        not re.match(r"(?:[IVXLC]+|\d{1,3}(?:\.\d{1,3})*|[a-zđ])\s*[.)\-–]\s", nxt)


def _runs_on(chunk: List[tuple], lines: List[str], i: int, width: int) -> bool:
    """Where blank lines do not separate paragraphs, whether the text after the blank lines at
    `i` goes on with the paragraph before them (a heading cut in two, a sentence going on)."""
    j = _gap_end(lines, i)
    if j >= len(lines):
        return False
    nxt = lines[j]
    if _is_pipe_line(nxt) or _is_md_row(nxt) or ("\t" in nxt and _is_tab_row(nxt)):
        return False
    prev = chunk[-1][1].strip()
    if _SEPARATOR_LINE.match(prev) or _PAGE_NUMBER.match(prev):
        return False
    bold_open = sum(t.count("**") for _, t in chunk) % 2 == 1
    if _new_paragraph(prev, nxt.strip(), width, bold_open):
        return False
    # only what plainly goes on: a sentence in lower case, a heading in capitals, an open bold
    p, s = _strip_md(prev).strip(), _strip_md(nxt).strip()
    return bold_open or _starts_lower(s) or (_is_caps(p) and _is_caps(s) and bool(MARKER_RE.match(p)))


def _wrap_width(lines: List[str]) -> int:
    """The width at which the text was hard-wrapped (0 when it was not): measured on the lines
    whose sentence goes on in lower case on the next line (short cells and headings of a page
    full of tables do not count), else on all lines followed by another."""
    wrapped = sorted(len(ln.rstrip()) for k, ln in enumerate(lines[:-1])
                     if ln.strip() and _starts_lower(lines[k + 1]) and "\t" not in ln and len(ln) < 160)
    if len(wrapped) >= 8:
        w = wrapped[int(len(wrapped) * 0.8)]
        if 50 <= w <= 130:
            return w
    lens = sorted(len(ln.rstrip()) for k, ln in enumerate(lines[:-1])
                  if ln.strip() and lines[k + 1].strip() and "\t" not in ln and len(ln) < 160)
    if len(lens) < 8:
        return 0
    w = lens[int(len(lens) * 0.8)]
    return w if 50 <= w <= 130 else 0


def _strip_md(s: str) -> str:
    s = _MD_ESCAPE.sub(r"\1", s)
    s = _MD_BOLD.sub("", s)
    # italic marks touch the text they mark ("*(DN)*", "*Căn cứ …;*"), also where the page nested
    # them ("***(hoặc …) *báo cáo"); a footnote mark "(*)" touches neither and stays
    return _MD_STRAY.sub("", s)


def _is_caps(s: str) -> bool:
    letters = _LETTERS.findall(s)
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# Words a wrapped line breaks after but a heading does not end with ("… phối hợp với" / "Sở Y tế …").
# a line ending in a word that awaits its number, and a line that starts with one
_AWAITS_NUMBER = re.compile(r"\b(?:quý|tháng|năm|ngày|khóa|khoá|giai đoạn|nhiệm kỳ)\W{0,2}$", re.I)
# (a date, a period with its year, or a year: never a list number such as "2." that opens an item)
_NUMBER_FIRST = re.compile(r"^(?:[IVX]{1,4}\s*[/\-–]\s*\d{2,4}|\d{1,2}\s*/\s*\d{1,4}(?:\s*/\s*\d{2,4})?|\d{4})(?!\d|\.\d)")
_DANGLING_END = re.compile(r"(?:[,(/&+-]|\b(?:của|và|với|về|cho|các|những|số|tại|theo|trong|đến|để|là|có|được"
                           r"|bằng|từ|ngày|tháng|năm|do|như|hoặc|thuộc|giữa|trên|dưới|sau|trước|khi"
                           r"|sở|ban|bộ|phòng|ủy|uỷ|cục|viện|hội|đoàn|UBND|HĐND|MTTQ))\W*$", re.I)


def _starts_upper(s: str) -> bool:
    """Starts with a capitalised word (not an abbreviation in capitals: "UBND tỉnh …" goes on)."""
    m = re.match(r"[^\W\d_]+", s)
    return bool(m) and m.group(0)[0].isupper() and not m.group(0).isupper()


def _starts_lower(s: str) -> bool:
    m = _LETTERS.search(s)
    return bool(m) and m.group(0).islower() and not s.lstrip().startswith(("-", "+", "•"))


def _paragraphs(chunk: List[tuple], width: int, spaced: bool = True,
                numbers: Optional[List[tuple]] = None) -> Iterable[Paragraph]:
    """Join the hard-wrapped lines of one chunk (lines between blank lines) into paragraphs."""
    if not chunk:
        return
    cur: List[tuple] = []
    bold_open = False
    for lineno, raw in chunk:
        raw_s = raw.strip()
        if _PAGE_NUMBER.match(raw_s):
            if numbers is not None and re.fullmatch(r"\d{1,3}\.?", raw_s):
                numbers.append((lineno, raw_s))
            continue
        if _SEPARATOR_LINE.match(raw_s):
            # "-----" under a title or a letterhead ends the paragraph above it
            if cur:
                yield _make_paragraph(cur)
                cur = []
            continue
        if not cur:
            cur = [(lineno, raw_s)]
            bold_open = raw_s.count("**") % 2 == 1
            continue
        prev = cur[-1][1]
        if len(cur) > 1 and raw_s.upper() == raw_s and MARKER_RE.match(_strip_md(cur[0][1]).strip()) \
                and all(_is_caps(_strip_md(t)) for _, t in cur) \
                and _is_caps(_strip_md(raw_s)) and not MARKER_RE.match(_strip_md(raw_s).strip()) \
                and not _is_type_line(_strip_md(raw_s).strip()) \
                and not _SENTENCE_END.search(_strip_md(prev).strip()):
            cur.append((lineno, raw_s))  # the third line of a numbered heading in capitals
            continue
        if _new_paragraph(prev, raw_s, width, bold_open, first_line=spaced and len(cur) == 1, spaced=spaced):
            yield _make_paragraph(cur)
            cur = [(lineno, raw_s)]
            bold_open = raw_s.count("**") % 2 == 1
        else:
            cur.append((lineno, raw_s))
            if raw_s.count("**") % 2 == 1:
                bold_open = not bold_open
    if cur:
        yield _make_paragraph(cur)


def _new_paragraph(prev: str, line: str, width: int, bold_open: bool, first_line: bool = False,
                   spaced: bool = False) -> bool:
    p, s = _strip_md(prev).strip(), _strip_md(line).strip()
    if not p or not s:
        return True
    if bold_open:  # inside **...** spanning lines: one heading
        return False
    if _BARE_MARKER.match(p) and _LETTERS.search(s) and not _BARE_MARKER.match(s):
        return False  # "2.3." / "**6**." alone on its line: the title follows on the next
    if prev.endswith("**") and line.startswith("**"):
        return True
    if _whole_bold(prev) and not line.startswith("**"):
        return True  # a bold heading line ("**PHỤ LỤC I**") before plain text
    kw = _KEYWORD_IN_SENTENCE.match(s)
    if kw and kw.group("w").islower() and not _SENTENCE_END.search(p) and not _is_caps(p):
        return False  # "… theo nội dung tại⏎Phụ lục 2 kèm theo Kế hoạch này": no appendix heading
    if MARKER_RE.match(s):
        return True
    if _is_type_line(p):
        return True  # "KẾ HOẠCH" over its title, even a title in lower case
    if not _SENTENCE_END.search(p) and _names_its_lead(s) and not re.search(r"(?:[,;]|\b(?:và|của|với|cho|đến|tại))$", p) \
            and not _HEAD_AT_END.search(p):
        return True  # "Ban Xây dựng Đảng chủ trì, phối hợp …" under the item it gives a lead
    if _starts_lower(s) and (not _SENTENCE_END.search(p) or re.search(r"[;,]$", p)):
        return False  # a sentence, or a list of clauses ("…;⏎các Đảng ủy trực thuộc; …"), goes on
    if _SENTENCE_END.search(p):
        return True
    if _AWAITS_NUMBER.search(p) and _NUMBER_FIRST.match(s):
        return False  # "… hoàn thành trong quý⏎III/2026.": the number the line's last word awaits
    if len(_LETTERS.findall(p)) >= 3 and len(_LETTERS.findall(s)) >= 3:
        if _is_caps(p) != _is_caps(s):
            return True
        if _is_caps(p) and _is_caps(s):
            # a heading in capitals wrapped onto a second line continues; capital lines without
            # a number (letterhead, signature block) stay lines of their own
            return not MARKER_RE.match(p)
    if not width:
        # not hard-wrapped: a line is a paragraph unless the next one goes on in lower case;
        # where blank lines separate paragraphs, the lines between them belong together
        return not spaced
    # (a next line longer than the wrap width shows the text is not wrapped there: the line ended at Enter)
    if (first_line or not spaced) and (len(prev) < 0.6 * width or len(line) > 1.3 * width) \
            and MARKER_RE.match(p) and _starts_upper(s) \
            and not _DANGLING_END.search(p) and not re.search(r"[\d%]$|:", p):
        return True  # "2. Tổ thư ký" alone, its duty on the next line: a numbered heading, not a wrap
    # the first line of a wrapped web paragraph is often short; later short lines end it
    return not first_line and len(prev) < 0.6 * width


# a marker alone with its stop ("2.3.", "6.", "III.", "b)"); a bare "1" or "I" may be a table cell
_BARE_MARKER = re.compile(rf"^(?:(?=[IVX]){_ROMAN}|\d{{1,3}}(?:\.\d{{1,3}})*|[a-zđ])\s*[.)\-–]$")
# a keyword and its number going on in lower case: a reference inside a sentence, not a heading
_KEYWORD_IN_SENTENCE = re.compile(r"^(?:Phụ lục|Phần|Mục|Chương|Điều)\s+[\dIVXLC]+[a-z]?,?\s+(?P<w>[^\W\d_])")


@lru_cache(maxsize=4096)
def _is_type_line(text: str) -> bool:
    """A line holding nothing but a document type in capitals ("KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG")."""
    if len(text) > 48 or not text[:1].isupper() or len(text.split()) > 5 or not _is_caps(text):
        return False
    from ..header import _doc_type_of

    found = _doc_type_of(text)
    return found is not None and not found[1]


# a line that ends in the head word of a unit ("… phối hợp với Văn phòng") goes on with its name
_HEAD_AT_END = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True)) + r")$")


@lru_cache(maxsize=4096)
def _names_its_lead(line: str) -> bool:
    """A line whose subject is a unit and whose verb says it leads ("Phòng Kinh tế chủ trì, …")."""
    if not line[:1].isupper() or len(line) > 200:
        return False
    from ..tasks import lead_line

    found = lead_line(re.sub(r"(?<=chủ)(?=trì)", " ", line))
    return found is not None and len(found[0].split()) <= 8 and \
        re.match(r"(?:chủ trì|chỉ đạo|phối hợp|tham mưu|chịu trách nhiệm)\b", found[1].lower()) is not None


def _whole_bold(line: str) -> bool:
    t = line.strip()
    return len(t) > 4 and t.startswith("**") and t.endswith("**") and t.count("**") == 2


def _make_paragraph(lines: List[tuple]) -> Paragraph:
    raw = " ".join(t for _, t in lines)
    stripped = raw.strip()
    bold = stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4
    text = _strip_md(raw)
    text = re.sub(r"[ \t]+", " ", text).strip()
    first, last = lines[0][0], lines[-1][0]
    return Paragraph(text=text, source=Source(line=first, line_end=last if last != first else None), bold=bold)


# --------------------------------------------------------------------------- tables
def _cell_text(lines: List[tuple]) -> str:
    """Join a cell's lines: hard wraps become spaces; keep line breaks where items start."""
    parts: List[str] = []
    for _, t in lines:
        t = t.strip()
        if _DOTS_LINE.match(t):
            t = "…"  # a row of dots stands for rows left out: kept for the table reader
        elif not t or _SEPARATOR_LINE.match(t):
            continue
        if parts and (MARKER_RE.match(_strip_md(t)) and not re.match(r"^\d", t)):
            parts.append("\n" + t)
        else:
            parts.append((" " if parts else "") + t)
    return re.sub(r"[ \t]+", " ", _strip_md("".join(parts))).strip()


def _pipe_table(lines: List[str], i: int, width: int = 0, spaced: bool = True):
    """One cell per line between lines holding a single '|'. Rows: '|' c1 '|' c2 '|' ... '|'; a
    row boundary is an empty slot, told from an empty cell by the reading of the whole table
    (`_read_slots`).

    Where no blank line closes the table (a whole web page saved as text), the '|' lines run on
    through the page: a slot that opens a heading (an appendix, the document type, "Điều 1"),
    that spans many lines, or that runs on after the table's last '|' is body text, not a cell.
    It ends the table (its first lines may still be the last cell) and is read as paragraphs; the
    next '|' opens a new table. Returns (blocks, the index of the line after them)."""
    n = len(lines)
    start = i
    items: List[List[tuple]] = []  # cell content lines between pipe lines
    cur: List[tuple] = []
    while i < n:
        line = lines[i]
        if _is_pipe_line(line):
            items.append(cur)
            cur = []
            i += 1
            continue
        if not line.strip():
            # a blank line ends the table when the last thing seen was a pipe line
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if not cur or j >= n or not (_is_pipe_line(lines[j]) or cur):
                break
            i = j
            continue
        cur.append((i + 1, line))
        i += 1
    # items[0] is the (empty) content before the first pipe
    slots = items[1:]
    trailing = bool(cur)
    if cur:
        slots.append(cur)
    out: list = []
    seg: List[List[tuple]] = []

    def flush() -> None:
        rows = _slots_to_rows(seg)
        if rows:
            first = next(s for s in seg if s)[0][0]
            last = next(s for s in reversed(seg) if s)[-1][0]
            out.append(Table(rows=rows, source=Source(line=first, line_end=last)))
        seg.clear()

    for k, slot in enumerate(slots):
        cut = _prose_start(slot, trailing and k == len(slots) - 1, width, lambda: _row_open(seg))
        if cut is None:
            seg.append(slot)
            continue
        if cut:
            seg.append(slot[:cut])
        flush()
        out.extend(_paragraphs(slot[cut:], width, spaced))
    flush()
    return out, max(i, start + 1)


_MAX_CELL_LINES = 40
_MAX_ROW_START_LINES = 12
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+\S")
_APPENDIX_HEAD = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:số\s+)?[\dIVXLC]+[a-z]?\b\.?)?\s*$")
_ROMAN_HEAD = re.compile(rf"^{_ROMAN}\s*[.\-–)]\s*\S")
_ARTICLE_HEAD = re.compile(r"^Điều\s+\d+\s*[.:]")


def _opens_text(raw: str) -> bool:
    """A line that opens body text rather than a cell: an appendix heading in bold or capitals
    ("PHỤ LỤC II"), an article in bold ("Điều 1."), a Roman-numbered heading in bold or capitals
    ("I. MỤC TIÊU")."""
    t = _strip_md(raw).strip()
    bold = raw.strip().startswith("**")
    if not t:
        return False
    if _APPENDIX_HEAD.match(t) and (bold or _is_caps(t)):
        return True
    if bold and _ARTICLE_HEAD.match(t):
        return True
    if _ROMAN_HEAD.match(t) and (bold or _is_caps(t)) and len(_LETTERS.findall(t)) >= 3:
        return True
    return False


def _runs_past_heading(slot: List[tuple]) -> bool:
    """A slot that opens with a Roman-numbered heading is a group row ("**I. Kinh\ntế số**")
    unless text follows the heading: lines after its bold closes, or lines not in capitals
    after a heading in capitals."""
    first = slot[0][1].strip()
    if first.startswith("**"):
        count = 0
        for k, (_, raw) in enumerate(slot):
            count += raw.count("**")
            if count % 2 == 0:
                return k < len(slot) - 1
        return False
    return any(not _is_caps(_strip_md(raw)) for _, raw in slot[1:])


def _row_open(seg: List[List[tuple]]) -> bool:
    """Whether the last row of the table read so far still lacks cells."""
    if not seg or not seg[-1]:
        return False  # after "|" "|" a new row would start
    rows, ncols = _read_slots(seg)
    return len(rows) < 2 or len(rows[-1]) < ncols


def _prose_start(slot: List[tuple], trailing: bool, width: int, row_open=lambda: True) -> Optional[int]:
    """Where body text starts in a slot of a '|' table (None: the slot is a cell). `row_open`
    tells whether the table's last row still lacks cells (text running on after the table then
    gives that row its last cell first)."""
    if not slot:
        return None
    for k, (_, raw) in enumerate(slot):
        if _opens_text(raw) and (k > 0 or not _ROMAN_HEAD.match(_strip_md(raw).strip())
                                 or _runs_past_heading(slot)):
            return k
        if k and _MD_HEADING.match(raw):
            return k
        # the document type alone ("**QUYẾT ĐỊNH**") over its title, where no cell is awaited, or
        # over more lines than a cell holds (a column may be headed "KẾ HOẠCH" too)
        if _is_type_line(_strip_md(raw).strip()) and k + 1 < len(slot) and (
                k or trailing or len(slot) > _MAX_ROW_START_LINES or not row_open()):
            return k
        # a line far longer than the page's wrap width was not wrapped with the document: the
        # site's own text after it (the page title repeated under the document)
        if k and width and len(raw.rstrip()) > 1.3 * width and len(slot[k - 1][1].rstrip()) < 0.6 * width:
            return k
    if len(slot) > _MAX_ROW_START_LINES and not row_open():
        return 0  # where a new row would start with its (short) number: many lines are body text
    first = slot[0][1].strip()
    if first.startswith("**") and MARKER_RE.match(_strip_md(first)) and _runs_past_heading(slot) and not row_open():
        return 0  # a bold numbered heading with its text where a new row would start
    if trailing or len(slot) > _MAX_CELL_LINES:
        if not row_open():
            return 0
        # text running on after the last '|': its first paragraph is the last cell
        first = next(iter(_paragraphs(slot, width, False)), None)
        if first is None:
            return None
        end = first.source.line_end or first.source.line
        cut = next((k for k, (ln, _) in enumerate(slot) if ln > end), len(slot))
        if not trailing and len(slot) > _MAX_CELL_LINES:
            return 0 if cut > _MAX_CELL_LINES // 2 else cut
        return cut if cut < len(slot) else None
    return None


def _looks_like_row_start(content: List[tuple]) -> bool:
    t = _strip_md(" ".join(x for _, x in content)).strip()
    return bool(re.match(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|{_ROMAN}(?:\.\d{{1,3}})*\.?|[A-ZĐ]\.?|[a-zđ]\))(?:\s|$)", t)) and len(t) < 200


_SHORT_ROW = 1.0      # a row with fewer cells than the table's columns (a merged or spanned row)
_EMPTY_CELL = 0.6     # an empty slot read as an empty cell rather than a row's end
_LOST_BOUNDARY = 1.5  # two rows with no empty slot between them (the page lost the row end)
_MISPLACED_NUMBER = 1.5  # a cell holding only a row's number ("2", "I.1") after another cell of its row
_MISPLACED_ITEM = 0.3    # a cell opening with a number ("1. Rà soát") after another cell of its row
_NEW_TABLE = 2.0      # the column count changes (another table run on without a blank line)
_PER_COLUMN = 0.01    # of equally good readings, the one with fewer columns
_COLUMN = 0.5         # each column of a table (a wide table reading many rows as one costs)
_MAX_COLUMNS = 12
_BARE_NUMBER = re.compile(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*|{_ROMAN}(?:\.\d{{1,3}})*|[a-zđA-ZĐ])[.)]?$")


def _slots_to_rows(slots: List[List[tuple]]) -> List[List[Cell]]:
    return _read_slots(slots)[0]


def _read_slots(slots: List[List[tuple]]):
    """Rows of a '|' table from its slots (a cell's lines, or [] for an empty slot), and the
    column count of its last row's table.

    A web page writes every row as its cells, each closed by '|', after a '|' opening the row: so
    a row of n cells is n slots followed by one empty slot, and an empty slot is either an empty
    cell or a row's end. Which one is decided for the whole run of slots at once (a small dynamic
    programme): the reading whose rows have their table's column count (rows with fewer cells are
    merged or spanned rows and cost, so do empty cells, and a change of column count: another
    table run on); a cell that reads as a row's number ("2", "II.", "a)") after another cell of
    its row costs, and a full row followed straight by such a number is two rows whose boundary
    the page lost."""
    kinds = [bool(s) for s in slots]
    if not any(kinds):
        return [], 0
    n = len(kinds)
    starts = [0] * n  # 2: a bare number, 1: a numbered text
    for k in range(n):
        if kinds[k] and _looks_like_row_start(slots[k]):
            bare = _BARE_NUMBER.match(_strip_md(" ".join(x for _, x in slots[k])).strip())
            starts[k] = 2 if bare else 1
    longest = run = 0
    for k in kinds:
        run = run + 1 if k else 0
        longest = max(longest, run)
    most = max(longest + 1, _MAX_COLUMNS)
    cuts, widths = _best_rows(kinds, starts, most)
    # read again knowing which columns the table leaves empty
    empties = _empty_columns(list(zip(cuts, widths)), kinds)
    if empties:
        cuts, widths = _best_rows(kinds, starts, most, empties)
    rows: List[List[Cell]] = []
    for (a, b), c in zip(cuts, widths):
        if not any(kinds[a:b]):
            continue
        row = [Cell(text=_cell_text(slots[k]), source=Source(line=slots[k][0][0], line_end=slots[k][-1][0]))
               if kinds[k] else Cell("") for k in range(a, b)]
        filled = [cell for cell in row if cell.text]
        if len(row) < c and len(filled) == 1:
            filled[0].span = c - len(row) + 1  # one cell merged across the row ("Buổi sáng", "I. Group")
        rows.append(row)
    kept = [c for (a, b), c in zip(cuts, widths) if any(kinds[a:b])]
    _two_row_header(rows, kept)
    _restore_row_spans(rows, kept)
    return rows, widths[-1]


_TIME_WORDS = re.compile(r"(?:\b(?:năm|quý|tháng|ngày|tuần|hằng|hàng|thường xuyên|trước|sau|từ|đến)\b"
                         r"|\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}\b|\b\d{1,2}h\d{0,2}\b)", re.I)


def _cell_kind(text: str) -> str:
    """A coarse kind of a cell's text, to tell its column: a row number, a time, a long text."""
    if not text:
        return "empty"
    if _BARE_NUMBER.match(text):
        return "number"
    if len(text) <= 60 and _TIME_WORDS.search(text):
        return "time"
    return "long" if len(text) > 80 else "text"


def _two_row_header(rows: List[List[Cell]], widths: List[int]) -> None:
    """A header of two rows written by a web page: the first row short of the table's columns,
    one of its cells over the second row's cells ("Đơn vị thực hiện" over "Chủ trì | Phối hợp"),
    the others over two rows and left out of the second. The merged cell is the one over the
    columns most alike in the rows below (the kind and length of their cells); the second row gets
    the first row's other cells, as Word's merged cells carry the text of the cell above."""
    start = 0
    while start < len(rows):
        c = widths[start]
        end = start
        while end < len(rows) and widths[end] == c:
            end += 1
        top, under = rows[start], rows[start + 1] if start + 1 < end else []
        body = [r for r in rows[start + 2:end] if len(r) == c]
        m = len(under)
        if (m >= 2 and len(top) + m - 1 == c and body and all(x.text for x in top + under)
                and not any(_BARE_NUMBER.match(x.text) for x in under)):
            def alike(j: int) -> float:
                a = [_cell_kind(r[j].text) for r in body]
                b = [_cell_kind(r[j + 1].text) for r in body]
                la = sorted(math.log(len(r[j].text) + 1) for r in body)[len(body) // 2]
                lb = sorted(math.log(len(r[j + 1].text) + 1) for r in body)[len(body) // 2]
                return sum(x == y for x, y in zip(a, b)) / len(body) - 0.5 * abs(la - lb)

            scores = {j: sum(alike(j + k) for k in range(m - 1)) for j in range(len(top))}
            j = max(sorted(scores, reverse=True), key=lambda k: scores[k])
            top[j].span = m
            rows[start + 1] = ([Cell(x.text, x.source, merged=True) for x in top[:j]] + under +
                               [Cell(x.text, x.source, merged=True) for x in top[j + 1:]])
        start = end


def _restore_row_spans(rows: List[List[Cell]], widths: List[int]) -> None:
    """A web page leaves out of a row the cells a cell above covers (HTML rowspan: one lead unit
    over several tasks): a row of filled cells short of its table's columns by one or two gets the
    text of the cells above in the columns left once its own cells are placed where they fit best
    (kinds and lengths of cells counted on the table's full rows), as Word's merged cells carry
    the text of the cell above."""
    for c in sorted(set(widths)):
        idx = [k for k, w in enumerate(widths) if w == c]
        full = [rows[k] for k in idx[1:] if len(rows[k]) == c]
        if c < 3 or len(full) < 2 or 2 * len(full) < len(idx) - 1:
            continue  # a table mostly of full rows, whose short rows are the exception
        counts = [dict() for _ in range(c)]
        sizes: List[List[float]] = [[] for _ in range(c)]
        for row in full:
            for j, cell in enumerate(row):
                kind = _cell_kind(cell.text)
                counts[j][kind] = counts[j].get(kind, 0) + 1
                if cell.text:
                    sizes[j].append(math.log(len(cell.text)))
        typical = [sorted(v)[len(v) // 2] if v else None for v in sizes]

        def fit(cell: Cell, j: int) -> float:
            """How well a cell reads as one of column j: its kind, then its length."""
            score = math.log((counts[j].get(_cell_kind(cell.text), 0) + 0.2) / (len(full) + 1.0))
            if cell.text and typical[j] is not None:
                score -= 0.5 * abs(math.log(len(cell.text)) - typical[j])
            return score

        restored: dict = {}  # row index -> the columns given the text above
        for pos in range(1, len(idx)):
            k, prev = idx[pos], idx[pos - 1]
            row, above = rows[k], rows[prev]
            missing = c - len(row)
            if not 1 <= missing <= 2 or len(above) != c or len(row) < 2 or not all(cell.text for cell in row):
                continue  # (a short row with empty cells is a merged group row, not one under a rowspan)
            # the cells left out: where the row's cells fit their columns best (of equally good
            # places, the last columns: a lead unit or a time over several tasks)
            best, pick = -math.inf, None
            for gaps in itertools.combinations(range(c), missing):
                if not all(above[j].text for j in gaps) or (prev in restored and not set(gaps) <= restored[prev]):
                    continue  # a cell above covering this row too; a restored row passes on only its own
                cols = [j for j in range(c) if j not in gaps]
                # a cell holding the text of the cell above in a column is that column's (not covered)
                score = sum(fit(cell, j) + (1.0 if cell.text and cell.text == above[j].text else 0.0)
                            for cell, j in zip(row, cols))
                if score >= best - 1e-9:
                    best, pick = score, gaps
            if pick is None:
                continue
            cells = iter(row)
            rows[k] = [Cell(above[j].text, above[j].source, merged=True) if j in pick else next(cells)
                       for j in range(c)]
            restored[k] = set(pick)


def _best_rows(kinds: List[bool], starts: List[int], most: int, empties: Optional[dict] = None):
    """The cheapest split of slots into rows: ([(start, end)], the column count of each row's table).
    cost[i][c]: the cheapest reading of the slots from i, where a row of a table of c columns starts.
    `empties`: for some column counts, what an empty cell costs in each column."""
    empties = empties or {}
    n = len(kinds)
    inf = float("inf")
    cols = range(1, most + 1)
    cost = [[inf] * (most + 1) for _ in range(n + 2)]
    choice: List[list] = [[None] * (most + 1) for _ in range(n + 2)]
    anyc = [(inf, 0)] * (n + 2)  # the cheapest start at i over all column counts
    for c in cols:
        cost[n][c] = cost[n + 1][c] = 0.0
    anyc[n] = anyc[n + 1] = (0.0, 1)
    for i in range(n - 1, -1, -1):
        # the rows that may start at i, longest first: (length, next row's start, what it costs
        # besides its empty cells, whether it needs the row to be full: a lost boundary)
        cells = []
        spent = 0.0
        seen = False
        options = []
        for k in range(i, min(i + most, n)):
            if kinds[k]:
                if seen and starts[k]:
                    spent += _MISPLACED_NUMBER if starts[k] == 2 else _MISPLACED_ITEM
                seen = True
            else:
                spent += _EMPTY_CELL
            cells.append(spent)
            end = k + 1
            if end >= n:
                options.append((end - i, n, 0.0, False))
            elif not kinds[end]:
                options.append((end - i, end + 1, 0.0, False))
            elif starts[end]:
                options.append((end - i, end, _LOST_BOUNDARY, True))
        options.reverse()
        cost_i, choice_i = cost[i], choice[i]
        for c in cols:
            best, pick = inf, None
            row_cells = cells if c not in empties else _row_costs(kinds, starts, i, c, empties[c])
            # prefer the longest row among equally cheap ones (empty slots fill the row before)
            for length, nxt, extra, lost in options:
                if length > c or (lost and length != c):
                    continue
                here = row_cells[length - 1] + extra + (_SHORT_ROW if length < c else 0.0)
                if here >= best:
                    continue
                rest, nc = cost[nxt][c], c
                other, oc = anyc[nxt]
                if other + _NEW_TABLE < rest:
                    rest, nc = other + _NEW_TABLE, oc
                if here + rest < best - 1e-9:
                    best, pick = here + rest, (i + length, nxt, nc)
            cost_i[c], choice_i[c] = best + _PER_COLUMN * c, pick
        m = min(cols, key=lambda c: cost_i[c] + _COLUMN * c)
        anyc[i] = (cost_i[m] + _COLUMN * m, m)
    cuts, widths = [], []
    i, c = 0, anyc[0][1]
    while i < n:
        end, nxt, nc = choice[i][c]
        cuts.append((i, end))
        widths.append(c)
        i, c = nxt, nc
    return cuts, widths


def _row_costs(kinds: List[bool], starts: List[int], i: int, c: int, empty: List[float]) -> List[float]:
    """What a row of `c` columns starting at slot i costs for each length, an empty cell costing
    what `empty` says for its column; a short row's cells are put under the first columns or
    under the last ones, whichever is cheaper (a merged cell may open or close the row)."""
    out = []
    misplaced = 0.0
    seen = False
    for k in range(i, min(i + c, len(kinds))):
        if kinds[k]:
            if seen and starts[k]:
                misplaced += _MISPLACED_NUMBER if starts[k] == 2 else _MISPLACED_ITEM
            seen = True
        length = k - i + 1
        left = sum(empty[j] for j in range(length) if not kinds[i + j])
        right = sum(empty[c - length + j] for j in range(length) if not kinds[i + j])
        out.append(misplaced + min(left, right))
    return out


def _empty_columns(rows: List[tuple], kinds: List[bool]) -> dict:
    """What an empty cell costs in each column of each table read: little in a column its full
    rows leave empty (a trailing empty column of the page), more in one they fill (the Stt)."""
    full: dict = {}
    for (a, b), c in rows:
        if b - a == c and c > 1:
            full.setdefault(c, []).append(a)
    out = {}
    for c, heads in full.items():
        if len(heads) < 3:
            continue
        rates = [sum(not kinds[a + j] for a in heads) / len(heads) for j in range(c)]
        if max(rates) >= 0.5:  # only a column mostly left empty changes the reading
            out[c] = [_EMPTY_CELL * (0.2 + 1.6 * (1 - r)) for r in rates]
    return out


_MD_BREAK = re.compile(r"<br\s*/?>", re.I)


def _split_md_row(line: str) -> List[str]:
    t = line.strip()
    return [c.strip() for c in t[1:-1].split("|")]


def _md_merged_row(s: str) -> bool:
    """A markdown row of one cell ("| **I. HẠ TẦNG SỐ** |"): a group row merged across the table."""
    t = s.strip()
    return len(t) > 2 and t.startswith("|") and t.endswith("|") and t.count("|") == 2 and bool(t[1:-1].strip())


def _md_table(lines: List[str], i: int):
    """Markdown rows `| a | b |`; a row of one cell between them is merged across the table."""
    start = i
    rows = []
    while i < len(lines) and (_is_md_row(lines[i]) or (
            rows and _md_merged_row(lines[i]) and i + 1 < len(lines) and _is_md_row(lines[i + 1]))):
        if _md_merged_row(lines[i]):
            text = _cell_text([(i + 1, part) for part in _MD_BREAK.split(lines[i].strip()[1:-1])])
            rows.append([Cell(text, Source(line=i + 1, row=len(rows), cell=0), span=max(len(rows[0]), 1))])
            i += 1
            continue
        cells = _split_md_row(lines[i])
        if not all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            # a cell's paragraphs are written as HTML line breaks ("Tập huấn:<br>- Cho cán bộ;")
            rows.append([Cell(_cell_text([(i + 1, part) for part in _MD_BREAK.split(c)]),
                              Source(line=i + 1, row=len(rows), cell=k))
                         for k, c in enumerate(cells)])
        i += 1
    return Table(rows=rows, source=Source(line=start + 1, line_end=i)), i


def _tab_group_row(rows: List[List[Cell]], line: str, nxt: str) -> bool:
    """A line without tabs between tab rows that is a row of its own, merged across the table: right
    under the header, in capitals, or in front of a row whose number starts a series ("1", "I", "a")."""
    if not line or not line[:1].isupper() or len(rows[0]) < 3:
        return False
    if len(rows) == 1 or _is_caps(line):
        return True
    return bool(re.fullmatch(r"(?:1|I|a)[.)]?", _strip_md(nxt.split("\t", 1)[0]).strip()))


def _tab_table(lines: List[str], i: int):
    """Tab-separated rows; blank lines inside are allowed; a line without tabs between rows is a
    continuation of the row above (a cell wrapped onto its own line) unless it starts a number."""
    start = i
    rows: List[List[Cell]] = []
    n = len(lines)
    while i < n:
        line = lines[i]
        if "\t" in line:
            cells = line.split("\t")
            rows.append([Cell(re.sub(r"\s+", " ", _strip_md(c)).strip(), Source(line=i + 1, cell=k))
                         for k, c in enumerate(cells)])
            i += 1
            continue
        if not line.strip():
            j = i
            while j < n and not lines[j].strip():
                j += 1
            if j < n and "\t" in lines[j]:
                i = j
                continue
            break
        # a line without tabs: continuation of the last row's last non-empty cell when short and
        # followed by another tab row; otherwise the table ends
        nxt = lines[i + 1] if i + 1 < n else ""
        t = _strip_md(line).strip()
        if rows and "\t" in nxt and len(line) < 300 and _tab_group_row(rows, t, nxt):
            # a group row merged across the table ("Nhóm nhiệm vụ về chuyển đổi số", "Buổi sáng …")
            rows.append([Cell(re.sub(r"\s+", " ", t), Source(line=i + 1, cell=0), span=len(rows[0]))])
            i += 1
            continue
        if rows and "\t" in nxt and not MARKER_RE.match(line.strip()) and len(line) < 300:
            last = rows[-1]
            k = max((j for j, c in enumerate(last) if c.text), default=len(last) - 1)
            last[k].text = (last[k].text + " " + line.strip()).strip()
            i += 1
            continue
        break
    return Table(rows=rows, source=Source(line=start + 1, line_end=i)), i
