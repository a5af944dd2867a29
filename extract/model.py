"""The data model: what readers produce (blocks) and what the pipeline produces (a Plan).

Readers turn a file into a `RawDocument`: a list of `Paragraph` and `Table` blocks in body order,
each with a `Source` (where it stands in the file). Every later stage reads blocks and writes the
typed items below; `Plan.to_dict()` gives the JSON described in the README (schema_version).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Optional, Union

SCHEMA_VERSION = "1.1.0"


def _clean(value: Any) -> Any:
    """Dataclasses to dicts, dropping None fields of Source only (the rest keep explicit nulls)."""
    if isinstance(value, Source):
        return value.to_dict()
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _clean(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


# --------------------------------------------------------------------------- provenance
@dataclass
class Source:
    """Where an item stands in its file. Text files: 1-based lines. Word: paragraph index in the
    body, or table/row/cell (0-based). PDF: 1-based page and bounding box (x0, top, x1, bottom)."""
    line: Optional[int] = None
    line_end: Optional[int] = None
    page: Optional[int] = None
    paragraph: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    cell: Optional[int] = None
    bbox: Optional[tuple] = None
    confidence: Optional[float] = None   # OCR'd text: Tesseract's mean word confidence, 0..1

    def to_dict(self) -> dict:
        return {f.name: (list(getattr(self, f.name)) if f.name == "bbox" else getattr(self, f.name))
                for f in fields(self) if getattr(self, f.name) is not None}

    def span_to(self, other: "Source") -> "Source":
        """A source covering self up to other (line ranges; the rest from self)."""
        end = other.line_end or other.line
        return Source(line=self.line, line_end=end if end != self.line else self.line_end,
                      page=self.page, paragraph=self.paragraph, table=self.table, row=self.row,
                      cell=self.cell, bbox=self.bbox)


# --------------------------------------------------------------------------- reader output
@dataclass
class Paragraph:
    """One paragraph of body text. `label` is a list number rendered by the reader from Word's
    automatic numbering ("II.", "1.2.", "a)"), not part of `text`; `level` is the reader's list or
    outline level (0 = top) when the file carries one; `bold` and `size` are weak heading signals."""
    text: str
    source: Source = field(default_factory=Source)
    label: Optional[str] = None
    level: Optional[int] = None
    bold: bool = False
    size: Optional[float] = None
    style: Optional[str] = None


@dataclass
class Cell:
    """A table cell. `span` is the number of grid columns it covers (Word gridSpan, a PDF cell over
    several columns). `merged` is True when the text was copied from a vertically merged cell above
    (Word vMerge, a PDF cell over several rows): the value applies to this row too."""
    text: str
    source: Source = field(default_factory=Source)
    span: int = 1
    merged: bool = False


@dataclass
class Table:
    """Rows of cells in reading order. `header_rows` counts the leading rows the file itself marks
    as header (Word's repeat-header flag); 0 when unknown."""
    rows: list  # list[list[Cell]]
    source: Source = field(default_factory=Source)
    header_rows: int = 0


Block = Union[Paragraph, Table]


@dataclass
class RawDocument:
    """What a reader hands to the pipeline."""
    blocks: list  # list[Block]
    path: Optional[str] = None
    format: str = "txt"
    pages: Optional[int] = None
    encoding: Optional[str] = None
    findings: list = field(default_factory=list)       # list[Finding] found while reading
    normalization: list = field(default_factory=list)  # list[dict] repairs done while reading
    # (line, text) of lines holding only a number, left out of the blocks as page numbers (text
    # readers): a table that lost its cell separators takes its Stt from them
    lone_numbers: list = field(default_factory=list)
    # the text's lines as read (text readers): a table that lost its cell separators is re-read
    # line by line where the reader joined its cells into paragraphs
    lines: list = field(default_factory=list)


@dataclass
class Passage:
    """A paragraph of the body placed in the outline: what the extraction stages (tasks, targets)
    read. `text` is without its numbering marker, which is in `marker` ("1.", "a)", "-", "(2)").
    `path` holds the enclosing sections' headings, outermost first, as "NUMBER. TITLE" strings
    (e.g. ["II. MỤC TIÊU", "1. Mục tiêu cụ thể"]). `heading` marks a passage that is itself a
    section heading; `origin` is "table" for the content cell of a table row."""
    text: str
    source: Source = field(default_factory=Source)
    marker: Optional[str] = None
    section: Optional[str] = None
    path: list = field(default_factory=list)
    heading: bool = False
    origin: str = "text"


# --------------------------------------------------------------------------- pipeline output
@dataclass
class Deadline:
    """A parsed deadline. kind: once | range | recurring | continuous | conditional | None.
    start/end: ISO dates ("YYYY-MM-DD") where the text fixes them. period (recurring only):
    year | half-year | quarter | month | week | day."""
    text: str = ""
    kind: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    period: Optional[str] = None


@dataclass
class Signer:
    name: Optional[str] = None
    title: Optional[str] = None       # e.g. "PHÓ CHỦ TỊCH"
    authority: Optional[str] = None   # e.g. "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"


@dataclass
class CitedDocument:
    text: str
    doc_type: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None


@dataclass
class Document:
    doc_type: Optional[str] = None
    number: Optional[str] = None      # "45/KH-UBND"; None when the number is blank (a draft)
    symbol: Optional[str] = None      # "KH-UBND"
    number_text: Optional[str] = None  # as written: "Số: /KH-UBND"
    issuer: Optional[str] = None
    parent_issuer: Optional[str] = None
    place: Optional[str] = None
    date: Optional[str] = None        # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    date_text: Optional[str] = None
    title: Optional[str] = None
    signer: Signer = field(default_factory=Signer)
    recipients: list = field(default_factory=list)
    cited: list = field(default_factory=list)  # list[CitedDocument]
    source: Source = field(default_factory=Source)


@dataclass
class Section:
    id: str
    number: Optional[str]             # literal: "I", "1.1", "a", "-", "Phụ lục I"
    title: str
    level: int = 0
    marker: Optional[str] = None      # the style of the marker: "I-", "1.", "(1)", "a)", "-", ...
    source: Source = field(default_factory=Source)
    children: list = field(default_factory=list)  # list[Section]


@dataclass
class Task:
    id: str
    origin: str                       # "table" | "text"
    content: str
    lead: list = field(default_factory=list)
    partners: list = field(default_factory=list)
    deadline: Deadline = field(default_factory=Deadline)
    section: Optional[str] = None     # id of the enclosing section
    group: Optional[str] = None       # table rows: the group row's number ("I", "A"), or its text when it has none
    group_title: Optional[str] = None
    number: Optional[str] = None      # table rows: the Stt as written
    lead_canonical: list = field(default_factory=list)   # official names, one per distinct unit
    partners_canonical: list = field(default_factory=list)
    lead_keys: list = field(default_factory=list)        # stable unit keys, parallel to *_canonical
    partners_keys: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)  # other table columns by header name
    source: Source = field(default_factory=Source)


@dataclass
class Target:
    id: str
    text: str                         # the indicator, without the number
    value: Optional[float] = None
    unit: Optional[str] = None
    comparator: Optional[str] = None  # "=", ">=", ">", "<=", "<"
    value_max: Optional[float] = None  # the upper bound of a range ("8 - 10%/năm": value 8, value_max 10)
    year: Optional[int] = None
    parent: Optional[str] = None      # id of the enclosing target ("trong đó ...")
    value_text: Optional[str] = None  # the number as written: "14,2%"
    sentence: Optional[str] = None    # the whole sentence it came from
    section: Optional[str] = None
    source: Source = field(default_factory=Source)


SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    code: str
    severity: str
    message: str
    task: Optional[str] = None
    target: Optional[str] = None
    section: Optional[str] = None
    source: Source = field(default_factory=Source)


@dataclass
class Plan:
    document: Document = field(default_factory=Document)
    sections: list = field(default_factory=list)   # list[Section], a tree
    tasks: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    findings: list = field(default_factory=list)
    normalization: list = field(default_factory=list)  # list[{step, count, examples}]
    input: dict = field(default_factory=dict)       # {path, name, format, pages, sha256, encoding}
    schema_version: str = SCHEMA_VERSION
    tool_version: str = ""

    def to_dict(self) -> dict:
        d = _clean(self)
        order = ["schema_version", "tool_version", "input", "document", "sections", "tasks",
                 "targets", "findings", "normalization"]
        return {k: d[k] for k in order}

    def to_frames(self, doc_id: str | None = None) -> dict:
        """pandas DataFrames (documents, sections, tasks, task_units, targets, findings) of this
        plan with typed columns (see `extract.frames`; needs pandas)."""
        from .frames import plan_frames
        from .writers.json import normalize
        return plan_frames(normalize(self.to_dict()), doc_id)

    def iter_sections(self):
        stack = list(reversed(self.sections))
        while stack:
            s = stack.pop()
            yield s
            stack.extend(reversed(s.children))
