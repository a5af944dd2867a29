#!/usr/bin/env python3
"""Make the PDF layout fixtures of tests/test_pdf_layout.py (Word files built here with python-docx,
printed to PDF by LibreOffice, as a plan's author would):

    .venv/bin/python tests/data/pdf/make_layout_fixtures.py

- shaded-body.pdf: a letterhead with a narrow left column and the type line "KẾ HOẠCH" centred on
  the page below it; body paragraphs whose runs carry white shading (LibreOffice paints a white
  box behind every shaded line); a landscape appendix whose page numbers restart at 1 in the
  header, with a ruled task table (index row "(1) … (5)") running over three pages, one of its
  cells shaded white too.
- unruled-table.pdf: a task table without any ruling (borderless Word table), cells wrapped over
  several lines, group rows, then body text; unruled-two-pages.pdf: the same running over a page.

Needs soffice (Debian libreoffice-writer-nogui); the PDFs are committed so the tests do not.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
from make_pdf_samples import a4_document, borderless, page_number_field, to_pdf  # noqa: E402  (shared with the samples)

FONT = "Times New Roman"

UNITS = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Công an tỉnh", "Sở Xây dựng",
         "Sở Công Thương", "Sở Giáo dục và Đào tạo", "Thanh tra tỉnh"]
DEADLINES = ["Quý II/2026", "Thường xuyên", "Hằng năm", "Trước ngày 30/9/2026",
             "Trong năm 2026", "Xong trong tháng 6/2026"]
VERBS = ["Rà soát, đánh giá việc thực hiện", "Tổ chức tuyên truyền, phổ biến",
         "Kiểm tra, giám sát chặt chẽ", "Xây dựng cơ sở dữ liệu về",
         "Hướng dẫn các tổ chức, cá nhân thực hiện", "Tham mưu sửa đổi, bổ sung quy định về"]
OBJECTS = ["quản lý tài nguyên nước trên địa bàn tỉnh", "an toàn lao động trong khai thác mỏ",
           "bảo vệ môi trường tại các khu công nghiệp", "cấp phép xây dựng nhà ở riêng lẻ",
           "thu ngân sách từ hoạt động khai thác khoáng sản", "đăng ký, đăng kiểm phương tiện thủy nội địa"]
PLACES = ["trên địa bàn các xã vùng cao", "tại các khu đô thị mới", "dọc các tuyến sông chính",
          "ở các khu, cụm công nghiệp", "trong các khu bảo tồn thiên nhiên"]


def task(k: int, long: bool = False) -> tuple:
    content = f"{VERBS[k % len(VERBS)]} {OBJECTS[(k * 5) % len(OBJECTS)]}"
    if long:
        content += (f"; đình chỉ hoạt động đối với các trường hợp không đủ điều kiện {PLACES[k % len(PLACES)]} "
                    f"và xử lý nghiêm các vi phạm về {OBJECTS[(k + 2) % len(OBJECTS)]}")
    lead = UNITS[k % len(UNITS)]
    partners = f"{UNITS[(k + 3) % len(UNITS)]}; UBND các xã, phường"
    return str(k + 1), content, lead, partners, DEADLINES[k % len(DEADLINES)]


def _document(size: float = 14) -> Document:
    return a4_document(size, line_spacing=1.0)


def _white_shading(run) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "FFFFFF")
    run._r.get_or_add_rPr().append(shd)


def _centred(doc_or_cell, text: str, bold: bool = False, size: float = 14):
    par = doc_or_cell.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    par.paragraph_format.space_after = Pt(0)
    run = par.add_run(text)
    run.bold, run.font.size = bold, Pt(size)
    return par


def _letterhead(doc, left_width: float) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    lc, rc = table.rows[0].cells
    table.columns[0].width = lc.width = Cm(left_width)
    table.columns[1].width = rc.width = Cm(16.5 - left_width)
    for cell, lines in ((lc, ["ỦY BAN NHÂN DÂN", "TỈNH MINH HẢI", "Số: 27/KH-UBND"]),
                        (rc, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                              "Minh Hải, ngày 12 tháng 3 năm 2026"])):
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
        for k, line in enumerate(lines):
            _centred(cell, line, bold=k < 2, size=13)


def _page_number_header(section) -> None:
    section.different_first_page_header_footer = True
    page_number_field(section.header.paragraphs[0])
    num = OxmlElement("w:pgNumType")
    num.set(qn("w:start"), "1")
    section._sectPr.append(num)


def _cell_text(cell, text: str, shaded: bool = False, bold: bool = False) -> None:
    par = cell.paragraphs[0]
    par.paragraph_format.space_after = Pt(0)
    run = par.add_run(text)
    run.bold = bold
    run.font.size = Pt(12)
    if shaded:
        _white_shading(run)


def shaded_body(out: Path) -> None:
    doc = _document()
    _letterhead(doc, left_width=5.5)
    doc.add_paragraph().paragraph_format.space_after = Pt(6)
    _centred(doc, "KẾ HOẠCH", bold=True)
    _centred(doc, "Tăng cường quản lý nhà nước về tài nguyên và môi trường năm 2026", bold=True)
    doc.add_paragraph()
    heading = doc.add_paragraph()
    heading.add_run("II. NHIỆM VỤ, GIẢI PHÁP").bold = True
    for k in range(24):   # three pages: the appendix's restarted numbers are far from the page count
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        par.paragraph_format.first_line_indent = Cm(1.27)
        _white_shading(par.add_run(
            f"- {VERBS[k % len(VERBS)]} {OBJECTS[k % len(OBJECTS)]}; phối hợp với các cơ quan, đơn vị liên quan kiểm tra, "
            f"giám sát việc chấp hành quy định pháp luật, kịp thời phát hiện, xử lý nghiêm các "
            f"trường hợp vi phạm về {OBJECTS[(k + 1) % len(OBJECTS)]}."))
    appendix = doc.add_section(WD_SECTION.NEW_PAGE)
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_width, appendix.page_height = Cm(29.7), Cm(21.0)
    appendix.left_margin = appendix.right_margin = Cm(2)
    appendix.header.is_linked_to_previous = False
    _page_number_header(appendix)
    _centred(doc, "Phụ lục", bold=True)
    _centred(doc, "NHIỆM VỤ TRỌNG TÂM CỦA CÁC SỞ, BAN, NGÀNH VÀ ĐỊA PHƯƠNG", bold=True)
    doc.add_paragraph()
    head = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Đơn vị phối hợp thực hiện",
            "Thời gian thực hiện", "Ghi chú"]
    widths = (1.2, 9.0, 4.0, 5.5, 3.5, 2.4)
    table = doc.add_table(rows=0, cols=6)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for c, width in enumerate(widths):
        table.columns[c].width = Cm(width)
    rows = [head, ["", "(1)", "(2)", "(3)", "(4)", "(5)"]] + [
        list(task(k, long=k % 3 == 2)) + [""] for k in range(15)]
    for r, values in enumerate(rows):
        cells = table.add_row().cells
        for c, value in enumerate(values):
            cells[c].width = Cm(widths[c])
            _cell_text(cells[c], value, shaded=(r == 8 and c == 1), bold=r == 0)
    doc.add_paragraph("Bảng trên gồm các nhiệm vụ trọng tâm của năm 2026.")
    _save(doc, out)


def unruled_table(out: Path, n: int = 7) -> None:
    doc = _document()
    _letterhead(doc, left_width=6.5)
    _centred(doc, "KẾ HOẠCH", bold=True)
    _centred(doc, "Thực hiện nhiệm vụ cải cách hành chính năm 2026", bold=True)
    doc.add_paragraph()
    heading = doc.add_paragraph()
    heading.add_run("III. PHÂN CÔNG NHIỆM VỤ").bold = True
    widths = (1.4, 6.2, 2.8, 3.1, 2.5)
    table = doc.add_table(rows=0, cols=5)
    borderless(table)
    table.autofit = False
    for c, width in enumerate(widths):
        table.columns[c].width = Cm(width)
    rows = [["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
            ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""]]
    rows += [list(task(k, long=k == 1)) for k in range(3)]
    rows += [["II", "HIỆN ĐẠI HÓA HÀNH CHÍNH", "", "", ""]]
    rows += [list(task(k, long=k % 4 == 1)) for k in range(3, n)]
    for values in rows:
        cells = table.add_row().cells
        group = values[0] in ("I", "II")
        if group:
            cells[1].merge(cells[4])
        for c, value in enumerate(values[:2] if group else values):
            cells[c].width = Cm(widths[c])
            _cell_text(cells[c], value, bold=values[0] == "STT" or group)
    doc.add_paragraph()
    par = doc.add_paragraph("Các cơ quan, đơn vị được giao nhiệm vụ chủ động triển khai thực hiện, "
                            "báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.")
    par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _save(doc, out)


def _save(doc, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / (out.stem + ".docx")
        doc.save(src)
        shutil.copy(to_pdf(src, Path(tmp)), out)
    print("wrote", out.relative_to(HERE.parents[2]))


if __name__ == "__main__":
    if not shutil.which("soffice"):
        sys.exit("soffice is needed: apt-get install libreoffice-writer-nogui")
    shaded_body(HERE / "shaded-body.pdf")
    unruled_table(HERE / "unruled-table.pdf")
    unruled_table(HERE / "unruled-two-pages.pdf", n=24)
