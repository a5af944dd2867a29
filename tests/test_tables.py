"""Task tables: header finding, groups, repeated headers, shifted cells, empty rows, numbering."""
import pytest

import extract

HEAD = "TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn hoàn thành\n"
PLAN = """ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Tân Phú, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Phát triển du lịch cộng đồng năm 2024

I. MỤC ĐÍCH
Phát triển du lịch.

II. NHIỆM VỤ CỤ THỂ
{table}
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Văn An
"""


def plan_with(rows: str):
    return extract.parse_text(PLAN.format(table=HEAD + rows))


def table_tasks(plan):
    return [t for t in plan.tasks if t.origin == "table"]


def codes(plan, task):
    return sorted(f.code for f in plan.findings if f.task == task.id)


def test_group_rows_and_fields():
    plan = plan_with("A\tQUẢNG BÁ DU LỊCH\t\t\t\n"
                     "1\tXây dựng video quảng bá\tCông chức Văn hóa - Xã hội\tĐoàn Thanh niên, Hội Phụ nữ xã\tQuý II/2024\n"
                     "2\tTổ chức lễ hội\tBan Văn hóa xã\tCác thôn\tHằng năm\n")
    t1, t2 = table_tasks(plan)
    assert (t1.group, t1.group_title, t1.number) == ("A", "QUẢNG BÁ DU LỊCH", "1")
    assert t1.lead == ["Công chức Văn hóa - Xã hội"]
    assert t1.partners == ["Đoàn Thanh niên", "Hội Phụ nữ xã"]
    assert (t1.deadline.kind, t1.deadline.start, t1.deadline.end) == ("once", "2024-04-01", "2024-06-30")
    assert t2.deadline.kind == "recurring"
    assert codes(plan, t1) == [] and codes(plan, t2) == []


def test_column_shift_deadline_in_partner_column_is_realigned():
    plan = plan_with("I\tHẠ TẦNG\t\t\t\n"
                     "1\tNâng cấp đường vào bản\tBan Quản lý dự án xã\tNăm 2025\t\n")
    (t,) = table_tasks(plan)
    assert t.partners == [] and t.deadline.text == "Năm 2025" and t.deadline.kind == "once"
    assert codes(plan, t) == ["column-shift"]


def test_missing_lead_and_missing_deadline():
    plan = plan_with("1\tRà soát hộ nghèo\t\tCác thôn\tQuý IV/2024\n"
                     "2\tTổng kết năm\tVăn phòng UBND xã\t\t\n")
    t1, t2 = table_tasks(plan)
    assert codes(plan, t1) == ["missing-lead"]
    assert codes(plan, t2) == ["missing-deadline"]


def test_repeated_header_after_page_break_is_dropped():
    plan = plan_with("1\tViệc một\tBan A\t\tQuý I/2024\n\n" + HEAD.replace("TT", "Số thứ tự") +
                     "2\tViệc hai\tBan B\t\tQuý II/2024\n")
    assert [t.content for t in table_tasks(plan)] == ["Việc một", "Việc hai"]


@pytest.mark.parametrize("numbers, expected", [
    (["1", "2", "2"], {2: "numbering-duplicate"}),
    (["1", "3", "2"], {1: "numbering-gap", 2: "numbering-order"}),
    (["1", "2", "3"], {}),
])
def test_numbering_checks_within_a_group(numbers, expected):
    rows = "".join(f"{n}\tViệc số {i}\tBan A\t\tNăm 2024\n" for i, n in enumerate(numbers))
    plan = plan_with("I\tNHÓM\t\t\t\n" + rows)
    tasks = table_tasks(plan)
    got = {i: c for i, t in enumerate(tasks) for c in codes(plan, t)}
    assert got == expected


def test_numbering_restarts_in_each_group():
    plan = plan_with("I\tNHÓM MỘT\t\t\t\n1\tViệc a\tBan A\t\tNăm 2024\n"
                     "II\tNHÓM HAI\t\t\t\n1\tViệc b\tBan B\t\tNăm 2024\n")
    assert not [f for f in plan.findings if f.code.startswith("numbering")]


def test_empty_numbered_row_gives_a_finding_and_no_task():
    plan = plan_with("1\tViệc một\tBan A\t\tNăm 2024\n2\t\t\t\t\n")
    assert len(table_tasks(plan)) == 1
    assert [f.code for f in plan.findings if f.code == "empty-row"] == ["empty-row"]


def test_column_index_row_is_not_a_task():
    plan = plan_with("(1)\t(2)\t(3)\t(4)\t(5)\n1\tViệc một\tBan A\t\tNăm 2024\n")
    assert [t.number for t in table_tasks(plan)] == ["1"]


def test_group_number_in_second_cell_after_an_empty_first_cell():
    plan = plan_with(" \tVII Xây dựng hệ thống chính trị\t\t\t\n1\tViệc một\tBan A\t\tNăm 2024\n")
    (t,) = table_tasks(plan)
    assert (t.group, t.group_title) == ("VII", "Xây dựng hệ thống chính trị")


def test_extra_column_is_kept_by_its_header_name():
    head = "STT\tNhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\tSản phẩm\n"
    plan = extract.parse_text(PLAN.format(table=head + "1\tLập quy hoạch\tBan A\tBan B\tNăm 2024\tQuyết định phê duyệt\n"))
    (t,) = table_tasks(plan)
    assert t.extra == {"Sản phẩm": "Quyết định phê duyệt"}


def test_table_without_deadline_column_reports_no_missing_deadline():
    head = "TT\tChỉ tiêu\tChủ trì\n"
    plan = extract.parse_text(PLAN.format(table=head + "1\tTỷ lệ hộ dùng nước sạch đạt 95%\tBan A\n"))
    (t,) = table_tasks(plan)
    assert t.lead == ["Ban A"] and codes(plan, t) == []


def test_data_row_with_header_words_is_not_a_repeated_header():
    """Regression: a row whose content says "hoạt động" and whose partners say "thực hiện" was
    taken for a repeated header row and dropped."""
    plan = plan_with("1\tYêu cầu các đơn vị vận hành hệ thống dữ liệu về hoạt động khoáng sản\tSở Nông nghiệp và Môi trường"
                     "\tCác sở, ngành và các đơn vị thực hiện nội dung liên quan\tTrước ngày 01/01/2030\n")
    assert [t.number for t in table_tasks(plan)] == ["1"]


@pytest.mark.parametrize("header, roles", [
    ("Stt|Nội dung|Đơn vị chủ trì|Cơ quan phối hợp|Thời gian thực hiện", ["number", "content", "lead", "partners", "deadline"]),
    ("TT|Tên nhiệm vụ|Sở, ngành chủ trì tham mưu|Đơn vị phối hợp thực hiện|Thời gian thực hiện|Ghi chú",
     ["number", "content", "lead", "partners", "deadline", "extra"]),
    ("Số TT|Tên văn bản|Cơ quan chủ trì soạn thảo|Thời hạn trình", ["number", "content", "lead", "deadline"]),
    ("TT|Nội dung công việc|Đơn vị thực hiện|Tiến độ|Sản phẩm", ["number", "content", "lead", "deadline", "extra"]),
    ("STT|Chỉ tiêu|Chủ trì", ["number", "content", "lead"]),
    ("Số thứ tự|Nhiệm vụ, giải pháp|Người phụ trách|Thời gian hoàn thành",
     ["number", "content", "lead", "deadline"]),
])
def test_header_cells_name_their_roles(header, roles):
    from extract.tables import header_role
    assert [header_role(c) for c in header.split("|")] == roles


@pytest.mark.parametrize("cell, lead, partners", [
    ("Sở Y tế (chủ trì); Sở Tài chính, UBND các huyện", "Sở Y tế", "Sở Tài chính, UBND các huyện"),
    ("Công an tỉnh (chủ trì), Bộ Chỉ huy Quân sự tỉnh (phối hợp)", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Liên minh Hợp tác xã tỉnh chủ trì, phối hợp Sở Công Thương", "Liên minh Hợp tác xã tỉnh", "Sở Công Thương"),
    ("Phòng Nội vụ chủ trì, phối hợp với các cơ quan liên quan", "Phòng Nội vụ", "các cơ quan liên quan"),
    ("Sở Tư pháp", "Sở Tư pháp", ""),
    ("Sở KH&CN chủ trì hướng dẫn", "Sở KH&CN chủ trì hướng dẫn", ""),
    # roles as labels, or as a verb after each unit
    ("Chủ trì: Công an xã; Phối hợp: các thôn, tổ dân phố", "Công an xã", "các thôn, tổ dân phố"),
    ("Chủ trì: Phòng Kinh tế\nPhối hợp: Hợp tác xã Tân Tiến", "Phòng Kinh tế", "Hợp tác xã Tân Tiến"),
    ("Đơn vị chủ trì: Trạm Y tế xã", "Trạm Y tế xã", ""),
    ("Công an xã chủ trì, Đoàn Thanh niên xã phối hợp", "Công an xã", "Đoàn Thanh niên xã"),
    ("Sở Nội vụ chủ trì, các sở, ngành phối hợp thực hiện", "Sở Nội vụ", "các sở, ngành"),
])
def test_one_column_naming_lead_and_partners(cell, lead, partners):
    from extract.units import cell_roles
    assert cell_roles(cell) == (lead, partners)
def test_roman_sub_group_row_opens_a_sub_group_and_numbering_restarts():
    plan = plan_with("I\tSẢN PHẨM\t\t\t\n"
                     "I.1\tDu lịch văn hóa\t\t\t\n"
                     "1\tKhảo sát bản làng\tPhòng Văn hóa\tCác thôn\tQuý II/2024\n"
                     "I.2\tDu lịch sinh thái\t\t\t\n"
                     "1\tMở tuyến trải nghiệm\tPhòng Kinh tế\tCác thôn\tNăm 2024\n")
    t1, t2 = table_tasks(plan)
    assert (t1.group, t1.group_title, t2.group, t2.group_title) == ("I.1", "Du lịch văn hóa", "I.2", "Du lịch sinh thái")
    assert not [f for f in plan.findings if f.code.startswith("numbering")]


def test_bare_unit_column_yields_to_a_column_named_for_the_lead():
    head = "TT\tChỉ tiêu\tĐơn vị\tKết quả\tCơ quan chủ trì theo dõi\n"
    plan = extract.parse_text(PLAN.format(table=head + "1\tTỉ lệ hồ sơ được số hóa\t%\t90%\tVăn phòng UBND xã\n"))
    (t,) = table_tasks(plan)
    assert t.lead == ["Văn phòng UBND xã"]


@pytest.mark.parametrize("dots", ["…..\t…..\t…..\t…..\t…..", "...\t...\t\t\t", "\t……\t\t\t", "5\t. . . .\t…\t\t"])
def test_row_of_dots_means_rows_left_out_and_no_numbering_finding_across_it(dots):
    plan = plan_with("1\tRà soát hồ sơ\tPhòng Nội vụ\tCác thôn\tQuý I/2024\n"
                     "2\tCập nhật dữ liệu\tPhòng Nội vụ\tCác thôn\tQuý II/2024\n"
                     f"{dots}\n"
                     "9\tTổng kết\tVăn phòng\tCác thôn\tTháng 12/2024\n")
    assert [t.number for t in table_tasks(plan)] == ["1", "2", "9"]
    assert not [f for f in plan.findings if f.code.startswith("numbering") or f.code == "empty-row"]


def test_numbering_gap_without_a_row_of_dots_is_still_reported():
    plan = plan_with("1\tRà soát hồ sơ\tPhòng Nội vụ\tCác thôn\tQuý I/2024\n"
                     "3\tTổng kết\tVăn phòng\tCác thôn\tTháng 12/2024\n")
    assert [f.code for f in plan.findings if f.code.startswith("numbering")] == ["numbering-gap"]


def test_role_labels_in_the_lead_and_partner_columns_are_no_part_of_the_names():
    plan = plan_with("1\tCập nhật dữ liệu dân cư\tChủ trì: Công an xã\tPhối hợp: các thôn\tQuý II/2026\n")
    t = [t for t in plan.tasks if t.origin == "table"][0]
    assert (t.lead, t.partners) == (["Công an xã"], ["các thôn"])
