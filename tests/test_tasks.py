"""Duties assigned in the text: the shapes plans use to say who does what, by when."""
import pytest

import extract

HEAD = """ỦY BAN NHÂN DÂN
HUYỆN BÌNH LIÊU
Số: 88/KH-UBND
Bình Liêu, ngày 10 tháng 4 năm 2024
KẾ HOẠCH
Triển khai chuyển đổi số năm 2024

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao nhận thức.

II. TỔ CHỨC THỰC HIỆN
{body}
Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Bình
"""


def duties(body):
    plan = extract.parse_text(HEAD.format(body=body))
    return plan, [t for t in plan.tasks if t.origin == "text"]


def test_unit_heading_followed_by_bullets():
    plan, ts = duties("1. Phòng Văn hóa và Thông tin huyện\n"
                      "- Tham mưu UBND huyện triển khai Kế hoạch.\n"
                      "- Phối hợp với Trung tâm Truyền thông huyện tuyên truyền thường xuyên.\n"
                      "2. Phòng Tài chính - Kế hoạch huyện\n"
                      "- Bố trí kinh phí thực hiện Kế hoạch trước ngày 30/6/2024.\n")
    assert [t.lead for t in ts] == [["Phòng Văn hóa và Thông tin huyện"]] * 2 + [["Phòng Tài chính - Kế hoạch huyện"]]
    assert ts[1].partners == ["Trung tâm Truyền thông huyện"]
    assert ts[1].deadline.kind == "continuous"
    assert ts[2].deadline.end == "2024-06-30"


def test_unit_with_colon_then_duty():
    plan, ts = duties("3. Phòng Nội vụ huyện: Tham mưu UBND huyện công tác đào tạo, bồi dưỡng.\n")
    assert ts[0].lead == ["Phòng Nội vụ huyện"] and ts[0].content.startswith("Tham mưu UBND huyện")


@pytest.mark.parametrize("sentence, lead, partners", [
    ("Giao Phòng Văn hóa và Thông tin chủ trì, phối hợp với Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc thực hiện.",
     ["Phòng Văn hóa và Thông tin"], ["Văn phòng HĐND và UBND huyện"]),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể: Tuyên truyền, vận động Nhân dân tham gia.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể"], []),
    ("Các cơ quan, đơn vị trực thuộc căn cứ chức năng, nhiệm vụ xây dựng kế hoạch thực hiện.",
     ["Các cơ quan, đơn vị trực thuộc"], []),
    ("UBND các xã, thị trấn chỉ đạo các thôn, bản tổ chức thực hiện.", ["UBND các xã, thị trấn"], []),
])
def test_sentence_naming_its_unit(sentence, lead, partners):
    plan, ts = duties("1. " + sentence + "\n")
    joined = lambda units: sorted(", ".join(units).replace(" và ", ", ").split(", "))
    assert joined(ts[0].lead) == joined(lead)
    assert joined(ts[0].partners) == joined(partners)


def test_duty_without_deadline_gets_a_finding():
    plan, ts = duties("1. Các phòng, ban chuyên môn căn cứ nhiệm vụ được giao tổ chức thực hiện.\n")
    assert [f.code for f in plan.findings if f.task == ts[0].id] == ["missing-deadline"]


def test_clauses_with_their_own_verb_are_separate_duties():
    plan, ts = duties("1. Sở Tài chính\n- Thẩm định dự toán kinh phí; tham mưu bố trí kinh phí hằng năm.\n")
    assert [t.content for t in ts] == ["Thẩm định dự toán kinh phí", "tham mưu bố trí kinh phí hằng năm."]
    assert ts[1].deadline.kind == "recurring" and not ts[0].deadline.text


def test_item_followed_by_labelled_lines():
    plan, ts = duties("1.1. Xây dựng hướng dẫn công tác bầu cử.\n"
                      "- Thời gian hoàn thành: Quý IV/2025.\n"
                      "- Đơn vị chủ trì: Đồng chí Phó Chủ tịch Thường trực\n"
                      "- Đơn vị phối hợp: Các đoàn thể xã, các thôn.\n"
                      "- Kết quả: Hướng dẫn được ban hành.\n")
    (t,) = ts
    assert t.content == "Xây dựng hướng dẫn công tác bầu cử."
    assert t.lead == ["Đồng chí Phó Chủ tịch Thường trực"] and t.partners == ["Các đoàn thể xã", "các thôn"]
    assert t.deadline.start == "2025-10-01"


def test_item_followed_by_a_line_naming_its_lead_outside_the_implementation_section():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NỘI DUNG TRÌNH HỘI NGHỊ\n{body}")
    plan = extract.parse_text(text.format(body="1. Quý I năm 2025\n1.1. Nghị quyết về phát triển nông nghiệp\n"
                                               "Phòng Kinh tế chủ trì, phối hợp các cơ quan liên quan tham mưu trình trong tháng 02/2025\n"))
    (t,) = [t for t in plan.tasks if t.origin == "text"]
    assert t.content == "Nghị quyết về phát triển nông nghiệp"
    assert t.lead == ["Phòng Kinh tế"] and t.partners == ["các cơ quan liên quan"]
    assert t.deadline.start == "2025-02-01"


def test_plain_paragraph_outside_implementation_is_no_duty():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NỘI DUNG\n{body}")
    plan = extract.parse_text(text.format(body="Tăng cường phối hợp với Ban Tuyên giáo Huyện ủy thực hiện Quyết định số 238-QĐ/TW.\n"))
    assert [t for t in plan.tasks if t.origin == "text"] == []


def test_closing_formula_is_no_duty():
    plan, ts = duties("1. Văn phòng UBND huyện\n- Theo dõi việc thực hiện Kế hoạch.\n"
                      "Trên đây là Kế hoạch triển khai chuyển đổi số năm 2024 của UBND huyện./.\n")
    assert [t.content for t in ts] == ["Theo dõi việc thực hiện Kế hoạch."]


def test_noun_phrases_that_look_like_verbs_stay_in_the_unit_name():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NỘI DUNG\n{body}")
    plan = extract.parse_text(text.format(
        body="1. Năm 2030\n1.1. Chuẩn bị văn kiện Đại hội\n"
             "Các cơ quan tham mưu, giúp việc Đảng uỷ phối hợp tham mưu trong quý II/2030.\n"
             "1.2. Nghị quyết về giám sát\nUỷ ban MTTQ và các tổ chức chính trị - xã hội tham mưu, trình trong tháng 01/2030\n"))
    leads = [t.lead for t in plan.tasks if t.origin == "text"]
    assert leads[0] == ["Các cơ quan tham mưu, giúp việc Đảng uỷ"] or leads[0] == ["Các cơ quan tham mưu, giúp việc Đảng ủy"]
    assert "tham mưu" not in " ".join(leads[1])


def test_each_clause_naming_its_own_unit_is_a_duty_of_that_unit():
    plan, ts = duties("3. Các sở, ban, ngành, địa phương\n\n"
                      "Trên cơ sở Kế hoạch này, các sở, ban, ngành tỉnh tổ chức thực hiện nhiệm vụ được giao; "
                      "Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao, xây dựng kế hoạch cụ thể.\n")
    assert [t.lead for t in ts] == [["các sở, ban, ngành tỉnh"], ["Ủy ban nhân dân các xã, phường"]]


def test_numbered_duty_naming_its_lead_is_no_lead_line_of_the_heading_above():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NHIỆM VỤ CỤ THỂ\n{body}").format(body=(
        "1. Tổ Công nghệ thông tin chủ trì, phối hợp với Phòng Nội vụ huyện nâng cấp cổng thông tin, "
        "hoàn thành trước ngày 30/9/2024.\n"
        "2. Phòng Tài chính - Kế hoạch huyện bố trí kinh phí trong quý III năm 2024.\n"))
    ts = extract.parse_text(text).tasks
    first = [t for t in ts if "cổng thông tin" in t.content]
    assert len(first) == 1 and not any("NHIỆM VỤ" in t.content for t in ts)
    assert first[0].lead == ["Tổ Công nghệ thông tin"] and first[0].partners == ["Phòng Nội vụ huyện"]
    assert first[0].deadline.end == "2024-09-30"


@pytest.mark.parametrize("tail, kind", [
    ("thực hiện ngay sau khi Kế hoạch được ban hành.", "conditional"),
    ("thực hiện thường xuyên.", "continuous"),
    ("hoàn thành trong quý III năm 2024.", "once"),
])
def test_clause_after_semicolon_that_only_says_when_is_the_time_of_the_duty(tail, kind):
    plan, ts = duties("1. Đội Quản lý thị trường:\n"
                      "- Kiểm tra các cơ sở kinh doanh trên địa bàn; " + tail + "\n")
    assert len(ts) == 1 and ts[0].lead == ["Đội Quản lý thị trường"]
    assert ts[0].deadline.kind == kind


@pytest.mark.parametrize("line, lead, partners", [
    ("1. Giao cho công chức Văn hóa - Xã hội tham mưu tổ chức lễ hội trước ngày 20/11/2024.",
     ["công chức Văn hóa - Xã hội"], []),
    ("1. Giao Ban Quản lý chợ (chủ trì), Hợp tác xã Hòa Bình (phối hợp) sắp xếp khu bán hàng trước ngày 20/11/2024.",
     ["Ban Quản lý chợ"], ["Hợp tác xã Hòa Bình"]),
    ("1. Giao Phòng Kinh tế huyện (chủ trì) rà soát các điểm kinh doanh trước ngày 20/11/2024.",
     ["Phòng Kinh tế huyện"], []),
])
def test_giao_cho_and_roles_in_brackets(line, lead, partners):
    plan, ts = duties(line + "\n")
    assert len(ts) == 1 and ts[0].lead == lead and ts[0].partners == partners
    assert ts[0].deadline.end == "2024-11-20"


def test_duty_of_its_own_unit_takes_no_lead_line_from_the_next_duty():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NHIỆM VỤ, GIẢI PHÁP\n{body}").format(body=(
        "- Chi ủy chi bộ phân công đảng viên theo dõi các hộ, thực hiện hằng tháng.\n"
        "- Ban công tác Mặt trận thôn phối hợp với Chi hội Nông dân thôn vận động nhân dân hiến đất làm đường; "
        "hoàn thành trong quý II/2024.\n"))
    ts = extract.parse_text(text).tasks
    assert [t.lead for t in ts] == [["Chi ủy chi bộ"], ["Ban công tác Mặt trận thôn"]]
    assert ts[0].deadline.period == "month" and ts[1].partners == ["Chi hội Nông dân thôn"]
@pytest.mark.parametrize("heading", ["Các bộ, ngành, địa phương có trách nhiệm:", "Các sở, ban, ngành chịu trách nhiệm",
                                     "Phòng Nội vụ huyện có trách nhiệm:"])
def test_unit_heading_saying_it_has_the_duties_below(heading):
    plan, ts = duties(f"1. {heading}\n- Tổ chức triển khai Kế hoạch trong phạm vi được giao.\n"
                      "- Xây dựng kế hoạch hành động trước ngày 31/12/2024.\n")
    unit = heading.split(" có ")[0].split(" chịu ")[0]
    assert [(t.lead, t.content[:12]) for t in ts][-2:] == [([unit], "Tổ chức triể"), ([unit], "Xây dựng kế ")]


def test_ministries_in_a_group_are_a_unit_but_a_set_of_files_is_not():
    from extract.units import looks_like_unit

    assert looks_like_unit("Các bộ, ngành, địa phương") and looks_like_unit("các bộ, ngành Trung ương")
    assert not looks_like_unit("Các bộ hồ sơ điện tử")


@pytest.mark.parametrize("label", ["Cơ quan chủ trì, thực hiện", "Đơn vị chủ trì và thực hiện", "Cơ quan chủtrì, thực hiện"])
def test_lead_label_naming_lead_and_executor_together(label):
    plan, ts = duties("1.2. Đưa nội dung chuyển đổi số vào chương trình kiểm tra, giám sát.\n"
                      f"- {label}: Ủy ban kiểm tra Đảng ủy.\n- Thời gian thực hiện: Thường xuyên.\n")
    (t,) = ts
    assert t.lead == ["Ủy ban kiểm tra Đảng ủy"] and t.deadline.text == "Thường xuyên"


def test_executor_label_does_not_replace_the_lead_label_and_units_are_split():
    plan, ts = duties("4.3. Duy trì, làm sạch dữ liệu đảng viên thường xuyên.\n"
                      "- Cơ quan chủ trì: Ban Xây dựng Đảng; Văn phòng Đảng ủy.\n"
                      "- Cơ quan thực hiện: Các chi, đảng bộ trên toàn xã.\n"
                      "- Thời gian hoàn thành: Thường xuyên.\n"
                      "4.4. Rà soát quy trình nội bộ.\n- Cơ quan thực hiện: Các chi bộ trực thuộc.\n")
    assert [t.lead for t in ts] == [["Ban Xây dựng Đảng", "Văn phòng Đảng ủy"], ["Các chi bộ trực thuộc"]]


def test_numbered_item_naming_its_lead_is_a_duty_of_its_own_not_the_lead_of_the_heading():
    text = HEAD.replace("II. TỔ CHỨC THỰC HIỆN\n{body}", "II. NHIỆM VỤ TRỌNG TÂM\n{body}")
    plan = extract.parse_text(text.format(body="1. Phòng Văn hóa chủ trì xây dựng bộ tiêu chí điểm du lịch, hoàn thành trong quý II năm 2024.\n"))
    (t,) = [t for t in plan.tasks if t.origin == "text"]
    assert t.lead == ["Phòng Văn hóa"] and t.content.startswith("xây dựng bộ tiêu chí")
    assert t.deadline.start == "2024-04-01"
