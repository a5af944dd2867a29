"""The repair stage: one call per paragraph or cell, every change counted.

`Repairer(tone_style).fix(text)` reads a string from any reader and writes NFC Unicode with, in
order: UTF-8 mojibake undone, legacy-encoded lines (TCVN3/VNI/VISCII) converted, NFC, zero-width
characters dropped, no-break spaces made spaces, ð/Ð read as đ/Đ inside Vietnamese words, tone
run-together syllables split, tone marks of oa/oe/uy placed in one style. Curly quotes stay as typed.
`Repairer.report()` lists the steps that changed something: [{"step", "count", "examples":
[{"before", "after"}] (at most 5)}]. Clean NFC text comes out unchanged except for the tone style.
Each step is skipped when a quick check shows it cannot apply.
"""
from __future__ import annotations

import re
import unicodedata

from . import legacy
from .encoding import decode_bytes, fix_mojibake  # noqa: F401  (decode_bytes re-exported)
from .split import Splitter
from .syllable import LETTER_CLASS, is_syllable
from .tone import STYLES, restyle

_MAX_EXAMPLES = 5
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f]")
_NBSP_RE = re.compile("[\u00a0\u2007\u202f]")
_SOFT_WORD_RE = re.compile(f"[{LETTER_CLASS}]+\u00ad[{LETTER_CLASS}\u00ad]*")
_BEYOND_LATIN1 = re.compile(r"[\u0100-\u024f\u1e00-\u1eff]")
# a consonant letter standing alone before a word (no Vietnamese word is a lone consonant)
_LONE_CONSONANT_RE = re.compile(f"(?<![\\w./])([BCDĐGHKLMNPQRSTVXbcdđghklmnpqrstvx]) ([{LETTER_CLASS}]+)(?![\\w.])")
_CONSONANT_START = re.compile("[bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX]")
_ETH_WORD_RE = re.compile(f"[{LETTER_CLASS}ðÐ]*[ðÐ][{LETTER_CLASS}ðÐ]*")


def _show(s: str) -> str:
    """Make invisible characters visible in an example: U+200B -> <U+200B>."""
    return re.sub("[\u200b-\u200d\u2060\ufeff\u00ad\u034f\u00a0\u2007\u202f]",
                  lambda m: f"<U+{ord(m.group()):04X}>", s)


class Repairer:
    """Repairs Vietnamese text and keeps a count of what it changed (see the module docstring).
    One Repairer per document: it learns the document's syllables to choose word splits."""

    def __init__(self, tone_style: str = "first", split_words: bool = True, legacy_detect: bool = True):
        if tone_style not in STYLES:
            raise ValueError(f"tone_style must be one of {', '.join(STYLES)}, not {tone_style!r}")
        self.tone_style = tone_style
        self.split_words = split_words
        self.legacy_detect = legacy_detect
        self._splitter = Splitter()
        self._steps: dict[str, dict] = {}
        self._legacy_lines: dict[str, int] = {}

    # ------------------------------------------------------------------ bookkeeping
    def _record(self, step: str, changes, count: int | None = None) -> None:
        if not changes:
            return
        entry = self._steps.setdefault(step, {"step": step, "count": 0, "examples": []})
        entry["count"] += len(changes) if count is None else count
        room = _MAX_EXAMPLES - len(entry["examples"])
        for before, after in changes[:max(room, 0)]:
            entry["examples"].append({"before": before, "after": after})

    def report(self) -> list[dict]:
        """The repairs done so far, one entry per step that changed something."""
        return [dict(e, examples=list(e["examples"])) for e in self._steps.values()]

    # ------------------------------------------------------------------ the stage
    def fix(self, text: str) -> str:
        """Repair one paragraph or cell (see the module docstring)."""
        if not text or text.isascii():
            return text
        text, changes = fix_mojibake(text)
        self._record("mojibake", changes)
        if self.legacy_detect:
            text = self._legacy(text)
        if not unicodedata.is_normalized("NFC", text):
            new = unicodedata.normalize("NFC", text)
            self._record("nfc", [(text[:60], new[:60])])
            text = new
        if "\u00ad" in text:
            text = self._soft_hyphen(text)
        if _ZERO_WIDTH_RE.search(text):
            n = len(_ZERO_WIDTH_RE.findall(text))
            new = _ZERO_WIDTH_RE.sub("", text)
            self._record("zero-width", [(_show(text[:60]), new[:60])], n)
            text = new
        if _NBSP_RE.search(text):
            n = len(_NBSP_RE.findall(text))
            new = _NBSP_RE.sub(" ", text)
            self._record("no-break-space", [(_show(text[:60]), new[:60])], n)
            text = new
        if "ð" in text or "Ð" in text:
            text = self._eth(text)
        if _LONE_CONSONANT_RE.search(text):
            text = self._lone_letter(text)
        if self.split_words:
            text, changes = self._splitter.fix(text)
            self._record("split-words", changes)
        text, changes = restyle(text, self.tone_style)
        self._record(f"tone-{self.tone_style}", changes)
        return text

    def _legacy(self, text: str) -> str:
        """Legacy lines by content; once the document has shown several lines in one encoding, a
        line without any Unicode-only letter that holds that encoding's characters follows it."""
        if legacy.might_be_legacy(text):
            text, lines = legacy.detect_and_convert(text)
            for enc, before, after in lines:
                self._record(f"legacy-{enc}", [(before, after)])
                self._legacy_lines[enc] = self._legacy_lines.get(enc, 0) + 1
        if self._legacy_lines and not _BEYOND_LATIN1.search(text):
            enc = max(self._legacy_lines, key=self._legacy_lines.get)
            if self._legacy_lines[enc] >= 3:
                text, lines = legacy.detect_and_convert(text, enc)
                for enc, before, after in lines:
                    self._record(f"legacy-{enc}", [(before, after)])
        return text

    def _soft_hyphen(self, text: str) -> str:
        """U+00AD left inside a word that reads with "ư" in its place is TCVN3's ư ("t\u00ad" -> "tư");
        elsewhere it is an invisible hyphenation point, dropped with the zero-width characters."""
        changes = []

        def sub(m: re.Match) -> str:
            word = m.group()
            new = word.replace("\u00ad", "ư")
            if is_syllable(new) or is_syllable(new.lower()):
                changes.append((word, new))
                return new
            return word

        text = _SOFT_WORD_RE.sub(sub, text)
        self._record("legacy-tcvn3", changes)
        return text

    def _lone_letter(self, text: str) -> str:
        """A first letter set apart from its word (a web page's drop cap or letter-spaced span:
        "T RƯỜNG THPT", "Đ ộc lập") is joined back when the two read as one syllable in one case."""
        changes = []

        def sub(m: re.Match) -> str:
            letter, word = m.group(1), m.group(2)
            new = letter + word
            if letter.isupper() and word[:1].isupper():
                fits = word.isupper()                              # "T RƯỜNG", "K Ế HOẠCH"
            elif letter.isupper():
                fits = not _CONSONANT_START.match(word)            # "Đ ộc", not "Tầng T hai"
            else:
                fits = word[:1].islower() and not is_syllable(word)  # "tr ường", not "điểm b khoản"
            if fits and is_syllable(new.lower()):
                changes.append((m.group(), new))
                return new
            return m.group()

        text = _LONE_CONSONANT_RE.sub(sub, text)
        self._record("lone-letter", changes)
        return text

    def _eth(self, text: str) -> str:
        """ð/Ð (Icelandic eth, what Windows-1252 shows for Windows-1258's đ) -> đ/Đ in words that
        then read as Vietnamese."""
        changes = []

        def sub(m: re.Match) -> str:
            word = m.group()
            new = word.replace("ð", "đ").replace("Ð", "Đ")
            if is_syllable(new) or new.isupper():
                changes.append((word, new))
                return new
            return word

        text = _ETH_WORD_RE.sub(sub, text)
        self._record("eth-to-dj", changes)
        return text
