"""PDF layout fidelity: a Word plan printed to PDF reads like the Word file. Line-end hyphens
(PDFium's U+FFFE), gutters versus justified word gaps, letterheads and dates wrapped in narrow
cells, paragraph and page breaks, cells keeping their lines. Fixtures: tests/data/pdf/wraps/*.docx
and the PDFs LibreOffice printed from them (made by tests/data/pdf/make_wrap_fixtures.py)."""
from __future__ import annotations

import importlib.util
import io
import json
import re
import shutil
import subprocess
from contextlib import redirect_stdout
from pathlib import Path

import pypdfium2 as pdfium
import pytest

import extract
from extract.model import Paragraph, Table
from extract.readers.pdf import _two_sided, read_pdf
from extract.readers.pdf_lines import (Line, broken_inside, join_lines, join_text, paragraph_breaks,
                                       rejoin_head_lines)
from extract.readers.pdf_text import Word

WRAPS = Path(__file__).resolve().parent / "data" / "pdf" / "wraps"
FIXTURES = ["hyphen-wraps", "narrow-letterhead", "signature-over-pages", "cell-lines"]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SIZE = 13.0


def pdf_text(path: Path) -> str:
    doc = pdfium.PdfDocument(str(path))
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def paragraphs(raw) -> list:
    return [b.text for b in raw.blocks if isinstance(b, Paragraph)]


def line(text: str, x0: float = 85.0, base: float = 100.0, x1: float | None = None,
         bold: bool = False, page: int = 1, gap: float = 3.5) -> Line:
    """Words from x0 at 7 pt a character, `gap` between them, or stretched to x1 (justified)."""
    tokens = text.split()
    if x1 is not None and len(tokens) > 1:
        gap = (x1 - x0 - 7 * sum(len(t) for t in tokens)) / (len(tokens) - 1)
    words, x = [], x0
    for t in tokens:
        words.append(Word(t, x, base - 0.8 * SIZE, x + 7 * len(t), base + 0.25 * SIZE, base, SIZE, bold))
        x += 7 * len(t) + gap
    return Line(words, page, [words])


def merged(*parts: Line) -> Line:
    """One line holding the words of several (two blocks on one baseline)."""
    words = [w for p in parts for w in p.words]
    return Line(words, parts[0].page, [p.words for p in parts])


# ------------------------------------------------------------------ 1. line-end hyphens
@pytest.mark.parametrize("prev, nxt, glued", [
    ("theo Nghị định số 12/2024/NĐ-", "CP ngày 05/01/2024", True),
    ("Kế hoạch số 45/KH-", "UBND của Ủy ban nhân dân", True),
    ("Số: 1058/", "KH-UBND", True),
    ("Thông báo số 7-", "TB/HU ngày", True),
    ("tập huấn từ ngày 10 -", "11/2025 tại hội trường", False),
    ("Phòng Tài chính -", "Kế hoạch huyện", False),
    ("giai đoạn 2021 -", "2025", False),
])
def test_symbol_wrapped_after_its_hyphen_or_slash_is_whole(prev, nxt, glued):
    assert broken_inside(prev, nxt, False) is glued
    assert (join_lines([prev, nxt]) == prev + nxt) is glued


def test_line_end_hyphens_keep_the_symbols_whole():
    pdf = WRAPS / "hyphen-wraps.pdf"
    assert pdf_text(pdf).count("\ufffe") >= 3, "the fixture no longer wraps a symbol at its hyphen"
    raw = read_pdf(str(pdf))
    assert not [f for f in raw.findings if f.code == "unreadable-text"]
    text = " ".join(paragraphs(raw))
    docx_text = " ".join(b.text for b in extract.readers.read(str(WRAPS / "hyphen-wraps.docx")).blocks
                         if isinstance(b, Paragraph))
    symbols = re.findall(r"\d+(?:/\d{4})?/[A-ZĐ]+-[A-ZĐ]+", docx_text)
    assert len(symbols) >= 60
    missing = [s for s in symbols if s not in text]
    assert not missing
    # a dash standing alone at the line end keeps its spaces
    assert re.findall(r"từ ngày \d+ - \d+/\d+/2025", text) == re.findall(r"từ ngày \d+ - \d+/\d+/2025", docx_text)


# ------------------------------------------------------------------ 2. columns
def test_justified_gaps_lining_up_are_no_gutter():
    # every line stretched to both margins: the wide gaps of three lines happen to line up
    lines = [merged(line("Tăng cường công tác tuyên truyền,", 85, 100, x1=290),
                    line("phổ biến pháp luật trong toàn tỉnh", 298, 100, x1=540)),
             merged(line("nhằm nâng cao nhận thức của", 85, 116, x1=290),
                    line("cán bộ, công chức và Nhân dân về", 298, 116, x1=540)),
             merged(line("trách nhiệm chấp hành nghiêm", 85, 132, x1=290),
                    line("các quy định của Nhà nước trong", 298, 132, x1=540))]
    for ln in lines:   # the same gap everywhere on a line, as justification sets it
        gap = ln.words[1].x0 - ln.words[0].x1
        x = ln.words[0].x0
        for w in ln.words:
            width = w.x1 - w.x0
            w.x0, w.x1 = x, x + width
            x += width + gap
    assert _two_sided(lines, 85.0, 540.0) == []


def test_side_by_side_blocks_on_different_baselines_are_two_blocks():
    # a letterhead: left lines at y 60/86/113, right lines at 60/76/103/130
    lines = [merged(line("ỦY BAN NHÂN DÂN", 110, 60), line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA", 330, 60)),
             line("VIỆT NAM", 400, 76),
             line("HUYỆN SƠN TỊNH", 115, 86),
             line("Độc lập - Tự do - Hạnh phúc", 340, 103),
             line("Số: 21/KH-UBND", 112, 113),
             line("Sơn Tịnh, ngày 02 tháng 6 năm 2025", 320, 130)]
    runs = _two_sided(lines, 85.0, 560.0)
    assert len(runs) == 1 and runs[0][:2] == (0, 6)


def test_recipients_beside_the_signer_in_another_size_are_two_blocks():
    lines = [line("đạo, giải quyết./.", 85, 480),
             merged(line("Nơi nhận:", 85, 510), line("KT. CHỦ TỊCH", 380, 510)),
             line("- Như trên;", 85, 523), line("PHÓ CHỦ TỊCH", 378, 528),
             line("- Lưu: VT.", 85, 536),
             line("Trần Văn Hải", 382, 600)]
    runs = _two_sided(lines, 85.0, 540.0)
    assert len(runs) == 1 and runs[0][:2] == (1, 6)   # the paragraph's last line stays text


# ------------------------------------------------------------------ 3. letterheads in narrow cells
@pytest.mark.parametrize("lines, joined", [
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    (["CỘNG HOÀ XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"], ["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    (["ĐẢNG CỘNG SẢN", "VIỆT NAM"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]),
    (["Độc lập - Tự do -", "Hạnh phúc"], ["Độc lập - Tự do - Hạnh phúc"]),
    (["Tân Phú, ngày 05 tháng 4 năm", "2025"], ["Tân Phú, ngày 05 tháng 4 năm 2025"]),
    (["Quảng Ngãi, ngày 18", "tháng 02 năm 2026"], ["Quảng Ngãi, ngày 18 tháng 02 năm 2026"]),
    (["Thành phố Hồ Chí Minh,", "ngày 3 tháng 9 năm 2025"], ["Thành phố Hồ Chí Minh, ngày 3 tháng 9 năm 2025"]),
    (["Số: 87/KH-", "UBND"], ["Số: 87/KH-UBND"]),
    (["Số:", "112-KH/ĐU"], ["Số: 112-KH/ĐU"]),
    # the issuer's lines are the writer's: they stay apart
    (["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 21/KH-UBND"], ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 21/KH-UBND"]),
    (["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Sơn, ngày 4 tháng 5 năm 2025"],
     ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Sơn, ngày 4 tháng 5 năm 2025"]),
])
def test_letterhead_lines_wrapped_by_a_narrow_cell_are_rejoined(lines, joined):
    assert rejoin_head_lines(lines) == joined


def test_narrow_letterhead_reads_like_the_word_file():
    raw = read_pdf(str(WRAPS / "narrow-letterhead.pdf"))
    head = raw.blocks[0]
    assert isinstance(head, Table)
    left, right = (c.text.splitlines() for c in head.rows[0])
    assert "Số: 1058/KH-BCĐCĐS-UBND" in left
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hòa Phước, ngày 05 tháng 11 năm 2025"]
    doc = extract.parse(str(WRAPS / "narrow-letterhead.pdf")).document
    assert (doc.number, doc.symbol, doc.date, doc.place) == (
        "1058/KH-BCĐCĐS-UBND", "KH-BCĐCĐS-UBND", "2025-11-05", "Hòa Phước")
    assert "Việt Nam" not in (doc.issuer or "")


# ------------------------------------------------------------------ 4. paragraph and page breaks
@pytest.mark.parametrize("prev, nxt, marked, new", [
    # an item whose first sentence ends at the line end, in a document that indents its paragraphs
    (line("a) Hỗ trợ hợp tác xã tiếp cận vốn vay ưu đãi, hoàn thành trong quý II/2026.", x1=540),
     line("Giao Phòng Kinh tế chủ trì thực hiện.", base=116), True, False),
    # the same without marked paragraphs: the old reading (a new paragraph) stays
    (line("a) Hỗ trợ hợp tác xã tiếp cận vốn vay ưu đãi, hoàn thành trong quý II/2026.", x1=540),
     line("Giao Phòng Kinh tế chủ trì thực hiện.", base=116), False, True),
    # a new first line at the indent of the one above
    (line("Rà soát, phân loại các hợp tác xã trên địa bàn xã.", x0=113, x1=540),
     line("Thực hiện giải thể các hợp tác xã ngừng hoạt động.", x0=113, base=116), True, True),
    # two bold headings on consecutive lines at the same indent
    (line("3. Giải pháp thực hiện các nhiệm vụ trọng tâm của Kế hoạch năm", x0=113, x1=540, bold=True),
     line("3.1. Về vốn", x0=113, base=116, bold=True), True, True),
    (line("II. NỘI DUNG, TIẾN ĐỘ VÀ PHÂN CÔNG TRÁCH NHIỆM THỰC HIỆN KẾ HOẠCH", x1=540, bold=True),
     line("1. Hội nghị lần thứ nhất", base=116, bold=True), False, True),
    # a bold lead-in carrying on in plain text is one paragraph
    (merged(line("5. Sở Văn hóa, Thể thao:", x0=113, bold=True),
            line("Chỉ đạo các cơ quan báo chí phối hợp với", x0=290, x1=540)),
     line("Sở Nội vụ tuyên truyền về cải cách hành chính.", base=116), True, False),
    # a lower-case line after a sentence end is the same paragraph ("đ" is no capital)
    (line("c) Trang bị kỹ năng học tập, kỹ năng sống và tự bảo vệ bản thân;", x0=113, x1=540),
     line("định hướng rèn luyện và trách nhiệm xã hội.", base=116), False, False),
])
def test_paragraph_breaks_in_marked_justified_text(prev, nxt, marked, new):
    assert paragraph_breaks([prev, nxt], 85.0, 540.0, pitch=16.0, marked=marked) == [new]


def test_centred_heading_opening_the_next_page_is_not_the_signers_name():
    name = line("Hồ Văn Brăng", x0=380, base=780, bold=True, page=2)
    heading = line("PHỤ LỤC", x0=290, base=60, bold=True, page=3)
    for w in heading.words:   # centred between the margins
        shift = (85 + 540) / 2 - (heading.x0 + heading.x1) / 2
        w.x0, w.x1 = w.x0 + shift, w.x1 + shift
    assert paragraph_breaks([name, heading], 85.0, 540.0, pitch=16.0) == [True]


def test_items_keep_their_giao_sentence_and_headings_stay_apart():
    pdf = WRAPS / "narrow-letterhead.pdf"
    assert re.search(r"\.\s*\r\nGiao ", pdf_text(pdf)), "no item ends a sentence at a line end any more"
    texts = paragraphs(read_pdf(str(pdf)))
    items = [t for t in texts if re.match(r"^[a-u]\) ", t)]
    assert len(items) == 20 and all(" Giao " in t and t.endswith("chủ trì thực hiện.") for t in items)
    assert "1. Nhiệm vụ trọng tâm" in texts and "1.1. Về củng cố tổ chức" in texts
    assert "2. Giải pháp" in texts and "2.1. Về vốn và tín dụng" in texts


def test_signature_cut_by_the_page_break_is_one_block():
    pdf = WRAPS / "signature-over-pages.pdf"
    raw = read_pdf(str(pdf))
    texts = paragraphs(raw)
    k = texts.index("Nơi nhận:")
    assert texts[k + 1:k + 5] == ["- Ban Thường vụ Huyện ủy (b/c);", "- Các đồng chí Đảng ủy viên;",
                                  "- Các chi bộ trực thuộc;", "- Lưu Văn phòng Đảng ủy."]
    assert texts[k + 5:k + 9] == ["T/M ĐẢNG ỦY", "BÍ THƯ", "Hồ Văn Brăng", "PHỤ LỤC"]
    pages = {b.source.page for b in raw.blocks if isinstance(b, Paragraph) and b.text in texts[k:k + 8]}
    assert pages == {1, 2}, "the fixture's signature is no longer cut by the page break"
    signer = extract.parse(str(pdf)).document.signer
    assert signer.name == "Hồ Văn Brăng"


# ------------------------------------------------------------------ 5. cells keep their lines
def test_cell_lines_that_ended_short_are_kept():
    a = line("Sở Tài chính", x0=405, base=100)
    b = line("Sở Nội vụ", x0=405, base=114)
    c = line("Văn phòng Ủy ban nhân dân", x0=405, base=128)
    d = line("tỉnh", x0=405, base=142)
    assert join_text([a, b, c, d], right=600, left=400, pad=5) == (
        "Sở Tài chính\nSở Nội vụ\nVăn phòng Ủy ban nhân dân tỉnh")


def test_table_cells_keep_one_unit_per_line_and_the_deadline_line():
    raw = read_pdf(str(WRAPS / "cell-lines.pdf"))
    table = [b for b in raw.blocks if isinstance(b, Table)][1]
    rows = {r[0].text: [c.text for c in r] for r in table.rows}
    assert rows["1"][3].splitlines() == ["Sở Tài chính", "Sở Nội vụ", "Văn phòng UBND tỉnh"]
    assert rows["2"][4].splitlines() == ["Thường xuyên", "Báo cáo trước 15/12/2026"]
    assert rows["4"][3].splitlines() == ["Viễn thông", "UBND cấp xã"]


# ------------------------------------------------------------------ the PDF reads like its Word file
def _digest(plan: dict) -> dict:
    doc = {k: plan["document"].get(k) for k in ("doc_type", "number", "symbol", "date", "place",
                                                  "issuer", "parent_issuer", "title", "signer")}
    sections: list = []

    def walk(items):
        for s in items:
            sections.append((s["number"], s["title"]))
            walk(s.get("children", []))
    walk(plan["sections"])
    tasks = [(t["content"], t["lead"], t["partners"], t["deadline"]["text"]) for t in plan["tasks"]]
    findings = sorted(f["code"] for f in plan["findings"])
    return {"document": doc, "sections": sections, "tasks": tasks, "findings": findings}


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_pdf_reads_like_its_word_file(name):
    docx = _digest(extract.parse(str(WRAPS / f"{name}.docx")).to_dict())
    pdf = _digest(extract.parse(str(WRAPS / f"{name}.pdf")).to_dict())
    assert pdf == docx


@pytest.fixture(scope="module")
def printed_shared(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("soffice is absent (Debian libreoffice-writer-nogui)")
    docs = sorted((SHARED / "real").glob("*.docx"))
    if not (SHARED / "score.py").exists() or not docs:
        pytest.skip("../shared is absent")
    out = tmp_path_factory.mktemp("printed")
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out)] + [str(d) for d in docs],
                   check=True, capture_output=True, timeout=600)
    return [(d, out / (d.stem + ".pdf")) for d in docs]


def _score(gold: Path, path: Path) -> float:
    spec = importlib.util.spec_from_file_location("score", SHARED / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    plan = json.loads(json.dumps(extract.parse(str(path)).to_dict()))
    with redirect_stdout(io.StringIO()):
        return mod.score(json.loads(gold.read_text(encoding="utf-8")), plan, mod.Report(verbose=False))


def test_shared_word_plans_printed_to_pdf_score_like_the_word_files(printed_shared):
    gaps = {}
    for docx, pdf in printed_shared:
        gold = SHARED / "expected" / (docx.stem + ".json")
        if gold.exists() and pdf.exists():
            gaps[docx.name] = round(_score(gold, docx) - _score(gold, pdf), 3)
    assert gaps and all(abs(g) <= 0.01 for g in gaps.values()), gaps


# ------------------------------------------------------------------ tables over page breaks
def _page_table(page: int, rows: list):
    from extract.model import Cell, Source
    from extract.readers.pdf_tables import PageTable
    return PageTable(page, (0, 0, 500, 500), [0, 100, 300, 400, 500],
                     [[Cell(t, Source(page=page)) for t in row] for row in rows], [page])


def test_repeated_header_of_two_rows_and_the_cut_row_are_merged():
    from extract.readers.pdf_tables import continue_table
    head = [["Thời gian", "Nội dung", "Phụ trách", "Ghi chú"],
            ["Buổi sáng – Tập trung toàn trường", "", "", ""]]
    prev = _page_table(2, head + [["7h00", "Khai mạc tuần sinh hoạt", "Ban Giám hiệu", ""],
                                  ["8h30", "Chuyên đề 5: Hướng dẫn sử dụng các công cụ", "Tổ Tin học", ""]])
    cur = _page_table(3, head + [["- 9h00", "học tập số an toàn", "", ""],
                                 ["9h00 - 11h00", "Sinh hoạt theo lớp", "GVCN các lớp", ""]])
    continue_table(prev, cur)
    rows = [[c.text for c in r] for r in prev.rows]
    assert rows[3] == ["8h30 - 9h00", "Chuyên đề 5: Hướng dẫn sử dụng các công cụ học tập số an toàn",
                       "Tổ Tin học", ""]
    assert rows[4][0] == "9h00 - 11h00" and len(rows) == 5


def test_a_new_row_on_the_next_page_is_not_taken_for_the_cut_one():
    from extract.readers.pdf_tables import continue_table
    head = [["TT", "Nội dung", "Chủ trì", "Thời gian"]]
    prev = _page_table(1, head + [["1", "Rà soát thủ tục hành chính", "Sở Nội vụ", "Quý I/2026"]])
    cur = _page_table(2, head + [["2", "Số hóa hồ sơ", "Sở Tư pháp", "Quý II/2026"]])
    continue_table(prev, cur)
    assert [r[0].text for r in prev.rows] == ["TT", "1", "2"]


def test_unruled_cells_keep_lines_that_ended_short_of_their_column():
    from extract.readers.pdf_unruled import unruled_tables

    def row(cells, base):
        ws = [w for text, x in zip(cells, [85.0, 115.0, 300.0, 420.0, 560.0]) if text
              for w in line(text, x0=x, base=base).words]
        return Line(ws, 1, [ws])
    lines = [row(["1", "Xây dựng kho dữ liệu dùng", "Sở Tư pháp", "Văn phòng Ủy ban", "Quý I"], 100),
             row(["", "chung của tỉnh", "", "nhân dân tỉnh", ""], 114),
             row(["2", "Số hóa hồ sơ thủ tục", "Sở Nội vụ", "Sở Tài chính", "Quý II"], 128),
             row(["", "", "", "Sở Y tế", ""], 142),
             row(["3", "Đào tạo kỹ năng số", "Sở Nội vụ", "Công an tỉnh", "Quý III"], 156)]
    (table, _), = unruled_tables(lines, 1)
    cells = {r[0].text: r[3].text for r in table.rows}
    assert cells["1"] == "Văn phòng Ủy ban nhân dân tỉnh"   # the column's widest line: a wrap
    assert cells["2"] == "Sở Tài chính\nSở Y tế"             # "Sở" would have fitted: a new line
    assert [r[1].text for r in table.rows][0] == "Xây dựng kho dữ liệu dùng chung của tỉnh"
