"""Every kind of bad input gives one clear error naming the file and what to do (never a
traceback), and a batch with bad files in it converts the good ones, lists the bad ones with
their reason, exits 1 and does nothing new when run again. Bad files are made in tmp_path."""
import csv
import io
import os
import stat
import unicodedata
import zipfile
from pathlib import Path

import pytest

import extract
from extract import batch, cli
from extract.errors import KehoachError, NeedsOCR, TooLarge, UnreadableFile, UnsupportedFormat
from extract.readers import read
from extract.sniff import Limits, sniff_bytes

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
PLAN_TEXT = """ỦY BAN NHÂN DÂN
XÃ THẠCH LÂM
Số: 21/KH-UBND
Thạch Lâm, ngày 15 tháng 3 năm 2024

KẾ HOẠCH
Triển khai chuyển đổi số năm 2024

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao nhận thức của cán bộ, công chức về chuyển đổi số.
II. NHIỆM VỤ
1. Văn phòng HĐND-UBND xã chủ trì, phối hợp với Đoàn Thanh niên tổ chức tuyên truyền, hoàn thành trong quý II/2024.
2. Công chức Văn hóa - Xã hội cập nhật Cổng thông tin điện tử xã, thực hiện thường xuyên.
"""


def sample(pattern: str) -> Path:
    found = sorted(SAMPLES.glob(pattern))
    if not found:
        pytest.skip(f"no sample {pattern} in samples/")
    return found[0]


# --------------------------------------------------------------------------- file makers
def make_docx(path: Path, paragraphs=("KẾ HOẠCH", "Triển khai chuyển đổi số năm 2024")) -> Path:
    import docx
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)
    return path


def rewrite_zip(src: Path, dst: Path, replace: dict = None, drop=()) -> Path:
    """Copy a zip, replacing members' bytes and dropping some."""
    replace = replace or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))
        for name, data in replace.items():
            if name not in zin.namelist():
                zout.writestr(name, data)
    return dst


def make_pdf(path: Path, content: bytes = b"BT /F1 12 Tf 72 720 Td (Ke hoach so 21/KH-UBND) Tj ET",
             encrypt: bool = False) -> Path:
    """A one-page PDF written object by object with a correct cross-reference table."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    if encrypt:  # standard security handler, a user password that is not empty
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 +
                    b"> /P -44 >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root 1 0 R" % (len(objs) + 1)
    if encrypt:
        trailer += b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objs), b"ab" * 16, b"ab" * 16)
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    path.write_bytes(out.getvalue())
    return path


def failure(path, **kw) -> KehoachError:
    """The error reading `path` raises; it must name the file and say what to do."""
    with pytest.raises(KehoachError) as e:
        read(str(path), **kw)
    message = str(e.value)
    assert str(path) in message, message
    assert " — " in message and e.value.hint, f"no advice in: {message}"
    return e.value


# --------------------------------------------------------------------------- sniffing
@pytest.mark.parametrize("head,kind", [
    (b"%PDF-1.7\n", "pdf"),
    (b"\r\n\r\n%PDF-1.4\n", "pdf"),                      # junk before the header is allowed
    (b"PK\x03\x04\x14\x00", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "doc"),
    (b"{\\rtf1\\ansi", "rtf"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image"),
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"<!DOCTYPE html><html><body>", "html"),
    (b"<?xml version='1.0'?><w:document>", "xml"),
    ("Kế hoạch số 12/KH-UBND\n".encode("utf-8"), "txt"),
    ("Kế hoạch số 12/KH-UBND\n".encode("utf-8-sig"), "txt"),
    ("Kế hoạch số 12/KH-UBND\n".encode("utf-16"), "txt"),
    ("Kế hoạch số 12/KH-UBND\n".encode("utf-16-le"), "txt"),  # no byte-order mark
    ("Kế hoạch thực hiện\n".encode("cp1258", "replace"), "txt"),
    (b"   \n\t\r\n", "empty"),
    (bytes(range(256)), "binary"),
    (b"\x00\x01\x02garbage\x00\x00\x07\x08", "binary"),
])
def test_sniff_tells_the_real_kind_from_the_first_bytes(head, kind):
    assert sniff_bytes(head) == kind


# --------------------------------------------------------------------------- each bad input
@pytest.mark.parametrize("name", ["ke-hoach.txt", "ke-hoach.docx", "ke-hoach.pdf", "ke-hoach"])
def test_empty_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    assert "empty" in failure(tmp_path / name).reason


def test_blank_file(tmp_path):
    (tmp_path / "trang.txt").write_bytes(b" \r\n\t \n" * 50)
    assert "empty" in failure(tmp_path / "trang.txt").reason


@pytest.mark.parametrize("name", ["ke-hoach.txt", "ke-hoach.docx", "ke-hoach.pdf"])
def test_binary_garbage(tmp_path, name):
    (tmp_path / name).write_bytes(os.urandom(4096) + bytes(range(32)) * 20)
    e = failure(tmp_path / name)
    assert isinstance(e, UnsupportedFormat) and "binary" in e.reason


@pytest.mark.parametrize("name,data,what", [
    ("ke-hoach.pdf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 200, "image"),
    ("ke-hoach.docx", b"<!DOCTYPE html>\n<html><body>Ke hoach</body></html>", "web page"),
    ("ke-hoach.docx", b"{\\rtf1\\ansi Ke hoach}", "Rich Text"),
    ("ke-hoach.txt", b"\x1f\x8b\x08\x00" + os.urandom(100), "compressed"),
])
def test_file_that_is_not_what_its_extension_says(tmp_path, name, data, what):
    (tmp_path / name).write_bytes(data)
    e = failure(tmp_path / name)
    assert isinstance(e, UnsupportedFormat)
    assert f"named {Path(name).suffix}" in e.reason and what in e.reason


def test_spreadsheet_saved_as_docx_is_named_for_what_it_is(tmp_path):
    import openpyxl
    wb = openpyxl.Workbook()
    wb.active.append(["STT", "Nội dung"])
    wb.save(tmp_path / "bang.docx")
    assert "Excel" in failure(tmp_path / "bang.docx").reason


def test_plan_with_a_wrong_extension_is_read_by_its_content(tmp_path):
    make_docx(tmp_path / "ke-hoach.doc", PLAN_TEXT.splitlines())   # a .docx saved as .doc
    (tmp_path / "ke-hoach.pdf").write_text(PLAN_TEXT, encoding="utf-8")  # text named .pdf
    for name, fmt in (("ke-hoach.doc", "docx"), ("ke-hoach.pdf", "txt")):
        raw = read(str(tmp_path / name))
        assert raw.format == fmt and any("chuyển đổi số" in getattr(b, "text", "") for b in raw.blocks)
        assert [f.code for f in raw.findings if f.code == "wrong-extension"] == ["wrong-extension"]


def test_corrupt_docx_bad_zip(tmp_path):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    (tmp_path / "cut.docx").write_bytes(good[: len(good) // 2])
    e = failure(tmp_path / "cut.docx")
    assert isinstance(e, UnreadableFile)


def test_docx_needing_a_newer_zip_version_is_a_clear_failure(tmp_path):
    """zipfile raises NotImplementedError for these (found by the fuzz test)."""
    data = bytearray(make_docx(tmp_path / "good.docx").read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract" 6.4
    (tmp_path / "moi.docx").write_bytes(bytes(data))
    assert isinstance(failure(tmp_path / "moi.docx"), UnreadableFile)


def test_corrupt_docx_missing_document_xml(tmp_path):
    good = make_docx(tmp_path / "good.docx")
    rewrite_zip(good, tmp_path / "thieu.docx", drop={"word/document.xml"})
    e = failure(tmp_path / "thieu.docx")
    assert "document" in e.reason


def test_docx_zip_bomb_is_refused(tmp_path):
    good = make_docx(tmp_path / "good.docx")
    bomb = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' \
        + b" " * (40 * 1024 * 1024) + b"</w:body></w:document>"
    rewrite_zip(good, tmp_path / "bom.docx", replace={"word/document.xml": bomb})
    assert os.path.getsize(tmp_path / "bom.docx") < 1024 * 1024
    assert isinstance(failure(tmp_path / "bom.docx"), TooLarge)


def test_docx_unpacking_over_the_configured_limit_is_refused(tmp_path):
    good = make_docx(tmp_path / "good.docx", ["Nội dung kế hoạch " * 2000])
    e = failure(good, limits=Limits(max_unzipped=20_000))
    assert isinstance(e, TooLarge)


def test_docx_with_external_entity_is_refused_and_nothing_is_read(tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU 12345")
    good = make_docx(tmp_path / "good.docx")
    with zipfile.ZipFile(good) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("?>", 1)
    evil = (head + f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>' + rest).replace(
        "Triển khai", "&xxe; Triển khai")
    rewrite_zip(good, tmp_path / "xxe.docx", replace={"word/document.xml": evil.encode("utf-8")})
    e = failure(tmp_path / "xxe.docx")
    assert "DTD" in e.reason and "MẬT KHẨU" not in str(e)


def test_encrypted_pdf(tmp_path):
    e = failure(make_pdf(tmp_path / "mat-khau.pdf", encrypt=True))
    assert "password" in str(e).lower()


def test_pdf_without_text_layer_needs_ocr(tmp_path):
    e = failure(make_pdf(tmp_path / "scan.pdf", content=b"0 0 0 rg 72 72 200 300 re f"))
    assert isinstance(e, NeedsOCR) and "--ocr" in str(e)


def test_handmade_pdf_with_text_is_read(tmp_path):
    raw = read(str(make_pdf(tmp_path / "ok.pdf")))
    assert raw.format == "pdf" and "Ke hoach so 21/KH-UBND" in " ".join(getattr(b, "text", "") for b in raw.blocks)


@pytest.mark.parametrize("keep", [0.15, 0.5, 0.9])
def test_truncated_pdf_is_a_clear_failure_or_a_partial_read(tmp_path, keep):
    data = sample("*.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    try:
        raw = read(str(path))
    except KehoachError as e:
        assert str(path) in str(e) and e.hint
    else:
        assert raw.format == "pdf"


TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters precomposed, tone marks as combining characters."""
    out = []
    for ch in text:
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append(base + "".join(c for c in d if c in TONES))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("data", [
    "关于开展数字化转型工作的计划，各单位认真落实。".encode("gbk") * 40,
    "計画書の内容について説明します。".encode("shift_jis") * 40,
    "План мероприятий по цифровой трансформации на 2024 год. ".encode("koi8_r") * 40,
    b"Ke hoach " + bytes(range(0x80, 0xA0)) * 40,
], ids=["gbk", "shift-jis", "koi8-r", "c1-controls"])
def test_text_in_an_unknown_encoding(tmp_path, data):
    path = tmp_path / "ma-la.txt"
    path.write_bytes(data)
    e = failure(path)
    assert "encoding" in e.reason and "UTF-8" in e.hint


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1258"])
def test_known_encodings_of_a_plan_are_read(tmp_path, encoding):
    path = tmp_path / "ke-hoach.txt"
    path.write_bytes(cp1258(PLAN_TEXT) if encoding == "cp1258" else PLAN_TEXT.encode(encoding))
    text = " ".join(getattr(b, "text", "") for b in read(str(path)).blocks)
    assert "chuyển đổi số" in text


def test_huge_file_over_the_configurable_limit(tmp_path):
    path = tmp_path / "lon.txt"
    path.write_text(PLAN_TEXT * 50, encoding="utf-8")
    e = failure(path, limits=Limits(max_size=10_000))
    assert isinstance(e, TooLarge) and "--max-size" in e.hint
    assert read(str(path), limits=Limits(max_size=10_000_000)).blocks


@pytest.mark.parametrize("make", ["missing", "folder", "dangling-link", "fifo"])
def test_unreadable_paths(tmp_path, make):
    path = tmp_path / "ke-hoach.txt"
    if make == "folder":
        path.mkdir()
    elif make == "dangling-link":
        path.symlink_to(tmp_path / "da-xoa.txt")
    elif make == "fifo":
        os.mkfifo(path)
    failure(path)


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "khoa.txt"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads everything: make the open fail as it would for another user
        real_open = open

        def deny(file, *a, **k):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *a, **k)
        monkeypatch.setattr("builtins.open", deny)
    e = failure(path)
    assert "permission" in e.reason.lower()


def test_not_a_plan_is_converted_with_a_not_a_plan_finding(tmp_path):
    letter = tmp_path / "thu-moi.txt"
    letter.write_text("Kính gửi: Ông Nguyễn Văn An\nTrân trọng kính mời ông đến dự buổi gặp mặt "
                      "vào lúc 8 giờ ngày 12/5/2024 tại hội trường.\nTrân trọng./.\n", encoding="utf-8")
    sheet = tmp_path / "bang-tinh.txt"
    sheet.write_text("Mã\tTên\tSố lượng\tĐơn giá\n001\tBút bi\t20\t5.000\n002\tGiấy A4\t10\t60.000\n",
                     encoding="utf-8")
    for path in (letter, sheet):
        plan = extract.parse(str(path))
        assert "not-a-plan" in [f.code for f in plan.findings], path.name
        assert plan.tasks == [], path.name


# --------------------------------------------------------------------------- a whole batch
def bad_folder(root: Path) -> dict:
    """Good plans plus one file of every bad kind; returns {file name: expected word in reason}."""
    root.mkdir()
    (root / "tot.txt").write_text(PLAN_TEXT, encoding="utf-8")
    make_docx(root / "tot-word.docx", PLAN_TEXT.splitlines())
    (root / "rong.txt").write_bytes(b"")
    (root / "rac.pdf").write_bytes(os.urandom(3000) + b"\x00" * 10)
    (root / "anh.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(500))
    good = make_docx(root.parent / "g.docx")
    rewrite_zip(good, root / "thieu.docx", drop={"word/document.xml"})
    (root / "cut.docx").write_bytes(good.read_bytes()[:900])
    make_pdf(root / "mat-khau.pdf", encrypt=True)
    make_pdf(root / "scan.pdf", content=b"0 0 0 rg 72 72 200 300 re f")
    (root / "ma-la.txt").write_bytes("計画書の内容について説明します。".encode("shift_jis") * 40)
    return {"rong.txt": "empty", "rac.pdf": "binary", "anh.docx": "image", "thieu.docx": "document",
            "cut.docx": "", "mat-khau.pdf": "password", "scan.pdf": "text layer", "ma-la.txt": "encoding"}


def test_mixed_folder_converts_good_plans_lists_bad_ones_exits_1_and_reruns_idle(tmp_path, capsys):
    bad = bad_folder(tmp_path / "in")
    out = tmp_path / "out"
    code = cli.main(["convert", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    for name, word in bad.items():
        line = next((ln for ln in err.splitlines() if name in ln), None)
        assert line is not None, f"{name} not listed as failed"
        assert word.lower() in line.lower(), line
    assert "Traceback" not in err and "internal error" not in err
    with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
        docs = {d["document_id"]: d for d in csv.DictReader(fh)}
    assert docs["tot"]["status"] == "ok" and docs["tot-word"]["status"] == "ok"
    assert {k for k, d in docs.items() if d["status"] == "failed"} == {Path(n).stem for n in bad}
    with open(out / "tasks.csv", encoding="utf-8-sig", newline="") as fh:
        assert {t["document_id"] for t in csv.DictReader(fh)} == {"tot", "tot-word"}
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != ".kehoach.lock"}
    again = batch.run([str(tmp_path / "in")], batch.Options(outdir=str(out), jobs=2))
    assert {r.status for r in again.results if r.doc_id.startswith("tot")} == {"skipped"}
    assert again.exit_code == 1 and not again.rebuilt
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir() if p.name != ".kehoach.lock"} == stamps


def test_unreadable_input_folder_is_listed_and_the_rest_converts(tmp_path, monkeypatch):
    src = tmp_path / "in"
    (src / "khoa").mkdir(parents=True)
    (src / "tot.txt").write_text(PLAN_TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def deny(path="."):
        if str(path).endswith("khoa"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", deny)
    jobs, failures = batch.discover([str(src)])
    assert [j.doc_id for j in jobs] == ["tot"]
    assert len(failures) == 1 and "khoa" in failures[0].error and "Permission denied" in failures[0].error


def test_permission_error_on_a_folder_for_real_users(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    src = tmp_path / "in"
    (src / "khoa").mkdir(parents=True)
    (src / "tot.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (src / "khoa").chmod(0)
    try:
        jobs, failures = batch.discover([str(src)])
    finally:
        (src / "khoa").chmod(stat.S_IRWXU)
    assert [j.doc_id for j in jobs] == ["tot"] and "khoa" in failures[0].error
