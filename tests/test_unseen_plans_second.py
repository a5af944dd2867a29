"""A second probe of plans of issuers and styles the development set lacks: a district Farmers'
Union (Party-style number, "T/M"), a ward People's Committee on urban order ("Unit: chủ trì…",
"Giao…", "Đề nghị UBMTTQ…"), a provincial steering committee whose "Phân công nhiệm vụ" gives each
unit a) / b) role sub-headings, a district health centre writing duties in the passive ("… do Khoa X
chủ trì thực hiện") with "Trách nhiệm: …" lines, a department's Word plan (automatic numbering,
letterhead and signature in tables, an appendix table with merged cells) and a Party inspection
committee's plan typed in TCVN3. Invented texts (generators beside the .docx and the TCVN3 file);
the expected extraction below was written before the tool was run on them. One test per expected
item, so the pass rate reads item by item: the first run passed 71 of 87 (three expectations were
corrected on review, marked where they stand)."""
from functools import lru_cache
from pathlib import Path

import pytest

import extract

DATA = Path(__file__).parent / "data"
FILES = {
    "hoi_nong_dan": DATA / "text" / "unseen" / "hoi_nong_dan.txt",
    "phuong": DATA / "text" / "unseen" / "phuong_trat_tu_do_thi.txt",
    "bcd": DATA / "text" / "unseen" / "bcd_tinh_phan_cong.txt",
    "ttyt": DATA / "text" / "unseen" / "ttyt_sot_xuat_huyet.txt",
    "so_gddt": DATA / "docx" / "unseen" / "so_gddt_stem.docx",
    "ubkt_tcvn3": DATA / "text" / "unseen" / "ubkt_kiem_tra_tcvn3.txt",
}


@lru_cache(maxsize=None)
def parse(name):
    return extract.parse(str(FILES[name]))


# ---------------------------------------------------------------- headers and signers
# (number, symbol, date, words of the issuer, signer name, title, authority); TCVN3 cannot carry
# toned capitals, so the legacy plan's texts are compared case-folded.
HEADERS = {
    "hoi_nong_dan": ("38-KH/HNDH", "KH/HNDH", "2024-02-22", "Hội Nông dân huyện Yên Thành",
                     "Nguyễn Đình Lâm", "CHỦ TỊCH", "T/M BAN THƯỜNG VỤ"),
    "phuong": ("142/KH-UBND", "KH-UBND", "2026-03-09", "Ủy ban nhân dân phường Hòa Khánh",
               "Huỳnh Văn Tâm", "PHÓ CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"),
    "bcd": ("27/KH-BCĐ389", "KH-BCĐ389", "2026-01-05", "Ban Chỉ đạo 389 tỉnh",
            "Trần Quốc Việt", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "KT. TRƯỞNG BAN"),
    "ttyt": ("56/KH-TTYT", "KH-TTYT", "2025-02-14", "Trung tâm Y tế huyện Nga Sơn",
             "Mai Văn Lương", "GIÁM ĐỐC", None),
    "so_gddt": ("1520/KH-SGDĐT", "KH-SGDĐT", "2026-08-18", "Sở Giáo dục và Đào tạo",
                "Đinh Thị Thu Hà", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC"),
    "ubkt_tcvn3": ("05-KH/UBKTHU", "KH/UBKTHU", "2019-01-08", "Ủy ban Kiểm tra",
                   "Lô Văn Thái", "CHỦ NHIỆM", "T/M ỦY BAN KIỂM TRA"),
}

TITLES = {
    "hoi_nong_dan": "thi đua sản xuất, kinh doanh giỏi",
    "phuong": "lập lại trật tự đô thị",
    "bcd": "buôn lậu, gian lận thương mại",
    "ttyt": "sốt xuất huyết",
    "so_gddt": "giáo dục STEM",
    "ubkt_tcvn3": "giám sát năm 2019",
}


def fold(text):
    return (text or "").casefold()


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_number_and_date(name):
    d = parse(name).document
    number, symbol, date = HEADERS[name][:3]
    assert (d.number, d.symbol, d.date) == (number, symbol, date)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_issuer(name):
    assert fold(HEADERS[name][3]) in fold(parse(name).document.issuer)


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title(name):
    assert fold(TITLES[name]) in fold(parse(name).document.title)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_signer(name):
    s = parse(name).document.signer
    want = HEADERS[name][4:]
    if name.endswith("tcvn3"):
        assert (fold(s.name), fold(s.title), fold(s.authority)) == tuple(fold(w) for w in want)
    else:
        assert (s.name, s.title, s.authority) == want


# ---------------------------------------------------------------- duties
# (plan, words found in exactly one task's content, expected fields). Fields: lead, partners (exact
# lists, as written), kind, start, end, period of the deadline, origin, group.
TASKS = [
    # Hội Nông dân huyện
    ("hoi_nong_dan", "hướng dẫn Hội Nông dân các xã", {"lead": ["Ban Thường vụ Hội Nông dân huyện"]}),
    ("hoi_nong_dan", "giám sát việc thực hiện tại cơ sở",
     {"lead": ["Ban Thường vụ Hội Nông dân huyện"], "kind": "recurring", "period": "half-year"}),
    ("hoi_nong_dan", "xét chọn hộ vay vốn",
     {"lead": ["ban Kinh tế - Xã hội Hội Nông dân huyện"],
      "partners": ["Văn phòng Hội", "Ngân hàng Chính sách xã hội huyện"], "kind": "once", "end": "2024-04-30"}),
    ("hoi_nong_dan", "phù hợp với điều kiện của địa phương",
     {"lead": ["Hội Nông dân các xã, thị trấn"], "end": "2024-03-15"}),
    ("hoi_nong_dan", "tổng hợp kết quả bình xét",
     {"lead": ["Văn phòng Hội Nông dân huyện"], "start": "2024-10-01", "end": "2024-12-31"}),
    ("hoi_nong_dan", "chuyển giao khoa học kỹ thuật",
     {"lead": ["Phòng Nông nghiệp và Phát triển nông thôn huyện", "Trung tâm Dịch vụ nông nghiệp huyện"],
      "kind": "recurring", "period": "month"}),
    # UBND phường
    ("phuong", "thành lập Tổ kiểm tra liên ngành", {"lead": ["Phòng Kinh tế, Hạ tầng và Đô thị"]}),
    ("phuong", "lộ trình ra quân",
     {"lead": ["Phòng Kinh tế, Hạ tầng và Đô thị"], "partners": ["Công an phường"], "end": "2026-03-20"}),
    ("phuong", "an ninh trật tự trong các đợt ra quân",
     {"lead": ["Công an phường"], "partners": ["Tổ kiểm tra liên ngành"]}),
    ("phuong", "báo cáo UBND thành phố",
     {"lead": ["Văn phòng HĐND và UBND phường"], "kind": "recurring", "period": "month"}),
    ("phuong", "loa truyền thanh",
     {"lead": ["Phòng Văn hóa - Xã hội"], "partners": ["Trung tâm Văn hóa - Thể thao phường"],
      "start": "2026-03-15", "end": "2026-04-30"}),
    # (written first as two leads; the project keeps "X và các Y" as written, one name — test_units —
    # and the scorer splits it at "và")
    ("phuong", "tháo dỡ mái che",
     {"lead": ["UBMTTQ phường và các tổ chức chính trị - xã hội phường"]}),
    ("phuong", "đến từng hộ kinh doanh", {"lead": ["Trưởng các khu phố"]}),
    ("phuong", "danh sách hộ vi phạm", {"lead": ["Trưởng các khu phố"], "end": "2026-03-25"}),
    # Ban Chỉ đạo tỉnh: unit headings with a) / b) role sub-headings
    ("bcd", "vận chuyển hàng cấm",
     {"lead": ["Công an tỉnh"], "partners": ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]}),
    ("bcd", "có dấu hiệu tội phạm",
     {"lead": ["Công an tỉnh"], "partners": ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]}),
    ("bcd", "bến bãi tập kết",
     {"lead": ["Công an tỉnh"], "partners": ["Chi cục Quản lý thị trường tỉnh"]}),
    ("bcd", "bình ổn thị trường", {"lead": ["Sở Công Thương"], "partners": []}),
    ("bcd", "nhận biết hàng giả",
     {"lead": ["Sở Công Thương"], "partners": ["Sở Khoa học và Công nghệ", "Sở Y tế"]}),
    ("bcd", "rượu bia, thuốc lá",
     {"lead": ["Chi cục Quản lý thị trường tỉnh"], "partners": ["các lực lượng chức năng"]}),
    ("bcd", "kế hoạch cao điểm tại địa phương",
     {"lead": ["Ủy ban nhân dân các xã, phường"], "end": "2026-01-15"}),
    ("bcd", "báo cáo kết quả thực hiện về Văn phòng Thường trực",
     {"lead": ["Các thành viên Ban Chỉ đạo 389 tỉnh"], "end": "2026-03-15"}),
    # Trung tâm Y tế huyện: passive duties, "Trách nhiệm: …" lines
    ("ttyt", "lấy mẫu xét nghiệm huyết thanh",
     {"lead": ["Khoa Kiểm soát bệnh tật và HIV/AIDS"], "partners": ["Trạm Y tế các xã, thị trấn"],
      "kind": "continuous"}),
    ("ttyt", "Giám sát véc tơ",
     {"lead": ["Khoa Kiểm soát bệnh tật và HIV/AIDS", "Trạm Y tế xã Nga Thủy", "Trạm Y tế xã Nga Liên"],
      "kind": "recurring", "period": "month"}),
    ("ttyt", "phun hóa chất diệt muỗi",
     {"lead": ["Đội phun hóa chất của Trung tâm", "Trạm Y tế xã có ổ dịch"]}),
    ("ttyt", "diệt lăng quăng",
     {"lead": ["Trạm Y tế các xã, thị trấn"], "start": "2025-05-01", "end": "2025-09-30"}),
    ("ttyt", "thu dung, cấp cứu",
     {"lead": ["Khoa Truyền nhiễm"], "partners": ["Khoa Hồi sức cấp cứu"]}),
    ("ttyt", "Đài Truyền thanh huyện",
     {"lead": ["Phòng Truyền thông - Giáo dục sức khỏe"], "kind": "recurring", "period": "quarter"}),
    ("ttyt", "lập dự toán kinh phí",
     {"lead": ["Phòng Tài chính - Kế toán"], "start": "2025-01-01", "end": "2025-03-31"}),
    ("ttyt", "tổng hợp tình hình dịch",
     {"lead": ["Khoa Kiểm soát bệnh tật và HIV/AIDS"], "kind": "recurring", "period": "week"}),
    ("ttyt", "kế hoạch phòng, chống sốt xuất huyết của địa phương",
     {"lead": ["Trạm Y tế các xã, thị trấn"], "end": "2025-03-31"}),
    # Sở GD&ĐT (.docx): numbered duties and the appendix table
    ("so_gddt", "kế hoạch dạy học STEM",
     {"lead": ["Phòng Giáo dục phổ thông"], "end": "2026-09-15", "origin": "text"}),
    ("so_gddt", "bồi dưỡng giáo viên cốt cán cấp tỉnh",
     {"lead": ["Phòng Giáo dục phổ thông"], "start": "2026-10-01", "end": "2026-12-31"}),
    ("so_gddt", "mua sắm thiết bị", {"lead": ["Phòng Kế hoạch - Tài chính"]}),
    ("so_gddt", "báo cáo Bộ Giáo dục và Đào tạo", {"lead": ["Văn phòng Sở"], "end": "2027-06-30"}),
    # (written first as one duty with the recurring time; on review "…; báo cáo … hằng học kỳ" is a
    # second duty of the same unit, and the time belongs to it)
    ("so_gddt", "kế hoạch giáo dục STEM của đơn vị", {"lead": ["Các cơ sở giáo dục phổ thông"]}),
    ("so_gddt", "báo cáo kết quả về Sở", {"lead": ["Các cơ sở giáo dục phổ thông"], "kind": "recurring"}),
    ("so_gddt", "Tập huấn giáo viên cốt cán",
     {"origin": "table", "group": "I", "lead": ["Phòng Giáo dục phổ thông"], "partners": ["Trường Đại học Hoa Lư"],
      "start": "2026-10-01", "end": "2026-10-31"}),
    ("so_gddt", "thiết kế chủ đề STEM",
     {"origin": "table", "group": "I", "lead": ["Phòng Giáo dục phổ thông"],
      "partners": ["Các trường trung học cơ sở"], "end": "2026-11-30"}),
    ("so_gddt", "Ngày hội STEM cấp tỉnh",
     {"origin": "table", "group": "II", "lead": ["Phòng Giáo dục phổ thông"],
      "partners": ["Các cơ sở giáo dục phổ thông", "Tỉnh đoàn"], "start": "2027-04-01", "end": "2027-06-30"}),
    ("so_gddt", "Tổng kết, đánh giá kết quả năm học",
     {"origin": "table", "group": "II", "lead": ["Văn phòng Sở"], "partners": ["Các phòng thuộc Sở"],
      "end": "2027-06-30"}),
    # Ủy ban Kiểm tra Huyện ủy (TCVN3 .txt)
    ("ubkt_tcvn3", "thi hành kỷ luật trong Đảng",
     {"lead0": "đồng chí Phó Chủ nhiệm Thường trực", "start": "2019-04-01", "end": "2019-09-30"}),
    ("ubkt_tcvn3", "trách nhiệm nêu gương",
     {"lead0": "Đồng chí Chủ nhiệm Ủy ban Kiểm tra", "start": "2019-08-01", "end": "2019-08-31"}),
    ("ubkt_tcvn3", "xây dựng đề cương",
     {"lead": ["Các đồng chí Ủy viên Ủy ban Kiểm tra Huyện ủy"]}),
    ("ubkt_tcvn3", "bảo đảm kinh phí", {"lead": ["Văn phòng Huyện ủy"]}),
    ("ubkt_tcvn3", "chuẩn bị báo cáo theo đề cương", {"lead": ["các đảng ủy, chi bộ cơ sở"]}),
    ("ubkt_tcvn3", "của cấp mình",
     {"lead": ["Ủy ban Kiểm tra các đảng ủy cơ sở"], "start": "2019-01-01", "end": "2019-01-31"}),
    ("ubkt_tcvn3", "trước ngày 15/12/2019",
     {"lead": ["Ủy ban Kiểm tra các đảng ủy cơ sở"], "end": "2019-12-15"}),
]


def find_task(name, words):
    plan = parse(name)
    found = [t for t in plan.tasks if fold(words) in fold(t.content + " " + t.deadline.text)]
    assert len(found) == 1, (words, [(t.content, t.lead) for t in plan.tasks])
    return found[0]


def _id(case):
    values = case.values if hasattr(case, "values") else case
    return f"{values[0]}-{values[1]}"


@pytest.mark.parametrize("name,words,want", TASKS, ids=[_id(c) for c in TASKS])
def test_duty(name, words, want):
    t = find_task(name, words)
    legacy = name.endswith("tcvn3")
    norm = (lambda xs: [fold(x) for x in xs]) if legacy else (lambda xs: xs)
    got = {"lead": norm(t.lead), "partners": norm(t.partners), "kind": t.deadline.kind,
           "start": t.deadline.start, "end": t.deadline.end, "period": t.deadline.period,
           "origin": t.origin, "group": t.group, "lead0": (fold if legacy else str)(t.lead[0]) if t.lead else None}
    want = {k: (norm(v) if isinstance(v, list) else fold(v) if legacy and k == "lead0" else v)
            for k, v in want.items()}
    assert {k: got[k] for k in want} == want, (t.content, t.deadline.text)


# ---------------------------------------------------------------- targets
TARGETS = [
    ("hoi_nong_dan", "đăng ký danh hiệu", 12000, ">="),
    ("hoi_nong_dan", "thoát nghèo", 150, "="),
    ("hoi_nong_dan", "Quỹ Hỗ trợ nông dân", 500, ">="),
    ("phuong", "tuyến đường chính", 100, "="),
    ("phuong", "vi phạm trật tự đô thị", 30, ">="),
    ("phuong", "Tuyến phố văn minh", 20, ">="),
    ("bcd", "phát hiện, xử lý", 10, ">="),
    ("ttyt", "Tỷ lệ mắc", 30, "<"),
    ("ttyt", "chết/mắc", 0.05, "<"),
    ("ttyt", "ổ dịch được phát hiện", 100, "="),
    ("ttyt", "hộ gia đình", 90, ">"),
    ("so_gddt", "trường trung học phổ thông", 100, "="),
    ("so_gddt", "giáo viên cốt cán", 70, ">="),
    ("so_gddt", "khối lớp", 4, ">="),   # (first written "chủ đề STEM", words of two targets)
    ("ubkt_tcvn3", "tổ chức đảng cấp dưới", 6, ">="),
    ("ubkt_tcvn3", "đơn thư", 100, "="),
]


@pytest.mark.parametrize("name,words,value,comparator", TARGETS, ids=[f"{n}-{w}" for n, w, *_ in TARGETS])
def test_target(name, words, value, comparator):
    found = [g for g in parse(name).targets if fold(words) in fold(g.sentence or g.text)]
    assert found, (words, [g.text for g in parse(name).targets])
    assert (found[0].value, found[0].comparator) == (value, comparator)
