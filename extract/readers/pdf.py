"""PDF reader: a .pdf file -> RawDocument (format="pdf") of Paragraph and Table blocks.

Reads the text layer through PDFium (pypdfium2): words once per page
(`pdf_text`), ruled tables from the page's strokes (`pdf_tables`), tables without ruling from the
word positions (`pdf_unruled`), lines and paragraphs (`pdf_lines`). The two-column letterhead
becomes a one-row Table (issuer | motto and date, lines a narrow cell wrapped put back together);
other side-by-side blocks (recipients | signer, on shared baselines or not, also when a page break
cuts them) become the left block's paragraphs, then the right one's. Running headers, footers and
page numbers are dropped. Every block carries Source(page, bbox).
Fonts whose text is not Vietnamese are recovered or set aside (`pdf_fonts`); pages without
readable text are OCRed (`pdf_ocr`, Tesseract) or reported.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from statistics import median

from ..errors import NeedsOCR, UnreadableFile
from ..model import Cell, Finding, Paragraph, RawDocument, Source, Table
from .pdf_lines import (group_lines, is_centered, join_lines, line_pitch, paragraph_breaks,
                        paragraphs_marked, rejoin_head_lines)
from .pdf_tables import PageTable, continue_table, ruled_tables, same_columns
from .pdf_unruled import unruled_tables


class EncryptedPDF(UnreadableFile):
    """The PDF needs a password."""


class DamagedPDF(UnreadableFile):
    """The PDF is corrupt or truncated."""


OCR_HINT = ("run with --ocr auto or --ocr always (needs Debian packages tesseract-ocr and "
            "tesseract-ocr-vie)")
OCR_INSTALL = ("install Tesseract with its Vietnamese model to read it by OCR (Debian/Ubuntu: "
               "apt-get install tesseract-ocr tesseract-ocr-vie), or get the original .docx")


def _open(path: str, password):
    import pypdfium2 as pdfium
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except OSError as exc:
        raise UnreadableFile(f"cannot open the file ({exc.strerror})", path, "check the path and permissions")
    if not head:
        raise DamagedPDF("the file is empty", path, "get the PDF again from its source")
    if b"%PDF-" not in head:
        raise UnreadableFile("this is not a PDF file (no %PDF- header)", path,
                             "check the file type; give a .pdf, .docx or .txt file")
    for pw in ([password] if password is not None else [None, ""]):
        try:
            return pdfium.PdfDocument(path, password=pw)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            if code == 4:   # FPDF_ERR_PASSWORD
                continue
            if code == 2:
                raise UnreadableFile("cannot open the file", path, "check the path and permissions")
            raise DamagedPDF("the PDF is damaged and cannot be read", path,
                             "get the file again from its source or re-save it as PDF")
    raise EncryptedPDF("the PDF is encrypted with a password", path,
                       "remove the password (e.g. qpdf --decrypt --password=... in.pdf out.pdf) "
                       "or give it with password=")


def _truncated(path: str) -> bool:
    with open(path, "rb") as fh:
        fh.seek(max(os.path.getsize(path) - 2048, 0))
        return b"%%EOF" not in fh.read()


def read_pdf(path: str, *, ocr="auto", password: str | None = None, **options) -> RawDocument:
    """Read a PDF into blocks. `ocr`: "auto" (pages without readable text are OCRed when
    Tesseract is installed), "never", "always" (True means "always"). Raises UnreadableFile
    (EncryptedPDF, DamagedPDF, NeedsOCR)."""
    from .pdf_ocr import mode_of
    from .pdf_text import FontCache, page_words
    mode = mode_of(ocr)
    doc = _open(path, password)
    findings: list = []
    fonts = FontCache(path, password)
    try:
        n = len(doc)
        if n == 0:
            raise DamagedPDF("the PDF has no pages", path, "get the file again from its source")
        pages = []
        for i in range(n):
            try:
                page = doc[i]
            except Exception:
                raise DamagedPDF(f"page {i + 1} cannot be read", path,
                                 "get the file again from its source or re-save it as PDF")
            pages.append(page_words(page, i + 1, fonts))
            page.close()
        if _truncated(path):
            findings.append(Finding("damaged-file", "warning",
                                    "Tệp PDF bị cắt cụt hoặc hỏng phần cuối; nội dung có thể không đầy đủ.",
                                    source=Source(page=n)))
        ocred = _ocr(doc, pages, mode, path, findings)
    finally:
        fonts.vetter.close()
        doc.close()
    blocks = build_blocks(pages)
    if ocred:
        from .pdf_ocr import confidence
        confidence(blocks, {p.number: p.words for p in pages if p.number in ocred})
    return RawDocument(blocks=blocks, path=path, format="pdf", pages=len(pages), findings=findings,
                       normalization=fonts.vetter.report())


def _ocr(doc, pages: list, mode: str, path: str, findings: list) -> list:
    """OCR the pages that need it (pdf_ocr), or say which pages could not be read and why.
    Returns the numbers of the pages read by OCR."""
    from .pdf_ocr import PACKAGES, needs_ocr, ocr_pages, pages_text, tesseract
    todo = pages if mode == "always" else [p for p in pages if needs_ocr(p)]
    exe = tesseract() if todo and mode != "never" else None
    if todo and exe:
        ocr_pages(doc, todo, path, exe, whole=mode == "always")
        nums = [p.number for p in todo]
        findings.append(Finding(
            "ocr", "info", f"Trang {pages_text(nums)} được đọc bằng OCR (Tesseract): văn bản có thể "
            "sai chính tả, cần đối chiếu bản gốc.", source=Source(page=nums[0])))
        return nums
    if mode == "always" and not exe:
        raise NeedsOCR("OCR was asked for but Tesseract with its Vietnamese model (vie) is not installed",
                       path, OCR_INSTALL)
    ocr_done: list = []
    if all(not p.words for p in pages):
        if any(p.unreadable for p in pages):
            raise NeedsOCR("the text of this PDF cannot be decoded (fonts without a usable Unicode map)",
                           path, OCR_HINT if mode == "never" else OCR_INSTALL)
        raise NeedsOCR("this PDF is a scan without a text layer", path,
                       OCR_HINT if mode == "never" else OCR_INSTALL)
    bad = [p for p in todo if p not in ocr_done]
    for p in pages:
        if p.unreadable and p not in bad:   # a few stray words: reported where they stand
            xs = [w.x0 for w in p.unreadable] + [w.x1 for w in p.unreadable]
            ys = [w.top for w in p.unreadable] + [w.bottom for w in p.unreadable]
            findings.append(Finding(
                "unreadable-text", "error",
                f"Trang {p.number}: {len(p.unreadable)} từ không đọc được (phông chữ không có bảng "
                "mã Unicode); phần này bị bỏ qua — cần đối chiếu bản gốc hoặc chạy lại với --ocr.",
                source=Source(page=p.number, bbox=(round(min(xs), 1), round(min(ys), 1),
                                                   round(max(xs), 1), round(max(ys), 1)))))
    if bad:
        why = ("chạy lại với --ocr auto" if mode == "never" else
               f"cài Tesseract để đọc bằng OCR: apt-get install {PACKAGES}")
        findings.append(Finding(
            "unreadable-text", "error",
            f"Trang {pages_text([p.number for p in bad])}: văn bản không đọc được (phông chữ không có "
            f"bảng mã Unicode dùng được, hoặc trang chỉ là ảnh quét); phần này bị bỏ qua — cần đối "
            f"chiếu bản gốc hoặc {why}.", source=Source(page=bad[0].number)))
    return []


# ---------------------------------------------------------------------------- page layout
_PAGE_NO = re.compile(r"^[-–—\s]*(?:trang|page)?\s*(\d{1,4})(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)


def _furniture(pages_lines: list, heights: list, widths: list) -> set:
    """(page, line index) of running headers, footers and page numbers. A bare number in the top or
    bottom margin is a page number when it matches the page count, runs on from page to page (the
    numbering restarted for an appendix), or stands alone centred on the page."""
    drop: set = set()
    seen: Counter = Counter()
    cand: list = []
    numbers: dict = {}   # (page index, number) -> line index of a bare number off its page's count
    for pi, lines in enumerate(pages_lines):
        h = heights[pi]
        for li, line in enumerate(lines):
            if line.top > 0.12 * h and line.bottom < 0.9 * h:
                continue
            if li > 1 and li < len(lines) - 2:
                continue
            m = _PAGE_NO.match(line.text)
            if m and abs(int(m.group(1)) - (pi + 1)) <= 2:
                drop.add((pi, li))
                continue
            if m:
                numbers[(pi, int(m.group(1)))] = li
                if len(lines) > 1 and abs(line.x0 + line.x1 - widths[pi]) < 0.05 * widths[pi]:
                    drop.add((pi, li))
            key = re.sub(r"\d+", "#", line.text.casefold()).strip()
            seen[key] += 1
            cand.append((pi, li, key))
    # numbering restarted (an appendix counted from 1): numbers running on from page to page
    for (pi, num), li in numbers.items():
        if (pi - 1, num - 1) in numbers or (pi + 1, num + 1) in numbers:
            drop.add((pi, li))
    if len(pages_lines) >= 2:
        need = max(2, len(pages_lines) // 2)
        for pi, li, key in cand:
            if seen[key] >= need:
                drop.add((pi, li))
    return drop


def _corridor(lines: list, lo: float, hi: float):
    """The widest x-interval within lo..hi free of words in all `lines`, or None."""
    free = [(lo, hi)]
    for line in lines:
        for w in line.words:
            nxt = []
            for a, b in free:
                if w.x1 <= a or w.x0 >= b:
                    nxt.append((a, b))
                    continue
                if w.x0 > a:
                    nxt.append((a, w.x0))
                if w.x1 < b:
                    nxt.append((w.x1, b))
            free = nxt
            if not free:
                return None
    best = max(free, key=lambda ab: ab[1] - ab[0])
    return best if best[1] - best[0] >= 6 else None


def _two_sided(lines: list, left: float, right: float) -> list:
    """Runs of lines set side by side in two blocks: [(start, end, gutter_x)]. The two blocks need
    not share baselines (a letterhead whose left lines sit at y 60/86/113 and right ones at
    60/76/103/130; recipients beside a signer): each side has two lines or more and their heights
    overlap. A line crossing the gutter must show a gap there wider than its other word gaps —
    the gaps of justified lines can line up over a few lines without being a gutter."""
    lo, hi = left + 0.25 * (right - left), right - 0.25 * (right - left)
    runs, i, n = [], 0, len(lines)
    while i < n:
        j, gutter = i, None
        while j < n:
            line = lines[j]
            if j > i and line.top - lines[j - 1].bottom > 3 * line.size and not (
                    gutter and _under_column(line, lines[i:j], gutter, left, right)):
                break
            if len(line.segments) == 1 and is_centered(line, left, right) and not (
                    gutter and _in_column(line, lines[i:j], gutter, left, right)):
                break
            g = _corridor(lines[i:j + 1], lo, hi)
            if g is None or not _gutter_gap(line, g):
                break
            gutter, j = g, j + 1
        if gutter is not None:
            g = (gutter[0] + gutter[1]) / 2
            start = _side_by_side(lines, i, j, g)
            if start is not None:
                runs.append((start, j, g))
                i = j
                continue
        i += 1
    return runs


def _gutter_gap(line, gutter: tuple) -> bool:
    """A line crossing the gutter: is its gap there clearly wider than its other word gaps?"""
    a, b = gutter
    if not line.x0 < a < b < line.x1:
        return True
    gaps = [(w2.x0 - w1.x1, w1.x1 <= a and w2.x0 >= b) for w1, w2 in zip(line.words, line.words[1:])]
    at = [g for g, cross in gaps if cross]
    others = sorted(g for g, cross in gaps if not cross)
    if not at or not others:
        return True
    return at[0] > max(1.6 * others[len(others) // 2], others[-1] + 1.0, 0.6 * line.size)


def _side_by_side(lines: list, i: int, j: int, g: float):
    """The first line of the run lines[i:j] set in two blocks beside each other, or None. Lines
    of one side above the first line of the other side are running text ending before the blocks."""
    sides = [(any(w.x1 <= g for w in l.words), any(w.x0 >= g for w in l.words)) for l in lines[i:j]]
    both = sum(1 for a, b in sides if a and b)
    if both >= 2:
        return i
    first_l = next((k for k, (a, _) in enumerate(sides) if a), None)
    first_r = next((k for k, (_, b) in enumerate(sides) if b), None)
    if first_l is None or first_r is None:
        return None
    start = max(first_l, first_r)
    while start > 0 and lines[i + start - 1].bottom > lines[i + start].top + 0.2 * lines[i + start].size:
        start -= 1   # a line of the other side a little higher (both sides' first lines)
    run = sides[start:]
    if sum(1 for a, _ in run if a) < 2 or sum(1 for _, b in run if b) < 2:
        return None
    return i + start


def _under_column(line, run: list, gutter: tuple, left: float, right: float) -> bool:
    """A line lower down (a signer's name below the space for the signature) set under one column
    of the run above: wholly on one side of the gutter and centred under that side's lines."""
    return (line.top - run[-1].bottom < 8 * line.size and len(line.segments) == 1
            and _in_column(line, run, gutter, left, right))


def _in_column(line, run: list, gutter: tuple, left: float, right: float) -> bool:
    """Does a page-centred line belong to one column of the two-sided run above it? Only when it
    lies wholly on one side of the gutter and is centred under that column's own lines; the type
    line ("KẾ HOẠCH") centred on the page below both columns ends the letterhead even when a
    narrow left column puts the gutter left of the page centre."""
    if line.x1 < gutter[0]:
        side = [w for l in run for w in l.words if w.x1 <= gutter[0]]
    elif line.x0 > gutter[1]:
        side = [w for l in run for w in l.words if w.x0 >= gutter[1]]
    else:
        return False
    if not side:
        return False
    mid = (min(w.x0 for w in side) + max(w.x1 for w in side)) / 2
    return abs((line.x0 + line.x1) / 2 - mid) < max(6.0, 0.03 * (right - left))


def _side_lines(lines: list, g: float, page: int) -> tuple:
    lw = [w for l in lines for w in l.words if w.x1 <= g]
    rw = [w for l in lines for w in l.words if w.x0 >= g]
    return group_lines(lw, page), group_lines(rw, page)


def _bbox(items) -> tuple:
    items = list(items)
    return (round(min(i.x0 for i in items), 1), round(min(i.top for i in items), 1),
            round(max(i.x1 for i in items), 1), round(max(i.bottom for i in items), 1))


def build_blocks(pages: list) -> list:
    """Pages of words and edges -> blocks in reading order."""
    per_page = []
    for p in pages:
        tables, words = ruled_tables(p)
        per_page.append((tables, group_lines(words, p.number)))
    drop = _furniture([ls for _, ls in per_page], [p.height for p in pages], [p.width for p in pages])
    # body margins from all lines
    x0s = Counter(round(l.x0) for _, ls in per_page for l in ls)
    blocks: list = []
    pending: list = []   # lines of running text waiting to become paragraphs
    carry = None         # [lines, gutter, lone]: a side-by-side block at a page's foot
    margins = {}
    for pi, (tables, lines) in enumerate(per_page):
        lines = [l for li, l in enumerate(lines) if (pi, li) not in drop]
        if lines:
            common = min((k for k, c in x0s.items() if c >= 2), default=0)
            left = max(min(l.x0 for l in lines), common)
            rights = sorted(l.x1 for l in lines)
            right = rights[int(0.9 * (len(rights) - 1))]
        else:
            left, right = 0.0, pages[pi].width
        margins[pi + 1] = (left, right)
        found = unruled_tables(lines, pi + 1)
        if found:
            taken = set().union(*(ks for _, ks in found))
            lines = [l for li, l in enumerate(lines) if li not in taken]
            tables = sorted(tables + [t for t, _ in found], key=lambda t: t.bbox[1])
        items = [(l.top, "line", l) for l in lines] + [(t.bbox[1], "table", t) for t in tables]
        items.sort(key=lambda it: it[0])
        body = [it[2] for it in items if it[1] == "line"]
        at = {id(line): k for k, line in enumerate(body)}   # (Line equality compares every word)
        runs = {s: (e, g) for s, e, g in _two_sided(body, left, right)}
        body_start = 0
        if carry:   # a block set beside another, cut by the page break, may go on at the top
            if 0 in runs and _fits_gutter(carry[0], runs[0][1]):
                body_start, g = runs.pop(0)
                carry = [carry[0] + body[:body_start], g, False]
                if body_start < len(body) or items[-1][1] == "table":
                    _emit_carry(carry, pending, blocks, margins)
                    carry = None   # else the whole page is the block: it may go on further
            else:
                _emit_carry(carry, pending, blocks, margins)
                carry = None
        k = body_start
        for _, kind, obj in items:
            if kind == "table":
                if carry:
                    _emit_carry(carry, pending, blocks, margins)
                    carry = None
                if (not pending and blocks and isinstance(blocks[-1], PageTable)
                        and blocks[-1].pages[-1] == pi and k == 0 and same_columns(blocks[-1], obj)):
                    continue_table(blocks[-1], obj)
                else:
                    _flush(pending, blocks, margins)
                    blocks.append(obj)
                continue
            idx = at[id(obj)]
            if idx < k:
                continue
            if carry:
                _emit_carry(carry, pending, blocks, margins)
                carry = None
            if idx in runs:
                end, g = runs[idx]
                run = body[idx:end]
                _flush(pending, blocks, margins)
                if not blocks and pi == 0:
                    lside, rside = _side_lines(run, g, pi + 1)
                    src = Source(page=1, bbox=_bbox(run))
                    blocks.append(Table([[
                        Cell("\n".join(rejoin_head_lines([l.text for l in side])),
                             Source(page=1, table=0, row=0, cell=c, bbox=_bbox(side) if side else None))
                        for c, side in enumerate((lside, rside))]], src))
                elif end == len(body) and items[-1][1] == "line":
                    carry = [run, g, False]   # the page ends inside the block: it may go on
                else:
                    _emit_carry([run, g, False], pending, blocks, margins)
                k = end
                continue
            pending.append(obj)
            k = idx + 1
        if not carry and pending and pending[-1].page == pi + 1 and _split_line(pending[-1]):
            last = pending.pop()   # one line of two blocks ("Nơi nhận:" | "TM. …") ends the page
            carry = [[last], _split_line(last), True]
    if carry:
        _emit_carry(carry, pending, blocks, margins)
    _flush(pending, blocks, margins)
    return _finish(blocks)


def _split_line(line):
    """The middle of the widest gap of a line set in two segments, or None."""
    if len(line.segments) != 2:
        return None
    a, b = line.segments[0][-1].x1, line.segments[1][0].x0
    return (a + b) / 2


def _fits_gutter(lines: list, g: float) -> bool:
    """Do the lines carried from the page before keep clear of the gutter at g?"""
    return all(not (w.x0 < g < w.x1) for l in lines for w in l.words)


def _emit_carry(carry: list, pending: list, blocks: list, margins: dict) -> None:
    """Blocks for a run of side-by-side lines (the left block's paragraphs, then the right one's),
    page by page; a lone two-segment line that found no block to join goes back to running text."""
    lines, g, lone = carry
    if lone:
        pending.extend(lines)
        return
    _flush(pending, blocks, margins)
    sides: tuple = ([], [])
    for page in sorted({l.page for l in lines}):
        lside, rside = _side_lines([l for l in lines if l.page == page], g, page)
        sides[0].extend(lside)
        sides[1].extend(rside)
    for side in sides:
        _side_paragraphs(side, blocks)


def _side_paragraphs(lines: list, blocks: list) -> None:
    """A block set beside another (recipients, signer): short lines, one paragraph each, except a
    line going on in lower case (a wrapped line)."""
    groups: list = []
    for line in lines:
        if groups and line.text[:1].islower():
            groups[-1].append(line)
        else:
            groups.append([line])
    for g in groups:
        blocks.append(Paragraph(" ".join(l.text for l in g), Source(page=g[0].page, bbox=_bbox(g)),
                                bold=g[0].bold, size=g[0].size))


def _flush(lines: list, blocks: list, margins: dict) -> None:
    """Pending lines -> paragraphs appended to blocks."""
    if not lines:
        return
    # paragraph breaks are decided with each line's own page margins
    groups: list = [[lines[0]]]
    pitch = line_pitch(lines)
    marked = paragraphs_marked(lines, margins, pitch)
    for prev, nxt in zip(lines, lines[1:]):
        left, right = margins.get(nxt.page, (0, 1e9))
        if paragraph_breaks([prev, nxt], left, right, pitch, marked)[0]:
            groups.append([nxt])
        else:
            groups[-1].append(nxt)
    for g in groups:
        first_page = [l for l in g if l.page == g[0].page]
        text = join_lines([l.text for l in g])
        bold = sum(len(l.text) for l in g if l.bold) * 2 > len(text)
        blocks.append(Paragraph(text, Source(page=g[0].page, bbox=_bbox(first_page)),
                                bold=bold, size=median(l.size for l in g)))
    lines.clear()


def _finish(blocks: list) -> list:
    """PageTables -> Tables with table/row/cell indices; NFC is done on words already."""
    out, t = [], 0
    for b in blocks:
        if isinstance(b, PageTable):
            for r, row in enumerate(b.rows):
                for c, cell in enumerate(row):
                    cell.source.table, cell.source.row, cell.source.cell = t, r, c
            out.append(Table(b.rows, Source(page=b.page, table=t, bbox=b.bbox)))
            t += 1
        else:
            if isinstance(b, Table):
                t += 1
            out.append(b)
    return out
