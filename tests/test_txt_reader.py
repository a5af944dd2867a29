"""Text reader: the three shapes of text plans (Word exports, markdown web pages, PDF text)."""
import pytest

from extract.model import Paragraph, Table
from extract.readers.txt import read_text


def _paras(raw):
    return [b.text for b in raw.blocks if isinstance(b, Paragraph)]


def _tables(raw):
    return [b for b in raw.blocks if isinstance(b, Table)]


def test_hard_wrapped_paragraph_is_joined():
    text = ("Cụ thể hóa Kết luận 224-KL/TU và Kế hoạch 61-KH/TU phù hợp với\n"
            "điều kiện thực tế của Đảng bộ huyện. Tạo sự thống nhất trong thực hiện Kết\n"
            "luận số 224-KL/TU.\n\n2. Yêu cầu\n")
    assert _paras(read_text(text)) == [
        "Cụ thể hóa Kết luận 224-KL/TU và Kế hoạch 61-KH/TU phù hợp với điều kiện thực tế của Đảng bộ huyện. "
        "Tạo sự thống nhất trong thực hiện Kết luận số 224-KL/TU.", "2. Yêu cầu"]


def test_marker_starts_a_new_paragraph_without_blank_line():
    text = "I. NHÓM NỘI DUNG\n1. Tại Hội nghị tháng 3 hằng năm: Đánh giá\ntình hình thực hiện nhiệm vụ.\n2. Tại Hội nghị tháng 12"
    assert _paras(read_text(text)) == ["I. NHÓM NỘI DUNG", "1. Tại Hội nghị tháng 3 hằng năm: Đánh giá tình hình thực hiện nhiệm vụ.",
                                       "2. Tại Hội nghị tháng 12"]


def test_markdown_bold_heading_spanning_lines_is_one_bold_paragraph():
    raw = read_text("**I. MỤC\nĐÍCH, YÊU CẦU**\n\n**1. Mục đích**\n\na) Thúc đẩy *(DN)* mạnh mẽ.\n")
    paras = [b for b in raw.blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.bold) for p in paras] == [("I. MỤC ĐÍCH, YÊU CẦU", True), ("1. Mục đích", True),
                                               ("a) Thúc đẩy (DN) mạnh mẽ.", False)]


def test_tab_rows_form_one_table_across_repeated_headers_and_blank_lines():
    text = ("Stt\tNội dung\tĐơn vị chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
            "1\tTuyên truyền\t\tCác chi bộ\tHằng năm\n\n"
            "Số thứ tự\tNội dung\tĐơn vị chủ trì\tCơ quan phối hợp\tThời gian thực hiện\n"
            "2\tKiện toàn\tBan Tuyên giáo\t\tQuý I/2023\n\nNơi nhận:\n")
    tables = _tables(read_text(text))
    assert len(tables) == 1
    assert [[c.text for c in r][:2] for r in tables[0].rows] == [["Stt", "Nội dung"], ["1", "Tuyên truyền"],
                                                                 ["Số thứ tự", "Nội dung"], ["2", "Kiện toàn"]]
    assert tables[0].rows[1][0].source.line == 2


def test_web_table_one_cell_per_line_with_a_group_row_spanning_all_columns():
    text = ("|\n**STT**\n|\n**Tên nhiệm vụ**\n|\n**Cơ quan chủ trì**\n|\n|\n**I.\nNÂNG CAO NHẬN THỨC**\n|\n|\n"
            "1\n|\nTriển khai nền tảng đào tạo\ntrực tuyến mở.\n|\nSở KH&CN\n|\n|\n2\n|\nĐánh giá\n|\n\n|\n\nSau bảng.\n")
    raw = read_text(text)
    t = _tables(raw)[0]
    rows = [[c.text for c in r] for r in t.rows]
    assert rows[0] == ["STT", "Tên nhiệm vụ", "Cơ quan chủ trì"]
    assert rows[1] == ["I. NÂNG CAO NHẬN THỨC"]
    assert rows[2] == ["1", "Triển khai nền tảng đào tạo trực tuyến mở.", "Sở KH&CN"]
    assert rows[3][:2] == ["2", "Đánh giá"]
    assert _paras(raw)[-1] == "Sau bảng."


def test_web_table_group_row_with_empty_first_cell():
    text = "|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\n|\n**I. Kinh tế số**\n|\n|\n|\n1\n|\nKinh tế số chiếm 45% GRDP.\n|\nSở Tài chính\n|\n\nX"
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Chỉ tiêu", "Chủ trì"], ["", "I. Kinh tế số", ""], ["1", "Kinh tế số chiếm 45% GRDP.", "Sở Tài chính"]]


def test_markdown_pipe_rows():
    text = "| TT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Rà soát | Sở Xây dựng |\n"
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Xây dựng"]]


def test_page_numbers_and_separator_lines_are_dropped():
    text = "Số: 45/KH-UBND\n-----\n12\nKẾ HOẠCH\n"
    assert _paras(read_text(text)) == ["Số: 45/KH-UBND", "KẾ HOẠCH"]


def test_lines_in_capitals_without_numbers_stay_apart():
    text = "ĐẢNG BỘ TỈNH KHÁNH HOÀ\nĐẢNG UỶ XÃ CÔNG HẢI\nSố -CTr/ĐU"
    assert _paras(read_text(text)) == ["ĐẢNG BỘ TỈNH KHÁNH HOÀ", "ĐẢNG UỶ XÃ CÔNG HẢI", "Số -CTr/ĐU"]


def test_count_at_line_start_does_not_start_a_paragraph():
    text = ("4.1. Tiếp tục nâng cao chất lượng sinh hoạt chi bộ gắn với sơ kết\n"
            "03 năm thực hiện Chỉ thị số 50-CT/TW của Ban Bí thư\n- Ban Xây dựng Đảng tham mưu.")
    assert _paras(read_text(text))[0].endswith("sơ kết 03 năm thực hiện Chỉ thị số 50-CT/TW của Ban Bí thư")


def test_web_paragraph_wrapped_before_a_capitalised_word_stays_whole():
    text = "b) Tham gia các hội chợ theo kế hoạch của Bộ Văn hóa, Thể thao và\nDu lịch.\n\nc) Việc khác.\n"
    assert _paras(read_text(text)) == ["b) Tham gia các hội chợ theo kế hoạch của Bộ Văn hóa, Thể thao và Du lịch.",
                                       "c) Việc khác."]


def test_nested_emphasis_marks_of_web_pages_are_removed_but_footnote_marks_stay():
    text = "định kỳ **trước\nngày 01/6 và 15/11 hằng năm ***(hoặc đột xuất khi có yêu cầu) *báo cáo kết quả (*).\n"
    assert _paras(read_text(text)) == ["định kỳ trước ngày 01/6 và 15/11 hằng năm (hoặc đột xuất khi có yêu cầu) báo cáo kết quả (*)."]


# --------------------------------------------------------------------------- legal-portal pages
DATA = __import__("pathlib").Path(__file__).parent / "data" / "text"


def test_portal_page_scrape_gives_the_same_extraction_as_the_clean_document():
    """A whole portal page (site text, the portal's metadata table, no blank line anywhere, an
    appendix heading run on after the last cell, the page title after the document) reads like the
    document saved alone."""
    _same_extraction(_view(DATA / "portal-page.txt"), _view(DATA / "portal-clean.txt"))


def test_portal_page_with_its_metadata_in_markdown_rows_reads_like_the_clean_document(tmp_path):
    lines = (DATA / "portal-page.txt").read_text(encoding="utf-8").split("\n")
    i, j = lines.index("Đang tải văn bản..."), lines.index("**ỦY BAN NHÂN DÂN")
    meta = ["| **Số hiệu:** | 215/KH-UBND | **Loại văn bản:** | Kế hoạch |", "|---|---|---|---|",
            "| **Người ký:** | Lò Văn Thành | **Ngày ban hành:** | 14/03/2026 |", "|"]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines[:i + 1] + meta + lines[j:]), encoding="utf-8")
    _same_extraction(_view(path), _view(DATA / "portal-clean.txt"))


def _view(path):
    import extract

    d = extract.parse(str(path)).to_dict()
    doc = {k: d["document"][k] for k in ("doc_type", "number", "date", "place", "issuer", "title", "signer")}
    tasks = [(t["origin"], t["group"], t["number"], t["content"], t["lead"], t["partners"], t["deadline"])
             for t in d["tasks"]]
    return doc, d["sections"], tasks, d["targets"], [(f["code"], f["message"]) for f in d["findings"]]


def _same_extraction(page, clean):
    assert page[0] == clean[0] and page[0]["number"] == "215/KH-UBND"
    assert [s["title"] for s in page[1]] == [s["title"] for s in clean[1]]
    assert page[2] == clean[2]
    assert len([t for t in page[2] if t[0] == "table"]) == 6
    assert page[3:] == clean[3:]


def test_pipe_table_ends_at_a_slot_opening_an_appendix_heading():
    text = ("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát hồ sơ\n|\nSở Nội vụ\n"
            "**PHỤ LỤC 2**\nDANH MỤC ĐỀ ÁN\n|\nTT\n|\nTên đề án\n|\n|\n1\n|\nĐề án số hóa\n|\n")
    raw = read_text(text)
    kinds = [type(b).__name__ for b in raw.blocks]
    assert kinds == ["Table", "Paragraph", "Paragraph", "Table"]
    first, second = _tables(raw)
    assert [[c.text for c in r] for r in first.rows][-1] == ["1", "Rà soát hồ sơ", "Sở Nội vụ"]
    assert _paras(raw) == ["PHỤ LỤC 2", "DANH MỤC ĐỀ ÁN"]
    assert [[c.text for c in r] for r in second.rows] == [["TT", "Tên đề án"], ["1", "Đề án số hóa"]]


def test_pipe_table_ends_where_a_slot_holds_the_document_body():
    body = "\n".join(f"{k}. Nội dung thứ {k} của văn bản được viết\ntiếp trên dòng sau." for k in range(1, 25))
    text = ("|\n**UBND XÃ AN PHÚ**\n|\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n|\n|\nSố: 3/KH-UBND\n|\n"
            "*An Phú, ngày 2 tháng 3 năm 2026*\n|\n**KẾ HOẠCH**\nTuyên truyền pháp luật\n" + body +
            "\n|\nNơi nhận:\n- Lưu: VT.\n|\n**CHỦ TỊCH**\n|\n")
    raw = read_text(text)
    tables = _tables(raw)
    assert len(tables) == 2
    assert [c.text for c in tables[0].rows[1]] == ["Số: 3/KH-UBND", "An Phú, ngày 2 tháng 3 năm 2026"]
    paras = _paras(raw)
    assert paras[:2] == ["KẾ HOẠCH", "Tuyên truyền pháp luật"]
    assert paras[2] == "1. Nội dung thứ 1 của văn bản được viết tiếp trên dòng sau." and len(paras) == 26
    assert tables[1].rows[0][1].text == "CHỦ TỊCH"


def test_wrapped_bold_group_row_of_a_pipe_table_stays_a_cell():
    text = "|\nTT\n|\nChỉ tiêu\n|\nChủ trì\n|\n|\n|\n**II. Xã hội\nsố**\n|\n|\n|\n1\n|\nPhủ sóng 5G\n|\nSở KH&CN\n|\n"
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Chỉ tiêu", "Chủ trì"], ["", "II. Xã hội số", ""], ["1", "Phủ sóng 5G", "Sở KH&CN"]]


def test_merged_bold_row_of_a_pipe_table_ends_at_the_next_empty_slot():
    """A group row merged across the table (a web page gives its one cell, then the row's end)."""
    for group in ("**Buổi sáng (từ 7h00 đến 9h00) – Tập trung toàn trường**", "**Ngày 2: Thứ Ba, 25/8/2026**",
                  "**Quý I/2026**"):
        text = ("|\nThời gian\n|\nNội dung\n|\nPhụ trách\n|\n|\n" + group + "\n|\n|\n"
                "7h00 - 7h15\n|\nỔn định tổ chức\n|\nBan Giám hiệu\n|\n|\n"
                "7h15 - 8h00\n|\nKhai mạc\n|\nĐoàn trường\n|\n")
        rows = [[c.text for c in r if c.text] for r in _tables(read_text(text))[0].rows]
        assert rows == [["Thời gian", "Nội dung", "Phụ trách"], [group.strip("*")],
                        ["7h00 - 7h15", "Ổn định tổ chức", "Ban Giám hiệu"], ["7h15 - 8h00", "Khai mạc", "Đoàn trường"]]


def test_sub_group_number_after_one_empty_slot_starts_a_new_row():
    text = ("|\nTT\n|\nNội dung\n|\nChủ trì\n|\nThời gian\n|\n|\n**III**\n|\n**Ứng dụng**\n|\n|\n**III.1**\n|\n"
            "**Nền tảng quốc gia**\n|\n|\n1\n|\nCổng dữ liệu\n|\nBộ Công an\n|\nNăm 2026\n|\n")
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows[1][:2] == ["III", "Ứng dụng"] and rows[2][:2] == ["III.1", "Nền tảng quốc gia"]
    assert rows[3] == ["1", "Cổng dữ liệu", "Bộ Công an", "Năm 2026"]


def test_row_of_dots_in_a_pipe_table_is_kept_for_the_table_reader():
    text = "|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n|\n|\n…..\n|\n…..\n|\n…..\n|\n|\n7\n|\nTổng kết\n|\nVăn phòng\n|\n"
    import itertools

    from extract.tables import TaskTableReader

    ids = (f"K{i}" for i in itertools.count(1))
    reader = TaskTableReader(lambda: next(ids))
    (table,) = _tables(read_text(text))
    assert [c.text for c in table.rows[2]] == ["…", "…", "…"]
    assert reader.read(table, None)
    assert [t.number for t in reader.tasks] == ["1", "7"]
    assert not [f for f in reader.findings if f.code.startswith("numbering")]


# --------------------------------------------------------------------------- text without blank lines
@pytest.mark.parametrize("number, title", [("2.3.", "Công an tỉnh"), ("**6**.", "Tổ chức thực hiện"),
                                           ("III.", "KINH PHÍ"), ("b)", "Hội Nông dân xã")])
def test_number_alone_on_its_line_takes_the_title_on_the_next(number, title):
    text = f"Mở đầu của văn bản được viết trên một dòng dài.\n{number}\n{title}\n- Thực hiện nhiệm vụ được giao.\n"
    paras = _paras(read_text(text))
    assert paras[1] == f"{number.replace('**', '')} {title}" and paras[2].startswith("- Thực hiện")


@pytest.mark.parametrize("type_line", ["KẾ HOẠCH", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "**KẾ HOẠCH**"])
def test_type_line_is_never_joined_to_its_lower_case_title(type_line):
    text = f"ĐẢNG ỦY XÃ AN BÌNH\n{type_line}\nthực hiện Nghị quyết số 05-NQ/ĐU về\nphát triển du lịch\n"
    assert _paras(read_text(text))[1:] == [type_line.strip("*"), "thực hiện Nghị quyết số 05-NQ/ĐU về phát triển du lịch"]


@pytest.mark.parametrize("rule", ["-----", "________", "=====", "***"])
def test_separator_line_ends_a_paragraph(rule):
    text = f"KẾ HOẠCH\nTổ chức hội nghị tổng kết công tác\nnăm 2025\n{rule}\nThực hiện Kế hoạch số 5-KH/HU, Đảng ủy xây dựng\nkế hoạch như sau:\n"
    assert _paras(read_text(text))[1:] == ["Tổ chức hội nghị tổng kết công tác năm 2025",
                                           "Thực hiện Kế hoạch số 5-KH/HU, Đảng ủy xây dựng kế hoạch như sau:"]


def test_letter_with_a_dash_is_a_marker_like_a_parenthesis():
    text = "1. Phát triển trồng trọt\na- Chuyển đổi cơ cấu cây trồng trên đất\nlúa kém hiệu quả.\nb- Xây dựng vùng rau an toàn.\n"
    assert _paras(read_text(text)) == ["1. Phát triển trồng trọt", "a- Chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả.",
                                       "b- Xây dựng vùng rau an toàn."]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_blank_lines_inside_a_paragraph_of_a_pdf_layer_do_not_cut_it(gap):
    lines = [f"{k}. Nội dung số {k} của kế hoạch được trình bày trên dòng này." for k in range(1, 30)]
    text = "\n".join(lines) + "\nII. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN NÔNG NGHIỆP THEO HƯỚNG\n" + gap + \
        "HÀNG HÓA\n1. Phát triển trồng trọt theo hướng nâng cao giá trị và\n" + gap + "bền vững.\n"
    paras = _paras(read_text(text))
    assert paras[-2:] == ["II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN NÔNG NGHIỆP THEO HƯỚNG HÀNG HÓA",
                          "1. Phát triển trồng trọt theo hướng nâng cao giá trị và bền vững."]


def test_blank_line_still_ends_a_title_before_the_preamble():
    lines = [f"{k}. Nội dung số {k} của kế hoạch được trình bày trên dòng này." for k in range(1, 30)]
    text = "KẾ HOẠCH\nTriển khai Chỉ thị số 11-CT/TU về tăng cường quản lý khoáng sản trên địa bàn\n\n" \
        "Thực hiện Chỉ thị số 11-CT/TU, UBND tỉnh ban hành Kế hoạch.\n" + "\n".join(lines)
    assert _paras(read_text(text))[1:3] == ["Triển khai Chỉ thị số 11-CT/TU về tăng cường quản lý khoáng sản trên địa bàn",
                                            "Thực hiện Chỉ thị số 11-CT/TU, UBND tỉnh ban hành Kế hoạch."]


@pytest.mark.parametrize("ref", ["Phụ lục 2 kèm theo Kế hoạch này.", "Phụ lục II được ban hành cùng Kế hoạch.",
                                 "Điều 5 của Luật Đất đai."])
def test_wrapped_line_starting_with_an_appendix_reference_opens_no_appendix(ref):
    import extract

    text = ("ỦY BAN NHÂN DÂN XÃ AN BÌNH\nSố: 7/KH-UBND\nAn Bình, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\nPhát triển nông nghiệp\n"
            "I. NHIỆM VỤ\n1. Chuyển đổi cơ cấu cây trồng theo các nội dung tại\n" + ref + "\n"
            "2. Xây dựng vùng rau an toàn.\nII. TỔ CHỨC THỰC HIỆN\n1. Phòng Kinh tế chủ trì thực hiện.\n")
    raw = read_text(text)
    assert f"1. Chuyển đổi cơ cấu cây trồng theo các nội dung tại {ref}" in _paras(raw)
    plan = extract.parse_text(text)
    assert [s.title for s in plan.sections] == ["NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"]


def test_pdf_layer_without_blank_lines_reads_its_outline():
    import extract

    plan = extract.parse(str(DATA / "pdf-layer-no-blank-lines.txt"))
    d = plan.document
    assert (d.doc_type, d.number) == ("Chương trình", "31-KH/ĐU")
    assert d.title == "thực hiện Nghị quyết Đại hội Đảng bộ xã về phát triển kinh tế nông nghiệp giai đoạn 2026 - 2030"

    def walk(ss):
        return [(s.number, s.title, walk(s.children)) for s in ss]

    assert walk(plan.sections) == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", [("1", "Mục đích", []), ("2", "Yêu cầu", [])]),
        ("II", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN NÔNG NGHIỆP THEO HƯỚNG HÀNG HÓA",
         [("1", "Phát triển trồng trọt", []), ("2", "Phát triển chăn nuôi", [])]),
        ("III", "TỔ CHỨC THỰC HIỆN", [])]
    assert [(t.lead, t.deadline.text) for t in plan.tasks] == [(["Ủy ban nhân dân xã"], "trước ngày 30/3/2026"),
                                                               (["Văn phòng Đảng ủy"], "định kỳ hằng quý")]


def test_text_after_a_complete_last_row_is_no_cell():
    text = "Trước bảng.\n|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n|\nSau bảng là đoạn văn bản.\n"
    raw = read_text(text)
    assert [[c.text for c in r] for r in _tables(raw)[0].rows] == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Nội vụ"]]
    assert _paras(raw) == ["Trước bảng.", "Sau bảng là đoạn văn bản."]


def test_text_after_a_short_last_row_gives_it_its_last_cell_first():
    text = ("|\nTT\n|\nNội dung\n|\nThời gian\n|\n|\n1\n|\nRà soát\n|\nQuý I/2026\n"
            "Kế hoạch 5/KH-UBND năm 2026 về rà soát hồ sơ do Ủy ban nhân dân xã An Phú ban hành\nVăn bản liên quan\n")
    raw = read_text(text)
    assert [c.text for c in _tables(raw)[0].rows[-1]] == ["1", "Rà soát", "Quý I/2026"]
    assert _paras(raw)[-1] == "Văn bản liên quan"


def test_full_row_followed_by_a_new_number_starts_a_new_row():
    text = ("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n|\n2\n|\nTổng kết\n|\nVăn phòng\n|\n|\n"
            "3\n|\nBáo cáo\n|\nSở Tài chính\n|\n\nSau bảng.\n")
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Nội vụ"], ["2", "Tổng kết", "Văn phòng"],
                    ["3", "Báo cáo", "Sở Tài chính"]]


@pytest.mark.parametrize("end", [";", ","])
def test_lower_case_line_after_a_clause_ending_goes_on_with_the_list(end):
    text = (f"- Cơ quan thực hiện: Các cơ quan tham mưu, giúp việc Đảng ủy{end}\n"
            "các Đảng ủy trực thuộc; Ủy ban Mặt trận Tổ quốc xã.\n- Thời gian thực hiện: Thường xuyên.\n")
    assert _paras(read_text(text)) == [f"- Cơ quan thực hiện: Các cơ quan tham mưu, giúp việc Đảng ủy{end} các Đảng ủy "
                                       "trực thuộc; Ủy ban Mặt trận Tổ quốc xã.", "- Thời gian thực hiện: Thường xuyên."]


def test_page_break_with_its_number_inside_a_paragraph_of_a_pdf_layer_does_not_cut_it():
    lines = [f"{k}. Nội dung số {k} của kế hoạch được trình bày trên dòng này." for k in range(1, 30)]
    text = "\n".join(lines) + "\n30. Phát triển trồng trọt theo hướng nâng cao giá trị và\n\n- 2 -\n\nbền vững.\n31. Kết thúc."
    assert _paras(read_text(text))[-2:] == ["30. Phát triển trồng trọt theo hướng nâng cao giá trị và bền vững.", "31. Kết thúc."]


def test_body_text_after_a_closed_table_row_ends_the_pipe_table():
    body = "\n".join(f"- Nội dung thứ {k} của phần giải pháp được viết\ntiếp trên dòng sau." for k in range(1, 8))
    text = ("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n|\n|\n**2. Giải pháp**\n" + body +
            "\n|\nNơi nhận:\n- Lưu: VT.\n|\n**CHỦ TỊCH**\n|\n")
    raw = read_text(text)
    t1, t2 = _tables(raw)
    assert [[c.text for c in r] for r in t1.rows] == [["TT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Nội vụ"]]
    assert _paras(raw)[0] == "2. Giải pháp" and len(_paras(raw)) == 8
    assert t2.rows[0][1].text == "CHỦ TỊCH"


def test_short_bold_numbered_section_after_a_closed_table_row_is_body_text():
    text = ("|\nTT\n|\nNội dung\n|\nChủ trì\n|\n|\n1\n|\nRà soát\n|\nSở Nội vụ\n|\n|\n**2. Giải pháp**\n"
            "- Tăng cường kiểm tra.\n|\nNơi nhận:\n- Lưu: VT.\n|\n**CHỦ TỊCH**\n|\n")
    raw = read_text(text)
    assert len(_tables(raw)) == 2 and _paras(raw) == ["2. Giải pháp", "- Tăng cường kiểm tra."]


def test_numbered_heading_in_capitals_wrapped_over_three_lines_is_one_heading():
    text = ("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN\nNÔNG NGHIỆP THEO HƯỚNG HÀNG HÓA\nVÀ BỀN VỮNG\n"
            "1. Phát triển trồng trọt\nỦY BAN NHÂN DÂN\nTỈNH HÒA AN\n")
    assert _paras(read_text(text)) == ["II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU ĐỂ PHÁT TRIỂN NÔNG NGHIỆP THEO HƯỚNG HÀNG HÓA VÀ BỀN VỮNG",
                                       "1. Phát triển trồng trọt", "ỦY BAN NHÂN DÂN", "TỈNH HÒA AN"]


def test_column_headed_by_a_document_type_word_stays_in_its_table():
    text = ("|\nSTT\n|\nCHỈ TIÊU\n|\nKẾ HOẠCH\nNĂM 2026\n|\nTHỰC HIỆN\n|\n|\n1\n|\nSố hộ nghèo giảm\n|\n50\n|\n45\n|\n\nSau bảng.\n")
    raw = read_text(text)
    rows = [[c.text for c in r] for r in _tables(raw)[0].rows]
    assert rows == [["STT", "CHỈ TIÊU", "KẾ HOẠCH NĂM 2026", "THỰC HIỆN"], ["1", "Số hộ nghèo giảm", "50", "45"]]


def test_numbers_alone_without_a_stop_stay_lines_of_their_own():
    lines = [f"Dòng thứ {k} của văn bản được viết khá dài để đo bề rộng." for k in range(1, 12)]
    text = "\n".join(lines) + "\nTT\n1\n2\n3\nI\nLĩnh vực văn hóa\n"
    paras = _paras(read_text(text))
    assert paras[-2:] == ["I", "Lĩnh vực văn hóa"]


@pytest.mark.parametrize("lead", ["Ban Tuyên giáo chủ trì, phối hợp tham mưu, trình trong tháng 3/2026",
                                  "Đảng ủy UBND xã chỉ đạo tham mưu trình trong tháng 5/2026.",
                                  "Văn phòng Đảng ủy chủtrì, phối hợp các cơ quan liên quan tham mưu thực"])
def test_line_naming_the_lead_of_the_item_above_starts_its_own_paragraph(lead):
    lines = [f"{k}. Nội dung số {k} của chương trình được trình bày trên dòng này." for k in range(1, 12)]
    text = "\n".join(lines) + "\n1.2. Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ trực thuộc\nĐảng bộ giai đoạn 2026 - 2030\n" + lead + "\n"
    paras = _paras(read_text(text))
    assert paras[-2:] == ["1.2. Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ trực thuộc Đảng bộ giai đoạn 2026 - 2030", lead]


def test_wrapped_line_naming_a_programme_is_no_lead_line():
    text = "a) Chủ trì tham mưu Chủ tịch\nUBND tỉnh về phát triển hạ tầng số theo chương trình,\nkế hoạch của Bộ.\n"
    assert len(_paras(read_text(text))) == 1


def test_list_number_alone_before_a_blank_line_takes_the_text_after_it():
    # a PDF text layer of Word's automatic numbering: the label on a line of its own, a blank line, the text
    raw = ("I.\n\nMỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao nhận thức.\nII.\n\nMỤC TIÊU\n\n1.\n\nMục tiêu chung\n\n"
           "a)\n\nTổ chức tập huấn cho cán bộ.\n\n2.\n\n3. Tổ chức thực hiện\n")
    assert _paras(read_text(raw)) == ["I. MỤC ĐÍCH, YÊU CẦU", "- Nâng cao nhận thức.", "II. MỤC TIÊU", "1. Mục tiêu chung",
                           "a) Tổ chức tập huấn cho cán bộ.", "2.", "3. Tổ chức thực hiện"]


def test_line_ending_in_the_head_word_of_a_unit_goes_on_with_its_name():
    text = ("2. Giao phòng Văn hóa - Xã hội chủ trì, phối hợp với Văn phòng\n"
            "Hội; Hội Nông dân xã tham mưu tổ chức hội thi nông dân sản xuất giỏi cấp xã năm\n"
            "2026, hoàn thành trong quý III.\n")
    assert len(_paras(read_text(text))) == 1


@pytest.mark.parametrize("first, second", [
    ("công bố công khai thủ tục tại Bộ phận Một cửa, hoàn thành trong quý", "III/2026."),
    ("tổ chức hội nghị sơ kết trước ngày", "15/6/2026 tại hội trường xã."),
    ("báo cáo kết quả về Ủy ban nhân dân xã trong tháng", "10/2026."),
    ("thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030 đến năm", "2030, phấn đấu hoàn thành."),
])
def test_number_awaited_by_the_line_before_goes_on_its_paragraph(first, second):
    text = "II. NHIỆM VỤ\n1. Văn phòng UBND xã chủ trì, phối hợp với các bộ phận chuyên môn rà soát,\n" \
           f"{first}\n{second}\n2. Công chức Tư pháp thực hiện số hóa hồ sơ.\n"
    paras = _paras(read_text(text))
    assert paras[1].endswith(f"{first} {second}") and paras[2].startswith("2. Công chức"), paras


@pytest.mark.parametrize("group", ["Nhóm nhiệm vụ về chuyển đổi số", "I. NHIỆM VỤ CHUNG", "Buổi sáng (từ 7h30)"])
def test_line_without_tabs_before_a_new_series_is_a_group_row_of_a_tab_table(group):
    text = (f"Stt\tNội dung\tChủ trì\tThời gian\n{group}\n1\tXây dựng kế hoạch\tPhòng Văn hóa\tQuý I/2026\n"
            "2\tTập huấn cán bộ\tPhòng Nội vụ\tQuý II/2026\nNhóm nhiệm vụ về cải cách hành chính\n"
            "1\tRà soát thủ tục\tVăn phòng\tQuý III/2026\n")
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert rows[1] == [group] and rows[4] == ["Nhóm nhiệm vụ về cải cách hành chính"]
    assert rows[0] == ["Stt", "Nội dung", "Chủ trì", "Thời gian"] and rows[2][1] == "Xây dựng kế hoạch"


def test_line_without_tabs_inside_a_series_still_goes_on_in_its_cell():
    text = ("Stt\tNội dung\tChủ trì\tThời gian\n1\tXây dựng kế hoạch\tPhòng Văn hóa\tQuý I/2026\n"
            "2\tTập huấn cán bộ\tPhòng Nội vụ\tQuý II/2026\nvà các đoàn thể\n3\tRà soát\tVăn phòng\tQuý III/2026\n")
    rows = [[c.text for c in r] for r in _tables(read_text(text))[0].rows]
    assert len(rows) == 4 and ["và các đoàn thể"] not in rows   # a wrapped line is no group row
