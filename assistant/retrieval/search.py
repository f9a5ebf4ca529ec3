"""Search the corpus for the clauses that answer a question.

Three modes, so the eval can compare them on the same questions: `lexical` (BM25), `dense`
(vectors in Chroma) and `hybrid` (reciprocal-rank fusion of both). The default mode is the one the
retrieval eval measured best (see README); with no embedding configured it is lexical.
"""

from __future__ import annotations

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
DENSE_WEIGHT = 0.5  # dense ranks count half as much as lexical ones in the fusion
MODES = ("hybrid", "lexical", "dense")


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
    def __init__(self, corpus: Corpus, settings: Settings, progress: bool = False, rebuild: bool = False):
        self.corpus = corpus
        self.settings = settings
        self.clauses = corpus.clauses
        sources = {d.id: d.text for d in corpus.documents}
        self._texts = [clause_search_text(c, sources[c.doc]) for c in self.clauses]
        self._position = {c.id: i for i, c in enumerate(self.clauses)}
        self.lexical = LexicalIndex(self.clauses, self._texts)
        self._embedding_setting = settings.embedding
        self._embeddings = None
        self._dense = None
        if settings.embedding != "none":
            self._open_dense(progress, rebuild)

    def _open_dense(self, progress: bool, rebuild: bool) -> None:
        from assistant.retrieval.embeddings import load_embeddings
        from assistant.retrieval.store import index_key, open_dense_store

        self._embeddings = load_embeddings(self._embedding_setting)
        key = index_key(self.corpus.fingerprint(), self._embedding_setting)
        self._dense = open_dense_store(self.settings.index_dir, self.settings.chroma_url, key, self.clauses,
                                       self._texts, self._embeddings, progress=progress, rebuild=rebuild)

    @property
    def build_info(self) -> dict | None:
        return self._dense.build_info if self._dense else None

    @property
    def default_mode(self) -> str:
        return "hybrid" if self._dense else "lexical"

    def search(self, query: str, k: int = 5, mode: str | None = None) -> list[Hit]:
        query = check_query(query)
        mode = mode or self.default_mode
        if mode not in MODES:
            raise UserError(f"未知的检索方式“{mode}”（可选：{'、'.join(MODES)}）。")
        if mode != "lexical" and not self._dense:
            raise UserError("未配置向量模型（ASSISTANT_EMBEDDING=none），只能使用关键词检索。")
        k = max(1, min(int(k), len(self.clauses)))
        if mode == "lexical":
            return self._top(self.lexical.scores(query), k)
        dense = self._dense_ranking(query, len(self.clauses))
        if mode == "dense":
            return [Hit(self.clauses[i], s) for i, s in dense[:k]]
        return self._fuse(self.lexical.scores(query), dense, k)

    def _top(self, scores: np.ndarray, k: int) -> list[Hit]:
        order = np.argsort(-scores, kind="stable")[:k]
        return [Hit(self.clauses[i], float(scores[i])) for i in order if scores[i] > 0]

    def _dense_ranking(self, query: str, k: int) -> list[tuple[int, float]]:
        vector = self._embeddings.embed_query(query)
        return [(self._position[cid], sim) for cid, sim in self._dense.nearest(vector, k)]

    def _fuse(self, lexical: np.ndarray, dense: list[tuple[int, float]], k: int) -> list[Hit]:
        fused = np.zeros(len(self.clauses))
        lexical_order = [i for i in np.argsort(-lexical, kind="stable") if lexical[i] > 0]
        for rank, i in enumerate(lexical_order):
            fused[i] += 1.0 / (RRF_K + rank + 1)
        for rank, (i, _) in enumerate(dense):
            fused[i] += DENSE_WEIGHT / (RRF_K + rank + 1)
        return self._top(fused, k)


_searchers: dict[tuple, Searcher] = {}


def get_searcher(settings: Settings | None = None, progress: bool = False) -> Searcher:
    """One searcher per process and settings: the index is opened (or built) once."""
    settings = settings or load_settings()
    key = (settings.corpus_dir, settings.index_dir, settings.embedding, settings.chroma_url)
    if key not in _searchers:
        _searchers[key] = Searcher(load_corpus(Path(settings.corpus_dir)), settings, progress=progress)
    return _searchers[key]
