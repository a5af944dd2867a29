"""Write chi_bo_vni.txt: an invented plan of a Party cell typed in VNI-Windows, as an old .txt holds it.

The bytes come from the project's own VNI table (extract/text/legacy.py VNI_MAP) read backwards: each
Vietnamese letter is written as its VNI base letter and mark characters (cp1252). Run: python make_vni.py
"""
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[4]))
from extract.text.legacy import VNI_MAP  # noqa: E402

TEXT = """ĐẢNG BỘ XÃ AN HÒA
CHI BỘ THÔN ĐÔNG
*
Số 03-KH/CB
ĐẢNG CỘNG SẢN VIỆT NAM
An Hòa, ngày 15 tháng 3 năm 2021

KẾ HOẠCH
Xây dựng thôn đạt chuẩn nông thôn mới kiểu mẫu năm 2021

Thực hiện Nghị quyết số 12-NQ/ĐU ngày 10/01/2021 của Đảng ủy xã An Hòa, Chi bộ thôn Đông xây dựng Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU
Phát huy vai trò lãnh đạo của Chi bộ, sự vào cuộc của cả hệ thống chính trị và Nhân dân trong thôn.

II. CHỈ TIÊU
- 100% tuyến đường ngõ xóm được bê tông hóa.
- Thu nhập bình quân đạt trên 60 triệu đồng/người/năm.
- Có ít nhất 80% hộ gia đình đạt danh hiệu gia đình văn hóa.

III. NHIỆM VỤ VÀ PHÂN CÔNG
1. Đồng chí Bí thư Chi bộ chịu trách nhiệm chung, chỉ đạo xây dựng kế hoạch chi tiết, hoàn thành trước ngày 31/3/2021.
2. Đồng chí Trưởng thôn chủ trì, phối hợp với Ban công tác Mặt trận thôn vận động nhân dân hiến đất mở rộng đường ngõ xóm (trong quý II năm 2021).
3. Giao đồng chí Chi hội trưởng Chi hội Phụ nữ thôn vận động hội viên thực hiện mô hình "5 không, 3 sạch".
4. Các đảng viên trong Chi bộ gương mẫu thực hiện, vận động gia đình chỉnh trang nhà cửa, vườn tược.
5. Đề nghị Đoàn Thanh niên thôn ra quân vệ sinh môi trường hằng tháng.

IV. TỔ CHỨC THỰC HIỆN
Chi ủy Chi bộ định kỳ hằng quý kiểm tra, đánh giá kết quả thực hiện, báo cáo Đảng ủy xã.

Nơi nhận:
- Đảng ủy xã (b/c);
- Đảng viên trong Chi bộ;
- Lưu Chi bộ.

T/M CHI BỘ
BÍ THƯ

Nguyễn Văn Hải
"""

# Unicode letter -> VNI keys: a capital takes the keys written in capitals, a small letter small ones
# (one character where VNI has one: í ì æ ó ò for the toned i, ô ö ñ for ơ ư đ)
_ENCODE: dict[str, str] = {}
for key, letter in sorted(VNI_MAP.items(), key=lambda kv: len(kv[0])):
    if len(letter) != 1 or letter in _ENCODE:
        continue
    if letter.isupper() and key != key.upper():
        continue
    _ENCODE[letter] = key


def to_vni(text: str) -> str:
    return "".join(_ENCODE.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def main() -> None:
    out = Path(__file__).with_name("chi_bo_vni.txt")
    out.write_bytes(to_vni(TEXT).replace("\n", "\r\n").encode("cp1252"))


if __name__ == "__main__":
    main()
