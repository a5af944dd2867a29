"""Readers: a file on disk -> RawDocument (blocks with provenance). `read(path)` picks the reader."""
from __future__ import annotations

import os

from ..errors import UnreadableFile, UnsupportedFormat
from ..model import RawDocument


def read(path: str, **options) -> RawDocument:
    """Read a .txt, .docx or .pdf file into blocks. Raises UnreadableFile with a clear message."""
    if not os.path.exists(path):
        raise UnreadableFile("no such file", path, "check the path")
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        from .docx import read_docx
        return read_docx(path, **options)
    if ext == ".pdf":
        from .pdf import read_pdf
        return read_pdf(path, **options)
    if ext in (".txt", ".md", ".text", ""):
        from .txt import read_txt
        return read_txt(path, **options)
    raise UnsupportedFormat(f"unsupported file type '{ext}'", path, "give a .txt, .docx or .pdf file")
