"""Duty shapes as plans write them (invented fixtures, one per shape)."""
import pytest

import extract

HEAD = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
Số: 12/KH-UBND
An Phú, ngày 10 tháng 4 năm 2025
KẾ HOẠCH
Cải tạo chợ nông thôn năm 2025

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao chất lượng phục vụ.

II. NỘI DUNG
{body}
III. TỔ CHỨC THỰC HIỆN
{impl}
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình
"""


def duties(body, impl="Các bộ phận triển khai thực hiện."):
    """Paragraphs of the fixture are separated by blank lines (short lines would read as wrapped)."""
    para = lambda s: "\n\n".join(s.strip().split("\n")) + "\n"  # noqa: E731
    plan = extract.parse_text(HEAD.format(body=para(body), impl=para(impl)))
    return [t for t in plan.tasks if t.origin == "text"]


def test_lead_in_with_colon_passes_its_lead_to_the_list():
    ts = duties("1. Khảo sát hiện trạng\n"
                "Giao phòng Kinh tế thực hiện các nội dung sau:\n"
                "a) Khảo sát các chợ nông thôn.\n"
                "b) Đề xuất phương án cải tạo.\n")
    assert [(t.lead, t.content) for t in ts] == [(["phòng Kinh tế"], "Khảo sát các chợ nông thôn."),
                                                 (["phòng Kinh tế"], "Đề xuất phương án cải tạo.")]


def test_fronted_clause_before_the_subject():
    ts = duties("1. Kiểm tra sau cải tạo\n"
                "Sau khi kết thúc đợt kiểm tra, Văn phòng UBND xã tổng hợp báo cáo Chủ tịch UBND xã.\n"
                "Đối với các chợ tạm, Ban quản lý chợ rà soát lại hợp đồng thuê.\n"
                "Đồng thời, Công an xã tăng cường tuần tra.\n")
    assert [t.lead for t in ts] == [["Văn phòng UBND xã"], ["Ban quản lý chợ"], ["Công an xã"]]
    assert ts[0].deadline.text == "Sau khi kết thúc đợt kiểm tra"


def test_clause_between_subject_and_verb():
    ts = duties("1. Rà soát văn bản\n"
                "Phòng Tư pháp, trên cơ sở kết quả rà soát năm trước, chủ trì tham mưu sửa đổi quy chế chợ.\n")
    assert ts[0].lead == ["Phòng Tư pháp"]


def test_article_giving_work_and_body_asking_a_unit():
    ts = duties("1. Giao nhiệm vụ\n"
                "Điều 2. Giao phòng Văn hóa - Xã hội tổ chức tuyên truyền về chợ văn minh.\n"
                "UBND xã yêu cầu Hội Phụ nữ xã vận động tiểu thương giữ vệ sinh.\n")
    assert [t.lead for t in ts] == [["phòng Văn hóa - Xã hội"], ["Hội Phụ nữ xã"]]


def test_item_followed_by_its_giao_assignment():
    ts = duties("1. Nâng cấp hạ tầng\n"
                "b) Nâng cấp đường nội đồng. Giao HTX Tân Tiến chủ trì huy động nhân công làm 2 km đường, "
                "hoàn thành trước 30/6/2025.\n")
    assert ts[0].lead == ["HTX Tân Tiến"]
    assert ts[0].content.startswith("Nâng cấp đường nội đồng") and "huy động nhân công" in ts[0].content
    assert ts[0].deadline.end == "2025-06-30"


def test_parenthesised_assignment():
    ts = duties("1. Chiếu sáng\n"
                "a) Lắp đặt đèn chiếu sáng khu chợ (Giao Đoàn Thanh niên xã chủ trì, tham mưu trong quý II/2026).\n")
    assert ts[0].lead == ["Đoàn Thanh niên xã"] and ts[0].deadline.start == "2026-04-01"


def test_per_item_lines_belong_to_the_item_above():
    ts = duties("1. Hội nghị tiểu thương\n"
                "1.1. Nội dung\n"
                "Lấy ý kiến tiểu thương về phương án bố trí lại các ki-ốt.\n"
                "- Thời gian thực hiện: Quý II/2025.\n"
                "- Thành phần: đại diện các hộ kinh doanh.\n"
                "- Đơn vị chủ trì: Ban quản lý chợ.\n"
                "- Kết quả: biên bản hội nghị.\n")
    assert len(ts) == 1
    assert ts[0].lead == ["Ban quản lý chợ"] and ts[0].content.startswith("Lấy ý kiến tiểu thương")
    assert ts[0].deadline.start == "2025-04-01"


def test_block_of_items_closed_by_lead_and_partner_line():
    ts = duties("1. Vệ sinh môi trường chợ\n"
                "- Thu gom rác thải cuối mỗi phiên chợ.\n"
                "- Lắp đặt thêm thùng rác phân loại.\n"
                "Lãnh đạo phụ trách: Phó Chủ tịch UBND xã Trần Văn A.\n"
                "Đơn vị chủ trì: Ban quản lý chợ; Đơn vị phối hợp: Đoàn Thanh niên xã, Hội Phụ nữ xã.\n"
                "2. An ninh trật tự\n"
                "- Bố trí lực lượng trực đêm.\n"
                "Đơn vị chủ trì: Công an xã.\n")
    assert [(t.content, t.lead, t.partners) for t in ts] == [
        ("Thu gom rác thải cuối mỗi phiên chợ.", ["Ban quản lý chợ"], ["Đoàn Thanh niên xã", "Hội Phụ nữ xã"]),
        ("Lắp đặt thêm thùng rác phân loại.", ["Ban quản lý chợ"], ["Đoàn Thanh niên xã", "Hội Phụ nữ xã"]),
        ("Bố trí lực lượng trực đêm.", ["Công an xã"], []),
    ]


def test_label_value_running_on_to_the_next_line():
    ts = duties("1. Số hóa hồ sơ\n"
                "1.1. Số hóa hồ sơ hộ kinh doanh tại chợ.\n"
                "- Cơ quan chủ trì, thực hiện: Văn phòng UBND xã;\n"
                "các thôn trên địa bàn xã.\n"
                "- Thời gian thực hiện: trước ngày 30/9/2025.\n")
    assert ts[0].lead == ["Văn phòng UBND xã", "các thôn trên địa bàn xã"]
    assert ts[0].deadline.end == "2025-09-30"


def test_executor_line_gives_one_duty_per_unit():
    ts = duties("1. Rà soát thủ tục\n"
                "1.1. Rà soát thủ tục cấp phép kinh doanh tại chợ.\n"
                "- Cơ quan thực hiện: Phòng Tư pháp rà soát thủ tục cấp tỉnh; UBND các thôn rà soát danh sách hộ.\n")
    leads = [t.lead for t in ts if t.lead]
    assert ["Phòng Tư pháp"] in leads and ["UBND các thôn"] in leads


def test_duties_in_the_reporting_section():
    body = "1. Khảo sát\nKhảo sát các chợ.\n"
    impl = ("1. Phân công\nCác bộ phận chuyên môn triển khai thực hiện.\n"
            "IV. CHẾ ĐỘ THÔNG TIN, BÁO CÁO\nCác thôn báo cáo kết quả về Văn phòng UBND xã trước ngày 20 hằng tháng.\n")
    ts = duties(body, impl)
    assert any(t.lead == ["Các thôn"] and t.deadline.kind == "recurring" for t in ts)


def test_verb_phrase_bullet_under_a_unit_heading():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Đảng ủy xã\n- Lãnh đạo, chỉ đạo việc cải tạo chợ.\n")
    assert ts[-1].lead == ["Đảng ủy xã"]


def test_unit_heading_with_role_sub_heading():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phòng Kinh tế\na) Chủ trì, phối hợp với Phòng Tài chính - Kế hoạch:\n- Rà soát nguồn vốn cải tạo chợ.\n"
                "- Lập dự toán sửa chữa.\nb) Phối hợp với Công an xã:\n- Bảo đảm an ninh khu chợ.\n")
    assert [(t.lead, t.partners) for t in ts[-3:]] == [(["Phòng Kinh tế"], ["Phòng Tài chính - Kế hoạch"])] * 2 + [
        (["Phòng Kinh tế"], ["Công an xã"])]


def test_lead_line_after_the_items_gives_one_duty_for_the_section():
    ts = duties("2.3. Phát triển chợ đầu mối\n- Xây dựng chợ đầu mối nông sản.\n- Mở rộng bãi đỗ xe.\n"
                "Trách nhiệm chỉ đạo thực hiện: Đảng ủy UBND xã; các chi bộ thôn.\n")
    assert len(ts) == 1
    assert ts[0].lead == ["Đảng ủy UBND xã", "các chi bộ thôn"]
    assert ts[0].content.startswith("Phát triển chợ đầu mối") and "Mở rộng bãi đỗ xe" in ts[0].content


def test_recurring_report_stays_in_its_duty_and_a_new_sentence_starts_another():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phân công\nPhòng Nội vụ có trách nhiệm đôn đốc các thôn thực hiện, báo cáo UBND xã hằng năm.\n"
                "Phòng Kinh tế tổng hợp kết quả khảo sát. Hằng quý báo cáo Chủ tịch UBND xã.\n")
    assert ts[-3].lead == ["Phòng Nội vụ"] and ts[-3].deadline.kind == "recurring"
    assert [t.lead for t in ts[-2:]] == [["Phòng Kinh tế"]] * 2 and ts[-1].deadline.kind == "recurring"


def test_heading_that_is_itself_a_duty_of_a_unit():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Các chi bộ thực hiện đánh giá việc sử dụng chợ tạm\n- Báo cáo gửi Đảng ủy xã trước ngày 20/9/2025.\n")
    assert any(t.lead == ["Các chi bộ"] and t.content.startswith("thực hiện đánh giá") for t in ts)


def test_school_offices_as_unit_headings():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Giáo viên chủ nhiệm các lớp\n- Phổ biến nội quy chợ cho học sinh.\n"
                "2. Nhà trường\n- Báo cáo kết quả về Phòng Giáo dục.\n")
    assert [t.lead for t in ts[-2:]] == [["Giáo viên chủ nhiệm các lớp"], ["Nhà trường"]]


def test_two_duties_in_one_sentence_split_at_an_adverb_of_manner():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phó Chủ tịch UBND xã Trần Văn B\n"
                "- Là đầu mối tổ chức khảo sát; trực tiếp báo cáo kết quả về UBND huyện.\n")
    assert [t.content for t in ts[-2:]] == ["Là đầu mối tổ chức khảo sát", "trực tiếp báo cáo kết quả về UBND huyện."]


def test_passive_with_its_agent_names_the_lead():
    ts = duties("1. Hình thức\n- Việc kiểm kê các ki-ốt trong chợ do đồng chí Trưởng ban quản lý chợ trực tiếp chỉ đạo, chủ trì.\n")
    assert ts[0].lead == ["đồng chí Trưởng ban quản lý chợ"] and ts[0].content.startswith("Việc kiểm kê")


def test_commune_implementation_section_in_its_usual_shapes():
    impl = ("1. PHÒNG VĂN HÓA - XÃ HỘI\n- Tham mưu UBND xã tổ chức tuyên truyền.\n"
            "2. Văn phòng HĐND - UBND xã: Tham mưu tổng hợp báo cáo; theo dõi, đôn đốc các bộ phận.\n"
            "3. Công chức Văn hóa - Xã hội\nHướng dẫn các thôn tổ chức ngày hội.\n"
            "4. Đề nghị Ủy ban MTTQ và các đoàn thể xã\nTuyên truyền, vận động hội viên tham gia.\n"
            "5. Trưởng các thôn\n- Thông báo đến các hộ dân.\n"
            "6. giao công an xã bảo đảm an ninh trật tự trong thời gian diễn ra hội chợ.\n"
            "7. Trạm Y tế xã, Trường Mầm non xã phối hợp tuyên truyền phòng dịch.\n"
            "8. Hợp tác xã nông nghiệp Tân Tiến\n- Huy động xã viên tham gia.\n")
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n", impl)
    assert [t.lead for t in ts] == [
        ["PHÒNG VĂN HÓA - XÃ HỘI"], ["Văn phòng HĐND - UBND xã"], ["Văn phòng HĐND - UBND xã"],
        ["Công chức Văn hóa - Xã hội"], ["Ủy ban MTTQ và các đoàn thể xã"], ["Trưởng các thôn"], ["công an xã"],
        ["Trạm Y tế xã", "Trường Mầm non xã"], ["Hợp tác xã nông nghiệp Tân Tiến"]]


def test_item_then_its_lead_line_then_its_time_line():
    ts = duties("2. Quý II năm 2025\nSơ kết 6 tháng thực hiện việc cải tạo chợ\n"
                "- Ban quản lý chợ chủ trì, phối hợp với các thôn chuẩn bị\n- Thời gian thực hiện: tháng 6/2025\n")
    assert len(ts) == 1
    assert ts[0].lead == ["Ban quản lý chợ"] and ts[0].partners == ["các thôn"]
    assert ts[0].deadline.start == "2025-06-01"


def test_articles_of_a_decision_give_work():
    txt = ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 120/QĐ-UBND\nAn Giang, ngày 10 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
           "Về việc ban hành Kế hoạch cải tạo chợ\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nQUYẾT ĐỊNH:\n\n"
           "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải tạo chợ nông thôn năm 2025.\n\n"
           "Điều 2. Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính hướng dẫn các địa phương triển khai.\n\n"
           "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Công Thương, Chủ tịch UBND các huyện chịu trách nhiệm "
           "thi hành Quyết định này.\n\nNơi nhận:\n- Như Điều 3;\nCHỦ TỊCH\nLê Văn Bình\n")
    ts = [t for t in extract.parse_text(txt).tasks if t.origin == "text"]
    # the closing article names who executes the decision: no duty of the plan
    assert [(t.lead, t.partners) for t in ts] == [(["Sở Công Thương"], ["Sở Tài chính"])]
    assert ts[0].content.startswith("phối hợp với Sở Tài chính")


EXECUTION_CLAUSES = [
    "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.",
    "Điều 4. Văn phòng HĐND và UBND huyện, Trưởng phòng Nội vụ và các cơ quan có liên quan có trách nhiệm "
    "thi hành Quyết định này./.",
    "Điều 3. Các ông (bà) Chánh Văn phòng, Thủ trưởng các đơn vị liên quan thi hành Quyết định này.",
    "Điều 3. Văn phòng UBND xã, các ban, ngành, đoàn thể xã chịu trách nhiệm tổ chức thực hiện Quyết định này.",
]


def test_closing_article_of_a_decision_is_no_duty():
    for article in EXECUTION_CLAUSES:
        txt = ("ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 20/QĐ-UBND\nAn Phú, ngày 10 tháng 4 năm 2025\nQUYẾT ĐỊNH\n"
               "Về việc ban hành Kế hoạch cải tạo chợ\n\nQUYẾT ĐỊNH:\n\n"
               "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải tạo chợ nông thôn năm 2025.\n\n"
               "Điều 2. Giao Văn phòng UBND xã chủ trì tổng hợp kết quả cải tạo chợ, báo cáo trong quý IV/2025.\n\n"
               + article + "\n\nNơi nhận:\n- Như Điều 3;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Bình\n")
        ts = [t for t in extract.parse_text(txt).tasks if t.origin == "text"]
        assert [t.lead for t in ts] == [["Văn phòng UBND xã"]], (article, [t.content for t in ts])


def test_unit_as_subject_of_an_item_with_its_time_line():
    ts = duties("1. Rà soát\na) Phòng Kinh tế rà soát các hộ kinh doanh trong chợ.\n- Thời gian thực hiện: Quý II/2025.\n"
                "b) Văn phòng UBND xã tổng hợp kết quả rà soát.\n* Thời gian thực hiện: tháng 7/2025\n")
    assert [(t.lead, t.deadline.text) for t in ts] == [(["Phòng Kinh tế"], "Quý II/2025"),
                                                      (["Văn phòng UBND xã"], "tháng 7/2025")]


def test_item_and_its_lead_line_run_together():
    ts = duties("1. Quý IV năm 2025\n"
                "1.1. Nghị quyết về phát triển chợ đến năm 2030 và những năm tiếp theo Ban Kinh tế chủ trì, phối hợp "
                "tham mưu, trình trong tháng 11/2025\n"
                "1.2. Nghị quyết về xã không rác thải nhựa Đảng ủy UBND xã chỉ đạo tham mưu trình trong tháng 12/2025.\n")
    assert [(t.lead, t.deadline.text) for t in ts] == [(["Ban Kinh tế"], "trong tháng 11/2025"),
                                                      (["Đảng ủy UBND xã"], "trong tháng 12/2025")]
    assert ts[0].content.endswith("những năm tiếp theo")


def test_verb_phrase_line_after_a_heading_is_no_lead_line():
    ts = duties("3. Năm 2027\nLãnh đạo, chỉ đạo công tác sắp xếp lại các chợ tạm\n"
                "Ban Kinh tế chủ trì, phối hợp các cơ quan liên quan tham mưu thực hiện trong Quý I/2027.\n")
    assert all(t.lead != ["Lãnh đạo"] for t in ts)
    assert any(t.lead == ["Ban Kinh tế"] and t.content.startswith("Lãnh đạo, chỉ đạo") for t in ts)


def test_shared_report_after_clauses_of_several_units_belongs_to_the_heading():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "3. Các phòng chuyên môn, Ban quản lý chợ\n"
                "Các phòng chuyên môn tổ chức thực hiện nhiệm vụ được giao; Ban quản lý chợ căn cứ nhiệm vụ được giao "
                "xây dựng kế hoạch cụ thể; định kỳ trước ngày 15/11 hằng năm báo cáo kết quả về UBND xã.\n")
    last = ts[-1]
    assert last.content.startswith("định kỳ") and last.deadline.kind == "recurring"
    assert last.lead == ["Các phòng chuyên môn", "Ban quản lý chợ"]


def test_bare_group_under_a_unit_heading_means_the_heading_units():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "2. Các thôn, tổ dân phố:\n- Căn cứ Kế hoạch này, các cơ quan, đơn vị chủ động cụ thể hóa triển khai thực hiện.\n")
    assert ts[-1].lead == ["Các thôn, tổ dân phố"]


def test_people_are_no_unit_of_their_own_in_the_content_parts():
    ts = duties("1. Nâng cao nhận thức\nCán bộ, công chức nâng cao nhận thức về văn minh thương mại.\n"
                "Các chi bộ thôn chú trọng tuyên truyền về văn minh thương mại.\n")
    assert [t.lead for t in ts] == [["Các chi bộ thôn"]]


def test_heading_that_is_a_duty_takes_its_time_from_the_lines_under_it():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Các chi bộ thực hiện đánh giá việc sử dụng chợ tạm\nbằng hình thức phù hợp, báo cáo gửi Đảng ủy xã trước ngày\n"
                "20/9/2025.\n")
    t = next(t for t in ts if t.lead == ["Các chi bộ"])
    assert t.deadline.end == "2025-09-20"


def test_lead_in_in_other_wordings():
    ts = duties("1. Chợ\nUBND xã giao Văn phòng UBND xã thực hiện các nội dung sau:\n- Rà soát hợp đồng thuê ki-ốt.\n"
                "2. Nông sản\nĐề nghị Hội Nông dân xã:\n+ Vận động hội viên đưa nông sản vào chợ.\n")
    assert [t.lead for t in ts] == [["Văn phòng UBND xã"], ["Hội Nông dân xã"]]


def test_labelled_lines_in_other_wordings():
    ts = duties("1. Chợ\n1.1. Sửa chữa mái che khu chợ.\n- Cơ quan chủ trì thực hiện: Ban quản lý chợ.\n"
                "- Bộ phận phối hợp: Công chức Địa chính - Xây dựng.\n- Thời hạn: trước 30/9/2025.\n"
                "2. Vệ sinh chợ\n- Thu gom rác thải.\n- Phun khử khuẩn định kỳ.\n- Đơn vị chủ trì: Tổ vệ sinh môi trường xã.\n"
                "- Tiến độ: hằng tháng.\n")
    assert [(t.lead, t.partners, t.deadline.text) for t in ts] == [
        (["Ban quản lý chợ"], ["Công chức Địa chính - Xây dựng"], "trước 30/9/2025"),
        (["Tổ vệ sinh môi trường xã"], [], "hằng tháng"), (["Tổ vệ sinh môi trường xã"], [], "hằng tháng")]


def test_sentence_that_only_says_when_completes_the_duty_before_it():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "2. Các thôn, tổ dân phố:\n- Căn cứ Kế hoạch này, rà soát các điểm họp chợ tự phát.\n"
                "Hoàn thành trước 06/3/2026. Thường xuyên kiểm tra việc họp chợ trên địa bàn.\n")
    assert ts[-2].deadline.text == "Hoàn thành trước 06/3/2026"
    assert ts[-1].content.startswith("Thường xuyên kiểm tra") and ts[-1].deadline.kind == "continuous"


# ---------------------------------------------------------------- a comma list of two predicates
CHAINS_THAT_SPLIT = [
    ("hướng dẫn, đôn đốc việc sơ kết của các chi bộ, các đoàn thể, đơn vị, xây dựng dự thảo báo cáo sơ kết "
     "và trình Ban Thường vụ", 2),
    ("kiểm tra việc thu phí chợ của các hộ kinh doanh, ban quản lý chợ, tổng hợp kết quả và đề xuất xử lý "
     "các vi phạm", 2),
    ("theo dõi, nắm tình hình dư luận của cán bộ, đảng viên, các tổ chức đoàn thể, tham mưu văn bản chỉ đạo "
     "kịp thời khi có vấn đề phát sinh", 2),
]
CHAINS_KEPT_WHOLE = [
    # steps on one object: a verb after a word of no list
    "xây dựng dự thảo báo cáo, gửi lấy ý kiến góp ý, phản biện, thẩm định và tiếp thu, hoàn chỉnh dự thảo",
    # a list of partners is no object
    "phối hợp với Công an xã, Đoàn Thanh niên, tổ chức tuyên truyền về phòng cháy chữa cháy trong khu dân cư",
    # a noun of the list that looks like a verb
    "công khai thủ tục trên cổng thông tin của xã để người dân, doanh nghiệp, tổ chức biết và thực hiện đúng",
    "bảo đảm đồng bộ, thống nhất, phục vụ công tác quy hoạch, cấp phép, thanh tra, kiểm tra và quản lý nhà nước",
    # too short to be a duty of its own
    "hướng dẫn việc kê khai của các chi bộ, đơn vị, tổng hợp báo cáo",
]


def test_comma_list_of_two_predicates_splits_after_a_list_of_units():
    from extract.tasks import split_verb_chain
    for text, n in CHAINS_THAT_SPLIT:
        parts = split_verb_chain(text)
        assert len(parts) == n, parts
        assert ", ".join(parts) == text


def test_comma_list_of_steps_on_one_object_stays_one_duty():
    from extract.tasks import split_verb_chain
    for text in CHAINS_KEPT_WHOLE:
        assert split_verb_chain(text) == [text]


def test_steps_of_a_split_duty_share_its_partners_and_its_closing_time():
    ts = duties("1. Giao nhiệm vụ\n", impl=(
        "Văn phòng UBND xã chủ trì, phối hợp với Ban quản lý chợ hướng dẫn, đôn đốc việc thu phí của các hộ "
        "kinh doanh, các tổ hợp tác, xây dựng báo cáo kết quả thu phí gửi Chủ tịch UBND xã trước ngày "
        "15/12/2025.\n"))
    assert [t.lead for t in ts] == [["Văn phòng UBND xã"]] * 2
    assert [t.partners for t in ts] == [["Ban quản lý chợ"]] * 2
    assert ts[1].content.startswith("xây dựng báo cáo")
    assert [t.deadline.end for t in ts] == ["2025-12-15"] * 2


def test_row_labels_of_a_statistics_form_are_no_duties():
    ts = duties("1. Số liệu\n", impl=(
        "Các chi bộ báo cáo số liệu theo biểu mẫu sau:\n"
        "Số đảng viên bị kỷ luật. Trong đó:\n"
        "Cán bộ thuộc diện Tỉnh ủy quản lý\n"
        "Cán bộ\n"
        "Cán bộ thuộc diện Huyện ủy quản lý\n"
        "Cán bộ\n"
        "Hộ gia đình thuộc diện Nhà nước hỗ trợ\n"))
    assert [t.content for t in ts if len(t.content.split()) < 3] == []


# ---------------------------------------------------------------- second probe of unseen plans
def test_partner_list_with_semicolons_goes_on_to_the_verb():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phân công\nGiao phòng Văn hóa - Xã hội chủ trì, phối hợp với Trạm Y tế xã; Trường Tiểu học xã "
                "tổ chức hội thi an toàn thực phẩm trong chợ.\n")
    assert [(t.lead, t.partners) for t in ts[-1:]] == [(["phòng Văn hóa - Xã hội"], ["Trạm Y tế xã", "Trường Tiểu học xã"])]
    assert len([t for t in ts if "hội thi" in t.content]) == 1


def test_role_sub_heading_with_a_semicolon_list_of_partners():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phòng Kinh tế\na) Phối hợp với Công an xã; Đội quản lý thị trường số 3:\n"
                "- Kiểm tra hàng hóa không rõ nguồn gốc.\n")
    assert (ts[-1].lead, ts[-1].partners) == (["Phòng Kinh tế"], ["Công an xã", "Đội quản lý thị trường số 3"])


def test_partners_named_before_their_verb():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phân công\nBan quản lý chợ chủ trì, Hội Phụ nữ xã phối hợp tổ chức ngày hội.\n")
    assert (ts[-1].lead, ts[-1].partners) == (["Ban quản lý chợ"], ["Hội Phụ nữ xã"])


def test_passive_agents_with_their_roles_partners_and_tails():
    ts = duties("1. Kiểm kê\n"
                "a) Việc kiểm kê ki-ốt do Ban quản lý chợ chủ trì thực hiện, phối hợp với Công an xã.\n"
                "b) Việc thu phí chợ do Tổ thu phí chủ trì, Bộ phận kế toán xã phối hợp thực hiện theo quy định.\n"
                "c) Đợt tổng vệ sinh được tổ chức 2 lần do các thôn thực hiện dưới sự chỉ đạo của Ủy ban nhân dân xã.\n"
                "d) Bản tin về chợ được Văn phòng UBND xã biên soạn, đăng tải hằng tháng.\n")
    assert [(t.lead, t.partners) for t in ts] == [
        (["Ban quản lý chợ"], ["Công an xã"]), (["Tổ thu phí"], ["Bộ phận kế toán xã"]), (["các thôn"], []),
        (["Văn phòng UBND xã"], [])]
    assert ts[-1].deadline.kind == "recurring"


def test_a_document_approved_by_a_body_gives_it_no_duty():
    ts = duties("1. Căn cứ\nPhương án cải tạo chợ được UBND huyện phê duyệt tại Quyết định số 12/QĐ-UBND.\n"
                "Kinh phí được UBND huyện bố trí từ nguồn ngân sách.\n")
    assert ts == []


def test_line_of_roles_after_an_item_and_its_time_names_the_item_lead():
    ts = duties("1. Kiểm tra chợ\n"
                "1.1. Kiểm tra việc chấp hành nội quy chợ của các hộ kinh doanh.\n"
                "Đối tượng: các hộ kinh doanh tại chợ trung tâm.\n"
                "Thời gian: quý III năm 2025.\n"
                "Giao đồng chí Phó Chủ tịch UBND xã chỉ đạo, đồng chí công chức Địa chính trực tiếp thực hiện.\n"
                "1.2. Kiểm tra an toàn phòng cháy trong chợ.\n"
                "Thời gian: tháng 10 năm 2025.\n"
                "Đồng chí Trưởng Công an xã chỉ đạo; Tổ phòng cháy chữa cháy chợ thực hiện.\n")
    assert [(t.lead[:1], t.deadline.text) for t in ts] == [
        (["đồng chí Phó Chủ tịch UBND xã"], "quý III năm 2025"), (["Đồng chí Trưởng Công an xã"], "tháng 10 năm 2025")]


def test_plan_announcing_itself_is_no_duty():
    ts = duties("1. Khảo sát\nCăn cứ Nghị quyết số 05-NQ/ĐU của Đảng ủy xã; Ủy ban nhân dân xã ban hành Kế hoạch cải tạo "
                "chợ như sau:\nKhảo sát các chợ.\n")
    assert ts == []


def test_sentence_pointing_to_the_appendix_is_no_duty():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Ban quản lý chợ\n- Rà soát hợp đồng thuê ki-ốt.\n- Nhiệm vụ cụ thể của từng bộ phận tại Phụ lục kèm theo.\n"
                "(Nội dung chi tiết theo Biểu số 02 đính kèm)\n")
    assert [t.content for t in ts if t.lead == ["Ban quản lý chợ"]] == ["Rà soát hợp đồng thuê ki-ốt."]


def test_labelled_lines_after_the_stages_of_an_item_belong_to_the_item():
    ts = duties("1. Hội nghị\n"
                "1.1. Chuẩn bị tài liệu và tổ chức hai hội nghị lấy ý kiến nhân dân về phương án cải tạo chợ.\n"
                "(1) Hội nghị lần thứ nhất: chậm nhất ngày 10/5/2025 (sau khi có dự thảo phương án).\n"
                "(2) Hội nghị lần thứ hai: chậm nhất ngày 20/6/2025.\n"
                "- Thời gian hoàn thành: Quý II/2025;\n"
                "- Đơn vị chủ trì: Văn phòng UBND xã\n"
                "- Đơn vị phối hợp: Ban quản lý chợ, các thôn.\n"
                "1.2. Tổng hợp ý kiến và hoàn thiện phương án cải tạo chợ.\n"
                "- Thời gian hoàn thành: tháng 7/2025;\n"
                "- Đơn vị chủ trì: Phòng Kinh tế\n")
    assert [(t.content[:30], t.lead, t.deadline.text) for t in ts] == [
        ("Chuẩn bị tài liệu và tổ chức h", ["Văn phòng UBND xã"], "Quý II/2025"),
        ("Tổng hợp ý kiến và hoàn thiện ", ["Phòng Kinh tế"], "tháng 7/2025")]
    assert ts[0].partners == ["Ban quản lý chợ", "các thôn"]


def test_units_that_work_together_on_an_item_are_all_leads():
    ts = duties("1. Cải tạo chợ\n"
                "1.1. Lập phương án cải tạo chợ trung tâm xã.\n"
                "- Phòng Kinh tế, Ban quản lý chợ, Văn phòng UBND xã phối hợp tham mưu thực hiện (trong quý II/2025)\n"
                "1.2. Thẩm định phương án cải tạo chợ.\n"
                "- Phòng Kinh tế chủ trì, phối hợp với Ban quản lý chợ thực hiện (trong quý III/2025)\n")
    assert [(t.lead, t.partners) for t in ts] == [
        (["Phòng Kinh tế", "Ban quản lý chợ", "Văn phòng UBND xã"], []),
        (["Phòng Kinh tế"], ["Ban quản lý chợ"])]


def test_roles_in_brackets_after_an_item():
    ts = duties("1. Phát động\n"
                "a) Tổ chức lễ ra quân dọn vệ sinh chợ (Văn phòng UBND xã chủ trì, Đoàn Thanh niên xã phối hợp; hoàn thành "
                "trong tháng 4/2026).\n"
                "b) Ban quản lý chợ tổ chức ký cam kết với tiểu thương (Tổ thu phí thực hiện thu hồ sơ).\n")
    assert [(t.lead, t.partners) for t in ts] == [(["Văn phòng UBND xã"], ["Đoàn Thanh niên xã"]),
                                                  (["Ban quản lý chợ"], [])]
    assert ts[0].content == "Tổ chức lễ ra quân dọn vệ sinh chợ." and ts[0].deadline.start == "2026-04-01"


def test_executor_label_holding_the_role_labels():
    ts = duties("1. Kiểm tra\n1.1. Thành lập đoàn kiểm tra vệ sinh chợ.\n"
                "- Đơn vị thực hiện: Chủ trì: Trạm Y tế xã; phối hợp: Công an xã, Phòng Kinh tế.\n"
                "- Thời gian: tháng 5/2026.\n")
    assert (ts[0].lead, ts[0].partners, ts[0].deadline.text) == (["Trạm Y tế xã"], ["Công an xã", "Phòng Kinh tế"],
                                                                 "tháng 5/2026")


def test_numbered_lead_in_passes_its_lead_to_its_items():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Giao Phòng Kinh tế tham mưu UBND xã:\na) Kiểm tra các cơ sở kinh doanh thực phẩm.\n"
                "b) Xử lý các vi phạm theo thẩm quyền.\n2. Đề nghị Hội Nông dân xã:\na) Vận động hội viên ký cam kết.\n")
    assert [(t.lead, t.content) for t in ts[-3:]] == [
        (["Phòng Kinh tế"], "Kiểm tra các cơ sở kinh doanh thực phẩm."),
        (["Phòng Kinh tế"], "Xử lý các vi phạm theo thẩm quyền."), (["Hội Nông dân xã"], "Vận động hội viên ký cam kết.")]


def test_members_as_a_group_are_given_work_in_the_implementation_section_only():
    ts = duties("1. Nhận thức\nCác đảng viên nâng cao nhận thức về văn minh thương mại.\n",
                "1. Phân công\nCác đảng viên trong chi bộ gương mẫu thực hiện, vận động gia đình chấp hành nội quy chợ.\n")
    assert [t.lead for t in ts] == [["Các đảng viên trong chi bộ"]]


def test_clause_without_a_subject_under_a_unit_heading_is_the_heading_unit_duty_not_an_item():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Ban quản lý chợ: chỉ đạo chung; phân công đồng chí Phó Trưởng ban phụ trách vệ sinh trực tiếp "
                "theo dõi, đôn đốc.\n")
    assert [(t.lead, t.content) for t in ts] == [
        (["Ban quản lý chợ"], "chỉ đạo chung"),
        (["đồng chí Phó Trưởng ban phụ trách vệ sinh"], "trực tiếp theo dõi, đôn đốc.")]


def test_staffing_item_is_no_assignment_to_the_staff():
    ts = duties("1. Nhân lực\n1.1. Phân công cán bộ lãnh đạo phụ trách công tác vệ sinh chợ, công chức theo dõi tại "
                "các thôn bảo đảm theo quy định.\n- Cơ quan chủ trì thực hiện: Văn phòng UBND xã.\n")
    assert [(t.lead, t.content[:30]) for t in ts] == [(["Văn phòng UBND xã"], "Phân công cán bộ lãnh đạo phụ ")]


def test_lead_clause_then_partner_clause_is_one_duty():
    ts = duties("1. Khảo sát\nKhảo sát các chợ.\n",
                "1. Phân công\nGiao Ban quản lý chợ chủ trì; Trạm Y tế xã, Hội Phụ nữ xã phối hợp tổ chức ngày hội "
                "an toàn thực phẩm.\n")
    assert [(t.lead, t.partners) for t in ts[-1:]] == [(["Ban quản lý chợ"], ["Trạm Y tế xã", "Hội Phụ nữ xã"])]
    assert len([t for t in ts if "ngày hội" in t.content]) == 1


def test_duty_sentence_under_a_topic_heading_keeps_its_own_work():
    ts = duties("1. Tuyên truyền, phổ biến\n"
                "Ban Công tác Mặt trận thôn phối hợp với Chi hội Phụ nữ tuyên truyền trên loa truyền thanh của "
                "thôn, thực hiện hằng tháng.\n"
                "2. Sửa chữa mái chợ\n"
                "Ban quản lý chợ chủ trì, phối hợp tham mưu thực hiện trong quý III/2025.\n")
    assert [(t.lead, t.content[:40]) for t in ts] == [
        (["Ban Công tác Mặt trận thôn"], "phối hợp với Chi hội Phụ nữ tuyên truyền"),
        # a line that only names roles and time: the heading above it is its content
        (["Ban quản lý chợ"], "Sửa chữa mái chợ")]
    assert ts[0].partners == ["Chi hội Phụ nữ"] and ts[0].deadline.kind == "recurring"
    assert ts[1].deadline.text == "trong quý III/2025"


@pytest.mark.parametrize("preamble", [
    "Căn cứ Kế hoạch số 12/KH-UBND của UBND huyện; Ủy ban nhân dân xã An Phú ban hành Kế hoạch như sau:",
    "Ủy ban nhân dân xã An Phú xây dựng Kế hoạch thực hiện với các nội dung sau:",
    "Thực hiện chỉ đạo của Huyện ủy, Đảng ủy xã ban hành Kế hoạch triển khai cụ thể như sau:",
])
def test_the_preambles_formula_is_no_duty(preamble):
    txt = HEAD.replace("I. MỤC ĐÍCH, YÊU CẦU", preamble + "\n\nI. MỤC ĐÍCH, YÊU CẦU").format(
        body="1. Rà soát\n\nPhòng Kinh tế rà soát các hộ kinh doanh trong chợ.\n", impl="Các bộ phận triển khai.\n")
    ts = [t for t in extract.parse_text(txt).tasks if t.origin == "text"]
    assert [t.lead for t in ts] == [["Phòng Kinh tế"]], [t.content for t in ts]


def test_labels_in_brackets_after_an_item_belong_to_that_item():
    ts = duties("1. Giám sát\n"
                "- Kiểm tra vệ sinh các quầy hàng (Đơn vị chủ trì: Trạm Y tế xã; đơn vị phối hợp: Ban quản lý chợ; "
                "thời gian: hằng quý).\n"
                "- Lấy mẫu thực phẩm tại các quầy hàng.\n"
                "* Đơn vị thực hiện: Phòng Kinh tế.\n"
                "* Thời gian: tháng 9/2025.\n")
    assert [(t.content, t.lead, t.partners, t.deadline.text) for t in ts] == [
        ("Kiểm tra vệ sinh các quầy hàng.", ["Trạm Y tế xã"], ["Ban quản lý chợ"], "hằng quý"),
        ("Lấy mẫu thực phẩm tại các quầy hàng.", ["Phòng Kinh tế"], [], "tháng 9/2025")]


@pytest.mark.parametrize("label", [
    "- Phân công: Văn phòng UBND xã phụ trách, Ban quản lý chợ phối hợp.",
    "- Đơn vị thực hiện: Văn phòng UBND xã chủ trì, Ban quản lý chợ phối hợp.",
    "* Phân công thực hiện: Văn phòng UBND xã chủ trì, phối hợp với Ban quản lý chợ.",
])
def test_a_label_naming_who_leads_and_who_takes_part(label):
    ts = duties("1. Lễ ra quân\n"
                "1.1. Tổ chức lễ ra quân làm sạch chợ: dự kiến ngày 08/3/2025 tại chợ trung tâm.\n" + label + "\n")
    assert [(t.lead, t.partners, t.deadline.text) for t in ts] == [
        (["Văn phòng UBND xã"], ["Ban quản lý chợ"], "dự kiến ngày 08/3/2025")]


def test_labels_after_the_items_sentence_on_its_own_line():
    ts = duties("1. Việc cần làm\n"
                "1.1. Tổ chức hội nghị tiểu thương. Đơn vị chủ trì: Ban quản lý chợ; đơn vị phối hợp: Công an xã; "
                "thời gian: tháng 4/2025.\n"
                "1.2. Rà soát hợp đồng thuê ki-ốt. Đơn vị thực hiện: Phòng Kinh tế; Văn phòng UBND xã. "
                "Thời gian hoàn thành: quý III/2025.\n")
    assert [(t.content, t.lead, t.partners, t.deadline.text) for t in ts] == [
        ("Tổ chức hội nghị tiểu thương.", ["Ban quản lý chợ"], ["Công an xã"], "tháng 4/2025"),
        ("Rà soát hợp đồng thuê ki-ốt.", ["Phòng Kinh tế", "Văn phòng UBND xã"], [], "quý III/2025")]


def test_an_item_keeps_its_own_time_when_its_lead_comes_after_it():
    ts = duties("1. Kiểm tra\n"
                "1.1. Kiểm tra việc thu phí chợ, thời gian: quý II/2025 (Ban quản lý chợ thực hiện).\n"
                "1.2. Giám sát vệ sinh an toàn thực phẩm trong quý III/2025; Trạm Y tế xã tham mưu, thực hiện.\n")
    assert [(t.lead, t.deadline.text) for t in ts] == [(["Ban quản lý chợ"], "quý II/2025"),
                                                      (["Trạm Y tế xã"], "trong quý III/2025")]


def test_giup_starts_the_predicate_after_a_unit():
    ts = duties("1. Theo dõi\n", impl="Văn phòng UBND xã giúp Chủ tịch UBND xã theo dõi, đôn đốc thực hiện Kế hoạch.\n")
    assert [t.lead for t in ts] == [["Văn phòng UBND xã"]]
