"""Findings on task tables: a table with no deadline column sets no time; a row's own value against
the targets section (invented plans)."""
import extract

PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ
Số: 15/KH-UBND
Tân Phú, ngày 05 tháng 3 năm 2025
KẾ HOẠCH
Kiên cố hóa trường lớp năm 2025

I. MỤC TIÊU
{targets}

II. NHIỆM VỤ CỤ THỂ
{table}
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def _plan(table, targets="Nâng cao chất lượng dạy học."):
    return extract.parse_text(PLAN.format(table=table, targets=targets))


def _codes(plan, code):
    return [f for f in plan.findings if f.code == code]


def test_table_without_deadline_column_gives_missing_deadline_on_each_row():
    plan = _plan("TT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
                 "1\tSửa chữa mái nhà lớp học\tBan quản lý dự án xã\tTrường Tiểu học Tân Phú\n"
                 "2\tMua sắm bàn ghế học sinh\tTrường Tiểu học Tân Phú\tPhòng Tài chính\n")
    rows = [t for t in plan.tasks if t.origin == "table"]
    assert len(rows) == 2
    assert {f.task for f in _codes(plan, "missing-deadline")} == {t.id for t in rows}


def test_table_of_targets_without_deadline_column_gives_none():
    plan = _plan("TT\tChỉ tiêu\tĐơn vị chủ trì\n"
                 "1\tTỷ lệ phòng học kiên cố đạt 90%\tTrường Tiểu học Tân Phú\n")
    assert not _codes(plan, "missing-deadline")


def test_value_in_the_row_words_against_the_target():
    plan = _plan("TT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\n"
                 "1\tXây mới 4 phòng học tại điểm trường chính\tBan quản lý dự án xã\tQuý III/2025\n",
                 targets="- Xây mới 6 phòng học tại điểm trường chính.")
    found = _codes(plan, "target-mismatch")
    assert len(found) == 1 and "4" in found[0].message


def test_same_value_in_the_row_and_the_target_gives_no_mismatch():
    plan = _plan("TT\tNội dung công việc\tĐơn vị chủ trì\tThời gian\n"
                 "1\tXây mới 6 phòng học tại điểm trường chính\tBan quản lý dự án xã\tQuý III/2025\n",
                 targets="- Xây mới 6 phòng học tại điểm trường chính.")
    assert not _codes(plan, "target-mismatch")
