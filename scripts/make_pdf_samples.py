#!/usr/bin/env python3
"""Make the PDF samples and the PDF test fixtures.

    .venv/bin/python scripts/make_pdf_samples.py [--fixtures-only] [--from-text]

Writes samples/*.pdf (LibreOffice `soffice --headless --convert-to pdf` of Word files: the Word
samples in samples/*.docx, or with --from-text Word files built here with python-docx from the
text exports in samples/*.txt, plus one plan whose task table runs across pages with a row split by the page break
and a vertically merged lead cell) and tests/data/pdf/* (encrypted, scanned, truncated, legacy
TCVN3 font, glyphs without Unicode mapping, not a PDF). Needs soffice (Debian
libreoffice-writer-nogui) and qpdf; the fixtures are committed so the tests do not need them.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "data" / "pdf"
FONT = "Times New Roman"


# ----------------------------------------------------------------------------- Word building
def a4_document(size: float = 13, line_spacing: float = 1.15) -> Document:
    """An empty A4 Word document in Times New Roman (margins 3/2/2/2 cm, 6 pt after a paragraph),
    as the samples and the layout fixtures are written."""
    doc = Document()
    st = doc.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(size)
    st.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    pf = st.paragraph_format
    pf.space_after = Pt(6)
    pf.space_before = Pt(0)
    pf.line_spacing = line_spacing
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    return doc


def _base_document() -> Document:
    return a4_document()


def _runs(par, text: str, bold: bool = False, size: float | None = None, italic: bool = False):
    """Add text with **bold** stretches as runs."""
    for k, part in enumerate(re.split(r"\*\*", text)):
        if not part:
            continue
        run = par.add_run(part)
        run.bold = bold or k % 2 == 1
        run.italic = italic
        if size:
            run.font.size = Pt(size)


def borderless(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def _cell_lines(cell, lines: list, bold_upper: bool = True, size: float = 13) -> None:
    cell.paragraphs[0].text = ""
    for k, line in enumerate(lines):
        par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.space_after = Pt(0)
        plain = line.replace("**", "")
        _runs(par, plain, bold=bold_upper and plain.isupper(), size=size,
              italic=", ngày" in plain)


def _letterhead(doc, left: list, right: list) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.columns[0].width = table.rows[0].cells[0].width = Cm(6.5)
    table.columns[1].width = table.rows[0].cells[1].width = Cm(9.5)
    _cell_lines(table.rows[0].cells[0], left, size=13)
    _cell_lines(table.rows[0].cells[1], right, size=13)


def _signature(doc, left: list, right: list) -> None:
    table = doc.add_table(rows=1, cols=2)
    borderless(table)
    lc, rc = table.rows[0].cells
    lc.width, rc.width = Cm(8), Cm(8)
    lc.paragraphs[0].text = ""
    for k, line in enumerate(left):
        par = lc.paragraphs[0] if k == 0 else lc.add_paragraph()
        par.paragraph_format.space_after = Pt(0)
        _runs(par, line.replace("**", ""), bold=k == 0, size=12 if k == 0 else 11, italic=k == 0)
    _cell_lines(rc, right, size=13)


_TITLE_RE = re.compile(r"^\*{0,2}(KẾ HOẠCH|CHƯƠNG TRÌNH|BÁO CÁO)\*{0,2}$")
_RIGHT_RE = re.compile(r"^(CỘNG HÒA|ĐẢNG CỘNG SẢN|Độc lập)|, ngày ")


def seed_to_docx(txt: Path, out: Path) -> None:
    """A Word file from a seed's text export: blank-line separated paragraphs, the letterhead and
    the signature as borderless two-column tables, tab-separated lines as a ruled table."""
    lines = txt.read_text(encoding="utf-8").splitlines()
    doc = _base_document()
    k = next((i for i, l in enumerate(lines) if _TITLE_RE.match(l.strip())), 0)
    head = [l.strip() for l in lines[:k] if l.strip()]
    left, right = [], []
    for line in head:
        m = re.match(r"^(Số:?\s*\S*)\s+(\S.*, ngày .*)$", line)
        if m:
            left.append(m.group(1))
            right.append(m.group(2))
        elif _RIGHT_RE.search(line):
            right.append(line)
        else:
            left.append(line)
    if right and not any(r.startswith(("CỘNG HÒA", "ĐẢNG CỘNG SẢN")) for r in right):
        right[:0] = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    _letterhead(doc, left, right)
    blocks, cur = [], []
    for line in lines[k:]:
        if not line.strip():
            if cur:
                blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        blocks.append(cur)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if any("\t" in l for l in block):
            rows = [l.split("\t") for l in block]
            while i + 1 < len(blocks) and any("\t" in l for l in blocks[i + 1]):
                i += 1
                nxt = [l.split("\t") for l in blocks[i]]
                rows.extend(nxt[1:] if rows and nxt and nxt[0][0].strip().lower().startswith("số") else nxt)
            _ruled_table(doc, rows)
        elif block[0].strip() == "Nơi nhận:":
            recipients = ["Nơi nhận:"] + [l for b in blocks[i + 1:i + 2] for l in b]
            i += 1
            signer = []
            while i + 1 < len(blocks) and not any("\t" in l for l in blocks[i + 1]) and len(signer) < 6:
                nxt = blocks[i + 1]
                if len(" ".join(nxt)) > 60 or nxt[0].isupper() and len(signer) >= 2 and not signer[-1].isupper():
                    break
                signer.extend(l.replace("**", "") for l in nxt)
                i += 1
            if signer:
                signer[-1:-1] = ["", ""]
            _signature(doc, recipients, signer)
            if i + 1 < len(blocks):
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        else:
            text = " ".join(l.strip() for l in block)
            par = doc.add_paragraph()
            if i == 0 or _TITLE_RE.match(text):
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _runs(par, text.replace("**", ""), bold=True, size=14)
            elif i <= 2 and text.startswith("**"):
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _runs(par, text, size=14)
            else:
                par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
                par.paragraph_format.first_line_indent = Cm(1.0)
                heading = re.match(r"^([IVX]+[.\-]|\d+(\.\d+)*\.)\s+\S", text) and len(text) < 160
                _runs(par, text, bold=bool(heading))
        i += 1
    doc.save(out)


def _ruled_table(doc, rows: list, widths=(1.2, 6.0, 3.3, 3.5, 2.5), merges: list = ()) -> None:
    """A bordered table; a row whose only text is the first cell (a group row) spans all columns;
    `merges` are (first_row, last_row, column) vertical merges."""
    ncols = len(widths)
    table = doc.add_table(rows=0, cols=ncols)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for c in range(ncols):
        table.columns[c].width = Cm(widths[c])
    for r, row in enumerate(rows):
        row = [c.strip() for c in row if c.strip()] if not row[0].strip() else [c.strip() for c in row]
        row = (row + [""] * ncols)[:ncols]
        cells = table.add_row().cells
        for c in range(ncols):
            cells[c].width = Cm(widths[c])
        group = r > 0 and not any(row[1:]) and re.match(r"^[IVX]+\.?\s+\S", row[0])
        if group:
            cells[0].merge(cells[-1])
            cells = [cells[0]]
        for c, text in enumerate(row[: len(cells)]):
            par = cells[c].paragraphs[0]
            par.paragraph_format.space_after = Pt(0)
            _runs(par, text, bold=r == 0 or bool(group), size=12)
    for first, last, col in merges:
        top = table.cell(first, col)
        text = top.text
        merged = top.merge(table.cell(last, col))
        for p in merged.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        merged.paragraphs[0].text = ""
        _runs(merged.paragraphs[0], text, size=12)
    hdr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    hdr.append(el)


def table_plan_docx(out: Path) -> None:
    """A district plan whose appendix task table runs over three pages: long rows (one split by the
    page break), a lead cell merged over three rows, a group row per part, deadlines in a narrow
    column (some broken inside the date), a running header and a page-number footer."""
    doc = _base_document()
    sec = doc.sections[0]
    sec.header.paragraphs[0].text = "Kế hoạch thực hiện chuyển đổi số năm 2024 - huyện Thanh Bình"
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for r in sec.header.paragraphs[0].runs:
        r.font.size = Pt(10)
        r.italic = True
    page_number_field(sec.footer.paragraphs[0])
    _letterhead(doc, ["ỦY BAN NHÂN DÂN", "HUYỆN THANH BÌNH", "", "Số: 87/KH-UBND"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                 "Thanh Bình, ngày 15 tháng 3 năm 2024"])
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, "KẾ HOẠCH", bold=True, size=14)
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, "Thực hiện chuyển đổi số trên địa bàn huyện Thanh Bình năm 2024", bold=True, size=14)
    body = [
        ("I. MỤC ĐÍCH, YÊU CẦU", True),
        ("1. Mục đích", True),
        ("Đẩy mạnh chuyển đổi số trong hoạt động của các cơ quan nhà nước trên địa bàn huyện, "
         "nâng cao chất lượng phục vụ người dân và doanh nghiệp; phấn đấu đến hết năm 2024 có 80% "
         "hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình.", False),
        ("2. Yêu cầu", True),
        ("- Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị; "
         "bảo đảm sự phối hợp chặt chẽ giữa các phòng, ban chuyên môn và Ủy ban nhân dân các xã, "
         "thị trấn trong quá trình tổ chức thực hiện.", False),
        ("- Thường xuyên theo dõi, đôn đốc, kiểm tra tiến độ; kịp thời tháo gỡ khó khăn, vướng mắc.", False),
        ("II. NHIỆM VỤ CỤ THỂ", True),
        ("Các nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp và thời gian hoàn thành được giao "
         "tại Phụ lục kèm theo Kế hoạch này.", False),
        ("III. TỔ CHỨC THỰC HIỆN", True),
        ("1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với Văn phòng HĐND và UBND huyện theo "
         "dõi, đôn đốc việc triển khai Kế hoạch; tổng hợp, báo cáo UBND huyện trước ngày "
         "15/12/2024.", False),
        ("2. Các cơ quan, đơn vị, UBND các xã, thị trấn căn cứ nhiệm vụ được giao xây dựng kế "
         "hoạch chi tiết, tổ chức thực hiện hiệu quả./.", False),
    ]
    for text, bold in body:
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        par.paragraph_format.first_line_indent = Cm(1.0)
        _runs(par, text, bold=bold)
    _signature(doc, ["Nơi nhận:", "- TT. Huyện ủy;", "- TT. HĐND huyện;", "- Lưu: VT."],
               ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Văn An"])
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, "PHỤ LỤC", bold=True, size=13)
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, "Nhiệm vụ thực hiện chuyển đổi số năm 2024", bold=True, size=13)
    par = doc.add_paragraph()
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _runs(par, "(Kèm theo Kế hoạch số 87/KH-UBND ngày 15/3/2024 của UBND huyện Thanh Bình)",
          italic=True, size=12)
    rows = [["Stt", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]]
    units = ["Phòng Văn hóa và Thông tin", "Văn phòng HĐND và UBND huyện", "Phòng Nội vụ",
             "Phòng Tài chính - Kế hoạch", "UBND các xã, thị trấn"]
    deadlines = ["30/6/2024", "Quý II/2024", "Thường xuyên", "Tháng 9/2024", "Hằng năm", "31/12/2024"]
    acts = ["Rà soát, chuẩn hóa", "Triển khai", "Nâng cấp", "Tổ chức tập huấn về", "Đánh giá, báo cáo",
            "Xây dựng quy chế vận hành"]
    objs = ["hệ thống quản lý văn bản và điều hành", "cổng dịch vụ công trực tuyến của huyện",
            "cơ sở dữ liệu hộ tịch điện tử", "hạ tầng mạng nội bộ tại bộ phận một cửa",
            "kỹ năng số cho cán bộ, công chức cấp xã", "nền tảng họp trực tuyến đến cấp xã"]
    n = 0
    merges = []
    for g, title in enumerate(["I. Hạ tầng số và dữ liệu số", "II. Chính quyền số",
                               "III. Kỹ năng số và bảo đảm an toàn thông tin"]):
        rows.append([title])
        for k in range(7 if g < 2 else 5):
            n += 1
            content = f"{acts[(n + g) % 6]} {objs[n % 6]} theo hướng dẫn của Sở Thông tin và Truyền thông"
            if n % 4 == 0:
                content += (", bảo đảm kết nối, liên thông với hệ thống của tỉnh; cập nhật đầy đủ, "
                            "chính xác dữ liệu phát sinh hằng ngày; định kỳ sao lưu, kiểm tra an "
                            "toàn dữ liệu và báo cáo kết quả về Ủy ban nhân dân huyện theo quy định")
            if n == 9:
                content += (". Nội dung này gồm các bước khảo sát hiện trạng, lập dự toán, lựa chọn "
                            "nhà thầu, triển khai lắp đặt thiết bị, chạy thử, nghiệm thu và đưa vào "
                            "sử dụng; mỗi bước đều có biên bản và báo cáo tiến độ gửi Phòng Tài chính "
                            "- Kế hoạch để theo dõi, tổng hợp trình Ủy ban nhân dân huyện xem xét")
            rows.append([str(k + 1), content, units[n % 5], units[(n + 2) % 5], deadlines[n % 6]])
        if g == 0:
            merges.append((len(rows) - 3, len(rows) - 1, 2))
    _ruled_table(doc, rows, widths=(1.1, 7.2, 3.2, 3.0, 1.5), merges=merges)
    doc.save(out)


def page_number_field(par) -> None:
    """A centred PAGE field in a header or footer paragraph (Word prints the page number)."""
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = par.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


# ----------------------------------------------------------------------------- conversion
def to_pdf(docx: Path, outdir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                       check=True, capture_output=True, timeout=180)
    return outdir / (docx.stem + ".pdf")


# ----------------------------------------------------------------------------- fixtures
def _raw_pdf(content: bytes, font: bytes, width: int = 595, height: int = 842) -> bytes:
    """A one-page PDF with one non-embedded TrueType font (WinAnsi) named `font`."""
    stream = zlib.compress(content)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>" % (width, height),
        b"<< /Type /Font /Subtype /TrueType /BaseFont /" + font + b" /FirstChar 32 /LastChar 255 "
        b"/Widths [" + b" ".join([b"500"] * 224) + b"] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /" + font + b" /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    return pdf_from_objects(objs)


def pdf_from_objects(objs: list, version: bytes = b"1.4") -> bytes:
    """A PDF file of numbered objects (object k is objs[k-1]; object 1 is the catalog) with its xref."""
    out = io.BytesIO()
    out.write(b"%PDF-" + version + b"\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for k, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % k + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref))
    return out.getvalue()


def _pdf_string(text: str) -> bytes:
    data = text.encode("latin-1")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def tcvn3_pdf(path: Path) -> None:
    """Lines typed in TCVN3 and shown with a font named ABCDEF+.VnTime (text as the 8-bit codes)."""
    legacy_lines = [  # TCVN3 bytes as Latin-1: what the font's codes give without conversion
        "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
        "§éc lËp - Tù do - H¹nh phóc",
        "KÕ ho¹ch thùc hiÖn c«ng t¸c d©n vËn n¨m 2024",
    ]
    ops = [b"BT /F1 12 Tf"]
    y = 780
    for line in legacy_lines:
        ops.append(b"1 0 0 1 72 %d Tm " % y + _pdf_string(line) + b" Tj")
        y -= 20
    ops.append(b"ET")
    path.write_bytes(_raw_pdf(b"\n".join(ops), b"ABCDEF+.VnTime"))


def strip_tounicode(src: Path, dst: Path) -> None:
    """Remove the first font's ToUnicode map: its glyphs keep drawing but have no Unicode mapping."""
    with tempfile.TemporaryDirectory() as tmp:
        qdf = Path(tmp) / "q.pdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(src), str(qdf)], check=True)
        data = re.sub(rb"/ToUnicode \d+ 0 R", lambda m: b" " * len(m.group()), qdf.read_bytes(),
                      count=1)
        qdf.write_bytes(data)
        with open(dst, "wb") as out:
            subprocess.run(["fix-qdf", str(qdf)], check=True, stdout=out)


def scanned_pdf(src: Path, dst: Path) -> None:
    """The first page of `src` rendered at 150 dpi and saved as an image-only PDF."""
    import pypdfium2 as pdfium
    doc = pdfium.PdfDocument(str(src))
    image = doc[0].render(scale=150 / 72).to_pil().convert("L")
    image.save(dst, "PDF", resolution=150)
    doc.close()


def fixtures(sample: Path) -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = tmp / "small.docx"
        doc = _base_document()
        _letterhead(doc, ["UBND TỈNH LÂM CHÂU", "SỞ NỘI VỤ", "", "Số: 12/KH-SNV"],
                    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                     "Lâm Châu, ngày 05 tháng 02 năm 2024"])
        for text in ("KẾ HOẠCH", "Cải cách hành chính năm 2024",
                     "1. Sở Nội vụ chủ trì, phối hợp với các sở, ngành hoàn thành việc rà soát thủ "
                     "tục hành chính trước ngày 30/6/2024."):
            par = doc.add_paragraph()
            if not text[0].isdigit():
                par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _runs(par, text, bold=not text[0].isdigit())
        doc.save(small)
        small_pdf = to_pdf(small, tmp)
        shutil.copy(small_pdf, FIXTURES / "small.pdf")
        strip_tounicode(small_pdf, FIXTURES / "no-unicode-map.pdf")
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(FIXTURES / "small.pdf"),
                    str(FIXTURES / "encrypted.pdf")], check=True)
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--",
                    str(FIXTURES / "small.pdf"), str(FIXTURES / "encrypted-empty-password.pdf")],
                   check=True)
    scanned_pdf(FIXTURES / "small.pdf", FIXTURES / "scanned.pdf")
    data = sample.read_bytes()
    (FIXTURES / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (FIXTURES / "not-a-pdf.pdf").write_bytes("Kế hoạch số 12/KH-SNV\n".encode("utf-8") * 20)
    (FIXTURES / "empty.pdf").write_bytes(b"")
    tcvn3_pdf(FIXTURES / "tcvn3-font.pdf")


def main(argv: list) -> None:
    SAMPLES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        made = sorted(SAMPLES.glob("*.docx"))
        if "--from-text" in argv:   # Word files built from the seed text exports instead
            made = []
            for txt in sorted(SAMPLES.glob("*.txt")):
                docx = tmp / (txt.stem + ".docx")
                seed_to_docx(txt, docx)
                made.append(docx)
        table = tmp / "thanhbinh-ubnd-kh-chuyendoiso-2024.docx"
        table_plan_docx(table)
        made.append(table)
        if "--fixtures-only" not in argv:
            for docx in made:
                pdf = to_pdf(docx, tmp)
                shutil.copy(pdf, SAMPLES / pdf.name)
                print("wrote", SAMPLES / pdf.name)
    fixtures(SAMPLES / "thanhbinh-ubnd-kh-chuyendoiso-2024.pdf")
    print("wrote", FIXTURES)


if __name__ == "__main__":
    main(sys.argv[1:])
