"""破格 to 工程师: 一般破格 (附件2 第六条（一）) and 业绩特别突出 (第六条（二）).

一般破格 is 单破 only: lacking the required education (学历破格, 4 years as 助理工程师 by 附件1 三1,
an unrelated major included) or the years (资历破格, at most one year early), never both, plus 3 of
the 7 items. 业绩特别突出 needs 1 of 4 items and is free of both limits. Where 附件1 differs (item 1's
市级专业先进工作者, item 7's 15 years, the 满3年 floor) 附件2 governs for 机电 (notice 二（一）): the
parameters hold both values and the trace says so.
"""

from __future__ import annotations

from assistant.rules.achievements import (
    Part,
    at_least_count,
    at_level,
    award_at,
    first_set_at,
    item,
    obtained_after_title,
    science_parts,
)
from assistant.rules.dates import full_years
from assistant.rules.education import appointed_years, holds_assistant_title, required_education
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, Truth, all_of, any_of, at_least, leaf
from assistant.rules.params import Parameters

GENERAL = "附件2/第六条/（一）"
OUTSTANDING = "附件2/第六条/（二）"


def _honours(facts: Facts, p: Parameters, minimum: str) -> list[Part]:
    """第六条（一）（1）: government honours only; 附件1's 市级专业先进工作者 is named when it was given."""
    a = facts.achievements
    parts = [Part("honor_level", at_level(a.honor_level, minimum))]
    rule = p["breakthrough_general.city_professional_honor_counts"]
    if a.city_professional_honor and not rule.value:
        parts.append(Part("city_professional_honor", False, note=rule.override_sentence()))
    return parts


def general_items(facts: Facts, p: Parameters) -> list[Check]:
    a = facts.achievements
    clause = GENERAL + "/（{}）"
    low = p.value("achievement_levels.breakthrough_general")
    years = None if facts.work_start_date is None else full_years(facts.work_start_date, p.value("cutoff_date"))
    item7 = p["breakthrough_general.work_years_item"]
    held = None if facts.title_appointed_date is None else full_years(facts.title_appointed_date, p.value("cutoff_date"))
    since_title = years is None and not facts.achievements.long_service and held is not None and held >= item7.value
    if since_title:  # "助工聘了二十年": whoever has held the title that long has done engineering work that long
        years = held
    papers = [("provincial_papers", at_least_count(a.provincial_papers, p.value("breakthrough_general.papers_needed"))),
              ("city_paper_awards", at_least_count(a.city_paper_awards,
                                                   p.value("breakthrough_general.paper_awards_needed"))),
              ("book_published", a.book_published)]
    honours = item("breakthrough_general.item1", clause.format(1), "县级以上政府颁发的科技先进工作者、劳动模范等称号",
                   _honours(facts, p, low["honor_level"]))
    if a.city_professional_honor:
        honours.sentence += f"（{p['breakthrough_general.city_professional_honor_counts'].override_sentence()}）"
        honours.clauses = [*honours.clauses, *p["breakthrough_general.city_professional_honor_counts"].all_clauses[1:]]
    return [
        honours,
        item("breakthrough_general.item2", clause.format(2), "县级以上科技成果奖、市级优秀产品等奖、市级首台（套）或发明专利",
             [*science_parts(a, low["science_award"], p), ("product_award", award_at(a.product_award, low["product_award"])),
              ("first_set", first_set_at(a, low["first_set"])), ("invention_patents", at_least_count(
                  a.invention_patents, p.value("breakthrough_general.invention_patents_needed")))]),
        item("breakthrough_general.item3", clause.format(3), "作为技术骨干参与县级以上重点项目并通过验收或评审",
             [("key_project_level", at_level(a.key_project_level, low["key_project_level"]))]),
        item("breakthrough_general.item4", clause.format(4), "作为主要完成者解决生产实际中的重要技术难题",
             [("main_finisher_solved_problem", a.main_finisher_solved_problem)]),
        item("breakthrough_general.item5", clause.format(5), "县级以上企业技术中心或重点技术创新团队成员",
             [("tech_center_member_level", at_level(a.tech_center_member_level, low["tech_center_member_level"]))]),
        item("breakthrough_general.item6", clause.format(6), "省部级论文2篇以上、市级优秀论文奖2篇以上或出版著作",
             papers),
        leaf("breakthrough_general.item7", list(item7.all_clauses),
             facts.achievements.long_service if years is None else years >= item7.value,
             f"{item7.wording()}（{item7.override_sentence()}）" + ("" if years is None else f"：现满{years}年。") + (
                 "（按任助理工程师以来一直从事工程技术工作计）" if since_title else ""),
             facts={"work_years": years}, params={"breakthrough_general.work_years_item": item7.value},
             needs=["work_start_date"]),
    ]


def single_breakthrough(facts: Facts, p: Parameters) -> Check:
    """单破: exactly one of 学历 or 资历 is short, and 资历 at most one year short."""
    education = required_education(facts, p, "engineer.appointed_years")
    years, counted = appointed_years(facts, p)
    level = facts.education_level
    table = p.value("engineer.appointed_years")
    by_education = p["breakthrough_general.education_breakthrough_years"]
    early = p["breakthrough_general.max_years_early"]
    clauses = [GENERAL, *by_education.clauses]
    if education.truth is Truth.UNKNOWN or years is None:
        return leaf("breakthrough_general.single", clauses, None, "需要知道学历、专业和聘任时间，才能判断是否属于“单破”。",
                    needs=education.missing + counted.missing)
    if education.truth is Truth.NOT_MET:
        required = by_education.value
        ok = years >= required
        sentence = (f"学历破格：不具备规定学历（含所学专业不相近），须担任助理工程师满{required}年（附件1 三1），现满{years}年，"
                    + ("符合“单破”。" if ok else "资历也不足，属“双破”，一般破格不允许。"))
    elif years >= table[level]:
        required, ok, sentence = table[level], False, "破格须学历或资历不足：您学历、资历均已符合，可走正常申报，无须破格。"
    else:
        required, ok = table[level], years >= table[level] - early.value
        clauses += [c for c in early.all_clauses if c not in clauses]
        sentence = (f"资历破格：聘任满{years}年，规定{table[level]}年，"
                    + (f"提前不超过{early.value}年，符合“单破”" if ok else f"提前超过{early.value}年，一般破格不允许")
                    + f"（{early.override_sentence()}）。")
    return leaf("breakthrough_general.single", clauses, ok, sentence, facts={"appointed_years": years},
                params={"breakthrough_general.max_years_early": early.value, "required_years": required})


def breakthrough_general(facts: Facts, p: Parameters) -> Check:
    needed = p.value("breakthrough_general.items_needed")
    found = general_items(facts, p)
    held = [f"（{c.rule.rsplit('item', 1)[1]}）" for c in found if c.met]
    counted = (f"，现具备{len(held)}项（第{'、'.join(held)}项）" if held else "，现1项也不具备") + (
        f"，还差{needed - len(held)}项" if len(held) < needed and not any(c.unknown for c in found) else "")
    items = at_least(needed, "breakthrough_general.items", [GENERAL], found,
                     f"第六条（一）7项条件中须具备{needed}项{counted}。", params={"breakthrough_general.items_needed": needed})
    achievements = obtained_after_title(facts, p, items, "breakthrough_general.achievements",
                                        "7项条件中的3项，且为任现职后取得（第十七条）。")
    return all_of("breakthrough_general", [GENERAL], [holds_assistant_title(facts, p), single_breakthrough(facts, p),
                                                     achievements], "一般破格申报工程师：“单破”，且具备7项条件中的3项。")


def breakthrough_outstanding(facts: Facts, p: Parameters) -> Check:
    a = facts.achievements
    clause = OUTSTANDING + "/（{}）"
    low = p.value("achievement_levels.breakthrough_outstanding")
    items = [
        item("breakthrough_outstanding.item1", clause.format(1), "市级以上政府颁发的科技先进工作者、劳动模范等称号",
             [("honor_level", at_level(a.honor_level, low["honor_level"]))]),
        item("breakthrough_outstanding.item2", clause.format(2),
             "市级科技成果奖三等奖以上、省部级优秀产品等奖、省内首台（套）或2项发明专利",
             [*science_parts(a, low["science_award"], p), ("product_award", award_at(a.product_award, low["product_award"])),
              ("first_set", first_set_at(a, low["first_set"])), ("invention_patents", at_least_count(
                  a.invention_patents, p.value("breakthrough_outstanding.invention_patents_needed")))]),
        item("breakthrough_outstanding.item3", clause.format(3), "作为技术骨干参与市级以上重点项目并通过验收或评审",
             [("key_project_level", at_level(a.key_project_level, low["key_project_level"]))]),
        item("breakthrough_outstanding.item4", clause.format(4), "市级以上企业技术中心或重点技术创新团队成员",
             [("tech_center_member_level", at_level(a.tech_center_member_level, low["tech_center_member_level"]))]),
    ]
    chosen = any_of("breakthrough_outstanding.items", [OUTSTANDING], items,
                    "第六条（二）4项条件中具备1项即可，不受“单破”和提前1年限制。")
    if chosen.truth is Truth.NOT_MET:  # what is missing, with the applicant's own count where one fell short
        needed = p.value("breakthrough_outstanding.invention_patents_needed")
        short = f"（授权发明专利须{needed}项以上，现{a.invention_patents}项）" if 0 < (a.invention_patents or 0) < needed else ""
        chosen.sentence = f"第六条（二）4项条件现1项也不具备{short}。"
    return all_of("breakthrough_outstanding", [OUTSTANDING], [
        holds_assistant_title(facts, p),
        obtained_after_title(facts, p, chosen, "breakthrough_outstanding.achievements", "4项条件之一，且为任现职后取得（第十七条）。"),
    ], "业绩特别突出破格申报工程师。")
