"""越级 (附件2 第七条): any one of eight items, free of 学历 and 资历, straight to 工程师.

Item（一） names only the 科技先进工作者 title of the state or province: a 劳动模范 does not count.
第十七条 (achievements obtained after 任现职) reads items（一）–（六）; 高级人才 and 年薪 are the
applicant's present standing, not 业绩 or 成果 (a judgement).
"""

from __future__ import annotations

from assistant.rules.achievements import at_level, award_at, first_set_at, item, obtained_after_title, science_parts
from assistant.rules.facts import LEVEL_RANK, Facts
from assistant.rules.logic import Check, Truth, any_of, leaf
from assistant.rules.params import Parameters

CLAUSE = "附件2/第七条"


def _science_worker(facts: Facts, minimum: str) -> bool | None:
    """The 科技先进工作者 title's own level; a highest honour below `minimum` already settles it."""
    a = facts.achievements
    if a.science_worker_honor_level is not None:
        return at_level(a.science_worker_honor_level, minimum)
    if a.honor_level is not None and LEVEL_RANK[a.honor_level] < LEVEL_RANK[minimum]:
        return False
    return None


def skip_level(facts: Facts, p: Parameters) -> Check:
    a = facts.achievements
    c = CLAUSE + "/（{}）"
    low = p.value("achievement_levels.skip_level")
    salary = p.value("skip_level.annual_salary_yuan")
    items = [
        item("skip_level.item1", c.format("一"), "国家、省政府颁发的科技先进工作者称号（劳动模范等其他称号不计）",
             [("science_worker_honor_level", _science_worker(facts, low["science_worker_honor_level"]))]),
        item("skip_level.item2", c.format("二"), "市级科技成果奖一等奖或省级三等奖以上、省部级优秀产品等奖一等奖、国内首台（套）",
             [*science_parts(a, low["science_award"], p), ("product_award", award_at(a.product_award, low["product_award"])),
              ("first_set", first_set_at(a, low["first_set"]))]),
        item("skip_level.item3", c.format("三"), "作为技术骨干参与省部级以上重点项目并通过验收或评审",
             [("key_project_level", at_level(a.key_project_level, low["key_project_level"]))]),
        item("skip_level.item4", c.format("四"), "省级企业技术中心或重点技术创新团队骨干",
             [("tech_center_core_level", at_level(a.tech_center_core_level, low["tech_center_core_level"]))]),
        item("skip_level.item5", c.format("五"), "国家、行业、地方标准（规范）起草者", [("standard_drafter", a.standard_drafter)]),
        item("skip_level.item6", c.format("六"), "专利或技术改造项目带来显著经济效益或行业影响",
             [("significant_benefit", a.significant_benefit)]),
        item("skip_level.item7", c.format("七"), "高级以上人才（台州市高层次人才分类目录）",
             [("high_level_talent", a.high_level_talent)]),
        leaf("skip_level.item8", [c.format("八"), *(p["above_includes_itself"].clauses if a.annual_salary_yuan == salary else [])],
             a.salary_meets_skip_level if a.annual_salary_yuan is None else a.annual_salary_yuan >= salary,
             f"年薪达到{salary // 10000}万元以上（含税）" + ("" if a.annual_salary_yuan is None else
                                                     f"：年薪{a.annual_salary_yuan / 10000:g}万元"
                                                     + ("（“以上”含本数）。" if a.annual_salary_yuan == salary else "。")),
             facts={"annual_salary_yuan": a.annual_salary_yuan}, params={"skip_level.annual_salary_yuan": salary},
             needs=["achievements.annual_salary_yuan"]),
    ]
    listed = any_of("skip_level.achievements", [CLAUSE], items[:6], "第七条（一）至（六）业绩成果之一。")
    if listed.truth is Truth.NOT_MET:
        listed.sentence = "第七条（一）至（六）的业绩成果现1项也不具备（越级要求的奖项、项目级别比破格高）。"
    achievements = obtained_after_title(
        facts, p, listed,
        "skip_level.achieved", "第七条（一）至（六）之一，且为任现职后取得（第十七条）。")
    return any_of("skip_level", [CLAUSE], [achievements, *items[6:]],
                  "越级申报工程师：第七条8项条件中具备1项，不受学历、资历限制；（一）至（六）的业绩成果须为任现职后取得"
                  "（第十七条；高级人才、年薪是现状，不受此限——判断）。")
