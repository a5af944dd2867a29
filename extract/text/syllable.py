"""Vietnamese syllables from the phonology: which strings are possible written syllables.

Reads a word; answers whether it is one well-formed Vietnamese syllable (onset, optional glide,
nucleus, coda, one tone, the tone/coda constraint: stop codas p t c ch take only sắc or nặng).
It knows no word list: the closed set of syllables follows from the parts below. Also gives the
tables other steps share: `TONE_OF` (toned letter -> (base letter, tone mark)) and `TONED`
((base letter, tone mark) -> toned letter).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng
GRAVE, ACUTE, TILDE, HOOK, DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
TONES = (GRAVE, ACUTE, TILDE, HOOK, DOT)

BASE_VOWELS = "aăâeêioôơuưy"
_ALL_BASES = BASE_VOWELS + BASE_VOWELS.upper()

# (base, tone) -> precomposed letter and back
TONED: dict[tuple[str, str], str] = {}
TONE_OF: dict[str, tuple[str, str]] = {}
for _b in _ALL_BASES:
    for _t in TONES:
        _c = unicodedata.normalize("NFC", _b + _t)
        TONED[(_b, _t)] = _c
        TONE_OF[_c] = (_b, _t)
    TONED[(_b, "")] = _b

STRIP_TONES = str.maketrans({c: b for c, (b, _t) in TONE_OF.items()})
VIET_LETTERS = "".join(sorted(set(TONE_OF) | set(_ALL_BASES) | set("đĐ")))
#: every letter a Vietnamese word may contain, as a regex character class body
LETTER_CLASS = "A-Za-z" + "".join(sorted(set(VIET_LETTERS) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")))

# ------------------------------------------------------------------ the parts of a syllable
_STOPS = ("c", "ch", "p", "t")

# nucleus -> codas it takes ("" = open syllable)
_NUCLEI = {
    "a": ["", "i", "o", "u", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"],
    "ă": ["c", "m", "n", "ng", "p", "t"],
    "â": ["c", "m", "n", "ng", "p", "t", "u", "y"],
    "e": ["", "o", "c", "m", "n", "ng", "p", "t"],
    "ê": ["", "u", "ch", "m", "n", "nh", "p", "t"],
    "i": ["", "a", "u", "ch", "m", "n", "nh", "p", "t"],
    "iê": ["c", "m", "n", "ng", "p", "t", "u"],
    "o": ["", "i", "c", "m", "n", "ng", "p", "t"],
    "oo": ["c", "ng"],
    "ô": ["", "i", "c", "m", "n", "ng", "p", "t"],
    "ơ": ["", "i", "m", "n", "p", "t"],
    "u": ["", "a", "i", "c", "m", "n", "ng", "p", "t"],
    "uô": ["c", "i", "m", "n", "ng", "t"],
    "ư": ["", "a", "i", "u", "c", "ng", "t"],
    "ươ": ["c", "i", "m", "n", "ng", "p", "t", "u"],
    "y": [""],
    "yê": ["m", "n", "ng", "t", "u"],
}
# rimes after the glide /w/, written o before a ă e, u before the others
_GLIDED = {
    "oa": ["", "i", "y", "c", "ch", "m", "n", "ng", "nh", "p", "t"],
    "oă": ["c", "m", "n", "ng", "t"],
    "oe": ["", "o", "m", "n", "t"],
    "uâ": ["n", "ng", "t", "y"],
    "uê": ["", "ch", "n", "nh"],
    "uơ": [""],
    "uy": ["", "a", "ch", "n", "nh", "p", "t", "u"],
    "uyê": ["n", "t"],
}
# after "qu" the u is the glide already: the rime is one of these
_AFTER_QU = {
    "a": _NUCLEI["a"], "ă": _NUCLEI["ă"], "â": _NUCLEI["â"], "e": ["", "o", "n", "t"],
    "ê": ["", "ch", "n", "nh"], "ơ": [""], "y": _GLIDED["uy"], "yê": ["n", "t"], "i": [""],
    "ô": ["c"],
}


def _rimes(table: dict) -> list[str]:
    return [n + c for n, codas in table.items() for c in codas]


_PLAIN_RIMES = _rimes(_NUCLEI)
_FRONT = ("i", "e", "ê", "y")  # rimes that begin with a front vowel


def _alt(items) -> str:
    return "|".join(sorted(set(items), key=len, reverse=True))


_ALL_RIMES = _PLAIN_RIMES + _rimes(_GLIDED)
_FRONT_RIMES = [r for r in _ALL_RIMES if r.startswith(_FRONT)]
_BACK_RIMES = [r for r in _ALL_RIMES if not r.startswith(_FRONT)]

# onset spelling: k gh ngh only before front vowels; c g ng only before the others (g + i is "gi")
_SYLLABLE_RE = re.compile(
    "(?:"
    f"(?:k|gh|ngh)(?:{_alt(r for r in _FRONT_RIMES if not r.startswith('y') or True)})"
    f"|(?:c|ng)(?:{_alt(_BACK_RIMES)})"
    f"|g(?:{_alt(_BACK_RIMES + [r for r in _ALL_RIMES if r.startswith('i')])})"
    f"|gi(?:{_alt(r for r in _ALL_RIMES if not r.startswith(('i', 'y')))})"
    f"|qu(?:{_alt(_rimes(_AFTER_QU))})"
    f"|(?:b|ch|d|đ|h|kh|l|m|n|nh|p|ph|r|s|t|th|tr|v|x)?(?:{_alt(_ALL_RIMES)})"
    ")"
)
_CODA_RE = re.compile(r"(ch|c|p|t)$")


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True when `word` is one well-formed Vietnamese syllable in lower, Title or UPPER case."""
    if not word or not (word.islower() or word.isupper() or word.istitle()):
        return False
    low = word.lower()
    tones = [TONE_OF[c][1] for c in low if c in TONE_OF]
    if len(tones) > 1:
        return False
    base = low.translate(STRIP_TONES)
    if not _SYLLABLE_RE.fullmatch(base):
        return False
    if _CODA_RE.search(base) and (not tones or tones[0] not in (ACUTE, DOT)):
        return False
    return True


