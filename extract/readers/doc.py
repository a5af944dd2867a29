"""Word 97-2003 (.doc) reader: converts the file to .docx with LibreOffice (`soffice --headless
--convert-to docx`, Debian package libreoffice-writer) in a temporary folder, then reads it with
`read_docx`. Without LibreOffice it raises UnreadableFile saying how to convert the file.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from ..errors import UnreadableFile
from ..model import RawDocument
from .docx import read_docx

CONVERT_TIMEOUT = 180  # seconds
_INSTALL_HINT = ("install LibreOffice (Debian package libreoffice-writer) or save the file as .docx "
                 "in Word (File > Save As > Word Document)")


_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")   # a password-protected .docx in OLE


def password_protected(path: str, limit: int = 8 << 20) -> bool:
    """An OLE file holding an "EncryptionInfo" stream: a Word file saved with a password."""
    try:
        with open(path, "rb") as fh:
            return _ENCRYPTION_STREAM in fh.read(limit)
    except OSError:
        return False


def soffice() -> str | None:
    """The LibreOffice command on PATH, None when absent."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_doc(path: str, timeout: float = CONVERT_TIMEOUT, **options) -> RawDocument:
    """Read a .doc file: LibreOffice converts it to .docx, `read_docx` reads that (format "doc")."""
    if not os.path.isfile(path):
        raise UnreadableFile("no such file", path, "check the path")
    if password_protected(path):
        raise UnreadableFile("the Word file is password-protected", path,
                             "ask the sender for an unprotected copy, or open it in Word, remove the "
                             "password (File > Info > Protect Document) and save it as .docx")
    exe = soffice()
    if exe is None:
        raise UnreadableFile("a Word 97-2003 .doc file needs LibreOffice to be read", path, _INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="kehoach-doc-") as tmp:
        src = os.path.join(tmp, "input.doc")   # a plain name: no quoting or option look-alikes
        shutil.copyfile(path, src)
        profile = "file://" + os.path.join(tmp, "profile")   # own profile: runs beside an open LibreOffice
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", tmp, src]
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise UnreadableFile(f"LibreOffice did not convert the file within {timeout:.0f} s", path,
                                 "open it in Word or LibreOffice and save it as .docx") from None
        except OSError as exc:
            raise UnreadableFile(f"LibreOffice could not be started ({exc})", path, _INSTALL_HINT) from None
        out = os.path.join(tmp, "input.docx")
        if proc.returncode != 0 or not os.path.isfile(out):
            detail = (proc.stderr or proc.stdout or b"").decode("utf-8", "replace").strip()[:200]
            raise UnreadableFile(f"LibreOffice could not convert the file{': ' + detail if detail else ''}",
                                 path, "the file may be damaged or password-protected; open it in Word "
                                 "and save it as .docx")
        try:
            doc = read_docx(out, **options)
        except UnreadableFile as exc:
            raise UnreadableFile(f"the converted document cannot be read ({exc.reason})", path,
                                 exc.hint) from None
    doc.path = path
    doc.format = "doc"
    return doc
