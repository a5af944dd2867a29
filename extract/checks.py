"""Checks: the extracted plan -> findings a reviewer must see.

Reads the tasks and targets (table rows already carry their own findings from `tables`). Writes
`Finding`s: duties in the text with no lead unit or no deadline, table rows that state a value
different from the same indicator of the targets section (`target-mismatch`), and a document that
is not a plan at all (`not-a-plan`); section titles, tasks and targets whose text is garbage are
left out (`garbled-text`).
"""
from __future__ import annotations

import re
from typing import List

from .model import Finding, Plan
from .text.garble import reads_as_vietnamese, share
from .targets import find_values, indicator_similarity

_PAREN_VALUE = re.compile(r"\(([^()]*\d[^()]*)\)")


def check_text_tasks(plan: Plan) -> List[Finding]:
    out: List[Finding] = []
    for t in plan.tasks:
        if t.origin != "text":
            continue
        if not t.lead:
            out.append(Finding("missing-lead", "error", f"Nhiệm vụ “{_short(t.content)}” chưa có đơn vị chủ trì.",
                               task=t.id, section=t.section, source=t.source))
        if not t.deadline.text:
            out.append(Finding("missing-deadline", "warning",
                               f"Nhiệm vụ “{_short(t.content)}” chưa có thời gian thực hiện.",
                               task=t.id, section=t.section, source=t.source))
    return out


def check_target_mismatch(plan: Plan) -> List[Finding]:
    """A table row whose content quotes a value ("… (15%)") for an indicator that the targets
    section states with another value ("14,2% xã, thị trấn …")."""
    out: List[Finding] = []
    quantified = [g for g in plan.targets if g.value is not None]
    for t in plan.tasks:
        if t.origin != "table":
            continue
        for m in _PAREN_VALUE.finditer(t.content):
            inside = m.group(1)
            values = find_values(inside)
            if len(values) != 1:
                continue  # a list of several values restates the targets: compared one by one below
            value, unit, written = values[0]
            outside = (t.content[:m.start()] + " " + t.content[m.end():]).strip()
            best, best_sim = _closest_target(outside, unit or "", quantified)
            if best is not None and best_sim >= 0.5 and abs(best.value - value) > 1e-9:
                out.append(_mismatch(t, best, written))
        if any(f.task == t.id for f in out):
            continue
        # a value stated in the row's own words: "Xây mới 4 phòng học" against "Xây mới 6 phòng học"
        bare = _PAREN_VALUE.sub(" ", t.content)
        for value, unit, written in find_values(bare):
            if not unit or unit == "%":
                continue
            words = bare.replace(written, " ", 1)
            best, best_sim = _closest_target(words, unit, quantified)
            if best is not None and best_sim >= 0.6 and abs(best.value - value) > 1e-9:
                out.append(_mismatch(t, best, written))
                break
    return out


def _closest_target(words: str, unit: str, targets: list) -> tuple:
    """(target, similarity) of the target in `unit` whose indicator reads most like `words`."""
    best, best_sim = None, 0.0
    for g in targets:
        if (g.unit or "") == unit:
            sim = indicator_similarity(words, g.text)
            if sim > best_sim:
                best, best_sim = g, sim
    return best, best_sim


def _mismatch(t, best, written: str) -> Finding:
    return Finding("target-mismatch", "warning",
                   f"Bảng ghi {written} cho chỉ tiêu “{_short(best.text)}”, phần mục tiêu ghi "
                   f"{best.value_text or best.value}.", task=t.id, target=best.id, section=t.section,
                   source=t.source)


def check_is_plan(plan: Plan) -> List[Finding]:
    if plan.tasks or plan.targets or len(list(plan.iter_sections())) >= 2:
        return []
    return [Finding("not-a-plan", "error",
                    "Văn bản không có đề mục, nhiệm vụ hay chỉ tiêu của một kế hoạch: có thể không phải là kế hoạch.")]


def _garbled(text: str) -> bool:
    """Text holding words no Vietnamese text has (look-alike letters of other scripts, Windows-1252
    signs or control codes inside words) and not reading as Vietnamese around them."""
    if not text or text.isascii() and text.isprintable():
        return False
    good, bad, alien = share([text])
    return alien > 0 and not reads_as_vietnamese(good, bad, alien)


def _where(src) -> str:
    if src and src.page:
        return f"Trang {src.page}"
    if src and src.line:
        return f"Dòng {src.line}"
    return "Văn bản"


def drop_garbled(plan: Plan) -> List[Finding]:
    """The last guard against garbage text (a font or encoding no reader could recover): section
    titles, tasks and targets whose text is not Vietnamese are left out (a section keeps its
    number and loses its title), each with a `garbled-text` finding naming where it stands."""
    out: List[Finding] = []
    why = "không đọc được (chữ của bảng mã hoặc phông chữ hỏng, không phải tiếng Việt)"
    for sec in plan.iter_sections():
        if _garbled(sec.title):
            out.append(Finding("garbled-text", "warning", f"{_where(sec.source)}: tên đề mục {sec.number or ''} "
                               f"{why}; đã bỏ tên đề mục — cần đối chiếu bản gốc.".replace("  ", " "),
                               section=sec.id, source=sec.source))
            sec.title = ""
    dropped = set()
    for t in plan.tasks:
        if _garbled(t.content):
            dropped.add(t.id)
            out.append(Finding("garbled-text", "warning", f"{_where(t.source)}: một nhiệm vụ {why}; "
                               "đã bỏ qua — cần đối chiếu bản gốc.", section=t.section, source=t.source))
    plan.tasks = [t for t in plan.tasks if t.id not in dropped]
    gone = set()
    for g in plan.targets:
        if _garbled(g.text) or _garbled(g.sentence or ""):
            gone.add(g.id)
            out.append(Finding("garbled-text", "warning", f"{_where(g.source)}: một chỉ tiêu {why}; "
                               "đã bỏ qua — cần đối chiếu bản gốc.", section=g.section, source=g.source))
    plan.targets = [g for g in plan.targets if g.id not in gone]
    for g in plan.targets:
        if g.parent in gone:
            g.parent = None
    plan.findings = [f for f in plan.findings if f.task not in dropped and f.target not in gone]
    return out


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
