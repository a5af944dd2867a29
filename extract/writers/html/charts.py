"""Inline SVG bar charts drawn by the report itself (no library, no network when viewed). Reads:
(label, value, css class) bars. Writes: an `<svg>` element whose bars are laid out in percent of
its width while its text keeps its size, so it reads the same on a phone, a desktop and paper;
a `<title>` per bar gives the tooltip and the values are written next to the bars."""
from __future__ import annotations

from .labels import number
from .layout import esc

ROW = 22            # height of one bar's row, px
LABEL = 42          # the labels' column, percent of the width
SPAN = 46           # the longest bar, percent of the width
MAX_LABEL = 32      # characters of a label shown (the tooltip has it whole)


def bar_chart(bars: list, title: str, empty: str = "Không có dữ liệu") -> str:
    """Horizontal bars, one row per (label, value, css_class) with a value; the longest bar
    spans SPAN percent of the width."""
    bars = [b for b in bars if b[1]]
    if not bars:
        return f'<p class="chart-empty">{esc(empty)}</p>'
    top = max(v for _label, v, _cls in bars)
    height = ROW * len(bars) + 4
    out = [f'<svg class="chart" width="100%" height="{height}" role="img" aria-label="{esc(title)}" '
           'xmlns="http://www.w3.org/2000/svg">', f"<title>{esc(title)}</title>"]
    for i, (label, value, cls) in enumerate(bars):
        y = 2 + i * ROW
        w = max(0.4, SPAN * value / top)
        text = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
        out.append(
            f'<g class="bar {esc(cls)}"><title>{esc(label)}: {number(value)}</title>'
            f'<text class="lbl" x="{LABEL - 1}%" y="{y + ROW / 2 + 4:.0f}" text-anchor="end">{esc(text)}</text>'
            f'<rect x="{LABEL}%" y="{y + 4}" width="{w:.2f}%" height="{ROW - 8}" rx="2"></rect>'
            f'<text class="val" x="{LABEL + w:.2f}%" dx="5" y="{y + ROW / 2 + 4:.0f}">{number(value)}</text></g>')
    out.append("</svg>")
    return "".join(out)
