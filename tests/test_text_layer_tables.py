"""Task tables in PDF text layers (pdfplumber's extract_text, pdftotext): the fixtures in
tests/data/text/layers are invented plans printed by LibreOffice and read back by those tools
(made by tests/data/text/layers/make_layer_fixtures.py)."""
from pathlib import Path

import pytest

import extract
from extract import glued_rows
from extract.loose_tables import _hours

LAYERS = Path(__file__).parent / "data" / "text" / "layers"


def _table_tasks(name: str) -> list:
    plan = extract.parse(str(LAYERS / name)).to_dict()
    return [t for t in plan["tasks"] if t.get("origin") == "table"]


def _deadline(task: dict) -> str:
    d = task.get("deadline") or {}
    return d.get("text") if isinstance(d, dict) else d


def test_glued_cells_centred_vertically_rows_split_around_the_stt():
    """Stt, unit and date beside the middle of a tall content cell, each printed line gluing the
    fragments of several columns ("1 Tài nguyên và 16 giờ 30 ngày")."""
    tasks = _table_tasks("centred-four.plumber.txt")
    assert len(tasks) == 6
    assert all(t["content"].startswith("Trao đổi, giải đáp các câu hỏi") for t in tasks)
    assert tasks[0]["lead"] == ["Lãnh đạo Phòng Tài nguyên và Môi trường"]
    assert tasks[1]["lead"] == ["Lãnh đạo Phòng Kinh tế và Hạ tầng"]
    assert tasks[2]["lead"] == ["Lãnh đạo Phòng Tài chính - Kế hoạch"]
    assert _deadline(tasks[0]) == "Từ 14 giờ 00 - 16 giờ 30 ngày 8 tháng 2"
    assert _deadline(tasks[4]) == "Từ 14 giờ 00 - 16 giờ 30 ngày 20 tháng 6"
    assert "Phòng Tài" not in tasks[0]["content"].split("Môi trường")[-1]


def test_glued_cells_at_the_top_of_their_rows():
    tasks = _table_tasks("top-five.plumber.txt")
    assert [t["content"].split()[0] for t in tasks] == ["Rà", "Tổ", "Xây", "Kiểm", "Tổng"]
    assert tasks[0]["content"].endswith("đồng bộ dữ liệu")
    assert [_deadline(t) for t in tasks] == ["Quý II/2026", "Tháng 5/2026", "", "Trước ngày 30/9/2026",
                                             "Tháng 12/2026"]
    assert tasks[1]["lead"] == ["Công an xã"] or tasks[1]["lead"][0].startswith("Công an xã")


def test_glued_header_names_wrapped_inside_their_words():
    """"Đơn vị chủ Đơn vị phối Ghi" over "Stt Nhiệm vụ Thời hạn" over "trì hợp chú"."""
    lines = (LAYERS / "six-columns.plumber.txt").read_text(encoding="utf-8").split("\n")
    k = next(i for i, t in enumerate(lines) if t.startswith("Đơn vị chủ"))
    roles, first, body = glued_rows.header(lines, k)
    assert roles == ["number", "content", "lead", "partners", "deadline"]
    assert (first, body) == (k, k + 3)
    rows, _ = glued_rows.rows(lines, roles, body)
    assert [r.get("group", "")[:4] for r in rows] == ["I. C", "", "", "II. ", "", ""]
    assert rows[2]["deadline"] == "Quý III/2026"


@pytest.mark.parametrize("line, roles", [
    ("TT Nội dung Trách nhiệm thực hiện", ["number", "content", "lead"]),
    ("Stt Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian", ["number", "content", "lead", "partners",
                                                                        "deadline"]),
    ("Thời gian Nội dung Người phụ trách", ["deadline", "content", "lead"]),
    ("Đơn vị chủ Đơn vị phối Ghi", ["lead", "partners"]),
    ("Giải đáp những vướng mắc về công tác", []),
])
def test_glued_header_line_roles(line, roles):
    assert glued_rows._line_roles(line) == roles


def test_glued_rows_need_text_beside_the_stt():
    """Stt numbers alone on their lines are a table written one cell per line, not glued."""
    lines = ["Stt Nội dung Cơ quan chủ trì Thời gian", "1", "Rà soát hồ sơ", "Phòng Nội vụ", "Quý I/2026",
             "2", "Tập huấn cán bộ", "Phòng Nội vụ", "Quý II/2026"]
    roles, _, body = glued_rows.header(lines, 0)
    assert glued_rows.rows(lines, roles, body)[0] == []


@pytest.mark.parametrize("cell, want", [
    ("7h00 7h15", "7h00 - 7h15"),
    ("14h00 16h30", "14h00 - 16h30"),
    ("7h00 - 7h15", "7h00 - 7h15"),
    ("8h30", "8h30"),
])
def test_hours_cell_that_lost_its_dash(cell, want):
    assert _hours(cell) == want


BLOCKS = """KẾ HOẠCH
Tổ chức ngày hội đọc sách năm 2026

II. CHƯƠNG TRÌNH
Thời
gian

Nội dung

Người phụ
trách

8h00 8h30

Đón đại biểu, văn nghệ chào mừng

Tổ Văn phòng

8h30 9h15

Khai mạc ngày hội; giới thiệu các gian trưng bày sách của
các lớp và câu lạc bộ đọc sách

Cô Nguyễn Thị
Lan

9h15 10h30

Giao lưu với tác giả, trao giải cuộc thi giới thiệu sách

Thầy Võ Minh
Khoa

III. TỔ CHỨC THỰC HIỆN
Tổ Văn phòng chuẩn bị hội trường.
"""


def test_blank_line_blocks_of_a_programme(tmp_path):
    """pdftotext without -layout: each cell a block of lines between blank lines, the header cells
    wrapped inside their words ("Thời" / "gian"), a name wrapped in its cell ("Cô Nguyễn Thị" /
    "Lan"), the dash between the hours lost."""
    path = tmp_path / "blocks.txt"
    path.write_text(BLOCKS, encoding="utf-8")
    tasks = [t for t in extract.parse(str(path)).to_dict()["tasks"] if t.get("origin") == "table"]
    assert [_deadline(t) for t in tasks] == ["8h00 - 8h30", "8h30 - 9h15", "9h15 - 10h30"]
    assert [t["lead"] for t in tasks] == [["Tổ Văn phòng"], ["Cô Nguyễn Thị Lan"], ["Thầy Võ Minh Khoa"]]
    assert tasks[1]["content"].endswith("câu lạc bộ đọc sách")


def test_glued_lead_and_partner_columns_split_before_the_second_name():
    """"Văn phòng Công chức" / "HĐND và Tư pháp - Hộ" / "UBND xã tịch": the lead column's words
    first, the partners' after them (a second unit name, or past the lead column's width)."""
    tasks = _table_tasks("top-five.plumber.txt")
    assert tasks[0]["lead"] == ["Văn phòng HĐND và UBND xã"]
    assert tasks[0]["partners"] == ["Công chức Tư pháp - Hộ tịch"]
    assert tasks[1]["lead"] == ["Công an xã"] and tasks[1]["partners"] == []
    assert tasks[3]["lead"] == ["Văn phòng HĐND và UBND xã"] and tasks[3]["partners"] == []


def test_glued_programme_hours_first_with_sessions():
    """A programme printed line by line: the hours first ("7h45 - Khai mạc … Cô Trần Thị Mai",
    "8h30 giới thiệu … Hương"), a session line over its rows, the header's "Thời" / "gian" wrapped."""
    tasks = _table_tasks("programme.plumber.txt")
    assert [_deadline(t) for t in tasks] == ["7h30 - 7h45", "7h45 - 8h30", "8h30 - 10h00", "14h00 - 16h00",
                                             "7h30 - 8h15", "8h15 - 9h00", "9h00 - 10h00"]
    assert tasks[0]["content"] == "Đón học sinh, ổn định chỗ ngồi" and tasks[0]["lead"] == ["Tổ Văn phòng"]
    assert tasks[1]["lead"] == ["Cô Trần Thị Mai Hương"]
    assert tasks[5]["lead"] == ["Đại diện Công an xã Hòa An"]
    assert all(t["group"].startswith("Buổi") for t in tasks)


def test_rows_written_as_wrapped_paragraphs_are_no_glued_columns():
    """A row's cells one after another wrapped at the page's width ("1 Tổ chức … Sở Tư pháp Các
    sở, ngành Quý II/2026"): the "content column" is as wide as the page, so no glued table."""
    prose = ["Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và địa phương triển khai thực hiện nghiêm"] * 12
    table = ["TT Nội dung Cơ quan chủ trì Cơ quan phối hợp Thời gian",
             "1 Tổ chức tuyên truyền, phổ biến các quy định mới về quản lý tài nguyên nước đến",
             "cán bộ, công chức và Nhân dân trên địa bàn toàn tỉnh. Sở Tư pháp Các sở, ban, ngành và",
             "các địa phương liên quan Quý II/2026",
             "2 Rà soát, đánh giá hiện trạng các công trình khai thác nước dưới đất trên địa bàn",
             "các huyện miền núi, đề xuất phương án xử lý. Sở Tài chính Các cơ quan, đơn vị liên quan",
             "Trong năm 2026",
             "3 Kiểm tra việc chấp hành pháp luật về tài nguyên nước của các tổ chức, cá nhân khai",
             "thác, sử dụng nước mặt cho sản xuất công nghiệp. Sở Nông nghiệp và Môi trường Công an",
             "tỉnh, các địa phương liên quan Hằng năm"]
    lines = prose + table
    roles, _, body = glued_rows.header(lines, len(prose))
    assert glued_rows.rows(lines, roles, body, glued_rows.page_width(lines))[0] == []


INTERLEAVED = """KẾ HOẠCH
Tổ chức đối thoại với doanh nghiệp năm 2026

Các cơ quan thực hiện theo bảng sau:
TT

Nội dung

Trách nhiệm

Thời gian
thực hiện

1

Trao đổi, giải đáp các kiến nghị của doanh
nghiệp về thủ tục thuế, hóa đơn điện tử và
Lãnh đạo Chi cục
chính sách hỗ trợ doanh nghiệp nhỏ và
Thuế
vừa trên địa bàn huyện

Quý II/2026

2

Trao đổi, giải đáp các kiến nghị của doanh
nghiệp về thủ tục đất đai, cấp phép xây
Lãnh đạo Phòng
dựng và đăng ký kinh doanh của hộ gia
Kinh tế
đình, cá nhân trên địa bàn huyện

Quý III/2026

3

Tổng kết chương trình đối thoại năm 2026

Văn phòng HĐND và UBND huyện

Tháng 12/2026

II. TỔ CHỨC THỰC HIỆN
Các cơ quan chuẩn bị nội dung trả lời.
"""


def test_blocks_whose_content_and_unit_lines_come_interleaved(tmp_path):
    """pdftotext without -layout: a tall content cell and the unit cell beside it come out as one
    block, their lines alternating ("… doanh nghiệp về thủ tục thuế" / "Lãnh đạo Chi cục" /
    "chính sách …" / "Thuế")."""
    path = tmp_path / "interleaved.txt"
    path.write_text(INTERLEAVED, encoding="utf-8")
    tasks = [t for t in extract.parse(str(path)).to_dict()["tasks"] if t.get("origin") == "table"]
    assert [t["lead"] for t in tasks] == [["Lãnh đạo Chi cục Thuế"], ["Lãnh đạo Phòng Kinh tế"],
                                          ["Văn phòng HĐND và UBND huyện"]]
    assert tasks[0]["content"].endswith("vừa trên địa bàn huyện")
    assert tasks[1]["content"].endswith("đình, cá nhân trên địa bàn huyện")
    assert [_deadline(t) for t in tasks] == ["Quý II/2026", "Quý III/2026", "Tháng 12/2026"]


def test_layout_text_columns_told_apart_by_position():
    """`pdftotext -layout` keeps the columns' positions: where the aligned-table reader does not take
    the table (a header wrapped over three lines, the Stt glued to the content), the glued reader
    reads each word's column from its position."""
    tasks = _table_tasks("top-five.layout.txt")
    assert [t["lead"] for t in tasks] == [["Văn phòng HĐND và UBND xã"], ["Công an xã"], ["Đoàn Thanh niên xã"],
                                          ["Văn phòng HĐND và UBND xã"], ["Ủy ban nhân dân xã"]]
    assert tasks[2]["partners"] == ["Hội Liên hiệp Phụ nữ xã", "Hội Nông dân xã"]
    assert [_deadline(t) for t in tasks] == ["Quý II/2026", "Tháng 5/2026", "Thường xuyên", "Trước ngày 30/9/2026",
                                             "Tháng 12/2026"]


def test_glued_reader_survives_cut_and_shuffled_lines():
    """Bad input never crashes the reader: runs of the fixtures' lines cut short and shuffled."""
    import random

    rnd = random.Random(7)
    for path in sorted(LAYERS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for trial in range(30):
            a = rnd.randrange(len(lines))
            seg = lines[a:a + rnd.randrange(1, 50)]
            if trial % 3 == 0:
                rnd.shuffle(seg)
            if trial % 5 == 0:
                seg = [t[:rnd.randrange(len(t) + 1)] for t in seg]
            for k in range(min(len(seg), 4)):
                found = glued_rows.header(seg, k)
                if found:
                    glued_rows.rows(seg, found[0], found[2], glued_rows.page_width(seg))
            glued_rows.rows(seg, ["number", "content", "lead", "partners", "deadline"], 0)
            glued_rows.programme(seg, ["deadline", "content", "lead"], 0)


@pytest.mark.parametrize("last", ["Khoa", "Trường", "Đoàn", "Hội"])
def test_name_wrapped_before_a_last_syllable_that_is_also_a_head_word(tmp_path, last):
    """A person's name wrapped in its cell ends in a syllable that also heads units ("Khoa",
    "Trường", "Đoàn", "Hội"): alone on its line it is no unit of its own."""
    path = tmp_path / "blocks.txt"
    path.write_text(BLOCKS.replace("Thầy Võ Minh\nKhoa", f"Thầy Võ Minh\n{last}"), encoding="utf-8")
    tasks = [t for t in extract.parse(str(path)).to_dict()["tasks"] if t.get("origin") == "table"]
    assert tasks[2]["lead"] == [f"Thầy Võ Minh {last}"]
