"""The repair stage (extract/text/repair.py) and byte decoding (extract/text/encoding.py)."""
from conftest import clean_text_plans
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text import Repairer, decode_bytes
from extract.text.tone import restyle

DATA = Path(__file__).parent / "data" / "text"
SAMPLE = (DATA / "vanban.txt").read_text(encoding="utf-8")
LINES = [line for line in SAMPLE.splitlines() if line.strip()]

from test_text_legacy import to_tcvn3, to_vni  # noqa: E402  (the test-side encoders)



def _plans(shared):
    return sorted((shared / "real").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))


def to_cp1258(text):
    """Windows-1258 bytes: letters with hats/breve/horn precomposed, tones as combining marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        tone = next(m for m in "\u0300\u0301\u0303\u0309\u0323" if m in d)
        out += unicodedata.normalize("NFC", d.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def to_mojibake(text):
    """UTF-8 read as Windows-1252 (Latin-1 for its five holes), saved again as UTF-8."""
    raw = text.encode("utf-8")
    chars = []
    for b in raw:
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


# ---------------------------------------------------------------- decoding bytes
@pytest.mark.parametrize("encode,name", [
    (lambda t: t.encode("utf-8"), "utf-8"),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    (lambda t: t.encode("utf-16"), "utf-16"),
    (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
    (lambda t: t.encode("utf-16-le"), "utf-16-le"),
    (to_cp1258, "cp1258"),
])
def test_decode_unicode_encodings(encode, name):
    text, enc, _ = decode_bytes(encode(SAMPLE))
    assert (text, enc) == (SAMPLE, name)


def test_decode_utf8_misread_as_cp1252():
    text, enc, report = decode_bytes(to_mojibake(SAMPLE).encode("utf-8"))
    assert text == SAMPLE and enc == "utf-8"
    assert report[0]["step"] == "mojibake" and report[0]["count"] > 100
    assert decode_bytes("Huyá»‡n á»§y".encode("utf-8"))[0] == "Huyện ủy"


def test_decode_tcvn3_file_saved_by_an_old_windows_machine():
    data = to_tcvn3(SAMPLE).encode("cp1252")
    text, enc, report = decode_bytes(data)
    assert enc == "tcvn3"
    assert text.casefold() == SAMPLE.casefold()
    assert report[0]["step"] == "legacy-tcvn3" and len(report[0]["examples"]) == 5


def test_decode_vni_file():
    text, enc, _ = decode_bytes(to_vni(SAMPLE).encode("cp1252"))
    assert (text, enc) == (SAMPLE, "vni")


def test_decode_keeps_clean_utf8_byte_identical(shared):
    for path in _plans(shared):
        raw = path.read_bytes()
        text, enc, _ = decode_bytes(raw)
        assert enc in ("utf-8", "utf-8-sig")
        assert text == unicodedata.normalize("NFC", raw.decode(enc))


@pytest.mark.parametrize("data", [b"", b"\xff\xfe", b"\x00\x01\x02", bytes(range(256)), b"\xef\xbb\xbf"])
def test_decode_odd_bytes_never_crashes(data):
    text, enc, report = decode_bytes(data)
    assert isinstance(text, str) and isinstance(enc, str) and isinstance(report, list)


# ---------------------------------------------------------------- the repair stage
def test_clean_text_is_identical_except_tone_style():
    for style in ("keep", "first", "main"):
        r = Repairer(style)
        for line in LINES:
            assert r.fix(line) == restyle(line, style)[0]


def test_clean_plans_are_byte_identical(shared):
    for path in clean_text_plans(shared):  # PDF text layers have run-together words to repair
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig")).replace("\u00a0", " ")
        r = Repairer("keep")
        out = "\n".join(r.fix(p) for p in text.split("\n"))
        assert out == text, (path.name, r.report())


def test_decomposed_text_with_other_tone_style_equals_its_twin():
    twin = restyle(SAMPLE, "main")[0]
    nfd = unicodedata.normalize("NFD", twin)
    r = Repairer("first")
    assert r.fix(nfd) == restyle(SAMPLE, "first")[0]
    steps = {e["step"] for e in r.report()}
    assert {"nfc", "tone-first"} <= steps


def test_real_file_mixing_nfc_and_nfd(shared):
    paths = sorted((shared / "real").glob("04_*.txt"))
    if not paths:
        pytest.skip("no mixed-normalisation example")
    raw = paths[0].read_text(encoding="utf-8-sig")
    r = Repairer("keep")
    out = [r.fix(p) for p in raw.split("\n")]
    assert all(unicodedata.is_normalized("NFC", p) for p in out)
    assert "\n".join(out) == unicodedata.normalize("NFC", raw).replace("\u00a0", " ")


@pytest.mark.parametrize("text,expected", [
    ("Kế\u200b hoạch\u200d số\ufeff 12", "Kế hoạch số 12"),
    ("Kế\u00a0hoạch\u202fsố\u00a012", "Kế hoạch số 12"),
    ("Ðảng bộ xã, Ðoàn Thanh niên, ðồng chí", "Đảng bộ xã, Đoàn Thanh niên, đồng chí"),
    ("“Ngày hội toàn dân” và ‘ngày vì người nghèo’", "“Ngày hội toàn dân” và ‘ngày vì người nghèo’"),
    ("Huyá»‡n á»§y", "Huyện ủy"),
    ("KÕ ho¹ch thùc hiÖn NghÞ quyÕt", "Kế hoạch thực hiện Nghị quyết"),
    ("Keá hoaïch thöïc hieän Nghò quyeát", "Kế hoạch thực hiện Nghị quyết"),
    ("Đảng uỷUBND xã chủtrì", "Đảng ủy UBND xã chủ trì"),
    ("Þórr Ðorvaldsson in Reykjavík", "Þórr Ðorvaldsson in Reykjavík"),
])
def test_repairs(text, expected):
    assert Repairer("first").fix(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a web page's drop cap or letter-spaced first letter, joined back
    ("T RƯỜNG THPT AN PHÚ", "TRƯỜNG THPT AN PHÚ"),
    ("Đ ộc lập - Tự do - Hạnh phúc", "Độc lập - Tự do - Hạnh phúc"),
    ("C ác cơ quan, đơn vị", "Các cơ quan, đơn vị"),
    ("K Ế HOẠCH", "KẾ HOẠCH"),
    # a letter that is a label stays apart
    ("điểm b khoản 2 Điều 3", "điểm b khoản 2 Điều 3"),
    ("theo điểm a, b, c Điều 1", "theo điểm a, b, c Điều 1"),
    ("ông T Hà, bà N Lan", "ông T Hà, bà N Lan"),
    ("Tầng T hai, nhóm B gồm 5 người", "Tầng T hai, nhóm B gồm 5 người"),
    ("giấy phép lái xe hạng C trở lên", "giấy phép lái xe hạng C trở lên"),
    # the last letter of an abbreviation with a slash ("T/M" before a TCVN3 line's lower-cased "ủY")
    ("T/M ủy ban kiểm tra", "T/M ủy ban kiểm tra"),
])
def test_lone_first_letter_is_joined_to_its_word(text, expected):
    assert Repairer("first").fix(text) == expected


def test_soft_hyphen_is_tcvn3_letter_before_it_is_invisible():
    assert Repairer().fix("Ng\u00adêi d©n vµ c¸n bé") == "Người dân và cán bộ"
    assert Repairer().fix("Kế hoạch\u00ad số 12") == "Kế hoạch số 12"


def test_report_counts_and_examples():
    r = Repairer("first")
    for _ in range(3):
        r.fix("Cộng hoà xã hội; thuỷ lợi; khoẻ mạnh")
    r.fix("hệthống\u200b")
    report = {e["step"]: e for e in r.report()}
    assert report["tone-first"]["count"] == 9
    assert len(report["tone-first"]["examples"]) == 5
    assert report["tone-first"]["examples"][0] == {"before": "hoà", "after": "hòa"}
    assert report["split-words"] == {"step": "split-words", "count": 1,
                                     "examples": [{"before": "hệthống", "after": "hệ thống"}]}
    assert report["zero-width"]["count"] == 1
    assert all(set(e) == {"step", "count", "examples"} for e in r.report())


def test_report_is_empty_for_clean_text():
    r = Repairer("keep")
    for line in LINES:
        r.fix(line)
    assert r.report() == []


def test_unknown_tone_style_is_refused():
    with pytest.raises(ValueError):
        Repairer("old")


def test_fast_enough_per_paragraph():
    paragraphs = LINES * 20
    legacy = [to_tcvn3(p) for p in LINES] * 5
    r = Repairer("first")
    start = time.perf_counter()
    for p in paragraphs:
        r.fix(p)
    clean = (time.perf_counter() - start) / len(paragraphs)
    start = time.perf_counter()
    for p in legacy:
        r.fix(p)
    old = (time.perf_counter() - start) / len(legacy)
    assert clean < 0.0005 and old < 0.002, (clean, old)


VIET = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị"
                                              "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ AĐHUÔƠ,.;-\n")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(VIET)
def test_repair_is_idempotent_on_vietnamese_letters(text):
    r = Repairer("first")
    once = r.fix(text)
    assert r.fix(once) == once
    assert unicodedata.is_normalized("NFC", once)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_repair_never_crashes_and_gives_nfc(text):
    out = Repairer("main").fix(text)
    assert isinstance(out, str) and unicodedata.is_normalized("NFC", out)
