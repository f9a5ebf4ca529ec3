"""BM25 over clause text (bm25s), with the clause's heading path as context."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import numpy as np

from assistant.documents.clauses import Clause
from assistant.retrieval.tokens import corpus_dictionary, dictionary_segmenter, full_segmenter, tokenize

TOKENIZER_VERSION = "1"  # bump when tokenize() changes: cached tokens are then rebuilt


def clause_search_text(clause: Clause, source: str) -> str:
    """What a clause is found by: its label, its headings and its own words."""
    own = source[clause.start:clause.end]
    return " ".join([clause.label, " ".join(clause.heading_path[1:]), own])


def _cached_tokens(texts: list[str], cache_dir: Path | None) -> tuple[list[list[str]], Path | None]:
    """Token lists of `texts` (always by the full dictionary) and the corpus dictionary kept beside them."""
    if cache_dir is None:
        return [tokenize(t) for t in texts], None
    digest = hashlib.sha256("\x00".join(texts).encode()).hexdigest()[:16]
    folder = cache_dir / f"lexical-{TOKENIZER_VERSION}-{digest}"
    tokens_file, dict_file = folder / "tokens.json", folder / "jieba.dict"
    if tokens_file.exists() and dict_file.exists():
        return json.loads(tokens_file.read_text(encoding="utf-8")), dict_file
    token_lists = [tokenize(t) for t in texts]
    temp = cache_dir / f".building-{folder.name}-{os.getpid()}"
    temp.mkdir(parents=True, exist_ok=True)
    (temp / "tokens.json").write_text(json.dumps(token_lists, ensure_ascii=False), encoding="utf-8")
    (temp / "jieba.dict").write_text(corpus_dictionary(token_lists), encoding="utf-8")
    try:
        os.replace(temp, folder)
    except OSError:  # another process finished the same cache first
        shutil.rmtree(temp, ignore_errors=True)
    return token_lists, dict_file


class LexicalIndex:
    def __init__(self, clauses: list[Clause], texts: list[str], cache_dir: Path | None = None):
        import bm25s

        self.clauses = clauses
        self._bm25 = bm25s.BM25()
        token_lists, dictionary = _cached_tokens(texts, cache_dir)
        self._bm25.index([t or ["_"] for t in token_lists], show_progress=False)
        self._vocab = self._bm25.vocab_dict
        # Queries are segmented the same way whether the cache was just built or loaded cold.
        self.segmenter = dictionary_segmenter(dictionary) if dictionary else full_segmenter()

    def scores(self, query: str) -> np.ndarray:
        """One BM25 score per clause, in corpus order (zeros when no query word is known)."""
        tokens = [t for t in tokenize(query, query=True, segmenter=self.segmenter) if t in self._vocab]
        if not tokens:
            return np.zeros(len(self.clauses), dtype=np.float32)
        return self._bm25.get_scores(tokens)
