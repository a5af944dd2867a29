"""Repair of Vietnamese text (see repair.py). Interface used by the rest of the tool:

- decode_bytes(data) -> (text, encoding, normalization entries)
- Repairer(tone_style).fix(text) -> text, and .report() -> list of {step, count, examples}
- legacy.font_encoding(font_name) / legacy.convert(text, encoding) for readers that know fonts.
"""
from .repair import Repairer, decode_bytes  # noqa: F401
