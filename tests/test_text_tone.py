"""Tone-mark placement for oa/oe/uy (extract/text/tone.py), built from onsets x rimes x tones."""
import unicodedata

import pytest

from extract.text.tone import restyle

TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
ONSETS = ["", "h", "t", "th", "l", "kh", "x", "ng", "nh", "ch", "tr", "s", "đ", "d", "b", "c", "g", "v", "m", "n"]
NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731


def _cases():
    for onset in ONSETS:
        for glide, vowel in (("o", "a"), ("o", "e"), ("u", "y")):
            for tone in TONES:
                first = NFC(onset + glide + tone + vowel)
                main = NFC(onset + glide + vowel + tone)
                yield first, main


CASES = list(_cases())


@pytest.mark.parametrize("first,main", CASES)
def test_first_style(first, main):
    assert restyle(main, "first")[0] == first
    assert restyle(first, "first") == (first, [])


@pytest.mark.parametrize("first,main", CASES)
def test_main_style(first, main):
    assert restyle(first, "main")[0] == main
    assert restyle(main, "main") == (main, [])


@pytest.mark.parametrize("first,main", CASES[::7])
def test_capitals_and_title_case_keep_their_case(first, main):
    assert restyle(main.upper(), "first")[0] == first.upper()
    assert restyle(main.capitalize(), "first")[0] == first.capitalize()


NEVER_CHANGE = ["hoàn", "hoạch", "toán", "khoảng", "tuyết", "quý", "quỳnh", "quà", "quá", "khuya", "thuở",
                "ngoài", "xoáy", "khuyến", "huyện", "Quảng", "hoa", "thuê", "Huế", "tuần", "luật", "thuộc",
                "quyết", "khuỷu", "hoặc", "loãng", "uống", "người", "của", "mùa", "huy", "khoa", "thuyền",
                "ngoèo"]


@pytest.mark.parametrize("word", NEVER_CHANGE)
@pytest.mark.parametrize("style", ["first", "main"])
def test_words_with_one_correct_place_never_change(word, style):
    assert restyle(word, style) == (word, [])


def test_keep_leaves_text():
    text = "Cộng hoà xã hội, Đảng ủy, thuỷ lợi, khỏe mạnh"
    assert restyle(text, "keep") == (text, [])


def test_sentence_gets_one_style_and_reports_each_change():
    text = "Cộng hoà xã hội chủ nghĩa; Đảng uỷ và Ủy ban; thuỷ lợi, sức khoẻ, hòa bình, hoàn thành kế hoạch"
    out, changes = restyle(text, "first")
    assert out == "Cộng hòa xã hội chủ nghĩa; Đảng ủy và Ủy ban; thủy lợi, sức khỏe, hòa bình, hoàn thành kế hoạch"
    assert changes == [("hoà", "hòa"), ("uỷ", "ủy"), ("thuỷ", "thủy"), ("khoẻ", "khỏe")]
    back, _ = restyle(out, "main")
    assert back == "Cộng hoà xã hội chủ nghĩa; Đảng uỷ và Uỷ ban; thuỷ lợi, sức khoẻ, hoà bình, hoàn thành kế hoạch"


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError):
        restyle("hoà", "old")
