"""Answer cards: the direct answer to an informational question, written from the notice, with its clauses.

An informational question ("照片要多大", "论文要查重吗") is best answered by one or two sentences a
hotline operator can read out, then the clause verbatim — not by the two clauses that share the most
words with it. Cards are data (cards.yaml): the kinds of question each answers, its answer and the
clause ids it comes from (a test checks every id exists and every figure of the answer is in them).

A question is matched against every card's ways of asking by BM25 (the same tokens as clause search).
A card answers only when its match is clear: the score reaches `min_score` and beats the best other
card by `margin`; otherwise the caller falls back to quoting the best clauses. This is the FAQ fast path
of QAnything or Dify's annotation replies, with the citations checked.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import yaml

from assistant.retrieval.tokens import tokenize

CARDS_FILE = Path(__file__).with_name("cards.yaml")


@dataclass(frozen=True)
class Card:
    id: str
    topic: str
    asks: tuple[str, ...]
    answer: str
    clauses: tuple[str, ...]
    # A status that makes this card the answer to "要办什么手续/在哪报/怎么认证" (调入, 派驻市外…): fact → values
    when: tuple[tuple[str, tuple], ...] = ()

    def applies(self, known: dict) -> bool:
        return any(known.get(fact) in values for fact, values in self.when)


@dataclass(frozen=True)
class CardMatch:
    card: Card
    score: float
    runner_up: float


ASSISTANT_TITLE = re.compile(r"助理工程师|助工|初级")
ENGINEER_TITLE = re.compile(r"(?<!助理)工程师|中级|中工")


def title_of(text: str) -> str | None:
    """The one title a text is about ("助理工程师" or "工程师"), None for both or neither."""
    assistant, engineer = bool(ASSISTANT_TITLE.search(text)), bool(ENGINEER_TITLE.search(text))
    return "助理工程师" if assistant and not engineer else "工程师" if engineer and not assistant else None


@lru_cache(maxsize=1)
def load_cards(path: Path = CARDS_FILE) -> tuple[tuple[Card, ...], dict]:
    """The cards and the matching thresholds (`match:` in the same file)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cards = tuple(Card(id=c["id"], topic=c["topic"], asks=tuple(c["asks"]), answer=c["answer"].strip(),
                       clauses=tuple(c["clauses"]),
                       when=tuple((fact, tuple(v if isinstance(v, list) else [v])) for fact, v in c.get("when", {}).items()))
                  for c in data["cards"])
    return cards, data["match"]


class CardIndex:
    """BM25 over the cards' ways of asking (and each card's topic with its answer), scored per card."""

    def __init__(self, segmenter=None, path: Path = CARDS_FILE):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # jionlp leaves the root logger at DEBUG
        self.cards, thresholds = load_cards(path)
        self.min_score = float(thresholds["min_score"])
        self.margin = float(thresholds["margin"])
        self.clear = float(thresholds["clear"])
        self.lead = float(thresholds["lead"])
        self.within = float(thresholds["within"])
        self._segmenter = segmenter
        texts, self._owner = [], []
        for n, card in enumerate(self.cards):
            for text in (*card.asks, f"{card.topic} {card.answer}"):
                texts.append(text)
                self._owner.append(n)
        self._owner = np.array(self._owner)
        self._bm25 = bm25s.BM25()
        self._bm25.index([self._tokens(t) or ["_"] for t in texts], show_progress=False)
        self._vocab = self._bm25.vocab_dict

    def _tokens(self, text: str, query: bool = False) -> list[str]:
        return tokenize(text, query=query, segmenter=self._segmenter)

    def scores(self, question: str) -> np.ndarray:
        """One score per card: its best-matching way of asking; halved for a card about the other title
        (a question about 助理工程师 shares most words with one about 工程师: "工程师" is in both)."""
        tokens = [t for t in self._tokens(question, query=True) if t in self._vocab]
        per_card = np.zeros(len(self.cards))
        if tokens:
            np.maximum.at(per_card, self._owner, self._bm25.get_scores(tokens))
        asked = title_of(question)
        if asked:
            per_card *= np.array([0.5 if title_of(card.topic) not in (None, asked) else 1.0 for card in self.cards])
        return per_card

    def match(self, question: str, clause_scores: dict[str, float] | None = None) -> CardMatch | None:
        """The card that clearly answers `question`, or None when no card does or two are close.

        Each card's ways of asking are compared with the question; when the clauses' own scores for the
        question are given, a card whose clauses the question also finds in the notice gains up to as
        much again (the two agree on what is asked), so a card is not chosen on "怎么办" alone — unless one
        card's ways of asking match `clear` times better than any other's, which no clause score overturns.
        The clauses only break close calls: a card asked about under `within` of the best asking is not chosen.
        """
        asked = self.scores(question)
        top = float(asked.max()) if len(asked) else 0.0
        if top < self.min_score:
            return None
        ranked = np.sort(asked)[::-1]
        if len(ranked) > 1 and ranked[0] >= self.clear * ranked[1]:  # "交上去的材料评完能退回来吗": no doubt which card
            best = int(np.argmax(asked))
            return CardMatch(self.cards[best], float(ranked[0]), float(ranked[1]))
        combined = asked / top
        if clause_scores:
            best_clause = max(clause_scores.values()) or 1.0
            combined = combined + np.array([max((clause_scores.get(c, 0.0) for c in card.clauses), default=0.0)
                                            for card in self.cards]) / best_clause
        combined = np.where(asked >= self.within * top, combined, 0.0)  # "重点项目…公司自己定的算吗": the definition asked
        order = np.argsort(-combined, kind="stable")
        best, second = float(combined[order[0]]), float(combined[order[1]]) if len(order) > 1 else 0.0
        agreed = order[0] == int(np.argmax(asked)) and ranked[0] >= self.lead * ranked[1]
        if asked[order[0]] < self.min_score or best < second * self.margin and not agreed:
            return None  # (a close call, unless the card that leads on both also leads on the asking alone)
        return CardMatch(self.cards[order[0]], float(asked[order[0]]), float(asked[order[1]]))
