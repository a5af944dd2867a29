"""The report page of one plan. Reads: a plan dict (the JSON schema of the README; missing or
malformed parts are shown as absent, never a crash). Writes: the HTML of the page: header, summary,
findings of the whole document, collapsible outline, task table with filters and each finding on
its row (a missing lead or deadline is an empty cell that stands out), targets, text repairs, and
the place in the file of every item."""
from __future__ import annotations

import json

from . import labels
from .layout import attrs, esc, page, td
from .stats import PlanStats, items, names, part, plan_stats, ref, refs

_SEV_RANK = {"error": 0, "warning": 1, "info": 2}
_NONE = '<span class="none">—</span>'


def render(plan: dict, name: str, generated: str, stats: PlanStats | None = None) -> str:
    """The whole page. `name` names the plan (its document id); `generated` is the report's date."""
    stats = stats or plan_stats(plan)
    doc, inp = part(plan, "document"), part(plan, "input")
    tasks = [refs(t, "id", "section", "group", "number", "origin") for t in items(plan.get("tasks"))]
    targets = [refs(t, "id", "parent", "comparator") for t in items(plan.get("targets"))]
    findings = sorted((refs(f, "task", "target", "code", "severity") for f in items(plan.get("findings"))),
                      key=lambda f: _SEV_RANK.get(f.get("severity"), 3))
    sections_tree = _clean_sections(plan.get("sections"))
    task_ids = {t.get("id") for t in tasks}
    target_ids = {t.get("id") for t in targets}
    by_task, by_target, general = {}, {}, []
    for f in findings:
        if f.get("task") and f.get("task") in task_ids:
            by_task.setdefault(f["task"], []).append(f)
        elif f.get("target") and f.get("target") in target_ids:
            by_target.setdefault(f["target"], []).append(f)
        else:
            general.append(f)
    sections = _section_index(sections_tree)
    title = doc.get("title") or inp.get("name") or name
    body = "\n".join([
        _top(doc, title, name),
        '<main>',
        _summary(stats),
        _general(general),
        _header(doc, inp),
        _outline(sections_tree, tasks, by_task),
        _tasks(tasks, by_task, sections),
        _targets(targets, by_target),
        _repairs(items(plan.get("normalization"))),
        '</main>',
        f'<footer>Lập bởi kehoach {esc(plan.get("tool_version") or "")} · {esc(generated)} · '
        f'dữ liệu: <code>{esc(name)}.json</code> (schema {esc(plan.get("schema_version") or "")})</footer>',
    ])
    number = doc.get("number") or "chưa có số"
    return page(f"{number} — {title}", body, assets="../", kind="plan")


# --------------------------------------------------------------------------- header and summary
def _top(doc: dict, title: str, name: str) -> str:
    number = (f'<span class="docnum">{esc(doc["number"])}</span>' if doc.get("number")
              else '<span class="docnum none">chưa có số</span>')
    kicker = " · ".join(x for x in (esc(doc.get("doc_type") or "Văn bản"), number,
                                    esc(doc.get("issuer") or ""), esc(labels.date(doc.get("date")))) if x)
    return ('<header class="top">'
            '<nav><a href="../index.html">← Tất cả kế hoạch</a></nav>'
            f'<p class="kicker">{kicker}</p><h1>{esc(title)}</h1>'
            f'<p class="docid">{esc(name)}</p></header>')


def _card(label: str, value: str, cls: str = "", note: str = "") -> str:
    return (f'<div class="stat {cls}"><span class="v">{value}</span><span class="k">{esc(label)}</span>'
            + (f'<span class="n">{esc(note)}</span>' if note else "") + "</div>")


def _pct(part_: int, whole: int) -> str:
    return f"{round(100 * part_ / whole)}%" if whole else ""


def _summary(st: PlanStats) -> str:
    sev = st.severities
    cards = [
        _card("nhiệm vụ", labels.number(st.tasks)),
        _card("có đơn vị chủ trì", f"{labels.number(st.with_lead)}", "bad" if st.with_lead < st.tasks else "",
              _pct(st.with_lead, st.tasks)),
        _card("có thời hạn", f"{labels.number(st.with_deadline)}", "", _pct(st.with_deadline, st.tasks)),
        _card("chỉ tiêu", labels.number(st.targets)),
        _card("lỗi", labels.number(sev.get("error", 0)), "sev-error" if sev.get("error") else ""),
        _card("cảnh báo", labels.number(sev.get("warning", 0)), "sev-warning" if sev.get("warning") else ""),
        _card("thông tin", labels.number(sev.get("info", 0)), "sev-info" if sev.get("info") else ""),
    ]
    return f'<section id="tong-hop" class="stats" aria-label="Tổng hợp">{"".join(cards)}</section>'


def _finding_item(f: dict) -> str:
    sev = f.get("severity") or "info"
    where = labels.source(f.get("source"))
    return (f'<li class="finding sev-{esc(sev)}"{attrs(data_code=f.get("code"))}>'
            f'<span class="badge">{esc(labels.SEVERITY.get(sev, sev))}</span> '
            f'<span class="code">{esc(labels.finding(f.get("code")))}</span>: {esc(f.get("message"))}'
            + (f' <span class="src">({esc(where)})</span>' if where else "") + "</li>")


def _general(findings: list) -> str:
    if not findings:
        return ""
    return ('<section id="phat-hien-chung" class="card"><h2>Phát hiện chung của văn bản</h2>'
            f'<ul class="findings">{"".join(_finding_item(f) for f in findings)}</ul></section>')


def _header(doc: dict, inp: dict) -> str:
    signer = doc.get("signer") if isinstance(doc.get("signer"), dict) else {"name": doc.get("signer")}
    issuer = " / ".join(esc(x) for x in (doc.get("parent_issuer"), doc.get("issuer")) if x)
    number = esc(doc.get("number")) if doc.get("number") else (
        '<span class="missing-tag">chưa có số</span>'
        + (f' <span class="asis">({esc(doc.get("number_text"))})</span>' if doc.get("number_text") else ""))
    date = esc(labels.date(doc.get("date")))
    if doc.get("date_text") and date:
        date += f' <span class="asis">({esc(doc["date_text"])})</span>'
    recipients = names(doc.get("recipients"))
    cited = items(doc.get("cited"))
    fmt = ref(inp.get("format"))
    file_bits = [esc(inp.get("name") or inp.get("path") or ""), esc(labels.FORMAT.get(fmt, fmt or ""))]
    if inp.get("pages"):
        file_bits.append(f"{esc(inp['pages'])} trang")
    if inp.get("encoding"):
        file_bits.append(f"mã {esc(inp['encoding'])}")
    rows = [
        ("Loại văn bản", esc(doc.get("doc_type"))),
        ("Số, ký hiệu", number),
        ("Cơ quan ban hành", issuer),
        ("Địa danh, ngày", ", ".join(x for x in (esc(doc.get("place")), date) if x)),
        ("Trích yếu", esc(doc.get("title"))),
        ("Người ký", " — ".join(esc(signer.get(k)) for k in ("authority", "title", "name") if signer.get(k))),
        ("Nơi nhận", "; ".join(esc(r) for r in recipients)),
        ("Văn bản căn cứ", "<ul>" + "".join(f"<li>{esc(c.get('text'))}</li>" for c in cited) + "</ul>"
         if cited else ""),
        ("Tệp nguồn", " · ".join(x for x in file_bits if x)),
        ("Vị trí phần đầu", esc(labels.source(doc.get("source")))),
    ]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{v or _NONE}</dd>" for k, v in rows)
    return f'<section id="van-ban" class="card"><h2>Thông tin văn bản</h2><dl class="meta">{dl}</dl></section>'


# --------------------------------------------------------------------------- outline
def section_number(sec: dict) -> str:
    """The literal number with its marker's punctuation: 'II.', '1.2.', '(3)', 'a)', 'II-'."""
    num = str(sec.get("number") or "").strip()
    marker = str(sec.get("marker") or "")
    if not num:
        return ""
    if marker.startswith("(") and marker.endswith(")"):
        return f"({num})"
    if marker.endswith(")"):
        return f"{num})"
    if marker.endswith("-") or marker.endswith("–"):
        return f"{num} -"
    if marker.endswith(".") and not num.endswith("."):
        return f"{num}."
    return num


def _clean_sections(sections) -> list:
    """The outline with plain ids and numbers, children always a list of dicts."""
    return [{**refs(s, "id", "number", "marker"), "children": _clean_sections(s.get("children"))}
            for s in items(sections)]


def _section_index(sections, parent: tuple = ()) -> dict:
    """Section id -> its path of 'number title' headings, outermost first."""
    out = {}
    for s in items(sections):
        head = " ".join(x for x in (section_number(s), str(s.get("title") or "").strip()) if x)
        path = parent + (head,)
        if s.get("id"):
            out[s["id"]] = path
        out.update(_section_index(s.get("children"), path))
    return out


def _outline(sections, tasks: list, by_task: dict) -> str:
    sections = items(sections)
    if not sections:
        return ('<section id="dan-y" class="card"><h2>Dàn ý</h2>'
                '<p class="none">Không nhận ra dàn ý đánh số.</p></section>')
    first, count, flagged = {}, {}, {}
    for t in tasks:
        sid = t.get("section")
        first.setdefault(sid, t.get("id"))
        count[sid] = count.get(sid, 0) + 1
        flagged[sid] = flagged.get(sid, 0) + bool(by_task.get(t.get("id")))

    def total(s: dict, table: dict) -> int:
        return table.get(s.get("id"), 0) + sum(total(c, table) for c in items(s.get("children")))

    def node(s: dict) -> str:
        children = items(s.get("children"))
        n, bad = total(s, count), total(s, flagged)
        meta = []
        if n:
            target = first.get(s.get("id"))
            label = f"{n} nhiệm vụ"
            meta.append(f'<a href="#task-{esc(target)}">{label}</a>' if target else label)
        if bad:
            meta.append(f'<span class="flag">{bad} có phát hiện</span>')
        where = labels.source(s.get("source"))
        if where:
            meta.append(f'<span class="src">{esc(where)}</span>')
        head = (f'<span class="num">{esc(section_number(s))}</span> <span class="ttl">{esc(s.get("title"))}</span>'
                + (f' <span class="meta">{" · ".join(meta)}</span>' if meta else ""))
        if not children:
            return f'<li{attrs(id="sec-" + str(s.get("id") or ""))}><div class="leaf">{head}</div></li>'
        inner = "".join(node(c) for c in children)
        return (f'<li{attrs(id="sec-" + str(s.get("id") or ""))}><details open><summary>{head}</summary>'
                f'<ul>{inner}</ul></details></li>')

    tree = "".join(node(s) for s in sections)
    return ('<section id="dan-y" class="card"><h2>Dàn ý</h2>'
            '<p class="tools"><button type="button" data-outline="open">Mở hết</button> '
            '<button type="button" data-outline="close">Thu gọn</button></p>'
            f'<ul class="outline">{tree}</ul></section>')


# --------------------------------------------------------------------------- tasks
def _units(units: list, canonical) -> str:
    canon = names(canonical)
    out = []
    for i, u in enumerate(units):
        full = canon[i] if i < len(canon) and canon[i].casefold() != u.casefold() else None
        out.append(f"<li{attrs(title=full)}>{esc(u)}</li>")
    return f'<ul class="units">{"".join(out)}</ul>'


def _marks(findings: list, cell: str) -> str:
    """Short flags inside a cell for the findings that concern it."""
    out = [f'<span class="mark sev-{esc(f.get("severity") or "info")}">{esc(labels.finding(f.get("code")))}</span>'
           for f in findings if labels.FINDING_CELL.get(f.get("code")) == cell
           and f.get("code") not in ("missing-lead", "missing-deadline")]
    return "".join(out)


def _group_label(t: dict, sections: dict) -> tuple:
    """The heading a task is listed under: its table group, else its section path."""
    if t.get("group") or t.get("group_title"):
        group, title = str(t.get("group") or "").strip(), str(t.get("group_title") or "").strip()
        if group and title and group[-1].isalnum():
            group += "."
        text = " ".join(x for x in (group, title) if x)
        key = ("g", t.get("section"), t.get("group"), t.get("group_title"))
    else:
        text = " › ".join(sections.get(t.get("section"), ())) or "Ngoài các mục đánh số"
        key = ("s", t.get("section"))
    return key, text


def _tasks(tasks: list, by_task: dict, sections: dict) -> str:
    if not tasks:
        return ('<section id="nhiem-vu" class="card"><h2>Nhiệm vụ</h2>'
                '<p class="none">Không tìm thấy nhiệm vụ nào.</p></section>')
    leads, kinds = set(), {}
    rows, last_key = [], None
    for t in tasks:
        key, text = _group_label(t, sections)
        if key != last_key:
            rows.append(f'<tr class="grp"><th colspan="7" scope="rowgroup">{esc(text)}</th></tr>')
            last_key = key
        rows.append(_task_row(t, by_task.get(t.get("id"), []), leads, kinds))
    lead_opts = "".join(f'<option value="{esc(u)}">{esc(u)}</option>' for u in sorted(leads, key=str.casefold))
    kind_opts = "".join(f'<option value="{esc(k)}">{esc(v)}</option>'
                        for k, v in ((k, labels.DEADLINE_KIND[None if k == "none" else k]) for k in
                                     ("once", "range", "recurring", "continuous", "conditional", "none"))
                        if k in kinds)
    n_flagged = sum(1 for t in tasks if by_task.get(t.get("id")))
    codes = {}
    for t in tasks:
        for code in {str(f.get("code")) for f in by_task.get(t.get("id"), [])}:
            codes[code] = codes.get(code, 0) + 1
    code_opts = "".join(f'<option value="{esc(c)}">{esc(labels.finding(c))} ({n})</option>'
                        for c, n in sorted(codes.items(), key=lambda kv: -kv[1]))
    filters = (
        '<form class="filters" id="task-filters">'
        f'<label><input type="checkbox" id="only-findings"> Chỉ nhiệm vụ có phát hiện ({n_flagged})</label>'
        f'<label>Loại phát hiện <select id="by-code"><option value="">Tất cả</option>{code_opts}</select></label>'
        '<label>Đơn vị chủ trì <select id="by-lead"><option value="">Tất cả</option>'
        f'<option value="__none__">(chưa có đơn vị chủ trì)</option>{lead_opts}</select></label>'
        f'<label>Loại thời hạn <select id="by-kind"><option value="">Tất cả</option>{kind_opts}</select></label>'
        f'<output id="task-count" aria-live="polite">{len(tasks)}/{len(tasks)} nhiệm vụ</output>'
        '</form>')
    head = "".join(f'<th scope="col" class="{c}">{esc(h)}</th>' for c, h in (
        ("c-num", "STT"), ("c-content", "Nội dung nhiệm vụ"), ("c-lead", "Chủ trì"), ("c-partners", "Phối hợp"),
        ("c-deadline", "Thời hạn"), ("c-findings", "Phát hiện"), ("c-src", "Nguồn")))
    return ('<section id="nhiem-vu" class="card"><h2>Nhiệm vụ</h2>' + filters +
            '<div class="scroll"><table class="tasks" id="tasks">'
            '<colgroup><col class="c-num"><col class="c-content"><col class="c-lead"><col class="c-partners">'
            '<col class="c-deadline"><col class="c-findings"><col class="c-src"></colgroup>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            '<p class="no-match" id="no-match" hidden>Không có nhiệm vụ nào khớp bộ lọc.</p></section>')


def _task_row(t: dict, findings: list, leads: set, kinds: dict) -> str:
    codes = {f.get("code") for f in findings}
    lead, partners = names(t.get("lead")), names(t.get("partners"))
    leads.update(lead)
    d = t.get("deadline") if isinstance(t.get("deadline"), dict) else {}
    kind = ref(d.get("kind")) if ref(d.get("kind")) in labels.DEADLINE_KIND else None
    kind_key = kind or "none"
    kinds[kind_key] = True
    worst = min((_SEV_RANK.get(f.get("severity"), 3) for f in findings), default=None)
    cls = ["task"] + (["flagged", "sev-" + ("error", "warning", "info", "info")[worst]] if findings else [])

    lead_cell = (_units(lead, t.get("lead_canonical")) if lead else
                 '<span class="gap">chưa có</span>' if "missing-lead" in codes else _NONE)
    deadline_text = str(d.get("text") or "").strip()
    if deadline_text or kind:
        deadline_cell = (f'<span class="dl">{esc(deadline_text)}</span>'
                         f'<span class="kind">{esc(labels.deadline_kind(d))}</span>')
    elif "missing-deadline" in codes:
        deadline_cell = '<span class="gap">chưa có</span>'
    else:
        deadline_cell = _NONE
    number = str(t.get("number") or "").strip()
    extra = t.get("extra") if isinstance(t.get("extra"), dict) else {}
    extra_html = "".join(f'<div class="extra"><b>{esc(k)}:</b> {esc(v)}</div>' for k, v in extra.items() if v)
    tid = str(t.get("id") or "")
    cells = [
        ("c-num", "STT", esc(number) + _marks(findings, "number"), False),
        ("c-content", "Nội dung", f'<div class="content">{esc(t.get("content"))}</div>{extra_html}'
         + _marks(findings, "content"), False),
        ("c-lead", "Chủ trì", lead_cell, "missing-lead" in codes),
        ("c-partners", "Phối hợp", _units(partners, t.get("partners_canonical")) if partners
         else _NONE, False),
        ("c-deadline", "Thời hạn", deadline_cell + _marks(findings, "deadline"), "missing-deadline" in codes),
        ("c-findings", "Phát hiện", f'<ul class="findings">{"".join(_finding_item(f) for f in findings)}</ul>'
         if findings else "", False),
        ("c-src", "Nguồn", f'<span class="tid">{esc(tid)}</span> {esc(labels.source(t.get("source")))}'
         + (' <span class="origin">văn bản</span>' if t.get("origin") == "text" else ""), False),
    ]
    tds = "".join(td(html, label, c + (" missing" if miss else "")) for c, label, html, miss in cells)
    return (f'<tr{attrs(id="task-" + tid if tid else None, class_=" ".join(cls), data_findings=len(findings), data_kind=kind_key, data_codes=" ".join(sorted({str(f.get("code")) for f in findings})))}'
            f' data-leads="{esc(json.dumps(lead, ensure_ascii=False))}">{tds}</tr>')


# --------------------------------------------------------------------------- targets and repairs
def _targets(targets: list, by_target: dict) -> str:
    if not targets:
        return ('<section id="chi-tieu" class="card"><h2>Chỉ tiêu</h2>'
                '<p class="none">Không tìm thấy chỉ tiêu định lượng.</p></section>')
    ids = {t.get("id") for t in targets}
    rows = []
    for t in targets:
        findings = by_target.get(t.get("id"), [])
        child = t.get("parent") in ids
        comp = str(t.get("comparator") or "=")
        value = t.get("value")
        value_title = labels.decimal(value)
        comp_html = (f'<span title="{esc(labels.COMPARATOR_WORDS.get(comp, comp))}">'
                     f'{esc(labels.COMPARATOR.get(comp, comp))} {esc(labels.COMPARATOR_WORDS.get(comp, ""))}</span>'
                     if comp != "=" else "")
        cells = [
            ("t-text", "Chỉ tiêu", ('<span class="sub">↳ trong đó</span> ' if child else "")
             + f'{esc(t.get("text"))}<div class="sentence">{esc(t.get("sentence"))}</div>'),
            ("t-cmp", "So sánh", comp_html),
            ("t-val", "Giá trị", f'<span{attrs(title=value_title)}>{esc(t.get("value_text") or value_title or "")}</span>'),
            ("t-unit", "Đơn vị", esc(t.get("unit"))),
            ("t-year", "Năm", esc(t.get("year"))),
            ("t-parent", "Thuộc", esc(t.get("parent"))),
            ("t-findings", "Phát hiện", f'<ul class="findings">{"".join(_finding_item(f) for f in findings)}</ul>'
             if findings else ""),
            ("t-src", "Nguồn", f'<span class="tid">{esc(t.get("id"))}</span> {esc(labels.source(t.get("source")))}'),
        ]
        tds = "".join(td(html, label, c) for c, label, html in cells)
        cls = "target" + (" child" if child else "") + (" flagged" if findings else "")
        rows.append(f'<tr{attrs(id="target-" + str(t.get("id") or ""), class_=cls)}>{tds}</tr>')
    head = "".join(f"<th scope=\"col\">{h}</th>" for h in
                   ("Chỉ tiêu", "So sánh", "Giá trị", "Đơn vị", "Năm", "Thuộc", "Phát hiện", "Nguồn"))
    return ('<section id="chi-tieu" class="card"><h2>Chỉ tiêu</h2><div class="scroll"><table class="targets">'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')


def _repairs(entries: list) -> str:
    if not entries:
        return ('<section id="chuan-hoa" class="card"><h2>Sửa chữ (chuẩn hóa văn bản)</h2>'
                '<p class="none">Không cần sửa chữ nào.</p></section>')
    rows = []
    for e in entries:
        examples = "".join(f'<li><span class="before">{esc(x.get("before"))}</span> → '
                           f'<span class="after">{esc(x.get("after"))}</span></li>'
                           for x in items(e.get("examples"))[:5])
        rows.append("<tr>" + td(f'{esc(labels.repair(e.get("step")))} <code>{esc(e.get("step"))}</code>', "Bước")
                    + td(esc(labels.number(e.get("count"))), "Số lần", "num")
                    + td(f'<ul class="examples">{examples}</ul>' if examples else "", "Ví dụ") + "</tr>")
    return ('<section id="chuan-hoa" class="card"><h2>Sửa chữ (chuẩn hóa văn bản)</h2><div class="scroll">'
            '<table class="repairs"><thead><tr><th scope="col">Bước</th><th scope="col">Số lần</th>'
            f'<th scope="col">Ví dụ (trước → sau)</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>')
