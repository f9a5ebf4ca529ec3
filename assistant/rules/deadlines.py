"""时间安排 (notice 四): online 9-01..10-20, unit review by 11-02, originals 10-31..11-15; late is refused."""

from __future__ import annotations

from assistant.rules.dates import cn_date
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, leaf
from assistant.rules.params import Parameters

WINDOWS = {"网上申报": ("deadlines.online_start", "deadlines.online_end"),
           "单位审核": (None, "deadlines.unit_review_end"),
           "原件核查": ("deadlines.originals_start", "deadlines.originals_end")}


def deadline(facts: Facts, p: Parameters) -> Check:
    if facts.action is None or facts.action_date is None:
        needs = [n for n, v in (("action", facts.action), ("action_date", facts.action_date)) if v is None]
        return leaf("deadline", ["四"], None, "需要知道办理哪个环节（网上申报、单位审核、原件核查）和日期。", needs=needs)
    start_name, end_name = WINDOWS[facts.action]
    start = p.value(start_name) if start_name else None
    end = p.value(end_name)
    day = facts.action_date
    ok = (start is None or day >= start) and day <= end
    window = f"{cn_date(start)}至{cn_date(end)}" if start else f"截止{cn_date(end)}"
    why = "尚未开始" if start and day < start else ("已逾期，逾期一律不再受理" if day > end else "在规定时间内")
    return leaf("deadline", ["四"], ok, f"{facts.action}时间为{window}；{cn_date(day)}{why}。",
                facts={"action": facts.action, "action_date": str(day)}, params={"window": window})
