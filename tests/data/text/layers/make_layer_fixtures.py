#!/usr/bin/env python3
"""Make the PDF-text-layer fixtures of tests/test_text_layer_tables.py: small invented plans whose task
tables are built here with python-docx, printed to PDF by LibreOffice, and read back as users paste
or scrape them. Only the text files are committed (the tests need neither soffice nor poppler):

    .venv/bin/python tests/data/text/layers/make_layer_fixtures.py

For every plan NAME this writes
  NAME.pdftotext.txt   `pdftotext` (reading order: each cell a block of lines, blank lines between
                       blocks; cells of one row may come out interleaved line by line)
  NAME.plumber.txt     pdfplumber's `page.extract_text()` (one line per printed line: the fragments
                       of every column that share a baseline glued on one line)
  NAME.layout.txt      `pdftotext -layout` (columns kept apart by runs of spaces)

Plans (all text invented):
- programme: a three-day programme, the hours column first ("Thời gian" wraps in its narrow
  header cell), session rows spanning the table, content cells of one to four lines, a person or a
  unit in charge.
- centred-four: Stt / Nội dung / Trách nhiệm / Thời gian thực hiện, cells centred vertically (the
  Stt, the unit and the date stand beside the middle of a tall content cell), dates of several
  lines ("Từ 14 giờ 00 - 16 giờ 30 ngày 12 tháng 5").
- top-five: Stt / Nội dung công việc / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn
  thành, cells at the top, content of three to six lines, the partners cell sometimes empty.
- six-columns: Stt / Nhiệm vụ / Đơn vị chủ trì / Đơn vị phối hợp / Thời hạn / Ghi chú, group rows
  ("I. …") between the rows, short unit names, deadlines such as "Quý III/2026".

Needs soffice (Debian libreoffice-writer-nogui), pdftotext (poppler-utils) and pdfplumber.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3] / "scripts"))
from make_pdf_samples import a4_document, to_pdf  # noqa: E402  (shared with the samples)


def _par(doc, text: str, *, bold: bool = False, center: bool = False, size: float = 13) -> None:
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    run = par.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def _head(doc, issuer: list, number: str, place_date: str, title: str) -> None:
    for line in issuer:
        _par(doc, line, bold=True, center=True)
    _par(doc, f"Số: {number}", center=True)
    _par(doc, place_date, center=True)
    _par(doc, "KẾ HOẠCH", bold=True, center=True, size=14)
    _par(doc, title, bold=True, center=True, size=14)


def _table(doc, header: list, rows: list, widths: tuple, centred: bool = False) -> None:
    """A ruled table; a row given as a plain string is a group row spanning all columns."""
    ncols = len(header)
    table = doc.add_table(rows=0, cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for c in range(ncols):
        table.columns[c].width = Cm(widths[c])
    for r, row in enumerate([header] + rows):
        cells = table.add_row().cells
        for c in range(ncols):
            cells[c].width = Cm(widths[c])
        if isinstance(row, str):
            cells[0].merge(cells[-1])
            cells = [cells[0]]
            row = [row]
        for c, text in enumerate(row):
            cells[c].vertical_alignment = (WD_CELL_VERTICAL_ALIGNMENT.CENTER if centred or r == 0
                                           else WD_CELL_VERTICAL_ALIGNMENT.TOP)
            par = cells[c].paragraphs[0]
            par.paragraph_format.space_after = Pt(0)
            if r == 0 or len(row) == 1 or c == 0:
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = par.add_run(text)
            run.bold = r == 0 or len(row) == 1
            run.font.size = Pt(13)
    hdr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    hdr.append(el)


def programme(out: Path) -> None:
    doc = a4_document(13, line_spacing=1.0)
    _head(doc, ["TRƯỜNG THCS HÒA AN", "CHI ĐOÀN GIÁO VIÊN"], "12/KH-THCS", "Hòa An, ngày 02 tháng 8 năm 2026",
          "Tổ chức tuần sinh hoạt đầu năm học 2026 - 2027")
    _par(doc, "I. MỤC ĐÍCH", bold=True)
    _par(doc, "Giúp học sinh làm quen với môi trường học tập mới, nắm vững nội quy và các quy định của "
              "nhà trường ngay từ những ngày đầu năm học.")
    _par(doc, "II. CHƯƠNG TRÌNH", bold=True)
    for day, sessions in (
        ("NGÀY 1: THỨ HAI, NGÀY 17/8/2026", [
            ("Buổi sáng (từ 7h30 đến 10h00) – Tại hội trường lớn", [
                ("7h30 - 7h45", "Đón học sinh, ổn định chỗ ngồi", "Tổ Văn phòng"),
                ("7h45 - 8h30", "Khai mạc tuần sinh hoạt: giới thiệu chương trình, giới thiệu đội ngũ "
                                "giáo viên chủ nhiệm và các tổ chuyên môn", "Cô Trần Thị Mai Hương"),
                ("8h30 - 10h00", "Chuyên đề 1: Truyền thống nhà trường và những tấm gương học sinh tiêu "
                                 "biểu qua các thế hệ", "Liên đội"),
            ]),
            ("Buổi chiều (từ 14h00 đến 16h00) – Tại các lớp", [
                ("14h00 - 16h00", "Giáo viên chủ nhiệm làm việc với lớp: bầu Ban cán sự lớp; phổ biến nội "
                                  "quy; hướng dẫn ghi chép, bảo quản sách vở; giải đáp thắc mắc của học "
                                  "sinh và cha mẹ học sinh", "Giáo viên chủ nhiệm"),
            ]),
        ]),
        ("NGÀY 2: THỨ BA, NGÀY 18/8/2026", [
            ("Buổi sáng (từ 7h30 đến 10h00) – Tại sân trường", [
                ("7h30 - 8h15", "Chuyên đề 2: An toàn giao thông trên đường đến trường", "Thầy Phạm Quốc Bảo"),
                ("8h15 - 9h00", "Chuyên đề 3: Phòng, chống đuối nước, xâm hại và bạo lực học đường",
                 "Đại diện Công an xã Hòa An"),
                ("9h00 - 10h00", "Tổng kết tuần sinh hoạt, phát động phong trào thi đua chào mừng ngày Nhà "
                                 "giáo Việt Nam", "Phó Hiệu trưởng Lê Văn Tâm"),
            ]),
        ]),
    ):
        _par(doc, day, bold=True, center=True)
        rows: list = []
        for session, items in sessions:
            rows.append(session)
            rows += [list(it) for it in items]
        _table(doc, ["Thời gian", "Nội dung", "Người phụ trách"], rows, widths=(1.6, 10.0, 4.2))
    _par(doc, "III. TỔ CHỨC THỰC HIỆN", bold=True)
    _par(doc, "Giáo viên chủ nhiệm các lớp phổ biến kế hoạch đến học sinh và cha mẹ học sinh; Tổ Văn phòng "
              "chuẩn bị hội trường, âm thanh, ánh sáng.")
    doc.save(out)


_ASK = ("Trao đổi, giải đáp các câu hỏi của người dân và doanh nghiệp về thủ tục đất đai, cấp phép xây "
        "dựng, đăng ký kinh doanh và những khó khăn đang được quan tâm thuộc lĩnh vực quản lý của ")


def centred_four(out: Path) -> None:
    doc = a4_document(13, line_spacing=1.0)
    _head(doc, ["ỦY BAN NHÂN DÂN", "HUYỆN TÂN PHÚ"], "45/KH-UBND", "Tân Phú, ngày 10 tháng 1 năm 2026",
          "Tổ chức chương trình đối thoại trực tuyến với người dân năm 2026")
    _par(doc, "I. NỘI DUNG", bold=True)
    _par(doc, "Đài Truyền thanh huyện chủ trì, phối hợp với các phòng, ban thực hiện các chuyên mục sau:")
    offices = ["Phòng Tài nguyên và Môi trường", "Phòng Kinh tế và Hạ tầng", "Phòng Tài chính - Kế hoạch",
               "Chi cục Thuế khu vực", "Phòng Văn hóa và Thông tin", "Phòng Lao động - Thương binh và Xã hội"]
    rows = []
    for k, office in enumerate(offices):
        day = 8 + 3 * k
        rows.append([str(k + 1), _ASK + office, f"Lãnh đạo {office}",
                     f"Từ 14 giờ 00 - 16 giờ 30 ngày {day} tháng {k + 2}"])
    _table(doc, ["TT", "Nội dung", "Trách nhiệm", "Thời gian thực hiện (Năm 2026)"], rows,
           widths=(1.0, 8.2, 3.4, 3.2), centred=True)
    _par(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True)
    _par(doc, "Các phòng, ban chuẩn bị nội dung trả lời, gửi Đài Truyền thanh huyện trước ngày phát sóng "
              "ít nhất 05 ngày làm việc.")
    doc.save(out)


def top_five(out: Path) -> None:
    doc = a4_document(13, line_spacing=1.0)
    _head(doc, ["ỦY BAN NHÂN DÂN", "XÃ BÌNH MINH"], "08/KH-UBND", "Bình Minh, ngày 20 tháng 2 năm 2026",
          "Triển khai nhiệm vụ chuyển đổi số năm 2026")
    _par(doc, "I. NHIỆM VỤ CỤ THỂ", bold=True)
    rows = [
        ["1", "Rà soát, cập nhật toàn bộ hồ sơ thủ tục hành chính lên hệ thống thông tin giải quyết thủ tục "
              "hành chính của tỉnh, bảo đảm số hóa kết quả giải quyết đúng quy định và đồng bộ dữ liệu",
         "Văn phòng HĐND và UBND xã", "Công chức Tư pháp - Hộ tịch", "Quý II/2026"],
        ["2", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức và thành viên tổ công nghệ số cộng đồng "
              "ở các thôn, ấp; hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử, thanh toán "
              "không dùng tiền mặt và các dịch vụ công trực tuyến toàn trình",
         "Công an xã", "", "Tháng 5/2026"],
        ["3", "Xây dựng và vận hành trang thông tin điện tử của xã, cập nhật thường xuyên tin bài về hoạt động "
              "chỉ đạo, điều hành",
         "Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã, Hội Nông dân xã", "Thường xuyên"],
        ["4", "Kiểm tra, đánh giá mức độ an toàn thông tin của các máy tính kết nối mạng nội bộ; khắc phục "
              "ngay các lỗ hổng bảo mật được phát hiện; xây dựng phương án dự phòng, sao lưu dữ liệu định kỳ "
              "và báo cáo kết quả thực hiện về Ủy ban nhân dân huyện theo quy định",
         "Văn phòng HĐND và UBND xã", "", "Trước ngày 30/9/2026"],
        ["5", "Tổng kết, đánh giá kết quả thực hiện kế hoạch; đề xuất khen thưởng tập thể, cá nhân có thành "
              "tích tiêu biểu",
         "Ủy ban nhân dân xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Tháng 12/2026"],
    ]
    _table(doc, ["Stt", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
           rows, widths=(1.1, 7.0, 3.0, 3.0, 2.6))
    _par(doc, "II. TỔ CHỨC THỰC HIỆN", bold=True)
    _par(doc, "Giao Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện kế hoạch này.")
    doc.save(out)


def six_columns(out: Path) -> None:
    doc = a4_document(12, line_spacing=1.0)
    _head(doc, ["HUYỆN ỦY LONG HẢI", "BAN TUYÊN GIÁO"], "21-KH/BTGHU", "Long Hải, ngày 05 tháng 3 năm 2026",
          "Công tác tuyên truyền năm 2026")
    _par(doc, "Phân công thực hiện như sau:")
    rows = [
        "I. Công tác tuyên truyền miệng",
        ["1", "Tổ chức hội nghị báo cáo viên định kỳ hằng tháng, cung cấp thông tin thời sự cho đội ngũ "
              "báo cáo viên cơ sở", "Ban Tuyên giáo", "Trung tâm Chính trị", "Hằng tháng", ""],
        ["2", "Biên soạn tài liệu hỏi - đáp về chủ trương, chính sách mới của Đảng và Nhà nước", "Ban Tuyên giáo",
         "", "Quý III/2026", ""],
        "II. Công tác báo chí, xuất bản",
        ["1", "Định hướng thông tin cho Đài Truyền thanh huyện và trang thông tin điện tử về các sự kiện "
              "chính trị trọng đại của địa phương trong năm", "Ban Tuyên giáo", "Đài Truyền thanh huyện",
         "Thường xuyên", ""],
        ["2", "Kiểm tra việc thực hiện quy chế phát ngôn và cung cấp thông tin cho báo chí của các cơ quan, "
              "đơn vị", "Văn phòng Huyện ủy", "Ban Tuyên giáo, Ủy ban Kiểm tra Huyện ủy", "Tháng 10/2026",
         "Có kế hoạch riêng"],
    ]
    _table(doc, ["Stt", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Ghi chú"], rows,
           widths=(1.0, 6.4, 2.8, 2.8, 2.2, 1.9))
    _par(doc, "Trên đây là Kế hoạch công tác tuyên truyền năm 2026 của Ban Tuyên giáo Huyện ủy.")
    doc.save(out)


PLANS = {"programme": programme, "centred-four": centred_four, "top-five": top_five, "six-columns": six_columns}


def main() -> int:
    import pdfplumber

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, build in PLANS.items():
            docx = tmp / f"{name}.docx"
            build(docx)
            pdf = to_pdf(docx, tmp)
            for suffix, extra in (("pdftotext", []), ("layout", ["-layout"])):
                subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(pdf), str(HERE / f"{name}.{suffix}.txt")],
                               check=True)
            with pdfplumber.open(str(pdf)) as doc:
                text = "\n".join((page.extract_text() or "") for page in doc.pages)
            (HERE / f"{name}.plumber.txt").write_text(text + "\n", encoding="utf-8")
            print("wrote", name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
