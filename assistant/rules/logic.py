"""Three-valued logic with a trace: met, not met, or unknown — never a default.

Every rule returns a `Check`: its truth, the clause ids it implements, the facts and parameters it
read, one Chinese sentence, and its children. Combinators evaluate every child (no short-circuit),
so "3 of 7" can say which items are met, unmet or still unknown. The logic is Kleene's: learning an
unknown fact can change a result only if that fact is in the result's `missing` list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Truth(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


@dataclass
class Check:
    rule: str
    clauses: list[str]
    truth: Truth
    sentence: str
    facts: dict[str, Any] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # facts whose knowledge could change `truth`
    children: list[Check] = field(default_factory=list)

    @property
    def met(self) -> bool:
        return self.truth is Truth.MET

    @property
    def unknown(self) -> bool:
        return self.truth is Truth.UNKNOWN

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def leaf(rule: str, clauses: list[str], value: bool | None, sentence: str, *, facts: dict | None = None,
         params: dict | None = None, needs: list[str] | None = None) -> Check:
    """A rule on facts: `value` None means a fact it needs is unknown; `needs` names those facts."""
    truth = Truth.UNKNOWN if value is None else (Truth.MET if value else Truth.NOT_MET)
    return Check(rule, clauses, truth, sentence, facts or {}, params or {},
                 missing=list(needs or []) if truth is Truth.UNKNOWN else [])


def _missing(children: list[Check]) -> list[str]:
    seen: list[str] = []
    for child in children:
        if child.unknown:
            seen.extend(m for m in child.missing if m not in seen)
    return seen


def at_least(k: int, rule: str, clauses: list[str], children: list[Check], sentence: str,
             params: dict | None = None) -> Check:
    """Met when k children are met; not met when even all unknowns together could not reach k."""
    met = sum(c.met for c in children)
    unknown = sum(c.unknown for c in children)
    if met >= k:
        truth = Truth.MET
    elif met + unknown < k:
        truth = Truth.NOT_MET
    else:
        truth = Truth.UNKNOWN
    check = Check(rule, clauses, truth, sentence, params=params or {}, children=children)
    check.missing = _missing(children) if truth is Truth.UNKNOWN else []
    return check


def all_of(rule: str, clauses: list[str], children: list[Check], sentence: str) -> Check:
    return at_least(len(children), rule, clauses, children, sentence)


def any_of(rule: str, clauses: list[str], children: list[Check], sentence: str) -> Check:
    return at_least(1, rule, clauses, children, sentence)

