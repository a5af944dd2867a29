"""Legacy encodings (extract/text/legacy.py): fonts, converters and detection by content.

The fixtures are made here with encoders written from the published code charts, independent of
the module's tables: Unicode text -> TCVN3 / VNI characters, as Word or a cp1252 file shows them."""
import unicodedata
from pathlib import Path

import pytest

from extract.text import legacy

DATA = Path(__file__).parent / "data" / "text"
SAMPLE = (DATA / "vanban.txt").read_text(encoding="utf-8")
LINES = [line for line in SAMPLE.splitlines() if line.strip()]

# ---------------------------------------------------------------- TCVN3 (VN3) encoder
# per base vowel: codes for no tone, huyền, hỏi, ngã, sắc, nặng
_TCVN3_CHART = {
    "a": "a µ ¶ · ¸ ¹", "ă": "¨ » ¼ ½ ¾ Æ", "â": "© Ç È É Ê Ë", "e": "e Ì Î Ï Ð Ñ", "ê": "ª Ò Ó Ô Õ Ö",
    "i": "i × Ø Ü Ý Þ", "o": "o ß á â ã ä", "ô": "« å æ ç è é", "ơ": "¬ ê ë ì í î", "u": "u ï ñ ò ó ô",
    "ư": "\u00ad õ ö ÷ ø ù", "y": "y ú û ü ý þ",
}
_TONE_ORDER = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
_TCVN3_CAPS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§", "đ": "®"}


def _split_letter(ch):
    """A Vietnamese letter -> (base letter with its hat/breve/horn, tone combining mark or '')."""
    d = unicodedata.normalize("NFD", ch)
    tone = next((m for m in _TONE_ORDER[1:] if m in d), "")
    return unicodedata.normalize("NFC", d.replace(tone, "") if tone else d), tone


def to_tcvn3(text):
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, tone = _split_letter(ch)
        low = base.lower()
        if low in _TCVN3_CHART and (tone or base in _TCVN3_CHART):
            out.append(_TCVN3_CHART[low].split()[_TONE_ORDER.index(tone)])  # capitals with tones: small code
        elif base in _TCVN3_CAPS:
            out.append(_TCVN3_CAPS[base])
        elif tone == "" and base in _TCVN3_CHART:
            out.append(base)
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------- VNI encoder
_VNI_TONE = {"\u0301": "ù", "\u0300": "ø", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_VNI_HAT_TONE = {"": "â", "\u0301": "á", "\u0300": "à", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_VNI_BREVE_TONE = {"": "ê", "\u0301": "é", "\u0300": "è", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_VNI_I = {"\u0301": "í", "\u0300": "ì", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def to_vni(text):
    out = []
    for ch in unicodedata.normalize("NFC", text):
        base, tone = _split_letter(ch)
        up = base.isupper()
        low = base.lower()
        if low == "đ":
            s = "ñ"
        elif low in "âêô" and low:
            s = low.replace("â", "a").replace("ê", "e").replace("ô", "o") + _VNI_HAT_TONE[tone]
        elif low == "ă":
            s = "a" + _VNI_BREVE_TONE[tone]
        elif low in ("ơ", "ư"):
            s = {"ơ": "ô", "ư": "ö"}[low] + (_VNI_TONE[tone] if tone else "")
        elif low == "i" and tone:
            s = _VNI_I[tone]
        elif low == "y" and tone == "\u0323":
            s = "î"
        elif low in "aeiouy" and low and tone:
            s = low + _VNI_TONE[tone]
        else:
            out.append(ch)
            continue
        out.append(s.upper() if up else s)
    return "".join(out)



# ---------------------------------------------------------------- fonts
@pytest.mark.parametrize("font,enc", [
    (".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-caps"), (".VnArial", "tcvn3"), (".VnArialH", "tcvn3-caps"),
    ("ABCDEF+VnTime", "tcvn3"), ("ABCDEF+.VnTimeH", "tcvn3-caps"), (".VnArial NarrowH", "tcvn3-caps"),
    (".VnCentury Schoolbook", "tcvn3"), ("VnTimes New Roman", "tcvn3"), (".VnBook-Antiqua", "tcvn3"),
    ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("ABCDEF+VNI-Times-Bold", "vni"),
    ("Times New Roman", None), ("Arial", None), ("ABCDEF+TimesNewRomanPSMT", None), ("", None), (None, None),
])
def test_font_encoding(font, enc):
    assert legacy.font_encoding(font) == enc


# ---------------------------------------------------------------- converters
@pytest.mark.parametrize("line", [l for l in LINES if l == l.lower() or not any(
    unicodedata.normalize("NFD", c) != c and c.isupper() for c in l)])
def test_tcvn3_round_trip_exact(line):
    assert legacy.convert(to_tcvn3(line), "tcvn3") == line


@pytest.mark.parametrize("line", LINES)
def test_tcvn3_round_trip_up_to_case_of_toned_capitals(line):
    assert legacy.convert(to_tcvn3(line), "tcvn3").casefold() == line.casefold()


@pytest.mark.parametrize("line", [l for l in LINES if l.isupper()])
def test_tcvn3_caps_font_restores_capitals(line):
    assert legacy.convert(to_tcvn3(line), "tcvn3-caps") == line


@pytest.mark.parametrize("line", LINES)
def test_vni_round_trip(line):
    assert legacy.convert(to_vni(line), "vni") == line


def test_known_spellings():
    assert legacy.convert("KÕ ho¹ch", "tcvn3") == "Kế hoạch"
    assert legacy.convert("Céng hßa x· héi chñ nghÜa ViÖt Nam", "tcvn3") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert legacy.convert("ng\u00adêi d©n", "tcvn3") == "người dân"   # U+00AD is TCVN3's ư
    assert legacy.convert("Keá hoaïch", "vni") == "Kế hoạch"
    assert legacy.convert("ÑAÛNG BOÄ", "vni") == "ĐẢNG BỘ"
    assert legacy.convert("Vi\u00aet Nam", "viscii") == "Việt Nam"      # VISCII 0xAE = ệ
    assert legacy.convert("x\u00e3 h\u00f5i", "viscii") == "xã hõi"     # identical positions stay
    assert legacy.convert("text", "unknown") == "text"


# ---------------------------------------------------------------- detection by content
@pytest.mark.parametrize("line", LINES)
def test_detected_tcvn3_line(line):
    encoded = to_tcvn3(line)
    out, changes = legacy.detect_and_convert(encoded)
    if encoded == line:
        assert changes == []
    else:
        assert out.casefold() == line.casefold()
        assert [c[0] for c in changes] == ["tcvn3"]


@pytest.mark.parametrize("line", LINES)
def test_detected_vni_line(line):
    encoded = to_vni(line)
    out, _ = legacy.detect_and_convert(encoded)
    assert out == line


@pytest.mark.parametrize("line", LINES)
def test_unicode_lines_are_left_alone(line):
    assert legacy.detect_and_convert(line) == (line, [])


def test_heading_in_capital_font_gets_capitals_back():
    heading = "KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN"
    out, _ = legacy.detect_and_convert(to_tcvn3(heading))
    assert out == heading


def test_mixed_document_converts_only_legacy_lines():
    uni = LINES[:6]
    mixed = "\n".join(to_tcvn3(l) if i % 2 else l for i, l in enumerate(uni))
    out, changes = legacy.detect_and_convert(mixed)
    assert out.casefold() == "\n".join(uni).casefold()
    assert all(enc == "tcvn3" for enc, _b, _a in changes)


def test_unicode_words_kept_inside_a_legacy_line():
    line = "Triển khai " + to_tcvn3("thực hiện Nghị quyết số 12 về các nhiệm vụ")
    out, _ = legacy.detect_and_convert(line)
    assert out == "Triển khai thực hiện Nghị quyết số 12 về các nhiệm vụ"


@pytest.mark.parametrize("text", ["Giá 25.000 đ/m² (±5%)", "Nhiệt độ 30°C", "© 2024 UBND", "“Ngày hội” « x »",
                                  "Café, naïve, Zürich", "Số 15/KH-UBND ngày 12/3/2025"])
def test_symbols_in_unicode_text_are_not_legacy(text):
    assert legacy.detect_and_convert(text)[0] == text


def test_real_plans_have_no_legacy_lines(shared):
    for path in sorted((shared / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
        assert legacy.detect_and_convert(text)[1] == [], path.name


def test_real_plan_through_tcvn3_comes_back(shared):
    path = sorted((shared / "seeds").glob("*.txt"))[0]
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig"))
    out, _ = legacy.detect_and_convert(to_tcvn3(text))
    a, b = out.casefold().split(), text.casefold().split()
    same = sum(x == y for x, y in zip(a, b))
    assert len(a) == len(b) and same / len(b) > 0.995


@pytest.mark.parametrize("line,expected", [
    ("4. ñy ban nh©n d©n c¸c x·", "4. Ủy ban nhân dân các xã"),
    ("- ñy ban; viÖc lµm. ñy ban", "- Ủy ban; việc làm. Ủy ban"),
    ("®i häc vµ lµm viÖc", "Đi học và làm việc"),
    ("a) ¦u tiªn nguån lùc", "a) Ưu tiên nguồn lực"),
])
def test_toned_capitals_at_sentence_start_come_back(line, expected):
    assert legacy.detect_and_convert(line)[0] == expected


def test_short_line_in_a_tcvn3_document_follows_the_document():
    from extract.text import Repairer
    r = Repairer("keep")
    doc = [to_tcvn3(l) for l in LINES[:8]] + ["Sè: 617/KH-UBND", "TM. ñY BAN"]
    out = [r.fix(l) for l in doc]
    assert out[-2:] == ["Số: 617/KH-UBND", "TM. ỦY BAN"]
