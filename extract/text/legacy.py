"""Pre-Unicode Vietnamese encodings: TCVN3 (ABC), VNI-Windows, VISCII -> Unicode.

Reads text whose Vietnamese letters were typed in a legacy 8-bit font (as Word and PDF show it, or
as a cp1252 text file decodes it); writes NFC Unicode. Two entry points for readers that know the
font of a run: `font_encoding(font_name)` -> 'tcvn3' | 'tcvn3-caps' | 'vni' | None, and
`convert(text, encoding)` ('tcvn3', 'tcvn3-caps', 'vni', 'viscii'). `detect_and_convert(text)`
finds legacy lines by their content (for text files and runs without a font signal): a line is
converted when its legacy-looking words become valid Vietnamese syllables, word by word, so lines
mixing Unicode and legacy words keep the Unicode ones.
"""
from __future__ import annotations

import re
import unicodedata

from .syllable import is_syllable

# ------------------------------------------------------------------ TCVN3 (TCVN 5712:1993 VN3)
# bytes 0xA1..0xFF as cp1252/Latin-1 characters -> Unicode. The lowercase toned letters are the
# VN3 set; the few capitals at 0xAF, 0xBA, 0xBF-0xC5 ... are VN1 positions some fonts also carry.
_TCVN3_HIGH = (
    "\u00a1Ă \u00a2Â \u00a3Ê \u00a4Ô \u00a5Ơ \u00a6Ư \u00a7Đ \u00a8ă \u00a9â \u00aaê \u00abô \u00acơ "
    "\u00adư \u00aeđ \u00afẰ \u00b5à \u00b6ả \u00b7ã \u00b8á \u00b9ạ \u00baẲ \u00bbằ \u00bcẳ \u00bdẵ "
    "\u00beắ \u00bfẴ \u00c0Ắ \u00c1Ầ \u00c2Ẩ \u00c3Ẫ \u00c4Ấ \u00c5Ề \u00c6ặ \u00c7ầ \u00c8ẩ \u00c9ẫ "
    "\u00caấ \u00cbậ \u00ccè \u00cdỂ \u00ceẻ \u00cfẽ \u00d0é \u00d1ẹ \u00d2ề \u00d3ể \u00d4ễ \u00d5ế "
    "\u00d6ệ \u00d7ì \u00d8ỉ \u00d9Ễ \u00daẾ \u00dbỒ \u00dcĩ \u00ddí \u00deị \u00dfò \u00e0Ổ \u00e1ỏ "
    "\u00e2õ \u00e3ó \u00e4ọ \u00e5ồ \u00e6ổ \u00e7ỗ \u00e8ố \u00e9ộ \u00eaờ \u00ebở \u00ecỡ \u00edớ "
    "\u00eeợ \u00efù \u00f0Ỗ \u00f1ủ \u00f2ũ \u00f3ú \u00f4ụ \u00f5ừ \u00f6ử \u00f7ữ \u00f8ứ \u00f9ự "
    "\u00faỳ \u00fbỷ \u00fcỹ \u00fdý \u00feỵ \u00ffỐ"
)
TCVN3_MAP: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_HIGH.split()}
_TCVN3_TABLE = str.maketrans(TCVN3_MAP)

# ------------------------------------------------------------------ VISCII (RFC 1456)
_VISCII_CODES = {
    0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ",
}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
VISCII_MAP: dict[str, str] = {chr(0x80 + i): c for i, c in enumerate(_VISCII_HIGH)}
VISCII_MAP.update({chr(k): v for k, v in _VISCII_CODES.items()})
VISCII_MAP = {k: v for k, v in VISCII_MAP.items() if k != v}
_VISCII_TABLE = str.maketrans(VISCII_MAP)

# ------------------------------------------------------------------ VNI-Windows
# a base vowel followed by mark characters; ơ ư đ and the toned i, ỵ are single characters
_VNI_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": ("\u0302", ""), "á": ("\u0302", "\u0301"), "à": ("\u0302", "\u0300"),
            "å": ("\u0302", "\u0309"), "ã": ("\u0302", "\u0303"), "ä": ("\u0302", "\u0323")}
_VNI_BREVE = {"ê": ("\u0306", ""), "é": ("\u0306", "\u0301"), "è": ("\u0306", "\u0300"),
              "ú": ("\u0306", "\u0309"), "ü": ("\u0306", "\u0303"), "ë": ("\u0306", "\u0323")}
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
               "î": "ỵ"}


def _build_vni() -> dict[str, str]:
    out: dict[str, str] = {}
    nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
    for base in "aeiouy":
        for m, tone in _VNI_TONE.items():
            out[base + m] = nfc(base + tone)
    for base in "aeo":
        for m, (hat, tone) in _VNI_HAT.items():
            out[base + m] = nfc(base + hat + tone)
    for m, (brv, tone) in _VNI_BREVE.items():
        out["a" + m] = nfc("a" + brv + tone)
    for horn, letter in (("ô", "ơ"), ("ö", "ư")):
        for m, tone in _VNI_TONE.items():
            out[horn + m] = nfc(letter + tone)
    out.update(_VNI_SINGLE)
    # capitals: capital base with capital (or, in mixed typing, small) marks
    for k, v in list(out.items()):
        up = k.upper()
        out[up] = v.upper()
        out[k[0].upper() + k[1:]] = v[0].upper() + v[1:] if len(k) > 1 else v.upper()
    return out


VNI_MAP = _build_vni()
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_MAP), key=len, reverse=True)))

# ------------------------------------------------------------------ public API
_FONT_RE = re.compile(r"^(?:[A-Z]{6}\+)?(?P<name>.*)$")


def font_encoding(font_name: str | None) -> str | None:
    """The legacy encoding a font name implies: '.VnTime', 'VnArial', 'ABCDEF+VnTimeNewRoman' ->
    'tcvn3'; '.VnTimeH', '.VnArialH' (capital-only fonts) -> 'tcvn3-caps'; 'VNI-Times' -> 'vni';
    Unicode and other fonts -> None."""
    if not font_name:
        return None
    name = _FONT_RE.match(font_name.strip()).group("name")
    low = name.lower().replace(" ", "")
    if low.startswith(".vn") or re.match(r"vn[a-z]", low) and not low.startswith(("vni", "vntime-unicode")):
        core = re.split(r"[,\-]", name.lstrip("."), maxsplit=1)[0]
        return "tcvn3-caps" if core.endswith("H") else "tcvn3"
    if low.startswith("vni") or low.startswith("vn-") or low.startswith("vni_"):
        return "vni"
    return None


def convert(text: str, encoding: str) -> str:
    """Convert `text` typed in a legacy `encoding` to NFC Unicode. 'tcvn3-caps' is TCVN3 drawn by a
    capital-only font: the result is upper-cased. Unknown encodings return the text unchanged."""
    if not text:
        return text
    if encoding == "tcvn3":
        return text.translate(_TCVN3_TABLE)
    if encoding == "tcvn3-caps":
        return text.translate(_TCVN3_TABLE).upper()
    if encoding == "vni":
        return unicodedata.normalize("NFC", _VNI_RE.sub(lambda m: VNI_MAP[m.group()], text))
    if encoding == "viscii":
        return text.translate(_VISCII_TABLE)
    return text


# ------------------------------------------------------------------ detection by content
# characters that are not Vietnamese Unicode letters but are letters in a legacy encoding
_TCVN3_SIGNS = set(TCVN3_MAP) - set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_VNI_SIGNS = set("øûïåäëüöñæîØÛÏÅÄËÜÖÑÆÎ")
_VISCII_SIGNS = set(VISCII_MAP) - set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
SIGN_CHARS = _TCVN3_SIGNS | _VNI_SIGNS | _VISCII_SIGNS
_GATE_RE = re.compile("[" + re.escape("".join(sorted(SIGN_CHARS - {"\u00a0"}))) + "]")
_LEGACY_TOKEN_RE = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff\x02\x05\x06\x14\x19\x1e])+")
_ENCODINGS = ("tcvn3", "vni", "viscii")


# VNI spellings made only of letters Unicode Vietnamese also has: "Yeâu", "caàu", "Vaên", "coù"
_VNI_GATE_RE = re.compile(r"[aeAE][âáàãêéèÂÁÀÃÊÉÈ]|[oO][âêÂÊ]|[aeiouyAEIOUY][ùÙ]"
                          # TCVN3 capitals typed with small toned codes: "NéI", "MôC"
                          r"|[A-Z][àáâãèéêìíòóôõùúý]+[A-Z]")


def might_be_legacy(text: str) -> bool:
    """Quick check: does the text hold a character or spelling typical of TCVN3/VNI/VISCII?"""
    return _GATE_RE.search(text) is not None or _VNI_GATE_RE.search(text) is not None


def _word_ok(word: str) -> bool:
    return is_syllable(word) or (word.isascii() and word.isalpha())


_SENTENCE_START = re.compile(r"(?:.*[.!?]\s+|\s*(?:[-+•*]|\(?[0-9IVXivx]{1,4}[.)]|\(?[a-zđ]\))?\s*)"
                             r"[\"“(]?", re.DOTALL)


def _caps_word(w: str) -> bool:
    """A converted word in capitals: its ASCII letters are capitals and it is not Title-shaped
    ("HOạCH", "ñY", "NéI" but not "Sè")."""
    ascii_letters = [c for c in w if c.isascii() and c.isalpha()]
    if not ascii_letters or any(c.islower() for c in ascii_letters):
        return False
    return len(ascii_letters) >= 2 or any(c.isupper() for c in w[1:])


def _restore_caps(line: str, converted_words: list[tuple[int, int]]) -> str:
    """TCVN3 has no codes for capitals with tones: they come out small. Upper-case a converted word
    whose other letters are capitals, every word of a line in capitals (no small ASCII letter and
    some converted word in capitals), and the first letter of a line, list item or sentence."""
    caps = [_caps_word(line[s:e]) for s, e in converted_words]
    if any(caps) and not any(c.isascii() and c.islower() for c in line):
        return line.upper()
    out = list(line)
    for (s, e), is_caps in zip(converted_words, caps):
        w = line[s:e]
        if is_caps:
            out[s:e] = w.upper()
        elif w[:1].islower() and not w[0].isascii() and _SENTENCE_START.fullmatch(line[:s]):
            out[s] = w[0].upper()
    return "".join(out)


_SOURCE = {"tcvn3": set(TCVN3_MAP), "vni": set("".join(VNI_MAP)) - set("aeiouyAEIOUY"), "viscii": set(VISCII_MAP)}
_SIGNS = {"tcvn3": _TCVN3_SIGNS, "vni": _VNI_SIGNS, "viscii": _VISCII_SIGNS}


def _reads(word: str, new: str, enc: str) -> bool:
    """Does the converted word read as Vietnamese? TCVN3 leaves capitals with tones small
    ("HO¹CH" -> "HOạCH"): such a word is judged case-blind when its capitals were capitals
    already (so "là" -> "lỔ" through a VN1 capital is no reading)."""
    if _word_ok(new):
        return True
    if enc != "tcvn3" or len(new) != len(word) or not _word_ok(new.lower()):
        return False
    return all(not n.isupper() or o.isupper() for o, n in zip(word, new))


_BEYOND_LATIN1_LETTER = re.compile(r"[\u0100-\u024f\u1e00-\u1eff]")


def _convert_line(line: str, force: str | None = None) -> tuple[str, str | None]:
    """Best legacy reading of one line, or the line itself. Returns (text, encoding or None).
    A reading wins on evidence: words with a legacy sign that become syllables. Then every word
    holding a character of that encoding is converted, unless it reads as Unicode and would not
    after conversion (a Unicode word inside a legacy line). `force` names the encoding the whole
    document is in: then the line is converted by the word rule without needing evidence."""
    tokens = [(m.start(), m.end(), m.group()) for m in _LEGACY_TOKEN_RE.finditer(line)]
    best, best_gain, best_enc = None, 0, None
    # one short word is weak evidence: enough only in a line with no Unicode-only letter
    weak_ok = not _BEYOND_LATIN1_LETTER.search(line)
    for enc in ((force,) if force else _ENCODINGS):
        source, signs = _SOURCE[enc], _SIGNS[enc]
        gain, loss, signed, longest, pieces = 0, 0, 0, 0, []
        for s, e, w in tokens:
            if not source.intersection(w):
                continue
            new = convert(w, enc)
            if new == w:
                continue
            has_sign = bool(signs.intersection(w))
            signed += has_sign
            ok_old, ok_new = _word_ok(w), _reads(w, new, enc)
            if ok_old and not ok_new:
                loss += has_sign
                continue
            if ok_new and not ok_old and len(new) > 1:
                gain += 1
                longest = max(longest, len(new))
            pieces.append((s, e, new))
        if force:
            best, best_enc = pieces, enc
            break
        # accept when at least half of the words with legacy signs become syllables, and the
        # evidence is more than one short word ("m²" is not VISCII "mỗ")
        strong = gain >= 2 or longest >= 3 or (weak_ok and enc != "viscii")
        if gain > best_gain and gain * 2 >= signed and gain > loss and strong:
            best, best_gain, best_enc = pieces, gain, enc
    if best is None:
        return line, None
    out, pos, spans = [], 0, []
    for s, e, new in best:
        out.append(line[pos:s])
        start = sum(len(p) for p in out)
        out.append(new)
        spans.append((start, start + len(new)))
        pos = e
    out.append(line[pos:])
    text = "".join(out)
    if best_enc == "tcvn3":
        text = _restore_caps(text, spans)
    return unicodedata.normalize("NFC", text), best_enc


def detect_and_convert(text: str, encoding: str | None = None) -> tuple[str, list[tuple[str, str, str]]]:
    """Find legacy-encoded lines in `text` and convert them. With `encoding` (the document is known
    to be in it, e.g. a cp1252 file whose lines mostly read as TCVN3), every line holding its
    characters is converted word by word. Returns the new text and (encoding, before, after) for
    each converted line."""
    if encoding is None and not might_be_legacy(text):
        return text, []
    changes = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if encoding is None and not might_be_legacy(line):
            continue
        if encoding is not None and not _SOURCE[encoding].intersection(line):
            continue
        new, enc = _convert_line(line, encoding)
        if enc and new != line:
            changes.append((enc, line, new))
            lines[i] = new
    return "\n".join(lines), changes
