#!/usr/bin/env python3
"""Make the PDF fixtures whose text layer lies (run from the repository root, needs fontTools):

    .venv/bin/python tests/data/pdf/make_font_fixtures.py

One invented plan drawn with a subset of Liberation Serif (Debian fonts-liberation2) embedded as a
Type0/Identity-H font, the glyph ids as codes, in several broken ways:
  font-gid-no-tounicode.pdf   glyphs renumbered from 1 and no ToUnicode map (readers get the raw
                              glyph ids, control codes among them); the font program keeps its cmap
  font-lying-tounicode.pdf    a ToUnicode map that gives look-alike Cyrillic and Windows-1252
                              signs for the Vietnamese letters; the font program keeps its cmap
  font-shifted-tounicode.pdf  a ToUnicode map off by a constant; the font program has no cmap
  font-no-cmap-no-map.pdf     no ToUnicode and a font program without cmap or glyph names
                              (nothing in the file says what the glyphs are: OCR is the way)
  font-tcvn3-renamed.pdf      text typed in TCVN3 under a font named like a Unicode font
  font-custom-8bit.pdf        a simple TrueType font whose codes 0x80-0xFF draw the Vietnamese
                              letters in an order of its own (readers show Windows-1252 signs);
                              its program maps the codes (Mac cmap) and knows the letters (Unicode
                              cmap), no ToUnicode
The fixtures are committed so the tests do not need fontTools' subsetter or the fonts.
"""
from __future__ import annotations

import io
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
from make_pdf_samples import pdf_from_objects  # noqa: E402  (shared with the samples)

FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"

LINES = [  # (x, y, size, text); invented plan
    (60, 790, 12, "ỦY BAN NHÂN DÂN"), (330, 790, 12, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (75, 775, 12, "XÃ HÒA MỸ"), (360, 775, 12, "Độc lập - Tự do - Hạnh phúc"),
    (60, 750, 12, "Số: 07/KH-UBND"), (340, 750, 12, "Hòa Mỹ, ngày 14 tháng 3 năm 2025"),
    (265, 715, 13, "KẾ HOẠCH"),
    (150, 698, 13, "Tổ chức tháng hành động vì môi trường năm 2025"),
    (72, 665, 13, "I. MỤC ĐÍCH, YÊU CẦU"),
    (72, 647, 13, "1. Nâng cao nhận thức của người dân về bảo vệ môi trường, giữ gìn cảnh quan"),
    (72, 629, 13, "xanh, sạch, đẹp ở thôn, xóm."),
    (72, 605, 13, "II. NHIỆM VỤ VÀ GIẢI PHÁP"),
    (72, 587, 13, "1. Văn phòng Ủy ban nhân dân xã chủ trì, phối hợp với Hội Nông dân xã tổ chức"),
    (72, 569, 13, "ra quân dọn dẹp vệ sinh đường làng trước ngày 30/4/2025."),
    (72, 551, 13, "2. Phấn đấu đến hết năm 2025 có 95% hộ gia đình phân loại rác tại nguồn."),
    (72, 533, 13, "3. Trường Tiểu học Hòa Mỹ tuyên truyền cho học sinh về tiết kiệm nước."),
    (72, 509, 13, "III. TỔ CHỨC THỰC HIỆN"),
    (72, 491, 13, "Công chức Địa chính - Xây dựng theo dõi, tổng hợp kết quả, báo cáo Ủy ban"),
    (72, 473, 13, "nhân dân xã trước ngày 15/5/2025."),
    (360, 430, 13, "CHỦ TỊCH"),
    (350, 380, 13, "Trần Văn Bình"),
]

# what a lying ToUnicode map puts for Vietnamese letters: Cyrillic look-alikes and cp1252 signs
LOOKALIKE = dict(zip("ổôâựườơạếộịđĐ", "әỄ‚ӵѭӡѫҥӃӝӏÿĈ"))


def _subset(keep_cmap: bool, retain_gids: bool = True):
    from fontTools import subset
    from fontTools.ttLib import TTFont
    font = TTFont(FONT, recalcTimestamp=False)
    text = "".join(t for *_, t in LINES) + " "
    opts = subset.Options()
    opts.retain_gids = retain_gids
    opts.notdef_outline = True
    opts.name_IDs = []
    opts.layout_features = []
    sub = subset.Subsetter(opts)
    sub.populate(text=text)
    sub.subset(font)
    cmap = {u: font.getGlyphID(g) for u, g in font.getBestCmap().items()}
    widths = {gid: font["hmtx"][font.getGlyphName(gid)][0] * 1000 // font["head"].unitsPerEm
              for gid in set(cmap.values())}
    if not keep_cmap:
        del font["cmap"]
        font["post"].formatType = 3.0
    buf = io.BytesIO()
    font.save(buf)
    return buf.getvalue(), cmap, widths


def _tounicode(pairs: dict) -> bytes:
    body = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            b"/CMapName /Fix def /CMapType 2 def",
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(pairs.items())
    for k in range(0, len(items), 100):
        chunk = items[k:k + 100]
        body.append(b"%d beginbfchar" % len(chunk))
        for code, u in chunk:
            body.append(b"<%04X> <%s>" % (code, u.encode("utf-16-be").hex().upper().encode()))
        body.append(b"endbfchar")
    body.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(body)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    z = zlib.compress(data)
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(z), extra) + z + b"\nendstream"


def _pdf(objs: list) -> bytes:
    return pdf_from_objects(objs, b"1.6")


def type0_pdf(path: Path, tounicode: dict | None, keep_cmap: bool, retain_gids: bool = True,
              name: bytes = b"ABCDEF+LiberationSerif") -> None:
    program, cmap, widths = _subset(keep_cmap, retain_gids)
    ops = [b"BT"]
    for x, y, size, text in LINES:
        codes = "".join("%04X" % cmap[ord(c)] for c in text)
        ops.append(b"/F1 %d Tf 1 0 0 1 %d %d Tm <%s> Tj" % (size, x, y, codes.encode()))
    ops.append(b"ET")
    w = b" ".join(b"%d [%d]" % (g, widths[g]) for g in sorted(widths))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /" + name + b" /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R]" + (b" /ToUnicode 9 0 R" if tounicode else b"") + b" >>",
        _stream(b"\n".join(ops)),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /" + name + b" /CIDSystemInfo << /Registry "
        b"(Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap /Identity "
        b"/W [" + w + b"] >>",
        b"<< /Type /FontDescriptor /FontName /" + name + b" /Flags 6 /FontBBox [-600 -300 2000 1000] "
        b"/ItalicAngle 0 /Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 /FontFile2 8 0 R >>",
        _stream(program, b"/Length1 %d " % len(program)),
    ]
    if tounicode:
        pairs = {cmap[ord(c)]: tounicode.get(c, c) for *_, t in LINES for c in t + " "}
        objs.append(_stream(_tounicode(pairs)))
    path.write_bytes(_pdf(objs))


def tcvn3_renamed(path: Path) -> None:
    """TCVN3 bytes shown with a font named like a Unicode font (a renamed or substituted font)."""
    sys.path.insert(0, str(HERE.parents[2]))
    from extract.text.legacy import TCVN3_MAP
    back = {v: k for k, v in TCVN3_MAP.items()}
    ops = [b"BT /F1 12 Tf"]
    for x, y, size, text in LINES:
        low = "".join(back.get(c, back.get(c.lower(), c)) for c in text)
        data = low.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"/F1 %d Tf 1 0 0 1 %d %d Tm (" % (size, x, y) + data + b") Tj")
    ops.append(b"ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /TimesNewRomanPSMT /FirstChar 32 /LastChar 255 "
        b"/Widths [" + b" ".join([b"500"] * 224) + b"] /FontDescriptor 6 0 R /Encoding /WinAnsiEncoding >>",
        _stream(b"\n".join(ops)),
        b"<< /Type /FontDescriptor /FontName /TimesNewRomanPSMT /Flags 32 /FontBBox [0 -200 1000 900] "
        b"/ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    path.write_bytes(_pdf(objs))


def custom_8bit(path: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable
    font = TTFont(FONT, recalcTimestamp=False)
    text = "".join(t for *_, t in LINES) + " "
    opts = subset.Options()
    opts.name_IDs = []
    opts.layout_features = []
    sub = subset.Subsetter(opts)
    sub.populate(text=text)
    sub.subset(font)
    best = font.getBestCmap()
    others = sorted({c for c in text if ord(c) > 0x7E})
    assert len(others) <= 0x78
    code_of = {c: ord(c) for c in text if ord(c) <= 0x7E}
    # codes a reader cannot tell apart are skipped: WinAnsi's undefined codes (shown as bullets),
    # its second space and its soft hyphen (shown as a hyphen)
    free = [c for c in range(0x80, 0x100) if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xA0, 0xAD)]
    code_of.update({c: free[k] for k, c in enumerate(others)})
    mac = CmapSubtable.newSubtable(6)
    mac.platformID, mac.platEncID, mac.language = 1, 0, 0
    mac.cmap = {code: best[ord(c)] for c, code in code_of.items()}
    font["cmap"].tables.append(mac)
    buf = io.BytesIO()
    font.save(buf)
    program = buf.getvalue()
    upm = font["head"].unitsPerEm
    widths = [font["hmtx"][mac.cmap[c]][0] * 1000 // upm if c in mac.cmap else 0 for c in range(32, 256)]
    ops = [b"BT"]
    for x, y, size, line in LINES:
        data = bytes(code_of[c] for c in line)
        data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops.append(b"/F1 %d Tf 1 0 0 1 %d %d Tm (" % (size, x, y) + data + b") Tj")
    ops.append(b"ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /TrueType /BaseFont /GHIJKL+VietSerif /FirstChar 32 /LastChar 255 "
        b"/Widths [" + b" ".join(b"%d" % w for w in widths) + b"] /FontDescriptor 6 0 R "
        b"/Encoding /WinAnsiEncoding >>",
        _stream(b"\n".join(ops)),
        b"<< /Type /FontDescriptor /FontName /GHIJKL+VietSerif /Flags 32 /FontBBox [-600 -300 2000 1000] "
        b"/ItalicAngle 0 /Ascent 891 /Descent -216 /CapHeight 662 /StemV 80 /FontFile2 7 0 R >>",
        _stream(program, b"/Length1 %d " % len(program)),
    ]
    path.write_bytes(_pdf(objs))


def main() -> None:
    type0_pdf(HERE / "font-gid-no-tounicode.pdf", None, True, retain_gids=False)
    type0_pdf(HERE / "font-lying-tounicode.pdf", LOOKALIKE, True)
    shifted = {c: chr(ord(c) - 29) for *_, t in LINES for c in t if c != " "}
    type0_pdf(HERE / "font-shifted-tounicode.pdf", shifted, False)
    type0_pdf(HERE / "font-no-cmap-no-map.pdf", None, False)
    tcvn3_renamed(HERE / "font-tcvn3-renamed.pdf")
    custom_8bit(HERE / "font-custom-8bit.pdf")


if __name__ == "__main__":
    main()
