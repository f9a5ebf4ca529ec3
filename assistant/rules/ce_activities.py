"""How many 专业科目 hours an activity registers (附件8 细则 第六条, 台经信〔2019〕39号 1 and 8), with the
arithmetic shown: days × the route's daily rate, a fixed amount by level, per paper or per 10,000 words
with the author-rank weight, each route capped at 36 hours a year."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.rules.ce_hours import ROUTE_CLAUSE, activity_hours, rank_weight
from assistant.rules.facts import Activity
from assistant.rules.params import Parameters

UNIT = {"day": "天", "subject": "科", "course": "门", "item": "项", "paper_or_10k_words": "篇（或每万字）", "program": "次"}


@dataclass
class Registered:
    route: str
    hours: float | None  # before the yearly cap; None when a fact it needs is missing
    working: str  # the arithmetic, in words
    clauses: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _working(activity: Activity, p: Parameters) -> tuple[str, list[str]]:
    if activity.not_counted:
        return p.value("continuing_education.not_counted")[activity.not_counted]["sentence"], []
    rule = p.value("continuing_education.route_hours")[activity.route]
    unit = UNIT.get(rule["per"], "")
    quantity = "?" if activity.quantity is None else f"{activity.quantity:g}"
    if rule["per"] == "given":
        return f"按课件标定的{activity.hours:g}学时" if activity.hours is not None else "按课件标定的学时", (
            [] if activity.hours is not None else ["课件标定学时"])
    missing = [] if activity.quantity is not None else ["数量（天数、篇数等）"]
    if "by_level" in rule:
        if activity.level not in rule["by_level"]:
            levels = "、".join(f"{k}{v}学时" for k, v in rule["by_level"].items())
            return f"按级别计（{levels}）", missing + ["级别"]
        base = f"{activity.level}{rule['by_level'][activity.level]}学时"
    else:
        base = f"每{unit}{rule['hours']}学时"
    text = f"{base} × {quantity}{unit}" if rule["per"] != "program" else base + (
        f" × {quantity}次" if quantity not in ("1", "?") else "")
    if rule.get("weighted"):
        weight = rank_weight(activity, p)
        if weight is None:
            return text + " × 排名系数", missing + ["排名和总人数"]
        text += f" × 排名系数{weight:g}（{activity.people}人中第{activity.rank}）"
    return text, missing


def registered_hours(activities: list[Activity], p: Parameters) -> tuple[list[Registered], float | None]:
    """Each activity's hours and working, and the total after each route's yearly cap (None if any is unknown)."""
    cap = p.value("continuing_education.route_cap_per_year")
    out, by_route = [], {}
    for activity in activities:
        working, missing = _working(activity, p)
        hours = None if missing else activity_hours(activity, p)
        weighted = p.value("continuing_education.route_hours")[activity.route].get("weighted")
        # a weighted route cites its own "采用加权系数进行分配" item (39号文 4 or 5) and the table of weights (8)
        clauses = [ROUTE_CLAUSE.format(activity.route)] + ([weighted, "附件8/39号文/8"] if weighted else [])
        if activity.not_counted:  # the clause that says so decides, not the route's rate
            clauses = [p.value("continuing_education.not_counted")[activity.not_counted]["clause"]]
        out.append(Registered(activity.route, hours, working, clauses, missing))
        if hours is not None:
            by_route[activity.route] = by_route.get(activity.route, 0.0) + hours
    if any(r.hours is None for r in out):
        return out, None
    for route, hours in by_route.items():
        if hours > cap:
            out.append(Registered(route, None, f"途径{route}合计{hours:g}学时，超过每个途径每年度最多{cap}学时，按{cap}学时计",
                                  ["附件8/细则/第六条", "附件8/39号文/1"]))
    return out, round(sum(min(h, cap) for h in by_route.values()), 2)
