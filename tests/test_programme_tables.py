"""Programme tables: a time-of-day column first, no Stt, rows grouped under merged label rows."""
from extract.model import Cell, Table
from extract.tables import TaskTableReader
from extract.deadlines import parse_deadline

import pytest


def _table(rows):
    return Table([[Cell(t, span=s) for t, s in r] for r in rows])


def _read(table):
    ids = iter(range(1, 100))
    reader = TaskTableReader(lambda: f"K{next(ids)}")
    assert reader.read(table, None)
    return reader


def test_programme_table_time_column_is_no_stt_and_merged_rows_are_groups():
    reader = _read(_table([
        [("Thời gian", 1), ("Nội dung", 1), ("Người phụ trách", 1)],
        [("Buổi chiều (từ 13h30 đến 16h00) – Hội trường", 3)],
        [("13h30 - 14h00", 1), ("Đón tiếp đại biểu", 1), ("Văn phòng", 1)],
        [("14h00 - 15h30", 1), ("Báo cáo chuyên đề về phòng cháy", 1), ("Cô Trần Thị Mai", 1)],
        [("Buổi tối – Sân trường", 4)],
        [("19h00 - 21h00", 1), ("Giao lưu văn nghệ", 1), ("Đoàn Thanh niên", 1)],
    ]))
    tasks = reader.tasks
    assert [t.content for t in tasks] == ["Đón tiếp đại biểu", "Báo cáo chuyên đề về phòng cháy",
                                          "Giao lưu văn nghệ"]
    assert [t.number for t in tasks] == [None, None, None]
    assert [t.group for t in tasks] == ["Buổi chiều (từ 13h30 đến 16h00) – Hội trường"] * 2 + ["Buổi tối – Sân trường"]
    assert [t.deadline.text for t in tasks] == ["13h30 - 14h00", "14h00 - 15h30", "19h00 - 21h00"]
    assert {t.deadline.kind for t in tasks} == {"range"}
    assert tasks[1].lead == ["Cô Trần Thị Mai"]
    assert not [f for f in reader.findings if f.code.startswith("numbering")]


@pytest.mark.parametrize("text", ["7h00 - 7h15", "8h00-11h30", "7 giờ 30 - 9 giờ", "Từ 14 giờ đến 16 giờ 30",
                                  "9:00 - 10:30"])
def test_clock_time_span_is_a_range_without_dates(text):
    d = parse_deadline(text)
    assert (d.kind, d.start, d.end) == ("range", None, None)


def test_clock_time_span_on_a_dated_day_stays_that_day():
    d = parse_deadline("14h00 - 16h30 ngày 25/8/2026")
    assert (d.kind, d.start, d.end) == ("once", "2026-08-25", "2026-08-25")


def test_numbered_row_merged_across_the_table_is_not_a_label_row():
    reader = _read(_table([
        [("TT", 1), ("Nội dung", 1), ("Đơn vị chủ trì", 1)],
        [("1", 1), ("Rà soát hồ sơ", 1), ("Văn phòng", 1)],
        [("2. Tập huấn cán bộ", 3)],
    ]))
    assert reader.tasks[0].group is None


def test_lower_case_letter_group_rows_are_groups_not_tasks():
    reader = _read(_table([
        [("Stt", 1), ("Nội dung", 1), ("Đơn vị chủ trì", 1), ("Thời gian", 1)],
        [("a", 1), ("Hạ tầng số", 1), ("", 1), ("", 1)],
        [("1", 1), ("Phủ sóng 4G các thôn", 1), ("Công chức Văn hóa", 1), ("Năm 2025", 1)],
        [("b. Dữ liệu số", 4)],
        [("1", 1), ("Số hóa hồ sơ đất đai", 1), ("Công chức Địa chính", 1), ("Quý III/2025", 1)],
    ]))
    assert [(t.group, t.group_title, t.number) for t in reader.tasks] == [
        ("a", "Hạ tầng số", "1"), ("b", "Dữ liệu số", "1")]
    assert not [f for f in reader.findings if f.code.startswith("numbering")]


def test_year_only_in_the_deadline_header_dates_the_cells():
    reader = _read(_table([
        [("TT", 1), ("Nội dung", 1), ("Trách nhiệm thực hiện", 1), ("Thời gian (Năm 2027)", 1)],
        [("1", 1), ("Tọa đàm về chuyển đổi số", 1), ("Lãnh đạo Sở Tài chính", 1), ("Từ 19 giờ 30 - 20 giờ ngày 12 tháng 3", 1)],
        [("2", 1), ("Giao lưu trực tuyến", 1), ("Lãnh đạo Sở Y tế", 1), ("ngày 09/4", 1)],
        [("3", 1), ("Tổng kết", 1), ("Văn phòng", 1), ("Hằng quý", 1)],
    ]))
    t1, t2, t3 = reader.tasks
    assert t1.lead == ["Lãnh đạo Sở Tài chính"]
    assert (t1.deadline.text, t1.deadline.start, t1.deadline.end) == (
        "Từ 19 giờ 30 - 20 giờ ngày 12 tháng 3", "2027-03-12", "2027-03-12")
    assert (t2.deadline.text, t2.deadline.start) == ("ngày 09/4", "2027-04-09")
    assert t3.deadline.kind == "recurring"


def test_second_table_with_its_own_header_numbering_from_one_is_no_duplicate():
    ids = iter(range(1, 100))
    reader = TaskTableReader(lambda: f"K{next(ids)}")
    head = [("TT", 1), ("Nội dung", 1), ("Đơn vị thực hiện", 1), ("Thời gian", 1)]
    for units in (("Sở Y tế", "Sở Tư pháp"), ("UBND xã Hòa Ninh", "UBND phường 1")):
        assert reader.read(_table([head] + [[(str(i + 1), 1), ("Đối thoại trực tuyến", 1), (u, 1), ("Tháng 5/2026", 1)]
                                            for i, u in enumerate(units)]), None, adjacent=False)
    assert len(reader.tasks) == 4
    assert not [f for f in reader.findings if f.code.startswith("numbering")]


def test_repeated_header_continuing_the_numbering_still_checks_it():
    ids = iter(range(1, 100))
    reader = TaskTableReader(lambda: f"K{next(ids)}")
    head = [("TT", 1), ("Nội dung", 1), ("Đơn vị thực hiện", 1), ("Thời gian", 1)]
    reader.read(_table([head, [("1", 1), ("A", 1), ("Sở Y tế", 1), ("Năm 2026", 1)],
                        [("2", 1), ("B", 1), ("Sở Y tế", 1), ("Năm 2026", 1)]]), None)
    reader.read(_table([head, [("2", 1), ("C", 1), ("Sở Y tế", 1), ("Năm 2026", 1)]]), None, adjacent=False)
    assert [f.code for f in reader.findings] == ["numbering-duplicate"]


def test_page_split_table_numbering_from_one_again_is_still_checked():
    ids = iter(range(1, 100))
    reader = TaskTableReader(lambda: f"K{next(ids)}")
    head = [("TT", 1), ("Nội dung", 1), ("Đơn vị thực hiện", 1), ("Thời gian", 1)]
    reader.read(_table([head, [("1", 1), ("A", 1), ("Sở Y tế", 1), ("Năm 2026", 1)]]), None)
    reader.read(_table([head, [("1", 1), ("C", 1), ("Sở Y tế", 1), ("Năm 2026", 1)]]), None, adjacent=True)
    assert [f.code for f in reader.findings] == ["numbering-duplicate"]
