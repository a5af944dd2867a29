"""Text reader: the three shapes of text plans (Word exports, markdown web pages, PDF text)."""
from extract.model import Paragraph, Table
from extract.readers.txt import read_text


def _paras(raw):
    return [b.text for b in raw.blocks if isinstance(b, Paragraph)]


def _tables(raw):
    return [b for b in raw.blocks if isinstance(b, Table)]


def test_hard_wrapped_paragraph_is_joined():
    text = ("Cụ thể hóa Kết luận 224-KL/TU và Kế hoạch 61-KH/TU phù hợp với\n"
            "điều kiện thực tế của Đảng bộ huyện. Tạo sự thống nhất trong thực hiện Kết\n"
            "luận số 224-KL/TU.\n\n2. Yêu cầu\n")
    assert _paras(read_text(text)) == [
        "Cụ thể hóa Kết luận 224-KL/TU và Kế hoạch 61-KH/TU phù hợp với điều kiện thực tế của Đảng bộ huyện. "
        "Tạo sự thống nhất trong thực hiện Kết luận số 224-KL/TU.", "2. Yêu cầu"]


def test_marker_starts_a_new_paragraph_without_blank_line():
    text = "I. NHÓM NỘI DUNG\n1. Tại Hội nghị tháng 3 hằng năm: Đánh giá\ntình hình thực hiện nhiệm vụ.\n2. Tại Hội nghị tháng 12"
    assert _paras(read_text(text)) == ["I. NHÓM NỘI DUNG", "1. Tại Hội nghị tháng 3 hằng năm: Đánh giá tình hình thực hiện nhiệm vụ.",
                                       "2. Tại Hội nghị tháng 12"]


def test_markdown_bold_heading_spanning_lines_is_one_bold_paragraph():
    raw = read_text("**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\na) Thúc đẩy *(DN)* mạnh mẽ.\n")
    paras = [b for b in raw.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.bold) for p in paras] == [("I. MỤC ĐÍCH, YÊU CẦU", True), ("1. Mục đích", True),
                                               ("a) Thúc đẩy (DN) mạnh mẽ.", False)]


def test_tab_rows_form_one_table_across_repeated_headers_and_blank_lines():
    text = ("Stt\tNội dung\tĐơn vị chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
            "1\tTuyên truyền\t\tCác chi bộ\tHằng năm\n\n"
            "Số thứ tự\tNội dung\tĐơn vị chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
            "2\tKiện toàn\tBan Tuyên giáo\t\tQuý I/2023\n\nNơi nhận:\n")
    tables = _tables(read_text(text))
    assert len(tables) == 1
    assert [[c.text for c in r][:2] for r in tables[0].rows] == [["Stt", "Nội dung"], ["1", "Tuyên truyền"],
                                                                 ["Số thứ tự", "Nội dung"], ["2", "Kiện toàn"]]
    assert tables[0].rows[1][0].source.line == 2


def test_web_table_one_cell_per_line_with_a_group_row_spanning_all_columns():
    text = ("|\n**STT**\n|\n**Tên nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\n**I.\nNÂNG CAO NHẬN THỨC**\n|\n|\n"
            "1\n|\nTriển khai nền tảng đào tạo\ntrực tuyến mở.\n|\nSở KH&CN\n|\n|\n2\n|\nĐánh giá\n|\n\n|\n\nSau bảng.\n")
    raw = read_text(text)
    t = _tables(raw)[0]
    rows = [[c.text for c in r] for r in t.rows]
    assert rows[0] == ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì"]
    assert rows[1] == ["I. NÂNG CAO NHẬN THỨC"]
    assert rows[2] == ["1", "Triển khai nền tảng đào tạo trực tuyến mở.", "Sở KH&CN"]
    assert rows[3][:2] == ["2", "Đánh giá"]
    assert _paras(raw)[-1] == "Sau bảng."


def test_web_table_group_row_with_empty_first_cell():
    text = "|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\n|\n**I. Kinh tế số**\n|\n|\n|\n1\n|\nKinh tế số chiếm 45% GRDP.\n|\nSở Tài chính\n|\n\nX"
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Chỉ tiêu", "Chủ trì"], ["", "I. Kinh tế số", ""], ["1", "Kinh tế số chiếm 45% GRDP.", "Sở Tài chính"]]


def test_markdown_pipe_rows():
    text = "| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát | Sở Xây dựng |\n"
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Xây dựng"]]


def test_page_numbers_and_separator_lines_are_dropped():
    text = "Số: 45/KH-UBND\n-----\n12\nKẾ HOẠCH\n"
    assert _paras(read_text(text)) == ["Số: 45/KH-UBND", "KẾ HOẠCH"]


def test_lines_in_capitals_without_numbers_stay_apart():
    text = "ĐẢNG BỘ TỈNH KHÁNH HOÀ\nĐẢNG UỶ XÃ CÔNG HẢI\nSố -CTr/ĐU"
    assert _paras(read_text(text)) == ["ĐẢNG BỘ TỈNH KHÁNH HOÀ", "ĐẢNG UỶ XÃ CÔNG HẢI", "Số -CTr/ĐU"]


def test_count_at_line_start_does_not_start_a_paragraph():
    text = ("4.1. Tiếp tục nâng cao chất lượng sinh hoạt chi bộ gắn với sơ kết\n"
            "03 năm thực hiện Chỉ thị số 50-CT/TW của Ban Bí thư\n- Ban Xây dựng Đảng tham mưu.")
    assert _paras(read_text(text))[0].endswith("sơ kết 03 năm thực hiện Chỉ thị số 50-CT/TW của Ban Bí thư")


def test_web_paragraph_wrapped_before_a_capitalised_word_stays_whole():
    text = "b) Tham gia các hội chợ theo kế hoạch của Bộ Văn hóa, Thể thao và\nDu lịch.\n\nc) Việc khác.\n"
    assert _paras(read_text(text)) == ["b) Tham gia các hội chợ theo kế hoạch của Bộ Văn hóa, Thể thao và Du lịch.",
                                       "c) Việc khác."]


def test_nested_emphasis_marks_of_web_pages_are_removed_but_footnote_marks_stay():
    text = "định kỳ **trước\nngày 01/6 và 15/11 hằng năm ***(hoặc đột xuất khi có yêu cầu) *báo cáo kết quả (*).\n"
    assert _paras(read_text(text)) == ["định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu) báo cáo kết quả (*)."]
