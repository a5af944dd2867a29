"""Deadline shapes of duties (invented phrases)."""
import pytest

import extract
from extract.deadlines import find_deadline, named_year, parse_deadline, recurrence_in


@pytest.mark.parametrize("text", ["(khi Sở Tài chính có hướng dẫn)", "Khi UBND huyện ban hành văn bản",
                                  "Theo chương trình công tác", "theo chương trình công tác năm"])
def test_condition_words_give_a_conditional_deadline(text):
    assert parse_deadline(text).kind == "conditional"


def test_condition_found_in_a_duty_sentence():
    assert find_deadline("Bố trí kinh phí sửa chữa chợ (khi Sở Tài chính có hướng dẫn).") == \
        "khi Sở Tài chính có hướng dẫn"


def test_rounds_give_one_deadline_from_the_first_to_the_last():
    d = parse_deadline("Đợt 1: tháng 3/2026; đợt 2: tháng 9/2026")
    assert (d.start, d.end) == ("2026-03-01", "2026-09-30")


@pytest.mark.parametrize("text", ["định kỳ hằng quý, năm", "theo định kỳ"])
def test_recurring_phrases(text):
    assert parse_deadline(text).kind == "recurring"


@pytest.mark.parametrize("text, start, end", [
    ("Tháng 10 - 11/2023", "2023-10-01", "2023-11-30"),
    ("tháng 3-4/2024", "2024-03-01", "2024-04-30"),
    ("Quý III - IV/2025", "2025-07-01", "2025-12-31"),
    ("Từ tháng 5 – 7 năm 2026", "2026-05-01", "2026-07-31"),
])
def test_dashed_span_sharing_one_year_is_a_range(text, start, end):
    d = parse_deadline(text)
    assert (d.kind, d.start, d.end) == ("range", start, end)


@pytest.mark.parametrize("text", ["Quý I, II/2025", "tháng 3 và tháng 4/2024", "Quý IV-2025"])
def test_listed_periods_are_not_a_range(text):
    assert parse_deadline(text).kind == "once"


@pytest.mark.parametrize("sentence, phrase, period", [
    ("Sở Nội vụ tổng hợp, báo cáo UBND tỉnh định kỳ hằng quý, năm.", "định kỳ hằng quý, năm", "quarter"),
    ("Các thôn báo cáo hằng tháng, quý và năm.", "hằng tháng, quý và năm", "month"),
    ("Báo cáo định kỳ 6 tháng, hằng năm.", "định kỳ 6 tháng, hằng năm", "half-year"),
])
def test_recurring_list_kept_whole(sentence, phrase, period):
    found = find_deadline(sentence)
    assert found == phrase and parse_deadline(found).period == period


def test_rounds_in_a_duty_sentence_are_one_deadline():
    found = find_deadline("Tổ chức tập huấn cho cán bộ thôn (đợt 1: tháng 4/2025; đợt 2: tháng 10/2025).")
    assert found == "đợt 1: tháng 4/2025; đợt 2: tháng 10/2025"
    d = parse_deadline(found)
    assert (d.start, d.end) == ("2025-04-01", "2025-10-31")



# --- a period with the days it falls on ("định kỳ 6 tháng (trước ngày 15/6 và 15/12)"): recurring, kept whole
@pytest.mark.parametrize("sentence, phrase, period", [
    ("Báo cáo kết quả định kỳ 6 tháng, năm (trước ngày 15/6 và 15/12).",
     "định kỳ 6 tháng, năm (trước ngày 15/6 và 15/12)", "half-year"),
    ("Các thôn báo cáo định kỳ 6 tháng (trước ngày 20/6 và 20/12) về Ủy ban nhân dân xã.",
     "định kỳ 6 tháng (trước ngày 20/6 và 20/12)", "half-year"),
    ("Phòng Văn hóa báo cáo định kỳ hằng quý (trước ngày 20 của tháng cuối quý).",
     "định kỳ hằng quý (trước ngày 20 của tháng cuối quý)", "quarter"),
    ("Trường học gửi báo cáo 6 tháng, năm (trước ngày 10/6 và 10/12) về Phòng Giáo dục.",
     "6 tháng, năm (trước ngày 10/6 và 10/12)", "half-year"),
    ("Các hội gửi báo cáo quý, 6 tháng và năm (trước ngày 25 của tháng cuối quý) về Ban Thường trực.",
     "quý, 6 tháng và năm (trước ngày 25 của tháng cuối quý)", "quarter"),
    ("Tổ công tác tổng hợp báo cáo hằng quý trước ngày 18 của tháng cuối quý.",
     "hằng quý trước ngày 18 của tháng cuối quý", "quarter"),
    ("Các đơn vị báo cáo Định kỳ 6 tháng một lần (trước ngày 15/6, 15/12) cho Văn phòng.",
     "Định kỳ 6 tháng một lần (trước ngày 15/6, 15/12)", "half-year"),
    ("Báo cáo kết quả hằng tháng, chậm nhất ngày 25 hằng tháng.", "hằng tháng, chậm nhất ngày 25 hằng tháng", "month"),
])
def test_period_with_its_days_without_a_year_is_recurring(sentence, phrase, period):
    found = find_deadline(sentence)
    assert found == phrase
    d = parse_deadline(found)
    assert (d.kind, d.period, d.start, d.end) == ("recurring", period, None, None)


@pytest.mark.parametrize("sentence", [
    "Rà soát các nội quy, quy định, quy chế của cơ quan.",
    "Tổ chức các hoạt động trong năm học mới.",
    "Đánh giá kết quả 9 tháng và năm đầu triển khai.",
])
def test_words_like_report_periods_are_no_recurrence(sentence):
    assert find_deadline(sentence) is None


# --- a day without a year dated in the year of its context
@pytest.mark.parametrize("text, start, end", [
    ("trước 15/3", None, "2026-03-15"),
    ("Hoàn thành trước ngày 20 tháng 3", None, "2026-03-20"),
    ("chậm nhất ngày 05/10", None, "2026-10-05"),
    ("Xong trong tháng 6", "2026-06-01", "2026-06-30"),
    ("Quý II", "2026-04-01", "2026-06-30"),
    ("Từ ngày 15/11", "2026-11-15", None),
    ("Từ tháng 11 đến tháng 2", "2026-11-01", "2027-02-28"),
])
def test_day_without_year_takes_the_context_year(text, start, end):
    d = parse_deadline(text, year=2026)
    assert (d.text, d.start, d.end) == (text, start, end)
    assert d.kind in ("once", "range")


@pytest.mark.parametrize("text", ["trước ngày 15/11 hằng năm", "chậm nhất ngày 10/12 hàng năm",
                                  "trước ngày 20 của tháng cuối quý", "trước ngày 15/01 năm sau"])
def test_recurring_day_takes_no_date_from_the_context_year(text):
    d = parse_deadline(text, year=2026)
    assert (d.kind, d.start, d.end) == ("recurring", None, None)


@pytest.mark.parametrize("text, year, end", [("trước 15/3/2025", 2026, "2025-03-15"),
                                             ("trước 15/3", None, None),
                                             ("trước 15/3", "không rõ", None)])
def test_a_year_written_wins_over_the_context_year(text, year, end):
    assert parse_deadline(text, year=year).end == end


def test_continuous_with_a_yearless_end_takes_the_context_year():
    d = parse_deadline("Thường xuyên; hoàn thành trước ngày 30/11", year=2025)
    assert (d.kind, d.end) == ("continuous", "2025-11-30")


_PLAN = """ỦY BAN NHÂN DÂN
XÃ HÒA BÌNH
Số: 07/KH-UBND
Hòa Bình, ngày 20 tháng 12 năm {date_year}
KẾ HOẠCH
{title}

I. MỤC ĐÍCH, YÊU CẦU

Nâng cao hiệu quả công tác.

II. NHIỆM VỤ{heading}

1. Văn phòng UBND xã tổng hợp danh sách hộ nghèo, hoàn thành trước 15/3.

2. Công an xã rà soát trong năm 2028 hồ sơ tạm trú của các thôn, xong trước ngày 30 tháng 6.

3. Phòng Kinh tế báo cáo kết quả trước ngày 15/11 hằng năm.

4. Các thôn định kỳ hằng quý gửi báo cáo về Văn phòng UBND xã trước ngày 20 tháng 3 để tổng hợp.

Nơi nhận:
- Như trên;
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn An
"""


@pytest.mark.parametrize("date_year, title, heading, year", [
    ("2025", "Giảm nghèo bền vững năm 2026", "", 2026),           # the plan's title names its year
    ("2025", "Giảm nghèo bền vững giai đoạn 2026 - 2030", "", 2025),   # a span: the plan's date
    ("2025", "Giảm nghèo bền vững", " NĂM 2027", 2027),            # the section heading
])
def test_duty_deadline_without_year_takes_the_plan_or_section_year(date_year, title, heading, year):
    plan = extract.parse_text(_PLAN.format(date_year=date_year, title=title, heading=heading))
    got = [(t.deadline.text, t.deadline.kind, t.deadline.end) for t in plan.tasks]
    assert got == [("hoàn thành trước 15/3", "once", f"{year}-03-15"),
                   ("xong trước ngày 30 tháng 6", "once", "2028-06-30"),     # a year named in the duty
                   ("trước ngày 15/11 hằng năm", "recurring", None),
                   ("trước ngày 20 tháng 3", "recurring", None)]          # "định kỳ hằng quý" in the duty
    assert plan.tasks[-1].deadline.period == "quarter"


@pytest.mark.parametrize("text, timed, year", [
    ("II. NHIỆM VỤ TRỌNG TÂM NĂM 2026", False, 2026),
    ("Kế hoạch tuyên truyền cải cách hành chính năm 2026", False, 2026),
    ("Kế hoạch thực hiện Chương trình giai đoạn 2026 - 2030", False, None),
    ("Đại hội nhiệm kỳ 2025 - 2030", False, None),
    ("Triển khai Luật Đất đai năm 2024", False, None),
    ("Thực hiện Nghị quyết số 05-NQ/ĐU ngày 12 tháng 3 năm 2025 của Đảng ủy xã", False, None),
    ("Kế hoạch số 12/KH-UBND năm 2025", False, None),
    ("Phát triển du lịch đến năm 2030, tầm nhìn 2045", False, None),
    ("Trong năm 2026, các thôn rà soát hộ nghèo", True, 2026),
    ("Năm 2027, Phòng Văn hóa tổ chức hội thi", True, 2027),
    ("Văn phòng tổ chức tổng kết năm 2025, xong trước 15/01", True, None),
    ("Văn phòng tổ chức tổng kết năm 2025, xong trước 15/01", False, 2025),
])
def test_year_named_as_the_time_of_a_text(text, timed, year):
    assert named_year(text, timed=timed) == year


@pytest.mark.parametrize("text, want", [
    ("Các xã định kỳ hằng năm gửi báo cáo trước ngày 15 tháng 12", (True, "year")),
    ("Báo cáo hằng quý, năm về Sở Nội vụ", (True, "quarter")),
    ("Thực hiện chế độ báo cáo định kỳ theo quy định", (True, None)),
    ("Gửi báo cáo về Sở Nội vụ trước ngày 15 tháng 12", (False, None)),
])
def test_recurrence_named_in_a_duty(text, want):
    assert recurrence_in(text) == want


# --- a year relative to another: a recurring deadline, found whole
@pytest.mark.parametrize("sentence, phrase, period", [
    ("Bộ Tư pháp tổng hợp, báo cáo Chính phủ trước ngày 30 tháng 01 của năm tiếp theo.",
     "trước ngày 30 tháng 01 của năm tiếp theo", "year"),
    ("Các xã gửi báo cáo tổng kết trước ngày 15/01 năm sau.", "trước ngày 15/01 năm sau", "year"),
    ("Ban Chỉ đạo tổ chức sơ kết vào quý I năm sau.", "vào quý I năm sau", "year"),
    ("Tổ chức tổng kết quý I năm sau.", "quý I năm sau", "year"),
    ("Hoàn thành quyết toán trong tháng 01 của năm kế tiếp.", "trong tháng 01 của năm kế tiếp", "year"),
    ("Các thôn nộp báo cáo chậm nhất ngày 10 của tháng đầu quý sau.",
     "chậm nhất ngày 10 của tháng đầu quý sau", "quarter"),
    ("Các hộ nộp phí trước ngày 05 của tháng sau.", "trước ngày 05 của tháng sau", "month"),
    ("Hằng quý, các xã báo cáo trước ngày 20 tháng cuối quý.", "trước ngày 20 tháng cuối quý", "quarter"),
    ("BAN CHỈ ĐẠO BÁO CÁO TRƯỚC NGÀY 15/01 NĂM SAU", "TRƯỚC NGÀY 15/01 NĂM SAU", "year"),
])
def test_relative_year_is_a_recurring_deadline(sentence, phrase, period):
    found = find_deadline(sentence)
    assert found == phrase
    d = parse_deadline(found)
    assert (d.kind, d.period, d.start, d.end) == ("recurring", period, None, None)


@pytest.mark.parametrize("sentence", ["Phấn đấu thu nhập năm sau cao hơn năm trước.",
                                      "Năm sau khi hoàn thành, công trình được bàn giao cho xã."])
def test_next_year_alone_is_no_deadline(sentence):
    assert find_deadline(sentence) is None


def test_next_years_after_a_dated_year_are_an_open_range():
    d = parse_deadline("Năm 2026 và năm tiếp theo")
    assert (d.kind, d.start, d.end) == ("range", "2026-01-01", None)


# --- a compound deadline: an ongoing duty with a date to finish by
@pytest.mark.parametrize("sentence, phrase, kind, end", [
    ("- Thời gian thực hiện: Thường xuyên; hoàn thành trước ngày 31/12/2026.",
     "Thường xuyên; hoàn thành trước ngày 31/12/2026", "continuous", "2026-12-31"),
    ("Thời hạn: thường xuyên; xong trước ngày 30/6/2027",
     "thường xuyên; xong trước ngày 30/6/2027", "continuous", "2027-06-30"),
    ("Văn phòng theo dõi, đôn đốc thực hiện thường xuyên; hoàn thành trước ngày 15/10/2026.",
     "thường xuyên; hoàn thành trước ngày 15/10/2026", "continuous", "2026-10-15"),
    ("Tiến độ: Hằng năm; tổng kết trước ngày 15/12/2030", "Hằng năm; tổng kết trước ngày 15/12/2030",
     "recurring", "2030-12-15"),
])
def test_compound_deadline_is_found_whole(sentence, phrase, kind, end):
    found = find_deadline(sentence)
    assert found == phrase
    d = parse_deadline(found)
    assert (d.kind, d.end) == (kind, end)


@pytest.mark.parametrize("sentence, phrase", [
    ("Thời gian thực hiện: Quý I/2026; Đơn vị chủ trì: Văn phòng HĐND và UBND xã", "Quý I/2026"),
    ("Thời gian thực hiện: Thường xuyên; chậm nhất ngày 15/10/2026 báo cáo kết quả về Ban Chỉ đạo xã",
     "Thường xuyên"),
    ("Sở Y tế thực hiện trong quý I/2026; Sở Tài chính bố trí kinh phí.", "trong quý I/2026"),
])
def test_compound_stops_at_a_part_that_is_no_deadline(sentence, phrase):
    assert find_deadline(sentence) == phrase


def test_day_without_year_alone_stays_once():
    assert parse_deadline(find_deadline("Phổ biến kế hoạch đến nhân dân trước 15/3.")).kind == "once"


@pytest.mark.parametrize("sentence, phrase, period", [
    ("Tổ chức diễn tập phòng, chống thiên tai ở cấp xã ít nhất 01 lần/năm.", "ít nhất 01 lần/năm", "year"),
    ("Chi bộ họp giao ban 01 lần/tháng.", "01 lần/tháng", "month"),
    ("Ban Chỉ đạo kiểm tra tối thiểu 2 lần/quý tại các thôn.", "tối thiểu 2 lần/quý", "quarter"),
    ("Tổ chức đối thoại với nhân dân 2 lần trong một năm.", "2 lần trong một năm", "year"),
    # a school term: the period closest to it is half a year
    ("Các trường báo cáo kết quả về Phòng hằng học kỳ.", "hằng học kỳ", "half-year"),
    ("Tổ chức sơ kết mỗi học kỳ và tổng kết cuối năm học.", "mỗi học kỳ", "half-year"),
])
def test_a_frequency_is_a_recurring_deadline(sentence, phrase, period):
    assert find_deadline(sentence) == phrase
    dl = parse_deadline(phrase)
    assert (dl.kind, dl.period) == ("recurring", period)


@pytest.mark.parametrize("sentence", ["Thu nhập bình quân tăng 2 lần so với năm 2025.",
                                      "Tổ chức lần 2 vào dịp Tết."])
def test_a_count_of_times_without_a_period_is_no_frequency(sentence):
    assert "lần" not in (find_deadline(sentence) or "")


@pytest.mark.parametrize("sentence, phrase", [
    ("Lựa chọn 01 điểm du lịch để đầu tư, hoàn thành trước 30/9/2026.", "hoàn thành trước 30/9/2026"),
    ("Thuê đơn vị tư vấn, hoàn thành trong quý III/2026.", "hoàn thành trong quý III/2026"),
    ("Họp vào thứ tư hằng tuần.", "hằng tuần"),
    ("Thực hiện từ tháng 3/2026.", "từ tháng 3/2026"),
])
def test_the_word_tu_is_not_from(sentence, phrase):
    """"tư" ("đầu tư", "tư vấn", "thứ tư") folds like "từ" (from) but opens no span."""
    assert find_deadline(sentence) == phrase


@pytest.mark.parametrize("sentence, phrase", [
    ("Xử lý kịp thời khi phát hiện vi phạm.", "khi phát hiện vi phạm"),
    ("Kiểm tra đảng viên khi có dấu hiệu vi phạm.", "khi có dấu hiệu vi phạm"),
])
def test_when_a_sign_shows_is_a_conditional_deadline(sentence, phrase):
    assert find_deadline(sentence) == phrase and parse_deadline(phrase).kind == "conditional"


@pytest.mark.parametrize("text, start, end", [
    ("cả năm", "2026-01-01", "2026-12-31"),
    ("Trong năm", "2026-01-01", "2026-12-31"),
    ("trong năm 2027", "2027-01-01", "2027-12-31"),
])
def test_the_whole_year_takes_the_year_of_its_context(text, start, end):
    dl = parse_deadline(text, year=2026)
    assert (dl.start, dl.end) == (start, end)
    assert parse_deadline("cả năm").start is None   # no context: no date
