"""Achievement items shared by 破格 and 越级: each item of 第六条 and 第七条 as one three-valued check.

An item counts once however many facts support it (a patent and a county award are both item 2).
The minimum level of each item is a parameter (`achievement_levels`); awards that 第十八条（八）
counts as 科技进步奖 (the two 联合会, a government 工程设计/咨询/建设/成果转化奖) count here too.
"""

from __future__ import annotations

from typing import NamedTuple

from assistant.rules.fact_names import ACHIEVEMENT_NAMES
from assistant.rules.facts import LEVEL_RANK, Achievements, Award, Facts
from assistant.rules.logic import Check, Truth, all_of, any_of, leaf
from assistant.rules.params import Parameters

EQUIVALENCE = "附件2/第十八条/（八）"
# 第十八条's definitions a part is met by: 首台（套）的主要参加者（四）, 高级以上人才（九）
DEFINED = {"first_set": "附件2/第十八条/（四）"}


class Part(NamedTuple):
    """One fact that can meet an item; `needs` is what to ask when it is unknown."""

    name: str
    value: bool | None
    needs: str = ""
    note: str = ""


def main_finisher(facts: Facts, p: Parameters) -> Check:
    """第十八条（三）: "我排第四，算主要完成者吗" — the first three of those named are its 主要完成者."""
    top, rank = p["main_finisher.top_ranks"], facts.finisher_rank
    return leaf("main_finisher", list(top.all_clauses), None if rank is None else rank <= top.value,
                f"主要完成者是指排名前{top.value}的完成者" + ("。" if rank is None else f"，现排第{rank}。"),
                facts={"finisher_rank": rank}, params={"main_finisher.top_ranks": top.value}, needs=["finisher_rank"])


def at_level(value: str | None, minimum: str) -> bool | None:
    return None if value is None else LEVEL_RANK[value] >= LEVEL_RANK[minimum]


def award_at(award: Award | str | None, alternatives: list[list]) -> bool | None:
    """An award of at least one [level, worst grade] alternative (grade 1 is first prize)."""
    if award is None:
        return None
    if award == "无":
        return False
    return any(LEVEL_RANK[award.level] >= LEVEL_RANK[level] and award.grade <= grade for level, grade in alternatives)


def at_least_count(value: int | None, needed: int) -> bool | None:
    return None if value is None else value >= needed


def first_set_at(a: Achievements, minimum: str) -> bool | None:
    order = {"无": 0, "市": 1, "省内": 2, "国内": 3}
    return None if a.first_set is None else order[a.first_set] >= order[minimum]


def science_parts(a: Achievements, alternatives: list[list], p: Parameters) -> list[Part]:
    """科技成果奖, with 第十八条（八）: a 联合会 award counts as 省部级; a government 工程设计/咨询/建设/
    成果转化奖 (stated as product_award with its kind) counts as a 科技进步奖 of its level."""
    award, note = a.science_award, ""
    if isinstance(award, Award) and award.issuer in p.value("award_equivalents.federations"):
        award = award.model_copy(update={"level": p.value("award_equivalents.federation_level")})
        note = f"{a.science_award.issuer}颁发的奖等同省部级科技进步奖（第十八条（八））"
    parts = [Part("science_award", award_at(award, alternatives), note=note)]
    product = a.product_award
    if product is None or product == "无":
        return parts + [Part("product_award_as_science", None if product is None else False,
                             needs="achievements.product_award")]
    counts = award_at(product, alternatives)
    kinds = p.value("award_equivalents.government_kinds")
    if product.kind is None and counts:
        return parts + [Part("product_award_as_science", None, needs="achievements.product_award.kind")]
    equivalent = product.kind in kinds and product.issuer is None
    return parts + [Part("product_award_as_science", bool(counts and equivalent),
                         note=f"政府颁发的{product.kind}等同科技进步奖（第十八条（八））" if equivalent else "")]


def item(rule: str, clause: str, sentence: str, parts: list[Part | tuple]) -> Check:
    """An item met by any of its parts; unknown parts are the questions to ask."""
    children = []
    for part in map(lambda x: Part(*x), parts):
        clauses = [clause] + ([EQUIVALENCE] if part.name == "product_award_as_science" or part.note else []) + (
            [DEFINED[part.name]] if part.name in DEFINED and part.value else [])  # "主要参加者", "高级人才": what made it count
        judged = f"；{part.note}" if part.note and part.value else ""
        children.append(leaf(f"{rule}.{part.name}", clauses, part.value,
                             f"{sentence}（{ACHIEVEMENT_NAMES[part.name]}{judged}）", facts={part.name: part.value},
                             needs=[part.needs or f"achievements.{part.name}"]))
    return any_of(rule, [clause], children, sentence)


def _after_title(facts: Facts) -> bool | None:
    """Said outright, or from the dates the achievements were obtained on: all after the appointment,
    all before it; some before and some after, which items those are is not known."""
    a, appointed = facts.achievements, facts.title_appointed_date
    if a.obtained_after_title is not None or not a.obtained_dates or appointed is None:
        return a.obtained_after_title
    before = [d < appointed for d in a.obtained_dates]
    return False if all(before) else True if not any(before) else None


def obtained_after_title(facts: Facts, p: Parameters, items: Check, rule: str, sentence: str) -> Check:
    """第十七条: achievements count only when obtained after 任现职. Like the other gates, an unknown
    answer is a reminder (`dated_reminder`), not a question that holds the route back; a known
    "no" settles the route, a known "yes" is stated in the trace."""
    known = _after_title(facts)
    needs = ["achievements.obtained_after_title"]
    why = "业绩成果须为任现职后取得。" if known is not False else "所依据的业绩成果不是任现职后取得，不能计入。"
    if facts.achievements.obtained_after_title is None and known is not None and facts.title_appointed_date:
        on = "、".join(dict.fromkeys(f"{d.year}年" for d in facts.achievements.obtained_dates))
        appointed = facts.title_appointed_date
        why = f"业绩成果取得于{on}，{'晚于' if known else '早于'}现职聘任（{appointed.year}年{appointed.month}月），" + (
            "属任现职后取得。" if known else "不是任现职后取得，不能计入。")
    if facts.title_level == "无":
        known, why = True, f"无现职，业绩成果不受“任现职后”限制（判断：{p['achievements_after_title'].note}）。"
    elif known is False and facts.title_level is None:
        known, needs = None, ["title_level"]  # without any title, 第十七条 has nothing to compare with
    if items.truth is Truth.NOT_MET or known is None:
        return all_of(rule, items.clauses, [items], sentence)
    dated = leaf(f"{rule}.after_title", ["附件2/第十七条"], known, why, facts={"obtained_after_title": known},
                 params={"achievements_after_title": True}, needs=needs)
    return all_of(rule, items.clauses, [items, dated], sentence)


def dated_reminder(facts: Facts, p: Parameters) -> Check:
    """The 第十七条 reminder for 破格 and 越级 answers while the dates of the achievements are unknown."""
    known = True if facts.title_level == "无" else _after_title(facts)
    return leaf("achievements_after_title", ["附件2/第十七条"], known,
                "破格、越级所依据的业绩成果须为任现职后取得，并提供真实有效的证明材料。",
                params={"achievements_after_title": p.value("achievements_after_title")},
                needs=["achievements.obtained_after_title"])
