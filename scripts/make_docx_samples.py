#!/usr/bin/env python3
"""Build realistic Word (.docx) plans into samples/ with python-docx (raw XML for numbering).

    python scripts/make_docx_samples.py [--seeds DIR] [--out samples]

- Word versions of the two seed plans (samples/*.txt, or the seeds folder): tab-separated lines
  become table rows; Roman headings, "1." / "1.1." headings, "(1)" targets, "- " bullets and the
  Stt / group columns of the task table use Word's automatic numbering wherever the written number
  is the one Word would show (a number out of sequence stays typed, as in the original);
- an invented commune plan (UBND xã, 2025): letterhead and signature layout tables, headings
  "I.", "1.", "a)" numbered through paragraph styles, a task table with a header over two rows
  marked to repeat, a column-index row, group rows spanning the columns, an auto-numbered Stt
  column restarting per group, one lead cell merged over three rows, persons as leads and a sixth
  column "Sản phẩm";
- the same commune plan typed in TCVN3 fonts (.VnTime, capitals in .VnTimeH).
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {
    "muongte-huyenuy-kh-congtac-tutuong-2022": "000_3b8fe34c36ceecd9",
    "tamduong-ubnd-kh-congtac-tutuong-2022": "002_e0760b6f00e0afe8",
}

# --------------------------------------------------------------------------- TCVN3 encoder
# Unicode -> TCVN3 (ABC, VN3) characters as a cp1252 font shows them: the inverse of the legacy
# converter. Capitals with marks have no VN3 code: they are typed in the capital font (.VnTimeH)
# with the lowercase code, which that font draws as a capital.
_TCVN3 = (
    "Ă¡ Â¢ Ê£ Ô¤ Ơ¥ Ư¦ Đ§ ă¨ â© êª ô« ơ¬ ư\u00ad đ® à\u00b5 ả¶ ã· á¸ ạ¹ ằ» ẳ¼ ẵ½ ắ¾ ặÆ ầÇ ẩÈ ẫÉ ấÊ ậË "
    "èÌ ẻÎ ẽÏ éÐ ẹÑ ềÒ ểÓ ễÔ ếÕ ệÖ ì× ỉØ ĩÜ íÝ ịÞ òß ỏá õâ óã ọä ồå ổæ ỗç ốè ộé ờê ởë ỡì ớí ợî "
    "ùï ủñ ũò úó ụô ừõ ửö ữ÷ ứø ựù ỳú ỷû ỹü ýý ỵþ"
)
TCVN3_ENCODE = {pair[0]: pair[1] for pair in _TCVN3.split()}
_TCVN3_TABLE = str.maketrans(TCVN3_ENCODE)


def tcvn3_runs(text: str) -> list:
    """Unicode text -> [(encoded text, font)] runs in .VnTime / .VnTimeH as a typist would set them:
    a line in capitals wholly in .VnTimeH, else capitals with marks alone in .VnTimeH."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return [(text.lower().translate(_TCVN3_TABLE), ".VnTimeH")]
    runs: list = []
    for ch in text:
        if ch.isupper() and ch not in TCVN3_ENCODE and not ch.isascii():
            piece, font = ch.lower().translate(_TCVN3_TABLE), ".VnTimeH"
        else:
            piece, font = ch.translate(_TCVN3_TABLE), ".VnTime"
        if runs and runs[-1][1] == font:
            runs[-1] = (runs[-1][0] + piece, font)
        else:
            runs.append((piece, font))
    return runs


# --------------------------------------------------------------------------- document builder
class Builder:
    """A python-docx document with Word lists, legacy-font text and table helpers."""

    def __init__(self, legacy: bool = False) -> None:
        self.doc = docx.Document()
        self.legacy = legacy
        normal = self.doc.styles["Normal"]
        normal.font.name = ".VnTime" if legacy else "Times New Roman"
        normal.font.size = Pt(14)
        self.numbering = self.doc.part.numbering_part.element
        self.next_abstract = 100
        self.next_num = 100

    # ---------------------------------------------------------------- lists
    def add_list(self, levels: list, style_links: dict | None = None) -> str:
        """A new abstract list and one instance of it; levels = [(numFmt, lvlText, start)].
        `style_links` binds a level to a paragraph style id (numbering from the style)."""
        aid = self.next_abstract
        self.next_abstract += 1
        lvls = []
        for i, (fmt, text, start) in enumerate(levels):
            pstyle = ""
            for sid, lv in (style_links or {}).items():
                if lv == i:
                    pstyle = f'<w:pStyle w:val="{sid}"/>'
            lvls.append(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                        f'{pstyle}<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                        f'<w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr></w:lvl>')
        xml = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
               f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>')
        first_num = self.numbering.find(qn("w:num"))
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.numbering.append(el)
        return self.add_instance(aid)

    def add_instance(self, abstract_id, restart: dict | None = None) -> str:
        """A list instance (w:num) of an abstract list; `restart` = {level: start} overrides."""
        nid = self.next_num
        self.next_num += 1
        over = "".join(f'<w:lvlOverride w:ilvl="{lv}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
                       for lv, s in (restart or {}).items())
        self.numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{nid}">'
                                        f'<w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>'))
        return str(nid)

    def abstract_of(self, num_id: str) -> str:
        for num in self.numbering.findall(qn("w:num")):
            if num.get(qn("w:numId")) == num_id:
                return num.find(qn("w:abstractNumId")).get(qn("w:val"))
        raise KeyError(num_id)

    @staticmethod
    def set_num(paragraph, num_id: str | None, ilvl: int | None = 0) -> None:
        ppr = paragraph._p.get_or_add_pPr()
        parts = []
        if ilvl is not None:
            parts.append(f'<w:ilvl w:val="{ilvl}"/>')
        if num_id is not None:
            parts.append(f'<w:numId w:val="{num_id}"/>')
        ppr.insert(0 if ppr.find(qn("w:pStyle")) is None else 1,
                   parse_xml(f'<w:numPr {nsdecls("w")}>{"".join(parts)}</w:numPr>'))

    def numbered_style(self, style_id: str, name: str, num_id: str, ilvl: int, bold: bool) -> None:
        """A paragraph style carrying numPr (Word's "numbering from the style")."""
        style = self.doc.styles.add_style(name, 1)
        style.base_style = self.doc.styles["Normal"]
        style.element.set(qn("w:styleId"), style_id)
        style.font.bold = bold
        ppr = style.element.get_or_add_pPr()
        ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                                f'<w:numId w:val="{num_id}"/></w:numPr>'))

    # ---------------------------------------------------------------- text
    def write(self, paragraph, text: str, bold: bool | None = False, italic: bool = False) -> None:
        """Add text to a paragraph: "**bold**" and "*italic*" spans, "\\n" as a line break;
        bold=None writes runs explicitly not bold (over a bold paragraph style)."""
        for k, line in enumerate(text.split("\n")):
            if k:
                paragraph.add_run().add_break()
            for piece, b, i in _spans(line):
                runs = tcvn3_runs(piece) if self.legacy else [(piece, None)]
                for chunk, font in runs:
                    run = paragraph.add_run(chunk)
                    run.bold = True if (bold or b) else (False if bold is None else None)
                    run.italic = True if (italic or i) else None
                    if font and font != ".VnTime":
                        run.font.name = font

    def para(self, text: str = "", bold: bool = False, italic: bool = False, center: bool = False,
             num: tuple | None = None, style: str | None = None):
        p = self.doc.add_paragraph(style=style)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if num:
            self.set_num(p, *num)
        self.write(p, text, bold, italic)
        return p

    def cell(self, cell, text: str, bold: bool = False, center: bool = False, num: tuple | None = None,
             italic: bool = False) -> None:
        """Fill a cell: one paragraph per line of `text`."""
        lines = text.split("\n") if text else [""]
        first = cell.paragraphs[0]
        for k, line in enumerate(lines):
            p = first if k == 0 else cell.add_paragraph()
            if center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if num and k == 0:
                self.set_num(p, *num)
            self.write(p, line, bold, italic)

    def table(self, rows: int, cols: int, grid: bool = True):
        t = self.doc.add_table(rows=rows, cols=cols)
        if grid:
            t.style = self.doc.styles["Table Grid"]
        return t

    @staticmethod
    def repeat_header(row) -> None:
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.core_properties.author = "kehoach samples"
        self.doc.save(str(path))


def _spans(line: str):
    """Split "**bold** and *italic*" into (text, bold, italic) pieces."""
    pos = 0
    for m in re.finditer(r"\*\*(.+?)\*\*|\*(.+?)\*", line):
        if m.start() > pos:
            yield line[pos:m.start()], False, False
        yield (m.group(1), True, False) if m.group(1) is not None else (m.group(2), False, True)
        pos = m.end()
    if pos < len(line) or not line:
        yield line[pos:], False, False


# --------------------------------------------------------------------------- seeds -> Word
_ROMAN_HEAD = re.compile(r"^([IVX]+)([-.])\s+(.*)$")
_DEC1 = re.compile(r"^(\d+)\.\s+(.*)$")
_DEC2 = re.compile(r"^(\d+)\.(\d+)\.\s+(.*)$")
_PAREN = re.compile(r"^\((\d+)\)(\.?)\s+(.*)$")
_BULLET = re.compile(r"^-\s+(.*)$")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def _blocks(text: str) -> list:
    """Text export -> ("para", [lines]) and ("table", [rows]) blocks; blank lines separate."""
    out: list = []
    chunk: list = []

    def flush():
        if not chunk:
            return
        if all("\t" in line for line in chunk):
            out.append(("table", [line.split("\t") for line in chunk]))
        else:
            out.append(("para", list(chunk)))
        chunk.clear()

    for line in text.split("\n"):
        if not line.strip():
            flush()
        else:
            chunk.append(line.rstrip("\r\n "))
    flush()
    return out


def _paragraphs(lines: list) -> list:
    """Lines of one block -> paragraph texts: a long line followed by another is a wrapped line
    (joined with a space); after a short line, or at a bullet, a new paragraph starts; inside a
    bold span ("**…**" over several lines) the line breaks are kept."""
    paras: list = []
    last_len = 0
    for line in lines:
        open_bold = paras and paras[-1].startswith("**") and paras[-1].count("**") % 2 == 1
        if open_bold:
            paras[-1] += "\n" + line
        elif not paras or _BULLET.match(line) or line.startswith("**") or last_len < 60:
            paras.append(line)
        else:
            paras[-1] += " " + line
        last_len = len(line)
    return paras


def build_seed(text: str, out: Path) -> None:
    b = Builder()
    sep = "-" if re.search(r"^I-\s", text, re.M) else "."
    head = b.add_list([("upperRoman", f"%1{sep}", 1), ("decimal", "%2.", 1), ("decimal", "%2.%3.", 1)])
    targets = b.add_list([("decimal", "(%1)" + ("." if re.search(r"^\(1\)\.", text, re.M) else ""), 1)])
    bullets = b.add_list([("bullet", "-", 1)])
    stt_abstract = b.abstract_of(b.add_list([("decimal", "%1", 1)]))
    group = b.add_list([("upperRoman", "%1", 1)])
    state = {"roman": 0, "dec1": 0, "dec2": 0, "paren": 0, "group": 0, "stt": 0, "stt_num": None,
             "body": False}

    def heading(line: str):
        """Use Word numbering when the typed number is the one Word would show next."""
        m = _ROMAN_HEAD.match(line)
        if m and m.group(2) == sep and state["roman"] < len(_ROMANS) and m.group(1) == _ROMANS[state["roman"]]:
            state.update(roman=state["roman"] + 1, dec1=0, dec2=0, body=True)
            return (head, 0), m.group(3), True
        if not state["body"]:
            return None, line, False
        m = _DEC2.match(line)
        if m and int(m.group(1)) == state["dec1"] and int(m.group(2)) == state["dec2"] + 1:
            state["dec2"] += 1
            return (head, 2), m.group(3), False
        m = _DEC1.match(line)
        if m and int(m.group(1)) == state["dec1"] + 1:
            state.update(dec1=state["dec1"] + 1, dec2=0)
            return (head, 1), m.group(2), False
        m = _PAREN.match(line)
        if m and int(m.group(1)) == state["paren"] + 1:
            state["paren"] += 1
            return (targets, 0), m.group(3), False
        m = _BULLET.match(line)
        if m and not state.get("recipients"):
            return (bullets, 0), m.group(1), False
        return None, line, False

    for kind, content in _blocks(text):
        if kind == "para":
            for ptext in _paragraphs(content):
                if ptext.startswith("Nơi nhận"):
                    state["recipients"] = True
                num, body, bold = heading(ptext)
                if ptext.startswith("**") and ptext.endswith("**") and "**" not in ptext[2:-2]:
                    body, bold = ptext[2:-2], True
                b.para(body, bold=bold, num=num)
            continue
        width = max(len(r) for r in content)
        t = b.table(len(content), width)
        for r, cells in enumerate(content):
            row = t.rows[r]
            for c in range(width):
                value = cells[c].strip() if c < len(cells) else ""
                num = None
                gm = re.match(r"^([IVX]+)(?:\s+(.*))?$", value)
                if c == 0 and value.isdigit():
                    if state["stt_num"] is not None and int(value) == state["stt"] + 1:
                        state["stt"] += 1
                        num, value = (state["stt_num"], 0), ""
                    elif int(value) == 1:   # a new group's first task: the list restarts at 1
                        state["stt_num"] = b.add_instance(stt_abstract, {0: 1})
                        state["stt"] = 1
                        num, value = (state["stt_num"], 0), ""
                elif c == 0 and gm and state["group"] < len(_ROMANS) and gm.group(1) == _ROMANS[state["group"]]:
                    state["group"] += 1
                    state["stt_num"] = None
                    num, value = (group, 0), gm.group(2) or ""
                b.cell(row.cells[c], value, bold=(r == 0 and not cells[0].strip().isdigit()), num=num)
        if not content[0][0].strip().isdigit():
            b.repeat_header(t.rows[0])
    b.save(out)


# --------------------------------------------------------------------------- the commune plan
COMMUNE = {
    "issuer_parent": "ỦY BAN NHÂN DÂN\nHUYỆN BẢO LÂM",
    "issuer": "ỦY BAN NHÂN DÂN\nXÃ THẠCH LÂM",
    "number": "Số: 27/KH-UBND",
    "motto": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    "date": "Thạch Lâm, ngày 12 tháng 3 năm 2025",
    "title": "KẾ HOẠCH",
    "subtitle": "Triển khai chuyển đổi số trên địa bàn xã Thạch Lâm năm 2025",
    "intro": ("Căn cứ Kế hoạch số 45/KH-UBND ngày 20/01/2025 của Ủy ban nhân dân huyện Bảo Lâm về "
              "chuyển đổi số năm 2025; căn cứ tình hình thực tế của địa phương, Ủy ban nhân dân xã "
              "Thạch Lâm ban hành Kế hoạch triển khai chuyển đổi số năm 2025 như sau:"),
}

# (level, text): level 0 = "I.", 1 = "1.", 2 = "a)", "-" = a bullet, "" = plain
COMMUNE_BODY = [
    (0, "MỤC ĐÍCH, YÊU CẦU"),
    (1, "Mục đích"),
    ("-", "Nâng cao nhận thức của cán bộ, công chức và Nhân dân về vai trò của chuyển đổi số trong "
          "phát triển kinh tế - xã hội của xã."),
    ("-", "Đưa các dịch vụ công trực tuyến đến gần người dân, giảm thời gian đi lại và chi phí thực hiện "
          "thủ tục hành chính."),
    (1, "Yêu cầu"),
    ("-", "Các nhiệm vụ được phân công rõ người, rõ việc, rõ thời gian hoàn thành và sản phẩm cụ thể."),
    (0, "MỤC TIÊU"),
    (1, "Mục tiêu chung"),
    ("", "Xây dựng chính quyền số cấp xã, từng bước hình thành công dân số và kinh tế số ở nông thôn."),
    (1, "Chỉ tiêu cụ thể đến hết năm 2025"),
    (2, "100% hồ sơ thủ tục hành chính được tiếp nhận và giải quyết trên Hệ thống thông tin giải quyết "
        "thủ tục hành chính của tỉnh."),
    (2, "Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 60% trở lên."),
    (2, "Có ít nhất 80% hộ gia đình có người sử dụng điện thoại thông minh; 70% người trưởng thành có "
        "tài khoản định danh điện tử mức độ 2."),
    (2, "Mỗi thôn có 01 Tổ công nghệ số cộng đồng hoạt động thường xuyên."),
    (0, "NHIỆM VỤ VÀ GIẢI PHÁP"),
    (1, "Nhiệm vụ cụ thể"),
    ("", "(Có phụ lục nhiệm vụ kèm theo)"),
    (0, "TỔ CHỨC THỰC HIỆN"),
    (1, "Văn phòng - Thống kê UBND xã: Chủ trì, phối hợp với các thôn theo dõi, đôn đốc việc thực hiện "
        "Kế hoạch; tổng hợp báo cáo kết quả về UBND huyện trước ngày 15/12/2025."),
    (1, "Công chức Văn hóa - Xã hội: Chủ trì tuyên truyền về chuyển đổi số trên hệ thống truyền thanh "
        "của xã, định kỳ hằng tháng."),
    (1, "Công chức Tài chính - Kế hoạch: Tham mưu bố trí kinh phí thực hiện Kế hoạch trong dự toán "
        "ngân sách xã năm 2025, hoàn thành trong quý II/2025."),
    (1, "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể: Phối hợp tuyên truyền, vận động "
        "đoàn viên, hội viên tham gia các nền tảng số."),
    ("", "Trên đây là Kế hoạch triển khai chuyển đổi số năm 2025 của Ủy ban nhân dân xã Thạch Lâm./."),
]

HEADER = ["Stt", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm"]
# group rows: (letter, title, full_width); task rows: [content, lead, partners, time, product];
# a lead of None continues the merged lead cell above
COMMUNE_TASKS = [
    ("A", "NHẬN THỨC SỐ", False),
    ["Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã", "Công chức Văn hóa - Xã hội",
     "Các thôn", "Hằng tháng", "Tin, bài phát thanh"],
    ["Tổ chức hội nghị quán triệt Kế hoạch cho cán bộ, công chức và trưởng thôn",
     "Đồng chí Phó Chủ tịch UBND xã", "Văn phòng - Thống kê", "Tháng 4/2025", "Hội nghị"],
    ("B", "CHÍNH QUYỀN SỐ", False),
    ["Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến toàn trình",
     "Công chức Tư pháp - Hộ tịch", "Bộ phận Một cửa", "Quý II/2025", "Danh mục được công khai"],
    ["Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa", None, "Tổ công nghệ số cộng đồng",
     "Thường xuyên", "Hồ sơ trực tuyến"],
    ["Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", None, "Văn phòng - Thống kê",
     "Từ tháng 3 đến tháng 12/2025", "Kho dữ liệu số hóa"],
    ("C", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", True),
    ["Hỗ trợ hộ sản xuất đưa sản phẩm OCOP lên sàn thương mại điện tử", "Công chức Địa chính - Nông nghiệp",
     "Hội Nông dân xã, Hội Liên hiệp Phụ nữ xã", "Năm 2025", "Sản phẩm trên sàn"],
    ["Vận động người dân kích hoạt tài khoản định danh điện tử mức độ 2", "Đồng chí Trưởng Công an xã",
     "Đoàn Thanh niên xã, các thôn", "Trước ngày 30/9/2025", "Tài khoản được kích hoạt"],
]


def build_commune(out: Path, legacy: bool = False) -> None:
    b = Builder(legacy=legacy)
    doc = b.doc
    # letterhead: a borderless two-column layout table
    t = b.table(2, 2, grid=False)
    b.cell(t.cell(0, 0), COMMUNE["issuer_parent"] + "\n**" + COMMUNE["issuer"].replace("\n", "**\n**") + "**",
           center=True)
    b.cell(t.cell(0, 1), "**" + COMMUNE["motto"].replace("\n", "**\n**") + "**", center=True)
    b.cell(t.cell(1, 0), COMMUNE["number"], center=True)
    b.cell(t.cell(1, 1), COMMUNE["date"], center=True, italic=True)
    b.para(COMMUNE["title"], bold=True, center=True)
    b.para(COMMUNE["subtitle"], bold=True, center=True)
    b.para(COMMUNE["intro"])
    # headings numbered through their paragraph styles: "I." / "1." / "a)"
    outline = b.add_list([("upperRoman", "%1.", 1), ("decimal", "%2.", 1), ("lowerLetter", "%3)", 1)],
                         style_links={"KHMuc1": 0, "KHMuc2": 1, "KHMuc3": 2})
    b.numbered_style("KHMuc1", "KH Muc 1", outline, 0, True)
    b.numbered_style("KHMuc2", "KH Muc 2", outline, 1, True)
    b.numbered_style("KHMuc3", "KH Muc 3", outline, 2, False)
    bullets = b.add_list([("bullet", "-", 1)])
    styles = {0: "KH Muc 1", 1: "KH Muc 2", 2: "KH Muc 3"}
    for level, text in COMMUNE_BODY:
        if level == "-":
            b.para(text, num=(bullets, 0))
        elif level == "":
            b.para(text)
        else:
            head, sep, rest = text.partition(": ")
            p = b.para(style=styles[level])
            if sep and level == 1:
                b.write(p, head + ":", bold=True)
                b.write(p, " " + rest, bold=None)
            else:
                b.write(p, text)
    # signature: a borderless two-column layout table
    s = b.table(1, 2, grid=False)
    b.cell(s.cell(0, 0), "**Nơi nhận:**\n- UBND huyện Bảo Lâm (b/c);\n- Phòng Văn hóa và Thông tin huyện;\n"
                         "- TT Đảng ủy, HĐND xã;\n- Các thôn;\n- Lưu: VT.")
    b.cell(s.cell(0, 1), "**TM. ỦY BAN NHÂN DÂN**\n**CHỦ TỊCH**\n\n\n**Hoàng Văn Thắng**", center=True)
    # the appendix on a new page: title, reference line, the task table
    doc.add_page_break()
    b.para("PHỤ LỤC", bold=True, center=True)
    b.para("NHIỆM VỤ TRIỂN KHAI CHUYỂN ĐỔI SỐ NĂM 2025", bold=True, center=True)
    b.para("(Kèm theo Kế hoạch số 27/KH-UBND ngày 12/3/2025 của UBND xã Thạch Lâm)", italic=True, center=True)
    _task_table(b)
    b.save(out)


def _task_table(b: Builder) -> None:
    """The appendix task table (see build_commune)."""
    rows = 3 + len(COMMUNE_TASKS)
    t = b.table(rows, 6)
    # a header over two rows: "Phân công thực hiện" over "Đơn vị chủ trì" / "Đơn vị phối hợp"
    top = t.rows[0].cells
    for c, text in ((0, "Stt"), (1, "Nội dung nhiệm vụ"), (4, "Thời gian hoàn thành"), (5, "Sản phẩm")):
        t.cell(0, c).merge(t.cell(1, c))
        b.cell(t.cell(0, c), text, bold=True, center=True)
    top[2].merge(top[3])
    b.cell(t.cell(0, 2), "Phân công thực hiện", bold=True, center=True)
    b.cell(t.cell(1, 2), "Chủ trì", bold=True, center=True)
    b.cell(t.cell(1, 3), "Phối hợp", bold=True, center=True)
    b.repeat_header(t.rows[0])
    b.repeat_header(t.rows[1])
    for c in range(6):
        b.cell(t.cell(2, c), f"({c + 1})", italic=True, center=True)
    stt_abstract = b.abstract_of(b.add_list([("decimal", "%1", 1)]))
    r = 3
    num = None
    lead_start = None
    for item in COMMUNE_TASKS:
        if isinstance(item, tuple):
            letter, title, full = item
            if full:
                t.cell(r, 0).merge(t.cell(r, 5))
                b.cell(t.cell(r, 0), f"{letter}. {title}", bold=True)
            else:
                t.cell(r, 1).merge(t.cell(r, 5))
                b.cell(t.cell(r, 0), letter, bold=True, center=True)
                b.cell(t.cell(r, 1), title, bold=True)
            num = b.add_instance(stt_abstract, {0: 1})   # the Stt list restarts in each group
            r += 1
            continue
        content, lead, partners, time, product = item
        b.cell(t.cell(r, 0), "", center=True, num=(num, 0))
        b.cell(t.cell(r, 1), content)
        if lead is None:
            merged = t.cell(lead_start, 2).merge(t.cell(r, 2))
            _ = merged
        else:
            lead_start = r
            b.cell(t.cell(r, 2), lead)
        b.cell(t.cell(r, 3), partners)
        b.cell(t.cell(r, 4), time)
        b.cell(t.cell(r, 5), product)
        r += 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", default=None, help="folder with the seed .txt files (default: samples/*.txt)")
    ap.add_argument("--out", default=str(ROOT / "samples"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    for name, seed in SEEDS.items():
        src = Path(args.seeds) / f"{seed}.txt" if args.seeds else ROOT / "samples" / f"{name}.txt"
        if not src.exists():
            print(f"skip {name}: {src} not found")
            continue
        build_seed(src.read_text(encoding="utf-8"), out / f"{name}.docx")
        print("wrote", out / f"{name}.docx")
    build_commune(out / "thachlam-ubnd-xa-kh-chuyendoiso-2025.docx")
    build_commune(out / "thachlam-ubnd-xa-kh-chuyendoiso-2025-tcvn3.docx", legacy=True)
    print("wrote", out / "thachlam-ubnd-xa-kh-chuyendoiso-2025.docx", "and its TCVN3 twin")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
