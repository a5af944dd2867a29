"""The .docx reader on the Word samples of the repository (built by scripts/make_docx_samples.py),
on the real Word plans of ../shared/real (skipped when absent), on .doc through LibreOffice, and
its speed."""
import re
import shutil
import subprocess
import time
import unicodedata
from pathlib import Path

import pytest

from extract.errors import UnreadableFile
from extract.model import Paragraph, Table
from extract.readers import doc as doc_reader
from extract.readers.docx import read_docx

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEEDS = ["muongte-huyenuy-kh-congtac-tutuong-2022", "tamduong-ubnd-kh-congtac-tutuong-2022"]
COMMUNE = SAMPLES / "thachlam-ubnd-xa-kh-chuyendoiso-2025.docx"
COMMUNE_TCVN3 = SAMPLES / "thachlam-ubnd-xa-kh-chuyendoiso-2025-tcvn3.docx"



def words(text: str) -> list:
    return re.findall(r"\w+", unicodedata.normalize("NFC", text).lower())


def all_text(doc) -> str:
    """Every text of the blocks in order (labels in front), cells by row."""
    out = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(f"{b.label} {b.text}" if b.label else b.text)
        else:
            out.extend(c.text for row in b.rows for c in row if not c.merged)
    return "\n".join(out)


# --------------------------------------------------------------------------- seeds in Word
@pytest.mark.parametrize("name", SEEDS)
def test_seed_in_word_says_what_its_text_export_says(name):
    txt = (SAMPLES / f"{name}.txt").read_text(encoding="utf-8").replace("**", "").replace("*", "")
    doc = read_docx(str(SAMPLES / f"{name}.docx"))
    assert words(all_text(doc)) == words(txt)


@pytest.mark.parametrize("name, first_heading", [(SEEDS[0], ("I-", "MỤC ĐÍCH, YÊU CẦU")),
                                                 (SEEDS[1], ("I.", "MỤC ĐÍCH, YÊU CẦU"))])
def test_seed_roman_headings_come_from_word_numbering(name, first_heading):
    doc = read_docx(str(SAMPLES / f"{name}.docx"))
    labelled = [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph) and b.label]
    assert labelled[0] == first_heading
    romans = [lab for lab, _ in labelled if re.fullmatch(r"[IVX]+[-.]", lab)]
    assert romans[:3] == [f"I{first_heading[0][-1]}", f"II{first_heading[0][-1]}", f"III{first_heading[0][-1]}"]
    assert not any(re.match(r"[IVX]+[-.]\s", b.text) for b in doc.blocks
                   if isinstance(b, Paragraph) and b.label)


def test_seed_task_table_numbers_restart_in_each_group():
    doc = read_docx(str(SAMPLES / f"{SEEDS[0]}.docx"))
    first = next(b for b in doc.blocks if isinstance(b, Table))
    assert first.header_rows == 1
    column = [row[0].text for row in first.rows]
    assert column[:8] == ["Stt", column[1], "1", "2", "3", "4", "5", column[7]]
    assert column[1].startswith("I ") and column[7].startswith("II ")


# --------------------------------------------------------------------------- the commune plan
@pytest.fixture(scope="module")
def commune():
    return read_docx(str(COMMUNE))


def task_table(doc):
    return next(b for b in doc.blocks if isinstance(b, Table) and b.header_rows)


def test_commune_letterhead_and_signature_are_two_column_tables(commune):
    tables = [b for b in commune.blocks if isinstance(b, Table)]
    letterhead, signature = tables[0], tables[1]
    assert letterhead.rows[0][0].text.split("\n")[-2:] == ["ỦY BAN NHÂN DÂN", "XÃ THẠCH LÂM"]
    assert letterhead.rows[1][0].text == "Số: 27/KH-UBND"
    assert signature.rows[0][0].text.startswith("Nơi nhận:\n- UBND huyện Bảo Lâm")
    assert signature.rows[0][1].text.split("\n") == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Thắng"]


def test_commune_headings_numbered_from_styles(commune):
    heads = [(b.label, b.level) for b in commune.blocks if isinstance(b, Paragraph) and b.label
             and b.label != "-"]
    assert heads[:5] == [("I.", 0), ("1.", 1), ("2.", 1), ("II.", 0), ("1.", 1)]
    assert [lab for lab, lv in heads if lv == 2] == ["a)", "b)", "c)", "d)"]
    assert heads[-4:] == [("1.", 1), ("2.", 1), ("3.", 1), ("4.", 1)]


def test_commune_task_table_shape(commune):
    t = task_table(commune)
    assert t.header_rows == 2
    assert [c.text for c in t.rows[0]] == ["Stt", "Nội dung nhiệm vụ", "Phân công thực hiện",
                                          "Thời gian hoàn thành", "Sản phẩm"]
    assert t.rows[0][2].span == 2
    assert [c.text for c in t.rows[1]][2:4] == ["Chủ trì", "Phối hợp"]
    assert [c.text for c in t.rows[2]] == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert [(c.text, c.span) for c in t.rows[3]] == [("A", 1), ("NHẬN THỨC SỐ", 5)]
    full = [row for row in t.rows if len(row) == 1]
    assert [(row[0].text, row[0].span) for row in full] == [("C. KINH TẾ SỐ VÀ XÃ HỘI SỐ", 6)]


def test_commune_stt_restarts_and_merged_lead_reaches_three_tasks(commune):
    t = task_table(commune)
    tasks = [row for row in t.rows[3:] if len(row) == 6]
    assert [row[0].text for row in tasks] == ["1", "2", "1", "2", "3", "1", "2"]
    leads = [(row[2].text, row[2].merged) for row in tasks[2:5]]
    assert leads == [("Công chức Tư pháp - Hộ tịch", False), ("Công chức Tư pháp - Hộ tịch", True),
                     ("Công chức Tư pháp - Hộ tịch", True)]
    assert tasks[1][2].text == "Đồng chí Phó Chủ tịch UBND xã"
    assert [row[5].text for row in tasks][:2] == ["Tin, bài phát thanh", "Hội nghị"]


def test_tcvn3_twin_reads_as_its_unicode_twin(commune):
    pytest.importorskip("extract.text.legacy")
    legacy = read_docx(str(COMMUNE_TCVN3))
    assert all_text(legacy) == all_text(commune)
    assert [(getattr(b, "label", None), type(b).__name__) for b in legacy.blocks] == \
           [(getattr(b, "label", None), type(b).__name__) for b in commune.blocks]
    assert legacy.normalization[0]["count"] > 50


# --------------------------------------------------------------------------- real Word plans
def test_real_word_plans_read_like_their_text_exports(shared):
    twins = [p for p in sorted((shared / "real").glob("*.docx")) if p.with_suffix(".txt").exists()]
    assert twins
    for path in twins:
        doc = read_docx(str(path))
        export = path.with_suffix(".txt").read_text(encoding="utf-8")
        got, want = set(words(all_text(doc))), set(words(export))
        assert len(want - got) <= 0.01 * len(want), (path.name, sorted(want - got)[:20])
        heads = [b.text[:4] for b in doc.blocks if isinstance(b, Paragraph) and re.match(r"[IVX]+\.\s", b.text)]
        assert heads[:2] == ["I. M", "II. "], path.name


def test_real_plan_task_table_is_a_table_with_its_header(shared):
    path = shared / "real" / "01_laocai-ubnd-tinh-kh-chithi11-khoangsan.docx"
    if not path.exists():
        pytest.skip("plan not here")
    tables = [b for b in read_docx(str(path)).blocks if isinstance(b, Table)]
    header = [c.text for c in tables[-1].rows[0]]
    assert header[0] == "TT" and "Thời gian thực hiện" in header and "Ghi chú" in header
    assert [c.text for c in tables[-1].rows[1]][1:3] == ["(1)", "(2)"]


# --------------------------------------------------------------------------- .doc
def test_doc_without_libreoffice_says_how_to_convert(tmp_path, monkeypatch):
    path = tmp_path / "ke-hoach.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    monkeypatch.setattr(doc_reader, "soffice", lambda: None)
    with pytest.raises(UnreadableFile, match=r"ke-hoach.doc.*libreoffice-writer.*\.docx"):
        doc_reader.read_doc(str(path))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_is_read_through_libreoffice(tmp_path):
    src = tmp_path / "xa.docx"
    shutil.copyfile(COMMUNE, src)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    doc = doc_reader.read_doc(str(tmp_path / "xa.doc"))
    assert doc.format == "doc" and doc.path.endswith("xa.doc")
    labels = [b.label for b in doc.blocks if isinstance(b, Paragraph) and b.label and b.label != "-"]
    assert labels[:3] == ["I.", "1.", "2."]
    letterhead = next(b for b in doc.blocks if isinstance(b, Table))
    assert letterhead.rows[1][0].text == "Số: 27/KH-UBND"


@pytest.mark.parametrize("outcome, message", [
    ("timeout", "did not convert the file within"),
    ("fails", "LibreOffice could not convert the file: Error: source file could not be loaded"),
    ("missing", "LibreOffice could not be started"),
])
def test_libreoffice_failures_give_the_tools_error(tmp_path, monkeypatch, outcome, message):
    path = tmp_path / "hong.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 300)
    monkeypatch.setattr(doc_reader, "soffice", lambda: "/usr/bin/soffice")

    def run(cmd, **kwargs):
        if outcome == "timeout":
            raise subprocess.TimeoutExpired(cmd, kwargs.get("timeout"))
        if outcome == "missing":
            raise FileNotFoundError(2, "No such file or directory")
        return subprocess.CompletedProcess(cmd, 1, b"", b"Error: source file could not be loaded")
    monkeypatch.setattr(doc_reader.subprocess, "run", run)
    with pytest.raises(UnreadableFile, match=re.escape(message)) as info:
        doc_reader.read_doc(str(path))
    assert "hong.doc" in str(info.value)


# --------------------------------------------------------------------------- speed
def test_a_long_word_plan_reads_well_under_a_second():
    path = SAMPLES / f"{SEEDS[0]}.docx"
    read_docx(str(path))
    start = time.perf_counter()
    doc = read_docx(str(path))
    elapsed = time.perf_counter() - start
    assert len(doc.blocks) > 90
    assert elapsed < 0.5, f"{elapsed:.3f} s"


def test_password_protected_word_file_is_named_as_such(tmp_path, monkeypatch):
    path = tmp_path / "mat-khau.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 200 + "EncryptionInfo".encode("utf-16-le")
                     + b"\0" * 200)
    monkeypatch.setattr(doc_reader, "soffice", lambda: pytest.fail("LibreOffice must not be started"))
    with pytest.raises(UnreadableFile, match="mat-khau.docx: the Word file is password-protected"):
        doc_reader.read_doc(str(path))


# --------------------------------------------------------------------------- through the pipeline
def _summary(plan):
    return ([(t.content, t.lead, t.partners, t.deadline.text, t.number, t.group) for t in plan.tasks],
            [(s.number, s.title) for s in plan.iter_sections()],
            [(t.text, t.value, t.unit) for t in plan.targets],
            (plan.document.number, plan.document.date, plan.document.issuer, plan.document.signer))


@pytest.mark.parametrize("name", SEEDS)
def test_seed_in_word_extracts_like_its_text_export(name):
    import extract
    assert _summary(extract.parse(str(SAMPLES / f"{name}.docx"))) == \
        _summary(extract.parse(str(SAMPLES / f"{name}.txt")))


def test_tcvn3_plan_extracts_like_its_unicode_twin():
    import extract
    pytest.importorskip("extract.text.legacy")
    unicode_plan = extract.parse(str(COMMUNE))
    assert len(unicode_plan.tasks) >= 7
    assert _summary(extract.parse(str(COMMUNE_TCVN3))) == _summary(unicode_plan)
