"""Write ubkt_kiem_tra_tcvn3.txt: an invented plan typed in TCVN3 (ABC), as an old .txt export holds it.

The bytes come from the project's own TCVN3 table (extract/text/legacy.py TCVN3_MAP) read backwards.
A TCVN3 font has no capital toned letters (only Ă Â Ê Ô Ơ Ư Đ): a toned capital is typed with the
small letter's code, as people did, so "ỦY BAN" becomes "ñY BAN". Run: python make_tcvn3.py
"""
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from extract.text.legacy import TCVN3_MAP  # noqa: E402

TEXT = """HUYỆN ỦY TƯƠNG DƯƠNG
ỦY BAN KIỂM TRA
*
Số 05-KH/UBKTHU
ĐẢNG CỘNG SẢN VIỆT NAM
Tương Dương, ngày 08 tháng 01 năm 2019

KẾ HOẠCH
Kiểm tra, giám sát năm 2019

Thực hiện Chương trình kiểm tra, giám sát năm 2019 của Ban Chấp hành Đảng bộ huyện, Ủy ban Kiểm tra Huyện ủy xây dựng Kế hoạch kiểm tra, giám sát năm 2019 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao chất lượng, hiệu quả công tác kiểm tra, giám sát của Ủy ban Kiểm tra các cấp.
2. Việc kiểm tra, giám sát phải đúng nguyên tắc, quy trình, thủ tục theo quy định của Đảng.

II. CHỈ TIÊU
- Kiểm tra ít nhất 6 tổ chức đảng cấp dưới khi có dấu hiệu vi phạm.
- Giám sát chuyên đề đối với 10 chi, đảng bộ cơ sở.
- 100% đơn thư tố cáo thuộc thẩm quyền được giải quyết dứt điểm.

III. NỘI DUNG KIỂM TRA, GIÁM SÁT
1. Kiểm tra tổ chức đảng cấp dưới thực hiện nhiệm vụ kiểm tra, giám sát và thi hành kỷ luật trong Đảng.
Đối tượng: Đảng ủy xã Tam Quang, Đảng ủy xã Yên Na, Chi bộ Trường THPT Tương Dương 1.
Thời gian: quý II và quý III năm 2019.
Giao đồng chí Phó Chủ nhiệm Thường trực chỉ đạo, đồng chí Ủy viên phụ trách địa bàn trực tiếp thực hiện.
2. Giám sát chuyên đề việc thực hiện quy định về trách nhiệm nêu gương của cán bộ, đảng viên.
Thời gian: tháng 8 năm 2019.
Đồng chí Chủ nhiệm Ủy ban Kiểm tra chỉ đạo; các đồng chí Ủy viên Ủy ban Kiểm tra theo địa bàn phụ trách thực hiện.

IV. TỔ CHỨC THỰC HIỆN
1. Các đồng chí Ủy viên Ủy ban Kiểm tra Huyện ủy căn cứ nội dung Kế hoạch, xây dựng đề cương, chuẩn bị tài liệu và tổ chức thực hiện nhiệm vụ được phân công.
2. Giao Văn phòng Huyện ủy bảo đảm kinh phí, phương tiện phục vụ các cuộc kiểm tra, giám sát.
3. Đề nghị các đảng ủy, chi bộ cơ sở chuẩn bị báo cáo theo đề cương, gửi về Ủy ban Kiểm tra Huyện ủy chậm nhất 05 ngày trước ngày kiểm tra.
4. Ủy ban Kiểm tra các đảng ủy cơ sở xây dựng kế hoạch kiểm tra, giám sát năm 2019 của cấp mình, hoàn thành trong tháng 01 năm 2019; báo cáo kết quả về Ủy ban Kiểm tra Huyện ủy trước ngày 15/12/2019.

Nơi nhận:
- UBKT Tỉnh ủy (b/c);
- Thường trực Huyện ủy (b/c);
- Các đảng ủy, chi bộ cơ sở;
- Lưu UBKT.

T/M ỦY BAN KIỂM TRA
CHỦ NHIỆM

Lô Văn Thái
"""

_ENCODE = {u: code for code, u in TCVN3_MAP.items() if u == u.lower() or u in "ĂÂÊÔƠƯĐ"}


def to_tcvn3(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _ENCODE:
            out.append(_ENCODE[ch])
        elif ch.lower() in _ENCODE and ch.lower() != ch:
            out.append(_ENCODE[ch.lower()])   # a toned capital: the small letter's code
        else:
            out.append(ch)
    return "".join(out)


def main() -> None:
    out = Path(__file__).with_name("ubkt_kiem_tra_tcvn3.txt")
    out.write_bytes(to_tcvn3(TEXT).replace("\n", "\r\n").encode("cp1252"))


if __name__ == "__main__":
    main()
