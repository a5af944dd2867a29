"""Targets: which passages hold them, how they split into atoms, and what is not a target."""
import json
import subprocess
import sys
import unicodedata

import pytest

from extract.model import Passage, Source
from extract.targets import extract_targets, find_values, horizon_year, indicator_similarity

TARGETS = ["II. MỤC TIÊU", "1. Mục tiêu cụ thể"]


def run(text, path=TARGETS, year_hint=None, **kw):
    return extract_targets([Passage(text=text, path=list(path), **kw)], year_hint=year_hint)


def atoms(ts):
    return [(t.value, t.unit, t.comparator, t.text) for t in ts]


# --------------------------------------------------------------------------- one atom per phrasing
@pytest.mark.parametrize("text, value, unit, comparator, indicator", [
    ("Kinh tế số chiếm 45% GRDP tỉnh.", 45, "%", "=", "Kinh tế số chiếm GRDP tỉnh"),
    ("Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%.", 40, "%", ">=",
     "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo"),
    ("Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D) đạt trên 60%.", 60, "%", ">",
     "Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D)"),
    ("Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP tối thiểu 2%.", 2, "%", ">=",
     "Kinh phí chi cho nghiên cứu phát triển (R&D)/GRDP"),
    ("Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ 01 Gb/s đạt 100%.", 100, "%", "=",
     "Tỷ lệ người sử dụng có khả năng truy cập băng rộng cố định với tốc độ 01 Gb/s"),
    ("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng đạt 95%.", 95, "%", "=",
     "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng"),
    ("Tỷ lệ phủ sóng 5G trên địa bàn đạt 100% dân số.", 100, "%", "=", "Tỷ lệ phủ sóng 5G trên địa bàn"),
    ("Có 71% đảng bộ xã, thị trấn biên soạn công trình lịch sử đảng bộ địa phương.", 71, "%", "=",
     "đảng bộ xã, thị trấn biên soạn công trình lịch sử đảng bộ địa phương"),
    ("14,2% xã, thị trấn thành lập câu lạc bộ bảo tồn di sản văn hóa.", 14.2, "%", "=",
     "xã, thị trấn thành lập câu lạc bộ bảo tồn di sản văn hóa"),
    ("Tốc độ tăng trưởng kinh tế (GRDP) bình quân đạt 8%/năm trở lên.", 8, "%/năm", ">=",
     "Tốc độ tăng trưởng kinh tế (GRDP) bình quân"),
    ("Thu nhập bình quân đầu người đạt 70 triệu đồng/người/năm.", 70, "triệu đồng/người/năm", "=",
     "Thu nhập bình quân đầu người"),
    ("Tỷ lệ che phủ rừng duy trì ổn định ở mức 65%.", 65, "%", "=", "Tỷ lệ che phủ rừng duy trì ổn định"),
    ("Giảm tỷ lệ hộ nghèo xuống dưới 3%.", 3, "%", "<", "Giảm tỷ lệ hộ nghèo"),
    ("Tăng tỷ lệ trường đạt chuẩn quốc gia từ 60% lên 75%.", 75, "%", "=", "Tăng tỷ lệ trường đạt chuẩn quốc gia"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm xuống còn 18%.", 18, "%", "=",
     "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm"),
    ("Trồng mới 1.250 ha rừng tập trung.", 1250, "ha", "=", "Trồng mới rừng tập trung"),
    ("Tổng thu ngân sách nhà nước trên địa bàn đạt 1.500 tỷ đồng.", 1500, "tỷ đồng", "=",
     "Tổng thu ngân sách nhà nước trên địa bàn"),
    ("Thu hút 2 triệu lượt khách du lịch.", 2_000_000, "lượt", "=", "Thu hút khách du lịch"),
    ("Hằng năm có ít nhất 05 sản phẩm OCOP được công nhận đạt 3 sao trở lên.", 5, "sản phẩm", ">=",
     "Hằng năm có sản phẩm OCOP được công nhận đạt 3 sao"),
    ("Số doanh nghiệp thành lập mới đạt 500 doanh nghiệp/năm.", 500, "doanh nghiệp", "=", "Số doanh nghiệp thành lập mới"),
    ("Tỷ lệ thất nghiệp khu vực thành thị dưới 3%.", 3, "%", "<", "Tỷ lệ thất nghiệp khu vực thành thị"),
    ("Diện tích lúa chất lượng cao đạt 20.000 - 25.000 ha.", 20000, "ha", "=", "Diện tích lúa chất lượng cao"),
    ("Rút ngắn thời gian giải quyết thủ tục hành chính xuống còn 05 ngày.", 5, "ngày", "=",
     "Rút ngắn thời gian giải quyết thủ tục hành chính"),
    ("Phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình.", 100, "%", "=",
     "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình"),
])
def test_one_target_per_phrasing(text, value, unit, comparator, indicator):
    (t,) = run(text)
    assert (t.value, t.unit, t.comparator, t.text) == (pytest.approx(value), unit, comparator, indicator)
    assert t.id == "T1" and t.sentence and t.value_text


def test_seed_targets_list_splits_into_atoms_with_shared_predicate_and_parents():
    text = ("100% xã, thị trấn có nhà văn hóa, trong đó 92% đạt chuẩn. 85% trở lên bản, khu phố có nhà văn hóa, "
            "trong đó 50% trở lên đạt chuẩn. Trên 80% hộ gia đình; 82% bản, khu phố; 97% cơ quan, đơn vị, doanh "
            "nghiệp đạt tiêu chuẩn văn hóa; 46% xã đạt chuẩn nông thôn mới.")
    ts = run(text, path=["II- MỤC TIÊU ĐẾN NĂM 2025"], marker="(2)")
    assert atoms(ts) == [
        (100, "%", "=", "xã, thị trấn có nhà văn hóa"),
        (92, "%", "=", "đạt chuẩn"),
        (85, "%", ">=", "bản, khu phố có nhà văn hóa"),
        (50, "%", ">=", "đạt chuẩn"),
        (80, "%", ">", "hộ gia đình đạt tiêu chuẩn văn hóa"),
        (82, "%", "=", "bản, khu phố đạt tiêu chuẩn văn hóa"),
        (97, "%", "=", "cơ quan, đơn vị, doanh nghiệp đạt tiêu chuẩn văn hóa"),
        (46, "%", "=", "xã đạt chuẩn nông thôn mới"),
    ]
    assert [t.parent for t in ts] == [None, "T1", None, "T3", None, None, None, None]
    assert {t.year for t in ts} == {2025}
    assert [t.id for t in ts] == [f"T{i}" for i in range(1, 9)]


def test_semicolon_list_of_full_items():
    text = ("100% cán bộ lãnh đạo, quản lý các cấp được bồi dưỡng, cập nhật kiến thức theo quy định; 95% trở lên "
            "cán bộ, đảng viên, công chức, viên chức, người lao động được học tập, quán triệt chủ trương, nghị "
            "quyết của Đảng, chính sách, pháp luật của Nhà nước.")
    ts = run(text, path=["II- MỤC TIÊU ĐẾN NĂM 2025"])
    assert [(t.value, t.comparator) for t in ts] == [(100, "="), (95, ">=")]
    assert ts[1].text.startswith("cán bộ, đảng viên") and ts[1].text.endswith("pháp luật của Nhà nước")


def test_commas_before_a_further_quantity_cut_items():
    ts = run("Tỷ lệ đô thị hóa đạt 45%, tỷ lệ hộ dân sử dụng nước sạch đạt 98%.")
    assert atoms(ts) == [(45, "%", "=", "Tỷ lệ đô thị hóa"), (98, "%", "=", "tỷ lệ hộ dân sử dụng nước sạch")]


def test_counts_joined_by_va_are_two_targets():
    ts = run("Xây dựng 03 mô hình điểm và 05 câu lạc bộ văn nghệ.")
    assert [(t.value, t.unit) for t in ts] == [(3, "mô hình"), (5, "câu lạc bộ")]


def test_commitment_list_of_counts_in_one_sentence():
    text = ("Phấn đấu mỗi năm phát triển từ 05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số và xã "
            "hội số; công bố trên Cổng Dữ liệu mở tỉnh; có tối thiểu 05 kịch bản ứng dụng dữ liệu cấp tỉnh, ngành "
            "và địa phương. Đến năm 2030, tỉnh có ít nhất 20 tập dữ liệu mở được công bố.")
    ts = run(text, path=["II. MỤC TIÊU", "1. Phát triển kinh tế số"], year_hint=2028)
    assert [(t.value, t.unit, t.comparator) for t in ts] == [
        (5, "bộ dữ liệu", ">="), (5, "kịch bản", ">="), (20, "tập dữ liệu", ">=")]
    assert ts[0].text.startswith("mỗi năm phát triển bộ dữ liệu mở")
    assert ts[1].text == "kịch bản ứng dụng dữ liệu cấp tỉnh, ngành và địa phương"
    assert [t.year for t in ts] == [2028, 2028, 2030]


# --------------------------------------------------------------------------- years
@pytest.mark.parametrize("text, path, hint, year", [
    ("Đến hết năm 2025: Có ≥ 30% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số.", TARGETS, None, 2025),
    ("Đến hết năm 2045: 100% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số.", TARGETS, 2030, 2045),
    ("Năm 2027: 70% hồ sơ được số hóa.", TARGETS, None, 2027),
    ("Phấn đấu đến năm 2025, tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.", TARGETS, 2030, 2025),
    ("Tỷ lệ người dân có Sổ sức khỏe điện tử đạt 95%.", ["II. MỤC TIÊU", "2. Phát triển xã hội số đến năm 2030 với các mục tiêu"], None, 2030),
    ("100% xã có nhà văn hóa.", ["II- MỤC TIÊU ĐẾN NĂM 2025"], 2030, 2025),
    ("100% xã có nhà văn hóa.", ["II. NỘI DUNG", "1. Mục tiêu đến năm 2025"], None, 2025),
    ("100% xã có nhà văn hóa.", ["II. MỤC TIÊU GIAI ĐOẠN 2026-2030"], None, 2030),
    ("100% xã có nhà văn hóa.", TARGETS, 2030, 2030),
    ("100% xã có nhà văn hóa.", TARGETS, None, None),
])
def test_year_from_sentence_then_heading_then_hint(text, path, hint, year):
    (t,) = run(text, path=path, year_hint=hint)
    assert t.year == year


def test_lead_in_with_a_year_dates_the_items_below():
    ps = [Passage(text="Đến hết năm 2030:", path=TARGETS, marker="a)"),
          Passage(text="60% doanh nghiệp ứng dụng công nghệ số;", path=TARGETS, marker="-"),
          Passage(text="100% hợp tác xã có tài khoản thanh toán điện tử.", path=TARGETS, marker="-"),
          Passage(text="Đến hết năm 2035: 85% doanh nghiệp ứng dụng công nghệ số.", path=TARGETS, marker="b)")]
    ts = extract_targets(ps, year_hint=2025)
    assert [(t.value, t.year) for t in ts] == [(60, 2030), (100, 2030), (85, 2035)]


def test_target_opening_a_list_is_the_parent_of_its_parts():
    ps = [Passage(text="Tỷ lệ lao động qua đào tạo đạt 70%, trong đó:", path=TARGETS, marker="-"),
          Passage(text="Khu vực thành thị: 80%;", path=TARGETS, marker="+"),
          Passage(text="Khu vực nông thôn: 65%.", path=TARGETS, marker="+"),
          Passage(text="Tỷ lệ hộ nghèo giảm còn 2%.", path=TARGETS, marker="-")]
    ts = extract_targets(ps)
    assert [(t.value, t.text, t.parent) for t in ts] == [
        (70, "Tỷ lệ lao động qua đào tạo", None), (80, "Khu vực thành thị", "T1"),
        (65, "Khu vực nông thôn", "T1"), (2, "Tỷ lệ hộ nghèo giảm", None)]


def test_trong_do_in_next_sentence_is_a_child():
    ts = run("Có 100% xã đạt chuẩn nông thôn mới. Trong đó, 30% xã đạt chuẩn nông thôn mới nâng cao.")
    assert [(t.value, t.parent) for t in ts] == [(100, None), (30, "T1")]


# --------------------------------------------------------------------------- where targets are read
@pytest.mark.parametrize("path", [
    ["II. MỤC TIÊU"], ["II- MỤC TIÊU ĐẾN NĂM 2025"], ["I. MỤC ĐÍCH, MỤC TIÊU"], ["2. Mục tiêu cụ thể"],
    ["II. CHỈ TIÊU CHỦ YẾU"], ["II. NỘI DUNG", "1. Mục tiêu đến năm 2025"],
    ["II. MỤC TIÊU", "1. Phát triển kinh tế số đến năm 2030"],
    ["III. PHÁT TRIỂN", "2. Phát triển xã hội số đến năm 2030 với các mục tiêu"],
    ["II. MỤC TIÊU, ĐỐI TƯỢNG", "1. Mục tiêu cụ thể", "a) Về kinh tế"],
    ["PHỤ LỤC PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ SỐ"],
])
def test_targets_sections(path):
    assert len(run("100% xã, phường có điểm phục vụ bưu chính.", path=path)) == 1


@pytest.mark.parametrize("path", [
    ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"], ["II. MỤC TIÊU, ĐỐI TƯỢNG", "2. Đối tượng áp dụng"],
    ["III. NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN CÁC MỤC TIÊU"], ["II. NỘI DUNG", "2. Nhiệm vụ"], ["IV. KINH PHÍ THỰC HIỆN"],
    ["V. TỔ CHỨC THỰC HIỆN"], [], ["III. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2024"],
])
def test_numbers_outside_targets_sections_are_not_targets(path):
    assert run("Lắp đặt hệ thống truyền thanh đảm bảo 100% xã, thị trấn có hệ thống truyền thanh; "
               "75% bản có cụm loa hoạt động ổn định.", path=path) == []


@pytest.mark.parametrize("text, value, unit, comparator", [
    ("Phấn đấu trung bình mỗi năm tổ chức đấu giá từ 05 mỏ khoáng sản làm vật liệu xây dựng thông thường trở lên.",
     5, "mỏ", ">="),
    ("Phấn đấu tỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục đại học đạt tối thiểu 30%, gắn với nhu cầu "
     "phát triển nguồn nhân lực số.", 30, "%", ">="),
    ("Hằng năm, tỷ lệ hồ sơ giải quyết đúng hạn đạt tối thiểu 98%.", 98, "%", ">="),
    ("Chỉ tiêu: tỷ lệ người dân hài lòng đạt 90%.", 90, "%", "="),
])
def test_commitment_sentences_outside_targets_sections(text, value, unit, comparator):
    path = ["II. NHIỆM VỤ, GIẢI PHÁP", "5. Công tác đấu giá quyền khai thác khoáng sản"]
    long = ("Tổ chức rà soát các mỏ khoáng sản đã được khoanh định trong Quy hoạch tỉnh theo Quyết định số "
            "1234/QĐ-UBND ngày 12/5/2024. " + text + " Kiểm soát chặt chẽ 100% giấy phép khai thác.")
    (t,) = run(long, path=path)
    assert (t.value, t.unit, t.comparator) == (value, unit, comparator)
    assert t.sentence == text


@pytest.mark.parametrize("text", [
    "Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy.",
    "Căn cứ Điều 39 Luật Tổ chức chính quyền địa phương số 85/2015/QH13.",
    "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026-2031.",
    "Thời gian thực hiện trong 95 ngày kể từ ngày ban hành.",
    "Phát triển kinh tế - xã hội giai đoạn 2026-2030.",
    "Tổng kinh phí thực hiện 12.500 triệu đồng, trong đó ngân sách tỉnh 10.000 triệu đồng.",
    "Hỗ trợ 50 doanh nghiệp chuyển đổi số, kinh phí 2 tỷ đồng.",
    "Tổ chức hội nghị sơ kết vào quý IV/2025, báo cáo kết quả trước ngày 15/12/2025.",
])
@pytest.mark.parametrize("path", [["IV. KINH PHÍ THỰC HIỆN"], ["I. MỤC ĐÍCH, YÊU CẦU"], ["III. NHIỆM VỤ"]])
def test_no_targets_from_references_dates_and_budgets(text, path):
    assert run(text, path=path) == []


def test_references_inside_a_targets_section_are_not_targets():
    assert run("Thực hiện theo Nghị quyết số 57-NQ/TW ngày 22/12/2024 và Điều 39 Luật số 85/2015/QH13.") == []


def test_headings_give_no_target_of_their_year():
    ps = [Passage(text="MỤC TIÊU ĐẾN NĂM 2025", path=[], heading=True, marker="II-"),
          Passage(text="Phát triển xã hội số đến năm 2030 với các mục tiêu", path=["II. MỤC TIÊU"], heading=True)]
    assert extract_targets(ps) == []


# --------------------------------------------------------------------------- qualitative targets
def test_qualitative_target_in_a_targets_section():
    ts = run("100% xã, thị trấn có trạm truyền thanh FM. Trung tâm Chính trị huyện hoàn thiện về cơ sở vật chất.",
             path=["II- MỤC TIÊU ĐẾN NĂM 2025"])
    assert [(t.value, t.text) for t in ts] == [(100, "xã, thị trấn có trạm truyền thanh FM"),
                                               (None, "Trung tâm Chính trị huyện hoàn thiện về cơ sở vật chất")]
    assert ts[1].unit is None and ts[1].comparator is None and ts[1].year == 2025


@pytest.mark.parametrize("text, path", [
    ("Nâng cao nhận thức của cán bộ, đảng viên và Nhân dân về chuyển đổi số.", TARGETS),
    ("Hoàn thiện thể chế, chính sách phát triển kinh tế số.", ["II. MỤC TIÊU", "1. Mục tiêu chung"]),
    ("Hoàn thành việc sắp xếp đơn vị hành chính cấp xã.", ["III. NHIỆM VỤ"]),
    ("Các mục tiêu cụ thể như sau:", TARGETS),
])
def test_no_qualitative_target_without_completion_verb_or_outside_specific_targets(text, path):
    assert run(text, path=path) == []


# --------------------------------------------------------------------------- tables
def test_table_row_repeating_a_text_target_is_dropped_and_table_only_kept():
    ps = [Passage(text="Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%.", path=TARGETS),
          Passage(text="Phấn đấu tỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục đại học đạt tối thiểu 30%.",
                  path=["VI. NHÂN LỰC"]),
          Passage(text="Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40%", origin="table",
                  path=["PHỤ LỤC PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU"]),
          Passage(text="Tỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục đại học, cao đẳng, đào tạo nghề của "
                       "tỉnh đạt tối thiểu 30%", origin="table", path=["PHỤ LỤC PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU"]),
          Passage(text="Tỷ lệ giao dịch không dùng tiền mặt đạt 80%", origin="table",
                  path=["PHỤ LỤC PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU"])]
    ts = extract_targets(ps, year_hint=2030)
    assert [(t.id, t.value, t.text) for t in ts] == [
        ("T1", 40, "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo"),
        # the plan has a targets part: the "Phấn đấu" sentence of another part is no target, the
        # table row stating the same indicator is
        ("T2", 30, "Tỷ trọng đào tạo các ngành STEM trong các cơ sở giáo dục đại học, cao đẳng, đào tạo nghề của tỉnh"),
        ("T3", 80, "Tỷ lệ giao dịch không dùng tiền mặt")]


def test_task_table_row_repeating_targets_in_brackets_adds_nothing():
    text_p = Passage(text="100% xã, thị trấn có trạm truyền thanh FM; 75% bản, khu phố có cụm loa truyền thanh cơ sở "
                          "hoạt động ổn định.", path=["II- MỤC TIÊU ĐẾN NĂM 2025"])
    row = Passage(text="Xây dựng, nâng cấp hệ thống truyền thanh cơ sở (100% xã, thị trấn có trạm truyền thanh FMp; 75% "
                       "bản, khu phố có cụm loa truyền thanh cơ sở hoạt động ổn định) trở lên", origin="table",
                  path=["IX. Đầu tư cơ sở vật chất"])
    assert len(extract_targets([text_p, row])) == 2


def test_same_value_different_indicator_is_not_a_repeat():
    ps = [Passage(text="100% xã, thị trấn có nhà văn hóa.", path=TARGETS),
          Passage(text="100% xã, thị trấn có trạm truyền thanh FM.", path=TARGETS)]
    assert len(extract_targets(ps)) == 2


# --------------------------------------------------------------------------- similarity, output form
@pytest.mark.parametrize("a, b, low, high", [
    ("xã, thị trấn có trạm truyền thanh FM", "xã, thị trấn có trạm truyền thanh FMp", 0.8, 1.0),
    ("Tỷ lệ hộ gia đình đạt chuẩn văn hoá", "tỷ lệ hộ gia đình đạt chuẩn văn hóa", 1.0, 1.0),
    ("Xây dựng nhà văn hóa và nâng cấp nhà văn hóa đạt chuẩn theo quy định của Bộ (100% xã, thị trấn có nhà văn hóa)",
     "xã, thị trấn có nhà văn hóa", 0.8, 1.0),
    ("xã, thị trấn có nhà văn hóa", "xã, thị trấn có trạm truyền thanh FM", 0.0, 0.55),
    ("đạt chuẩn", "hộ gia đình đạt tiêu chuẩn văn hóa", 0.0, 0.5),
    ("", "xã có nhà văn hóa", 0.0, 0.0),
])
def test_indicator_similarity(a, b, low, high):
    s = indicator_similarity(a, b)
    assert low <= s <= high
    assert s == indicator_similarity(b, a)


def test_output_is_nfc_and_carries_provenance():
    decomposed = unicodedata.normalize("NFD", "100% xã, thị trấn có nhà văn hóa.")
    (t,) = extract_targets([Passage(text=decomposed, path=TARGETS, section="S3", source=Source(line=65))])
    assert unicodedata.is_normalized("NFC", t.text) and t.text == "xã, thị trấn có nhà văn hóa"
    assert (t.section, t.source.line, t.value_text) == ("S3", 65, "100%")


def test_find_values_is_exported():
    assert find_values("đạt tối thiểu 40%") == [(40, "%", "40%")]


@pytest.mark.parametrize("text", ["", "   ", "%%%", "đạt % dân số", "100", "(15%)", "…" * 50, "1" * 400])
def test_odd_input_does_not_crash(text):
    assert isinstance(extract_targets([Passage(text=text, path=TARGETS)]), list)


def test_empty_input():
    assert extract_targets([]) == []


# --------------------------------------------------------------------------- real plans, end to end



@pytest.mark.parametrize("name", ["000_3b8fe34c36ceecd9", "002_e0760b6f00e0afe8",
                                  "07_dongthap-ubnd-tinh-kh617-chuyendoiso-doanhnghiep",
                                  "13_bacninh-ubnd-tinh-kh144-kinhteso-xahoiso",
                                  "01_laocai-ubnd-tinh-kh-chithi11-khoangsan"])
def test_real_plans_targets_score(shared, name, tmp_path):
    parse = pytest.importorskip("extract").__dict__.get("parse")
    src = next((p for p in (shared / "seeds" / f"{name}.txt", shared / "real" / f"{name}.txt") if p.exists()), None)
    if parse is None or src is None:
        pytest.skip("pipeline or file not available")
    plan = parse(str(src)).to_dict()
    out = tmp_path / "plan.json"
    out.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    res = subprocess.run([sys.executable, str(shared / "score.py"), str(shared / "expected" / f"{name}.json"), str(out)],
                         capture_output=True, text=True)
    line = next(l for l in res.stdout.splitlines() if l.startswith("targets.f1"))
    assert float(line.split()[1]) >= 0.9, res.stdout


def test_paragraph_broken_inside_a_sentence_is_mended():
    # a wrapped line starting with a number taken for a new paragraph (PDF text layers, Word exports)
    path = ["II. MỤC TIÊU", "1. Phát triển kinh tế số đến năm 2030"]
    ps = [Passage(text="Phấn đấu mỗi năm phát triển từ", path=path, marker="-", source=Source(line=103)),
          Passage(text="05 bộ dữ liệu mở chất lượng cao phục vụ phát triển kinh tế số;", path=path, source=Source(line=104)),
          Passage(text="Tỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%.", path=path, marker="-")]
    ts = extract_targets(ps)
    assert [(t.value, t.unit, t.comparator) for t in ts] == [(5, "bộ dữ liệu", ">="), (60, "%", "=")]
    assert (ts[0].source.line, ts[0].source.line_end) == (103, 104)


def test_marked_items_and_sentences_are_not_joined():
    ps = [Passage(text="Tỷ lệ hộ nghèo giảm còn 2%", path=TARGETS, marker="-"),
          Passage(text="95% hộ dân dùng nước sạch", path=TARGETS, marker="-"),
          Passage(text="100% xã có nhà văn hóa.", path=TARGETS),
          Passage(text="80% thôn có nhà văn hóa.", path=TARGETS)]
    assert [t.value for t in extract_targets(ps)] == [2, 95, 100, 80]


@pytest.mark.parametrize("title, year", [
    ("PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN 2026 - 2030", 2030),
    ("Chuyển đổi số tỉnh Đồng Tháp đến năm 2025, định hướng đến năm 2030", 2030),
    ("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị", None),
    ("Kế hoạch phát triển du lịch giai đoạn 2021–2025", 2025),
    (None, None),
])
def test_horizon_year(title, year):
    assert horizon_year(title) == year


def test_yearly_values_of_one_indicator_in_one_sentence():
    ts = run("Tỷ lệ hồ sơ được số hóa đến năm 2025 đạt 50%, đến năm 2030 đạt 80%.")
    assert [(t.value, t.year, t.text) for t in ts] == [
        (50, 2025, "Tỷ lệ hồ sơ được số hóa"), (80, 2030, "Tỷ lệ hồ sơ được số hóa")]


def test_yearly_values_listed_under_an_indicator_lead_in():
    ps = [Passage(text="Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng:", path=TARGETS, marker="-"),
          Passage(text="Năm 2025: 50%;", path=TARGETS, marker="+"),
          Passage(text="Năm 2030: 90%.", path=TARGETS, marker="+")]
    ts = extract_targets(ps)
    assert [(t.value, t.year, t.text) for t in ts] == [
        (50, 2025, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng"),
        (90, 2030, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng")]


@pytest.mark.parametrize("lead_in", ["Mục tiêu cụ thể:", "CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2027", "Một số chỉ tiêu chủ yếu"])
def test_paragraph_acting_as_a_targets_heading(lead_in):
    path = ["I. MỤC ĐÍCH, YÊU CẦU"]  # the outline missed the heading: the paragraph still opens a targets part
    ps = [Passage(text="Nâng cao hiệu quả hoạt động, bảo đảm 100% cơ quan triển khai.", path=path),
          Passage(text=lead_in, path=path),
          Passage(text="100% xã, phường có điểm phục vụ bưu chính.", path=path, marker="-")]
    ts = extract_targets(ps, year_hint=2030)
    assert [(t.value, t.text) for t in ts] == [(100, "xã, phường có điểm phục vụ bưu chính")]
    assert ts[0].year == (2027 if "2027" in lead_in else 2030)


def test_paragraph_acting_as_another_heading_ends_a_targets_part():
    ps = [Passage(text="100% xã có nhà văn hóa.", path=TARGETS),
          Passage(text="Đối tượng áp dụng:", path=TARGETS),
          Passage(text="100 doanh nghiệp nhỏ và vừa trên địa bàn tỉnh.", path=TARGETS)]
    assert [t.value for t in extract_targets(ps)] == [100]


def test_trong_do_with_colon_makes_the_rest_of_the_sentence_children():
    ts = run("Tốc độ tăng giá trị sản xuất bình quân hằng năm đạt 16%, trong đó: nông, lâm, thủy sản tăng 6%; "
             "công nghiệp - xây dựng tăng 18,4%; dịch vụ tăng 18,2%.")
    assert [(t.value, t.parent) for t in ts] == [(16, None), (6, "T1"), (18.4, "T1"), (18.2, "T1")]


def test_trong_do_without_colon_ends_with_its_clause():
    ts = run("100% xã, thị trấn có nhà văn hóa, trong đó 84,6% đạt chuẩn; 100% bản có nhà văn hóa, trong đó 60% đạt chuẩn.")
    assert [(t.value, t.parent) for t in ts] == [(100, None), (84.6, "T1"), (100, None), (60, "T3")]


def test_bracketed_counts_are_notes_not_targets():
    ts = run("Tỷ lệ số xã đạt chuẩn nông thôn mới đạt 50% (8 xã), trong đó: tỷ lệ thôn đạt chuẩn nông thôn mới "
             "58,9% (66/112 thôn, tăng thêm 20 thôn).")
    assert [(t.value, t.text, t.parent) for t in ts] == [
        (50, "Tỷ lệ số xã đạt chuẩn nông thôn mới", None), (58.9, "tỷ lệ thôn đạt chuẩn nông thôn mới", "T1")]


def test_money_before_a_bracketed_growth_rate():
    (t,) = run("Vốn đầu tư phát triển toàn xã hội: từ 3,1 đến 3,2 triệu tỷ đồng (theo giá hiện hành, tăng 12,5%/năm).")
    assert (t.value, t.unit, t.comparator, t.text) == (3.1, "triệu tỷ đồng", "=", "Vốn đầu tư phát triển toàn xã hội")


@pytest.mark.parametrize("text, value, unit, indicator", [
    ("Thu nhập bình quân đầu người/năm đến năm 2025: 60 triệu đồng.", 60, "triệu đồng", "Thu nhập bình quân đầu người/năm"),
    ("Tổng sản lượng lương thực bình quân hằng năm: 25.000 tấn.", 25000, "tấn", "Tổng sản lượng lương thực bình quân hằng năm"),
    ("Số bác sĩ/vạn dân: 15 bác sĩ.", 15, "bác sĩ", "Số bác sĩ/vạn dân"),
    ("Tỷ lệ đô thị hóa đến năm 2025: 16% trở lên.", 16, "%", "Tỷ lệ đô thị hóa"),
    ("Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025: từ 7,5 đến 8,0%/năm.", 7.5, "%/năm",
     "Tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025"),
])
def test_label_colon_value(text, value, unit, indicator):
    (t,) = run(text)
    assert (t.value, t.unit, t.text) == (value, unit, indicator)


def test_label_colon_values_after_a_comma_are_cut():
    ts = run("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao: 40%, nông thôn mới kiểu mẫu: 20%.")
    assert [(t.value, t.text) for t in ts] == [(40, "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"),
                                              (20, "nông thôn mới kiểu mẫu")]


@pytest.mark.parametrize("text, year", [
    ("Tổng vốn đầu tư thời kỳ 2021-2025: 5.000 tỷ đồng.", 2025),
    ("Tăng trưởng bình quân giai đoạn 2026 - 2030 đạt 8%/năm.", 2030),
])
def test_year_from_a_span_in_the_sentence(text, year):
    (t,) = run(text)
    assert t.year == year


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from(["100%", "14,2%", "1.250 ha", "05 sản phẩm", "trở lên", "tối thiểu", "trong đó:", "trong đó",
                           ";", ",", ".", ":", "(", ")", "đạt", "Phấn đấu", "đến năm 2025", "xã, thị trấn", "có",
                           "nhà văn hóa", "Điều 39", "224-KL/TU", "từ", "đến", "-", "≥", "\n", "năm", "tỷ đồng"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=25).map(" ".join), max_size=6),
       st.sampled_from([TARGETS, ["III. NHIỆM VỤ"], []]))
def test_any_mix_of_target_words_gives_well_formed_targets(texts, path):
    ts = extract_targets([Passage(text=t, path=path, origin="table" if i % 3 == 2 else "text")
                          for i, t in enumerate(texts)], year_hint=2030)
    ids = [t.id for t in ts]
    assert ids == [f"T{i}" for i in range(1, len(ts) + 1)]
    for t in ts:
        assert t.parent is None or t.parent in ids[:ids.index(t.id)]
        assert t.comparator in (None, "=", ">=", ">", "<=", "<")
        assert (t.value is None) == (t.unit is None)
        assert unicodedata.is_normalized("NFC", t.text)


@pytest.mark.parametrize("text, path", [
    ("Năm 2024, tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 95%.", ["I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2024"]),
    ("Tỷ lệ hồ sơ giải quyết đúng hạn đã đạt tối thiểu 95%.", ["III. NHIỆM VỤ"]),
    ("Trong năm qua, tỷ lệ che phủ rừng đạt trên 60%.", ["I. SỰ CẦN THIẾT"]),
])
def test_reported_results_are_not_commitments(text, path):
    assert run(text, path=path) == []


def test_striving_in_a_results_section_still_commits():
    (t,) = run("Phấn đấu năm 2026 tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.", path=["I. TÌNH HÌNH THỰC HIỆN"])
    assert (t.value, t.year) == (98, 2026)


@pytest.mark.parametrize("period, year", [("Giai đoạn 2025-2027", 2027), ("Năm 2026", 2026), ("Đến năm 2028:", 2028)])
def test_period_line_over_bulleted_targets_gives_their_year(period, year):
    ps = [Passage(text=period, path=list(TARGETS), marker="-"),
          Passage(text="100% hồ sơ được số hóa.", path=list(TARGETS), marker="+"),
          Passage(text="90% người dân hài lòng.", path=list(TARGETS), marker="+"),
          Passage(text="Giai đoạn 2029-2030", path=list(TARGETS), marker="-"),
          Passage(text="99% người dân hài lòng.", path=list(TARGETS), marker="+")]
    ts = extract_targets(ps, year_hint=2030)
    assert [(t.value, t.year) for t in ts] == [(100, year), (90, year), (99, 2030)]
