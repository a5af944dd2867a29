"""Batch conversion: many inputs -> per-document outputs and combined outputs in OUTDIR.

Reads: paths (files or folders, walked recursively; files are taken by extension or, for other
names, by content: a PDF without extension, a .docx saved under another name). Writes, in OUTDIR:
`<id>.json` (always: re-runs and combined outputs read it) and `<id>.xlsx` per document;
`documents.csv`, `tasks.csv`, `targets.csv`, `findings.csv`, `plans.jsonl`, `plans.xlsx`,
`plans.sqlite` over the run (and, with `db`, the same tables in a PostgreSQL database, one
transaction per document); `.kehoach-manifest.json` (what was converted from which content);
`kehoach-errors.log` when a document hit an internal error; `.kehoach.lock` (the pid of the run
writing into OUTDIR: a second run waits for it, see `outlock`).

Documents are converted in a process pool (`jobs` workers, fewer when the memory available does
not hold `max_memory` for each), each document under a time bound over its parsing and its
outputs (an alarm in the worker, and a watchdog that kills a worker stuck past it) and a memory
bound (resource limits in the worker, see `workers`); workers die with the batch. Any failure of
one document becomes a failed `DocResult` with a message; the batch goes on. A document whose content hash, tool
version and options are unchanged since the last run is skipped (`force` redoes it). Every file is
written atomically, so an interrupted run leaves no half-written file and the next run resumes
(removing the temporary files a killed run left). The combined outputs cover every document of
OUTDIR's manifest (this run's and earlier runs' into the same folder); they are written to
temporary names and put in place together, or not at all (a full disk leaves the last complete
set). A full disk stops the batch with one message (`Summary.fatal`) and a summary.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import errno
import hashlib
import json
import os
import signal
import time
import traceback
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Optional

from . import expansion, workers
from .errors import KehoachError
from .inputs import RESERVED_IDS, Job, shown, shown_message  # noqa: F401 - Job, RESERVED_IDS: batch API
from .outlock import OutdirLock
from .sniff import Limits
from .writers import atomic
from .writers import json as json_writer

MANIFEST = ".kehoach-manifest.json"
ERROR_LOG = "kehoach-errors.log"
FORMATS = ("json", "csv", "xlsx", "sqlite")
DEFAULT_TIMEOUT = 180.0
DEFAULT_MAX_MEMORY = workers.DEFAULT_MAX_MEMORY
DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
# Failures that depend only on the file's content and the tool: not retried while both are unchanged.
_STABLE_FAILURES = ("unreadable",)


@dataclass
class Options:
    """How to convert. outdir None: convert without writing anything (`kehoach check`)."""
    outdir: Optional[str] = "output"
    formats: tuple = FORMATS
    jobs: int = 0                     # 0: one per core
    force: bool = False
    tone_style: str = "first"
    ocr: str = "auto"                # OCR of PDF pages: auto | never | always
    timeout: float = DEFAULT_TIMEOUT  # seconds per document: parsing and its outputs
    max_memory: Optional[int] = DEFAULT_MAX_MEMORY  # bytes per worker (None: unbounded)
    follow_links: bool = False        # follow symbolic links that leave the input folders
    lock_wait: Optional[float] = None  # seconds to wait for another run into OUTDIR (None: as long as it takes)
    limits: Limits = field(default_factory=Limits)
    keep: tuple = ()                  # extra parts of the plan the results carry: findings, normalization, document
    db: Optional[str] = None          # postgresql:// URL that also receives the combined tables
    parse: Optional[Callable] = None  # path -> Plan; default extract.pipeline.parse


@dataclass
class DocResult:
    """What became of one input. status: ok | skipped (unchanged, outputs kept) | failed.
    error_kind (failed only): unreadable | skipped (not a file, a link left alone) | too-large (past
    the memory bound) | timeout | crash | internal | output | disk-full (not converted: no space)."""
    doc_id: str
    path: str
    status: str
    error: Optional[str] = None
    error_kind: Optional[str] = None
    sha256: Optional[str] = None
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)   # tasks, targets, findings, errors, warnings, pages
    extra: dict = field(default_factory=dict)    # the parts of the plan asked for by Options.keep
    detail: Optional[str] = None                 # traceback of an internal error
    cached: bool = False                         # a failure remembered from an earlier run

    @property
    def has_errors(self) -> bool:
        return bool(self.counts.get("errors"))

    @property
    def has_findings(self) -> bool:
        return bool(self.counts.get("findings"))


@dataclass
class Summary:
    results: list
    seconds: float
    outdir: Optional[str]
    outputs: list = field(default_factory=list)
    rebuilt: bool = False
    fatal: Optional[str] = None   # what stopped the batch (a full disk), said once

    @property
    def halted(self) -> list:
        """Documents not converted because the batch stopped (disk full)."""
        return [r for r in self.results if r.error_kind == "disk-full"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list:
        return [r for r in self.results if r.status == "failed" and r.error_kind != "disk-full"]

    @property
    def with_findings(self) -> int:
        return sum(1 for r in self.results if r.status != "failed" and r.has_findings)

    @property
    def with_errors(self) -> int:
        return sum(1 for r in self.results if r.status != "failed" and r.has_errors)

    @property
    def exit_code(self) -> int:
        """0 all good; 1 some document failed or has an error-level finding."""
        return 1 if self.failed or self.with_errors or self.fatal else 0


# --------------------------------------------------------------------------- finding inputs
def discover(paths: Iterable[str], outdir: Optional[str] = None, follow_links: bool = False) -> tuple:
    """Inputs under `paths` -> (jobs with unique document ids, failed results for entries that
    are not converted: see `extract.inputs`)."""
    from .inputs import assign_ids, discover as find
    jobs, skips = find(paths, outdir, follow_links)
    seen = {j.doc_id.casefold() for j in jobs}
    failures = []
    for skip_ in skips:  # named after their own path; ids unique among the jobs too
        doc_id = assign_ids([(skip_.path, skip_.base)])[0].doc_id
        if doc_id.casefold() in seen:
            doc_id = assign_ids([(skip_.path, skip_.base + "-" + "skipped")])[0].doc_id
        seen.add(doc_id.casefold())
        kind = "skipped" if skip_.reason.startswith("skipped") else "unreadable"
        failures.append(_failed(doc_id, skip_.path, skip_.reason, kind, hint=skip_.hint))
    return jobs, failures


# --------------------------------------------------------------------------- the run
def run(paths: Iterable[str], options: Options, progress=None) -> Summary:
    """Convert every input under `paths` (see the module docstring). `progress`, when given, has
    start(total), started(job), done(result) and finish() (see writers.report.Progress)."""
    outdir = options.outdir
    if not outdir:
        return _run(paths, options, progress)
    atomic.ensure_dir(outdir)
    with OutdirLock(outdir, options.lock_wait):
        atomic.clean_stale(outdir, max_age=0)  # this run holds OUTDIR: every temporary file is stale
        return _run(paths, options, progress)


def _run(paths: Iterable[str], options: Options, progress) -> Summary:
    t0 = time.monotonic()
    outdir = options.outdir
    jobs, failures = discover(paths, outdir, options.follow_links)
    manifest = Manifest.load(outdir) if outdir else None
    fingerprint = options_fingerprint(options)
    results: dict = {r.doc_id: r for r in failures}
    todo: list = []
    for job in jobs:
        try:
            job.sha256 = file_sha256(job.path, options.limits)
        except KehoachError as e:
            results[job.doc_id] = _failed(job.doc_id, job.path, e, "unreadable")
            _remove_outputs(outdir, job.doc_id)
            continue
        old = manifest.unchanged(job, fingerprint, options) if manifest and not options.force else None
        if old is not None:
            results[job.doc_id] = old
        else:
            todo.append(job)
    if manifest:
        for r in failures:
            manifest.record(r, fingerprint)
    if progress:
        progress.start(len(jobs) + len(failures))
        for r in results.values():
            progress.done(r)
    halt: list = []   # the first disk-full error: stops the batch

    def done(result: DocResult) -> None:
        if result.error_kind == "disk-full" and not halt:
            halt.append(result.error)
        results[result.doc_id] = result
        if manifest and result.error_kind != "disk-full":
            manifest.record(result, fingerprint)
        if manifest and result.status == "failed":
            _remove_outputs(outdir, result.doc_id)
        if progress:
            progress.done(result)

    try:
        if todo:
            _convert_all(todo, options, done, progress, halt)
    finally:
        if manifest:
            with contextlib.suppress(atomic.OutputError):
                manifest.save(force=True)
            _write_error_log(outdir, results.values())
    ordered = [results[k] for k in sorted(results, key=str.casefold)]
    summary = Summary(results=ordered, seconds=0.0, outdir=outdir)
    if outdir:
        fatal = _disk_full_text(outdir, ordered) if halt else None
        if fatal is None and manifest.error is not None:
            fatal = (f"{shown(outdir)}: cannot write the record of this run ({_reason(manifest.error)}); the "
                     f"combined outputs were not updated — {_AGAIN}")
        if fatal is None:
            try:
                summary.outputs, summary.rebuilt = build_combined(outdir, manifest.covered(ordered),
                                                                  options.formats, manifest)
                manifest.save(force=True)
            except atomic.OutputError as e:
                fatal = (f"{shown(outdir)}: cannot write the combined outputs ({_reason(e)}); they were left as "
                         f"the last complete run wrote them — {_AGAIN}")
        summary.fatal = fatal
        if summary.fatal is None and options.db:
            try:
                summary.outputs.append(write_database(options.db, outdir, manifest.covered(ordered)))
            except atomic.OutputError as e:
                summary.fatal = str(e)
    summary.seconds = time.monotonic() - t0
    if progress:
        progress.finish()
    return summary


_AGAIN = "free some space (or fix the folder) and run the same command again to finish"


def _reason(e: atomic.OutputError) -> str:
    return "the disk is full" if getattr(e, "errno", None) in DISK_FULL else str(e.reason)


def _disk_full_text(outdir: str, results: list) -> str:
    stopped = sum(1 for r in results if r.error_kind == "disk-full")
    done_n = sum(1 for r in results if r.status in ("ok", "skipped"))
    return (f"{shown(outdir)}: the disk is full; {done_n} documents converted, {stopped} not converted, "
            f"the combined outputs not updated — {_AGAIN}")


def file_sha256(path: str, limits: Limits = Limits()) -> str:
    """SHA-256 of a file's bytes; UnreadableFile when it cannot be read (the dispatch's messages)."""
    from .readers import check as check_file  # missing, folder, permissions, size, kind
    from .readers import sha256_file

    check_file(path, limits)
    try:
        return sha256_file(path)
    except OSError as e:
        raise KehoachError(f"cannot read the file ({e.strerror})", path, "check the disk and the path") from None


def options_fingerprint(options: Options) -> str:
    """What besides the content decides a document's outputs: tool code, tone style, OCR, the
    per-document formats and the limits."""
    key = json.dumps([tool_fingerprint(), options.tone_style, options.ocr, "xlsx" in options.formats,
                      asdict(options.limits)])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


_TOOL_FP: Optional[str] = None


def tool_fingerprint() -> str:
    """The tool version plus a hash of the package's source, so a changed extractor redoes documents."""
    global _TOOL_FP
    if _TOOL_FP is None:
        from . import __version__
        h = hashlib.sha256(__version__.encode())
        root = os.path.dirname(os.path.abspath(__file__))
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".py", ".json", ".txt", ".tsv", ".csv")):
                    with contextlib.suppress(OSError), open(os.path.join(folder, name), "rb") as fh:
                        h.update(name.encode() + fh.read())
        _TOOL_FP = f"{__version__}+{h.hexdigest()[:12]}"
    return _TOOL_FP


# --------------------------------------------------------------------------- the pool
def _convert_all(todo: list, options: Options, done: Callable, progress, halt: Optional[list] = None) -> None:
    """Run the jobs in a process pool. A worker that crashes breaks the pool: the jobs then in
    flight are re-run one at a time to find the culprit. A job past its time bound that the
    worker's alarm could not stop is ended by killing the pool. Once `halt` holds a reason (a full
    disk), no more jobs start: the rest are reported as not converted."""
    halt = [] if halt is None else halt
    n = workers.worker_count(options.jobs, options.max_memory, len(todo))
    suspects = _pool_pass(deque(todo), n, options, done, progress, halt)
    for job in suspects:  # alone in a pool: if it crashes again it is the culprit
        for rest in _pool_pass(deque([job]), 1, options, done, progress, halt):
            done(_failed(rest.doc_id, rest.path, "the converter process crashed on this file (out of memory?)",
                         "crash", sha=rest.sha256, hint="report it with the file; try --max-size or more memory"))


def _pool_pass(pending: deque, n: int, options: Options, done: Callable, progress, halt: list) -> list:
    """One pool over `pending`; returns the jobs lost in a pool crash."""
    suspects: list = []
    hard = options.timeout * 1.2 + 2.0  # the alarm fires at `timeout`; this is for code it cannot reach
    while pending:
        if halt:
            while pending:
                job = pending.popleft()
                done(_failed(job.doc_id, job.path, "not converted: the disk is full", "disk-full", sha=job.sha256))
            break
        pool = cf.ProcessPoolExecutor(max_workers=min(n, len(pending)), initializer=_init_worker,
                                      initargs=(options.limits, options.max_memory))
        inflight: dict = {}
        crashed = killed = False
        try:
            while (pending and not halt or inflight) and not (crashed or killed):
                while pending and not halt and len(inflight) < n:
                    job = pending.popleft()
                    inflight[pool.submit(_work, job, options)] = (job, time.monotonic())
                    if progress:
                        progress.started(job)
                finished, _ = cf.wait(inflight, timeout=0.5, return_when=cf.FIRST_COMPLETED)
                for fut in finished:
                    job, _t = inflight.pop(fut)
                    try:
                        done(fut.result())
                    except cf.process.BrokenProcessPool:
                        crashed = True
                        suspects.append(job)
                    except Exception as e:  # noqa: BLE001 - e.g. a result that cannot be pickled
                        done(_internal(job, e))
                now = time.monotonic()
                for fut, (job, t) in list(inflight.items()):
                    if now - t > hard and not fut.done():
                        inflight.pop(fut)
                        done(_timeout(job, options.timeout))
                        killed = True
            # A crash leaves no telling which job caused it: all in flight are suspects. A kill
            # (watchdog) knows its culprit: the others are simply run again.
            for job, _t in inflight.values():
                (suspects.append if crashed else pending.appendleft)(job)
        finally:
            stop = crashed or killed or bool(inflight)
            if stop:
                _kill(pool)
            pool.shutdown(wait=not stop, cancel_futures=True)
    return suspects


def _kill(pool: cf.ProcessPoolExecutor) -> None:
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            proc.kill()


def _init_worker(limits: Limits, max_memory: Optional[int] = None) -> None:
    """Worker set-up: it dies with the batch; Ctrl-C is the parent's to handle; the input limits
    apply to every read; its memory is bounded."""
    workers.die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .readers import set_limits
    set_limits(limits)
    workers.limit_memory(max_memory)


class DocumentTimeout(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in a stage swallows it."""


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise DocumentTimeout in the main thread after `seconds` (POSIX alarm; no-op elsewhere)."""
    if not seconds or not hasattr(signal, "setitimer") or os.name != "posix":
        yield
        return
    try:
        old = signal.signal(signal.SIGALRM, _alarm)
    except ValueError:  # not the main thread
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _alarm(signum, frame):
    raise DocumentTimeout()


def convert_one(path: str, options: Options) -> dict:
    """Parse one file into the plan dict, under the time bound (raises KehoachError,
    DocumentTimeout, or anything a bug raises)."""
    with time_limit(options.timeout):
        return _parse(path, options)


def _parse(path: str, options: Options) -> dict:
    parse = options.parse
    if parse is None:  # the batch has hashed the file already (job.sha256): read it only once more
        from .pipeline import read_plan as parse
    plan = parse(path, tone_style=options.tone_style, ocr=options.ocr)
    plan = plan.to_dict() if hasattr(plan, "to_dict") else plan
    inp = plan.setdefault("input", {})
    for key in ("path", "name"):  # a name that is not UTF-8, or holds control characters
        if isinstance(inp.get(key), str):
            inp[key] = shown(inp[key])
    return plan


def _work(job: Job, options: Options) -> DocResult:
    """In a worker: convert one document and write its own outputs, the whole under the time
    bound; never raises."""
    t0 = time.monotonic()
    peak = workers.peak_memory()
    try:
        with time_limit(options.timeout):
            expansion.check(job.path, options.max_memory)
            plan = _parse(job.path, options)
            inp = plan["input"]
            if not inp.get("sha256"):
                inp["sha256"] = job.sha256
            if options.outdir:
                base = os.path.join(options.outdir, job.doc_id)
                json_writer.write_plan(base + ".json", plan)
                if "xlsx" in options.formats:
                    from .writers.xlsx import write_plan_xlsx
                    write_plan_xlsx(base + ".xlsx", job.doc_id, plan)
    except atomic.OutputError as e:
        kind = "disk-full" if getattr(e, "errno", None) in DISK_FULL else "output"
        return _failed(job.doc_id, job.path, e, kind, sha=job.sha256, seconds=time.monotonic() - t0)
    except KehoachError as e:
        if str(e.reason).startswith(workers.REFUSED):
            return _failed(job.doc_id, job.path, e, "too-large", sha=job.sha256, seconds=time.monotonic() - t0)
        if _out_of_memory(e) or workers.near_limit(peak, options.max_memory):
            return _too_large(job, options, time.monotonic() - t0)
        return _failed(job.doc_id, job.path, e, "unreadable", sha=job.sha256, seconds=time.monotonic() - t0)
    except DocumentTimeout:
        return _timeout(job, options.timeout)
    except RecursionError as e:
        return _internal(job, e)
    except MemoryError:
        return _too_large(job, options, time.monotonic() - t0)
    except Exception as e:  # noqa: BLE001 - a bug: reported with the file, never a traceback on screen
        if _out_of_memory(e) or workers.near_limit(peak, options.max_memory):
            return _too_large(job, options, time.monotonic() - t0)
        return _internal(job, e)
    return DocResult(doc_id=job.doc_id, path=job.path, status="ok", sha256=job.sha256,
                     seconds=time.monotonic() - t0, counts=plan_counts(plan),
                     extra={k: plan.get(k) for k in options.keep})


def _out_of_memory(e: BaseException) -> bool:
    """An error caused by a failed allocation (MemoryError somewhere in its chain, or a C
    library's "memory allocation failed")."""
    seen = 0
    while e is not None and seen < 10:
        if isinstance(e, MemoryError) or "memory allocation failed" in str(e).lower() \
                or "ran out of memory" in str(e).lower():
            return True
        e, seen = e.__cause__ or e.__context__, seen + 1
    return False


def _too_large(job: Job, options: Options, seconds: float) -> DocResult:
    bound = f"{options.max_memory / workers.MB:.0f} MB" if options.max_memory else "the memory available"
    return _failed(job.doc_id, job.path, f"{workers.REFUSED} (it needs more than {bound} of memory)",
                   "too-large", sha=job.sha256, seconds=seconds,
                   hint="raise the bound with --max-memory if the file is an ordinary plan")


def plan_counts(plan: dict) -> dict:
    sev = [f.get("severity") for f in plan.get("findings") or []]
    return {"tasks": len(plan.get("tasks") or []), "targets": len(plan.get("targets") or []),
            "findings": len(sev), "errors": sev.count("error"), "warnings": sev.count("warning"),
            "pages": (plan.get("input") or {}).get("pages")}


def _failed(doc_id: str, path: str, error, kind: str, sha: Optional[str] = None, seconds: float = 0.0,
            hint: Optional[str] = None) -> DocResult:
    """A failed result; its message names the input (safe to print: see inputs.shown)."""
    if isinstance(error, KehoachError):
        message = str(error)
        if getattr(error, "path", None) is None:
            message = f"{path}: {message}"
    else:
        message = f"{path}: {error}" + (f" — {hint}" if hint else "")
    return DocResult(doc_id=doc_id, path=path, status="failed", error=shown_message(message), error_kind=kind,
                     sha256=sha, seconds=seconds)


def _timeout(job: Job, seconds: float) -> DocResult:
    return _failed(job.doc_id, job.path, f"conversion took longer than {seconds:.0f} s and was stopped",
                   "timeout", sha=job.sha256, seconds=seconds,
                   hint="raise the limit with --timeout, or report the file if it is an ordinary plan")


def _internal(job: Job, e: BaseException) -> DocResult:
    r = _failed(job.doc_id, job.path, f"internal error ({type(e).__name__}: {str(e)[:200]})", "internal",
                sha=job.sha256, hint=f"this is a bug in kehoach: please report it with the file "
                                     f"(details in {ERROR_LOG})")
    r.detail = "".join(traceback.format_exception(type(e), e, e.__traceback__))
    return r


def _remove_outputs(outdir: Optional[str], doc_id: str) -> None:
    """A document that now fails loses the outputs of an earlier conversion (never stale data)."""
    if outdir:
        for ext in (".json", ".xlsx"):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(outdir, doc_id + ext))


def _write_error_log(outdir: str, results) -> None:
    """Tracebacks of this run's internal errors into ERROR_LOG (removed when there are none)."""
    path = os.path.join(outdir, ERROR_LOG)
    details = [r for r in results if r.detail]
    if details:
        text = "".join(f"== {shown(r.path)}\n{shown_message(r.detail)}\n" for r in details)
        with contextlib.suppress(KehoachError):
            atomic.write_text(path, text)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


# --------------------------------------------------------------------------- manifest
class Manifest:
    """OUTDIR/.kehoach-manifest.json: per document id, the source path, its SHA-256, the options
    fingerprint, the status and counts of its last conversion. Saved atomically, at most every
    two seconds during a run and at its end, so a killed run resumes where it stopped."""

    def __init__(self, outdir: str, docs: dict, combined: Optional[str]):
        self.outdir = outdir
        self.docs = docs
        self.combined = combined
        self._saved = time.monotonic()
        self._dirty = False
        self.error: Optional[atomic.OutputError] = None  # why it could not be saved (a full disk)

    @classmethod
    def load(cls, outdir: str) -> "Manifest":
        try:
            with open(os.path.join(outdir, MANIFEST), encoding="utf-8") as fh:
                data = json.load(fh)
            return cls(outdir, dict(data.get("documents") or {}), data.get("combined"))
        except (OSError, ValueError, AttributeError):
            return cls(outdir, {}, None)

    def unchanged(self, job: Job, fingerprint: str, options: Options) -> Optional[DocResult]:
        """The remembered result of `job` when its content and fingerprint are unchanged and its
        outputs are still there; None when it must be converted."""
        rec = self.docs.get(job.doc_id)
        if not rec or rec.get("sha256") != job.sha256 or rec.get("fingerprint") != fingerprint:
            return None
        if rec.get("status") == "ok":
            base = os.path.join(self.outdir, job.doc_id)
            wanted = [".json"] + ([".xlsx"] if "xlsx" in options.formats else [])
            if not all(os.path.isfile(base + ext) for ext in wanted):
                return None
            return DocResult(doc_id=job.doc_id, path=job.path, status="skipped", sha256=job.sha256,
                             counts=rec.get("counts") or {}, extra=self._extra(job.doc_id, options))
        if rec.get("error_kind") in _STABLE_FAILURES:
            return DocResult(doc_id=job.doc_id, path=job.path, status="failed", error=rec.get("error"),
                             error_kind=rec.get("error_kind"), sha256=job.sha256, cached=True)
        return None

    def _extra(self, doc_id: str, options: Options) -> dict:
        if not options.keep:
            return {}
        try:
            plan = json_writer.read_plan(os.path.join(self.outdir, doc_id + ".json"))
        except (OSError, ValueError):
            return {}
        return {k: plan.get(k) for k in options.keep}

    def record(self, r: DocResult, fingerprint: str) -> None:
        old = self.docs.get(r.doc_id) or {}
        if r.status == "failed" and all(old.get(k) == v for k, v in (
                ("status", r.status), ("error", r.error), ("error_kind", r.error_kind), ("sha256", r.sha256),
                ("fingerprint", fingerprint))):
            return  # the same failure as last time: the manifest stays as it is
        self.docs[r.doc_id] = {"path": shown(os.path.abspath(r.path)), "sha256": r.sha256, "fingerprint": fingerprint,
                               "status": r.status, "error": r.error, "error_kind": r.error_kind,
                               "counts": r.counts, "converted": time.strftime("%Y-%m-%dT%H:%M:%S")}
        self._dirty = True
        with contextlib.suppress(atomic.OutputError):  # kept in memory; the end of the run says why
            self.save()

    def save(self, force: bool = False) -> None:
        """Write the manifest if it changed (at most every two seconds unless `force`). Raises
        OutputError (and remembers it in `error`) when it cannot be written."""
        if not self._dirty or not force and time.monotonic() - self._saved < 2.0:
            return
        data = {"tool": tool_fingerprint(), "combined": self.combined, "documents": self.docs}
        try:
            atomic.write_text(os.path.join(self.outdir, MANIFEST), json.dumps(data, ensure_ascii=False, indent=1))
        except atomic.OutputError as e:
            self.error = e
            raise
        self._saved, self._dirty, self.error = time.monotonic(), False, None

    def covered(self, results: list) -> list:
        """What the combined outputs describe: this run's `results`, plus the documents of earlier
        runs into OUTDIR (by its manifest) that are not among them: converted ones whose JSON is
        still in OUTDIR, failed ones whose input is still there."""
        have = {r.doc_id for r in results}
        out = list(results)
        for doc_id, rec in self.docs.items():
            if doc_id in have or not isinstance(rec, dict) or rec.get("error_kind") == "disk-full":
                continue
            path = rec.get("path") or doc_id
            if rec.get("status") == "ok":
                if not os.path.isfile(os.path.join(self.outdir, doc_id + ".json")):
                    continue
                out.append(DocResult(doc_id=doc_id, path=path, status="skipped", sha256=rec.get("sha256"),
                                     counts=rec.get("counts") or {}))
            elif os.path.lexists(path):
                out.append(DocResult(doc_id=doc_id, path=path, status="failed", error=rec.get("error"),
                                     error_kind=rec.get("error_kind"), sha256=rec.get("sha256"), cached=True))
        return sorted(out, key=lambda r: r.doc_id.casefold())


# --------------------------------------------------------------------------- combined outputs
def combined_names(formats: tuple) -> list:
    names = []
    if "csv" in formats:
        names += ["documents.csv", "tasks.csv", "targets.csv", "findings.csv"]
    if "json" in formats:
        names.append("plans.jsonl")
    if "xlsx" in formats:
        names.append("plans.xlsx")
    if "sqlite" in formats:
        names.append("plans.sqlite")
    return names


def build_combined(outdir: str, results: list, formats: tuple, manifest: Optional[Manifest] = None) -> tuple:
    """Rebuild the combined outputs from the per-document JSON files of `results` (converted and
    skipped alike; failed ones are rows of documents with their error). Skipped when nothing
    changed since they were built. Returns (paths, rebuilt)."""
    names = combined_names(formats)
    paths = [os.path.join(outdir, n) for n in names]
    key = hashlib.sha256(json.dumps(
        [names, [(r.doc_id, r.status == "failed", r.sha256, r.error) for r in results],
         tool_fingerprint()]).encode()).hexdigest()
    if manifest is not None and manifest.combined == key and all(os.path.isfile(p) for p in paths):
        return paths, False
    sinks: list = []
    try:
        with atomic.staged():  # every file to a temporary name; all put in place at the end, or none
            if "csv" in formats:
                from .writers.csv import CombinedCSV
                sinks.append(CombinedCSV(outdir))
            if "json" in formats:
                sinks.append(_Jsonl(os.path.join(outdir, "plans.jsonl")))
            if "xlsx" in formats:
                from .writers.xlsx import PlanSheets
                sinks.append(PlanSheets(os.path.join(outdir, "plans.xlsx")))
            if "sqlite" in formats:
                from .writers.sqlite import PlanDatabase
                sinks.append(PlanDatabase(os.path.join(outdir, "plans.sqlite")))
            for r in results:
                plan, status, error = _stored_plan(outdir, r)
                for s in sinks:
                    s.add(r.doc_id, plan, status, error, shown(r.path))
            for s in sinks:
                (s.save if hasattr(s, "save") else s.close)()
    except BaseException as e:
        for s in sinks:
            with contextlib.suppress(Exception):
                s.abort() if hasattr(s, "abort") else None
        if isinstance(e, OSError):  # a write that failed outside the atomic writer (a full disk)
            raise atomic.output_error(e, os.path.join(outdir, names[0] if names else "plans")) from None
        raise
    if manifest is not None:
        manifest.combined = key
        manifest._dirty = True
    return paths, True


def _stored_plan(outdir: str, r: DocResult) -> tuple:
    """(plan dict or None, status, error) of a result, its plan read from `<id>.json`."""
    if r.status == "failed":
        return None, "failed", r.error
    try:
        return json_writer.read_plan(os.path.join(outdir, r.doc_id + ".json")), "ok", None
    except (OSError, ValueError) as e:
        return None, "failed", f"{shown(r.path)}: its output {r.doc_id}.json cannot be read ({e})"


def write_database(url: str, outdir: str, results: list) -> str:
    """Write every result into the PostgreSQL database at `url`, one transaction per document
    (see writers.postgres); returns the URL without password."""
    from .writers.postgres import PostgresDatabase, safe_url
    db = PostgresDatabase(url)
    try:
        for r in results:
            plan, status, error = _stored_plan(outdir, r)
            db.add(r.doc_id, plan, status, error, shown(r.path))
    finally:
        db.close()
    return safe_url(url)


class _Jsonl:
    def __init__(self, path: str):
        self._ctx = atomic.atomic_open(path, "w", encoding="utf-8", newline="\n")
        self._fh = self._ctx.__enter__()

    def add(self, doc_id, plan, status="ok", error=None, path=None):
        if plan:
            self._fh.write(json_writer.jsonl_line(doc_id, plan))

    def close(self):
        self._ctx.__exit__(None, None, None)

    def abort(self):
        self._ctx.__exit__(RuntimeError, RuntimeError("aborted"), None)
