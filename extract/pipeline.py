"""The pipeline: file -> RawDocument (reader) -> repaired text -> Plan.

Stages, one way through: readers (blocks) -> text repair -> tables that lost their cell
separators rebuilt from their one-fragment lines -> header (document, where the body
starts and ends) -> outline (sections, passages) with target tables and task tables read where they stand -> duties
in the text -> targets -> checks (findings) -> canonical unit names.
"""
from __future__ import annotations

import itertools
import os
from typing import List, Optional

from . import __version__
from .checks import check_is_plan, check_target_mismatch, check_text_tasks, drop_garbled
from .deadlines import named_year, parse_deadline, recurrence_in
from .header import extract_header
from .loose_tables import rebuild as rebuild_loose_tables
from .model import Deadline, Paragraph, Passage, Plan, RawDocument, Table
from .outline import OutlineBuilder
from .readers import read, sha256_file
from .readers.txt import read_text
from .tables import TaskTableReader
from .target_tables import TargetTableReader, row_statement
from .targets import add_table_targets, horizon_year
from .tasks import extract_duties
from .text import Repairer
from .unit_keys import canonical_units

def parse(path: str, *, tone_style: str = "first", ocr="auto") -> Plan:
    """Read a .txt, .docx or .pdf plan, with the file's SHA-256 in `input`. Raises
    extract.errors.UnreadableFile (a KehoachError). `ocr`: "auto" | "never" | "always" (PDF pages
    without readable text; see readers.pdf_ocr)."""
    plan = read_plan(path, tone_style=tone_style, ocr=ocr)
    try:
        plan.input["sha256"] = sha256_file(path)
    except OSError:
        pass
    return plan


def read_plan(path: str, *, tone_style: str = "first", ocr="auto") -> Plan:
    """`parse` without hashing the file (for callers that hashed it already)."""
    raw = read(path, ocr=ocr)
    return build_plan(raw, tone_style=tone_style)


def parse_text(text: str, *, name: Optional[str] = None, tone_style: str = "first") -> Plan:
    """Read a plan given as a string."""
    return build_plan(read_text(text, path=name), tone_style=tone_style)


def _repair(raw: RawDocument, repairer: Repairer) -> None:
    for b in raw.blocks:
        if isinstance(b, Table):
            for row in b.rows:
                for c in row:
                    c.text = repairer.fix(c.text)
        else:
            b.text = repairer.fix(b.text)
            if b.label:
                b.label = repairer.fix(b.label)


def build_plan(raw: RawDocument, *, tone_style: str = "first") -> Plan:
    """Blocks -> Plan. Reads a RawDocument; writes every part of the Plan."""
    repairer = Repairer(tone_style)
    _repair(raw, repairer)
    raw.blocks = rebuild_loose_tables(raw.blocks, raw.lone_numbers, raw.lines, repairer.fix)
    blocks = raw.blocks
    head = extract_header(blocks)
    body = blocks[head.body_start:head.body_end] + blocks[head.tail_start:head.tail_end]

    task_ids = (f"K{i}" for i in itertools.count(1))
    next_task = lambda: next(task_ids)  # noqa: E731
    outline = OutlineBuilder()
    tables = TaskTableReader(next_task)
    figures = TargetTableReader()
    table_passages: List[Passage] = []
    after_table = False
    for b in body:
        if isinstance(b, Paragraph):
            outline.add(b)
            after_table = False
            continue
        sec = outline.current.id if outline.current else None
        if figures.read(b, sec, after_table=after_table):
            after_table = True
            continue  # a target table or statistics form: figures, not tasks
        adjacent, after_table = after_table, True
        if not tables.read(b, sec, adjacent=adjacent):
            # a table that is no task table: its cells are read as paragraphs
            for row in b.rows:
                for c in row:
                    if c.text.strip() and not c.merged:
                        outline.add(Paragraph(c.text, c.source))
    result = outline.result()
    for t in tables.tasks:
        table_passages.append(Passage(row_statement(t.content, t.extra), t.source, t.number, t.section,
                                      result.path(t.section), origin="table"))
    duties = extract_duties(result.passages, result.by_id, result.parent, next_task)

    plan = Plan(document=head.document, sections=result.sections, tool_version=__version__)
    plan.tasks = sorted(tables.tasks + duties, key=lambda t: int(t.id[1:]))
    _date_deadlines(plan.tasks, result, head.document)
    for t in figures.targets:
        if t.year is None:  # a figure column without a year ("Chỉ tiêu | ĐVT | Mục tiêu"): the plan's horizon
            t.year = horizon_year(head.document.title or "")
    plan.targets = add_table_targets(_targets(result.passages, table_passages, head.document), figures.targets)
    for t in plan.tasks:
        t.lead_canonical, t.lead_keys = canonical_units(t.lead)
        t.partners_canonical, t.partners_keys = canonical_units(t.partners)

    findings = list(raw.findings) + list(head.findings) + tables.findings
    findings += check_text_tasks(plan)
    findings += check_target_mismatch(plan)
    plan.findings = findings
    findings = plan.findings + drop_garbled(plan)
    findings += check_is_plan(plan)
    plan.findings = findings
    plan.normalization = list(raw.normalization) + repairer.report()
    plan.input = {"path": raw.path, "name": os.path.basename(raw.path) if raw.path else None,
                  "format": raw.format, "pages": raw.pages, "encoding": raw.encoding}
    return plan


def _date_deadlines(tasks, outline, document) -> None:
    """Deadlines that name no year ("trước 15/3", "Quý II") recur when their task names a recurrence
    ("định kỳ hằng năm … trước ngày 15/12"), else take the year of their context: the one year named
    in the task, else in its section headings (innermost first), else in the plan's title, else the
    year of the plan's date. Reads each task's deadline text; rewrites its kind and dates (text as
    written; recurring deadlines stay undated)."""
    plan_year = named_year(document.title or "")
    if plan_year is None and document.date and document.date[:4].isdigit():
        plan_year = int(document.date[:4])
    by_section: dict = {}

    def section_year(sid):
        if sid not in by_section:
            sec = outline.by_id.get(sid) if sid else None
            by_section[sid] = (named_year(sec.title or "") or section_year(outline.parent.get(sid))
                               if sec is not None else plan_year)
        return by_section[sid]

    for t in tasks:
        d = t.deadline
        if not d.text or d.start or d.end or d.kind not in ("once", "range", "continuous"):
            continue
        if d.kind != "continuous":
            recurs, period = recurrence_in(t.content)
            if recurs:   # "định kỳ hằng năm gửi báo cáo … trước ngày 15 tháng 12": every year
                t.deadline = Deadline(d.text, "recurring", None, None, period)
                continue
        year = named_year(t.content, timed=True) or section_year(t.section)
        if year is not None:
            dated = parse_deadline(d.text, year=year)
            if dated.start or dated.end:
                t.deadline = dated


def _targets(passages: List[Passage], table_passages: List[Passage], document) -> list:
    """Targets of the body and of table rows; the plan's horizon ("… giai đoạn 2026 - 2030")
    gives the year of targets that state none."""
    from .targets import extract_targets, horizon_year

    return extract_targets(passages + table_passages, year_hint=horizon_year(document.title or ""))
