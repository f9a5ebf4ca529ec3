"""The FAQ set is well formed, and the offline assistant meets the eval thresholds on it."""

import yaml

from assistant.conversation.offline import OfflineAssistant
from assistant.conversation.session import Session
from eval.faq import THRESHOLDS, failures, load_items, metrics, run


def test_set_has_the_required_items_with_existing_gold_ids(corpus):
    items = load_items()
    kinds = [i["kind"] for i in items]
    assert kinds.count("faq") >= 200 and kinds.count("dialogue") >= 20 and kinds.count("out_of_scope") >= 15
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert all(corpus.has(g) for g in item["gold"]), item["id"]
        if item["kind"] == "faq" and item["outcome"] is None:  # informational: the fact is in a gold clause
            assert any(all(m in corpus.get(g).text for m in item["must_mention"]) for g in item["gold"]), item["id"]


def test_offline_assistant_meets_the_thresholds_on_the_set(settings):
    results = run(OfflineAssistant(settings), load_items(), Session)
    scores = metrics(results)
    for name, minimum in yaml.safe_load(THRESHOLDS.read_text(encoding="utf-8")).items():
        assert scores[name] >= minimum, (name, scores[name], failures(results))
