"""Text reader: a .txt plan -> RawDocument (paragraphs and tables with line numbers).

Reads the three shapes plans arrive in as text:
- Word exports: paragraphs between blank lines, table rows as tab-separated lines (header rows
  repeated after page breaks, continuation lines without tabs);
- web pages of legal portals converted to markdown: `**bold**`/`*italic*` markers, hard wraps at
  ~80 characters, tables either as `| a | b |` lines or one cell per line between lines holding a
  single `|`;
- PDF text layers: hard-wrapped lines with no blank lines, page numbers on lines of their own.

Hard-wrapped lines are joined back into paragraphs; a new paragraph starts at a numbering marker,
a bullet, after a line ending a sentence, at a change between capitals and lower case, or after a
line much shorter than the wrap width. Each block keeps the 1-based lines it came from.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

from ..errors import UnreadableFile
from ..model import Cell, Paragraph, RawDocument, Source, Table

# A line that starts a new item: Roman/Arabic/letter numbering, bullets, keywords.
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"
MARKER_RE = re.compile(
    r"^\s*(?:"
    rf"(?:{_ROMAN})\s*[.\-–:)]\s*(?=\S)"          # I.  II-  IV)
    r"|\d{1,3}(?:\.\d{1,3})*\s*[.\-–)]\s+(?=\S)"   # 1.  1.1.  2)  1-
    r"|\d{1,3}(?:\.\d{1,3})+(?=\s)"                # 1.1 without the final dot
    r"|\(\s*\d{1,3}\s*\)\.?\s*"                    # (1) (1).
    r"|[a-zđ]\s*[).]\s+(?=\S)"                      # a) b. đ)
    r"|[-+•●▪■◦*–—]\s*(?=\S)"                        # bullets
    r"|(?:Phần|PHẦN|Mục|MỤC|Chương|CHƯƠNG|Phụ lục|PHỤ LỤC|Điều)\s+[\dIVXLA-Z]"
    r")"
)
_SENTENCE_END = re.compile(r"[.;:!?]\)?[\"”’*]*$|\./\.$")
_SEPARATOR_LINE = re.compile(r"^\s*(?:[-_=*~.·…]{1,}\s*)+$")
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
    return RawDocument(blocks=blocks, path=path, format="txt", lone_numbers=numbers)


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
    while i < n:
        line = lines[i]
        if _is_pipe_line(line):
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
            table, i = _pipe_table(lines, i)
            if table is not None:
                yield table
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
            yield from _paragraphs(chunk, width, spaced, numbers)
            chunk = []
        else:
            chunk.append((i + 1, line))
        i += 1
    yield from _paragraphs(chunk, width, spaced, numbers)


def _wrap_width(lines: List[str]) -> int:
    """The width at which the text was hard-wrapped (0 when it was not)."""
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
        if _SEPARATOR_LINE.match(raw_s) or _PAGE_NUMBER.match(raw_s):
            if numbers is not None and re.fullmatch(r"\d{1,3}\.?", raw_s):
                numbers.append((lineno, raw_s))
            continue
        if not cur:
            cur = [(lineno, raw_s)]
            bold_open = raw_s.count("**") % 2 == 1
            continue
        prev = cur[-1][1]
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
    if prev.endswith("**") and line.startswith("**"):
        return True
    if MARKER_RE.match(s):
        return True
    if _starts_lower(s) and not _SENTENCE_END.search(p):
        return False
    if _SENTENCE_END.search(p):
        return True
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
        if not t or _SEPARATOR_LINE.match(t):
            continue
        if parts and (MARKER_RE.match(_strip_md(t)) and not re.match(r"^\d", t)):
            parts.append("\n" + t)
        else:
            parts.append((" " if parts else "") + t)
    return re.sub(r"[ \t]+", " ", _strip_md("".join(parts))).strip()


def _pipe_table(lines: List[str], i: int):
    """One cell per line between lines holding a single '|'. Rows: '|' c1 '|' c2 '|' ... '|'; a
    row boundary is an empty slot, told from an empty cell by the column count of the first row."""
    n = len(lines)
    start = i
    items: List[Optional[List[tuple]]] = []  # None = a pipe line; list = cell content lines
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
    if cur:
        slots.append(cur)
    rows = _slots_to_rows(slots)
    if not rows:
        return None, max(i, start + 1)
    table = Table(rows=rows, source=Source(line=start + 1, line_end=i))
    return table, i


def _looks_like_row_start(content: List[tuple]) -> bool:
    t = _strip_md(" ".join(x for _, x in content)).strip()
    return bool(re.match(rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*\.?|{_ROMAN}\.?|[A-ZĐ]\.?|[a-zđ]\))(?:\s|$)", t)) and len(t) < 200


def _slots_to_rows(slots: List[List[tuple]]) -> List[List[Cell]]:
    # split into content runs separated by gaps of k empty slots
    seq: List[tuple] = []  # (empties_before, content)
    empties = 0
    for s in slots:
        if s:
            seq.append((empties, s))
            empties = 0
        else:
            empties += 1
    if not seq:
        return []
    rows: List[List[Cell]] = []
    row: List[Cell] = []
    ncols = 0

    def cell_of(content):
        return Cell(text=_cell_text(content), source=Source(line=content[0][0], line_end=content[-1][0]))

    for idx, (gap, content) in enumerate(seq):
        if idx == 0:
            row.append(cell_of(content))
            continue
        if not ncols:
            # first row: ends at the first gap
            if gap >= 1:
                rows.append(row)
                ncols = len(row)
                row = [Cell("") for _ in range(gap - 1)]
                row.append(cell_of(content))
            else:
                row.append(cell_of(content))
            continue
        # gap counts empty slots: within a row each extra empty slot is an empty cell; one slot is
        # the row boundary when the row is full or the new content starts a row.
        if gap == 0:
            row.append(cell_of(content))
            continue
        if len(row) >= ncols or _looks_like_row_start(content) or len(row) + gap > ncols:
            # trailing empty slots fill this row up to the column count; one slot is the
            # boundary; what is left are empty leading cells of the next row
            fill = min(gap - 1, max(ncols - len(row), 0))
            row.extend(Cell("") for _ in range(fill))
            rows.append(row)
            row = [Cell("") for _ in range(gap - 1 - fill)]
        else:
            row.extend(Cell("") for _ in range(gap))
        row.append(cell_of(content))
    if row:
        rows.append(row)
    return rows


def _split_md_row(line: str) -> List[str]:
    t = line.strip()
    return [c.strip() for c in t[1:-1].split("|")]


def _md_table(lines: List[str], i: int):
    start = i
    rows = []
    while i < len(lines) and _is_md_row(lines[i]):
        cells = _split_md_row(lines[i])
        if not all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            rows.append([Cell(_strip_md(c).strip(), Source(line=i + 1, row=len(rows), cell=k))
                         for k, c in enumerate(cells)])
        i += 1
    return Table(rows=rows, source=Source(line=start + 1, line_end=i)), i


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
        if rows and "\t" in nxt and not MARKER_RE.match(line.strip()) and len(line) < 300:
            last = rows[-1]
            k = max((j for j, c in enumerate(last) if c.text), default=len(last) - 1)
            last[k].text = (last[k].text + " " + line.strip()).strip()
            i += 1
            continue
        break
    return Table(rows=rows, source=Source(line=start + 1, line_end=i)), i
