"""Duties assigned in the text: passages -> `Task(origin="text")`.

Reads the outline's passages. Writes one task per duty with its lead units, partner units and the
deadline phrase of the sentence. Four shapes are read:
- a unit heading in an implementation section ("1. Sở Tài chính", "2. Phòng Nội vụ huyện: …")
  followed by its duties (bullets, a) b) items or plain paragraphs);
- a sentence whose subject is a unit ("Các chi, đảng bộ trực thuộc căn cứ …", "Giao X chủ trì,
  phối hợp với Y …", "Đề nghị X …", "X: nội dung");
- an item followed by a line naming who leads it ("Đảng uỷ UBND xã chủ trì, phối hợp các cơ quan
  liên quan tham mưu trình trong tháng 01/2026");
- an item followed by labelled lines ("- Đơn vị chủ trì: …", "- Đơn vị phối hợp: …", "- Thời gian
  hoàn thành: …").
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

from .deadlines import find_deadline, parse_deadline
from .model import Passage, Section, Task
from .units import UNIT_START as _UNIT_START, looks_like_unit, split_units

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
    "phối kết hợp", "làm", "tuân thủ", "giải quyết", "tổ chức",
)
_VERB_RE = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(sorted({re.escape(v) for v in _VERBS}, key=len, reverse=True))
                      + r")(?![\wÀ-ỹ])", re.I)
_IMPLEMENTATION = re.compile(r"tổ chức thực hiện|phân công|trách nhiệm|giao nhiệm vụ|triển khai thực hiện",
                             re.I)
_HEADING_DUTY = re.compile(r"^(?P<u>.+?)\s+(?:có|chịu)\s+trách\s+nhiệm$", re.I)
_GIAO = re.compile(r"^(?:Giao|giao|Đề nghị|đề nghị|Yêu cầu|yêu cầu|Phân công|phân công)\s+(?P<rest>.+)$", re.S)
_LEAD_LABEL = re.compile(r"^(?:Đơn vị|Cơ quan|Người|Bộ phận)?\s*(?:chủ trì|thực hiện|phụ trách|chịu trách nhiệm)"
                         r"(?:\s*(?:,|và)?\s+thực hiện)?\s*:\s*(?P<v>.+)$", re.I | re.S)
_PARTNER_LABEL = re.compile(r"^(?:Đơn vị|Cơ quan|Bộ phận)?\s*phối hợp\s*(?:thực hiện)?\s*:\s*(?P<v>.+)$", re.I | re.S)
_TIME_LABEL = re.compile(r"^(?:Thời gian|Thời hạn|Tiến độ)(?:\s+(?:hoàn thành|thực hiện|trình))?\s*:\s*(?P<v>.+)$",
                         re.I | re.S)
_OTHER_LABEL = re.compile(r"^(?:Kết quả|Sản phẩm|Hình thức|Kinh phí|Nội dung|Thành phần|Địa điểm)\s*:", re.I)
_PARTNER_IN = re.compile(r"\bphối (?:kết )?hợp(?: chặt chẽ)?(?: với)?\s+(?P<v>.+)$", re.I | re.S)


def split_subject(text: str) -> Tuple[Optional[str], str]:
    """'Các chi, đảng bộ trực thuộc căn cứ Kế hoạch …' -> ('Các chi, đảng bộ trực thuộc', 'căn cứ …')."""
    if not _UNIT_START.match(text):
        return None, text
    k = _first_verb(text)
    if k:
        subj = text[:k].strip(" ,:;")
        if looks_like_unit(subj):
            return subj, text[k:].strip()
    return None, text


_NAME_BEFORE = re.compile(r"(?:^|\s)(?:[Bb]an|[ỦUủu][ỷy] ban|[Pp]hòng|[Bb]ộ|[Cc]ác|[Nn]hững|[Cc]ấp|lĩnh vực|công tác|"
                          r"phụ trách|về|việc|cơ quan)\s*$")


def _first_verb(text: str, start: int = 1) -> Optional[int]:
    """Where the predicate starts: the first verb that is not part of a body's name ("Ban Tổ
    chức", "các ban xây dựng Đảng", "Ủy ban kiểm tra")."""
    for m in _VERB_RE.finditer(text):
        if m.start() < start:
            continue
        if _NAME_BEFORE.search(text[:m.start()]) or m.group(0)[0].isupper():
            continue
        return m.start()
    return None


def _partners(text: str) -> List[str]:
    m = _PARTNER_IN.search(text)
    if not m:
        return []
    v = m.group("v")
    stop = _first_verb(v)
    cut = v[:stop] if stop else ""
    for sep in (" để ", " trong việc ", " trong ", " nhằm ", ". ", "; "):
        k = cut.find(sep)
        if k > 0:
            cut = cut[:k]
    cut = cut.strip(" ,;.")
    if not cut or len(cut.split()) > 25:
        return []
    return split_units(cut)


def _clean_unit(u: str) -> str:
    u = re.sub(r"^(?:Giao|Đề nghị|Yêu cầu)[\s:]+", "", u.strip(), flags=re.I)
    return u.strip(" .:;,-")


_LEAD_VERBS = re.compile(r"^(?:chủ trì|chủ tham mưu|tham mưu|chịu trách nhiệm|phối hợp|chỉ đạo|chuẩn bị|trình)\b")
_OBJECT_BEFORE = re.compile(r"(?:với|và|của|cho|đến|tới|giữa|tại|theo)\s*$", re.I)


def lead_line(text: str) -> Optional[Tuple[str, str]]:
    """'Ban Xây dựng Đảng chủ trì, phối hợp … trình trong tháng 11/2025' -> (unit, the rest):
    a short line whose subject is a unit and whose predicate says it leads or prepares."""
    if len(text.split()) > 45 or not _UNIT_START.match(text):
        return None
    k = _first_verb(text)
    if not k:
        return None
    unit, rest = text[:k].strip(" ,;:-"), text[k:]
    if not looks_like_unit(unit) or not 2 <= len(unit.split()) <= 16 or not _LEAD_VERBS.match(rest.lower()):
        return None
    return unit, rest


_CAP_UNIT = re.compile(r"(?<=\s)(?=(?:Ban|Phòng|Sở|Ủy ban|Uỷ ban|UBND|Đảng ủy|Đảng uỷ|Văn phòng|Thường trực|"
                       r"Các cơ quan|Trung tâm|Công an|Hội|Mặt trận|MTTQ|Huyện đoàn|Đoàn)\b)")


def split_trailing_lead(text: str) -> Optional[Tuple[str, str, str]]:
    """An item and the line naming its lead run together (PDF text): '1.1. Nghị quyết … 2030 Ban
    Xây dựng Đảng chủ trì, phối hợp tham mưu, trình trong tháng 11/2025' -> (item, unit, rest)."""
    for m in _CAP_UNIT.finditer(text):
        k = m.start()
        if k < 15 or _OBJECT_BEFORE.search(text[:k]):
            continue
        found = lead_line(text[k:])
        if found and re.match(r"^(?:chủ trì|chủ tham mưu|tham mưu|chịu trách nhiệm|phối hợp (?:tham mưu|thực hiện))",
                              found[1]):
            return text[:k].strip(), found[0], found[1]
    return None


def _lead_and_partners(unit: str, rest: str) -> Tuple[List[str], List[str]]:
    """'A, B, C phối hợp tham mưu' names A first and B, C as partners."""
    units = split_units(unit)
    partners = _partners(rest)
    if rest.lower().startswith("phối hợp") and len(units) > 1 and not partners:
        return units[:1], units[1:]
    return units, partners


# an adverbial opening before the subject: "Trên cơ sở Kế hoạch này, các sở, ban, ngành …"
_ADVERBIAL = re.compile(r"^(?:Trên cơ sở|Căn cứ|Để|Nhằm|Trong quá trình|Theo)\b[^,;]{0,100},\s+(?=\S)")


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
    """Split where the next clause names its own unit ("…; Ủy ban nhân dân các xã, phường căn cứ …")."""
    return _split_at(text, lambda _prev, part: split_subject(_ADVERBIAL.sub("", part, count=1))[0] is not None)


_CLOSING = re.compile(r"^(?:Trên đây|Trong quá trình (?:tổ chức )?thực hiện,? nếu|Nơi nhận)", re.I)

_CLAUSE_SPLIT = re.compile(r"(?<=[;.])\s+")
_TIME_LEAD = re.compile(r"^(?:Hằng|Hàng)\s+(?:năm|quý|tháng|tuần)\s*,\s*|^(?:Định kỳ|Thường xuyên)\s*,?\s*", re.I)


def split_clauses(text: str) -> List[str]:
    """Split a duty at ";" and sentence ends where the next clause starts with a verb (its own
    predicate): "Xây dựng kế hoạch …; tuyên truyền, hướng dẫn …" -> two duties. A ";" inside a list
    of units ("phối hợp với Sở X; các cơ quan liên quan …") does not split."""
    def own_predicate(prev: str, part: str) -> bool:
        return len(part.split()) >= 3 and len(prev.split()) >= 3 and bool(_VERB_RE.match(_TIME_LEAD.sub("", part))) \
            and "(" not in prev[prev.rfind(")") + 1:]

    return [o.strip(" ;") for o in _split_at(text, own_predicate) if o.strip(" ;.")]


class DutyReader:
    """Walks the passages in order and emits text tasks."""

    def __init__(self, sections: Dict[str, Section], parent: Dict[str, Optional[str]], next_id) -> None:
        self.sections = sections
        self.parent = parent
        self.next_id = next_id
        self.tasks: List[Task] = []
        self._pending: Optional[Task] = None     # an item waiting for its labelled lines
        self._anchor: Optional[Passage] = None   # last numbered item or heading
        self._prev: Optional[Passage] = None     # last plain passage

    # ------------------------------------------------------------------ context
    def _ancestors(self, sid: Optional[str]):
        while sid:
            yield self.sections[sid]
            sid = self.parent.get(sid)

    def _in_implementation(self, sid: Optional[str]) -> bool:
        return any(_IMPLEMENTATION.search(s.title or "") for s in self._ancestors(sid))

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
            if looks_like_unit(t) and _first_verb(t) is None:
                return t
        return None

    # ------------------------------------------------------------------ walk
    def read(self, passages: List[Passage]) -> List[Task]:
        for p in passages:
            self._passage(p)
        return self.tasks

    def _new(self, p: Passage, lead: List[str], content: str, partners=None, deadline_text=None) -> Task:
        """One task per clause of the duty ("…; tổ chức theo dõi …. Tổng hợp …")."""
        clauses = split_clauses(content) if partners is None and deadline_text is None else [content]
        task = None
        for c in clauses:
            task = self._new_one(p, lead, c, partners, deadline_text)
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
        # labelled lines complete the last numbered item
        for rx, field in ((_LEAD_LABEL, "lead"), (_PARTNER_LABEL, "partners"), (_TIME_LABEL, "deadline")):
            m = rx.match(text)
            if m and p.marker in (None, "-", "+", "•", "–") and self._anchor is not None:
                self._labelled(p, field, m.group("v").strip(" .;"))
                return
        if _OTHER_LABEL.match(text) and self._pending is not None:
            return
        if p.heading or (p.marker and p.marker not in ("-", "+", "•", "–", "*")):
            self._anchor = p
            self._pending = None
        # an item followed by a line naming its lead: "X chủ trì, phối hợp Y … trong tháng 01/2026"
        impl = self._in_implementation(p.section)
        # (a line numbered itself is an item of its own, not the lead of the one before)
        own_number = p.marker is not None and p.marker not in ("-", "+", "•", "–", "*")
        found = lead_line(text) if not impl else None
        if found and own_number:
            unit, rest = found
            lead, partners = _lead_and_partners(unit, rest)
            m = re.match(r"^chủ trì\b\s*,?\s*(.+)$", rest, re.S)
            self._new(p, lead, m.group(1) if m else rest, partners=partners, deadline_text=find_deadline(text) or "")
            self._prev = p
            return
        if found and self._prev is not None:
            unit, rest = found
            target = self._prev
            if not any(t.source == target.source and t.content == target.text for t in self.tasks):
                lead, partners = _lead_and_partners(unit, rest)
                self._new(target, lead, target.text, partners=partners, deadline_text=find_deadline(text) or "")
                self._pending = self.tasks[-1]
            self._prev = None
            return
        trailing = split_trailing_lead(text) if not impl else None
        if trailing:
            item, unit, rest = trailing
            lead, partners = _lead_and_partners(unit, rest)
            self._new(p, lead, item, partners=partners, deadline_text=find_deadline(rest) or "")
            self._pending = self.tasks[-1]
            self._prev = None
            return
        if p.heading:
            self._prev = p
            return
        self._duty(p, text)
        self._prev = p

    def _labelled(self, p: Passage, field: str, value: str) -> None:
        task = self._pending
        if task is None:
            a = self._anchor
            task = Task(id=self.next_id(), origin="text", content=a.text.strip(), section=a.section, source=a.source)
            self.tasks.append(task)
            self._pending = task
        if field == "lead":
            # "Cơ quan thực hiện:" after "Cơ quan chủ trì:" names who carries it out, not the lead
            if task.lead and not re.search(r"chủ\s*trì|phụ trách|chịu trách nhiệm", p.text, re.I):
                return
            task.lead = split_units(value) if value.strip() else []
        elif field == "partners":
            task.partners = split_units(value)
        else:
            task.deadline = parse_deadline(value)

    def _duty(self, p: Passage, text: str) -> None:
        if _CLOSING.match(text):
            return
        impl = self._in_implementation(p.section)
        # "X: nội dung" where X names a unit or an office ("Đề nghị X: …" too)
        m = re.match(r"^(?P<u>[^:]{3,200}?)\s*:\s+(?P<r>\S.*)$", text, re.S)
        if m and looks_like_unit(_clean_unit(m.group("u"))) and (impl or self._unit_heading(p.section)):
            self._new(p, split_units(_clean_unit(m.group("u"))), m.group("r"))
            return
        # "Giao X chủ trì, phối hợp với Y …" / "Đề nghị X …"
        g = _GIAO.match(text)
        if g:
            rest = g.group("rest")
            m = re.match(r"^(?P<u>.+?)\s+chủ trì\b\s*,?\s*(?P<r>.*)$", rest, re.S)
            if m and looks_like_unit(m.group("u")):
                self._new(p, split_units(m.group("u")), m.group("r") or rest, partners=_partners(rest))
                return
            unit, pred = self._unit_and_content(rest)
            if unit:
                self._new(p, split_units(unit), pred)
                return
        if not impl:
            return
        heading_unit = self._unit_heading(p.section)
        last = None
        for part in split_subject_clauses(text):
            body = _ADVERBIAL.sub("", part, count=1)
            unit, pred = self._unit_and_content(body)
            if unit:  # a duty naming its own subject
                self._new(p, split_units(unit), pred)
                last = unit
            elif last or heading_unit:
                self._new(p, split_units(last or heading_unit), part)

    def _unit_and_content(self, text: str) -> Tuple[Optional[str], str]:
        subj, pred = split_subject(text)
        if subj:
            m = re.match(r"^chủ trì\b\s*,?\s*(.*)$", pred, re.S)
            return subj, (m.group(1) if m and m.group(1) else pred)
        return None, text


def extract_duties(passages: List[Passage], sections: Dict[str, Section], parent: Dict[str, Optional[str]],
                   next_id) -> List[Task]:
    return DutyReader(sections, parent, next_id).read(passages)
