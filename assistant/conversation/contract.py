"""The answer object every client depends on (`ask --json`, the HTTP API, the eval), exactly."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class MissingOut(BaseModel):
    fact: str
    question: str


class VerdictOut(BaseModel):
    question: str
    outcome: Literal["eligible", "not_eligible", "need_more_info"]
    route: str | None
    missing: list[MissingOut]


class CitationOut(BaseModel):
    id: str
    label: str
    text: str


class Answer(BaseModel):
    answer: str
    mode: Literal["offline", "llm"]
    verdict: VerdictOut | None
    citations: list[CitationOut]
