"""What was read from the user's words: facts per person, each with its evidence, and the presumptions.

A fact is set with the span of text it came from, so the page can show "我理解的信息" and tests can
check attribution; facts about someone else ("我徒弟…") go to that person's frame, never the user's.
A presumption (a reasonable reading of something unsaid) is a fact too, marked as presumed, with the
sentence the answer says so the user can correct it in one word.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Evidence:
    name: str  # dotted for nested facts: achievements.invention_patents, ce.2019.professional
    value: object
    evidence: str  # the words of the message it came from
    person: str = "self"
    presumed: str = ""  # the sentence saying what was presumed, empty for a fact said outright


@dataclass
class Span:
    """A fact said as a range ("干了两三年"): the fact holds the cautious end, `other` the other end."""

    name: str
    other: object
    words: str
    person: str = "self"


@dataclass
class Reading:
    frames: dict[str, dict] = field(default_factory=lambda: {"self": {}, "other": {}})
    evidence: list[Evidence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how unsaid parts of dates were read
    spans: list[Span] = field(default_factory=list)
    starts: list[tuple[str, str]] = field(default_factory=list)  # every start of work said (value, person), for breaks

    def set(self, name: str, value: object, evidence: str, person: str = "self", presumed: str = "",
            replace: bool = True) -> None:
        facts = self.frames[person]
        *path, last = name.split(".")
        for key in path:
            key = int(key) if key.isdigit() else key
            facts = facts.setdefault(key, {})
        last_key = int(last) if last.isdigit() else last
        if not replace and last_key in facts:
            return
        facts[last_key] = value
        if name == "work_start_date" and not presumed and value:
            self.starts.append((str(value), person))
        self.evidence = [e for e in self.evidence if not (e.name == name and e.person == person)]
        self.evidence.append(Evidence(name, value, evidence.strip(), person, presumed))

    def get(self, name: str, person: str = "self") -> object:
        facts: object = self.frames[person]
        for key in name.split("."):
            if not isinstance(facts, dict):
                return None
            facts = facts.get(int(key) if key.isdigit() else key)
        return facts

    def presumptions(self, person: str = "self") -> list[str]:
        return [e.presumed for e in self.evidence if e.presumed and e.person == person]
