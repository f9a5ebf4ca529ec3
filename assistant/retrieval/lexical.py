"""BM25 over clause text (bm25s), with the clause's heading path as context."""

from __future__ import annotations

import numpy as np

from assistant.documents.clauses import Clause
from assistant.retrieval.tokens import tokenize


def clause_search_text(clause: Clause, source: str) -> str:
    """What a clause is found by: its label, its headings and its own words."""
    own = source[clause.start:clause.end]
    return " ".join([clause.label, " ".join(clause.heading_path[1:]), own])


class LexicalIndex:
    def __init__(self, clauses: list[Clause], texts: list[str]):
        import bm25s

        self.clauses = clauses
        self._bm25 = bm25s.BM25()
        self._bm25.index([tokenize(t) or ["_"] for t in texts], show_progress=False)
        self._vocab = self._bm25.vocab_dict

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per clause, in corpus order (zeros when no query word is known)."""
        tokens = [t for t in tokenize(query, query=True) if t in self._vocab]
        if not tokens:
            return np.zeros(len(self.clauses), dtype=np.float32)
        return self._bm25.get_scores(tokens)
