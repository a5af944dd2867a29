"""Run-together words (extract/text/split.py): split only what is not a syllable and reads as several."""
from conftest import clean_text_plans
import re
from pathlib import Path

import pytest

from extract.text.split import Splitter
from extract.text.syllable import TONE_OF, is_syllable

DATA = Path(__file__).parent / "data" / "text"
SAMPLE = (DATA / "vanban.txt").read_text(encoding="utf-8")



def _glued_pairs(text):
    """Adjacent words as a PDF text layer glues them: the space after a tone-marked letter lost."""
    words = re.findall(r"[^\W\d_]+", text)
    return sorted({(a, b) for a, b in zip(words, words[1:])
                   if a[-1] in TONE_OF and is_syllable(a) and is_syllable(b)})


PAIRS = _glued_pairs(SAMPLE)


@pytest.fixture(scope="module")
def learned():
    s = Splitter()
    s.fix(SAMPLE)  # the document's own syllables
    return s


@pytest.mark.parametrize("a,b", PAIRS)
def test_glued_pair_of_a_plan_is_split_back(learned, a, b):
    assert learned.fix(f"({a}{b})")[0] == f"({a} {b})"


@pytest.mark.parametrize("text,expected", [
    ("hệthống", "hệ thống"),
    ("chủtrì", "chủ trì"),
    ("Đảng uỷUBND", "Đảng uỷ UBND"),
    ("Nghị quyết vềnâng cao", "Nghị quyết về nâng cao"),
    ("Đảng bộxã", "Đảng bộ xã"),
    ("Đại hội Đảng bộ lần thứI.", "Đại hội Đảng bộ lần thứ I."),
    ("khoá thứII", "khoá thứ II"),
    ("Trên cơ sởChương trình", "Trên cơ sở Chương trình"),
    ("UBNDhuyện", "UBND huyện"),
    ("Phòng GD&ĐTphối hợp", "Phòng GD&ĐT phối hợp"),
    ("KẾHOẠCH", "KẾ HOẠCH"),
    ("cánhân", "cá nhân"),
    ("sốđủphẩm chất", "số đủ phẩm chất"),
])
def test_run_together_examples(text, expected):
    assert Splitter().fix(text)[0] == expected


KEEP = ["nghiêng", "khuyến", "Quảng", "thuở", "khuya", "khuỷu", "facebook", "Zalo", "mocha35", "fanpage",
        "Internet", "VNeID", "STEM", "IoT", "R&D", "5G", "Gb/s", "online", "UBND", "HĐND", "GD&ĐT",
        "LĐTB&XH", "Mác - Lênin", "Đắk Lắk", "ĐắkLắk", "Krông Pắc", "cafe", "email: ubnd@cầugiấy.vn",
        "www.hànội.gov.vn", "COVID-19", "Hồ Chí Minh", "iPhone", "TikTok", "Việt Nam", "x"]


@pytest.mark.parametrize("text", KEEP)
def test_valid_words_names_and_foreign_words_stay(text):
    assert Splitter().fix(text) == (text, [])


def test_document_frequency_chooses_between_readings():
    s = Splitter()
    s.fix("Tăng cường quan hệ hợp tác; quan hệ đối ngoại; mở rộng quan hệ.")
    assert s.fix("quanhệ")[0] == "quanhệ" or s.fix("quanhệ")[0] == "quan hệ"
    s2 = Splitter()
    s2.fix("cá nhân, tập thể và cá nhân tiêu biểu")
    assert s2.fix("cánhân")[0] == "cá nhân"


def test_changes_are_reported():
    text, changes = Splitter().fix("Ban Thường vụĐảng uỷ chủtrì")
    assert text == "Ban Thường vụ Đảng uỷ chủ trì"
    assert changes == [("vụĐảng", "vụ Đảng"), ("chủtrì", "chủ trì")]


def test_pdf_text_layer_gets_split_and_nothing_else(shared):
    paths = sorted((shared / "real").glob("16_*.txt"))
    if not paths:
        pytest.skip("no PDF text example")
    text = paths[0].read_text(encoding="utf-8-sig")
    s = Splitter()
    out, changes = s.fix(text)
    assert len(changes) >= 50
    for before, after in changes:
        assert after.replace(" ", "") == before
        assert all(is_syllable(p) or p.isupper() for p in after.split())
    words = re.findall(r"[^\W\d_]+", out)
    glued = [w for w in words if len(w) > 1 and not w.isascii() and not is_syllable(w) and not w.isupper()]
    assert glued == []


def test_clean_plans_are_not_touched(shared):
    for path in clean_text_plans(shared):
        text = path.read_text(encoding="utf-8-sig")
        out, changes = Splitter().fix(text)
        assert changes == [], (path.name, changes[:5])
