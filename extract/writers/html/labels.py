"""Vietnamese words of the HTML report: finding codes, severities, deadline kinds, comparators,
text repairs, dates (`ngày 05/4/2025`) and provenance (`dòng 12–14`, `trang 3, bảng 1, hàng 4`).
Reads: values of the plan JSON. Writes: plain strings (escaping is the pages' job)."""
from __future__ import annotations

import re

SEVERITIES = ("error", "warning", "info")
SEVERITY = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Thông tin"}

FINDING = {
    "missing-lead": "Thiếu đơn vị chủ trì",
    "missing-deadline": "Thiếu thời hạn",
    "column-shift": "Lệch cột (đã sửa)",
    "empty-row": "Dòng trống",
    "numbering-duplicate": "Trùng số thứ tự",
    "numbering-order": "Số thứ tự lùi lại",
    "numbering-gap": "Số thứ tự bị nhảy",
    "target-mismatch": "Chỉ tiêu không khớp",
    "missing-number": "Chưa có số văn bản",
    "unreadable-text": "Ký tự không đọc được",
    "ocr": "Đọc bằng OCR",
    "garbled-text": "Chữ lỗi phông, đã bỏ qua",
    "not-a-plan": "Không phải kế hoạch",
}

# Which cell of a task row a finding belongs to (the rest go to the row as a whole).
FINDING_CELL = {
    "missing-lead": "lead",
    "missing-deadline": "deadline",
    "column-shift": "deadline",
    "numbering-duplicate": "number",
    "numbering-order": "number",
    "numbering-gap": "number",
    "empty-row": "content",
    "target-mismatch": "content",
}

DEADLINE_KIND = {
    "once": "Mốc thời gian",
    "range": "Khoảng thời gian",
    "recurring": "Định kỳ",
    "continuous": "Thường xuyên",
    "conditional": "Theo điều kiện",
    None: "Chưa có",
}
PERIOD = {"year": "hằng năm", "half-year": "6 tháng", "quarter": "hằng quý", "month": "hằng tháng",
          "week": "hằng tuần", "day": "hằng ngày"}

COMPARATOR = {"=": "", ">=": "≥", ">": ">", "<=": "≤", "<": "<"}
COMPARATOR_WORDS = {"=": "bằng", ">=": "trở lên", ">": "trên", "<=": "không quá", "<": "dưới"}

REPAIR = {
    "mojibake": "Sửa chữ UTF-8 bị đọc nhầm bảng mã",
    "nfc": "Chuẩn hóa Unicode dựng sẵn (NFC)",
    "zero-width": "Bỏ ký tự vô hình",
    "no-break-space": "Thay dấu cách không ngắt",
    "split-words": "Tách chữ bị dính liền",
    "tone-first": "Đặt dấu thanh kiểu cũ (hòa, thủy)",
    "tone-main": "Đặt dấu thanh kiểu mới (hoà, thuỷ)",
    "eth-to-dj": "Sửa chữ ð thành đ",
    "legacy_font": "Chuyển phông chữ cũ (TCVN3, VNI) sang Unicode",
    "pdf-font-program": "Đọc lại chữ PDF theo bảng mã trong phông nhúng",
    "pdf-font-shift": "Đọc lại chữ PDF bị lệch mã",
}

FORMAT = {"txt": "văn bản (.txt)", "docx": "Word (.docx)", "doc": "Word (.doc)", "pdf": "PDF"}


def finding(code) -> str:
    return FINDING.get(code) or str(code or "")


def repair(step) -> str:
    step = str(step or "")
    if step in REPAIR:
        return REPAIR[step]
    if "+legacy-" in step:   # a PDF font reading with a legacy table on top
        base, enc = step.split("+legacy-", 1)
        return f"{repair(base)}, bảng mã {enc.upper()}"
    if step.startswith("legacy-"):
        return f"Chuyển bảng mã {step[7:].upper()} sang Unicode"
    return step


def _word(value):
    return value if isinstance(value, str) else None


def deadline_kind(deadline: dict) -> str:
    kind = _word(deadline.get("kind"))
    label = DEADLINE_KIND.get(kind, str(kind))
    period = PERIOD.get(_word(deadline.get("period")))
    return f"{label} ({period})" if kind == "recurring" and period else label


_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def _two(n: int, pad: bool) -> str:
    return f"{n:02d}" if pad else str(n)


def date(value, prefix: bool = True) -> str:
    """ISO date of the JSON -> Vietnamese: `ngày 05/4/2025`, `tháng 02/2025`, `năm 2025`. As in
    administrative writing, days below 10 and the months 1 and 2 take a leading zero."""
    m = _ISO.match(str(value or ""))
    if not m:
        return str(value or "")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d and mo:
        text = f"{_two(int(d), True)}/{_two(int(mo), int(mo) < 3)}/{y}"
        return f"ngày {text}" if prefix else text
    if mo:
        return f"tháng {_two(int(mo), int(mo) < 3)}/{y}"
    return f"năm {y}"


def source(src) -> str:
    """Where an item stands, in words, counting from 1 as a reader does (the JSON counts Word
    paragraphs, tables, rows and cells from 0)."""
    if not isinstance(src, dict):
        return ""
    parts = []
    if src.get("page") is not None:
        parts.append(f"trang {src['page']}")
    if isinstance(src.get("line"), int):
        end = src.get("line_end")
        parts.append(f"dòng {src['line']}" + (f"–{end}" if isinstance(end, int) and end != src["line"] else ""))
    for key, word in (("paragraph", "đoạn"), ("table", "bảng"), ("row", "hàng"), ("cell", "ô")):
        if isinstance(src.get(key), int):
            parts.append(f"{word} {src[key] + 1}")
    return ", ".join(parts)


def number(n) -> str:
    """1234567 -> '1.234.567' (Vietnamese thousands separator)."""
    try:
        return f"{int(n):,}".replace(",", ".")
    except (TypeError, ValueError):
        return str(n or 0)


def decimal(value) -> str | None:
    """A parsed value the Vietnamese way: 1250000.0 -> '1.250.000', 14.2 -> '14,2' (None if not a number)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or abs(value) == float("inf"):
        return None
    whole, _, frac = f"{value:,.6f}".rstrip("0").rstrip(".").partition(".")
    return whole.replace(",", ".") + ("," + frac if frac else "")


def quarter(iso) -> tuple | None:
    """'2025-05-31' -> (2025, 2) (None without a year and month)."""
    m = _ISO.match(str(iso or ""))
    if not m or not m.group(2) or not 1 <= int(m.group(2)) <= 12:
        return None
    return int(m.group(1)), (int(m.group(2)) - 1) // 3 + 1


def quarter_label(q: tuple) -> str:
    """(2025, 2) -> 'Quý II/2025'."""
    return f"Quý {('I', 'II', 'III', 'IV')[q[1] - 1]}/{q[0]}"
