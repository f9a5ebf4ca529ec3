"""Facts said as a range ("在厂里搞技术两三年了"): decided when both ends agree, asked for when they do not.

The cautious end is what the reading stored (service is never overstated). When that end fails but the
other end passes, the words cannot decide: the fact is left unknown, so the engine asks for the exact
date instead of answering 不够 — unknown is not false.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.language.reading import Span
from assistant.rules.facts import parse_facts
from assistant.rules.verdict import Verdict


def settle_spans(facts: dict, verdict: Verdict, spans: list[Span],
                 decide: Callable[[object], Verdict]) -> tuple[dict, Verdict, list[str]]:
    """(facts, verdict, notes) once the ranges are weighed: the range facts dropped when their two ends
    decide differently, with a note saying why the date is asked for."""
    spans = [s for s in spans if s.name in facts]
    if verdict.outcome != "not_eligible" or not spans:
        return facts, verdict, []
    other_end = {**facts, **{s.name: s.other for s in spans}}
    if decide(parse_facts(other_end)).outcome != "eligible":
        return facts, verdict, []
    unknown = {k: v for k, v in facts.items() if k not in {s.name for s in spans}}
    words = "、".join(f"“{s.words}”" for s in spans)
    return unknown, decide(parse_facts(unknown)), [f"您说的{words}：按长的一端够、按短的一端不够，需要具体的年月才能判断"]
