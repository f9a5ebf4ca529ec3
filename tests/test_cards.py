"""Answer cards: content from the notice, checked against it, and found by the questions they answer."""

import re

import pytest

from assistant.conversation.cards import CardIndex, load_cards
from assistant.conversation.offline import OfflineAssistant
from assistant.conversation.session import Session
from assistant.documents.normalize import arabic_numerals

CARDS, _ = load_cards()
FIGURE = re.compile(r"\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def assistant():
    return OfflineAssistant()


def test_there_are_enough_cards_with_unique_ids():
    assert len(CARDS) >= 80
    assert len({c.id for c in CARDS}) == len(CARDS)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.id)
def test_card_cites_real_clauses_and_its_figures_are_in_them(card, assistant):
    texts = [assistant.corpus.get(i).text for i in card.clauses]  # an unknown id raises
    source = arabic_numerals(" ".join(texts))
    for figure in FIGURE.findall(card.answer):
        assert figure in source, f"{card.id}: {figure} is not in {card.clauses}"
    assert 4 <= len(card.asks) <= 7 and len(card.answer) <= 160


def test_each_card_is_found_by_most_of_its_own_ways_of_asking(assistant):
    """A sanity check of the matcher, not of generalization (that is the realistic eval): a card its own
    wordings do not find is a card no one will see."""
    index = CardIndex(assistant.searcher.lexical.segmenter)
    found = sum((m := index.match(ask, assistant.searcher.lexical_scores(ask))) is not None and m.card.id == card.id
                for card in CARDS for ask in card.asks)
    assert found / sum(len(c.asks) for c in CARDS) >= 0.6


@pytest.mark.parametrize(("question", "figure", "clause"), [
    ("网上申报到几号截止", "10月20日", "四"),
    ("论文查重超过多少会被一票否决", "50%", "二/（二）/3"),
    ("原件核查在哪里", "金利路8号", "四"),
])
def test_an_informational_question_gets_the_card_answer_first(assistant, question, figure, clause):
    answer = assistant.answer(Session(), question)
    assert answer.kind == "info" and figure in answer.answer.split("\n")[0]
    assert clause in [c.id for c in answer.citations]


def test_a_question_no_card_answers_falls_back_to_the_clauses(assistant):
    answer = assistant.answer(Session(), "附件目录里第3个附件叫什么名字来着")
    assert answer.kind == "info" and answer.citations
