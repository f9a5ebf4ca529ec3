"""A session: the facts one applicant has told us so far, and the question being worked on.

Facts accumulate across turns; a fact said again replaces the old one ("不对，是2019年聘的"), nested
facts (achievements, photo, hours) merge key by key. Sessions share nothing with each other.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field


@dataclass
class Session:
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    facts: dict = field(default_factory=dict)
    question: str | None = None  # the engine question of the last computable turn
    assumptions: list[str] = field(default_factory=list)
    last_used: float = field(default_factory=time.monotonic)

    def merged(self, new: dict) -> dict:
        """The session's facts with `new` laid over them (not stored until the turn succeeds)."""
        facts = {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.facts.items()}
        for key, value in new.items():
            if isinstance(value, dict) and isinstance(facts.get(key), dict):
                facts[key] = {**facts[key], **value}
            else:
                facts[key] = value
        return facts

    def reset(self) -> None:
        self.facts, self.question, self.assumptions = {}, None, []


class SessionStore:
    """Server-side sessions keyed by id, forgotten after `idle_seconds` without use."""

    def __init__(self, idle_seconds: float = 1800):
        self.idle_seconds = idle_seconds
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()

    def get(self, session_id: str | None) -> Session:
        now = time.monotonic()
        with self._lock:
            for sid in [s for s, v in self._sessions.items() if now - v.last_used > self.idle_seconds]:
                del self._sessions[sid]
            session = self._sessions.get(session_id or "")
            if session is None:
                session = Session(id=session_id or uuid.uuid4().hex)
                self._sessions[session.id] = session
            session.last_used = now
            return session
