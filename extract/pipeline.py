"""The pipeline: file -> RawDocument (reader) -> repaired text -> Plan. (Being built.)"""
from __future__ import annotations

from .model import Plan
from .readers import read
from .readers.txt import read_text


def parse(path: str, *, tone_style: str = "first", ocr: bool = False) -> Plan:
    raw = read(path, ocr=ocr) if ocr else read(path)
    return build_plan(raw, tone_style=tone_style)


def parse_text(text: str, *, name: str | None = None, tone_style: str = "first") -> Plan:
    return build_plan(read_text(text, path=name), tone_style=tone_style)


def build_plan(raw, *, tone_style: str = "first") -> Plan:
    return Plan(input={"path": raw.path, "format": raw.format})
