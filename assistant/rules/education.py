"""学历、资历: the normal route to 助理工程师 and 工程师 (附件2 第四条) and major matching (第十八条（一）)."""

from __future__ import annotations

from functools import cache

from assistant.documents.normalize import normalize
from assistant.rules.dates import add_years, cn_date, full_years, served, years_and_months
from assistant.rules.facts import Degree, Facts
from assistant.rules.logic import Check, all_of, leaf
from assistant.rules.params import Parameters
from assistant.rules.transfer import series_ready


@cache
def _major_lists(p: Parameters) -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    aliases = {normalize(k): normalize(v) for k, v in p.value("majors.aliases").items()}
    return (aliases, frozenset(map(normalize, p.value("majors.own"))),
            frozenset(map(normalize, p.value("majors.related"))))


TYPO_READING = {"信息管理与信息系统": "信管理与信息系统"}  # the catalogue's own typo, as printed


def major_match(facts: Facts, p: Parameters) -> str | None:
    """本专业, 相近专业 or 不相近 by 附件2 第十八条（一）; None when the major is unknown."""
    if facts.major is None:
        return None if facts.major_related is None else ("本专业或相近专业" if facts.major_related else "不相近")
    return _match(facts.major, p)[0]


def _match(said: str, p: Parameters) -> tuple[str, str]:
    """The match and the judgement it took, if any (an alias, or the catalogue's typo)."""
    aliases, own, related = _major_lists(p)
    major = normalize(said).strip()
    judged = ""
    if major in aliases:
        major = aliases[major]
        judged = f"“{said}”按目录中的“{major}”计（判断：常见简称或专科名称）"
    if major in TYPO_READING:
        judged = f"目录原文“{TYPO_READING[major]}”按“{major}”读（判断）"
    return ("本专业" if major in own else "相近专业" if major in related else "不相近"), judged


def major_in_catalogue(facts: Facts, p: Parameters) -> Check:
    """"X算相近专业吗": 附件2 第十八条（一）'s catalogue of 本专业 and 相近专业; a major outside it counts as
    lacking the required education (第四条（三）)."""
    match = major_match(facts, p)
    named = f"“{facts.major}”" if facts.major else "所学专业"
    if match is None:
        return leaf("major.catalogue", ["附件2/第十八条/（一）"], None, "需要知道所学专业的名称。", needs=["major"])
    judged = "" if facts.major is None else _match(facts.major, p)[1]
    judged = f"{judged}；" if judged else ""
    if match == "不相近":
        return leaf("major.catalogue", ["附件2/第十八条/（一）", "附件2/第四条/（三）"], False,
                    f"{judged}{named}不在附件2第十八条（一）所列的机电制造技术本专业和相近专业中；所学专业与申报的专业"
                    "不一致或不相近的，视为不具备规定学历。", facts={"major": facts.major})
    return leaf("major.catalogue", ["附件2/第十八条/（一）"], True,
                f"{judged}{named}属机电制造技术{match}（附件2第十八条（一）所列）。", facts={"major": facts.major})


def _rows(p: Parameters, table: str, level: str | None) -> list[str]:
    """The row of 第四条 that applies to this education level, or all rows when none does."""
    rows = p.value(table.rsplit(".", 1)[0] + ".row_clauses")
    return [rows[level]] if level in rows else list(p[table].clauses)


LEVEL_ORDER = ("高中及以下", "中专", "大专", "本科", "第二学士", "硕士", "博士")


def degree_counted(facts: Facts, p: Parameters) -> Facts:
    """附件2 第四条（三）: of several degrees, the highest whose major is 本专业 or 相近 is the one the rules
    weigh (a degree in another field counts as lacking the required education; the 花名册's note asks for the
    matching earlier degree to be filed). The degrees set aside stay in `other_degrees`, to be said."""
    if not facts.other_degrees or facts.education_level is None or facts.major is None:
        return facts
    degrees = [Degree(education_level=facts.education_level, major=facts.major), *facts.other_degrees]
    matching = [d for d in degrees if _match(d.major, p)[0] != "不相近"]
    if not matching or _match(facts.major, p)[0] != "不相近":
        return facts
    best = max(matching, key=lambda d: LEVEL_ORDER.index(d.education_level))
    return facts.model_copy(update={"education_level": best.education_level, "major": best.major,
                                    "other_degrees": [d for d in degrees if d is not best]})


def _set_aside(facts: Facts, p: Parameters) -> str:
    """"另有本科学历（英语）与申报专业不一致，视为不具备规定学历": the degrees `degree_counted` did not weigh."""
    aside = [d for d in facts.other_degrees or [] if _match(d.major, p)[0] == "不相近"]
    return "".join(f"另有{d.education_level}学历（{d.major}）与申报专业不一致，视为不具备规定学历，"
                   f"按{facts.education_level}学历（{facts.major}）计算。" for d in aside)


def required_education(facts: Facts, p: Parameters, table: str) -> Check:
    """附件2 第四条（三）: a major neither the same nor related counts as lacking the required education."""
    clauses = ["附件2/第四条/（三）", "附件2/第十八条/（一）"]
    levels = p.value(table)
    match = major_match(facts, p)
    level = facts.education_level
    if level is not None and level not in levels:
        return leaf("education.level", [*p[table].clauses], False,
                    f"{level}学历不在规定学历之列（{'、'.join(levels)}），视为不具备规定学历。",
                    facts={"education_level": level}, params={table: levels})
    judged = "" if facts.major is None else _match(facts.major, p)[1]
    judged = f"{judged}；" if judged else ""
    if match == "不相近":
        return leaf("education.major", clauses, False,
                    f"{judged}所学专业{'“' + facts.major + '”' if facts.major else ''}不属于机电制造技术本专业或相近专业目录，"
                    "视为不具备规定学历。",
                    facts={"major": facts.major})
    value = None if level is None or match is None else True
    named = f"所学专业“{facts.major}”" if facts.major else "所学专业"
    needs = [n for n, v in (("education_level", level), ("major", match)) if v is None]
    return leaf("education.required", [*_rows(p, table, level), *clauses], value,
                f"{judged}{level}学历，所学专业{'“' + facts.major + '”' if facts.major else ''}属{match}，具备规定学历。"
                f"{_set_aside(facts, p)}"
                if value else f"{named}属{match}；还需要知道学历。" if match else "需要知道学历和所学专业。",
                facts={"education_level": level, "major": facts.major, "major_match": match}, needs=needs)


def assistant_engineer_normal(facts: Facts, p: Parameters) -> Check:
    """附件2 第四条（一）: 中专 4, 大专 3, 本科 1 years of 本专业技术工作, before and after the degree (（三）)."""
    education = required_education(facts, p, "assistant_engineer.work_years")
    return all_of("assistant_engineer.normal", ["附件2/第四条/（一）"],
                  [education, work_years(facts, p)], "正常申报助理工程师：具备规定学历，且从事本专业技术工作年限达到要求。")


def work_years(facts: Facts, p: Parameters) -> Check:
    required_by_level = p.value("assistant_engineer.work_years")
    cutoff = p.value("cutoff_date")
    level, start = facts.education_level, facts.work_start_date
    clauses = [*_rows(p, "assistant_engineer.work_years", level), "附件2/第四条/（三）", "附件2/第十八条/（七）", "二/（二）/6"]
    if facts.professional_work is False and level in required_by_level:  # "毕业5年，一直跑销售，从来没做过技术"
        return leaf("assistant_engineer.work_years", clauses, False,
                    f"{level}毕业须从事本专业技术工作{required_by_level[level]}年以上；所说的工作（如销售、行政、财务）"
                    "不是专业技术工作，不计入年限。", facts={"professional_work": False, "education_level": level},
                    params={"assistant_engineer.work_years": required_by_level[level]})
    needs = [n for n, v in (("education_level", level), ("work_start_date", start)) if v is None]
    if needs or level not in required_by_level:
        value = None if needs else False
        return leaf("assistant_engineer.work_years", clauses, value, "需要知道学历和参加专业技术工作的时间。"
                    if needs else f"{level}学历不在助理工程师规定学历之列。", needs=needs)
    required, years = required_by_level[level], full_years(start, cutoff)
    rule = p["assistant_engineer.work_years"]
    differs = ""
    if rule.base is not None and rule.base.value[level] != required:  # 附件2 governs for 机电 (notice 二（一）)
        clauses += [c for c in rule.all_clauses if c not in clauses and not c.startswith("附件2/第四条")]  # not other rows
        differs = f"（{rule.override_sentence(level)}）"
    if _exactly(start, required, p):  # exactly 3 years for "3年以上": 第十八条（六） decided
        clauses = [*clauses, *p["above_includes_itself"].clauses]
    return leaf("assistant_engineer.work_years", clauses, years >= required,
                f"{level}毕业须从事本专业技术工作{required}年以上；自{cn_date(start)}起至{cn_date(cutoff)}共"
                f"{years_and_months(start, cutoff)}（{_anniversaries(years)}），{'已' if years >= required else '未'}达到"
                f"{_met_on(start, required, years, cutoff)}{_just_met(start, required, years, p)}。{_added_across_degree(facts)}{differs}"
                f"{'' if years >= required else _set_aside(facts, p)}",
                facts={"work_start_date": str(start), "education_level": level},
                params={"assistant_engineer.work_years": required, "cutoff_date": str(cutoff)})


def _added_across_degree(facts: Facts) -> str:
    """Said when it mattered: work before the degree was added to work after it (第四条（三））."""
    graduated = facts.graduation_date
    return "学历取得前后的工作年限可累计。" if graduated and facts.work_start_date < graduated else ""


def _just_met(start, required: int, years: int, p: Parameters) -> str:
    """Exactly the years required: "以上" includes the number (第十八条（六）), said; and when met only by counting
    to the cut-off, not to the day applications open, the cut-off (二（二）6) decided too, so it is said
    ("2022年12月20日满4年；年限计算到2022年12月31日") and cited."""
    if years != required:
        return ""
    complete = add_years(start, required)
    exactly = "；“以上”含本数" if _exactly(start, required, p) else ""
    if complete <= p.value("application_date"):
        return f"（{exactly[1:]}）" if exactly else ""
    if exactly:  # "到2022年12月31日正好满4年": the cut-off day itself
        return f"（年限计算到{cn_date(complete)}，正好满{required}年{exactly}）"
    return f"（{cn_date(complete)}满{required}年；年限计算到{cn_date(p.value('cutoff_date'))}）"


def _exactly(start, required: int, p: Parameters) -> bool:
    """Exactly the years required on the cut-off day: only "以上" including the number makes it enough."""
    return add_years(start, required) == p.value("cutoff_date")


def _met_on(start, required: int, years: int, cutoff=None) -> str:
    """When the years are short, the day they are complete under this notice's counting (what would change
    the answer) and, when under a year, how many months are missing at the cutoff ("还差几个月"):
    "，按本通知的算法到2023年3月31日满2年（截至2022年12月31日还差3个月）"."""
    if years >= required:
        return ""
    done = add_years(start, required)
    short = "" if cutoff is None else (done.year - cutoff.year) * 12 + done.month - cutoff.month
    missing = f"（截至{cn_date(cutoff)}还差{short}个月）" if cutoff is not None and 0 < short <= 12 else ""
    return f"，按本通知的算法到{cn_date(done)}满{required}年{missing}"


def appointed_years(facts: Facts, p: Parameters) -> tuple[int | None, Check]:
    """Full years as 助理工程师 to the cut-off (任职时间计算到2022年12月31日)."""
    cutoff = p.value("cutoff_date")
    clauses = ["二/（二）/6", "附件2/第十八条/（七）"]
    if facts.title_appointed is False:  # 第四条（二）counts years 实际聘任, not years since the certificate
        return None, leaf("engineer.appointed_years", ["附件2/第四条/（二）"], False,
                          "取得助理工程师资格后须实际聘任，您尚未被聘任，实际聘任年限为0。",
                          facts={"title_appointed": False})
    if facts.title_appointed_date is None:
        return None, leaf("engineer.appointed_years", clauses, None, "需要知道助理工程师的聘任时间。",
                          needs=["title_appointed_date"])
    years = full_years(facts.title_appointed_date, cutoff)
    return years, leaf("engineer.appointed_years", clauses, True,
                       f"聘任助理工程师自{cn_date(facts.title_appointed_date)}至{cn_date(cutoff)}，共"
                       f"{years_and_months(facts.title_appointed_date, cutoff)}（{_anniversaries(years)}）。",
                       facts={"title_appointed_date": str(facts.title_appointed_date)},
                       params={"cutoff_date": str(cutoff)})


def holds_assistant_title(facts: Facts, p: Parameters) -> Check:
    """Holds and is appointed 助理工程师 in the 机电 series (after any 转评, 第五条)."""
    required = p.value("engineer.required_title_level")
    level = facts.title_level
    title = leaf("engineer.current_title", [*p["engineer.required_title_level"].clauses], None if level is None
                 else level == required, f"现任职务为{level}，申报工程师须取得并聘任{required}。" if level else
                 "需要知道现任专业技术职务。", facts={"title_level": level}, needs=["title_level"])
    series = series_ready(facts, p)
    held = title.met and series.met  # a requirement not yet known to hold reads as one ("须现任…")
    return all_of("engineer.title", title.clauses, [title, series], f"{'' if held else '须'}现任{required}（机电系列）。")


def engineer_normal(facts: Facts, p: Parameters) -> Check:
    """附件2 第四条（二）: 大专、本科 4 years appointed as 初级工程师; 硕士、第二学士 2 years."""
    education = required_education(facts, p, "engineer.appointed_years")
    table = p.value("engineer.appointed_years")
    years, counted = appointed_years(facts, p)
    level = facts.education_level
    if level is not None and level not in table:
        enough = leaf("engineer.years", [*p["engineer.appointed_years"].clauses], False,
                      f"{level}学历不在工程师规定学历之列（{'、'.join(table)}），不能正常申报。",
                      facts={"education_level": level})
    elif years is None or level is None:
        enough = leaf("engineer.years", [*p["engineer.appointed_years"].clauses], None, "需要知道学历和聘任时间。",
                      needs=[n for n, v in (("education_level", level), ("title_appointed_date", years)) if v is None])
    else:
        required = table[level]
        exact = [*p["above_includes_itself"].clauses] if _exactly(facts.title_appointed_date, required, p) else []
        aside = ["附件2/第四条/（三）"] if _set_aside(facts, p) and years < required else []  # "硕士是MBA": why 4 years
        enough = leaf("engineer.years", [*_rows(p, "engineer.appointed_years", level), "二/（二）/6", *exact, *aside],
                      years >= required,
                      f"{level}学历须实际聘任初级工程师职务{required}年以上，{served(facts.title_appointed_date, p.value('cutoff_date'))}，"
                      f"{'已' if years >= required else '未'}达到"
                      f"{_met_on(facts.title_appointed_date, required, years, p.value('cutoff_date'))}"
                      f"{_just_met(facts.title_appointed_date, required, years, p)}。"
                      f"{'' if years >= required else _set_aside(facts, p)}",
                      facts={"appointed_years": years},
                      params={"engineer.appointed_years": required})
    return all_of("engineer.normal", ["附件2/第四条/（二）"],
                  [education, holds_assistant_title(facts, p), counted] +
                  ([] if facts.title_appointed is False else [enough]),  # never appointed: no years to weigh
                  "正常申报工程师：具备规定学历，取得初级工程师资格后实际聘任年限达到要求。")


def years_required(facts: Facts, p: Parameters) -> tuple[int | None, list[str], str]:
    """Years as 助理工程师 that 工程师 needs: 第四条（二）'s row, or 学历破格's 4 years (附件1 三1) for anyone
    lacking the required education, an unrelated major included. Returns the years, the facts still
    needed, and which rule gave them."""
    table = p.value("engineer.appointed_years")
    breakthrough = p.value("breakthrough_general.education_breakthrough_years")
    level = facts.education_level
    if level is None:
        return None, ["education_level"], ""
    if level not in table:
        return breakthrough, [], "学历破格"
    if table[level] == breakthrough:
        return breakthrough, [], "规定年限"
    match = major_match(facts, p)
    if match is None:
        return None, ["major"], ""
    return (breakthrough, [], "学历破格") if match == "不相近" else (table[level], [], "规定年限")


def _anniversaries(years: int) -> str:
    return f"满{years}周年" if years else "不满1周年"
