"""Unit-name splitting and role stripping (extract/units.py); canonical names and keys are in
test_unit_keys.py."""
import pytest

from extract.units import split_units, strip_role

SPLITS = [
    ("Ban Tuyên giáo Huyện ủy, Ban Tổ chức Huyện ủy", ["Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy"]),
    ("Các cơ quan, ban, ngành huyện", ["Các cơ quan, ban, ngành huyện"]),
    ("các chi, đảng bộ trực thuộc", ["các chi, đảng bộ trực thuộc"]),
    ("Các cơ quan, đơn vị, các xã, thị trấn", ["Các cơ quan, đơn vị", "các xã, thị trấn"]),
    ("Các cơ quan tuyên truyền, các chi, đảng bộ trực thuộc",
     ["Các cơ quan tuyên truyền", "các chi, đảng bộ trực thuộc"]),
    ("MTTQ và các đoàn thể huyện, các chi, đảng bộ trực thuộc",
     ["MTTQ và các đoàn thể huyện", "các chi, đảng bộ trực thuộc"]),
    ("Các sở, ban, ngành liên quan; các huyện ủy, thành ủy, Đảng ủy trực thuộc tỉnh",
     ["Các sở, ban, ngành liên quan", "các huyện ủy, thành ủy, Đảng ủy trực thuộc tỉnh"]),
    ("Trung tâm Văn hóa, thể thao và truyền thông", ["Trung tâm Văn hóa, thể thao và truyền thông"]),
    ("Phòng Lao động, Thương binh và Xã hội huyện", ["Phòng Lao động, Thương binh và Xã hội huyện"]),
    ("Sở Văn hoá, Thể thao và Du lịch", ["Sở Văn hoá, Thể thao và Du lịch"]),
    ("Bộ Văn hóa, Thể thao và Du lịch, Sở Giáo dục và Đào tạo",
     ["Bộ Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo"]),
    ("Ban Tuyên giáo Huyện ủy, Ban Tổ chức Huyện ủy, Phòng Tài chính - Kế hoạch, Ban QLDA.",
     ["Ban Tuyên giáo Huyện ủy", "Ban Tổ chức Huyện ủy", "Phòng Tài chính - Kế hoạch", "Ban QLDA"]),
    ("Đảng ủy các xã, thị trấn Phòng Văn hóa Thông tin",
     ["Đảng ủy các xã, thị trấn", "Phòng Văn hóa Thông tin"]),
    ("Phòng GD&ĐT, các trường trực thuộc Sở GD&ĐT trên địa bàn huyện, Hội CCB huyện, các chi, đảng bộ trực thuộc",
     ["Phòng GD&ĐT", "các trường trực thuộc Sở GD&ĐT trên địa bàn huyện", "Hội CCB huyện",
      "các chi, đảng bộ trực thuộc"]),
    ("Sở KH&CN; các cơ quan, đơn vị liên quan", ["Sở KH&CN", "các cơ quan, đơn vị liên quan"]),
    ("Các đ/c Phó chủ tịch, Trưởng đoàn thể xã, các đồng chí Chuyên viên cơ quan MTTQ xã",
     ["Các đ/c Phó chủ tịch", "Trưởng đoàn thể xã", "các đồng chí Chuyên viên cơ quan MTTQ xã"]),
    ("Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã",
     ["Liên đoàn Lao động", "Hội Nông dân", "Liên minh Hợp tác xã"]),
    ("Văn phòng Huyện ủy, các cơ quan, ban, ngành, đoàn thể, các đảng bộ trực thuộc",
     ["Văn phòng Huyện ủy", "các cơ quan, ban, ngành, đoàn thể", "các đảng bộ trực thuộc"]),
    ("UBKT Huyện ủy, Ban TG Huyện ủy", ["UBKT Huyện ủy", "Ban TG Huyện ủy"]),
    ("Phòng Tư pháp, Công an huyện, UBND các xã", ["Phòng Tư pháp", "Công an huyện", "UBND các xã"]),
    ("- Sở Tài chính;\n- Sở Nội vụ;", ["Sở Tài chính", "Sở Nội vụ"]),
    ("Hội Liên hiệp Phụ nữ, Đoàn Thanh niên, Hội Cựu chiến binh",
     ["Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh"]),
    ("Phòng Kinh tế, Hạ tầng và Đô thị", ["Phòng Kinh tế, Hạ tầng và Đô thị"]),
    ("Các cơ quan, Ban, Ngành", ["Các cơ quan, Ban, Ngành"]),
    # a head after the lower-case second syllable of a name is the parent body, not a second unit
    ("ban Kinh tế - Xã hội Hội Nông dân huyện", ["ban Kinh tế - Xã hội Hội Nông dân huyện"]),
    ("Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh", ["Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"]),
    ("Ban Pháp chế Hội đồng nhân dân huyện", ["Ban Pháp chế Hội đồng nhân dân huyện"]),
    ("UBND các xã, thị trấn Phòng Y tế", ["UBND các xã, thị trấn", "Phòng Y tế"]),
    ("", []),
    (" ; , ", []),
]


@pytest.mark.parametrize("text,expected", SPLITS)
def test_split_units(text, expected):
    assert split_units(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Sở Khoa học và Công nghệ thúc đẩy, theo dõi, báo cáo chỉ tiêu", "Sở Khoa học và Công nghệ"),
    ("Sở KH&CN chủ trì hướng dẫn, tổng hợp", "Sở KH&CN"),
    ("Phòng Nội vụ chủ trì", "Phòng Nội vụ"),
    ("UBND huyện (chủ trì)", "UBND huyện"),
    ("Ban Tổ chức Huyện ủy", "Ban Tổ chức Huyện ủy"),
    ("Văn phòng HĐND và UBND huyện tham mưu", "Văn phòng HĐND và UBND huyện"),
    ("Sở Tài chính phối hợp", "Sở Tài chính"),
    ("chủ trì", "chủ trì"),
])
def test_strip_role(text, expected):
    assert strip_role(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Phòng Văn hóa và Thông tin huyện", True),
    ("Các chi, đảng bộ trực thuộc", True),
    ("Đồng chí Phó Chủ tịch UBND xã", True),
    ("UBND các xã, thị trấn", True),
    ("Ban hành Kế hoạch tiếp công dân", False),
    ("Phòng, chống tham nhũng", False),
    ("Trường hợp có vướng mắc", False),
    ("Tổ chức hội nghị", False),
    ("Báo cáo kết quả", False),
    ("Hội nghị tháng 12", False),
])
def test_looks_like_unit_tells_bodies_from_words_that_start_like_them(text, expected):
    from extract.units import looks_like_unit
    assert looks_like_unit(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Các ban xây dựng Đảng, Văn Phòng Huyện ủy", ["Các ban xây dựng Đảng", "Văn Phòng Huyện ủy"]),
    ("Thành viên Ban Chỉ đạo, thư ký, tổ cộng tác viên Ban Chỉ đạo 35 huyện",
     ["Thành viên Ban Chỉ đạo, thư ký, tổ cộng tác viên Ban Chỉ đạo 35 huyện"]),
    ("Đảng ủy các xã, thị trấn Phòng Văn hóa Thông tin", ["Đảng ủy các xã, thị trấn", "Phòng Văn hóa Thông tin"]),
])
def test_head_words_inside_a_name_do_not_split_it(text, expected):
    """Regression: "Văn Phòng" written with a capital P, and an office followed by its body
    ("Thành viên Ban Chỉ đạo"), were cut into two units."""
    assert split_units(text) == expected


@pytest.mark.parametrize("text", ["tổ chức theo dõi, giám sát", "sở dĩ phải làm", "xã hội hóa nguồn lực"])
def test_lower_case_category_word_without_a_group_word_is_no_unit(text):
    """Regression: "tổ chức theo dõi …" (a verb) was read as the unit "tổ chức"."""
    from extract.units import looks_like_unit
    assert not looks_like_unit(text)


@pytest.mark.parametrize("cell, units", [
    ("Bộ Công an, Bộ Tư pháp với các văn bản áp dụng chung toàn quốc; các bộ, ngành với các văn bản nội ngành",
     ["Bộ Công an", "Bộ Tư pháp", "các bộ, ngành"]),
    ("Sở Tư pháp với các văn bản quy phạm pháp luật; UBND các xã với văn bản cấp xã", ["Sở Tư pháp", "UBND các xã"]),
    ("Phòng Kinh tế với các dự án nông nghiệp", ["Phòng Kinh tế"]),
    # "với" before a unit is a list of units
    ("Công an xã với Ban Chỉ huy Quân sự xã", ["Công an xã với Ban Chỉ huy Quân sự xã"]),
])
def test_what_a_unit_answers_for_after_voi_is_cut_from_a_lead_cell(cell, units):
    assert split_units(strip_role(cell)) == units


@pytest.mark.parametrize("cell, units", [
    ("UBND các thôn, bản (qua Trưởng thôn)", ["UBND các thôn, bản"]),
    ("Sở Nội vụ (thông qua Phòng Cải cách hành chính); Văn phòng UBND tỉnh", ["Sở Nội vụ", "Văn phòng UBND tỉnh"]),
])
def test_a_routing_note_in_brackets_is_no_unit(cell, units):
    assert split_units(cell) == units
