"""Fuzzing: random and mutated documents through `extract.parse_text` / `extract.parse` either give a
Plan that follows the published JSON Schema or raise the tool's own KehoachError, never anything
else, and each within a time bound.
Bounded for CI: at most 60 examples per test, no hypothesis deadline, our own per-example limit."""
import json
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.batch import DocumentTimeout, time_limit
from extract.errors import KehoachError
from extract import schema
from extract.model import Plan
from extract.writers.json import dumps

ROOT = Path(__file__).resolve().parents[1]
PER_DOCUMENT = 20.0  # seconds; the slowest sample converts in well under 2 s
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                print_blob=True)

# Lines as plans have them: headings of every numbering style, duties, deadlines, targets, table rows.
PLAN_LINES = [
    "ỦY BAN NHÂN DÂN", "HUYỆN TAM ĐƯỜNG", "Số: 45/KH-UBND", "Số:     /KH-UBND",
    "Tam Đường, ngày 10 tháng 3 năm 2022", "KẾ HOẠCH", "Thực hiện công tác tư tưởng năm 2022",
    "I. MỤC ĐÍCH, YÊU CẦU", "II- NHIỆM VỤ", "1. Mục tiêu cụ thể", "1.1. Tuyên truyền", "(1) Rà soát",
    "a) Phòng Nội vụ:", "đ) Tổ chức", "- Chủ trì, phối hợp với Phòng Tài chính thực hiện.", "+ Thường xuyên",
    "Phụ lục I", "Phần II", "Trên 80% hộ gia đình; 82% bản, khu phố đạt tiêu chuẩn văn hóa.",
    "trong đó 14,2% đạt chuẩn nâng cao", "Phấn đấu đến năm 2025 đạt 1.250 ha", "Hoàn thành trong Quý II/2024.",
    "Giao Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với Đài Truyền thanh.", "Đề nghị Ủy ban MTTQ huyện phối hợp.",
    "STT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian thực hiện",
    "1\tTuyên truyền\tPhòng VH-TT\tCác xã\tHằng năm", "I\tCÔNG TÁC CHỈ ĐẠO\t\t\t", "\t\t\t\t",
    "| STT | Nội dung | Chủ trì |", "|", "| --- | --- | --- |", "**KẾ HOẠCH**", "Trang 2", "- 3 -",
    "Nơi nhận:", "- Như trên;", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Hùng",
    "", "   ", "\f", "...",
]
NASTY = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80)
LINE = st.one_of(st.sampled_from(PLAN_LINES), NASTY,
                 st.builds(lambda a, b: a[: len(a) // 2] + b, st.sampled_from(PLAN_LINES), NASTY))
PLAN_TEXT = st.lists(LINE, max_size=60).map("\n".join)


def bounded(call):
    """Run `call` under the per-document bound; returns (result or exception, seconds)."""
    t0 = time.monotonic()
    try:
        with time_limit(PER_DOCUMENT):
            result = call()
    except DocumentTimeout:
        pytest.fail(f"took over {PER_DOCUMENT} s")
    except KehoachError as e:
        result = e
    seconds = time.monotonic() - t0
    assert seconds < PER_DOCUMENT
    return result


def assert_plan_or_tool_error(result):
    assert isinstance(result, (Plan, KehoachError)), type(result)
    if isinstance(result, Plan):
        d = json.loads(dumps(result.to_dict()))  # as written to <name>.json
        assert schema.errors(d) == []
        # the keys of the database tables: (document_id, id) is unique
        for part in (d["tasks"], d["targets"], list(result.iter_sections())):
            ids = [x["id"] if isinstance(x, dict) else x.id for x in part]
            assert len(ids) == len(set(ids))
    else:
        assert str(result)


@FUZZ
@given(PLAN_TEXT)
def test_random_plan_text_gives_a_plan_or_a_tool_error(text):
    assert_plan_or_tool_error(bounded(lambda: extract.parse_text(text)))


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".docx", ".pdf", ".doc", ""]))
def test_random_bytes_under_any_name(data, ext):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ke-hoach" + ext)
        with open(path, "wb") as fh:
            fh.write(data)
        assert_plan_or_tool_error(bounded(lambda: extract.parse(path)))


def _small_docx() -> bytes:
    import io

    import docx
    d = docx.Document()
    for line in PLAN_LINES[:24]:
        d.add_paragraph(line)
    t = d.add_table(rows=3, cols=5)
    for r, row in enumerate([PLAN_LINES[24], PLAN_LINES[25], PLAN_LINES[26]]):
        for c, text in enumerate(row.split("\t")):
            t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _small_pdf() -> bytes:
    pdfs = sorted((ROOT / "samples").glob("*.pdf"), key=lambda p: p.stat().st_size)
    if not pdfs:
        pytest.skip("no PDF in samples/")
    return pdfs[0].read_bytes()


SEEDS = {}


def seed(kind: str) -> bytes:
    if kind not in SEEDS:
        SEEDS[kind] = _small_docx() if kind == "docx" else _small_pdf()
    return SEEDS[kind]


# A mutation: flip bytes, cut the file, or splice a chunk of it elsewhere.
MUTATION = st.one_of(
    st.tuples(st.just("flip"), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=40)),
    st.tuples(st.just("cut"), st.floats(0, 1)),
    st.tuples(st.just("splice"), st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(1, 4000))),
)


def mutate(data: bytes, mutation) -> bytes:
    kind, arg = mutation
    buf = bytearray(data)
    if kind == "flip":
        for where, value in arg:
            buf[min(int(where * len(buf)), len(buf) - 1)] = value
    elif kind == "cut":
        del buf[int(arg * len(buf)):]
    else:
        src, dst, n = arg
        s, d = int(src * len(buf)), int(dst * len(buf))
        buf[d:d] = buf[s:s + n]
    return bytes(buf)


@FUZZ
@given(st.sampled_from(["docx", "pdf"]), MUTATION)
def test_mutated_word_and_pdf_files(kind, mutation):
    data = mutate(seed(kind), mutation)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ke-hoach." + kind)
        with open(path, "wb") as fh:
            fh.write(data)
        assert_plan_or_tool_error(bounded(lambda: extract.parse(path)))


def test_mutation_really_changes_the_seed_files():
    """Guard against a fuzz test that only ever sees the intact files."""
    docx = seed("docx")
    assert mutate(docx, ("cut", 0.5)) == docx[: len(docx) // 2]
    assert mutate(docx, ("flip", [(0.0, 0)]))[0] == 0 and docx[0] != 0
    assert len(mutate(docx, ("splice", (0.1, 0.9, 100)))) == len(docx) + 100


def _rezip(data: bytes, name: str, new: bytes) -> bytes:
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, new if info.filename == name else zin.read(info.filename))
    return out.getvalue()


@FUZZ
@given(MUTATION)
def test_mutated_word_xml_inside_a_valid_package(mutation):
    """The zip stays valid, so the XML parser and the body walk see the damage."""
    import io
    import zipfile
    with zipfile.ZipFile(io.BytesIO(seed("docx"))) as z:
        xml = z.read("word/document.xml")
    data = _rezip(seed("docx"), "word/document.xml", mutate(xml, mutation))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "ke-hoach.docx")
        with open(path, "wb") as fh:
            fh.write(data)
        assert_plan_or_tool_error(bounded(lambda: extract.parse(path)))
