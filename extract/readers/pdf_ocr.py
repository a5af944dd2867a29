"""OCR for PDF pages without readable text: page image (pypdfium2) -> Tesseract (`vie`) -> words.

Reads the `PageText`s of pages with no text layer, or whose text the font check set aside
(`pdf_fonts`), and fills their `words` from Tesseract's TSV output, in points, so the usual line,
paragraph and table stages run on them; each word keeps Tesseract's confidence. Calls the
`tesseract` binary (Debian tesseract-ocr, tesseract-ocr-vie); no Python binding is needed.
Modes: "auto" (OCR where needed, when Tesseract is installed), "never", "always" (every page).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from ..errors import NeedsOCR
from .pdf_text import Word

DPI = 300          # 13-pt Times is ~54 px high: what Tesseract reads best
PACKAGES = "tesseract-ocr tesseract-ocr-vie"
INSTALL = f"install Tesseract with its Vietnamese model (Debian/Ubuntu: apt-get install {PACKAGES})"
MODES = ("auto", "never", "always")


def mode_of(ocr) -> str:
    """The OCR mode from an option: "auto" | "never" | "always"; True is "always", False and None
    are "auto" (OCR stays the fallback), anything else is refused."""
    if ocr is True:
        return "always"
    if ocr is False or ocr is None:
        return "auto"
    if ocr not in MODES:
        raise ValueError(f"ocr must be one of {', '.join(MODES)}, not {ocr!r}")
    return ocr


def tesseract() -> str | None:
    """The tesseract program when it is installed with the Vietnamese model, else None."""
    exe = shutil.which("tesseract")
    if not exe:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (subprocess.SubprocessError, OSError):
        return None
    return exe if "vie" in langs.split() else None


def needs_ocr(page) -> bool:
    """A page without a text layer, or whose text was set aside (more than a stray word)."""
    if not page.words and not page.unreadable:
        return True
    n = len(page.unreadable)
    return n >= 3 and n * 10 >= len(page.words)


def ocr_pages(doc, pages: list, path: str, exe: str, whole: bool = False) -> None:
    """Fill `words` of each PageText in `pages` (pages of `doc`, a PdfDocument) by OCR. A page
    whose text layer is partly good keeps its good words; OCR words stand in for the words set
    aside (those whose centre falls in a set-aside word's box). `whole`: the page is read from its
    image only. Pages are rendered one by one (PDFium is not thread-safe) and read by several
    one-thread Tesseract processes at once."""
    from concurrent.futures import ThreadPoolExecutor
    scale = DPI / 72
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    workers = max(1, min(4, os.cpu_count() or 1, len(pages)))

    def run(png: Path) -> str:
        return subprocess.run([exe, str(png), "stdout", "-l", "vie", "--psm", "3", "tsv"],
                              capture_output=True, text=True, timeout=300, check=True, env=env).stdout
    with tempfile.TemporaryDirectory() as tmp, ThreadPoolExecutor(workers) as pool:
        jobs = []
        for p in pages:
            png = Path(tmp) / f"p{p.number}.png"
            doc[p.number - 1].render(scale=scale).to_pil().convert("L").save(png)
            jobs.append((p, pool.submit(run, png)))
        for p, job in jobs:
            try:
                out = job.result()
            except (subprocess.SubprocessError, OSError) as exc:
                raise NeedsOCR(f"Tesseract failed on page {p.number} ({exc})", path,
                               "check the Tesseract installation") from None
            got = [w for w in _tsv_words(out, scale) if not _noise(w)]
            if p.words and p.unreadable and not whole:
                boxes = [(w.x0 - 2, w.top - 2, w.x1 + 2, w.bottom + 2) for w in p.unreadable]
                got = p.words + [w for w in got if _inside(w, boxes)]
            p.words = got
            p.unreadable = []


_RULE_CHARS = "|¦[]_!"


def _noise(w) -> bool:
    """What Tesseract makes of a table border (|), a seal, a signature or a speck: a word of rule
    characters, or a word it is unsure of that is no Vietnamese syllable. Rule characters stuck
    to a word are cut off."""
    from ..text.garble import verdict
    text = w.text.strip(_RULE_CHARS) if len(w.text) > 1 else w.text
    if not text or all(c in _RULE_CHARS for c in text):
        return True
    w.text = text
    return w.conf is not None and w.conf < 0.35 and verdict(w.text) <= 0


def _inside(w, boxes: list) -> bool:
    cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
    return any(a <= cx <= c and b <= cy <= d for a, b, c, d in boxes)


def _tsv_words(tsv: str, scale: float) -> list:
    words = []
    for row in tsv.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, width, height = (int(v) / scale for v in f[6:10])
        size = max(height * 1.15, 4.0)
        text = unicodedata.normalize("NFC", f[11].strip())
        w = Word(text, left, top, left + width, top + height, top + height, round(size, 1))
        try:
            w.conf = max(0.0, min(1.0, float(f[10]) / 100))
        except ValueError:
            w.conf = None
        words.append(w)
    return words


def confidence(blocks: list, pages: dict) -> None:
    """Set `source.confidence` of the blocks on OCR'd pages (`pages`: number -> words): the mean
    confidence of the OCR words inside the block's box."""
    def mean(src):
        ws = pages.get(src.page) if src and src.page else None
        if not ws or not src.bbox:
            return None
        x0, t, x1, b = src.bbox
        got = [w.conf for w in ws if w.conf is not None and w.x0 >= x0 - 1 and w.x1 <= x1 + 1
               and w.top >= t - 2 and w.bottom <= b + 2]
        return round(sum(got) / len(got), 2) if got else None
    for b in blocks:
        if hasattr(b, "rows"):
            for row in b.rows:
                for c in row:
                    c.source.confidence = mean(c.source)
            b.source.confidence = None
        else:
            b.source.confidence = mean(b.source)


def pages_text(numbers: list) -> str:
    """"1", "1, 3" or "1-4, 7": page numbers for a message."""
    runs, out = [], []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    for a, b in runs:
        out.append(str(a) if a == b else f"{a}-{b}")
    return ", ".join(out)
