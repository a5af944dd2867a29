"""ASCII folding: the same-length lower-case ASCII shadow of Vietnamese text, for matching words
whatever their marks and case ("Thời gian" -> "thoi gian"; positions line up with the original)."""
import unicodedata


def _build_fold() -> dict:
    """A 1:1 character table: Latin letters with marks -> lower-case ASCII, dashes -> '-'."""
    table = {}
    for cp in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0]
        if "A" <= base <= "Z" or "a" <= base <= "z":
            table[cp] = base.lower()
    for ch in "đĐðÐ":
        table[ord(ch)] = "d"
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D):
        table[cp] = "-"
    for cp in (0x00A0, 0x2007, 0x202F, 0x200B, 0xFEFF):
        table[cp] = " "
    table[0xFF0F] = "/"
    table[0xFF1A] = ":"
    return table


_FOLD = _build_fold()


def ascii_fold(nfc: str) -> str:
    """Same-length ASCII shadow of an NFC string (positions line up with the original)."""
    return nfc.translate(_FOLD)
