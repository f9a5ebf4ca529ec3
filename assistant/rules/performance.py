"""Work performance by category (附件2 第八–十一条 for 助理工程师, 第十二–十六条 for 工程师).

Each category has groups of conditions: 必备 (all), 经历, 业绩, 成果 (one of n). The facts say which
numbered items of each group the applicant meets; an unknown group is asked for, listing its items.
"""

from __future__ import annotations

from assistant.rules.facts import Facts
from assistant.rules.logic import Check, all_of, at_least, leaf
from assistant.rules.params import Parameters

GROUP_CLAUSES = {
    "助理工程师": {"经历": ""},
    "工程师": {"必备": "/（二）/1", "经历": "/（二）/2", "业绩": "/（三）/1", "成果": "/（三）/2"},
}
ITEM_NUMBERS = [f"（{i}）" for i in range(1, 9)]


def performance(facts: Facts, p: Parameters) -> Check:
    if facts.target is None or facts.work_category is None:
        needs = [n for n, v in (("target", facts.target), ("work_category", facts.work_category)) if v is None]
        return leaf("performance", ["附件2/第十八条/（二）"], None, "需要知道申报的资格和从事的工作类别。", needs=needs)
    param = p[f"performance.{facts.target}.{facts.work_category}"]
    article = param.clauses[0]
    groups = []
    for group, (count, needed) in param.value.items():
        clause = article + GROUP_CLAUSES[facts.target][group]
        stated = None if facts.performance is None else facts.performance.get(group)
        if stated is None:
            groups.append(leaf(f"performance.{group}", [clause], None,
                               f"{group}：需要知道具备第{'、'.join(ITEM_NUMBERS[:count])}项中的哪几项（须{needed}项）。",
                               needs=[f"performance.{group}"]))
            continue
        items = [leaf(f"performance.{group}{number}", [f"{clause}/{number}"], number in stated,
                      f"{group}{number}" + ("已具备。" if number in stated else "未具备。"))
                 for number in ITEM_NUMBERS[:count]]
        groups.append(at_least(needed, f"performance.{group}", [clause], items,
                               f"{group}：第{'、'.join(ITEM_NUMBERS[:count])}项中须具备{needed}项。"))
    return all_of("performance", [article], groups,
                  f"{facts.work_category}类{facts.target}的任现职期间经历、业绩与成果条件（{article.split('/')[-1]}）。")
