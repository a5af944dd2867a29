"""Capital and lower-case letters are told by their Unicode properties (`\\p{Lu}`, `\\p{Ll}` of the
regex module), never by hand-written ranges such as [A-ZÀ-Ỹ], which also hold the lower-case
letters with marks (à, ấ, ở, ư…) and miss some capitals."""
import re
from pathlib import Path

import pytest

from extract.outline import parse_marker
from extract.readers.pdf_lines import _starts_upper
from extract.units import split_units

ROOT = Path(__file__).resolve().parents[1]
LOWER = "àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ"


def test_no_hand_written_ranges_of_vietnamese_letters_in_the_package():
    ranges = re.compile(r"[A-Za-zÀ-ỹĐđ]-[À-ỹ]")
    found = [f"{p.relative_to(ROOT)}:{i}" for p in (ROOT / "extract").rglob("*.py")
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if ranges.search(line)]
    assert found == []


@pytest.mark.parametrize("letter", LOWER)
def test_a_lower_case_letter_with_marks_starts_no_sentence_and_its_capital_does(letter):
    assert not _starts_upper(letter + "n")
    assert _starts_upper(letter.upper() + "n")


@pytest.mark.parametrize("text, roman", [
    ("II ỦY BAN NHÂN DÂN", "II"),          # a roman number before a heading in capitals
    ("II ăn ở", None),                     # ... not before lower-case words with marks
    ("V ưu tiên", None),
])
def test_roman_number_without_punctuation_needs_a_capitalised_heading(text, roman):
    marker, _rest = parse_marker(text)
    assert (marker.number if marker else None) == roman


def test_a_unit_head_after_a_lower_case_word_with_marks_starts_a_new_unit():
    assert split_units("Đảng ủy các xã, thị trấn Phòng Văn hóa") == ["Đảng ủy các xã, thị trấn", "Phòng Văn hóa"]
    assert split_units("Công an thị xã Phòng Ấp Bắc") == ["Công an thị xã", "Phòng Ấp Bắc"]
    assert split_units("Công an thị xã Phòng ấp bắc") == ["Công an thị xã Phòng ấp bắc"]
