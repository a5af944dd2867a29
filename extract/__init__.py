"""kehoach: turn Vietnamese government plans (Kế hoạch) into data.

    >>> import extract
    >>> plan = extract.parse("samples/plan.docx")
    >>> plan.document.number, len(plan.tasks)

`parse(path)` reads a .txt, .docx or .pdf file; `parse_text(text)` reads a string. Both return a
`Plan` (see `extract.model`); `Plan.to_dict()` is the JSON of the README (its JSON Schema:
`extract/data/plan.schema.json`), `Plan.to_frames()` pandas DataFrames; `read_output(DIR)` loads
a batch output folder into the same DataFrames.
"""
__version__ = "0.1.0"

from .errors import KehoachError, UnreadableFile  # noqa: E402
from .model import Plan  # noqa: E402


def parse(path, *, tone_style="first", ocr="auto"):
    """Read a .txt, .docx or .pdf plan into a Plan (raises KehoachError for unreadable files).
    `ocr`: "auto" (PDF pages without readable text read by OCR when Tesseract is installed),
    "never" or "always"."""
    from .pipeline import parse as _parse
    return _parse(path, tone_style=tone_style, ocr=ocr)


def parse_text(text, *, name=None, tone_style="first"):
    """Read a plan given as a string into a Plan."""
    from .pipeline import parse_text as _parse_text
    return _parse_text(text, name=name, tone_style=tone_style)


def read_output(outdir):
    """DataFrames (documents, sections, tasks, task_units, targets, findings) of a batch output
    folder written by `kehoach convert -o OUTDIR` (needs pandas)."""
    from .frames import read_output as _read_output
    return _read_output(outdir)


__all__ = ["parse", "parse_text", "read_output", "Plan", "KehoachError", "UnreadableFile", "__version__"]
