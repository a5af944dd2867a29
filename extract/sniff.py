"""Content sniffing: what a file really is, whatever its extension says, and whether it is safe
to open. Reads: the first bytes of a file (and, for zip containers, the member list and the XML
member names). Writes: a kind string ("txt", "docx", "pdf", "doc", or an unsupported kind) and
size checks that raise `extract.errors` with a message naming the file and what to do. The safety
of a .docx package (zip bombs, DTDs) is checked by the .docx reader with the `Limits` given here.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass
from typing import Optional

from .errors import TooLarge, UnreadableFile, UnsupportedFormat

HEAD_BYTES = 8192
SUPPORTED = ("txt", "docx", "pdf", "doc")  # doc: Word 97-2003 (OLE), read through LibreOffice
# Extensions the folder walk takes without looking inside (the rest are sniffed).
EXTENSIONS = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".pdf": "pdf",
              ".doc": "doc", ".docm": "docx"}

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Input limits. max_size: bytes on disk; max_unzipped: uncompressed bytes of a .docx's parts;
    max_ratio: uncompressed/compressed of one part (zip bombs)."""
    max_size: int = 50 * MB
    max_unzipped: int = 200 * MB
    max_ratio: int = 200


DEFAULT_LIMITS = Limits()

# (magic prefix, kind). Order matters only for overlapping prefixes.
_MAGIC = (
    (b"PK\x03\x04", "zip"), (b"PK\x05\x06", "zip"), (b"PK\x07\x08", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
    (b"{\\rtf", "rtf"),
    (b"\xff\xd8\xff", "image"), (b"\x89PNG\r\n\x1a\n", "image"), (b"GIF87a", "image"),
    (b"GIF89a", "image"), (b"II*\x00", "image"), (b"MM\x00*", "image"),
    (b"\x1f\x8b", "archive"), (b"7z\xbc\xaf\x27\x1c", "archive"), (b"Rar!\x1a\x07", "archive"),
    (b"\x7fELF", "program"), (b"SQLite format 3\x00", "database"),
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
# Bytes that never occur in text (C0 controls except tab, LF, VT, FF, CR, and ESC/SUB leniency).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26, 27))
_MARKUP = re.compile(rb"\A\s*<(?:!doctype\s+html|html|\?xml|!--)", re.I)
_PDF_START = re.compile(rb"%PDF-\d")

# What to tell the user for each unsupported kind.
_DESCRIBE = {
    "rtf": ("a Rich Text (RTF) file", "open it in Word and save it as .docx"),
    "html": ("a web page (HTML)", "copy the plan's text into a .txt file or save it as .docx"),
    "xml": ("an XML file", "give the plan as .docx, .pdf or .txt"),
    "image": ("an image (a scan?)", "give the original .docx or .pdf, or a PDF made by OCR"),
    "archive": ("a compressed archive", "extract it and convert the files inside"),
    "program": ("a program, not a document", "give a .docx, .pdf or .txt plan"),
    "database": ("a database file", "give a .docx, .pdf or .txt plan"),
    "xlsx": ("an Excel workbook", "save the plan as .docx, .pdf or .txt"),
    "pptx": ("a PowerPoint presentation", "save the plan as .docx, .pdf or .txt"),
    "odt": ("an OpenDocument file", "open it and save it as .docx"),
    "zip": ("a zip archive that is not a Word document", "extract it or give a .docx file"),
    "binary": ("binary data, not text", "give a .docx, .pdf or .txt plan; check the file is not damaged"),
}


def sniff_bytes(head: bytes) -> str:
    """Kind of a file from its first bytes: txt, pdf, zip (see `sniff`), empty, or an unsupported
    kind of `_DESCRIBE`."""
    if not head.strip():
        return "empty"
    if _PDF_START.search(head, 0, 1024):
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(_BOMS):
        return "txt"
    if _MARKUP.match(head):
        return "xml" if head.lstrip()[:5] == b"<?xml" else "html"
    if head.count(0):
        # UTF-16 without a byte-order mark: a NUL in most odd (LE) or even (BE) bytes, few in the others.
        half = len(head) / 2
        odd, even = head[1::2].count(0), head[0::2].count(0)
        if odd > 0.4 * half and even < 0.05 * half or even > 0.4 * half and odd < 0.05 * half:
            return "txt"
        return "binary"
    controls = len(head) - len(head.translate(None, _CONTROL))
    return "binary" if controls > max(2, len(head) // 100) else "txt"


def sniff(path: str) -> str:
    """Kind of the file at `path` from its content: txt | docx | pdf | doc | empty | unsupported.
    Zip containers are told apart by their members (word/document.xml, xl/, ppt/, ODF)."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    kind = sniff_bytes(head)
    if kind == "zip":
        kind = _zip_kind(path)
    return kind


def _zip_kind(path: str) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError (odd versions), struct errors
        return "docx"  # a damaged zip: the .docx reader gives the precise message
    if any(n.startswith("word/") for n in names) or "[Content_Types].xml" in names and not (
            any(n.startswith(("xl/", "ppt/")) for n in names)):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "mimetype" in names and "content.xml" in names:
        return "odt"
    return "zip"


def describe(kind: str) -> tuple:
    """(what the file is, what to do) for an unsupported kind."""
    return _DESCRIBE.get(kind, _DESCRIBE["binary"])


def unsupported(kind: str, path: str, ext: str) -> UnsupportedFormat:
    """The error for a file of an unsupported kind, mentioning a misleading extension."""
    what, todo = describe(kind)
    named = f"named {ext} but it is " if ext and EXTENSIONS.get(ext) in SUPPORTED else "it is "
    return UnsupportedFormat(f"{named}{what}", path, todo)


# --------------------------------------------------------------------------- checks
def check_size(path: str, size: int, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse empty files and files over `limits.max_size`."""
    if size == 0:
        raise UnreadableFile("the file is empty (0 bytes)", path, "check that it was copied or saved completely")
    if limits.max_size and size > limits.max_size:
        raise TooLarge(f"the file is {size / MB:.1f} MB, over the limit of {limits.max_size / MB:.0f} MB",
                       path, "raise the limit with --max-size if this is really a plan")


def kind_of_extension(path: str) -> Optional[str]:
    """The kind the extension claims (EXTENSIONS), or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())
