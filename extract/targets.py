"""Targets: the measurable indicators of a plan, split into atoms.

Reads the body's passages in order (`Passage`, headings and table rows included) and writes
`Target` records (ids T1, T2, ... in reading order; `parent` is the id of the enclosing target).
Where targets are read:
- passages under a heading that names targets ("II. MỤC TIÊU", "1. Mục tiêu cụ thể", "Một số chỉ
  tiêu chủ yếu", "... đến năm 2030 với các mục tiêu"), the innermost deciding heading winning, so
  "2. Đối tượng áp dụng" under "II. MỤC TIÊU, ĐỐI TƯỢNG" is not read; a short paragraph such as
  "Mục tiêu cụ thể:" acts as a heading when the outline missed it;
- elsewhere only commitment sentences: "Phấn đấu ...", "... đạt tối thiểu 40%", "≥ 30%", and table
  rows stating an indicator ("Tỷ lệ ... đạt 80%").
A sentence is cut into items at ";", at "trong đó" (the rest of its clause, or with a colon the
rest of the sentence, are children of the item before), before a further quantity ("100% xã ...,
85% bản ...") and before a further "label: value". Each item gives one target: its main quantity
(qualifiers such as "từ 15 tuổi trở lên", "tốc độ 01 Gb/s" and bracketed notes "(8 xã)" skipped)
and the indicator text without the number, comparator words and time phrase. List items without a
predicate ("80% hộ gia đình; 82% bản, khu phố; 97% cơ quan đạt tiêu chuẩn văn hóa") take the
predicate of the item that closes the list. A sentence of a specific targets section without a
number but with a completion verb ("... hoàn thiện về cơ sở vật chất") is a qualitative target
(value None). Year: the item's or sentence's ("Đến hết năm 2030:"), a lead-in's, the nearest
heading's, else `year_hint` (see `horizon_year`). Passages broken inside a sentence (a wrapped
line taken for a paragraph) are mended first.
Table rows (origin "table") that repeat a target of the text (same value, similar indicator) are
dropped, and so are commitment sentences repeating an earlier target; table-only targets are kept.
Also: a comma between two quantities parts two targets ("đạt 250 triệu USD, tăng bình quân 8 -
10%/năm"); a bracketed list of parts ("(gồm 40 dự án …; 05 dự án …)") gives one per part; a range
gives value and value_max with comparator "="; a clause that reports the present state ("Hiện nay
có 320 trạm", "đã đạt") is no target; a clause without a number completes a bare share before it
("Trên 95% cán bộ, công chức; người lao động … được tập huấn"); a quota for every quarter or month
carries no year; when the plan has a targets part, commitment sentences elsewhere are dropped.
Coordinated targets: "và" before the word that stood before the number ("thuộc nhóm 10 tỉnh … và
nhóm 3 tỉnh …") parts two targets; a share whose item opens with its predicate takes the subject
of the share before it, and an elided tail ("100% xã đạt cấp độ 3 và 70% đạt cấp độ 4 về …"); a
scope after the value or a change after a comma keeps the subject ("đạt 95% ở khu vực đô thị, 80%
ở khu vực nông thôn", "…, tăng 300 doanh nghiệp"); a comma inside a share's subject ("100% cơ
quan, đơn vị sử dụng ít nhất 01 …") and a count inside a "Tỷ lệ …" indicator part nothing. Each
item's year is its own ("năm 2026 đạt 60%", not "so với năm 2025"), else its clause's, else the
sentence's. "lần lượt" gives the n values to the n subjects in order ("Tỷ lệ hộ nghèo và hộ cận
nghèo lần lượt dưới 2% và 5%").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import Optional

from .model import Passage, Target
from .numbers import QUALIFIER_UNITS, TIME_UNITS, Quantity, find_values, scan

__all__ = ["extract_targets", "indicator_similarity", "find_values", "horizon_year", "add_table_targets"]

_I = re.IGNORECASE

# --------------------------------------------------------------------------- headings
_NUMBER_PREFIX = re.compile(
    r"^\s*(?:phụ\s+lục(?:\s+số)?(?:\s*(?:[IVXLCDM]+|\d+)(?![^\W\d_]))?\s*[:.\-–]?\s*)?"
    r"(?:\(?(?:[IVXLCDM]+|\d+(?:\.\d+)*)\)?(?:[.\-–)/:]+\s*|\s+)|[a-zđ]\)\s*|[-+•*]\s+)?", _I)
_TARGET_WORD = r"(?:mục\s+tiêu|chỉ\s+tiêu)"
_NEG_START = re.compile(
    r"^(?:mục\s+đích|yêu\s+cầu|quan\s+điểm|đối\s+tượng|phạm\s+vi|nhiệm\s+vụ|giải\s+pháp|nội\s+dung|"
    r"kinh\s+phí|tổ\s+chức\s+thực\s+hiện|nguồn|chế\s+độ|căn\s+cứ|sự\s+cần\s+thiết|đánh\s+giá|kết\s+quả|"
    r"thực\s+trạng|tình\s+hình|trách\s+nhiệm|dự\s+toán|lộ\s+trình|thời\s+gian|tiến\s+độ|hiệu\s+quả|"
    r"các\s+nhiệm\s+vụ|định\s+hướng|khen\s+thưởng|kiểm\s+tra|báo\s+cáo|"
    r"danh\s+mục\s+(?:các\s+)?(?:nhiệm\s+vụ|giải\s+pháp|đề\s+án|dự\s+án|công\s+việc|hoạt\s+động|văn\s+bản))\b", _I)
_GENERAL = re.compile(_TARGET_WORD + r"\s+(?:chung|tổng\s+quát)\b", _I)
_TARGET_HEAD = re.compile(
    r"(?:^|[,;]\s*|\bvà\s+|\bvề\s+)(?:các\s+)?" + _TARGET_WORD + r"\b"  # "MỤC TIÊU", "MỤC ĐÍCH, MỤC TIÊU"
    r"|\b(?:với|gồm|có|là)\s+(?:các|những)\s+" + _TARGET_WORD + r"\b"   # "... với các mục tiêu"
    r"|\b(?:các|những|một\s+số)\s+" + _TARGET_WORD + r"\b"            # "PHÂN CÔNG ... CÁC CHỈ TIÊU"
    r"|" + _TARGET_WORD + r"(?:\s+(?:cụ\s+thể|chủ\s+yếu|chính))?\s*:?\s*$", _I)

_YEAR_HEAD = re.compile(
    r"(?:\b(?:đến|tới|hết|vào|trong|cuối|đầu)\s+(?:hết\s+|cuối\s+)?năm\s+|\bgiai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*"
    r"|\bnăm\s+|\b(?:đến|tới)\s+)((?:19|20)\d\d)\b", _I)
_YEAR_SENT = re.compile(
    r"(?:\b(?:đến|tới|hết|vào|trong|cuối|phấn\s+đấu)\s+(?:hết\s+|cuối\s+)?năm\s+|^\W*(?:năm|giai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*)\s*"
    r"|\b(?:đến|tới)\s+)((?:19|20)\d\d)\b", _I)
_YEAR_SPAN = re.compile(r"\b(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\b", _I)


@lru_cache(maxsize=4096)
def _title(heading: str) -> str:
    return _NUMBER_PREFIX.sub("", unicodedata.normalize("NFC", heading or ""), count=1).strip(" *:.")


@lru_cache(maxsize=4096)
def _heading_kind(heading: str) -> Optional[str]:
    """"targets", "general" (Mục tiêu chung: targets, but no qualitative ones), "other" (a section
    of another kind), or None when the heading says nothing (look further out)."""
    t = _title(heading)
    if _GENERAL.search(t) and not re.search(_TARGET_WORD + r"\s+cụ\s+thể", t, _I):
        return "general"
    starts_target = re.match(r"(?:các\s+)?" + _TARGET_WORD, t, _I)
    if _RETRO_START.match(t):
        return "other"  # "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NĂM 2025": what was reached
    if _NEG_START.match(t) and not starts_target:
        # "MỤC ĐÍCH, MỤC TIÊU" lists a targets part; "NHIỆM VỤ ... THỰC HIỆN MỤC TIÊU" does not
        if re.search(r"(?:[,;]\s*|\bvà\s+)(?:các\s+)?" + _TARGET_WORD + r"\b", t, _I):
            return "targets"
        return "other"
    if starts_target or _TARGET_HEAD.search(t):
        return "targets"
    return None


_RETRO_START = re.compile(r"(?:đánh\s+giá|kết\s+quả|tình\s+hình|thực\s+trạng|sơ\s+kết|tổng\s+kết)\b", _I)


def _context(headings: list[str]) -> Optional[str]:
    for h in reversed(headings):
        kind = _heading_kind(h)
        if kind:
            return kind
    return None


def _heading_year(headings: list[str]) -> Optional[int]:
    for h in reversed(headings):
        y = _one_heading_year(h or "")
        if y:
            return y
    return None


@lru_cache(maxsize=4096)
def _one_heading_year(heading: str) -> Optional[int]:
    m = _YEAR_HEAD.search(heading)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=4096)
def _retro_heading(heading: str) -> bool:
    return _RETRO.match(_title(heading)) is not None


def _sentence_year(text: str) -> Optional[int]:
    """The year a sentence names as its time ("Đến năm 2030", "giai đoạn 2026-2030"), not a point of
    comparison ("so với giai đoạn 2021-2025")."""
    for pattern in (_YEAR_SENT, _YEAR_SPAN):
        for m in pattern.finditer(text):
            if not _COMPARED.search(text[max(0, m.start() - 30):m.start()]):
                return int(m.group(1))
    return None


def _year_after(text: str, q: Quantity) -> Optional[int]:
    m = _YEAR_AFTER.match(text[q.cmp_end:])
    return int(m.group(1) or m.group(2)) if m else None


_BARE_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)\b", _I)
_COMPARED = re.compile(r"\b(?:so\s+với|bằng|như|gấp|hơn)(?:\s+(?:cùng\s+kỳ|kết\s+quả|mức))?\s*$", _I)


def _piece_year(text: str) -> Optional[int]:
    """The year of one item: a time phrase ("đến năm 2028"), else a bare "năm 2026" that is not a
    point of comparison ("so với năm 2025") or the year of a cited document."""
    text = _BRACKETED.sub("", text)  # "(năm 2025 đạt 92,5%)": a note on the baseline
    y = _sentence_year(text)
    if y:
        return y
    for m in _BARE_YEAR.finditer(text):
        before = text[max(0, m.start() - 60):m.start()]
        if not _COMPARED.search(before) and not _CITED_BEFORE.search(before):
            return int(m.group(1))
    return None


# --------------------------------------------------------------------------- sentences and items
_SENT_END = re.compile(r"(?<=[.!?…])\s+")
_CHILD = re.compile(r"(?:[,.]?\s*|^)\btrong\s+đó\b\s*[:,]?\s*", _I)
_CMP_WORDS = (r"(?:(?:không\s+(?:dưới|quá|vượt\s+quá|thấp\s+hơn|ít\s+hơn)|tối\s+thiểu|tối\s+đa|ít\s+nhất|"
              r"trên|dưới|hơn|từ|khoảng|đạt|có|≥|≤|>|<)\s*)*")
# Cut points inside a clause: before a further quantity, or before a further time phrase.
_ITEM_CUT = re.compile(
    r"(?:,|\s+và)\s+(?=" + _CMP_WORDS + r"\d)"
    r"|,\s+(?=(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4})"
    r"|,\s+(?=(?:tỷ|tỉ)\s+(?:lệ|trọng)\b)"
    r"|,\s+(?=[^,;:()\d]{1,60}:\s*" + _CMP_WORDS + r"\d)", _I)   # ", nông thôn mới kiểu mẫu: 20%"

_LEAD = re.compile(
    r"^(?:\s*(?:[-+•*–]|\(?\d+\)?[.)]|\(\d+\)\.?|[a-zđ]\)|(?:đến|tới|trong|vào)?\s*(?:hết\s+|cuối\s+)?năm\s+\d{4}\s*[:,]?"
    r"|(?:giai\s+đoạn|thời\s+kỳ)\s+\d{4}\s*[-–]\s*\d{4}\s*[:,]?|(?:đến|tới)\s+\d{4}\s*[:,]|phấn\s+đấu(?:\s+để)?\s*[:,]?"
    r"|(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:số\s+)?\d{1,2}\s*[:.)]|(?:chỉ\s+tiêu|mục\s+tiêu)\s+(?:số\s+)?\d{1,2}\s+[-–])\s*)+",
    _I)
_NUMBER_FIRST = re.compile(r"^(?:(?:có|đảm\s+bảo|bảo\s+đảm|duy\s+trì|đạt|trên|là|gồm|bao\s+gồm)\s*)*$", _I)
_VERB_BEFORE = re.compile(r"(?:\s*\b(?:(?:phải\s+)?đạt(?:\s+mức)?|là|ở\s+mức|bằng|(?<!trở\s)lên|còn|xuống))+\s*$", _I)
# A bracketed note with numbers after the value.
_NOTE = re.compile(r"\s*\([^()]*\d[^()]*\)")
# A time phrase closing the indicator: "Tỷ lệ ... đến năm 2025 (đạt 50%)".
_TIME_TAIL = re.compile(r"[\s,]*\b(?:(?:đến|tới|vào|trong|cuối)\s+(?:hết\s+|cuối\s+)?)?năm\s+(?:19|20)\d\d\s*[:,]?\s*$", _I)
# What is left of a starting value once the target value is cut: "... từ 60% lên 75%".
_FROM_VALUE = re.compile(r"\s+từ\s+(?:mức\s+)?\d[\d.,]*\s*(?:%|phần\s+trăm)?(?:\s+(?:vào\s+|của\s+)?năm\s+(?:19|20)\d\d)?\s*$", _I)
# The year written right after the value: "… lên 95% năm 2030", "đạt 90% vào năm 2027".
_YEAR_AFTER = re.compile(r"^\s*(?:(?:vào|đến|tới|trong|hết|cuối)\s+)*(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d\d)\b"
                         r"|^\s*\(\s*(?:(?:vào|đến|tới|trong|hết|cuối)\s+)*năm\s+((?:19|20)\d\d)\s*\)", _I)
_PREDICATE = re.compile(
    r"\b(?:đạt|có|được|là|thành\s+lập|duy\s+trì|hoàn\s+thành|hoàn\s+thiện|sử\s+dụng|ứng\s+dụng|tham\s+gia|"
    r"tiếp\s+cận|thực\s+hiện|xây\s+dựng|chiếm|biên\s+soạn|triển\s+khai|kết\s+nối|áp\s+dụng|cài\s+đặt|"
    r"thanh\s+toán|giao\s+dịch|phát\s+hành|công\s+nhận|xếp\s+loại|hưởng|tổ\s+chức|giảm|tăng|không)\b", _I)
_COMMIT = re.compile(r"\bphấn\s+đấu\b|\b(?:có|đạt|tổ\s+chức|kết\s+nạp|thực\s+hiện)\s+(?:tối\s+thiểu|ít\s+nhất)\s+\d|\bđạt\s+(?:mức\s+)?(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|không\s+thấp\s+hơn|trên|từ)\s+\d"
                     r"|\bchỉ\s+tiêu\b[^.;]*\bđạt\b|[≥≤]\s*\d"
                     # "Thu hút trên 80% đoàn viên …", "Bảo đảm ít nhất 90% …", "Trên 95% hộ …": a bound on a share
                     r"|\b(?:thu\s+hút|huy\s+động|vận\s+động|bảo\s+đảm|đảm\s+bảo)\s+(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|trên)\s+\d"
                     r"|^\W*(?:tối\s+thiểu|ít\s+nhất|không\s+dưới|trên)\s+\d+(?:[.,]\d+)?\s*%", _I)
# A table row stating an indicator: "Tỷ lệ ... đạt 80%", "Số ... đạt 500 ...".
_ROW_INDICATOR = re.compile(r"^\W*(?:tỷ|tỉ)\s+(?:lệ|trọng)\b[^;]*\bđạt\b|^\W*(?:số|tổng\s+số)\b[^;]*\bđạt\b", _I)
_QUALITATIVE = re.compile(
    r"\b(?:hoàn\s+thiện|hoàn\s+thành|đạt\s+chuẩn|đạt\s+tiêu\s+chuẩn|được\s+công\s+nhận|đạt\s+danh\s+hiệu|"
    r"phổ\s+cập|đưa\s+vào\s+sử\s+dụng|đi\s+vào\s+hoạt\s+động|không\s+còn|xóa\s+bỏ|xoá\s+bỏ|xóa\s+|xoá\s+)", _I)
_AFTER_VERB = re.compile(r"\b(?:đạt(?:\s+mức)?|lên|còn|xuống|là|ở\s+mức)\s*" + _CMP_WORDS + r"$", _I)
# A place or scope after the value that belongs to the indicator: "đạt 95% ở khu vực đô thị".
_SCOPE_AFTER = re.compile(r"^\s*(?:ở|tại)\s+[^\d]+$", _I)
# An item that opens with a change and names no subject: ", tăng bình quân 8%/năm".
_CHANGE_FIRST = re.compile(r"^\W*(?:tăng|giảm|vượt)\b", _I)


_ABBREV_DOT = re.compile(r"(?<![\w.])(?:TP|Tp|TX|Tx|TT|Q|P|ThS|TS|PGS|GS|BS|KS|CN|Th\.S)\.$")


def _sentences(text: str) -> list[str]:
    """Sentences of a passage: a stop followed by an upper-case letter, digit or bracket."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        nxt = text[m.end():m.end() + 1]
        if _ABBREV_DOT.search(text, max(0, m.start() - 6), m.start()):
            continue  # "TP. Hồ Chí Minh", "ThS. Nguyễn …": an abbreviation's dot
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "(“\"-+•"):
            out.append(text[start:m.start()])
            start = m.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


@dataclass
class _Item:
    text: str
    child: bool  # follows "trong đó"
    clause: int = 0         # which ";"-clause of the sentence
    baseline: bool = False  # the clause reports the present state ("Hiện nay có 320 trạm")
    clause_text: str = ""


# A clause that reports the present state, not a target: "Hiện nay …", "Tính đến nay, đã có …".
_BASELINE = re.compile(
    r"^\W*(?:hiện\s+nay|hiện\s+tại|hiện\s+có|tính\s+đến\s+(?:nay|hết|thời\s+điểm)|đến\s+nay|"
    r"năm\s+qua|trước\s+đây)\b|\bđã\s+(?:đạt|có)\b", _I)
_STILL_TARGET = re.compile(r"\bphấn\s+đấu\b|\b(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+\d{4}|\bmục\s+tiêu\b", _I)
# A label before a colon and its value: "Diện tích trồng mới tại các xã, thị trấn: trên 300 ha".
_LABEL_PIECE = re.compile(r"^[^,;:()\d]{1,60}:\s*" + _CMP_WORDS + r"\d", _I)
# A bracketed list of parts: "1.500 MW (gồm 40 dự án thủy điện; 05 dự án điện gió)".
_PARTS_OPEN = re.compile(r"\s*\((?=\s*(?:gồm|bao\s+gồm|trong\s+đó)\s*:?\s*\d)", _I)


def _items(sentence: str) -> list[_Item]:
    """Items of a sentence. "trong đó" makes the rest of its clause children; "trong đó:" with a
    colon makes the rest of the sentence children ("đạt 16%, trong đó: nông nghiệp tăng 6%; ...").
    A bracketed list of parts ("(gồm 40 dự án …; 05 dự án …)") gives an item per part; a clause
    that reports the present state is marked `baseline`."""
    items = []
    children_to_end = False
    for ci, clause in enumerate(re.split(r"\s*;\s*", sentence)):
        baseline = bool(_BASELINE.search(clause)) and not _STILL_TARGET.search(clause)
        parts = _CHILD.split(clause)
        if len(parts) > 1 and re.search(r"\btrong\s+đó\s*:", clause, _I):
            children_to_end = True
        for k, part in enumerate(parts):
            pieces: list[str] = []
            for chunk in _PARTS_OPEN.split(part):
                for piece in _ITEM_CUT.split(chunk):
                    if not piece or not piece.strip(" .,:"):
                        continue
                    if pieces and not re.search(r"\d", pieces[-1]) and _LABEL_PIECE.match(piece.strip()):
                        pieces[-1] = pieces[-1].rstrip(" ,") + ", " + piece.strip()  # the label had a comma
                    else:
                        pieces.append(piece.strip())
            for piece in pieces:
                items.append(_Item(piece, child=k > 0 or (children_to_end and len(parts) == 1),
                                   clause=ci, baseline=baseline, clause_text=clause))
    return items


# --------------------------------------------------------------------------- atoms
@dataclass
class _Atom:
    text: str
    q: Optional[Quantity]
    sentence: str
    passage: Passage
    year: Optional[int]
    child: bool = False
    number_first: bool = False
    parent: Optional["_Atom"] = None
    commitment: bool = False   # found outside a targets section
    table: bool = False
    id: str = ""
    dropped: bool = False
    clause: int = -1


def _usable(q: Quantity, in_targets: bool, text: str = "") -> bool:
    """A quantity that can be a target: no qualifier ("15 tuổi", "01 Gb/s"), no bare number, and
    a duration only inside a targets section when it is bounded or reached ("xuống còn 05 ngày")."""
    if q.unit in QUALIFIER_UNITS:
        # "dân số từ 15 tuổi", "tốc độ 01 Gb/s" qualify; "Tuổi thọ trung bình đạt 75 tuổi" is reached
        return bool(text) and bool(_AFTER_VERB.search(text[:q.start]))
    if q.unit in TIME_UNITS:
        return in_targets and (q.comparator != "=" or bool(_AFTER_VERB.search(text[:q.start])))
    if not q.unit:
        return False
    return True


_BRACKETED = re.compile(r"\([^()]*\)")


def _in_brackets(text: str, pos: int) -> bool:
    return any(m.start() < pos < m.end() for m in _BRACKETED.finditer(text))


_PER_UNIT = re.compile(r"\b(?:trên|mỗi|/)\s*$", _I)
_POWERS_OF_TEN = frozenset(float(10 ** k) for k in range(7))


def _pick(item: str, qs: list[Quantity]) -> Optional[Quantity]:
    """The item's main quantity: quantities in brackets only when there is none outside ("50% (8
    xã)"); a percentage before other quantities; the one after "đạt" / "lên" / "còn" before
    others; then one with a comparator; then the first."""
    if not qs:
        return None
    if "(" in item:
        qs = [q for q in qs if not _in_brackets(item, q.start)] or qs
    pcts = [q for q in qs if q.unit.startswith("%")]
    if pcts:
        after_verb = [q for q in pcts if _AFTER_VERB.search(item[:q.start])]
        return after_verb[-1] if after_verb else pcts[0]
    # counts: the first one counts ("có ít nhất 02 sản phẩm ... đạt 3 sao trở lên"), unless it
    # is the subject of a later "đạt N" ("Số doanh nghiệp 4.0 ... đạt 500") or a denominator
    # ("Giá trị thu hoạch trên 1 ha đất trồng trọt đạt 150 triệu đồng")
    reached = [q for q in qs if _AFTER_VERB.search(item[:q.cmp_start])]
    if reached:
        qs = [q for q in qs if q.start >= reached[0].start or not _PER_UNIT.search(item[:q.start])
              or q.value not in _POWERS_OF_TEN] or qs
    with_cmp = [q for q in qs if q.comparator != "=" and q.cmp_start < q.start]
    return (with_cmp or qs)[0]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([,.;:)])", r"\1", text)
    text = text.strip(" .,;:-–+*")
    if text.count("(") > text.count(")"):
        text = text.rstrip("( ")
    if text.count(")") > text.count("("):
        text = text.lstrip(") ")
        text = re.sub(r"^([^()]*)\)", r"\1", text) if text.count(")") > text.count("(") else text
    return unicodedata.normalize("NFC", text.strip(" .,;:-–"))


def _indicator(item: str, q: Quantity) -> tuple[str, bool]:
    """The indicator text of `item` without its quantity, and whether the number came first."""
    text, first, _ = _indicator_parts(item, q)
    return text, first


def _indicator_parts(item: str, q: Quantity) -> tuple[str, bool, str]:
    """`_indicator`, and the subject stated before the verb ("Tỷ lệ … đạt 95%"), "" when none."""
    pre = item[:q.cmp_start]
    post = item[q.cmp_end:]
    post = re.sub(r"\s*\btrở\s+(?:lên|xuống)\s*([.,;]?)\s*$", r"\1", post, flags=_I)
    post = _NOTE.sub("", post)  # "(8 xã)", "(66/112 thôn, tăng thêm 20 thôn)"
    if q.noun_unit and post.strip(" .,;:").casefold() == q.unit.casefold() and q.unit.casefold() in pre.casefold():
        post = ""  # "Số bác sĩ/vạn dân: 15 bác sĩ"
    pre_clean = _LEAD.sub("", pre).strip(" ,:")
    if _NUMBER_FIRST.fullmatch(pre_clean):
        return _clean(post), True, ""
    if _VERB_BEFORE.search(pre_clean):
        head = _TIME_TAIL.sub("", _FROM_VALUE.sub("", _VERB_BEFORE.sub("", pre_clean)))
        if head.strip(" ,:"):
            if q.noun_unit and post.strip(" .,;:") and q.unit.casefold() not in head.casefold():
                return _clean(head + " " + post), False, _clean(head)  # "nâng tổng số lên 12 KCN"
            if _SCOPE_AFTER.match(post):
                return _clean(head + " " + post), False, _clean(head)  # "đạt 95% ở khu vực đô thị"
            return _clean(head), False, _clean(head)
    return _clean(_TIME_TAIL.sub("", pre_clean) + " " + post), False, ""


_RECURRING = re.compile(r"\b(?:hằng|hàng|mỗi)\s+(?:quý|tháng|tuần|ngày)\b|\bđịnh\s+kỳ\s+(?:hằng\s+)?(?:quý|tháng)\b", _I)


# A second quantity restating the first: "đạt 95% dân số, tương đương 120.000 người".
_SAME_VALUE = re.compile(r"\s*(?:tương\s+đương|tương\s+ứng|bằng|gấp|khoảng|tức\s+là|ứng\s+với)\b", _I)


def _split_at_quantities(text: str, in_targets: bool) -> list[str]:
    """"Hình thành mới 05 khu công nghiệp, nâng tổng số lên 12 KCN" and "đạt 250 triệu USD, tăng
    bình quân 8 - 10%/năm": a comma between two usable quantities (outside brackets) parts two
    targets."""
    qs = [q for q in scan(text) if _usable(q, in_targets, text) and not _in_brackets(text, q.start)]
    cuts = []
    for a, b in zip(qs, qs[1:]):
        gap = text[a.end:b.cmp_start]
        if _RATE_SUBJECT.match(text) and b.unit.startswith("%") and not a.unit.startswith("%"):
            continue  # "Tỷ lệ cơ quan dùng ít nhất 01 ứng dụng …, … đạt 100%": the count is in the indicator
        k = gap.rfind(",")
        if k >= 0 and not re.search(r"[()]", gap) and not _SAME_VALUE.match(text[a.end + k + 1:]) and not (
                _NUMBER_FIRST.fullmatch(_LEAD.sub("", text[:a.cmp_start]).strip(" ,:"))
                and not _PREDICATE.search(gap[:k])):
            # (not "100% cơ quan, đơn vị sử dụng ít nhất 01 nền tảng": the comma parts the subject)
            cuts.append(a.end + k)
            continue
        head = _HEAD_WORD.search(text[:a.cmp_start])
        v = [m for m in re.finditer(r"\s+và\s+", gap) if not _in_brackets(text, a.end + m.start())]
        if head and v and re.fullmatch(r"\s*" + re.escape(head.group(1)) + r"\s*",
                                        text[a.end + v[-1].end():b.cmp_start], _I):
            # "thuộc nhóm 10 tỉnh dẫn đầu cả nước và nhóm 3 tỉnh dẫn đầu khu vực": the word before
            # the number repeated after "và" coordinates a second target of the same kind
            cuts.append(a.end + v[-1].start())
    if not cuts:
        return [text]
    out, start = [], 0
    for c in cuts:
        out.append(text[start:c])
        start = c + (1 if text[c] == "," else len(re.match(r"\s+và\s+", text[c:]).group(0)))
    out.append(text[start:])
    return [t.strip() for t in out if t.strip()]


_RATE_SUBJECT = re.compile(r"^\W*(?:tỷ|tỉ)\s+(?:lệ|trọng)\b", _I)
_ONLY_TIME = re.compile(r"(?:(?:vào|đến|tới|trong|hết|cuối)\s+)*(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d", _I)
_HEAD_WORD = re.compile(r"(?:^|\s)([^\W\d_]+)\s*$")


def _bare(a: "_Atom") -> bool:
    """A number-first atom without its predicate ("Trên 95% cán bộ, công chức")."""
    return a.number_first and not a.child and _PREDICATE.search(a.text) is None and len(a.text.split()) <= 6


def _atoms_of_sentence(sentence: str, p: Passage, in_targets: bool, year: Optional[int]) -> list[_Atom]:
    atoms: list[_Atom] = []
    if not _sentence_year(sentence) and _RECURRING.search(sentence):
        year = None  # "hằng quý có ít nhất 01 tin, bài": a quota for every quarter, not for a year
    sent_year = _sentence_year(sentence) or year
    last_clause = -1
    last_head = ""
    for it in _items(sentence):
        if it.baseline:
            continue
        for piece in _split_at_quantities(it.text, in_targets):
            qs = [q for q in scan(piece) if _usable(q, in_targets, piece)]
            q = _pick(piece, qs)
            if q is None:
                # "Trên 95% cán bộ, công chức; người lao động … được tập huấn": a clause without a
                # number completes the bare share before it
                if atoms and it.clause != last_clause and _bare(atoms[-1]) and _PREDICATE.search(piece):
                    atoms[-1].text = _clean(atoms[-1].text + "; " + piece)
                continue
            text, first, head = _indicator_parts(piece, q)
            if _ONLY_TIME.fullmatch(text):
                text = ""  # "… đạt 90% vào năm 2027 và 100% vào năm 2030"
            if not text and atoms:
                text = atoms[-1].text  # "Tỷ lệ X đến năm 2025 đạt 50%, đến năm 2030 đạt 80%"
            elif last_head and it.clause == last_clause and (
                    first and _SCOPE_AFTER.match(text) and not _PREDICATE.search(text)
                    or not first and _CHANGE_FIRST.match(text)):
                # "đạt 95% ở khu vực đô thị, 80% ở khu vực nông thôn"; "đạt 1.500 doanh nghiệp,
                # tăng 300 doanh nghiệp": the later item has the subject of the one before
                text = _clean(last_head + " " + text)
            last_head = head or (last_head if it.clause == last_clause else "")
            atoms.append(_Atom(text=text, q=q, sentence=sentence, passage=p,
                               year=_year_after(piece, q) or _piece_year(piece) or _sentence_year(it.text)
                               or _sentence_year(it.clause_text)
                               or sent_year, child=it.child, number_first=first, clause=it.clause))
            last_clause = it.clause
    _share_predicates(atoms)
    _fill_ellipsis(atoms)
    _share_label_head(atoms)
    _respectively(atoms)
    return atoms


_RESPECTIVELY = re.compile(r"\s*\blần\s+lượt(?:\s+là)?\b.*$", _I)
_TRAILING_VERB = re.compile(r"\s+((?:tăng|giảm|đạt|là|chiếm|còn|ở\s+mức)(?:\s+(?:bình\s+quân|thêm|xuống|lên))?)\s*$", _I)


def _respectively(atoms: list[_Atom]) -> None:
    """"Tỷ lệ hộ nghèo và hộ cận nghèo lần lượt dưới 2% và 5%": the n values go to the n subjects
    in order ("Tỷ lệ hộ cận nghèo" takes the head the first subject opens with), and a bound
    written once holds for every value."""
    i = 0
    while i < len(atoms):
        a = atoms[i]
        j = i + 1
        while j < len(atoms) and atoms[j].text == a.text and atoms[j].clause == a.clause:
            j += 1
        group = atoms[i:j]
        i = j
        m = _RESPECTIVELY.search(group[0].text)
        if len(group) < 2 or m is None:
            continue
        pre = group[0].text[:m.start()]
        verb = _TRAILING_VERB.search(pre)
        if verb:
            pre = pre[:verb.start()]
        subjects = [x.strip() for x in re.split(r"\s*,\s*|\s+và\s+", pre) if x.strip()]
        if len(subjects) != len(group):
            continue
        first = subjects[0]
        for k, (atom, subject) in enumerate(zip(group, subjects)):
            if k:
                w = subject.split()[0]
                at = first.casefold().find(" " + w.casefold() + " ")
                if at > 0 and not subject.casefold().startswith(first[:at].casefold()):
                    subject = first[:at] + " " + subject
            atom.text = _clean(subject + (" " + verb.group(1) if verb else ""))
            if k and atom.q is not None and atom.q.comparator == "=" and group[0].q is not None \
                    and atom.q.cmp_start == atom.q.start and group[0].q.comparator != "=":
                atom.q = replace(atom.q, comparator=group[0].q.comparator)


_HEAD_COLON = re.compile(r"^([^\d:;]{6,}?)\s*:\s*(\S.*)$")


def _share_label_head(atoms: list[_Atom]) -> None:
    """"Tỷ lệ cán bộ đạt chuẩn: cấp tỉnh 100%, cấp xã 95%": the indicator before the colon heads
    each short label of the list after it."""
    for i, a in enumerate(atoms):
        m = _HEAD_COLON.match(a.text)
        if m is None or a.number_first or len(m.group(2).split()) > 6:
            continue
        head = m.group(1)
        a.text = _clean(head + " " + m.group(2))
        for b in atoms[i + 1:]:
            if b.clause != a.clause or b.child or b.number_first or _PREDICATE.search(b.text) \
                    or len(b.text.split()) > 6 or ":" in b.text:
                break
            b.text = _clean(head + " " + b.text)


def _fill_ellipsis(atoms: list[_Atom]) -> None:
    """"100% xã đạt cấp độ 3 và 70% đạt cấp độ 4 về chuyển đổi số": a share whose item opens with
    its predicate takes the subject of the share before it in the clause; when the predicate before
    is the same words up to its numbers and stops short ("đạt cấp độ 3" / "đạt cấp độ 4 về …"), it
    takes the rest of the later one."""
    for a, b in zip(atoms, atoms[1:]):
        if not (a.number_first and b.number_first and a.clause == b.clause and not b.child):
            continue
        mb = _PREDICATE.match(b.text)
        ma = _PREDICATE.search(a.text)
        if mb is None or ma is None or ma.start() == 0:
            continue
        subject, pred_a = a.text[:ma.start()].strip(" ,"), a.text[ma.start():]
        wa, wb = pred_a.split(), b.text.split()
        if (len(wb) > len(wa) >= 2 and any(x != y for x, y in zip(wa, wb))
                and all(x.casefold() == y.casefold() or (x[:1].isdigit() and y[:1].isdigit()) for x, y in zip(wa, wb))):
            a.text = _clean(a.text + " " + " ".join(wb[len(wa):]))
        b.text = _clean(subject + " " + b.text)


def _share_predicates(atoms: list[_Atom]) -> None:
    """"80% hộ gia đình; 82% bản, khu phố; 97% cơ quan đạt tiêu chuẩn văn hóa": the bare items
    take the predicate of the item that closes the list."""
    bare: list[_Atom] = []
    for a in atoms:
        if a.child or not a.number_first:
            bare = []
            continue
        m = _PREDICATE.search(a.text)
        if m is None and len(a.text.split()) <= 6:
            bare.append(a)
            continue
        if m is not None and bare and m.start() > 0:
            pred = a.text[m.start():]
            for b in bare:
                b.text = _clean(b.text + " " + pred)
        bare = []


# --------------------------------------------------------------------------- similarity
_OLD_TONE = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
             "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_OLD_TONE) + r")\b")
_FILLER = frozenset("các những của và có được trên trong với cho tại theo là đạt tỷ tỉ lệ số".split())


def _tokens(text: str) -> set[str]:
    t = unicodedata.normalize("NFC", text or "").casefold()
    t = _OLD_TONE_RE.sub(lambda m: _OLD_TONE[m.group(1)], t)
    return {w for w in re.findall(r"[^\W\d_]+", t) if w not in _FILLER}


def indicator_similarity(a: str, b: str) -> float:
    """How alike two indicator texts are, 0..1: shared syllables (Dice), or the cover of the
    shorter by the longer when the shorter has enough syllables to mean something (a table row's
    long content against a target's text). Tone style, case and numbers are ignored."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    inter = len(ta & tb)
    dice = 2 * inter / (len(ta) + len(tb))
    short = min(len(ta), len(tb))
    cover = inter / short * min(1.0, short / 5)
    return round(max(dice, cover), 4)


# --------------------------------------------------------------------------- the stage
_OPENS_LIST = re.compile(r"(?:\btrong\s+đó|\bcụ\s+thể|\bgồm|\bbao\s+gồm|\bnhư\s+sau)\s*:\s*$", _I)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip(" .:").casefold()


@lru_cache(maxsize=4096)
def _marker_kind(marker: Optional[str]) -> str:
    m = (marker or "").strip()
    for kind, pattern in (("roman", r"[IVXLCDM]+[.\-)]?"), ("num", r"\d+[.)]?"), ("dotted", r"\d+(?:\.\d+)+\.?"),
                          ("paren", r"\(\d+\)\.?"), ("letter", r"[a-zđ][.)]"), ("dash", r"[-–]"),
                          ("plus", r"\+"), ("bullet", r"[•*·]")):
        if re.fullmatch(pattern, m, _I):
            return kind
    return "none" if not m else "other"


_OPEN_END = re.compile(r"[\w,(%/≥≤<>=-]\s*$")
# A lead-in that ends on its bare value, the indicator on the next line: "Đến hết năm 2045: 100%".
_VALUE_AFTER_LEAD = re.compile(r":\s*(?:[≥≤<>]=?\s*)?\d[\d.,]*\s*%\s*$")


_DANGLING = re.compile(r"(?:[,(≥≤<>=]|\b(?:từ|trên|dưới|đạt|có|là|với|và|của|cho|khoảng|tối\s+thiểu|tối\s+đa|ít\s+nhất|"
                       r"không\s+dưới|không\s+quá|hơn|gần|còn|lên|xuống|bằng|mức|trong\s+đó))\s*$", _I)


def _continues(prev: str, text: str) -> bool:
    """`text` goes on with the sentence `prev` left open: it starts in lower case, or with a
    number after a word that needs one ("... phát triển từ" / "05 bộ dữ liệu")."""
    head = (text or "").lstrip()[:1]
    return head.islower() or (head.isdigit() and _DANGLING.search(prev) is not None) or (
        head.isalpha() and _VALUE_AFTER_LEAD.search(prev) is not None)


def _heading_continues(heading: str, text: str) -> bool:
    """A heading left open by a wrap: a bound waiting for its number ("Có ≥" / "85% …") or a
    lead-in's bare value waiting for its indicator ("… 2045: 100%" / "DNNVV …")."""
    head = text.lstrip()[:1]
    return (head.isdigit() and re.search(r"(?:[≥≤<>]=?|\b(?:tối\s+thiểu|tối\s+đa|ít\s+nhất|không\s+dưới|"
                                         r"không\s+quá|trên|dưới|đạt|có))\s*$", heading, _I) is not None) or (
        head.isalpha() and _VALUE_AFTER_LEAD.search(heading) is not None)


_NUMBER_END = re.compile(r"(?<![\d/.,])\d{1,3}(?:[.,]\d+)?\s*$")
_RANGE_REST = re.compile(r"^\s*[-–]\s*\d{1,3}(?:[.,]\d+)?\s*(?:%|phần\s+trăm)", _I)


def _join_broken(passages: list[Passage]) -> list[Passage]:
    """Mend paragraphs broken inside a sentence (a wrapped line taken for a new paragraph, as in PDF
    text layers and some Word exports): a passage that ends without a stop, followed in the same
    section by an unmarked one that starts in lower case or with a digit, is read as one."""
    out: list[Passage] = []
    for p in passages:
        prev = out[-1] if out else None
        if (prev is not None and prev.heading and not p.heading and p.origin == prev.origin == "text"
                and p.path and _key(p.path[-1]).endswith(_key(prev.text))
                and _heading_continues(prev.text or "", p.text or "")):
            # "c) Đến hết năm 2035: Có ≥" / "85% DNNVV …": a heading wrapped inside its sentence
            out[-1] = Passage(text=prev.text.rstrip() + " " + p.text.lstrip(), source=prev.source.span_to(p.source),
                              marker=prev.marker, section=prev.section, path=prev.path, heading=True,
                              origin=prev.origin)
            continue
        if (prev is not None and not p.heading and not prev.heading and p.origin == prev.origin == "text"
                and _NUMBER_END.search(prev.text or "") and _RANGE_REST.match(
                    ("- " if (p.marker or "").strip() in ("-", "–") else "") + (p.text or ""))):
            # "… ở mức 05" / "- 06%": a range wrapped before its dash, the dash read as a bullet
            rest = (p.text or "").lstrip()
            out[-1] = Passage(text=prev.text.rstrip() + (" " if rest[:1] in "-–" else " - ") + rest,
                              source=prev.source.span_to(p.source), marker=prev.marker, section=prev.section,
                              path=prev.path, heading=False, origin=prev.origin)
            continue
        if (prev is not None and not p.heading and not prev.heading and not p.marker and p.origin == prev.origin == "text"
                and list(p.path or []) == list(prev.path or []) and _OPEN_END.search(prev.text or "")
                and _continues(prev.text, p.text)):
            out[-1] = Passage(text=prev.text.rstrip() + " " + p.text.lstrip(), source=prev.source.span_to(p.source),
                              marker=prev.marker, section=prev.section, path=prev.path, heading=False,
                              origin=prev.origin)
            continue
        out.append(p)
    return out


def horizon_year(text: str | None) -> Optional[int]:
    """The plan's horizon from its title or a heading, for `year_hint`: "... đến năm 2030" -> 2030,
    "giai đoạn 2026 - 2030" -> 2030; None when it names none."""
    text = unicodedata.normalize("NFC", text or "")
    m = re.search(r"\bgiai\s+đoạn\s+(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)\b", text, _I)
    if m:
        return int(m.group(1))
    years = [int(y) for y in re.findall(r"\b(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?((?:19|20)\d\d)\b", text, _I)]
    if years:
        return max(years)
    # a plan for one year: "… trong các cơ quan Đảng năm 2026" (not the year of a cited document)
    for m in reversed(list(re.finditer(r"\bnăm\s+((?:19|20)\d\d)\b", text, _I))):
        if not _CITED_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
            return int(m.group(1))
    return None


_CITED_BEFORE = re.compile(r"\b(?:nghị\s+quyết|chỉ\s+thị|kết\s+luận|quyết\s+định|thông\s+tư|nghị\s+định|luật|"
                           r"kế\s+hoạch\s+số|số\s+\d+|ngày\s+\d+)\b[^,;]*$", _I)


# Sections and sentences about what was done, not what is to be done.
_RETRO = re.compile(r"(?:đánh\s+giá|kết\s+quả|tình\s+hình|thực\s+trạng|bối\s+cảnh|sơ\s+kết|tổng\s+kết)\b", _I)
_PAST = re.compile(r"\bđã\s+(?:đạt|có|hoàn\s+thành|thực\s+hiện|thu\s+hút|huy\s+động|vận\s+động|tổ\s+chức)"
                   r"|\b(?:năm|kỳ)\s+(?:qua|trước)\b", _I)
_STRIVE = re.compile(r"\bphấn\s+đấu\b", _I)


_DIGIT = re.compile(r"\d")


def _commits(sentence: str, p: Passage, retro: bool) -> bool:
    """A sentence outside the targets sections that commits to a value: "Phấn đấu ..." anywhere;
    "đạt tối thiểu 40%", "≥ 30%" or a table row "Tỷ lệ ... đạt 80%" unless it reports the past
    (a results section, "đã đạt", "năm qua")."""
    if _STRIVE.search(sentence):
        return True
    if retro:
        return False
    # every other commitment names its value in digits ("đạt tối thiểu 40%"): test that first, cheaply
    committed = (_DIGIT.search(sentence) is not None and _COMMIT.search(sentence)) or \
        (p.origin == "table" and _ROW_INDICATOR.search(sentence))
    return bool(committed) and not _PAST.search(sentence)


_PERIOD_ONLY = re.compile(r"^(?:Giai đoạn|giai đoạn|Năm|năm|Đến năm|đến năm|Từ năm|từ năm)\s+"
                          r"(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d|\d\d))?\s*:?$")


def _local_kind(text: str) -> Optional[str]:
    """`_heading_kind` of a paragraph acting as a heading: one opening a targets part names them
    first ("Chỉ tiêu cụ thể:", "Một số chỉ tiêu chủ yếu") or closes on a colon ("… với các mục tiêu
    sau:"); a cell "Hệ thống vận hành ổn định, đáp ứng các mục tiêu …" opens nothing."""
    kind = _heading_kind(text)
    if kind in ("targets", "general") and not text.rstrip().endswith(":") and not re.match(
            r"(?:các\s+|những\s+|một\s+số\s+)?" + _TARGET_WORD, _title(text), _I):
        return None
    return kind


def _heading_like(text: str) -> bool:
    """A paragraph that acts as a heading though the outline did not make it one: short, no stop
    at the end ("Mục tiêu cụ thể:", "CÁC CHỈ TIÊU CHỦ YẾU")."""
    return len(text.split()) <= 15 and not re.search(r"[.;]\s*$", text)


def extract_targets(passages: list[Passage], year_hint: int | None = None) -> list[Target]:
    """Targets of a plan from its body passages in order (see the module docstring)."""
    passages = _join_broken(list(passages or []))
    atoms: list[_Atom] = []
    lead: Optional[dict] = None   # a passage ending with ":" that heads the next items
    local: Optional[dict] = None  # a paragraph acting as a heading inside the current section
    heads: dict[str, _Atom] = {}  # headings that state a target and open a list of its parts
    for p in passages:
        text = unicodedata.normalize("NFC", p.text or "").strip()
        if not text:
            continue
        path = list(p.path or [])
        headings = path + ([text] if p.heading else [])
        kind_of_marker = _marker_kind(p.marker)
        if lead and (p.heading or kind_of_marker == lead["marker"] or lead["path"] != path):
            lead = None
        if local and (p.heading or local["path"] != path):
            local = None
        if not p.heading and _heading_like(text) and _local_kind(text):
            local = {"path": path, "kind": _local_kind(text), "year": _heading_year([text])}
            continue
        if not p.heading and _PERIOD_ONLY.match(text):
            # "- Giai đoạn 2025-2027" over "+ 100% …" items: the period's end is their year
            lead = {"marker": kind_of_marker, "path": path, "parent": None, "year": _sentence_year(text), "text": ""}
            continue
        kind = local["kind"] if local else _context(headings)
        retro = any(_retro_heading(h) for h in headings)
        in_targets = kind in ("targets", "general")
        year = (lead or {}).get("year") or (local or {}).get("year") or _heading_year(headings) or year_hint
        if re.match(r"^\W*(?:đến|tới|trong|vào|năm|giai)", text, _I) and _sentence_year(text):
            year = _sentence_year(text)
        given = lead["parent"] if lead else None
        if given is None and path:
            given = heads.get(_key(_title(path[-1])))
        found: list[_Atom] = []
        last_main: Optional[_Atom] = given
        for sentence in _sentences(text):
            if not in_targets and not _commits(sentence, p, retro):
                continue
            new = _atoms_of_sentence(sentence, p, in_targets, year)
            starts_child = re.match(r"^\W*trong\s+đó\b", sentence, _I) is not None
            for a in new:
                a.commitment = not in_targets
                a.table = p.origin == "table"
                if not a.text:  # "- Năm 2025: 50%" under "Tỷ lệ hồ sơ được số hóa:"
                    a.text = (lead or {}).get("text") or _named_indicator(headings)
            new = [a for a in new if a.text]  # a lone "100%" under "DANH MỤC CÁC CHỈ TIÊU": a stray cell
            for a in new:
                if (a.child or starts_child or given is not None) and last_main is not None:
                    a.parent = last_main
                    a.child = True
                else:
                    last_main = a
            if not new and kind == "targets" and not p.heading:
                a = _qualitative(sentence, p, year)
                if a:
                    new = [a]
            found.extend(new)
        atoms.extend(found)
        opens = found and _OPENS_LIST.search(text)
        if p.heading and opens:
            heads[_key(text)] = found[-1]
        if text.endswith(":") and not p.heading:
            lead = {"marker": kind_of_marker, "path": path, "parent": found[-1] if opens else None,
                    "year": _sentence_year(text) or (lead or {}).get("year"),
                    "text": "" if found else _clean(_TIME_TAIL.sub("", _LEAD.sub("", text)))}
    if any(not a.commitment and not a.table and a.q is not None for a in atoms):
        # a plan with a targets part takes its targets from it (and its tables), not from the
        # "phấn đấu" sentences of its purpose and task parts
        for a in atoms:
            if a.commitment and not a.table:
                a.dropped = True
    _drop_repeats(atoms)
    return _finish(atoms)


def _named_indicator(headings: list[str]) -> str:
    """The indicator a heading names ("a) Tỷ lệ hồ sơ được số hóa"), "" for a heading that only
    opens a targets part ("1. Mục tiêu cụ thể", "DANH MỤC CÁC CHỈ TIÊU") or has no words."""
    if not headings:
        return ""
    title = _clean(_title(headings[-1]))
    if _heading_kind(headings[-1]) in ("targets", "general") or not re.search(r"[^\W\d_]{2,}", title) \
            or re.search(r"\d\s*%", title):
        return ""
    return title


def _qualitative(sentence: str, p: Passage, year: Optional[int]) -> Optional[_Atom]:
    s = sentence.strip()
    if s.endswith(":") or len(s.split()) > 40 or not _QUALITATIVE.search(s):
        return None
    if any(_usable(q, True) for q in scan(s)):
        return None
    return _Atom(text=_clean(_LEAD.sub("", s)), q=None, sentence=s, passage=p,
                 year=_sentence_year(s) or year, table=p.origin == "table")


def _full_text(a: _Atom) -> str:
    return a.text + (" " + a.parent.text if a.parent is not None else "")


def _same(a: _Atom, b: _Atom, threshold: float) -> bool:
    if a.q is None or b.q is None:
        return a.q is None and b.q is None and indicator_similarity(a.text, b.text) >= 0.8
    if abs(a.q.value - b.q.value) > 1e-9 or a.q.unit.casefold() != b.q.unit.casefold():
        return False
    if a.year and b.year and a.year != b.year:
        return False
    return indicator_similarity(_full_text(a), _full_text(b)) >= threshold


def _drop_repeats(atoms: list[_Atom]) -> None:
    """Table rows repeating a text target, and commitment sentences repeating an earlier target."""
    text_atoms = [a for a in atoms if not a.table and not a.dropped]
    for a in atoms:
        if a.table and any(_same(a, b, 0.5) for b in text_atoms):
            a.dropped = True
    kept: list[_Atom] = []
    for a in atoms:
        if a.dropped:
            continue
        if a.commitment and any(_same(a, b, 0.6) for b in kept):
            a.dropped = True
            continue
        kept.append(a)


def _finish(atoms: list[_Atom]) -> list[Target]:
    out: list[Target] = []
    n = 0
    for a in atoms:
        if a.dropped:
            continue
        n += 1
        a.id = f"T{n}"
    for a in atoms:
        if a.dropped:
            continue
        parent = a.parent.id if a.parent is not None and not a.parent.dropped else None
        q = a.q
        out.append(Target(
            id=a.id, text=a.text, value=q.value if q else None, unit=(q.unit or None) if q else None,
            comparator=q.comparator if q else None, value_max=q.upper if q else None, year=a.year, parent=parent,
            value_text=q.written if q else None, sentence=unicodedata.normalize("NFC", a.sentence),
            section=a.passage.section, source=a.passage.source))
    return out


def add_table_targets(targets: list[Target], table_targets: list[Target]) -> list[Target]:
    """The targets of the text followed by those of target tables by year (see target_tables),
    less the table cells that repeat a text target (same value and year, a like indicator); the
    table targets get the next ids."""
    out = list(targets)
    n = len(out)
    for t in table_targets:
        if any(o.value is not None and t.value is not None and abs(o.value - t.value) < 1e-9
               and (o.year is None or o.year == t.year)
               and indicator_similarity(o.text, t.text) >= 0.5 for o in targets):
            continue
        n += 1
        t.id = f"T{n}"
        out.append(t)
    return out
