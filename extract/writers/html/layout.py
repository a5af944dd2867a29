"""The frame of every report page and the escaping all pages go through. Reads: a title, the body
HTML and the relative path to the shared assets. Writes: a whole HTML document (a string).

Every text that comes from a document passes through `esc` (text and attribute values alike);
the pages build HTML from escaped pieces only."""
from __future__ import annotations

import html
import re
import unicodedata

from ... import __version__

ASSETS = ("report.css", "report.js")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(value) -> str:
    """Text for HTML (body or attribute): NFC, control characters dropped, & < > " ' escaped."""
    if value is None:
        return ""
    return html.escape(_CONTROL.sub("", unicodedata.normalize("NFC", str(value))), quote=True)


def attrs(**values) -> str:
    """` name="value"` pairs (escaped), skipping None and False; `data_x` becomes `data-x`."""
    out = []
    for k, v in values.items():
        if v is None or v is False:
            continue
        name = k.rstrip("_").replace("_", "-")
        out.append(f" {name}" if v is True else f' {name}="{esc(v)}"')
    return "".join(out)


def td(content: str, label: str, cls: str | None = None, **more) -> str:
    """A table cell (`content` is HTML already escaped) labelled for the phone layout, where each
    cell becomes a line `label: content`; an empty cell stays empty (and is hidden there)."""
    inner = f'<div class="cv">{content}</div>' if content else ""
    return f"<td{attrs(class_=cls or None, data_label=label, **more)}>{inner}</td>"


def page(title: str, body: str, assets: str = "", kind: str = "plan") -> str:
    """A complete HTML document with the shared stylesheet and script (relative links: the
    report folder works anywhere, opened from the disk, with no network)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="kehoach {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{assets}report.css">\n'
        f'<script src="{assets}report.js" defer></script>\n'
        f'</head>\n<body class="{esc(kind)}">\n{body}\n</body>\n</html>\n'
    )
