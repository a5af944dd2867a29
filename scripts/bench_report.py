#!/usr/bin/env python3
"""Speed of the HTML report (`make bench` prints it; asserts nothing).

    .venv/bin/python scripts/bench_report.py [--plans 500]

The sample plans of `samples/` are converted once, then copied (numbers, issuers and dates
varied) into a batch of `--plans` plan JSON files; figures: the time to write the report folder
(index and one page per plan) and its size, and, when headless Chromium and Playwright are there,
the index in the browser: time to its load event and script ready, and to sort it by a column.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def chromium() -> str | None:
    return os.environ.get("KEHOACH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def make_batch(folder: Path, n: int, samples: Path = ROOT / "samples") -> None:
    """`n` plan JSON files in `folder`, copies of the converted samples with varied headers."""
    import extract
    plans = [extract.parse(str(p)).to_dict() for p in sorted(samples.iterdir())
             if p.suffix.lower() in (".txt", ".docx", ".pdf")]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        plan = json.loads(json.dumps(plans[i % len(plans)]))
        doc = plan["document"]
        doc["number"] = f"{i + 1}/KH-UBND" if i % 7 else None
        doc["issuer"] = f"Ủy ban nhân dân xã số {i % 37 + 1}"
        doc["date"] = f"{2020 + i % 6}-{i % 12 + 1:02d}-{i % 28 + 1:02d}"
        (folder / f"plan-{i:04d}.json").write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")


def folder_size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def browser_figures(index: Path) -> dict:
    """Load the index in headless Chromium: milliseconds to the load event and to the script being
    ready, and to sort the table by a column (median of 5 clicks)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=FLAGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        loads = []
        for _ in range(3):
            page.goto(index.as_uri())
            page.wait_for_selector("html[data-ready]")
            loads.append(page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd"))
        sorts = []
        for key in ("tasks", "issuer", "date", "errors", "tasks"):
            sorts.append(page.evaluate(
                """key => { const t0 = performance.now();
                            document.querySelector(`#plans th button[data-key="${key}"]`).click();
                            document.body.offsetHeight;            // layout included
                            return performance.now() - t0; }""", key))
        rows = page.evaluate("() => document.querySelectorAll('#plans tbody tr').length")
        browser.close()
    return {"rows": rows, "load_ms": sorted(loads)[1], "sort_ms": sorted(sorts)[2], "errors": errors}


def bench_report(n: int = 500) -> None:
    from extract.writers import html
    with tempfile.TemporaryDirectory(prefix="kehoach-report-") as tmp:
        tmp = Path(tmp)
        make_batch(tmp / "output", n)
        t0 = time.perf_counter()
        result = html.write_report(html.from_outdir(str(tmp / "output")), str(tmp / "report"))
        seconds = time.perf_counter() - t0
        index = tmp / "report" / "index.html"
        print(f"  {result.plans} plans: report written in {seconds:.2f} s ({result.plans / seconds:.0f} plans/s), "
              f"{folder_size(tmp / 'report'):.1f} MB; index.html {index.stat().st_size / 1024:.0f} KB")
        if not chromium():
            print("  browser figures skipped: headless Chromium is not installed (apt-get install chromium)")
            return
        try:
            fig = browser_figures(index)
        except ImportError:
            print("  browser figures skipped: Playwright is not installed (pip install playwright)")
            return
        print(f"  index of {fig['rows']} plans in headless Chromium: load event at {fig['load_ms']:.0f} ms, "
              f"sort by a column {fig['sort_ms']:.0f} ms" + (f"; page errors: {fig['errors']}" if fig["errors"] else ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--plans", type=int, default=500, help="plans in the batch (default 500)")
    args = ap.parse_args(argv)
    bench_report(args.plans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
