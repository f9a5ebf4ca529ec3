"""Retrieval eval: recall@1, recall@5 and MRR of each search mode on eval/retrieval.jsonl.

A question counts as found at k when any of its gold clause ids is among the first k results;
questions with no gold id (out of scope) are left out of these metrics.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from assistant.config import load_settings
from assistant.retrieval.search import Searcher, get_searcher

SET = Path(__file__).with_name("retrieval.jsonl")
AIM_RECALL_AT_5 = 0.97
AIM_MRR = 0.85


@dataclass
class Scores:
    mode: str
    recall_at_1: float
    recall_at_5: float
    mrr: float
    misses: list[tuple[str, list[str], list[str]]]


def load_set(path: Path = SET) -> list[dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [item for item in items if item["gold"]]


def score_mode(searcher: Searcher, items: list[dict], mode: str) -> Scores:
    at1 = at5 = rr = 0.0
    misses = []
    for item in items:
        ranked = [h.clause.id for h in searcher.search(item["q"], k=20, mode=mode)]
        rank = next((i + 1 for i, cid in enumerate(ranked) if cid in item["gold"]), None)
        at1 += rank == 1
        at5 += rank is not None and rank <= 5
        rr += 1.0 / rank if rank else 0.0
        if not rank or rank > 5:
            misses.append((item["q"], item["gold"], ranked[:3]))
    n = len(items)
    return Scores(mode, at1 / n, at5 / n, rr / n, misses)


def evaluate(searcher: Searcher) -> list[Scores]:
    items = load_set()
    modes = ["lexical"] + (["dense", "hybrid"] if searcher.settings.embedding != "none" else [])
    return [score_mode(searcher, items, mode) for mode in modes]


def format_table(results: list[Scores], default_mode: str, embedding: str, n: int) -> str:
    lines = [f"检索评测：{n} 个问题，向量模型 {embedding}", "",
             "| 方式 | recall@1 | recall@5 | MRR |", "|---|---|---|---|"]
    for s in results:
        name = f"{s.mode}（默认）" if s.mode == default_mode else s.mode
        lines.append(f"| {name} | {s.recall_at_1:.3f} | {s.recall_at_5:.3f} | {s.mrr:.3f} |")
    return "\n".join(lines)


def main() -> int:
    settings = load_settings()
    searcher = get_searcher(settings)
    results = evaluate(searcher)
    print(format_table(results, searcher.default_mode, settings.embedding, len(load_set())))
    default = next(s for s in results if s.mode == searcher.default_mode)
    for q, gold, got in default.misses:
        print(f"未命中前5：{q}  期望 {gold}  实得 {got}")
    return 0
