"""OCR for scanned PDF pages: page image (pypdfium2) -> Tesseract (`vie` model) -> words.

Reads the `PageText`s of pages without a text layer and fills their `words` from Tesseract's TSV
output, in points, so the usual line, paragraph and table stages run on them. Calls the
`tesseract` binary (Debian tesseract-ocr, tesseract-ocr-vie); no Python binding is needed.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

from ..errors import NeedsOCR
from .pdf_text import Word

DPI = 300
INSTALL = "install the Debian packages tesseract-ocr and tesseract-ocr-vie"


def _check(path: str) -> str:
    exe = shutil.which("tesseract")
    if not exe:
        raise NeedsOCR("OCR was asked for but the tesseract program is not installed", path, INSTALL)
    langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    if "vie" not in langs.split():
        raise NeedsOCR("OCR was asked for but Tesseract's Vietnamese model (vie) is missing", path,
                       "install the Debian package tesseract-ocr-vie")
    return exe


def ocr_pages(doc, pages: list, path: str) -> None:
    """Fill `words` of each PageText in `pages` (pages of `doc`, a PdfDocument) by OCR."""
    exe = _check(path)
    scale = DPI / 72
    with tempfile.TemporaryDirectory() as tmp:
        for p in pages:
            image = doc[p.number - 1].render(scale=scale).to_pil().convert("L")
            png = Path(tmp) / f"p{p.number}.png"
            image.save(png)
            try:
                out = subprocess.run([exe, str(png), "stdout", "-l", "vie", "--psm", "3", "tsv"],
                                     capture_output=True, text=True, timeout=300, check=True).stdout
            except (subprocess.SubprocessError, OSError) as exc:
                raise NeedsOCR(f"Tesseract failed on page {p.number} ({exc})", path,
                               "check the Tesseract installation") from None
            p.words = _tsv_words(out, scale)


def _tsv_words(tsv: str, scale: float) -> list:
    words = []
    rows = tsv.splitlines()[1:]
    for row in rows:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        left, top, width, height = (int(v) / scale for v in f[6:10])
        size = max(height * 1.15, 4.0)
        text = unicodedata.normalize("NFC", f[11].strip())
        words.append(Word(text, left, top, left + width, top + height, top + height, round(size, 1)))
    return words
