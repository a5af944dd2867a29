"""kehoach: turn Vietnamese government plans (Kế hoạch) into data.

    >>> import extract
    >>> plan = extract.parse("samples/plan.docx")
    >>> plan.document.number, len(plan.tasks)

`parse(path)` reads a .txt, .docx or .pdf file; `parse_text(text)` reads a string. Both return a
`Plan` (see `extract.model`); `Plan.to_dict()` is the JSON of the README.
"""
__version__ = "0.1.0"

from .errors import KehoachError, UnreadableFile  # noqa: E402
from .model import Plan  # noqa: E402
from .pipeline import parse, parse_text  # noqa: E402

__all__ = ["parse", "parse_text", "Plan", "KehoachError", "UnreadableFile", "__version__"]
