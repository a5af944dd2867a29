"""Targets in running text (issue 9, item 5): shared predicates, ranges, two quantities in one
clause, baselines, comparators after a counted noun, the targets part before commitments."""
import pytest

from extract.model import Passage
from extract.targets import extract_targets, horizon_year

TARGETS = ["II. MỤC TIÊU", "2. Mục tiêu cụ thể"]
TASKS = ["III. NHIỆM VỤ, GIẢI PHÁP", "1. Phát triển kinh tế"]


def run(*texts, path=TARGETS, year_hint=None):
    ps = []
    for t in texts:
        if isinstance(t, tuple):
            ps.append(Passage(text=t[1], path=list(t[0])))
        else:
            ps.append(Passage(text=t, path=list(path)))
    return extract_targets(ps, year_hint=year_hint)


def vals(ts):
    return [(t.value, t.value_max, t.unit, t.comparator) for t in ts]


@pytest.mark.parametrize("text, expected", [
    ("90% hộ ở đô thị và 70% hộ ở nông thôn được dùng nước sạch.",
     [(90, "hộ ở đô thị được dùng nước sạch"), (70, "hộ ở nông thôn được dùng nước sạch")]),
    ("95% trẻ em ở thành thị và 85% trẻ em ở miền núi được tiêm chủng đầy đủ.",
     [(95, "trẻ em ở thành thị được tiêm chủng đầy đủ"), (85, "trẻ em ở miền núi được tiêm chủng đầy đủ")]),
])
def test_shared_predicate_gives_two_targets(text, expected):
    assert [(t.value, t.text) for t in run(text)] == expected


@pytest.mark.parametrize("text, first, second", [
    ("Kim ngạch xuất khẩu đạt 250 triệu USD, tăng bình quân 8 - 10%/năm.",
     (250, None, "triệu USD", "="), (8, 10, "%/năm", "=")),
    ("Doanh thu du lịch đạt 1.200 tỷ đồng, tăng bình quân từ 12 đến 15%/năm.",
     (1200, None, "tỷ đồng", "="), (12, 15, "%/năm", "=")),
])
def test_value_then_growth_range_gives_two_targets(text, first, second):
    assert vals(run(text)) == [first, second]


def test_range_has_value_max_and_no_comparator():
    (t,) = run("Tỷ lệ lấp đầy các cụm công nghiệp đạt 60-70%.")
    assert (t.value, t.value_max, t.comparator) == (60, 70, "=")


def test_range_wrapped_over_two_lines_is_one_range():
    ts = run("Tỷ lệ tăng dân số tự nhiên duy trì ở mức 05", "- 06%.")
    ts2 = run("Tỷ lệ tăng dân số tự nhiên duy trì ở mức 05\n- 06%.")
    for t in (ts, ts2):
        assert vals(t) == [(5, 6, "%", "=")]


@pytest.mark.parametrize("text, value, unit, year", [
    ("Năm 2030 phấn đấu đạt 5.000 tấn cà phê nhân.", 5000, "tấn", 2030),
    ("Đến năm 2028 phấn đấu sản lượng thủy sản đạt 1.800 tấn.", 1800, "tấn", 2028),
])
def test_year_before_phan_dau(text, value, unit, year):
    (t,) = run(text, path=TASKS)
    assert (t.value, t.unit, t.year) == (value, unit, year)


@pytest.mark.parametrize("text, value, unit", [
    ("Mỗi chi hội kết nạp 8 hội viên mới trở lên.", 8, "hội viên"),
    ("Mỗi năm tổ chức 3 lớp tập huấn cho nông dân trở lên.", 3, "lớp tập huấn"),
])
def test_tro_len_after_a_counted_noun_is_at_least(text, value, unit):
    (t,) = run(text)
    assert (t.value, t.unit, t.comparator) == (value, unit, ">=")


@pytest.mark.parametrize("text", [
    "Hiện nay toàn tỉnh có khoảng 320 trạm phát sóng.",
    "Hiện tại có 45% hộ dân sử dụng nước sạch.",
    "Tính đến nay, đã có 12 hợp tác xã được thành lập.",
])
def test_baselines_are_not_targets(text):
    assert run(text) == []


def test_baseline_clause_then_target_clause():
    ts = run("Hiện nay có 120 trạm y tế đạt chuẩn; phấn đấu đến năm 2030 có 150 trạm y tế đạt chuẩn.")
    assert [(t.value, t.year) for t in ts] == [(150, 2030)]


def test_sentence_without_number_is_no_target_outside_the_specific_targets():
    assert run("Phấn đấu xây dựng xã văn minh, giàu đẹp.", path=TASKS) == []


def test_targets_part_wins_over_commitments_in_the_task_parts():
    ts = run((TARGETS, "Tỷ lệ hộ nghèo giảm còn dưới 2%."),
             (TASKS, "Phấn đấu đến cuối năm 2026 có 100% thôn có nhà văn hóa."),
             (["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"], "Góp phần phấn đấu tăng trưởng 9%/năm."))
    assert [t.value for t in ts] == [2]


def test_commitments_count_when_the_plan_has_no_targets_part():
    ts = run((TASKS, "Phấn đấu đến cuối năm 2026 có 100% thôn có nhà văn hóa."),
             (["IV. TỔ CHỨC THỰC HIỆN"], "Các trường học hằng tháng có ít nhất 02 tin, bài về hoạt động của trường."))
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(100, "%", "="), (2, "tin, bài", ">=")]


def test_recurring_quota_has_no_year():
    ts = run((["IV. TỔ CHỨC THỰC HIỆN"], "Mỗi xã hằng quý có ít nhất 01 tin, bài gửi đăng trên Cổng thông tin."),
             year_hint=2026)
    assert [(t.value, t.year) for t in ts] == [(1, None)]


@pytest.mark.parametrize("text, first, second", [
    ("Hình thành mới 04 Khu công nghiệp, nâng tổng số lên 9 KCN.",
     (4, "Khu công nghiệp", "Hình thành mới Khu công nghiệp"), (9, "KCN", "nâng tổng số KCN")),
    ("Thành lập mới 20 hợp tác xã, nâng tổng số lên 85 HTX.",
     (20, "hợp tác xã", "Thành lập mới hợp tác xã"), (85, "HTX", "nâng tổng số HTX")),
])
def test_two_quantities_in_one_clause_are_two_targets(text, first, second):
    assert [(t.value, t.unit, t.text) for t in run(text)] == [first, second]


def test_bracketed_list_of_parts_gives_a_target_each():
    ts = run("Tổng công suất điện toàn tỉnh đạt 1.500 MW (gồm 40 dự án thủy điện; 05 dự án điện gió).")
    assert [(t.value, t.unit) for t in ts] == [(1500, "MW"), (40, "dự án"), (5, "dự án")]


def test_label_with_a_comma_keeps_its_whole_label():
    (t,) = run("Diện tích trồng mới tại các xã, thị trấn: trên 300 ha.")
    assert (t.value, t.unit, t.comparator, t.text) == (300, "ha", ">", "Diện tích trồng mới tại các xã, thị trấn")


def test_bare_share_completed_by_the_next_clause():
    (t,) = run("Trên 90% cán bộ, công chức; người lao động trong các cơ quan được tập huấn kỹ năng số.")
    assert t.value == 90 and t.text.endswith("được tập huấn kỹ năng số") and t.text.startswith("cán bộ, công chức")


@pytest.mark.parametrize("title, year", [
    ("Kế hoạch chuyển đổi số trong các cơ quan Đảng năm 2026", 2026),
    ("Kế hoạch phát triển du lịch năm 2025 của xã", 2025),
    ("Kế hoạch tổng kết 10 năm thực hiện Nghị quyết", None),
])
def test_plan_for_one_year_gives_that_year(title, year):
    assert horizon_year(title) == year


def test_restated_quantity_after_a_comma_is_not_a_second_target():
    ts = run("Tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số, tương đương 120.000 người.")
    assert [(t.value, t.unit) for t in ts] == [(95, "%")]


def test_results_part_naming_targets_is_no_targets_part():
    ts = run("Năm 2025 đạt 95% hộ dân dùng nước sạch.",
             path=["I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU NĂM 2025"])
    ts2 = run("Năm 2025 có 320 trạm phát sóng.", path=["1. Đánh giá việc thực hiện mục tiêu, chỉ tiêu"])
    assert ts == [] and ts2 == []
