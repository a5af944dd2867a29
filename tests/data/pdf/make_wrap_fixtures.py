#!/usr/bin/env python3
"""Make the PDF layout fixtures of tests/test_pdf_wraps.py: Word files built here with python-docx
and printed to PDF by LibreOffice, as a plan's author would. Both files are committed (the tests
compare the PDF with the Word file it was printed from and do not need soffice):

    .venv/bin/python tests/data/pdf/make_wrap_fixtures.py

- hyphen-wraps: justified paragraphs citing symbols ("…/2024/NĐ-CP", "…/KH-UBND") and ranges
  ("10 - 11/2025") at many line positions, so that some wrap after their "-" (PDFium marks such a
  hyphen U+FFFE) or after the "/".
- narrow-letterhead: a letterhead in narrow cells (the motto, the date and the symbol wrap; the two
  sides' lines sit on different baselines), headings on consecutive lines at the same indent,
  items whose first sentence ends at a line end before their "Giao …" sentence, recipients beside
  the signer in a smaller font.
- signature-over-pages: the signature block cut by the page break, then an appendix whose centred
  heading opens the next page after the signer's name.
- cell-lines: a ruled task table whose cells hold one unit per line and a deadline on its own line.

Needs soffice (Debian libreoffice-writer-nogui).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
from make_pdf_samples import a4_document, borderless, to_pdf  # noqa: E402  (shared with the samples)

FONT = "Times New Roman"
OUT = HERE / "wraps"


def _document(size: float = 14) -> Document:
    return a4_document(size, line_spacing=1.0)


def _par(container, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None,
         align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: float | None = 1.0, after: float = 6):
    par = container.add_paragraph()
    par.alignment = align
    if indent is not None:
        par.paragraph_format.first_line_indent = Cm(indent)
    par.paragraph_format.space_after = Pt(after)
    for k, part in enumerate(text.split("**")):
        if part:
            run = par.add_run(part)
            run.bold = bold or k % 2 == 1
            run.italic = italic
            if size:
                run.font.size = Pt(size)
    return par


def _cell(cell, lines: list, size: float = 13, bold_caps: bool = True) -> None:
    cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    for line in lines:
        _par(cell, line, bold=bold_caps and line.isupper(), italic=", ngày" in line, size=size,
             align=WD_ALIGN_PARAGRAPH.CENTER, indent=None, after=0)


def _two_cells(doc, widths: tuple, left: list, right: list, left_size: float = 13,
               left_align=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    lc, rc = table.rows[0].cells
    table.columns[0].width = lc.width = Cm(widths[0])
    table.columns[1].width = rc.width = Cm(widths[1])
    _cell(lc, left, size=left_size)
    if left_align != WD_ALIGN_PARAGRAPH.CENTER:
        for p in lc.paragraphs:
            p.alignment = left_align
    _cell(rc, right)


def _letterhead(doc, left: list, right: list, widths=(6.5, 9.5)) -> None:
    _two_cells(doc, widths, left, right)


def _title(doc, kind: str, title: str) -> None:
    _par(doc, kind, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=None, after=0)
    _par(doc, title, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=None)


def _signature(doc, recipients: list, signer: list) -> None:
    _two_cells(doc, (7.5, 8.5), recipients, signer, left_size=11, left_align=WD_ALIGN_PARAGRAPH.LEFT)


# ----------------------------------------------------------------------------- documents
FILLERS = ["", "cụ thể ", "trên địa bàn ", "một cách đồng bộ ", "kịp thời, hiệu quả ",
           "theo đúng quy định hiện hành ", "của các cơ quan, đơn vị ", "ở tất cả các cấp, các ngành "]
SYMBOLS = ["NĐ-CP", "KH-UBND", "QĐ-UBND", "NQ-HĐND", "TB-VPUBND", "KH-BCĐ", "HD-STP", "CV-UBND"]


def hyphen_wraps(out: Path) -> None:
    doc = _document()
    _letterhead(doc, ["ỦY BAN NHÂN DÂN", "HUYỆN ĐẠI LỘC", "Số: 142/KH-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Đại Lộc, ngày 18 tháng 4 năm 2025"])
    _title(doc, "KẾ HOẠCH", "Triển khai các văn bản quy phạm pháp luật mới năm 2025")
    _par(doc, "I. NỘI DUNG THỰC HIỆN", bold=True, indent=None)
    for k in range(24):
        sym = SYMBOLS[k % len(SYMBOLS)]
        filler = FILLERS[k % len(FILLERS)] + FILLERS[(k * 3) % len(FILLERS)]
        sym2, sym3 = SYMBOLS[(k + 2) % len(SYMBOLS)], SYMBOLS[(k + 4) % len(SYMBOLS)]
        _par(doc, f"{k + 1}. Tổ chức quán triệt {filler}và triển khai thực hiện văn bản số "
                  f"{10 + 7 * k}/20{20 + k % 6}/{sym} ngày {1 + k % 28}/{1 + k % 12}/2024 của cơ quan "
                  f"có thẩm quyền, văn bản số {3 + k}/{sym2} và số {40 + 3 * k}/20{21 + k % 4}/{sym3}; "
                  f"thời gian tập huấn dự kiến từ ngày {10 + k % 9} - {20 + k % 9}/{1 + k % 12}/2025.")
    _par(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True, indent=None)
    _par(doc, "Phòng Tư pháp chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo "
              "Ủy ban nhân dân huyện trước ngày 15/12/2025./.")
    _signature(doc, ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các phòng, ban;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Phan Văn Lực"])
    _save(doc, out)


def narrow_letterhead(out: Path) -> None:
    doc = _document()
    _letterhead(doc, ["ỦY BAN NHÂN DÂN", "XÃ HÒA PHƯỚC", "Số: 1058/KH-BCĐCĐS-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Hòa Phước, ngày 05 tháng 11 năm 2025"], widths=(4.6, 6.4))
    _title(doc, "KẾ HOẠCH", "Phát triển kinh tế tập thể trên địa bàn xã năm 2026")
    _par(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True, indent=None)
    _par(doc, "Nâng cao hiệu quả hoạt động của các hợp tác xã, tổ hợp tác; phấn đấu đến cuối năm "
              "2026 có ít nhất 05 hợp tác xã hoạt động hiệu quả.")
    _par(doc, "II. NHIỆM VỤ, GIẢI PHÁP", bold=True, indent=None)
    _par(doc, "1. Nhiệm vụ trọng tâm", bold=True, after=0)
    _par(doc, "1.1. Về củng cố tổ chức", bold=True, after=0)
    _par(doc, "Rà soát, phân loại các hợp tác xã; giải thể các hợp tác xã ngừng hoạt động kéo dài.")
    _par(doc, "2. Giải pháp", bold=True, after=0)
    _par(doc, "2.1. Về vốn và tín dụng", bold=True, after=0)
    units = ["Văn phòng HĐND và UBND xã", "Công chức Tài chính - Kế toán", "Công chức Địa chính - Xây dựng",
             "Hội Nông dân xã", "Công chức Văn hóa - Xã hội"]
    heads = ["Hỗ trợ", "Tổ chức hướng dẫn", "Vận động", "Kết nối", "Thẩm định"]
    objs = ["hợp tác xã tiếp cận nguồn vốn vay ưu đãi của Quỹ hỗ trợ phát triển hợp tác xã",
            "thành viên góp vốn, mở rộng quy mô sản xuất", "các tổ hợp tác chuyển đổi thành hợp tác xã",
            "doanh nghiệp với hợp tác xã trong tiêu thụ sản phẩm nông nghiệp",
            "phương án sản xuất, kinh doanh của các hợp tác xã đề nghị hỗ trợ"]
    # the first sentence grows by a word from item to item, so that its end sweeps the line
    words = ("gắn với việc nâng cao thu nhập cho thành viên và người lao động ở địa phương, "
             "bảo đảm bền vững lâu dài").split()
    for k in range(20):
        letter = "abcdeghiklmnopqrstu"[k % 19]
        lead = " ".join([heads[k % 5], objs[k % 5]] + words[:k % 20])
        _par(doc, f"{letter}) {lead} hoàn thành trong quý {['I', 'II', 'III', 'IV'][k % 4]}/2026. "
                  f"Giao {units[k % 5]} chủ trì thực hiện.")
    _par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True, indent=None)
    _par(doc, "Các bộ phận, đơn vị căn cứ nhiệm vụ được giao tổ chức thực hiện, báo cáo kết quả về "
              "Ủy ban nhân dân xã trước ngày 10/12/2026./.")
    _signature(doc, ["Nơi nhận:", "- UBND huyện (b/c);", "- TT Đảng ủy, HĐND xã;",
                     "- Các ban, ngành, đoàn thể xã;", "- Các hợp tác xã;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Lê Thị Hồng Nhung"])
    _save(doc, out)


def signature_over_pages(out: Path, fill: int = 10) -> None:
    doc = _document()
    _letterhead(doc, ["ĐẢNG BỘ HUYỆN NAM GIANG", "ĐẢNG ỦY XÃ TÀ BHING", "*", "Số: 57-KH/ĐU"],
                ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Tà Bhing, ngày 12 tháng 3 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Tổ chức các hoạt động kỷ niệm ngày thành lập Đảng bộ xã")
    _par(doc, "I. NỘI DUNG", bold=True, indent=None)
    acts = ["Tổ chức gặp mặt các đồng chí nguyên là lãnh đạo xã qua các thời kỳ",
            "Phát động đợt thi đua lập thành tích chào mừng kỷ niệm",
            "Tuyên truyền trên hệ thống truyền thanh của xã về lịch sử Đảng bộ",
            "Trao tặng Huy hiệu Đảng cho các đảng viên đủ tuổi Đảng",
            "Tổ chức giải bóng đá thanh niên và hội diễn văn nghệ quần chúng"]
    for k in range(fill):
        _par(doc, f"{k + 1}. {acts[k % 5]}; các chi bộ chủ động lựa chọn hình thức phù hợp, bảo đảm "
                  f"trang trọng, tiết kiệm và thiết thực.")
    _par(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True, indent=None)
    _par(doc, "Văn phòng Đảng ủy chủ trì, phối hợp với các ban, ngành theo dõi, đôn đốc việc thực hiện "
              "Kế hoạch này./.")
    _signature(doc, ["Nơi nhận:", "- Ban Thường vụ Huyện ủy (b/c);", "- Các đồng chí Đảng ủy viên;",
                     "- Các chi bộ trực thuộc;", "- Lưu Văn phòng Đảng ủy."],
               ["T/M ĐẢNG ỦY", "BÍ THƯ", "", "", "", "Hồ Văn Brăng"])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _par(doc, "PHỤ LỤC", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=None, after=0)
    _par(doc, "Chương trình gặp mặt kỷ niệm", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=None)
    _par(doc, "Buổi sáng: đón tiếp đại biểu, văn nghệ chào mừng, diễn văn kỷ niệm.")
    _save(doc, out)


def cell_lines(out: Path) -> None:
    doc = _document()
    _letterhead(doc, ["ỦY BAN NHÂN DÂN", "TỈNH KIÊN LONG", "Số: 233/KH-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Kiên Long, ngày 20 tháng 5 năm 2026"])
    _title(doc, "KẾ HOẠCH", "Thực hiện chương trình chuyển đổi số năm 2026")
    _par(doc, "I. NHIỆM VỤ CỤ THỂ", bold=True, indent=None)
    widths = (1.2, 5.2, 3.4, 4.2, 2.5)
    table = doc.add_table(rows=0, cols=5)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for c, w in enumerate(widths):
        table.columns[c].width = Cm(w)
    rows = [
        ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["1", "Xây dựng kho dữ liệu dùng chung của tỉnh", "Sở Khoa học và Công nghệ",
         "Sở Tài chính\nSở Nội vụ\nVăn phòng UBND tỉnh", "Quý III/2026"],
        ["2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Văn phòng UBND tỉnh",
         "Các sở\nUBND cấp xã", "Thường xuyên\nBáo cáo trước 15/12/2026"],
        ["3", "Đào tạo kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ",
         "Sở Khoa học và Công nghệ\nTrường Chính trị tỉnh", "Tháng 9/2026"],
        ["4", "Triển khai nền tảng họp trực tuyến đến cấp xã", "Sở Khoa học và Công nghệ",
         "Viễn thông\nUBND cấp xã", "30/6/2026"],
    ]
    for r, values in enumerate(rows):
        cells = table.add_row().cells
        for c, value in enumerate(values):
            cells[c].width = Cm(widths[c])
            cells[c].paragraphs[0]._p.getparent().remove(cells[c].paragraphs[0]._p)
            for line in value.split("\n"):
                _par(cells[c], line, bold=r == 0, size=12, align=WD_ALIGN_PARAGRAPH.LEFT if c == 1
                     else WD_ALIGN_PARAGRAPH.CENTER, indent=None, after=0)
    _par(doc, "")
    _par(doc, "Các cơ quan được giao nhiệm vụ chủ động triển khai, báo cáo kết quả về Sở Khoa học và "
              "Công nghệ trước ngày 20/12/2026./.")
    _save(doc, out)


def _save(doc, out: Path) -> None:
    OUT.mkdir(exist_ok=True)
    docx = out.with_suffix(".docx")
    doc.save(docx)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(to_pdf(docx, Path(tmp)), out.with_suffix(".pdf"))
    print("wrote", out, "(.docx, .pdf)")


if __name__ == "__main__":
    if not shutil.which("soffice"):
        sys.exit("soffice is needed: apt-get install libreoffice-writer-nogui")
    which = sys.argv[1:]
    for name, make in (("hyphen-wraps", hyphen_wraps), ("narrow-letterhead", narrow_letterhead),
                       ("signature-over-pages", signature_over_pages), ("cell-lines", cell_lines)):
        if not which or name in which:
            make(OUT / name)
