"""Unit names: split a cell listing units, strip role words, give each unit a canonical name.

- `split_units(text)` -> unit names as written ("Ban Tuyên giáo Huyện ủy, Ban Tổ chức Huyện ủy" is
  two units; "Các cơ quan, ban, ngành huyện" is one; "Sở Văn hoá, Thể thao và Du lịch" is one).
  Semicolons and line breaks always separate; a comma separates only when what follows starts a
  unit (a head word such as Ban/Phòng/Sở/Hội, an abbreviation in capitals, a person's title, or a
  new "các ..." group). A missing comma before a capitalised head ("... thị trấn Phòng Văn hóa")
  is a boundary too.
- `strip_role(text)` drops trailing role words from a lead cell ("X chủ trì, tổng hợp" -> "X").
- `registry()`: the abbreviation registry that `unit_keys` expands to give each unit its
  canonical (official) name and stable key.

The registry is `extract/data/units.tsv` (ABBREVIATION<TAB>expansion, '#' comments), loaded once.
Users extend it with their own file of the same format named by the environment variable
KEHOACH_UNITS (several files separated by the path separator); their entries win.
"""
from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import regex


_REGISTRY_PATH = Path(__file__).parent / "data" / "units.tsv"

# words that begin a unit (capitalised in a list of units)
_HEADS = (
    "Ban", "Phòng", "Sở", "Hội", "Liên đoàn", "Liên minh", "Liên hiệp", "Văn phòng", "Trung tâm",
    "Ủy ban", "Uỷ ban", "Đảng ủy", "Đảng uỷ", "Đảng bộ", "Chi bộ", "Huyện ủy", "Huyện uỷ", "Tỉnh ủy",
    "Tỉnh uỷ", "Thành ủy", "Thành uỷ", "Thị ủy", "Thị uỷ", "Quận ủy", "Quận uỷ", "Đoàn", "Công an",
    "Bộ", "Cục", "Chi cục", "Tổng cục", "Viện", "Tòa án", "Toà án", "Kho bạc", "Chi nhánh",
    "Ngân hàng", "Bảo hiểm", "Bưu điện", "Đài", "Báo", "Trường", "Bệnh viện", "Trạm", "Hạt", "Đội",
    "Công ty", "Tổng công ty", "Hợp tác xã", "Câu lạc bộ", "Thanh tra", "Kiểm toán", "Cơ quan",
    "Đồn", "Bộ Chỉ huy", "Ban Chỉ huy", "Thường trực", "Thường vụ", "Mặt trận", "Hội đồng",
    "Tổ", "Nhóm", "Lãnh đạo", "Người đứng đầu", "Thủ trưởng", "Chủ tịch", "Phó Chủ tịch",
    "Phó chủ tịch", "Bí thư", "Phó Bí thư", "Phó bí thư", "Trưởng", "Phó", "Giám đốc", "Chánh",
    "Đồng chí", "Đ/c", "UBND", "HĐND", "Chi ủy", "Chi uỷ", "Chi đoàn", "Chi hội", "Công đoàn",
    "Khoa",
)
HEAD_WORDS = _HEADS
# a head of several words is also written with every word capitalised ("Văn Phòng", "Trung Tâm")
_HEAD_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, set(_HEADS) | {h.title() for h in _HEADS if " " in h}),
                             key=len, reverse=True)) + r")(?![\w])"
)
# heads that may follow a lower-case word with no comma between two units
_GLUE_HEADS = ("Ban", "Phòng", "Sở", "Hội", "Trung tâm", "Văn phòng", "Công an", "Đoàn",
               "Liên đoàn", "Chi cục", "Trường", "Bệnh viện", "Kho bạc", "Ủy ban", "Uỷ ban")
_LINKS = ("thuộc", "của", "và", "với", "cho", "tại", "trên", "dưới", "về", "các", "những", "cùng",
          "đối", "hoặc", "là", "gồm", "như")
# last words of an office that takes its body after it: "Thành viên Ban Chỉ đạo", "Bí thư Chi bộ"
# level words that end a name: a head after them starts another unit ("… các xã, thị trấn Phòng …")
_PLACE_WORDS = frozenset({"xã", "phường", "huyện", "tỉnh", "trấn", "phố", "quận", "thôn", "bản", "ấp", "khu"})
_OFFICE_ENDS = ("viên", "đạo", "diện", "trưởng", "phó", "thư", "tịch", "đốc", "trực")
_GLUE_RE = regex.compile(
    r"(?<=\p{Ll}) (?=(?:" + "|".join(sorted(map(re.escape, _GLUE_HEADS), key=len, reverse=True))
    + r") \p{Lu})"
)
_BARE_HEADS = re.compile(r"(?:(?:" + "|".join(sorted(map(re.escape, _HEADS), key=len, reverse=True)) + r")\s*)+")
_HEAD_AT_END = re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, _HEADS), key=len, reverse=True)) + r")$")
_ABBR_START = re.compile(r"[A-ZĐ][A-ZĐ0-9&\-]+(?![\w])")
_PERSON_START = re.compile(r"(?:các |những )?(?:đồng chí|đ/c)\b", re.IGNORECASE)
_PLURAL = re.compile(r"(?:các|những|toàn thể|tất cả)\s", re.IGNORECASE)
# qualifiers that close an enumeration of categories ("các sở, ban, ngành liên quan")
_CLOSERS = re.compile(
    r"\b(?:huyện|tỉnh|xã|thành phố|thị xã|thị trấn|phường|trực thuộc|liên quan|có liên quan|"
    r"trên địa bàn|cấp|địa phương)\b", re.IGNORECASE)
_OUTER = " \t\r\n.,;:-–—+•*·"


_ROUTING_NOTE = re.compile(r"\s*\((?:qua|thông qua)\s[^()]{2,80}\)", re.I)


def _trim(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip(_OUTER)
    # a leading list marker: "a)", "1.", "-"
    s = re.sub(r"^(?:[a-zđ]\)|\d+[.)])\s+", "", s)
    return s


def _starts_unit(item: str) -> bool:
    """Does a comma-separated item begin a new unit?"""
    if _PLURAL.match(item) or _PERSON_START.match(item):
        return True
    m = _HEAD_RE.match(item)
    if m and any(re.match(re.escape(h) + "(?:" + w + r")(?!\w)", item) for h, w in _NOT_A_HEAD.items()):
        m = None                    # "Khoa học và Công nghệ", "Đoàn kết": no head there
    if m:
        return m.end() < len(item)  # a bare head ("Ban") continues "cơ quan, Ban, ngành"
    m = _ABBR_START.match(item)
    return bool(m) and sum(c.isupper() for c in m.group()) >= 2


def _open_group(unit: str) -> bool:
    """A "các ..." enumeration of bare categories stays open to more categories after a comma."""
    if not _PLURAL.match(unit):
        return False
    last = unit.rsplit(",", 1)[-1]
    words = _PLURAL.sub("", last.strip(), count=1).split()
    return len(words) <= 2 and not _CLOSERS.search(last) and not any(w[:1].isupper() for w in words)


def _split_glued(piece: str) -> list[str]:
    """Split "Đảng ủy các xã, thị trấn Phòng Văn hóa" before a head that follows a lower-case
    word other than a linking word."""
    out, start = [], 0
    for m in _GLUE_RE.finditer(piece):
        prev = piece[start:m.start()].split()
        if not prev or prev[-1].lower() in _LINKS or prev[-1].lower() in _OFFICE_ENDS or prev[-1][:1].isupper():
            continue  # "Văn Phòng Huyện ủy": a capitalised word before the head belongs to the name
        if len(prev) > 1 and prev[-2][:1].isupper() and prev[-1].lower() not in _PLACE_WORDS:
            continue  # "ban Kinh tế - Xã hội Hội Nông dân": the second syllable of a name, then its parent
        if _BARE_HEADS.fullmatch(" ".join(prev)) or _HEAD_AT_END.search(" ".join(prev)):
            continue  # a bare head takes the body after it as its parent: "Đảng ủy Sở Y tế", "Văn phòng Ban Chỉ huy"
        out.append(piece[start:m.start()])
        start = m.end()
    out.append(piece[start:])
    return out


_BARE_OFFICE_LINE = re.compile(r"(?m)^(\s*(?:Lãnh đạo|Đại diện|Đại diện lãnh đạo|Thành viên|Thủ trưởng|Chủ tịch|"
                               r"Phó Chủ tịch|Giám đốc|Phó Giám đốc|Trưởng|Phó Trưởng)\s*)\n")


def _scope_cut(piece: str) -> str:
    """'Bộ Khoa học và Công nghệ với các tiêu chuẩn, quy chuẩn …': what a unit answers for, after
    "với" and no unit, is no part of the unit list."""
    for m in re.finditer(r"\s+với\s+", piece):
        if not UNIT_START.match(piece[m.end():]):
            return piece[:m.start()]
    return piece


def split_units(text: str) -> list[str]:
    """Split a cell or phrase listing units into unit names as written (outer punctuation trimmed)."""
    if not text:
        return []
    text = unicodedata.normalize("NFC", text)
    # a routing note is no unit: "UBND các thôn (qua Trưởng thôn)", "Sở Nội vụ (thông qua Phòng CCHC)"
    text = _ROUTING_NOTE.sub("", text)
    # an office alone on its line takes the body on the next one: "Lãnh đạo\nSở Y tế"
    text = _BARE_OFFICE_LINE.sub(lambda m: m.group(1) + " ", text)
    units: list[str] = []
    for piece in re.split(r"[;\n]+", text):
        piece = _trim(_scope_cut(piece))
        if not piece:
            continue
        current: list[str] = []
        for item in re.split(r"\s*,\s*", piece):
            if not item:
                continue
            parts = _split_glued(item)
            for k, part in enumerate(parts):
                part = part.strip()
                new = k > 0 or not current or (
                    _starts_unit(part) and not (_open_group(", ".join(current)) and not _PLURAL.match(part)
                                                and not _PERSON_START.match(part)))
                if new and current:
                    units.append(", ".join(current))
                    current = []
                current.append(part)
        if current:
            units.append(", ".join(current))
    return [u for u in (_trim(u) for u in units) if u]


# ------------------------------------------------------------------ role words
_ROLE_WORDS = (
    "chủ trì", "phối hợp", "thúc đẩy", "theo dõi", "báo cáo", "hướng dẫn", "tổng hợp", "tham mưu",
    "đôn đốc", "giám sát", "kiểm tra", "thực hiện", "triển khai", "chịu trách nhiệm", "là cơ quan",
    "làm đầu mối", "đầu mối", "thường trực", "cập nhật", "đánh giá", "tham gia", "được giao",
    "theo chức năng", "căn cứ chức năng", "theo thẩm quyền",
)
_ROLE_RE = re.compile(
    r"(?:\s*[,(–-]\s*|\s+)(?:" + "|".join(sorted(map(re.escape, _ROLE_WORDS), key=len, reverse=True))
    + r")(?![\w]).*$", re.DOTALL)


def strip_role(text: str) -> str:
    """Remove trailing role words from a lead cell: "Sở KH&CN chủ trì hướng dẫn, tổng hợp" ->
    "Sở KH&CN". Role words count only in lower case after at least one word of the unit name."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text).strip()
    pieces = []
    for piece in text.split(";"):                      # each unit of "X với …; Y với …" on its own
        piece = _scope_cut(piece).strip()
        m = _ROLE_RE.search(piece)
        if m and m.start() > 0:
            piece = piece[:m.start()]
        if _trim(piece):
            pieces.append(_trim(piece))
    return "; ".join(pieces)


_BRACKET_LEAD = re.compile(r"^(?P<lead>[^()]+?)\s*\(\s*chủ trì\s*\)\s*[;,.]?\s*(?P<rest>.*)$", re.I | re.S)
_LEAD_THEN_PARTNERS = re.compile(r"(?:\s*[,(–-]\s*|\s+)chủ trì\s*[,;]?\s*(?:và\s+)?phối\s+(?:kết\s+)?hợp(?:\s+với)?"
                                 r"\s*[:,]?\s+(?P<p>\S.*)$", re.I | re.S)


# roles written as labels ("Chủ trì: Công an xã; Phối hợp: các thôn") or as verbs after each unit
# ("Công an xã chủ trì, Đoàn Thanh niên xã phối hợp")
_LABELLED_ROLES = re.compile(r"^\s*(?:đơn vị\s+)?chủ trì\s*:\s*(?P<lead>[^:]+?)\s*(?:[;,.\n]\s*(?:đơn vị\s+)?"
                             r"phối\s+(?:kết\s+)?hợp\s*:\s*(?P<p>.+?))?\s*\.?$", re.I | re.S)
_PARTNER_VERB_AFTER = re.compile(r"^(?P<lead>.+?)\s+(?:chủ trì|phụ trách)\s*[,;]\s*(?P<p>[^,;].*?)\s+(?:cùng\s+)?phối\s+(?:kết\s+)?hợp"
                                 r"\s*(?:thực hiện)?\s*\.?$", re.I | re.S)


def cell_roles(text: str) -> tuple:
    """A cell naming who leads and who takes part -> (lead text, partner text): "Sở X (chủ trì); Sở Y,
    UBND các huyện", "Sở X chủ trì, phối hợp với Sở Y", "Chủ trì: Sở X; Phối hợp: Sở Y" and "Sở X chủ
    trì, Sở Y phối hợp" ("X phụ trách, Y phối hợp") -> ("Sở X", "Sở Y …"); (text, "") when the cell names
    no partner."""
    if not text:
        return text, ""
    text = unicodedata.normalize("NFC", text).strip()
    m = _LABELLED_ROLES.match(text)
    if m:
        return m.group("lead").strip(), _trim(m.group("p") or "")
    m = _PARTNER_VERB_AFTER.match(text)
    if m and _starts_unit(m.group("p").strip()):
        return m.group("lead").strip(), _trim(m.group("p"))
    m = _BRACKET_LEAD.match(text)
    if m and m.group("lead").strip():
        rest = re.sub(r"\(\s*phối\s+(?:kết\s+)?hợp\s*\)", "", m.group("rest"), flags=re.I)
        return m.group("lead").strip(), _trim(rest)
    m = _LEAD_THEN_PARTNERS.search(text)
    if m and m.start() > 0:
        return text[:m.start()].strip(), _trim(m.group("p"))
    return text, ""


# ------------------------------------------------------------------ registry
def _read_registry(path: Path, into: dict[str, str]) -> None:
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
            continue
        abbr, expansion = line.split("\t", 1)
        abbr, expansion = abbr.strip(), expansion.strip()
        if abbr and expansion:
            into[unicodedata.normalize("NFC", abbr)] = unicodedata.normalize("NFC", expansion)


@lru_cache(maxsize=1)
def registry() -> dict[str, str]:
    """Abbreviation -> expansion, from the packaged file and then the files in KEHOACH_UNITS."""
    table: dict[str, str] = {}
    _read_registry(_REGISTRY_PATH, table)
    for extra in filter(None, os.environ.get("KEHOACH_UNITS", "").split(os.pathsep)):
        p = Path(extra)
        if p.is_file():
            _read_registry(p, table)
    return table


# Heads of a unit as the subject of a sentence: the list heads above plus offices and bodies that
# rarely stand in lists; each with the words after it that make it no unit ("Ban hành",
# "Phòng, chống", "Trường hợp" …).
_SUBJECT_EXTRA = (
    "UBMTTQ", "MTTQ", "BCH", "UBKT", "BTG", "BTC", "Thuế", "Tỉnh đoàn", "Huyện đoàn", "Thành đoàn",
    "Hiệp hội", "Cán bộ", "Công chức", "Viên chức", "Chuyên viên", "Trưởng thôn", "Trưởng ban", "Quỹ",
    "Đơn vị", "Ủy viên", "Uỷ viên", "Cấp ủy", "Cấp uỷ", "Doanh nghiệp", "Viện kiểm sát", "Điện lực",
    "Hải quan", "Kiểm lâm", "Cảnh sát", "Ủy ban kiểm tra", "Uỷ ban kiểm tra", "Giáo viên", "Nhà trường", "Hiệu trưởng",
    "Tổ trưởng", "Bộ phận", "Lực lượng", "Ban Giám hiệu", "Trưởng thôn", "Thành viên", "Tổng phụ trách",
    "đồng chí", "đ/c", "cơ quan", "đơn vị", "cấp ủy", "cấp uỷ",
)
_NOT_A_HEAD = {
    "Ban": " hành", "Phòng": ",? chống| ngừa", "Sở": " dĩ", "Đoàn": " kết", "Hội": " nghị| thi| thảo| diễn",
    "Báo": " cáo", "Trường": " hợp", "Công đoàn": " viên", "Khoa": " học", "Tổ": " chức", "Đội": " ngũ", "Nhóm": " nội dung| giải pháp| nhiệm vụ",
}
UNIT_HEAD = (
    # lower-case category words name units only in a group: "các sở, ban, ngành", "các chi, đảng bộ"
    r"(?:(?:các|Các|CÁC|những|Những)\s+(?:sở|ban|ngành|xã|phường|thị trấn|chi|đảng ủy|đảng uỷ|đảng bộ|tổ chức|"
    r"đoàn thể|phòng|địa phương|trường|hội|cơ quan|đơn vị|doanh nghiệp|thôn|bản|huyện|tỉnh|cấp|đồng chí|"
    r"đ/c|thành viên|hợp tác xã|cơ sở|đảng viên|hội viên|đoàn viên)\b|(?:các|Các|CÁC)\s+bộ(?=,)|"  # "các bộ, ngành" (not "các bộ hồ sơ")
    r"(?:(?:các|Các|CÁC)\s+)?(?:"
    + "|".join(re.escape(h) + (f"(?!{_NOT_A_HEAD[h]})" if h in _NOT_A_HEAD else "")
               for h in sorted(set(_HEADS) | set(_SUBJECT_EXTRA), key=len, reverse=True))
    + r")\b)"
)
UNIT_START = re.compile(r"^\s*" + UNIT_HEAD)


def looks_like_unit(text: str) -> bool:
    """True when text reads as the name of a body or office (short, headed by a unit word)."""
    t = text.strip(" .:;-")
    return bool(t) and len(t.split()) <= 30 and bool(UNIT_START.match(t))
