"""Inline SVG bar charts drawn by the report itself (no library, no network when viewed). Reads:
(label, value, css class) bars. Writes: an `<svg>` element that scales to its container, with a
`<title>` per bar for the tooltip and the values written next to the bars (readable printed)."""
from __future__ import annotations

from .layout import esc
from .labels import number

ROW = 22          # height of one bar's row, in SVG units
LABEL_W = 230     # room for the labels at the left
WIDTH = 640


def bar_chart(bars: list, title: str, empty: str = "Không có dữ liệu") -> str:
    """Horizontal bars, one row per (label, value, css_class); the longest bar spans the width."""
    bars = [b for b in bars if b[1]]
    if not bars:
        return f'<p class="chart-empty">{esc(empty)}</p>'
    top = max(v for _label, v, _cls in bars)
    span = WIDTH - LABEL_W - 60
    height = ROW * len(bars) + 6
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{esc(title)}" '
           f'xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMinYMin meet">',
           f"<title>{esc(title)}</title>"]
    for i, (label, value, cls) in enumerate(bars):
        y = 3 + i * ROW
        w = max(2.0, span * value / top)
        text = label if len(label) <= 34 else label[:33] + "…"
        out.append(
            f'<g class="bar {esc(cls)}"><title>{esc(label)}: {number(value)}</title>'
            f'<text class="lbl" x="{LABEL_W - 8}" y="{y + ROW / 2 + 4:.0f}" text-anchor="end">{esc(text)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 3}" width="{w:.1f}" height="{ROW - 8}" rx="2"></rect>'
            f'<text class="val" x="{LABEL_W + w + 6:.1f}" y="{y + ROW / 2 + 4:.0f}">{number(value)}</text></g>')
    out.append("</svg>")
    return "".join(out)
