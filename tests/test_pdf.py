"""PDF reader: layout rules on real-looking lines, and the committed samples and fixtures."""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from extract.errors import NeedsOCR, UnreadableFile
from extract.model import Cell, Paragraph, Table
from extract.readers.pdf import DamagedPDF, EncryptedPDF, read_pdf
from extract.readers.pdf_lines import Line, broken_inside, join_text, paragraph_breaks
from extract.readers.pdf_tables import is_header_repeat
from extract.readers.pdf_text import Word

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "pdf"
TABLE_PLAN = ROOT / "samples" / "thanhbinh-ubnd-kh-chuyendoiso-2024.pdf"
LEFT, RIGHT, SIZE = 85.0, 540.0, 13.0


def line(text: str, x0: float = LEFT, x1: float | None = None, base: float = 100.0,
         size: float = SIZE, bold: bool = False, page: int = 1) -> Line:
    """A line of words laid out from x0 (7 pt per character) or stretched to x1 (justified)."""
    tokens = text.split()
    natural = sum(len(t) for t in tokens) * 7 + 3.5 * (len(tokens) - 1)
    stretch = ((x1 - x0) / natural) if x1 else 1.0
    words, x = [], x0
    for t in tokens:
        w = len(t) * 7 * stretch
        words.append(Word(t, x, base - 0.8 * size, x + w, base + 0.25 * size, base, size, bold))
        x += w + 3.5 * stretch
    return Line(words, page, [words])


def breaks(*lines: Line) -> list:
    return paragraph_breaks(list(lines), LEFT, RIGHT, pitch=17.0)


# ------------------------------------------------------------------ paragraph joining
@pytest.mark.parametrize("prev, nxt, new", [
    # justified line carrying on: joined
    (line("Thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành", x1=RIGHT),
     line("Đảng bộ tỉnh về tiếp tục thực hiện Đề án", base=117), False),
    # a line continuing with a number that is not a marker (85/2015/QH13)
    (line("Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số", x1=RIGHT),
     line("85/2015/QH13, ngày 25/6/2015 và được sửa đổi", base=117), False),
    # a hyphen that was a range dash wrapped to the line start
    (line("bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026", x1=RIGHT),
     line("- 2031; Kế hoạch số 06/KH-MTTW-BTT", base=117), False),
    # a sentence ending at the margin, the next line lower-case: the same paragraph
    (line("Tăng cường công tác tuyên truyền bằng nhiều hình thức như hội nghị, v.v.", x1=RIGHT),
     line("trên các phương tiện thông tin đại chúng", base=117), False),
    # numbering markers after a finished line
    (line("2. Yêu cầu"), line("a) Kế hoạch được triển khai đồng bộ", base=117), True),
    (line("trong tình hình mới.", x1=200), line("1.2. Nâng cao chất lượng", base=117), True),
    (line("Các nhiệm vụ trọng tâm như sau:", x1=RIGHT), line("- Tuyên truyền Kết luận số 224", base=117), True),
    (line("hoạt động ổn định, hiệu quả;", x1=RIGHT), line("+ Duy trì trạm truyền thanh", base=117), True),
    (line("trong toàn Đảng bộ.", x1=260), line("(1) 100% cán bộ được bồi dưỡng", base=117), True),
    (line("II- NỘI DUNG", bold=True), line("1. Mục tiêu", base=117, bold=True), True),
    # an indented first line
    (line("vững mạnh.", x1=150), line("Nâng cao nhận thức của cấp ủy", x0=LEFT + 28, base=117), True),
    # a sentence ended at the margin and the next starts with a capital
    (line("chất lượng công tác tư tưởng trong toàn Đảng bộ huyện năm 2022.", x1=RIGHT),
     line("Đẩy lùi sự suy thoái về tư tưởng chính trị", base=117), True),
    # a short line whose next word would have fit
    (line("Ban Tuyên giáo Huyện ủy chủ trì thực hiện", x1=330),
     line("tổ chức hội nghị quán triệt", base=117), True),
    # a wider gap than the line pitch
    (line("xây dựng Đảng", x1=RIGHT), line("và hệ thống chính trị", base=140), True),
    # a heading in bold followed by body text
    (line("1. Mục đích", bold=True), line("Cụ thể hóa Kết luận 224-KL/TU", base=117), True),
])
def test_paragraph_breaks(prev, nxt, new):
    assert breaks(prev, nxt) == [new]


def test_centered_title_lines_join():
    a = line("Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI", x0=150, bold=True)
    b = line("và bầu cử đại biểu HĐND các cấp", x0=200, base=117, bold=True)
    shift = (LEFT + RIGHT) / 2 - (a.x0 + a.x1) / 2
    for w in a.words:
        w.x0, w.x1 = w.x0 + shift, w.x1 + shift
    shift = (LEFT + RIGHT) / 2 - (b.x0 + b.x1) / 2
    for w in b.words:
        w.x0, w.x1 = w.x0 + shift, w.x1 + shift
    assert breaks(a, b) == [True]  # "và" would have fitted: the writer broke the title on purpose
    wide = line("Thực hiện công tác bầu cử đại biểu Quốc hội khóa XVI và bầu cử đại biểu", x0=LEFT + 8,
                x1=RIGHT - 8, bold=True)
    assert breaks(wide, line("Hội đồng nhân dân", x0=250, base=117, bold=True)) == [False]


# ------------------------------------------------------------------ tokens broken in a cell
@pytest.mark.parametrize("prev, nxt, filled, joined", [
    ("30/6/202", "4", True, True),
    ("Tháng 9/202", "4", True, True),
    ("31/12/", "2024", True, True),
    ("Quý II/202", "4", True, True),
    ("30/6/2", "024", False, True),
    ("Thườ", "ng xuyên", True, True),
    ("xuyê", "n", True, True),
    ("Quý", "II/2024", False, False),
    ("Từ năm 2022", "đến năm 2025", False, False),
    ("Hằng", "năm", True, False),
    ("Năm 2024", "2025", False, False),
    ("Phòng Văn hóa", "và Thông tin", True, False),
])
def test_broken_token(prev, nxt, filled, joined):
    assert broken_inside(prev, nxt, filled) is joined


def test_cell_lines_joined_with_and_without_space():
    a = line("Tháng", x0=470, base=100)
    b = line("9/202", x0=470, base=114)
    c = line("4", x0=470, base=128)
    for w in b.words:
        w.x1 = 506
    assert join_text([a, b, c], right=507) == "Tháng 9/2024"


# ------------------------------------------------------------------ repeated header rows
@pytest.mark.parametrize("first", [
    ["Stt", "Nội dung", "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
    ["Số thứ tự", "Nội dung", "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện"],
    ["TT", "Nội dung công việc", "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian"],
    ["STT", "NỘI DUNG", "ĐƠN VỊ CHỦ TRÌ", "CƠ QUAN PHỐI HỢP", "THỜI GIAN THỰC HIỆN"],
])
def test_header_repeat_recognised(first):
    header = [Cell(t) for t in ["Stt", "Nội dung", "Đơn vị chủ trì", "Cơ quan phối hợp",
                                "Thời gian thực hiện"]]
    assert is_header_repeat([Cell(t) for t in first], header)


def test_body_row_is_not_a_header():
    header = [Cell(t) for t in ["Stt", "Nội dung", "Đơn vị chủ trì", "Cơ quan phối hợp", "Thời gian"]]
    row = [Cell(t) for t in ["6", "Nội dung tuyên truyền", "Ban Tuyên giáo", "Các cơ quan", "Hằng năm"]]
    assert not is_header_repeat(row, header)


# ------------------------------------------------------------------ the committed samples
@pytest.fixture(scope="module")
def table_plan():
    return read_pdf(str(TABLE_PLAN))


def _tables(raw) -> list:
    return [b for b in raw.blocks if isinstance(b, Table)]


def test_letterhead_split_into_two_cells(table_plan):
    first = table_plan.blocks[0]
    assert isinstance(first, Table) and len(first.rows) == 1 and len(first.rows[0]) == 2
    left, right = first.rows[0]
    assert left.text.splitlines()[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN THANH BÌNH"]
    assert "Số: 87/KH-UBND" in left.text and "CỘNG HÒA" not in left.text
    assert right.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT")
    assert right.text.endswith("Thanh Bình, ngày 15 tháng 3 năm 2024")
    assert table_plan.blocks[1].text == "KẾ HOẠCH" and table_plan.blocks[1].bold


def test_running_header_and_page_numbers_dropped(table_plan):
    texts = [b.text for b in table_plan.blocks if isinstance(b, Paragraph)]
    assert not any("huyện Thanh Bình" in t and t.startswith("Kế hoạch thực hiện") for t in texts)
    assert not any(t.strip().isdigit() for t in texts)
    assert table_plan.pages == 4


def test_table_across_pages_is_one_table(table_plan):
    tasks = _tables(table_plan)[1]
    assert tasks.source.page == 2
    heads = [r for r in tasks.rows if r[0].text in ("Stt", "Số thứ tự", "TT")]
    assert len(heads) == 1
    groups = [r[0].text for r in tasks.rows if len(r) == 1]
    assert groups == ["I. Hạ tầng số và dữ liệu số", "II. Chính quyền số",
                      "III. Kỹ năng số và bảo đảm an toàn thông tin"]
    assert all(r[0].span == 5 for r in tasks.rows if len(r) == 1)
    numbered = [r for r in tasks.rows if len(r) == 5 and r[0].text.isdigit()]
    assert len(numbered) == 19 and all(r[1].text for r in numbered)
    assert not [r for r in tasks.rows if len(r) == 5 and not r[0].text]   # split rows joined


def test_row_split_by_page_break_joined(table_plan):
    tasks = _tables(table_plan)[1]
    long = [r for r in tasks.rows if len(r) == 5 and "Nội dung này gồm các bước" in r[1].text]
    assert len(long) == 1
    assert long[0][1].text.endswith("trình Ủy ban nhân dân huyện xem xét")
    assert long[0][4].text == "Tháng 9/2024"


def test_vertically_merged_lead_cell_copied(table_plan):
    tasks = _tables(table_plan)[1]
    group1 = []
    for r in tasks.rows[2:]:
        if len(r) == 1:
            break
        group1.append(r)
    leads = [(r[2].text, r[2].merged) for r in group1[-3:]]
    assert leads == [("Phòng Văn hóa và Thông tin", False), ("Phòng Văn hóa và Thông tin", True),
                     ("Phòng Văn hóa và Thông tin", True)]


def test_dates_broken_inside_a_narrow_cell_rejoined(table_plan):
    deadlines = {r[4].text for r in _tables(table_plan)[1].rows if len(r) == 5}
    assert {"30/6/2024", "31/12/2024", "Quý II/2024", "Tháng 9/2024", "Thường xuyên"} <= deadlines
    assert not any(" 4" in d or "/ " in d for d in deadlines)


def test_provenance_page_and_bbox(table_plan):
    for b in table_plan.blocks:
        assert b.source.page and len(b.source.bbox) == 4
        if isinstance(b, Table):
            for r, row in enumerate(b.rows):
                for c, cell in enumerate(row):
                    assert (cell.source.row, cell.source.cell) == (r, c) and cell.source.page


def test_signature_block_left_then_right(table_plan):
    texts = [b.text for b in table_plan.blocks if isinstance(b, Paragraph)]
    k = texts.index("Nơi nhận:")
    assert texts[k + 1:k + 4] == ["- TT. Huyện ủy;", "- TT. HĐND huyện;", "- Lưu: VT."]
    assert texts[k + 4:k + 8] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "samples").glob("*.pdf")))
def test_samples_text_is_nfc(name):
    raw = read_pdf(str(ROOT / "samples" / name))
    assert raw.format == "pdf" and raw.pages >= 1
    for b in raw.blocks:
        texts = [c.text for r in b.rows for c in r] if isinstance(b, Table) else [b.text]
        for t in texts:
            assert t == unicodedata.normalize("NFC", t)


def test_seed_paragraphs_hard_wrapped_lines_joined():
    raw = read_pdf(str(ROOT / "samples" / "tamduong-ubnd-kh-congtac-tutuong-2022.pdf"))
    texts = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in texts
    assert any(t.startswith("1. Mục đích: Cụ thể hóa Kế hoạch số 102-KH/HU") and
               t.endswith("hoàn thành tốt nhiệm vụ được giao.") for t in texts)


# ------------------------------------------------------------------ fonts and bad files
def test_tcvn3_font_converted_by_name():
    raw = read_pdf(str(DATA / "tcvn3-font.pdf"))
    text = " ".join(b.text for b in raw.blocks)
    assert "Cộng hoà xã hội chủ nghĩa Việt Nam" in text
    assert "Kế hoạch thực hiện công tác dân vận năm 2024" in text


def test_glyphs_without_unicode_reported_not_passed_on():
    raw = read_pdf(str(DATA / "no-unicode-map.pdf"), ocr="never")
    found = [f for f in raw.findings if f.code == "unreadable-text"]
    assert found and found[0].severity == "error" and found[0].source.page == 1
    assert "không đọc được" in found[0].message
    text = " ".join(c.text for b in raw.blocks for c in (
        [c for r in b.rows for c in r] if isinstance(b, Table) else [b]))
    assert not any(ord(ch) < 32 and ch != "\n" for ch in text)
    assert "1. Sở Nội vụ chủ trì" in text


def test_encrypted_with_password_is_a_clear_error():
    with pytest.raises(EncryptedPDF) as e:
        read_pdf(str(DATA / "encrypted.pdf"))
    assert "encrypted.pdf" in str(e.value) and "password" in str(e.value)
    assert isinstance(e.value, UnreadableFile)


def test_encrypted_with_empty_password_is_read():
    raw = read_pdf(str(DATA / "encrypted-empty-password.pdf"))
    assert any(isinstance(b, Paragraph) and b.text == "KẾ HOẠCH" for b in raw.blocks)


def test_encrypted_with_given_password():
    raw = read_pdf(str(DATA / "encrypted.pdf"), password="secret")
    assert any(isinstance(b, Paragraph) and b.text == "KẾ HOẠCH" for b in raw.blocks)


def test_scan_without_text_layer_needs_ocr():
    with pytest.raises(NeedsOCR) as e:
        read_pdf(str(DATA / "scanned.pdf"), ocr="never")
    msg = str(e.value)
    assert "scanned.pdf" in msg and "--ocr" in msg and "tesseract-ocr-vie" in msg


@pytest.mark.parametrize("name, error", [
    ("truncated.pdf", DamagedPDF), ("empty.pdf", DamagedPDF), ("not-a-pdf.pdf", UnreadableFile)])
def test_bad_files_raise_the_tools_errors(name, error):
    with pytest.raises(error) as e:
        read_pdf(str(DATA / name))
    assert name in str(e.value) and " — " in str(e.value)


@pytest.mark.skipif(not shutil.which("tesseract"), reason="tesseract not installed")
def test_ocr_reads_a_scan():
    raw = read_pdf(str(DATA / "scanned.pdf"), ocr=True)
    texts = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert "KẾ HOẠCH" in texts
    assert any("30/6/2024" in t for t in texts)
    assert isinstance(raw.blocks[0], Table)
