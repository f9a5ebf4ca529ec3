"""Informational answers: the answer card that clearly answers a question, else the best clauses quoted
verbatim, else a refusal with the hotline. Separate from the turn logic (offline.py) because it only reads
the corpus and the cards, never the session."""

from __future__ import annotations

import re

import cn2an

from assistant.conversation.contract import Answer, CitationOut
from assistant.errors import UserError
from assistant.language.extract import prepare
from assistant.rules.params import hotline

MIN_SEARCH_SCORE = 4.0  # below the lowest in-scope question of eval/retrieval.jsonl (4.4)


class Informational:
    """The corpus side of the offline assistant; needs `self.corpus`, `self.searcher` and `self.cards`."""

    def _cite(self, ids: list[str]) -> list[CitationOut]:
        clauses = [self.corpus.get(i) for i in dict.fromkeys(ids)]
        return [CitationOut(id=c.id, label=c.label, text=c.text) for c in clauses]

    def refuse(self, why: str = "", other_review: bool = False) -> Answer:
        """Not covered, with the hotline; for another title's or certificate's review, also whom this review is
        for (通知一, 附件2 第二条), the clauses that put the question outside it."""
        scope = "本通知只适用于机电专业助理工程师（初级）和工程师（中级）资格的申报评审。" if other_review else ""
        ids = (["一", "附件2/第二条"] if other_review else []) + ["七"]
        return Answer(answer=f"《2022年度机电工程师任职资格评审通知》没有涉及这个问题{('（' + why + '）') if why else ''}，"
                             f"不在本助手的回答范围内，本助手无法回答。{scope}请致电协同创新中心 {hotline()} 咨询。",
                      mode="offline", verdict=None, kind="refusal", citations=self._cite(ids))

    def _search(self, message: str, engaged: list[str] | None = None) -> Answer:
        """An informational answer: the card that clearly answers it, else the best clauses, else a refusal.

        Whether the notice speaks to the question at all is judged on BM25's scale in every search mode
        (fused or cosine scores are on other scales): the threshold is calibrated on lexical scores. The
        clauses of a gate the message's own facts engage ("助工是在安徽评的…要做什么手续": 调入, 二（二）7（4））
        count as found above the best, so a card on them is preferred."""
        named = [f"附件{int(cn2an.cn2an(n, 'smart'))}" for n in re.findall(r"附件\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})", message)]
        engaged = [*(engaged or []), *(c for c in named if self.corpus.has(c))]  # "附件7是什么": named, so in scope
        try:
            lexical = self.searcher.lexical_scores(message[:500])
            if max(lexical.values(), default=0.0) < MIN_SEARCH_SCORE and not engaged:
                return self.refuse()
            top = max(max(lexical.values(), default=0.0), MIN_SEARCH_SCORE)
            lexical = {**lexical, **{clause: 2 * top for clause in engaged or []}}  # found, and said
            if card := self._card_answer(message, lexical):
                return card
            hits = self.searcher.search(message[:500], k=3)
        except UserError as exc:
            return Answer(answer=exc.message, mode="offline", verdict=None, citations=[])
        if not hits:
            return self.refuse()
        best = [hits[0]] + [h for h in hits[1:2] if h.score >= hits[0].score * 0.6]
        titles = [f"附件目录/{a[2:]}" for a in named if self.corpus.has(f"附件目录/{a[2:]}")]
        if titles and not any(h.clause.id in titles for h in best):  # "附件10要交吗": the attachment named, by its title
            best = [h for h in self.searcher.search(message[:500], k=20) if h.clause.id in titles][:1] or best
        quoted = "\n".join(f"{h.clause.label}：「{h.clause.text}」" for h in best)
        primary = self.searcher.corpus.primary.id
        lead = "通知中的相关规定如下" if all(h.clause.doc == primary for h in best) else "相关文件的规定如下"
        return Answer(answer=f"{lead}：\n{quoted}\n如需判断您本人是否符合，请告诉我您的学历、专业、工作和聘任时间等情况。",
                      mode="offline", verdict=None, citations=self._cite([h.clause.id for h in best]))

    def _several_cards(self, asks: list[str]) -> Answer | None:
        """"两个问题：一是照片要多大，二是论文是不是必须的": each asking clause answered on its own — by its card,
        or by the clauses it finds when no card answers it — when at least one has a card and the answers differ;
        otherwise None (the message is searched as a whole)."""
        if len(asks) < 2:
            return None
        try:
            cards = [self._card_answer(ask, self.searcher.lexical_scores(ask)) for ask in asks]
        except UserError:
            return None
        if not any(cards):
            return None
        answers = [card or self._search(ask) for card, ask in zip(cards, asks, strict=True)]  # a clause no card answers: its clauses
        if any(a.kind == "refusal" for a in answers) or len({a.answer for a in answers}) < len(answers):
            return None
        cited = list({c.id: c for a in answers for c in a.citations}.values())
        return Answer(answer="\n\n另外，".join(a.answer for a in answers), mode="offline", verdict=None, citations=cited)

    def _card_answer(self, message: str, lexical: dict[str, float]) -> Answer | None:
        """The answer card that clearly answers an informational question: its answer, then its clauses
        verbatim; it cites the card's clauses only."""
        found = self._card_index().match(prepare(message)[:500], lexical)
        return None if found is None else self._cards_answer([found.card])

    def _card_index(self):
        if self.cards is None:
            from assistant.conversation.cards import CardIndex

            self.cards = CardIndex(self.searcher.lexical.segmenter)
        return self.cards

    def _cards_answer(self, cards: list) -> Answer:
        """Cards' answers, then their clauses verbatim; it cites the cards' clauses only."""
        cited = self._cite(list(dict.fromkeys(c for card in cards for c in card.clauses)))
        quotes = [f"规定原文：{c.label}：「{c.text}」" for c in cited if len(c.text) <= 600]
        return Answer(answer="\n".join([*(card.answer for card in cards), *quotes]), mode="offline", verdict=None,
                      citations=cited, kind="info")
