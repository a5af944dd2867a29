"""Targets in wordings the development plans do not show (invented sentences, the expected atoms
written before the tool was run on them): commitment and bound words ("phấn đấu đạt", "ít nhất",
"không dưới", "tối thiểu", "trên", "dưới", "đạt và vượt", "… trở lên" after a noun), changes
("giảm … so với năm 2025", "tăng bình quân …%/năm", "tăng gấp 2 lần"), ranges ("đạt từ … đến …",
"5% - 10%"), shares ("100% … được …", "… chiếm tỷ lệ …"), quotas ("mỗi xã có ít nhất 01 …"),
"trong đó" children, written-out numbers ("một", "hai"), Vietnamese number notation ("7,5%",
"1.200 hộ"), time phrases ("đến năm 2030", "giai đoạn 2026-2030", "hằng năm"), coordinated targets
sharing their subject or their tail ("100% xã đạt cấp độ 3 và 70% đạt cấp độ 4 về …", "thuộc nhóm
10 tỉnh … và nhóm 3 tỉnh …"), bullet lists under "Chỉ tiêu cụ thể:", and target tables with ĐVT and
year columns whose indicator runs across two cells."""
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

import extract
from extract.model import Cell, Passage, Table
from extract.target_tables import TargetTableReader
from extract.targets import extract_targets

TARGETS = ["II. MỤC TIÊU", "2. Mục tiêu cụ thể"]
BY_2027 = ["II. MỤC TIÊU", "2. Mục tiêu cụ thể đến năm 2027"]
DATA = Path(__file__).parent / "data" / "text" / "targets"


@dataclass
class A:
    """One expected atom: value, unit, comparator; year; parent (index of the expected atom it is
    a child of); words its text must hold; the upper bound of a range."""
    value: Optional[float]
    unit: Optional[str]
    cmp: str = "="
    year: Optional[int] = 2030
    parent: Optional[int] = None
    has: str = ""
    vmax: Optional[float] = None


def check(ts, expected):
    got = [(t.value, t.unit, t.comparator, t.year, t.value_max, t.text) for t in ts]
    assert len(ts) == len(expected), got
    ids = [t.id for t in ts]
    for t, e in zip(ts, expected):
        assert t.value == (pytest.approx(e.value) if e.value is not None else None), got
        assert (t.unit, t.comparator, t.year, t.value_max) == (e.unit, e.cmp, e.year, e.vmax), got
        assert t.parent == (ids[e.parent] if e.parent is not None else None), got
        for words in filter(None, e.has.split("|")):
            assert words in t.text, (words, got)
        assert not any(c.isdigit() for c in (t.text or "").split("(")[0][:2]), got  # no number left in front


def run(text, path=TARGETS, hint=2030, marker=None):
    return extract_targets([Passage(text=text, path=list(path), marker=marker)], year_hint=hint)


CASES = {
    # --- commitment and bound words
    "phan_dau_dat": ("Phấn đấu đạt 95% số hộ gia đình được sử dụng nước sạch.",
                     [A(95, "%", has="hộ gia đình được sử dụng nước sạch")]),
    "phan_dau_ty_le": ("Phấn đấu tỷ lệ giải ngân vốn đầu tư công đạt 100% kế hoạch.",
                       [A(100, "%", has="tỷ lệ giải ngân vốn đầu tư công")]),
    "it_nhat": ("Tỷ lệ người dân tham gia bảo hiểm y tế đạt ít nhất 95%.",
                [A(95, "%", ">=", has="Tỷ lệ người dân tham gia bảo hiểm y tế")]),
    "khong_duoi_scaled": ("Số lượt khách du lịch đạt không dưới 1,5 triệu lượt.",
                          [A(1_500_000, "lượt", ">=", has="Số lượt khách du lịch")]),
    "toi_thieu": ("Tỷ lệ hồ sơ giải quyết đúng hạn tối thiểu 98%.",
                  [A(98, "%", ">=", has="Tỷ lệ hồ sơ giải quyết đúng hạn")]),
    "tren": ("Tỷ lệ lao động qua đào tạo trên 70%.", [A(70, "%", ">", has="Tỷ lệ lao động qua đào tạo")]),
    "duoi": ("Tỷ lệ hộ nghèo đa chiều dưới 2%.", [A(2, "%", "<", has="Tỷ lệ hộ nghèo đa chiều")]),
    "khong_duoi": ("Tỷ lệ che phủ rừng duy trì không dưới 42%.", [A(42, "%", ">=", has="Tỷ lệ che phủ rừng")]),
    "khong_qua": ("Tỷ lệ tăng dân số tự nhiên không quá 1,2%.", [A(1.2, "%", "<=", has="Tỷ lệ tăng dân số tự nhiên")]),
    "symbol": ("Tỷ lệ giải quyết hồ sơ trước và đúng hạn đạt ≥ 98%.",
               [A(98, "%", ">=", has="Tỷ lệ giải quyết hồ sơ trước và đúng hạn")]),
    "toi_thieu_first": ("Tối thiểu 80% thủ tục hành chính được tiếp nhận qua dịch vụ công trực tuyến.",
                        [A(80, "%", ">=", has="thủ tục hành chính được tiếp nhận qua dịch vụ công trực tuyến")]),
    "it_nhat_first": ("Ít nhất 70% người dân trưởng thành có chữ ký số.",
                      [A(70, "%", ">=", has="người dân trưởng thành có chữ ký số")]),
    "tren_first": ("Trên 90% hộ gia đình được phổ biến pháp luật.",
                   [A(90, "%", ">", has="hộ gia đình được phổ biến pháp luật")]),
    "duoi_first": ("Dưới 5% hồ sơ bị trả lại do sai sót.", [A(5, "%", "<", has="hồ sơ bị trả lại do sai sót")]),
    "bound_before_verb": ("Tỷ lệ hồ sơ giải quyết trực tuyến tối thiểu đạt 80%.",
                          [A(80, "%", ">=", has="Tỷ lệ hồ sơ giải quyết trực tuyến")]),
    "bound_before_muc": ("Tỷ lệ nợ xấu dưới mức 3%.", [A(3, "%", "<", has="Tỷ lệ nợ xấu")]),
    "phai_dat": ("Tỷ lệ kết nối phải đạt ít nhất 95%.", [A(95, "%", ">=", has="Tỷ lệ kết nối")]),
    "dat_va_vuot": ("Phấn đấu đạt và vượt 100% chỉ tiêu thu ngân sách được giao.",
                    [A(100, "%", ">=", has="chỉ tiêu thu ngân sách được giao")]),
    "tro_len_after_noun": ("Tỷ lệ bao phủ bảo hiểm y tế đạt 95% dân số trở lên.",
                           [A(95, "%", ">=", has="Tỷ lệ bao phủ bảo hiểm y tế")]),
    "khong_duoi_count": ("Đào tạo nghề cho không dưới 2.000 lao động nông thôn mỗi năm.",
                         [A(2000, "lao động", ">=", has="Đào tạo nghề cho|nông thôn")]),
    "dat_muc": ("Tỷ lệ hộ dân được sử dụng điện lưới quốc gia đạt mức 99,5%.",
                [A(99.5, "%", has="Tỷ lệ hộ dân được sử dụng điện lưới quốc gia")]),
    "tro_len_inside_indicator": ("Tỷ lệ đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên đạt 90%.",
                                 [A(90, "%", has="hoàn thành tốt nhiệm vụ trở lên")]),
    "per_unit_denominator": ("Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt đạt 150 triệu đồng.",
                             [A(150, "triệu đồng", has="Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt")]),
    "it_nhat_ba": ("Thu hút ít nhất ba dự án đầu tư vào cụm công nghiệp.",
                   [A(3, "dự án", ">=", has="Thu hút|đầu tư vào cụm công nghiệp")]),
    "numbered_label": ("Chỉ tiêu 1: Tỷ lệ hồ sơ được giải quyết đúng hạn đạt 98%.",
                       [A(98, "%", has="Tỷ lệ hồ sơ được giải quyết đúng hạn")]),
    "head_colon_labels": ("Tỷ lệ cán bộ đạt chuẩn về trình độ chuyên môn: cấp tỉnh 100%, cấp xã 95%.",
                          [A(100, "%", has="Tỷ lệ cán bộ đạt chuẩn về trình độ chuyên môn cấp tỉnh"),
                           A(95, "%", has="Tỷ lệ cán bộ đạt chuẩn về trình độ chuyên môn cấp xã")]),
    "tro_len_after_long_noun": ("Bảo hiểm xã hội đạt 40% lực lượng lao động trở lên.",
                                [A(40, "%", ">=", has="Bảo hiểm xã hội")]),
    "baseline_note_in_brackets": ("Tỷ lệ bao phủ bảo hiểm y tế toàn dân đạt trên 95% (năm 2025 đạt 92,5%).",
                                  [A(95, "%", ">", year=2027, has="Tỷ lệ bao phủ bảo hiểm y tế toàn dân")], BY_2027),
    "year_in_brackets": ("Tỷ lệ che phủ rừng đạt 45% (năm 2030).", [A(45, "%", year=2030, has="Tỷ lệ che phủ rừng")],
                         BY_2027),
    "vuot_after_comma_keeps_subject": (
        "Thu ngân sách nhà nước trên địa bàn xã đạt 5,2 tỷ đồng, vượt 10% dự toán huyện giao.",
        [A(5.2, "tỷ đồng", has="Thu ngân sách nhà nước trên địa bàn xã"),
         A(10, "%", has="Thu ngân sách nhà nước trên địa bàn xã vượt dự toán huyện giao")]),
    "abbreviation_dot": ("Chỉ số hài lòng của người dân TP. Hồ Chí Minh đạt 85 điểm.",
                         [A(85, "điểm", has="Chỉ số hài lòng của người dân TP. Hồ Chí Minh")]),
    # --- changes
    "from_value_year_to_value_year": ("Tỷ lệ hộ dân sử dụng nước sạch từ 80% năm 2025 lên 95% năm 2030.",
                                      [A(95, "%", year=2030, has="Tỷ lệ hộ dân sử dụng nước sạch")], BY_2027),
    "compared_with_a_period": ("Giảm 30% số vụ cháy và 50% số người chết do cháy so với giai đoạn 2021-2025.",
                               [A(30, "%", year=2027, has="số vụ cháy"), A(50, "%", year=2027, has="số người chết do cháy")],
                               BY_2027),
    "giam_so_voi": ("Giảm 10% số vụ tai nạn giao thông so với năm 2025.",
                    [A(10, "%", has="số vụ tai nạn giao thông")]),
    "tang_them_so_voi": ("Tỷ lệ thu gom rác thải tăng thêm 15% so với năm 2025.",
                         [A(15, "%", has="Tỷ lệ thu gom rác thải")]),
    "tang_binh_quan": ("Tăng trưởng kinh tế bình quân 8,5%/năm.", [A(8.5, "%/năm", has="Tăng trưởng kinh tế")]),
    "tang_binh_quan_period": ("Tổng sản phẩm trên địa bàn tăng bình quân 7,5%/năm giai đoạn 2026-2030.",
                              [A(7.5, "%/năm", has="Tổng sản phẩm trên địa bàn")]),
    "giam_xuong_con_duoi": ("Giảm tỷ lệ suy dinh dưỡng ở trẻ em dưới 5 tuổi xuống còn dưới 10%.",
                            [A(10, "%", "<", has="tỷ lệ suy dinh dưỡng ở trẻ em")]),
    "gap_digits": ("Số lượng hợp tác xã tăng gấp 2 lần so với năm 2025.",
                   [A(2, "lần", has="Số lượng hợp tác xã")]),
    "gap_words": ("Số doanh nghiệp ứng dụng thương mại điện tử tăng gấp hai lần.",
                  [A(2, "lần", has="Số doanh nghiệp ứng dụng thương mại điện tử")]),
    # --- ranges
    "tu_den_pct": ("Tỷ lệ lao động qua đào tạo đạt từ 70% đến 75%.",
                   [A(70, "%", vmax=75, has="Tỷ lệ lao động qua đào tạo")]),
    "tu_den_money": ("Thu nhập bình quân đầu người đạt từ 80 đến 85 triệu đồng/người/năm.",
                     [A(80, "triệu đồng/người/năm", vmax=85, has="Thu nhập bình quân đầu người")]),
    "pct_dash_pct": ("Số vụ cháy giảm 5% - 10% so với năm 2025.", [A(5, "%", vmax=10, has="Số vụ cháy")]),
    "tu_den_count": ("Phấn đấu có từ 3 đến 5 sản phẩm đạt chuẩn OCOP 3 sao trở lên.",
                     [A(3, "sản phẩm", vmax=5, has="đạt chuẩn OCOP")]),
    # --- shares
    "share_truong": ("100% trường học được kết nối Internet băng rộng.",
                     [A(100, "%", has="trường học được kết nối Internet băng rộng")]),
    "share_list_subject": ("100% cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số.",
                           [A(100, "%", has="cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số")]),
    "chiem_ty_le": ("Diện tích rừng trồng tập trung chiếm tỷ lệ 30% tổng diện tích đất lâm nghiệp.",
                    [A(30, "%", has="Diện tích rừng trồng tập trung")]),
    "chiem_tro_len": ("Hộ gia đình đạt danh hiệu gia đình văn hóa chiếm 90% trở lên.",
                      [A(90, "%", ">=", has="Hộ gia đình đạt danh hiệu gia đình văn hóa")]),
    "share_with_inner_quota": ("100% cơ quan, đơn vị sử dụng ít nhất 01 nền tảng số dùng chung.",
                               [A(100, "%", has="cơ quan, đơn vị sử dụng|nền tảng số dùng chung")]),
    # --- quotas and counts
    "moi_xa_01": ("Mỗi xã có ít nhất 01 mô hình dân vận khéo.",
                  [A(1, "mô hình", ">=", has="Mỗi xã có|dân vận khéo")]),
    "moi_thon_mot": ("Mỗi thôn, tổ dân phố có ít nhất một tổ an ninh trật tự cơ sở.",
                     [A(1, "tổ", ">=", has="Mỗi thôn, tổ dân phố có|an ninh trật tự cơ sở")]),
    "moi_nam_hai": ("Mỗi năm tổ chức ít nhất hai hội nghị đối thoại với nhân dân.",
                    [A(2, "hội nghị", ">=", has="đối thoại với nhân dân")]),
    "moi_chi_bo_mot": ("Mỗi chi bộ kết nạp được ít nhất một đảng viên mới.",
                       [A(1, "đảng viên", ">=", has="Mỗi chi bộ kết nạp")]),
    "thousands_dot_ho": ("Hỗ trợ 1.200 hộ thoát nghèo bền vững.", [A(1200, "hộ", has="thoát nghèo bền vững")]),
    "thousands_dot_ha": ("Trồng mới 2.500 ha rừng sản xuất.", [A(2500, "ha", has="Trồng mới|rừng sản xuất")]),
    "tuoi_tho": ("Tuổi thọ trung bình của người dân đạt 75 tuổi.",
                 [A(75, "tuổi", has="Tuổi thọ trung bình của người dân")]),
    # --- "trong đó" children
    "trong_do_colon": ("Kết nạp ít nhất 150 đảng viên mới, trong đó: đoàn viên chiếm 60%; nữ chiếm 40%.",
                       [A(150, "đảng viên", ">=", has="Kết nạp"), A(60, "%", parent=0, has="đoàn viên"),
                        A(40, "%", parent=0, has="nữ")]),
    "trong_do_money": ("Tổng vốn đầu tư toàn xã hội đạt 12.500 tỷ đồng, trong đó vốn ngân sách nhà nước chiếm 20%.",
                       [A(12500, "tỷ đồng", has="Tổng vốn đầu tư toàn xã hội"),
                        A(20, "%", parent=0, has="vốn ngân sách nhà nước")]),
    "trong_do_after_semicolon": ("Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 95%; trong đó khu vực "
                                 "đô thị đạt 100%.",
                                 [A(95, "%", has="chất thải rắn sinh hoạt được thu gom"),
                                  A(100, "%", parent=0, has="khu vực đô thị")]),
    # --- time phrases
    "den_nam_2030_first": ("Đến năm 2030, 100% xã có trạm y tế đạt chuẩn quốc gia.",
                           [A(100, "%", has="xã có trạm y tế đạt chuẩn quốc gia")], BY_2027),
    "giai_doan_first": ("Giai đoạn 2026-2030, xây dựng mới 15 km đường giao thông nông thôn.",
                        [A(15, "km", has="xây dựng mới|đường giao thông nông thôn")], BY_2027),
    "hang_nam": ("Hằng năm, giải quyết trên 90% đơn thư khiếu nại, tố cáo thuộc thẩm quyền.",
                 [A(90, "%", ">", year=2027, has="đơn thư khiếu nại, tố cáo")], BY_2027),
    "years_after_values": ("Tỷ lệ dân số được quản lý sức khỏe điện tử đạt 90% vào năm 2027 và 100% vào năm 2030.",
                           [A(90, "%", year=2027, has="Tỷ lệ dân số được quản lý sức khỏe điện tử"),
                            A(100, "%", year=2030, has="Tỷ lệ dân số được quản lý sức khỏe điện tử")]),
    "two_years_one_indicator": ("Tỷ lệ hộ gia đình có tài khoản thanh toán điện tử năm 2026 đạt 60%, đến năm 2028 "
                                "đạt 80%.",
                                [A(60, "%", year=2026, has="hộ gia đình có tài khoản thanh toán điện tử"),
                                 A(80, "%", year=2028, has="hộ gia đình có tài khoản thanh toán điện tử")]),
    # --- coordinated targets sharing a subject, a tail or a head noun
    "levels_shared_subject_and_tail": (
        "100% đơn vị hành chính cấp xã đạt cấp độ 3 và 70% đạt cấp độ 4 về chuyển đổi số.",
        [A(100, "%", has="đơn vị hành chính cấp xã đạt cấp độ 3 về chuyển đổi số"),
         A(70, "%", has="đơn vị hành chính cấp xã|đạt cấp độ 4 về chuyển đổi số")]),
    "group_rank_and_group_rank": (
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) thuộc nhóm 10 tỉnh dẫn đầu cả nước và nhóm 3 tỉnh dẫn đầu "
        "khu vực.",
        [A(10, "tỉnh", has="Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) thuộc nhóm|dẫn đầu cả nước"),
         A(3, "tỉnh", has="nhóm|dẫn đầu khu vực")]),
    "group_rank_two_years": (
        "Chỉ số cải cách hành chính thuộc nhóm 15 tỉnh dẫn đầu cả nước và nhóm 5 tỉnh dẫn đầu vùng vào năm 2028; "
        "thuộc nhóm 10 tỉnh dẫn đầu cả nước và nhóm 3 tỉnh dẫn đầu vùng vào năm 2030.",
        [A(15, "tỉnh", year=2028, has="dẫn đầu cả nước"), A(5, "tỉnh", year=2028, has="dẫn đầu vùng"),
         A(10, "tỉnh", year=2030, has="dẫn đầu cả nước"), A(3, "tỉnh", year=2030, has="dẫn đầu vùng")]),
    "group_rank_after_brackets": (
        "Chỉ số chuyển đổi số thuộc nhóm 5 tỉnh dẫn đầu vùng Trung du và miền núi phía Bắc (TDMNPB) và nhóm 20 "
        "tỉnh dẫn đầu cả nước.",
        [A(5, "tỉnh", has="Chỉ số chuyển đổi số thuộc nhóm|(TDMNPB)"), A(20, "tỉnh", has="dẫn đầu cả nước")]),
    "rate_with_count_in_indicator": (
        "Tỷ lệ hộ kinh doanh có ít nhất 01 tài khoản thanh toán điện tử, mã QR đạt 80%.",
        [A(80, "%", has="Tỷ lệ hộ kinh doanh có ít nhất 01 tài khoản thanh toán điện tử, mã QR")]),
    "scope_after_value": (
        "Tỷ lệ rác thải sinh hoạt được thu gom, xử lý đạt 95% ở khu vực đô thị, 80% ở khu vực nông thôn.",
        [A(95, "%", has="Tỷ lệ rác thải sinh hoạt được thu gom, xử lý ở khu vực đô thị"),
         A(80, "%", has="Tỷ lệ rác thải sinh hoạt được thu gom, xử lý ở khu vực nông thôn")]),
    "change_after_comma_keeps_subject": (
        "Số doanh nghiệp đang hoạt động đạt 1.500 doanh nghiệp, tăng 300 doanh nghiệp so với năm 2025.",
        [A(1500, "doanh nghiệp", has="Số doanh nghiệp đang hoạt động"),
         A(300, "doanh nghiệp", has="Số doanh nghiệp đang hoạt động tăng")]),
    "fraction_count": ("Có 10/12 xã đạt chuẩn nông thôn mới.", [A(10, "xã", has="xã đạt chuẩn nông thôn mới")]),
    "fraction_in_brackets_is_a_note": ("100% (12/12) xã đạt chuẩn nông thôn mới.",
                                       [A(100, "%", has="xã đạt chuẩn nông thôn mới")]),
    "respectively": ("Tỷ lệ hộ nghèo và hộ cận nghèo lần lượt dưới 2% và 5%.",
                     [A(2, "%", "<", has="Tỷ lệ hộ nghèo"), A(5, "%", "<", has="Tỷ lệ hộ cận nghèo")]),
    "respectively_after_verb": ("Số thuê bao di động và thuê bao Internet tăng lần lượt là 5% và 8%.",
                                [A(5, "%", has="Số thuê bao di động tăng"), A(8, "%", has="Số thuê bao Internet tăng")]),
    "two_labelled_shares": ("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao đạt 50%, nông thôn mới kiểu mẫu đạt 20%.",
                            [A(50, "%", has="Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"),
                             A(20, "%", has="nông thôn mới kiểu mẫu")]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_target_wording(name):
    text, expected, *path = CASES[name]
    check(run(text, path=path[0] if path else TARGETS), expected)


def test_enough_invented_wordings():
    assert len(CASES) >= 40


# --------------------------------------------------------------------------- lists of passages
def test_bullets_under_chi_tieu_cu_the_in_a_purpose_section():
    ps = [Passage(text="Chỉ tiêu cụ thể:", path=["I. MỤC ĐÍCH, YÊU CẦU"]),
          Passage(text="Tỷ lệ trẻ em trong độ tuổi đi học mẫu giáo đạt 98%;", path=["I. MỤC ĐÍCH, YÊU CẦU"], marker="-"),
          Passage(text="100% trường tiểu học dạy 2 buổi/ngày;", path=["I. MỤC ĐÍCH, YÊU CẦU"], marker="-"),
          Passage(text="Có thêm 05 trường đạt chuẩn quốc gia.", path=["I. MỤC ĐÍCH, YÊU CẦU"], marker="-")]
    check(extract_targets(ps, year_hint=2026),
          [A(98, "%", year=2026, has="trẻ em trong độ tuổi đi học mẫu giáo"),
           A(100, "%", year=2026, has="trường tiểu học dạy"),
           A(5, "trường", year=2026, has="đạt chuẩn quốc gia")])


def test_trong_do_colon_opens_a_bullet_list_of_children():
    ps = [Passage(text="Tổng số hội viên đạt 5.000 người, trong đó:", path=TARGETS, marker="-"),
          Passage(text="Hội viên nữ chiếm 45%;", path=TARGETS, marker="+"),
          Passage(text="Hội viên là người dân tộc thiểu số chiếm 20%.", path=TARGETS, marker="+"),
          Passage(text="Thành lập mới 10 chi hội nghề nghiệp.", path=TARGETS, marker="-")]
    check(extract_targets(ps, year_hint=2030),
          [A(5000, "người", has="Tổng số hội viên"), A(45, "%", parent=0, has="Hội viên nữ"),
           A(20, "%", parent=0, has="người dân tộc thiểu số"), A(10, "chi hội", has="Thành lập mới")])


def test_period_lead_ins_date_their_bullets():
    ps = [Passage(text="Giai đoạn 2026-2027:", path=TARGETS, marker="-"),
          Passage(text="90% hồ sơ thủ tục hành chính được số hóa;", path=TARGETS, marker="+"),
          Passage(text="Giai đoạn 2028-2030:", path=TARGETS, marker="-"),
          Passage(text="100% hồ sơ thủ tục hành chính được số hóa và 60% được tái sử dụng.", path=TARGETS, marker="+")]
    check(extract_targets(ps, year_hint=2030),
          [A(90, "%", year=2027, has="hồ sơ thủ tục hành chính được số hóa"),
           A(100, "%", year=2030, has="hồ sơ thủ tục hành chính được số hóa"),
           A(60, "%", year=2030, has="được tái sử dụng")])


# --------------------------------------------------------------------------- tables
def _table(rows):
    return Table([[Cell(c[0], span=c[1]) if isinstance(c, tuple) else Cell(c) for c in r] for r in rows])


def _read(rows):
    reader = TargetTableReader()
    assert reader.read(_table(rows), None)
    return [(t.text, t.value, t.value_max, t.unit, t.comparator, t.year) for t in reader.targets]


def test_table_with_unit_column_and_plan_year_columns():
    got = _read([
        ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2026", "Mục tiêu đến năm 2030"],
        ["1", "Tỷ lệ hộ sử dụng nước sạch", "%", "92", "≥ 95"],
        ["2", "Trồng rừng tập trung", "ha", "1.200", "6.500"],
        ["3", "Tốc độ tăng trưởng kinh tế", "%/năm", "7,5", "8 - 8,5"],
        ["4", "Tỷ lệ hộ nghèo", "%", "Dưới 3", "Dưới 1,5"],
    ])
    assert got == [
        ("Tỷ lệ hộ sử dụng nước sạch", 92, None, "%", "=", 2026), ("Tỷ lệ hộ sử dụng nước sạch", 95, None, "%", ">=", 2030),
        ("Trồng rừng tập trung", 1200, None, "ha", "=", 2026), ("Trồng rừng tập trung", 6500, None, "ha", "=", 2030),
        ("Tốc độ tăng trưởng kinh tế", 7.5, None, "%/năm", "=", 2026),
        ("Tốc độ tăng trưởng kinh tế", 8, 8.5, "%/năm", "=", 2030),
        ("Tỷ lệ hộ nghèo", 3, None, "%", "<", 2026), ("Tỷ lệ hộ nghèo", 1.5, None, "%", "<", 2030)]


def test_table_indicator_wrapped_onto_a_continuation_row_after_the_values():
    got = _read([
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2027"],
        ["1", "Tỷ lệ hộ gia đình sử dụng", "%", "90", "95"],
        ["", "nước sạch hợp vệ sinh", "", "", ""],
        ["2", "Số xã đạt chuẩn nông thôn mới", "Xã", "8", "10"],
    ])
    assert got == [("Tỷ lệ hộ gia đình sử dụng nước sạch hợp vệ sinh", 90, None, "%", "=", 2026),
                   ("Tỷ lệ hộ gia đình sử dụng nước sạch hợp vệ sinh", 95, None, "%", "=", 2027),
                   ("Số xã đạt chuẩn nông thôn mới", 8, None, "Xã", "=", 2026),
                   ("Số xã đạt chuẩn nông thôn mới", 10, None, "Xã", "=", 2027)]


def test_table_indicator_wrapped_onto_the_row_that_holds_the_values():
    got = _read([
        ["TT", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2027"],
        ["1", "Số trường học đạt chuẩn", "", "", ""],
        ["", "quốc gia", "Trường", "12", "15"],
    ])
    assert got == [("Số trường học đạt chuẩn quốc gia", 12, None, "Trường", "=", 2026),
                   ("Số trường học đạt chuẩn quốc gia", 15, None, "Trường", "=", 2027)]


def test_table_indicator_in_two_cells_under_one_spanned_header():
    got = _read([
        [("STT", 1), ("Chỉ tiêu", 2), ("ĐVT", 1), ("2026", 1), ("2027", 1)],
        ["1", "Giáo dục", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "60", "65"],
        ["2", "Y tế", "Số bác sĩ trên vạn dân", "Bác sĩ", "10", "11"],
    ])
    assert [(t, v, y) for t, v, _, _, _, y in got] == [
        ("Giáo dục - Tỷ lệ trường đạt chuẩn quốc gia", 60, 2026), ("Giáo dục - Tỷ lệ trường đạt chuẩn quốc gia", 65, 2027),
        ("Y tế - Số bác sĩ trên vạn dân", 10, 2026), ("Y tế - Số bác sĩ trên vạn dân", 11, 2027)]


def test_table_field_column_before_the_indicator_names_its_group():
    rows = [["STT", "Lĩnh vực", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2030"],
            ["1", "Y tế", "Số bác sĩ trên vạn dân", "Bác sĩ", "10", "12"],
            ["2", "Y tế", "Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", "%", "90", "100"],
            ["3", "Giáo dục", "Tỷ lệ trường đạt chuẩn quốc gia", "%", "60", "80"]]
    reader = TargetTableReader()
    assert reader.read(Table([[Cell(c, merged=(i == 2 and j == 1)) for j, c in enumerate(r)] for i, r in enumerate(rows)]), None)
    assert [(t.text, t.value, t.year) for t in reader.targets][::2] == [
        ("Y tế - Số bác sĩ trên vạn dân", 10, 2026), ("Y tế - Tỷ lệ xã đạt Bộ tiêu chí quốc gia về y tế", 90, 2026),
        ("Giáo dục - Tỷ lệ trường đạt chuẩn quốc gia", 60, 2026)]


def test_table_unit_written_in_brackets_after_the_indicator():
    got = _read([
        ["STT", "Chỉ tiêu", "Năm 2026", "Năm 2027"],
        ["1", "Tỷ lệ hộ nghèo (%)", "3", "2,5"],
        ["2", "Diện tích trồng rừng (ha)", "500", "600"],
        ["3", "Thu nhập bình quân (triệu đồng/người/năm)", "60", "65"],
        ["4", "Tỷ lệ hộ nghèo (theo chuẩn mới)", "3", "2"],
    ])
    assert [(t, v, u, y) for t, v, _, u, _, y in got][::2] == [
        ("Tỷ lệ hộ nghèo", 3, "%", 2026), ("Diện tích trồng rừng", 500, "ha", 2026),
        ("Thu nhập bình quân", 60, "triệu đồng/người/năm", 2026), ("Tỷ lệ hộ nghèo (theo chuẩn mới)", 3, None, 2026)]


@pytest.mark.parametrize("figure_head", ["Mục tiêu", "Chỉ tiêu giao", "Kế hoạch", "Mức phấn đấu"])
def test_table_with_unit_column_and_one_figure_column_without_year(figure_head):
    got = _read([["STT", "Chỉ tiêu", "ĐVT", figure_head, "Ghi chú"],
                 ["1", "Tỷ lệ hộ dùng nước sạch", "%", "≥ 95", ""],
                 ["2", "Số lớp tập huấn", "Lớp", "12", ""]])
    assert got == [("Tỷ lệ hộ dùng nước sạch", 95, None, "%", ">=", None), ("Số lớp tập huấn", 12, None, "Lớp", "=", None)]


def test_statistics_form_with_a_count_column_gives_no_targets():
    assert _read([["STT", "NỘI DUNG", "ĐƠN VỊ TÍNH", "SỐ LƯỢNG", "GHI CHÚ"], ["1", "Số cuộc kiểm tra", "Cuộc", "3", ""]]) == []


# --------------------------------------------------------------------------- a whole plan
def test_whole_plan_with_targets_list_and_target_table():
    plan = extract.parse(str(DATA / "chi_tieu_xa.txt"))
    got = {(t.value, t.unit, t.comparator, t.year) for t in plan.targets}
    by_text = {t.text: t for t in plan.targets}
    assert (95, "%", ">=", 2030) in got                     # "đạt ít nhất 95%"
    assert (1, "mô hình", ">=", 2030) in got                # "mỗi thôn có ít nhất một mô hình"
    assert (2, "lần", "=", 2030) in got                     # "tăng gấp hai lần"
    assert (7.5, "%/năm", "=", 2030) in got                 # "tăng bình quân 7,5%/năm"
    assert (1200, "hộ gia đình", "=", 2030) in got          # "1.200 hộ gia đình": the counted noun
    assert (98, "%", "=", 2027) in got and (99, "%", "=", 2028) in got   # the table, by year column
    wrapped = [t for t in plan.targets if t.year == 2027 and t.value == 70]
    assert wrapped and wrapped[0].text == "Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật thường xuyên"
    children = [t for t in plan.targets if t.parent]
    assert {t.value for t in children} == {60, 40}
    assert all(by_text.get(t.text) is not None for t in plan.targets)
    assert not [t for t in plan.targets if t.year == 2025]  # "so với năm 2025" dates nothing


def test_task_table_rows_state_their_figure_in_another_cell():
    """A targets appendix assigning each indicator to a unit: the figure stands in its own cell
    ("%" | "90%"); rows repeating a text target add nothing, a table-only row is a target with the
    figure of its cell, not the count inside its indicator ("ít nhất 01 nền tảng")."""
    plan = extract.parse(str(DATA / "chi_tieu_phan_cong.txt"))
    got = [(t.value, t.unit, t.comparator, t.year) for t in plan.targets]
    assert got == [(90, "%", "=", 2028), (100, "%", "=", 2028), (85, "%", ">=", 2028)]
    assert "01 nền tảng trợ lý ảo" in plan.targets[1].text
    assert plan.targets[2].text.startswith("Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2")
    assert "được hướng dẫn sử dụng" in plan.targets[2].text
    assert len(plan.tasks) == 3 and plan.tasks[0].extra["Mục tiêu"] == "90%"


@pytest.mark.parametrize("content, extra, statement", [
    ("Tỷ lệ hồ sơ được số hóa.", {"ĐVT": "%", "Kết quả": "100%"}, "Tỷ lệ hồ sơ được số hóa đạt 100%"),
    ("Tỷ lệ hộ dùng nước sạch", {"Đơn vị tính": "%", "Chỉ tiêu năm 2026": "≥ 95"}, "Tỷ lệ hộ dùng nước sạch đạt ≥ 95%"),
    ("Số doanh nghiệp thành lập mới", {"ĐVT": "Doanh nghiệp", "Mục tiêu": "120"},
     "Số doanh nghiệp thành lập mới đạt 120 Doanh nghiệp"),
    ("Tỷ lệ A; tỷ lệ B được cập nhật", {"ĐVT": "%", "Mục tiêu": "90%"}, "Tỷ lệ A, tỷ lệ B được cập nhật đạt 90%"),
    ("Tổ chức hội nghị sơ kết", {"Kinh phí (triệu đồng)": "500"}, "Tổ chức hội nghị sơ kết"),   # a budget, no figure
    ("Số lớp tập huấn", {"ĐVT": "triệu đồng", "Mức kinh phí": "500"}, "Số lớp tập huấn"),
    ("Tỷ lệ hồ sơ đạt 90%", {"ĐVT": "%", "Kết quả": "90%"}, "Tỷ lệ hồ sơ đạt 90%"),            # states its own share
    ("Xây dựng báo cáo", {"Sản phẩm": "Báo cáo tổng hợp"}, "Xây dựng báo cáo"),
])
def test_row_statement_joins_indicator_and_figure_cells(content, extra, statement):
    from extract.target_tables import row_statement
    assert row_statement(content, extra) == statement


# --------------------------------------------------------------------------- the number language
@pytest.mark.parametrize("text, expected", [
    ("Mỗi thôn có ít nhất một tổ an ninh", [(1, None, "tổ", ">=")]),
    ("tổ chức tối thiểu hai hội nghị", [(2, None, "hội nghị", ">=")]),
    ("tăng gấp ba lần", [(3, None, "lần", "=")]),
    ("có ít nhất mười hai câu lạc bộ", [(12, None, "câu lạc bộ", ">=")]),
    ("thời gian giải quyết không quá hai tuần", [(2, None, "tuần", "<=")]),
    ("ít nhất năm lớp tập huấn", [(5, None, "lớp tập huấn", ">=")]),
    ("chỉ cung cấp một lần cho cơ quan nhà nước", []),          # "một" as an article
    ("ít nhất một số mô hình", []),
    ("tối thiểu năm 2025", []),                                  # a year
    ("giảm 5% - 10% số vụ", [(5, 10, "%", "=")]),
    ("đạt từ 70% đến 75%", [(70, 75, "%", "=")]),
    ("giảm 5%-7%/năm", [(5, 7, "%/năm", "=")]),
    ("đạt và vượt 100% kế hoạch", [(100, None, "%", ">=")]),
    ("đạt 95% dân số trở lên", [(95, None, "%", ">=")]),
    ("có 10/12 xã đạt chuẩn", [(10, None, "xã", "=")]),
    ("trước ngày 10/12 hằng năm", []),                           # a date
    ("giảm 1/3 số hộ nghèo", []),                                # a share of a whole, not a count
    ("100% (12/12) xã", [(100, None, "%", "=")]),                # a note in brackets
    ("hỗ trợ 1.200 hộ gia đình", [(1200, None, "hộ gia đình", "=")]),
    ("hỗ trợ 1.200 hộ thoát nghèo", [(1200, None, "hộ", "=")]),
])
def test_number_language(text, expected):
    from extract.numbers import scan
    assert [(q.value, q.upper, q.unit, q.comparator) for q in scan(text)] == expected


def test_lone_figure_takes_the_indicator_a_heading_names_not_a_targets_heading():
    ps = [Passage(text="100%", path=["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ"]),
          Passage(text="%", path=["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ"]),
          Passage(text="80%", path=["II. MỤC TIÊU", "2"])]
    assert extract_targets(ps, year_hint=2030) == []
    ts = extract_targets([Passage(text="Năm 2027: 60%", path=["II. MỤC TIÊU", "a) Tỷ lệ hồ sơ được số hóa"])])
    assert [(t.value, t.year, t.text) for t in ts] == [(60, 2027, "Tỷ lệ hồ sơ được số hóa")]


@pytest.mark.parametrize("path, n", [
    (["PHỤ LỤC II", "DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM", "1.3"], 0),   # a list of tasks
    (["Phụ lục", "Danh mục đề án, dự án ưu tiên"], 0),
    (["PHỤ LỤC I", "DANH MỤC CÁC CHỈ TIÊU CỤ THỂ"], 1),
    (["Phụ lục: Danh mục nhiệm vụ và chỉ tiêu"], 1),                             # names its targets too
])
def test_task_lists_are_no_targets_part(path, n):
    assert len(extract_targets([Passage(text="Hoàn thành, đưa vào khai thác sử dụng.", path=path)])) == n


def test_cell_mentioning_targets_opens_no_targets_part():
    """A paragraph acts as a targets heading when it names them first or closes on a colon, not
    when a result cell mentions "các mục tiêu" in passing."""
    tasks = ["III. NHIỆM VỤ, GIẢI PHÁP", "1. Hạ tầng số"]
    ps = [Passage(text="Hệ thống vận hành ổn định, đáp ứng các mục tiêu của từng thời kỳ", path=tasks),
          Passage(text="Hoàn thành, đưa vào khai thác sử dụng.", path=tasks)]
    assert extract_targets(ps) == []
    ps = [Passage(text="Một số chỉ tiêu chủ yếu", path=tasks),
          Passage(text="Hoàn thành, đưa vào khai thác sử dụng.", path=tasks)]
    assert len(extract_targets(ps)) == 1


def test_heading_wrapped_inside_its_sentence_goes_on_in_the_next_passage():
    """A PDF text layer wraps a lettered heading inside its sentence: the bound ("Có ≥") or the
    value ("100%") stays on the heading, the rest comes as the first passage under it."""
    base = ["II. MỤC TIÊU", "1. Mục tiêu cụ thể"]
    ps = []
    for marker, head, rest in (("a)", "Đến hết năm 2027: Có ≥", "40% hợp tác xã ứng dụng thương mại điện tử."),
                               ("b)", "Đến hết năm 2030: tối thiểu", "70% hợp tác xã ứng dụng thương mại điện tử."),
                               ("c)", "Đến hết năm 2035: 100%", "Hợp tác xã ứng dụng thương mại điện tử.")):
        ps.append(Passage(text=head, path=base, marker=marker, heading=True))
        ps.append(Passage(text=rest, path=base + [f"{marker[0]}. {head}"]))
    ts = extract_targets(ps, year_hint=2030)
    assert [(t.value, t.comparator, t.year) for t in ts] == [(40, ">=", 2027), (70, ">=", 2030), (100, "=", 2035)]
    assert all(t.text.casefold() == "hợp tác xã ứng dụng thương mại điện tử" for t in ts), [t.text for t in ts]


def test_whole_plan_target_table_without_year_columns_takes_the_plan_year():
    plan = extract.parse(str(DATA / "chi_tieu_bang_mot_cot.txt"))
    assert [(t.value, t.unit, t.comparator, t.year) for t in plan.targets] == [
        (90, "%", ">=", 2026), (2, "Đảng viên", "=", 2026), (5, "Hộ", "=", 2026)]
    assert not any("Tỷ lệ hộ gia đình" in t.content for t in plan.tasks)  # figures, not tasks


@pytest.mark.parametrize("sentence, value, cmp, words", [
    ("- Thu hút trên 80% đoàn viên, thanh niên tham gia.", 80.0, ">", "đoàn viên"),
    ("- Trên 95% hộ gia đình được tuyên truyền về phòng cháy.", 95.0, ">", "hộ gia đình"),
    ("- Bảo đảm ít nhất 90% cán bộ được tập huấn.", 90.0, ">=", "cán bộ được tập huấn"),
    ("- Huy động không dưới 70% hội viên tham gia lao động.", 70.0, ">=", "hội viên"),
])
def test_a_bound_on_a_share_outside_a_targets_section_is_a_commitment(sentence, value, cmp, words):
    txt = ("ĐOÀN XÃ AN PHÚ\nSố: 1-KH/ĐTN\nAn Phú, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nTháng Thanh niên\n\n"
           "I. MỤC ĐÍCH - YÊU CẦU\n- Nâng cao nhận thức của đoàn viên.\n" + sentence + "\n\nII. NỘI DUNG\nRa quân.\n")
    ts = extract.parse_text(txt).targets
    assert [(t.value, t.comparator) for t in ts] == [(value, cmp)] and words in ts[0].text


def test_a_bound_on_a_share_already_reached_is_no_commitment():
    txt = ("ĐOÀN XÃ AN PHÚ\nSố: 1-KH/ĐTN\nAn Phú, ngày 5 tháng 3 năm 2026\nKẾ HOẠCH\nTháng Thanh niên\n\n"
           "I. MỤC ĐÍCH - YÊU CẦU\n- Năm 2025, các chi đoàn đã thu hút trên 80% đoàn viên tham gia.\n\n"
           "II. NỘI DUNG\nRa quân.\n")
    assert extract.parse_text(txt).targets == []
