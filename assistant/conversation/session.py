"""A session: the facts one applicant has told us so far, and the question being worked on.

Facts accumulate across turns; a fact said again replaces the old one ("不对，是2019年聘的"), nested
facts (achievements, photo, hours) merge key by key. Facts about someone else ("我徒弟…") live in a
frame of their own and never become the user's. `pending` is the fact the assistant last asked for,
so that a bare reply ("18年7月") answers it. Sessions share nothing with each other.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from dataclasses import dataclass, field

SESSION_ID = re.compile(r"[0-9a-f]{32}")  # what the server issues: 128 random bits, hex


@dataclass
class Session:
    id: str = field(default_factory=lambda: secrets.token_hex(16))
    facts: dict = field(default_factory=dict)
    question: str | None = None  # the engine question of the last computable turn
    assumptions: list[str] = field(default_factory=list)
    other: dict = field(default_factory=dict)  # facts about another person the user asked about
    pending: str | None = None  # the fact the assistant asked for last
    asked_too: list[str] = field(default_factory=list)  # the other facts asked in that turn (a reply may answer them)
    person: str = "self"  # whom the conversation is about now ("他是本科…" makes it "other")
    recent: list[str] = field(default_factory=list)  # the user's last two messages, for an activity told over turns
    roster: str = ""  # the last message that told of several people by name ("阿强…；阿芳…"), to pick one from later
    caller: str | None = None  # in a hotline note ("来电：女，…"), the frame 他/她/来电人 go on naming in later turns
    evidence: list[dict] = field(default_factory=list)  # {name, value, evidence, turn, person, presumed}
    turn: int = 0
    last_text: str = ""  # the user's previous message (normalised), for corrections ("打错了，是25万")
    topic: str = ""  # what the last informational answer searched for: "那专业科目呢" continues it ("四年一共要多少学时")
    last_used: float = field(default_factory=time.monotonic)
    history: list[dict] = field(default_factory=list)  # the chat as shown ({role, content}), restored on reload
    last_answer: dict | None = None  # the last answer as the API gives it (feedback stores it)

    def merged(self, new: dict, person: str = "self") -> dict:
        """The person's facts with `new` laid over them (not stored until the turn succeeds)."""
        base = self.facts if person == "self" else self.other
        facts = {k: (dict(v) if isinstance(v, dict) else v) for k, v in base.items()}
        for key, value in new.items():
            if key == "ce" and isinstance(value, dict) and isinstance(facts.get(key), dict):
                facts[key] = {**facts[key], **{y: {**facts[key].get(y, {}), **v} for y, v in value.items()}}
            elif isinstance(value, dict) and isinstance(facts.get(key), dict):
                facts[key] = {**facts[key], **value}
            else:
                facts[key] = value
        return facts

    def store(self, facts: dict, person: str) -> None:
        if person == "self":
            self.facts = facts
        else:
            self.other = facts

    def reset(self) -> None:
        self.facts, self.question, self.assumptions, self.other, self.pending, self.evidence = {}, None, [], {}, None, []
        self.person, self.caller, self.roster, self.recent = "self", None, "", []
        self.last_text = self.topic = ""
        self.history, self.last_answer = [], None

    def forget(self, name: str, person: str = "self") -> bool:
        """Remove one fact the user says was misread (我理解的信息 › 删除); True if it was there."""
        frame = self.facts if person == "self" else self.other
        head, _, rest = name.partition(".")
        found = rest in frame.get(head, {}) if rest else head in frame
        if rest and isinstance(frame.get(head), dict):
            frame[head].pop(rest, None)
        else:
            frame.pop(head, None)
        self.evidence = [e for e in self.evidence if not (e["name"] == name and e["person"] == person)]
        return found


class SessionStore:
    """Server-side sessions keyed by id, forgotten after `idle_seconds` without use, in this process's memory
    (one worker; `stores.py` keeps them in SQLite or Redis for several)."""

    def __init__(self, idle_seconds: float = 1800):
        self.idle_seconds = idle_seconds
        self._sessions: dict[str, Session] = {}
        self._lock = threading.Lock()
        self._secret = secrets.token_bytes(32)

    def secret(self) -> bytes:
        """The key that signs session cookies: one process, one key."""
        return self._secret

    def save(self, session: Session) -> None:
        """Sessions live in this process: the object handed out is the stored one."""

    def _forget_idle(self, now: float) -> None:
        for sid in [s for s, v in self._sessions.items() if now - v.last_used > self.idle_seconds]:
            del self._sessions[sid]

    def adopt(self, session_id: str) -> Session:
        """The session of an id the server issued itself (a signed cookie), made under that id if new."""
        now = time.monotonic()
        with self._lock:
            self._forget_idle(now)
            session = self._sessions.get(session_id)
            if session is None:
                session = self._sessions[session_id] = Session(id=session_id)
            session.last_used = now
            return session

    def get(self, session_id: str | None) -> Session:
        """The session with this id, or a new one with an id the server chose: a client can continue its own
        conversation, never pick another's or name one (an unknown or malformed id starts afresh)."""
        now = time.monotonic()
        with self._lock:
            self._forget_idle(now)
            known = isinstance(session_id, str) and SESSION_ID.fullmatch(session_id)
            session = self._sessions.get(session_id) if known else None
            if session is None:
                session = Session()
                self._sessions[session.id] = session
            session.last_used = now
            return session
