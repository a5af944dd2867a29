"""Atomic writes: every output is written to a temporary file in its own folder, flushed to disk,
then renamed over the target with os.replace, so a reader (or an interrupted run) never sees half
a file. Within `staged()`, files are put in place together when the block ends (or none of them,
when it fails: a full disk leaves the earlier set). Reads: bytes/text or a writer callback.
Writes: the target path."""
from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Iterator

from ..errors import OutputError

_UMASK = os.umask(0o022)
os.umask(_UMASK)
STALE_SECONDS = 600
_STAGE: list | None = None   # (temporary, target) pairs of the open `staged()` block


def output_error(e: OSError, path: str) -> OutputError:
    """OutputError naming the folder; `.errno` keeps the system's code (ENOSPC: disk full)."""
    reason = e.strerror or str(e)
    err = OutputError(f"cannot write output ({reason})", os.path.dirname(path) or ".",
                      "choose a writable folder with -o, or fix its permissions or free space")
    err.errno = e.errno
    return err


@contextlib.contextmanager
def staged():
    """Files written by atomic_path/atomic_open in this block are put in place together when it
    ends without error; on error none of them is (their temporary files are removed)."""
    global _STAGE
    outer, _STAGE = _STAGE, []
    pairs = _STAGE
    try:
        yield
    except BaseException:
        _STAGE = outer
        for tmp, _path in pairs:
            _remove(tmp)
        raise
    _STAGE = outer
    for i, (tmp, path) in enumerate(pairs):
        try:
            os.replace(tmp, path)
        except OSError as e:
            for rest, _p in pairs[i:]:
                _remove(rest)
            raise output_error(e, path) from None


def ensure_dir(folder: str) -> None:
    """Create `folder` (and parents) or raise OutputError."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create the output folder ({e.strerror or e})", folder,
                          "choose a writable folder with -o") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError("the output folder is not writable", folder,
                          "choose a writable folder with -o, or fix its permissions")


@contextlib.contextmanager
def atomic_path(path: str) -> Iterator[str]:
    """Yield a temporary path next to `path`; on success it replaces `path`, on error it is removed.
    For libraries that write by file name (openpyxl, sqlite3)."""
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".part", dir=folder)
        os.close(fd)
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs get the usual permissions
    except OSError as e:
        raise output_error(e, path) from None
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        if _STAGE is not None:
            _STAGE.append((tmp, path))
        else:
            os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise output_error(e, path) from None
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def atomic_open(path: str, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None):
    """Open a temporary file next to `path` for writing; it replaces `path` when the block ends
    without error."""
    binary = "b" in mode
    with atomic_path(path) as tmp:
        try:
            fh = open(tmp, mode, encoding=None if binary else encoding, newline=None if binary else newline)
        except OSError as e:
            raise output_error(e, path) from None
        with fh:
            yield fh
            fh.flush()


def write_text(path: str, text: str, encoding: str = "utf-8") -> None:
    with atomic_open(path, "w", encoding=encoding, newline="\n") as fh:
        fh.write(text)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def clean_stale(folder: str, max_age: float = STALE_SECONDS) -> int:
    """Remove temporary files a killed run left in `folder` (names `.X.*.part`, older than
    `max_age` seconds: 0 when the caller holds the folder's lock); returns how many."""
    import time
    n, limit = 0, time.time() - max_age
    for root, _dirs, files in os.walk(folder):
        for f in files:
            if f.startswith(".") and f.endswith(".part"):
                p = os.path.join(root, f)
                with contextlib.suppress(OSError):
                    if os.path.getmtime(p) <= limit:
                        os.unlink(p)
                        n += 1
    return n
