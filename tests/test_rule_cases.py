"""Rule cases as data (tests/cases/*.yaml): facts in, outcome, route and missing facts out.

Each case names the clause it pins; the verdict must cite that clause, with the corpus text.
"""

from pathlib import Path

import pytest
import yaml

from assistant.rules.engine import check
from assistant.rules.facts import parse_facts

CASES = Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}:{case['name']}")


def _jsonable(value):
    """YAML reads dates as dates; facts arrive as JSON strings in real use, so pass them the same way."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize("case", list(_cases()))
def test_rule_case(case, corpus):
    verdict = check(case["question"], parse_facts(_jsonable(case["facts"])), corpus)
    assert verdict.outcome == case["outcome"], [s.sentence for s in verdict.trace]
    if "route" in case:
        assert verdict.route == case["route"]
    if "missing" in case:
        assert set(case["missing"]) <= {m.fact for m in verdict.missing}
    cited = {c.id: c.text for c in verdict.citations}
    assert case["clause"] in cited, sorted(cited)
    assert cited[case["clause"]] == corpus.get(case["clause"]).text


def test_at_least_150_cases_over_every_rule_area():
    counts = {p.stem: len(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in CASES.glob("*.yaml")}
    assert sum(counts.values()) >= 150, counts
    assert {"education", "breakthrough", "skip_level", "transfer", "performance", "ce_hours", "photo",
            "deadlines", "gates"} <= set(counts)
