"""Run-together words from PDF text layers: "hệthống" -> "hệ thống", "uỷUBND" -> "uỷ UBND".

Reads a text; writes it with a space put between the parts of a token that is not itself a
Vietnamese syllable but reads as a sequence of syllables (or, at a change of case, of
abbreviations in capitals such as UBND, GD&ĐT, or a Roman numeral after a word: "thứI").
Only tokens holding a letter found only in Vietnamese are tried, so English words (facebook,
online, Internet, IoT) are never cut. When several cuts read, the one whose syllables occur most
in the document wins (`Splitter.seen` counts standalone syllables), then the one with the longest
onsets on the right (maximal onset: "cá nhân", "hệ thống").
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from .syllable import LETTER_CLASS, TONE_OF, is_syllable

_TOKEN_RE = re.compile(rf"(?<![\w&/@.\-])[{LETTER_CLASS}]+(?:&[{LETTER_CLASS}]+)*(?![^\W\d]|[&/@])")
_ROMAN_RE = re.compile(r"[IVX]{1,4}")
_MAX_SYLLABLE = 7  # "nghiêng", "nghuếch"


def _abbreviation(tok: str, i: int, j: int) -> bool:
    """tok[i:j] is a run of capitals standing at case boundaries (uỷ|UBND, UBND|huyện, thứ|I)."""
    part = tok[i:j]
    if not part.replace("&", "").isupper() or not part.replace("&", "").isalpha():
        return False
    if i == 0 or not tok[i - 1].islower():
        return False if i > 0 else (j < len(tok) and tok[j].islower() and len(part) >= 2)
    if j < len(tok) and not (tok[j].islower() or (j + 1 < len(tok) and tok[j + 1].islower())):
        return False
    return len(part) >= 2 or bool(_ROMAN_RE.fullmatch(part))


def _cut_ok(left: str, right: str) -> bool:
    """A cut reads as a lost space: after a tone-marked letter (PDF text layers drop the space after
    such glyphs: "hệthống", "chủtrì"), at a change of case ("uỷUBND"), or between two parts that
    both carry a tone mark. This keeps foreign names in Vietnamese spelling whole ("Lênin")."""
    if left[-1] in TONE_OF or (left[-1].islower() and right[0].isupper()) or left.isupper() != right.isupper():
        return True
    return _has_tone(left) and _has_tone(right)


def _has_tone(part: str) -> bool:
    return any(c in TONE_OF for c in part)


@lru_cache(maxsize=32768)
def _segmentations(tok: str) -> tuple[tuple[str, ...], ...]:
    """All cuts of `tok` into 2+ readable parts with the fewest parts (empty when none)."""
    n = len(tok)
    if n > 40:
        return ()
    best: dict[int, list[tuple[int, ...]]] = {0: [()]}   # position -> cut lists reaching it
    for i in range(n):
        if i not in best:
            continue
        for j in range(i + 1, min(n, i + 12) + 1):
            part = tok[i:j]
            if (j - i <= _MAX_SYLLABLE and is_syllable(part)) or _abbreviation(tok, i, j):
                best.setdefault(j, []).extend(c + (j,) for c in best[i])
    if n not in best:
        return ()
    out = []
    for cuts in best[n]:
        bounds = (0,) + cuts
        parts = tuple(tok[a:b] for a, b in zip(bounds, bounds[1:]))
        if len(parts) >= 2 and all(_cut_ok(l, r) for l, r in zip(parts, parts[1:])):
            out.append(parts)
    if not out:
        return ()
    fewest = min(map(len, out))
    return tuple(p for p in out if len(p) == fewest)


class Splitter:
    """Splits run-together tokens; remembers the syllables seen standing alone to choose cuts."""

    def __init__(self) -> None:
        self.seen: Counter = Counter()

    def _choose(self, options: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
        if len(options) == 1:
            return options[0]

        def key(parts):
            freq = sum(math.log1p(self.seen[p.lower()]) for p in parts)
            return (-freq, tuple(len(p) for p in parts))

        return min(options, key=key)

    def fix(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Return (text with run-together tokens split, [(before, after), ...])."""
        candidates = []
        for m in _TOKEN_RE.finditer(text):
            tok = m.group()
            if is_syllable(tok):
                self.seen[tok.lower()] += 1
            elif not tok.isascii():
                candidates.append(m)
        if not candidates:
            return text, []
        out, pos, changes = [], 0, []
        for m in candidates:
            options = _segmentations(m.group())
            if not options:
                continue
            new = " ".join(self._choose(options))
            out.append(text[pos:m.start()])
            out.append(new)
            pos = m.end()
            changes.append((m.group(), new))
        if not changes:
            return text, []
        out.append(text[pos:])
        return "".join(out), changes
