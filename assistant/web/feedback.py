"""Thumbs up/down with an optional comment, kept in a local SQLite file, personal numbers masked first.

A row keeps the question and the whole answer as JSON (text, verdict, citation ids), so a reviewer can
see what was judged without reconstructing it."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from pathlib import Path

from assistant.rules.params import hotline

ID_CARD = re.compile(r"(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[\dXx](?!\d)")
PHONE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
HOTLINE = hotline()  # the notice's own number is public and stays readable


def mask(text: str) -> str:
    """ID-card and phone numbers replaced by their first and last digits around stars."""
    text = ID_CARD.sub(lambda m: m.group()[:3] + "*" * 11 + m.group()[-4:], text)
    text = PHONE.sub(lambda m: m.group()[:3] + "****" + m.group()[-4:], text)
    return LANDLINE.sub(lambda m: m.group() if m.group() == HOTLINE else m.group()[:4] + "****" + m.group()[-2:], text)


class FeedbackStore:
    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS feedback (at REAL, session TEXT, rating INTEGER, question TEXT, "
                       "answer TEXT, comment TEXT)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def add(self, session: str, rating: int, question: str, answer: dict, comment: str = "") -> None:
        verdict = answer.get("verdict") or {}
        kept = {"question": mask(question)[:2000], "answer": mask(answer.get("answer", ""))[:4000],
                "kind": answer.get("kind"), "verdict": verdict.get("outcome"), "question_id": verdict.get("question_id"),
                "citations": [c["id"] for c in answer.get("citations", [])]}
        row = (time.time(), session, rating, kept["question"], json.dumps(kept, ensure_ascii=False), mask(comment)[:1000])
        with self._lock, self._connect() as db:
            db.execute("INSERT INTO feedback VALUES (?, ?, ?, ?, ?, ?)", row)

    def all(self) -> list[tuple]:
        with self._connect() as db:
            return db.execute("SELECT rating, question, answer, comment FROM feedback ORDER BY at").fetchall()
