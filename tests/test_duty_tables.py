"""Task tables as real plans write them: year only in the header, lead column 'Trách nhiệm thực hiện',
an office and its body on two lines of one cell, two tables each numbered from 1 (invented)."""
from extract.model import Cell, Table
from extract.tables import TaskTableReader


def _table(rows):
    return Table(rows=[[Cell(c) for c in r] for r in rows])


def _read(*tables):
    ids = iter(range(1, 1000))
    reader = TaskTableReader(lambda: f"K{next(ids)}")
    for k, (sec, t) in enumerate(tables):
        assert reader.read(t, sec, adjacent=k == 0)   # a heading stands between two tables
    return reader


HEADER = ["TT", "Nội dung", "Trách nhiệm\nthực hiện", "Thời gian\n(Năm 2027)"]


def test_year_of_the_header_dates_a_day_without_year():
    r = _read(("S1", _table([HEADER, ["1", "Đối thoại trực tuyến về thủ tục đất đai", "Lãnh đạo\nSở Xây dựng",
                                      "Từ 9 giờ - 10 giờ ngày 14 tháng 5"]])))
    t = r.tasks[0]
    assert (t.deadline.start, t.deadline.end) == ("2027-05-14", "2027-05-14")


def test_lead_column_named_trach_nhiem_thuc_hien_and_office_over_two_lines():
    r = _read(("S1", _table([HEADER, ["1", "Đối thoại trực tuyến", "Lãnh đạo\nSở Xây dựng", "ngày 14 tháng 5"]])))
    assert r.tasks[0].lead == ["Lãnh đạo Sở Xây dựng"]


def test_two_tables_under_two_headings_each_numbered_from_one():
    rows = [["1", "Đối thoại với sở", "Lãnh đạo Sở Y tế", "ngày 3 tháng 4"],
            ["2", "Đối thoại với sở", "Lãnh đạo Sở Tài chính", "ngày 8 tháng 5"]]
    r = _read(("S1", _table([HEADER] + rows)), ("S2", _table([HEADER] + rows)))
    assert not [f for f in r.findings if f.code == "numbering-duplicate"]
