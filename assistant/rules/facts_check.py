"""Facts that cannot be true for the 2022 review, refused with a Chinese sentence naming the fact.

A date after the cut-off, a penalty in the future, a falsification year not yet reached, an hour
count for a year the notice does not ask about, or an item that the applicant's article does not
have would otherwise give a confident, wrong answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.rules.fact_names import FACT_NAMES
from assistant.rules.params import parameters_for

if TYPE_CHECKING:
    from assistant.rules.facts import Facts

PERFORMANCE_GROUPS = ("必备", "经历", "业绩", "成果")
ITEM = re.compile(r"^[（(]?\s*([1-9１-９])\s*[)）]?$")
FULL_WIDTH_DIGITS = str.maketrans("１２３４５６７８９", "123456789")


def impossible(facts: Facts) -> str | None:
    p = parameters_for(2022)
    cutoff, year = p.value("cutoff_date"), p.value("policy_year")
    for name in ("graduation_date", "work_start_date", "title_appointed_date", "transferred_date",
                 "machinery_work_start_date", "technician_appointed_date"):
        value = getattr(facts, name)
        if value is not None and value > cutoff:
            return f"{FACT_NAMES[name]}（{value}）晚于任职时间截止日{cutoff}，不可能用于本年度申报"
    if (facts.title_appointed_date and facts.work_start_date and facts.title_appointed_date < facts.work_start_date
            and facts.title_series is not None and "机电" in facts.title_series and facts.transferred_date is None):
        return (f"聘任日期（{facts.title_appointed_date}）早于开始从事专业技术工作日期（{facts.work_start_date}），"
                "而现职称是机电系列且未转评；若原职称属其他系列，请写明现职称系列或转评时间")
    if facts.transferred_date and facts.title_appointed_date and facts.transferred_date < facts.title_appointed_date:
        return "转评日期早于聘任现职务日期"
    for penalty in facts.penalties or []:
        if penalty.date is not None and penalty.date > cutoff:
            return f"{FACT_NAMES['penalties']}：处罚日期{penalty.date}晚于{cutoff}，尚未发生"
    for found in facts.falsification_years or []:
        if not 1950 <= found <= year:
            return f"{FACT_NAMES['falsification_years']}：{found}年不在1950–{year}年之间"
    years = p.value("continuing_education.years")
    for ce_year in facts.ce:
        if ce_year not in years:
            return f"{FACT_NAMES['ce']}：{ce_year}年不是通知要求的年度（{years[0]}–{years[-1]}年）"
    for grade_year in facts.assessments:
        if not 1950 <= grade_year <= year:
            return f"{FACT_NAMES['assessments']}：{grade_year}年不是有效的考核年度"
    return _performance(facts, p)


def _performance(facts: Facts, p) -> str | None:
    """Items as （1）…（8）; ASCII “(1)”, “1” and “１” are read as （1）. Unknown groups or items are refused."""
    if facts.performance is None:
        return None
    name = FACT_NAMES["performance"]
    table = None
    if facts.target is not None and facts.work_category is not None:
        table = p.value(f"performance.{facts.target}.{facts.work_category}")
    normalised: dict[str, list[str]] = {}
    for group, items in facts.performance.items():
        allowed = PERFORMANCE_GROUPS if table is None else tuple(table)
        if group not in allowed:
            return f"{name}：没有“{group}”这一组，只能是{'、'.join(allowed)}"
        count = 8 if table is None else table[group][0]
        normalised[group] = []
        for raw in items:
            match = ITEM.match(str(raw).strip())
            number = int(match[1].translate(FULL_WIDTH_DIGITS)) if match else None
            if number is None or number > count:
                return f"{name}：{group}没有第“{raw}”项，只能是（1）到（{count}）"
            normalised[group].append(f"（{number}）")
    facts.performance = normalised
    return None
