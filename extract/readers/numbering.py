"""Word automatic numbering: reads numbering.xml (abstract lists, list instances, overrides) and
renders the label Word displays in front of a numbered paragraph ("II.", "1.2.", "a)", "-", "•").

`Numbering.from_xml(root, w)` reads the definitions; a `Counter` walks the numbered paragraphs of
one document in order (`counter.label(num_id, ilvl)`), keeping Word's counters: one sequence per
abstract list shared by its list instances, a `startOverride` restarting it where its instance is
first used, lower levels restarting after a higher one (`lvlRestart`), `isLgl` decimal rendering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

# --------------------------------------------------------------------------- number formats
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """1 -> "I", 14 -> "XIV" (Word shows 0 and negatives as decimal)."""
    if n <= 0 or n >= 4000:
        return str(n)
    out = []
    for value, digits in _ROMAN:
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def letter(n: int) -> str:
    """Word's letter numbering: 1 -> "A" … 26 -> "Z", 27 -> "AA", 28 -> "BB" (the letter repeated)."""
    if n <= 0:
        return str(n)
    q, r = divmod(n - 1, 26)
    return chr(ord("A") + r) * (q + 1)


# Bullet characters drawn from symbol fonts (Symbol, Wingdings) sit in the private use area.
_SYMBOL_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "●", "\uf06e": "■", "\uf0d8": "➢", "\uf076": "❖",
    "\uf0fc": "✓", "\uf0a8": "◦", "\uf0e0": "➔", "\uf0f0": "⇨", "\uf02d": "-", "\uf02b": "+",
    "\uf0be": "-", "\uf0a0": "-", "\uf071": "❑", "\uf0d2": "➢", "\uf0de": "➔", "\uf0e8": "➔",
}


def bullet(text: str) -> Optional[str]:
    """The bullet Word draws for a level's lvlText; symbol-font code points mapped to Unicode."""
    text = (text or "").strip()
    if not text:
        return None
    return "".join(_SYMBOL_BULLETS.get(ch, "•" if "\uf000" <= ch <= "\uf0ff" else ch) for ch in text)


def format_number(n: int, fmt: str) -> str:
    """A counter value in one of Word's numFmt values (unknown formats fall back to decimal)."""
    if fmt == "decimal" or not fmt:
        return str(n)
    if fmt == "upperRoman":
        return roman(n)
    if fmt == "lowerRoman":
        return roman(n).lower()
    if fmt == "upperLetter":
        return letter(n)
    if fmt == "lowerLetter":
        return letter(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}" if 0 <= n < 10 else str(n)
    if fmt == "none":
        return ""
    if fmt in ("decimalEnclosedParen",):
        return f"({n})"
    if fmt in ("decimalEnclosedFullstop",):
        return f"{n}."
    return str(n)


# --------------------------------------------------------------------------- definitions
@dataclass
class Level:
    """One level (w:lvl) of an abstract list."""
    ilvl: int
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: Optional[int] = None   # w:lvlRestart: 0 = never; n = after level n-1 (0-based) is used
    legal: bool = False             # w:isLgl: show every level's number as decimal
    style: Optional[str] = None     # w:pStyle: the paragraph style bound to this level


@dataclass
class Instance:
    """A list instance (w:num): its abstract list and per-level overrides."""
    abstract: str
    start_overrides: dict = field(default_factory=dict)   # ilvl -> start value
    levels: dict = field(default_factory=dict)            # ilvl -> Level replacing the abstract's


def _val(el, w: str, name: str) -> Optional[str]:
    child = el.find(f"{{{w}}}{name}")
    return None if child is None else child.get(f"{{{w}}}val")


def _int(text: Optional[str], default: Optional[int] = None) -> Optional[int]:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _on(el, w: str, name: str) -> bool:
    child = el.find(f"{{{w}}}{name}")
    return child is not None and child.get(f"{{{w}}}val", "true") not in ("0", "false", "off")


def _level(el, w: str) -> Level:
    ilvl = _int(el.get(f"{{{w}}}ilvl"), 0) or 0
    fmt = _val(el, w, "numFmt") or "decimal"
    if el.find(f"{{{w}}}lvlPicBulletId") is not None:
        fmt = "bullet"
    return Level(ilvl=ilvl, start=_int(_val(el, w, "start"), 1), fmt=fmt,
                 text=_val(el, w, "lvlText") or "", restart=_int(_val(el, w, "lvlRestart")),
                 legal=_on(el, w, "isLgl"), style=_val(el, w, "pStyle"))


class Numbering:
    """The list definitions of one document (numbering.xml)."""

    def __init__(self) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, Instance] = {}
        self.style_links: dict[str, str] = {}   # abstractNumId -> numStyleLink style id
        self.link_styles: dict[str, str] = {}   # styleLink style id -> abstractNumId

    @classmethod
    def from_xml(cls, root, w: str) -> "Numbering":
        """Read numbering.xml's root element (`w` is the WordprocessingML namespace)."""
        self = cls()
        if root is None:
            return self
        for an in root.iterfind(f"{{{w}}}abstractNum"):
            aid = an.get(f"{{{w}}}abstractNumId")
            self.abstracts[aid] = {lv.ilvl: lv for lv in map(lambda e: _level(e, w), an.iterfind(f"{{{w}}}lvl"))}
            link = _val(an, w, "numStyleLink")
            if link:
                self.style_links[aid] = link
            own = _val(an, w, "styleLink")
            if own:
                self.link_styles[own] = aid
        for num in root.iterfind(f"{{{w}}}num"):
            inst = Instance(abstract=_val(num, w, "abstractNumId") or "")
            for ov in num.iterfind(f"{{{w}}}lvlOverride"):
                ilvl = _int(ov.get(f"{{{w}}}ilvl"), 0) or 0
                start = _int(_val(ov, w, "startOverride"))
                if start is not None:
                    inst.start_overrides[ilvl] = start
                lvl = ov.find(f"{{{w}}}lvl")
                if lvl is not None:
                    level = _level(lvl, w)
                    level.ilvl = ilvl
                    inst.levels[ilvl] = level
            self.instances[num.get(f"{{{w}}}numId")] = inst
        return self

    def resolve_abstract(self, num_id: str, style_num: dict | None = None) -> Optional[str]:
        """The abstract list a list instance draws from, following numStyleLink through the
        numbering style's own numId (`style_num`: style id -> numId)."""
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        for _ in range(4):
            link = self.style_links.get(aid)
            if not link:
                break
            target = self.link_styles.get(link)
            if target is None and style_num and style_num.get(link) in self.instances:
                target = self.instances[style_num[link]].abstract
            if target is None or target == aid:
                break
            aid = target
        return aid

    def level_for_style(self, num_id: str, style_id: str) -> Optional[int]:
        """The level whose w:pStyle names `style_id` (style-bound numbering without an ilvl)."""
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        for lv in self.abstracts.get(inst.abstract, {}).values():
            if lv.style == style_id:
                return lv.ilvl
        return None


# --------------------------------------------------------------------------- counting
_PLACEHOLDER = re.compile(r"%([1-9])")


class Counter:
    """Renders labels for the numbered paragraphs of one document, in reading order."""

    def __init__(self, numbering: Numbering, style_num: dict | None = None) -> None:
        self.numbering = numbering
        self.style_num = style_num or {}
        self.values: dict[str, dict[int, int]] = {}   # abstract id -> ilvl -> current value
        self.starts: dict[str, dict[int, int]] = {}   # abstract id -> ilvl -> overridden start
        self.seen: set[str] = set()                    # list instances already used

    def _levels(self, num_id: str, aid: str) -> dict[int, Level]:
        levels = self.numbering.abstracts.get(aid, {})
        inst = self.numbering.instances.get(num_id)
        if inst is not None and inst.levels:
            levels = {**levels, **inst.levels}
        return levels

    def label(self, num_id: str, ilvl: int) -> Optional[str]:
        """Advance the counter of (list, level) and return the label Word shows, or None when the
        paragraph is not numbered (numId 0, an unknown list or level)."""
        if not num_id or num_id == "0":
            return None
        aid = self.numbering.resolve_abstract(num_id, self.style_num)
        if aid is None:
            return None
        levels = self._levels(num_id, aid)
        level = levels.get(ilvl)
        if level is None:
            return None
        values = self.values.setdefault(aid, {})
        starts = self.starts.setdefault(aid, {})
        inst = self.numbering.instances[num_id]
        if num_id not in self.seen:
            self.seen.add(num_id)
            for lv, start in inst.start_overrides.items():
                starts[lv] = start          # the next use of that level shows `start`
                for k in [k for k in values if k >= lv]:
                    del values[k]
        values[ilvl] = values[ilvl] + 1 if ilvl in values else starts.get(ilvl, level.start)
        for deeper in [k for k in values if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and ilvl <= restart - 1):
                del values[deeper]
        return self.render(level, levels, values, starts)

    @staticmethod
    def render(level: Level, levels: dict, values: dict, starts: dict | None = None) -> Optional[str]:
        """Fill a level's lvlText ("%1.%2.") with the current values of the levels it names."""
        if level.fmt == "bullet":
            return bullet(level.text)

        def fill(m):
            ref = int(m.group(1)) - 1
            lv = levels.get(ref)
            if lv is None:
                return ""
            fmt = "decimal" if (level.legal and lv.fmt != "none") else lv.fmt
            value = values.get(ref)
            if value is None:
                value = (starts or {}).get(ref, lv.start)
            return format_number(value, fmt)

        text = _PLACEHOLDER.sub(fill, level.text)
        text = text.strip()
        return text or None
