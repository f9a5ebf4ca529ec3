"""年度考核: which years must be 合格 or better — one rule for the reminder and the question.

Notice 二（二）5 asks every 中级 applicant for 2019–2021; 附件1 四 asks an applicant without the
required education or years (破格, 越级) for every year from the 助理工程师 appointment to 2021, and
a 助理工程师 applicant for every year from the 技术员 appointment. Both readings hold together (a
judgement, stated in the trace); whether the applicant has the education and years is 第四条（二）.
"""

from __future__ import annotations

from assistant.rules.education import engineer_normal
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, Truth, leaf
from assistant.rules.params import Parameters

CLAUSES = ["二/（二）/5", "附件1/四", "附件5/三/4"]


def assessment_years(facts: Facts, p: Parameters) -> tuple[list[int] | None, list[str], str]:
    """Years whose 年度考核 must pass, the facts still needed to know them, and the reading taken."""
    last = p.value("assessment.last_year")
    if facts.target is None:
        return None, ["target"], ""
    if facts.target == "助理工程师":
        if facts.technician_appointed_date is not None:
            return list(range(facts.technician_appointed_date.year, last + 1)), [], "聘任技术员当年至2021年（附件1 四）"
        if facts.title_level == "无":
            return [], [], "未聘任技术员，无考核年度要求（判断）"
        return None, ["technician_appointed_date"] + (["title_level"] if facts.title_level is None else []), ""
    recent = list(p.value("assessment.engineer_years"))
    appointed = facts.title_appointed_date
    if appointed is None or appointed.year >= recent[0]:
        return recent, [], "近3年（通知二（二）5，全部中级申报人员）"
    normal = engineer_normal(facts, p)
    if normal.truth is Truth.MET:
        return recent, [], "近3年（具备规定学历和资历，正常申报：通知二（二）5、附件1 四）"
    if normal.truth is Truth.UNKNOWN:  # the recent 3 years are required either way: one failed settles it
        failed = [y for y in recent if facts.assessments.get(y) not in (None, *p.value("assessment.passing_grades"))]
        return (recent, [], "近3年（通知二（二）5，全部中级申报人员）") if failed else (None, normal.missing, "")
    return (list(range(appointed.year, last + 1)), [],
            "聘任助理工程师当年至2021年（不具备规定学历或资历：附件1 四），并含通知二（二）5的近3年（判断：两者都须满足）")


def assessment(facts: Facts, p: Parameters) -> Check:
    years, needs, reading = assessment_years(facts, p)
    passing = p.value("assessment.passing_grades")
    if years is None:
        return leaf("assessment", CLAUSES, None, "需要知道申报资格、聘任时间以及是否具备规定学历和资历，才能确定须提交哪几年的年度考核。",
                    needs=needs)
    grades = {year: facts.assessments.get(year) for year in years}
    unknown = [year for year, grade in grades.items() if grade is None]
    failed = {f"{year}年": grade for year, grade in grades.items() if grade is not None and grade not in passing}
    if years and facts.assessment_some_year and facts.assessment_some_year not in passing:
        failed["其中一年"] = facts.assessment_some_year  # "有一年是基本合格": which year does not matter
    value = False if failed else (None if unknown else True)
    some = [f"其中一年{failed['其中一年']}"] if "其中一年" in failed else []
    shown = "、".join([f"{y}{g}" for y, g in grades.items() if g] + some) or "无"
    return leaf("assessment", CLAUSES, value,
                f"年度考核须{reading}（{'、'.join(map(str, years)) or '无'}）均为合格及以上；已知：{shown}。"
                + (f"{'、'.join(failed)}未达合格。" if failed else ""),
                facts={"assessments": {str(y): g for y, g in grades.items()}},
                params={"passing_grades": passing, "engineer_years": p.value("assessment.engineer_years")},
                needs=[f"assessments.{year}" for year in unknown])
