"""Document header and signature block (extract/header.py).

Blocks are built as the readers make them: letterhead lines as separate paragraphs in any order,
a 2-column letterhead table, PDF lines where both columns run together, signature blocks as
paragraphs or as a "Nơi nhận | signer" table."""
import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest

from extract.header import body_case, extract_header, parse_date, parse_number
from extract.model import Cell, Paragraph, Source, Table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def P(text, line=None, bold=False):
    return Paragraph(text=text, source=Source(line=line), bold=bold)


def T(*rows):
    return Table(rows=[[Cell(text=c) for c in r] for r in rows])


def paras(*lines):
    return [P(t, i + 1) for i, t in enumerate(lines)]


def fold(s):
    return unicodedata.normalize("NFC", s or "").casefold()


BODY = ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân."]
CLOSING = ["Nơi nhận:", "- Thường trực Tỉnh ủy (b/c);", "- UBND các xã, thị trấn;", "- Lưu: VT.",
           "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]


# --------------------------------------------------------------------------- numbers
@pytest.mark.parametrize("text, number, symbol", [
    ("45/KH-UBND", "45/KH-UBND", "KH-UBND"),
    ("28-KH/ĐU", "28-KH/ĐU", "KH/ĐU"),
    ("16/KH-MTTQ-BTT", "16/KH-MTTQ-BTT", "KH-MTTQ-BTT"),
    (" /KH-UBND", None, "KH-UBND"),
    ("      /KH-UBND", None, "KH-UBND"),
    (" -CTr/ĐU", None, "CTr/ĐU"),
    ("    -KH/HU", None, "KH/HU"),
    (" KH/HU", None, "KH/HU"),
    (" ......../KH-UBND", None, "KH-UBND"),
    (" …/KH-UBND", None, "KH-UBND"),
    (" 45 /KH-UBND", "45/KH-UBND", "KH-UBND"),
    (" 45 / KH - UBND", "45/KH-UBND", "KH-UBND"),
    (" 12/2024/QĐ-UBND", "12/2024/QĐ-UBND", "QĐ-UBND"),
    (" 05-CTr/TU", "05-CTr/TU", "CTr/TU"),
    (" 1234/UBND-VX", "1234/UBND-VX", "UBND-VX"),
    (" 617/KH-UBND Đồng Tháp, ngày 01 tháng 12 năm 2025", "617/KH-UBND", "KH-UBND"),
    (" /KH-UBND Tam Đường, ngày tháng 6 năm 2022", None, "KH-UBND"),
    (" 87/KH-SCT", "87/KH-SCT", "KH-SCT"),
    (" 15-KH/TĐTN-BTG", "15-KH/TĐTN-BTG", "KH/TĐTN-BTG"),
])
def test_number_and_symbol_in_all_forms(text, number, symbol):
    got_number, got_symbol, _ = parse_number(text)
    assert (got_number, got_symbol) == (number, symbol)


@pytest.mark.parametrize("text", ["", "   ", "Tam Đường", "123", ": ......", " TỈNH", " KH"])
def test_number_line_without_symbol_reads_nothing(text):
    assert parse_number(text)[:2] == (None, None)


# --------------------------------------------------------------------------- dates
@pytest.mark.parametrize("text, iso", [
    ("Lào Cai, ngày 05 tháng 3 năm 2024", "2024-03-05"),
    ("ngày 18 tháng 11 năm 2025", "2025-11-18"),
    ("Mường Tè, ngày tháng 01 năm 2022", "2022-01"),
    ("Tam Đường, ngày    tháng 6 năm 2022", "2022-06"),
    ("Lào Cai, ngày  tháng  năm 2026", "2026"),
    ("Hà Nội, ngày … tháng … năm 2025", "2025"),
    ("Hà Nội, ngày ... tháng ... năm 2025", "2025"),
    ("ngày 1/3/2024", "2024-03-01"),
    ("ngày 01-03-2024", "2024-03-01"),
    ("ngày 01.03.2024", "2024-03-01"),
    ("ngày 31 tháng 02 năm 2024", "2024-02"),  # no such day: the month stands
    ("Ngày 7 Tháng 9 Năm 2023", "2023-09-07"),
])
def test_dates_in_all_forms(text, iso):
    assert parse_date(text)[0] == iso


def test_text_without_a_date_has_none():
    assert parse_date("Thực hiện trong năm học mới") == (None, None)


# --------------------------------------------------------------------------- issuer casing
@pytest.mark.parametrize("caps, cased", [
    ("HUYỆN ỦY MƯỜNG TÈ", "Huyện ủy Mường Tè"),
    ("ĐẢNG BỘ TỈNH LÂM CHÂU", "Đảng bộ tỉnh Lâm Châu"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Ủy ban nhân dân tỉnh Đồng Tháp"),
    ("ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG MINH", "Ủy ban MTTQ Việt Nam xã Lương Minh"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("UBND TỈNH LÀO CAI", "UBND tỉnh Lào Cai"),
    ("TỈNH ỦY YÊN BÁI", "Tỉnh ủy Yên Bái"),
    ("BAN TUYÊN GIÁO", "Ban Tuyên giáo"),
    ("ĐẢNG UỶ XÃ CÔNG HẢI", "Đảng uỷ xã Công Hải"),
    ("ỦY BAN NHÂN DÂN THÀNH PHỐ ĐIỆN BIÊN PHỦ", "Ủy ban nhân dân thành phố Điện Biên Phủ"),
    ("UBND THỊ XÃ SA PA", "UBND thị xã Sa Pa"),
    ("ỦY BAN NHÂN DÂN THỊ TRẤN PHONG THỔ", "Ủy ban nhân dân thị trấn Phong Thổ"),
    ("HỘI ĐỒNG NHÂN DÂN HUYỆN BẢO YÊN", "Hội đồng nhân dân huyện Bảo Yên"),
    ("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH HÀ GIANG", "Ban Chấp hành Đảng bộ tỉnh Hà Giang"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM TỈNH YÊN BÁI", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái"),
    ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
    ("ĐOÀN TNCS HỒ CHÍ MINH", "Đoàn TNCS Hồ Chí Minh"),
    ("BCH TỈNH ĐOÀN LÀO CAI", "BCH Tỉnh đoàn Lào Cai"),
    ("ỦY BAN NHÂN DÂN PHƯỜNG 7", "Ủy ban nhân dân phường 7"),
    # an organ's abbreviation before its body; a school's proper name after its level
    ("BCH HỘI CỰU CHIẾN BINH XÃ TÂN AN", "BCH Hội Cựu chiến binh xã Tân An"),
    ("TRƯỜNG THCS NGUYỄN DU", "Trường THCS Nguyễn Du"),
    ("TRƯỜNG MẦM NON HOA SEN", "Trường Mầm non Hoa Sen"),
    # place names of minority languages: syllables Vietnamese spelling does not have, apostrophes
    ("ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG", "Ủy ban nhân dân tỉnh Đắk Nông"),
    ("UBND HUYỆN KRÔNG BÔNG", "UBND huyện Krông Bông"),
    ("HĐND HUYỆN CƯ M'GAR", "HĐND huyện Cư M'Gar"),
    ("UBND XÃ EA H'LEO", "UBND xã Ea H'Leo"),
    ("BCH ĐOÀN XÃ ĐẠ SAR", "BCH Đoàn xã Đạ Sar"),
    ("Ủy ban nhân dân huyện Bát Xát", "Ủy ban nhân dân huyện Bát Xát"),  # already cased: kept
])
def test_body_names_in_normal_case(caps, cased):
    assert body_case(caps) == cased


# --------------------------------------------------------------------------- letterheads
LETTERHEADS = [
    # (letterhead blocks, issuer, parent, number, symbol, place, date)
    (paras("ĐẢNG BỘ TỈNH LÂM CHÂU", "HUYỆN ỦY MƯỜNG TÈ", "*", "Số 35-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM",
           "Mường Tè, ngày 12 tháng 01 năm 2022"),
     "Huyện ủy Mường Tè", "Đảng bộ tỉnh Lâm Châu", "35-KH/HU", "KH/HU", "Mường Tè", "2022-01-12"),
    (paras("ĐẢNG BỘ TỈNH KHÁNH HÒA", "ĐẢNG ỦY XÃ CAM AN", "Số 12-CTr/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM",
           "Cam An, ngày 3 tháng 11 năm 2025"),
     "Đảng ủy xã Cam An", "Đảng bộ tỉnh Khánh Hòa", "12-CTr/ĐU", "CTr/ĐU", "Cam An", "2025-11-03"),
    (paras("TỈNH ỦY YÊN BÁI", "BAN TUYÊN GIÁO", "*", "Số 28-KH/BTGTU", "ĐẢNG CỘNG SẢN VIỆT NAM",
           "Yên Bái, ngày 1/3/2024"),
     "Ban Tuyên giáo", "Tỉnh ủy Yên Bái", "28-KH/BTGTU", "KH/BTGTU", "Yên Bái", "2024-03-01"),
    (paras("BAN CHẤP HÀNH ĐẢNG BỘ TỈNH HÀ GIANG", "*", "Số 102-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM",
           "Hà Giang, ngày 20 tháng 5 năm 2023"),
     "Ban Chấp hành Đảng bộ tỉnh Hà Giang", None, "102-KH/TU", "KH/TU", "Hà Giang", "2023-05-20"),
    (paras("ỦY BAN NHÂN DÂN", "HUYỆN TAM ĐƯỜNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Số: 45/KH-UBND", "Tam Đường, ngày 05 tháng 3 năm 2024"),
     "Ủy ban nhân dân huyện Tam Đường", None, "45/KH-UBND", "KH-UBND", "Tam Đường", "2024-03-05"),
    (paras("UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Số: 87/KH-SCT", "Lào Cai, ngày 15 tháng 4 năm 2025"),
     "Sở Công Thương", "UBND tỉnh Lào Cai", "87/KH-SCT", "KH-SCT", "Lào Cai", "2025-04-15"),
    (paras("ỦY BAN MTTQ VIỆT NAM", "XÃ LƯƠNG MINH", "BAN THƯỜNG TRỰC", "Số: 16/KH-MTTQ-BTT",
           "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
           "Lương Minh, ngày 18 tháng 11 năm 2025"),
     "Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh", None, "16/KH-MTTQ-BTT", "KH-MTTQ-BTT", "Lương Minh",
     "2025-11-18"),
    (paras("ĐOÀN TNCS HỒ CHÍ MINH", "BCH TỈNH ĐOÀN LÀO CAI", "***", "Số: 15-KH/TĐTN-BTG",
           "Lào Cai, ngày 10 tháng 01 năm 2024"),
     "BCH Tỉnh đoàn Lào Cai", "Đoàn TNCS Hồ Chí Minh", "15-KH/TĐTN-BTG", "KH/TĐTN-BTG", "Lào Cai", "2024-01-10"),
    # date line before the number, motto first
    (paras("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Sơn La, ngày 2 tháng 8 năm 2023",
           "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "Số: 210/KH-UBND"),
     "Ủy ban nhân dân tỉnh Sơn La", None, "210/KH-UBND", "KH-UBND", "Sơn La", "2023-08-02"),
    # a 2-column table (web page, Word)
    ([T(["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"],
        ["Số: 617/KH-UBND", "Đồng Tháp, ngày 01 tháng 12 năm 2025"])],
     "Ủy ban nhân dân tỉnh Đồng Tháp", None, "617/KH-UBND", "KH-UBND", "Đồng Tháp", "2025-12-01"),
    # a table whose cell joins the three lines of an MTTQ letterhead
    ([T(["ỦY BAN MTTQ VIỆT NAM XÃ TÂN LẬP BAN THƯỜNG TRỰC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        ["Số: 09/KH-MTTQ-BTT", "Tân Lập, ngày 4 tháng 6 năm 2025"])],
     "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Lập", None, "09/KH-MTTQ-BTT", "KH-MTTQ-BTT", "Tân Lập", "2025-06-04"),
    # a table cell joining parent and issuer
    ([T(["ĐẢNG BỘ TỈNH LÀO CAI HUYỆN ỦY BẢO YÊN *", "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["Số 61-KH/HU", "Bảo Yên, ngày 9 tháng 9 năm 2024"])],
     "Huyện ủy Bảo Yên", "Đảng bộ tỉnh Lào Cai", "61-KH/HU", "KH/HU", "Bảo Yên", "2024-09-09"),
    # PDF text layer: both columns on one line, the motto cut at the line end
    (paras("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT", "HUYỆN THANH BÌNH NAM", "Độc lập - Tự do - Hạnh phúc",
           "Số: 87/KH-UBND", "Thanh Bình, ngày 15 tháng 3 năm 2024"),
     "Ủy ban nhân dân huyện Thanh Bình", None, "87/KH-UBND", "KH-UBND", "Thanh Bình", "2024-03-15"),
    (paras("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH LAI CHÂU Độc lập - Tự do - Hạnh phúc",
           "Số: 301/KH-UBND Lai Châu, ngày 20 tháng 10 năm 2024"),
     "Ủy ban nhân dân tỉnh Lai Châu", None, "301/KH-UBND", "KH-UBND", "Lai Châu", "2024-10-20"),
    # the motto cut after "CHỦ", the year of the date alone on the line under it
    (paras("UBND TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ", "NGHĨA VIỆT NAM", "SỞ TƯ PHÁP", "Độc lập - Tự do - Hạnh phúc",
           "Số: 210/KH-STP", "Hà Nam, ngày 7 tháng 5 năm", "2025"),
     "Sở Tư pháp", "UBND tỉnh Hà Nam", "210/KH-STP", "KH-STP", "Hà Nam", "2025-05-07"),
    (paras("HUYỆN ỦY SÌN HỒ ĐẢNG CỘNG SẢN VIỆT NAM", "Số 44-KH/HU Sìn Hồ, ngày 02 tháng 02 năm 2023"),
     "Huyện ủy Sìn Hồ", None, "44-KH/HU", "KH/HU", "Sìn Hồ", "2023-02-02"),
    # "SỐ" inside the issuer's name is not a number line
    (paras("UBND TỈNH LÀO CAI", "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH", "Số: 03/KH-BCĐ",
           "Lào Cai, ngày 6 tháng 6 năm 2024"),
     "Ban Chỉ đạo chuyển đổi số tỉnh", "UBND tỉnh Lào Cai", "03/KH-BCĐ", "KH-BCĐ", "Lào Cai", "2024-06-06"),
    # a thành phố with a TP. place
    (paras("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH", "Số: 5012/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
           "Độc lập - Tự do - Hạnh phúc", "Thành phố Hồ Chí Minh, ngày 30 tháng 12 năm 2024"),
     "Ủy ban nhân dân thành phố Hồ Chí Minh", None, "5012/KH-UBND", "KH-UBND", "Thành phố Hồ Chí Minh", "2024-12-30"),
]


@pytest.mark.parametrize("head, issuer, parent, number, symbol, place, date", LETTERHEADS)
def test_letterheads_of_many_issuers_and_layouts(head, issuer, parent, number, symbol, place, date):
    blocks = head + paras("KẾ HOẠCH", "Triển khai thực hiện công tác chuyển đổi số năm 2025") + paras(*BODY)
    r = extract_header(blocks)
    d = r.document
    assert (d.issuer, d.parent_issuer) == (issuer, parent)
    assert (d.number, d.symbol) == (number, symbol)
    assert (d.place, d.date) == (place, date)
    assert d.doc_type == "Kế hoạch"
    assert d.title == "Triển khai thực hiện công tác chuyển đổi số năm 2025"
    assert r.body_start == len(head) + 2
    assert r.findings == []


@pytest.mark.parametrize("line, number_text", [
    ("Số: /KH-UBND", "Số: /KH-UBND"),
    ("Số:      /KH-UBND", "Số: /KH-UBND"),
    ("Số -CTr/ĐU", "Số -CTr/ĐU"),
    ("Số    -KH/HU", "Số -KH/HU"),
    ("Số: ......../KH-UBND", "Số: ......../KH-UBND"),
])
def test_blank_number_is_a_draft_with_a_missing_number_finding(line, number_text):
    blocks = paras("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", line, "Lào Cai, ngày  tháng  năm 2026", "KẾ HOẠCH",
                   "Thực hiện Chỉ thị số 11-CT/TU", *BODY)
    r = extract_header(blocks)
    assert r.document.number is None
    assert r.document.symbol in ("KH-UBND", "CTr/ĐU", "KH/HU")
    assert r.document.number_text == number_text
    assert r.document.source.line == 2
    [f] = r.findings
    assert (f.code, f.severity) == ("missing-number", "info")
    assert "số" in f.message.lower() and f.source.line == 2


@pytest.mark.parametrize("type_line, doc_type", [
    ("KẾ HOẠCH", "Kế hoạch"), ("CHƯƠNG TRÌNH", "Chương trình"), ("BÁO CÁO", "Báo cáo"),
    ("QUYẾT ĐỊNH", "Quyết định"), ("HƯỚNG DẪN", "Hướng dẫn"), ("ĐỀ ÁN", "Đề án"),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "Chương trình"), ("K Ế H O Ạ C H", "Kế hoạch"), ("**KẾ HOẠCH**", "Kế hoạch"),
])
def test_doc_type_from_the_capitals_line(type_line, doc_type):
    blocks = paras("HUYỆN ỦY BẮC HÀ", "Số 10-KH/HU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Bắc Hà, ngày 4 tháng 4 năm 2024",
                   type_line, "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", *BODY)
    d = extract_header(blocks).document
    assert d.doc_type == doc_type
    assert d.title == "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị"


def test_site_text_before_the_letterhead_is_not_the_issuer():
    site = paras("Trang chủ", "VĂN BẢN PHÁP LUẬT", "Kế hoạch 45/KH-UBND năm 2024 của UBND tỉnh Lào Cai", "Lưu trữ",
                 "Tải về")
    head = paras("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày 05 tháng 3 năm 2024")
    blocks = site + head + paras("KẾ HOẠCH", "Triển khai Đề án 06 năm 2024", *BODY)
    r = extract_header(blocks)
    assert r.document.issuer == "Ủy ban nhân dân tỉnh Lào Cai"
    assert r.document.number == "45/KH-UBND"
    assert r.document.title == "Triển khai Đề án 06 năm 2024"
    assert r.body_start == len(site) + len(head) + 2


def test_title_wrapped_over_capital_lines_is_joined():
    blocks = paras("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "Số: 617/KH-UBND", "Đồng Tháp, ngày 01 tháng 12 năm 2025",
                   "KẾ HOẠCH", "CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP",
                   "NHỎ VÀ VỪA, HỢP TÁC XÃ, HỘ KINH DOANH",
                   "Thực hiện Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về chuyển đổi số;",
                   *BODY)
    r = extract_header(blocks)
    assert r.document.title == ("CHUYỂN ĐỔI SỐ CHO CÁC DOANH NGHIỆP, NHẤT LÀ DOANH NGHIỆP NHỎ VÀ VỪA, HỢP TÁC XÃ, "
                                "HỘ KINH DOANH")
    assert r.body_start == 6


def test_title_continued_in_lower_case_and_a_decision_annex_line_stay_out_of_the_body():
    blocks = paras("UBND HUYỆN BÁT XÁT", "Số: 12/KH-UBND", "Bát Xát, ngày 3 tháng 2 năm 2025", "KẾ HOẠCH",
                   "Thực hiện công tác cải cách hành chính", "năm 2025 trên địa bàn huyện",
                   "(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 3/2/2025 của UBND huyện)", *BODY)
    r = extract_header(blocks)
    assert r.document.title == "Thực hiện công tác cải cách hành chính năm 2025 trên địa bàn huyện"
    assert r.body_start == 7


def test_bold_title_that_starts_like_the_preamble_ends_at_the_plain_paragraph():
    title = 'Thực hiện Kết luận số 224-KL/TU, ngày 18/10/2021 của Ban Chấp hành Đảng bộ tỉnh về "công tác tư tưởng"'
    blocks = paras("HUYỆN ỦY MƯỜNG TÈ", "Số KH/HU", "Mường Tè, ngày tháng 01 năm 2022", "KẾ HOẠCH")
    blocks += [P(title, 5, bold=True), P(title + ", Ban Thường vụ Huyện ủy ban hành kế hoạch thực hiện như sau:", 6)]
    blocks += paras(*BODY)
    r = extract_header(blocks)
    assert r.document.title == title
    assert r.body_start == 5
    [c] = r.document.cited
    assert (c.doc_type, c.number, c.date, c.issuer) == ("Kết luận", "224-KL/TU", "2021-10-18",
                                                        "Ban Chấp hành Đảng bộ tỉnh")


# --------------------------------------------------------------------------- cited documents
def test_cited_documents_of_the_preamble():
    blocks = paras("ỦY BAN NHÂN DÂN TỈNH BẮC NINH", "Số: 144/KH-UBND", "Bắc Ninh, ngày 24 tháng 11 năm 2025",
                   "KẾ HOẠCH", "PHÁT TRIỂN KINH TẾ SỐ GIAI ĐOẠN 2026 - 2030",
                   "Căn cứ Luật Bầu cử đại biểu Quốc hội số 85/2015/QH13, ngày 25/6/2015;",
                   "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học;",
                   "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/5/2025 của Chính phủ và Chương trình hành động số "
                   "10-CTr/TU ngày 13/8/2025 của Ban Thường vụ Tỉnh uỷ;",
                   "- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
                   "Căn cứ Quyết định số 411/QĐ-TTg ngày 31 tháng 3 năm 2022 của Thủ tướng Chính phủ phê duyệt Chiến lược;",
                   *BODY)
    cited = {c.number: c for c in extract_header(blocks).document.cited}
    assert (cited["85/2015/QH13"].doc_type, cited["85/2015/QH13"].date) == ("Luật", "2015-06-25")
    assert cited["57-NQ/TW"].issuer == "Bộ Chính trị" and cited["57-NQ/TW"].date == "2024-12-22"
    assert cited["71/NQ-CP"].issuer == "Chính phủ"
    assert cited["10-CTr/TU"].doc_type == "Chương trình hành động"
    assert cited["10-CTr/TU"].issuer == "Ban Thường vụ Tỉnh uỷ"
    assert cited["411/QĐ-TTg"].date == "2022-03-31" and cited["411/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"
    assert cited[None].doc_type == "Điều lệ"
    # the body's own references are not cited documents of the preamble
    assert set(cited) == {"85/2015/QH13", "57-NQ/TW", "71/NQ-CP", "10-CTr/TU", None, "411/QĐ-TTg"}


# --------------------------------------------------------------------------- signature blocks
def _doc(closing, after=()):
    head = paras("ỦY BAN NHÂN DÂN", "HUYỆN PHONG THỔ", "Số: 45/KH-UBND", "Phong Thổ, ngày 05 tháng 3 năm 2024",
                 "KẾ HOẠCH", "Triển khai công tác tư tưởng")
    return head + paras(*BODY) + list(closing) + list(after)


SIGNATURES = [
    # (closing blocks, name, title, authority)
    (paras(*CLOSING), "Nguyễn Văn An", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    (paras("Nơi nhận:", "- TT Huyện ủy, HĐND huyện,", "- Lưu VTHU,", "T/M HUYỆN ỦY PHÓ BÍ THƯ", "Trần Đức Hiển"),
     "Trần Đức Hiển", "PHÓ BÍ THƯ", "T/M HUYỆN ỦY"),
    (paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "(Đã ký)",
           "Lê Thị Hồng Nhung"),
     "Lê Thị Hồng Nhung", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    (paras("Nơi nhận:", "- Thường trực Tỉnh uỷ (báo cáo),", "- Lưu VPĐU.", "T/M ĐẢNG UỶ", "BÍ THƯ",
           "Vũ Thị Thuỳ Trang", "ĐẢNG UỶ XÃ CÔNG HẢI 13-11-2025 15:21:37 +07:00"),
     "Vũ Thị Thuỳ Trang", "BÍ THƯ", "T/M ĐẢNG UỶ"),
    (paras("Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Ký bởi: Phạm Quang Huy"),
     "Phạm Quang Huy", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    (paras("Nơi nhận:", "- Các phòng chuyên môn;", "- Lưu: VT.", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "(đã ký)",
           "Hoàng Minh Đức"),
     "Hoàng Minh Đức", "CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH"),
    (paras("Nơi nhận:", "- BTT Ủy ban MTTQ Việt Nam tỉnh;", "- Lưu: MTTQ", "TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH",
           "Lan Thị Vân"),
     "Lan Thị Vân", "CHỦ TỊCH", "TM. BAN THƯỜNG TRỰC"),
    (paras("Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Lưu: VT.", "KT. BỘ TRƯỞNG THỨ TRƯỞNG", "Bùi Thế Duy"),
     "Bùi Thế Duy", "THỨ TRƯỞNG", "KT. BỘ TRƯỞNG"),
    (paras("Nơi nhận:", "- Ban Thường vụ Tỉnh đoàn;", "- Lưu VP.", "TM. BAN THƯỜNG VỤ BÍ THƯ", "Giàng A Páo"),
     "Giàng A Páo", "BÍ THƯ", "TM. BAN THƯỜNG VỤ"),
    (paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Đỗ Văn Hùng"), "Đỗ Văn Hùng", "CHỦ TỊCH", None),
    # a 2-column table: Nơi nhận | signer (web page)
    ([T(["Nơi nhận:\n- Bộ Khoa học và Công nghệ;\n- CT, các PCT UBND Tỉnh;\n- Lưu: VT, KGVX.",
         "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Huỳnh Minh Tuấn"])],
     "Huỳnh Minh Tuấn", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    # the name printed in capitals, an appendix title after it
    (paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "NGUYỄN VĂN AN"),
     "NGUYỄN VĂN AN", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH"),
    # Word table cell: one paragraph a line
    ([T(["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nHoàng Văn Thắng"])],
     "Hoàng Văn Thắng", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
    # PDF text layer: the two columns run together on each line
    (paras("Nơi nhận: TM. ỦY BAN NHÂN DÂN", "- Như trên; KT. CHỦ TỊCH", "- Lưu: VT. PHÓ CHỦ TỊCH", "Nguyễn Văn An"),
     "Nguyễn Văn An", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    # a second post under the title (the head of a steering committee is also a vice-chairman)
    (paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND HUYỆN",
           "Vũ Thị Lan"),
     "Vũ Thị Lan", "TRƯỞNG BAN", "TM. BAN CHỈ ĐẠO"),
    (paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. HỘI ĐỒNG", "CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "(Đã ký)",
           "Lê Minh Đức"),
     "Lê Minh Đức", "CHỦ TỊCH", "TM. HỘI ĐỒNG"),
    # the signer before the recipient list
    (paras("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hữu Thể", "Nơi nhận:", "- Như trên;", "- Lưu: VT."),
     "Nguyễn Hữu Thể", "CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"),
    # PDF text layer of a signature table: the lines of the two columns alternate
    (paras("Nơi nhận:", "KT. GIÁM ĐỐC", "- Bộ Giáo dục và Đào tạo (để b/c);", "PHÓ GIÁM ĐỐC", "- UBND tỉnh (để b/c);",
           "- Lưu: VT, GDPT.", "Trần Thị Minh Hạnh"),
     "Trần Thị Minh Hạnh", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    (paras("Nơi nhận: KT. GIÁM ĐỐC", "- Bộ Giáo dục và Đào tạo (để b/c); PHÓ GIÁM ĐỐC", "- UBND tỉnh (để b/c);",
           "- Lưu: VT, GDPT. Trần Thị Minh Hạnh"),
     "Trần Thị Minh Hạnh", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
]


@pytest.mark.parametrize("closing, name, title, authority", SIGNATURES)
def test_signature_blocks(closing, name, title, authority):
    blocks = _doc(closing)
    r = extract_header(blocks)
    s = r.document.signer
    assert (s.name, s.title, s.authority) == (name, title, authority)
    assert r.body_end == 6 + len(BODY)
    assert r.tail_start == len(blocks)
    assert r.document.recipients and not any(x.startswith("-") or x.endswith((";", ",")) for x in r.document.recipients)


def test_recipients_are_cleaned_but_kept_as_written():
    r = extract_header(_doc(paras("Nơi nhận:", "- TT. Huyện ủy (B/c);", "- Các tổ chức chính trị - xã hội huyện;",
                                  "- Chủ tịch, Phó Chủ tịch UBND huyện;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN",
                                  "CHỦ TỊCH", "Lò Văn Mạnh")))
    assert r.document.recipients == ["TT. Huyện ủy (B/c)", "Các tổ chức chính trị - xã hội huyện",
                                     "Chủ tịch, Phó Chủ tịch UBND huyện", "Lưu: VT"]


def test_appendix_after_the_signature_belongs_to_the_body_again():
    appendix = [P("NHIỆM VỤ CỤ THỂ"), P("(Kèm theo Kế hoạch số 45/KH-UBND ngày 05/3/2024 của UBND huyện)"),
                T(["Stt", "Nội dung", "Đơn vị chủ trì"], ["1", "Tuyên truyền", "Phòng Văn hóa"])]
    blocks = _doc(paras(*CLOSING), appendix)
    r = extract_header(blocks)
    assert r.body_end == 6 + len(BODY)
    assert r.tail_start == len(blocks) - len(appendix)
    assert r.document.signer.name == "Nguyễn Văn An"


def test_unsigned_draft_stops_before_the_appendix_title():
    closing = paras("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    appendix = [P("PHỤ LỤC"), T(["TT", "Nhiệm vụ"], ["1", "Rà soát"])]
    blocks = _doc(closing, appendix)
    r = extract_header(blocks)
    assert r.document.signer.name is None
    assert r.document.signer.title == "CHỦ TỊCH"
    assert r.tail_start == len(blocks) - len(appendix)


def test_recipient_wrapped_in_a_word_cell_is_one_recipient():
    cell = ("Nơi nhận:\n- BTT Ủy ban MTTQ Việt Nam tỉnh;\n- Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng,\nVP Đảng uỷ;\n"
            "- Bí thư Chi bộ, Trưởng thôn, Ban công\ntác MT thôn;\n- Lưu: MTTQ")
    r = extract_header(_doc([T([cell, "TM. BAN THƯỜNG TRỰC\nCHỦ TỊCH\nLan Thị Vân"], ["", ""])]))
    assert r.document.recipients == ["BTT Ủy ban MTTQ Việt Nam tỉnh",
                                     "Uỷ ban Kiểm tra Đảng uỷ, Ban xây dựng Đảng, VP Đảng uỷ",
                                     "Bí thư Chi bộ, Trưởng thôn, Ban công tác MT thôn", "Lưu: MTTQ"]
    assert r.document.signer.name == "Lan Thị Vân"


def test_caps_name_ends_the_block_before_a_capitals_appendix_title():
    closing = paras("Nơi nhận:", "- Như trên;", "TM. HUYỆN ỦY", "PHÓ BÍ THƯ", "LÒ VĂN PHÁT")
    appendix = [P("NHIỆM VỤ CỤ THỂ"), T(["Stt", "Nội dung"], ["1", "Tuyên truyền"])]
    blocks = _doc(closing, appendix)
    r = extract_header(blocks)
    assert r.document.signer.name == "LÒ VĂN PHÁT"
    assert r.tail_start == len(blocks) - len(appendix)


def test_split_recipient_table_cells_and_paragraphs():
    closing = [T(["", "", "Nơi nhận:"], ["", "", "- BTT Ủy ban MTTQ Việt Nam tỉnh;"])]
    closing += paras("- Thường trực Đảng ủy xã;", "- Ủy ban bầu cử xã;")
    closing += [T(["", "", "- Lưu: MTTQ"])]
    closing += paras("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH", "Lan Thị Vân")
    r = extract_header(_doc(closing))
    assert r.document.recipients == ["BTT Ủy ban MTTQ Việt Nam tỉnh", "Thường trực Đảng ủy xã", "Ủy ban bầu cử xã",
                                     "Lưu: MTTQ"]
    assert r.document.signer.name == "Lan Thị Vân"


def test_issuer_from_the_signer_when_the_letterhead_has_none():
    blocks = paras("Số: /KH-UBND Tam Đường, ngày tháng 6 năm 2022", "KẾ HOẠCH",
                   "Triển khai thực hiện nâng cao hiệu quả công tác tư tưởng trên địa bàn huyện Tam Đường",
                   *BODY, *CLOSING)
    r = extract_header(blocks)
    assert r.document.issuer == "Ủy ban nhân dân huyện Tam Đường"
    assert (r.document.place, r.document.date, r.document.symbol) == ("Tam Đường", "2022-06", "KH-UBND")


# --------------------------------------------------------------------------- odd input never crashes
@pytest.mark.parametrize("blocks", [
    [],
    paras("Một đoạn văn bản không có tiêu đề."),
    paras("Kính gửi: Các phòng, ban chuyên môn", "Đề nghị các đơn vị báo cáo trước ngày 5/6/2024."),
    [T(), T([]), T(["", ""])],
    paras("KẾ HOẠCH"),
    paras("Số:", "ngày tháng năm", "Nơi nhận:"),
    paras("TM. ỦY BAN NHÂN DÂN"),
])
def test_odd_input_gives_a_document_without_crashing(blocks):
    r = extract_header(blocks)
    assert 0 <= r.body_start <= r.body_end <= r.tail_start <= len(blocks)


def test_official_letter_without_a_type_line():
    blocks = paras("ỦY BAN NHÂN DÂN", "HUYỆN SA PA", "Số: 310/UBND-VP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "V/v triển khai công tác chuyển đổi số",
                   "Sa Pa, ngày 7 tháng 5 năm 2024", "Kính gửi: Các phòng, ban chuyên môn thuộc UBND huyện",
                   "Thực hiện chỉ đạo của UBND tỉnh, UBND huyện đề nghị các đơn vị triển khai.")
    r = extract_header(blocks)
    d = r.document
    assert (d.number, d.symbol, d.date, d.issuer) == ("310/UBND-VP", "UBND-VP", "2024-05-07", "Ủy ban nhân dân huyện Sa Pa")
    assert d.doc_type is None or d.doc_type == "Công văn"


def test_output_is_nfc():
    decomposed = unicodedata.normalize("NFD", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI")
    blocks = [P(decomposed), P("Số: 5/KH-UBND"), P(unicodedata.normalize("NFD", "Lào Cai, ngày 5 tháng 3 năm 2024")),
              P("KẾ HOẠCH"), P(unicodedata.normalize("NFD", "Triển khai công tác")), *paras(*BODY)]
    d = extract_header(blocks).document
    for v in (d.issuer, d.place, d.title):
        assert v == unicodedata.normalize("NFC", v)


# --------------------------------------------------------------------------- real plans

def _scorer(shared):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# Known gaps of the header reader on the development plans (issue 9): strict, so a plan that starts
# passing must leave this table.
HEADER_GAPS: dict = {}


def _cases():
    if not SHARED.is_dir():
        return []
    out = []
    for exp in sorted((SHARED / "expected").glob("*.json")):
        for folder in ("seeds", "real"):
            txt = SHARED / folder / (exp.stem + ".txt")
            if txt.exists():
                marks = [pytest.mark.xfail(strict=True, reason=HEADER_GAPS[exp.stem])] if exp.stem in HEADER_GAPS else []
                out.append(pytest.param(exp, txt, id=exp.stem[:20], marks=marks))
    return out


@pytest.mark.parametrize("expected, txt", _cases())
def test_real_plans_header_matches_expected(shared, expected, txt):
    from extract.readers.txt import read_txt

    score = _scorer(shared)
    want = json.loads(expected.read_text(encoding="utf-8"))["document"]
    r = extract_header(read_txt(str(txt)).blocks)
    d = r.document
    got = {"doc_type": d.doc_type, "number": d.number, "symbol": d.symbol, "date": d.date, "place": d.place,
           "issuer": d.issuer, "parent_issuer": d.parent_issuer, "title": d.title, "signer": d.signer.name,
           "signer_title": d.signer.title}
    for k, v in want.items():
        if k in ("issuer", "parent_issuer"):
            assert score.same_body(v, got[k]), (k, v, got[k])
        elif v is None:
            assert not got[k], (k, got[k])
        else:
            assert score.norm(v) == score.norm(got[k]), (k, v, got[k])
    assert ("missing-number" in [f.code for f in r.findings]) == (want.get("number") is None)
    assert r.body_start < r.body_end <= r.tail_start


# --------------------------------------------------------------------------- fuzz: any mix of pieces
from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /KH-UBND", "Số 12-KH/HU", "Số:", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
           "NAM", "Độc lập - Tự do - Hạnh phúc", "Lào Cai, ngày  tháng  năm 2026", "ngày 31/2/2024", "KẾ HOẠCH",
           "Triển khai công tác", "Căn cứ Luật số 85/2015/QH13, ngày 25/6/2015 của Quốc hội;", "I. MỤC ĐÍCH",
           "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT.", "PHÓ CHỦ TỊCH", "Nguyễn Văn An",
           "(Đã ký)", "PHỤ LỤC", "", " ", "*", "-----", "T/M", "Ký bởi:", "ĐẢNG CỘNG SẢN VIỆT NAM", "ngày tháng năm",
           "Số: 45 / KH - UBND Hà Nội, ngày 1/13/2024", "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Lê Văn Bình"]


@st.composite
def _blocks(draw):
    out = []
    for _ in range(draw(st.integers(0, 25))):
        if draw(st.integers(0, 6)) == 0:
            rows = draw(st.lists(st.lists(st.sampled_from(_PIECES + ["\n".join(_PIECES[:4])]), max_size=3), max_size=3))
            out.append(T(*rows))
        else:
            out.append(P(draw(st.one_of(st.sampled_from(_PIECES), st.text(max_size=40)))))
    return out


@settings(max_examples=300, deadline=None)
@given(_blocks())
def test_any_mix_of_header_and_signature_pieces_never_crashes(blocks):
    r = extract_header(blocks)
    assert 0 <= r.body_start <= r.body_end <= r.tail_start <= len(blocks)
    d = r.document
    for v in (d.issuer, d.place, d.title, d.number, d.signer.name):
        assert v is None or (isinstance(v, str) and v == unicodedata.normalize("NFC", v))
    assert d.date is None or len(d.date) in (4, 7, 10)


@pytest.mark.parametrize("head, issuer, parent", [
    # the Youth Union's name in the right column, after the number, is no issuer
    (paras("THỊ ỦY SÔNG CẦU", "BCH ĐOÀN TNCS HỒ CHÍ MINH", "THỊ XÃ SÔNG CẦU", "***", "Số 21-KH/TĐTN",
           "ĐOÀN TNCS HỒ CHÍ MINH", "Sông Cầu, ngày 9 tháng 9 năm 2025"),
     "BCH Đoàn TNCS Hồ Chí Minh thị xã Sông Cầu", "Thị ủy Sông Cầu"),
    (paras("ĐOÀN TNCS HỒ CHÍ MINH", "BCH HUYỆN ĐOÀN ĐAM RÔNG", "Số: 40-KH/HĐT", "ĐOÀN TNCS HỒ CHÍ MINH",
           "Đam Rông, ngày 1 tháng 4 năm 2025"),
     "BCH Huyện đoàn Đam Rông", "Đoàn TNCS Hồ Chí Minh"),
    # Women's Union: "Phụ nữ" is part of the proper name
    (paras("HỘI LHPN TỈNH GIA LAI", "HỘI LIÊN HIỆP PHỤ NỮ HUYỆN CHƯ SÊ", "Số: 7/KH-HPN",
           "Chư Sê, ngày 2 tháng 3 năm 2025"),
     "Hội Liên hiệp Phụ nữ huyện Chư Sê", "Hội LHPN tỉnh Gia Lai"),
    # the national name of a mass organisation in the right column, after the number, is no issuer
    (paras("HỘI NÔNG DÂN TỈNH HÀ NAM", "BCH HỘI NÔNG DÂN HUYỆN KIM BẢNG", "*", "Số: 21-KH/HNDH",
           "HỘI NÔNG DÂN VIỆT NAM", "Kim Bảng, ngày 4 tháng 3 năm 2024"),
     "BCH Hội Nông dân huyện Kim Bảng", "Hội Nông dân tỉnh Hà Nam"),
    (paras("HỘI CCB TỈNH BẮC KẠN", "HỘI CỰU CHIẾN BINH XÃ ĐỒNG PHÚC", "Số: 03-KH/CCB", "HỘI CỰU CHIẾN BINH VIỆT NAM",
           "Đồng Phúc, ngày 12 tháng 1 năm 2026"),
     "Hội Cựu chiến binh xã Đồng Phúc", "Hội CCB tỉnh Bắc Kạn"),
    (paras("LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM NÔNG", "CÔNG ĐOÀN TRƯỜNG TIỂU HỌC AN LONG", "Số: 05/KH-CĐCS", "CÔNG ĐOÀN VIỆT NAM",
           "An Long, ngày 2 tháng 10 năm 2025"),
     "Công đoàn Trường Tiểu học An Long", "Liên đoàn Lao động huyện Tam Nông"),
])
def test_mass_organisation_letterheads(head, issuer, parent):
    blocks = head + paras("KẾ HOẠCH", "Triển khai thực hiện công tác chuyển đổi số năm 2025") + paras(*BODY)
    d = extract_header(blocks).document
    assert (d.issuer, d.parent_issuer) == (issuer, parent)
@pytest.mark.parametrize("authority", ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA AN", "BỘ TRƯỞNG BỘ NỘI VỤ", "THỦ TƯỚNG CHÍNH PHỦ"])
def test_decision_authority_line_before_the_preamble_is_not_title(authority):
    blocks = paras("ỦY BAN NHÂN DÂN TỈNH HÒA AN", "Số: 12/QĐ-UBND", "Hòa An, ngày 3 tháng 2 năm 2026",
                   "QUYẾT ĐỊNH", "VỀ", "VIỆC PHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ", authority,
                   "Căn cứ Luật Tổ chức chính quyền địa phương;", "QUYẾT ĐỊNH:", "Điều 1. Phê duyệt Đề án.")
    r = extract_header(blocks)
    assert r.document.title == "VỀ VIỆC PHÊ DUYỆT ĐỀ ÁN CHUYỂN ĐỔI SỐ"
    assert r.body_start == 6


def test_plan_title_line_before_the_preamble_stays_title():
    blocks = paras("ỦY BAN NHÂN DÂN TỈNH HÒA AN", "Số: 12/KH-UBND", "Hòa An, ngày 3 tháng 2 năm 2026",
                   "KẾ HOẠCH", "PHÁT TRIỂN DU LỊCH", "GIAI ĐOẠN 2026 - 2030", "Căn cứ Luật Du lịch;") + paras(*BODY)
    assert extract_header(blocks).document.title == "PHÁT TRIỂN DU LỊCH GIAI ĐOẠN 2026 - 2030"


def test_deputy_prime_minister_signing_for_the_prime_minister():
    blocks = paras("THỦ TƯỚNG CHÍNH PHỦ", "Số: 9/QĐ-TTg", "Hà Nội, ngày 3 tháng 2 năm 2026", "QUYẾT ĐỊNH",
                   "Về việc phê duyệt Chương trình", "Điều 1. Phê duyệt.", "Nơi nhận:", "- Lưu: VT.",
                   "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Trần Văn Bình")
    s = extract_header(blocks).document.signer
    assert (s.name, s.title, s.authority) == ("Trần Văn Bình", "PHÓ THỦ TƯỚNG", "KT. THỦ TƯỚNG")


PORTAL_META = T(["Đang tải văn bản... # Số hiệu:", "45/KH-UBND", "", "Loại văn bản:", "Kế hoạch"],
                ["Nơi ban hành:", "Xã Tân Lập", "Người ký:", "Nguyễn Thị Hoa"],
                ["Ngày ban hành:", "05/02/2026", "Tình trạng:", "Còn hiệu lực"])


def test_portal_metadata_table_is_read_by_its_labels():
    from extract.header import portal_metadata

    assert portal_metadata([P("Bản quyền thuộc về cổng pháp luật."), PORTAL_META]) == {
        "number": "45/KH-UBND", "type": "Kế hoạch", "issuer": "Xã Tân Lập", "signer": "Nguyễn Thị Hoa",
        "date": "05/02/2026"}
    assert portal_metadata([T(["Số hiệu:", "1"], ["Ghi chú:", "x"])]) == {}


def test_portal_metadata_fills_what_the_page_lost_but_never_overrides():
    # the letterhead lost its number line and the page its signature; the date stays the printed one
    blocks = [PORTAL_META] + paras("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                   "Tân Lập, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH", "Chuyển đổi số năm 2026") + paras(*BODY)
    d = extract_header(blocks).document
    assert (d.number, d.symbol, d.date, d.signer.name) == ("45/KH-UBND", "KH-UBND", "2026-02-06", "Nguyễn Thị Hoa")
    assert d.title == "Chuyển đổi số năm 2026"


@pytest.mark.parametrize("site_line", ["Kế hoạch 45/KH-UBND năm 2026 về chuyển đổi số do Ủy ban nhân dân xã Tân Lập ban hành",
                                       "## Văn bản liên quan"])
def test_web_page_text_after_the_appendices_is_not_the_document(site_line):
    blocks = paras("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 45/KH-UBND", "Tân Lập, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH",
                   "Chuyển đổi số năm 2026", *BODY, *CLOSING, "PHỤ LỤC", "(Kèm theo Kế hoạch số 45/KH-UBND)",
                   "Danh mục nhiệm vụ", site_line, "Ban hành: 01/02/2026", "Tài khoản của bạn đã đăng xuất.")
    r = extract_header(blocks)
    assert [b.text for b in blocks[r.tail_start:r.tail_end]] == ["PHỤ LỤC", "(Kèm theo Kế hoạch số 45/KH-UBND)",
                                                                 "Danh mục nhiệm vụ"]


def test_an_appendix_line_naming_the_plan_by_its_number_is_still_the_document():
    blocks = paras("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 45/KH-UBND", "Tân Lập, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH",
                   "Chuyển đổi số năm 2026", *BODY, *CLOSING, "PHỤ LỤC", "Kế hoạch 45/KH-UBND được triển khai như sau:",
                   "Danh mục nhiệm vụ")
    r = extract_header(blocks)
    assert r.tail_end is None


@pytest.mark.parametrize("md", ["## PHỤ LỤC II", "## I. DANH MỤC ĐỀ ÁN"])
def test_markdown_heading_of_the_document_itself_does_not_end_it(md):
    blocks = paras("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 45/KH-UBND", "Tân Lập, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH",
                   "Chuyển đổi số năm 2026", *BODY, *CLOSING, "PHỤ LỤC I", "Danh mục nhiệm vụ", md, "Danh mục đề án")
    assert extract_header(blocks).tail_end is None


def test_page_title_after_a_body_without_signature_ends_the_body():
    blocks = paras("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Số: 45/KH-UBND", "Tân Lập, ngày 06 tháng 02 năm 2026", "KẾ HOẠCH",
                   "Chuyển đổi số năm 2026", *BODY,
                   "Kế hoạch 45/KH-UBND năm 2026 về chuyển đổi số do Ủy ban nhân dân xã Tân Lập ban hành", "Ban hành:")
    r = extract_header(blocks)
    assert [b.text for b in blocks[r.body_start:r.body_end]] == BODY


@pytest.mark.parametrize("letterhead, body, issuer", [
    ("TRƯỜNG THPT ĐỐC BINH KIỀU", "Căn cứ tình hình thực tế của Trường THPT Đốc Binh Kiều;", "Trường THPT Đốc Binh Kiều"),
    ("TRƯỜNG TIỂU HỌC KIM ĐỒNG", "Trường Tiểu học Kim Đồng xây dựng kế hoạch như sau:", "Trường Tiểu học Kim Đồng"),
    ("HỢP TÁC XÃ NÔNG NGHIỆP TÂN TIẾN", "Hợp tác xã Nông nghiệp Tân Tiến ban hành kế hoạch.",
     "Hợp tác xã Nông nghiệp Tân Tiến"),
])
def test_letterhead_name_in_capitals_is_spelt_as_the_body_writes_it(letterhead, body, issuer):
    import extract
    text = (f"{letterhead}\nSố: 12/KH-ABC\nAn Phú, ngày 3 tháng 4 năm 2026\nKẾ HOẠCH\nTổ chức hội nghị\n\n"
            f"{body}\n\nI. MỤC ĐÍCH\nNâng cao chất lượng.\n\nHIỆU TRƯỞNG\nLê Văn An\n")
    assert extract.parse_text(text).document.issuer == issuer


@pytest.mark.parametrize("name", ["K' Thanh", "Ksor H'Mai", "Y’ Ngọc", "Nguyễn Thị Lan"])
def test_signers_name_of_a_minority_people_with_an_apostrophe(name):
    import extract
    text = ("ĐOÀN XÃ ĐẠ SAR\nSố: 12-KH/ĐTN\nĐạ Sar, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nTháng Thanh niên\n\n"
            "I. MỤC ĐÍCH\nNâng cao nhận thức.\n\nNơi nhận:\n- Huyện đoàn;\n- Lưu VP.\nTM. BAN CHẤP HÀNH\nBÍ THƯ\n"
            f"{name}\n")
    s = extract.parse_text(text).document.signer
    assert (s.name, s.title, s.authority) == (name, "BÍ THƯ", "TM. BAN CHẤP HÀNH")
