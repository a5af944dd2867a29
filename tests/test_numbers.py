"""Vietnamese quantities: numbers, units, comparators, and what is not a quantity."""
import pytest

from extract.numbers import find_values, parse_number, scan


@pytest.mark.parametrize("written, value", [
    ("14,2", 14.2), ("84,6", 84.6), ("1.250", 1250), ("1.250,5", 1250.5), ("05", 5), ("100", 100),
    ("12.500", 12500), ("1.000.000", 1_000_000), ("0,5", 0.5), ("4.5", 4.5), ("1,250,000", 1_250_000),
])
def test_vietnamese_number_notation(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "1.2.3,4,5", "12a"])
def test_not_a_number(written):
    assert parse_number(written) is None


@pytest.mark.parametrize("text, expected", [
    ("100% xã, thị trấn có nhà văn hóa", [(100, "%", "100%")]),
    ("14,2% xã, thị trấn thành lập", [(14.2, "%", "14,2%")]),
    ("trồng mới 1.250 ha rừng", [(1250, "ha", "1.250 ha")]),
    ("sản lượng 1.250,5 tấn", [(1250.5, "tấn", "1.250,5 tấn")]),
    ("đạt 100 phần trăm", [(100, "%", "100 phần trăm")]),
    ("tăng trưởng bình quân 8%/năm", [(8, "%/năm", "8%/năm")]),
    ("thu nhập đạt 70 triệu đồng/người/năm", [(70, "triệu đồng/người/năm", "70 triệu đồng/người/năm")]),
    ("tổng thu ngân sách 1.500 tỷ đồng", [(1500, "tỷ đồng", "1.500 tỷ đồng")]),
    ("kim ngạch xuất khẩu đạt 1,5 tỷ USD", [(1.5, "tỷ USD", "1,5 tỷ USD")]),
    ("thu hút 2 triệu lượt khách du lịch", [(2_000_000, "lượt", "2 triệu lượt")]),
    # a rate per thousands of people
    ("tỷ lệ mắc sởi dưới 30/100.000 dân", [(30, "/100.000 dân", "30/100.000 dân")]),
    ("tử vong sơ sinh dưới 1,5/1.000 trẻ đẻ sống", [(1.5, "/1.000 trẻ", "1,5/1.000 trẻ")]),
    ("đường giao thông dài 12,5 km", [(12.5, "km", "12,5 km")]),
    ("Có ≥ 30% DNNVV", [(30, "%", "30%")]),
])
def test_measured_quantities(text, expected):
    got = find_values(text)
    assert [(pytest.approx(v), u, w) for v, u, w in expected] == got


@pytest.mark.parametrize("text, unit", [
    ("05 sản phẩm OCOP", "sản phẩm"),
    ("từ 05 bộ dữ liệu mở chất lượng cao", "bộ dữ liệu"),
    ("ít nhất 20 tập dữ liệu mở phục vụ", "tập dữ liệu"),
    ("tối thiểu 05 kịch bản ứng dụng dữ liệu", "kịch bản"),
    ("từ 05 mỏ khoáng sản làm vật liệu xây dựng", "mỏ"),
    ("xây dựng 3 mô hình điểm", "mô hình"),
    ("thành lập 10 hợp tác xã kiểu mới", "hợp tác xã"),
    ("tổ chức 04 lớp tập huấn cho cán bộ", "lớp tập huấn"),
    ("giải quyết việc làm cho 25.000 lao động", "lao động"),
    ("05 câu lạc bộ văn nghệ dân gian", "câu lạc bộ"),
])
def test_counted_noun_is_the_head_noun_phrase(text, unit):
    (value, got_unit, _), = find_values(text)
    assert got_unit == unit
    assert len(got_unit.split()) <= 3


@pytest.mark.parametrize("text", [
    "Kết luận số 224-KL/TU ngày 18/10/2021 của Ban Thường vụ Tỉnh ủy",
    "theo Điều 39 Luật số 85/2015/QH13",
    "bầu cử đại biểu Quốc hội khóa XVI, nhiệm kỳ 2026-2031",
    "giai đoạn 2026-2030",
    "đến năm 2025",
    "Quyết định số 238-QĐ/TW, ngày 30/9/2020 của Ban Bí thư",
    "từ quý I/2022 đến hết năm 2025",
    "Chỉ thị 11 của Ban Thường vụ; Nghị quyết 57",
    "Đại hội Đảng bộ lần thứ 5",
    "mạng di động 5G và công nghiệp 4G",
    "Khoản 2 Điều 10",
    "Kế hoạch số 144/KH-UBND",
])
def test_references_are_not_quantities(text):
    assert find_values(text) == []


@pytest.mark.parametrize("text, comparator", [
    ("95% trở lên cán bộ", ">="), ("đạt tối thiểu 40%", ">="), ("có ít nhất 20 tập dữ liệu", ">="),
    ("không dưới 80%", ">="), ("từ 05 mỏ khoáng sản trở lên", ">="), ("Có ≥ 30% DNNVV", ">="),
    ("đạt trên 60%", ">"), ("Trên 80% hộ gia đình", ">"), ("hơn 500 doanh nghiệp", ">"),
    ("tỷ lệ thất nghiệp dưới 3%", "<"), ("không quá 5%", "<="), ("tối đa 10 ngày", "<="),
    ("≤ 2%", "<="), ("đạt 100%", "="), ("82% bản, khu phố", "="), ("khoảng 25.000 lao động", "="),
    ("đạt 20.000 - 25.000 ha", "="), ("tối thiểu 5 - 7%", ">="),
])
def test_comparators(text, comparator):
    qs = scan(text)
    assert qs and qs[0].comparator == comparator


def test_range_reads_lower_bound_and_keeps_upper():
    (q,) = scan("diện tích đạt 20.000 - 25.000 ha")
    assert (q.value, q.upper, q.unit) == (20000, 25000, "ha")


def test_qualifier_units_are_reported_as_quantities():
    # find_values reports every quantity; deciding that "15 tuổi" is a qualifier is the targets stage's job
    assert find_values("dân số từ 15 tuổi trở lên") == [(15, "tuổi", "15 tuổi")]
    assert find_values("trong 95 ngày") == [(95, "ngày", "95 ngày")]
