"""Sessions shared by several app workers: in SQLite (default, one file) or Redis (ASSISTANT_SESSION_URL).

A worker loads the session of a request, answers, and saves it; any worker can take the next turn, so the
workers keep no state of their own. A session is stored as JSON; the years that key hours and
assessments ({2019: …}) come back as numbers. The key that signs session cookies is kept in the store
too, created by whichever worker comes first, so a cookie one worker issued is honoured by all.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
import sqlite3
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from assistant.conversation.session import SESSION_ID, Session, SessionStore
from assistant.errors import UserError

KEY_PREFIX = "assistant:session:"


def dump(session: Session) -> str:
    return json.dumps(dataclasses.asdict(session), ensure_ascii=False, default=str)


def _years(value):
    """{"2019": …} → {2019: …} inside facts (hours and assessments are keyed by year)."""
    if isinstance(value, dict):
        return {(int(k) if isinstance(k, str) and k.isdigit() else k): _years(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_years(v) for v in value]
    return value


def load(data: str) -> Session:
    raw = json.loads(data)
    raw["facts"], raw["other"] = _years(raw.get("facts", {})), _years(raw.get("other", {}))
    known = {f.name for f in dataclasses.fields(Session)}
    return Session(**{k: v for k, v in raw.items() if k in known})


class _SharedStore:
    """get/adopt/save/secret over a key-value backend (`_read`, `_write`, `_key`)."""

    def __init__(self, idle_seconds: float):
        self.idle_seconds = idle_seconds

    def get(self, session_id: str | None) -> Session:
        """The session with this id, or a new one with an id the server chose (as SessionStore.get)."""
        known = isinstance(session_id, str) and SESSION_ID.fullmatch(session_id)
        data = self._read(session_id) if known else None
        return load(data) if data else Session()

    def adopt(self, session_id: str) -> Session:
        """The session of an id the server issued itself (a signed cookie), made under that id if new."""
        data = self._read(session_id)
        return load(data) if data else Session(id=session_id)

    def save(self, session: Session) -> None:
        self._write(session.id, dump(session))


class SQLiteStore(_SharedStore):
    def __init__(self, path: Path, idle_seconds: float):
        super().__init__(idle_seconds)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._path = str(path)
        self._local = threading.local()
        with self._db() as db:
            db.execute("CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, data TEXT NOT NULL, used REAL NOT NULL)")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            db.execute("INSERT OR IGNORE INTO meta VALUES ('cookie_key', ?)", (secrets.token_hex(32),))

    def _db(self) -> sqlite3.Connection:
        if getattr(self._local, "db", None) is None:  # one connection per thread; WAL lets workers read while one writes
            self._local.db = sqlite3.connect(self._path, timeout=10, isolation_level=None)
            self._local.db.execute("PRAGMA journal_mode=WAL")
            self._local.db.execute("PRAGMA busy_timeout=10000")
        return self._local.db

    def secret(self) -> bytes:
        return bytes.fromhex(self._db().execute("SELECT value FROM meta WHERE name='cookie_key'").fetchone()[0])

    def _read(self, session_id: str) -> str | None:
        """A session used within the idle time (a read writes nothing: the idle are deleted when one is saved)."""
        row = self._db().execute("SELECT data FROM sessions WHERE id = ? AND used >= ?",
                                 (session_id, time.time() - self.idle_seconds)).fetchone()
        return row[0] if row else None

    def _write(self, session_id: str, data: str) -> None:
        now, db = time.time(), self._db()
        db.execute("DELETE FROM sessions WHERE used < ?", (now - self.idle_seconds,))  # forget the idle
        db.execute("INSERT OR REPLACE INTO sessions VALUES (?, ?, ?)", (session_id, data, now))


class RedisStore(_SharedStore):
    def __init__(self, url: str, idle_seconds: float):
        import redis

        super().__init__(idle_seconds)
        self._redis = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        try:
            self._redis.set(f"{KEY_PREFIX}cookie_key", secrets.token_hex(32), nx=True)
        except redis.RedisError as exc:
            raise UserError(f"无法连接会话存储 Redis（{url}）：{exc}") from exc

    def secret(self) -> bytes:
        return bytes.fromhex(self._redis.get(f"{KEY_PREFIX}cookie_key").decode())

    def _read(self, session_id: str) -> str | None:
        data = self._redis.get(KEY_PREFIX + session_id)
        return data.decode() if data else None

    def _write(self, session_id: str, data: str) -> None:
        self._redis.set(KEY_PREFIX + session_id, data, ex=max(1, int(self.idle_seconds)))  # idle ones expire


def open_store(url: str, idle_seconds: float) -> SessionStore | SQLiteStore | RedisStore:
    """`memory:` (this process), `sqlite:///path/file.sqlite3` (default) or `redis://host:port/db`."""
    parsed = urlparse(url)
    if parsed.scheme == "memory":
        return SessionStore(idle_seconds)
    if parsed.scheme == "sqlite":
        return SQLiteStore(Path(parsed.path), idle_seconds)
    if parsed.scheme in ("redis", "rediss"):
        return RedisStore(url, idle_seconds)
    raise UserError(f"未知的会话存储 ASSISTANT_SESSION_URL={url}（可选：sqlite:///路径、redis://主机:端口/库、memory:）。")
