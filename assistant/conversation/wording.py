"""How a verdict is said in the chat: the answer first, with the deciding figure, then the rest.

An applicant reads the first line and a hotline operator reads it out, so it must answer the question
("可以正常申报工程师：本科学历须实际聘任初级工程师职务4年以上，现满4年，已达到。"), not restate the
question. Then, one line each: the other facts that held, what is still needed, the conditions not yet
checked, what was presumed. The full trace stays in `--explain` and the console, not in the chat.
Wording only: the outcome and every sentence of substance come from the rule code.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from assistant.rules.dates import cn_date
from assistant.rules.verdict import Verdict

LEADS_FILE = Path(__file__).with_name("leads.yaml")
READS_FILE = Path(__file__).with_name("reads.yaml")
FIGURE = re.compile(r"\d")


@cache
def leads() -> dict[str, dict[str, str]]:
    return yaml.safe_load(LEADS_FILE.read_text(encoding="utf-8"))


def decisive_steps(verdict: Verdict) -> list:
    """The root and the steps that decided it: when met, the met branches; when not met, the unmet ones.

    A met "any of eight" is decided by the item that is met; its seven unknown siblings are neither
    said nor cited. An unknown outcome keeps everything, since any unknown step may decide it.
    """
    root = verdict.trace[0]
    if root.result == "unknown":
        return verdict.trace
    kept, skip_below = [root], None
    for step in verdict.trace[1:]:
        if skip_below is not None and step.depth > skip_below:
            continue
        skip_below = None
        if step.result == root.result:
            kept.append(step)
        else:
            skip_below = step.depth
    return kept


OWN_FIGURE = re.compile(r"现(满|具备|为|有|\d)|现1项|您的|已有")


def _deciding(verdict: Verdict):
    """The step whose sentence carries the deciding figure: for a yes, the last comparison that held (the
    years, the hours, the ratio); for a no, the first that failed. None when nothing below the root decided."""
    steps = [s for s in decisive_steps(verdict) if s.depth >= 1 and s.result != "unknown"]
    if verdict.outcome == "not_eligible":  # the failure that states the applicant's own figure ("现具备2项") first
        failed = [s for s in steps if s.result == "not_met"]
        own = [s for s in failed if FIGURE.search(s.sentence) and OWN_FIGURE.search(s.sentence)]
        return next(iter(own), next(iter(_innermost(steps, failed)), None))
    with_figures = [s for s in steps if FIGURE.search(s.sentence)]
    if with_figures:  # the outermost with the applicant's own figure: "现具备3项", not the years behind one of them
        pool = [s for s in with_figures if OWN_FIGURE.search(s.sentence)] or with_figures
        top = min(s.depth for s in pool)
        return [s for s in pool if s.depth == top][-1]
    # no figure: the item the user's own achievement met ("省级企业技术中心…骨干"), not a judgement about it
    held = [s for s in steps if s.result == "met" and _raised(s) and "after_title" not in s.rule]
    return held[0] if held else (steps[-1] if steps else None)


def _innermost(steps: list, failed: list) -> list:
    """The failures with no failure below them: the reason itself ("现职称为经济系列，须先转评…"), not the
    summary of the rule above it ("正常申报工程师：具备规定学历…")."""
    inner = []
    for i, step in enumerate(steps):
        if step not in failed:
            continue
        below = []
        for later in steps[i + 1:]:
            if later.depth <= step.depth:
                break
            below.append(later)
        if not any(b in failed for b in below):
            inner.append(step)
    return inner


@cache
def reads() -> dict[str, re.Pattern | None]:
    """Clause id → the words in a step's sentence that make it decisive there (None: never)."""
    table = yaml.safe_load(READS_FILE.read_text(encoding="utf-8"))["reads"]
    return {clause: re.compile(words) if words else None for clause, words in table.items()}


def _applied(clauses: list[str], sentence: str = "", asked: bool = False) -> list[str]:
    """The clauses a step applies: its first (several sibling rows, as both rows of 第四条（二）, cite their
    parent) and the others it lists, except those merely read — unless the step is the rule asked about."""
    if not clauses:
        return []
    parent = clauses[0].rsplit("/", 1)[0]
    siblings = [c for c in clauses if c.rsplit("/", 1)[0] == parent]
    first = parent if len(siblings) > 1 and "/" in clauses[0] else clauses[0]

    def applied(clause: str) -> bool:
        if clause not in reads():
            return True
        words = reads()[clause]
        return bool(words and words.search(sentence))

    head = [first] if asked or applied(clauses[0]) else []
    return [*head, *(c for c in clauses[1:] if c not in siblings and applied(c))]


def _raised(step) -> bool:
    """A step reading something the user said ("企业技术中心成员", level not yet known)."""
    return any(value not in (None, False, [], {}, "") for value in step.facts.values())


def cited_ids(verdict: Verdict) -> list[str]:
    """What decided, and nothing a rule merely read (issue 10): each deciding comparison (a leaf of the
    decisive steps, or a step that counted: "7项中3项"), for an open answer the routes still open, and the
    gates that failed or were settled. How years are counted or what a word means is cited only where it
    is a step's own first clause (a major judged 不相近 cites 第四条（三））."""
    steps = decisive_steps(verdict)
    parents = {i for i, (a, b) in enumerate(zip(steps, steps[1:], strict=False)) if b.depth > a.depth}
    chosen = []
    for i, step in enumerate(steps):
        leaf = i not in parents
        if step.depth == 0:
            keep = leaf or len(step.clauses) == 1  # the rule asked about ("不受学历、资历条件限制…")
        elif verdict.outcome == "need_more_info":  # leaves met or raised by the user, and the routes still open
            keep = (leaf and (step.result == "met" or _raised(step))) or (step.depth == 1 and step.result == "unknown")
        else:
            keep = leaf or bool(FIGURE.search(step.sentence))
        if keep:
            chosen.append(step)
    ids = [c for s in chosen for c in _applied(s.clauses, s.sentence, asked=s.depth == 0)]
    ids += [c for r in verdict.reminders if r.result == "not_met" for c in _applied(r.clauses, r.sentence)]
    ids += [c for r in verdict.settled for c in _applied(r.clauses, r.sentence)]
    ids += [c for r in _engaged(verdict) for c in r.clauses]  # "另须：调入审定和确认" quotes the clause it says
    return list(dict.fromkeys(ids))


def _engaged(verdict: Verdict) -> list:
    """Open gates the user's own words engaged (调入): said as a requirement, with their clause."""
    return [r for r in verdict.reminders if r.result == "unknown" and r.rule in SAID_GATES and not r.sentence.startswith("需要知道")]


def item_counts(verdict: Verdict, named: set[str]) -> str:
    """"县级劳模算破格条件吗": whether the achievement asked about counts as an item, said first ("算：…第六条（一）
    第（1）项。" / "不算：…"), before the route's own verdict. Empty when no item of the route weighs it."""
    lines, item = [], None
    for step in verdict.trace:
        if re.search(r"\.item\d+$", step.rule):
            item = step
        alone = step is item and named & set(step.facts)  # an item that is one comparison ("年薪达到30万元以上"): itself
        if item is None or not (alone or step.rule.startswith(item.rule + ".")) or step.result == "unknown" or \
                not named & set(step.facts):
            continue
        where = item.clauses[0].replace("附件2/", "").replace("/", "") if item.clauses else ""
        route = ROUTE_NAMES.get(item.rule.split(".")[0], "")
        said = f"（{step.sentence.split('：', 1)[1].rstrip('。')}）" if alone and "：" in step.sentence else ""
        lines.append(f"{route}：算，属于{where}项“{item.sentence.split('：')[0]}”{said}。" if step.result == "met" else
                     f"{route}：不算，{where}项须是“{item.sentence.split('：')[0]}”{said}。")
    return "".join(dict.fromkeys(lines[:2]))


ROUTE_NAMES = {"breakthrough_general": "一般破格", "breakthrough_outstanding": "业绩特别突出破格", "skip_level": "越级"}


def lead(verdict: Verdict) -> str:
    """The first line: the answer and why, "可以…：…" / "暂不能…：…" / "还不能确定…，需要知道…"."""
    key = verdict.question_id
    if key == "transfer" and any(s.rule == "transfer.other_series" and s.result == "met" for s in verdict.trace):
        key = "transfer_not_yet" if verdict.outcome == "not_eligible" else key  # 须转评, but not yet possible
    phrase = leads().get(key, {}).get(verdict.outcome) or verdict.question
    route = f"（{verdict.route}）" if verdict.route and verdict.outcome == "eligible" else ""
    if verdict.outcome == "need_more_info":
        return f"{phrase}{route}。"
    step = _deciding(verdict)
    if step is None:
        failed = [r for r in verdict.reminders if r.result == "not_met"]
        because = failed[0].sentence if verdict.outcome == "not_eligible" and failed else verdict.trace[0].sentence
        return f"{phrase}{route}：{because}"
    return f"{phrase}{route}：{step.sentence}"


def _also(verdict: Verdict, said: str) -> list[str]:
    """The other first-level findings, one line each (what held, what failed, what is open)."""
    if verdict.outcome == "need_more_info":
        return [f"· {s.sentence}{_failed_why(verdict, s) or _held_items(verdict, s)}" for s in verdict.trace[1:] if s.depth == 1
                and s.sentence not in said and not s.sentence.startswith("需要知道")]
    steps = [s for s in decisive_steps(verdict) if s.depth == 1]
    settled = [r for r in verdict.settled if r.sentence not in said]  # "罚过800块…会影响吗": what the user raised, answered
    return [f"· {s.sentence}" for s in [*steps, *settled] if s.sentence not in said and not s.sentence.startswith("需要知道")]


def _failed_why(verdict: Verdict, route) -> str:
    """On a route already closed while another is open, why ("不符合：…属“双破”，一般破格不允许。")."""
    if route.result != "not_met":
        return ""
    below = _below(verdict, route)
    return next((f"不符合：{s.sentence}" for s in below if s.depth == route.depth + 1 and s.result == "not_met"), "")


def _below(verdict: Verdict, route) -> list:
    start, below = verdict.trace.index(route), []
    for step in verdict.trace[start + 1:]:
        if step.depth <= route.depth:
            break
        below.append(step)
    return below


def _held_items(verdict: Verdict, route) -> str:
    """On an open route, the items the applicant already holds ("已具备：市级以上政府颁发的…劳动模范等称号")."""
    held = list(dict.fromkeys(s.sentence.split("（")[0] for s in _below(verdict, route)
                              if s.result == "met" and re.search(r"\.item\d+$", s.rule)))
    return f"已具备：{'；'.join(held)}。" if held else ""


SAID_GATES = {"transferred_title", "application_place"}  # gates the user's own words engaged (调入, 派驻市外): said,
# even when not yet settled
ASKED_AT_ONCE = 3  # the missing facts asked in one turn: a reply may answer any of them ("19.7", "大专")


def verdict_text(verdict: Verdict, assumptions: list[str], reference: date) -> str:
    first = lead(verdict)
    lines = [first, *_also(verdict, first)]
    if verdict.missing:
        lines.append("请告诉我：" + " ".join(m.question for m in verdict.missing[:ASKED_AT_ONCE]))
    failed = [r for r in verdict.reminders if r.result == "not_met" and r.sentence not in first
              and f"· {r.sentence}" not in lines]  # said once: not again as "另外"
    lines += [f"另外：{r.sentence}" for r in failed]
    lines += [f"另须：{r.sentence}" for r in _engaged(verdict)]  # "江西调过来的…": 调入审定 is not a count of gates unchecked
    unsure = [r for r in verdict.reminders if r.result == "unknown"]
    if unsure and verdict.outcome == "eligible":
        lines.append(f"申报前还须满足其他条件（社保、年度考核、继续教育学时等），共{len(unsure)}项本助手尚未核实。")
    if assumptions:
        lines.append(f"（按以下理解计算：{'；'.join(assumptions)}；参照日期{cn_date(reference)}。如有出入请直接更正。）")
    return "\n".join(lines)
