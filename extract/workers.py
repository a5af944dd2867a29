"""Guards of the worker processes of a batch. Reads: the memory bound per worker and the machine's
memory. Writes: process settings only — a worker dies with its parent (Linux PR_SET_PDEATHSIG, and
a thread watching the parent elsewhere), its memory is bounded with `resource` limits, and the
number of workers is cut so that their bounds fit in the memory available.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import Optional

from .expansion import REFUSED  # noqa: F401 - the message of a document past the bound

GB = 1024 ** 3
MB = 1024 ** 2
DEFAULT_MAX_MEMORY = 1 * GB
MIN_MAX_MEMORY = 256 * MB


def die_with_parent() -> None:
    """Make this process end when its parent ends, even by kill -9 (which the parent cannot catch)."""
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes
        import ctypes.util
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the setting took effect
        os._exit(1)

    def watch() -> None:  # other systems (and a belt to the braces above)
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="kehoach-parent-watch", daemon=True).start()


def limit_memory(max_bytes: Optional[int]) -> None:
    """Bound this process's memory (heap and private mappings: RLIMIT_DATA on Linux, else the
    address space). Past it an allocation fails: MemoryError, reported as a refusal."""
    if not max_bytes:
        return
    max_bytes = max(max_bytes, MIN_MAX_MEMORY)  # below it, the interpreter and its libraries cannot start
    try:
        import resource
    except ImportError:  # Windows
        return
    which = getattr(resource, "RLIMIT_DATA", None) if os.uname().sysname == "Linux" else None
    if which is None:
        which = getattr(resource, "RLIMIT_AS", None)
    if which is None:
        return
    with contextlib.suppress(ValueError, OSError):
        soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            max_bytes = min(max_bytes, hard)
        resource.setrlimit(which, (max_bytes, hard))


def available_memory() -> Optional[int]:
    """Bytes of memory available for new work (Linux MemAvailable; physical memory elsewhere)."""
    with contextlib.suppress(OSError, ValueError):
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return None


def worker_count(jobs: int, max_memory: Optional[int], tasks: int) -> int:
    """Workers to start: `jobs` (0: one per core), no more than the tasks, and no more than the
    available memory holds at `max_memory` each (at least one)."""
    n = max(1, jobs or os.cpu_count() or 1)
    n = min(n, max(1, tasks))
    avail = available_memory() if max_memory else None
    if avail:
        n = min(n, max(1, avail // max_memory))
    return n


def near_limit(peak_before: int, max_memory: Optional[int]) -> bool:
    """Whether this process's peak memory rose, during the work begun at `peak_before`, to near
    its bound: a failure then (a C library's, reported as a damaged file or a scan) is taken for
    a document too large once expanded."""
    if not max_memory:
        return False
    peak = peak_memory()
    return peak > peak_before and peak >= 0.8 * max(max_memory, MIN_MAX_MEMORY)


def peak_memory() -> int:
    """Peak resident memory of this process so far, in bytes (0 when unknown)."""
    with contextlib.suppress(Exception):
        import resource
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss if os.uname().sysname == "Darwin" else rss * 1024
    return 0
