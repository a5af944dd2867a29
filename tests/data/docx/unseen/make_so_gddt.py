"""Build so_gddt_stem.docx: an invented plan of a provincial education department, as Word keeps it.

Letterhead and signature in borderless tables, section numbers from Word's automatic numbering
(I. / 1. / a) from one multi-level list), bullets typed as "- ", and an appendix task table with a
group row merged across the columns and a lead unit merged down two rows. Run: python make_so_gddt.py
"""
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

OUT = Path(__file__).with_name("so_gddt_stem.docx")

LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))


def add_list(doc) -> str:
    """A multi-level list I. / 1. / a) and one instance of it; returns the numId."""
    numbering = doc.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(LEVELS))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return "77"


class Plan:
    def __init__(self) -> None:
        self.doc = Document()
        style = self.doc.styles["Normal"]
        style.font.name = "Times New Roman"
        style.font.size = Pt(14)
        self.num = add_list(self.doc)

    def para(self, text="", bold=False, italic=False, center=False, level=None, where=None):
        p = (where or self.doc).add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if level is not None:
            p._p.get_or_add_pPr().insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{self.num}"/></w:numPr>'))
        if text:
            run = p.add_run(text)
            run.bold, run.italic = bold, italic
        return p

    @staticmethod
    def cell_text(cell, lines, bold=False, italic=False, center=False):
        cell.paragraphs[0].text = ""
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if line:
                run = p.add_run(line)
                run.bold, run.italic = bold, italic


def build() -> None:
    pl = Plan()
    doc = pl.doc
    head = doc.add_table(rows=1, cols=2)
    pl.cell_text(head.cell(0, 0), ["UBND TỈNH NINH BÌNH"], center=True)
    head.cell(0, 0).add_paragraph().add_run("SỞ GIÁO DỤC VÀ ĐÀO TẠO").bold = True
    head.cell(0, 0).add_paragraph("Số: 1520/KH-SGDĐT")
    pl.cell_text(head.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
                 bold=True, center=True)
    head.cell(0, 1).add_paragraph().add_run("Ninh Bình, ngày 18 tháng 8 năm 2026").italic = True

    pl.para("KẾ HOẠCH", bold=True, center=True)
    pl.para("Triển khai giáo dục STEM trong các cơ sở giáo dục phổ thông năm học 2026-2027", bold=True, center=True)
    pl.para("Căn cứ Chương trình giáo dục phổ thông ban hành kèm theo Thông tư số 32/2018/TT-BGDĐT ngày "
            "26/12/2018 của Bộ trưởng Bộ Giáo dục và Đào tạo; Sở Giáo dục và Đào tạo ban hành Kế hoạch triển "
            "khai giáo dục STEM năm học 2026-2027 như sau:")

    pl.para("MỤC ĐÍCH, YÊU CẦU", bold=True, level=0)
    pl.para("- Phát triển năng lực vận dụng kiến thức khoa học, công nghệ, kỹ thuật và toán học của học sinh "
            "vào giải quyết các vấn đề thực tiễn.")
    pl.para("- Việc triển khai bảo đảm thiết thực, phù hợp với điều kiện cơ sở vật chất của từng đơn vị.")

    pl.para("MỤC TIÊU", bold=True, level=0)
    pl.para("- 100% trường trung học phổ thông tổ chức dạy học theo chủ đề STEM.")
    pl.para("- Ít nhất 70% giáo viên cốt cán được bồi dưỡng về giáo dục STEM.")
    pl.para("- Mỗi trường trung học cơ sở xây dựng tối thiểu 4 chủ đề STEM cho mỗi khối lớp.")

    pl.para("NHIỆM VỤ VÀ GIẢI PHÁP", bold=True, level=0)
    pl.para("Bồi dưỡng đội ngũ", bold=True, level=1)
    pl.para("- Bồi dưỡng thường xuyên cho giáo viên về phương pháp dạy học theo định hướng giáo dục STEM.")
    pl.para("Tổ chức hoạt động trải nghiệm STEM", bold=True, level=1)
    pl.para("- Khuyến khích học sinh tham gia câu lạc bộ STEM, cuộc thi khoa học kỹ thuật các cấp.")

    pl.para("TỔ CHỨC THỰC HIỆN", bold=True, level=0)
    pl.para("Phòng Giáo dục phổ thông", bold=True, level=1)
    pl.para("Chủ trì hướng dẫn các cơ sở giáo dục xây dựng kế hoạch dạy học STEM, hoàn thành trước ngày 15/9/2026.",
            level=2)
    pl.para("Tổ chức bồi dưỡng giáo viên cốt cán cấp tỉnh trong quý IV năm 2026.", level=2)
    pl.para("Phòng Kế hoạch - Tài chính: tham mưu bố trí kinh phí mua sắm thiết bị phục vụ giáo dục STEM.",
            level=1)
    pl.para("Văn phòng Sở tổng hợp kết quả, báo cáo Bộ Giáo dục và Đào tạo trước ngày 30/6/2027.", level=1)
    pl.para("Các cơ sở giáo dục phổ thông", bold=True, level=1)
    pl.para("Căn cứ Kế hoạch này, xây dựng kế hoạch giáo dục STEM của đơn vị; báo cáo kết quả về Sở (qua Phòng "
            "Giáo dục phổ thông) hằng học kỳ.")
    pl.para("Nhiệm vụ cụ thể của các đơn vị tại Phụ lục kèm theo Kế hoạch này.")

    sign = doc.add_table(rows=1, cols=2)
    left = sign.cell(0, 0)
    pl.cell_text(left, ["Nơi nhận:"], bold=True, italic=True)
    for line in ("- Bộ GDĐT (để b/c);", "- UBND tỉnh (để b/c);", "- Các cơ sở GDPT;", "- Lưu: VT, GDPT."):
        left.add_paragraph(line)
    pl.cell_text(sign.cell(0, 1), ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "Đinh Thị Thu Hà"], bold=True, center=True)

    pl.para().add_run().add_break(WD_BREAK.PAGE)
    pl.para("PHỤ LỤC", bold=True, center=True)
    pl.para("PHÂN CÔNG NHIỆM VỤ TRIỂN KHAI GIÁO DỤC STEM NĂM HỌC 2026-2027", bold=True, center=True)
    pl.para("(Kèm theo Kế hoạch số 1520/KH-SGDĐT ngày 18/8/2026 của Sở Giáo dục và Đào tạo)", italic=True, center=True)
    rows = [
        ("TT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"),
        ("I", "Công tác bồi dưỡng giáo viên", None, None, None),
        ("1", "Tập huấn giáo viên cốt cán về giáo dục STEM", "Phòng Giáo dục phổ thông", "Trường Đại học Hoa Lư",
         "Tháng 10/2026"),
        ("2", "Bồi dưỡng giáo viên các trường trung học cơ sở về thiết kế chủ đề STEM", "", "Các trường trung học cơ sở",
         "Tháng 11/2026"),
        ("II", "Tổ chức hoạt động STEM", None, None, None),
        ("3", "Tổ chức Ngày hội STEM cấp tỉnh", "Phòng Giáo dục phổ thông", "Các cơ sở giáo dục phổ thông; Tỉnh đoàn",
         "Quý II/2027"),
        ("4", "Tổng kết, đánh giá kết quả năm học", "Văn phòng Sở", "Các phòng thuộc Sở", "Tháng 6/2027"),
    ]
    table = doc.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        if row[2] is None:   # a group row: its title merged across the other columns
            merged = table.cell(r, 1).merge(table.cell(r, 4))
            pl.cell_text(table.cell(r, 0), [row[0]], bold=True, center=True)
            pl.cell_text(merged, [row[1]], bold=True)
            continue
        for c, text in enumerate(row):
            pl.cell_text(table.cell(r, c), [text], bold=(r == 0), center=(r == 0 or c == 0))
    table.cell(2, 2).merge(table.cell(3, 2))   # one lead unit for rows 1 and 2
    pl.cell_text(table.cell(2, 2), ["Phòng Giáo dục phổ thông"])
    doc.core_properties.author = "Sở GDĐT"
    doc.save(OUT)


if __name__ == "__main__":
    build()
