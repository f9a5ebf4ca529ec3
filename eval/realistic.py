"""The realistic eval: questions written as applicants write, by writers who read the notice but not the code.

`python -m assistant eval realistic` runs eval/realistic.jsonl (and the shared sample, copied as
eval/realistic-sample.jsonl) through the offline assistant, one fresh session per item (a list of turns is a
dialogue; the last answer is judged), and scores, per split: outcome accuracy, citation (every `cite`
substring in the cited clauses' verbatim text), must-say (every `say` item in the answer; an inner list is
any-of), forbidden strings. The split is a fixed hash of the item id, so `dev` (tuned on) and `test`
(only measured) never change; a dev/test gap above 0.05 is fitting, not understanding.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
SETS = {"realistic": HERE / "realistic.jsonl", "sample": HERE / "realistic-sample.jsonl"}


def split_of(item_id: str) -> str:
    """`dev` or `test`, by the first byte of the id's SHA-256 (stable across runs and machines)."""
    return "test" if hashlib.sha256(item_id.encode("utf-8")).digest()[0] % 2 else "dev"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _has(text: str, item) -> bool:
    return any(x in text for x in item) if isinstance(item, list) else item in text


@dataclass
class Score:
    outcome: list[bool]
    cite: list[bool]
    say: list[bool]
    forbidden: int
    misses: list[tuple[str, str]]

    def rate(self, values: list[bool]) -> float:
        return sum(values) / len(values) if values else 1.0

    def row(self, name: str, count: int) -> str:
        return (f"| {name} | {count} | {self.rate(self.outcome):.3f} ({len(self.outcome)}) | {self.rate(self.cite):.3f} "
                f"({len(self.cite)}) | {self.rate(self.say):.3f} ({len(self.say)}) | {self.forbidden} |")


def judge(items: list[dict], answers: dict[str, object]) -> Score:
    score = Score([], [], [], 0, [])
    for item in items:
        answer = answers[item["id"]]
        text = answer.answer
        cited = " ".join(c.text for c in answer.citations)
        got = answer.verdict.outcome if answer.verdict else None
        if item["outcome"] is not None:
            want = item["outcome"] if isinstance(item["outcome"], list) else [item["outcome"]]
            score.outcome.append(got in want)
            if got not in want:
                score.misses.append((item["id"], f"outcome {got} ∉ {want}"))
        if item.get("cite"):
            ok = all(s in cited for s in item["cite"])
            score.cite.append(ok)
            if not ok:
                score.misses.append((item["id"], f"citation lacks {item['cite']}"))
        if item.get("say"):
            ok = all(_has(text, s) for s in item["say"])
            score.say.append(ok)
            if not ok:
                score.misses.append((item["id"], f"answer lacks {item['say']}"))
        for bad in item.get("not_say", []):
            if bad in text:
                score.forbidden += 1
                score.misses.append((item["id"], f"answer says {bad!r}"))
    return score


def answer_all(items: list[dict]) -> dict[str, object]:
    from assistant.conversation.offline import OfflineAssistant
    from assistant.conversation.session import Session

    assistant, answers = OfflineAssistant(), {}
    for item in items:
        session = Session()
        for turn in item["q"] if isinstance(item["q"], list) else [item["q"]]:
            answer = assistant.answer(session, turn)
        answers[item["id"]] = answer
    return answers


def report(which: str = "realistic", verbose: bool = False) -> tuple[dict[str, Score], str]:
    items = load(SETS[which])
    answers = answer_all(items)
    parts = {"dev": [i for i in items if split_of(i["id"]) == "dev"], "test": [i for i in items if split_of(i["id"]) == "test"],
             "all": items}
    scores = {name: judge(part, answers) for name, part in parts.items()}
    lines = [f"{which}: {SETS[which].name}", "", "| split | items | outcome | citation | must-say | forbidden |",
             "|---|---|---|---|---|---|"]
    lines += [scores[name].row(name, len(parts[name])) for name in parts]
    if verbose:
        lines += ["", "misses (dev only — test is measured, never read while tuning):"]
        lines += [f"- {i}: {why}" for i, why in scores["dev"].misses]
    return scores, "\n".join(lines)


def main(which: str = "realistic", verbose: bool = False) -> int:
    _, text = report(which, verbose)
    print(text)
    return 0
