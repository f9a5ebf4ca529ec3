"""Achievement items shared by 破格 and 越级: each item of 第六条 and 第七条 as one three-valued check.

An item counts once however many facts support it (a patent and a county award are both item 2).
"""

from __future__ import annotations

from assistant.rules.facts import LEVEL_RANK, Achievements, Award
from assistant.rules.logic import Check, any_of, leaf


def at_level(value: str | None, minimum: str) -> bool | None:
    return None if value is None else LEVEL_RANK[value] >= LEVEL_RANK[minimum]


def award_at(award: Award | str | None, minimum: str, best_grade: int) -> bool | None:
    """An award of at least `minimum` level and a grade of `best_grade` or better (1 is first prize)."""
    if award is None:
        return None
    if award == "无":
        return False
    return LEVEL_RANK[award.level] >= LEVEL_RANK[minimum] and award.grade <= best_grade


def at_least_count(value: int | None, needed: int) -> bool | None:
    return None if value is None else value >= needed


def item(rule: str, clause: str, sentence: str, parts: list[tuple[str, bool | None]]) -> Check:
    """An item met by any of its parts (fact name, value); unknown parts are the questions to ask."""
    children = [leaf(f"{rule}.{name}", [clause], value, f"{sentence}（{ACHIEVEMENT_NAMES[name]}）",
                     facts={name: value}, needs=[f"achievements.{name}"]) for name, value in parts]
    return any_of(rule, [clause], children, sentence)


def first_set_at(a: Achievements, minimum: str) -> bool | None:
    order = {"无": 0, "市": 1, "省内": 2, "国内": 3}
    return None if a.first_set is None else order[a.first_set] >= order[minimum]


ACHIEVEMENT_NAMES = {
    "honor_level": "政府颁发的科技先进工作者、劳动模范等称号", "city_professional_honor": "市（厅）级专业先进工作者称号",
    "science_award": "政府科技成果奖", "product_award": "优秀工业新产品（新技术）、工程设计、咨询、建设奖",
    "first_set": "首台（套）产品主要参加者", "invention_patents": "本专业授权发明专利",
    "key_project_level": "作为技术骨干参与重点项目并通过验收", "main_finisher_solved_problem": "作为主要完成者解决重要技术难题",
    "tech_center_member_level": "企业技术中心或重点技术创新团队成员", "tech_center_core_level": "企业技术中心或创新团队骨干",
    "provincial_papers": "省部级刊物或会议论文", "city_paper_awards": "市（厅）级以上优秀论文奖",
    "book_published": "省级以上出版社出版著作或译作", "standard_drafter": "国家、行业、地方标准起草者",
    "significant_benefit": "专利或技改带来显著效益", "high_level_talent": "高级以上人才", "annual_salary_yuan": "年薪（含税）",
    "work_years": "从事工程技术工作年限",
}
