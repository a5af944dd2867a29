"""Placeholder: NFC only. Replaced by the full repair stage."""
import unicodedata


def decode_bytes(data: bytes):
    for enc in ("utf-8-sig", "utf-16", "cp1258"):
        try:
            if enc == "utf-16" and not data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                continue
            return data.decode(enc), enc, []
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace"), "utf-8", []


class Repairer:
    def __init__(self, tone_style: str = "first"):
        self.tone_style = tone_style

    def fix(self, text: str) -> str:
        return unicodedata.normalize("NFC", text)

    def report(self) -> list:
        return []
