"""Outline: numbering markers, levels learnt from the document, headings vs numbered sentences."""
import pytest

from extract.model import Paragraph
from extract.outline import build_outline, parse_marker


@pytest.mark.parametrize("text, number, kind, rest", [
    ("I- MỤC ĐÍCH, YÊU CẦU", "I", "roman", "MỤC ĐÍCH, YÊU CẦU"),
    ("II. NỘI DUNG", "II", "roman", "NỘI DUNG"),
    ("IV - TỔ CHỨC THỰC HIỆN", "IV", "roman", "TỔ CHỨC THỰC HIỆN"),
    ("IX. KINH PHÍ", "IX", "roman", "KINH PHÍ"),
    ("1. Mục đích", "1", "dec", "Mục đích"),
    ("1- Mục đích", "1", "dec", "Mục đích"),
    ("1.1. Nâng cao chất lượng", "1.1", "dec", "Nâng cao chất lượng"),
    ("1.10. Kinh phí thực hiện", "1.10", "dec", "Kinh phí thực hiện"),
    ("2.1 Nghị quyết về", "2.1", "dec", "Nghị quyết về"),
    ("1.1- Nội dung", "1.1", "dec", "Nội dung"),
    ("(1) 100% cán bộ", "(1)", "paren", "100% cán bộ"),
    ("(2). 100% xã", "(2)", "paren", "100% xã"),
    ("1) Tuyên truyền", "1", "dec", "Tuyên truyền"),
    ("a) Thúc đẩy", "a", "lower", "Thúc đẩy"),
    ("đ) Biểu dương", "đ", "lower", "Biểu dương"),
    ("b. Huy động", "b", "lower", "Huy động"),
    ("A. NỘI DUNG TRÌNH", "A", "upper", "NỘI DUNG TRÌNH"),
    ("- Thường xuyên củng cố", None, "bullet", "Thường xuyên củng cố"),
    ("+ Tổ chức", None, "bullet", "Tổ chức"),
    ("• Xây dựng", None, "bullet", "Xây dựng"),
    ("Phụ lục I", "Phụ lục I", "keyword", ""),
    ("PHẦN II. NHIỆM VỤ", "PHẦN II", "keyword", "NHIỆM VỤ"),
])
def test_marker_is_read_with_its_literal_number(text, number, kind, rest):
    mk, body = parse_marker(text)
    assert mk is not None and mk.kind == kind and mk.number == number
    assert body.strip() == rest


@pytest.mark.parametrize("text", [
    "100% xã, thị trấn có nhà văn hóa",
    "2022 và 2023 là hai năm",
    "Căn cứ Kế hoạch số 102-KH/HU",
    "Ban Tuyên giáo Huyện ủy",
    "Việt Nam",
])
def test_text_without_marker(text):
    mk, body = parse_marker(text)
    assert mk is None and body == text


def _outline(lines):
    return build_outline([Paragraph(t) for t in lines])


def _flat(sections, depth=0):
    for s in sections:
        yield depth, s.number, s.title
        yield from _flat(s.children, depth + 1)


def test_levels_come_from_the_order_of_appearance():
    res = _outline(["I- MỤC ĐÍCH", "1. Mục đích", "Nội dung.", "2. Yêu cầu", "II- NỘI DUNG",
                    "1. Nhiệm vụ", "1.1. Tuyên truyền", "a) Báo chí", "1.2. Lý luận", "2. Giải pháp"])
    assert list(_flat(res.sections)) == [
        (0, "I", "MỤC ĐÍCH"), (1, "1", "Mục đích"), (1, "2", "Yêu cầu"), (0, "II", "NỘI DUNG"),
        (1, "1", "Nhiệm vụ"), (2, "1.1", "Tuyên truyền"), (3, "a", "Báo chí"), (2, "1.2", "Lý luận"),
        (1, "2", "Giải pháp")]


def test_letter_parts_restart_roman_numbering_under_each():
    res = _outline(["A. NỘI DUNG TRÌNH BAN CHẤP HÀNH", "I. NHÓM ĐỊNH KỲ", "1. Quý IV", "II. CỤ THỂ KHÁC",
                    "B. NỘI DUNG TRÌNH BAN THƯỜNG VỤ", "I. NHÓM ĐỊNH KỲ", "1. Năm 2026"])
    flat = list(_flat(res.sections))
    assert flat[0] == (0, "A", "NỘI DUNG TRÌNH BAN CHẤP HÀNH")
    assert (0, "B", "NỘI DUNG TRÌNH BAN THƯỜNG VỤ") in flat
    assert flat[-2:] == [(1, "I", "NHÓM ĐỊNH KỲ"), (2, "1", "Năm 2026")]


def test_numbered_sentence_is_an_item_not_a_heading():
    res = _outline(["IV- TỔ CHỨC THỰC HIỆN",
                    "1. Hội đồng nhân dân huyện ban hành cơ chế, chính sách để thực hiện Kế hoạch này.",
                    "2. UBND huyện chỉ đạo các ngành tổ chức thực hiện có hiệu quả các nhiệm vụ theo Kế hoạch."])
    assert [s.title for s in res.sections] == ["TỔ CHỨC THỰC HIỆN"]
    assert not res.sections[0].children
    items = [p for p in res.passages if not p.heading]
    assert [p.marker for p in items] == ["1.", "2."]
    assert all(p.section == res.sections[0].id for p in items)


def test_heading_with_text_after_a_colon():
    res = _outline(["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích: Cụ thể hóa Kế hoạch số 102-KH/HU của Huyện ủy."])
    sub = res.sections[0].children[0]
    assert (sub.number, sub.title) == ("1", "Mục đích")
    assert res.passages[-1].text.startswith("Cụ thể hóa") and res.passages[-1].section == sub.id


def test_roman_written_two_ways_is_one_level():
    res = _outline(["I- MỤC ĐÍCH", "1. Mục đích", "II. NỘI DUNG"])
    assert [s.number for s in res.sections] == ["I", "II"]


def test_word_label_gives_the_number():
    res = build_outline([Paragraph("MỤC TIÊU", label="II."), Paragraph("Mục tiêu chung", label="1.")])
    assert res.sections[0].number == "II" and res.sections[0].children[0].number == "1"


def test_passage_path_holds_the_enclosing_headings():
    res = _outline(["II- MỤC TIÊU ĐẾN NĂM 2025", "(1) 100% cán bộ được bồi dưỡng; 95% trở lên đảng viên được học tập."])
    item = res.passages[-1]
    assert item.path == ["II. MỤC TIÊU ĐẾN NĂM 2025"] and item.marker == "(1)"


def test_heading_title_leaves_out_a_remark_pointing_to_the_appendix():
    res = _outline(["III- NỘI DUNG", "2. Các nhiệm vụ cụ thể (có phụ lục chi tiết kèm theo)"])
    sub = res.sections[0].children[0]
    assert sub.title == "Các nhiệm vụ cụ thể"
    assert res.passages[-1].text == "Các nhiệm vụ cụ thể (có phụ lục chi tiết kèm theo)"


def test_long_heading_without_final_period_is_a_heading():
    res = _outline(["1. Nhiệm vụ", "1.9. Đầu tư cơ sở vật chất, trang thiết bị cho các cơ quan làm công tác tư tưởng, "
                    "văn hóa và thiết chế văn hóa cơ sở của các xã vùng cao"])
    assert res.sections[0].children[0].number == "1.9"


@pytest.mark.parametrize("text, number", [("a- Tuyên truyền", "a"), ("b- nâng cao nhận thức", "b")])
def test_letter_with_a_dash_is_a_letter_marker(text, number):
    mk, _ = parse_marker(text)
    assert (mk.kind, mk.number) == ("lower", number)


@pytest.mark.parametrize("text", ["Phụ lục 2 kèm theo Kế hoạch này.", "Điều 5 của Luật Đất đai", "Phụ lục đính kèm."])
def test_reference_to_an_appendix_or_article_is_no_heading(text):
    out = build_outline([Paragraph("I. NHIỆM VỤ"), Paragraph(text), Paragraph("1. Nội dung")])
    assert [s.title for s in out.sections] == ["NHIỆM VỤ"] and not out.passages[1].heading


def test_short_numbered_line_with_a_stop_and_bullets_under_it_is_a_heading():
    out = build_outline([Paragraph(t) for t in (
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích.", "- Cụ thể hóa các chỉ tiêu.", "2. Yêu cầu.", "- Bám sát thực tế.",
        "II. TỔ CHỨC THỰC HIỆN", "1. Hội nghị được tổ chức vào tháng 3.", "2. Kinh phí do ngân sách xã bảo đảm.")])
    assert [(s.title, [c.title for c in s.children]) for s in out.sections] == [
        ("MỤC ĐÍCH, YÊU CẦU", ["Mục đích", "Yêu cầu"]), ("TỔ CHỨC THỰC HIỆN", [])]


def test_numbered_duty_with_a_stop_and_bullets_under_it_stays_an_item():
    out = build_outline([Paragraph(t) for t in (
        "I. TỔ CHỨC THỰC HIỆN", "1. Phòng Nội vụ chủ trì.", "- Tham mưu kế hoạch.")])
    assert [c.title for c in out.sections[0].children] == []


def test_appendix_number_alone_takes_its_title_from_the_next_paragraph():
    out = build_outline([Paragraph(t) for t in (
        "I. TỔ CHỨC THỰC HIỆN", "1. Các sở, ngành có trách nhiệm:", "- Triển khai Kế hoạch.",
        "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", "(Kèm theo Kế hoạch số 5/KH-UBND)")])
    assert [(s.number, s.title) for s in out.sections] == [("I", "TỔ CHỨC THỰC HIỆN"), ("PHỤ LỤC I", "DANH MỤC NHIỆM VỤ")]
    assert out.passages[-1].section == out.sections[-1].id and not out.passages[-1].heading


def test_item_that_continues_an_earlier_items_numbering_closes_the_headings_opened_since():
    res = _outline(["II. NỘI DUNG", "1. Tổ chức hội nghị",
                    "1.1. Chuẩn bị văn bản và tổ chức các hội nghị hiệp thương theo hướng dẫn của cấp trên.",
                    "(1) Hội nghị lần thứ nhất", "Nội dung.", "(2) Hội nghị lần thứ hai", "Nội dung.",
                    "1.2. Tổ chức hội nghị tiếp xúc cử tri theo đúng quy định của pháp luật về bầu cử.",
                    "a) Ở thôn", "Nội dung.", "b) Ở xã", "2. Tuyên truyền"])
    by_text = {p.text: p for p in res.passages}
    item = by_text["Tổ chức hội nghị tiếp xúc cử tri theo đúng quy định của pháp luật về bầu cử."]
    assert res.by_id[item.section].title == "Tổ chức hội nghị"
    # a letter series that restarts is no continuation: "a)" under "(1)" stays there
    res = _outline(["1. Nhiệm vụ", "a) Rà soát hồ sơ của các hộ gia đình trên địa bàn toàn xã.",
                    "(1) Tuyên truyền", "a) Phát thanh trên loa truyền thanh của các thôn trong xã."])
    last = res.passages[-1]
    assert res.by_id[last.section].title == "Tuyên truyền"


@pytest.mark.parametrize("line", [
    "(1) Hiệp thương lần thứ nhất: chậm nhất ngày 10/12/2025 (trước ngày bầu cử 95 ngày).",
    "a) Đợt 1: Tháng 4/2026.",
    "- Giai đoạn 2: Từ quý III/2026 đến hết năm 2027",
])
def test_stage_and_its_time_is_no_heading(line):
    res = _outline(["1. Tổ chức hội nghị", line])
    assert [s.title for s in res.by_id.values()] == ["Tổ chức hội nghị"]


def test_numbered_sentence_that_follows_a_heading_number_is_its_sibling():
    res = _outline(["IV. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính", "- Bố trí kinh phí thực hiện.",
                    "2. Các sở, ngành, địa phương", "- Xây dựng kế hoạch của đơn vị.",
                    "3. Báo Nhân Dân phối hợp với các cơ quan thông tin tuyên truyền về Chương trình.",
                    "4. Các hiệp hội doanh nghiệp căn cứ Chương trình đề xuất giải pháp với các bộ, ngành."])
    for p in res.passages[-2:]:
        assert res.by_id[p.section].title == "TỔ CHỨC THỰC HIỆN", p.text
    # numbering that restarts under a heading of the same style stays under it
    res = _outline(["2. Nhiệm vụ cụ thể", "1. Tuyên truyền sâu rộng Kế hoạch này đến toàn thể nhân dân trong xã.",
                    "2. Kiểm tra việc thực hiện của các thôn theo định kỳ hằng quý."])
    assert {res.by_id[p.section].title for p in res.passages[1:]} == {"Nhiệm vụ cụ thể"}
