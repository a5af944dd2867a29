"""Bytes of a text file -> Unicode text, the encoding chosen by evidence.

Reads raw bytes; writes (text, encoding name, normalization entries). A BOM decides (UTF-8,
UTF-16, UTF-32). Otherwise valid UTF-8 is UTF-8 (then UTF-8 misread as Windows-1252 and saved
again, "Huyá»‡n", is undone run by run); bytes that are not UTF-8 are read as Windows-1258 and as
Windows-1252 holding a legacy font encoding (TCVN3, VNI, VISCII), and the reading in which more words
are Vietnamese syllables wins. `fix_mojibake(text)` is also used on text from other readers.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from . import legacy
from .syllable import LETTER_CLASS, is_syllable

# the characters Windows-1252 shows for the bytes 0x80-0xBF (UTF-8 continuation bytes); the five
# bytes it leaves undefined come through as the Latin-1 control characters
_CONT = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_LEAD2 = "".join(chr(b) for b in range(0xC2, 0xE0))
_LEAD3 = "".join(chr(b) for b in range(0xE0, 0xF0))
_MOJIBAKE_RE = re.compile(
    f"(?:[{re.escape(_LEAD2)}][{re.escape(_CONT)}]|[{re.escape(_LEAD3)}][{re.escape(_CONT)}]{{2}})+")
_MOJIBAKE_QUICK = re.compile(r"[ÃÄÆáâÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                             r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")
_LATIN_OK = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff\u0300-\u0323\u2013-\u2026\u00a0-\u00bf]+")


def _cp1252_bytes(s: str) -> bytes:
    out = bytearray()
    for ch in s:  # runs are short: a few characters each
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out.append(ord(ch))  # the five undefined bytes, kept as Latin-1 controls
    return bytes(out)


def fix_mojibake(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Undo UTF-8 read as Windows-1252/Latin-1 ("Huyá»‡n" -> "Huyện") where a run decodes to
    Vietnamese letters. Returns (text, [(before, after), ...])."""
    if not _MOJIBAKE_QUICK.search(text):
        return text, []
    changes = []

    def sub(m: re.Match) -> str:
        run = m.group()
        try:
            new = _cp1252_bytes(run).decode("utf-8")
        except (UnicodeDecodeError, ValueError):
            return run
        if not _LATIN_OK.fullmatch(new):
            return run
        changes.append((run, new))
        return new

    new_text = _MOJIBAKE_RE.sub(sub, text)
    if changes:
        new_text = unicodedata.normalize("NFC", new_text)
    return new_text, changes


_WORD_RE = re.compile(f"[{LETTER_CLASS}]+")


def _score(text: str) -> float:
    """Share of words with a non-ASCII letter that are Vietnamese syllables."""
    words = [w for w in _WORD_RE.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    return sum(map(is_syllable, words)) / len(words) - 0.001 * sum(1 for c in text if c == "\ufffd")


def _entry(step: str, changes, count: int | None = None) -> dict:
    return {"step": step, "count": len(changes) if count is None else count,
            "examples": [{"before": b, "after": a} for b, a in changes[:5]]}


def decode_bytes(data: bytes) -> tuple[str, str, list[dict]]:
    """Decode a text file's bytes. Returns (NFC text, encoding name, normalization entries)."""
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(enc, errors="replace")
            return _finish(text, enc, [])
    if len(data) >= 4 and data[1::2].count(0) > 0.4 * len(data) / 2 and data[0::2].count(0) < 0.05 * len(data) / 2:
        return _finish(data.decode("utf-16-le", errors="replace"), "utf-16-le", [])
    if len(data) >= 4 and data[0::2].count(0) > 0.4 * len(data) / 2 and data[1::2].count(0) < 0.05 * len(data) / 2:
        return _finish(data.decode("utf-16-be", errors="replace"), "utf-16-be", [])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_8bit(data)
    fixed, changes = fix_mojibake(text)
    entries = [_entry("mojibake", changes)] if changes else []
    return _finish(fixed, "utf-8", entries)


def _decode_8bit(data: bytes) -> tuple[str, str, list[dict]]:
    """Not UTF-8: Windows-1258, or a legacy font encoding carried in Windows-1252 bytes."""
    latin = "".join(_cp1252_char(b) for b in range(256))
    as_1252 = data.decode("latin-1").translate({i: latin[i] for i in range(0x80, 0xA0)})
    readings = []
    cp1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    readings.append((_score(cp1258), "cp1258", cp1258, []))
    converted, changes = legacy.detect_and_convert(as_1252)
    if changes:
        encs = sorted({e for e, _b, _a in changes}, key=lambda e: -sum(1 for c in changes if c[0] == e))
        # the file is in one encoding: convert every line by the word rule, not only those with evidence
        converted, changes = legacy.detect_and_convert(as_1252, encs[0])
        encs = encs[:1]
        readings.append((_score(converted), encs[0], converted,
                         [_entry(f"legacy-{e}", [(b, a) for x, b, a in changes if x == e]) for e in encs]))
    readings.append((_score(as_1252) - 0.01, "cp1252", as_1252, []))
    score, enc, text, entries = max(readings, key=lambda r: r[0])
    return _finish(text, enc, entries)


def _cp1252_char(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


def _finish(text: str, enc: str, entries: list[dict]) -> tuple[str, str, list[dict]]:
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        entries = entries + [{"step": "nfc", "count": 1, "examples": []}]
    return nfc, enc, entries
