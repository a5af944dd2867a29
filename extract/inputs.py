"""Finding the inputs of a batch and naming them. Reads: paths on the command line (files or
folders, walked recursively without opening anything but regular files). Writes: `Job`s with
unique, stable, safe document ids, and `Skip`s for entries that are not converted (named pipes,
sockets, devices, broken links, link loops, links that leave the input folder, unreadable folders).

File names are taken as the operating system gives them: a name that is not valid UTF-8 keeps its
bytes as surrogate escapes (Python's `os.fsdecode`), so it can still be opened. `shown` turns any
name or message into text that is safe to print and to store (undecodable bytes as `\\xff`, control
and bidi characters escaped). Document ids, which name the output files, are NFC, free of control,
format and reserved characters, and short enough (per folder level) for any file system.

Symbolic links, one rule for files and folders: a link is followed when its target lies inside
the folder being walked (a folder at most once: a link back to a folder already walked, a loop,
is reported and skipped); a link whose target is outside it is skipped with a message unless
`follow_links`; a broken link is reported. A path named on the command line is always followed.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Optional

from . import sniff

RESERVED_IDS = {"plans", "documents", "tasks", "targets", "findings", "sections", "kehoach-errors"}
# Bytes of one id component (a folder level or the file name): the output name adds an extension
# and the atomic writer's temporary prefix/suffix, under the usual 255-byte limit.
MAX_ID_BYTES = 150
_KEEP_BYTES = MAX_ID_BYTES - 12   # room for "-" + 8 hex digits of the full name's hash
_SPECIAL = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
            stat.S_IFBLK: "a device"}
_RESERVED_CHARS = re.compile(r'[<>:"\\|?*]')


@dataclass
class Job:
    path: str
    doc_id: str
    sha256: Optional[str] = None


@dataclass
class Skip:
    """An entry that is not converted, with the reason (never opened)."""
    path: str
    base: str          # id base (relative path without extension)
    reason: str
    hint: str


# --------------------------------------------------------------------------- safe text
def _escape_char(ch: str) -> str:
    o = ord(ch)
    if 0xDC80 <= o <= 0xDCFF:         # an undecodable byte kept by os.fsdecode
        return f"\\x{o - 0xDC00:02x}"
    if o < 0x100:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"


def _unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch != " "


def shown(text) -> str:
    """Text safe to print and to write as UTF-8: NFC, undecodable bytes as \\xNN, control and
    format characters (newlines, escapes, bidi overrides, zero-width marks) as escapes."""
    text = os.fspath(text) if not isinstance(text, str) else text
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not any(_unsafe(ch) for ch in text):
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", "".join(_escape_char(ch) if _unsafe(ch) else ch for ch in text))


def shown_message(text: str) -> str:
    """A message (several lines allowed) with every unsafe character of `shown` escaped."""
    return "\n".join(shown(line) for line in str(text).split("\n"))


def _component(part: str) -> str:
    """One level of a document id: a safe, NFC, bounded file name."""
    raw = part
    out = []
    for ch in part:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:
            out.append(f"%{o - 0xDC00:02X}")
        elif _unsafe(ch) or ch == "/":
            out.append("_")
        else:
            out.append(ch)
    part = _RESERVED_CHARS.sub("_", unicodedata.normalize("NFC", "".join(out)))
    part = re.sub(r"_{2,}", "_", part).strip(" ")
    if part.startswith((".", "~")) or not part:
        part = "_" + part
    if len(part.encode("utf-8")) > MAX_ID_BYTES:
        cut = part.encode("utf-8")[:_KEEP_BYTES].decode("utf-8", "ignore").rstrip(" .")
        part = f"{cut}-{_hash(raw)}"
    return part


def _hash(text: str) -> str:
    return hashlib.sha1(os.fsencode(text)).hexdigest()[:8]


def safe_id(base: str) -> str:
    """A relative path without extension ("xa-a/ke-hoach") -> a document id usable as output name."""
    return "/".join(_component(p) for p in base.split("/") if p not in ("", ".", "..")) or "_"


# --------------------------------------------------------------------------- discovery
def discover(paths: Iterable[str], outdir: Optional[str] = None, follow_links: bool = False) -> tuple:
    """Inputs under `paths` -> (jobs with unique document ids, skips). Files named on the command
    line are always taken; in folders, files with a known extension, and others whose content
    is a PDF or Word file. Hidden files, Word lock files (~$x.docx) and OUTDIR are left out."""
    found: list = []      # (path, relative id base)
    skips: list = []
    skip_dir = os.path.realpath(outdir) if outdir else None
    for arg in paths:
        arg = os.fspath(arg)
        if not os.path.lexists(arg):
            skips.append(Skip(arg, _base_of(os.path.basename(arg)), "no such file or folder", "check the path"))
            continue
        try:
            st = os.stat(arg)
        except OSError as e:
            skips.append(_link_skip(arg, _base_of(os.path.basename(arg)), e))
            continue
        if stat.S_ISDIR(st.st_mode):
            _Walk(arg, skip_dir, follow_links, found, skips).run()
        elif stat.S_IFMT(st.st_mode) in _SPECIAL:
            skips.append(_special_skip(arg, _base_of(os.path.basename(arg)), st))
        else:
            found.append((arg, _base_of(os.path.basename(arg))))
    return assign_ids(found), skips


def _base_of(rel: str) -> str:
    return os.path.splitext(rel)[0].replace(os.sep, "/")


def _special_skip(path: str, base: str, st: os.stat_result) -> Skip:
    what = _SPECIAL.get(stat.S_IFMT(st.st_mode), "not a regular file")
    return Skip(path, base, f"skipped: {what}, not a file (never opened)", "give .docx, .pdf or .txt files")


def _link_skip(path: str, base: str, e: OSError) -> Skip:
    if e.errno == errno.ELOOP:
        return Skip(path, base, "skipped: a symbolic link loop", "remove or fix the link")
    if e.errno == errno.ENOENT:
        return Skip(path, base, "skipped: a broken symbolic link (its target does not exist)", "remove or fix the link")
    return Skip(path, base, f"cannot open it ({e.strerror})", "give the user running kehoach read access")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class _Walk:
    """One folder argument, walked in name order with os.scandir (nothing is opened but folders
    and, for files of other extensions, regular files to read their first bytes)."""

    def __init__(self, root: str, skip_dir: Optional[str], follow_links: bool, found: list, skips: list):
        self.root, self.skip_dir, self.follow = root, skip_dir, follow_links
        self.real_root = os.path.realpath(root)
        self.found, self.skips = found, skips
        self.walked: set = set()

    def rel(self, path: str) -> str:
        return _base_of(os.path.relpath(path, self.root))

    def run(self) -> None:
        self.deferred: list = []   # links to folders, walked after every real folder
        self.folder(self.root, self.real_root)
        while self.deferred:
            path, target = self.deferred.pop(0)
            if target not in self.walked:
                self.folder(path, target)
            elif _inside(os.path.realpath(os.path.dirname(path)), target):
                self.skips.append(Skip(path, self.rel(path), "skipped: a symbolic link loop (it points to a "
                                       "folder that contains it)", "remove the link"))
            # else: a second path to a folder walked already: its plans are converted once

    def folder(self, folder: str, real: str) -> None:
        self.walked.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            base = self.rel(folder) if folder != self.root else _base_of(os.path.basename(folder.rstrip(os.sep)))
            self.skips.append(Skip(folder, base or "_", f"cannot open the folder ({e.strerror})",
                                   "give the user running kehoach read access"))
            return
        subfolders = []
        for entry in entries:
            if entry.name.startswith((".", "~$")):
                continue
            item = self.entry(entry)
            if item is None:
                continue
            if item[2]:
                self.deferred.append(item[:2])
            else:
                subfolders.append(item[:2])
        for path, target in subfolders:  # sub-folders after the files of this one
            if target not in self.walked:
                self.folder(path, target)

    def entry(self, entry: os.DirEntry):
        """Take a file, or return (path, real path) of a folder to walk."""
        path = entry.path
        try:
            is_link = entry.is_symlink()
            st = os.stat(path) if is_link else entry.stat(follow_symlinks=False)
        except OSError as e:
            self.skips.append(_link_skip(path, self.rel(path), e))
            return None
        target = os.path.realpath(path)
        if is_link and not self.follow and not _inside(target, self.real_root):
            self.skips.append(Skip(path, self.rel(path), f"skipped: a symbolic link to {shown(target)}, outside "
                                   "the folder being converted", "convert that path directly, or use --follow-links"))
            return None
        if stat.S_ISDIR(st.st_mode):
            if target == self.skip_dir:
                return None
            return path, target, is_link
        if not stat.S_ISREG(st.st_mode):
            self.skips.append(_special_skip(path, self.rel(path), st))
            return None
        if sniff.kind_of_extension(entry.name) is None and not _sniffed_document(path):
            return None
        self.found.append((path, self.rel(path)))
        return None


def _sniffed_document(path: str) -> bool:
    """A file of another extension taken because its content is a PDF or a Word file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            head = fh.read(sniff.HEAD_BYTES)
    except OSError:
        return False
    kind = sniff.sniff_bytes(head)
    return kind in ("pdf", "doc") or kind == "zip" and sniff.sniff(path) == "docx"


def assign_ids(found: list) -> list:
    """Unique, stable document ids: the relative path without extension, made safe (`safe_id`);
    where two inputs share one (case or Unicode normalization aside) the extension is added when
    it tells them apart, else a short hash of the full path; the NFC-named input keeps the plain id."""
    by_id: dict = {}
    for path, base in found:
        doc_id = safe_id(base)
        by_id.setdefault(doc_id.casefold(), []).append((path, doc_id))
    jobs, seen = [], set()
    for group in by_id.values():
        group.sort(key=lambda pb: (pb[0] != unicodedata.normalize("NFC", pb[0]), os.fsencode(pb[0])))
        exts = [os.path.splitext(p)[1].lower() for p, _b in group]
        distinct = len(set(exts)) == len(exts)
        for path, base in group:
            doc_id = base
            if len(group) > 1 and distinct:
                doc_id = f"{base}-{_component(os.path.splitext(path)[1].lstrip('.').lower()) or 'file'}"
            if doc_id.casefold() in seen or doc_id.casefold() in RESERVED_IDS:
                doc_id = f"{doc_id}-{_hash(os.path.abspath(path))}"
            seen.add(doc_id.casefold())
            jobs.append(Job(path=path, doc_id=doc_id))
    return sorted(jobs, key=lambda j: j.doc_id)
