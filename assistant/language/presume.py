"""Presumptions over the whole conversation: what a reasonable person takes as meant but unsaid, said
aloud in the answer and corrected with one word. They never override a fact the user gave."""

from __future__ import annotations

import re

from assistant.language.achieved import NONE_ACHIEVEMENTS, NOT_ITEMS, STANDING_NONE

COUNTS = r"算吗|算不算|算哪|能算|属于|算是|算数|可以算|能不能算|计入"

ENGINEER_QUESTIONS = {"engineer", "engineer_normal", "breakthrough", "breakthrough_general", "breakthrough_outstanding",
                      "skip_level"}
YEARS_OF_WORK = {"assistant_engineer", "engineer", "breakthrough", "breakthrough_general"}  # questions that count them
LISTED_ALL = "按您说的业绩判断：未提到的获奖、称号、专利、项目、论文、标准、年薪、从事工程技术年限等按不具备计算，如还有请告诉我"


def presume(known: dict, question: str, asked: str = "") -> tuple[dict, list[tuple[str, object, str]]]:
    """The facts with the presumptions added, and each presumption as (fact, value, sentence). `asked` is the
    asking clause: "县级劳模算吗" asks whether one item counts, not whether the list is complete."""
    facts, made = dict(known), []
    moved = facts.get("machinery_work_start_date")
    if question in YEARS_OF_WORK and moved and not facts.get("work_start_date") and not facts.get("title_series") and \
            str(moved) > str(facts.get("graduation_date") or ""):
        # "先跑了大半年销售，20年春节后才转到技术部": the years count from the move
        made.append(("work_start_date", moved, "按转到技术岗位起计算专业技术工作年限，之前的工作不计"))
    if question in YEARS_OF_WORK and facts.get("graduation_date") and not facts.get("work_start_date") and not moved and \
            facts.get("professional_work") is not False and not (  # (破格 counts them too: 第六条（一）（7）)
            question != "assistant_engineer" and str(facts.get("title_appointed_date") or "9") < str(facts["graduation_date"])):
        made.append(("work_start_date", facts["graduation_date"], "按毕业后即从事本专业技术工作、一直未间断计算工作年限"))
    if facts.get("title_level") == "技术员" and facts.get("title_appointed_date") and not facts.get("technician_appointed_date"):
        facts["technician_appointed_date"] = facts["title_appointed_date"]  # "我是技术员，2016年聘的": that title's date
    if question == "assistant_engineer" and facts.get("technician_appointed_date") and not facts.get("work_start_date") \
            and not made:
        made.append(("work_start_date", facts["technician_appointed_date"], "按聘任技术员起从事本专业技术工作计算"))
    if question in ENGINEER_QUESTIONS and facts.get("title_appointed_date") and not facts.get("title_level"):
        made.append(("title_level", "助理工程师", "按您现任助理工程师（聘任时间即您说的时间）计算"))
    level = facts.get("title_level") or next((v for n, v, _ in made if n == "title_level"), None)
    series = facts.get("title_series")
    if level in ("技术员", "助理工程师", "工程师") and not series and not facts.get("transferred_date"):
        series = "机电"
        made.append(("title_series", "机电", f"按您的{level}为机电系列计算，如是其他系列（如经济、会计）请告诉我"))
    appointed, started = facts.get("title_appointed_date"), facts.get("work_start_date")
    if appointed and started and str(appointed) < str(started) and series == "机电" and not facts.get("transferred_date"):
        # "16年9月聘了助工…17年跳到现在这家做研发": the later date is a move to the present unit, not the start
        made.append(("work_start_date", None, "您说的进现单位时间晚于助工聘任时间，按那是换单位的时间、专业技术工作更早已开始计算"))
    if question in ENGINEER_QUESTIONS and level == "助理工程师" and series == "机电" and not facts.get("major") \
            and facts.get("major_related") is None and facts.get("education_level"):
        made.append(("major_related", True, "您已是机电助理工程师，所学专业按机电本专业或相近专业计算，如不是请告诉我所学专业"))
    if (facts.get("months_insured_in_unit") or 0) >= 12 and facts.get("months_insured_in_city") is None:
        made.append(("months_insured_in_city", facts["months_insured_in_unit"],
                     "本市社保月数按不少于在现单位的月数计算（单位在本市）"))
    achieved = facts.get("achievements") or {}
    listed = [k for k, v in achieved.items() if k not in (*NOT_ITEMS, *STANDING_NONE)]
    if listed == ["annual_salary_yuan"] and not (facts.get("education_level") or facts.get("title_level")):
        listed = []  # "年薪28万能越级吗" asks about the salary line; with one's standing told, it is the whole story
    if question in ENGINEER_QUESTIONS - {"engineer_normal"} and listed and (len(listed) >= 2 or not re.search(COUNTS, asked)):
        for name, none in {**NONE_ACHIEVEMENTS, **STANDING_NONE}.items():
            if name not in achieved:
                made.append((f"achievements.{name}", none, LISTED_ALL))
        if not facts.get("work_start_date") and "long_service" not in achieved:
            made.append(("achievements.long_service", False, LISTED_ALL))
    for name, value, _ in made:
        if name.startswith("achievements."):
            facts["achievements"] = {**facts.get("achievements", {}), name.split(".", 1)[1]: value}
        else:
            facts[name] = value
    return facts, made


def sentences(made: list[tuple[str, object, str]]) -> list[str]:
    return list(dict.fromkeys(sentence for _, _, sentence in made))
