"""破格 to 工程师: 一般破格 (附件2 第六条（一）) and 业绩特别突出 (第六条（二）).

一般破格 is 单破 only: lacking the required education (学历破格) or the years (资历破格, at most one
year early), never both, plus 3 of the 7 items. 业绩特别突出 needs 1 of 4 items and is free of both
limits. Where 附件1 differs (item 7: 15 years) 附件2 governs for 机电 (notice 二（一）).
"""

from __future__ import annotations

from assistant.rules.achievements import at_least_count, at_level, award_at, first_set_at, item
from assistant.rules.dates import full_years
from assistant.rules.education import appointed_years, holds_assistant_title, required_education
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, Truth, all_of, any_of, at_least, leaf
from assistant.rules.params import Parameters

GENERAL = "附件2/第六条/（一）"
OUTSTANDING = "附件2/第六条/（二）"


def general_items(facts: Facts, p: Parameters) -> list[Check]:
    a = facts.achievements
    clause = GENERAL + "/（{}）"
    years = None if facts.work_start_date is None else full_years(facts.work_start_date, p.value("cutoff_date"))
    needed_years = p.value("breakthrough_general.work_years_item")
    papers = [("provincial_papers", at_least_count(a.provincial_papers, p.value("breakthrough_general.papers_needed"))),
              ("city_paper_awards", at_least_count(a.city_paper_awards,
                                                   p.value("breakthrough_general.paper_awards_needed"))),
              ("book_published", a.book_published)]
    return [
        item("breakthrough_general.item1", clause.format(1), "县级以上政府颁发的科技先进工作者、劳动模范等称号",
             [("honor_level", at_level(a.honor_level, "县")), ("city_professional_honor", a.city_professional_honor)]),
        item("breakthrough_general.item2", clause.format(2), "县级以上科技成果奖、市级优秀产品等奖、市级首台（套）或发明专利",
             [("science_award", award_at(a.science_award, "县", 3)), ("product_award", award_at(a.product_award, "市", 3)),
              ("first_set", first_set_at(a, "市")), ("invention_patents", at_least_count(
                  a.invention_patents, p.value("breakthrough_general.invention_patents_needed")))]),
        item("breakthrough_general.item3", clause.format(3), "作为技术骨干参与县级以上重点项目并通过验收或评审",
             [("key_project_level", at_level(a.key_project_level, "县"))]),
        item("breakthrough_general.item4", clause.format(4), "作为主要完成者解决生产实际中的重要技术难题",
             [("main_finisher_solved_problem", a.main_finisher_solved_problem)]),
        item("breakthrough_general.item5", clause.format(5), "县级以上企业技术中心或重点技术创新团队成员",
             [("tech_center_member_level", at_level(a.tech_center_member_level, "县"))]),
        item("breakthrough_general.item6", clause.format(6), "省部级论文2篇以上、市级优秀论文奖2篇以上或出版著作",
             papers),
        leaf("breakthrough_general.item7", [clause.format(7), "附件1/三/1/（7）"],
             None if years is None else years >= needed_years,
             f"从事工程技术工作{needed_years}年以上（附件1写15年，机电按附件2的{needed_years}年）"
             + ("" if years is None else f"：现满{years}年。"),
             facts={"work_years": years}, params={"breakthrough_general.work_years_item": needed_years},
             needs=["work_start_date"]),
    ]


def single_breakthrough(facts: Facts, p: Parameters) -> Check:
    """单破: exactly one of 学历 or 资历 is short, and 资历 at most one year short."""
    education = required_education(facts, p, "engineer.appointed_years")
    years, counted = appointed_years(facts, p)
    level = facts.education_level
    table = p.value("engineer.appointed_years")
    required = table.get(level) if level in table else p.value("breakthrough_general.education_breakthrough_years")
    early = p.value("breakthrough_general.max_years_early")
    clauses = [GENERAL, "附件1/三/1"]
    if education.truth is Truth.UNKNOWN or years is None:
        return leaf("breakthrough_general.single", clauses, None, "需要知道学历、专业和聘任时间，才能判断是否属于“单破”。",
                    needs=education.missing + counted.missing)
    if education.truth is Truth.NOT_MET:
        ok = years >= required
        sentence = (f"学历破格：不具备规定学历，须担任助理工程师满{required}年（附件1 三1），现满{years}年，"
                    + ("符合“单破”。" if ok else "资历也不足，属“双破”，一般破格不允许。"))
    elif years >= table[level]:
        ok, sentence = False, "学历、资历均已符合，可走正常申报，无须破格。"
    else:
        ok = years >= table[level] - early
        sentence = (f"资历破格：聘任满{years}年，规定{table[level]}年，"
                    + (f"提前不超过{early}年，符合“单破”。" if ok else f"提前超过{early}年，一般破格不允许。"))
    return leaf("breakthrough_general.single", clauses, ok, sentence, facts={"appointed_years": years},
                params={"breakthrough_general.max_years_early": early, "required_years": required})


def breakthrough_general(facts: Facts, p: Parameters) -> Check:
    needed = p.value("breakthrough_general.items_needed")
    items = at_least(needed, "breakthrough_general.items", [GENERAL], general_items(facts, p),
                     f"第六条（一）7项条件中须具备{needed}项。", params={"breakthrough_general.items_needed": needed})
    return all_of("breakthrough_general", [GENERAL], [holds_assistant_title(facts, p), single_breakthrough(facts, p),
                                                     items], "一般破格申报工程师：“单破”，且具备7项条件中的3项。")


def breakthrough_outstanding(facts: Facts, p: Parameters) -> Check:
    a = facts.achievements
    clause = OUTSTANDING + "/（{}）"
    items = [
        item("breakthrough_outstanding.item1", clause.format(1), "市级以上政府颁发的科技先进工作者、劳动模范等称号",
             [("honor_level", at_level(a.honor_level, "市"))]),
        item("breakthrough_outstanding.item2", clause.format(2),
             "市级科技成果奖三等奖以上、省部级优秀产品等奖、省内首台（套）或2项发明专利",
             [("science_award", award_at(a.science_award, "市", 3)), ("product_award", award_at(a.product_award, "省", 3)),
              ("first_set", first_set_at(a, "省内")), ("invention_patents", at_least_count(
                  a.invention_patents, p.value("breakthrough_outstanding.invention_patents_needed")))]),
        item("breakthrough_outstanding.item3", clause.format(3), "作为技术骨干参与市级以上重点项目并通过验收或评审",
             [("key_project_level", at_level(a.key_project_level, "市"))]),
        item("breakthrough_outstanding.item4", clause.format(4), "市级以上企业技术中心或重点技术创新团队成员",
             [("tech_center_member_level", at_level(a.tech_center_member_level, "市"))]),
    ]
    return all_of("breakthrough_outstanding", [OUTSTANDING], [
        holds_assistant_title(facts, p),
        any_of("breakthrough_outstanding.items", [OUTSTANDING], items, "第六条（二）4项条件中具备1项即可，不受“单破”和提前1年限制。"),
    ], "业绩特别突出破格申报工程师。")
