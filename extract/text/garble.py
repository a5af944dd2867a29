"""Text that is not Vietnamese: look-alike letters of other scripts, stray Windows-1252 signs and
control codes inside words, words with Vietnamese letters that are no syllables.

Reads words or strings; answers, word by word, whether they read as Vietnamese (`verdict`), and for
a run of text (one font on one page, a title) whether it passes as text (`share`,
`reads_as_vietnamese`). Used to find fonts whose PDF text layer lies and, as a last guard, items of
a plan whose text is garbage.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from .syllable import VIET_LETTERS, is_syllable

_VIET = set(VIET_LETTERS)
# signs that Windows-1252 and look-alike fonts put between the letters of a word:
# ‚ „ … † ‡ ˆ ‰ ‹ Œ ‘ ’ “ ” • ˜ ™ › œ Š š Ž ž Ÿ ƒ ´ ¨ ¸ ¯ · ¤ ¦ ¬ µ
_STRAY = set("\u201a\u201e\u2026\u2020\u2021\u02c6\u2030\u2039\u0152\u2018\u2019\u201c\u201d\u2022"
             "\u02dc\u2122\u203a\u0153\u0160\u0161\u017d\u017e\u0178\u0192\u00b4\u00a8"
             "\u00b8\u00af\u00b7\u00a4\u00a6\u00ac\u00b5")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_PARTS = re.compile(r"[-–—/.,:;()'’_+&]+")


@lru_cache(maxsize=65536)
def verdict(token: str) -> int:
    """+1: the token reads as Vietnamese; -1: a word with Vietnamese letters that is no syllable;
    -2: it cannot be Vietnamese text (a letter of another script, a stray Windows-1252 sign or a
    control code inside a word);
    0: no evidence (numbers, ASCII abbreviations and foreign words, capitals like HĐND)."""
    if _CONTROL.search(token):
        return -2
    core = _EDGE.sub("", token)
    if not core or core.isdigit():
        return 0
    if core.isascii() and core.isprintable():
        return 1 if core.isalpha() and is_syllable(core) else 0
    good = False
    for k, ch in enumerate(core):
        if ch.isalpha():
            if ch not in _VIET and not ch.isascii():
                return -2
        elif ch in _STRAY:
            if 0 < k < len(core) - 1 and core[k - 1].isalpha() and core[k + 1].isalpha():
                return -2
        elif unicodedata.category(ch) in ("Co", "Cs", "Cn") or (ch != "\u00ad" and unicodedata.category(ch) == "Cf"):
            return -2
    for part in _PARTS.split(core):
        if not any(c.isalpha() for c in part):
            continue
        letters = "".join(c for c in part if c.isalpha())
        if is_syllable(part):
            good = True
        elif letters.isascii() or letters.isupper():
            continue   # foreign words, units (°C), abbreviations in capitals (HĐND, ĐBSCL)
        else:
            return -1
    return 1 if good else 0


def share(texts) -> tuple:
    """(valid, invalid, impossible) verdicts over the space-separated words of `texts`."""
    c = Counter(map(verdict, " ".join(texts).split()))
    return c[1], c[-1] + c[-2], c[-2]


def reads_as_vietnamese(good: int, bad: int, alien: int) -> bool:
    """A font's words on one page pass as text: few words that are no syllables, and next to
    none that no Vietnamese text holds (a letter of another script, a sign inside a word)."""
    return (bad == 0 or good >= 2 * bad) and alien * 20 <= good
