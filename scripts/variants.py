#!/usr/bin/env python3
"""Robustness probe: the same plan in the forms users actually feed the tool.

    python scripts/variants.py -o /tmp/variants [--shared ../shared] [--only NAME ...] [--keep]

For every Word plan (real/*.docx) and every plain-text plan (real/*.txt, seeds/*.txt) of the shared
folder that has an expected JSON, this writes variants into the -o folder (never into the project):

  pdf         the document printed to PDF by LibreOffice (read by our PDF reader)
  pdftotext   that PDF's text layer as `pdftotext` gives it (page breaks are form feeds)
  pdflayout   the same with `pdftotext -layout` (columns kept with runs of spaces)
  plumber     pdfplumber's `page.extract_text()` joined page by page
  lotxt       a .docx saved by LibreOffice as plain text (Word's automatic numbers are lost)
  html        a .docx saved by LibreOffice as HTML, turned into markdown-like text (one cell per line
              between `|` lines, **bold** headings)

Each variant is parsed with `extract.parse` and scored with the shared score.py against the plan's
expected JSON; the table shows plan x variant score and the drop from the original.  Needs
LibreOffice (`soffice`) and poppler-utils (`pdftotext`); a variant whose tool is missing is skipped.
"""
from __future__ import annotations

import argparse
import html
import importlib.util
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stdout
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARIANTS = ("pdf", "pdftotext", "pdflayout", "plumber", "lotxt", "html")


def soffice(args: list[str], outdir: Path, profile: Path) -> None:
    """Run LibreOffice headless with a private profile (several may run on one machine)."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        return
    cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", *args, "--outdir", str(outdir)]
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)


class _HtmlToText(HTMLParser):
    """A small HTML -> markdown-like text as legal portals give it: blocks on their own lines; a
    table row opens with a line holding `|` and each cell's lines are closed by one; bold runs and
    headings wrapped in ** on each line (balanced, as html2text or pandoc write them); ordered
    list items numbered as a browser shows them."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ol", "ul"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.cur: list[tuple[str, bool]] = []
        self.skip = 0
        self.bold = 0
        self.lists: list[list] = []  # [kind, counter] per open list

    def flush(self) -> None:
        parts, run, run_bold = [], [], None
        for text, bold in self.cur + [("", None)]:
            if bold != run_bold and run:
                chunk = re.sub(r"\s+", " ", "".join(run))
                if run_bold and chunk.strip():
                    lead = chunk[:len(chunk) - len(chunk.lstrip())]
                    trail = chunk[len(chunk.rstrip()):]
                    chunk = f"{lead}**{chunk.strip()}**{trail}"
                parts.append(chunk)
                run = []
            run_bold = bold
            run.append(text)
        line = re.sub(r"\s+", " ", "".join(parts)).strip()
        if line:
            self.out.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
            return
        if tag in self.BLOCK or tag in ("td", "th"):
            self.flush()
        if tag in ("b", "strong") or re.fullmatch(r"h\d", tag):
            self.bold += 1
        elif tag == "tr":
            self.out.append("|")  # a row opens with "|"; each cell closes with "|"
        elif tag in ("ol", "ul"):
            a = dict(attrs)
            start = int(a.get("start") or 1) if str(a.get("start") or "1").isdigit() else 1
            self.lists.append([a.get("type") or "1" if tag == "ol" else "-", start - 1])
        elif tag == "li" and self.lists:
            kind = self.lists[-1]
            kind[1] += 1
            self.cur.append((_list_label(kind[0], kind[1]) + " ", False))

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("td", "th"):
            self.flush()
            self.out.append("|")
        elif tag in self.BLOCK:
            self.flush()
        if tag in ("b", "strong") or re.fullmatch(r"h\d", tag):
            self.bold = max(0, self.bold - 1)
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag == "table":
            self.out.append("")

    def handle_data(self, data):
        if not self.skip:
            self.cur.append((data, self.bold > 0))


def _roman(n: int) -> str:
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, r in vals:
        while n >= v:
            out, n = out + r, n - v
    return out


def _list_label(kind: str, n: int) -> str:
    if kind == "-":
        return "-"
    if kind in ("I", "i"):
        r = _roman(n)
        return (r if kind == "I" else r.lower()) + "."
    if kind in ("a", "A"):
        c = chr(ord("a") + (n - 1) % 26)
        return (c if kind == "a" else c.upper()) + ")"
    return f"{n}."


def html_to_text(markup: str) -> str:
    parser = _HtmlToText()
    parser.feed(markup)
    parser.flush()
    lines: list[str] = []
    for line in parser.out:
        lines.append(line)
    return "\n".join(lines) + "\n"


def pdf_variants(pdf: Path, out: Path, stem: str) -> dict[str, Path]:
    got: dict[str, Path] = {}
    if not pdf.exists():
        return got
    got["pdf"] = pdf
    if shutil.which("pdftotext"):
        for name, extra in (("pdftotext", []), ("pdflayout", ["-layout"])):
            dest = out / f"{stem}.{name}.txt"
            subprocess.run(["pdftotext", "-enc", "UTF-8", *extra, str(pdf), str(dest)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
            if dest.exists():
                got[name] = dest
    try:
        import pdfplumber
        with pdfplumber.open(str(pdf)) as doc:
            text = "\n".join((page.extract_text() or "") for page in doc.pages)
        dest = out / f"{stem}.plumber.txt"
        dest.write_text(text, encoding="utf-8")
        got["plumber"] = dest
    except Exception as exc:  # pragma: no cover - a probe, not the tool
        print(f"  pdfplumber failed on {pdf.name}: {exc}", file=sys.stderr)
    return got


def make_variants(inputs: list[Path], out: Path) -> dict[Path, dict[str, Path]]:
    """Write every variant of every input into `out`; return {input: {variant: file}}."""
    profile = out / ".lo-profile"
    work = out / "lo"
    work.mkdir(parents=True, exist_ok=True)
    # LibreOffice names its outputs after the input's stem: copy the inputs under distinct stems.
    staged = {}
    for src in inputs:
        kind = "d" if src.suffix == ".docx" else "t"
        dst = work / f"{src.stem}.{kind}{src.suffix}"
        shutil.copy(src, dst)
        staged[src] = dst
    docx = [str(p) for p in staged.values() if p.suffix == ".docx"]
    txt = [str(p) for p in staged.values() if p.suffix == ".txt"]
    if docx:
        soffice(["--convert-to", "pdf", *docx], work, profile)
        soffice(["--convert-to", "txt:Text (encoded):UTF8", *docx], work, profile)
        soffice(["--convert-to", "html", *docx], work, profile)
    if txt:
        soffice(["--infilter=Text (encoded):UTF8", "--convert-to", "pdf", *txt], work, profile)
    result: dict[Path, dict[str, Path]] = {}
    for src, dst in staged.items():
        stem = dst.stem
        got = pdf_variants(work / f"{stem}.pdf", out, stem)
        if src.suffix == ".docx":
            lotxt = work / f"{stem}.txt"
            if lotxt.exists():
                dest = out / f"{stem}.lotxt.txt"
                shutil.copy(lotxt, dest)
                got["lotxt"] = dest
            page = work / f"{stem}.html"
            if page.exists():
                dest = out / f"{stem}.html.txt"
                dest.write_text(html_to_text(page.read_text(encoding="utf-8", errors="replace")),
                                encoding="utf-8")
                got["html"] = dest
        result[src] = got
    return result


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score", shared / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def score_file(scorer, gold: dict, path: Path) -> float | None:
    import extract
    try:
        plan = json.loads(json.dumps(extract.parse(str(path)).to_dict()))
    except Exception as exc:
        print(f"  parse failed on {path.name}: {exc!r}", file=sys.stderr)
        return 0.0
    rep = scorer.Report(verbose=False)
    with redirect_stdout(io.StringIO()):
        return scorer.score(gold, plan, rep)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--out", help="folder for the variants (default: a new temp folder)")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--only", nargs="*", default=[], help="plan name fragments to keep")
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS))
    ap.add_argument("--json", help="also write the table as JSON here")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="kehoach-variants-"))
    out.mkdir(parents=True, exist_ok=True)
    scorer = load_scorer(shared)
    inputs = []
    for gold in sorted((shared / "expected").glob("*.json")):
        for folder in ("real", "seeds"):
            for src in sorted((shared / folder).glob(gold.stem + ".*")):
                if src.suffix not in (".docx", ".txt"):
                    continue
                if args.only and not any(f in src.name for f in args.only):
                    continue
                inputs.append(src)
    made = make_variants(inputs, out)
    table = {}
    cols = ["orig", *[v for v in VARIANTS if v in args.variants]]
    print(f"{'plan':40s} " + " ".join(f"{c:>9s}" if c == "orig" else f"{c:>12s}" for c in cols))
    for src in inputs:
        gold = json.loads((shared / "expected" / (src.stem + ".json")).read_text(encoding="utf-8"))
        row = {"orig": score_file(scorer, gold, src)}
        for name, path in made.get(src, {}).items():
            if name in args.variants:
                row[name] = score_file(scorer, gold, path)
        label = f"{src.stem[:34]}{src.suffix}"
        table[label] = row
        cells = []
        for c in cols:
            v = row.get(c)
            if v is None:
                cells.append(f"{'-':>12s}")
            elif c == "orig":
                cells.append(f"{v:9.3f}")
            else:
                cells.append(f"{v:.2f}({v - row['orig']:+.2f})".rjust(12))
        print(f"{label:40s} " + " ".join(cells), flush=True)
    means = {}
    for c in cols:
        vals = [r[c] for r in table.values() if r.get(c) is not None]
        if vals:
            means[c] = sum(vals) / len(vals)
    print(f"{'mean':40s} " + " ".join(f"{means.get(c, float('nan')):9.3f}" if c == "orig" else f"{means.get(c, float('nan')):12.3f}" for c in cols))
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": table, "mean": means}, indent=1))
    print(f"variants in {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
