"""How big a document becomes once expanded, checked before it is read. Reads: the file (the zip
directory of a .docx, the compressed streams of a PDF, the size of a text file). Writes nothing;
raises TooLarge "refused: too large once expanded" when converting the document would need more
memory than the bound of one worker: a .docx whose XML, a text whose characters, would take more
than `max_memory` once parsed (measured costs per byte below), or a PDF stream that inflates past
a quarter of it (a few kilobytes can inflate to gigabytes; PDF libraries abort on such a stream).
"""
from __future__ import annotations

import re
import zipfile
import zlib
from typing import Optional

from . import sniff
from .errors import TooLarge

REFUSED = "refused: too large once expanded"
# Memory the reader and the pipeline take per byte of expanded content (peak resident memory over
# plans of 1-25 MB of XML or text, rounded up).
PER_BYTE = {"docx": 12, "txt": 24}
PDF_STREAM_SHARE = 4          # one PDF stream may inflate to max_memory / 4
_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 1 << 16
MB = 1024 * 1024


def check(path: str, max_memory: Optional[int]) -> None:
    """Raise TooLarge when the document at `path` would expand past `max_memory` (None: no bound).
    Files that cannot be read or sniffed are left to the readers' own messages."""
    if not max_memory:
        return
    try:
        kind = sniff.sniff(path)
        if kind == "docx":
            _docx(path, max_memory)
        elif kind == "pdf":
            _pdf(path, max_memory)
        elif kind == "txt":
            import os
            size = os.path.getsize(path)
            if size * PER_BYTE["txt"] > max_memory:
                _refuse(path, f"{size / MB:.0f} MB of text", size * PER_BYTE["txt"], max_memory)
    except (OSError, ValueError, zipfile.BadZipFile, RuntimeError):
        return


def _refuse(path: str, what: str, need: Optional[int], max_memory: int) -> None:
    need_text = f"about {need / MB:,.0f} MB of memory, " if need else ""
    raise TooLarge(f"{REFUSED} ({what}: {need_text}the bound is {max_memory / MB:,.0f} MB)", path,
                   "split the document, or raise the bound with --max-memory if the machine has the memory")


def _docx(path: str, max_memory: int) -> None:
    with zipfile.ZipFile(path) as zf:
        xml = sum(i.file_size for i in zf.infolist() if i.filename.endswith((".xml", ".rels")))
    if xml * PER_BYTE["docx"] > max_memory:
        _refuse(path, f"{xml / MB:.0f} MB of XML", xml * PER_BYTE["docx"], max_memory)


def _pdf(path: str, max_memory: int) -> None:
    """Inflate every Flate stream without keeping it, stopping at the share of the bound."""
    limit = max_memory // PDF_STREAM_SHARE
    with open(path, "rb") as fh:
        data = fh.read()
    view = memoryview(data)
    for m in _STREAM.finditer(data):
        start = m.end()
        head = data[start:start + 2]
        if len(head) < 2 or head[0] & 0x0F != 8 or (head[0] << 8 | head[1]) % 31:
            continue  # not a zlib header: other filters are not inflated here
        d = zlib.decompressobj()
        out, pos = 0, start
        try:
            while not d.eof and pos < len(data):
                chunk = d.decompress(view[pos:pos + _CHUNK], _CHUNK)
                out += len(chunk)
                while d.unconsumed_tail and out <= limit:
                    chunk = d.decompress(d.unconsumed_tail, _CHUNK)
                    out += len(chunk)
                if out > limit:
                    _refuse(path, f"a compressed PDF stream inflates to more than {limit / MB:,.0f} MB, a "
                            f"quarter of", None, max_memory)
                pos += _CHUNK
        except zlib.error:
            continue
