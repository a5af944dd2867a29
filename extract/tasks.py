"""Duties assigned in the text: passages -> `Task(origin="text")`.

Reads the outline's passages. Writes one task per duty with its lead units, partner units and the
deadline phrase of the sentence. Where the unit phrase ends is decided by `extract.subject`. Shapes:
- a unit heading in an implementation section ("1. Sở Tài chính", "2. PHÒNG NỘI VỤ: …") followed
  by its duties (bullets, a) b) items or plain paragraphs), with role sub-headings naming partners
  ("a) Chủ trì, phối hợp với Sở Tài chính:"); a bare group there ("các cơ quan, đơn vị") means the
  heading's units; a heading that is itself a duty ("1. Các chi bộ thực hiện …");
- a sentence whose subject is a unit, anywhere a named unit is given work (implementation,
  funding and reporting sections, content parts, articles of a Quyết định): "Các chi bộ căn cứ …",
  "Giao X chủ trì, phối hợp với Y …", "Đề nghị X …", "X: nội dung", "Điều 2. Giao X …", "UBND tỉnh
  yêu cầu X …", with a fronted clause ("Sau khi …, X …", "Đối với …, X …", "Đồng thời, X …"), a
  clause between subject and verb ("X, trên cơ sở …, chủ trì …"), a passive with its agent
  ("… do đồng chí X chỉ đạo", "… do Khoa X chủ trì thực hiện, phối hợp với Y", "… được Phòng X biên
  soạn"), an item followed by its assignment ("Nâng cấp đường. Giao X …"), a parenthesised
  assignment ("(Giao X chủ trì …)", "(X chủ trì, Y phối hợp; …)"), a lead-in ending in a colon whose
  list follows (a numbered heading too: "1. Giao Phòng X tham mưu UBND xã:");
- partners after "phối hợp với" (a ";" list goes on to the verb) or named before their verb ("X chủ
  trì, Y phối hợp …", "Giao X chủ trì; Y, Z phối hợp …");
- an item followed by a line naming who leads it ("Đảng uỷ UBND xã chủ trì, phối hợp … trình trong
  tháng 01/2026", "Giao đồng chí X chỉ đạo, đồng chí Y thực hiện."), or run together with it (PDF text);
- items followed by labelled lines ("Đơn vị chủ trì: X; Đơn vị phối hợp: Y", "Cơ quan thực hiện: …",
  "Đơn vị thực hiện: Chủ trì: X; phối hợp: Y", "Thời gian thực hiện: …", values running on to the
  next line): under a numbered item they fill that item, under a heading every item since it;
  "Trách nhiệm (chỉ đạo) thực hiện: …" after a section's items gives one duty for the section.
No duty: the plan announcing itself ("… ban hành Kế hoạch … như sau:"), a pointer to the appendix
("Nhiệm vụ cụ thể … tại Phụ lục"), staffing ("Phân công cán bộ …"), a document approved by a body.
"""
from __future__ import annotations

import functools
import re
from typing import Dict, List, Optional, Tuple

from .deadlines import find_deadline, opens_with_deadline, parse_deadline
from .model import Passage, Section, Task
from .subject import predicate_start, split_subject, starts_unit
from .units import HEAD_WORDS as _HEAD_WORDS, UNIT_START as _UNIT_START, cell_roles, looks_like_unit, split_units, \
    strip_role

# Verbs that begin the predicate after a unit subject.
_VERBS = (
    "chủ trì", "phối hợp", "tham mưu", "căn cứ", "chỉ đạo", "ban hành", "thực hiện", "tổ chức thực hiện",
    "xây dựng", "triển khai", "hướng dẫn", "theo dõi", "có trách nhiệm", "chịu trách nhiệm", "tăng cường",
    "đẩy mạnh", "chủ động", "kiểm tra", "rà soát", "tuyên truyền", "bố trí", "đảm bảo", "bảo đảm",
    "quán triệt", "nghiên cứu", "đề xuất", "tiếp tục", "thường xuyên", "định kỳ", "lãnh đạo", "cụ thể hóa",
    "cụ thể hoá", "duy trì", "phát huy", "quan tâm", "giám sát", "tập trung", "trình", "cung cấp", "hỗ trợ",
    "báo cáo", "là cơ quan", "thẩm định", "xử lý", "vận động", "nắm", "đôn đốc", "tổng hợp", "chuẩn bị",
    "phát động", "biên soạn", "cử", "tạo điều kiện", "tích cực", "khẩn trương", "nâng cao", "đổi mới",
    "phổ biến", "quản lý", "gửi", "bám sát", "ưu tiên", "huy động", "lồng ghép", "chủ tham mưu",
    "thông tin", "định hướng", "mở", "phát triển", "tập huấn", "phân công", "đánh giá", "tiếp nhận",
    "chỉ huy", "sơ kết", "tổng kết", "thành lập", "kiện toàn", "điều chỉnh", "bổ sung", "cập nhật",
    "phối kết hợp", "làm", "tuân thủ", "giải quyết", "tổ chức", "trực tiếp",
)
_VERB_RE = re.compile(r"(?<!\w)(?:" + "|".join(sorted({re.escape(v) for v in _VERBS}, key=len, reverse=True))
                      + r")(?!\w)", re.I)
_IMPLEMENTATION = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|giao nhiệm vụ|triển khai thực hiện|kinh phí|"
                             r"chế độ (?:thông tin|báo cáo)|thông tin,? báo cáo|^điều \d+",
                             re.I)
_HEADING_DUTY = re.compile(r"^(?P<u>.+?)\s+(?:có|chịu)\s+trách\s+nhiệm$", re.I)
_GIAO = re.compile(r"^(?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu|Phân công|phân công)(?:\s+cho)?\s+(?P<rest>.+)$", re.S)
# roles in brackets after the units: "X (chủ trì), Y (phối hợp) …" reads as "X chủ trì, phối hợp với Y …"
_BRACKET_ROLES = re.compile(r"^(?P<lead>[^()]{3,200}?)\s*\(\s*chủ trì\s*\)\s*,?\s*(?:(?P<partners>[^()]{3,300}?)\s*"
                            r"\(\s*phối hợp\s*\)\s*,?\s*)?(?P<rest>\S.*)$", re.I | re.S)
# labelled lines under an item: who leads, who takes part, who carries it out, by when
_LEAD_LABEL = re.compile(r"^(?:(?:Đơn vị|Cơ quan|Người|Bộ phận)\s+)?(?:chủ trì|phụ trách|chịu trách nhiệm|chủ trì tham mưu)"
                         r"(?:\s*,?\s*(?:và\s+)?(?:thực hiện|tham mưu))?\s*:\s*(?P<v>.*)$", re.I | re.S)
_EXEC_LABEL = re.compile(r"^(?:(?:(?:Đơn vị|Cơ quan|Người|Bộ phận)\s+)?thực hiện|Phân công(?:\s+thực hiện)?)\s*:\s*(?P<v>.*)$",
                         re.I | re.S)
# who answers for a whole section, written after its items: "Trách nhiệm chỉ đạo thực hiện: …"
_SECTION_LABEL = re.compile(r"^Trách nhiệm(?:\s+(?:chỉ đạo\s+)?(?:thực hiện|triển khai))?\s*:\s*(?P<v>.*)$", re.I | re.S)
_PARTNER_LABEL = re.compile(r"^(?:(?:Đơn vị|Cơ quan|Bộ phận)\s+)?phối (?:kết )?hợp\s*(?:thực hiện)?\s*:\s*(?P<v>.*)$",
                            re.I | re.S)
_TIME_LABEL = re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:hoàn thành|thực hiện|trình))?\s*:\s*(?P<v>.+)$",
                         re.I | re.S)
_CONTENT_LABEL = re.compile(r"^Nội dung(?:\s+(?:công việc|nhiệm vụ|thực hiện))?\s*:\s*(?P<v>\S.*)$", re.I | re.S)
_OTHER_LABEL = re.compile(r"^(?:Kết quả|Sản phẩm|Hình thức|Kinh phí|Thành phần|Địa điểm|Lãnh đạo phụ trách|"
                          r"Ghi chú|Phương thức|Cách thức|Đối tượng|Địa bàn|Phạm vi)[^:]{0,30}:", re.I)
_LABELS = ((_LEAD_LABEL, "lead"), (_PARTNER_LABEL, "partners"), (_EXEC_LABEL, "executor"),
           (_SECTION_LABEL, "section"), (_TIME_LABEL, "deadline"))
# several labels on one line: "Đơn vị chủ trì: X; Đơn vị phối hợp: Y."
_LABEL_SPLIT = re.compile(r"[;.]\s+(?=(?:Đơn vị|Cơ quan|Bộ phận|Người|Thời gian|Thời hạn|Tiến độ|Trách nhiệm|"
                          r"chủ trì\s*:|phối (?:kết )?hợp\s*:)[^:;]{0,40}:?)", re.I)


# labels in brackets after an item: "(Cơ quan chủ trì: X; đơn vị phối hợp: Y; thời gian: Quý II/2026)"
_PAREN_LABELS = re.compile(r"\s*\((?P<in>(?:(?:Đơn vị|Cơ quan|Bộ phận|Người)\s+)?(?:chủ trì|thực hiện|phụ trách)\s*:"
                           r"[^()]{3,300})\)", re.I)


# labels after the item's sentence on its own line: "Tổ chức hội nghị. Cơ quan chủ trì: X; thời gian: …"
_INLINE_LABELS = re.compile(r"(?<=[.;])\s+(?P<in>(?:(?:Đơn vị|Cơ quan|Bộ phận|Người)\s+)?(?:chủ trì|thực hiện|phụ trách)"
                            r"\s*:.{3,400})$", re.S)


def read_labels(text: str) -> Optional[List[Tuple[str, str]]]:
    """'Đơn vị chủ trì: X; Đơn vị phối hợp: Y.' -> [("lead", "X"), ("partners", "Y")]; None when
    the line is no such label."""
    out: List[Tuple[str, str]] = []
    for part in _LABEL_SPLIT.split(text.strip()):
        for rx, field in _LABELS:
            m = rx.match(part.strip())
            if m:
                value = m.group("v").strip(" .;")
                inner = _LEAD_LABEL.match(value) or _PARTNER_LABEL.match(value) if field == "executor" else None
                if inner:                             # "Đơn vị thực hiện: Chủ trì: X; phối hợp: Y"
                    out.extend(read_labels(value) or [])
                else:
                    out.append((field, value))
                break
        else:
            if not out:
                return None
            out[-1] = (out[-1][0], out[-1][1] + "; " + part.strip(" .;"))
    return out


_PARTNER_IN = re.compile(r"\bphối (?:kết )?hợp(?: chặt chẽ)?(?: với)?\s+(?P<v>.+)$", re.I | re.S)


def _first_verb(text: str, start: int = 1) -> Optional[int]:
    """Where the predicate starts after a unit phrase (see `extract.subject`)."""
    return predicate_start(text, after=start)


_ROLE_HEADING = re.compile(r"^(?:Chủ trì\s*,?\s*)?phối (?:kết )?hợp(?: chặt chẽ)?(?: với)?\s+\S.*$", re.I | re.S)


def _partners(text: str) -> List[str]:
    m = _PARTNER_IN.search(text)
    if not m:
        return _partners_before_verb(text)
    v = m.group("v")
    if not starts_unit(v, any_case=True):
        return _partners_before_verb(text)
    stop = _first_verb(v)
    cut = _semicolon_list(v[:stop] if stop else v)
    for sep in (" để ", " trong việc ", " trong ", " nhằm ", ". ", " (", " về "):
        k = cut.find(sep)
        if k > 0:
            cut = cut[:k]
    cut = cut.strip(" ,;.")
    if not cut or len(cut.split()) > 25:
        return []
    return [u for u in split_units(cut) if starts_unit(u, any_case=True)]


def _semicolon_list(text: str) -> str:
    """A list of units goes on after ";" while the next part starts a unit ("Văn phòng Hội; Ngân hàng
    Chính sách xã hội huyện"); it ends at the first part that does not."""
    pos = 0
    while True:
        k = text.find("; ", pos)
        if k <= 0 or not starts_unit(text[k + 2:], any_case=True):
            return text[:k] if k > 0 else text
        pos = k + 2


# "… chủ trì, Y phối hợp …": the partners named before their verb
# (or opening the duty once the lead's "chủ trì" is dropped: "Y phối hợp tổ chức …")
_PARTNER_BEFORE = (re.compile(r"\bchủ trì\s*[,;]\s*(?P<v>[^;.]{3,150}?)\s+(?:cùng\s+)?phối (?:kết )?hợp\b", re.I),
                   re.compile(r"^(?P<v>[^;.]{3,150}?)\s+(?:cùng\s+)?phối (?:kết )?hợp\b", re.I))


def _partners_before_verb(text: str) -> List[str]:
    for rx in _PARTNER_BEFORE:
        m = rx.search(text)
        if m and starts_unit(m.group("v"), any_case=True) and _first_verb(m.group("v")) is None:
            return [u for u in split_units(m.group("v")) if starts_unit(u, any_case=True)]
    return []


def _clean_unit(u: str) -> str:
    u = re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)[\s:]+", "", u.strip(), flags=re.I)
    return u.strip(" .:;,-")


_LEAD_VERBS = re.compile(r"^(?:chủ trì|chủ tham mưu|tham mưu|chịu trách nhiệm|phối hợp|chỉ đạo|chuẩn bị|trình)\b")
_OBJECT_BEFORE = re.compile(r"(?:với|và|của|cho|đến|tới|giữa|tại|(?<!tiếp )theo|giao|đề nghị|yêu cầu|phân công)\s*$",
                            re.I)
# the word before a head that is part of the same name or list: "Chánh Văn phòng", "…, UBND"
_NAME_GOES_ON = re.compile(r"(?:,|(?<!\w)(?:" + "|".join(sorted(map(re.escape, _HEAD_WORDS), key=len, reverse=True))
                           + r"))\s*$")


def lead_line(text: str, any_case: bool = False) -> Optional[Tuple[str, str]]:
    """'Ban Xây dựng Đảng chủ trì, phối hợp … trình trong tháng 11/2025' -> (unit, the rest):
    a short line whose subject is a unit and whose predicate says it leads or prepares."""
    if len(text.split()) > 45 or not (_UNIT_START.match(text) or any_case and starts_unit(text, True)):
        return None
    unit, rest = split_subject(text, any_case=any_case)
    if not unit or not 2 <= len(unit.split()) <= 16 or not _LEAD_VERBS.match(rest.lower()):
        return None
    return unit, rest


_CAP_UNIT = re.compile(r"(?<=\s)(?=(?:Ban|Phòng|Sở|Ủy ban|Uỷ ban|UBND|Đảng ủy|Đảng uỷ|Văn phòng|Thường trực|"
                       r"Các cơ quan|Trung tâm|Công an|Hội|Mặt trận|MTTQ|Huyện đoàn|Đoàn)\b)")


def split_trailing_lead(text: str) -> Optional[Tuple[str, str, str]]:
    """An item and the line naming its lead run together (PDF text): '1.1. Nghị quyết … 2030 Ban
    Xây dựng Đảng chủ trì, phối hợp tham mưu, trình trong tháng 11/2025' -> (item, unit, rest)."""
    for m in _CAP_UNIT.finditer(text):
        k = m.start()
        if k < 15 or _OBJECT_BEFORE.search(text[:k]) or _NAME_GOES_ON.search(text[:k]) or _ARTICLE.match(text):
            continue
        found = lead_line(text[k:])
        if found and re.match(r"^(?:chủ trì|chủ tham mưu|tham mưu|chịu trách nhiệm|phối hợp (?:tham mưu|thực hiện)|"
                              r"chỉ đạo (?:tham mưu|thực hiện))", found[1]):
            return text[:k].strip(), found[0], found[1]
    return None


_LEAD_LINE_ROLES = re.compile(r"^(?:chủ trì|chủ tham mưu|tham mưu|thực hiện|tổ chức thực hiện|triển khai thực hiện|"
                         r"triển khai|chịu trách nhiệm|phụ trách|chỉ đạo|chuẩn bị|trình|xây dựng|ban hành|"
                         r"và|hoặc)\b\s*,?\s*", re.I)


def _own_work(rest: str) -> bool:
    """Does the predicate of a lead line name work of its own beyond its roles, partners and time
    ("phối hợp với Chi hội Phụ nữ tuyên truyền trên loa truyền thanh của thôn, hằng tháng"), unlike
    "chủ trì, phối hợp tham mưu, trình trong tháng 11/2025"?"""
    r = rest.strip()
    for _ in range(4):
        m = _PARTNER_IN.match(r)
        if m:
            k = _first_verb(m.group("v"))
            r = m.group("v")[k:] if k else ""
        new = _LEAD_LINE_ROLES.sub("", r)
        if new == r:
            break
        r = new
    dl = find_deadline(r)
    if dl:
        r = r.replace(dl, " ")
    return len(re.findall(r"\w+", r)) >= 5


def _lead_and_partners(unit: str, rest: str) -> Tuple[List[str], List[str]]:
    """The units of a lead line and the partners its predicate names. 'A, B, C phối hợp tham mưu …'
    (they work together, no one named to lead) makes all three leads."""
    return split_units(unit), _partners(rest)


# an adverbial opening before the subject: "Trên cơ sở Kế hoạch này, các sở, ban, ngành …"
_ADVERBIAL = re.compile(r"^(?:Trên cơ sở|Căn cứ|Để|Nhằm|Trong quá trình|Theo|Đối với|Về|Đồng thời|Ngoài ra|Bên cạnh đó|"
                        r"Sau khi|Khi|Trước khi|Trong (?:thời gian|quá trình|trường hợp)|Hằng (?:năm|quý|tháng)|"
                        r"Hàng (?:năm|quý|tháng)|Định kỳ|Trường hợp)\b[^,;]{0,120},\s+(?=\S)|^(?:Đồng thời|Ngoài ra|"
                        r"Bên cạnh đó|Mặt khác)\s*,?\s+(?=\S)")
# a fronted clause that says when: its words are the duty's deadline
_TIME_FRONT = re.compile(r"^(?:Sau khi|Khi|Trước khi|Trong thời gian|Hằng|Hàng|Định kỳ)\b", re.I)
# roles in brackets after an item: "(Văn phòng UBND xã chủ trì, Trạm Y tế xã phối hợp; …)"
_PAREN_ROLES = re.compile(r"\(([^()]{3,120}?\s(?:chủ trì|phụ trách|thực hiện)\b[^()]{0,300})\)")
_ROLE_START = re.compile(r"^(?:chủ trì|phụ trách|thực hiện|phối hợp)\b", re.I)
_PAREN_GIAO = re.compile(r"\(((?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu|Phân công|phân công)\s+[^()]{3,300})\)")
# "Điều 2. Giao X …", "UBND tỉnh yêu cầu X …": the unit given the work
_ARTICLE = re.compile(r"^Điều\s+\d+\s*[.:]\s*")
_ASK = re.compile(r"^(?:giao|yêu cầu|đề nghị|phân công)(?:\s+cho)?\s+(?P<rest>.+)$", re.I | re.S)


def _split_at(text: str, starts_clause) -> List[str]:
    """Split text after ";" and sentence ends where `starts_clause(previous, part)` says the part
    begins a clause of its own; other parts join the clause before them."""
    out: List[str] = []
    for part in _CLAUSE_SPLIT.split(text.strip()):
        if out and starts_clause(out[-1], part):
            out.append(part)
        elif out:
            out[-1] = out[-1] + " " + part
        else:
            out.append(part)
    return out


def split_subject_clauses(text: str) -> List[str]:
    """Split where the next clause names its own unit ("…; Ủy ban nhân dân các xã, phường căn cứ …"),
    or, after units of their own, where a clause opens with when ("…; định kỳ hằng năm báo cáo …")."""
    def starts(prev: str, part: str) -> bool:
        if _open_partner_list(prev):
            return False                              # "… phối hợp với Văn phòng Hội; Ngân hàng … tham mưu …"
        if re.search(r"\bchủ trì\s*;$", prev.rstrip()) and _partners_before_verb(part):
            return False                              # "Giao X chủ trì; Y, Z phối hợp tổ chức …": one duty
        if split_subject(_ADVERBIAL.sub("", part, count=1))[0] is not None:
            return True
        if _GIAO.match(part.lstrip("(")) and part[:1] != "(":
            return True
        return prev.rstrip().endswith(";") and bool(_REPORT_LEAD.match(part))

    return _split_at(text, starts)


_OPEN_PARTNERS = re.compile(r"\bphối (?:kết )?hợp(?: chặt chẽ)?(?: với)?\s+(?P<v>[^;.]{3,200});$", re.I)


def _open_partner_list(clause: str) -> bool:
    """A clause that ends in "phối hợp với <units>;" with no verb after them: the list goes on."""
    m = _OPEN_PARTNERS.search(clause.rstrip())
    return bool(m) and starts_unit(m.group("v"), any_case=True) and _first_verb(m.group("v")) is None


# a clause that opens with when it recurs: "định kỳ trước ngày 15/11 hằng năm báo cáo …"
_REPORT_LEAD = re.compile(r"^(?:định kỳ|hằng|hàng|thường xuyên|cuối (?:năm|quý|tháng))\b", re.I)


_CLOSING = re.compile(r"^(?:Trên đây|Trong quá trình (?:tổ chức )?thực hiện,? nếu|Nơi nhận)", re.I)
# a decision's closing article names who executes the decision itself, no duty of the plan:
# "Chánh Văn phòng …, Giám đốc các sở … chịu trách nhiệm thi hành Quyết định này."
_EXECUTION_CLAUSE = re.compile(r"^(?:(?:có|chịu)\s+trách\s+nhiệm\s+)?(?:thi\s+hành|tổ\s+chức\s+thực\s+hiện|thực\s+hiện)\s+"
                               r"(?:Quyết\s+định|Chỉ\s+thị|Nghị\s+quyết|Thông\s+tư|Văn\s+bản)\s+này\b", re.I)

_CLAUSE_SPLIT = re.compile(r"(?<=[;.])\s+")
_TIME_LEAD = re.compile(r"^(?:Hằng|Hàng)\s+(?:năm|quý|tháng|tuần)\s*,?\s*|^(?:Định kỳ|Thường xuyên)\s*,?\s*", re.I)


def split_clauses(text: str) -> List[str]:
    """Split a duty at ";" and sentence ends where the next clause starts with a verb (its own
    predicate): "Xây dựng kế hoạch …; tuyên truyền, hướng dẫn …" -> two duties. A ";" inside a list
    of units ("phối hợp với Sở X; các cơ quan liên quan …") does not split."""
    def own_predicate(prev: str, part: str) -> bool:
        if _when_only(part):
            return False                              # "…; thực hiện ngay sau khi …": the time of the duty
        return len(part.split()) >= 3 and len(prev.split()) >= 3 and bool(_VERB_RE.match(_TIME_LEAD.sub("", part))) \
            and "(" not in prev[prev.rfind(")") + 1:]

    return [o.strip(" ;") for o in _split_at(text, own_predicate) if o.strip(" ;.")]


def _top_level_commas(text: str) -> List[str]:
    """The text's comma-separated segments, not splitting inside brackets or quotes."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "([“\"":
            depth += 1 if ch != '"' or depth == 0 else -1
        elif ch in ")]”":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [s.strip() for s in out]


def _names_units(segment: str) -> bool:
    """A segment of a list of bodies ("các cơ quan", "đơn vị", "UBND các xã")."""
    return len(segment.split()) <= 6 and starts_unit(segment, any_case=True) and _first_verb(segment) is None


# words that cannot open the object of a verb: after them the "verb" was a noun of the list before
# ("…, doanh nghiệp, tổ chức biết và tham gia", "kiểm tra và quản lý nhà nước")
_NOT_AN_OBJECT = {"và", "hoặc", "hay", "biết", "được", "có", "là", "hiểu", "đều", "cùng"}


def split_verb_chain(text: str) -> List[str]:
    """Split a comma list of verb phrases where a new predicate starts after a list of units that
    closed the object of the one before: "hướng dẫn, theo dõi việc tổng kết của các chi bộ, các cơ
    quan, đơn vị, xây dựng dự thảo báo cáo …" -> two duties. A verb after a non-unit word ("…, phản
    biện, thẩm định …") continues the same chain of steps; a list of partners ("phối hợp với A, B,
    tổ chức …") is no object."""
    if text.count(",") < 2:
        return [text]
    segs = _top_level_commas(text)
    parts: List[List[str]] = [[segs[0]]]

    def verb_with_object(seg: str) -> bool:
        body = seg
        m = _PARTNER_IN.match(body)
        if m:                                          # "phối hợp với A hướng dẫn …": the verb after the partners
            k = _first_verb(m.group("v"))
            body = m.group("v")[k:] if k else ""
        v = _VERB_RE.match(body)
        return bool(v) and len(body[v.end():].split()) >= 2

    def opens_predicate(k: int) -> bool:
        """The verb of segment k takes an object of its own and what follows is a duty's length
        ("kiểm tra và quản lý nhà nước", "tổ chức biết …" are nouns of a list)."""
        v = _VERB_RE.match(segs[k])
        after = segs[k][v.end():].split()
        if starts_unit(segs[k], any_case=True):
            return False                               # "…, doanh nghiệp, tổ chức biết …": one more of the list
        return bool(after) and after[0].lower() not in _NOT_AN_OBJECT and len(" ".join(segs[k:]).split()) >= 8

    has_object = verb_with_object(segs[0])     # the current part has a verb with its object
    list_of_units = False
    for k, seg in enumerate(segs[1:], 1):
        verb = _VERB_RE.match(seg) is not None
        if verb and list_of_units and has_object and opens_predicate(k) and \
                len(" ".join(parts[-1]).split()) >= 8:
            parts.append([seg])
            has_object = verb_with_object(seg)
            list_of_units = False
            continue
        parts[-1].append(seg)
        if verb:
            has_object = has_object or verb_with_object(seg)
            list_of_units = False
        else:
            list_of_units = has_object and _names_units(seg)
    if len(parts) == 1:
        return [text]
    return [", ".join(p) for p in parts]


# a generic verb that only carries the time of the duty before it: "…; thực hiện thường xuyên."
_WHEN_VERB = re.compile(r"^(?:thực hiện|hoàn thành|triển khai|tổ chức thực hiện|thời gian(?: thực hiện)?\s*:?)\s+", re.I)


def _when_only(part: str) -> bool:
    """A clause that says only when: a generic verb and a deadline ("thực hiện ngay sau khi Kế hoạch
    được ban hành", "hoàn thành trong quý III/2026")."""
    m = _WHEN_VERB.match(part.strip())
    if not m:
        return False
    rest = part.strip()[m.end():].strip(" .;")
    dl = find_deadline(rest)
    return bool(dl) and len(dl) >= 0.8 * len(rest)


def _per_section(fn):
    """A reader method memoised by section id (the outline does not change while duties are read);
    a list answer is copied, so tasks never share it."""
    @functools.wraps(fn)
    def cached(self, sid):
        key = (fn.__name__, sid)
        if key not in self._memo:
            self._memo[key] = fn(self, sid)
        value = self._memo[key]
        return list(value) if isinstance(value, list) else value
    return cached


class DutyReader:
    """Walks the passages in order and emits text tasks."""

    def __init__(self, sections: Dict[str, Section], parent: Dict[str, Optional[str]], next_id) -> None:
        self.sections = sections
        self.parent = parent
        self.next_id = next_id
        self.tasks: List[Task] = []
        self._pending: Optional[Task] = None     # an item waiting for its labelled lines
        self._anchor: Optional[Passage] = None   # last numbered item or heading
        self._owner: Optional[Passage] = None    # last numbered item or heading that is no stage of one
        self._stages: List[Passage] = []         # numbered "stage: time" items after it
        self._prev: Optional[Passage] = None     # last plain passage
        self._block: List[Passage] = []          # items since the anchor, not yet given labels
        self._group: Optional[List[Task]] = None  # the tasks the current labelled lines fill
        self._last_label: Optional[Tuple[str, str]] = None
        self._leadin: Optional[Tuple[str, Optional[str]]] = None   # a lead-in's unit and section
        self._item_first: Optional[str] = None
        self._heading_duty = None                  # (task, section, lines under it) of a heading that is a duty
        self._memo: dict = {}                      # (method, section id) -> its answer

    # ------------------------------------------------------------------ context
    def _ancestors(self, sid: Optional[str]):
        while sid:
            yield self.sections[sid]
            sid = self.parent.get(sid)

    @_per_section
    def _in_implementation(self, sid: Optional[str]) -> bool:
        return any(_IMPLEMENTATION.search(s.title or "") for s in self._ancestors(sid))

    @_per_section
    def _unit_heading(self, sid: Optional[str]) -> Optional[str]:
        """The nearest enclosing heading that names a unit, inside an implementation section."""
        for s in self._ancestors(sid):
            t = _clean_unit(s.title or "")
            # "Các bộ, ngành, địa phương có trách nhiệm:" over its duties
            m = _HEADING_DUTY.match(t)
            if m and looks_like_unit(m.group("u")):
                return m.group("u")
            if _IMPLEMENTATION.search(s.title or ""):
                return None
            if _heading_unit(t):
                return t
        return None

    @_per_section
    def _role_partners(self, sid: Optional[str]) -> Optional[List[str]]:
        """Partners named by a role sub-heading under a unit heading ("a) Chủ trì, phối hợp với Sở
        Tài chính:"), for every item under it."""
        for s in self._ancestors(sid):
            t = (s.title or "").strip(" :.")
            if looks_like_unit(_clean_unit(t)) and _first_verb(_clean_unit(t)) is None:
                return None
            m = _ROLE_HEADING.match(t)
            if m:
                return _partners(m.group(0)) or None
        return None

    # ------------------------------------------------------------------ walk
    def read(self, passages: List[Passage]) -> List[Task]:
        for p in passages:
            self._passage(p)
        return self.tasks

    def _new(self, p: Passage, lead: List[str], content: str, partners=None, deadline_text=None) -> Task:
        """One task per clause of the duty ("…; tổ chức theo dõi …. Tổng hợp …")."""
        if partners is not None or deadline_text is not None:
            return self._new_one(p, lead, content, partners, deadline_text)
        task = None
        for c in split_clauses(content):
            chain = split_verb_chain(c)
            if len(chain) == 1:
                task = self._new_one(p, lead, c)
                continue
            # the steps share the partners named before them and the time the sentence ends with
            shared_partners = _partners(chain[0])
            shared_deadline = find_deadline(chain[-1]) or ""
            for step in chain:
                task = self._new_one(p, lead, step, _partners(step) or shared_partners,
                                     find_deadline(step) or shared_deadline)
        return task

    def _new_one(self, p: Passage, lead: List[str], content: str, partners=None, deadline_text=None) -> Task:
        dl = deadline_text if deadline_text is not None else (find_deadline(content) or "")
        t = Task(id=self.next_id(), origin="text", content=content.strip(), lead=lead,
                 partners=partners if partners is not None else _partners(content),
                 deadline=parse_deadline(dl), section=p.section, source=p.source)
        self.tasks.append(t)
        return t

    def _passage(self, p: Passage) -> None:
        text = p.text.strip()
        if not text:
            return
        # labelled lines complete the items above them
        labels = read_labels(text)
        if labels and p.marker in (None, "-", "+", "•", "–", "*") and (self._anchor is not None or self._block):
            for field, value in labels:
                self._labelled(p, field, value)
            self._last_label = (labels[-1][0], labels[-1][1] + (";" if text.rstrip().endswith(";") else ""))
            return
        if self._last_label and p.marker is None and not p.heading and (
                self._last_label[1].endswith(";") or text[:1].islower()):
            field, value = self._last_label       # a label's value running on to the next line
            self._last_label = (field, value + " " + text.strip())
            self._labelled(p, field, self._last_label[1].strip(" .;"), again=True)
            return
        self._last_label = None
        if _OTHER_LABEL.match(text) and (self._group is not None or self._pending is not None
                                         or self._anchor is not None):
            return
        m = _CONTENT_LABEL.match(text)
        if m:
            text = m.group("v")
            p = Passage(text, p.source, p.marker, p.section, p.path, p.heading, p.origin)
        if p.marker and p.marker not in ("-", "+", "•", "–", "*") and not p.heading and _stage_line(text):
            self._stages.append(p)
        elif p.heading or (p.marker and p.marker not in ("-", "+", "•", "–", "*")):
            self._owner, self._stages = p, []
        if p.heading or (p.marker and p.marker not in ("-", "+", "•", "–", "*")):
            self._anchor = p
            self._pending = None
            self._block = []
        elif self._group is not None:
            self._block = []
        self._group = None
        if not p.heading and not m or m:
            if not p.heading:
                self._block.append(p)
        # an item with its labels in brackets: "Giám sát ca bệnh (Cơ quan chủ trì: X; thời gian: thường xuyên)."
        paren = _PAREN_LABELS.search(text) or _INLINE_LABELS.search(text)
        if paren and not p.heading:
            labels = read_labels(paren.group("in"))
            if labels and any(f in ("lead", "executor") for f, _ in labels):
                # (an item followed on its line by its labels: "Tổ chức hội nghị. Cơ quan chủ trì: X; …")
                t = Task(id=self.next_id(), origin="text", content=(text[:paren.start()] + text[paren.end():]).strip(),
                         section=p.section, source=p.source)
                for field, value in labels:
                    if field in ("lead", "executor"):
                        t.lead = split_units(value)
                    elif field == "partners":
                        t.partners = split_units(value)
                    else:
                        t.deadline = parse_deadline(value)
                t._label_lead = t._own_labels = True
                self.tasks.append(t)
                self._prev = p
                return
        # an item followed by a line naming its lead: "X chủ trì, phối hợp Y … trong tháng 01/2026"
        impl = self._in_implementation(p.section)
        found = lead_line(text) if not impl else None
        g = _GIAO.match(text) if not impl and not found and p.marker is None else None
        if g:                                         # "Giao X chỉ đạo, Y trực tiếp thực hiện." after an item
            found = lead_line(g.group("rest"), any_case=True)
            if found and not _roles_only(found[1]):
                found = None
        # (a line numbered itself is an item of its own, not the lead of the one before)
        if found and p.marker is not None and p.marker not in ("-", "+", "•", "–", "*"):
            unit, rest = found
            lead, partners = _lead_and_partners(unit, rest)
            own = re.match(r"^chủ trì\b\s*,?\s*(.+)$", rest, re.S)
            self._new(p, lead, own.group(1) if own else rest, partners=partners,
                      deadline_text=find_deadline(text) or "")
            self._prev = p
            return
        if found and self._prev is not None and split_subject(self._prev.text)[0] is not None:
            found = None                              # the line above is a duty of its own unit
        if found and self._prev is not None and self._prev.heading and _own_work(found[1]) and \
                not text.rstrip().endswith(":"):
            found = None                              # a duty of its own under a heading: its topic
        if found and self._prev is not None:
            unit, rest = found
            target = self._prev
            own = [t for t in self.tasks if t.source == target.source and t.content.strip() == target.text.strip()]
            if not own:
                lead, partners = _lead_and_partners(unit, rest)
                self._new(target, lead, target.text, partners=partners,
                          deadline_text=find_deadline(text) or find_deadline(target.text) or "")
                self._pending = self.tasks[-1]
            elif _roles_only(rest):                   # the item's task (from its labelled lines) had no lead
                lead, partners = _lead_and_partners(unit, rest)
                for t in own:
                    if not t.lead:
                        t.lead, t.partners = lead, t.partners or partners
            if self._block and self._block[-1] is p:
                self._block.pop()                     # the lead line is no item of its own
            self._prev = None
            return
        trailing = split_trailing_lead(text) if not impl else None
        if trailing:
            item, unit, rest = trailing
            lead, partners = _lead_and_partners(unit, rest)
            self._new(p, lead, item, partners=partners, deadline_text=find_deadline(rest) or find_deadline(item) or "")
            self._pending = self.tasks[-1]
            self._prev = None
            return
        if p.heading:
            # a heading that is itself a duty of a unit ("1. Các chi bộ thực hiện đánh giá …")
            a = self._assignment(text) if self._in_implementation(self.parent.get(p.section)) else None
            self._heading_duty = None
            if a and text.rstrip().endswith(":"):
                self._leadin = (a[0], p.section)     # "4. Giao Phòng Kinh tế tham mưu UBND xã:" over its items
            elif a and len(a[1].split()) >= 3:
                self._heading_duty = (self._new(p, split_units(a[0]), a[1]), p.section, [])
            self._prev = p
            return
        if self._heading_duty and self._heading_duty[1] == p.section and not p.marker and \
                not self._assignment(text):
            # lines running on under a heading that is a duty: its time may stand there
            task, _, lines = self._heading_duty
            lines.append(text)
            if not task.deadline.text:
                dl = find_deadline(" ".join(lines))
                if dl:
                    task.deadline = parse_deadline(dl)
            return
        self._heading_duty = None
        self._duty(p, text)
        self._prev = p

    def _labelled(self, p: Passage, field: str, value: str, again: bool = False) -> None:
        """Fill the items since the anchor (or the anchor itself) with one labelled line."""
        if self._group is None:
            # a numbered item owns its bullets (details of it); under a heading the bullets are the items
            if len(self._stages) >= 2 and self._anchor is self._stages[-1] and self._owner is not None and \
                    self._owner.section == self._anchor.section:
                # "(1) Lần thứ nhất: chậm nhất ngày …" "(2) …": stages of the item above them, whose
                # labelled lines follow the stages
                items = [self._owner]
                self.tasks = [t for t in self.tasks if not any(t.source == q.source for q in self._stages)]
                self._stages = []
            elif self._anchor is not None and (not self._anchor.heading or not self._block):
                items = [self._anchor]
            else:
                items = list(self._block)
            group: List[Task] = []
            if field == "section" and len(items) > 1 and self._anchor is not None and self._anchor.heading:
                # one duty for the section: its title and its items
                a = self._anchor
                content = a.text.strip(" :.") + ": " + "; ".join(q.text.strip(" ;.") for q in items) + "."
                self.tasks = [t for t in self.tasks if not any(t.source == q.source for q in items)]
                items = []
                group.append(Task(id=self.next_id(), origin="text", content=content, section=a.section,
                                  source=a.source))
                self.tasks.append(group[-1])
            for q in items:
                own = [t for t in self.tasks if t.source == q.source and t.section == q.section]
                if not own:
                    own = [Task(id=self.next_id(), origin="text", content=q.text.strip(), section=q.section,
                                source=q.source, deadline=parse_deadline(find_deadline(q.text) or ""))]
                    self.tasks.extend(own)
                group.extend(own)
            self._group = group
            self._block = []
            self._pending = group[-1] if group else None
        group = self._group
        if field == "section":
            field = "executor"
        if field in ("lead", "executor"):
            if field == "executor" and any(getattr(t, "_label_lead", False) and not getattr(t, "_own_labels", False)
                                           for t in group):
                return
            lead_text, partner_text = cell_roles(value)      # "X phụ trách, Y phối hợp"
            if partner_text:
                for t in group:
                    if not getattr(t, "_own_labels", False):
                        t.lead, t.partners = split_units(strip_role(lead_text)), split_units(partner_text)
                        t._label_lead = True
                return
            per_unit = self._per_unit(value)
            units = split_units(value)
            for t in group:
                if per_unit and not again or getattr(t, "_own_labels", False):
                    continue
                t.lead = units
                t._label_lead = True
            if per_unit and not again:
                for unit, pred in per_unit:
                    t = Task(id=self.next_id(), origin="text", content=pred, lead=[unit], section=p.section,
                             source=p.source)
                    t._label_lead = True
                    self.tasks.append(t)
                    group.append(t)
        elif field == "partners":
            for t in group:
                if not (getattr(t, "_own_labels", False) and t.partners):
                    t.partners = split_units(value)
        else:
            for t in group:
                if not (getattr(t, "_own_labels", False) and t.deadline.text):
                    t.deadline = parse_deadline(value)

    @staticmethod
    def _per_unit(value: str) -> List[Tuple[str, str]]:
        """'Sở Tư pháp rà soát …; UBND các xã rà soát …' -> one (unit, duty) per part."""
        parts = [x.strip() for x in value.split(";") if x.strip()]
        out = []
        for part in parts:
            subj, pred = split_subject(part)
            if not subj or len(pred.split()) < 2:
                return []
            out.append((subj, pred))
        return out if len(out) > 1 or (out and len(out[0][1].split()) >= 3) else []

    def _duty(self, p: Passage, text: str) -> None:
        if _CLOSING.match(text):
            return
        article = _ARTICLE.match(text) is not None
        text = _ARTICLE.sub("", text)                 # "Điều 2. Giao X …"
        impl = self._in_implementation(p.section)
        # an article of a decision ("Điều 2. …") stands under no section's unit
        heading_unit = None if article else self._unit_heading(p.section)
        # "X: nội dung" where X names a unit or an office ("Đề nghị X: …" too)
        m = re.match(r"^(?P<u>[^:]{3,200}?)\s*:\s+(?P<r>\S.*)$", text, re.S)
        if m and looks_like_unit(_clean_unit(m.group("u"))) and (impl or heading_unit):
            self._new(p, split_units(_clean_unit(m.group("u"))), m.group("r"))
            return
        # a lead-in ending in a colon passes its lead to the list under it
        if text.rstrip().endswith(":"):
            a = self._assignment(text.rstrip(" :"))
            if a and (impl or heading_unit or _named(a[0])):
                self._leadin = (a[0], p.section)
                return
            bare = _clean_unit(text.rstrip(" :"))       # "Đề nghị Hội Nông dân xã:", "Phòng Kinh tế:"
            if bare and _heading_unit(bare) and (impl or _GIAO.match(text) or _named(bare)):
                self._leadin = (bare, p.section)
                return
        if self._leadin and p.marker and self._leadin[1] == p.section and not self._assignment(text):
            self._new(p, split_units(self._leadin[0]), text)
            return
        self._leadin = None
        # a parenthesised assignment: "Lắp đèn chiếu sáng (Giao X chủ trì, tham mưu trong quý II/2026).",
        # "Tổ chức lễ phát động (X chủ trì, Y phối hợp; hoàn thành trong tháng 4/2026)."
        m = _PAREN_GIAO.search(text)
        if not m:
            m = _PAREN_ROLES.search(text)
            if m and self._assignment((text[:m.start()] + text[m.end():]).strip()) is not None:
                m = None                              # the sentence names its own unit: the brackets are a detail
        if m:
            a = self._assignment(m.group(1))
            if a and (_GIAO.match(m.group(1)) or _ROLE_START.match(a[1]) or _ROLE_START.match(
                    m.group(1)[len(a[0]):].strip(" ,"))):
                item = (text[:m.start()] + text[m.end():]).strip(" .") + "."
                self._new_one(p, split_units(a[0]), item, partners=_partners(m.group(1)) or _partners(item),
                              deadline_text=find_deadline(m.group(1)) or find_deadline(item) or "")
                return
        first = re.match(r"^([^.;]{3,80}[.;])\s+(?=\S)", text)
        if first and self._time_only(first.group(1), p.section):
            text = text[first.end():]                 # "Hoàn thành trước 06/3/2026. Thường xuyên …"
        last = None
        subjects: set = set()
        parts = split_subject_clauses(text)
        for i, part in enumerate(parts):
            if " sau" in part and _ANNOUNCE.search(part) or _APPENDIX_REF.match(part) or \
                    self._time_only(part, p.section):
                continue
            a = self._assignment(part)
            if a and _EXECUTION_CLAUSE.match(a[1]):
                continue
            if a is None and not heading_unit and i + 1 < len(parts):
                nxt = self._assignment(parts[i + 1])
                # "b- Nâng cấp đường. Giao HTX X chủ trì …", "Giám sát … trong quý III; Trạm Y tế tham mưu,
                # thực hiện." (a clause naming only who, after the item it is for)
                if nxt and (_GIAO.match(parts[i + 1]) or not _own_work(nxt[1])):
                    self._item_first = part.rstrip(" .;")
                    continue
            if a:
                unit, pred, front = a
                if not (impl or heading_unit or _named(unit) or _GIAO.match(part)):
                    continue
                if len(pred.split()) < 3 and not self._item_first and not self._leadin:
                    continue                          # "Cán bộ thuộc diện Trung ương quản lý": a label, no duty
                if heading_unit and _anaphoric(unit) and not _GIAO.match(part):
                    unit, pred = heading_unit, part   # "các cơ quan, đơn vị …" under a unit heading: that unit
                item, self._item_first = self._item_first, None
                if item:                              # the item and the predicate of its assignment
                    self._new_one(p, split_units(unit), item + ". " + pred,
                                  deadline_text=find_deadline(pred) or find_deadline(item) or "")
                else:
                    self._new(p, split_units(unit), pred,
                              deadline_text=(front if front and not find_deadline(pred) else None))
                last = unit
                subjects.add(unit)
            elif impl and (last or heading_unit):
                role = None if last else self._role_partners(p.section)
                # after clauses of several units, a clause of none is the heading unit's (all of them)
                owner = heading_unit if heading_unit and len(subjects) > 1 else (last or heading_unit)
                self._new(p, split_units(owner), part,
                          partners=(_partners(part) or role) if role else None)

    def _time_only(self, part: str, section: Optional[str]) -> bool:
        """A sentence that only says when ("Hoàn thành trước 06/3/2026.") completes the duty before
        it when that one has no time yet."""
        if not self.tasks:
            return False
        last = self.tasks[-1]
        if last.origin != "text" or last.deadline.text or last.section != section:
            return False
        dl = find_deadline(part)
        if not dl or len(dl) < 0.6 * len(part.strip(" .;")):
            return False
        last.deadline = parse_deadline(dl)
        return True

    def _assignment(self, text: str) -> Optional[Tuple[str, str, Optional[str]]]:
        """(unit, duty, fronted time clause) when the clause gives a unit work, else None:
        "Giao X …", "Đề nghị X …", "Điều 2. Giao X …", "Sau khi …, X tổng hợp …", "Đối với …, X …",
        "X, trên cơ sở …, chủ trì …", "UBND tỉnh yêu cầu X …"."""
        body = _ARTICLE.sub("", text.strip().lstrip("(").rstrip(")"))
        front = None
        m = _ADVERBIAL.match(body)
        if m:
            if _TIME_FRONT.match(body):
                front = body[:m.end()].strip(" ,")
            body = body[m.end():]
        g = _GIAO.match(body)
        if g:
            rest = g.group("rest")
            b = _BRACKET_ROLES.match(rest)
            if b:
                rest = b.group("lead") + " chủ trì, " + (
                    "phối hợp với " + b.group("partners") + " " if b.group("partners") else "") + b.group("rest")
            subj, pred = split_subject(rest, any_case=True)
            if not subj:
                mm = re.match(r"^(?P<u>.+?)\s+chủ trì\b\s*,?\s*(?P<r>.*)$", rest, re.S)
                if mm and starts_unit(mm.group("u"), any_case=True):
                    subj, pred = mm.group("u"), "chủ trì " + mm.group("r")
            if subj and re.match(r"phân công\b", body, re.I) and not _named(subj):
                return None                           # "Phân công cán bộ lãnh đạo phụ trách …": staffing, no unit given work
            if subj:
                return subj.strip(), _drop_lead_verb(pred), front
            return None
        subj, pred = split_subject(body)
        if not subj:
            return self._agent(body, front)
        ask = _ASK.match(pred)
        if ask:                                       # "UBND tỉnh yêu cầu Sở X …": Sở X is given the work
            s2, p2 = split_subject(ask.group("rest"), any_case=True)
            if s2:
                return s2, _drop_lead_verb(p2), front
        return subj, _drop_lead_verb(pred), front

    @staticmethod
    def _agent(text: str, front: Optional[str]) -> Optional[Tuple[str, str, Optional[str]]]:
        """A passive with its agent: "Việc đánh giá … do đồng chí Bí thư chi bộ trực tiếp chỉ đạo, chủ
        trì." -> the agent leads the whole sentence."""
        if _PREAMBLE.match(text):
            return None
        for m in re.finditer(r"\b(do|được)\s+", text):
            by = m.group(1) == "do"
            subj, pred = split_subject(text[m.end():], any_case=by)
            if not subj:
                continue
            if by and not _AGENT_ROLE.match(pred) or not by and _NOT_AGENT_WORK.match(pred):
                continue
            if len(_AGENT_TAIL.sub("", pred).split()) <= 8:
                return subj, text.strip(), front
        return None


# the agent of a passive: "… do Khoa X chủ trì thực hiện, phối hợp với Y", "… do Y thực hiện dưới sự chỉ
# đạo của Z", "… được Phòng X biên soạn, cung cấp hằng quý" (not a document "được UBND tỉnh phê duyệt")
_AGENT_ROLE = re.compile(r"^(?:trực tiếp\s+)?(?:chỉ đạo|chủ trì|thực hiện|phụ trách|đảm nhiệm|chịu trách nhiệm|"
                         r"tổ chức)\b", re.I)
_NOT_AGENT_WORK = re.compile(r"^(?:phê duyệt|ban hành|thông qua|ký|công nhận|giao|cấp|quy định|chấp thuận|"
                             r"đồng ý|cho phép|khen thưởng|bố trí)\b", re.I)
_AGENT_TAIL = re.compile(r"(?:\s*,\s*phối (?:kết )?hợp\b.*|\s*,\s*\S[^,;]*?\s+phối (?:kết )?hợp\b.*"
                         r"|\s+dưới sự (?:chỉ đạo|hướng dẫn|chủ trì)\b.*|\s+theo\s.*)$", re.I | re.S)
_PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Thi hành)\b", re.I)
# the plan announcing itself: "… Sở X ban hành Kế hoạch … như sau:" is no duty
_ANNOUNCE = re.compile(r"\b(?:Kế\s+hoạch|Chương\s+trình|Phương\s+án)\b[^;.]*\b(?:như\s+sau|(?:các\s+)?nội\s+dung\s+"
                       r"(?:như\s+)?sau)\s*[:.]?\s*$", re.I)
# a sentence that only points to the appendix: "Nhiệm vụ cụ thể của các đơn vị tại Phụ lục kèm theo."
_APPENDIX_REF = re.compile(r"^(?:\(?\s*)?(?:Nhiệm vụ|Nội dung|Danh mục|Phân công)[^.;:]{0,80}?\s(?:tại|theo|ở|như)\s+"
                           r"(?:các\s+)?(?:Phụ lục|phụ lục|Biểu|biểu|bảng|Bảng)\b[^.;:]{0,80}[.)]?\s*$")


def _stage_line(text: str) -> bool:
    """A stage of a duty and its time: "Hiệp thương lần thứ nhất: chậm nhất ngày 10/12/2025 (…)"."""
    head, colon, rest = text.partition(":")
    return bool(colon) and len(head.split()) <= 12 and opens_with_deadline(rest)


def _heading_unit(title: str) -> bool:
    """A heading that names a unit and nothing else, in any case ("3. Sở Xây dựng", "1. PHÒNG KINH TẾ")."""
    return bool(title) and len(title.split()) <= 30 and starts_unit(title, any_case=True) and \
        _first_verb(title) is None


_ROLE_WORD = re.compile(r"^(?:trực tiếp\s+|cùng\s+)?(?:chỉ đạo|chủ trì|thực hiện|tổ chức thực hiện|phụ trách|theo dõi|"
                        r"phối (?:kết )?hợp|tham mưu|đôn đốc|triển khai)(?:\s+thực hiện)?$", re.I)


def _roles_only(pred: str) -> bool:
    """'chỉ đạo, đồng chí Ủy viên phụ trách địa bàn trực tiếp thực hiện.' -> True: the predicate only
    says who leads and who carries out (roles, other units with their roles), no work of its own."""
    parts = [x.strip() for x in re.split(r"[,;]", pred.strip(" .;")) if x.strip()]
    if not parts or len(pred.split()) > 30:
        return False
    for part in parts:
        if _ROLE_WORD.match(part):
            continue
        subj, rest = split_subject(part, any_case=True)
        if not subj or not _ROLE_WORD.match(rest.strip(" .;")):
            return False
    return True


def _drop_lead_verb(pred: str) -> str:
    m = re.match(r"^chủ trì\b\s*[,;]?\s*(.*)$", pred, re.S)
    return m.group(1) if m and m.group(1) else pred


_NAMED = re.compile(r"\s(?:xã|phường|huyện|tỉnh|thị trấn|thành phố|quận|thôn)\b")


_GENERIC = re.compile(r"^(?:(?:các|những)\s+(?=cán bộ|công chức|viên chức|đảng viên|hội viên|đoàn viên))?(?:toàn thể|tất cả|cán bộ|công chức|viên chức|đơn vị|cơ quan|hội viên|đảng viên|"
                      r"đoàn viên|nhân dân|học sinh)\b", re.I)
_GROUP = re.compile(r"^(?:các|những)\b", re.I)


def _anaphoric(unit: str) -> bool:
    """A bare group ("các cơ quan, đơn vị") that, under a unit heading, means the heading's units."""
    rest = unit.split()[1:]
    return bool(_GROUP.match(unit)) and not any(w[:1].isupper() for w in rest) and not _NAMED.search(" " + " ".join(rest))


def _named(unit: str) -> bool:
    """A unit of its own ("Văn phòng UBND xã", "Ban quản lý chợ", "Các chi bộ"), not a bare category
    of people ("Cán bộ, công chức", "Đảng viên") unless a name or a place follows it."""
    if not _GENERIC.match(unit):
        return True
    rest = unit.split()[1:]
    return any(w[:1].isupper() for w in rest) or bool(_NAMED.search(" " + " ".join(rest)))


def extract_duties(passages: List[Passage], sections: Dict[str, Section], parent: Dict[str, Optional[str]],
                   next_id) -> List[Task]:
    return DutyReader(sections, parent, next_id).read(passages)
