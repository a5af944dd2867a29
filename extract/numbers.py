"""Vietnamese quantities: read numbers, units and comparators out of running text.

Reads a string; writes `Quantity` records (value, unit, comparator, span as written). Only
quantities are reported: dates, years, document numbers ("224-KL/TU", "Luật số 85/2015/QH13"),
article numbers ("Điều 39"), ordinals ("lần thứ 5") and codes ("5G") are skipped.

Number notation is Vietnamese: "." groups thousands, "," marks decimals ("1.250,5" = 1250.5,
"14,2" = 14.2, "05" = 5). A dot followed by other than three digits is read as a decimal point
("4.5"), as in text typed with an English keyboard.

Scale words: money keeps its scale in the unit, the way plans state budgets and incomes
("500 tỷ đồng" -> 500, "tỷ đồng"; "70 triệu đồng/người/năm" -> 70, "triệu đồng/người/năm");
other scaled counts are multiplied out ("2 triệu lượt khách" -> 2000000, "lượt").

Numbers in words are read after a bound or "gấp" before a unit ("ít nhất một mô hình", "gấp hai
lần"), a part of a whole before a counted noun ("10/12 xã", not in brackets, not a date); a range
may carry its unit on both bounds ("5% - 10%", "từ 70% đến 75%").

Units: "%" (with a rate suffix, "%/năm"), measure units (ha, km, tấn, USD, lượt, người, ...), or a
counted noun after the number ("05 sản phẩm", "20 tập dữ liệu"): the head noun phrase, from a small
lexicon of compound nouns, at most three syllables, stopping at verbs and prepositions.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# --------------------------------------------------------------------------- numbers
_NUM = (r"(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?"      # 1.250 / 1.250,5
        r"|\d{1,3}(?:,\d{3}){2,}"               # 1,250,000 (English grouping)
        r"|\d+(?:[.,]\d+)?)")                   # 14,2 / 4.5 / 05
# A number stands alone: not inside a code, date, document number or word ("5G", "30/9",
# "224-KL/TU", "QH13").
# a rate per thousands of people: "30/100.000 dân", "1,5/1.000 trẻ" (not a date "30/9")
_PER = r"\s?/\s?(?P<per>10{0,2}(?:\.000)+)\s+(?P<who>dân|người dân|người|trẻ em|trẻ|phụ nữ|dân số|ca sinh|sinh)(?![\w])"
_NUM_ALONE = (r"(?<![\w.,/\\-])(?<![\w][-–])" + _NUM +
              r"(?![\w])(?![.,]\d)(?!\s?/\s?(?!10{0,2}(?:\.000)+\s+[^\W\d_])\d)(?!-[^\W\d_])(?!\.\w)")
_PER_RE = re.compile("^" + _PER)

_SCALE = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_CURRENCY = r"(?:đồng|VNĐ|VND|đ|USD|đô la)"
_RATE = r"(?:\s?/\s?(?:người|năm|tháng|ngày|ha|hộ|km2|km²|km|lao động|sinh viên|học sinh|dân|lượt))*"

# Measure units, longest first. Kept as written (NFC), case preserved.
_MEASURES = [
    "km²", "km2", "m²", "m2", "m³", "m3", "ha", "hécta", "héc ta", "hecta", "km", "kg", "tấn",
    "MW", "kW", "kWh", "GW", "Gb/s", "Mb/s", "Gbps", "Mbps", "lít", "mét", "m",
    "USD", "đồng", "VNĐ", "VND",
    "lượt", "người", "hộ", "lần", "tuổi", "ngày", "tháng", "năm", "tuần", "giờ", "phút", "quý",
    "điểm",
]
MEASURES = tuple(_MEASURES)  # measure units as written after a number
TIME_UNITS = frozenset({"ngày", "tháng", "năm", "tuần", "giờ", "phút", "quý"})
QUALIFIER_UNITS = frozenset({"tuổi", "Gb/s", "Mb/s", "Gbps", "Mbps"})

# Counted nouns of more than one syllable (the head of "05 sản phẩm ...").
_COMPOUNDS = """
sản phẩm; kịch bản; mô hình; doanh nghiệp; hợp tác xã; tổ hợp tác; hộ gia đình; hộ kinh doanh;
hộ nghèo; câu lạc bộ; công trình; dự án; đề án; chương trình; nhiệm vụ; đề tài; sáng kiến;
điểm đến; làng nghề; cơ sở; trường học; trường; trạm y tế; bệnh viện; nhà văn hóa; nhà văn hoá;
thư viện; khu công nghiệp; cụm công nghiệp; khu du lịch; điểm du lịch; di tích; lễ hội; cán bộ;
công chức; viên chức; đảng viên; học viên; học sinh; sinh viên; giáo viên; giảng viên;
người lao động; lao động; hội viên; đoàn viên; thành viên; tình nguyện viên; hội nghị; hội thảo;
cuộc thi; tin bài; bài viết; phóng sự; chuyên đề; chuyên mục; ấn phẩm; tài liệu; dữ liệu;
cơ sở dữ liệu; nền tảng; ứng dụng; dịch vụ; thủ tục; hồ sơ; giấy phép; tài khoản; thuê bao;
tổ dân phố; khu phố; thị trấn; giường bệnh; bác sĩ; du khách; khách du lịch; tập huấn;
bồi dưỡng; đào tạo; tuyên truyền; chuyên gia; nhà khoa học; sáng chế; bằng sáng chế; phần mềm;
hệ thống; giải pháp; chỉ tiêu; tiêu chí; tiêu chuẩn; văn bản; quy trình; hợp đồng; gian hàng;
chợ; siêu thị; trung tâm; trung tâm thương mại; cửa hàng; thương hiệu; nhãn hiệu; chỉ dẫn địa lý;
nhà ở; căn hộ; công nhân; phụ nữ; thanh niên; trẻ em; người dân; nhân khẩu; việc làm;
cơ quan; đơn vị; tổ chức; điểm truy cập; trạm phát sóng; trạm BTS; camera; máy tính;
chi bộ; đảng bộ; tổ chức đảng; tổ chức cơ sở đảng; công an; bản tin; bài giảng; khóa học;
khoá học; lớp học; chi hội; chi đoàn; tổ hội; mỏ; hồ chứa; giếng; cây xanh; con giống; vật nuôi; mặt hàng; sự kiện
"""
_COLLECTIVES = frozenset("bộ tập gói nhóm loại đợt lớp cuộc buổi chuyến ngôi chiếc căn tấm khóa khoá".split())
# Words that end a counted-noun phrase (verbs, prepositions, qualifiers).
_STOP = frozenset("""
trở và hoặc của trong trên dưới với đến tới từ so đạt là được có để theo tại ở cho bằng như thì mà
nhưng khi gồm trong đó thuộc về do vào ra lên xuống còn đã sẽ đang phải cần không chưa mỗi các những
một hai ba bốn năm sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ tỉ
""".split())

# Counted nouns written as a pair with a comma ("01 tin, bài").
_PAIR_RE = re.compile(r"\s*(?:tin,\s*bài|bài,\s*tin|tin,\s*ảnh)(?![\w])", re.IGNORECASE)
# An abbreviation in capitals after a number: "12 KCN", "37 CCN", "3 HTX" (not a Roman numeral).
_ABBREVIATION = re.compile(r"(?![IVXLCDM]+$)[A-ZĐ]{2,5}")
_COMPOUND_SET = frozenset(c.strip() for c in _COMPOUNDS.replace("\n", " ").split(";") if c.strip())
_MAX_COMPOUND = max(len(c.split()) for c in _COMPOUND_SET)

# Comparators written before the number (longest first) and after it.
_CMP_BEFORE = [
    (r"không\s+(?:thấp|ít|nhỏ)\s+hơn", ">="), (r"không\s+dưới", ">="), (r"tối\s+thiểu(?:\s+là)?", ">="),
    (r"ít\s+nhất(?:\s+là)?", ">="), (r"≥|>=|=>", ">="),
    (r"đạt\s+và\s+vượt(?:\s+mức)?", ">="),
    (r"không\s+(?:vượt\s+)?quá", "<="), (r"không\s+(?:cao|nhiều|lớn)\s+hơn", "<="), (r"tối\s+đa(?:\s+là)?", "<="),
    (r"nhiều\s+nhất", "<="), (r"≤|<=|=<", "<="),
    (r"(?:cao|nhiều|lớn)\s+hơn", ">"), (r"trên", ">"), (r"hơn", ">"), (r">", ">"),
    (r"(?:thấp|ít|nhỏ)\s+hơn", "<"), (r"dưới", "<"), (r"<", "<"),
    (r"từ", ">="),
    (r"khoảng|xấp\s+xỉ|gần|trên\s+dưới|bình\s+quân|trung\s+bình", "="),
]
_CMP_BEFORE_RE = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(:;,]))(?P<cmp>(?:" + "|".join(f"(?:{p})" for p, sym in _CMP_BEFORE if sym != "=") + r")"
    r"(?:\s+(?:đạt|là|ở\s+mức|mức))?"   # a bound before the verb: "tối thiểu đạt 80%", "dưới mức 3%"
    r"|" + "|".join(f"(?:{p})" for p, sym in _CMP_BEFORE if sym == "=") + r")\s*$",
    re.IGNORECASE)
_CMP_AFTER_RE = re.compile(r"^\s*(?P<cmp>trở\s+lên|trở\s+xuống)\b", re.IGNORECASE)
_CMP_AFTER_NOUN_RE = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,6}?\s+(?P<cmp>trở\s+lên|trở\s+xuống)\b", re.IGNORECASE)
_CMP_AFTER_SHARE_RE = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,4}?\s+(?P<cmp>trở\s+lên|trở\s+xuống)\b", re.IGNORECASE)

# Contexts that make a number a reference rather than a quantity.
_REF_BEFORE = re.compile(
    r"(?:\b(?:ngày|tháng|quý|nhiệm\s+kỳ|giai\s+đoạn|khóa|khoá|lần\s+thứ|thứ|điều|khoản|điểm|mục|chương|"
    r"phần|phụ\s+lục|chỉ\s+thị|nghị\s+quyết|nghị\s+định|quyết\s+định|thông\s+tư|kế\s+hoạch|kết\s+luận|"
    r"công\s+văn|luật|thông\s+báo|tờ\s+trình|báo\s+cáo|hướng\s+dẫn|văn\s+bản|biểu|mẫu|quốc\s+lộ|"
    r"tỉnh\s+lộ|đường\s+tỉnh|tổ|khu|cụm|lô|tầng|phòng|số|top|cấp\s+độ|level|version|phiên\s+bản)"
    r"(?:\s+số)?\s*$)",
    re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:năm|đến|tới|từ|trong|hết|cuối|đầu|giữa|sau|trước|niên\s+độ|vụ|mùa)\s*$",
                          re.IGNORECASE)

_WS = r"[ \t\u00a0]*"
_QTY_RE = re.compile(
    r"(?P<num>" + _NUM_ALONE + r")"
    r"(?:\s*[-–]\s*(?P<num2>" + _NUM + r")(?![\w])(?![.,]\d)(?!\s?/\s?\d))?"
    r"(?P<pct>" + _WS + r"(?:%|phần\s+trăm)" + _RATE + r")?",
    re.IGNORECASE)
_PCT_RANGE_RE = re.compile(r"^\s*(?:[-–]|đến|tới)\s*(?P<num2>" + _NUM + r")" + _WS + r"(?:%|phần\s+trăm)(?P<rate>" + _RATE + r")",
                            re.IGNORECASE)
_RANGE_TO_RE = re.compile(r"^\s*(?:đến|tới)\s*(?P<num2>" + _NUM + r")(?![\w.,/])", re.IGNORECASE)

_SCALE_RE = re.compile(r"^\s+(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\b", re.IGNORECASE)
_CURRENCY_RE = re.compile(r"^\s+(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+)*" + _CURRENCY + r"(?![\w])" + _RATE,
                          re.IGNORECASE)
_MEASURE_RE = re.compile(
    r"^\s*(?P<unit>" + "|".join(re.escape(u) for u in sorted(_MEASURES, key=len, reverse=True)) + r")"
    r"(?![\w])(?P<rate>" + _RATE + r")")
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass
class Quantity:
    """One quantity in a text. `start`/`end` span the number and its unit as written (counted
    nouns excluded: they belong to the indicator's text, see `noun_unit`); `comparator` is read from
    the words around it ("trên 80%" -> ">", "95% trở lên" -> ">="), "=" when none; `cmp_start` and
    `cmp_end` widen the span over those words."""
    value: float
    unit: str
    written: str
    start: int
    end: int
    comparator: str = "="
    cmp_start: int = 0
    cmp_end: int = 0
    noun_unit: bool = False   # the unit is a counted noun that stays in the indicator text
    upper: float | None = None  # the upper bound of a range ("5-7%", "từ 60 đến 70%")


def parse_number(text: str) -> float | None:
    """A Vietnamese-written number as a float: "1.250,5" -> 1250.5, "14,2" -> 14.2, "05" -> 5.
    None when `text` is not a number."""
    s = text.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
        return float(s.replace(",", "."))
    return None


def _number(value: float) -> float:
    return float(round(value, 6))


def _noun_unit(tail: str) -> str:
    """The counted noun at the start of `tail`: a known compound, a collective plus its noun
    ("bộ dữ liệu"), or one syllable; at most three syllables; "" when a stop word comes first."""
    words = []
    for m in _WORD_RE.finditer(tail[:80]):
        gap = tail[(words[-1][1] if words else 0):m.start()]
        if (words and gap.strip()) or (not words and gap.strip(" \t\u00a0")):
            break
        words.append((m.group(0), m.end()))
        if len(words) >= _MAX_COMPOUND + 1:
            break
    low = [w.casefold() for w, _ in words]
    if not low or low[0] in _STOP:
        return ""
    pair = _PAIR_RE.match(tail)
    if pair:
        return pair.group(0).strip()  # "01 tin, bài"
    if not words[0][0][0].islower():
        # a capitalised counted noun is a known compound ("05 Khu công nghiệp") or an abbreviation
        # written in capitals ("12 KCN", "3 HTX"); a capitalised name is not a unit
        if _ABBREVIATION.fullmatch(words[0][0]):
            return words[0][0]
        for n in range(min(len(low), _MAX_COMPOUND), 1, -1):
            if " ".join(low[:n]) in _COMPOUND_SET:
                return " ".join(w for w, _ in words[:min(n, 3)])
        return ""

    def head(ws: list[str]) -> int:
        for n in range(min(len(ws), _MAX_COMPOUND), 0, -1):
            if " ".join(ws[:n]) in _COMPOUND_SET:
                return n
        return 1 if ws and ws[0] not in _STOP else 0

    n = head(low)
    if n == 1 and low[0] in _COLLECTIVES and len(low) > 1 and low[1] not in _STOP:
        n += head(low[1:])
    return " ".join(w for w, _ in words[:min(n, 3)])


def _longer_compound(rest: str, unit: str) -> bool:
    """Does the measure word `unit` open a longer counted noun of the lexicon ("hộ gia đình")?"""
    noun = _noun_unit(rest)
    return len(noun.split()) > len(unit.split()) and noun.casefold().startswith(unit.casefold() + " ")


def scan(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order (see the module docstring for what is skipped)."""
    out: list[Quantity] = []
    last_end = 0
    for m in _QTY_RE.finditer(text):
        if m.start() < last_end:
            continue  # the upper bound of a range already read
        written_num = m.group("num")
        value = parse_number(written_num)
        if value is None:
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if _REF_BEFORE.search(before) and not m.group("pct"):
            continue  # "Điều 39", "khóa 5" (but "kiểu mẫu 20%" is a quantity)
        end = m.end()
        upper = parse_number(m.group("num2")) if m.group("num2") else None
        if m.group("num2") and not m.group("pct") and re.fullmatch(r"(?:19|20)\d\d", m.group("num2")):
            continue  # "2026-2030": a span of years
        unit, noun = "", False
        if m.group("pct"):
            unit = re.sub(r"\s+", "", m.group("pct")).replace("phầntrăm", "%")
            unit = re.sub(r"(?i)phần\s*trăm", "%", unit)
            rng = _PCT_RANGE_RE.match(text[end:]) if upper is None else None
            if rng:  # "5% - 10%", "từ 70% đến 75%": the unit written on both bounds
                upper = parse_number(rng.group("num2"))
                end += rng.end()
                if rng.group("rate"):
                    unit = "%" + re.sub(r"\s+", "", rng.group("rate"))
        else:
            if upper is None:
                rng = _RANGE_TO_RE.match(text[end:])
                if rng:
                    pct = re.match(_WS + r"(?:%|phần\s+trăm)" + _RATE, text[end + rng.end():], re.IGNORECASE)
                    upper = parse_number(rng.group("num2"))
                    end += rng.end()
                    if pct:
                        unit = re.sub(r"(?i)\s*phần\s*trăm", "%", re.sub(r"\s+", "", pct.group(0)))
                        end += pct.end()
            rest = text[end:]
            per = _PER_RE.match(rest)
            if per and not unit:
                unit = "/" + per.group("per") + " " + per.group("who")
                end += per.end()
            if not unit:
                cur = _CURRENCY_RE.match(rest)
                scale = _SCALE_RE.match(rest)
                if cur:
                    unit = re.sub(r"\s+", " ", cur.group(0).strip())
                    unit = re.sub(r"\s?/\s?", "/", unit)
                    end += cur.end()
                elif scale:
                    value *= _SCALE[scale.group("scale").casefold()]
                    if upper is not None:
                        upper *= _SCALE[scale.group("scale").casefold()]
                    end += scale.end()
                    rest = text[end:]
                if not unit:
                    meas = _MEASURE_RE.match(rest)
                    if meas and not meas.group("rate") and _longer_compound(rest, meas.group("unit")):
                        meas = None  # "1.200 hộ gia đình", "500 người lao động": the counted noun
                    if meas:
                        unit = meas.group("unit") + re.sub(r"\s+", "", meas.group("rate") or "")
                        end += meas.end()
                    else:
                        unit = _noun_unit(rest)
                        noun = bool(unit)
        if not unit and re.fullmatch(r"(?:19|20)\d\d", written_num):
            continue  # a bare year
        if re.fullmatch(r"(?:19|20)\d\d", written_num) and _YEAR_BEFORE.search(before) and (
                unit in ("", *TIME_UNITS) or noun and re.search(r"\bnăm\s*$", before, re.IGNORECASE)):
            continue  # "năm 2030 phấn đấu …": a year, whatever word follows
        q = Quantity(value=_number(value), unit=unicodedata.normalize("NFC", unit),
                     written=unicodedata.normalize("NFC", text[m.start():end].strip()),
                     start=m.start(), end=end, upper=_number(upper) if upper is not None else None,
                     noun_unit=noun)
        q.comparator, q.cmp_start, q.cmp_end = _comparator(text, q)
        out.append(q)
        last_end = end
    if _WRITTEN_HINT.search(text):
        words = _written(text, out)
        if words:
            out = sorted(out + words, key=lambda q: q.start)
    if "/" in text:
        parts = _fractions(text, out)
        if parts:
            out = sorted(out + parts, key=lambda q: q.start)
    return out


# A count out of a whole before its counted noun: "có 10/12 xã đạt chuẩn", "đạt 19/19 tiêu chí".
_FRACTION_RE = re.compile(r"(?<![\w.,/\\-])(?P<num>\d{1,4})\s?/\s?(?P<whole>\d{1,4})(?![\w.,/\\-])")
_DATE_BEFORE = re.compile(r"\b(?:ngày|tháng|số|năm|lúc|hồi|từ|đến|trước|sau)\s*$", re.IGNORECASE)


def _fractions(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Counts written as a part of a whole ("10/12 xã"): value the part, unit the counted noun;
    not a date ("ngày 10/12"), nor a fraction in brackets ("100% (12/12) xã")."""
    out = []
    for m in _FRACTION_RE.finditer(text):
        num, whole = int(m.group("num")), int(m.group("whole"))
        if not 0 < num <= whole or any(q.start <= m.start() < q.end for q in taken):
            continue
        before = text[max(0, m.start() - 40):m.start()]
        if _DATE_BEFORE.search(before) or _REF_BEFORE.search(before) or before.count("(") > before.count(")"):
            continue
        unit = _noun_unit(text[m.end():])
        if not unit or not unit[:1].islower() or unit.split()[0] in _NOT_COUNTED:
            continue  # "1/3 số hộ": a share, not a count
        q = Quantity(value=float(num), unit=unicodedata.normalize("NFC", unit), written=m.group(0),
                     start=m.start(), end=m.end(), noun_unit=True)
        q.comparator, q.cmp_start, q.cmp_end = _comparator(text, q)
        out.append(q)
    return out


_WRITTEN_HINT = re.compile(r"ít\s+nhất|tối\s+(?:thiểu|đa)|không\s|nhiều\s+nhất|gấp", re.IGNORECASE)


# Numbers written in words, read only after a bound or "gấp" and before a unit ("ít nhất một mô
# hình", "tối thiểu hai hội nghị", "tăng gấp ba lần"): elsewhere "một" is an article ("một số",
# "cung cấp một lần") and "năm" a year.
_DIGIT_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9}
_DIGIT_WORD = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
_WRITTEN_RE = re.compile(
    r"(?<![\w])(?:ít\s+nhất|tối\s+thiểu|không\s+dưới|không\s+(?:ít|thấp|nhỏ)\s+hơn|tối\s+đa|"
    r"không\s+(?:vượt\s+)?quá|nhiều\s+nhất|gấp)(?:\s+là)?\s+"
    r"(?P<num>" + _DIGIT_WORD + r"\s+mươi(?:\s+(?:mốt|lăm|tư|" + _DIGIT_WORD + r"))?"
    r"|mười(?:\s+(?:lăm|" + _DIGIT_WORD + r"))?|" + _DIGIT_WORD + r")(?![\w])", re.IGNORECASE)
_NOT_COUNTED = frozenset("số phần nửa cách lúc trong khi chút ít".split())


def _word_value(words: str) -> int:
    ws = words.casefold().split()
    if ws[0] == "mười":
        return 10 + (_DIGIT_WORDS[ws[1]] if len(ws) > 1 else 0)
    if len(ws) > 1 and ws[1] == "mươi":
        return 10 * _DIGIT_WORDS[ws[0]] + (_DIGIT_WORDS[ws[2]] if len(ws) > 2 else 0)
    return _DIGIT_WORDS[ws[0]]


def _written(text: str, taken: list[Quantity]) -> list[Quantity]:
    """Quantities whose number is written in words (see `_WRITTEN_RE`), outside the spans taken."""
    out = []
    for m in _WRITTEN_RE.finditer(text):
        start, end = m.start("num"), m.end("num")
        if any(q.start <= start < q.end for q in taken):
            continue
        rest = text[end:]
        meas = _MEASURE_RE.match(rest)
        noun = False
        if meas and not (m.group("num").casefold() == "năm" and meas.group("unit") in TIME_UNITS):
            unit = meas.group("unit") + re.sub(r"\s+", "", meas.group("rate") or "")
            end += meas.end()
        else:
            unit = _noun_unit(rest)
            noun = True
        if not unit or unit.split()[0].casefold() in _NOT_COUNTED or re.match(r"\s*\d", rest):
            continue
        q = Quantity(value=float(_word_value(m.group("num"))), unit=unicodedata.normalize("NFC", unit),
                     written=unicodedata.normalize("NFC", text[start:end].strip()), start=start, end=end,
                     noun_unit=noun)
        q.comparator, q.cmp_start, q.cmp_end = _comparator(text, q)
        out.append(q)
    return out


def _comparator(text: str, q: Quantity) -> tuple[str, int, int]:
    """The comparator around a quantity and the span it covers with its comparator words."""
    cmp, start, end = "=", q.start, q.end
    before = text[max(0, q.start - 30):q.start]
    m = _CMP_BEFORE_RE.search(before)
    if m:
        word = re.sub(r"\s+(?:đạt|là|ở\s+mức|mức)$", "", m.group("cmp"), flags=re.IGNORECASE)
        for pattern, sym in _CMP_BEFORE:
            if re.fullmatch(pattern, word, re.IGNORECASE):
                cmp = sym
                break
        start = q.start - (len(before) - m.start("cmp"))
    after = _CMP_AFTER_RE.match(text[q.end:])
    if after:
        cmp = ">=" if after.group("cmp").casefold().startswith("trở lên") or "lên" in after.group("cmp") else "<="
        end = q.end + after.end()
    elif q.noun_unit or q.unit.startswith("%"):
        # "8 hội viên mới trở lên", "95% dân số trở lên": the bound closes the counted noun's
        # phrase (the span stays on the number, the noun belongs to the indicator)
        later = (_CMP_AFTER_NOUN_RE if q.noun_unit else _CMP_AFTER_SHARE_RE).match(text[q.end:])
        if later:
            cmp = ">=" if "lên" in later.group("cmp").casefold() else "<="
    if q.upper is not None and (cmp == "=" or m and re.fullmatch(r"từ", m.group("cmp"), re.IGNORECASE)):
        cmp = "="  # a range "8 - 10%/năm", "từ 60 đến 70%": value and value_max, no comparator
    return cmp, start, end


def find_values(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, as written) of every quantity in `text`: "đạt 14,2%" -> [(14.2, "%", "14,2%")].
    unit is "" for a bare number."""
    text = unicodedata.normalize("NFC", text or "")
    return [(q.value, q.unit, q.written) for q in scan(text)]
