"""Canonical unit names and stable unit keys.

Reads unit names as written (from `units.split_units`); writes, for each, the name as an official
text would write it and a key that is the same for every spelling of the same office:

- `official_name("Phòng VH-TT")` -> "Phòng Văn hóa và Thông tin": abbreviations expanded from the
  registry (`extract/data/units.tsv`), tone style "first", separators spaced ("A - B", "A, B").
  A name written all in capitals or all in lower case is re-cased as official names are: the
  known spellings of `extract/data/unit_names.txt` and of the registry ("Huyện ủy", "Ủy ban nhân
  dân", "Mặt trận Tổ quốc"), the first word of the field after a head ("Ban Tuyên giáo", "Phòng
  Tài chính - Kế hoạch") and the first word after each separator inside it. A collective unit
  ("Các cơ quan, ban, ngành huyện") keeps its words and stays one unit.
- `unit_level(name)`: trung-uong | tinh | huyen | xa where the level registry
  (`extract/data/unit_levels.tsv`) knows it from the words of the name, else None.
- `unit_key(name)`: the slug of the folded official name without separators and "và", plus
  "@level" when the level is known (then without the place word that ends the name, which the
  level says): "phong-van-hoa-thong-tin@huyen". "Phòng VH&TT", "Phòng Văn hóa - Thông tin huyện"
  and "PHÒNG VĂN HÓA VÀ THÔNG TIN" share it.
- `canonical_units(names)` -> (official names, keys), one per distinct key, in order.
- `count_units(plans)`: the distinct units of a batch with their spellings and counts (what
  `kehoach units OUTDIR` prints, so a user can grow the registries).
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .text.fold import ascii_fold
from .text.tone import restyle
from .units import registry

_DATA = Path(__file__).parent / "data"
_OUTER = " \t\r\n.,;:-–—+•*·"
_COLLECTIVE = re.compile(r"(?:các|những|toàn thể|tất cả|mọi)\s", re.IGNORECASE)
# heads whose next word starts the field of the unit's name ("Ban Tuyên giáo", "Phòng Nội vụ")
_FIELD_HEADS = ("Ban", "Phòng", "Sở", "Bộ", "Cục", "Chi cục", "Tổng cục", "Vụ", "Viện", "Trung tâm",
                "Văn phòng", "Hội", "Liên đoàn", "Ủy ban", "Hội đồng", "Công chức", "Đài", "Trường",
                "Bệnh viện", "Chi nhánh", "Ban Quản lý", "Ban Chỉ đạo")
# words that end the field: the place and relations that follow a name ("... Thông tin huyện")
_FIELD_STOPS = ("huyện", "tỉnh", "xã", "thị trấn", "phường", "thành phố", "quận", "thị xã", "thôn",
                "bản", "các", "những", "của", "thuộc", "trực thuộc", "trên", "tại", "cấp", "liên quan",
                "có", "nhân dân", "trung ương", "địa phương", "khu vực", "số")
_WORD = re.compile(r"\w+(?:/\w+)?")
# the word of a level at the end of a name, which "@level" says (not after "các" or a comma: "Các
# xã, thị trấn" keeps it; nor the other words of a level: "thị xã", "quận", "phường" stay)
_TRAILING_PLACE = re.compile(r"(?<!các)(?<!những)(?<!,)(?<!thị) (?:huyện|tỉnh|xã)$", re.IGNORECASE)


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _lower(s: str) -> str:
    """NFC lower case in the "first" tone style, whitespace collapsed: how level phrases compare."""
    return re.sub(r"\s+", " ", restyle(_nfc(s), "first")[0].lower()).strip()


def _user_files(variable: str) -> list:
    return [Path(p) for p in os.environ.get(variable, "").split(os.pathsep) if p and Path(p).is_file()]


@lru_cache(maxsize=1)
def _abbreviations() -> tuple:
    table = registry()
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w&])") if keys else None
    return table, pattern


@lru_cache(maxsize=1)
def _spellings() -> tuple:
    """(regex over every known spelling, folded-lower -> official spelling), longest first."""
    names = set()
    for path in [_DATA / "unit_names.txt"] + _user_files("KEHOACH_UNIT_NAMES"):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                names.add(_nfc(line))
    names |= {e for e in registry().values() if any(c.isupper() for c in e[1:])}
    by_lower = {restyle(n, "first")[0].lower(): restyle(n, "first")[0] for n in names}
    keys = sorted(by_lower, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)", re.IGNORECASE), by_lower


@lru_cache(maxsize=1)
def _levels() -> tuple:
    """[(phrase regex, level or None, head only, length)] from the level registry files. Phrases
    match lower case text with its marks (folded, "quận" would match "cơ quan")."""
    rows: dict = {}
    for path in [_DATA / "unit_levels.tsv"] + _user_files("KEHOACH_UNIT_LEVELS"):
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
                continue
            phrase, level = (x.strip() for x in line.split("\t", 1))
            if phrase:
                rows[_lower(phrase)] = None if level in ("", "-") else level
    out = []
    for phrase, level in rows.items():
        head = phrase.startswith("^")
        words = phrase.lstrip("^").strip()
        rx = re.compile(("^" if head else r"(?<!\w)") + re.escape(words) + r"(?!\w)")
        out.append((rx, level, head, len(words)))
    return tuple(out)


def _expand(s: str) -> str:
    table, pattern = _abbreviations()
    return pattern.sub(lambda m: " " + table[m.group()] + " ", s) if pattern else s


def _dash(m) -> str:
    """A dash between two words of a name is spaced ("Tài chính-Kế hoạch" -> "Tài chính - Kế
    hoạch"); one inside a code stays ("PC-06", "K-02")."""
    left, right = m.group(1), m.group(4)
    code = not m.group(2) and not m.group(3) and (_is_abbreviation(left) or _is_abbreviation(right)
                                                  or left.isdigit() or right.isdigit())
    return f"{left}-" if code else f"{left} - "


def _spaced(s: str) -> str:
    s = re.sub(r"\s*&\s*", " và ", s)
    s = re.sub(r"(\w+)(\s*)[-–—](\s*)(?=(\w+))", _dash, s)
    s = re.sub(r"\s*,\s*", ", ", s)
    s = re.sub(r"\s+", " ", s).strip(_OUTER + " ")
    s = re.sub(r"^(?:và )+|(?: và)+$", "", s)
    return re.sub(r"(?: và)+ ", " và ", s)


def _is_abbreviation(word: str) -> bool:
    """A token written in capitals that is no Vietnamese syllable ("VPĐK", "PC06")."""
    folded = ascii_fold(word)
    return len(word) > 1 and word.isupper() and (not re.search(r"[aeiou]", folded) or any(c.isdigit() for c in word))


def _case_mode(written: str) -> str:
    """'upper' (all capitals), 'lower' (no capital after the first letter) or 'keep', judged on
    the words that are no abbreviation."""
    _table, pattern = _abbreviations()
    rest = pattern.sub(" ", written) if pattern else written
    words = [w for w in _WORD.findall(rest) if not _is_abbreviation(w)]
    letters = "".join(words)
    if not any(c.isalpha() for c in letters):
        return "keep"
    if not any(c.islower() for c in letters):
        return "upper"
    tail = letters[1:]
    return "lower" if not any(c.isupper() for c in tail) else "keep"


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _recase(s: str, mode: str) -> str:
    """Re-case a name written all in capitals or lower case (see the module docstring)."""
    if mode == "upper":
        s = _WORD.sub(lambda m: m.group() if _is_abbreviation(m.group()) else m.group().lower(), s)
    pattern, by_lower = _spellings()
    fixed: list = []   # spans set by a known spelling

    def known(m):
        fixed.append((m.start(), m.end()))
        return by_lower.get(m.group().lower(), m.group())

    s = pattern.sub(known, s)
    return _field_case(s, fixed)


def _field_case(s: str, fixed: list) -> str:
    """Capitalise the first word of the field after a head and after each separator in it."""
    low = s.lower()
    start = None
    for head in sorted(_FIELD_HEADS, key=len, reverse=True):
        if low.startswith(head.lower() + " ") or low.startswith(head.lower() + ","):
            start = len(head)
            break
    if start is None:
        return s
    out = list(s)
    at_field_start = True
    for m in re.finditer(r"\w+|[,\-–—]|\S", s[start:]):
        i, word = m.start() + start, m.group()
        if word in (",", "-", "–", "—") or word.lower() == "và":
            at_field_start = True
            continue
        rest = low[i:]
        if any(rest.startswith(stop) and not rest[len(stop):len(stop) + 1].isalnum() for stop in _FIELD_STOPS):
            break
        if at_field_start and not any(a <= i < b for a, b in fixed):
            out[i] = out[i].upper()
        at_field_start = False
    return "".join(out)


@lru_cache(maxsize=8192)
def official_name(name: str) -> str:
    """The name as an official text writes it (see the module docstring); "" for an empty name."""
    if not name or not name.strip():
        return ""
    written = _nfc(re.sub(r"\s+", " ", name)).strip(_OUTER + " ")
    s = _spaced(restyle(_expand(written), "first")[0])
    if not s:
        return ""
    mode = _case_mode(written)
    if _COLLECTIVE.match(s):
        if mode == "upper":
            s = _WORD.sub(lambda m: m.group() if _is_abbreviation(m.group()) else m.group().lower(), s)
    elif mode in ("upper", "lower"):
        s = _recase(s, mode)
    else:   # as written, with the known spellings ("Uỷ ban Nhân dân" -> "Ủy ban nhân dân")
        pattern, by_lower = _spellings()
        s = pattern.sub(lambda m: by_lower.get(m.group().lower(), m.group()), s)
    return _cap(s)


def unit_level(name: str) -> Optional[str]:
    """The administrative level the level registry reads in a (canonical) unit name, or None."""
    folded = _lower(name)
    best = None   # (end, length, level)
    head_level = None
    for rx, level, head, length in _levels():
        for m in rx.finditer(folded):
            if head:
                head_level = head_level or level
            elif best is None or (m.end(), length) > best[:2]:
                best = (m.end(), length, level)
    if best is not None:
        return best[2] or head_level
    return head_level


def slug(name: str) -> str:
    """Folded words of a name joined by '-', without "và" and punctuation; a name with no letter
    that folds to ASCII (another script) gets "u" and a short hash of it."""
    folded = unicodedata.normalize("NFKD", ascii_fold(_nfc(name)).lower())
    words = re.findall(r"[a-z0-9]+", folded)
    out = "-".join(w for w in words if w != "va")
    if not out and re.search(r"[^\W_]", name):
        out = "u" + hashlib.sha1(_nfc(name).encode("utf-8")).hexdigest()[:10]
    return out


@lru_cache(maxsize=8192)
def unit_key(name: str) -> str:
    """Stable key of a unit: slug of its official name, plus "@level" where known ("" if empty)."""
    official = official_name(name)
    if not official:
        return ""
    level = unit_level(official)
    if level:   # the level word that ends a name is said by @level: "Công an tỉnh" = "Công an" of a tỉnh
        official = _TRAILING_PLACE.sub("", official) or official
    return slug(official) + (f"@{level}" if level else "")


def canonical_units(names) -> tuple:
    """(official names, keys) of a list of units as written: one per distinct key, in order."""
    out_names: list = []
    out_keys: list = []
    for n in names or []:
        k = unit_key(n)
        if k and k not in out_keys:
            out_keys.append(k)
            out_names.append(official_name(n))
    return out_names, out_keys


def clear_caches() -> None:
    """Forget the registries (after changing KEHOACH_UNITS, KEHOACH_UNIT_NAMES or _LEVELS)."""
    for f in (_abbreviations, _spellings, _levels, official_name, unit_key):
        f.cache_clear()


# ------------------------------------------------------------------ the units of a batch
@dataclass
class UnitCount:
    """One distinct unit (key) over a batch: its official name, level, how often it leads or
    partners a task, in how many documents, and each spelling as written with its count."""
    key: str
    canonical: str
    level: Optional[str] = None
    lead: int = 0
    partners: int = 0
    documents: int = 0
    spellings: dict = field(default_factory=dict)   # spelling -> count, most frequent first
    unknown: list = field(default_factory=list)     # abbreviations in the spellings the registry lacks

    @property
    def mentions(self) -> int:
        return self.lead + self.partners


def unknown_abbreviations(names) -> list:
    """Tokens in capitals that read as abbreviations ("LHTN", "VPĐK") and that the registry does
    not expand, in order of first appearance."""
    _table, pattern = _abbreviations()
    out: list = []
    for name in names:
        rest = pattern.sub(" ", _nfc(name)) if pattern else _nfc(name)
        for word in _WORD.findall(rest):
            if _is_abbreviation(word) and not any(c.isdigit() for c in word) and word not in out:
                out.append(word)
    return out


def count_units(plans) -> list:
    """UnitCounts of (doc_id, plan dict) pairs, the most mentioned first. The official name shown
    is the one most of the spellings give."""
    by_key: dict = {}
    names: dict = {}
    docs: dict = {}
    for doc_id, plan in plans:
        for t in (plan or {}).get("tasks") or []:
            for role in ("lead", "partners"):
                for unit in t.get(role) or []:
                    unit = _nfc(unit)
                    key = unit_key(unit)
                    if not key:
                        continue
                    u = by_key.setdefault(key, UnitCount(key, official_name(unit), unit_level(official_name(unit))))
                    setattr(u, role, getattr(u, role) + 1)
                    u.spellings[unit] = u.spellings.get(unit, 0) + 1
                    names.setdefault(key, {}).setdefault(official_name(unit), 0)
                    names[key][official_name(unit)] += 1
                    docs.setdefault(key, set()).add(doc_id)
    for key, u in by_key.items():
        u.canonical = max(names[key].items(), key=lambda kv: (kv[1], kv[0]))[0]
        u.documents = len(docs[key])
        u.spellings = dict(sorted(u.spellings.items(), key=lambda kv: (-kv[1], kv[0])))
        u.unknown = unknown_abbreviations(u.spellings)
    return sorted(by_key.values(), key=lambda u: (-u.mentions, u.key))
