"""The `kehoach` command (also `python -m extract`): argument parsing and printing only; the work
is done by `extract.batch` and `extract.writers`. Exit codes: 0 all good, 1 some document failed
or has an error-level finding, 2 usage error (130 when interrupted)."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .errors import KehoachError

EXIT_CODES = """exit codes:
  0  all documents converted, none with an error-level finding
  1  some document failed or has an error-level finding (or the output cannot be written)
  2  usage error (bad option, missing argument)"""

_CONVERT_EPILOG = """examples:
  kehoach convert ke-hoach.docx                    # -> output/ke-hoach.json, .xlsx and the combined files
  kehoach convert plans/ -o out --jobs 4           # a whole folder, recursively, 4 at a time
  kehoach convert plan.pdf -o - --format json      # the plan JSON on standard output
  kehoach convert plans/ --format csv,sqlite       # only the combined tables (and the per-plan JSON)
  kehoach convert plans/ --db postgresql://me@dbhost/plans   # also into a PostgreSQL database
  kehoach convert plans/ --report                  # also the HTML review report in output/report/

outputs in OUTDIR:
  <name>.json          the plan (always written: re-runs and the combined outputs read it)
  <name>.xlsx          one sheet per table (xlsx)
  documents.csv tasks.csv targets.csv findings.csv   over all documents, UTF-8 with BOM (csv)
  plans.jsonl          one plan per line (json)
  plans.xlsx           all documents' tables (xlsx)
  plans.sqlite         tables documents, sections, tasks, targets, findings, task_units (sqlite)
  report/index.html    the HTML review report (--report; see `kehoach report --help`)
With --db, the same tables in PostgreSQL (keys (document_id, id), foreign keys to documents),
each document replaced in one transaction.
A document whose content and the tool are unchanged since the last run into OUTDIR is skipped
(--force redoes it). Failed documents are listed with their reason; the others still convert.
The combined files cover every document converted into OUTDIR, by this run and earlier ones (its
manifest .kehoach-manifest.json; delete a document's <name>.json to drop it); they are replaced
together at the end of a run, or not at all (a full disk leaves the last complete set). One run
at a time writes into OUTDIR (.kehoach.lock holds its pid); a second one waits for it.

inputs:
  Folders are walked recursively; hidden files and Word lock files (~$x.docx) are left out. Named
  pipes, sockets and devices are skipped with a message, never opened. Symbolic links (to files
  and folders alike) are followed when they point inside the folder being converted, each folder
  once (a loop is reported); a link pointing outside it is skipped with a message unless
  --follow-links. Output names are made from the input names: control and bidi characters and
  bytes that are not UTF-8 are replaced, long names shortened with a hash.

limits:
  --timeout bounds the whole work on one document (reading it and writing its outputs);
  --max-memory bounds each worker process (a document that expands past it is "refused: too
  large once expanded"); fewer workers than --jobs run when the memory available cannot hold
  --max-memory for each. Workers end with the batch, even when it is killed.

""" + EXIT_CODES

_CHECK_EPILOG = """examples:
  kehoach check ke-hoach.docx
  kehoach check plans/ --jobs 4

Prints the findings of each document (errors first) in one block per document.

""" + EXIT_CODES

_REPORT_EPILOG = """examples:
  kehoach report output/                       # the plans converted earlier into output/ (no re-reading)
  kehoach report plans/ -o report              # convert the documents of plans/ and report on them
  kehoach report a.docx b.pdf output/x.json    # documents and plan JSON files together
  kehoach convert plans/ -o out --report       # convert and write out/report/ in one go

Writes a static report folder (open OUTDIR/index.html in a browser; it works offline and prints on
A4 landscape): index.html lists every plan with its counts, the failed files and charts of the
findings and deadlines; plans/<id>.html shows one plan (header, outline, tasks with their findings,
targets, text repairs, where each item came from), with filters. Output folders of `convert`
and plan JSON files are read as they are; other files and folders are converted first.

""" + EXIT_CODES

_SHOW_EPILOG = """examples:
  kehoach show ke-hoach.docx
  kehoach show output/ke-hoach.json     # a plan converted earlier

""" + EXIT_CODES


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors: exit 2 with the usage line
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _size(text: str) -> int:
    """'50MB', '200k', '1.5G', '1048576' -> bytes."""
    t = text.strip().upper().rstrip("B")
    mult = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(t[-1:], 1)
    try:
        value = float(t[:-1] if mult > 1 else t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50MB)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("a size must be positive")
    return int(value * mult)


def _formats(text: str) -> tuple:
    from .batch import FORMATS
    items = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in items if f not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"unknown format {', '.join(bad) or text!r}; choose from {','.join(FORMATS)}")
    return items


def _db_url(text: str) -> str:
    if not text.startswith(("postgresql://", "postgres://")):
        raise argparse.ArgumentTypeError("give a postgresql://user@host/database URL (SQLite is always written "
                                         "as OUTDIR/plans.sqlite)")
    return text


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _seconds(text: str) -> float:
    try:
        n = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if n <= 0:
        raise argparse.ArgumentTypeError("must be positive")
    return n


def build_parser() -> argparse.ArgumentParser:
    from .batch import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, FORMATS
    raw = argparse.RawDescriptionHelpFormatter
    p = _Parser(prog="kehoach", formatter_class=raw,
                description="Turn Vietnamese government plans (Kế hoạch) in .docx, .pdf or .txt into data: "
                            "header, outline, tasks, targets and reviewer findings.",
                epilog="examples:\n  kehoach convert plans/ -o output\n  kehoach check ke-hoach.docx\n"
                       "  kehoach show ke-hoach.docx\n  kehoach units output\n  kehoach schema\n"
                       "  kehoach COMMAND --help   # each command's options\n\n"
                       + EXIT_CODES)
    p.add_argument("--version", action="version", version=f"kehoach {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def common(sp, jobs=True):
        sp.add_argument("--tone-style", choices=("first", "main", "keep"), default="first",
                        help="where tone marks go in repaired text: first (hòa, default), main (hoà) or keep")
        sp.add_argument("--ocr", nargs="?", const="always", default="auto", choices=("auto", "never", "always"),
                        help="OCR of PDF pages without readable text (Tesseract): auto (default: where "
                             "needed, when installed), never, always (every page; --ocr alone)")
        sp.add_argument("--max-size", type=_size, default=None, metavar="SIZE",
                        help="refuse input files larger than this (default 50MB)")
        sp.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help=f"stop converting a document (reading it and writing its outputs) after this "
                             f"long (default {DEFAULT_TIMEOUT:.0f})")
        if jobs:
            sp.add_argument("--max-memory", type=_size, default=DEFAULT_MAX_MEMORY, metavar="SIZE",
                            help="memory bound of each worker process; a document needing more is refused "
                                 f"(default {DEFAULT_MAX_MEMORY // 1024 ** 3}GB)")
            sp.add_argument("--follow-links", action="store_true",
                            help="follow symbolic links that point outside the folders given")
        if jobs:
            sp.add_argument("-j", "--jobs", type=_positive_int, default=0, metavar="N",
                            help="documents converted in parallel (default: number of cores)")
            sp.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")

    c = sub.add_parser("convert", help="convert plans into JSON, CSV, XLSX and SQLite", formatter_class=raw,
                       description="Convert plans (files or folders, recursively) into data files.",
                       epilog=_CONVERT_EPILOG)
    c.add_argument("paths", nargs="+", metavar="PATH", help="a .docx, .doc, .pdf or .txt file, or a folder")
    c.add_argument("-o", "--output", default="output", metavar="OUTDIR",
                   help="output folder (default: output/); '-' writes one plan's JSON to standard output")
    c.add_argument("--format", type=_formats, default=FORMATS, metavar="LIST",
                   help=f"comma-separated outputs among {','.join(FORMATS)} (default: all)")
    c.add_argument("--db", type=_db_url, default=None, metavar="URL",
                   help="also write the combined tables into a PostgreSQL database "
                        "(postgresql://user@host/db; needs psycopg: pip install 'kehoach[postgresql]')")
    c.add_argument("--force", action="store_true", help="convert again documents that are unchanged")
    c.add_argument("--explain", action="store_true", help="print the text repairs done on each document")
    c.add_argument("--report", action="store_true", help="also write the HTML review report in OUTDIR/report/")
    common(c)

    k = sub.add_parser("check", help="print the reviewer findings of plans", formatter_class=raw,
                       description="Convert plans without writing files and print their findings.",
                       epilog=_CHECK_EPILOG)
    k.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    common(k)

    r = sub.add_parser("report", help="write an HTML review report of plans", formatter_class=raw,
                       description="Write a static HTML report (an index of the batch and a page per plan) "
                                   "from plan JSON files, output folders of convert, or documents.",
                       epilog=_REPORT_EPILOG)
    r.add_argument("paths", nargs="+", metavar="PATH",
                   help="an output folder of convert, a plan JSON, a document or a folder of documents")
    r.add_argument("-o", "--output", default="report", metavar="OUTDIR", help="report folder (default: report/)")
    common(r)

    s = sub.add_parser("show", help="print a readable summary of one plan", formatter_class=raw,
                       description="Print a plan's header, outline, tasks, targets and findings.",
                       epilog=_SHOW_EPILOG)
    s.add_argument("path", metavar="PATH", help="a plan file, or a plan JSON written by convert")
    common(s, jobs=False)
    u = sub.add_parser("units", help="list the distinct units of a converted batch", formatter_class=raw,
                       description="List the distinct lead and partner units of the plans converted into "
                                   "OUTDIR: their canonical name, key, level, counts and every spelling "
                                   "as written, to grow the unit registry (KEHOACH_UNITS).",
                       epilog="examples:\n  kehoach units output\n  kehoach units output --tsv > units.tsv\n\n"
                              + EXIT_CODES)
    u.add_argument("outdir", metavar="OUTDIR", help="a folder written by kehoach convert -o")
    u.add_argument("--tsv", action="store_true", help="tab-separated rows, one per spelling")
    sub.add_parser("schema", help="print the JSON Schema of the plan JSON", formatter_class=raw,
                   description="Print the JSON Schema (draft 2020-12) that every plan JSON follows.",
                   epilog="examples:\n  kehoach schema > plan.schema.json\n\n" + EXIT_CODES)
    return p


def _options(args, **over):
    from .batch import Options
    from .sniff import Limits
    limits = Limits(max_size=args.max_size) if args.max_size else Limits()
    return Options(tone_style=args.tone_style, ocr=args.ocr, timeout=args.timeout, limits=limits,
                   jobs=getattr(args, "jobs", 0), max_memory=getattr(args, "max_memory", None),
                   follow_links=getattr(args, "follow_links", False), **over)


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.error("give a command: convert, check, show, report, units or schema "
                     "(kehoach --help shows examples)")
    try:
        return {"convert": _convert, "check": _check, "show": _show, "report": _report, "schema": _schema,
                "units": _units}[args.command](args, parser)
    except KeyboardInterrupt:
        print("\nkehoach: interrupted; finished documents are kept, run the same command to resume",
              file=sys.stderr)
        return 130
    except KehoachError as e:  # the output folder, mostly
        print(f"kehoach: {e}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `kehoach ... | head`
        return 1


def _convert(args, parser) -> int:
    from . import batch
    from .writers import report
    if args.output == "-":
        if len(args.paths) != 1 or os.path.isdir(args.paths[0]):
            parser.error("-o - writes one plan to standard output: give exactly one file")
        if args.format != batch.FORMATS and set(args.format) != {"json"}:
            parser.error("-o - writes JSON only: use --format json")
        if args.db:
            parser.error("--db writes a batch's tables: give an output folder with -o")
        if args.report:
            parser.error("--report writes a folder: give an output folder with -o")
        return _to_stdout(args)
    keep = ("normalization",) if args.explain else ()
    options = _options(args, outdir=args.output, formats=args.format, force=args.force, keep=keep, db=args.db)
    progress = report.Progress(enabled=False if args.quiet else None)
    summary = batch.run(args.paths, options, progress)
    if args.explain:
        for r in summary.results:
            if r.status != "failed":
                sys.stdout.write(report.explain(r.doc_id, r.extra.get("normalization")))
    if not summary.results:
        print(f"kehoach: no plans found in {', '.join(args.paths)} (looked for .docx, .doc, .pdf, .txt)",
              file=sys.stderr)
        return 1
    if args.quiet:
        for r in summary.failed:
            print(r.error, file=sys.stderr)
        if summary.fatal:
            print(f"kehoach: {summary.fatal}", file=sys.stderr)
    else:
        sys.stdout.write(report.summary_text(summary))
    if args.report:
        from .writers import html
        done = html.write_report(html.from_results(args.output, summary.results), os.path.join(args.output, "report"))
        if not args.quiet:
            print(f"Report: {done.index}")
    return summary.exit_code


def _report(args, parser) -> int:
    from .writers import html
    from .writers import report
    options = _options(args)
    progress = report.Progress(enabled=False if args.quiet else None)
    entries, _summary = html.collect(args.paths, options, progress)
    if not entries:
        print(f"kehoach: no plans found in {', '.join(args.paths)} (looked for plan JSON files, "
              ".docx, .doc, .pdf, .txt)", file=sys.stderr)
        return 1
    done = html.write_report(entries, args.output)
    if not done.plans and not done.failed:
        print(f"kehoach: no plans found in {', '.join(args.paths)}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"{done.plans} plans ({done.with_errors} with errors), {done.failed} failed — report: {done.index}")
    return 1 if done.failed or done.with_errors else 0


def _in_process(args) -> dict:
    """Convert one file in this process (show, -o -); raises KehoachError with a clear message."""
    from . import batch
    from .readers import set_limits
    options = _options(args)
    set_limits(options.limits)
    try:
        return batch.convert_one(args.paths[0] if hasattr(args, "paths") else args.path, options)
    except batch.DocumentTimeout:
        raise KehoachError(f"conversion took longer than {options.timeout:.0f} s and was stopped",
                           args.paths[0] if hasattr(args, "paths") else args.path,
                           "raise the limit with --timeout") from None


def _internal_error(path: str, e: Exception) -> int:
    print(f"kehoach: {path}: internal error ({type(e).__name__}: {e}) — this is a bug in kehoach: "
          "please report it with the file", file=sys.stderr)
    return 1


def _to_stdout(args) -> int:
    from .writers.json import dumps
    from . import batch
    path = args.paths[0]
    try:
        plan = _in_process(args)
        inp = plan.setdefault("input", {})
        if not inp.get("sha256"):  # the README's schema: the input's SHA-256 on stdout too
            inp["sha256"] = batch.file_sha256(path, _options(args).limits)
    except KehoachError as e:
        print(f"kehoach: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - never a traceback for the user
        return _internal_error(path, e)
    sys.stdout.write(dumps(plan) + "\n")
    sys.stdout.flush()
    return 1 if any(f.get("severity") == "error" for f in plan.get("findings") or []) else 0


def _check(args, parser) -> int:
    from . import batch
    from .writers import report
    options = _options(args, outdir=None, formats=(), keep=("findings",))
    summary = batch.run(args.paths, options, report.Progress(enabled=False if args.quiet else None))
    for r in summary.results:
        sys.stdout.write(report.findings_block(r.path, r.extra.get("findings"), r.error))
    if not summary.results:
        print(f"kehoach: no plans found in {', '.join(args.paths)}", file=sys.stderr)
        return 1
    return summary.exit_code


def _show(args, parser) -> int:
    from .writers import report
    path = args.path
    try:
        from .output import read_plan_json
        plan = read_plan_json(path) if path.lower().endswith(".json") and os.path.isfile(path) else None
        if plan is None:
            plan = _in_process(args)
    except KehoachError as e:
        print(f"kehoach: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 - never a traceback for the user
        return _internal_error(path, e)
    sys.stdout.write(report.show(plan, os.path.basename(path)))
    return 1 if any(f.get("severity") == "error" for f in plan.get("findings") or []) else 0


def _units(args, parser) -> int:
    from .output import iter_output
    from .unit_keys import count_units
    from .writers import report
    try:
        docs = [(d.doc_id, d.plan) for d in iter_output(args.outdir)]
    except KehoachError as e:
        print(f"kehoach: {e}", file=sys.stderr)
        return 1
    counts = count_units(docs)
    sys.stdout.write(report.units_tsv(counts) if args.tsv else report.units_text(counts, len(docs)))
    return 0


def _schema(args, parser) -> int:
    from . import schema
    sys.stdout.write(schema.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
