"""The HTML report in a real headless Chromium (Debian's `chromium`, driven by Playwright with that
executable; no browser download): the index lists every sample, the "tasks with findings" filter
shows exactly the tasks with findings, the lead and deadline-kind filters, sorting, no console
error, failed request or request outside the folder, document text shown as text, the task table within A4 landscape when
printed and no sideways scrolling at phone width. Screenshots of the index and of a plan at
desktop and phone widths are saved in $KEHOACH_SCREENSHOTS (default output/screenshots/).

Skips with the reason when Chromium or Playwright is absent (CI installs `chromium`)."""
import json
import os
import shutil
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")

from extract import batch  # noqa: E402
from extract.writers import html  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = "hoabinh-sovhttdl-kh-dulich-2025-web"   # a seed with a task without a lead
CHROMIUM = os.environ.get("KEHOACH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(os.environ.get("KEHOACH_SCREENSHOTS") or ROOT / "output" / "screenshots")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
A4_LANDSCAPE_PX = round((297 - 20) / 25.4 * 96)   # the printable width at 10 mm margins, CSS px
EVIL = "<script>window.__pwned=1</script>"

pytestmark = pytest.mark.skipif(not CHROMIUM, reason="headless Chromium is not installed "
                                                     "(apt-get install chromium)")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The samples converted into an OUTDIR, plus a plan with markup in its text; the report made
    from that folder. Returns (report folder, {doc id: plan})."""
    tmp = tmp_path_factory.mktemp("report")
    out = tmp / "output"
    summary = batch.run([str(SAMPLES)], batch.Options(outdir=str(out), formats=("json",), jobs=2))
    assert not summary.failed, [r.error for r in summary.failed]
    plans = {r.doc_id: json.loads((out / f"{r.doc_id}.json").read_text(encoding="utf-8")) for r in summary.results}
    evil = json.loads(json.dumps(plans[SEED]))
    evil["document"]["title"] = EVIL
    evil["tasks"][0]["content"] = EVIL
    evil["tasks"][0]["lead"] = [EVIL]
    (out / "zz-escaping.json").write_text(json.dumps(evil, ensure_ascii=False), encoding="utf-8")
    rep = tmp / "report"
    html.write_report(html.from_outdir(str(out)), str(rep))
    return rep, plans


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


class Page:
    """A browser page that records console errors, uncaught exceptions and failed requests."""

    def __init__(self, browser, viewport=DESKTOP):
        self.page = browser.new_page(viewport=viewport)
        self.problems = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.problems.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"exception: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"failed request: {r.url}"))
        self.page.on("request", lambda r: r.url.startswith(("file:", "data:", "about:"))
                     or self.problems.append(f"network request: {r.url}"))      # the folder is self-contained

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("html[data-ready]")
        return self.page

    def visible_tasks(self) -> list:
        return self.page.eval_on_selector_all("#tasks tr.task:not([hidden])", "rows => rows.map(r => r.id.slice(5))")


@pytest.fixture
def page(browser):
    p = Page(browser)
    yield p
    assert not p.problems, p.problems
    p.page.close()


def _plan_page(rep: Path, doc_id: str) -> Path:
    return rep / "plans" / f"{doc_id}.html"


def test_index_lists_every_sample(report, page):
    rep, plans = report
    jobs, failures = batch.discover([str(SAMPLES)])
    assert not failures
    pg = page.open(rep / "index.html")
    ids = pg.eval_on_selector_all("#plans tbody tr", "rows => rows.map(r => r.dataset.id)")
    assert sorted(ids) == sorted([j.doc_id for j in jobs] + ["zz-escaping"])
    # every plan links to its page, which opens
    hrefs = pg.eval_on_selector_all("#plans tbody td.i-plan a", "links => links.map(a => a.href)")
    assert len(hrefs) == len(ids)
    assert all(Path(h.replace("file://", "")).is_file() for h in hrefs)
    cards = pg.inner_text("#tong-hop")
    assert f"{len(ids)}\nkế hoạch" in cards


def test_filter_to_tasks_with_findings_shows_exactly_those_tasks(report, page):
    rep, plans = report
    checked = 0
    for doc_id, plan in plans.items():
        tasks = [t["id"] for t in plan["tasks"]]
        flagged = {f["task"] for f in plan["findings"] if f.get("task") in tasks}
        if not tasks:
            continue
        pg = page.open(_plan_page(rep, doc_id))
        assert page.visible_tasks() == tasks
        pg.check("#only-findings")
        assert page.visible_tasks() == [t for t in tasks if t in flagged], doc_id
        assert pg.inner_text("#task-count") == f"{len(flagged)}/{len(tasks)} nhiệm vụ"
        # a group heading stays only above tasks still shown
        assert pg.evaluate("""() => [...document.querySelectorAll('#tasks tr.grp:not([hidden])')].every(g => {
            for (let r = g.nextElementSibling; r && !r.classList.contains('grp'); r = r.nextElementSibling)
              if (!r.hidden) return true;
            return false; })""")
        pg.uncheck("#only-findings")
        assert page.visible_tasks() == tasks
        checked += 1
    assert checked >= 10


def test_filters_by_lead_unit_and_deadline_kind(report, page):
    rep, plans = report
    plan = plans["muongte-huyenuy-kh-congtac-tutuong-2022-docx"]
    pg = page.open(_plan_page(rep, "muongte-huyenuy-kh-congtac-tutuong-2022-docx"))
    pg.select_option("#by-lead", "__none__")
    assert page.visible_tasks() == [t["id"] for t in plan["tasks"] if not t["lead"]]
    some = next(t["lead"][0] for t in plan["tasks"] if t["lead"])
    pg.select_option("#by-lead", some)
    assert page.visible_tasks() == [t["id"] for t in plan["tasks"] if some in t["lead"]]
    pg.select_option("#by-lead", "")
    for kind in ("recurring", "once", "none"):
        pg.select_option("#by-kind", kind)
        want = [t["id"] for t in plan["tasks"] if (t["deadline"]["kind"] or "none") == kind]
        assert want and page.visible_tasks() == want, kind


def test_every_page_opens_without_console_errors(report, page):
    rep, plans = report
    for doc_id in [*plans, "zz-escaping"]:
        page.open(_plan_page(rep, doc_id))
    page.open(rep / "index.html")
    assert not page.problems


def test_index_sorts_by_column(report, page):
    rep, _plans = report
    pg = page.open(rep / "index.html")

    def column(key):
        return pg.eval_on_selector_all(f'#plans tbody td[data-label="{key}"]', "cells => cells.map(c => c.dataset.v)")
    errors = [int(v) for v in column("Lỗi")]
    assert errors == sorted(errors, reverse=True)                     # served: most errors first
    pg.click('#plans th button[data-key="tasks"]')
    tasks = [int(v) for v in column("Nhiệm vụ")]
    assert tasks == sorted(tasks, reverse=True)
    pg.click('#plans th button[data-key="tasks"]')
    assert [int(v) for v in column("Nhiệm vụ")] == sorted(tasks)
    pg.click('#plans th button[data-key="date"]')
    dates = column("Ngày")
    known = [d for d in dates if d]
    assert known == sorted(known) and dates == known + [""] * (len(dates) - len(known))   # blanks last
    pg.click('#plans th button[data-key="issuer"]')
    assert pg.get_attribute('#plans th:has(button[data-key="issuer"])', "aria-sort") == "ascending"


def test_document_text_with_markup_is_shown_as_text(report, page):
    rep, _plans = report
    pg = page.open(_plan_page(rep, "zz-escaping"))
    assert pg.evaluate("() => window.__pwned") is None
    assert EVIL in pg.inner_text("h1")
    assert EVIL in pg.inner_text("#task-K1")
    pg.select_option("#by-lead", EVIL)                                # the lead filter works with it
    assert page.visible_tasks() == ["K1"]
    pg = page.open(rep / "index.html")
    assert pg.evaluate("() => window.__pwned") is None and EVIL in pg.inner_text("#plans")


def test_seed_page_shows_every_missing_lead_at_a_glance(report, page):
    rep, plans = report
    missing = [f["task"] for f in plans[SEED]["findings"] if f["code"] == "missing-lead"]
    assert missing
    pg = page.open(_plan_page(rep, SEED))
    cells = pg.query_selector_all("#tasks td.c-lead.missing")
    assert [c.evaluate("c => c.parentElement.id.slice(5)") for c in cells] == missing
    for c in cells:
        assert c.is_visible()
        assert c.evaluate("c => getComputedStyle(c).backgroundImage").startswith("repeating-linear-gradient")


def test_printed_task_table_fits_a4_landscape(report, browser):
    rep, _plans = report
    p = Page(browser, viewport={"width": A4_LANDSCAPE_PX, "height": 700})
    pg = p.open(_plan_page(rep, "muongte-huyenuy-kh-congtac-tutuong-2022-docx"))
    pg.emulate_media(media="print")
    right = pg.evaluate("() => document.getElementById('tasks').getBoundingClientRect().right")
    assert right <= A4_LANDSCAPE_PX + 1
    assert pg.evaluate("() => document.documentElement.scrollWidth") <= A4_LANDSCAPE_PX + 1
    assert pg.is_hidden("#task-filters")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pdf = pg.pdf(path=str(SHOTS / "plan-print.pdf"), prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    assert not p.problems, p.problems
    p.page.close()


@pytest.mark.parametrize("name, viewport", [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_at_desktop_and_phone_width(report, browser, name, viewport):
    rep, _plans = report
    SHOTS.mkdir(parents=True, exist_ok=True)
    p = Page(browser, viewport=viewport)
    for label, path in (("index", rep / "index.html"), ("plan", _plan_page(rep, SEED))):
        pg = p.open(path)
        assert pg.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"], (label, name)
        shot = SHOTS / f"{label}-{name}.png"
        pg.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    assert not p.problems, p.problems
    p.page.close()


def test_index_numbers_open_the_plan_filtered_to_those_tasks(report, page):
    rep, plans = report
    plan = plans[SEED]
    pg = page.open(rep / "index.html")
    pg.click(f'#plans tr[data-id="{SEED}"] td[data-label="Thiếu chủ trì"] a')
    pg.wait_for_selector("html[data-ready]")
    assert pg.url.endswith("#phat-hien=missing-lead")
    assert page.visible_tasks() == [f["task"] for f in plan["findings"] if f["code"] == "missing-lead"]
    assert pg.is_checked("#only-findings") and pg.input_value("#by-code") == "missing-lead"


def test_index_search_ignores_case_and_marks(report, page):
    rep, plans = report
    pg = page.open(rep / "index.html")
    want = sorted(k for k in plans if k.startswith("muongte"))
    for query in ("Mường Tè", "muong te"):
        pg.fill("#plan-search", query)
        shown = pg.eval_on_selector_all("#plans tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)")
        assert sorted(shown) == want, query
    pg.fill("#plan-search", "")
    pg.check("#plans-with-errors")
    shown = pg.eval_on_selector_all("#plans tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.id)")
    assert sorted(shown) == sorted(k for k, p in [*plans.items(), ("zz-escaping", plans[SEED])]
                                   if any(f["severity"] == "error" for f in p["findings"]))
