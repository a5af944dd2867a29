"""Plans of issuers and styles the development set lacks (Youth Union, Women's Union, an education
office, a commune police, a department with a tab-separated task table, a decision followed by its
plan). Invented texts; the expected extraction was written before the tool was run on them."""
from pathlib import Path

import pytest

import extract

DATA = Path(__file__).parent / "data" / "text" / "unseen"


def parse(name):
    return extract.parse(str(DATA / name))


def task(plan, words):
    found = [t for t in plan.tasks if words in t.content]
    assert len(found) == 1, (words, [t.content for t in plan.tasks])
    return found[0]


def target(plan, words):
    found = [t for t in plan.targets if words in (t.sentence or t.text)]
    assert found, (words, [t.text for t in plan.targets])
    return found[0]


def header(plan):
    d = plan.document
    return d.number, d.symbol, d.date


# ---------------------------------------------------------------- Huyện đoàn (Party-style number "Số 05-KH/ĐTN")
def test_youth_union_plan():
    p = parse("huyen_doan.txt")
    assert header(p) == ("05-KH/ĐTN", "KH/ĐTN", "2026-02-03")
    assert "Cao Lộc" in p.document.issuer and "Đoàn" in p.document.issuer
    s = p.document.signer
    assert (s.name, s.title, s.authority) == ("Hoàng Thị Mai", "BÍ THƯ", "TM. BAN THƯỜNG VỤ HUYỆN ĐOÀN")
    t = task(p, "hướng dẫn các cơ sở đoàn")
    assert t.lead == ["Ban Thường vụ Huyện đoàn"] and t.deadline.end == "2026-03-15"
    t = task(p, "ra quân đồng loạt")
    assert t.lead == ["Các chi đoàn trực thuộc"] and t.deadline.kind == "once" and t.deadline.start == "2026-03-01"
    t = task(p, "tuyên truyền thường xuyên")
    assert t.lead == ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện"]
    assert t.partners == ["Huyện đoàn"] and t.deadline.kind == "continuous"
    g = target(p, "Ngày Chủ nhật xanh")
    assert (g.value, g.comparator) == (100, "=")
    g = target(p, "mô hình")
    assert (g.value, g.value_max, g.comparator) == (2, 3, "=")


# ---------------------------------------------------------------- Hội LHPN xã: "Unit: chủ trì, phối hợp …", "Đề nghị …"
def test_womens_union_plan():
    p = parse("hoi_phu_nu.txt")
    assert header(p) == ("12/KH-HPN", "KH-HPN", "2026-01-20")
    assert p.document.issuer == "Hội Liên hiệp Phụ nữ xã Phú Lâm"
    s = p.document.signer
    assert (s.name, s.title, s.authority) == ("Nguyễn Thị Hoa", "CHỦ TỊCH", "TM. BAN CHẤP HÀNH")
    t = task(p, "triển khai cuộc vận động")
    assert t.lead == ["Ban Thường vụ Hội LHPN xã"]
    assert t.partners == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    assert (t.deadline.kind, t.deadline.start, t.deadline.end) == ("once", "2026-10-01", "2026-10-31")
    t = task(p, "sinh hoạt chuyên đề")
    assert t.lead == ["Các chi hội phụ nữ thôn"]
    assert (t.deadline.kind, t.deadline.period) == ("recurring", "quarter")
    t = task(p, "sức khỏe sinh sản")
    assert t.lead == ["Trạm Y tế xã"]
    assert (t.deadline.start, t.deadline.end) == ("2026-07-01", "2026-09-30")
    g = target(p, "hộ nghèo")
    assert (g.value, g.comparator) == (5, ">=")
    g = target(p, "sinh hoạt chi hội")
    assert (g.value, g.comparator) == (80, ">")


# ---------------------------------------------------------------- Phòng GD&ĐT: numbered duties "X chủ trì, phối hợp với Y …", "Giao …"
def test_education_office_plan():
    p = parse("phong_gddt.txt")
    assert header(p) == ("47/KH-PGDĐT", "KH-PGDĐT", "2026-08-15")
    assert p.document.issuer == "Phòng Giáo dục và Đào tạo"
    s = p.document.signer
    assert (s.name, s.title, s.authority) == ("Trần Văn Dũng", "PHÓ TRƯỞNG PHÒNG", "KT. TRƯỞNG PHÒNG")
    t = task(p, "tài liệu hướng dẫn dạy bơi")
    assert t.lead == ["Bộ phận Giáo dục tiểu học"]
    assert t.partners == ["Bộ phận Giáo dục trung học cơ sở"] and t.deadline.end == "2026-09-30"
    t = task(p, "kiểm tra an toàn")
    assert t.lead == ["Hiệu trưởng các trường học"]
    assert (t.deadline.kind, t.deadline.period) == ("recurring", "half-year")
    t = task(p, "sơ cấp cứu")
    assert t.lead == ["Trung tâm Y tế huyện"]
    assert (t.deadline.start, t.deadline.end) == ("2026-10-01", "2026-12-31")
    g = target(p, "dạy bơi an toàn")
    assert (g.value, g.comparator) == (100, "=")
    g = target(p, "đuối nước ở trẻ em")
    assert (g.value, g.comparator) == (10, ">=")


# ---------------------------------------------------------------- Công an xã: "1. Tổ X:" headings, "ngay sau khi …"
def test_commune_police_plan():
    p = parse("cong_an_xa.txt")
    assert header(p) == ("08/KH-CAX", "KH-CAX", "2026-03-05")
    assert p.document.issuer == "Công an xã Đồng Tâm"
    s = p.document.signer
    assert (s.name, s.title) == ("Đỗ Văn Hùng", "TRƯỞNG CÔNG AN XÃ")
    t = task(p, "rà soát đối tượng")
    assert t.lead == ["Tổ An ninh"] and t.deadline.kind == "conditional"
    t = task(p, "tuần tra")
    assert t.lead == ["Tổ Cảnh sát khu vực"] and t.partners == ["Ban Công an các thôn"]
    assert t.deadline.kind == "continuous"
    t = task(p, "người nghiện")
    assert t.lead == ["Trạm Y tế xã"] and t.deadline.end == "2026-03-31"
    g = target(p, "phạm pháp hình sự")
    assert (g.value, g.comparator) == (5, ">=")
    g = target(p, "khám phá án")
    assert (g.value, g.comparator) == (90, ">")


# ---------------------------------------------------------------- Sở: a task table written with tabs
def test_department_plan_with_a_tab_table():
    p = parse("so_nong_nghiep.txt")
    assert header(p) == ("215/KH-SNNMT", "KH-SNNMT", "2026-06-10")
    assert p.document.issuer == "Sở Nông nghiệp và Môi trường"
    s = p.document.signer
    assert (s.name, s.title, s.authority) == ("Phan Văn Thành", "PHÓ GIÁM ĐỐC", "KT. GIÁM ĐỐC")
    table = [t for t in p.tasks if t.origin == "table"]
    assert len(table) == 4
    assert [t.lead for t in table] == [["Chi cục Chăn nuôi và Thú y"]] * 2 + [["Thanh tra Sở"], ["Văn phòng Sở"]]
    assert table[0].partners == ["Phòng Kế hoạch - Tài chính"] and table[0].deadline.end == "2026-03-15"
    assert (table[1].deadline.start, table[1].deadline.end) == ("2026-07-01", "2026-09-30")
    assert (table[2].deadline.kind, table[2].deadline.period) == ("recurring", "half-year")
    assert table[3].deadline.end == "2026-12-31"
    g = target(p, "lở mồm long móng")
    assert (g.value, g.comparator) == (80, ">=")


# ---------------------------------------------------------------- a decision (QĐ) with its plan after the signature
def test_decision_followed_by_its_plan():
    p = parse("quyet_dinh.txt")
    assert header(p) == ("156/QĐ-UBND", "QĐ-UBND", "2026-05-12")
    assert p.document.issuer == "Ủy ban nhân dân xã Hòa An"
    s = p.document.signer
    assert (s.name, s.title, s.authority) == ("Lý Thị Ngọc", "CHÁNH VĂN PHÒNG", "T/L. CHỦ TỊCH")
    t = task(p, "trang thông tin điện tử")
    assert t.lead == ["Văn phòng HĐND và UBND xã"] and t.partners == ["Phòng Kinh tế xã"]
    assert (t.deadline.start, t.deadline.end) == ("2026-10-01", "2026-10-31")
    t = task(p, "loa truyền thanh")
    assert t.lead == ["Công chức Văn hóa - Xã hội"] and t.deadline.kind == "continuous"
    t = task(p, "VNeID")
    assert t.lead == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    assert (t.deadline.start, t.deadline.end) == ("2026-07-01", "2026-09-30")
    g = target(p, "trực tuyến")
    assert (g.value, g.comparator) == (100, "=")
