"""PDFs whose text layer lies: fonts judged by the syllable model, recovered from the font
program or a constant shift, set aside when nothing explains them; OCR as the fallback."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract
from extract.errors import NeedsOCR
from extract.model import Table
from extract.readers import pdf_ocr
from extract.readers.pdf import read_pdf
from extract.readers.pdf_fonts import FontSource
from extract.text.garble import reads_as_vietnamese, share, verdict
from extract.writers.report import explain

DATA = Path(__file__).parent / "data" / "pdf"
HAS_TESSERACT = pdf_ocr.tesseract() is not None
needs_tesseract = pytest.mark.skipif(not HAS_TESSERACT, reason="tesseract-ocr with tesseract-ocr-vie not installed "
                                     "(apt-get install tesseract-ocr tesseract-ocr-vie)")


def _texts(raw) -> list:
    out = []
    for b in raw.blocks:
        out.extend(c.text for r in b.rows for c in r) if isinstance(b, Table) else out.append(b.text)
    return out


@pytest.mark.parametrize("token, expected", [
    ("trường", 1), ("Nghĩa", 1), ("ĐỘC", 1), ("(2025)", 0), ("12/KH-UBND", 0), ("HĐND", 0),
    ("Internet", 0), ("Tәng", -2), ("x‚y", -2), ("Trѭӡng", -2), ("ΑΒΓ", -2), ("\x03\x05", -2),
    ("trởng", -1), ("Lênin", -1), ("2021–2025", 0), ("“Dân", 1), ("25°C", 0), ("≥95%", 0)])
def test_word_verdict_by_the_syllable_model(token, expected):
    assert verdict(token) == expected


def test_clean_text_reads_and_lookalike_text_does_not():
    assert reads_as_vietnamese(*share(["Ủy ban nhân dân xã tổ chức ra quân dọn dẹp vệ sinh"]))
    assert not reads_as_vietnamese(*share(["Tәng cỄng ty x‚y dӵng Trѭӡng Sѫn"]))
    # one look-alike word among many Vietnamese words still fails the font
    assert not reads_as_vietnamese(*share(["Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp Hӝi"]))


@pytest.mark.parametrize("name, step", [
    ("font-gid-no-tounicode.pdf", "pdf-font-program"),      # raw glyph ids, font program cmap
    ("font-lying-tounicode.pdf", "pdf-font-program"),       # look-alike ToUnicode, font program cmap
    ("font-shifted-tounicode.pdf", "pdf-font-shift"),       # ToUnicode off by a constant
    ("font-custom-8bit.pdf", "pdf-font-program"),           # 8-bit codes of its own, Mac cmap
])
def test_lying_text_layer_recovered_from_the_font(name, step):
    plan = extract.parse(str(DATA / name), ocr="never")
    titles = [s.title for s in plan.sections]
    assert titles == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ VÀ GIẢI PHÁP", "TỔ CHỨC THỰC HIỆN"]
    assert plan.document.number == "07/KH-UBND"
    assert any(t.lead == ["Văn phòng Ủy ban nhân dân xã"] for t in plan.tasks)
    assert any(t.value == 95 and t.unit == "%" for t in plan.targets)
    entry = next(n for n in plan.normalization if n["step"] == step)
    assert entry["count"] > 0 and entry["examples"][0]["page"] == 1
    assert step in explain("x", plan.normalization)
    assert not any(f.code == "unreadable-text" for f in plan.findings)


def test_tcvn3_text_under_a_unicode_font_name_is_converted():
    text = " ".join(_texts(read_pdf(str(DATA / "font-tcvn3-renamed.pdf"), ocr="never")))
    assert "Nâng cao nhận thức" in text and "Hòa Mỹ" in text


def test_garbage_never_passed_on_when_nothing_explains_it(monkeypatch):
    """Without the font program's help, look-alike text is set aside with a finding naming the page."""
    monkeypatch.setattr(FontSource, "readings", lambda self, index, name: [])
    with pytest.raises(NeedsOCR) as e:   # the only font of the document: nothing is left
        read_pdf(str(DATA / "font-lying-tounicode.pdf"), ocr="never")
    assert "--ocr" in str(e.value) and "font-lying-tounicode.pdf" in str(e.value)


def test_unreadable_font_reported_with_page_and_the_rest_extracted():
    raw = read_pdf(str(DATA / "no-unicode-map.pdf"), ocr="never")
    found = [f for f in raw.findings if f.code == "unreadable-text"]
    assert len(found) == 1 and found[0].severity == "error" and found[0].source.page == 1
    assert "Trang 1" in found[0].message
    text = " ".join(_texts(raw))
    assert "1. Sở Nội vụ chủ trì" in text
    assert not any(ord(ch) < 32 and ch != "\n" for ch in text)


def test_without_tesseract_the_error_names_pages_and_package(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "tesseract", lambda: None)
    raw = read_pdf(str(DATA / "no-unicode-map.pdf"))
    found = [f for f in raw.findings if f.code == "unreadable-text"]
    assert len(found) == 1 and "Trang 1" in found[0].message
    assert "tesseract-ocr tesseract-ocr-vie" in found[0].message
    with pytest.raises(NeedsOCR) as e:
        read_pdf(str(DATA / "scanned.pdf"))
    assert "tesseract-ocr-vie" in str(e.value) and "scanned.pdf" in str(e.value)
    with pytest.raises(NeedsOCR):
        read_pdf(str(DATA / "font-no-cmap-no-map.pdf"), ocr="always")


def test_ocr_never_keeps_scans_an_error():
    with pytest.raises(NeedsOCR) as e:
        read_pdf(str(DATA / "scanned.pdf"), ocr="never")
    assert "--ocr" in str(e.value)


def test_ocr_mode_checked():
    with pytest.raises(ValueError):
        read_pdf(str(DATA / "small.pdf"), ocr="sometimes")


@needs_tesseract
@pytest.mark.parametrize("name", ["scanned.pdf", "no-unicode-map.pdf", "font-no-cmap-no-map.pdf"])
def test_ocr_auto_reads_pages_without_readable_text(name):
    raw = read_pdf(str(DATA / name))
    info = [f for f in raw.findings if f.code == "ocr"]
    assert len(info) == 1 and info[0].severity == "info" and "Trang 1" in info[0].message
    assert not any(f.code == "unreadable-text" for f in raw.findings)
    assert "KẾ HOẠCH" in " ".join(_texts(raw))
    paras = [b for b in raw.blocks if not isinstance(b, Table)]
    assert all(b.source.page == 1 for b in paras)
    assert all(0 < b.source.confidence <= 1 for b in paras if b.source.confidence is not None)
    assert any(b.source.confidence for b in paras)


@needs_tesseract
def test_ocr_always_reads_every_page():
    raw = read_pdf(str(DATA / "small.pdf"), ocr="always")
    assert any(f.code == "ocr" for f in raw.findings)
    assert "KẾ HOẠCH" in " ".join(_texts(raw))


def test_clean_pdf_needs_no_recovery():
    raw = read_pdf(str(DATA / "small.pdf"))
    assert raw.normalization == [] and not any(f.code in ("ocr", "unreadable-text") for f in raw.findings)



def test_cli_ocr_never_reports_a_scan(tmp_path, capsys):
    from extract.cli import main
    code = main(["convert", str(DATA / "scanned.pdf"), "-o", str(tmp_path), "--ocr", "never", "-q"])
    assert code != 0
    out = capsys.readouterr()
    assert "scanned.pdf" in out.out + out.err and "--ocr" in out.out + out.err


@needs_tesseract
def test_partly_readable_page_keeps_its_text_layer():
    """Only the words set aside are replaced by OCR words; the good text layer stays."""
    raw = read_pdf(str(DATA / "no-unicode-map.pdf"))
    paras = [b for b in raw.blocks if not isinstance(b, Table)]
    task = next(b for b in paras if b.text.startswith("1. Sở Nội vụ"))
    assert task.source.confidence is None          # from the text layer
    head = next(b for b in paras if b.text == "KẾ HOẠCH")
    assert head.source.confidence is not None      # read by OCR


def test_codes_read_as_right_to_left_letters_are_not_recovered(monkeypatch):
    """Glyph ids past U+0590 come out of PDFium reordered and mirrored: no reading is trusted,
    the words are set aside (OCR reads them)."""
    from extract.readers.pdf_fonts import Vetter
    from extract.readers.pdf_text import Word
    words = [Word(t, 0, 0, 10, 10, 10, 12) for t in ("&ۂ1*", "+ۂ,", "9,ڰ7", "1$0")]
    assert Vetter().vet(1, "F", words, True) == "dropped"
    assert [w.text for w in words] == ["&ۂ1*", "+ۂ,", "9,ڰ7", "1$0"]


@pytest.mark.parametrize("token", ["C\u200bNG", "Vi\u200dệt"])
def test_format_characters_inside_words_are_foreign(token):
    assert verdict(token) == -2


@pytest.mark.parametrize("text, conf, kept", [
    ("|", 0.9, None), ("|Văn", 0.9, "Văn"), ("phòng|", 0.8, "phòng"), ("[]", 0.5, None),
    ("ủÚ~", 0.2, None), ("trường", 0.2, "trường"), ("UBND", 0.9, "UBND")])
def test_ocr_table_borders_and_seal_noise_dropped(text, conf, kept):
    from extract.readers.pdf_text import Word
    w = Word(text, 0, 0, 10, 10, 10, 12, conf=conf)
    assert (None if pdf_ocr._noise(w) else w.text) == kept


@pytest.mark.parametrize("numbers, text", [([1], "1"), ([3, 1], "1, 3"), ([1, 2, 3, 7], "1-3, 7")])
def test_pages_named_in_messages(numbers, text):
    assert pdf_ocr.pages_text(numbers) == text
