"""The answer object every client depends on (`ask --json`, the HTTP API, the eval), exactly."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class MissingOut(BaseModel):
    fact: str
    question: str


class VerdictOut(BaseModel):
    question: str
    question_id: str = ""  # the engine question (assistant_engineer, engineer_normal, photo, …)
    outcome: Literal["eligible", "not_eligible", "need_more_info"]
    route: str | None
    missing: list[MissingOut]


class CitationOut(BaseModel):
    id: str
    label: str
    text: str


class FactOut(BaseModel):
    """A fact the assistant took from the conversation, with the words it came from (我理解的信息)."""

    name: str  # the engine's fact name, dotted for nested facts (achievements.invention_patents)
    label: str  # its Chinese name
    value: object
    evidence: str  # the user's words it was read from
    turn: int  # 1 for the first message of the session
    person: Literal["self", "other"] = "self"
    presumed: str = ""  # non-empty when the fact is a presumption: the sentence saying it


class Answer(BaseModel):
    answer: str
    # verdict: the engine decided; info: quoted from the notice; refusal: not covered; problem: unusable input
    # computed: hours an activity gives; clarify: two readings of a fact disagree, the user is asked which holds
    kind: Literal["verdict", "computed", "info", "refusal", "problem", "clarify"] = "info"
    mode: Literal["offline", "llm"]
    verdict: VerdictOut | None
    citations: list[CitationOut]
    facts: list[FactOut] = []
    assumptions: list[str] = []
