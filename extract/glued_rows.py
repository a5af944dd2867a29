"""Task tables whose printed lines glue several columns together: text lines -> rows of cells.

pdfplumber's `extract_text`, PDF viewers' copy and many scrapers write a ruled table one printed
line at a time: the fragments of every column that share a baseline stand on one line, joined by a
single space ("1 đề mà người dân, doanh nghiệp đang Lãnh đạo Sở Y tế giờ 45 phút"). Reads the
text's lines from a header line that names several columns ("TT Nội dung Trách nhiệm", other
header words on the lines around it) and writes the rows, each as {role: text}:

- the header: the header words found on a few short lines, split where a column's name starts
  ("Cơ quan chủ trì", "Thời gian", "Nội dung"); the columns on the line naming the content keep
  their order, the others follow in the usual order (lead, partners, deadline);
- each body line is cut into fragments by shape, right to left: a deadline fragment at its end (a
  run of time words and numbers: "15 phút - 20", "ngày 23", "Quý II/2026"), then a unit fragment
  (a unit head such as "Lãnh đạo", "UBND", "Phòng" after a content fragment that fills the content
  column's width, or the rest of a unit cell still open: "Tài nguyên và" / "Môi trường"); the Stt
  number opens the line;
- the rows: the Stt numbers 1, 2, 3 … (again from 1 under a group row "I. …"); cells set at the top
  of their rows put the number on the row's first line; cells centred vertically put it beside the
  middle of the row, and the row then starts where its content cell does (a capital after the end
  of the row above, near the midpoint between two numbers);
- a row keeps its deadline only when the joined fragments read as a time phrase; the header
  repeated after a page break and page numbers are skipped; the table ends at a numbered heading
  (Roman, "b)", "2."), a signature or "Nơi nhận" line.

The content column's width (in characters) is the median length of the lines that go on a content
cell (lower-case start, four words or more, nothing of another column on them).
"""
from __future__ import annotations

import re
from statistics import median
from typing import Dict, List, Optional, Tuple

from .deadlines import is_deadline
from .tables import header_role
from .text.fold import ascii_fold
from .units import UNIT_START

_ROLES = ("number", "content", "lead", "partners", "deadline")
_ORDER = {r: k for k, r in enumerate(_ROLES)}

# Where a column's name starts in a header line (ASCII-folded, lower case).
_HEAD_START = re.compile(
    r"\b(?:s\.?tt|tt|so tt|ten|noi dung|nhiem vu|cong viec|hoat dong|"
    r"(?:co quan|don vi|nguoi|bo phan)(?:/? ?ca nhan)?(?: (?:chu tri|phoi hop|thuc hien|phu trach))?|"
    r"chu tri|phoi hop|phu trach|trach nhiem|thoi gian|thoi han|thoi$|tien do|ghi(?: chu)?|san pham|ket qua)\b")
_HEAD_CONTENT = re.compile(r"nội\s+dung|nhiệm\s+vụ|công\s+việc|hoạt\s+động", re.IGNORECASE)
_HEAD_OTHER = re.compile(r"chủ trì|phối hợp|thời|tiến độ|trách nhiệm|phụ trách|đơn vị|cơ quan")

_TIME_WORD = re.compile(
    r"^(?:\d{1,4}(?:[/.\-]\d{1,4}){0,2}[,.;]?|\d{1,2}h\d{0,2}|[IV]{1,3}/\d{4}|(?:năm|tháng|quý|quí|ngày|giờ|phút|"
    r"từ|đến|trước|sau|hằng|hàng|thường|xuyên|định|kỳ|cả|đầu|cuối|giữa|[IV]{1,3}),?|[-–])$", re.IGNORECASE)
_LEAD_IN = re.compile(r"^(?:(?:Xong|Hoàn thành|Hoàn tất)(?: trong| trước)?|Trong|Chậm nhất(?: trong| trước)?)$")
_TIME_HEAD = re.compile(r"^(?:\d|[IV]{1,3}/\d|(?:Năm|Tháng|Quý|Quí|Ngày|Từ|Trước|Sau|Hằng|Hàng|Thường|Định|"
                        r"Cả|Đầu|Cuối|Giữa)\b)")
_NUMBERED = re.compile(r"^(?:[IVX]{1,4}\s*[.)]|[a-zđ]\)|\d{1,2}\.\s+[A-ZĐ])\s*\S")
_GROUP_RE = re.compile(r"^([IVX]{1,4})(?:\s*[.)\-–]\s+\S|\s+([^\W\d_]+))")


class _GroupShape:
    """A group row: "II. Title", or "II Title" (a capitalised word, not all capitals, after the number)."""

    @staticmethod
    def match(text: str):
        m = _GROUP_RE.match(text)
        if m and m.group(2) is not None and not (m.group(2)[0].isupper() and not m.group(2).isupper()):
            return None
        return m


_GROUP = _GroupShape()
_END = re.compile(r"^\W*(?:nơi\s+nhận|trên\s+đây|t/?m\b|tm\.|kt\.|ký\s+thay|thay\s+mặt)", re.IGNORECASE)
_PAGE = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_SENTENCE_END = re.compile(r"[.;:!?]\)?$")
# A content line ending on a word that needs more: the next line goes on with the content.
_NEEDS_MORE = re.compile(r"(?:\b(?:của|và|với|cho|tại|theo|về|các|những|trong|đến|từ|để|là|thuộc|bằng|trên|"
                         r"đối\s+với))$")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", ""]


def might_open(text: str) -> bool:
    """A cheap test: could this paragraph hold a glued header (the content column and another)?"""
    low = " ".join(text.lower().split())
    return bool(_HEAD_CONTENT.search(low)) and bool(_HEAD_OTHER.search(low))


def _line_roles(line: str) -> List[str]:
    """The column roles named on one header line, in their order ([] when none)."""
    words = line.split()
    folded = " ".join(ascii_fold(w).lower() for w in words)
    starts = [m.start() for m in _HEAD_START.finditer(folded)]
    if not starts:
        return []
    if starts[0] > 0 and re.search(r"\b(chu|phoi|thoi)$", folded[:starts[0]].strip()):
        starts.insert(0, 0)  # "Sở, ngành chủ" over "trì tham mưu": a name cut inside its words
    roles: List[str] = []
    for a, b in zip(starts, starts[1:] + [len(folded)]):
        cell = folded[a:b].strip()
        role = header_role(cell)
        cut = re.search(r"\b(chu|phoi|thoi)$", cell)
        if role not in _ROLES and cut:  # a name wrapped inside its words: "Đơn vị chủ" / "trì"
            role = {"chu": "lead", "phoi": "partners", "thoi": "deadline"}[cut.group(1)]
        elif role not in _ROLES and re.match(r"(?:co quan|don vi|nguoi|bo phan)\b(?! tinh)", cell):
            role = "lead"  # "Đơn vị/ cá" over "nhân phụ" over "trách"
        if role in _ROLES and role not in roles:
            roles.append(role)
    return roles


def header(lines: List[str], start: int) -> Optional[Tuple[List[str], int, int]]:
    """(roles in column order, first header line, line after the header) of a glued header whose
    content-naming line is within a few lines of `start`, or None."""
    mains = []
    for main in range(start, min(start + 4, len(lines))):
        t = lines[main].strip()
        if len(t) > 120 or not _HEAD_CONTENT.search(t) or _NUMBERED.match(t) or _GROUP.match(t):
            continue  # ("I. NHIỆM VỤ CỤ THỂ" is a heading, no header line)
        roles = _line_roles(t)
        if "content" in roles:
            mains.append((-len(roles), main, roles))
    for _, main, roles in sorted(mains)[:1]:
        first = main
        extra: List[str] = []
        while first > start and _short_header(lines[first - 1]):
            extra += [r for r in _line_roles(lines[first - 1]) if r not in roles and r not in extra]
            first -= 1
        end = main + 1
        while end < len(lines) and _short_header(lines[end]) and end - main <= 3:
            extra += [r for r in _line_roles(lines[end]) if r not in roles and r not in extra]
            end += 1
        if roles == sorted(roles, key=_ORDER.get):
            roles = sorted(roles + extra, key=_ORDER.get)  # the usual order, names on other lines in their places
        else:
            roles = roles + sorted(extra, key=_ORDER.get)
        if len(roles) >= 3 and {"lead", "partners", "deadline"} & set(roles):
            return roles, first, end
    return None


def _short_header(line: str) -> bool:
    """A short line of header words around the main one ("Thời gian", "thực hiện (Năm 2026)")."""
    t = line.strip()
    if not t or len(t.split()) > 8 or re.match(r"^\d", t) or _GROUP.match(t):
        return False
    return bool(_line_roles(t)) or bool(re.fullmatch(r"[(\w/ )]*", t)) and t[:1].islower() or t.startswith("(")


class _Frag:
    __slots__ = ("number", "content", "unit", "partners", "deadline", "line")

    def __init__(self, line: int) -> None:
        self.number = ""
        self.content = ""
        self.unit = ""
        self.partners = ""  # set only where the columns are told apart by position
        self.deadline = ""
        self.line = line


def _peel_time(words: List[str], keep: int) -> int:
    """Index where a trailing run of time words starts (len(words) when none); `keep` words at the
    front stay (the Stt)."""
    k = len(words)
    while k > keep and _TIME_WORD.match(words[k - 1]):
        k -= 1
    if k == len(words):
        return k
    run = words[k:]
    if not any(re.search(r"\d", w) for w in run) and not _TIME_HEAD.match(run[0]):
        return len(words)  # "… trong năm": words of the content
    if len(run) == 1 and re.fullmatch(r"\d{1,3}", run[0]):
        return len(words)  # a bare number ends a name ("xã Bảo Lâm 1"), no time phrase
    for n in (3, 2, 1):  # a deadline cell's lead-in: "Xong trong Quý II/2026", "Trong năm 2026"
        if k - n >= keep and _LEAD_IN.match(" ".join(words[k - n:k])):
            return k - n
    return k


def _unit_cut(words: List[str], width: float, unit_open: bool) -> int:
    """Where the unit fragment starts in the words left of the deadline (len(words): none)."""
    text = " ".join(words)
    if not words:
        return 0
    if len(text) <= width * 1.12:
        return len(words)
    heads, caps, tails = [], [], []
    for j in range(len(words) - 1, 0, -1):
        head = " ".join(words[:j])
        if len(head) > width * 1.12:
            continue
        if len(head) < width * 0.6:
            break
        if UNIT_START.match(" ".join(words[j:])):
            heads.append(j)
        elif unit_open and words[j][:1].isupper():
            caps.append(j)
        elif unit_open and len(words) - j <= 3:
            tails.append(j)
    if unit_open and (heads or caps):
        return max(heads + caps)  # the rest of a unit cell already open: the shortest tail
    if heads:
        return heads[-1]  # the longest tail opening with a unit head: the cell's first words
    if caps:
        return caps[0]
    return tails[0] if tails else len(words)


def _split(line: str, n: int, width: float, expect: Optional[str], unit_open: bool,
           deadline_last: bool, unit_width: float = 18.0, prev_ended: bool = False,
           prev_more: bool = False) -> _Frag:
    f = _Frag(n)
    words = line.split()
    keep = 0
    if expect and words and words[0].rstrip(".") == expect:
        f.number = expect
        keep = 1
    cut = _peel_time(words, keep) if deadline_last else len(words)
    f.deadline = " ".join(words[cut:])
    rest = words[keep:cut]
    text = " ".join(rest)
    if not rest:
        return f
    if text[:1].isupper() and prev_ended:
        unit_open = False  # a content cell starts: the row's unit cell is not open yet
    if prev_more and not f.deadline and not f.number and len(text) <= width * 1.12:
        f.content = text  # "… thuộc lĩnh vực quản lý của" / "Phòng Kinh tế và Hạ tầng": the content goes on
        return f
    short = len(text) <= width * 0.62
    if short and (UNIT_START.match(text) or (unit_open and len(text) <= unit_width * 1.1 and (
            text[:1].isupper() or f.deadline or f.number))):
        f.unit = text
        return f
    u = _unit_cut(rest, width, unit_open)
    f.content = " ".join(rest[:u])
    f.unit = " ".join(rest[u:])
    return f


def _width(lines: List[str], deadline_last: bool) -> float:
    """The content column's width in characters (see the module docstring)."""
    sizes = []
    for t in lines:
        words = t.split()
        if len(words) < 4 or not t[:1].islower():
            continue
        cut = _peel_time(words, 0) if deadline_last else len(words)
        if cut == len(words):
            sizes.append(len(t))
    return median(sizes) if len(sizes) >= 3 else 45.0


_CLOCK_WORD = re.compile(r"^\d{1,2}\s*(?:h|giờ|g|:)\s*\d{0,2}$", re.IGNORECASE)
_SESSION = re.compile(r"^(?:Buổi|Sáng|Chiều|Tối|Phiên|BUỔI|SÁNG|CHIỀU|PHIÊN)\b|\S.*\(.*\d{1,2}\s*(?:h|giờ)\s*\d{0,2}.*\)")


def _lead_time(words: List[str]) -> int:
    """Number of words of the hours cell at the start of a line ("7h30 -", "16h00", "-")."""
    k = 0
    while k < len(words) and (_CLOCK_WORD.match(words[k]) or words[k] in ("-", "–", "đến")):
        k += 1
    return k


def _time_led(lines: List[str], first: int) -> bool:
    """Do the body's lines open with hours (a programme: the time column first)?"""
    led = seen = 0
    for t in lines[first:first + 12]:
        words = t.split()
        if not words or _SESSION.match(t.strip()):
            continue
        seen += 1
        led += any(_CLOCK_WORD.match(w) for w in words[:_lead_time(words)])
    return seen > 0 and led * 3 >= seen


# Who is in charge of a programme item: a unit, or a person by title ("Thầy …", "Đại diện …").
_PERSON = re.compile(r"^(?:Thầy|Cô|Ông|Bà|Đồng\s+chí|Đ/c|Đại\s+diện|Liên\s+đội|Chi\s+đội|GVCN|BGH|"
                     r"Hiệu\s+trưởng|Phó\s+Hiệu\s+trưởng|Trưởng\s+\w+|Phó\s+\w+)\b")


def _in_charge(text: str) -> bool:
    return bool(UNIT_START.match(text) or _PERSON.match(text))


def _programme_cut(words: List[str], unit_width: float, unit_open: bool) -> int:
    """Where the person or unit in charge starts on a programme line (len(words): none): the
    shortest tail opening with a unit or a title that fits the column; while a name goes on, a
    capitalised word or two at the end ("… các tổ Hương")."""
    found = []
    for j in range(len(words) - 1, -1, -1):
        tail = " ".join(words[j:])
        if len(tail) > unit_width * 1.2:
            break
        if _in_charge(tail):
            found.append(j)
    titled = [j for j in found if _PERSON.match(" ".join(words[j:]))]
    if titled:
        return titled[-1]  # "Đại diện Công an xã": the title opens the cell
    if found:
        best = found[0]
        for j in found[1:]:  # "Tổ Văn phòng": capitalised words before the head belong to the name
            if all(w[:1].isupper() for w in words[j:best]):
                best = j
        return best
    if unit_open and len(words) >= 2:
        for j in range(len(words) - 1, max(len(words) - 5, 0), -1):
            tail = words[j:]
            if _PLACE.match(" ".join(tail)) and len(" ".join(tail)) <= unit_width * 1.2:
                return j  # "… điện tử xã Đốc Binh Kiều": the place that ends a unit's name
        for j in (len(words) - 1, len(words) - 2):
            if j > 0 and all(w[:1].isupper() for w in words[j:]) and words[j - 1][:1].islower():
                return j
    return len(words)


# A place name: an administrative word and capitalised words ("xã Hòa An", "phường 3 Bảo Lộc").
_PLACE = re.compile(r"^(?:xã|phường|thị\s+trấn|huyện|quận|tỉnh|thành\s+phố|thôn|ấp|bản)(?:\s+(?:\d{1,2}|[^\W\d_]+))+$")


def programme(lines: List[str], roles: List[str], first: int = 0) -> Tuple[List[Dict[str, str]], int]:
    """Rows of a glued programme: each row opens with its hours ("7h30 - Đón học sinh … Tổ Văn
    phòng", "7h45" on the next line closing the range), the content and the person or unit in
    charge after them; a session line ("Buổi sáng (từ 7h30 đến 10h00) – …") is a group row over
    the rows below it. With cells centred vertically the content's first line may stand above
    its hours: a capital after a row that has its hours and its content opens the next row."""
    body: List[str] = []
    k = first
    end = first
    while k < len(lines):
        t = lines[k].strip()
        if _END.match(t) or _NUMBERED.match(t) and not _lead_time(t.split()):
            break
        found = header(lines, k)
        if found and found[1] == k:
            k = found[2]  # the header repeated after a page break
            continue
        nxt = header(lines, k + 1) if t else None
        if nxt and nxt[1] == k + 1 and not _SESSION.match(t):
            break  # the caption of the next table ("NGÀY 2: …")
        if t and not _PAGE.match(t):
            body.append(t)
        k += 1
        end = k
    rests = [" ".join(t.split()[_lead_time(t.split()):]) for t in body]
    width = _width(rests, False)
    unit_width = max([len(r) for r in rests if _in_charge(r) and len(r) <= 0.6 * width] + [18.0])
    out: List[Dict[str, str]] = []
    cur: Optional[Dict[str, list]] = None
    unit_open = False
    glued = 0  # lines holding fragments of two columns

    def clocks(row) -> int:
        return sum(1 for w in row["time"] if _CLOCK_WORD.match(w))

    def close() -> None:
        if cur is not None and cur["content"]:
            out.append({"number": "", "content": _join(cur["content"]), "lead": _join(cur["unit"]),
                        "partners": "", "deadline": _join(cur["time"]).replace(" - -", " -")})

    for n, t in enumerate(body):
        words = t.split()
        k = _lead_time(words)
        opens = k > 0 and bool(_CLOCK_WORD.match(words[0]))
        full = cur is not None and clocks(cur) >= 2 and bool(cur["content"])
        if not k and _SESSION.match(t) and any(r.get("group") == t for r in out[-8:]) and \
                not any("group" in r for r in out[out.index({"group": t}) + 1:]):
            continue  # the session row repeated at the top of the next page
        if not k and (cur is None or full) and _SESSION.match(t):
            close()
            cur = None
            out.append({"group": t})
            continue
        if opens and (cur is None or clocks(cur) >= 2 or (cur["time"] and cur["time"][-1] not in ("-", "–", "đến")
                                                           and k > 1)):
            if cur is not None and not cur["time"] and cur["content"]:
                cur["time"] = words[:k]  # the hours of a row whose content came first
            else:
                close()
                cur = {"time": words[:k], "content": [], "unit": []}
                unit_open = False
        elif cur is not None:
            cur["time"] += words[:k]
        rest = " ".join(words[k:])
        if not rest:
            continue
        ended = cur is not None and bool(cur["content"]) and (
            bool(_SENTENCE_END.search(cur["content"][-1])) or len(cur["content"][-1]) < 0.75 * width)
        rw = rest.split()
        glued += bool(k)
        if _in_charge(rest) and len(rest) <= unit_width * 1.2:
            cut = 0
        else:
            cut = _programme_cut(rw, unit_width, unit_open and cur is not None and bool(cur["unit"]))
        f = _Frag(n)
        f.content, f.unit = " ".join(rw[:cut]), " ".join(rw[cut:])
        glued += bool(f.content and f.unit)
        if full and not k and f.content[:1].isupper() and ended:
            close()
            cur = {"time": [], "content": [], "unit": []}  # the next row's content before its hours
            unit_open = False
        if cur is None:
            cur = {"time": [], "content": [], "unit": []}
        if f.content:
            cur["content"].append(f.content)
        if f.unit:
            cur["unit"].append(f.unit)
            unit_open = not f.unit.endswith((".", ";"))
    close()
    while out and "group" in out[-1]:
        out.pop()
    if glued < 2 or glued * 3 < sum(1 for r in out if "group" not in r):
        return [], first  # the hours stand alone on their lines: one cell per line, not glued
    return out, end


def page_width(lines: List[str]) -> float:
    """The width of the text's lines in characters: the 95th percentile of the lines' lengths (a
    paragraph's lines run the full width)."""
    sizes = sorted(len(t.strip()) for t in lines[:3000] if len(t.strip()) >= 30)
    return float(sizes[len(sizes) * 19 // 20]) if len(sizes) >= 10 else 0.0


def rows(lines: List[str], roles: List[str], first: int = 0, page: float = 0.0) -> Tuple[List[Dict[str, str]], int]:
    """The rows ({role: text}, a group row as {"group": title}) of a glued table whose body
    starts at lines[first], and the index of the line after the table. `page`: the text's line
    width; a "content column" as wide as the page is no column but rows written as wrapped
    paragraphs (the cells one after another), which are not read here."""
    if "deadline" in roles and _time_led(lines, first):
        return programme(lines, roles, first)
    deadline_last = "deadline" in roles and roles[-1] == "deadline"
    items: List[tuple] = []  # ("group", title) or ("line", index, text, Stt or None)
    want = 1
    groups = 0
    end = first
    k = first
    while k < len(lines):
        t = lines[k].strip()
        if _END.match(t):
            break
        if not t:
            k += 1
            continue
        found = header(lines, k)
        if found and found[1] == k:
            k = found[2]  # the header repeated after a page break
            continue
        if _PAGE.match(t) and t.strip(" -") != str(want):
            k += 1
            continue
        g = _GROUP.match(t)
        if g and len(t.split()) <= 16:
            if g.group(1) != _ROMANS[groups] or (items and want == 1):
                break  # a Roman number out of the table's sequence: the next part of the plan
            items.append(("group", t))
            groups += 1
            want = 1
            k += 1
            continue
        words = t.split()
        is_number = words[0].rstrip(".") == str(want) and (len(words) == 1 or not words[0].endswith("."))
        if not is_number and (_NUMBERED.match(t) or re.match(r"^\d{1,2}\.\s", t)):
            break
        items.append(("line", k, t, str(want) if is_number else None))
        want += is_number
        k += 1
        end = k
    texts = [it[2] for it in items if it[0] == "line"]
    placed = _by_position([lines[it[1]] for it in items if it[0] == "line"], roles,
                          [it[3] for it in items if it[0] == "line"])
    if placed is not None:
        frags, group_at = [], {}
        lines_iter = iter(placed)
        for it in items:
            if it[0] == "group":
                group_at[len(frags)] = it[1]
            else:
                frags.append(next(lines_iter))
        return _assemble(frags, group_at, roles), end
    width = _width(texts, deadline_last)
    if page and width >= 0.85 * page:
        return [], first
    unit_width = _unit_width(texts, width, deadline_last)
    frags: List[_Frag] = []
    group_at: Dict[int, str] = {}
    unit_open = False
    prev_ended = True
    prev_more = False
    for it in items:
        if it[0] == "group":
            group_at[len(frags)] = it[1]
            prev_ended = True
            continue
        f = _split(it[2], it[1], width, it[3], unit_open, deadline_last, unit_width, prev_ended, prev_more)
        if f.unit:
            unit_open = not f.unit.endswith((".", ";"))
        if f.content:
            prev_ended = bool(_SENTENCE_END.search(f.content)) or len(f.content) < 0.75 * width
            prev_more = bool(_NEEDS_MORE.search(f.content))
        frags.append(f)
    return _assemble(frags, group_at, roles), end


def _layout_columns(raw: List[str]) -> List[int]:
    """Start positions of the columns of lines set out with runs of spaces (`pdftotext -layout`):
    where words open after two spaces or more on many lines ([] when most lines have no such gap)."""
    if len(raw) < 4 or sum(1 for t in raw if re.search(r"\S\s{2,}\S|^\s{2,}\S", t)) * 2 < len(raw):
        return []
    starts: Dict[int, int] = {}
    for t in raw:
        for m in re.finditer(r"(?:^|(?<=\s\s))\S", t):
            starts[m.start()] = starts.get(m.start(), 0) + 1
    groups: List[List[int]] = []
    for pos in sorted(starts):
        if groups and pos - groups[-1][-1] <= 2:
            groups[-1].append(pos)
        else:
            groups.append([pos])
    need = max(3, len(raw) // 10)
    return [g[0] for g in groups if sum(starts[p] for p in g) >= need]


def _by_position(raw: List[str], roles: List[str], numbers: List[Optional[str]]) -> Optional[List[_Frag]]:
    """The fragments of each line told apart by the columns' positions, where the lines keep them
    (see _layout_columns) and there is one column per role; None otherwise."""
    cols = _layout_columns(raw)
    named = [r for r in roles if r != "number"]
    if len(cols) < 2:
        return None
    words_first = [m.group(0) for t in raw for m in re.finditer(r"\S+", t) if m.start() + 1 < cols[1]]
    stt_column = sum(1 for w in words_first if not re.fullmatch(r"\d{1,3}\.?", w)) * 3 <= len(raw)
    if stt_column and len(cols) >= len(named) + 1:
        col_roles = ["number"] + named + ["extra"] * (len(cols) - len(named) - 1)
    elif not stt_column and len(cols) >= len(named):
        col_roles = named + ["extra"] * (len(cols) - len(named))  # a remarks column at the end
    else:
        return None
    if len(col_roles) - len(roles) > 1:
        return None
    out: List[_Frag] = []
    for n, (t, expect) in enumerate(zip(raw, numbers)):
        f = _Frag(n)
        parts: Dict[str, List[str]] = {}
        for m in re.finditer(r"\S+", t):
            if expect and not f.number and not parts and m.group(0).rstrip(".") == expect:
                f.number = expect  # the Stt opens the line, in its column or glued to the content
                continue
            i = max([k for k, c in enumerate(cols) if c <= m.start() + 1] or [0])
            role = col_roles[i]
            if role == "number":
                role = "content"
            parts.setdefault(role, []).append(m.group(0))
        f.content = " ".join(parts.get("content", []))
        f.unit = " ".join(parts.get("lead", []) if "lead" in roles else parts.get("partners", []))
        f.partners = " ".join(parts.get("partners", [])) if "lead" in roles else ""
        f.deadline = " ".join(parts.get("deadline", []))
        out.append(f)
    return out


def _unit_width(texts: List[str], width: float, deadline_last: bool) -> float:
    """The unit column's width: the longest short line headed by a unit word ("Lãnh đạo Sở Công")."""
    sizes = []
    for t in texts:
        words = t.split()
        cut = _peel_time(words, 0) if deadline_last else len(words)
        rest = " ".join(words[:cut])
        if rest and len(rest) <= width * 0.62 and UNIT_START.match(rest):
            sizes.append(len(rest))
    return max(sizes + [width * 0.45])


def _assemble(frags: List[_Frag], groups: Dict[int, str], roles: List[str]) -> List[Dict[str, str]]:
    """Rows from the fragments: the Stt lines split them (see the module docstring)."""
    numbered = [k for k, f in enumerate(frags) if f.number]
    if len(numbered) < 2:
        return []
    if sum(1 for k in numbered if frags[k].content or frags[k].unit or frags[k].deadline) * 2 < len(numbered):
        return []  # the Stt numbers stand alone on their lines: one cell per line, not glued
    sizes = sorted(len(f.content) for f in frags if f.content)
    widest = sizes[-max(1, len(sizes) // 10)] if sizes else 0  # a full content line (the longest but a few)
    centred = bool(numbered) and numbered[0] > 0 and not any(k in groups for k in range(numbered[0] + 1))
    starts: List[int] = []
    prev_end = 0
    for n, k in enumerate(numbered):
        if not centred:
            starts.append(k)
            continue
        lo = prev_end
        # the row's first content line: a capital after a content line that ends its cell
        cands = [j for j in range(lo, k + 1) if frags[j].content[:1].isupper() and
                 (j == lo or _ends_cell(frags, j, widest))]
        start = cands[-1] if cands else lo
        starts.append(start)
        prev_end = k + (k - start) + 1
        if n + 1 < len(numbered):
            prev_end = min(prev_end, numbered[n + 1])
            prev_end = max(prev_end, k + 1)
    out: List[Dict[str, str]] = []
    bounds = starts + [len(frags)]
    lead_width = _lead_width([f.unit for f in frags if f.unit])
    placed = any(f.partners for f in frags)
    group_at = sorted(groups)
    for n, (a, b) in enumerate(zip(bounds, bounds[1:])):
        for g in group_at:
            if (starts[n - 1] if n else -1) < g <= a:
                out.append({"group": groups[g]})
        cell: Dict[str, List[str]] = {"content": [], "unit": [], "partners": [], "deadline": []}
        number = ""
        for f in frags[a:b]:
            number = number or f.number
            for key in cell:
                v = getattr(f, key)
                if v:
                    cell[key].append(v)
        row = {"number": number, "content": " ".join(cell["content"])}
        deadline = _join(cell["deadline"])
        if deadline and not is_deadline(deadline):
            row["content"] = " ".join(cell["content"] + cell["deadline"])
            deadline = ""
        row["deadline"] = deadline
        units = _join(cell["unit"])
        if "lead" in roles and "partners" in roles and cell["partners"]:
            row["lead"], row["partners"] = units, _join(cell["partners"])  # told apart by position
        elif "lead" in roles and "partners" in roles and not placed:
            row["lead"], row["partners"] = _two_units(cell["unit"], lead_width)
        elif "lead" in roles and "partners" in roles:
            row["lead"], row["partners"] = units, ""
        elif "lead" in roles:
            row["lead"], row["partners"] = units, ""
        else:
            row["partners"] = units
        out.append(row)
    return out


def _second_head(words: List[str]) -> int:
    """Index of the word that opens a second unit name in a unit fragment ("Văn phòng | Công an
    xã"), 0 when none."""
    for j in range(1, len(words)):
        if words[j][:1].isupper() and UNIT_START.match(" ".join(words[j:])) and \
                not words[j - 1].endswith((",", ";")) and words[j - 1].lower() not in ("và", "-", "–", "các", "những",
                                                                                     "của", "cho", "với"):
            return j
    return 0


def _lead_width(units: List[str]) -> float:
    """The lead column's width: the longest first name of a fragment holding two unit names."""
    sizes = [len(" ".join(u.split()[:j])) for u in units for j in [_second_head(u.split())] if j]
    return max(sizes) if sizes else 0.0


_GOES_ON = re.compile(r"(?:[,(&/+-]|\b(?:và|của|các|cấp|tổ|Ban|Phòng|Sở|Văn|Ủy|UBND))$")


def _two_units(parts: List[str], width: float) -> Tuple[str, str]:
    """The lead and partner cells from the unit fragments of a row whose lead and partner columns
    are glued on each line: a fragment holding a second unit name splits before it; else the
    words that fit the lead column's width go to the lead while its name goes on, the rest (or all,
    once the lead's name is complete and the partners' goes on) to the partners."""
    lead: List[str] = []
    partners: List[str] = []
    for part in parts:
        words = part.split()
        j = _second_head(words)
        if not partners and j == 0 and (not width or len(part) <= width * 1.1):
            lead.append(part)  # the lead cell alone so far
            continue
        if j:
            lead.append(" ".join(words[:j]))
            partners.append(" ".join(words[j:]))
            continue
        lead_on = bool(lead) and bool(_GOES_ON.search(lead[-1]))
        partners_on = bool(partners) and bool(_GOES_ON.search(partners[-1]))
        if partners and not lead_on and (partners_on or part[:1].islower() and len(part) > width * 0.6):
            partners.append(part)
            continue
        cut = 0
        for k in range(1, len(words) + 1):
            if len(" ".join(words[:k])) <= width * 1.1:
                cut = k
        for k in range(cut, 0, -1):  # a cut before a capital reads better than the widest one
            if k < len(words) and words[k][:1].isupper():
                cut = k
                break
        if cut == len(words) and partners:
            cut = max(cut - 1, 1 if len(words) > 1 else 0)
        lead.append(" ".join(words[:cut]))
        partners.append(" ".join(words[cut:]))
    return _join([x for x in lead if x]), _join([x for x in partners if x])


def _ends_cell(frags: List[_Frag], j: int, widest: int) -> bool:
    """Does the content line before frags[j] end its cell (a stop, or shorter than a full line and
    not on a word that needs more)?"""
    prev = [f.content for f in frags[:j] if f.content]
    if not prev:
        return True
    return bool(_SENTENCE_END.search(prev[-1])) or (len(prev[-1]) < 0.8 * widest
                                                     and not _NEEDS_MORE.search(prev[-1]))


def _join(parts: List[str]) -> str:
    """Fragments of one cell joined back (a word cut at a hyphen stays cut)."""
    text = re.sub(r"\s+", " ", " ".join(parts)).strip()
    return re.sub(r"([-–])(?:\s*[-–])+", r"\1", text)  # a dash printed at the end of one line and the start of the next
