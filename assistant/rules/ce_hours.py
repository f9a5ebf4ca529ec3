"""继续教育学时 (notice 二（二）1; 附件8 细则 第五–六条; 台经信〔2019〕39号).

Each year 2019–2022 needs 90 hours (60 专业, 18 行业公需 + 一般公需), and the four years together 360
(240 专业, 72 一般公需 — 行业公需 not included). 专业 hours come from the registered figure, or are computed from activities: days ×
rate, fixed amounts by level, per paper or per 10,000 words with the author-rank weights, each route
capped at 36 hours a year. Hours count only in the year they were earned (39号文 1), so a short year
cannot be made up later; 2022 may still be made up before the application deadline.
"""

from __future__ import annotations

from assistant.rules.dates import cn_date
from assistant.rules.facts import Activity, CETotals, CEYear, Facts
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


def _weight_note(activity: Activity) -> str:
    if activity.rank is not None and activity.people is not None and activity.people > 6:
        return f"（判断：{activity.people}人按表中6人行，第7名起系数为0）"
    return ""


def activity_hours(activity: Activity, p: Parameters) -> float | None:
    """Hours of one activity before the yearly cap; None when a fact it needs (level, quantity,
    rank) is missing — a missing quantity is unknown, never one."""
    rule = p.value("continuing_education.route_hours")[activity.route]
    if activity.not_counted:
        return 0.0
    if rule["per"] == "given":
        return activity.hours
    if "by_level" in rule:
        if activity.level not in rule["by_level"]:
            return None
        base = rule["by_level"][activity.level]
    else:
        base = rule["hours"]
    if activity.quantity is None:
        return None
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
    judged = ""
    for activity in year.activities:
        hours = activity_hours(activity, p)
        if hours is None:
            return None, []
        by_route[activity.route] = by_route.get(activity.route, 0.0) + hours
        judged = judged or _weight_note(activity)
    notes = [f"途径{route}{hours:g}学时" + (f"，超过每年{cap}学时上限按{cap}计" if hours > cap else "")
             for route, hours in by_route.items()]
    notes += [p.value("continuing_education.not_counted")[a.not_counted]["sentence"] for a in year.activities if a.not_counted]
    return sum(min(hours, cap) for hours in by_route.values()), notes + ([judged] if judged else [])


def public_hours(year: CEYear) -> tuple[float | None, float, float | None]:
    """公需 (行业 + 一般) of a year: exact if known, a lower bound, and 一般公需 if known. A year's total
    with its 专业 hours gives its 公需 (the total is 专业 + 公需, 细则 第四条)."""
    general, industry = year.general_public, year.industry_public
    exact = year.public if year.public is not None else (
        general + industry if general is not None and industry is not None else (
            year.total - year.professional if year.total is not None and year.professional is not None else None))
    if general is None and exact is not None and industry is not None:
        general = exact - industry
    low = exact if exact is not None else (general or 0) + (industry or 0)
    return exact, low, general


def _at_least(low: float, exact: float | None, need: float) -> bool | None:
    """Three-valued “≥ need” from a lower bound and, when known, the exact value."""
    if low >= need:
        return True
    return None if exact is None else False


def _have(have: float, need: float) -> str:
    """"，现60学时，还差12学时。": the figure a short applicant asks for ("还差几个") is said, not left to subtract."""
    return f"，现{have:g}学时" + (f"，还差{need - have:g}学时。" if have < need else "。")


def _year_check(year: int, record: CEYear | None, p: Parameters) -> tuple[Check, float | None, CEYear | None]:
    total_need = p.value("continuing_education.yearly_total")
    prof_need = p.value("continuing_education.yearly_professional")
    public_need = p.value("continuing_education.yearly_public")
    clauses = ["附件8/细则/第五条"]  # the yearly 90 = 60 专业 + 18 公需; the 2019-2022 sums are 二（二）1's
    if record is None:
        return leaf(f"ce_hours.{year}", clauses, None, f"需要知道{year}年度的继续教育学时。", needs=[f"ce.{year}"]), None, None
    professional, notes = professional_hours(record, p)
    exact, low, _ = public_hours(record)
    if professional is None and record.total is not None and exact is not None:
        professional, notes = record.total - exact, ["合计减公需"]
    if record.activities and record.professional is None:
        not_counted = p.value("continuing_education.not_counted")
        routes = {not_counted[a.not_counted]["clause"] if a.not_counted else ROUTE_CLAUSE.format(a.route)
                  for a in record.activities}
        clauses = [*clauses, "附件8/39号文/1", *sorted(routes), "附件8/细则/第六条"]
        weighted = sorted({w for a in record.activities if (w := p.value("continuing_education.route_hours")[a.route].get("weighted"))})
        clauses += [*weighted, "附件8/39号文/8"] if weighted else []
    prof_ok = None if professional is None else professional >= prof_need
    public_ok = _at_least(low, exact, public_need)
    total_ok = (record.total >= total_need if record.total is not None else
                None if professional is None else _at_least(professional + low, None if exact is None else
                                                            professional + exact, total_need))
    parts = [prof_ok, public_ok, total_ok]
    ok = False if False in parts else (None if None in parts else True)
    needs = [n for n, v in ((f"ce.{year}.professional", prof_ok), (f"ce.{year}.public", public_ok)) if v is None]
    if total_ok is None and not needs:
        needs = [f"ce.{year}.public"]
    by_total = ok is None and total_ok is True  # "2019年96学时": 二（二）1 asks each year's 90; the split unsaid
    if by_total:
        ok, needs = True, []
    detail = f"（{'；'.join(notes)}）" if notes and notes not in (["登记学时"], ["合计减公需"]) else ""
    total = record.total if record.total is not None else (
        professional + exact if professional is not None and exact is not None else None)
    shown_prof = "未知" if professional is None else f"{professional:g}学时{detail}"
    shown_public = f"{exact:g}学时" if exact is not None else (f"至少{low:g}学时" if low else "未知")
    verdict = {True: "达到", False: "未达到", None: "尚不能确定"}[ok] + (
        f"（分项未说，按每年合计判断；细则第五条另要求专业不少于{prof_need}、公需不少于{public_need}）" if by_total else "")
    if ok is False and total is not None and total < total_need:
        verdict += f"，还差{total_need - total:g}学时"
    if ok is False:  # a short year stays short: hours register only in the year they were earned (39号文 1)
        clauses = list(dict.fromkeys([*clauses, "附件8/39号文/1"]))
        makeup = p.value("continuing_education.makeup_deadline")
        verdict += (f"（本年度的可在申报截止日（{cn_date(makeup)}）前补足，通知二（二）1）" if year == makeup.year else
                    "（学时只登记到取得的当年，别的年度多学的不能补这一年）")
        clauses = [*clauses, "二/（二）/1"] if year == makeup.year else clauses
    return leaf(f"ce_hours.{year}", clauses, ok,
                f"{year}年度：专业科目{shown_prof}、公需科目（行业+一般）{shown_public}"
                + (f"，合计{total:g}学时" if total is not None else "") + f"；每年须不少于{total_need}学时"
                f"（专业{prof_need}、行业公需和一般公需合计{public_need}），{verdict}。",
                facts={f"ce.{year}.professional": professional, f"ce.{year}.public": exact},
                params={"yearly_total": total_need, "yearly_professional": prof_need, "yearly_public": public_need},
                needs=needs), professional, record


def _year_total(record: CEYear | None, prof: float | None) -> tuple[float | None, float]:
    """A year's total hours, exact when known, and a lower bound."""
    if record is None:
        return None, 0.0
    exact_public, low_public, _ = public_hours(record)
    if record.total is not None:
        return record.total, record.total
    exact = prof + exact_public if prof is not None and exact_public is not None else None
    return exact, (prof or 0.0) + low_public


def _sums(records: list[CEYear | None], profs: list[float | None], totals: CETotals | None):
    """(total exact, total low, 专业 sum or None, 一般公需 low, 一般公需 high or None, 一般公需 known?) over the
    years; sums the applicant said for the four years together take the place of the yearly figures."""
    year_totals = [_year_total(r, x) for r, x in zip(records, profs, strict=True)]
    exact_total = None if None in [e for e, _ in year_totals] else sum(e for e, _ in year_totals)
    low_total = sum(low for _, low in year_totals)
    prof_sum = None if None in profs else sum(profs)
    publics = [public_hours(r) if r is not None else (None, 0.0, None) for r in records]
    generals = [g for _, _, g in publics]
    general_low = sum(g for g in generals if g is not None)
    general_high = None if any(g is None and e is None for e, _, g in publics) else sum(
        g if g is not None else e for e, _, g in publics)
    general_known = None not in generals
    if totals is not None:
        if totals.total is not None:
            exact_total = low_total = totals.total
        if totals.professional is not None:
            prof_sum = totals.professional
        if totals.general_public is not None:
            general_low = general_high = totals.general_public
            general_known = True
    return exact_total, low_total, prof_sum, general_low, general_high, general_known


def cumulative(years: list[int], results: list[tuple[Check, float | None, CEYear | None]], p: Parameters,
               totals: CETotals | None = None) -> Check:
    """2019–2022 together: 360 in all, 240 专业, 72 一般公需 (行业公需 does not count towards the 72)."""
    total_need = p.value("continuing_education.total")
    prof_need = p.value("continuing_education.total_professional")
    general_need = p.value("continuing_education.total_public")
    span = f"{years[0]}-{years[-1]}"
    records = [record for _, _, record in results]
    profs = [prof for _, prof, _ in results]
    exact_total, low_total, prof_sum, general_low, general_high, general_known = _sums(records, profs, totals)
    general_ok = True if general_low >= general_need else (
        False if general_high is not None and general_high < general_need else None)
    checks = [
        leaf("ce_hours.total.all", ["二/（二）/1"], _at_least(low_total, exact_total, total_need),
             f"{span}年累计须不少于{total_need}学时" + ("" if exact_total is None else _have(exact_total, total_need)),
             params={"total": total_need}, needs=[f"ce.{y}" for y, r in zip(years, records, strict=True) if r is None]
             or [f"ce.{y}.public" for y in years]),
        leaf("ce_hours.total.professional", ["二/（二）/1"], None if prof_sum is None else prof_sum >= prof_need,
             f"其中专业科目累计须不少于{prof_need}学时" + ("。" if prof_sum is None else _have(prof_sum, prof_need)),
             params={"total_professional": prof_need},
             needs=[f"ce.{y}.professional" for y, x in zip(years, profs, strict=True) if x is None]),
        leaf("ce_hours.total.general_public", ["二/（二）/1"], general_ok,
             f"一般公需科目累计须不少于{general_need}学时（行业公需不计入）"
             + (_have(general_low, general_need) if general_known else "；只知道公需合计的年度，无法分出一般公需。"),
             params={"total_public": general_need},
             needs=[] if general_known else [f"ce.{y}.general_public" for y, r in zip(years, records, strict=True)
                                             if r is None or r.general_public is None]),
    ]
    return all_of("ce_hours.total", ["二/（二）/1"], checks,
                  f"{span}年累计：不少于{total_need}学时，其中专业科目{prof_need}、一般公需科目{general_need}。")


def ce_hours(facts: Facts, p: Parameters) -> Check:
    years = p.value("continuing_education.years")
    results = [_year_check(year, facts.ce.get(year), p) for year in years]
    makeup = p.value("continuing_education.makeup_deadline")
    span = f"{years[0]}-{years[-1]}"
    checks = [c for c, _, _ in results] + [cumulative(years, results, p, facts.ce_totals)]
    return all_of("ce_hours", ["二/（二）/1", "附件8/细则/第五条"], checks,
                  f"继续教育学时：每年度和{span}年累计都须达到要求；不足的可在申报截止日（{cn_date(makeup)}）前补足，"
                  "但学时只登记在取得的当年。")
