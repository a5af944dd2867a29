"""Unit phrases as subjects: a head word plus what follows until the predicate (invented phrases)."""
import pytest

from extract.subject import cut_units, split_subject

# (sentence, expected unit phrase or None)
SUBJECTS = [
    # standing bodies followed by their parent stay one unit
    ("Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì hội nghị.", "Ban Thường trực Ủy ban MTTQ Việt Nam phường"),
    ("Ban Thường trực Hội Cựu chiến binh xã vận động hội viên.", "Ban Thường trực Hội Cựu chiến binh xã"),
    ("Văn phòng Ban Chỉ huy quân sự xã tổng hợp báo cáo.", "Văn phòng Ban Chỉ huy quân sự xã"),
    ("Ủy ban Kiểm tra Đảng ủy xây dựng chương trình kiểm tra.", "Ủy ban Kiểm tra Đảng ủy"),
    ("Đảng ủy Hội đồng nhân dân tỉnh lãnh đạo việc sơ kết.", "Đảng ủy Hội đồng nhân dân tỉnh"),
    ("Đảng ủy Sở Y tế quán triệt nghị quyết.", "Đảng ủy Sở Y tế"),
    ("Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ phường trực tiếp chỉ đạo.", "Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ phường"),
    # names holding a verb-like word
    ("Tổ công tác liên ngành kiểm tra các cơ sở kinh doanh.", "Tổ công tác liên ngành"),
    ("Đoàn kiểm tra thực hiện đúng quy định.", "Đoàn kiểm tra"),
    ("Các tổ chức chính trị - xã hội tuyên truyền đến đoàn viên.", "Các tổ chức chính trị - xã hội"),
    ("Các tổ chức thành viên của Mặt trận vận động nhân dân.", "Các tổ chức thành viên của Mặt trận"),
    ("Trung tâm Thông tin đăng tải tin bài.", "Trung tâm Thông tin"),
    ("Trung tâm thông tin huyện đăng tải tin bài.", "Trung tâm thông tin huyện"),
    ("Các hội, tổ chức xã hội nghề nghiệp phổ biến đến hội viên.", "Các hội, tổ chức xã hội nghề nghiệp"),
    ("Ban Tổ chức Huyện ủy hướng dẫn quy trình.", "Ban Tổ chức Huyện ủy"),
    ("Ban Tuyên giáo và Dân vận phối hợp biên soạn tài liệu.", "Ban Tuyên giáo và Dân vận"),
    ("Ban chỉ đạo huyện kiểm tra việc thực hiện.", "Ban chỉ đạo huyện"),
    ("Ban Chỉ đạo xã tổ chức sơ kết.", "Ban Chỉ đạo xã"),
    ("Tổ kiểm phiếu sẽ kiểm đếm và công bố kết quả.", "Tổ kiểm phiếu"),
    ("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội chuẩn bị tài liệu.", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"),
    ("Các cơ quan tham mưu, giúp việc Đảng ủy rà soát quy trình.", "Các cơ quan tham mưu, giúp việc Đảng ủy"),
    ("Ủy ban bầu cử xã niêm yết danh sách.", "Ủy ban bầu cử xã"),
    ("Hội đồng thi đua khen thưởng xã xét khen thưởng.", "Hội đồng thi đua khen thưởng xã"),
    ("Ban quản lý dự án khu vực tham mưu lựa chọn nhà thầu.", "Ban quản lý dự án khu vực"),
    # a subject ends at its predicate after a lower-case body word
    ("Các thành viên trong tiểu ban căn cứ nhiệm vụ được giao, chủ động triển khai.", "Các thành viên trong tiểu ban"),
    ("Các thành viên Tổ giúp việc chủ động nắm tình hình.", "Các thành viên Tổ giúp việc"),
    ("Các phòng, ban theo chức năng, nhiệm vụ được giao triển khai thực hiện.", "Các phòng, ban"),
    ("Các đơn vị được giao nhiệm vụ chủ trì báo cáo kết quả.", "Các đơn vị"),
    ("Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo gửi báo cáo về Sở Nội vụ.",
     "Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo"),
    ("Các đoàn thể tham gia tuyên truyền.", "Các đoàn thể"),
    ("Các chi bộ trực thuộc căn cứ tình hình thực tế xây dựng kế hoạch.", "Các chi bộ trực thuộc"),
    ("Các cơ quan, đơn vị liên quan có trách nhiệm phối hợp.", "Các cơ quan, đơn vị liên quan"),
    ("Các sở, ban, ngành tỉnh chủ động bố trí kinh phí.", "Các sở, ban, ngành tỉnh"),
    ("UBND các xã, thị trấn chỉ đạo các thôn triển khai.", "UBND các xã, thị trấn"),
    ("UBND xã tổ chức hội nghị triển khai.", "UBND xã"),
    ("Ủy ban nhân dân phường tổ chức tuyên truyền.", "Ủy ban nhân dân phường"),
    ("Phòng Kinh tế khẩn trương rà soát.", "Phòng Kinh tế"),
    ("Phòng Văn hóa - Xã hội xã tích cực tuyên truyền.", "Phòng Văn hóa - Xã hội xã"),
    ("Phòng Tài chính - Kế hoạch thẩm định dự toán.", "Phòng Tài chính - Kế hoạch"),
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức giải đấu.", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở Nội vụ có trách nhiệm đôn đốc các đơn vị.", "Sở Nội vụ"),
    ("Sở Tư pháp, trên cơ sở kết quả rà soát, chủ trì tham mưu.", "Sở Tư pháp"),
    ("Trạm Y tế xã, với vai trò cơ quan thường trực, tham mưu Ban Chỉ đạo kiểm tra.", "Trạm Y tế xã"),
    # words in brackets inside the name never start the predicate
    ("Tổ công tác số 1 (do đồng chí Phó Chủ tịch UBND xã làm Tổ trưởng) kiểm tra các cơ sở.",
     "Tổ công tác số 1 (do đồng chí Phó Chủ tịch UBND xã làm Tổ trưởng)"),
    ("Đoàn kiểm tra liên ngành (gồm Phòng Kinh tế, Công an xã) tổ chức kiểm tra đột xuất.",
     "Đoàn kiểm tra liên ngành (gồm Phòng Kinh tế, Công an xã)"),
    ("Ban Chỉ huy Quân sự xã, là cơ quan thường trực, tham mưu Hội đồng nghĩa vụ quân sự.", "Ban Chỉ huy Quân sự xã"),
    ("Công an xã nắm chắc tình hình an ninh.", "Công an xã"),
    ("Công an tỉnh chỉ đạo lực lượng công an cơ sở.", "Công an tỉnh"),
    ("Văn phòng HĐND và UBND huyện theo dõi, đôn đốc.", "Văn phòng HĐND và UBND huyện"),
    ("Văn phòng Đảng ủy tham mưu Ban Thường vụ.", "Văn phòng Đảng ủy"),
    ("Hội Liên hiệp Phụ nữ xã vận động hội viên tham gia.", "Hội Liên hiệp Phụ nữ xã"),
    ("Hội Nông dân xã phối hợp với Ngân hàng Chính sách xã hội.", "Hội Nông dân xã"),
    ("Đoàn Thanh niên xã ra quân dọn vệ sinh.", "Đoàn Thanh niên xã"),
    ("Huyện đoàn tổ chức các hoạt động tình nguyện.", "Huyện đoàn"),
    ("Trường Tiểu học Kim Đồng thực hiện lồng ghép nội dung.", "Trường Tiểu học Kim Đồng"),
    ("Trạm Y tế xã tuyên truyền phòng bệnh.", "Trạm Y tế xã"),
    ("Chi cục Thuế khu vực hướng dẫn doanh nghiệp.", "Chi cục Thuế khu vực"),
    ("Kho bạc Nhà nước huyện kiểm soát chi.", "Kho bạc Nhà nước huyện"),
    ("Trưởng các thôn, bản cần nắm tình hình.", "Trưởng các thôn, bản"),
    ("Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND.", "Thủ trưởng các cơ quan, đơn vị"),
    ("Người đứng đầu cơ quan phải gương mẫu.", "Người đứng đầu cơ quan"),
    ("Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn chỉ đạo tổng kết.", "Các đồng chí Ủy viên Ban Thường vụ phụ trách địa bàn"),
    ("Đồng chí Bí thư Chi bộ lãnh đạo chi bộ.", "Đồng chí Bí thư Chi bộ"),
    ("Chủ tịch UBND xã được giao ký quyết định.", "Chủ tịch UBND xã"),
    ("Ban công tác Mặt trận các thôn phối hợp với Trưởng thôn rà soát.", "Ban công tác Mặt trận các thôn"),
    ("MTTQ và các đoàn thể xã giám sát việc thực hiện.", "MTTQ và các đoàn thể xã"),
    ("Ban Chấp hành Đoàn xã triển khai.", "Ban Chấp hành Đoàn xã"),
    ("Thường trực HĐND xã giám sát chuyên đề.", "Thường trực HĐND xã"),
    # "cơ sở" after a body is its level, and a verb after it starts the predicate
    ("Ủy ban Kiểm tra các đảng ủy cơ sở xây dựng kế hoạch kiểm tra.", "Ủy ban Kiểm tra các đảng ủy cơ sở"),
    ("Hội Cựu chiến binh cơ sở tổ chức gặp mặt hội viên.", "Hội Cựu chiến binh cơ sở"),
    ("Các chi bộ cơ sở xây dựng nghị quyết chuyên đề.", "Các chi bộ cơ sở"),
    ("Các cơ sở giáo dục tổ chức dạy học trải nghiệm.", "Các cơ sở giáo dục"),
    # bodies of a hospital or a trade union
    ("Khoa Kiểm soát bệnh tật là đầu mối theo dõi tình hình dịch.", "Khoa Kiểm soát bệnh tật"),
    ("Khoa Dược bảo đảm đủ thuốc, hóa chất.", "Khoa Dược"),
    ("Công đoàn cơ sở vận động đoàn viên tham gia.", "Công đoàn cơ sở"),
    ("Công đoàn Trường Tiểu học An Long phát động thi đua.", "Công đoàn Trường Tiểu học An Long"),
    ("Khoa học công nghệ là động lực phát triển.", None),
    # "đăng ký" names a body after a body word; "Hợp tác xã" is no place word
    ("Chi nhánh Văn phòng đăng ký đất đai huyện cập nhật hồ sơ địa chính.", "Chi nhánh Văn phòng đăng ký đất đai huyện"),
    ("Văn phòng Đăng ký đất đai cập nhật biến động.", "Văn phòng Đăng ký đất đai"),
    ("Hợp tác xã Nông nghiệp Đồng Tâm hỗ trợ tiêu thụ sản phẩm.", "Hợp tác xã Nông nghiệp Đồng Tâm"),
    ("Hợp tác xã dịch vụ nông nghiệp Tân Tiến bảo đảm cung ứng giống.", "Hợp tác xã dịch vụ nông nghiệp Tân Tiến"),
    ("Cảnh sát phòng cháy chữa cháy huyện hướng dẫn diễn tập.", "Cảnh sát phòng cháy chữa cháy huyện"),
    ("Phòng Kinh tế xã đăng ký nhu cầu vốn.", "Phòng Kinh tế xã"),
    # a person "phụ trách" a field (a noun, or a verb that names one) keeps it; "phụ trách" + a verb is the predicate
    ("Đồng chí Phó Hiệu trưởng phụ trách công tác học sinh trực tiếp theo dõi.",
     "Đồng chí Phó Hiệu trưởng phụ trách công tác học sinh"),
    ("Giáo viên chủ nhiệm các lớp phụ trách theo dõi học sinh.", "Giáo viên chủ nhiệm các lớp"),
    ("Tổng phụ trách Đội tổ chức các hoạt động ngoại khóa.", "Tổng phụ trách Đội"),
    # members as a group
    ("Các đảng viên trong Chi bộ gương mẫu thực hiện.", "Các đảng viên trong Chi bộ"),
    ("Các hội viên phụ nữ tích cực tham gia.", "Các hội viên phụ nữ"),
    # no unit at the head
    ("Ban hành quy chế làm việc.", None),
    ("Tổ chức hội nghị sơ kết.", None),
    ("Phòng, chống tham nhũng là nhiệm vụ thường xuyên.", None),
    ("Đẩy mạnh tuyên truyền.", None),
]


@pytest.mark.parametrize("sentence, unit", SUBJECTS)
def test_unit_phrase_ends_at_its_predicate(sentence, unit):
    assert split_subject(sentence)[0] == unit


def test_subject_table_is_large_enough():
    assert len(SUBJECTS) >= 60


@pytest.mark.parametrize("sentence, unit", [
    ("phòng Kinh tế thực hiện các nội dung sau:", "phòng Kinh tế"),
    ("ủy ban nhân dân xã chủ trì tổ chức.", "ủy ban nhân dân xã"),
    ("văn phòng HĐND và UBND xã tổng hợp.", "văn phòng HĐND và UBND xã"),
    ("HTX Tân Tiến chủ trì huy động nhân công.", "HTX Tân Tiến"),
])
def test_lower_case_head_after_giao_is_a_unit(sentence, unit):
    assert split_subject(sentence, any_case=True)[0] == unit


@pytest.mark.parametrize("text, units", [
    ("các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận triển khai tuyên truyền",
     "các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận"),
    ("Ban Thường trực Ủy ban MTTQ xã tham gia công tác bầu cử", "Ban Thường trực Ủy ban MTTQ xã"),
    ("Công an xã Tân Lập mời các hộ gia đình", "Công an xã Tân Lập"),
])
def test_partner_list_is_cut_at_its_predicate(text, units):
    assert cut_units(text) == units


@pytest.mark.parametrize("text, units", [
    ("Văn phòng Ban Chỉ huy quân sự", ["Văn phòng Ban Chỉ huy quân sự"]),
    ("Đảng ủy Hội đồng nhân dân tỉnh", ["Đảng ủy Hội đồng nhân dân tỉnh"]),
    ("Đảng ủy Sở Y tế", ["Đảng ủy Sở Y tế"]),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam phường", ["Ban Thường trực Ủy ban MTTQ Việt Nam phường"]),
    ("Ban Thường trực Hội Cựu chiến binh xã", ["Ban Thường trực Hội Cựu chiến binh xã"]),
    ("Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã", ["Đồng chí Phó Chủ tịch Thường trực Ủy ban MTTQ xã"]),
    ("Đảng ủy xã Hội Nông dân xã", ["Đảng ủy xã", "Hội Nông dân xã"]),
    ("các chuyên viên giúp việc thuộc Cơ quan Ủy ban MTTQ xã", ["các chuyên viên giúp việc thuộc Cơ quan Ủy ban MTTQ xã"]),
    ("Lãnh đạo\nSở Nội vụ", ["Lãnh đạo Sở Nội vụ"]),
    ("Nguyễn Văn A\nTrần Thị B", ["Nguyễn Văn A", "Trần Thị B"]),
])
def test_standing_body_followed_by_its_parent_is_one_unit(text, units):
    from extract.units import split_units
    assert split_units(text) == units


@pytest.mark.parametrize("cell, units", [
    ("Các phòng, ban theo chức năng, nhiệm vụ được giao", ["Các phòng, ban"]),
    ("UBND các thôn tham gia", ["UBND các thôn"]),
    ("Các đơn vị được giao nhiệm vụ", ["Các đơn vị"]),
])
def test_tails_are_not_part_of_a_lead_cell(cell, units):
    from extract.units import split_units, strip_role
    assert split_units(strip_role(cell)) == units


@pytest.mark.parametrize("text, units", [
    # a place word closes the name before a verb the lexicon lacks, though a known verb comes later
    ("Phòng Kinh tế xã nâng cấp trang thông tin điện tử", "Phòng Kinh tế xã"),
    ("Ban Công an các thôn tuần tra, kiểm soát", "Ban Công an các thôn"),
    ("Trạm Y tế phường rà soát đối tượng", "Trạm Y tế phường"),
    ("Ban Thường vụ huyện ủy chỉ đạo thực hiện", "Ban Thường vụ huyện ủy"),
    # a body word that finishes a name or names a level is no head for the verb after it
    ("Huyện đoàn tuyên truyền thường xuyên", "Huyện đoàn"),
    ("Tỉnh đoàn tổ chức tập huấn", "Tỉnh đoàn"),
    ("Bộ phận Giáo dục trung học cơ sở xây dựng tài liệu", "Bộ phận Giáo dục trung học cơ sở"),
    ("Đoàn kiểm tra liên ngành làm việc", "Đoàn kiểm tra liên ngành"),
])
def test_name_ends_at_a_place_word_or_a_finished_name(text, units):
    assert cut_units(text) == units


@pytest.mark.parametrize("text, units", [
    ("Tổ Công nghệ thông tin cập nhật dữ liệu", "Tổ Công nghệ thông tin"),
    ("Đội an toàn thông tin giám sát hệ thống", "Đội an toàn thông tin"),
])
def test_thong_tin_after_a_noun_of_the_name_is_part_of_it(text, units):
    assert cut_units(text) == units


@pytest.mark.parametrize("sentence, unit", [
    ("MTTQ Phối hợp với UBND xã, các thôn tổ chức hội nghị.", "MTTQ"),
    ("Phòng Kinh tế Chủ trì, phối hợp với Công an xã kiểm tra các cơ sở.", "Phòng Kinh tế"),
    ("Hội Nông dân xã Căn cứ kế hoạch này xây dựng kế hoạch của đơn vị.", "Hội Nông dân xã"),
    ("Trạm Y tế xã Có trách nhiệm theo dõi tình hình dịch bệnh.", "Trạm Y tế xã"),
    # a capital that does belong to a name still does
    ("Ban Tham mưu Công an tỉnh chủ trì rà soát.", "Ban Tham mưu Công an tỉnh"),
    ("Bộ phận Tiếp nhận và Trả kết quả xã niêm yết công khai thủ tục.", "Bộ phận Tiếp nhận và Trả kết quả xã"),
])
def test_capitalised_role_verb_inside_a_sentence_starts_the_predicate(sentence, unit):
    assert split_subject(sentence)[0] == unit


@pytest.mark.parametrize("sentence, unit", [
    ("Đồng chí Phó Chủ tịch - Thư ký tham mưu xây dựng kế hoạch.", "Đồng chí Phó Chủ tịch - Thư ký"),
    ("Ban Điều phối Chương trình mục tiêu quốc gia xã chủ trì rà soát.", "Ban Điều phối Chương trình mục tiêu quốc gia xã"),
    ("Ban Quản lý công trình xã lập hồ sơ quyết toán.", "Ban Quản lý công trình xã"),
    ("Trung tâm Dịch vụ việc làm tỉnh tư vấn cho người lao động.", "Trung tâm Dịch vụ việc làm tỉnh"),
    # the verb alone still starts the predicate
    ("Phòng Kinh tế trình UBND xã phê duyệt.", "Phòng Kinh tế"),
    ("Ban quản lý dự án làm thủ tục thanh toán.", "Ban quản lý dự án"),
])
def test_noun_ending_in_a_verb_of_the_lexicon_stays_in_the_name(sentence, unit):
    assert split_subject(sentence)[0] == unit
