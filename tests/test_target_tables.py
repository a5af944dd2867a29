"""Target tables by year (issue 9, item 3): each number under a year column is a target;
estimate/baseline columns are not; such tables and statistics forms are no task tables."""
import pytest

import extract
from extract.model import Cell, Table
from extract.target_tables import TargetTableReader


def _table(rows):
    """Rows of texts, or of (text, span) pairs."""
    return Table([[Cell(c[0], span=c[1]) if isinstance(c, tuple) else Cell(c) for c in r] for r in rows])


def _read(rows):
    reader = TargetTableReader()
    ok = reader.read(_table(rows), None)
    return ok, reader.targets


def test_products_with_area_and_output_rows_by_year():
    ok, ts = _read([
        ["TT", "Chỉ tiêu", "ĐVT", "ƯTH 2025", "2026", "2027", "2028"],
        ["1", "Lúa", "", "", "", "", ""],
        ["", "- Diện tích", "ha", "1.200", "1.250", "1.300", "1.320"],
        ["", "- Sản lượng", "tấn", "7.800", "8.000", "8.200", "8.400"],
        ["2", "Tỷ lệ hộ dùng nước sạch", "%", "88", "90", "92", "≥ 95"],
    ])
    assert ok
    got = [(t.text, t.value, t.unit, t.year, t.comparator) for t in ts]
    assert ("Lúa - Diện tích", 1250, "ha", 2026, "=") in got
    assert ("Lúa - Sản lượng", 8400, "tấn", 2028, "=") in got
    assert ("Tỷ lệ hộ dùng nước sạch", 95, "%", 2028, ">=") in got
    assert len(ts) == 9
    assert not any(t.value in (1200, 7800, 88) for t in ts)  # the estimate column is no target


def test_period_header_over_year_columns_and_baseline_column():
    ok, ts = _read([
        [("STT", 1), ("Tên chỉ tiêu", 1), ("Đơn vị tính", 1), ("Năm 2025 (ước)", 1), ("Giai đoạn 2026 - 2030", 3)],
        [("", 1), ("", 1), ("", 1), ("", 1), ("2026", 1), ("2028", 1), ("2030", 1)],
        [("1", 1), ("Số hợp tác xã", 1), ("HTX", 1), ("40", 1), ("42", 1), ("45", 1), ("50", 1)],
        [("2", 1), ("Thu nhập bình quân", 1), ("triệu đồng/người", 1), ("60", 1), ("65", 1), ("70 - 75", 1), ("", 1)],
    ])
    assert ok
    got = [(t.text, t.value, t.value_max, t.unit, t.year) for t in ts]
    assert got == [("Số hợp tác xã", 42, None, "HTX", 2026), ("Số hợp tác xã", 45, None, "HTX", 2028),
                   ("Số hợp tác xã", 50, None, "HTX", 2030), ("Thu nhập bình quân", 65, None, "triệu đồng/người", 2026),
                   ("Thu nhập bình quân", 70, 75, "triệu đồng/người", 2028)]


def test_statistics_form_with_unit_of_measure_is_neither_targets_nor_tasks():
    ok, ts = _read([
        [("STT", 1), ("NỘI DUNG", 1), ("ĐƠN VỊ TÍNH", 1), ("KẾT QUẢ", 4)],
        [("", 1), ("", 1), ("", 1), ("2022", 1), ("2023", 1), ("2024", 1), ("Tổng", 1)],
        [("1", 1), ("Số cuộc kiểm tra", 1), ("Cuộc", 1), ("", 1), ("", 1), ("", 1), ("", 1)],
        [("2", 1), ("Số người bị xử lý", 1), ("Người", 1), ("3", 1), ("", 1), ("1", 1), ("4", 1)],
    ])
    assert ok and ts == []


def test_task_table_is_not_a_target_table():
    ok, ts = _read([["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"], ["1", "Rà soát", "Phòng Kinh tế", "Năm 2026"]])
    assert not ok


def test_schedule_by_year_without_unit_is_not_a_target_table():
    ok, ts = _read([["Nội dung", "2026", "2027"], ["Xây dựng trường học", "x", ""]])
    assert not ok


PLAN = """ỦY BAN NHÂN DÂN
XÃ PHÚ AN
Số: 15/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Phú An, ngày 10 tháng 1 năm 2026
KẾ HOẠCH
Phát triển nông nghiệp giai đoạn 2026 - 2028

I. MỤC TIÊU
Phát triển nông nghiệp hàng hóa.

TT\tChỉ tiêu\tĐVT\tTH 2025\t2026\t2027\t2028
1\tCà phê\t\t\t\t\t
\t- Diện tích\tha\t500\t520\t540\t560
\t- Sản lượng\ttấn\t1.400\t1.500\t1.600\t1.700

II. TỔ CHỨC THỰC HIỆN
Phòng Kinh tế chủ trì theo dõi việc thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Nam
"""


def test_target_table_in_a_plan_gives_targets_and_no_table_tasks():
    p = extract.parse_text(PLAN)
    assert [t for t in p.tasks if t.origin == "table"] == []
    got = [(t.id, t.text, t.value, t.unit, t.year) for t in p.targets]
    assert ("Cà phê - Diện tích", 560, "ha", 2028) in [g[1:] for g in got]
    assert len(got) == 6 and [g[0] for g in got] == [f"T{i}" for i in range(1, 7)]
    assert not any(s.title in ("Cà phê", "- Diện tích") for s in p.iter_sections())


def test_targets_by_year_assigned_to_units_are_targets_and_tasks():
    reader = TargetTableReader()
    table = _table([["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2027", "Cơ quan chủ trì"],
                    ["1", "Số hợp tác xã thành lập mới", "HTX", "3", "4", "Phòng Kinh tế"]])
    assert reader.read(table, None) is False  # left to the task table reader as well
    assert [(t.value, t.year) for t in reader.targets] == [(3, 2026), (4, 2027)]
