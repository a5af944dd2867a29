"""PDF layout on Word plans printed by LibreOffice (fixtures made by tests/data/pdf/make_layout_fixtures.py):
shading is no ruling, the letterhead ends at the page-centred type line, restarted page numbers are
furniture, and tables without ruling lines are read from word positions."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import extract
from extract.model import Paragraph, Table
from extract.readers import pdf_text
from extract.readers.pdf import read_pdf
from extract.readers.pdf_lines import Line
from extract.readers.pdf_text import Word
from extract.readers.pdf_unruled import unruled_tables

DATA = Path(__file__).resolve().parent / "data" / "pdf"
SHADED = DATA / "shaded-body.pdf"
UNRULED = DATA / "unruled-table.pdf"


def tables(raw) -> list:
    return [b for b in raw.blocks if isinstance(b, Table)]


def paragraphs(raw) -> list:
    return [b.text for b in raw.blocks if isinstance(b, Paragraph)]


@pytest.fixture(scope="module")
def shaded():
    return read_pdf(str(SHADED))


# ------------------------------------------------------------------ shading is no ruling
def test_white_shaded_body_text_stays_paragraphs(shaded):
    # LibreOffice paints a white box behind each line of a shaded run: a grid of invisible boxes
    items = [p for p in paragraphs(shaded) if p.startswith("- ")]
    assert len(items) == 24
    assert all(p.endswith(".") and "phối hợp với các cơ quan" in p for p in items)
    # the letterhead and the appendix table, nothing from the shaded body
    assert len(tables(shaded)) == 2


def test_shading_made_a_false_table_without_the_paint_check(monkeypatch):
    monkeypatch.setattr(pdf_text, "_draws_rule", lambda raw, area, buf: True)
    raw = read_pdf(str(SHADED))
    assert len(tables(raw)) > 2, "the fixture no longer reproduces the phenomenon"


def test_shaded_cell_keeps_its_row_whole(shaded):
    table = tables(shaded)[1]
    rows = [[c.text for c in row] for row in table.rows]
    numbered = [r for r in rows if re.fullmatch(r"\d+", r[0])]
    assert [int(r[0]) for r in numbered] == list(range(1, 16))
    assert all(r[2] and r[3] and r[4] for r in numbered)   # lead, partners, deadline in every row
    row7 = numbered[6]
    assert row7[1].startswith("Rà soát, đánh giá việc thực hiện") and row7[4] == "Quý II/2026"


# ------------------------------------------------------------------ letterhead
def test_type_line_below_a_narrow_left_column_is_not_in_the_letterhead(shaded):
    head = shaded.blocks[0]
    assert isinstance(head, Table) and len(head.rows) == 1
    left, right = (c.text for c in head.rows[0])
    assert left.splitlines() == ["ỦY BAN NHÂN DÂN", "TỈNH MINH HẢI", "Số: 27/KH-UBND"]
    assert right.splitlines()[-1] == "Minh Hải, ngày 12 tháng 3 năm 2026"
    assert "KẾ HOẠCH" not in right
    assert shaded.blocks[1].text == "KẾ HOẠCH"


def test_type_line_and_title_reach_the_document_header():
    plan = extract.parse(str(SHADED))
    assert plan.document.doc_type.upper() == "KẾ HOẠCH"
    assert plan.document.title.startswith("Tăng cường quản lý nhà nước về tài nguyên")
    assert plan.document.number == "27/KH-UBND"


# ------------------------------------------------------------------ page furniture
def test_page_numbers_restarted_in_the_appendix_are_dropped(shaded):
    assert not [p for p in paragraphs(shaded) if re.fullmatch(r"\d{1,3}", p)]


def test_appendix_table_runs_on_over_its_pages_as_one_table(shaded):
    table = tables(shaded)[1]
    pages = {c.source.page for row in table.rows for c in row}
    assert len(pages) >= 2
    assert [c.text for c in table.rows[0]][:3] == ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì"]
    # repeated header rows are not data
    assert sum(1 for row in table.rows if row[0].text == "TT") == 1


def test_tasks_of_the_appendix_table_have_lead_and_deadline():
    plan = extract.parse(str(SHADED))
    rows = [t for t in plan.tasks if t.origin == "table"]
    assert [t.number for t in rows] == [str(k) for k in range(1, 16)]
    assert all(t.lead and t.partners and t.deadline.text for t in rows)


# ------------------------------------------------------------------ tables without ruling
def test_unruled_task_table_is_one_table_with_its_columns():
    raw = read_pdf(str(UNRULED))
    found = tables(raw)
    assert len(found) == 2            # the letterhead and the task table
    rows = [[c.text for c in row] for row in found[1].rows]
    assert rows[0] == ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"]
    assert rows[1] == ["I", "CẢI CÁCH THỂ CHẾ"] and found[1].rows[1][1].span == 4
    row2 = rows[3]
    assert row2[0] == "2" and row2[1].endswith("xử lý nghiêm các vi phạm về cấp phép xây dựng nhà ở riêng lẻ")
    assert row2[2:] == ["Sở Nội vụ", "Sở Xây dựng; UBND các xã, phường", "Thường xuyên"]
    # the paragraph after the table stays text
    assert paragraphs(raw)[-1].startswith("Các cơ quan, đơn vị được giao nhiệm vụ")


def test_unruled_table_gives_tasks_with_lead_partners_and_deadline():
    plan = extract.parse(str(UNRULED))
    rows = [t for t in plan.tasks if t.origin == "table"]
    assert [t.number for t in rows] == [str(k) for k in range(1, 8)]
    assert [t.group for t in rows] == ["I"] * 3 + ["II"] * 4
    assert rows[3].lead == ["Công an tỉnh"] and rows[3].deadline.end == "2026-09-30"
    assert all(t.lead and t.partners and t.deadline.text for t in rows)


SIZE = 13.0


def words_at(text: str, x0: float, base: float) -> list:
    """Words of `text` laid out from x0 at 7 pt per character and a 3.5 pt space."""
    out, x = [], x0
    for t in text.split():
        out.append(Word(t, x, base - 0.8 * SIZE, x + 7 * len(t), base + 0.25 * SIZE, base, SIZE))
        x += 7 * len(t) + 3.5
    return out


def row_lines(rows: list, cols: list, base: float = 100.0, pitch: float = 16.0) -> list:
    """Lines of a table set in columns starting at `cols` (one list of cell texts per line)."""
    lines = []
    for k, cells in enumerate(rows):
        ws = [w for text, x in zip(cells, cols) if text for w in words_at(text, x, base + k * pitch)]
        lines.append(Line(ws, 1, [ws]))
    return lines


COLS = [85.0, 115.0, 300.0, 400.0, 510.0]


@pytest.mark.parametrize("rows", [
    # numbered rows, wrapped cells
    [["TT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"],
     ["1", "Tuyên truyền Nghị quyết", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"],
     ["", "về cải cách hành chính", "", "", ""],
     ["2", "Rà soát văn bản", "Sở Y tế", "Công an tỉnh", "Hằng năm"]],
    # numbers with a dot, no header
    [["1.", "Kiểm tra công vụ", "Văn phòng", "Các sở", "Tháng 6/2026"],
     ["2.", "Tổng kết thi đua", "Sở Nội vụ", "Các huyện", "Tháng 12/2026"],
     ["3.", "Báo cáo kết quả", "Sở Nội vụ", "Các sở", "Trước 15/12/2026"]],
    # letters as numbers
    [["a)", "Lập danh sách cử tri", "UBND xã", "Công an xã", "Trước 10/3/2026"],
     ["b)", "Niêm yết danh sách", "UBND xã", "Các thôn", "Trước 15/3/2026"],
     ["c)", "Tổng hợp ý kiến", "MTTQ xã", "Các đoàn thể", "Trước 20/3/2026"]],
])
def test_space_aligned_columns_make_a_table(rows):
    lines = row_lines(rows, COLS)
    found = unruled_tables(lines, 1)
    assert len(found) == 1
    table, taken = found[0]
    assert taken == set(range(len(lines)))
    numbered = [r for r in table.rows if r[0].text and r[0].text not in ("TT",)]
    assert len(numbered) == sum(1 for r in rows if r[0] and r[0] != "TT")
    assert all(len(r) == 5 and r[2].text and r[4].text for r in numbered)


def test_wrapped_cell_lines_join_their_row():
    rows = [["1", "Tuyên truyền Nghị quyết", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"],
            ["", "về cải cách hành chính", "", "", ""],
            ["2", "Rà soát văn bản", "Sở Y tế", "Công an tỉnh", "Hằng năm"]]
    table, _ = unruled_tables(row_lines(rows, COLS), 1)[0]
    assert [c.text for c in table.rows[0]] == [
        "1", "Tuyên truyền Nghị quyết về cải cách hành chính", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026"]


PROSE = ("Tăng cường công tác tuyên truyền, phổ biến, giáo dục pháp luật cho cán bộ, công chức "
         "và Nhân dân trên địa bàn, nâng cao nhận thức và trách nhiệm của các cấp, các ngành "
         "trong việc thực hiện nhiệm vụ được giao, bảo đảm đúng tiến độ và chất lượng đề ra.")


def justified(text: str, n: int, x0: float = 85.0, x1: float = 540.0) -> list:
    """Running text cut into n lines stretched from x0 to x1, as a justified paragraph."""
    tokens = text.split()
    per = len(tokens) // n
    lines = []
    for k in range(n):
        part = tokens[k * per:(k + 1) * per]
        natural = sum(7 * len(t) for t in part) + 3.5 * (len(part) - 1)
        gap = 3.5 + (x1 - x0 - natural) / max(len(part) - 1, 1)
        ws, x = [], x0
        for t in part:
            ws.append(Word(t, x, 100 + 16 * k - 0.8 * SIZE, x + 7 * len(t), 100 + 16 * k + 0.25 * SIZE,
                           100 + 16 * k, SIZE))
            x += 7 * len(t) + gap
        lines.append(Line(ws, 1, [ws]))
    return lines


@pytest.mark.parametrize("lines", [
    justified(PROSE, 4),
    # a numbered list in running text
    row_lines([["1. Mục đích"], ["2. Yêu cầu"], ["3. Nội dung"], ["4. Tổ chức thực hiện"]], [85.0]),
    # two columns side by side (recipients | signer): not three columns
    row_lines([["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"], ["- Như trên;", "CHỦ TỊCH"],
               ["- Lưu: VT.", ""], ["", "Nguyễn Văn A"]], [85.0, 330.0]),
])
def test_running_text_and_two_column_blocks_are_no_unruled_table(lines):
    assert unruled_tables(lines, 1) == []


def test_unruled_table_runs_on_over_pages_with_the_cut_row_joined():
    raw = read_pdf(str(DATA / "unruled-two-pages.pdf"))
    found = tables(raw)
    assert len(found) == 2
    rows = [[c.text for c in row] for row in found[1].rows]
    numbered = [r for r in rows if re.fullmatch(r"\d+", r[0])]
    assert [r[0] for r in numbered] == [str(k) for k in range(1, 25)]
    assert {c.source.page for row in found[1].rows for c in row} == {1, 2, 3}
    # row 10 is cut by the page break: its last lines open page 2 with the number column empty
    assert numbered[9][1].endswith("xử lý nghiêm các vi phạm về đăng ký, đăng kiểm phương tiện thủy nội địa")
    assert not [p for p in paragraphs(raw) if "kiểm phương tiện thủy nội địa" in p]
