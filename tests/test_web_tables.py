"""Task tables of plans saved from web pages as text: the ways sites render a table's rows.

Every fixture is invented. A '|' table is written as a page converter writes it: a line '|' opens a
row and one closes each cell, so a row of n cells is n slots and one empty slot."""
import pytest

import extract
from extract.model import Table
from extract.readers.txt import read_text

HEAD = ("ỦY BAN NHÂN DÂN XÃ AN BÌNH\n\nSố: 12/KH-UBND\n\nAn Bình, ngày 5 tháng 3 năm 2026\n\nKẾ HOẠCH\n\n"
        "Triển khai công tác chuyển đổi số năm 2026\n\nI. NHIỆM VỤ CỤ THỂ\n\n")
TAIL = "\n\nII. TỔ CHỨC THỰC HIỆN\n\nCác cơ quan, đơn vị triển khai thực hiện.\n"


def pipe_rows(rows) -> str:
    """A table as a site converter writes it: '|' opens a row; each cell (its lines) closed by '|'."""
    out = []
    for row in rows:
        out.append("|")
        for cell in row:
            out.extend(line for line in cell.split("\n") if line)
            out.append("|")
    return "\n".join(out) + "\n"


def _rows(text):
    return [[c.text for c in r] for b in read_text(text).blocks if isinstance(b, Table) for r in b.rows]


def _tasks(text):
    plan = extract.parse_text(HEAD + text + TAIL)
    return [(t.number, t.content, t.lead, t.partners, t.deadline.text if t.deadline else None)
            for t in plan.tasks if t.origin == "table"]


# --------------------------------------------------------------------------- a trailing empty column
@pytest.mark.parametrize("extra", [1, 2])
@pytest.mark.parametrize("header, row1, row2", [
    (["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
     ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Các ban", "Quý I/2026"],
     ["2", "Số hóa hồ sơ", "Công an xã", "", "Quý II/2026"]),
    (["Nội dung công việc", "Đơn vị thực hiện", "Thời gian hoàn thành"],
     ["Rà soát thủ tục hành chính", "Văn phòng", "Tháng 4/2026"],
     ["Số hóa hồ sơ", "Công an xã", "Tháng 6/2026"]),
    (["Thời gian", "Nội dung", "Phụ trách"],
     ["7h00 - 7h30", "Đón tiếp đại biểu", "Văn phòng"],
     ["7h30 - 8h00", "Khai mạc hội nghị", "Chủ tịch UBND xã"]),
])
def test_trailing_empty_column_keeps_every_row_in_its_columns(header, row1, row2, extra):
    pad = [""] * extra
    text = pipe_rows([header + pad, row1 + pad, row2 + pad, row1 + pad])
    assert _rows(text) == [header + pad, row1 + pad, row2 + pad, row1 + pad]


def test_trailing_empty_column_with_group_rows_merged_across_the_table():
    text = pipe_rows([["Thời gian", "Nội dung", "Phụ trách", ""], ["**Chiều thứ Hai, 9/3/2026**", ""],
                      ["13h30 - 14h00", "Khai mạc", "Văn phòng", ""], ["14h00 - 16h00", "Thảo luận tổ", "Các tổ trưởng", ""],
                      ["**Sáng thứ Ba, 10/3/2026**", ""], ["7h30 - 9h00", "Tham quan mô hình", "Phòng Kinh tế", ""]])
    rows = _rows(text)
    assert [r[0] for r in rows] == ["Thời gian", "Chiều thứ Hai, 9/3/2026", "13h30 - 14h00", "14h00 - 16h00",
                                    "Sáng thứ Ba, 10/3/2026", "7h30 - 9h00"]
    assert rows[-1] == ["7h30 - 9h00", "Tham quan mô hình", "Phòng Kinh tế", ""]
    tasks = _tasks(text)
    assert [(t[1], t[2], t[4]) for t in tasks] == [
        ("Khai mạc", ["Văn phòng"], "13h30 - 14h00"), ("Thảo luận tổ", ["Các tổ trưởng"], "14h00 - 16h00"),
        ("Tham quan mô hình", ["Phòng Kinh tế"], "7h30 - 9h00")]


# --------------------------------------------------------------------------- leading empty cells
def test_group_rows_without_a_number_keep_their_empty_first_cell():
    text = pipe_rows([["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
                      ["", "**Lĩnh vực hạ tầng số**", "", "", ""],
                      ["1", "Phủ sóng 4G các thôn", "Bưu điện xã", "", "Năm 2026"],
                      ["", "**Lĩnh vực dữ liệu**", "", "", ""],
                      ["2", "Xây dựng kho dữ liệu dùng chung", "Văn phòng", "Công an xã", "Quý III/2026"]])
    rows = _rows(text)
    assert rows[1] == ["", "Lĩnh vực hạ tầng số", "", "", ""]
    assert rows[2] == ["1", "Phủ sóng 4G các thôn", "Bưu điện xã", "", "Năm 2026"]
    assert rows[4] == ["2", "Xây dựng kho dữ liệu dùng chung", "Văn phòng", "Công an xã", "Quý III/2026"]


def test_row_with_an_empty_last_cell_before_a_row_with_an_empty_first_cell():
    """Two empty slots between rows: the last cell of one row and the boundary, or the boundary
    and the first cell of the next; the column count tells."""
    text = pipe_rows([["TT", "Nội dung", "Chủ trì"], ["1", "Tập huấn kỹ năng số", ""],
                      ["", "Tuyên truyền trên loa", "Đài truyền thanh"], ["2", "Rà soát thiết bị", "Văn phòng"]])
    assert _rows(text) == [["TT", "Nội dung", "Chủ trì"], ["1", "Tập huấn kỹ năng số", ""],
                           ["", "Tuyên truyền trên loa", "Đài truyền thanh"], ["2", "Rà soát thiết bị", "Văn phòng"]]


# --------------------------------------------------------------------------- merged cells (fewer cells)
@pytest.mark.parametrize("group", ["**I. CẢI CÁCH HÀNH CHÍNH**", "**Nhóm nhiệm vụ về hạ tầng**", "Quý II năm 2026"])
def test_row_merged_across_the_table_is_one_spanning_cell(group):
    text = pipe_rows([["Stt", "Nội dung", "Cơ quan chủ trì", "Thời gian"], [group],
                      ["1", "Rà soát quy trình nội bộ", "Văn phòng", "Tháng 5/2026"],
                      ["2", "Niêm yết thủ tục", "Bộ phận một cửa", "Tháng 6/2026"]])
    blocks = [b for b in read_text(text).blocks if isinstance(b, Table)]
    row = blocks[0].rows[1]
    assert [c.text for c in row] == [group.strip("*")] and row[0].span == 4
    assert [(t[0], t[2], t[4]) for t in _tasks(text)] == [("1", ["Văn phòng"], "Tháng 5/2026"),
                                                         ("2", ["Bộ phận một cửa"], "Tháng 6/2026")]


def test_number_cell_after_a_merged_row_starts_the_next_row():
    text = pipe_rows([["TT", "Nội dung", "Chủ trì", "Thời gian"], ["II", "Ứng dụng"], ["II.1", "Dịch vụ công"],
                      ["1", "Thanh toán trực tuyến", "Văn phòng", "Năm 2026"]])
    assert _rows(text)[1:] == [["II", "Ứng dụng"], ["II.1", "Dịch vụ công"], ["1", "Thanh toán trực tuyến", "Văn phòng", "Năm 2026"]]


# --------------------------------------------------------------------------- cells of several paragraphs
def test_cells_of_several_paragraphs_stay_one_cell():
    text = pipe_rows([["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
                      ["1", "Tổ chức tập huấn:\n- Cho cán bộ, công chức;\n- Cho tổ công nghệ số cộng đồng.",
                       "Văn phòng\n(chủ trì)", "Tháng 4/2026"],
                      ["2", "Kiểm tra, đánh giá.", "Công an xã", "Tháng 11/2026"]])
    rows = _rows(text)
    assert rows[1][1] == "Tổ chức tập huấn:\n- Cho cán bộ, công chức;\n- Cho tổ công nghệ số cộng đồng."
    assert rows[2] == ["2", "Kiểm tra, đánh giá.", "Công an xã", "Tháng 11/2026"]


# --------------------------------------------------------------------------- markdown and tab rows
def test_markdown_rows_with_merged_cells_shown_empty():
    text = ("| STT | Nội dung | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| | **I. HẠ TẦNG SỐ** | | | |\n"
            "| 1 | Phủ sóng 4G các thôn | Bưu điện xã | | Năm 2026 |\n"
            "| 2 | Lắp camera an ninh | Công an xã | Các thôn | Quý IV/2026 |\n")
    assert [(t[0], t[1], t[2], t[3], t[4]) for t in _tasks(text)] == [
        ("1", "Phủ sóng 4G các thôn", ["Bưu điện xã"], [], "Năm 2026"),
        ("2", "Lắp camera an ninh", ["Công an xã"], ["Các thôn"], "Quý IV/2026")]


@pytest.mark.parametrize("br", ["<br>", "<br/>", "<br />"])
def test_markdown_cell_line_breaks_written_as_html_breaks(br):
    text = ("| TT | Nội dung | Chủ trì |\n|---|---|---|\n"
            f"| 1 | Tổ chức tập huấn:{br}- Cho cán bộ;{br}- Cho người dân. | Văn phòng |\n")
    rows = _rows(text)
    assert rows[1] == ["1", "Tổ chức tập huấn:\n- Cho cán bộ;\n- Cho người dân.", "Văn phòng"]


def test_tab_rows_of_a_time_first_table():
    text = ("Thời gian\tNội dung\tPhụ trách\n8h00 - 8h30\tĐón tiếp đại biểu\tVăn phòng\n"
            "8h30 - 9h00\tKhai mạc hội nghị\tChủ tịch UBND xã\n")
    assert [(t[1], t[2], t[4]) for t in _tasks(text)] == [("Đón tiếp đại biểu", ["Văn phòng"], "8h00 - 8h30"),
                                                         ("Khai mạc hội nghị", ["Chủ tịch UBND xã"], "8h30 - 9h00")]


# --------------------------------------------------------------------------- a table cut by the site
@pytest.mark.parametrize("ad", ["Quảng cáo", "Xem thêm: Kế hoạch chuyển đổi số của tỉnh năm 2026",
                                "Đăng nhập để xem đầy đủ nội dung"])
def test_table_interrupted_by_the_sites_lines_keeps_its_rows(ad):
    first = pipe_rows([["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
                       ["1", "Rà soát thủ tục hành chính", "Văn phòng", "Các ban", "Quý I/2026"]])
    second = pipe_rows([["2", "Số hóa hồ sơ", "Công an xã", "", "Quý II/2026"],
                        ["3", "Tập huấn kỹ năng số", "Văn phòng", "Đoàn thanh niên", "Quý III/2026"]])
    tasks = _tasks(first + "\n" + ad + "\n\n" + second)
    assert [(t[0], t[2], t[4]) for t in tasks] == [("1", ["Văn phòng"], "Quý I/2026"), ("2", ["Công an xã"], "Quý II/2026"),
                                                   ("3", ["Văn phòng"], "Quý III/2026")]


# --------------------------------------------------------------------------- cells under a rowspan
@pytest.mark.parametrize("header, rows, expected", [
    (["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
     [["1", "Rà soát thủ tục hành chính", "Văn phòng", "Các ban", "Quý I/2026"],
      ["2", "Niêm yết công khai thủ tục", "Các ban", "Quý II/2026"],
      ["3", "Khảo sát mức độ hài lòng", "Công an xã", "Đoàn thanh niên", "Tháng 10/2026"]],
     [("1", ["Văn phòng"], "Quý I/2026"), ("2", ["Văn phòng"], "Quý II/2026"), ("3", ["Công an xã"], "Tháng 10/2026")]),
    (["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
     [["1", "Tập huấn kỹ năng số cho cán bộ", "Văn phòng", "Năm 2026"],
      ["2", "Tập huấn kỹ năng số cho người dân", "Tổ công nghệ số"],
      ["3", "Tổng kết, đánh giá", "Văn phòng", "Tháng 12/2026"]],
     [("1", ["Văn phòng"], "Năm 2026"), ("2", ["Tổ công nghệ số"], "Năm 2026"), ("3", ["Văn phòng"], "Tháng 12/2026")]),
])
def test_cells_left_out_under_a_cell_spanning_rows_take_its_text(header, rows, expected):
    text = pipe_rows([header] + rows)
    assert [(t[0], t[2], t[4]) for t in _tasks(text)] == expected


# --------------------------------------------------------------------------- a header of two rows
@pytest.mark.parametrize("top, under, rows, expected", [
    (["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"], ["Chủ trì", "Phối hợp"],
     [["1", "Rà soát, cập nhật cơ sở dữ liệu dân cư trên địa bàn xã", "Công an xã", "Các thôn", "Quý I/2026"],
      ["2", "Tuyên truyền dịch vụ công trực tuyến cho người dân", "Văn phòng", "Đoàn thanh niên", "Quý II/2026"]],
     [("1", ["Công an xã"], ["Các thôn"], "Quý I/2026"), ("2", ["Văn phòng"], ["Đoàn thanh niên"], "Quý II/2026")]),
    (["TT", "Nhiệm vụ", "Cơ quan", "Thời hạn"], ["Chủ trì", "Phối hợp"],
     [["1", "Xây dựng kế hoạch kiểm tra công vụ năm 2026", "Phòng Nội vụ", "Thanh tra", "Tháng 3/2026"],
      ["2", "Tổ chức kiểm tra đột xuất tại các đơn vị", "Thanh tra", "Phòng Nội vụ", "Tháng 9/2026"]],
     [("1", ["Phòng Nội vụ"], ["Thanh tra"], "Tháng 3/2026"), ("2", ["Thanh tra"], ["Phòng Nội vụ"], "Tháng 9/2026")]),
])
def test_header_of_two_rows_puts_the_lower_cells_under_the_merged_one(top, under, rows, expected):
    text = pipe_rows([top, under] + rows)
    assert [(t[0], t[2], t[3], t[4]) for t in _tasks(text)] == expected


def test_any_run_of_slots_is_read_into_rows_keeping_every_cell_once():
    """Whatever the pattern of empty slots, the reading ends and keeps each cell in order."""
    import random

    from extract.readers.txt import _slots_to_rows

    rnd = random.Random(7)
    for _ in range(200):
        n = rnd.randint(1, 60)
        slots = [[(k + 1, f"ô {k}")] if rnd.random() < 0.6 else [] for k in range(n)]
        rows = _slots_to_rows(slots)
        texts = [c.text for r in rows for c in r if c.text and not c.merged]
        assert texts == [s[0][1] for s in slots if s]


@pytest.mark.parametrize("group", ["| **I. HẠ TẦNG SỐ** |", "| Nhóm nhiệm vụ về hạ tầng số |"])
def test_markdown_row_of_one_cell_is_a_group_row_merged_across_the_table(group):
    text = ("| STT | Nội dung | Chủ trì | Thời gian |\n|---|---|---|---|\n" + group + "\n"
            "| 1 | Phủ sóng 4G các thôn | Bưu điện xã | Năm 2026 |\n| 2 | Lắp camera an ninh | Công an xã | Quý IV/2026 |\n")
    tables = [b for b in read_text(text).blocks if isinstance(b, Table)]
    assert len(tables) == 1 and [c.text for c in tables[0].rows[1]] == [group.strip("| *")]
    assert tables[0].rows[1][0].span == 4
    plan = extract.parse_text(HEAD + text + TAIL)
    assert [(t.number, t.group_title or t.group) for t in plan.tasks if t.origin == "table"] == [
        ("1", group.strip("| *").removeprefix("I. ")), ("2", group.strip("| *").removeprefix("I. "))]
