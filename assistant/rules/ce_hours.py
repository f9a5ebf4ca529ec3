"""继续教育学时 (notice 二（二）1; 附件8 细则 第五–六条; 台经信〔2019〕39号).

Each year 2019–2022 needs 90 hours (60 专业, 18 公需), and the four years together 360 (240 专业,
72 一般公需). 专业 hours come from the registered figure, or are computed from activities: days ×
rate, fixed amounts by level, per paper or per 10,000 words with the author-rank weights, each route
capped at 36 hours a year. Hours count only in the year they were earned (39号文 1), so a short year
cannot be made up later; 2022 may still be made up before the application deadline.
"""

from __future__ import annotations

from assistant.rules.dates import cn_date
from assistant.rules.facts import Activity, CEYear, Facts
from assistant.rules.logic import Check, all_of, leaf
from assistant.rules.params import Parameters

ROUTE_CLAUSE = "附件8/细则/第六条/{}"


def rank_weight(activity: Activity, p: Parameters) -> float | None:
    """Share of a weighted activity by rank among `people` (39号文 8); None if rank or people unknown."""
    if activity.rank is None or activity.people is None:
        return None
    table = p.value("continuing_education.rank_weights")
    row = table[min(activity.people, max(table))]
    return row[activity.rank - 1] if activity.rank <= len(row) else 0.0


def activity_hours(activity: Activity, p: Parameters) -> float | None:
    """Hours of one activity before the yearly cap; None when a fact it needs is missing."""
    rule = p.value("continuing_education.route_hours")[activity.route]
    if rule["per"] == "given":
        return activity.hours
    if "by_level" in rule:
        if activity.level not in rule["by_level"]:
            return None
        base = rule["by_level"][activity.level]
    else:
        base = rule["hours"]
    hours = base * activity.quantity
    if rule.get("weighted"):
        weight = rank_weight(activity, p)
        return None if weight is None else hours * weight
    return hours


def professional_hours(year: CEYear, p: Parameters) -> tuple[float | None, list[str]]:
    """专业科目 hours of a year: the registered figure, else the capped sum of its activities."""
    if year.professional is not None:
        return year.professional, ["登记学时"]
    if not year.activities:
        return None, []
    cap = p.value("continuing_education.route_cap_per_year")
    by_route: dict[str, float] = {}
    for activity in year.activities:
        hours = activity_hours(activity, p)
        if hours is None:
            return None, []
        by_route[activity.route] = by_route.get(activity.route, 0.0) + hours
    notes = [f"途径{route}{hours:g}学时" + (f"，超过每年{cap}学时上限按{cap}计" if hours > cap else "")
             for route, hours in by_route.items()]
    return sum(min(hours, cap) for hours in by_route.values()), notes


def _year_check(year: int, record: CEYear | None, p: Parameters) -> tuple[Check, float | None, float | None]:
    total_need = p.value("continuing_education.yearly_total")
    prof_need = p.value("continuing_education.yearly_professional")
    public_need = p.value("continuing_education.yearly_public")
    clauses = ["二/（二）/1", "附件8/细则/第五条", "附件8/39号文/1"]
    if record is None:
        return leaf(f"ce_hours.{year}", clauses, None, f"需要知道{year}年度的继续教育学时。", needs=[f"ce.{year}"]), None, None
    professional, notes = professional_hours(record, p)
    public = record.public
    if record.activities and record.professional is None:
        clauses = clauses + sorted({ROUTE_CLAUSE.format(a.route) for a in record.activities}) + ["附件8/细则/第六条"]
        if any(p.value("continuing_education.route_hours")[a.route].get("weighted") for a in record.activities):
            clauses.append("附件8/39号文/8")
    needs = [n for n, v in ((f"ce.{year}.professional", professional), (f"ce.{year}.public", public)) if v is None]
    if needs:
        return leaf(f"ce_hours.{year}", clauses, None, f"需要知道{year}年度专业科目和公需科目各多少学时。",
                    needs=needs), professional, public
    ok = professional + public >= total_need and professional >= prof_need and public >= public_need
    detail = f"（{'；'.join(notes)}）" if notes and notes != ["登记学时"] else ""
    return leaf(f"ce_hours.{year}", clauses, ok,
                f"{year}年度：专业科目{professional:g}学时{detail}、公需科目{public:g}学时，合计{professional + public:g}学时；"
                f"每年须不少于{total_need}学时（专业{prof_need}、公需{public_need}），{'达到' if ok else '未达到'}。",
                facts={f"ce.{year}.professional": professional, f"ce.{year}.public": public},
                params={"yearly_total": total_need, "yearly_professional": prof_need,
                        "yearly_public": public_need}), professional, public


def ce_hours(facts: Facts, p: Parameters) -> Check:
    years = p.value("continuing_education.years")
    results = [_year_check(year, facts.ce.get(year), p) for year in years]
    checks = [check for check, _, _ in results]
    professional = [prof for _, prof, _ in results]
    public = [pub for _, _, pub in results]
    total_need = p.value("continuing_education.total")
    prof_need = p.value("continuing_education.total_professional")
    public_need = p.value("continuing_education.total_public")
    span = f"{years[0]}-{years[-1]}"
    if None in professional or None in public:
        needs = [m for c in checks if c.unknown for m in c.missing]
        cumulative = leaf("ce_hours.total", ["二/（二）/1"], None, f"需要{span}每年的学时才能核算累计数。", needs=needs)
    else:
        prof, pub = sum(professional), sum(public)
        ok = prof + pub >= total_need and prof >= prof_need and pub >= public_need
        cumulative = leaf("ce_hours.total", ["二/（二）/1"], ok,
                          f"{span}年累计{prof + pub:g}学时（专业{prof:g}、公需{pub:g}）；须累计不少于{total_need}学时，"
                          f"其中专业科目{prof_need}、一般公需科目{public_need}，{'达到' if ok else '未达到'}。",
                          params={"total": total_need, "total_professional": prof_need, "total_public": public_need})
    makeup = p.value("continuing_education.makeup_deadline")
    return all_of("ce_hours", ["二/（二）/1", "附件8/细则/第五条"], checks + [cumulative],
                  f"继续教育学时：每年度和{span}年累计都须达到要求；不足的可在申报截止日（{cn_date(makeup)}）前补足，"
                  "但学时只登记在取得的当年。")
