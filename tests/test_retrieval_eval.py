"""The retrieval eval set is well formed and the default search meets the issue's aims on it."""

import json

from assistant.retrieval.search import Searcher
from eval.retrieval import AIM_MRR, AIM_RECALL_AT_5, SET, load_set, score_mode


def test_eval_set_has_100_questions_with_existing_gold_ids(corpus):
    items = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len([i for i in items if i["gold"]]) >= 100
    for item in items:
        for gold in item["gold"]:
            assert corpus.has(gold), f"{item['q']}: {gold}"


def test_default_search_meets_recall_and_mrr_aims(corpus, settings):
    searcher = Searcher(corpus, settings)
    scores = score_mode(searcher, load_set(), searcher.default_mode)
    assert scores.recall_at_5 >= AIM_RECALL_AT_5, scores.misses
    assert scores.mrr >= AIM_MRR
