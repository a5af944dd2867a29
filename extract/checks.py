"""Checks: the extracted plan -> findings a reviewer must see.

Reads the tasks and targets (table rows already carry their own findings from `tables`). Writes
`Finding`s: duties in the text with no lead unit or no deadline, table rows that state a value
different from the same indicator of the targets section (`target-mismatch`), and a document that
is not a plan at all (`not-a-plan`).
"""
from __future__ import annotations

import re
from typing import List

from .model import Finding, Plan
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
            best, best_sim = None, 0.0
            for g in quantified:
                if (g.unit or "") != (unit or ""):
                    continue
                sim = indicator_similarity(outside, g.text)
                if sim > best_sim:
                    best, best_sim = g, sim
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
            best, best_sim = None, 0.0
            for g in quantified:
                if (g.unit or "") != unit:
                    continue
                sim = indicator_similarity(words, g.text)
                if sim > best_sim:
                    best, best_sim = g, sim
            if best is not None and best_sim >= 0.6 and abs(best.value - value) > 1e-9:
                out.append(_mismatch(t, best, written))
                break
    return out


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


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
