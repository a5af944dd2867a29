"""Document header and signature block.

Reads the reader's blocks (`Paragraph`, `Table`) and writes a `HeaderResult`: the `Document`
(doc type, number and symbol, place and date, issuer and parent issuer, title, signer,
recipients, cited documents) and the block indices that bound the plan's body:

    blocks[:body_start]          letterhead, doc type line, title
    blocks[body_start:body_end]  the body (preamble, numbered outline)
    blocks[body_end:tail_start]  the closing part: "Nơi nhận" list and the signer
    blocks[tail_start:tail_end]  what follows the signature (appendices: "PHỤ LỤC" and tables)
    blocks[tail_end:]            a web page's own text after the document (the page title
                                 repeated, "## Văn bản liên quan", notices): not the document

The letterhead is found by its content (doc type line near a "Số …" line, a "…, ngày … tháng …
năm …" line or the national motto), not by its position, so site text before it does no harm.
Letterhead parts may come as paragraphs in any order, as cells of a 2-column table, or as PDF
lines where the two columns run together ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date as _date
from typing import List, NamedTuple, Optional

from .model import CitedDocument, Document, Finding, Paragraph, Signer, Source, Table

__all__ = ["HeaderResult", "extract_header", "parse_date", "parse_number", "body_case"]


@dataclass
class HeaderResult:
    document: Document
    body_start: int = 0
    body_end: int = 0
    tail_start: int = 0
    tail_end: Optional[int] = None
    findings: list = field(default_factory=list)


# --------------------------------------------------------------------------- vocabulary
_I = re.IGNORECASE
_UY = r"(?:ỦY|UỶ)"
# Motto lines of the right column. A PDF line may hold only the start of it ("… VIỆT").
_MOTTO_RE = re.compile(
    r"C[ỘO]NG\s+H(?:ÒA|OÀ)\s+XÃ\s+H[ỘO]I\s+CH[ỦU](?:\s+NGH[ĨI]A(?:\s+VI[ỆE]T(?P<nam1>\s+NAM)?)?)?"
    r"|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N(?:\s+VI[ỆE]T(?P<nam2>\s+NAM)?)?"
    r"|Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc",
    _I)
# The Youth Union's name stands in the right column of its documents, as the Party's does: after
# the number line it is no issuer ("Số 05-KH/ĐTN" / "ĐOÀN TNCS HỒ CHÍ MINH").
# The national mass organisations do the same with their national name ("HỘI NÔNG DÂN VIỆT NAM",
# "HỘI CỰU CHIẾN BINH VIỆT NAM", "CÔNG ĐOÀN VIỆT NAM"): a name ending in "VIỆT NAM" with no level word.
_UNION_MOTTO = re.compile(r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH"
                          r"|(?:HỘI|TỔNG\s+LIÊN\s+ĐOÀN|CÔNG\s+ĐOÀN|LIÊN\s+MINH)\s+(?:(?!TỈNH|HUYỆN|XÃ|PHƯỜNG|THÀNH|"
                          r"QUẬN|THỊ|CƠ\s+SỞ)[^\W\d]+\s+){0,6}VIỆT\s+NAM", _I)
_ORPHAN_NAM = re.compile(r"\s*\bNAM\s*$")

# Document types: the capitals line under the letterhead, in title case.
_DOC_TYPES = ("KẾ HOẠCH", "CHƯƠNG TRÌNH", "BÁO CÁO", "QUYẾT ĐỊNH", "HƯỚNG DẪN", "ĐỀ ÁN",
              "THÔNG BÁO", "NGHỊ QUYẾT", "CHỈ THỊ", "KẾT LUẬN", "TỜ TRÌNH", "QUY CHẾ", "QUY ĐỊNH",
              "PHƯƠNG ÁN", "DỰ ÁN", "CÔNG VĂN", "THÔNG TRI", "ĐIỀU LỆ", "QUY TRÌNH", "CÔNG ĐIỆN",
              "BIÊN BẢN", "THƯ", "LỜI KÊU GỌI", "NGHỊ ĐỊNH", "THÔNG TƯ", "LỊCH CÔNG TÁC")
_DOC_TYPE_RE = re.compile(r"^(?P<type>" + "|".join(sorted(_DOC_TYPES, key=len, reverse=True)) + r")\b\s*(?P<rest>.*)$", _I | re.S)
# Words that qualify the type rather than start the title: "CHƯƠNG TRÌNH HÀNH ĐỘNG".
_TYPE_QUALIFIER = re.compile(r"^(?:HÀNH\s+ĐỘNG|LIÊN\s+TỊCH|LIÊN\s+NGÀNH|PHỐI\s+HỢP)\b\s*", _I)
# Type from the symbol when the type line is missing ("45/KH-UBND" -> Kế hoạch).
_SYMBOL_TYPES = {"KH": "Kế hoạch", "CTR": "Chương trình", "BC": "Báo cáo", "QĐ": "Quyết định",
                 "HD": "Hướng dẫn", "ĐA": "Đề án", "TB": "Thông báo", "NQ": "Nghị quyết",
                 "CT": "Chỉ thị", "KL": "Kết luận", "TTR": "Tờ trình", "QC": "Quy chế",
                 "PA": "Phương án", "CV": "Công văn"}

# Administrative levels: the words after them are a place name.
_LEVEL = r"(?:TỈNH|HUYỆN|XÃ|PHƯỜNG|THỊ\s+TRẤN|THÀNH\s+PHỐ|TP\.?|QUẬN|THỊ\s+XÃ|ĐẶC\s+KHU|THÔN|BẢN|TỔ\s+DÂN\s+PHỐ)"
# A level word followed by ỦY/ĐOÀN/HỘI is itself a body: "HUYỆN ỦY", "TỈNH ĐOÀN".
_LEVEL_BODY = rf"(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ|XÃ|PHƯỜNG|ĐẢNG)\s+(?:{_UY}|ĐOÀN|HỘI)"
_ADMIN_LINE = re.compile(rf"^{_LEVEL}\s+(?!{_UY}\b|ĐOÀN\b|HỘI\b)\S", _I)
# Words that start the name of a body (an issuer line).
_BODY_HEAD = (rf"{_LEVEL_BODY}|{_UY}\s+BAN|UBND|HĐND|UBMTTQ|MTTQ|HỘI\s+ĐỒNG|ĐẢNG\s+BỘ|CHI\s+BỘ|ĐẢNG\s+ĐOÀN"
              r"|BAN|SỞ|BỘ|PHÒNG|CỤC|CHI\s+CỤC|TỔNG\s+CỤC|VĂN\s+PHÒNG|TRUNG\s+TÂM|MẶT\s+TRẬN|ĐOÀN|HỘI"
              r"|LIÊN\s+ĐOÀN|LIÊN\s+MINH|CÔNG\s+ĐOÀN|CÔNG\s+AN|BỘ\s+CHỈ\s+HUY|BCH|TRƯỜNG|VIỆN|TÒA\s+ÁN|TOÀ\s+ÁN"
              r"|THANH\s+TRA|KHO\s+BẠC|BẢO\s+HIỂM|CHI\s+NHÁNH|THƯỜNG\s+TRỰC|CÔNG\s+TY|TẬP\s+ĐOÀN"
              r"|HỢP\s+TÁC\s+XÃ|BAN\s+CHỈ\s+ĐẠO|CHÍNH\s+PHỦ|QUỐC\s+HỘI|BỘ\s+CHỈ\s+HUY|ĐỒN|HẠT|ĐÀI|BÁO")
_BODY_HEAD_RE = re.compile(rf"(?<![\w])(?:{_BODY_HEAD})(?![\w])", _I)
_HAS_PLACE = re.compile(rf"(?<![\w])(?:{_LEVEL}|{_LEVEL_BODY})\s+\S", _I)
# Standing organs of a body: "BAN THƯỜNG TRỰC" under "ỦY BAN MTTQ … XÃ …" is one issuer.
_ORGAN_RE = re.compile(r"^(?:BAN\s+THƯỜNG\s+TRỰC|BAN\s+THƯỜNG\s+VỤ|THƯỜNG\s+TRỰC|BAN\s+CHẤP\s+HÀNH|BCH"
                       r"|BAN\s+CHỈ\s+ĐẠO|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ\s+ĐẢNG|ĐOÀN\s+CHỦ\s+TỊCH)$", _I)

# Signature block.
_RECIPIENTS_RE = re.compile(r"^\W{0,3}(?:Nơi\s+nhận|NƠI\s+NHẬN)\s*[:.]?\s*", _I)
_AUTHORITY_RE = re.compile(r"(?:(?<=\s)|^)(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|UQ\.|Q\.|THAY\s+MẶT|KÝ\s+THAY|THỪA\s+LỆNH"
                           r"|THỪA\s+ỦY\s+QUYỀN|THỪA\s+UỶ\s+QUYỀN)(?=\s)", _I)
_AUTHORITY_START = re.compile(r"^(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|UQ\.|Q\.|THAY\s+MẶT|KÝ\s+THAY|THỪA\s+LỆNH"
                              r"|THỪA\s+ỦY\s+QUYỀN|THỪA\s+UỶ\s+QUYỀN)\s+\S")
# Titles of office (a closed class of words, used to split capital lines joined by a reader).
_OFFICE = (r"(?:(?:PHÓ|Q\.|QUYỀN)\s+)?(?:CHỦ\s+TỊCH|THỦ\s+TƯỚNG|BÍ\s+THƯ|(?:TỔNG\s+)?GIÁM\s+ĐỐC|CHỦ\s+NHIỆM|CHÁNH\s+VĂN\s+PHÒNG"
           r"|CHÁNH\s+THANH\s+TRA|CHÁNH\s+ÁN|TRƯỞNG\s+(?!TRƯỞNG\b)[^\W\d_]+|(?:CHI\s+CỤC|TỔNG\s+CỤC|(?!TRƯỞNG\b)[^\W\d_]+)\s+TRƯỞNG"
           r"|CHÍNH\s+ỦY"
           r"|CHÍNH\s+UỶ|TƯ\s+LỆNH|TỔNG\s+BIÊN\s+TẬP|ỦY\s+VIÊN|UỶ\s+VIÊN|CHỦ\s+TỊCH\s+HỘI\s+ĐỒNG)"
           r"(?:\s+THƯỜNG\s+TRỰC)?")
_OFFICE_RE = re.compile(rf"^{_OFFICE}$", _I)
# a second title of office under the first ("TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND TỈNH"): no name
_OFFICE_START_RE = re.compile(rf"^{_OFFICE}\s", _I)
_SIGNED_RE = re.compile(r"^\(?\s*(?:ký\s+bởi\s*:?|đã\s+ký(?:\s+và\s+đóng\s+dấu)?|ký(?:\s+tên)?(?:,\s*[^)]*)?|chữ\s+ký[^)]*|ký\s+bởi\s*:?)\s*\)?\s*[:.]?\s*", _I)
_STAMP_RE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\s+\d{1,2}:\d{2}|^(?:Cơ\s+quan\s*:|Thời\s+gian\s+ký|Email\s*:)", _I)
_BULLET = re.compile(r"^\s*[-+•●▪◦*–—]\s*")

# Numbers and dates.
# "S ố:" too: a shape anchored inside the word (the rule under the issuer) splits it in HTML and PDF text
_NUMBER_LINE = re.compile(r"(?:^|(?<=\s))(?:S ?ố|S ?Ố)\s*[:.]?(?=\s|[\d/\-–.…_]|$)")
_NUMBER_TEXT = re.compile(
    r"^[\s:.…_·]*(?P<num>\d+[a-zA-Z]?(?:\s*[/.]\s*\d{4})?)?[\s.…_·]*(?P<sep>\s*[/\-–]\s*)?"
    r"(?P<sym>[^\W\d_][\w&.]*(?:\s*[/\-–]\s*[^\W_][\w&.]*)*)")
_SP = r"[\s.…_,]*"
_DATE_WORDS = re.compile(rf"ngày{_SP}(?P<d>\d{{1,2}})?{_SP}tháng{_SP}(?P<m>\d{{1,2}})?{_SP}năm{_SP}(?P<y>\d{{4}})", _I)
_DATE_NUMERIC = re.compile(r"ngày\s*(?P<d>\d{1,2})?\s*(?P<s>[/.\-])\s*(?P<m>\d{1,2})?\s*(?P=s)\s*(?P<y>\d{4})", _I)

# Preamble and cited documents.
_PREAMBLE_START = re.compile(r"^(?:[-+•]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Theo|Trên\s+cơ\s+sở|Thi\s+hành|Xét|Triển\s+khai"
                             r"|Để|Nhằm|Tiếp\s+tục|Hưởng\s+ứng)\b", _I)
_CITE_HEAD = re.compile(r"^(?:[-+•]\s*)?(?:Căn\s+cứ|Thực\s+hiện|Theo|Trên\s+cơ\s+sở|Thi\s+hành|Triển\s+khai)\s+", _I)
_CITE_KIND = re.compile(
    r"(?<![\w])(?:Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh|Nghị\s+quyết(?:\s+liên\s+tịch)?|Nghị\s+định|Quyết\s+định"
    r"|Chỉ\s+thị|Kết\s+luận|Kế\s+hoạch|Chương\s+trình(?:\s+hành\s+động)?|Thông\s+tư(?:\s+liên\s+tịch)?|Công\s+văn"
    r"|Văn\s+bản|Hướng\s+dẫn|Quy\s+định|Quy\s+chế|Thông\s+báo(?:\s+kết\s+luận)?|Đề\s+án|Điều\s+lệ|Tờ\s+trình"
    r"|Báo\s+cáo|Công\s+điện|Thông\s+tri)(?![\w])")
_CITE_NUMBER = re.compile(r"^[^;:]{0,120}?(?:số\s*:?\s*)?(?P<num>\d{1,5}[a-z]?(?:/\d{4})?[/\-](?:[A-ZĐ][\wĐđ&]*)(?:[/\-][\wĐđ&]+)*)")
_CITE_ISSUER = re.compile(r"^\s*,?\s*(?:của|do)\s+(?P<who>.+?)(?=\s+(?:về|v/v|thực\s+hiện|ban\s+hành|phê\s+duyệt|sửa\s+đổi"
                          r"|quy\s+định|hướng\s+dẫn|triển\s+khai|tiếp\s+tục|đến\s+năm|giai\s+đoạn|tại|đối\s+với)\b"
                          r"|\s+và\s+(?:các\s+)?(?:Luật|Nghị|Quyết|Chỉ|Kết|Kế|Chương|Thông|Công|Văn|Hướng|Quy|Đề|Điều|Tờ|Báo)\b"
                          r"|[,;:(\"“”]|\s+-\s|\.\s|\.$|$)")
_HEADING_START = re.compile(r"^(?:[IVXLC]+\s*[.\-–)]|\d{1,2}(?:\.\d{1,2})*\s*[.\-–)]|[A-Z]\s*[.\-–)]|PHẦN\s|Phần\s|MỤC\s|Điều\s+\d)\s*")

# Casing of body names.
_ABBREV_OK = re.compile(r"^(?:[bcdđghklmnpqrstvx]|ch|gh|gi|kh|ng|ngh|nh|ph|qu|th|tr)?"
                        r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]+"
                        r"(?:ch|ng|nh|[cmnpt])?$")
# a vowel with a Vietnamese mark: a word of a name ("ĐẮK", "KRÔNG"), never an abbreviation (UBND, HĐND)
_MARKED_VOWEL = re.compile("[ăâêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]")
_PROPER = {("việt", "nam"): "Việt Nam", ("tổ", "quốc"): "Tổ quốc", ("hồ", "chí", "minh"): "Hồ Chí Minh",
           ("cộng", "sản"): "Cộng sản", ("trung", "ương"): "Trung ương", ("quốc", "hội"): "Quốc hội",
           ("chính", "phủ"): "Chính phủ", ("công", "thương"): "Công Thương", ("hội", "đồng"): "Hội đồng",
           ("đoàn", "tncs"): "Đoàn TNCS", ("đoàn", "thanh", "niên"): "Đoàn Thanh niên", ("phụ", "nữ"): "Phụ nữ"}
_TYPE_WORDS = {"ban", "sở", "bộ", "phòng", "cục", "vụ", "viện", "trường", "hội", "đoàn", "văn phòng",
               "trung tâm", "ủy ban", "uỷ ban", "chi cục", "tổng cục", "liên đoàn", "mặt trận", "công an"}
_LEVEL_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "tp", "tp.", "thôn", "bản"}
_LEVEL_PAIRS = {("thị", "trấn"), ("thành", "phố"), ("thị", "xã"), ("đặc", "khu"), ("tổ", "dân")}
_BODY_SUFFIX = {"ủy", "uỷ", "đoàn", "hội"}
_SCHOOL_LEVEL = re.compile(r"trường (?:tiểu học|mầm non|trung học cơ sở|trung học phổ thông|thcs|thpt|"
                           r"tiểu học và trung học cơ sở|phổ thông dân tộc (?:nội trú|bán trú))$")


def _nfc(s: Optional[str]) -> Optional[str]:
    return unicodedata.normalize("NFC", s) if s is not None else None


def _ws(s: str) -> str:
    """NFC, one space between words."""
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip())


def _is_caps(s: str) -> bool:
    letters = re.sub(r"[\W\d_]", "", s)
    return len(letters) >= 2 and letters.isupper()


# --------------------------------------------------------------------------- small parsers
def parse_date(text: str) -> tuple:
    """A Vietnamese date -> (iso, matched text). "ngày 05 tháng 3 năm 2024" -> "2024-03-05";
    a blank day -> "YYYY-MM"; blank day and month -> "YYYY"; "ngày 1/3/2024" too. (None, None)
    when there is no date."""
    m = _DATE_WORDS.search(text) or _DATE_NUMERIC.search(text)
    if not m:
        return None, None
    return _iso(m.group("y"), m.group("m"), m.group("d")), m.group(0)


def _iso(y: str, m: Optional[str], d: Optional[str]) -> Optional[str]:
    year = int(y)
    if not 1900 <= year <= 2200:
        return None
    if not m or not 1 <= int(m) <= 12:
        return f"{year:04d}"
    month = int(m)
    if d:
        try:
            return _date(year, month, int(d)).isoformat()
        except ValueError:
            pass
    return f"{year:04d}-{month:02d}"


def parse_number(text: str) -> tuple:
    """The text after "Số" -> (number or None when blank, symbol, characters read).
    "45/KH-UBND" -> ("45/KH-UBND", "KH-UBND"); "28-KH/ĐU" -> ("28-KH/ĐU", "KH/ĐU");
    "12/2024/QĐ-UBND" -> (…, "QĐ-UBND"); " /KH-UBND" and "  -CTr/ĐU" -> (None, symbol).
    Spaces around the separators are dropped ("45 / KH - UBND")."""
    m = _NUMBER_TEXT.match(text)
    if not m or not re.search(r"[A-ZĐ]", m.group("sym")) or not re.search(r"[/\-–]", m.group("sym")):
        return None, None, 0  # a symbol always has a separator: "KH-UBND", "KH/HU"
    sym = re.sub(r"\s+", "", m.group("sym")).replace("–", "-").rstrip(".,;-/")
    num = m.group("num")
    number = None
    if num:
        sep = (m.group("sep") or "/").strip().replace("–", "-")
        number = "".join(num.split()) + sep + sym
    return number, sym, m.end("sym")


def body_case(text: str) -> str:
    """A letterhead line in capitals -> the body's name in normal case: the first word capitalised,
    type words followed by a capitalised function word ("Ban Tuyên giáo", "Sở Tài chính"), the
    words after an administrative level (tỉnh/huyện/xã/…) capitalised as a place name, abbreviations
    ("UBND", "MTTQ") kept. Lines already in mixed case are kept as written."""
    text = _ws(text)
    if not _is_caps(text):
        return text
    words = text.split(" ")
    low = [w.lower() for w in words]
    out = []
    place = False          # inside a place name
    cap_next = True        # the next word starts a name part
    i = 0
    while i < len(words):
        w, lw = words[i], low[i]
        core = re.sub(r"[^\w]", "", lw)
        # (inside a place's name a word with a vowel is a syllable of the name: "XÃ ĐẠ SAR", "BUÔN ĐÔN")
        if core and not _ABBREV_OK.match(core) and not core.isdigit() and not _MARKED_VOWEL.search(core) and \
                not (place and out and out[-1][:1].isupper() and re.fullmatch(r"[bcdđghklmnpqrstvx]{0,3}[aeiouy]+[a-z]{0,3}", core)):
            out.append(w)  # an abbreviation: UBND, MTTQ, HĐND, TNCS
            cap_next = len(out) == 1  # an organ first ("BCH HỘI NÔNG DÂN …"): its body's name follows
            place = place or bool(_SCHOOL_LEVEL.search(" ".join(low[:i + 1])))   # "TRƯỜNG THCS NGUYỄN DU"
            i += 1
            continue
        pair = tuple(low[i:i + 2])
        triple = tuple(low[i:i + 3])
        if triple in _PROPER or pair in _PROPER:
            key = triple if triple in _PROPER else pair
            cased = _PROPER[key] if out or key != ("hội", "đồng") else "Hội đồng"
            out.append(cased if out or not cased[0].islower() else cased.capitalize())
            i += len(key)
            cap_next = False
            continue
        is_level = lw in _LEVEL_WORDS or pair in _LEVEL_PAIRS
        nxt = low[i + (2 if pair in _LEVEL_PAIRS else 1)] if i + (2 if pair in _LEVEL_PAIRS else 1) < len(words) else ""
        if is_level and not out:
            # "HUYỆN THANH BÌNH", "TỈNH ỦY LÀO CAI": first word, capitalised
            n = 2 if pair in _LEVEL_PAIRS else 1
            if nxt in _BODY_SUFFIX:
                n += 1
            out.append(low[i].capitalize())
            out.extend(low[i + 1:i + n])
            i += n
            place = True
            cap_next = False
            continue
        if is_level and nxt not in _BODY_SUFFIX:
            n = 2 if pair in _LEVEL_PAIRS else 1
            out.extend(low[i:i + n])
            i += n
            place = True
            continue
        if place or cap_next or not out or lw == "đảng":
            out.append(lw.capitalize())
        else:
            out.append(lw)
        cap_next = lw == "và" and len(out) > 2 and not place
        if not place:
            two = " ".join(low[i:i + 2])
            if two in _TYPE_WORDS and i + 2 < len(words):
                out.append(low[i + 1])
                i += 2
                cap_next = low[i] not in ("nhân", "đồng") and low[i] not in _LEVEL_WORDS
                continue
            if lw in _TYPE_WORDS and i + 1 < len(words) and low[i + 1] not in ("nhân",):
                cap_next = low[i + 1] not in _LEVEL_WORDS and (low[i + 1], low[i + 2] if i + 2 < len(words) else "") not in _LEVEL_PAIRS
            if lw in ("tỉnh", "huyện", "thành", "quận", "thị", "xã", "phường", "đảng") and nxt in _BODY_SUFFIX:
                out[-1] = lw.capitalize()
                out.append(low[i + 1])
                i += 2
                place = True
                continue
        if _SCHOOL_LEVEL.search(" ".join(low[:i + 1])):
            place = True   # "TRƯỜNG TIỂU HỌC AN LONG": the school's proper name follows its level
        i += 1
    # a name of a minority language joins its syllables with an apostrophe: each is capitalised ("M'Gar")
    return " ".join("'".join(part[:1].upper() + part[1:].lower() for part in w.split("'"))
                    if "'" in w and w[:1].isupper() else w for w in out)


# --------------------------------------------------------------------------- lines of blocks
class _Line(NamedTuple):
    block: int
    text: str
    source: Source
    in_table: bool


def _block_lines(blocks: list, i: int) -> List[_Line]:
    b = blocks[i]
    if isinstance(b, Table):
        out = []
        for row in b.rows:
            for cell in row:
                src = cell.source if any(v is not None for v in vars(cell.source).values()) else b.source
                for part in cell.text.split("\n"):
                    if part.strip():
                        out.append(_Line(i, _nfc(_ws(part)), src, True))
        return out
    text = _nfc(_ws(getattr(b, "text", "") or ""))
    return [_Line(i, text, b.source, False)] if text else []


def _doc_type_of(text: str) -> Optional[tuple]:
    """A doc type line -> (doc type, the rest of the line). Only capital lines, or a short line
    holding nothing but the type."""
    t = _ws(text).strip("*_#: ")
    if re.fullmatch(r"(?:[^\W\d_] ){3,}[^\W\d_]", t):  # letter-spaced: "K Ế H O Ạ C H"
        t = t.replace(" ", "")
        for dt in _DOC_TYPES:
            if t.upper() == dt.replace(" ", ""):
                t = dt
    m = _DOC_TYPE_RE.match(t)
    if not m:
        return None
    rest = m.group("rest").strip()
    if not _is_caps(m.group("type")) and rest:
        return None
    if rest and not _is_caps(rest):
        return None
    q = _TYPE_QUALIFIER.match(rest)
    if q:
        rest = rest[q.end():]
    if rest and (re.match(r"^[\d/.-]", rest) or _NUMBER_LINE.match(rest)):
        return None
    return m.group("type").capitalize(), rest


def _is_letterhead_line(text: str) -> bool:
    if not re.search(r"\w", text):
        return True  # "*", "-----" under the issuer
    if _MOTTO_RE.search(text) or _NUMBER_LINE.search(text) or parse_date(text)[0] and len(text) < 90:
        return True
    if len(text) < 60 and _DATE_TAIL.search(text) or _YEAR_ALONE.match(text):
        return True  # a piece of a date the two columns split: "Hà Nội, ngày" / "tháng 4 năm 2026" / "2026"
    return _is_caps(text) and len(text.split()) <= 16


def _find_type_line(lines: List[_Line]) -> Optional[int]:
    """Index in `lines` of the doc type line: the first one with letterhead evidence (a number,
    a date or the motto) in the lines before it; else the first in the opening lines."""
    first = None
    for k, ln in enumerate(lines):
        if ln.in_table or _doc_type_of(ln.text) is None:
            continue
        before = [x.text for x in lines[max(0, k - 15):k]]
        if any(_MOTTO_RE.search(t) or _NUMBER_LINE.search(t) or (parse_date(t)[0] and len(t) < 90) for t in before):
            return k
        if first is None and k < 12:
            first = k
    return first


# --------------------------------------------------------------------------- letterhead
@dataclass
class _Letterhead:
    issuer_lines: list = field(default_factory=list)
    number_line: Optional[_Line] = None
    number_text: Optional[str] = None
    number: Optional[str] = None
    symbol: Optional[str] = None
    date_text: Optional[str] = None
    date: Optional[str] = None
    place: Optional[str] = None


# Letterhead fields a flattened two-column letterhead splits over lines (pdftotext, copy from a PDF):
# "Số:" then, a line or two below, "/KH-UBND"; "Hà Nội, ngày" then "tháng 4 năm 2026" or "tháng" / "năm 2026".
_DATE_TAIL = re.compile(r"(?<![\w])(?:ngày|tháng|năm)(?:[\s.…_,/]*(?:\d{1,4}|ngày|tháng|năm)(?![\w]))*[\s.…_,/]*$", _I)
_DATE_PIECE = re.compile(r"^\s*(?:tháng|năm)(?:[\s.…_,/]*(?:\d{1,4}|tháng|năm)(?![\w]))*[\s.…_,/]*$", _I)
_YEAR_ALONE = re.compile(r"^\s*(?:19|20)\d\d\s*$")
_BLANK_NUMBER = re.compile(r"^[\s:.…_·\d]*$")
_SYMBOL_ALONE = re.compile(r"^\s*\d*\s*[/\-–]\s*[A-ZĐ][\wĐđ&.]*(?:\s*[/\-–]\s*[\wĐđ&.]+)+\s*$")


def _join_split_fields(lines: List[_Line]) -> List[_Line]:
    """Join the number and the date back when the letterhead's two columns were flattened line by
    line: "Số:" + a later "/KH-UBND" line; "…, ngày" + later "tháng …" / "năm …" lines. The pieces
    may be separated by up to three lines of the other column (the motto)."""
    lines = list(lines)
    for i, ln in enumerate(lines):
        text = ln.text
        nm = _NUMBER_LINE.search(text)
        if nm and _BLANK_NUMBER.match(text[nm.end():]) and parse_number(text[nm.end():])[1] is None:
            for j in range(i + 1, min(len(lines), i + 5)):
                if _SYMBOL_ALONE.match(lines[j].text):
                    lines[i] = ln._replace(text=_ws(text + " " + lines[j].text))
                    lines[j] = lines[j]._replace(text="")
                    break
            continue
        if len(text) < 90 and _DATE_TAIL.search(text) and not parse_date(text)[0] and not _DATE_PIECE.match(text):
            joined, used = text, []
            for j in range(i + 1, min(len(lines), i + 6)):
                if not (_DATE_PIECE.match(lines[j].text) or _YEAR_ALONE.match(lines[j].text)
                        and re.search(r"năm[\s.…_,]*$", joined, _I)):
                    continue
                joined = joined + " " + lines[j].text
                used.append(j)
                if parse_date(joined)[0]:
                    lines[i] = ln._replace(text=_ws(joined))
                    for u in used:
                        lines[u] = lines[u]._replace(text="")
                    break
    return [ln for ln in lines if ln.text]


def _read_letterhead(lines: List[_Line]) -> _Letterhead:
    lh = _Letterhead()
    lines = _join_split_fields(lines)
    orphan_nam = False
    orphan_rest: List[str] = []
    for ln in lines:
        text = ln.text
        # the motto (possibly cut at the end of a PDF line; its last word then opens the next line)
        if orphan_rest:                               # "… CHỦ" / "NGHĨA VIỆT NAM": the motto's end opens this line
            rest = re.match(r"^\s*" + r"(?:\s+".join(orphan_rest) + ")?" * (len(orphan_rest) - 1) + r"\b", text, _I)
            if rest and rest.end():
                text = text[rest.end():]
            orphan_rest = []
        if orphan_nam:
            text = _ORPHAN_NAM.sub("", text) if not re.match(r"^\s*NAM\b", text) else re.sub(r"^\s*NAM\b", "", text)
            orphan_nam = False
        pieces = []
        pos = 0
        for m in _MOTTO_RE.finditer(text):
            pieces.append(text[pos:m.start()])
            pos = m.end()
            if re.search(r"VI[ỆE]T$", m.group(0), _I) and not (m.group("nam1") or m.group("nam2")):
                orphan_nam = True
            elif re.search(r"CH[ỦU]$", m.group(0), _I):
                orphan_rest = [r"NGH[ĨI]A", r"VI[ỆE]T", r"NAM"]
            elif re.search(r"NGH[ĨI]A$", m.group(0), _I):
                orphan_rest = [r"VI[ỆE]T", r"NAM"]
        pieces.append(text[pos:])
        text = " ".join(p.strip() for p in pieces if p.strip())
        # the number
        nm = _NUMBER_LINE.search(text)
        if nm and lh.number_line is None:
            number, symbol, used = parse_number(text[nm.end():])
            if symbol:
                end = nm.end() + used
                lh.number_line, lh.number, lh.symbol = ln, number, symbol
                lh.number_text = _ws(text[nm.start():end])
                text = (text[:nm.start()] + " " + text[end:]).strip()
        # the place and date
        if lh.date is None:
            m = _DATE_WORDS.search(text) or _DATE_NUMERIC.search(text)
            iso = _iso(m.group("y"), m.group("m"), m.group("d")) if m else None
            if iso:
                lh.date, lh.date_text = iso, _ws(text[m.start():m.end()])
                head, place = _place_of(text[:m.start()])
                lh.place = place
                text = head
        text = text.strip(" *-_.,:;")
        if lh.number_line is not None and lh.number_line is not ln and _UNION_MOTTO.fullmatch(text):
            continue                                  # the Youth Union's name heading the right column
        if _is_caps(text):
            lh.issuer_lines.append(text)
    return lh


def _place_of(head: str) -> tuple:
    """What precedes ", ngày" -> (the rest, the place): the place is the last words in title case
    ("HUYỆN ỦY MƯỜNG TÈ Mường Tè" -> "Mường Tè"), or the whole when it is short."""
    head = head.strip().rstrip(",").strip(" *_")
    if not head:
        return "", None
    words = head.split()
    k = len(words)
    while k > 0 and len(words) - k < 6 and (words[k - 1][:1].isupper() or words[k - 1].isdigit()
                                            or (words[k - 1] in ("phố", "trấn", "xã") and k > 1
                                                and words[k - 2] in ("Thành", "Thị"))) \
            and not (k < len(words) and _is_caps(words[k - 1]) and not _is_caps(" ".join(words[k:]))):
        k -= 1
    place = " ".join(words[k:]).strip(" ,")
    if not place or len(place.split()) > 6:
        return head, None
    return " ".join(words[:k]), place


def _split_bodies(line: str) -> List[str]:
    """Split a line that joins several letterhead lines ("ĐẢNG BỘ TỈNH X HUYỆN ỦY Y") before each
    body name that follows a place name."""
    out = []
    start = 0
    for m in _BODY_HEAD_RE.finditer(line):
        if m.start() <= start:
            continue
        seg = line[start:m.start()]
        prev = seg.split()[-1].upper() if seg.split() else ""
        if prev in ("ỦY", "UỶ", "VĂN", "CHI", "TỔNG", "LIÊN", "BỘ", "HỘI", "MẶT", "TỈNH", "HUYỆN", "XÃ", "ĐẢNG", "THÀNH",
                    "QUẬN", "PHƯỜNG", "THỊ", "BAN", "CÔNG"):
            continue
        if _HAS_PLACE.search(seg) and not _ADMIN_LINE.match(line[m.start():]):
            out.append(seg.strip())
            start = m.start()
    out.append(line[start:].strip())
    return [s for s in out if s]


def _as_written_in_body(name: Optional[str], blocks: list, lo: int, hi: int) -> Optional[str]:
    """A name read from a letterhead in capitals, spelt as the body writes it when the body names
    it ("TRƯỜNG THPT ĐỐC BINH KIỀU" -> "Trường THPT Đốc Binh Kiều", where the rules of `body_case`
    cannot know that the words after "THPT" are a person's name)."""
    if not name or len(name.split()) < 2:
        return name
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.I)
    for b in blocks[lo:min(hi, lo + 80)]:
        for text in ([b.text] if isinstance(b, Paragraph) else [c.text for r in b.rows for c in r]):
            m = pattern.search(text or "")
            if m and not _is_caps(m.group()):
                found = _ws(m.group())
                return found[:1].upper() + found[1:]
    return name


def _issuers(lines: List[str]) -> tuple:
    """Issuer lines (capitals) -> (issuer, parent issuer) in normal case."""
    segs = [s for ln in lines for s in _split_bodies(ln)]
    # leading lines that name no body (site text) are not part of the letterhead
    while segs and not (_BODY_HEAD_RE.search(segs[0]) or _ADMIN_LINE.match(segs[0])):
        segs.pop(0)
    bodies: List[str] = []
    for s in segs:
        starts_body = bool(_BODY_HEAD_RE.match(s)) and not _ADMIN_LINE.match(s)
        if bodies and not starts_body:
            bodies[-1] += " " + s       # "ỦY BAN NHÂN DÂN" / "HUYỆN TAM ĐƯỜNG"
        else:
            bodies.append(s)
    if not bodies:
        return None, None
    issuer, parent = bodies[-1], (bodies[-2] if len(bodies) > 1 else None)
    if _ORGAN_RE.match(issuer) and parent:
        issuer = body_case(issuer) + " " + body_case(parent)
        parent = bodies[-3] if len(bodies) > 2 else None
        return issuer, (body_case(parent) if parent else None)
    return body_case(issuer), (body_case(parent) if parent else None)


# --------------------------------------------------------------------------- title
# Where a title paragraph runs on into the next part when lines were joined without blank lines:
# an attachment note "(Ban hành kèm theo …)" or a preamble sentence opening with a capital
# ("… năm 2026 Căn cứ Luật …", "… tỉnh X Thực hiện Chỉ thị …"); lower-case "thực hiện" is title.
_TITLE_RUNS_ON = re.compile(r"\s\((?:Ban\s+hành\s+)?kèm\s+theo|\s\(Ban\s+hành"
                            r"|(?<=[\w)])\s+(?=(?:Căn\s+cứ|Thực\s+hiện|Tiếp\s+tục\s+thực\s+hiện|Trên\s+cơ\s+sở"
                            r"|Thi\s+hành|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị)\s)")


def _title_after(blocks: list, start: int, first: str, decision: bool = False) -> tuple:
    """The title paragraphs from `start` -> (title or None, index after the title part). In a
    decision ("QUYẾT ĐỊNH"), the capital line just before the preamble is the authority that decides
    ("THỦ TƯỚNG CHÍNH PHỦ", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), not the title."""
    parts = [first] if first else []
    prev_caps = _is_caps(first) if first else None
    prev_bold = False
    j = start
    while j < len(blocks) and len(parts) < 6:
        b = blocks[j]
        if isinstance(b, Table):
            break
        t = _ws(b.text).strip("*_ ")
        if not t or re.fullmatch(r"[-_=*~.·…]+", t):
            j += 1
            if parts:
                break
            continue
        if re.match(r"^\((?:Ban\s+hành\s+)?kèm\s+theo|^\(Ban\s+hành", t, _I):
            j += 1  # "(Ban hành kèm theo Quyết định số …)": header, not title
            break
        cut = _TITLE_RUNS_ON.search(t)
        if cut and cut.start() >= 10:
            # the title ran into what follows it (a text layer without blank lines): keep its head
            head = t[:cut.start()].strip()
            if parts and not (prev_caps and _is_caps(head)) and not head[:1].islower():
                break
            parts.append(head)
            j += 1
            break
        if not parts:
            if _HEADING_START.match(t) or len(t) > 400:
                break
            parts.append(t)
            prev_caps, prev_bold = _is_caps(t), b.bold
            j += 1
            continue
        cont = False
        if _HEADING_START.match(t) or _RECIPIENTS_RE.match(t):
            cont = False
        elif prev_caps and _is_caps(t) and len(t) < 250:
            cont = True
        elif re.match(r"^[^\W\d_]", t) and t[0].islower() and not re.search(r"[.:;]$", parts[-1]):
            cont = True
        elif prev_bold and b.bold and not _PREAMBLE_START.match(t):
            cont = True
        if cont and decision and prev_caps and _is_caps(t) and j + 1 < len(blocks) and \
                isinstance(blocks[j + 1], Paragraph) and _PREAMBLE_START.match(_ws(blocks[j + 1].text).strip("*_ ")):
            cont = False
        if not cont:
            break
        parts.append(t)
        prev_caps, prev_bold = _is_caps(t), b.bold
        j += 1
    title = _ws(" ".join(parts)).strip(" -") or None
    return title, j


# --------------------------------------------------------------------------- cited documents
def _cited(texts: List[str]) -> List[CitedDocument]:
    out: List[CitedDocument] = []
    seen = set()
    for text in texts:
        head = _CITE_HEAD.match(text)
        for k in _CITE_KIND.finditer(text):
            seg = text[k.start():]
            nxt = _CITE_KIND.search(seg, k.end() - k.start())
            window = seg[: nxt.start()] if nxt else seg
            nm = _CITE_NUMBER.match(window[k.end() - k.start():])
            after = window[k.end() - k.start():]
            if not nm and not (head and k.start() == head.end()):
                continue
            number = nm.group("num").rstrip(".,") if nm else None
            rest_at = nm.end() if nm else 0
            date_iso = None
            dm = re.match(r"^\s*,?\s*(?:ban\s+hành\s+)?ngày\s*", after[rest_at:], _I)
            if dm:
                iso, dtext = parse_date(after[rest_at:rest_at + 60])
                if iso:
                    date_iso = iso
                    rest_at += after[rest_at:].find(dtext) + len(dtext)
            issuer = None
            im = _CITE_ISSUER.match(after[rest_at:])
            if im and len(im.group("who")) < 120:
                issuer = re.sub(r"\s+(?:và|cùng|với)$", "", im.group("who").strip())
                end = rest_at + im.end("who")
            else:
                end = rest_at if nm else len(re.split(r"[;,]", after, 1)[0])
            key = number or window[:60]
            if key in seen:
                continue
            seen.add(key)
            cited_text = _ws((k.group(0) + after[:end]).strip(" ,;."))
            out.append(CitedDocument(text=_nfc(cited_text), doc_type=_nfc(_ws(k.group(0))), number=_nfc(number),
                                     date=date_iso, issuer=_nfc(issuer)))
    return out


# --------------------------------------------------------------------------- signature block
def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 6:
        return False
    # (a name of a minority people may hold an apostrophe: "K' Thanh", "Ksor H'Mai", "Y' Ngọc")
    return all(w.replace("'", "").replace("’", "").isalpha() and w[:1].isupper() and
               w.replace("'", " ").replace("’", " ").title().replace(" ", "") == w.replace("'", "").replace("’", "")
               for w in words)


def _ends_with_office(text: str) -> bool:
    words = text.split()
    return any(_OFFICE_RE.match(" ".join(words[k:])) for k in range(max(0, len(words) - 6), len(words)))


def _caps_name(before: List[str], text: str) -> bool:
    """A name printed in capitals ("NGUYỄN VĂN AN"): a short capitals line right after the title
    of office that is neither a title nor an authority line."""
    words = text.split()
    return bool(before) and _is_caps(text) and 2 <= len(words) <= 5 and all(w.isalpha() for w in words) \
        and _ends_with_office(before[-1]) and not _OFFICE_RE.match(text) and not _AUTHORITY_START.match(text) \
        and not _BODY_HEAD_RE.match(text) and not _OFFICE_START_RE.match(text)


def _split_name(text: str) -> tuple:
    """'TM. … PHÓ CHỦ TỊCH Huỳnh Minh Tuấn' -> ('TM. … PHÓ CHỦ TỊCH', 'Huỳnh Minh Tuấn')."""
    words = text.split()
    k = len(words)
    while k > 0 and _is_name(words[k - 1] + " X"):   # a capitalised word of a name ("K'", "H'Mai" too)
        k -= 1
    if len(words) - k >= 2 and (k == 0 or _is_caps(" ".join(words[:k])) or _SIGNED_RE.match(" ".join(words[:k]))):
        return " ".join(words[:k]), " ".join(words[k:])
    return text, None


def _is_signer_line(text: str) -> bool:
    t = _SIGNED_RE.sub("", text).strip() if _SIGNED_RE.match(text) else text
    if not t:
        return True  # "(Đã ký)"
    if _STAMP_RE.search(t):
        return True
    caps, name = _split_name(t)
    if name and (not caps or _is_caps(caps)):
        return True
    return _is_caps(t) and len(t.split()) <= 16 and not _HEADING_START.match(t) \
        and not re.match(r"^(?:PHỤ\s+LỤC|BIỂU|MẪU|DANH\s+MỤC)\b", t, _I)


def _parse_signer(lines: List[str]) -> Signer:
    caps: List[str] = []
    name = None
    for raw in lines:
        t = _ws(raw)
        if _STAMP_RE.search(t):
            if name:
                break
            continue
        while _SIGNED_RE.match(t):
            new = _SIGNED_RE.sub("", t, 1).strip()
            if new == t:
                break
            t = new
        if not t:
            continue
        head, nm = _split_name(t)
        if nm:
            if head:
                caps.append(head)
            name = nm
            break
        if caps and _caps_name(caps, t):
            name = t
            break
        if _is_caps(t):
            caps.append(t)
        elif caps and _is_name(t):
            name = t
            break
    if len(caps) >= 2 and _OFFICE_RE.match(caps[-2]) and _OFFICE_START_RE.match(caps[-1]) \
            and not _OFFICE_RE.match(caps[-1]):
        caps = caps[:-1]                          # "TRƯỞNG BAN" / "PHÓ CHỦ TỊCH UBND TỈNH": the post held as well
    authority, title = _split_authority(caps)
    return Signer(name=_nfc(name), title=_nfc(title), authority=_nfc(authority))


def _split_authority(caps: List[str]) -> tuple:
    """Capital lines of the signer -> (authority, title). A last line without an authority mark
    is the title; a line holding both ("T/M HUYỆN ỦY PHÓ BÍ THƯ") is split at the title of office."""
    if not caps:
        return None, None
    title = None
    if not _AUTHORITY_START.match(caps[-1]) and len(caps) > 1 or (len(caps) == 1 and not _AUTHORITY_START.match(caps[0])):
        title = caps[-1]
        rest = caps[:-1]
        # the title line may itself join several ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH" handled below)
    else:
        rest = caps
    auth = " ".join(rest)
    if title is None or _AUTHORITY_RE.search(title):
        joined = (auth + " " + title).strip() if title else auth
        words = joined.split()
        title = None
        for k in range(1, len(words)):
            cand = " ".join(words[k:])
            before = " ".join(words[:k])
            if _OFFICE_RE.match(cand) and not re.search(r"(?:^|\s)(?:T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)$", before, _I):
                title, auth = cand, before
                break
        if title is None:
            auth = joined
    return (auth or None), title


def _clean_recipient(text: str) -> Optional[str]:
    t = _BULLET.sub("", _ws(text))
    t = re.sub(r"[\s;,.:]+$", "", t)
    return t or None


def _is_item(text: str) -> bool:
    return bool(_BULLET.match(text)) or (len(text) < 160 and bool(re.search(r"[;,]$|\)\s*[;,.]?$", text)))


def _signer_tail(text: str, name: bool = False) -> tuple:
    """A PDF line holding both columns: "- Như trên; KT. CHỦ TỊCH" -> ("- Như trên;", "KT. CHỦ TỊCH");
    with `name` (the title of office is already read), "- Lưu: VT. Đinh Thị Thu Hà" -> the name."""
    for m in re.finditer(r"(?:^|(?<=[;,:.)])\s)\s*(?=\S)", text):
        tail = text[m.end():].strip()
        if tail and _is_caps(tail) and len(tail.split()) <= 12 and (
                _AUTHORITY_START.match(tail) or _OFFICE_RE.match(tail)):
            return text[:m.start()].strip(), tail
        if name and m.start() > 0 and _is_name(tail):
            return text[:m.start()].strip(), tail
    return text, None


def _signature(blocks: list, start: int) -> tuple:
    """Find the closing part after `start` -> (body_end, tail_start, recipients, signer lines)."""
    n = len(blocks)
    recip_at = auth_at = None
    for i in range(start, n):
        b = blocks[i]
        for ln in _block_lines(blocks, i):
            if recip_at is None and _RECIPIENTS_RE.match(ln.text):
                recip_at = i
            if auth_at is None and _AUTHORITY_START.match(ln.text) and _is_caps(_split_name(ln.text)[0]) \
                    and len(ln.text) < 160:
                auth_at = i
        if recip_at is not None and auth_at is not None:
            break
        if recip_at is not None and i - recip_at > 40:
            break
    if recip_at is None and auth_at is None:
        return n, n, [], []
    if recip_at is None:
        begin = auth_at
    elif auth_at is None or auth_at > recip_at:
        begin = recip_at
    else:
        begin = auth_at if recip_at - auth_at <= 8 else recip_at
    recipients: List[str] = []
    signer: List[str] = []
    mode = None
    have_name = False
    saw_recipients = False
    i = begin
    while i < n:
        b = blocks[i]
        lines = [ln.text for ln in _block_lines(blocks, i)]
        if not lines:
            i += 1
            continue
        if isinstance(b, Table):
            took = False
            for row in b.rows:
                for cell in row:
                    cl = [_ws(x) for x in cell.text.split("\n") if x.strip()]
                    if not cl:
                        continue
                    if _RECIPIENTS_RE.match(cl[0]) or (mode == "recip" and all(_is_item(x) for x in cl)):
                        first = _RECIPIENTS_RE.sub("", cl[0], 1) if _RECIPIENTS_RE.match(cl[0]) else cl[0]
                        recipients += [x for x in [first] + cl[1:] if x.strip()]
                        mode, took = "recip", True
                    elif all(_is_signer_line(x) for x in cl):
                        signer += cl
                        took = True
                        have_name = have_name or any(_split_name(_SIGNED_RE.sub("", x))[1] or _is_name(x) for x in cl)
            if not took:
                break
            i += 1
            if have_name and recipients:
                break
            continue
        t = lines[0]
        if _RECIPIENTS_RE.match(t):
            mode = "recip"
            saw_recipients = True
            rest, tail = _signer_tail(_RECIPIENTS_RE.sub("", t, 1))
            if rest:
                recipients.append(rest)
            if tail:
                signer.append(tail)
        elif (mode == "recip" or saw_recipients and not have_name) and _BULLET.match(t):
            # (the two columns of a signature table read line by line: recipients and signer lines alternate)
            rest, tail = _signer_tail(t, name=any(_ends_with_office(x) for x in signer))
            recipients.append(rest)
            if tail:
                signer.append(tail)
                have_name = have_name or _is_name(tail)
        elif have_name:
            if _STAMP_RE.search(t):
                signer.append(t)
            else:
                break
        elif _is_signer_line(t) and (mode != "recip" or not _BULLET.match(t)):
            mode = "signer"
            signer.append(t)
            head, nm = _split_name(_SIGNED_RE.sub("", t) if _SIGNED_RE.match(t) else t)
            if nm or (_is_name(t) and len(signer) > 1) or _caps_name(signer[:-1], t):
                have_name = True
        elif mode == "recip" and (_is_item(t) or not recipients or len(t) < 80 and not _HEADING_START.match(t)):
            recipients.append(t)
        else:
            break
        i += 1
    if have_name and not recipients:
        # the recipient list may follow the signer
        while i < n and isinstance(blocks[i], Paragraph) and _STAMP_RE.search(blocks[i].text):
            i += 1
        if i < n and isinstance(blocks[i], Paragraph) and _RECIPIENTS_RE.match(blocks[i].text):
            rest = _RECIPIENTS_RE.sub("", _ws(blocks[i].text), 1)
            if rest:
                recipients.append(rest)
            i += 1
            while i < n and isinstance(blocks[i], Paragraph) and _is_item(_ws(blocks[i].text)):
                recipients.append(_ws(blocks[i].text))
                i += 1
    # a recipient wrapped onto a line of its own (no bullet) continues the one before, when the
    # list is a bulleted one
    bulleted = sum(1 for r in recipients if _BULLET.match(r))
    if bulleted >= 2 and bulleted >= 0.6 * len(recipients):
        merged: List[str] = []
        for r in recipients:
            if merged and not _BULLET.match(r) and _BULLET.match(merged[-1]):
                merged[-1] = merged[-1] + " " + r
            else:
                merged.append(r)
        recipients = merged
    items = []
    for r in recipients:
        for piece in re.split(r"(?<=[;,.])\s+(?=[-+•]\s)", r):
            c = _clean_recipient(piece)
            if c:
                items.append(c)
    return begin, i, items, signer


def _issuer_from_signer(doc: Document, blocks: list, lo: int, hi: int) -> Optional[str]:
    """No issuer in the letterhead: the body the signer signs for ("TM. ỦY BAN NHÂN DÂN"), with
    the place of the date line and its level as the text names it ("huyện Tam Đường")."""
    auth = doc.signer.authority or ""
    m = re.search(r"(?:^|\s)(?:T/M|TM\.?|THAY\s+MẶT)\s+(?P<body>.+?)(?=\s+(?:KT\.?|TL\.?|TUQ\.?|Q\.)\s|$)", auth, _I)
    if not m:
        return None
    body = m.group("body").strip()
    if _HAS_PLACE.search(body) and not re.fullmatch(_LEVEL_BODY, body, _I):
        return body_case(body)
    place = doc.place
    if not place:
        return body_case(body)
    if re.fullmatch(_LEVEL_BODY, body, _I):
        return body_case(f"{body} {place.upper()}")
    texts = [doc.title or ""] + [b.text for b in blocks[lo:hi] if isinstance(b, Paragraph)]
    level_re = re.compile(rf"(?<![\w])(tỉnh|huyện|xã|phường|thị\s+trấn|thành\s+phố|quận|thị\s+xã)\s+{re.escape(place)}(?![\w])", _I)
    for t in texts:
        lm = level_re.search(t)
        if lm:
            return f"{body_case(body)} {_ws(lm.group(1)).lower()} {place}"
    return f"{body_case(body)} {place}"


# --------------------------------------------------------------------------- portal metadata
_PORTAL_LABELS = {"so hieu": "number", "loai van ban": "type", "ngay ban hanh": "date", "nguoi ky": "signer",
                  "noi ban hanh": "issuer", "co quan ban hanh": "issuer"}


def portal_metadata(blocks: list) -> dict:
    """The metadata table a legal portal puts above the document ("Số hiệu: | 980/KH-UBND |
    Loại văn bản: | Kế hoạch | … | Người ký: | …") -> {"number", "type", "date", "signer", "issuer"}.
    Empty when no table in `blocks` has at least three of these labels."""
    from .text.fold import ascii_fold

    for b in blocks:
        if not isinstance(b, Table):
            continue
        cells = [_ws(c.text) for row in b.rows for c in row if _ws(c.text)]
        found: dict = {}
        for k, t in enumerate(cells):
            label = re.sub(r"^.*?(?=[^\W\d_]+(?:\s+[^\W\d_]+){0,3}\s*:$)", "", t, count=1)  # "Đang tải … Số hiệu:"
            key = ascii_fold(label).lower().strip(" :")
            if t.endswith(":") and key in _PORTAL_LABELS and k + 1 < len(cells) and not cells[k + 1].endswith(":"):
                found.setdefault(_PORTAL_LABELS[key], cells[k + 1])
        if len(found) >= 3:
            return found
    return {}


def _confirm_from_portal(doc: Document, blocks: list) -> None:
    """Fill what the letterhead left empty from the portal's metadata table (never overrides)."""
    meta = portal_metadata(blocks)
    if not meta:
        return
    if doc.number is None and doc.symbol is None and meta.get("number"):
        number, symbol, _ = parse_number(meta["number"])
        if symbol:
            doc.number, doc.symbol = number, symbol
    if doc.doc_type is None and meta.get("type") and _doc_type_of(meta["type"].upper()):
        doc.doc_type = meta["type"].strip().capitalize()
    if doc.date is None and meta.get("date"):
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", meta["date"].strip())
        if m:
            doc.date = _iso(m.group(3), m.group(2), m.group(1))
    if doc.signer.name is None and meta.get("signer") and _is_name(meta["signer"]):
        doc.signer.name = meta["signer"]


def _page_end(blocks: list, start: int, doc: Document, site_headings: bool = True) -> Optional[int]:
    """Where a saved web page's own text starts after the document's appendices: a markdown
    heading of the site ("## Văn bản liên quan"), or the page title citing the document by its
    own number outside an appendix note ("Quyết định 2629/QĐ-TTg năm 2025 phê duyệt … ban
    hành"). None when the document runs to the end."""
    for i in range(start, len(blocks)):
        b = blocks[i]
        if not isinstance(b, Paragraph):
            continue
        t = _ws(b.text)
        md = re.match(r"^#{1,6}\s+(\S.*)$", t)
        if md and site_headings and not _HEADING_START.match(md.group(1)) and not re.match(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b", md.group(1)):
            return i  # a heading of the site ("## Văn bản liên quan"), not one of the document's
        # the portal's title: "<type> <number> năm <year> …" or "<type> <number> ngày dd/mm/yyyy …"
        if doc.number and doc.doc_type and re.match(
                rf"^{re.escape(doc.doc_type)}\s+{re.escape(doc.number)}\s+(?:năm\s+\d{{4}}|ngày\s+\d)", t, _I) \
                and not re.search(r"kèm\s+theo", t, _I):
            return i
    return None


# --------------------------------------------------------------------------- the stage
def extract_header(blocks: list) -> HeaderResult:
    """Blocks -> HeaderResult: the Document's header fields, signer and recipients, and the
    block indices of the body and of the closing part. Never raises on odd input: what is not
    found stays None."""
    blocks = list(blocks or [])
    n = len(blocks)
    doc = Document()
    findings: List[Finding] = []
    if not n:
        return HeaderResult(document=doc, body_start=0, body_end=0, tail_start=0, findings=findings)

    # lines of the opening blocks (site text may precede the letterhead)
    scan = min(n, 80)
    lines: List[_Line] = [ln for i in range(scan) for ln in _block_lines(blocks, i)]
    k = _find_type_line(lines)
    body_start = 0
    title = None
    if k is not None:
        tline = lines[k]
        doc_type, rest = _doc_type_of(tline.text)
        doc.doc_type = doc_type
        # the letterhead: lines before the type line, back to the first that is not letterhead
        j = k - 1
        while j >= 0 and k - j <= 20 and lines[j].block >= tline.block - 20 and _is_letterhead_line(lines[j].text):
            j -= 1
        head_lines = lines[j + 1:k]
        title, body_start = _title_after(blocks, tline.block + 1, rest, decision=doc_type == "Quyết định")
    else:
        # no type line: the letterhead is what reads as one among the opening lines
        head_lines = []
        for ln in lines[:25]:
            if _MOTTO_RE.search(ln.text) or _NUMBER_LINE.search(ln.text) or (parse_date(ln.text)[0] and len(ln.text) < 90) \
                    or (_is_caps(ln.text) and (_BODY_HEAD_RE.search(ln.text) or _ADMIN_LINE.match(ln.text))
                        and len(ln.text.split()) <= 16):
                head_lines.append(ln)
        if head_lines and any(_MOTTO_RE.search(x.text) or _NUMBER_LINE.search(x.text) for x in head_lines):
            body_start = head_lines[-1].block + 1
            if body_start < n and isinstance(blocks[body_start], Paragraph) and \
                    re.match(r"^(?:V/v|Về\s+việc)\b", _ws(blocks[body_start].text), _I):
                title = _ws(blocks[body_start].text)
                body_start += 1
        else:
            head_lines = []

    lh = _read_letterhead(head_lines)
    doc.issuer, doc.parent_issuer = _issuers(lh.issuer_lines)
    doc.number, doc.symbol, doc.number_text = lh.number, lh.symbol, lh.number_text
    doc.date, doc.date_text, doc.place = lh.date, lh.date_text, lh.place
    if lh.number_line is not None:
        doc.source = lh.number_line.source
    if doc.doc_type is None and doc.symbol:
        doc.doc_type = _SYMBOL_TYPES.get(re.split(r"[/\-]", doc.symbol)[0].upper())
    if title:
        title = re.sub(r"^[#>*_\s]+|[*_\s]+$", "", title)
        title = re.sub(r"\s*-{3,}\s*", " ", title).strip() or None
    doc.title = title

    if lh.number_line is not None and doc.number is None:
        findings.append(Finding(code="missing-number", severity="info",
                                message=_nfc(f"Văn bản chưa có số (bản dự thảo?): “{lh.number_text}” — "
                                             "điền số trước khi ban hành."),
                                source=lh.number_line.source))

    body_end, tail_start, recipients, signer_lines = _signature(blocks, body_start)
    if body_end < body_start:
        body_end = tail_start = n
    doc.recipients = [_nfc(r) for r in recipients]
    doc.signer = _parse_signer(signer_lines)

    if doc.issuer is None:
        doc.issuer = _issuer_from_signer(doc, blocks, body_start, body_end)

    # cited documents: the title and the preamble before the first numbered heading
    pre = [title] if title else []
    for b in blocks[body_start:min(body_end, body_start + 15)]:
        if isinstance(b, Table):
            break
        t = _ws(b.text)
        if _HEADING_START.match(t) and not _PREAMBLE_START.match(t):
            break
        pre.append(t)
    doc.cited = _cited(pre)
    doc.issuer = _as_written_in_body(doc.issuer, blocks, body_start, body_end)
    doc.parent_issuer = _as_written_in_body(doc.parent_issuer, blocks, body_start, body_end)

    _confirm_from_portal(doc, blocks[:max(body_start, 1)])

    for f in ("doc_type", "number", "symbol", "number_text", "issuer", "parent_issuer", "place", "date_text", "title"):
        setattr(doc, f, _nfc(getattr(doc, f)))
    tail_end = _page_end(blocks, tail_start, doc)
    if tail_start >= n:  # no signature found: the page's own text may follow the body directly
        end = _page_end(blocks, body_start, doc, site_headings=False)
        if end is not None:
            body_end = min(body_end, end)
    return HeaderResult(document=doc, body_start=body_start, body_end=body_end, tail_start=tail_start,
                        tail_end=tail_end,
                        findings=findings)
