"""Readers: a file on disk -> RawDocument (blocks with provenance). `read(path)` checks the file
(exists, readable, size, what its content really is, .docx safety), picks the reader by content
rather than by extension, and turns the failures of the file formats' libraries into
`UnreadableFile` errors that name the file and say what to do. Other exceptions are bugs and pass
through (the batch reports them as internal errors).
"""
from __future__ import annotations

import os
import re
import stat
import zlib

from .. import sniff as _sniff
from ..errors import KehoachError, NeedsOCR, TooLarge, UnreadableFile
from ..model import Finding, RawDocument

_limits = _sniff.DEFAULT_LIMITS

# Exceptions of the format libraries that mean "this file is damaged", by module prefix.
_FORMAT_MODULES = ("pdfminer", "pdfplumber", "pypdfium2", "docx", "lxml", "zipfile", "xml.")
_CORRUPT = (zlib.error, EOFError, UnicodeDecodeError)
_HINTS = {
    "pdf": "open it in a PDF viewer; if it opens, print it to a new PDF, otherwise get a fresh copy",
    "docx": "open it in Word and save it again, or get a fresh copy",
    "doc": "open it in Word and save it as .docx",
    "txt": "save it again as UTF-8 text",
}
# A decoded text file whose encoding was not recognised: replacement characters or C1 controls
# (never in real text) over this share of its characters...
_MAX_BAD_CHARS = 0.01
_BAD_CHARS = re.compile("[\ufffd\x80-\x9f]")
# ... or, read through an 8-bit code page, accented words of which under this share are Vietnamese
# syllables (the share of the first _SAMPLE_WORDS accented words).
_MIN_SYLLABLES = 0.3
_SAMPLE_WORDS = 2000
_WORD = re.compile(r"[^\W\d_]+")


def set_limits(limits: _sniff.Limits) -> None:
    """Set the process-wide input limits `read` applies when not given any (the batch sets them
    in each worker)."""
    global _limits
    _limits = limits


def sha256_file(path: str) -> str:
    """SHA-256 of a file's bytes, read in chunks (the content key of a document)."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def check(path: str, limits: _sniff.Limits | None = None) -> str:
    """Check a file before reading it; returns its kind (txt | docx | pdf | doc). Raises
    UnreadableFile (missing, a folder, permissions, empty, too large, not a supported kind)."""
    limits = limits or _limits
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile("no such file", path, "check the path") from None
    except PermissionError:
        raise UnreadableFile("permission denied", path, "give the user running kehoach read access") from None
    except OSError as e:
        raise UnreadableFile(f"cannot open the file ({e.strerror})", path, "check the path") from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableFile("this is a folder", path, "give a file, or use `kehoach convert` on folders")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile("not a regular file", path, "give a .docx, .pdf or .txt file")
    _sniff.check_size(path, st.st_size, limits)
    try:
        kind = _sniff.sniff(path)
    except PermissionError:
        raise UnreadableFile("permission denied", path, "give the user running kehoach read access") from None
    except OSError as e:
        raise UnreadableFile(f"cannot read the file ({e.strerror})", path, "check the disk and the path") from None
    if kind == "empty":
        raise UnreadableFile("the file is empty (only blank space)", path, "check that it was saved completely")
    if kind not in _sniff.SUPPORTED:
        raise _sniff.unsupported(kind, path, os.path.splitext(path)[1].lower())
    return kind


def read(path: str, *, limits: _sniff.Limits | None = None, **options) -> RawDocument:
    """Read a .txt, .docx or .pdf file into blocks. Raises UnreadableFile with a clear message."""
    path = os.fspath(path)
    limits = limits or _limits
    kind = check(path, limits)
    try:
        raw = _dispatch(kind, path, limits, options)
    except KehoachError:
        raise
    except MemoryError:
        raise TooLarge("ran out of memory reading it", path, "split the document or raise the machine's memory") from None
    except Exception as e:  # noqa: BLE001 - only the format libraries' errors are mapped
        if isinstance(e, _CORRUPT) or type(e).__module__.startswith(_FORMAT_MODULES):
            raise _library_error(e, kind, path) from e
        raise
    _check_result(raw, kind, path, options)
    claimed = _sniff.kind_of_extension(path)
    if claimed != kind and claimed is not None:
        ext = os.path.splitext(path)[1]
        raw.findings.append(Finding(
            code="wrong-extension", severity="info",
            message=f"Tệp có đuôi {ext} nhưng nội dung là {kind}; đã đọc theo nội dung."))
    return raw


def _dispatch(kind: str, path: str, limits: _sniff.Limits, options: dict) -> RawDocument:
    if kind in ("docx", "doc"):
        options = {"max_bytes": limits.max_unzipped, "max_ratio": limits.max_ratio, **options}
        if kind == "doc":
            from .doc import read_doc
            return read_doc(path, **options)
        from .docx import read_docx
        return read_docx(path, **options)
    if kind == "pdf":
        from .pdf import read_pdf
        return read_pdf(path, **options)
    from .txt import read_txt
    return read_txt(path, **options)


def _library_error(e: Exception, kind: str, path: str) -> UnreadableFile:
    name = type(e).__name__
    if any(w in name.lower() or w in str(e).lower() for w in ("password", "encrypt")):
        return UnreadableFile("the PDF is password-protected", path,
                              "ask the sender for an unprotected copy, or remove the password and save it again")
    detail = str(e).strip().splitlines()[0][:200] if str(e).strip() else name
    what = {"pdf": "damaged or truncated PDF", "docx": "damaged Word file", "doc": "damaged Word file",
            "txt": "unreadable text"}[kind]
    return UnreadableFile(f"{what} ({detail})", path, _HINTS[kind])


def _check_result(raw: RawDocument, kind: str, path: str, options: dict) -> None:
    """Refuse a read that produced no text, or text decoded with an unrecognised encoding."""
    texts = [b.text for b in raw.blocks if hasattr(b, "text")]
    for b in raw.blocks:
        if hasattr(b, "rows"):
            texts.extend(c.text for row in b.rows for c in row)
    joined = "".join(texts)
    if not joined.strip():
        if kind == "pdf" and options.get("ocr") == "never":
            raise NeedsOCR("the PDF has no text layer (a scan)", path,
                           "run again with --ocr auto, or get the original .docx")
        if kind == "pdf":
            raise NeedsOCR("the PDF has no text layer and OCR found no text (blank pages or a poor scan)",
                           path, "check the scan, run again with --ocr always, or get the original .docx")
        raise UnreadableFile("the document contains no text", path, "check that it is the right file")
    if kind == "txt" and _unrecognised_encoding(joined, raw.encoding):
        raise UnreadableFile(f"the text is in an encoding the tool does not recognise (read as "
                             f"{raw.encoding or 'unknown'}, it is not Vietnamese)", path,
                             "save it again as UTF-8 (Notepad or Word: Save As, Encoding UTF-8)")


def _unrecognised_encoding(text: str, encoding: str | None) -> bool:
    if len(_BAD_CHARS.findall(text)) > _MAX_BAD_CHARS * len(text):
        return True
    if (encoding or "").lower().replace("-", "").startswith("utf"):
        return False  # valid UTF-8/16/32 is its own evidence
    words = []
    for m in _WORD.finditer(text):
        if not m.group().isascii():
            words.append(m.group())
            if len(words) >= _SAMPLE_WORDS:
                break
    if len(words) < 20:
        return False
    from ..text.syllable import is_syllable
    return sum(map(is_syllable, words)) < _MIN_SYLLABLES * len(words)
