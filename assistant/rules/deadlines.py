"""时间安排 (notice 四): online 9-01..10-20, unit review by 11-02, originals 10-31..11-15; late is refused."""

from __future__ import annotations

from datetime import timedelta

from assistant.rules.dates import cn_date
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, leaf
from assistant.rules.params import Parameters

WINDOWS = {"网上申报": ("deadlines.online_start", "deadlines.online_end"),
           "单位审核": (None, "deadlines.unit_review_end"),
           "原件核查": ("deadlines.originals_start", "deadlines.originals_end")}


def ce_registration(facts: Facts, p: Parameters) -> Check:
    """39号文 1: 当月培训学习内容，须当月申报 — and a year's hours register only in that year, so a training
    registered in a later month (or year) is not registered at all."""
    clauses = ["附件8/39号文/1"]
    took, registering = facts.ce_activity_date, facts.ce_registration_date
    if took is None or registering is None:
        needs = [n for n, v in (("ce_activity_date", took), ("ce_registration_date", registering)) if v is None]
        return leaf("ce_registration", clauses, None, "需要知道培训学习的月份和登记的月份。", needs=needs)
    same = (took.year, took.month) == (registering.year, registering.month)
    later_year = "；当年的学时也只能登记到当年的学习记录" if took.year != registering.year else ""
    why = "是当月申报，可以登记" if same else f"已不是当月，按“当月培训学习内容，须当月申报”不能再登记{later_year}"
    return leaf("ce_registration", clauses, same,
                f"培训在{took.year}年{took.month}月，{registering.year}年{registering.month}月登记，{why}。",
                facts={"ce_activity_date": str(took), "ce_registration_date": str(registering)})


def publicity(facts: Facts, p: Parameters) -> Check:
    """五（一）: the unit publicises each applicant for 不少于5个工作日 — counted on 2022's calendar (weekends and
    holidays off, make-up working days on)."""
    need, start, end = p.value("publicity.working_days"), facts.publicity_start, facts.publicity_end
    if start is None or end is None:
        if facts.publicity_days is not None and facts.publicity_days < need:  # "贴三天": short whatever the days are
            return leaf("publicity", ["五/（一）"], False, f"公示须不少于{need}个工作日，现{facts.publicity_days}天。",
                        facts={"publicity_days": facts.publicity_days})
        needs = [n for n, v in (("publicity_start", start), ("publicity_end", end)) if v is None]
        return leaf("publicity", ["五/（一）"], None, f"公示须不少于{need}个工作日，需要知道起止日期。", needs=needs)
    off, on = set(p.value("publicity.holidays")), set(p.value("publicity.workdays_on_weekend"))
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    working = [d for d in days if d in on or (d.weekday() < 5 and d not in off)]
    return leaf("publicity", ["五/（一）"], len(working) >= need,
                f"公示须不少于{need}个工作日；{cn_date(start)}至{cn_date(end)}共{len(days)}天，其中工作日{len(working)}天"
                f"（周末、节假日不算）。", facts={"publicity_start": str(start), "publicity_end": str(end)},
                params={"working_days": need})


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
