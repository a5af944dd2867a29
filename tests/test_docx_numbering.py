"""Word automatic numbering rendered as Word displays it (extract.readers.numbering)."""
import pytest
from lxml import etree

from extract.readers.numbering import Counter, Numbering, bullet, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def numbering(abstracts: str, nums: str) -> Numbering:
    xml = f'<w:numbering xmlns:w="{W}">{abstracts}{nums}</w:numbering>'
    return Numbering.from_xml(etree.fromstring(xml.encode()), W)


def lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(aid, *levels):
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid, aid, overrides=""):
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


@pytest.mark.parametrize("n, fmt, shown", [
    (1, "decimal", "1"), (10, "decimal", "10"),
    (1, "upperRoman", "I"), (4, "upperRoman", "IV"), (9, "upperRoman", "IX"), (14, "upperRoman", "XIV"),
    (40, "upperRoman", "XL"), (3, "lowerRoman", "iii"), (19, "lowerRoman", "xix"),
    (1, "upperLetter", "A"), (26, "upperLetter", "Z"), (27, "upperLetter", "AA"), (28, "upperLetter", "BB"),
    (4, "lowerLetter", "d"), (5, "lowerLetter", "e"),
    (3, "decimalZero", "03"), (12, "decimalZero", "12"),
    (7, "none", ""), (2, "ordinalText", "2"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


@pytest.mark.parametrize("fmt, text, labels", [
    ("upperRoman", "%1.", ["I.", "II.", "III.", "IV."]),
    ("upperRoman", "%1-", ["I-", "II-", "III-", "IV-"]),
    ("decimal", "%1.", ["1.", "2.", "3.", "4."]),
    ("decimal", "(%1)", ["(1)", "(2)", "(3)", "(4)"]),
    ("decimal", "(%1).", ["(1).", "(2).", "(3).", "(4)."]),
    ("decimal", "Điều %1.", ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]),
    ("lowerLetter", "%1)", ["a)", "b)", "c)", "d)"]),   # Word does not insert "đ"
    ("upperLetter", "%1.", ["A.", "B.", "C.", "D."]),
    ("decimalZero", "%1.", ["01.", "02.", "03.", "04."]),
    ("lowerRoman", "%1)", ["i)", "ii)", "iii)", "iv)"]),
    ("bullet", "-", ["-", "-", "-", "-"]),
    ("bullet", "\uf0b7", ["•", "•", "•", "•"]),
    ("bullet", "+", ["+", "+", "+", "+"]),
])
def test_single_level_patterns(fmt, text, labels):
    c = Counter(numbering(abstract(1, lvl(0, fmt, text)), num(5, 1)))
    assert [c.label("5", 0) for _ in labels] == labels


def test_start_value():
    c = Counter(numbering(abstract(1, lvl(0, "upperRoman", "%1.", start=3)), num(1, 1)))
    assert [c.label("1", 0), c.label("1", 0)] == ["III.", "IV."]


def outline():
    return numbering(abstract(1, lvl(0, "upperRoman", "%1."), lvl(1, "decimal", "%2."),
                              lvl(2, "decimal", "%2.%3."), lvl(3, "lowerLetter", "%4)")),
                     num(1, 1))


def test_multilevel_patterns_and_restart_after_higher_level():
    c = Counter(outline())
    got = [c.label("1", lv) for lv in (0, 1, 2, 2, 1, 2, 3, 3, 0, 1, 2, 3)]
    assert got == ["I.", "1.", "1.1.", "1.2.", "2.", "2.1.", "a)", "b)", "II.", "1.", "1.1.", "a)"]


def test_deeper_level_without_its_parent_shows_the_parent_start():
    c = Counter(outline())
    assert c.label("1", 2) == "1.1."


def test_lvl_restart_zero_keeps_counting_across_higher_levels():
    n = numbering(abstract(1, lvl(0, "upperRoman", "%1."),
                           lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>')), num(1, 1))
    c = Counter(n)
    assert [c.label("1", lv) for lv in (0, 1, 1, 0, 1)] == ["I.", "1.", "2.", "II.", "3."]


def test_instances_of_one_abstract_list_share_the_counter():
    c = Counter(numbering(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1) + num(2, 1)))
    assert [c.label("1", 0), c.label("2", 0), c.label("1", 0)] == ["1.", "2.", "3."]


def test_start_override_restarts_where_the_instance_begins():
    overrides = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    c = Counter(numbering(abstract(1, lvl(0, "decimal", "%1")), num(1, 1) + num(2, 1, overrides)))
    assert [c.label("1", 0), c.label("1", 0), c.label("2", 0), c.label("2", 0)] == ["1", "2", "1", "2"]


def test_start_override_to_another_value():
    overrides = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'
    c = Counter(numbering(abstract(1, lvl(0, "upperRoman", "%1.")), num(3, 1, overrides)))
    assert [c.label("3", 0), c.label("3", 0)] == ["V.", "VI."]


def test_level_override_replaces_the_format():
    overrides = f'<w:lvlOverride w:ilvl="0">{lvl(0, "lowerLetter", "%1)")}</w:lvlOverride>'
    c = Counter(numbering(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1) + num(2, 1, overrides)))
    assert c.label("2", 0) == "a)"
    assert c.label("1", 0) == "2."


def test_legal_numbering_shows_decimals():
    n = numbering(abstract(1, lvl(0, "upperRoman", "%1."),
                           lvl(1, "decimal", "%1.%2.", extra="<w:isLgl/>")), num(1, 1))
    c = Counter(n)
    assert [c.label("1", 0), c.label("1", 1), c.label("1", 0), c.label("1", 1)] == ["I.", "1.1.", "II.", "2.1."]


def test_unknown_list_level_or_num_zero_gives_no_label():
    c = Counter(outline())
    assert c.label("0", 0) is None
    assert c.label("99", 0) is None
    assert c.label("1", 7) is None


def test_format_none_with_empty_text_gives_no_label():
    c = Counter(numbering(abstract(1, lvl(0, "none", "")), num(1, 1)))
    assert c.label("1", 0) is None


@pytest.mark.parametrize("text, shown", [("-", "-"), ("\uf0b7", "•"), ("\uf0a7", "▪"), ("\uf0d8", "➢"),
                                         ("o", "o"), ("+", "+"), ("\uf0e9", "•")])
def test_symbol_font_bullets(text, shown):
    assert bullet(text) == shown


def test_picture_bullet_is_a_bullet():
    extra = '<w:lvlPicBulletId w:val="0"/>'
    c = Counter(numbering(abstract(1, lvl(0, "decimal", "\uf0b7", extra=extra)), num(1, 1)))
    assert c.label("1", 0) == "•"
