"""Unit phrases as subjects: where the name of a unit ends and its predicate begins.

Reads one sentence or clause; writes (unit phrase, predicate). A unit phrase is a head word ("Sở",
"Ban", "Ủy ban", "Các cơ quan", "Đồng chí", an abbreviation of the registry …) plus what follows it
up to the predicate. The predicate is recognised by the shape of the words, not by a closed list of
duties:

- a predicate word: a verb that never names a body ("chủ trì", "căn cứ", "phối hợp", "có trách
  nhiệm" …), a modal or an adverb of manner ("sẽ", "cần", "trực tiếp", "chủ động", "khẩn trương"),
  a passive or an adverbial tail ("được giao …", "theo chức năng, nhiệm vụ …") ends the unit;
- a verb that also names bodies ("tổ chức", "kiểm tra", "chỉ đạo", "thông tin", "công tác" …) is part
  of the name right after a body word ("Ban Tổ chức", "Đoàn kiểm tra", "các tổ chức chính trị - xã
  hội", "Trung tâm Thông tin", "Tổ công tác liên ngành"), and the predicate after anything else
  ("UBND xã tổ chức …", "Ban Chỉ đạo huyện kiểm tra …");
- any other verb of the lexicon ends the unit after a word that completes a name;
- a word written with a capital inside a sentence belongs to the name ("Ban Tuyên giáo").

Case does not decide where a head word is: "giao phòng Kinh tế …", "giao ủy ban nhân dân xã …"
(legacy encodings cannot carry capital toned letters).
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

import regex

from .units import HEAD_WORDS, UNIT_HEAD, registry

_W = r"\w"

# verbs and words that never continue the name of a body: the predicate starts with them
PREDICATE_WORDS = (
    "chủ trì", "phối hợp", "phối kết hợp", "căn cứ", "có trách nhiệm", "chịu trách nhiệm", "chủ động",
    "tham mưu", "chủ tham mưu", "khẩn trương", "tích cực", "sẽ", "cần", "phải", "trực tiếp", "được",
    "tiếp tục", "thường xuyên", "định kỳ", "hằng năm", "hàng năm", "là", "làm đầu mối", "nghiên cứu",
    "bám sát", "tăng cường", "đẩy mạnh", "triển khai", "thực hiện", "ban hành", "rà soát", "đôn đốc",
    "bố trí", "đảm bảo", "bảo đảm", "quán triệt", "đề xuất", "cụ thể hóa", "cụ thể hoá", "duy trì",
    "phát huy", "quan tâm", "tập trung", "trình", "cung cấp", "hỗ trợ", "báo cáo", "thẩm định", "xử lý",
    "nắm", "tổng hợp", "chuẩn bị", "phát động", "biên soạn", "cử", "tạo điều kiện", "nâng cao", "đổi mới",
    "phổ biến", "gửi", "ưu tiên", "huy động", "lồng ghép", "định hướng", "mở", "phát triển", "tập huấn",
    "phân công", "đánh giá", "tiếp nhận", "sơ kết", "tổng kết", "thành lập", "kiện toàn", "điều chỉnh",
    "bổ sung", "cập nhật", "làm", "tuân thủ", "giải quyết", "theo dõi", "hướng dẫn", "tham gia", "tham dự",
    "mời", "đưa", "lựa chọn", "giúp", "phân bổ", "ký", "nộp", "hoàn thành", "hoàn thiện", "phát hành", "đăng",
    "vận hành", "sử dụng", "ứng dụng", "nhận", "lập", "đề nghị", "yêu cầu", "giao", "chỉ đạo", "kiểm tra",
    "giám sát", "tổ chức", "quản lý", "tuyên truyền", "vận động", "xây dựng", "lãnh đạo", "thông tin",
    "điều hành", "thống nhất", "chú trọng", "nêu cao", "đề cao", "coi trọng", "phấn đấu", "quyết liệt",
    "nghiêm túc", "kịp thời", "gương mẫu", "thường xuyên", "thường trực tham mưu", "xét", "ra quân", "niêm yết", "công bố", "công khai", "khảo sát", "trao đổi", "chấp hành", "thẩm tra", "rút kinh nghiệm",
    "theo chức năng", "theo nhiệm vụ", "theo lĩnh vực", "theo thẩm quyền", "theo phạm vi", "trong phạm vi",
    "trên cơ sở", "căn cứ vào",
)
# verbs that also name bodies: part of the name right after a body word
NAME_VERBS = (
    "tổ chức", "kiểm tra", "chỉ đạo", "chỉ huy", "quản lý", "thông tin", "xây dựng", "vận động",
    "tuyên truyền", "giám sát", "thường trực", "điều hành", "thanh tra", "công tác", "phụ trách",
    "kiểm phiếu", "lãnh đạo", "tham mưu", "giúp việc", "bầu cử", "tiếp công dân", "hướng dẫn",
    "thẩm định", "tuyên giáo", "dân vận", "chấp hành", "thường vụ", "điều phối", "phát triển",
    "đào tạo", "thi đua", "giám định", "kiểm soát", "thực hiện", "đăng ký",
)
# words after which such a verb is a noun: heads, body words, groups
_BODY_WORDS = (
    "ban", "tiểu ban", "ủy ban", "uỷ ban", "phòng", "sở", "tổ", "đội", "nhóm", "đoàn", "hội đồng",
    "trung tâm", "văn phòng", "cơ quan", "bộ phận", "lực lượng", "cán bộ", "công chức",
    "chuyên viên", "viên chức", "các", "những", "lĩnh vực", "hội", "thành viên", "cục", "chi cục",
    "tổ chức", "người", "đồng chí", "đ/c", "tổ công tác", "cơ sở", "viện", "trạm", "bộ máy",
)
# a person or an office: "phụ trách …" after it is part of the designation
_PERSON_HEAD = re.compile(r"^\s*(?:các\s+|những\s+)?(?:đồng chí|đ/c|cán bộ|công chức|chuyên viên|lãnh đạo|ủy viên|uỷ viên|"
                          r"tổng phụ trách|giáo viên|"
                          r"thành viên|phó|chủ tịch|bí thư|trưởng|giám đốc|người)\b", re.I)
# place words that end a name when a lower-case word other than a link follows ("Ủy ban bầu cử xã | niêm yết")
_PLACE_END = regex.compile(r"(?<!\w)(?:xã|phường|thị trấn|huyện|tỉnh|thành phố|thị xã|quận|thôn|bản|ấp|"
                           r"khu phố|tổ dân phố|đặc khu)(?:\s+(?:[\p{Lu}0-9][\w-]*))*(?=\s+(?P<next>\p{Ll}\w*))")
_LINKS = frozenset({"và", "của", "thuộc", "trực", "các", "có", "liên", "trên", "nơi", "về", "tại", "cấp", "khu",
                    "đặc", "thị", "phường", "xã", "huyện", "tỉnh", "những", "với", "cùng", "hoặc", "biên", "vùng",
                    "miền", "trong", "ngoài", "đã", "mới", "giáp", "thành", "quận", "thôn", "bản", "hội",
                    "nông", "đoàn", "đội", "đảo", "lộ", "nhà", "ủy", "uỷ"})
_PRED_RE = re.compile(
    r"(?<!" + _W + r")(?:" + "|".join(sorted(map(re.escape, set(PREDICATE_WORDS) | set(NAME_VERBS)), key=len,
                                             reverse=True)) + r")(?!" + _W + r")", re.I)
_NAME_VERB_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, NAME_VERBS), key=len, reverse=True)) + r")(?!" + _W + r")", re.I)
_BODY_BEFORE = re.compile(
    r"(?:^|[\s,])(?:" + "|".join(sorted(map(re.escape, _BODY_WORDS), key=len, reverse=True)) + r")\s*$", re.I)
# "tổ chức" followed by the words that make it a body ("tổ chức chính trị - xã hội", "tổ chức thành viên")
_ORG_NOUN = re.compile(r"tổ chức\s+(?:chính trị|xã hội|thành viên|đảng|cơ sở|đoàn thể|hội|kinh tế|tín dụng|"
                       r"liên quan|có liên quan|trực thuộc|và cá nhân|cá nhân|quần chúng|tôn giáo|"
                       r"nghề nghiệp|phi chính phủ)", re.I)
_BARE_HEAD = re.compile(r"(?:" + "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True)) + r")", re.I)
UNIT_START_ANY_CASE = re.compile(r"^\s*" + UNIT_HEAD, re.I)


# a body word that is part of a finished name or a level, not the head of a body: "Huyện đoàn",
# "Tỉnh đoàn", "trung học cơ sở", "y tế cơ sở", "cấp cơ sở" (a verb after it starts the predicate)
# "cơ sở" after any word but a group word is the level of the body before it ("các đảng ủy cơ sở",
# "Hội Nông dân cơ sở"), not the head of a new one ("các cơ sở giáo dục")
_QUALIFIED_BODY = re.compile(r"(?<!\w)(?:(?:huyện|tỉnh|thành|quận|xã)\s+đoàn|(?<!các )(?<!những )(?<!mỗi )(?<!từng )"
                             r"(?<=\w )cơ sở)\s*$", re.I)
# words after which "thông tin" is a noun of the name: "công nghệ thông tin", "an toàn thông tin"
_INFO_NOUN_BEFORE = re.compile(r"(?<!\w)(?:công nghệ|hệ thống|an toàn|an ninh)\s*$", re.I)
# verb pairs that only name bodies
_FIXED_NAME = re.compile(r"tham mưu\s*,?\s*giúp việc\b", re.I)
# a relative clause that names which units: "(Các cơ quan) được giao nhiệm vụ trong Kế hoạch (gửi …)"
_RELATIVE = re.compile(r"được\s+giao(?:\s+(?:nhiệm vụ|chủ trì|thực hiện))?\s+(?:trong|tại)\s+(?:[^,;.]{0,60}?)"
                       r"(?=\s+(?:gửi|báo cáo|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|chủ động|căn cứ)\b)",
                       re.I)


# predicate words that name no body even when written with a capital ("MTTQ Phối hợp với …", "Công an
# xã Chủ trì …"); others may ("Ban Tham mưu", "Bộ phận Tiếp nhận và Trả kết quả", "Quỹ Hỗ trợ nông dân")
_NEVER_NAMES = frozenset({"chủ trì", "phối hợp", "phối kết hợp", "căn cứ", "căn cứ vào", "có trách nhiệm",
                          "chịu trách nhiệm", "chủ động", "khẩn trương", "tích cực", "tiếp tục", "sẽ", "cần",
                          "phải", "được", "là", "làm đầu mối"})


# nouns whose second word is a verb of the lexicon: the verb does not start a predicate there
_NOUN_COMPOUNDS = frozenset({"thư ký", "chữ ký", "chương trình", "công trình", "quy trình", "lộ trình", "tờ trình",
                             "hành trình", "việc làm", "cử tri", "độc lập", "thành lập", "bàn giao", "cởi mở",
                             "tiếp nhận", "văn thư"})


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def predicate_start(text: str, *, after: int = 1) -> Optional[int]:
    """Where the predicate begins in a clause that opens with a unit phrase, or None."""
    k = _lexical_start(text, after)
    # a place word closes the name before a lower-case word that links nothing, even when a verb of
    # the lexicon comes later: "Phòng Kinh tế xã nâng cấp trang thông tin …"
    for m in _PLACE_END.finditer(text):
        if k is not None and m.start("next") >= k:
            break
        if m.start() >= after and m.group("next").lower() not in _LINKS and not _cooperative_name_goes_on(text, m) \
                and text[:m.start()].count("(") <= text[:m.start()].count(")"):
            return m.start("next")
    return k


def _cooperative_name_goes_on(text: str, m) -> bool:
    """"Hợp tác xã" is no place: its name is a proper name ("Hợp tác xã Hòa Bình | sắp xếp …") or a
    name of the trade ("Hợp tác xã Nông nghiệp Đồng Tâm"), which goes on after one capitalised word."""
    if not re.search(r"hợp tác\s+$", text[:m.start()], re.I):
        return False
    return len(m.group(0).split()) < 3                 # "xã" and fewer than two capitalised words


def _verb_follows(text: str, k: int) -> bool:
    """Does a verb that never names a body come right after position k ("phụ trách | theo dõi …")?"""
    m = _PRED_RE.match(text, len(text) - len(text[k:].lstrip()))
    return bool(m) and not _NAME_VERB_RE.fullmatch(m.group(0))


def _lexical_start(text: str, after: int) -> Optional[int]:
    all_caps = not any(c.islower() for c in text)
    person = bool(_PERSON_HEAD.match(text))
    skip_to = 0
    for m in _PRED_RE.finditer(text):
        k = m.start()
        if k < after or k < skip_to:
            continue
        fixed = _FIXED_NAME.match(text, k)
        if fixed:                                      # "(các cơ quan) tham mưu, giúp việc (Đảng ủy)"
            skip_to = fixed.end()
            continue
        rel = _RELATIVE.match(text, k)
        if rel:                                        # "Các đơn vị được giao nhiệm vụ tại Phụ lục gửi …"
            skip_to = rel.end()
            continue
        word = m.group(0)
        left = text[:k]
        if not left.strip():
            continue
        if left.count("(") > left.count(")"):
            continue                                   # "Tổ công tác số 1 (do đồng chí … làm Tổ trưởng) kiểm tra …"
        before = left.split()[-1].lower() if left.split() else ""
        if f"{before} {word.split()[0].lower()}" in _NOUN_COMPOUNDS:
            continue                                   # "Thư ký", "Chương trình", "việc làm": a noun
        if _capitalised(word) and not all_caps and word.lower() not in _NEVER_NAMES:
            continue                                   # "Ban Tổ chức", "Trung tâm Thông tin"
        if word.lower() == "thông tin" and _INFO_NOUN_BEFORE.search(left):
            continue                                   # "Tổ Công nghệ thông tin", "Đội An toàn thông tin"
        if word.lower() == "phụ trách" and person and not _verb_follows(text, m.end()):
            continue                                   # "Cán bộ phụ trách lĩnh vực …" (not "… phụ trách theo dõi …")
        if person and _NAME_VERB_RE.fullmatch(word) and re.search(r"phụ trách\s*$", left, re.I) \
                and word.lower() != "thực hiện" and re.match(r"\s+\w", text[m.end():]):
            continue                                   # "Phó Hiệu trưởng phụ trách công tác học sinh": its field
        prev = re.search(r"(?:" + _NAME_VERB_RE.pattern + r"),\s*$", left, re.I)
        if _NAME_VERB_RE.fullmatch(word) and prev and _BODY_BEFORE.search(left[:prev.start()]):
            continue                                   # "cơ quan tham mưu, giúp việc"
        if (_NAME_VERB_RE.fullmatch(word) and _BODY_BEFORE.search(left) and not re.search(r"xã hội\s*$", left, re.I)
                and not _QUALIFIED_BODY.search(left)):
            if word.lower() != "tổ chức" or _ORG_NOUN.match(text, k) or re.search(r"(?:các|những)\s*$", left, re.I):
                continue                               # "Đoàn kiểm tra", "các tổ chức"
        if word.lower() == "tổ chức" and _ORG_NOUN.match(text, k) and re.search(r",\s*$", left):
            continue                                   # "Các hội, tổ chức xã hội nghề nghiệp"
        return k
    return None


# a clause between the subject and its verb: "Sở X, trên cơ sở …, chủ trì …"
_INSERTED_START = re.compile(r",\s*(?:trên cơ sở|căn cứ|theo|trong phạm vi|tùy theo|tuỳ theo|với (?:vai trò|tư cách|chức năng)|"
                             r"là cơ quan|trong quá trình)(?!\w)", re.I)


def split_subject(text: str, *, any_case: bool = False) -> Tuple[Optional[str], str]:
    """'Các chi, đảng bộ trực thuộc căn cứ Kế hoạch …' -> ('Các chi, đảng bộ trực thuộc', 'căn cứ …').
    (None, text) when the clause does not open with a unit phrase. `any_case` accepts a head word
    in lower case (after "Giao", "Đề nghị")."""
    if not starts_unit(text, any_case):
        return None, text
    k = predicate_start(text)
    if not k:
        return None, text
    colon = text.find(":", 0, k)
    if colon > 0:                                      # "X: Chủ trì, phối hợp …": the name ends at the colon
        k = colon + 1
    subj = text[:k].strip(" ,:;")
    m = _INSERTED_START.search(subj)
    if m and not _looks_unit(subj[:m.start()], any_case):
        m = None
    if m:                                              # "Sở X, trên cơ sở …, chủ trì" -> "Sở X"
        close = text.find(",", m.end(), k)
        if close > 0 and _PRED_RE.match(text[close + 1:].lstrip()):
            k = len(text) - len(text[close + 1:].lstrip())   # the predicate right after the inserted clause
        subj = subj[:m.start()].strip(" ,")
    if not _looks_unit(subj, any_case) or len(subj.split()) < 2 and not re.fullmatch(r"[A-ZĐ]{2,}\w*", subj):
        return None, text
    if _BARE_HEAD.fullmatch(subj) and not subj.isupper():
        return None, text                              # "Lãnh đạo, chỉ đạo …": a verb phrase, no unit
    return subj, text[k:].strip()


def starts_unit(text: str, any_case: bool = False) -> bool:
    """Does the text open with a head word, or with an abbreviation of the registry that stands for
    a body ("HTX Tân Tiến", "BQL dự án")?"""
    if (UNIT_START_ANY_CASE if any_case else _UNIT_START).match(text):
        return True
    m = re.match(r"\s*([A-ZĐ][A-ZĐ&\-]+)(?!\w)", text)
    return bool(m) and bool(_UNIT_START.match(registry().get(m.group(1), "")))


def _looks_unit(text: str, any_case: bool) -> bool:
    t = text.strip(" .:;-")
    return bool(t) and len(t.split()) <= 30 and starts_unit(t, any_case)


_UNIT_START = re.compile(r"^\s*" + UNIT_HEAD)


def cut_units(text: str) -> str:
    """A list of units followed by what they do ("các tổ chức chính trị - xã hội, tổ chức thành viên
    của Mặt trận triển khai …") -> the list alone; the whole text when no predicate follows."""
    k = predicate_start(text, after=1)
    return text[:k].strip(" ,;.") if k else text.strip(" ,;.")


def split_list(text: str) -> List[str]:
    """Units of a partner list cut at its predicate, only those that read as units."""
    from .units import split_units
    return [u for u in split_units(cut_units(text)) if _looks_unit(u, True)]
