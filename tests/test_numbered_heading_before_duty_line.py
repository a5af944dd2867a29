"""A plan saved as plain text by a word processor (LibreOffice "Text", Word "Plain Text"): a
numbered heading stands alone on its line and the duty under it starts on the next line with a
capital, with no bullet (the list's bullets are lost) and no blank line between them. The heading
must stay a paragraph of its own; a short numbered line that breaks mid-name or mid-phrase
("… phối hợp với Sở" / "Khoa học …", "… Chủ tịch" / "UBND tỉnh …") still runs on. Invented text."""
import pytest

from extract.readers.txt import read_text

ROWS = [("7h00 - 7h30", "Chào cờ, khai mạc hội thao và giới thiệu đại biểu, thành phần tham dự buổi lễ", "Tổ Văn phòng"),
        ("7h30 - 9h00", "Thi đấu vòng loại các môn kéo co, nhảy bao bố và chạy tiếp sức cho các khối lớp", "Tổ chuyên môn"),
        ("9h00 - 10h00", "Tham quan khu trưng bày sản phẩm sáng tạo của học sinh các câu lạc bộ trong trường", "Đoàn trường"),
        ("10h00 - 11h00", "Thi đấu chung kết, tổng kết và trao giải cho các tập thể, cá nhân đạt thành tích cao", "Ban tổ chức")]
# a word processor's text export: one table cell per line, no row marks
CELLS = "\n".join(["Thời gian", "Nội dung", "Phụ trách"] + [c for row in ROWS for c in row])


def _paragraphs(body: str) -> list:
    text = ("KẾ HOẠCH\nTổ chức hội thao mùa xuân\n\nI. MỤC ĐÍCH\n\n" + CELLS + "\n\n\n" + body)
    return [b.text for b in read_text(text).blocks if hasattr(b, "text")]


@pytest.mark.parametrize("heading,duty", [
    ("1. Tổ thư ký hội thao", "Ghi chép biên bản các buổi thi đấu, tổng hợp kết quả và trình Trưởng ban phê duyệt trong ngày."),
    ("2. Phó Trưởng ban Lê Văn Tám", "Điều hành chung các nội dung thi đấu; báo cáo kết quả về Phòng Văn hóa sau khi kết thúc."),
    ("3. Đội tình nguyện viên", "Hướng dẫn vận động viên, giữ trật tự khu vực thi đấu và hỗ trợ công tác hậu cần của hội thao."),
])
def test_numbered_heading_alone_before_its_duty_line(heading, duty):
    paras = _paragraphs("III. TỔ CHỨC THỰC HIỆN\n" + heading + "\n" + duty + "\n")
    assert heading in paras
    assert duty in paras


@pytest.mark.parametrize("first,rest", [
    ("b) Chủ động phối hợp với Sở", "Tài chính, Sở Nội vụ và các đơn vị liên quan triển khai rà soát hồ sơ trong tháng 3."),
    ("a) Chủ trì tham mưu Chủ tịch", "UBND huyện về kế hoạch phát triển hạ tầng số, bảo đảm an toàn thông tin mạng."),
    ("c) Đến hết năm 2027: 100%", "Trường học trên địa bàn có kết nối Internet cáp quang tốc độ cao phục vụ dạy học."),
])
def test_numbered_line_broken_mid_phrase_runs_on(first, rest):
    paras = _paragraphs("III. TỔ CHỨC THỰC HIỆN\n" + first + "\n" + rest + "\n")
    assert first + " " + rest in paras


def test_numbered_heading_alone_in_text_without_blank_lines():
    """No blank lines at all and paragraphs as single long lines (a text export of a Word file
    whose paragraphs had first-line indents): a short numbered heading still stands alone."""
    duty = ("Phòng Văn hóa chủ trì, phối hợp với Đài truyền thanh xã, các trường học và các thôn thường xuyên "
            "đăng tải tin, bài về hội thao trên trang thông tin điện tử, mạng xã hội và hệ thống loa truyền thanh "
            "cơ sở; tổng hợp kết quả báo cáo Ủy ban nhân dân xã trước ngày 30 hằng tháng.")
    lines = ["KẾ HOẠCH", "Tổ chức hội thao mùa xuân", "I. MỤC ĐÍCH", "II. NHIỆM VỤ"]
    lines += [c for row in ROWS for c in row]
    lines += ["III. TỔ CHỨC THỰC HIỆN", "1. Tuyên truyền trên các phương tiện thông tin đại chúng", duty,
              "\t2. Tổ chức tập huấn cho đội ngũ trọng tài", duty.replace("Phòng Văn hóa", "Trung tâm Văn hóa")]
    paras = [b.text for b in read_text("\n".join(lines) + "\n").blocks if hasattr(b, "text")]
    assert "1. Tuyên truyền trên các phương tiện thông tin đại chúng" in paras
    assert "2. Tổ chức tập huấn cho đội ngũ trọng tài" in paras
    assert duty in paras
