"""A letterhead copied from a PDF's text layer (pdftotext, pdfplumber, copy and paste): the two
columns are flattened line by line, so the number's symbol and the date's month and year land on
lines of their own, between lines of the other column; and the title runs on into the preamble or
an attachment note when the text has no blank lines. Invented letterheads, several layouts."""
import pytest

from extract.header import extract_header
from extract.readers.txt import read_text

CASES = [
    # (text, number, symbol, date, place, issuer)
    ("UBND TỈNH HÒA BÌNH\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
     "/KH-SNNMT\n\nĐộc lập - Tự do - Hạnh phúc\n\nHòa Bình, ngày\n\ntháng 9 năm 2027\n\n",
     None, "KH-SNNMT", "2027-09", "Hòa Bình", "Sở Nông nghiệp và Môi trường"),
    ("ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố:\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n/KH-UBND\n"
     "Độc lập - Tự do - Hạnh phúc\nTân Phú, ngày\ntháng\nnăm 2028\n\n",
     None, "KH-UBND", "2028", "Tân Phú", "Ủy ban nhân dân xã Tân Phú"),
    ("HUYỆN ỦY ĐỨC LINH\nSố: 37\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n-KH/HU\n\nĐức Linh, ngày 03\n\ntháng 02 năm 2027\n\n",
     "37-KH/HU", "KH/HU", "2027-02-03", "Đức Linh", "Huyện ủy Đức Linh"),
]


@pytest.mark.parametrize("text,number,symbol,date,place,issuer", CASES)
def test_flattened_letterhead_number_and_date_rejoined(text, number, symbol, date, place, issuer):
    body = "KẾ HOẠCH\nTổ chức ngày hội đọc sách năm 2027\n\nI. MỤC ĐÍCH\n1. Nâng cao văn hóa đọc.\n"
    doc = extract_header(read_text(text + body).blocks).document
    assert (doc.number, doc.symbol, doc.date, doc.place) == (number, symbol, date, place)
    assert doc.issuer == issuer


def test_flattened_letterhead_date_piece_does_not_take_body_dates():
    text = ("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\nSố: 12/KH-UBND\nAn Bình, ngày 5 tháng 3 năm 2027\n\nKẾ HOẠCH\n"
            "Phòng chống thiên tai\n\nI. MỤC ĐÍCH\n1. Hoàn thành trước tháng 6 năm 2027.\n")
    doc = extract_header(read_text(text).blocks).document
    assert (doc.number, doc.date) == ("12/KH-UBND", "2027-03-05")


LETTERHEAD = "ỦY BAN NHÂN DÂN\nTỈNH YÊN BÁI\nSố: 8/KH-UBND\nYên Bái, ngày 2 tháng 5 năm 2027\n\nKẾ HOẠCH\n"


@pytest.mark.parametrize("lines,title", [
    (["Triển khai thực hiện Nghị quyết số 5-NQ/TU ngày 01/02/2027 của Tỉnh ủy về",
      "phát triển du lịch cộng đồng trên địa bàn tỉnh",
      "Thực hiện Nghị quyết số 5-NQ/TU ngày 01/02/2027 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành",
      "Kế hoạch thực hiện như sau:"],
     "Triển khai thực hiện Nghị quyết số 5-NQ/TU ngày 01/02/2027 của Tỉnh ủy về phát triển du lịch cộng đồng trên địa bàn tỉnh"),
    (["Phòng, chống dịch bệnh trên cây trồng năm 2027",
      "Căn cứ Luật Trồng trọt ngày 19/11/2018; Ủy ban nhân dân tỉnh ban hành kế hoạch như sau:"],
     "Phòng, chống dịch bệnh trên cây trồng năm 2027"),
    (["Thực hiện Chương trình chuyển đổi số tỉnh Yên Bái giai đoạn 2027-2030",
      "(Ban hành kèm theo Quyết định số 40/QĐ-UBND ngày 02/5/2027 của",
      "Ủy ban nhân dân tỉnh)"],
     "Thực hiện Chương trình chuyển đổi số tỉnh Yên Bái giai đoạn 2027-2030"),
])
def test_title_running_into_preamble_is_cut(lines, title):
    text = LETTERHEAD + "\n".join(lines) + "\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
    doc = extract_header(read_text(text).blocks).document
    assert doc.title == title


@pytest.mark.parametrize("line", ["S ố: /KH-UBND", "S ố:   /KH-UBND", "SỐ: /KH-UBND"])
def test_number_word_split_by_anchored_shape(line):
    """A shape anchored inside "Số" (the rule drawn under the issuer) splits the word in HTML and
    PDF text: "S ố: /KH-UBND"."""
    text = f"|\nỦY BAN NHÂN DÂN XÃ BÌNH MINH\n|\n|\n{line}\n|\n|\nBình Minh, ngày tháng 6 năm 2027\n|\n\nKẾ HOẠCH\nTrồng cây xanh\n\nI. MỤC ĐÍCH\n"
    doc = extract_header(read_text(text).blocks).document
    assert doc.symbol == "KH-UBND" and doc.number is None
