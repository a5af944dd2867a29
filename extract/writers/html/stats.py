"""Counts of one plan for the report: tasks with a lead and a deadline, findings by severity and
by code, task deadlines by quarter. Reads: a plan dict (the JSON schema; any part may be missing
or malformed). Writes: a `PlanStats`, which the plan page's summary and the batch index share."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from . import labels

# Deadlines that fall in no quarter, in the order the chart shows them.
NO_QUARTER = ("recurring", "continuous", "conditional", None)


def items(value) -> list:
    """The dicts of a JSON list (anything else in it, or a non-list, is ignored)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def ref(value):
    """An id, code or reference of the JSON as a string (None for anything that is not a scalar)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value)


def refs(item: dict, *keys) -> dict:
    """A copy of `item` whose `keys` are made plain references (see `ref`)."""
    return {**item, **{k: ref(item.get(k)) for k in keys}}


def part(plan: dict, key: str) -> dict:
    value = plan.get(key) if isinstance(plan, dict) else None
    return value if isinstance(value, dict) else {}


@dataclass
class PlanStats:
    tasks: int = 0
    with_lead: int = 0
    with_deadline: int = 0
    targets: int = 0
    sections: int = 0
    severities: Counter = field(default_factory=Counter)   # error/warning/info -> count
    codes: Counter = field(default_factory=Counter)        # finding code -> count
    code_severity: dict = field(default_factory=dict)      # finding code -> its severity
    quarters: Counter = field(default_factory=Counter)     # (year, q) or a deadline kind -> tasks

    @property
    def missing_lead(self) -> int:
        return self.codes.get("missing-lead", 0)

    @property
    def missing_deadline(self) -> int:
        return self.codes.get("missing-deadline", 0)

    def add(self, other: "PlanStats") -> None:
        for name in ("tasks", "with_lead", "with_deadline", "targets", "sections"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.severities.update(other.severities)
        self.codes.update(other.codes)
        self.quarters.update(other.quarters)
        for code, sev in other.code_severity.items():
            self.code_severity.setdefault(code, sev)


def has_deadline(task: dict) -> bool:
    d = task.get("deadline") if isinstance(task.get("deadline"), dict) else {}
    return bool(d.get("kind") or (d.get("text") or "").strip())


def deadline_bucket(task: dict):
    """(year, quarter) of the date a task is due (its end, else its start), else its kind."""
    d = task.get("deadline") if isinstance(task.get("deadline"), dict) else {}
    kind = ref(d.get("kind"))
    if kind in ("once", "range"):
        q = labels.quarter(d.get("end")) or labels.quarter(d.get("start"))
        if q:
            return q
    return kind if kind in NO_QUARTER else None


def count_sections(sections) -> int:
    return sum(1 + count_sections(s.get("children")) for s in items(sections))


def plan_stats(plan: dict) -> PlanStats:
    tasks = items(plan.get("tasks"))
    st = PlanStats(tasks=len(tasks), targets=len(items(plan.get("targets"))),
                   sections=count_sections(plan.get("sections")))
    for t in tasks:
        st.with_lead += bool(names(t.get("lead")))
        st.with_deadline += has_deadline(t)
        st.quarters[deadline_bucket(t)] += 1
    for f in items(plan.get("findings")):
        sev, code = ref(f.get("severity")), ref(f.get("code"))
        st.severities[sev] += 1
        st.codes[code] += 1
        st.code_severity.setdefault(code, sev)
    return st


def names(value) -> list:
    """Unit names of a lead/partners list (strings only, blanks dropped)."""
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip()] \
        if isinstance(value, list) else []
