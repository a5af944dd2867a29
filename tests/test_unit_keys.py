"""Canonical (official) unit names and stable unit keys (extract/unit_keys.py)."""
import pytest

from extract import unit_keys, units
from extract.unit_keys import canonical_units, official_name, unit_key, unit_level


@pytest.mark.parametrize("variants", [
    ["Phòng VH-TT", "Phòng VH&TT", "Phòng Văn hóa - Thông tin", "Phòng Văn hóa và Thông tin",
     "phòng văn hoá và thông tin", "PHÒNG VĂN HÓA VÀ THÔNG TIN", "Phòng Văn hóa và Thông tin huyện"],
    ["Công an tỉnh", "CA tỉnh", "CÔNG AN TỈNH"],
    ["UBND huyện", "Ủy ban nhân dân huyện", "Uỷ ban Nhân dân huyện", "ỦY BAN NHÂN DÂN HUYỆN"],
    ["Phòng LĐTB&XH", "Phòng Lao động - Thương binh và Xã hội", "Phòng Lao động, Thương binh và Xã hội"],
    ["Sở KH&CN", "Sở Khoa học và Công nghệ", "Sở KHCN", "sở khoa học và công nghệ"],
    ["Phòng GD&ĐT", "Phòng Giáo dục và Đào tạo", "Phòng GD-ĐT"],
    ["Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL"],
    ["Ban TG Huyện ủy", "BTG Huyện ủy", "Ban Tuyên giáo Huyện uỷ", "Ban Tuyên giáo HU", "ban tuyên giáo huyện ủy"],
    ["Phòng TN&MT", "Phòng Tài nguyên và Môi trường", "Phòng TNMT"],
    ["UBMTTQ xã", "Ủy ban MTTQ xã", "Ủy ban Mặt trận Tổ quốc xã"],
])
def test_every_spelling_of_an_office_has_one_key(variants):
    assert len({unit_key(v) for v in variants}) == 1, [unit_key(v) for v in variants]


@pytest.mark.parametrize("written, official", [
    ("ban tuyên giáo huyện ủy", "Ban Tuyên giáo Huyện ủy"),
    ("BAN TUYÊN GIÁO HUYỆN ỦY", "Ban Tuyên giáo Huyện ủy"),
    ("Ban Tuyên giáo HU", "Ban Tuyên giáo Huyện ủy"),
    ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
    ("phòng tài chính-kế hoạch", "Phòng Tài chính - Kế hoạch"),
    ("PHÒNG TÀI CHÍNH – KẾ HOẠCH", "Phòng Tài chính - Kế hoạch"),
    ("Uỷ ban Nhân dân huyện", "Ủy ban nhân dân huyện"),
    ("trung tâm văn hóa, thể thao và truyền thông huyện", "Trung tâm Văn hóa, Thể thao và Truyền thông huyện"),
    ("công chức tư pháp - hộ tịch", "Công chức Tư pháp - Hộ tịch"),
    ("ủy ban kiểm tra đảng ủy", "Ủy ban Kiểm tra Đảng ủy"),
    ("đoàn thanh niên xã", "Đoàn Thanh niên xã"),
    ("MTTQ và các đoàn thể huyện", "Mặt trận Tổ quốc và các đoàn thể huyện"),
    ("Văn phòng HĐND và UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
    ("Ban Chỉ đạo 35 huyện", "Ban Chỉ đạo 35 huyện"),
    ("Đội PC-06 Công an huyện", "Đội PC-06 Công an huyện"),   # a code keeps its dash
])
def test_canonical_names_read_as_official_names(written, official):
    assert official_name(written) == official


@pytest.mark.parametrize("collective", [
    "Các cơ quan, ban, ngành huyện", "các chi, đảng bộ trực thuộc", "Các xã, thị trấn",
    "CÁC CƠ QUAN, ĐƠN VỊ LIÊN QUAN",
])
def test_a_collective_unit_stays_one_unit_with_its_commas(collective):
    name = official_name(collective)
    assert " và " not in name and name.count(",") == collective.count(",")
    assert name[0].isupper() and name[1:] == name[1:].lower()
    names, keys = canonical_units([collective])
    assert len(names) == len(keys) == 1


@pytest.mark.parametrize("name, level", [
    ("Ban Tuyên giáo Huyện ủy", "huyen"), ("Sở Tư pháp", "tinh"), ("Phòng Nội vụ", "huyen"),
    ("Công an tỉnh", "tinh"), ("Ủy ban nhân dân các xã, thị trấn", "xa"), ("Bộ Y tế", "trung-uong"),
    ("Phòng Lao động - Thương binh và Xã hội", "huyen"), ("Ủy ban nhân dân thị xã", "huyen"),
    ("Ban Chỉ đạo", None), ("Hợp tác xã Nông nghiệp", None),
])
def test_level_read_from_the_words_of_the_name(name, level):
    assert unit_level(name) == level


def test_key_is_a_folded_slug_with_the_level():
    assert unit_key("Phòng Văn hóa - Thông tin") == "phong-van-hoa-thong-tin@huyen"
    assert unit_key("Ủy ban nhân dân xã") == "uy-ban-nhan-dan@xa"            # the level says "xã"
    assert unit_key("Ủy ban nhân dân thị xã") == "uy-ban-nhan-dan-thi-xa@huyen"
    assert unit_key("UBND huyện Tam Đường") == "uy-ban-nhan-dan-huyen-tam-duong@huyen"
    assert unit_key("Các xã, thị trấn") == "cac-xa-thi-tran@xa"
    assert unit_key("Ban Chỉ đạo") == "ban-chi-dao"
    assert unit_key("") == ""


def test_different_offices_keep_different_keys():
    names = ["Phòng Văn hóa và Thông tin", "Phòng Tài chính - Kế hoạch", "Phòng Nội vụ", "Sở Tư pháp",
             "Ban Tuyên giáo Huyện ủy", "Ban Tuyên giáo Tỉnh ủy"]
    assert len({unit_key(n) for n in names}) == len(names)


def test_canonical_units_drop_duplicate_keys_in_order():
    names, keys = canonical_units(["Phòng VH-TT", "Phòng Nội vụ", "Phòng VH&TT"])
    assert names == ["Phòng Văn hóa và Thông tin", "Phòng Nội vụ"]
    assert keys == ["phong-van-hoa-thong-tin@huyen", "phong-noi-vu@huyen"]


def test_registries_extended_by_environment(tmp_path, monkeypatch):
    abbr = tmp_path / "my_units.tsv"
    abbr.write_text("# my office\nVPĐK\tVăn phòng Đăng ký đất đai\n", encoding="utf-8")
    levels = tmp_path / "my_levels.tsv"
    levels.write_text("^văn phòng đăng ký\ttinh\n", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_UNITS", str(abbr))
    monkeypatch.setenv("KEHOACH_UNIT_LEVELS", str(levels))
    units.registry.cache_clear(); unit_keys.clear_caches()
    try:
        assert official_name("VPĐK") == "Văn phòng Đăng ký đất đai"
        assert unit_key("VPĐK") == "van-phong-dang-ky-dat-dai@tinh"
    finally:
        monkeypatch.delenv("KEHOACH_UNITS")
        monkeypatch.delenv("KEHOACH_UNIT_LEVELS")
        units.registry.cache_clear(); unit_keys.clear_caches()
    assert official_name("VPĐK huyện") == "VPĐK huyện"


def _plan_json(tasks):
    return {"schema_version": "1.1.0", "tasks": [{"id": f"K{i}", "lead": lead, "partners": partners}
                                                 for i, (lead, partners) in enumerate(tasks, 1)]}


def test_units_report_lists_distinct_units_with_spellings_and_counts(tmp_path, capsys):
    import json

    from extract.cli import main
    (tmp_path / "a.json").write_text(json.dumps(_plan_json([
        (["Phòng VH-TT"], ["BTG Huyện ủy", "Các xã, thị trấn"]),
        (["Ban Tuyên giáo Huyện ủy"], ["Phòng Văn hóa và Thông tin"])])), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text(json.dumps(_plan_json([
        (["PHÒNG VĂN HÓA VÀ THÔNG TIN"], []), (["Hội LHTN xã"], [])])), encoding="utf-8")
    assert main(["units", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4 distinct units in 2 documents")
    assert "1 × Hội LHTN xã\n       not in the registry: LHTN" in out
    block = out.split("\n\n")[1]
    assert "Phòng Văn hóa và Thông tin" in block and "key phong-van-hoa-thong-tin@huyen" in block
    assert "lead 2, partners 1, in 2 documents" in block
    assert "1 × Phòng VH-TT" in block and "1 × PHÒNG VĂN HÓA VÀ THÔNG TIN" in block
    assert main(["units", str(tmp_path), "--tsv"]) == 0
    rows = [r.split("\t") for r in capsys.readouterr().out.splitlines()]
    assert rows[0][:3] == ["key", "canonical", "level"]
    assert {r[0] for r in rows[1:]} == {"phong-van-hoa-thong-tin@huyen", "ban-tuyen-giao-huyen-uy@huyen",
                                        "cac-xa-thi-tran@xa", "hoi-lhtn@xa"}
    assert [r[-1] for r in rows if r[7] == "Hội LHTN xã"] == ["LHTN"]


def test_units_report_of_a_folder_without_plans_says_so(tmp_path, capsys):
    from extract.cli import main
    assert main(["units", str(tmp_path)]) == 1
    assert "no converted plans" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["Các cơ quan liên quan", "Ban Quản lý Khu kinh tế", "Chính quyền địa phương",
                                  "Người đứng đầu các cơ quan, đơn vị, địa phương"])
def test_level_words_are_matched_with_their_marks(name):
    """"quận" and "phường" are place words; "cơ quan", "quản lý" and "địa phương" are not."""
    assert unit_level(name) is None


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60) | st.sampled_from(["Phòng VH-TT huyện", "CÁC XÃ, THỊ TRẤN", "- xã", "và", "&", "@"]))
def test_any_name_gives_an_official_name_and_a_key_of_the_schema(name):
    import re
    official = official_name(name)
    key = unit_key(name)
    assert isinstance(official, str) and (key == "" or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*(@[a-z-]+)?", key))
    assert bool(key) == bool(official and re.search(r"[^\W_]", official))
