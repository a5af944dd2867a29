"""The batch index of the report. Reads: one `IndexRow` per converted plan (its page, header
fields and `PlanStats`) and the failed inputs with their reason. Writes: the HTML of index.html:
counts at the top, failed files, charts of findings by code and of task deadlines by quarter, and
the table of plans (sortable by the script; served sorted by errors, then warnings)."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from . import labels
from .charts import bar_chart
from .layout import attrs, esc, page, td
from .stats import NO_QUARTER, PlanStats

_NO_QUARTER_LABEL = {"recurring": "Định kỳ (không có quý)", "continuous": "Thường xuyên",
                     "conditional": "Theo điều kiện", None: "Chưa có thời hạn"}


@dataclass
class IndexRow:
    doc_id: str
    href: str               # the plan page, relative to the report folder
    source: str             # the input file
    number: str | None
    title: str | None
    issuer: str | None
    date: str | None        # ISO, as in the JSON
    stats: PlanStats


@dataclass
class FailedRow:
    doc_id: str
    source: str
    reason: str


def render(rows: list, failed: list, generated: str) -> str:
    total = PlanStats()
    for r in rows:
        total.add(r.stats)
    rows = sorted(rows, key=lambda r: (-r.stats.severities.get("error", 0), -r.stats.severities.get("warning", 0),
                                       r.doc_id.casefold()))
    body = "\n".join([
        '<header class="top"><h1>Báo cáo rà soát kế hoạch</h1>'
        f'<p class="kicker">Lập {esc(generated)} · {labels.number(len(rows) + len(failed))} tệp</p></header>',
        "<main>",
        _counts(rows, failed, total),
        _failed(failed),
        _charts(total),
        _table(rows),
        "</main>",
        '<footer>Lập bởi kehoach từ các tệp JSON kế hoạch; mở được không cần mạng.</footer>',
    ])
    return page("Báo cáo rà soát kế hoạch", body, assets="", kind="index")


def _counts(rows: list, failed: list, total: PlanStats) -> str:
    def card(label, value, cls="", href=None):
        v = labels.number(value)
        inner = f'<span class="v">{v}</span><span class="k">{esc(label)}</span>'
        return f'<div class="stat {cls}">' + (f'<a href="{href}">{inner}</a>' if href else inner) + "</div>"
    with_errors = sum(1 for r in rows if r.stats.severities.get("error"))
    return ('<section id="tong-hop" class="stats" aria-label="Tổng hợp">'
            + card("kế hoạch", len(rows)) + card("kế hoạch có lỗi", with_errors, "sev-error" if with_errors else "")
            + card("nhiệm vụ", total.tasks)
            + card("thiếu đơn vị chủ trì", total.missing_lead, "sev-error" if total.missing_lead else "")
            + card("thiếu thời hạn", total.missing_deadline, "sev-warning" if total.missing_deadline else "")
            + card("tệp không đọc được", len(failed), "sev-error" if failed else "", "#tep-loi" if failed else None)
            + "</section>")


def _failed(failed: list) -> str:
    if not failed:
        return ""
    rows = "".join("<tr>" + td(f"<code>{esc(f.source)}</code>", "Tệp") + td(esc(f.reason), "Lý do") + "</tr>"
                   for f in failed)
    return ('<section id="tep-loi" class="card"><h2>Tệp không đọc được</h2><div class="scroll">'
            '<table class="failed"><thead><tr><th scope="col">Tệp</th><th scope="col">Lý do</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></div></section>')


def _charts(total: PlanStats) -> str:
    sev_rank = {"error": 0, "warning": 1, "info": 2}
    codes = sorted(total.codes.items(), key=lambda kv: (sev_rank.get(total.code_severity.get(kv[0]), 3), -kv[1]))
    by_code = [(labels.finding(code), n, f"sev-{total.code_severity.get(code) or 'info'}") for code, n in codes]
    quarters = sorted(k for k in total.quarters if isinstance(k, tuple))
    by_quarter = [(labels.quarter_label(q), total.quarters[q], "q") for q in quarters]
    by_quarter += [(_NO_QUARTER_LABEL[k], total.quarters.get(k, 0), "nq") for k in NO_QUARTER]
    return ('<section id="bieu-do" class="charts">'
            '<figure class="card"><figcaption>Phát hiện theo loại</figcaption>'
            f'{bar_chart(by_code, "Số phát hiện theo loại", "Không có phát hiện nào")}</figure>'
            '<figure class="card"><figcaption>Thời hạn hoàn thành nhiệm vụ theo quý</figcaption>'
            f'{bar_chart(by_quarter, "Số nhiệm vụ theo quý đến hạn", "Không có nhiệm vụ nào")}</figure>'
            "</section>")


_COLUMNS = (  # key, heading, type of sort, css class
    ("plan", "Kế hoạch", "text", "i-plan"),
    ("issuer", "Cơ quan ban hành", "text", "i-issuer"),
    ("date", "Ngày", "text", "i-date"),
    ("tasks", "Nhiệm vụ", "num", "i-n"),
    ("lead", "Thiếu chủ trì", "num", "i-n"),
    ("deadline", "Thiếu thời hạn", "num", "i-n"),
    ("errors", "Lỗi", "num", "i-n"),
    ("warnings", "Cảnh báo", "num", "i-n"),
)
_HEADING = {key: label for key, label, _kind, _cls in _COLUMNS}


def _table(rows: list) -> str:
    head = "".join(
        f'<th scope="col" class="{cls}"{attrs(aria_sort="descending" if key == "errors" else None)}>'
        f'<button type="button" data-key="{key}" data-type="{kind}">{esc(label)}</button></th>'
        for key, label, kind, cls in _COLUMNS)
    body = "".join(_row(r) for r in rows)
    empty = "" if rows else '<p class="none">Không có kế hoạch nào được chuyển đổi.</p>'
    n = len(rows)
    return ('<section id="ke-hoach" class="card"><h2>Các kế hoạch</h2>'
            '<p class="hint">Bấm vào tiêu đề cột để sắp xếp; kế hoạch cần xem trước đứng đầu. '
            'Bấm vào một số để xem các nhiệm vụ đó.</p>'
            '<form class="filters" id="plan-filters" role="search">'
            '<label>Tìm <input type="search" id="plan-search" placeholder="số, tên, cơ quan, tệp…"></label>'
            '<label><input type="checkbox" id="plans-with-errors"> Chỉ kế hoạch có lỗi</label>'
            f'<output id="plan-count" aria-live="polite">{n}/{n} kế hoạch</output></form>'
            f'<div class="scroll"><table class="plans sortable" id="plans"><thead><tr>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>{empty}</section>')


def _row(r: IndexRow) -> str:
    st = r.stats
    sev = st.severities
    number = esc(r.number) if r.number else '<span class="missing-tag">chưa có số</span>'
    title = esc(r.title or r.doc_id)
    plan = (f'<a href="{esc(quote(r.href))}">{number} — {title}</a>'
            f'<div class="src"><code>{esc(r.source)}</code></div>')

    def num(key, value, cls="", link=None):
        text = labels.number(value)
        if value and link is not None:
            text = f'<a href="{esc(quote(r.href))}#{esc(link)}">{text}</a>'
        return td(text, _HEADING[key], "i-n" + (f" {cls}" if value else ""), data_v=value)

    return (f'<tr{attrs(data_id=r.doc_id, data_errors=sev.get("error", 0))}>'
            + td(plan, "Kế hoạch", "i-plan", data_v=f"{r.number or ''} {r.title or r.doc_id}")
            + td(esc(r.issuer), "Cơ quan ban hành", "i-issuer", data_v=r.issuer or "")
            + td(esc(labels.date(r.date, prefix=False)), "Ngày", "i-date", data_v=r.date or "")
            + num("tasks", st.tasks) + num("lead", st.missing_lead, "sev-error", "phat-hien=missing-lead")
            + num("deadline", st.missing_deadline, "sev-warning", "phat-hien=missing-deadline")
            + num("errors", sev.get("error", 0), "sev-error", "phat-hien")
            + num("warnings", sev.get("warning", 0), "sev-warning", "phat-hien")
            + "</tr>")
