"""Tables that lost their cell separators (PDF text layers, copy-paste): one fragment per line,
row by row or column by column, rebuilt into task tables (issue 9, item 2)."""
import pytest

import extract

HEAD = """ĐẢNG ỦY XÃ HÒA BÌNH
Số 07-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Hòa Bình, ngày 02 tháng 4 năm 2026
KẾ HOẠCH
Thực hiện nhiệm vụ trọng tâm năm 2026
I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm thực hiện đồng bộ các nhiệm vụ.
II. NHIỆM VỤ CỤ THỂ
"""
TAIL = """III. TỔ CHỨC THỰC HIỆN
Văn phòng Đảng ủy theo dõi, đôn đốc thực hiện Kế hoạch này.
Nơi nhận:
- Như trên,
- Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ
Trần Văn Khải
"""


def plan(lines: str):
    return extract.parse_text(HEAD + lines + TAIL)


def rows(p):
    return [(t.group, t.number, t.content, t.lead, t.partners, t.deadline.text)
            for t in p.tasks if t.origin == "table"]


def test_fragments_row_by_row_with_group_rows_give_table_tasks():
    p = plan("Stt\nNội dung\nThời gian\nCơ quan chủ trì\n"
             "I\nLĩnh vực văn hóa\n"
             "Nghị quyết về phát\ntriển du lịch\nQuý II/2026\nĐảng ủy\nUBND xã\n"
             "Kế hoạch lễ hội\nHằng năm\nBan Tuyên giáo\n")
    assert rows(p) == [
        ("I", None, "Nghị quyết về phát triển du lịch", ["Đảng ủy", "UBND xã"], [], "Quý II/2026"),
        ("I", None, "Kế hoạch lễ hội", ["Ban Tuyên giáo"], [], "Hằng năm")]
    titles = [s.title for s in p.iter_sections()]
    assert "Lĩnh vực văn hóa" not in titles and "TỔ CHỨC THỰC HIỆN" in titles
    assert p.targets == []


def test_fragments_row_by_row_lead_before_deadline_and_two_groups():
    p = plan("TT\nNhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời hạn hoàn thành\n"
             "A. Kinh tế\n"
             "Rà soát quy hoạch vùng trồng cây ăn quả\nPhòng Kinh tế\nHội Nông dân xã\nTháng 9/2026\n"
             "B. Xã hội\n"
             "Tổ chức tập huấn 120 hội viên về chuyển đổi số\nHội Phụ nữ xã\nĐoàn Thanh niên\nQuý IV/2026\n")
    assert rows(p) == [
        ("A", None, "Rà soát quy hoạch vùng trồng cây ăn quả", ["Phòng Kinh tế"], ["Hội Nông dân xã"], "Tháng 9/2026"),
        ("B", None, "Tổ chức tập huấn 120 hội viên về chuyển đổi số", ["Hội Phụ nữ xã"], ["Đoàn Thanh niên"],
         "Quý IV/2026")]
    assert p.targets == []  # a number inside a table fragment is no target


def test_fragments_with_two_time_subcolumns_keep_one_deadline():
    p = plan("Stt\nNội dung công việc\nThời gian\nBắt đầu\nKết thúc\nNgười phụ trách\n"
             "1\nKiểm tra hồ sơ đảng viên\nTháng 5/2026\nTháng 5/2026\nỦy ban Kiểm tra Đảng ủy\n"
             "2\nTổng kết công tác năm\nTháng 11/2026\nTháng 12/2026\nVăn phòng Đảng ủy\n")
    got = rows(p)
    assert [(r[1], r[2], r[3]) for r in got] == [("1", "Kiểm tra hồ sơ đảng viên", ["Ủy ban Kiểm tra Đảng ủy"]),
                                                ("2", "Tổng kết công tác năm", ["Văn phòng Đảng ủy"])]
    assert got[0][5] == "Tháng 5/2026"
    assert got[1][5].startswith("Tháng 11/2026") and got[1][5].endswith("Tháng 12/2026")


def test_fragments_column_by_column():
    p = plan("TT\nNội dung\nThời gian thực hiện\nCơ quan chủ trì\n"
             "1\n2\n3\n"
             "Xây dựng kế hoạch tuyên truyền\nTổ chức hội nghị sơ kết\nBáo cáo kết quả thực hiện\n"
             "Quý I/2026\nTháng 6/2026\nTrước ngày 15/12/2026\n"
             "Ban Tuyên giáo\nVăn phòng Đảng ủy\nỦy ban Kiểm tra\n")
    assert rows(p) == [
        (None, "1", "Xây dựng kế hoạch tuyên truyền", ["Ban Tuyên giáo"], [], "Quý I/2026"),
        (None, "2", "Tổ chức hội nghị sơ kết", ["Văn phòng Đảng ủy"], [], "Tháng 6/2026"),
        (None, "3", "Báo cáo kết quả thực hiện", ["Ủy ban Kiểm tra"], [], "Trước ngày 15/12/2026")]


def test_prose_naming_columns_is_not_a_table():
    p = plan("Nội dung\nThời gian\nCơ quan chủ trì\nCác chi bộ tổ chức quán triệt đến toàn thể đảng viên, "
             "bảo đảm nghiêm túc, đúng thời gian theo hướng dẫn của Ban Tuyên giáo.\n")
    assert rows(p) == []


def test_page_number_inside_a_row_is_not_its_stt():
    p = plan("Stt\nNội dung\nThời gian\nCơ quan chủ trì\n"
             "1\nTổ chức hội nghị học tập\n7\nnghị quyết\nQuý I/2026\nBan Tuyên giáo\n"
             "2\nRà soát đảng viên\nQuý II/2026\nVăn phòng Đảng ủy\n")
    assert [(r[1], r[2]) for r in rows(p)] == [("1", "Tổ chức hội nghị học tập nghị quyết"), ("2", "Rà soát đảng viên")]


def test_header_repeated_after_a_page_break_is_no_row():
    p = plan("Stt\nNội dung\nThời gian\nCơ quan chủ trì\n"
             "Hội nghị quán triệt nghị quyết\nQuý I/2026\nBan Tuyên giáo\n"
             "Stt\nNội dung\nThời gian\nCơ quan chủ trì\n"
             "Kiểm tra việc thực hiện\nQuý III/2026\nỦy ban Kiểm tra\n")
    assert [(r[2], r[3], r[5]) for r in rows(p)] == [
        ("Hội nghị quán triệt nghị quyết", ["Ban Tuyên giáo"], "Quý I/2026"),
        ("Kiểm tra việc thực hiện", ["Ủy ban Kiểm tra"], "Quý III/2026")]


def test_statistics_form_in_text_lines_is_no_task_table():
    p = plan("Tổng hợp số liệu theo biểu sau.\n"
             "STT\nNỘI DUNG\nĐƠN VỊ TÍNH\nKẾT QUẢ\n2023\n2024\n6 tháng\n2025\nTổng\n"
             "I\nCông tác kiểm tra\n1\nSố cuộc kiểm tra đối với tổ chức đảng\nCuộc\n"
             "2\nSố đảng viên được kiểm tra\nNgười\n3\nTỷ lệ chi bộ được kiểm tra\n%\n")
    assert rows(p) == [] and p.targets == []
    assert "Công tác kiểm tra" not in [s.title for s in p.iter_sections()]


def test_target_table_by_year_in_text_lines_gives_targets_not_tasks():
    p = plan("TT\nChỉ tiêu\nĐVT\nƯTH 2025\n2026\n2027\n2028\n"
             "1\nCà phê\n"
             "- Diện tích\nha\n1.200\n1.250\n1.300\n1.350\n"
             "- Sản lượng\ntấn\n3.600\n3.800\n4.000\n4.200\n")
    assert rows(p) == []
    got = [(t.text, t.value, t.unit, t.year) for t in p.targets]
    assert ("Cà phê - Diện tích", 1250, "ha", 2026) in got and ("Cà phê - Sản lượng", 4200, "tấn", 2028) in got
    assert len(got) == 6
    assert not any(s.title in ("Cà phê", "- Diện tích") for s in p.iter_sections())


def test_target_table_in_text_lines_with_a_period_over_the_years():
    p = plan("STT\nTên chỉ tiêu\nĐơn vị tính\nHiện trạng 2025\nGiai đoạn 2026 - 2030\n2026\n2030\n"
             "1\nSố hợp tác xã\nHTX\n40\n42\n50\n"
             "2\nTỷ lệ hộ nghèo\n%\n4,5\n3,8\n1,5\n")
    got = [(t.text, t.value, t.unit, t.year) for t in p.targets]
    assert got == [("Số hợp tác xã", 42, "HTX", 2026), ("Số hợp tác xã", 50, "HTX", 2030),
                   ("Tỷ lệ hộ nghèo", 3.8, "%", 2026), ("Tỷ lệ hộ nghèo", 1.5, "%", 2030)]


# Word saved as plain text (LibreOffice): one cell paragraph per line, the empty remarks cell a blank
# line closing each row; the text reader joins a row's cells into one paragraph.
WORD_TEXT_ROWS = ("TT\nTên nhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian thực hiện\nGhi chú\n\n"
                  "(1)\n(2)\n(3)\n(4)\n(5)\n"
                  "1\nHoàn thiện cơ sở dữ liệu đất đai của xã và cập nhật biến động hằng tháng\n"
                  "Phòng Kinh tế\n"
                  "Các ban, ngành, đoàn thể xã và các thôn, tổ dân phố có liên quan đến nội dung này\n"
                  "Quý III/2026\n\n"
                  "2\nTổ chức đối thoại với hội viên về chính sách hỗ trợ sản xuất\n"
                  "Lãnh đạo\nHội Nông dân xã\n"
                  "Đoàn Thanh niên xã\n"
                  "Từ 14 giờ 00 phút đến 16 giờ 30 phút ngày thứ Sáu cuối mỗi tháng\n\n"
                  "3\nRà soát hộ nghèo\nỦy ban nhân dân xã\nCác thôn\nTháng 11/2026\n\n")


def test_word_text_rows_one_cell_per_line_are_read_by_position():
    p = plan(WORD_TEXT_ROWS)
    got = rows(p)
    assert [r[1:3] for r in got] == [
        ("1", "Hoàn thiện cơ sở dữ liệu đất đai của xã và cập nhật biến động hằng tháng"),
        ("2", "Tổ chức đối thoại với hội viên về chính sách hỗ trợ sản xuất"),
        ("3", "Rà soát hộ nghèo")]
    assert got[0][3] == ["Phòng Kinh tế"] and got[0][5] == "Quý III/2026"
    assert got[0][4] == ["Các ban, ngành, đoàn thể xã và các thôn, tổ dân phố có liên quan đến nội dung này"]
    assert got[1][3] == ["Lãnh đạo Hội Nông dân xã"]  # a unit cell on two lines
    assert got[1][5].startswith("Từ 14 giờ")  # a long time phrase, placed by its column
    assert got[2][3:6] == (["Ủy ban nhân dân xã"], ["Các thôn"], "Tháng 11/2026")


def test_word_text_rows_long_content_sentence_does_not_end_the_table():
    long = ("Tổ chức rà soát, đánh giá toàn diện kết quả thực hiện các chương trình mục tiêu quốc gia trên địa "
            "bàn xã giai đoạn vừa qua, làm rõ những kết quả đạt được, hạn chế, nguyên nhân và bài học kinh "
            "nghiệm, đề xuất giải pháp cho giai đoạn tiếp theo phù hợp với điều kiện thực tế của địa phương.")
    p = plan(WORD_TEXT_ROWS.replace("Rà soát hộ nghèo", long))
    assert [r[1] for r in rows(p)] == ["1", "2", "3"]
    assert rows(p)[2][2] == long


def test_word_text_rows_end_before_the_text_after_the_table():
    p = plan(WORD_TEXT_ROWS + "Giao Văn phòng theo dõi, tổng hợp kết quả.\n")
    assert [r[1] for r in rows(p)] == ["1", "2", "3"]
    assert not any("Văn phòng theo dõi" in r[2] for r in rows(p))


# A programme (timetable) saved as text: the hours column first, a session line spanning the
# table over its rows, a day caption and the header again before the next day's table.
PROGRAMME = ("Thời gian\nNội dung\nNgười thực hiện\n"
             "Buổi chiều – Họp tại hội trường Ủy ban nhân dân xã\n"
             "13h30 - 14h00\nĐón tiếp đại biểu, ổn định tổ chức\nVăn phòng xã\n"
             "14h00\n- 15h00\nBáo cáo kết quả thực hiện nhiệm vụ quý III\nPhó Chủ tịch xã\n"
             "15h00 - 16h30\nThảo luận tại tổ\n"
             "Nhắc nhở các tổ nộp biên bản thảo luận\nCác trưởng thôn\n"
             "NGÀY THỨ HAI: THỨ SÁU\n"
             "Thời gian\nNội dung\nNgười thực hiện\n"
             "Buổi sáng – Tham quan mô hình\n"
             "7h30 - 9h00\nTham quan mô hình trồng rau an toàn\nHội Nông dân xã\n"
             "9h00 - 10h00\nTổng kết đợt tham quan\nChủ tịch Hội Nông dân xã\n")


def test_programme_rows_open_with_their_hours_under_a_session_group():
    p = plan(PROGRAMME)
    got = rows(p)
    assert [(r[0], r[2], r[5]) for r in got] == [
        ("Buổi chiều – Họp tại hội trường Ủy ban nhân dân xã", "Đón tiếp đại biểu, ổn định tổ chức", "13h30 - 14h00"),
        ("Buổi chiều – Họp tại hội trường Ủy ban nhân dân xã", "Báo cáo kết quả thực hiện nhiệm vụ quý III",
         "14h00 - 15h00"),
        ("Buổi chiều – Họp tại hội trường Ủy ban nhân dân xã",
         "Thảo luận tại tổ Nhắc nhở các tổ nộp biên bản thảo luận", "15h00 - 16h30"),
        ("Buổi sáng – Tham quan mô hình", "Tham quan mô hình trồng rau an toàn", "7h30 - 9h00"),
        ("Buổi sáng – Tham quan mô hình", "Tổng kết đợt tham quan", "9h00 - 10h00")]
    assert [r[3] for r in got] == [["Văn phòng xã"], ["Phó Chủ tịch xã"], ["Các trưởng thôn"], ["Hội Nông dân xã"],
                                   ["Chủ tịch Hội Nông dân xã"]]
    assert not any("NGÀY THỨ HAI" in r[2] for r in got)


# A PDF text layer (pdftotext without -layout) of a table under a caption: "Stt" on the caption's
# paragraph, two header cells on one line, groups "I Title" without a stop, the Stt starting again
# under each group, a unit cell and the deadline after it on one line, cells wrapped over lines.
PDF_LAYER = ("(Kèm theo Kế hoạch số 15-KH/ĐU của Đảng ủy xã)\nStt\nNội dung\nĐơn vị chủ trì\n"
             "Đơn vị phối hợp Thời hạn hoàn thành\n"
             "I Công tác tuyên truyền, giáo dục chính trị tư tưởng trong cán bộ,\n"
             "đảng viên và Nhân dân\n"
             "1\nTổ chức hội nghị học tập các chuyên đề\nBan Tuyên giáo Đảng ủy Các chi bộ trực thuộc\n"
             "Quý II/2026\n"
             "2\nBiên soạn tài liệu tuyên truyền về chuyển\nđổi số cho các thôn\n"
             "Văn phòng Đảng ủy, Trung tâm Chính trị xã Hằng năm\n"
             "II Công tác xây dựng tổ chức đảng\n"
             "1\nRà soát, bổ sung quy hoạch cán bộ\nBan Tổ chức Đảng ủy\nCác chi bộ trực thuộc\nTháng 10/2026\n"
             "2\nKiểm tra việc thực hiện nghị quyết chi bộ\nỦy ban Kiểm tra Đảng ủy\nCác chi bộ\nThường xuyên\n")


def test_pdf_layer_caption_joined_to_stt_groups_without_stop_and_glued_deadline():
    p = plan(PDF_LAYER)
    got = rows(p)
    assert [(r[0], r[1], r[2]) for r in got] == [
        ("I", "1", "Tổ chức hội nghị học tập các chuyên đề"),
        ("I", "2", "Biên soạn tài liệu tuyên truyền về chuyển đổi số cho các thôn"),
        ("II", "1", "Rà soát, bổ sung quy hoạch cán bộ"),
        ("II", "2", "Kiểm tra việc thực hiện nghị quyết chi bộ")]
    assert [r[5] for r in got] == ["Quý II/2026", "Hằng năm", "Tháng 10/2026", "Thường xuyên"]
    assert got[2][3:5] == (["Ban Tổ chức Đảng ủy"], ["Các chi bộ trực thuộc"])
    assert "Văn phòng Đảng ủy" in got[1][3] + got[1][4]


@pytest.mark.parametrize("heading", ["II. NỘI DUNG", "2. Nhiệm vụ", "III- NỘI DUNG THỰC HIỆN", "1.2. Thời gian"])
def test_numbered_heading_naming_a_column_is_no_table_header(heading):
    """A section heading that happens to name a column ("II. NỘI DUNG") does not start a table
    re-read line by line; a bare header cell does."""
    from extract.loose_tables import _opens_header
    from extract.model import Paragraph, Source
    lines = [heading, "Nội dung"]
    assert _opens_header(Paragraph(heading, Source(line=1, line_end=1)), lines, None) == 0
    assert _opens_header(Paragraph("Nội dung", Source(line=2, line_end=2)), lines, None) == 2


def test_rows_set_apart_by_blank_lines_are_rows_not_cells():
    """A text export that writes each cell on its own line and, in its second table, a blank line
    after each row (LibreOffice "Text"): a block is a row, its lines are its cells; a group row may
    open the block (pdftotext's blocks of one cell each read otherwise)."""
    day = ("NGÀY {d}: THỨ {w}, NGÀY {d}/9/2026\nThời gian\nNội dung\nĐơn vị phụ trách\n{gap}"
           "Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường\n7h00 - 7h15\nỔn định tổ chức\nGVCN các lớp\n{gap}"
           "7h15 - 7h45\nChuyên đề {d}: An toàn giao thông cho học sinh\nĐoàn trường\n{gap}"
           "7h45 - 8h15\nChuyên đề {d}b: Phòng, chống đuối nước\nĐại diện Công an xã\n{gap}"
           "8h15 - 8h45\nChuyên đề {d}c: Văn hóa ứng xử học đường\nĐoàn trường\n{gap}"
           "8h45 - 9h00\nChuyên đề {d}d: Kỹ năng học tập\nTổ Tin học\n{gap}")
    rows = day.format(d=1, w="HAI", gap="") + day.format(d=2, w="BA", gap="\n")
    ts = [t for t in plan(rows).tasks if t.origin == "table"]
    assert [(t.content[:20], t.lead, t.deadline.text) for t in ts][5:] == [
        ("Ổn định tổ chức", ["GVCN các lớp"], "7h00 - 7h15"),
        ("Chuyên đề 2: An toàn", ["Đoàn trường"], "7h15 - 7h45"),
        ("Chuyên đề 2b: Phòng,", ["Đại diện Công an xã"], "7h45 - 8h15"),
        ("Chuyên đề 2c: Văn hó", ["Đoàn trường"], "8h15 - 8h45"),
        ("Chuyên đề 2d: Kỹ năn", ["Tổ Tin học"], "8h45 - 9h00")]


def _run(lines):
    from extract.model import Paragraph, Source
    return [Paragraph(t, Source(line=n, line_end=n)) for n, t in enumerate(lines, 1) if t]


@pytest.mark.parametrize("lines, blocky", [
    # pdftotext without -layout: each cell a block of lines, a blank line after it
    (["1", "", "Rà soát hồ sơ của các hộ", "kinh doanh trong chợ", "", "Phòng Kinh tế", "", "Quý II/2026", "",
      "2", "", "Tổ chức hội nghị", "", "Văn phòng UBND", "xã", "", "Tháng 5/2026", ""], True),
    # a text export with a blank line after each row: a block is a row (a group row may open it)
    (["Buổi sáng – Tập trung toàn trường", "7h00 - 7h15", "Ổn định tổ chức", "GVCN các lớp", ""]
     + [x for k in range(1, 6) for x in (f"{7 + k}h00 - {7 + k}h30", f"Chuyên đề {k}: An toàn giao thông",
                                         "Đoàn trường", "")], False),
])
def test_blocks_of_whole_rows_are_not_blocks_of_cells(lines, blocky):
    from extract.loose_tables import _blocky
    assert _blocky(_run(lines), lines) is blocky
