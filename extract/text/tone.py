"""Tone-mark placement in the open rimes oa, oe, uy: one style for the whole output.

Reads NFC text; writes it with the tone of every syllable ending in oa/oe/uy (no coda, not after
"q", where the u belongs to the onset) on the glide ("first": hòa, khỏe, thủy) or on the main vowel
("main": hoà, khoẻ, thuỷ). "keep" leaves the text. Syllables with a coda (hoàn, hoạch, tuyết) and
other rimes (quý, khuya, thuở, ngoài) have one correct place and never match.
"""
from __future__ import annotations

import re

from .syllable import LETTER_CLASS, TONE_OF, TONED

STYLES = ("first", "main", "keep")


def _variants(base: str) -> str:
    out = {base, base.upper()}
    out |= {c for c, (b, _t) in TONE_OF.items() if b in (base, base.upper())}
    return "".join(sorted(out))


_ONSET = r"(?:ngh|ng|nh|ch|kh|ph|th|tr|gh|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_RE = re.compile(
    rf"(?<![{LETTER_CLASS}])({_ONSET})(?:([{_variants('o')}])([{_variants('a')}{_variants('e')}])"
    rf"|([{_variants('u')}])([{_variants('y')}]))(?![{LETTER_CLASS}])",
    re.IGNORECASE,
)
_QUICK = re.compile(rf"[{''.join(c for c in TONE_OF if TONE_OF[c][0] in 'oaeuyOAEUY')}]")


def _move(m: re.Match, style: str) -> str:
    onset = m.group(1)
    first, second = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
    f_base, f_tone = TONE_OF.get(first, (first, ""))
    s_base, s_tone = TONE_OF.get(second, (second, ""))
    if bool(f_tone) == bool(s_tone):  # no tone, or a tone on both: nothing sane to do
        return m.group(0)
    tone = f_tone or s_tone
    if style == "first":
        return onset + TONED[(f_base, tone)] + s_base
    return onset + f_base + TONED[(s_base, tone)]


def restyle(text: str, style: str = "first") -> tuple[str, list[tuple[str, str]]]:
    """Place tones of oa/oe/uy syllables in `style`. Returns (text, [(before, after), ...])."""
    if style == "keep" or not _QUICK.search(text):
        return text, []
    if style not in STYLES:
        raise ValueError(f"tone style must be one of {STYLES}, not {style!r}")
    changes: list[tuple[str, str]] = []

    def sub(m: re.Match) -> str:
        new = _move(m, style)
        if new != m.group(0):
            changes.append((m.group(0), new))
        return new

    return _RE.sub(sub, text), changes
