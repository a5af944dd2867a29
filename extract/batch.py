"""Batch conversion: many inputs -> per-document outputs and combined outputs in OUTDIR.

Reads: paths (files or folders, walked recursively; files are taken by extension or, for other
names, by content: a PDF without extension, a .docx saved under another name). Writes, in OUTDIR:
`<id>.json` (always: re-runs and combined outputs read it) and `<id>.xlsx` per document;
`documents.csv`, `tasks.csv`, `targets.csv`, `findings.csv`, `plans.jsonl`, `plans.xlsx`,
`plans.sqlite` over the run; `.kehoach-manifest.json` (what was converted from which content);
`kehoach-errors.log` when a document hit an internal error.

Documents are converted in a process pool (`jobs` workers), each under a time bound (an alarm in
the worker, and a watchdog that kills a worker stuck past it). Any failure of one document becomes
a failed `DocResult` with a message; the batch goes on. A document whose content hash, tool
version and options are unchanged since the last run is skipped (`force` redoes it). Every file is
written atomically, so an interrupted run leaves no half-written file and the next run resumes.
"""
from __future__ import annotations

import concurrent.futures as cf
import contextlib
import hashlib
import json
import os
import signal
import time
import traceback
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable, Optional

from . import sniff
from .errors import KehoachError
from .sniff import Limits
from .writers import atomic
from .writers import json as json_writer

MANIFEST = ".kehoach-manifest.json"
ERROR_LOG = "kehoach-errors.log"
FORMATS = ("json", "csv", "xlsx", "sqlite")
RESERVED_IDS = {"plans", "documents", "tasks", "targets", "findings", "sections", "kehoach-errors"}
DEFAULT_TIMEOUT = 180.0
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
    ocr: str = "auto"               # OCR of PDF pages: auto | never | always
    timeout: float = DEFAULT_TIMEOUT  # seconds per document
    limits: Limits = field(default_factory=Limits)
    keep: tuple = ()                  # extra parts of the plan the results carry: findings, normalization, document
    parse: Optional[Callable] = None  # path -> Plan; default extract.pipeline.parse


@dataclass
class Job:
    path: str
    doc_id: str
    sha256: Optional[str] = None


@dataclass
class DocResult:
    """What became of one input. status: ok | skipped (unchanged, outputs kept) | failed.
    error_kind (failed only): unreadable | timeout | crash | internal | output."""
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

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failed(self) -> list:
        return [r for r in self.results if r.status == "failed"]

    @property
    def with_findings(self) -> int:
        return sum(1 for r in self.results if r.status != "failed" and r.has_findings)

    @property
    def with_errors(self) -> int:
        return sum(1 for r in self.results if r.status != "failed" and r.has_errors)

    @property
    def exit_code(self) -> int:
        """0 all good; 1 some document failed or has an error-level finding."""
        return 1 if self.failed or self.with_errors else 0


# --------------------------------------------------------------------------- finding inputs
def discover(paths: Iterable[str], outdir: Optional[str] = None) -> tuple:
    """Inputs under `paths` -> (jobs with unique document ids, failed results for paths that
    cannot be read). Files named on the command line are always taken; in folders, files with a
    known extension, and others whose content is a PDF or Word file. Hidden files, Word lock files
    (~$x.docx) and OUTDIR are left out."""
    found: list = []      # (path, relative id base)
    failures: list = []
    skip_dir = os.path.realpath(outdir) if outdir else None
    for arg in paths:
        arg = os.fspath(arg)
        if not os.path.lexists(arg):
            failures.append(_failed(arg, arg, "no such file or folder", "unreadable", hint="check the path"))
        elif os.path.isdir(arg):
            _walk(arg, skip_dir, found, failures)
        else:
            found.append((arg, os.path.splitext(os.path.basename(arg))[0]))
    return _assign_ids(found), failures


def _walk(root: str, skip_dir: Optional[str], found: list, failures: list) -> None:
    def onerror(e: OSError) -> None:
        where = e.filename or root
        failures.append(_failed(where, where, f"cannot open the folder ({e.strerror})", "unreadable",
                                hint="give the user running kehoach read access"))

    for folder, dirs, files in os.walk(root, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and os.path.realpath(os.path.join(folder, d)) != skip_dir)
        for name in sorted(files):
            if name.startswith((".", "~$")):
                continue
            path = os.path.join(folder, name)
            if sniff.kind_of_extension(name) is None and not _sniffed_document(path):
                continue
            rel = os.path.relpath(path, root)
            found.append((path, os.path.splitext(rel)[0].replace(os.sep, "/")))


def _sniffed_document(path: str) -> bool:
    """A file of another extension taken because its content is a PDF or a Word file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(sniff.HEAD_BYTES)
    except OSError:
        return False
    kind = sniff.sniff_bytes(head)
    return kind in ("pdf", "doc") or kind == "zip" and sniff.sniff(path) == "docx"


def _assign_ids(found: list) -> list:
    """Unique, stable document ids: the relative path without extension; the extension added
    where two inputs share one, then a short hash of the full path if still equal."""
    by_id: dict = {}
    for path, base in found:
        by_id.setdefault(base.casefold(), []).append((path, base))
    jobs, seen = [], set()
    for group in by_id.values():
        for path, base in group:
            doc_id = base
            if len(group) > 1:
                doc_id = f"{base}-{os.path.splitext(path)[1].lstrip('.').lower() or 'file'}"
            if doc_id.casefold() in seen or doc_id.casefold() in RESERVED_IDS:
                doc_id = f"{doc_id}-{hashlib.sha1(os.path.abspath(path).encode()).hexdigest()[:8]}"
            seen.add(doc_id.casefold())
            jobs.append(Job(path=path, doc_id=doc_id))
    return sorted(jobs, key=lambda j: j.doc_id)


# --------------------------------------------------------------------------- the run
def run(paths: Iterable[str], options: Options, progress=None) -> Summary:
    """Convert every input under `paths` (see the module docstring). `progress`, when given, has
    start(total), started(job), done(result) and finish() (see writers.report.Progress)."""
    t0 = time.monotonic()
    outdir = options.outdir
    if outdir:
        atomic.ensure_dir(outdir)
        atomic.clean_stale(outdir)
    jobs, failures = discover(paths, outdir)
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
    if progress:
        progress.start(len(jobs) + len(failures))
        for r in results.values():
            progress.done(r)

    def done(result: DocResult) -> None:
        results[result.doc_id] = result
        if manifest:
            manifest.record(result, fingerprint)
            if result.status == "failed":
                _remove_outputs(outdir, result.doc_id)
        if progress:
            progress.done(result)

    try:
        if todo:
            _convert_all(todo, options, done, progress)
    finally:
        if manifest:
            manifest.save(force=True)
            _write_error_log(outdir, results.values())
    ordered = [results[k] for k in sorted(results, key=str.casefold)]
    summary = Summary(results=ordered, seconds=0.0, outdir=outdir)
    if outdir:
        summary.outputs, summary.rebuilt = build_combined(outdir, ordered, options.formats, manifest)
        manifest.save(force=True)
    summary.seconds = time.monotonic() - t0
    if progress:
        progress.finish()
    return summary


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
def _convert_all(todo: list, options: Options, done: Callable, progress) -> None:
    """Run the jobs in a process pool. A worker that crashes breaks the pool: the jobs then in
    flight are re-run one at a time to find the culprit. A job past its time bound that the
    worker's alarm could not stop is ended by killing the pool."""
    n = max(1, options.jobs or os.cpu_count() or 1)
    suspects = _pool_pass(deque(todo), n, options, done, progress)
    for job in suspects:  # alone in a pool: if it crashes again it is the culprit
        for rest in _pool_pass(deque([job]), 1, options, done, progress):
            done(_failed(rest.doc_id, rest.path, "the converter process crashed on this file (out of memory?)",
                         "crash", sha=rest.sha256, hint="report it with the file; try --max-size or more memory"))


def _pool_pass(pending: deque, n: int, options: Options, done: Callable, progress) -> list:
    """One pool over `pending`; returns the jobs lost in a pool crash."""
    suspects: list = []
    hard = options.timeout * 1.2 + 2.0  # the alarm fires at `timeout`; this is for code it cannot reach
    while pending:
        pool = cf.ProcessPoolExecutor(max_workers=min(n, len(pending)), initializer=_init_worker,
                                      initargs=(options.limits,))
        inflight: dict = {}
        crashed = killed = False
        try:
            while (pending or inflight) and not (crashed or killed):
                while pending and len(inflight) < n:
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


def _init_worker(limits: Limits) -> None:
    """Worker set-up: Ctrl-C is the parent's to handle; the input limits apply to every read."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from .readers import set_limits
    set_limits(limits)


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
    parse = options.parse
    if parse is None:  # the batch has hashed the file already (job.sha256): read it only once more
        from .pipeline import read_plan as parse
    with time_limit(options.timeout):
        plan = parse(path, tone_style=options.tone_style, ocr=options.ocr)
        return plan.to_dict() if hasattr(plan, "to_dict") else plan


def _work(job: Job, options: Options) -> DocResult:
    """In a worker: convert one document and write its own outputs; never raises."""
    t0 = time.monotonic()
    try:
        plan = convert_one(job.path, options)
        inp = plan.setdefault("input", {})
        if not inp.get("sha256"):
            inp["sha256"] = job.sha256
        if options.outdir:
            base = os.path.join(options.outdir, job.doc_id)
            json_writer.write_plan(base + ".json", plan)
            if "xlsx" in options.formats:
                from .writers.xlsx import write_plan_xlsx
                write_plan_xlsx(base + ".xlsx", job.doc_id, plan)
    except atomic.OutputError as e:
        return _failed(job.doc_id, job.path, e, "output", sha=job.sha256, seconds=time.monotonic() - t0)
    except KehoachError as e:
        return _failed(job.doc_id, job.path, e, "unreadable", sha=job.sha256, seconds=time.monotonic() - t0)
    except DocumentTimeout:
        return _timeout(job, options.timeout)
    except RecursionError as e:
        return _internal(job, e)
    except MemoryError:
        return _failed(job.doc_id, job.path, "ran out of memory converting it", "crash", sha=job.sha256,
                       hint="split the document or convert it on a machine with more memory")
    except Exception as e:  # noqa: BLE001 - a bug: reported with the file, never a traceback on screen
        return _internal(job, e)
    return DocResult(doc_id=job.doc_id, path=job.path, status="ok", sha256=job.sha256,
                     seconds=time.monotonic() - t0, counts=plan_counts(plan),
                     extra={k: plan.get(k) for k in options.keep})


def plan_counts(plan: dict) -> dict:
    sev = [f.get("severity") for f in plan.get("findings") or []]
    return {"tasks": len(plan.get("tasks") or []), "targets": len(plan.get("targets") or []),
            "findings": len(sev), "errors": sev.count("error"), "warnings": sev.count("warning"),
            "pages": (plan.get("input") or {}).get("pages")}


def _failed(doc_id: str, path: str, error, kind: str, sha: Optional[str] = None, seconds: float = 0.0,
            hint: Optional[str] = None) -> DocResult:
    if isinstance(error, KehoachError):
        message = str(error)
        if getattr(error, "path", None) is None:
            message = f"{path}: {message}"
    else:
        message = f"{path}: {error}" + (f" — {hint}" if hint else "")
    return DocResult(doc_id=doc_id, path=path, status="failed", error=message, error_kind=kind, sha256=sha,
                     seconds=seconds)


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
        text = "".join(f"== {r.path}\n{r.detail}\n" for r in details)
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
        self.docs[r.doc_id] = {"path": os.path.abspath(r.path), "sha256": r.sha256, "fingerprint": fingerprint,
                               "status": r.status, "error": r.error, "error_kind": r.error_kind,
                               "counts": r.counts, "converted": time.strftime("%Y-%m-%dT%H:%M:%S")}
        self._dirty = True
        self.save()

    def save(self, force: bool = False) -> None:
        """Write the manifest if it changed (at most every two seconds unless `force`)."""
        if not self._dirty or not force and time.monotonic() - self._saved < 2.0:
            return
        data = {"tool": tool_fingerprint(), "combined": self.combined, "documents": self.docs}
        atomic.write_text(os.path.join(self.outdir, MANIFEST), json.dumps(data, ensure_ascii=False, indent=1))
        self._saved, self._dirty = time.monotonic(), False


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
    sinks = []
    try:
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
            plan = None
            status, error = ("ok", None) if r.status != "failed" else ("failed", r.error)
            if status == "ok":
                try:
                    plan = json_writer.read_plan(os.path.join(outdir, r.doc_id + ".json"))
                except (OSError, ValueError) as e:
                    status, error = "failed", f"{r.path}: its output {r.doc_id}.json cannot be read ({e})"
            for s in sinks:
                s.add(r.doc_id, plan, status, error, r.path)
        for s in sinks:
            (s.save if hasattr(s, "save") else s.close)()
    except BaseException:
        for s in sinks:
            with contextlib.suppress(Exception):
                s.abort() if hasattr(s, "abort") else None
        raise
    if manifest is not None:
        manifest.combined = key
        manifest._dirty = True
    return paths, True


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
