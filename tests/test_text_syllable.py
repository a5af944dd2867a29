"""The phonological syllable check (extract/text/syllable.py) over real Vietnamese text."""
from conftest import clean_text_plans
import re
import unicodedata
from pathlib import Path

import pytest

from extract.text.syllable import ACUTE, DOT, GRAVE, HOOK, TILDE, is_syllable

DATA = Path(__file__).parent / "data" / "text"
WORD = re.compile(r"[^\W\d_]+")


def _words(text):
    """Words of running text that should be syllables: not abbreviations in capitals."""
    out = []
    for w in WORD.findall(unicodedata.normalize("NFC", text)):
        if re.fullmatch(r"[IVXLC]+", w) or w.isupper() and len(w) > 1 and not any(c in "AĂÂEÊIOÔƠUƯY" for c in unicodedata.normalize("NFD", w)):
            continue  # UBND, HĐND, OCOP-like abbreviations
        out.append(w)
    return out


SAMPLE_WORDS = sorted(set(_words((DATA / "vanban.txt").read_text(encoding="utf-8"))) - {"OCOP"})



@pytest.mark.parametrize("word", SAMPLE_WORDS)
def test_words_of_a_plan_are_syllables(word):
    assert is_syllable(word)


TRICKY = ["nghiêng", "khuyến", "Quảng", "thuở", "quý", "khuya", "khuỷu", "quỳnh", "giếng", "gì", "gìn",
          "giữa", "giặt", "xoong", "boong", "moóc", "ngoằn", "hoạch", "huỳnh", "tuyết", "quyết", "yếu",
          "uống", "ươm", "ứng", "oái", "ngoáy", "khoẻ", "khỏe", "thuỷ", "thủy", "hoà", "hòa", "quốc",
          "ký", "kỹ", "kiệt", "ghế", "nghề", "Huế", "xuềnh", "khuếch", "luân", "khuâng", "tuần", "quân",
          "ạ", "ấy", "ở", "y", "yên", "đường", "người", "rượu", "hươu", "giường", "trường", "nhuệ",
          "ĐẢNG", "HOẠCH", "Nghị", "QUYẾT", "uỷ", "Ủy", "iu", "ngoèo", "chích", "nhịp", "bệnh", "thịt"]


@pytest.mark.parametrize("word", TRICKY)
def test_tricky_valid_syllables(word):
    assert is_syllable(word)


NOT_SYLLABLES = [
    # run-together pairs from PDF text layers
    "hệthống", "chủtrì", "uỷUBND", "vềnâng", "bộxã", "thứI", "tổchức", "cóthể",
    # English and other foreign words in plans
    "facebook", "Zalo", "fanpage", "Internet", "VNeID", "STEM", "IoT", "online", "website", "email",
    # spelling rules: k/gh/ngh only before i e ê y; c/g/ng not before them; q only as qu
    "ka", "gha", "nghô", "ce", "ngê", "qa", "kô",
    # stop codas take only sắc or nặng
    "hoc", "hòc", "hỏc", "hõt", "mà ch".replace(" ", ""), "thàp",
    # two tones, mixed case, impossible rimes
    "hóà", "hOA", "ăng" + "a", "oă", "uơn", "ưn", "âm" + "e",
]


@pytest.mark.parametrize("word", NOT_SYLLABLES)
def test_not_syllables(word):
    assert not is_syllable(word)


@pytest.mark.parametrize("word", [w for w in SAMPLE_WORDS if re.search(r"(ch|c|p|t)$", w.lower())])
def test_stop_coda_refuses_other_tones(word):
    base = unicodedata.normalize("NFD", word)
    bare = "".join(c for c in base if c not in (ACUTE, DOT, GRAVE, HOOK, TILDE))
    vowel = max(i for i, c in enumerate(bare) if c.lower() in "aeiouy")
    for tone in (GRAVE, HOOK, TILDE):
        wrong = unicodedata.normalize("NFC", bare[:vowel + 1] + tone + bare[vowel + 1:])
        assert not is_syllable(wrong), wrong


def test_real_plans_are_almost_all_syllables(shared):
    words = []
    for path in clean_text_plans(shared):  # PDF text layers run words together (test_text_split)
        words += [w for w in _words(path.read_text(encoding="utf-8-sig")) if not w.isascii()]
    bad = [w for w in words if not is_syllable(w)]
    assert len(words) > 5000
    assert len(bad) / len(words) < 0.002, sorted(set(bad))[:50]
