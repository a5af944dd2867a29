"""One run at a time in an output folder. Reads/writes: OUTDIR/.kehoach.lock, a file holding the
pid of the run that writes into OUTDIR, locked with a POSIX record lock (fcntl.lockf: released by
the system when the holder ends, even by kill -9, and not inherited by its worker processes). A
second run waits for the first (printing who holds the lock once) or, past `wait` seconds, refuses
with an OutputError naming the holder.
"""
from __future__ import annotations

import contextlib
import os
import sys
import time
from typing import Callable, Optional

from .errors import OutputError

LOCK = ".kehoach.lock"


def holder(outdir: str) -> Optional[int]:
    """The pid written in OUTDIR's lock file (the run holding it, or the last one)."""
    with contextlib.suppress(OSError, ValueError):
        with open(os.path.join(outdir, LOCK), encoding="ascii") as fh:
            return int(fh.read().strip() or 0) or None
    return None


class OutdirLock:
    """`with OutdirLock(outdir, wait=None):` — hold OUTDIR for this run. wait None: wait as long as
    it takes; a number: seconds before giving up with OutputError."""

    def __init__(self, outdir: str, wait: Optional[float] = None, notice: Optional[Callable] = None):
        self.outdir = outdir
        self.path = os.path.join(outdir, LOCK)
        self.wait = wait
        self.notice = notice or (lambda text: print(text, file=sys.stderr))
        self.fd: Optional[int] = None

    def __enter__(self) -> "OutdirLock":
        try:
            import fcntl
        except ImportError:  # Windows: no lock (runs into the same folder are the user's to avoid)
            return self
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise OutputError(f"cannot create the lock file ({e.strerror})", self.outdir,
                              "choose a writable folder with -o") from None
        t0, told = time.monotonic(), False
        while True:
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                pid = holder(self.outdir)
                if self.wait is not None and time.monotonic() - t0 >= self.wait:
                    os.close(fd)
                    raise OutputError(f"another kehoach run (pid {pid or '?'}) is writing into this folder",
                                      self.outdir, "wait for it to finish, or choose another folder with -o") from None
                if not told:
                    self.notice(f"kehoach: waiting for the run (pid {pid or '?'}) writing into {self.outdir}")
                    told = True
                time.sleep(0.2)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self.fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self.fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self.fd, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)  # closing releases the lock
        self.fd = None
