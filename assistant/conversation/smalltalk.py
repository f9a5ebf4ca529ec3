"""Greetings, thanks and openings that ask nothing yet ("你好", "我想问下职称的事", "谢谢"): a reply that says
what the assistant does and what to tell it. Kept as data (smalltalk.yaml); matched on the whole message."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

FILE = Path(__file__).with_name("smalltalk.yaml")


@cache
def _entries() -> list[tuple[str, re.Pattern, str]]:
    return [(e["kind"], re.compile(e["pattern"], re.IGNORECASE), e["reply"])
            for e in yaml.safe_load(FILE.read_text(encoding="utf-8"))]


def smalltalk(text: str) -> str | None:
    """The reply when the whole (normalised) message is a greeting, a thanks or an opening; else None."""
    bare = re.sub(r"[\s,，。.!！?？~～、]+", "", text)
    return next((reply for _, pattern, reply in _entries() if bare and pattern.fullmatch(bare)), None)


def opening() -> str:
    """The reply that asks for one's standing ("我能报吗" with nothing said yet)."""
    return next(reply for kind, _, reply in _entries() if kind == "opening")
