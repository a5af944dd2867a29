"""Column-aligned tables in plain text (the text layer of a PDF as `pdftotext -layout` gives it):
cells side by side separated by runs of spaces, wrapped lines stacked in their column."""
from extract.model import Paragraph, Table
from extract.pipeline import parse_text
from extract.readers.txt import read_text


def _tables(text):
    return [b for b in read_text(text).blocks if isinstance(b, Table)]


def _texts(table):
    return [[c.text for c in row] for row in table.rows]


# Stt printed on the middle line of its row (cells centred vertically), no blank lines between rows
MIDDLE_STT = """\
      Căn cứ tình hình thực tế, Ủy ban nhân dân huyện ban hành danh mục nhiệm vụ như sau:

                                            Đơn vị            Thời hạn
 STT            Nhiệm vụ
                                            chủ trì          hoàn thành
       Xây dựng bộ dữ liệu số về
       hộ kinh doanh trên địa bàn        Phòng Kinh tế        Quý III
  1    huyện, cập nhật định kỳ                                năm 2027
       hằng tháng
       Tập huấn kỹ năng số cho
  2    cán bộ một cửa các xã            Phòng Nội vụ         Tháng 9/2027
       Kiểm tra việc niêm yết thủ         Văn phòng
       tục hành chính tại bộ phận        HĐND và UBND
  3    tiếp nhận và trả kết quả,             huyện            Hằng quý
       báo cáo kết quả về Ủy ban
       nhân dân huyện

      Các phòng, ban có tên trên triển khai thực hiện và báo cáo kết quả về Ủy ban nhân dân huyện.
"""


def test_stt_on_the_middle_line_belongs_to_its_row():
    [table] = _tables(MIDDLE_STT)
    rows = _texts(table)
    assert rows[0] == ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành"]
    assert rows[1] == ["1", "Xây dựng bộ dữ liệu số về hộ kinh doanh trên địa bàn huyện, cập nhật định kỳ hằng tháng",
                       "Phòng Kinh tế", "Quý III năm 2027"]
    assert rows[2] == ["2", "Tập huấn kỹ năng số cho cán bộ một cửa các xã", "Phòng Nội vụ", "Tháng 9/2027"]
    assert rows[3] == ["3", "Kiểm tra việc niêm yết thủ tục hành chính tại bộ phận tiếp nhận và trả kết quả, "
                            "báo cáo kết quả về Ủy ban nhân dân huyện", "Văn phòng HĐND và UBND huyện", "Hằng quý"]


def test_paragraphs_around_an_aligned_table_stay_paragraphs():
    raw = read_text(MIDDLE_STT)
    paras = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert paras[0].startswith("Căn cứ tình hình thực tế")
    assert paras[-1].startswith("Các phòng, ban có tên trên")


# the header repeated at the top of the next page, a page number and a form feed between, a row
# cut by the page break, two cells only one space apart
PAGE_BREAK = """\
 TT          Nội dung công việc           Cơ quan chủ trì     Cơ quan phối hợp     Thời gian
  1    Rà soát quy hoạch mạng lưới      Sở Tài chính        Các sở, ngành        Tháng 3/2027
       trường học
       Hoàn thiện cơ sở dữ liệu         Sở Giáo dục và
  2    đội ngũ nhà giáo, kết nối với    Đào tạo             Sở Nội vụ            Năm 2027
       cơ sở dữ liệu quốc gia
  3    Đánh giá chất lượng bữa ăn bán   Ủy ban nhân dân     Trung tâm Y tế       Hằng học kỳ
       trú tại các trường vùng cao      các xã

                                        4
\f
 TT          Nội dung công việc           Cơ quan chủ trì     Cơ quan phối hợp     Thời gian
       và biên giới
  4    Tổ chức ngày hội đọc sách cho    Thư viện các trường Đoàn Thanh niên      Tháng 4 hằng năm
       học sinh tiểu học
"""


def test_repeated_header_and_page_number_are_dropped_and_a_cut_row_joined():
    [table] = _tables(PAGE_BREAK)
    rows = _texts(table)
    assert len(rows) == 5
    assert rows[3] == ["3", "Đánh giá chất lượng bữa ăn bán trú tại các trường vùng cao và biên giới",
                       "Ủy ban nhân dân các xã", "Trung tâm Y tế", "Hằng học kỳ"]
    assert rows[2][2] == "Sở Giáo dục và Đào tạo"


def test_cells_one_space_apart_are_cut_at_the_column_gutter():
    [table] = _tables(PAGE_BREAK)
    assert _texts(table)[4] == ["4", "Tổ chức ngày hội đọc sách cho học sinh tiểu học", "Thư viện các trường",
                                "Đoàn Thanh niên", "Tháng 4 hằng năm"]


# rows parted by blank lines, no number column, a line over the columns as a heading row
BLANK_ROWS = """\
                                                              Người
Giờ                             Nội dung
                                                              phụ trách

              Buổi chiều – Hội trường tầng 2 của Trung tâm Hội nghị và Triển lãm tỉnh

13h30 -                                                   Ban Tổ chức
              Đón tiếp đại biểu, phát tài liệu
14h00

14h00 -       Báo cáo tổng kết công tác chuyển đổi        Phó Giám đốc
15h00         số năm 2026                                 Trần Văn Bình



III. KINH PHÍ
      Kinh phí tổ chức hội nghị từ nguồn chi thường xuyên năm 2027 của đơn vị.
"""


def test_blank_lines_part_the_rows_where_no_number_column_anchors_them():
    [table] = _tables(BLANK_ROWS)
    rows = _texts(table)
    assert rows[0] == ["Giờ", "Nội dung", "Người phụ trách"]
    assert rows[1] == ["", "Buổi chiều – Hội trường tầng 2 của Trung tâm Hội nghị và Triển lãm tỉnh"]
    assert rows[2] == ["13h30 - 14h00", "Đón tiếp đại biểu, phát tài liệu", "Ban Tổ chức"]
    assert rows[3] == ["14h00 - 15h00", "Báo cáo tổng kết công tác chuyển đổi số năm 2026", "Phó Giám đốc Trần Văn Bình"]
    assert len(rows) == 4   # the heading after the white gap is text after the table


def test_justified_running_text_with_double_spaces_is_no_table():
    text = ("      Tiếp tục  đẩy mạnh  cải cách hành chính,  nâng cao chất lượng phục vụ người dân và\n"
            "doanh nghiệp;  thực hiện  có hiệu quả  các nhiệm vụ  chuyển đổi số  trên địa bàn tỉnh,\n"
            "bảo đảm  thời gian  và  chất lượng theo  yêu cầu của  Ủy ban nhân dân tỉnh  giao.\n") * 3
    assert _tables(text) == []


def test_aligned_task_table_gives_tasks_with_lead_and_deadline():
    plan = parse_text("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2027\n\nII. NHIỆM VỤ CỤ THỂ\n\n" + MIDDLE_STT)
    tasks = [t for t in plan.tasks if t.source and t.source.line and t.source.line > 5]
    by_lead = {" ".join(t.lead): t for t in tasks}
    assert any("Phòng Nội vụ" in k for k in by_lead)
    task = next(t for k, t in by_lead.items() if "Phòng Nội vụ" in k)
    assert "Tập huấn kỹ năng số" in task.content
    assert task.deadline.text and "9/2027" in task.deadline.text


# numbers on the first line of their rows (cells aligned to the top), a cell listing its units on
# lines of their own that open in capitals
TOP_STT = """\
 Số TT   Nhiệm vụ                           Cơ quan chủ trì       Thời gian thực hiện
 1       Hướng dẫn các hợp tác xã lập       Sở Tài chính,         Quý II/2027
         phương án sản xuất theo chuỗi      Ngân hàng Chính
         giá trị và tiếp cận vốn vay        sách xã hội
         ưu đãi
 2       Tổng kết mô hình nông thôn mới     Văn phòng Điều        Tháng 11/2027
         kiểu mẫu                           phối nông thôn mới
 3       Bồi dưỡng cán bộ quản lý hợp tác   Liên minh Hợp tác     Hằng năm
         xã về chuyển đổi số                xã tỉnh
"""


def test_numbers_on_the_first_line_open_their_rows_in_top_aligned_tables():
    [table] = _tables(TOP_STT)
    rows = _texts(table)
    assert rows[1] == ["1", "Hướng dẫn các hợp tác xã lập phương án sản xuất theo chuỗi giá trị và tiếp cận vốn vay ưu đãi",
                       "Sở Tài chính, Ngân hàng Chính sách xã hội", "Quý II/2027"]
    assert rows[2] == ["2", "Tổng kết mô hình nông thôn mới kiểu mẫu", "Văn phòng Điều phối nông thôn mới", "Tháng 11/2027"]
    assert rows[3][0] == "3" and rows[3][2] == "Liên minh Hợp tác xã tỉnh"
