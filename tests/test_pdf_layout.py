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
