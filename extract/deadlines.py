"""Deadline and time phrases of Vietnamese plans: read a cell or a duty sentence, write a `Deadline`.

    parse_deadline(text, year=None) -> Deadline   a whole deadline cell / phrase -> kind, start, end, period
    is_deadline(text)    -> bool       does a whole table cell read as a time phrase (column-shift test)
    find_deadline(sent)  -> str|None   the deadline phrase inside a longer duty sentence or labelled line
    named_year(text)     -> int|None   the one year a text (task, heading, title) names: a context year
    recurrence_in(text)  -> (bool, period)  does a duty name a recurrence ("định kỳ hằng năm …")

How it works. The text is put in NFC and folded to a same-length ASCII shadow (case, tone marks and
đ removed, dashes unified), so every pattern is written once without diacritics and matches
"QUÝ I/2023", "Quí IV-2025", "quy i/2023" or NFD input alike; match offsets index the NFC text, so
the phrase is returned as written. One precompiled regex cuts the shadow into tokens: period units
(day, month, quarter, half-year, year, school year), time words (từ, đến, trước, chậm nhất, trong,
xong, hoàn thành, dự kiến, giai đoạn…), recurrence (hằng năm, định kỳ 6 tháng…), continuity
(thường xuyên, liên tục), conditions (khi có…, theo chỉ đạo…, sau khi…, đột xuất, trong vòng 30
ngày…) and open ends (… và các năm tiếp theo, đến khi …). Tokens separated only by white space,
brackets, commas, dashes, "và" or "hoặc" form one phrase.

Edge rules (decided here; tests pin them):
- kind: the first of {thường xuyên, a recurrence word, a period carrying a year} in the text decides
  (continuous / recurring / once|range); "Thường xuyên, hằng năm" is continuous. A period without a
  year ("trước ngày 15/11", "Quý I") does not outrank a recurrence word: "trước ngày 15/11 hằng năm"
  is recurring. With none of those: a period without a year gives once without dates; else a
  condition gives conditional; else None.
- recurring: period is the shortest recurrence named (day < week < month < quarter < half-year <
  year); plain "Định kỳ" gives period None. start/end stay None unless dated periods are named.
- once: start of the first period, end of the last ("Năm 2022 và 2023" -> 2022-01-01..2023-12-31;
  "Quý I, II/2024", "Tháng 3-4/2024", "quý I và quý II/2030" share the last year).
- "trước / chậm nhất / đến / hết X" reads as "by X": once, start None, end = end of X (a day is
  its own end: "trước ngày 01/01/2030" -> end 2030-01-01; "Đến năm 2025" -> end 2025-12-31).
- range: "Từ X" (start X, end None), "X đến Y", "Từ X đến Y", "X - Y" where both sides carry
  their own year ("2022 - 2025", "Năm 2024-2025", "Giai đoạn 2021-2025"), "X và các năm tiếp
  theo", "từ X đến khi …" (end None). A compact list sharing one year ("Tháng 3-4/2024") is once.
- a bare day ("Ngày 30/6/2024") is once with start = end = that day. "Năm học 2024-2025" is once
  2024-09-01..2025-05-31; "Đầu/Cuối/Giữa năm 2025" is the whole year; "Trong năm", "Cuối năm"
  (no year named) are once without dates. Invalid dates (31/2) give None dates, never an error.
- a period in an aside does not widen the dates ("Trước 20/12/2025 (đối với năm 2025)" ends
  2025-12-20); one after bare punctuation or a time word does ("Quý III/2023; quý IV/2025").
- is_deadline: the cell opens with the time phrase (after "Thực hiện", "Hoàn thành", "Dự kiến",
  "Thời gian thực hiện:" …) and, unless it opens with a condition ("Khi có văn bản của …"), ends
  within five words of it and is no citation ("ngày 22/12/2024 của Bộ Chính trị"); or, naming no
  unit (Sở, Ban, Phòng, UBND, xã …), it closes on a dated phrase after a time word ("Hoàn thành
  đầu tư … xong trước ngày 01/01/2030").
- a relative period after a dated one ("ngày 30 tháng 01 của năm tiếp theo", "15/01 năm sau", "quý I
  năm sau", "ngày 20 của tháng cuối quý", "ngày 05 của tháng sau") recurs with the larger period
  (year, quarter, month) and carries no dates; alone ("năm sau cao hơn năm trước") it is no phrase.
  "năm 2026 và năm tiếp theo" is an open range.
- a list of report periods ("định kỳ 6 tháng, năm", "báo cáo quý, 6 tháng và năm", "tháng, quý, năm")
  is a recurrence with the shortest period, and the days after it ("(trước ngày 15/6 và 15/12)") join
  it: recurring half-year, the whole text kept. A period word followed by another word is none ("quy
  định", "năm học").
- parse_deadline(text, year=Y): when the text names no year of its own and reads as once, range or
  continuous without dates, its periods are dated in Y ("trước 15/3" -> end Y-03-15; "từ tháng 11
  đến tháng 2" -> Y-11-01..Y+1-02-28); a recurring text takes no date from Y. A period after a dated
  one that would fall before it is of the next year ("tháng 11/2025 đến tháng 4" ends 2026-04-30).
- a span of clock times with no date ("7h00 - 7h15", "từ 14 giờ đến 16 giờ 30", a programme
  table's time cell) is a range without dates.
- the returned text is NFC with runs of white space folded to one space and outer white space and
  punctuation stripped.
- find_deadline takes a dated phrase only after a time word (trong, trước, từ, chậm nhất, xong,
  hoàn thành, dự kiến, vào, đến hết, "X đến Y"); a bare "đến năm 2030" (tầm nhìn / định hướng /
  a title's horizon), "giai đoạn 2026 – 2030" in a title and dates of cited documents ("Kế hoạch
  số 102-KH/HU ngày 26/01/2022") are not deadlines. A labelled line ("Thời gian thực hiện: …",
  "Thời hạn: …", "Tiến độ: …") gives its whole value, and goes on after a semicolon while what
  follows is a time phrase ("Thường xuyên; hoàn thành trước ngày 31/12/2026"). Deadline phrases
  side by side after bare punctuation are one compound ("thường xuyên; hoàn thành trước …").
  Among several phrases a dated one beats a recurrence or "thường xuyên", which beat a condition;
  ties go to the last (the deadline of a Vietnamese duty sentence usually closes it).
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

import regex

from .model import Deadline
from .text.fold import ascii_fold

# "tư" ("đầu tư", "tư vấn", "thứ tư") folds like "từ" (from): its shadow keeps it apart ("tw")
_TU_WORD = re.compile(r"(?<!\w)[tT][ưƯ](?!\w)")


def _fold(nfc: str) -> str:
    """The ASCII shadow of `text.fold`, with the word "tư" told from "từ"."""
    folded = ascii_fold(nfc)
    if "ư" in nfc or "Ư" in nfc:
        for m in _TU_WORD.finditer(nfc):
            folded = folded[:m.start() + 1] + "w" + folded[m.start() + 2:]
    return folded

__all__ = ["parse_deadline", "is_deadline", "find_deadline", "named_year", "recurrence_in"]


def _nfc(text) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        text = str(text)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- tokens
_Y = r"(?:19|20)\d\d(?!\d)"
_MM = r"(?:0?[1-9]|1[0-2])(?!\d)"
_DD = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_QN = r"(?:iv|iii|ii|i|[1-4])(?![a-z0-9])"
_YS = r"\s*(?:[/.-]\s*|,?\s*nam\s*)"          # "/2023", "-2025", " năm 2023", ", năm 2025"
_WORDS = r"(?:\s+[^\s,;.()\[\]]+){0,%d}"      # a clause tail: words up to punctuation
# more report periods after a first one: ", năm", " và cả năm", ", quý" (none followed by its number)
# (a word may follow a period only when it starts a new part: "năm học", "quy định" are no periods)
_PLIST = (r"(?:\s*(?:,|va|hoac|/)\s*(?:(?:6|sau)\s*thang|(?:ca\s+)?nam|qu[yi]|thang)\b(?!\s*(?:\d|[ivx]+\b))"
          r"(?!\s+(?!(?:va|hoac|ve|gui|cho|cua|theo|len|tai|tren|trong|truoc|cham|den|bao|mot|lan|dinh\s+ky)\b)"
          r"[a-z]))%s")
_PLIST_BEFORE = re.compile(r"\b(?:trong|truoc|sau|vong|khoang|cua|\d+)\s+$")
# a condition's tail: words up to punctuation or a word that starts a new clause
_CLAUSE = (r"(?:\s+(?!(?:va|ve|de|thi|nham|roi|dong\s+thoi|bao\s+cao|gui|trinh|tham\s+muu)\b)"
           r"[^\s,;.()\[\]*]+){0,%d}")

_TOKEN_PATTERNS = [
    ("school", rf"\bnam\s+hoc\s*{_Y}\s*-\s*{_Y}"),
    ("open", r"(?=[vhcnt,])(?:\b(?:va|hoac)\s+|,\s*)?\b(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|ke\s+tiep|tiep|sau(?:\s+do)?)\b"
             r"|\b(?:va|hoac)\s+nam\s+(?:tiep\s+theo|ke\s+tiep)\b|\btro\s+(?:di|ve\s+sau)\b"),
    # a period named relative to another: "của năm tiếp theo", "năm sau", "của tháng cuối quý", "quý báo cáo"
    ("relp", r"(?=[cnqtkdg])(?:cua\s+)?(?:(?:nam|quy|thang|ky)\s+(?:tiep\s+theo|ke\s+tiep|sau)(?!\s*(?:khi|do|nay|\d))"
             r"|(?:thang\s+)?(?:dau|cuoi|giua)\s+(?:quy|ky|thang)(?!\s*(?:[ivx]+\b|\d))"
             r"(?:\s+(?:tiep\s+theo|ke\s+tiep|sau|bao\s+cao)(?!\s*(?:khi|do|nay|\d)))?"
             r"|(?:thang|quy|nam|ky)\s+bao\s+cao)\b"),
    ("until", r"\b(?:cho\s+)?(?:den|toi)\s+(?:khi|luc)\b" + _WORDS % 8),
    ("rel", r"\b(?:trong\s+(?:vong|thoi\s+han|thoi\s+gian|khoang)?|sau|cham\s+nhat(?:\s+la)?|truoc)\s*"
            r"\d{1,3}\s*(?:ngay|tuan|thang|nam)(?:\s+lam\s+viec)?\b(?!\s*(?:dau|cuoi)\s+nam)"
            r"(?:\s*(?:,\s*)?(?:ke\s+tu|tinh\s+tu|sau\s+khi)\b" + _WORDS % 10 + ")?"),
    ("half", rf"\b(?:(?:6|sau)\s*thang|nua)\s+(?:dau|cuoi)\s+(?:cua\s+)?nam(?:\s*{_Y})?"),
    ("rec", r"(?=[dhmt6sq])(?:dinh\s+ky\s+)?(?:hang|moi|tung)\s+(?:(?:6|sau)\s*thang|hoc\s+ky|nam|quy|thang|tuan|ngay)\b"
            r"(?:\s*(?:,|va|hoac|/)\s*(?:(?:6|sau)\s*thang|nam|quy|thang|tuan)\b(?!\s*\d))*"
            r"|\b(?:dinh\s+ky\s+)?(?:6|sau)\s*thang\s*(?:/\s*|mot\s+)lan\b"
            # a frequency: "(ít nhất) 01 lần/năm", "02 lần trong một quý", "1 lần mỗi tháng"
            r"|\b(?:(?:it\s+nhat|toi\s+thieu)\s+)?\d{1,2}\s*lan\s*(?:/|(?:trong\s+)?(?:mot|moi|1)\s+)\s*"
            r"(?:nam|quy|thang|tuan)\b"
            r"|\bdinh\s+ky\s+(?:6|sau)\s*thang\b" + _PLIST % "*" + r"|\bdinh\s+ky\b"
            # a list of report periods: "(báo cáo) 6 tháng, năm", "quý, 6 tháng và cả năm", "tháng, quý, năm"
            r"|(?:(?:6|sau)\s*thang|qu[yi]|thang)" + _PLIST % "+"),
    ("cont", r"\bthuong\s+xuyen\b|\blien\s+tuc\b"
             r"|\b(?:trong\s+)?suot\s+(?:qua\s+trinh|thoi\s+gian|nhiem\s+ky|giai\s+doan|ca\s+nam|nam)\b"
             r"|\bca\s+nhiem\s+ky\b"),
    ("cond", r"\b(?:ngay\s+)?sau\s+khi\b" + _CLAUSE % 14 +
             r"|\bkhi\s+co\s+yeu\s+cau\b(?:\s+cua\b" + _CLAUSE % 8 + ")?"
             r"|\bkhi\s+(?:co|duoc|can(?:\s+thiet)?|xay\s+ra|phat\s+sinh|phat\s+hien|hoan\s+thanh)\b" + _CLAUSE % 10 +
             r"|\bkhi\b(?:\s+[a-z0-9]+){1,6}?\s+(?:co|ban\s+hanh|gui)\s+(?:huong\s+dan|van\s+ban|quyet\s+dinh|"
             r"chu\s+truong|yeu\s+cau|ke\s+hoach)\b" +
             r"|\btheo\s+(?:su\s+)?(?:chi\s+dao|yeu\s+cau|ke\s+hoach|huong\s+dan|quy\s+dinh|tien\s+do"
             r"|lo\s+trinh|lich|thong\s+bao|de\s+nghi|van\s+ban|chuong\s+trinh)\b(?:\s+(?:cua|tu)\b" + _CLAUSE % 8 + ")?"
             r"|\bdot\s+xuat\b|\btuy\s+(?:theo\s+)?tinh\s+hinh\b"),
    ("daylong", rf"\bngay\s*{_DD}\s*thang\s*{_MM}(?:\s*,?\s*nam\s*{_Y})?"),
    ("day", rf"(?<![\d/.])(?:\bngay\s*)?{_DD}\s*(?:/\s*{_MM}(?:\s*/\s*{_Y})?|[.-]\s*{_MM}\s*[.-]\s*{_Y})(?![\d/])"),
    ("day0", rf"\bngay\s*{_DD}(?![\d/.-])(?!\s*thang\s*\d)"),
    ("quarter", rf"\bq\.?\s*{_QN}\s*[/.-]\s*{_Y}|\bqu[yi]\s*{_QN}(?:\s*(?:,|&|va|-)\s*(?:qu[yi]\s*)?{_QN})*(?:{_YS}{_Y})?"),
    ("month", rf"\bthang\s*{_MM}(?:\s*(?:,|&|va|-)\s*(?:thang\s*)?{_MM})*(?:{_YS}{_Y})?"),
    ("nowyear", r"\b(?:trong|ca|cuoi|dau|giua)\s+nam(?:\s+nay)?(?=\s*(?:$|[;,.()]))"),
    ("monthyear", rf"(?<![\w/.]){_MM}\s*/\s*{_Y}(?![\d/])"),
    ("year", rf"(?<![\w/.])(?:nam\s*)?{_Y}(?!\w|\s*/\s*\w|-[a-z])"),
    ("phase", r"\b(?:giai\s+doan|nhiem\s+ky|thoi\s+ky)\b"),
    ("asof", r"\btinh\s+(?:den|toi)\b"),
    ("from", r"\b(?:ke\s+tu|bat\s+dau\s+tu|bat\s+dau|tu)\b"),
    ("to", r"\b(?:cho\s+den\s+het|cho\s+den|den\s+het|toi\s+het|den|toi|het)\b"),
    ("by", r"\b(?:cham\s+nhat(?:\s+(?:la|vao))?|truoc|han\s+chot|han\s+cuoi)\b"),
    ("in", r"\b(?:xong|hoan\s+thanh|du\s+kien|trong|vao)\b"),
    ("round", r"\bdot\s*(?:\d{1,2}|[ivx]{1,4})\b\s*:?|\blan\s*\d{1,2}\s*:"),
    ("mod", r"\b(?:dau|cuoi|giua|ca)\b"),
]
# every token starts a word (or at a comma): the look-behind skips positions inside words at once, the
# look-ahead those on white space and other punctuation
_TOKEN = re.compile("(?<![a-z0-9])(?=[a-z0-9,])(?:" + "|".join(f"(?P<{name}>{pat})" for name, pat in _TOKEN_PATTERNS) + ")")

# every phrase needs a unit (a digit, năm, quý, tháng) or a recurrence, continuity or condition word
_SCREEN = re.compile(r"\d|\b(?:nam|qu[yi]|thang|hang|moi|tung|dinh\s+ky|thuong\s+xuyen|lien\s+tuc|suot"
                     r"|nhiem\s+ky|khi|theo|dot\s+xuat|tuy)\b")
_UNITS = frozenset({"school", "half", "daylong", "day", "day0", "quarter", "month", "monthyear", "year",
                    "nowyear"})
_PREFIX = frozenset({"from", "to", "by", "in", "round", "phase", "asof", "mod"})
_GAP = re.compile(r"[\s*_()\[\]\"'“”‘’]*(?:(?:,|&|-|\bva\b|\bhoac\b|\bhay\b)[\s*_()\[\]\"'“”‘’]*){0,2}")
_BUDGET_BEFORE = re.compile(r"\b(?:chi|kinh\s+phi|von|nguon|du\s+toan|ngan\s+sach|su\s+nghiep|thuong\s+truc)\s*$")
_DOCREF_BEFORE = re.compile(r"(?:\bso\s*[\w./-]*|[\w.-]*\d[\w.-]*/[\w./-]*[a-z][\w./-]*|\bban\s+hanh|\bky)\s*,?\s*$")
_STRONG_COND = re.compile(r"\bkhi\s+co\s+(?:yeu\s+cau|van\s+ban|ke\s+hoach|chi\s+dao|huong\s+dan|quyet\s+dinh|dau\s+hieu)\b"
                          r"|\bkhi\s+phat\s+hien\b"
                          r"|\bngay\s+sau\s+khi\b"
                          r"|\bkhi\b(?:\s+[a-z0-9]+){1,6}?\s+(?:co|ban\s+hanh|gui)\s+(?:huong\s+dan|van\s+ban|quyet\s+dinh)\b"
                          r"|\btheo\s+chuong\s+trinh\s+cong\s+tac\b")
_PERIODS = ("day", "week", "month", "quarter", "half-year", "year")
_SIX_MONTHS = re.compile(r"(?<![a-z0-9])(?:(?:6|sau)\s*thang|hoc\s+ky)\b")  # a school term counts as half a year
_REC_WORD = re.compile(r"(?<![a-z0-9])(?:6|sau)|\b(?:nam|quy|thang|tuan|ngay)\b")
_REC_NAME = {"nam": "year", "quy": "quarter", "thang": "month", "tuan": "week", "ngay": "day"}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_NUM = re.compile(r"\d+")
_QNUM = re.compile(rf"{_QN}")
_Q_WORD = re.compile(r"^(?:qu[yi]|q\.?)")
_YEAR_NUM = re.compile(_Y)


# --------------------------------------------------------------------------- dates
def _iso(y: int, m: int, d: int) -> Optional[str]:
    if not (1 <= m <= 12) or d < 1 or d > calendar.monthrange(y, m)[1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month_end(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


@dataclass
class _Unit:
    """A period named in the text: months lo_m..hi_m (days lo_d/hi_d when a day), own year or None."""
    kind: str
    pos: int
    year: Optional[int]
    lo_m: int = 1
    hi_m: int = 12
    day: Optional[int] = None
    year2: Optional[int] = None   # school year end, year ranges within one token
    dashed: bool = False          # several periods joined by a dash in one token ("tháng 10 - 11")

    def span(self, year: Optional[int]):
        """(start, end) ISO dates for this unit in the given year (None when unknown)."""
        if year is None:
            return None, None
        if self.kind == "school":
            return f"{year:04d}-09-01", f"{self.year2:04d}-05-31"
        if self.day is not None:
            d = _iso(year, self.lo_m, self.day)
            return d, d
        lo_year = year - 1 if self.lo_m > self.hi_m else year
        return f"{lo_year:04d}-{self.lo_m:02d}-01", _month_end(year, self.hi_m)


def _unit(kind: str, pos: int, tok: str) -> Optional[_Unit]:
    years = [int(y) for y in _YEAR_NUM.findall(tok)]
    year = years[-1] if years else None
    if kind == "year":
        return _Unit(kind, pos, year)
    if kind == "nowyear":            # "Trong năm", "Cuối năm": the year is not named
        return _Unit(kind, pos, None)
    if kind == "school":
        return _Unit(kind, pos, years[0], year2=years[1])
    if kind == "half":
        first = " dau " in f" {tok} "
        return _Unit(kind, pos, year, 1 if first else 7, 6 if first else 12)
    if kind in ("day", "daylong", "day0"):
        body = _YEAR_NUM.sub(" ", tok) if year else tok
        nums = [int(n) for n in _NUM.findall(body)]
        if kind == "day0":
            return _Unit(kind, pos, None, day=nums[0]) if nums else None
        if len(nums) < 2:
            return None
        return _Unit(kind, pos, year, nums[1], nums[1], day=nums[0])
    if kind == "quarter":
        body = _Q_WORD.sub("", tok, count=1)
        if year:
            body = body[:body.rfind(str(year))]
        qs = [_ROMAN[q] for q in _QNUM.findall(body) if q in _ROMAN]
        if not qs:
            return None
        return _Unit(kind, pos, year, qs[0] * 3 - 2, qs[-1] * 3, dashed=len(qs) > 1 and "-" in body)
    if kind in ("month", "monthyear"):
        body = _YEAR_NUM.sub(" ", tok) if year else tok
        ms = [int(n) for n in _NUM.findall(body)]
        if not ms:
            return None
        return _Unit(kind, pos, year, ms[0], ms[-1], dashed=len(ms) > 1 and "-" in body)
    return None


# --------------------------------------------------------------------------- phrases
@dataclass
class _Tok:
    kind: str
    start: int
    end: int
    text: str
    unit: Optional[_Unit] = None
    gap: str = ""   # folded text between the previous token of the phrase and this one


@dataclass
class _Phrase:
    toks: list = field(default_factory=list)
    # derived
    kind: Optional[str] = None        # once | range for the dated part
    start_date: Optional[str] = None
    end_date: Optional[str] = None
    dated_pos: Optional[int] = None   # position of the first unit
    has_year: bool = False
    rec_pos: Optional[int] = None
    period: Optional[str] = None
    cont_pos: Optional[int] = None
    cond_pos: Optional[int] = None

    @property
    def start(self) -> int:
        return self.toks[0].start

    @property
    def end(self) -> int:
        return self.toks[-1].end


def _tokens(folded: str) -> list:
    toks = []
    for m in _TOKEN.finditer(folded):
        kind, s, e = m.lastgroup, m.start(), m.end()
        tok = m.group()
        if kind == "cont" and tok.startswith("thuong") and _BUDGET_BEFORE.search(folded, max(0, s - 20), s):
            continue
        if kind == "rec" and tok[0] in "6sqt" and tok[:4] != "tung" and not tok.endswith("lan") and \
                _PLIST_BEFORE.search(folded, max(0, s - 8), s):
            continue    # "trong 6 tháng, năm …", "9 tháng và năm": no list of report periods
        unit = None
        if kind in _UNITS:
            if kind in ("day", "daylong", "monthyear") and _DOCREF_BEFORE.search(folded[max(0, s - 40):s]):
                continue    # the date of a cited document
            unit = _unit(kind, s, tok)
            if unit is None:
                continue
        toks.append(_Tok(kind, s, e, tok, unit))
    # "đầu / cuối / giữa / cả" count only right before a period ("cuối năm 2025"), not in "phấn đấu"
    return [t for k, t in enumerate(toks) if t.kind != "mod" or (
        k + 1 < len(toks) and toks[k + 1].unit is not None and not folded[t.end:toks[k + 1].start].strip())]


def _phrases(folded: str, ctx_year: Optional[int] = None) -> list:
    """Group tokens whose gaps are connectors only; analyse each group (periods that name no year
    take `ctx_year` when given)."""
    if not _SCREEN.search(folded):
        return []   # no digit and no time word: a unit list or plain prose
    out, cur = [], None
    for t in _tokens(folded):
        if cur is not None:
            gap = folded[cur.toks[-1].end:t.start]
            if _GAP.fullmatch(gap) or (t.kind == "round" and re.fullmatch(r"\s*[;,]\s*", gap)):
                t.gap = gap
                cur.toks.append(t)
                continue
            out.append(cur)
        cur = _Phrase([t])
    if cur is not None:
        out.append(cur)
    for p in out:
        _analyse(p, ctx_year)
    return out


def _analyse(p: _Phrase, ctx_year: Optional[int] = None) -> None:
    toks = p.toks
    units = [(i, t.unit) for i, t in enumerate(toks) if t.unit is not None]
    for k, t in enumerate(toks):
        if t.kind == "relp":
            # "(ngày 30 tháng 01) của năm tiếp theo": a date in a period named relative to another recurs
            # with that period; alone ("năm sau cao hơn năm trước") it is no time phrase
            if not units or units[0][0] > k:
                continue
            if p.rec_pos is None:
                p.rec_pos = t.start
            per = next((_REC_NAME[w] for w in reversed(_REC_WORD.findall(t.text)) if w in _REC_NAME), None)
            if per and (p.period is None or _PERIODS.index(per) < _PERIODS.index(p.period)):
                p.period = per
            continue
        if t.kind == "rec" and p.rec_pos is None:
            p.rec_pos = t.start
        if t.kind == "rec":
            # the shortest period named ("hằng quý, năm" -> quarter); plain "định kỳ": no period
            rest = _SIX_MONTHS.sub(" ", t.text)
            pers = [_REC_NAME[w] for w in _REC_WORD.findall(rest) if w in _REC_NAME]
            pers += ["half-year"] if _SIX_MONTHS.search(t.text) else []
            per = min(pers, key=_PERIODS.index) if pers else None
            if per and (p.period is None or _PERIODS.index(per) < _PERIODS.index(p.period)):
                p.period = per
        elif t.kind == "cont" and p.cont_pos is None:
            p.cont_pos = t.start
        elif t.kind in ("cond", "rel") and p.cond_pos is None:
            p.cond_pos = t.start
    if not units:
        return
    # bare days "15/11" need "ngày", a year or a time word in front to count
    units = [(i, u) for i, u in units
             if not (u.kind == "day" and u.year is None and not toks[i].text.startswith("ngay")
                     and not (i > 0 and (toks[i - 1].kind in _PREFIX or toks[i - 1].unit is not None)))]
    if not units:
        return
    p.dated_pos = units[0][1].pos
    # years: own, else the next unit's to the right, else the nearest to the left
    years = []
    for k, (i, u) in enumerate(units):
        y = u.year
        if y is None and u.kind not in ("day0", "nowyear"):
            right = next((v.year for _, v in units[k + 1:] if v.year is not None), None)
            if right is not None:
                y = right
                nxt = next(v for _, v in units[k + 1:] if v.year is not None)
                if (u.lo_m, u.day or 1) > (nxt.lo_m, nxt.day or 1) and u.lo_m <= u.hi_m:
                    y -= 1   # "tháng 11 đến tháng 4/2026": November is of 2025
            else:
                y = next((yy for yy in reversed(years) if yy is not None), None)
                prev = next(((v, yy) for (_, v), yy in zip(reversed(units[:k]), reversed(years))
                             if yy is not None), None)
                if prev is not None and prev[0].kind not in ("year", "nowyear", "school") and \
                        (u.hi_m, u.day or 31) < (prev[0].lo_m, prev[0].day or 1):
                    y += 1   # "từ tháng 11/2025 đến tháng 4": April is of 2026
            if y is None and ctx_year is not None and u.kind != "day0":
                y = ctx_year   # the year of the context ("trước 15/3" in a plan of 2026)
        elif y is None and ctx_year is not None and u.kind == "nowyear" and re.match(r"(?:ca|trong)\s", toks[i].text):
            y = ctx_year       # "cả năm", "trong năm": the whole year of the context
        years.append(y)
    spans = [u.span(y) for (_, u), y in zip(units, years)]
    p.has_year = any(y is not None for y in years)
    first_i = units[0][0]
    pre = {t.kind for t in toks[:first_i] if t.kind in _PREFIX}
    is_range = "from" in pre or any(u.dashed for _, u in units)
    open_end = False
    for k in range(1, len(units)):
        (i0, u0), (i1, u1) = units[k - 1], units[k]
        between = toks[i0 + 1:i1 + 1]
        if any(t.kind == "to" for t in between[:-1]):
            is_range = True
        elif "-" in toks[i1].gap and u0.year is not None and u1.year is not None:
            is_range = True
    last_i = units[-1][0]
    if any(t.kind in ("open", "until") for t in toks[last_i + 1:]) or \
            any(t.kind == "open" for t in toks[:first_i]):
        is_range, open_end = True, True
    if "phase" in pre and len(units) > 1:
        is_range = True
    starts = [s for s, _ in spans if s]
    ends = [e for _, e in spans if e]
    if is_range:
        p.kind = "range"
        p.start_date = spans[0][0]
        p.end_date = None if open_end or (len(units) == 1 and not units[0][1].dashed) else spans[-1][1]
    elif pre & {"to", "by"} and "from" not in pre:
        p.kind = "once"
        p.end_date = max(ends) if ends else None
    else:
        p.kind = "once"
        p.start_date = min(starts) if starts else None
        p.end_date = max(ends) if ends else None


# --------------------------------------------------------------------------- public API
_OUTER_LEFT = re.compile(r"^[\s.,;:\-–—•+*·…/]+")
_OUTER_RIGHT = re.compile(r"[\s.,;:\-–—•+*·…/]+$")
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    """NFC text with white space folded, outer punctuation and wrapping brackets stripped."""
    text = _SPACES.sub(" ", text)
    while True:
        new = _OUTER_RIGHT.sub("", _OUTER_LEFT.sub("", text))
        if new.startswith("(") and new.endswith(")") and new[1:-1].count("(") == new[1:-1].count(")"):
            new = new[1:-1]
        if new == text:
            return text
        text = new


_LETTER = re.compile(r"[a-z]")
_ROUND = re.compile(r"\b(?:dot|lan|buoc)\s*(?:\d+|[ivx]+)\b")   # "đợt 2:" between dated phases joins them


def _decide(phrases: list, folded: str) -> tuple:
    """(kind, start, end, period) from a text's phrases, by the rules of the module docstring."""
    signals = []  # (pos, what, phrase)
    dated = []    # dated phrases whose periods join the deadline
    prev_end = None
    for p in phrases:
        if p.cont_pos is not None:
            signals.append((p.cont_pos, "continuous", p))
        if p.rec_pos is not None:
            signals.append((p.rec_pos, "recurring", p))
        if p.dated_pos is not None and p.has_year:
            signals.append((p.dated_pos, "dated", p))
            # a later period joins only after bare punctuation ("Quý III/2023; quý IV/2025") or a
            # time word, not from an aside ("trước 20/12/2025 (đối với năm 2025)")
            if not dated or not _LETTER.search(_ROUND.sub(" ", folded[prev_end:p.start])) or any(
                    t.kind in ("from", "to", "by", "in", "round") for t in p.toks):
                dated.append(p)
        prev_end = p.end

    def dates(primary: Optional[_Phrase]):
        if not dated:
            return None, None
        ref = primary or dated[0]
        starts = [p.start_date for p in dated if p.start_date]
        ends = [p.end_date for p in dated if p.end_date]
        if primary is None:
            return (min(starts) if starts else None), (max(ends) if ends else None)
        start = min(starts) if ref.start_date and starts else None
        end = max(ends) if ref.end_date and ends else None
        return start, end

    if signals:
        pos, what, p = min(signals, key=lambda s: s[0])
        if what == "dated":
            start, end = dates(p)
            return p.kind, start, end, None
        start, end = dates(None)
        if what == "recurring":
            periods = [q.period for q in phrases if q.period]
            period = min(periods, key=_PERIODS.index) if periods else None
            return "recurring", start, end, period
        return "continuous", start, end, None
    if any(p.dated_pos is not None for p in phrases):
        return "once", None, None, None
    if any(p.cond_pos is not None for p in phrases):
        return "conditional", None, None, None
    return None, None, None, None


_CLOCK = r"\d{1,2}\s*(?:h|gio|:)\s*(?:\d{2})?(?:\s*phut)?"
_CLOCK_SPAN = re.compile(r"(?<!\d)" + _CLOCK + r"\s*(?:-|den|toi)\s*" + _CLOCK + r"(?![a-z0-9])")
# a cell that opens with the hour(s) of the day: "7h00 - 7h15", "Từ 14 giờ đến 16 giờ ngày 5/3", "8 giờ ngày 23/1"
_CLOCK_LEAD = re.compile(r"(?:tu\s+)?(?:" + _CLOCK_SPAN.pattern + r"|(?<!\d)" + _CLOCK + r"(?=\s+ngay\b))")


def parse_deadline(text: str, year: Optional[int] = None) -> Deadline:
    """A deadline cell or phrase -> Deadline(text as written, kind, start, end, period). Never raises.

    `year`: the year of the context (the plan's, or one named earlier in the duty or its section); a
    text that names no year of its own ("trước 15/3", "Từ tháng 3 đến tháng 5") is dated in it. A
    recurring text ("trước ngày 15/11 hằng năm", "… của năm tiếp theo") takes no date from it."""
    clean = _clean(_nfc(text))
    if not clean:
        return Deadline(text="")
    folded = _fold(clean)
    kind, start, end, period = _decide(_phrases(folded), folded)
    if year is not None and kind in ("once", "range", "continuous") and not start and not end:
        try:
            year = int(year)
        except (TypeError, ValueError):
            year = None
        if year is not None and 1900 <= year <= 2199:
            dated = _decide(_phrases(folded, year), folded)
            if dated[1] or dated[2]:
                kind, start, end, period = dated
    if kind is None and _CLOCK_SPAN.search(folded):
        kind = "range"  # "7h00 - 7h15", "Từ 14 giờ đến 16 giờ 30": a span of the day, no date
    return Deadline(text=clean, kind=kind, start=start, end=end, period=period)


_LEAD_IN = re.compile(
    r"[\W_]*(?:(?:thuc\s+hien|hoan\s+thanh|xong|du\s+kien|thoi\s+gian(?:\s+(?:thuc\s+hien|hoan\s+thanh))?"
    r"|thoi\s+han|tien\s+do|to\s+chuc|trien\s+khai|ap\s+dung)[\W_]*)*")
_UNIT_WORD = re.compile(
    r"\b(?:so|ban|phong|ubnd|ubmttq|uy\s+ban|hdnd|hoi\s+dong|van\s+phong|trung\s+tam|hoi|dang\s+uy"
    r"|dang\s+bo|chi\s+bo|cong\s+an|mttq|mat\s+tran|doan\s+the|xa|phuong|thi\s+tran|huyen|tinh"
    r"|huyen\s+uy|tinh\s+uy|thanh\s+uy|co\s+quan|don\s+vi|nganh|doanh\s+nghiep|truong|bo|cuc"
    r"|chi\s+cuc|kho\s+bac|ngan\s+hang|tap\s+doan|cong\s+ty|quan|thi\s+xa|thanh\s+pho)\b")


_PAREN = re.compile(r"\([^()]*\)?")
_TAIL_WORD = re.compile(r"[a-z0-9]+")
_CITATION_TAIL = frozenset({"cua", "ve", "tai", "quy", "ban"})   # "ngày 22/12/2024 của Bộ Chính trị"


def _tail_words(folded: str, phrases: list, first: _Phrase) -> list:
    """Words after the first signal phrase that no other phrase or bracket covers."""
    pieces, pos = [], first.end
    for p in phrases:
        if p.start >= first.end:
            pieces.append(folded[pos:p.start])
            pos = p.end
    pieces.append(folded[pos:])
    tail = _PAREN.sub(" ", " ".join(pieces))
    return [w for w in _TAIL_WORD.findall(tail) if w not in ("va", "hoac")]


def is_deadline(text: str) -> bool:
    """True when a whole table cell reads as a time phrase (not a unit list, a task or a citation).

    The cell must open with the time phrase (after lead-ins such as "Thực hiện", "Hoàn thành",
    "Thời gian thực hiện:") and, unless it is a condition ("Khi có văn bản của …"), end within a few
    words of it; or, with no unit name in it, close on a dated phrase after a time word ("Hoàn thành
    đầu tư … xong trước ngày 01/01/2030")."""
    clean = _clean(_nfc(text))
    if not clean or len(clean) > 250:
        return False
    folded = _fold(clean)
    clock = _CLOCK_LEAD.match(folded)
    if clock and len(folded[clock.end():].split()) <= 6:
        return True  # "7h00 - 7h15", "14h00 - 16h30 ngày 25/8", "Từ 8 giờ ngày 23 tháng 1 năm 2026"
    phrases = _phrases(folded)
    if _decide(phrases, folded)[0] is None:
        return False
    signal = [p for p in phrases if p.dated_pos is not None or p.rec_pos is not None
              or p.cont_pos is not None or p.cond_pos is not None]
    first = signal[0]
    tail = _tail_words(folded, phrases, first)
    led_by_condition = first.cond_pos is not None and first.cond_pos <= min(
        x for x in (first.dated_pos, first.rec_pos, first.cont_pos, first.cond_pos) if x is not None)
    if _LEAD_IN.fullmatch(folded[:first.start]):
        if led_by_condition:
            return True
        return len(tail) <= 5 and not (tail and tail[0] in _CITATION_TAIL)
    last = signal[-1]
    return (not _UNIT_WORD.search(folded) and len(_tail_words(folded, phrases, last)) <= 2
            and last.has_year and any(t.kind in ("by", "in", "from") for t in last.toks))


_LABEL = re.compile(
    r"\b(?:thoi\s+gian|thoi\s+han|tien\s+do)(?:\s+(?:thuc\s+hien|hoan\s+thanh|trinh|ban\s+hanh|to\s+chuc"
    r"|bao\s+cao|nop|gui|du\s+kien|trien\s+khai))?(?:\s*\([^)]{0,40}\))?\s*:\s*")
_VALUE_END = regex.compile(r";|\n|\.\s+(?=\p{Lu})|\.\s*$")
_SOFT_TO = re.compile(r"(?:cho\s+)?(?:den|toi)$")
_JOIN = re.compile(r"\s*[;,]\s*")
_GOAL_BEFORE = re.compile(r"\b(?:tam\s+nhin|dinh\s+huong|muc\s+tieu|phan\s+dau)\s*[,(]?\s*$")


def _anchored(p: _Phrase, folded: str) -> float:
    """How strongly a phrase of a duty sentence reads as its deadline: 3 dated, 2 recurring or
    continuous, 1.5 a bare "định kỳ", 1 conditional, 0 not a deadline (a title's horizon, a cited
    date, a bare year)."""
    score = 0
    if p.dated_pos is not None and any(t.unit is not None and t.kind != "nowyear" for t in p.toks):
        kinds = [t.kind for t in p.toks]
        first_unit = next(i for i, t in enumerate(p.toks) if t.unit is not None)
        pre = [t for t in p.toks[:first_unit] if t.kind in _PREFIX]
        units = [t for t in p.toks if t.unit is not None]
        strong = any(t.kind in ("from", "by", "in", "round") for t in pre)
        to_pre = [t for t in pre if t.kind == "to"]
        if to_pre and not strong:
            soft = _SOFT_TO.fullmatch(to_pre[-1].text.strip())
            plain_year = all(u.unit.kind == "year" for u in units)
            strong = not (soft and plain_year) and not _GOAL_BEFORE.search(folded[max(0, p.start - 40):p.start])
        if not strong and "to" in kinds[first_unit:] and len(units) > 1:
            strong = True       # "tháng 11/2025 đến tháng 4/2026"
        if any(t.kind == "asof" for t in pre):
            strong = False
        if strong:
            score = 3 if not any(t.kind == "phase" for t in pre) or len(units) == 1 else 2
    if p.rec_pos is not None:
        score = max(score, 2 if p.period else 1.5)   # a bare "định kỳ" yields to "thường xuyên"
    if p.cont_pos is not None and any(t.kind == "cont" and t.text.startswith("thuong") for t in p.toks):
        score = max(score, 2)
    if not score and any(t.kind == "rel" or (t.kind == "cond" and _STRONG_COND.match(t.text))
                         for t in p.toks):
        score = 1
    return score


def _trim_to(p: _Phrase) -> tuple:
    """The phrase's span without a trailing time word or a trailing manner ("… theo quy định")."""
    toks = list(p.toks)
    while len(toks) > 1 and (toks[-1].kind in _PREFIX
                             or (toks[-1].kind == "cond" and toks[-1].text.startswith("theo"))):
        toks.pop()
    return toks[0].start, toks[-1].end


def _balance(nfc: str, s: int, e: int) -> tuple:
    """Widen or narrow [s, e) so that its round brackets pair up."""
    part = nfc[s:e]
    opens, closes = part.count("("), part.count(")")
    if opens > closes:
        m = re.match(r"[^()]{0,80}\)", nfc[e:])
        if m:
            e += m.end()
        else:
            s += part.index("(") + 1 if part.index("(") == 0 else 0
    elif closes > opens:
        k = nfc.rfind("(", 0, s)
        if k != -1 and s - k <= 80 and ")" not in nfc[k:s]:
            s = k
    return s, e


def find_deadline(sentence: str) -> Optional[str]:
    """The deadline phrase inside a duty sentence or a labelled line ("Thời gian thực hiện: …"),
    as written (NFC, white space folded), or None when there is none."""
    nfc = _nfc(sentence)
    if not nfc.strip():
        return None
    folded = _fold(nfc)
    for m in _LABEL.finditer(folded):
        end = _VALUE_END.search(nfc, m.end())
        stop = end.start() if end else len(nfc)
        # a compound value goes on after a semicolon: "Thường xuyên; hoàn thành trước ngày 31/12/2026"
        while end is not None and nfc[end.start()] == ";":
            nxt = _VALUE_END.search(nfc, end.end())
            seg = nfc[end.end():nxt.start() if nxt else len(nfc)]
            if not is_deadline(seg):
                break
            fseg = _fold(seg)
            last = [p for p in _phrases(fseg) if _anchored(p, fseg)]
            if not last:
                break
            stop = end.end() + _trim_to(last[-1])[1]
            if seg[_trim_to(last[-1])[1]:].strip(" .,"):
                break   # words after the time phrase end the value
            end = nxt
        value = _clean(nfc[m.end():stop])
        if value and parse_deadline(value).kind is not None:
            return value
    phrases = _phrases(folded)
    scores = [_anchored(p, folded) for p in phrases]
    best, best_score = None, 0
    for k, score in enumerate(scores):
        if score and score >= best_score:
            best, best_score = k, score
    if best is None:
        return None
    # deadlines side by side after bare punctuation make one compound ("thường xuyên; hoàn thành trước …")
    lo = hi = best
    while lo > 0 and scores[lo - 1] and _JOIN.fullmatch(folded, phrases[lo - 1].end, phrases[lo].start):
        lo -= 1
    while hi + 1 < len(phrases) and scores[hi + 1] and \
            _JOIN.fullmatch(folded, phrases[hi].end, phrases[hi + 1].start):
        hi += 1
    s, e = _trim_to(phrases[hi])
    s = phrases[lo].start
    s, e = _balance(nfc, s, e)
    return _clean(nfc[s:e]) or None


_CITED_YEAR_BEFORE = re.compile(r"(?:\bso\s*[\w./-]*|[\w.-]*\d[\w.-]*/[\w./-]*[a-z][\w./-]*|\bban\s+hanh"
                                r"|(?<!nhiem\s)(?<!thoi\s)(?<!hoc\s)\bky"
                                r"|\b(?:luat|phap\s+lenh|hien\s+phap)\b[^,;.()]{0,50})\s*,?\s*$")


def named_year(text: str, timed: bool = False) -> Optional[int]:
    """The one year a text names as its time ("Nhiệm vụ năm 2026", "Trong năm 2025, …", "quý I/2026"),
    the context of its yearless deadlines; None when it names none or several ("giai đoạn 2021 -
    2025"). Dates of cited documents ("Kế hoạch số 12/KH-UBND năm 2025", "Luật Đất đai năm 2024") and
    horizons ("đến năm 2030", "tầm nhìn 2045") do not count. `timed` (a duty's text): only a year
    after a time word ("trong năm 2026", "từ quý II/2026") or opening the text ("Năm 2026, …") counts,
    not the year of what the duty is about ("tổng kết năm 2025")."""
    nfc = _nfc(text)
    if not _YEAR_NUM.search(nfc):
        return None
    folded = _fold(nfc)
    found = set()
    for p in _phrases(folded):
        first = next((k for k, t in enumerate(p.toks) if t.unit is not None), len(p.toks))
        pre = {t.kind for t in p.toks[:first] if t.kind in _PREFIX}
        if timed and not pre & {"from", "to", "by", "in"} and _LETTER.search(folded, 0, p.start):
            continue
        for t in p.toks:
            u = t.unit
            if u is None or u.year is None:
                continue
            if u.kind == "year" and ("to" in pre and not pre & {"from", "by", "in"}
                                     or _GOAL_BEFORE.search(folded[max(0, p.start - 40):p.start])
                                     or _CITED_YEAR_BEFORE.search(folded[max(0, t.start - 60):t.start])):
                continue
            found.update(y for y in (u.year, u.year2) if y)
    return found.pop() if len(found) == 1 else None


def recurrence_in(text: str) -> tuple:
    """(True, period) when a text names a recurrence ("định kỳ hằng năm gửi báo cáo …" -> (True,
    "year"); a bare "định kỳ" -> (True, None)), else (False, None): the duty of a yearless date
    ("… trước ngày 15 tháng 12") recurs with it."""
    folded = _fold(_nfc(text))
    periods = [p.period for p in _phrases(folded) if p.rec_pos is not None]
    if not periods:
        return False, None
    named = [q for q in periods if q]
    return True, (min(named, key=_PERIODS.index) if named else None)


# a period that opens a text: "quý II/2025 (…)", "tháng 4/2026." (a sentence would not take it for a time)
_PERIOD_FIRST = re.compile(r"^(?:quý|quí|tháng|năm|ngày|hằng|hàng|thường xuyên|định kỳ)\b|^\d{1,2}\s*/\s*\d", re.I)


def opens_with_deadline(text: str) -> bool:
    """Does the text open with its time ("Chậm nhất ngày 10/12/2025 (…)", "quý II/2025 (Ban X thực hiện)")?
    The text after a stage's name or a label's colon that is a time, no heading's text."""
    dl = find_deadline(text)
    if dl and text.strip().lower().startswith(dl.strip().lower()[:6]):
        return True
    head = re.split(r"[(;]", text.strip(), maxsplit=1)[0].strip(" .,")
    return bool(_PERIOD_FIRST.match(head)) and parse_deadline(head).kind is not None
