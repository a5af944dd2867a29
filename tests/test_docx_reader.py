"""The .docx reader on small hand-made packages: body order, runs, fields, tracked changes,
numbering from paragraphs and styles, merged cells, legacy fonts, and bad files."""
import zipfile

import pytest

from extract.errors import TooLarge, UnreadableFile
from extract.model import Paragraph, Table
from extract.readers.docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'numbering" Target="numbering.xml"/></Relationships>')


def package(path, body="", styles="", numbering="", defaults="", parts=None, document=None):
    """Write a minimal .docx with the given body XML, styles, list definitions."""
    files = {
        "[Content_Types].xml": CT,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document or f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        "word/styles.xml": (f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{defaults}'
                            f'</w:rPr></w:rPrDefault></w:docDefaults>{styles}</w:styles>'),
        "word/numbering.xml": f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>',
    }
    files.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            if data is not None:
                z.writestr(name, data)
    return str(path)


def p(*runs, ppr=""):
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"


def r(text, rpr=""):
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tc(text, tcpr=""):
    return f'<w:tc>{"<w:tcPr>" + tcpr + "</w:tcPr>" if tcpr else ""}{p(r(text)) if text is not None else p()}</w:tc>'


def tr(*cells, trpr=""):
    return f'<w:tr>{"<w:trPr>" + trpr + "</w:trPr>" if trpr else ""}{"".join(cells)}</w:tr>'


def tbl(*rows):
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


def texts(doc):
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


# --------------------------------------------------------------------------- body and runs
def test_paragraphs_and_tables_interleave_in_body_order(tmp_path):
    body = (p(r("I. MỤC ĐÍCH, YÊU CẦU")) + tbl(tr(tc("Stt"), tc("Nội dung"))) + p(r("II. NHIỆM VỤ"))
            + tbl(tr(tc("1"), tc("Tuyên truyền"))) + p(r("III. TỔ CHỨC THỰC HIỆN")))
    doc = read_docx(package(tmp_path / "a.docx", body))
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph", "Table", "Paragraph"]
    assert [b.source.paragraph for b in doc.blocks if isinstance(b, Paragraph)] == [0, 1, 2]
    assert [b.source.table for b in doc.blocks if isinstance(b, Table)] == [0, 1]
    assert doc.format == "docx"


def test_empty_paragraphs_are_counted_not_emitted(tmp_path):
    doc = read_docx(package(tmp_path / "a.docx", p() + p(r("KẾ HOẠCH")) + p(r("   ")) + p(r("Căn cứ"))))
    assert [(b.text, b.source.paragraph) for b in doc.blocks] == [("KẾ HOẠCH", 1), ("Căn cứ", 3)]


def test_soft_line_breaks_and_tabs_are_kept(tmp_path):
    body = p('<w:r><w:t>TM. ỦY BAN NHÂN DÂN</w:t><w:br/><w:t>CHỦ TỊCH</w:t></w:r>',
             '<w:r><w:t>Số:</w:t><w:tab/><w:t>45/KH-UBND</w:t></w:r>')
    doc = read_docx(package(tmp_path / "a.docx", body))
    assert doc.blocks[0].text == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCHSố:\t45/KH-UBND"


def test_deleted_tracked_text_is_left_out_and_inserted_text_kept(tmp_path):
    body = p(r("Hoàn thành trong "),
             '<w:del w:id="1" w:author="A"><w:r><w:delText>quý II/2025</w:delText></w:r></w:del>',
             '<w:ins w:id="2" w:author="A"><w:r><w:t>quý III/2025</w:t></w:r></w:ins>')
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["Hoàn thành trong quý III/2025"]


def test_moved_text_appears_once_at_its_destination(tmp_path):
    body = (p('<w:moveFrom w:id="1" w:author="A"><w:r><w:t>Sở Tài chính</w:t></w:r></w:moveFrom>', r("chủ trì"))
            + p('<w:moveTo w:id="2" w:author="A"><w:r><w:t>Sở Tài chính </w:t></w:r></w:moveTo>', r("phối hợp")))
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["chủ trì", "Sở Tài chính phối hợp"]


def test_fields_show_their_result_not_the_instruction(tmp_path):
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "dd/MM/yyyy" '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>15/3/2025</w:t>'
             '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    simple = '<w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple>'
    body = p(r("Thạch Lâm, ngày "), field) + p(r("Trang "), simple)
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["Thạch Lâm, ngày 15/3/2025", "Trang 3"]


def test_nested_fields_show_the_outer_result(tmp_path):
    inner = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    outer = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>' + inner
             + '<w:r><w:instrText> = 2 "a" "b"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
             '</w:r><w:r><w:t>kết quả</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    assert texts(read_docx(package(tmp_path / "a.docx", p(outer)))) == ["kết quả"]


def test_hyperlinks_and_content_controls_keep_their_text(tmp_path):
    body = (p(r("Xem "), '<w:hyperlink r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships">' + r("Cổng thông tin") + "</w:hyperlink>")
            + '<w:sdt><w:sdtContent>' + p(r("Nội dung trong khung")) + '</w:sdtContent></w:sdt>')
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["Xem Cổng thông tin", "Nội dung trong khung"]


def test_hidden_text_is_left_out_and_all_caps_applied(tmp_path):
    body = p(r("Mục tiêu", "<w:caps/>"), r(" ghi chú ẩn", "<w:vanish/>"), r(" chung", "<w:caps/>"))
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["MỤC TIÊU CHUNG"]


def test_output_is_nfc(tmp_path):
    decomposed = "Ke\u0302\u0301 hoa\u0323ch"
    doc = read_docx(package(tmp_path / "a.docx", p(r(decomposed))))
    assert doc.blocks[0].text == "Kế hoạch"


def test_bold_and_size_signals(tmp_path):
    body = p(r("II. NHIỆM VỤ", "<w:b/><w:sz w:val=\"28\"/>")) + p(r("Nội dung: ", "<w:b/>"), r("thường"))
    doc = read_docx(package(tmp_path / "a.docx", body))
    assert (doc.blocks[0].bold, doc.blocks[0].size) == (True, 14.0)
    assert doc.blocks[1].bold is False


def test_text_boxes_are_read_after_their_anchor(tmp_path):
    box = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>' + p(r("Số: 12/KH-UBND"))
           + '</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>'
           + p(r("Số: 12/KH-UBND")) + '</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    doc = read_docx(package(tmp_path / "a.docx", p(r("ỦY BAN NHÂN DÂN"), box) + p(r("KẾ HOẠCH"))))
    assert texts(doc) == ["ỦY BAN NHÂN DÂN", "Số: 12/KH-UBND", "KẾ HOẠCH"]


# --------------------------------------------------------------------------- numbering in the body
ABSTRACT = ('<w:abstractNum w:abstractNumId="1">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:pStyle w:val="Muc1"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Muc2"/>'
            '<w:lvlText w:val="%2."/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
            '</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>')


def numbered(text, ilvl, num_id="7"):
    return p(r(text), ppr=f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_heading_numbers_that_exist_only_in_numbering_become_labels(tmp_path):
    body = (numbered("MỤC ĐÍCH, YÊU CẦU", 0) + numbered("Mục đích", 1) + numbered("Yêu cầu", 1)
            + numbered("NHIỆM VỤ", 0) + numbered("Tuyên truyền", 1) + numbered("Hội nghị", 2))
    doc = read_docx(package(tmp_path / "a.docx", body, numbering=ABSTRACT))
    got = [(b.label, b.level, b.text) for b in doc.blocks]
    assert got == [("I.", 0, "MỤC ĐÍCH, YÊU CẦU"), ("1.", 1, "Mục đích"), ("2.", 1, "Yêu cầu"),
                   ("II.", 0, "NHIỆM VỤ"), ("1.", 1, "Tuyên truyền"), ("a)", 2, "Hội nghị")]


def test_numbering_from_the_paragraph_style_and_its_based_on_chain(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="KH Muc 1"/><w:pPr><w:numPr>'
              '<w:numId w:val="7"/></w:numPr></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Muc1Dam"><w:name w:val="KH Muc 1 dam"/>'
              '<w:basedOn w:val="Muc1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Muc2"><w:name w:val="KH Muc 2"/><w:pPr><w:numPr>'
              '<w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    body = (p(r("MỤC TIÊU"), ppr='<w:pStyle w:val="Muc1"/>') + p(r("Mục tiêu chung"), ppr='<w:pStyle w:val="Muc2"/>')
            + p(r("NHIỆM VỤ"), ppr='<w:pStyle w:val="Muc1Dam"/>') + p(r("Chuyển đổi số"), ppr='<w:pStyle w:val="Muc2"/>'))
    doc = read_docx(package(tmp_path / "a.docx", body, styles=styles, numbering=ABSTRACT))
    assert [(b.label, b.level, b.text, b.bold) for b in doc.blocks] == [
        ("I.", 0, "MỤC TIÊU", True), ("1.", 1, "Mục tiêu chung", False),
        ("II.", 0, "NHIỆM VỤ", True), ("1.", 1, "Chuyển đổi số", False)]
    assert doc.blocks[0].style == "KH Muc 1"


def test_num_id_zero_removes_style_numbering(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="KH Muc 1"/><w:pPr><w:numPr>'
              '<w:numId w:val="7"/></w:numPr></w:pPr></w:style>')
    body = (p(r("MỤC TIÊU"), ppr='<w:pStyle w:val="Muc1"/>')
            + p(r("Không đánh số"), ppr='<w:pStyle w:val="Muc1"/><w:numPr><w:numId w:val="0"/></w:numPr>')
            + p(r("NHIỆM VỤ"), ppr='<w:pStyle w:val="Muc1"/>'))
    doc = read_docx(package(tmp_path / "a.docx", body, styles=styles, numbering=ABSTRACT))
    assert [b.label for b in doc.blocks] == ["I.", None, "II."]


def test_outline_level_of_a_heading_style_without_numbering(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/>'
              '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>')
    doc = read_docx(package(tmp_path / "a.docx", p(r("1. Mục đích"), ppr='<w:pStyle w:val="Heading2"/>'),
                            styles=styles))
    assert (doc.blocks[0].label, doc.blocks[0].level, doc.blocks[0].text) == (None, 1, "1. Mục đích")


def test_auto_numbered_stt_cells_get_their_numbers(tmp_path):
    stt = ('<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
           '<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/>'
           '</w:lvlOverride></w:num>')

    def row(content, num_id):
        cell = f'<w:tc>{numbered("", 0, num_id)}</w:tc>'
        return tr(cell, tc(content))
    body = tbl(tr(tc("Stt"), tc("Nội dung")), tr(tc("A"), tc("NHẬN THỨC SỐ")), row("Tuyên truyền", "3"),
               row("Hội nghị", "3"), tr(tc("B"), tc("CHÍNH QUYỀN SỐ")), row("Số hóa hồ sơ", "4"))
    doc = read_docx(package(tmp_path / "a.docx", body, numbering=stt))
    assert [[c.text for c in row] for row in doc.blocks[0].rows] == [
        ["Stt", "Nội dung"], ["A", "NHẬN THỨC SỐ"], ["1", "Tuyên truyền"], ["2", "Hội nghị"],
        ["B", "CHÍNH QUYỀN SỐ"], ["1", "Số hóa hồ sơ"]]


def test_a_labelled_cell_paragraph_keeps_label_and_text(tmp_path):
    bullets = ('<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
               '<w:lvlText w:val="-"/></w:lvl></w:abstractNum><w:num w:numId="9"><w:abstractNumId w:val="5"/></w:num>')
    cell = f'<w:tc>{numbered("Sở Tài chính;", 0, "9")}{numbered("Sở Nội vụ.", 0, "9")}</w:tc>'
    doc = read_docx(package(tmp_path / "a.docx", tbl(tr(tc("Phối hợp"), cell), tr(tc("x"), tc("y"))),
                            numbering=bullets))
    assert doc.blocks[0].rows[0][1].text == "- Sở Tài chính;\n- Sở Nội vụ."


# --------------------------------------------------------------------------- tables
def test_group_row_spanning_all_columns_keeps_its_span(tmp_path):
    body = tbl(tr(tc("Stt"), tc("Nội dung"), tc("Chủ trì")),
               tr(tc("A"), tc("NHẬN THỨC SỐ", '<w:gridSpan w:val="2"/>')),
               tr(tc("C. XÃ HỘI SỐ", '<w:gridSpan w:val="3"/>')))
    rows = read_docx(package(tmp_path / "a.docx", body)).blocks[0].rows
    assert [(c.text, c.span) for c in rows[1]] == [("A", 1), ("NHẬN THỨC SỐ", 2)]
    assert [(c.text, c.span) for c in rows[2]] == [("C. XÃ HỘI SỐ", 3)]


def test_vertically_merged_lead_gives_its_text_to_each_row(tmp_path):
    body = tbl(tr(tc("1"), tc("Rà soát thủ tục"), tc("Công chức Tư pháp - Hộ tịch", '<w:vMerge w:val="restart"/>')),
               tr(tc("2"), tc("Hướng dẫn nộp hồ sơ"), tc(None, "<w:vMerge/>")),
               tr(tc("3"), tc("Số hóa hồ sơ"), tc(None, '<w:vMerge w:val="continue"/>')),
               tr(tc("4"), tc("Hội nghị"), tc("Văn phòng")))
    rows = read_docx(package(tmp_path / "a.docx", body)).blocks[0].rows
    assert [(row[2].text, row[2].merged) for row in rows] == [
        ("Công chức Tư pháp - Hộ tịch", False), ("Công chức Tư pháp - Hộ tịch", True),
        ("Công chức Tư pháp - Hộ tịch", True), ("Văn phòng", False)]
    assert rows[2][2].source.row == 2 and rows[2][2].source.cell == 2


def test_vmerge_follows_grid_columns_after_a_span(tmp_path):
    body = tbl(tr(tc("A", '<w:gridSpan w:val="2"/>'), tc("Phòng Nội vụ", '<w:vMerge w:val="restart"/>')),
               tr(tc("1"), tc("Kiện toàn"), tc(None, "<w:vMerge/>")))
    rows = read_docx(package(tmp_path / "a.docx", body)).blocks[0].rows
    assert rows[1][2].text == "Phòng Nội vụ" and rows[1][2].merged


def test_header_rows_marked_to_repeat_are_counted(tmp_path):
    body = tbl(tr(tc("Stt"), tc("Nội dung"), trpr="<w:tblHeader/>"), tr(tc(""), tc("Chủ trì"), trpr="<w:tblHeader/>"),
               tr(tc("(1)"), tc("(2)")), tr(tc("1"), tc("Tuyên truyền"), trpr='<w:tblHeader w:val="0"/>'))
    assert read_docx(package(tmp_path / "a.docx", body)).blocks[0].header_rows == 2


def test_cell_paragraphs_are_joined_with_newlines(tmp_path):
    cell = "<w:tc>" + p(r("Nơi nhận:")) + p() + p(r("- Như trên;")) + p(r("- Lưu: VT.")) + "</w:tc>"
    doc = read_docx(package(tmp_path / "a.docx", tbl(tr(cell, tc("TM. ỦY BAN NHÂN DÂN")))))
    assert doc.blocks[0].rows[0][0].text == "Nơi nhận:\n- Như trên;\n- Lưu: VT."


def test_nested_table_is_flattened_into_its_cell(tmp_path):
    inner = tbl(tr(tc("Quý I"), tc("Quý II")), tr(tc("10%"), tc("20%")))
    body = tbl(tr(tc("Tiến độ"), "<w:tc>" + p(r("Theo quý:")) + inner + "</w:tc>"))
    doc = read_docx(package(tmp_path / "a.docx", body))
    assert len(doc.blocks) == 1
    assert doc.blocks[0].rows[0][1].text == "Theo quý:\nQuý I\tQuý II\n10%\t20%"


def test_one_cell_frame_table_is_read_as_paragraphs(tmp_path):
    body = tbl(tr("<w:tc>" + p(r("Ghi chú: ")) + p(r("Các đơn vị báo cáo trước ngày 15/12.")) + "</w:tc>"))
    doc = read_docx(package(tmp_path / "a.docx", body))
    assert texts(doc) == ["Ghi chú:", "Các đơn vị báo cáo trước ngày 15/12."]
    assert doc.blocks[0].source.table == 0


def test_deleted_table_row_is_left_out(tmp_path):
    body = tbl(tr(tc("1"), tc("Giữ")), tr(tc("2"), tc("Xóa"), trpr='<w:del w:id="3" w:author="A"/>'))
    assert len(read_docx(package(tmp_path / "a.docx", body)).blocks[0].rows) == 1


# --------------------------------------------------------------------------- legacy fonts
legacy = pytest.importorskip("extract.text.legacy")


def test_tcvn3_runs_are_converted_and_unicode_runs_left_alone(tmp_path):
    body = p(r("Kª ho¹ch ", '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'),
             r("chuyển đổi số", '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'))
    doc = read_docx(package(tmp_path / "a.docx", body))
    assert doc.blocks[0].text == "Kê hoạch chuyển đổi số"
    assert doc.normalization and doc.normalization[0]["step"] == "legacy_font"


def test_tcvn3_capital_font_draws_capitals(tmp_path):
    body = p(r("kÕ ho¹ch", '<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>'))
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["KẾ HOẠCH"]


def test_legacy_font_from_style_and_from_document_defaults(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="Tieude"><w:name w:val="Tieu de"/>'
              '<w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/></w:rPr></w:style>')
    body = p(r("nhiÖm vô"), ppr='<w:pStyle w:val="Tieude"/>') + p(r("Tæ chøc thùc hiÖn"))
    doc = read_docx(package(tmp_path / "a.docx", body, styles=styles,
                            defaults='<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'))
    assert texts(doc) == ["NHIỆM VỤ", "Tổ chức thực hiện"]


def test_theme_font_run_is_not_converted(tmp_path):
    body = p(r("Tæng", '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>'))
    doc = read_docx(package(tmp_path / "a.docx", body, defaults='<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'))
    assert texts(doc) == ["Tæng"]


def test_vni_letters_split_over_runs_are_joined_before_converting(tmp_path):
    font = '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>'
    body = p(r("Keá hoa", font), r("ïch", font))
    assert texts(read_docx(package(tmp_path / "a.docx", body))) == ["Kế hoạch"]


def test_legacy_conversion_can_be_switched_off(tmp_path):
    body = p(r("Kª ho¹ch", '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'))
    assert texts(read_docx(package(tmp_path / "a.docx", body), legacy_fonts=False)) == ["Kª ho¹ch"]


# --------------------------------------------------------------------------- bad files
def test_not_a_zip(tmp_path):
    path = tmp_path / "ke-hoach.docx"
    path.write_text("Kế hoạch số 12/KH-UBND", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="ke-hoach.docx: not a valid .docx"):
        read_docx(str(path))


def test_truncated_zip(tmp_path):
    good = package(tmp_path / "good.docx", p(r("KẾ HOẠCH")))
    data = open(good, "rb").read()
    bad = tmp_path / "bad.docx"
    bad.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="bad.docx"):
        read_docx(str(bad))


def test_corrupt_part_data(tmp_path):
    good = package(tmp_path / "good.docx", p(r("KẾ HOẠCH " * 200)))
    data = bytearray(open(good, "rb").read())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    bad = tmp_path / "bad.docx"
    bad.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile, match="bad.docx"):
        read_docx(str(bad))


def test_missing_document_part(tmp_path):
    path = package(tmp_path / "empty.docx", parts={"word/document.xml": None})
    with pytest.raises(UnreadableFile, match="no Word document part"):
        read_docx(path)


def test_missing_file_and_empty_file(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot open"):
        read_docx(str(tmp_path / "khong-co.docx"))
    (tmp_path / "rong.docx").write_bytes(b"")
    with pytest.raises(UnreadableFile, match="empty"):
        read_docx(str(tmp_path / "rong.docx"))


def test_encrypted_or_old_word_file(tmp_path):
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(UnreadableFile, match="password-protected"):
        read_docx(str(path))


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE w:document SYSTEM "http://example.invalid/evil.dtd">',
])
def test_dtd_and_external_entities_are_refused(tmp_path, doctype):
    document = (f'<?xml version="1.0"?>{doctype}<w:document xmlns:w="{W}"><w:body>'
                f'{p(r("&xxe;" if "xxe" in doctype else "KẾ HOẠCH"))}</w:body></w:document>')
    with pytest.raises(UnreadableFile, match="DTD"):
        read_docx(package(tmp_path / "xxe.docx", document=document))


def test_zip_bomb_is_refused(tmp_path):
    big = p(r("a" * 1000)) * 8000   # ~8 MB of XML that compresses ~1000 times
    path = package(tmp_path / "bom.docx", big)
    with pytest.raises(TooLarge, match="zip bomb"):
        read_docx(path)
    with pytest.raises(TooLarge, match="limit"):
        read_docx(path, max_bytes=1_000_000, max_ratio=10_000)


def test_size_limits_are_options(tmp_path):
    path = package(tmp_path / "ok.docx", p(r("a" * 1000)) * 3000)
    assert read_docx(path, max_ratio=100_000).blocks


def test_not_wordprocessingml(tmp_path):
    document = '<x:doc xmlns:x="urn:other"><x:body/></x:doc>'
    with pytest.raises(UnreadableFile, match="not a WordprocessingML"):
        read_docx(package(tmp_path / "x.docx", document=document))


def test_strict_ooxml_namespace_is_read(tmp_path):
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    document = (f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>'
                f'</w:body></w:document>')
    assert texts(read_docx(package(tmp_path / "s.docx", document=document))) == ["KẾ HOẠCH"]


def test_read_dispatches_docx(tmp_path):
    from extract.readers import read
    doc = read(package(tmp_path / "a.docx", p(r("KẾ HOẠCH"))))
    assert texts(doc) == ["KẾ HOẠCH"]



# --------------------------------------------------------------------------- never a traceback
def test_odd_but_well_formed_values_do_not_crash(tmp_path):
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="x"><w:start w:val="abc"/>'
                 '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%9.%1."/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0">'
                 '<w:startOverride w:val="z"/></w:lvlOverride></w:num><w:num w:numId="3"><w:abstractNumId w:val="404"/></w:num>')
    body = (p(r("Một"), ppr='<w:numPr><w:ilvl w:val="-1"/><w:numId w:val="2"/></w:numPr>')
            + p(r("Hai"), ppr='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>')
            + p(r("Ba"), ppr='<w:numPr><w:numId w:val="2"/></w:numPr><w:pStyle w:val="KhongCo"/>')
            + p('<w:r><w:sym w:char="zz"/><w:fldChar w:fldCharType="end"/><w:t>Bốn</w:t></w:r>')
            + tbl(tr(tc(None, "<w:vMerge/>"), tc("x", '<w:gridSpan w:val="abc"/>'), trpr='<w:gridBefore w:val="q"/>'),
                  tr(tc("y", '<w:hMerge/>'), tc("z", '<w:hMerge w:val="continue"/>'))))
    doc = read_docx(package(tmp_path / "odd.docx", body, numbering=numbering))
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["Một", "Hai", "Ba", "Bốn"]
    assert doc.blocks[2].label.endswith("1.")   # "%9" names no level: nothing shown for it
    rows = doc.blocks[-1].rows
    assert [(c.text, c.span) for c in rows[1]] == [("y", 2)]


def test_damaged_packages_give_the_tools_error_or_a_document(tmp_path):
    import random
    good = open(package(tmp_path / "good.docx", (p(r("I. MỤC ĐÍCH")) + tbl(tr(tc("1"), tc("Tuyên truyền")))) * 20),
                "rb").read()
    rnd = random.Random(20250312)
    for k in range(60):
        data = bytearray(good)
        for _ in range(rnd.randint(1, 8)):
            data[rnd.randrange(len(data))] = rnd.randrange(256)
        path = tmp_path / f"hong-{k}.docx"
        path.write_bytes(bytes(data))
        try:
            read_docx(str(path))
        except UnreadableFile as exc:
            assert f"hong-{k}.docx" in str(exc)


def test_zip_entry_of_an_unsupported_zip_version_is_a_clear_error(tmp_path):
    """Regression: a damaged central directory can claim a zip version Python cannot read; that is
    a damaged file (UnreadableFile), not a NotImplementedError."""
    import io
    import zipfile as _zf

    from extract.errors import UnreadableFile
    from extract.readers.docx import read_docx

    buf = io.BytesIO()
    with _zf.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    data = bytearray(buf.getvalue())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 6] = 64  # "version needed to extract" 6.4
    p = tmp_path / "v64.docx"
    p.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile):
        read_docx(str(p))
