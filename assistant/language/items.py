"""Facts that are things rather than dates: education, major, titles, achievements with their levels,
photo specs, hours, 社保, 考核, the 2021 rule, papers — each read within its clause, with its qualifier
(企业标准 is not a 国家标准, 实用新型 is not a 发明专利, 成员 is not 骨干, 协会 titles are not government
ones) and its polarity ("没有发明专利" is 0, "没有任何获奖" is none of each)."""

from __future__ import annotations

import re

from assistant.documents.normalize import normalize
from assistant.language.clauses import Clause
from assistant.language.lexicon import lexicon
from assistant.language.reading import Reading
from assistant.rules.params import parameters_for

LEVEL = r"(国家|全国|省部|省|部|市厅|市|厅|县区|县|区)"
LEVEL_OF = {"国家": "国家", "全国": "国家", "省部": "省", "省": "省", "部": "省", "市厅": "市", "市": "市", "厅": "市",
            "县区": "县", "县": "县", "区": "县"}
GRADE = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}
RANK = {"无": 0, "县": 1, "市": 2, "省": 3, "国家": 4}
APPLY = re.compile(r"(报|评|申报|申请|考|升|晋升|冲|上)\s*(个|一下|下)?\s*$")
NOT_GOVERNMENT = re.compile(r"协会|学会|商会|团体|联合会|工会|集团|公司|厂里|单位")
STUDY = re.compile(r"专业|学|毕业|读|念|本科|大专|专科|中专|硕士|研究生|博士|学历|文凭|学位|出身|科班")
NOT_A_MAJOR = re.compile(r"毕业|学历|工作|聘|助工|工程师|技术|职称|时候|时间|专业|以上|学位|^本|^相近|^机电|^该|什么|^这|所学|"
                         r"^我|报|评|申|能|想|^是|本$|的$|了|获得|从事|领域|相关|对口|同一|一样|不同|哪个|这个|那个|其中|每年|科目|课程|学时|继续|时")
NONE_ACHIEVEMENTS = {"honor_level": "无", "science_award": "无", "product_award": "无", "first_set": "无",
                     "invention_patents": 0, "key_project_level": "无", "tech_center_member_level": "无",
                     "tech_center_core_level": "无", "main_finisher_solved_problem": False, "provincial_papers": 0,
                     "city_paper_awards": 0, "book_published": False, "standard_drafter": False,
                     "significant_benefit": False, "high_level_talent": False}
NAMED_NONE = {"奖": ("honor_level", "science_award", "product_award"), "荣誉": ("honor_level",),
              "专利": ("invention_patents",), "项目": ("key_project_level",), "论文": ("provincial_papers", "city_paper_awards")}


def education(reading: Reading, clauses: list[Clause]) -> None:
    order = list(lexicon()["education"])
    for clause in clauses:
        levels = [t for t in clause.has("education") if not clause.negated_before(t.start, 2)]
        if levels:
            best = max(levels, key=lambda t: order.index(t.value))
            reading.set("education_level", best.value, clause.text, clause.person)


def major(reading: Reading, clauses: list[Clause]) -> None:
    p = parameters_for(2022)
    listed = sorted({*p.value("majors.own"), *p.value("majors.related"), *p.value("majors.aliases")}, key=len, reverse=True)
    names = listed + sorted(lexicon()["other_majors"], key=len, reverse=True)
    short = sum(len(c.text) for c in clauses) <= 12  # a bare reply ("机电一体化") to "您学的什么专业？"
    for clause in clauses:
        text = clause.text
        known = next((n for n in names if normalize(n) in text), None)
        if not (short or STUDY.search(text) or known and len(text) - len(known) <= 3):
            continue  # "在机械厂做自动化设备" names no major: words about study, or a major said on its own, do
        if known:
            reading.set("major", known, text, clause.person)
        else:
            candidates = [*re.finditer(r"(?:学的|专业是|读的|念的|所学专业)([\u4e00-\u9fff]{2,10}?)(?:专业|的|毕业|$)", text),
                          *re.finditer(r"^学?([\u4e00-\u9fff]{2,8}?)的$", text),
                          *re.finditer(r"(?:^|是|我|读|念|中专|大专|专科|本科|硕士|研究生|博士)([\u4e00-\u9fff]{2,8}?)专业", text)]
            said = next((m.group(1) for m in candidates if not NOT_A_MAJOR.search(m.group(1))), None)
            if said:
                reading.set("major", said, text, clause.person)


def titles(reading: Reading, clauses: list[Clause], message: str) -> None:
    order = ["技术员", "助理工程师", "工程师"]
    for clause in clauses:
        person = clause.person
        for t in clause.has("other_series"):
            reading.set("title_series", t.value, clause.text, person)
            reading.set("title_level", t.extra, clause.text, person)
        applying = re.search(r"(报|申报|申请|评|考|升)[^,，是聘当拿有]{0,8}$", message[clause.start:(clause.has("title") or
                                                                                  [clause])[0].start])
        if clause.has("series_machinery") and not applying:  # "想评机电工程师" names the series applied for
            reading.set("title_series", "机电", clause.text, person)
        for t in clause.has("title"):
            if any(s.start <= t.start < s.end for s in clause.has("other_series")):
                continue
            if t.value != "技术员" and (APPLY.search(message[max(clause.start, t.start - 4):t.start]) or
                                       re.search(r"(报|申报|申请|评)[^,，是聘当拿有]{0,8}$", message[clause.start:t.start])):
                reading.set("target", t.value, clause.text, person)
            elif clause.negated_before(t.start, 4):
                reading.set("title_level", "无", clause.text, person, replace=False)
            else:
                held = reading.get("title_level", person)
                if held in order and order.index(held) > order.index(t.value):
                    continue
                reading.set("title_level", t.value, clause.text, person)


def transferred_series(reading: Reading, clauses: list[Clause]) -> None:
    """"转评为机电助理工程师": after 转评 the title held is in the 机电 series, whatever series came before."""
    for clause in clauses:
        if clause.has("events.transferred") and "机电" in clause.text and not re.search(r"(想|准备|打算|要|能不能|可以)转", clause.text):
            reading.set("title_series", "机电", clause.text, clause.person)


def no_title(reading: Reading, clauses: list[Clause]) -> None:
    """"没有任何职称", "没评过职称": the title held is none (技术员 is not a title one can lack silently)."""
    for clause in clauses:
        if re.search(r"(没有|没|无|未)(任何|评过|评上|拿过|取得)?(的)?职称|职称(也)?(没有|没评|还没)", clause.text):
            reading.set("title_level", "无", clause.text, clause.person)


def presume_series(reading: Reading, person: str) -> None:
    """A 助理工程师 named without a series, by someone applying here, is presumed 机电 — said aloud."""
    if reading.get("title_level", person) in ("技术员", "助理工程师", "工程师") and not reading.get("title_series", person):
        level = reading.get("title_level", person)
        reading.set("title_series", "机电", level, person,
                    presumed=f"按您的{level}为机电系列计算，如是其他系列（如经济、会计）请告诉我")


def after_title(reading: Reading, clauses: list[Clause], person: str) -> None:
    """第十七条 counts only achievements obtained after 任现职. Said ("是聘助工之前拿的") it is read; unsaid,
    achievements someone lists while holding a title are presumed later than it — and the answer says so."""
    achieved = reading.get("achievements", person) or {}
    if not any(v not in (None, "无", 0, False) for v in achieved.values()):
        return
    before = next((c for c in clauses if c.person == person and re.search(r"(聘|评|任现职|当助工|取得)[^,，]{0,6}(之前|以前|前)", c.text)),
                  None)
    if before:
        reading.set("achievements.obtained_after_title", False, before.text, person)
    elif reading.get("title_level", person) not in (None, "无") and "obtained_after_title" not in achieved:
        reading.set("achievements.obtained_after_title", True, "业绩", person,
                    presumed="按这些业绩成果都在聘任现职务之后取得计算（第十七条：须为任现职后所获得）")


def _level(text: str) -> str | None:
    m = re.search(LEVEL + r"(?:级|里|上|一级)?", text)
    return LEVEL_OF[m.group(1)] if m else None


def achievements(reading: Reading, clauses: list[Clause]) -> None:
    for clause in clauses:
        text, person = clause.text, clause.person
        put = lambda name, value, c=clause: reading.set(f"achievements.{name}", value, c.text, c.person)  # noqa: E731
        if clause.has("nothing"):
            named = [k for word, keys in NAMED_NONE.items() if word in text for k in keys]
            everything = not named or re.search(r"别的|其他|其它|除此之外|此外|另外", text)
            for name in NONE_ACHIEVEMENTS if everything else named:  # "除此之外没有别的…": nothing else at all
                reading.set(f"achievements.{name}", NONE_ACHIEVEMENTS[name], text, person, replace=not everything)
            continue
        negated = bool(clause.has("negation"))
        if m := re.search(r"(劳模|劳动模范|先进工作者|先进个人)", text):
            if negated and clause.negated_before(clause.start + m.start(), 10):
                put("honor_level", "无")
            elif not NOT_GOVERNMENT.search(text) and (level := _level(text[:m.start()])):
                put("honor_level", level)
        if m := re.search(r"(科技进步|科技成果|自然科学|星火|技术发明|发明)奖?\s*(?:的)?\s*([一二三123])等奖", text):
            if level := _level(text[:m.start()]):
                put("science_award", {"level": level, "grade": GRADE[m.group(2)]})
        if re.search(r"发明专利", text) and not re.search(r"申请中|在申请|还没授权|没授权|未授权|受理", text):
            count = re.search(r"(\d+)\s*(?:项|个|件|篇)?[^,，]{0,6}发明专利|发明专利[^,，\d]{0,4}(\d+)\s*(?:项|个|件)", text)
            if clause.negated_before(clause.start + text.index("发明专利"), 6):
                put("invention_patents", 0)
            elif count:
                put("invention_patents", int(count.group(1) or count.group(2)))
            else:
                reading.set("achievements.invention_patents", 1, text, person, presumed="“有发明专利”按1项授权发明专利计")
        if m := re.search(r"重点[^,，]{0,6}(项目|工程)", text):
            if "骨干" in text and (level := _level(text[:m.start()])):
                put("key_project_level", level)
        if m := re.search(r"(技术中心|创新团队|研发中心)[^,，]{0,6}?(骨干|成员|负责人|核心)?", text):
            level = _level(text[:m.start()])
            if level and m.group(2) in ("骨干", "负责人", "核心"):
                put("tech_center_core_level", level)
                put("tech_center_member_level", level)
            elif level:
                put("tech_center_member_level", level)
        if m := re.search(r"年薪[^,，\d]{0,6}(\d+(?:\.\d+)?)\s*(万)?", text):
            put("annual_salary_yuan", float(m.group(1)) * (10000 if m.group(2) else 1))
        if re.search(r"标准|规范", text) and re.search(r"起草|编写|制定|参编|参与|主持", text):
            if re.search(r"(国家|国标|行业|行标|地方)\s*(级)?\s*(标准|规范)", text):
                put("standard_drafter", not clause.negated_before(clause.start + text.find("标准"), 10))
            elif re.search(r"企业标准|企标|团体标准|公司标准|厂标", text):
                put("standard_drafter", False)
        if "高级人才" in text or "高层次人才" in text:
            put("high_level_talent", not negated)
        if m := re.search(r"(省级|省部级|国家级|核心)[^,，]{0,8}(期刊|刊物|杂志)[^,，]{0,8}?(\d+)\s*篇", text):
            put("provincial_papers", int(m.group(3)))
        if re.search(r"(出版|出)[^,，]{0,4}(著作|专著|译作|书)", text):
            put("book_published", not negated)
        if re.search(r"解决[^,，]{0,10}(技术难题|难题|技术问题)", text) and "主要完成" in text:
            put("main_finisher_solved_problem", True)
