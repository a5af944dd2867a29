"""Terminal text: the findings of a document (`kehoach check`), a plan summary (`kehoach show`),
the text repairs done (`--explain`), the progress bar and the end-of-run summary. Reads: plan dicts
and batch results. Writes: strings (and, for the progress bar, a terminal stream)."""
from __future__ import annotations

import re
import shutil
import textwrap
import sys
import time
import unicodedata

_SEV_ORDER = {"error": 0, "warning": 1, "info": 2}


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _nfc(s) -> str:
    """Text for the terminal: NFC, without control characters (a stray BEL from Word beeps)."""
    return _CONTROL.sub(" ", unicodedata.normalize("NFC", str(s))) if s is not None else ""


def _clip(text, width: int) -> str:
    text = " ".join(_nfc(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _where(src: dict | None) -> str:
    src = src or {}
    if src.get("line"):
        end = src.get("line_end")
        return f"line {src['line']}" + (f"-{end}" if end and end != src["line"] else "")
    parts = [f"{k} {src[k]}" for k in ("page", "paragraph", "table", "row") if src.get(k) is not None]
    return ", ".join(parts)


def width() -> int:
    return max(60, min(shutil.get_terminal_size((100, 20)).columns, 160))


# --------------------------------------------------------------------------- check
def findings_block(name: str, findings: list | None, error: str | None = None) -> str:
    """One document's findings, errors first, one line each:
    `  error    missing-number   task t3 (line 12): message`."""
    if error:
        return f"{name}: FAILED\n  {error}\n"
    findings = sorted(findings or [], key=lambda f: _SEV_ORDER.get(f.get("severity"), 3))
    if not findings:
        return f"{name}: no findings\n"
    sev = [f.get("severity") for f in findings]
    counts = ", ".join(f"{sev.count(s)} {s}{'s' if sev.count(s) > 1 else ''}" for s in _SEV_ORDER if sev.count(s))
    lines = [f"{name}: {len(findings)} finding{'s' if len(findings) > 1 else ''} ({counts})"]
    for f in findings:
        ref = " ".join(x for x in (f"task {f['task']}" if f.get("task") else "",
                                   f"target {f['target']}" if f.get("target") else "") if x)
        where = _where(f.get("source"))
        at = " ".join(x for x in (ref, f"({where})" if where else "") if x)
        lines.append(f"  {f.get('severity', ''):<8} {f.get('code', ''):<20} {at + ': ' if at else ''}"
                     f"{_nfc(f.get('message'))}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- show
def show(plan: dict, name: str | None = None) -> str:
    """A readable summary: header, outline (literal numbers), tasks, targets, findings."""
    w = width()
    d = plan.get("document") or {}
    inp = plan.get("input") or {}
    out = [f"== {name or inp.get('name') or inp.get('path') or 'plan'}"
           f" ({inp.get('format') or '?'}{', %s pages' % inp['pages'] if inp.get('pages') else ''}) =="]
    signer = d.get("signer") or {}
    if isinstance(signer, str):
        signer = {"name": signer}
    rows = [("Type", d.get("doc_type")), ("Number", d.get("number") or (d.get("number_text") and
                                                                         f"(blank) {d.get('number_text')}")),
            ("Issuer", " / ".join(x for x in (d.get("parent_issuer"), d.get("issuer")) if x)),
            ("Place, date", ", ".join(x for x in (d.get("place"), d.get("date")) if x)),
            ("Title", d.get("title")),
            ("Signer", " — ".join(x for x in (signer.get("authority"), signer.get("title"), signer.get("name")) if x)),
            ("Recipients", "; ".join(d.get("recipients") or []))]
    out += [f"{k + ':':<13}{_clip(v, w - 13)}" for k, v in rows if v]
    sections = list(_outline(plan.get("sections") or [], 0))
    out.append(f"\nOutline ({len(sections)} sections):")
    out += [f"  {'  ' * depth}{label(s.get('number'), s.get('marker'))} "
            f"{_clip(s.get('title'), w - 6 - 2 * depth)}".rstrip() for s, depth in sections]
    out.append(_tasks_table(plan.get("tasks") or [], w))
    targets = plan.get("targets") or []
    out.append(f"\nTargets ({len(targets)}):")
    for t in targets:
        value = _nfc(t.get("value_text") or (t.get("value") if t.get("value") is not None else ""))
        unit = _nfc(t.get("unit")) if t.get("unit") and _nfc(t.get("unit")) not in value else ""
        comparator = t.get("comparator") if t.get("comparator") not in (None, "=") else ""
        bits = " ".join(x for x in (comparator, value, unit) if x)
        year = f" ({t['year']})" if t.get("year") else ""
        indent = "    " if t.get("parent") else "  "
        out.append(f"{indent}{t.get('id', ''):<6} {bits:<16} {_clip(t.get('text'), w - 26 - len(indent))}{year}")
    out.append("")
    out.append(findings_block("Findings", plan.get("findings") or []).rstrip())
    return "\n".join(out) + "\n"


def _outline(sections: list, depth: int):
    for s in sections:
        yield s, depth
        yield from _outline(s.get("children") or [], depth + 1)


_EDGE = re.compile(r"^(\W*).*?(\W*)$", re.S)


def label(number, marker) -> str:
    """The literal number with its marker's punctuation: ("II", "I-") -> "II-", ("2", "(1)") -> "(2)"."""
    number = _nfc(number)
    if not number or not marker or not any(ch.isalnum() for ch in number):
        return number
    pre, post = _EDGE.match(_nfc(marker).strip()).groups()
    return f"{pre}{number}{post.strip() if pre else post.rstrip()}"


def _tasks_table(tasks: list, w: int) -> str:
    """Tasks as a table whose cells wrap (nothing cut off): id, no, content, lead, partners, deadline."""
    out = [f"\nTasks ({len(tasks)}):"]
    if not tasks:
        return out[0]
    rest = w - 2 - (5 + 5 + 14) - 6
    widths = [5, 5, max(20, rest * 50 // 100), max(12, rest * 27 // 100), max(10, rest * 23 // 100), 14]
    names = ["id", "no", "content", "lead", "partners", "deadline"]
    out.append("  " + " ".join(f"{n:<{c}}" for n, c in zip(names, widths)).rstrip())
    last_group = None
    for t in tasks:
        group = t.get("group")
        if group and group != last_group:
            out.append(f"  [{group}] {_clip(t.get('group_title'), w - 8)}")
            last_group = group
        vals = [t.get("id"), t.get("number"), t.get("content"), "; ".join(t.get("lead") or []),
                "; ".join(t.get("partners") or []), (t.get("deadline") or {}).get("text")]
        cells = [textwrap.wrap(" ".join(_nfc(v or "").split()), c) or [""] for v, c in zip(vals, widths)]
        for i in range(max(len(c) for c in cells)):
            out.append("  " + " ".join(f"{(c[i] if i < len(c) else ''):<{wd}}"
                                       for c, wd in zip(cells, widths)).rstrip())
    return "\n".join(out)


# --------------------------------------------------------------------------- explain
def explain(name: str, normalization: list | None) -> str:
    """The text repairs a document needed: step, count, a few examples."""
    items = normalization or []
    if not items:
        return f"{name}: no text repairs\n"
    lines = [f"{name}: text repairs"]
    for n in items:
        lines.append(f"  {n.get('step', '?')}: {n.get('count', '?')}")
        for ex in (n.get("examples") or [])[:5]:
            if isinstance(ex, (list, tuple)) and len(ex) == 2:
                ex = f"{_nfc(ex[0])!r} -> {_nfc(ex[1])!r}"
            elif isinstance(ex, dict) and "before" in ex and "after" in ex:
                rest = ", ".join(f"{k}: {_nfc(v)}" for k, v in ex.items() if k not in ("before", "after"))
                ex = f"{_nfc(ex['before'])!r} -> {_nfc(ex['after'])!r}" + (f" ({rest})" if rest else "")
            elif isinstance(ex, dict):
                ex = ", ".join(f"{k}: {_nfc(v)!r}" for k, v in ex.items())
            lines.append(f"      {_clip(ex, width() - 6)}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- batch
def summary_text(summary) -> str:
    """The end of a run: converted, skipped, with findings, failed (each with its reason), time."""
    converted, skipped, failed = summary.count("ok"), summary.count("skipped"), summary.failed
    parts = [f"{converted} converted"]
    if skipped:
        parts.append(f"{skipped} unchanged (skipped)")
    parts.append(f"{summary.with_findings} with findings ({summary.with_errors} with errors)")
    parts.append(f"{len(failed)} failed")
    lines = [", ".join(parts) + f" — {summary.seconds:.1f} s"]
    if summary.outdir:
        lines.append(f"Outputs in {summary.outdir}" + ("" if summary.rebuilt or not summary.outputs
                                                        else " (combined outputs unchanged)"))
        lines += [f"Tables written to {o}" for o in summary.outputs if o.startswith("postgres")]
    if failed:
        lines.append("Failed:")
        lines += [f"  {r.error}" + (" (unchanged since the last run)" if r.cached else "") for r in failed]
    if getattr(summary, "fatal", None):  # what stopped the batch (a full disk): said once
        lines.append(f"Stopped: {summary.fatal}")
    return "\n".join(lines) + "\n"


class Progress:
    """A one-line progress bar with counts and the current file, redrawn on a terminal; silent
    otherwise."""

    def __init__(self, stream=None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = self.done_n = self.failed = self.findings = 0
        self.current = ""
        self._drawn = 0.0

    def start(self, total: int) -> None:
        self.total = total

    def started(self, job) -> None:
        from ..inputs import shown
        self.current = shown(job.path)  # no escape codes or bidi overrides on the terminal
        self._draw()

    def done(self, result) -> None:
        self.done_n += 1
        self.failed += result.status == "failed"
        self.findings += result.status != "failed" and bool(result.counts.get("findings"))
        self._draw()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._drawn < 0.1 and self.done_n < self.total:
            return
        self._drawn = now
        w = width()
        frac = self.done_n / self.total if self.total else 1.0
        bar = "#" * int(frac * 20)
        head = f"[{bar:<20}] {self.done_n}/{self.total}  failed {self.failed}  findings {self.findings}  "
        room = max(10, w - len(head) - 1)
        current = self.current if len(self.current) <= room else "…" + self.current[-(room - 1):]
        line = head + current
        self.stream.write("\r" + line.ljust(w - 1)[: w - 1])
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (width() - 1) + "\r")
            self.stream.flush()


def units_text(counts: list, documents: int) -> str:
    """`kehoach units`: each distinct unit with its key, counts and spellings as written."""
    out = [f"{len(counts)} distinct units in {documents} documents (mentions: lead + partners)\n"]
    for u in counts:
        out.append(f"\n{u.mentions:5d}  {u.canonical}\n       key {u.key}; lead {u.lead}, partners "
                   f"{u.partners}, in {u.documents} document{'s' if u.documents != 1 else ''}\n")
        for spelling, n in u.spellings.items():
            out.append(f"       {n:4d} × {spelling}\n")
        if u.unknown:
            out.append(f"       not in the registry: {', '.join(u.unknown)}\n")
    return "".join(out)


def units_tsv(counts: list) -> str:
    """`kehoach units --tsv`: one row per spelling (key, canonical, level, counts, spelling, the
    abbreviations in it that the registry lacks)."""
    from ..unit_keys import unknown_abbreviations
    rows = ["key\tcanonical\tlevel\tmentions\tlead\tpartners\tdocuments\tspelling\tspelling_count"
            "\tnot_in_registry\n"]
    for u in counts:
        for spelling, n in u.spellings.items():
            cells = [u.key, u.canonical, u.level or "", u.mentions, u.lead, u.partners, u.documents, spelling, n,
                     " ".join(unknown_abbreviations([spelling]))]
            rows.append("\t".join(str(c).replace("\t", " ") for c in cells) + "\n")
    return "".join(rows)
