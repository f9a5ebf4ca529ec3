"""Facts for the rule engine, read from one message of free Chinese text.

Only what the text says is extracted; everything else stays unknown for the engine to ask about.
Each date or duration is tied to the fact its nearby words name (毕业, 参加工作, 聘, 转评, 报);
assumptions made on the way (an unsaid day, work counted from graduation) are returned as sentences
the answer repeats, so the applicant can correct them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.documents.normalize import arabic_numerals, normalize
from assistant.language.when import DURATION, find_dates, months_before, months_of
from assistant.rules.dates import cn_date
from assistant.rules.params import parameters_for

EDUCATION = [("第二学士", "第二学士"), ("博士", "博士"), ("硕士", "硕士"), ("研究生", "硕士"), ("本科", "本科"), ("学士", "本科"),
             ("大专", "大专"), ("专科", "大专"), ("高职", "大专"), ("中专", "中专"), ("中技", "中专"), ("技校", "中专")]
TITLE_WORDS = [("助理工程师", "助理工程师"), ("助工", "助理工程师"), ("初级", "助理工程师"), ("中级", "工程师"),
               ("工程师", "工程师"), ("技术员", "技术员")]
OTHER_SERIES = {"经济师": ("经济", "工程师"), "助理经济师": ("经济", "助理工程师"), "会计师": ("会计", "工程师"),
                "助理会计师": ("会计", "助理工程师"), "统计师": ("统计", "工程师")}
APPLY = re.compile(r"(报|评|申报|申请|考|升|晋升)\s*$")
LEVEL = r"(县|区|市|厅|省|部|国家)"
LEVEL_OF = {"县": "县", "区": "县", "市": "市", "厅": "市", "省": "省", "部": "省", "国家": "国家"}
GRADE = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}
FORMATS = re.compile(r"(?<![a-z])(jpe?g|png|bmp|gif|webp|tiff?)(?![a-z])", re.I)
PIXELS = re.compile(r"(\d{2,5})\s*[x×*＊]\s*(\d{2,5})", re.I)
SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(kb|k|mb|m)(?![a-z])", re.I)


@dataclass
class Extraction:
    facts: dict = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)


def prepare(text: str) -> str:
    return arabic_numerals(normalize(text))


def _near(text: str, start: int, end: int, words: tuple[str, ...], before: int = 8, after: int = 6) -> bool:
    window = text[max(0, start - before):start] + text[end:end + after]
    return any(w in window for w in words)


def _titles(text: str, ex: Extraction) -> None:
    if re.search(r"机电(系列|专业的|类|职称)", text):
        ex.facts["title_series"] = "机电"
    for word, (series, level) in OTHER_SERIES.items():
        if word in text:
            ex.facts.update(title_series=series, title_level=level)
    taken: list[tuple[int, int]] = []
    for word, level in TITLE_WORDS:
        for m in re.finditer(word, text):
            if any(s <= m.start() < e for s, e in taken) or text[m.start() - 1:m.start()] in ("高", "副"):
                continue
            taken.append((m.start(), m.end()))
            if APPLY.search(text[max(0, m.start() - 3):m.start()]) and level != "技术员":
                ex.facts["target"] = level
            elif "title_level" not in ex.facts:
                ex.facts["title_level"] = level


def _education(text: str, ex: Extraction) -> None:
    for word, level in EDUCATION:
        if word in text:
            ex.facts["education_level"] = level
            return


def _major(text: str, ex: Extraction) -> None:
    p = parameters_for(2022)
    names = [*p.value("majors.own"), *p.value("majors.related"), *p.value("majors.aliases")]
    for name in sorted(names, key=len, reverse=True):
        if normalize(name) in text:
            ex.facts["major"] = name
            return
    if m := re.search(r"(?:学的|专业是|读的|学|中专|大专|专科|本科|硕士|研究生|博士)([\u4e00-\u9fff]{2,12}?)"
                      r"(?:专业|，|。|,|$)", text):
        if not any(w in m.group(1) for w in ("毕业", "学历", "工作", "聘", "助工", "工程师")):
            ex.facts["major"] = m.group(1)


DATE_ROLES = [  # the fact a date is about, by the words around it (first match wins)
    (("转评",), "transferred_date"),
    (("技术员",), "technician_appointed_date"),
    (("聘", "取得", "评上", "拿到", "获得"), "title_appointed_date"),
    (("毕业",), "graduation_date"),
    (("工作", "上班", "从事", "入职"), "work_start_date"),
    (("报", "交", "提交", "审核", "核查", "来得及", "截止"), "action_date"),
]


def _dates(text: str, ex: Extraction, reference: date) -> None:
    dates = find_dates(text, reference)
    for found in dates:
        for words, name in DATE_ROLES:
            if _near(text, found.start, found.end, words) and name not in ex.facts:
                ex.facts[name] = found.value.isoformat()
                if found.assumed and name != "action_date":
                    ex.assumptions.append(f"{found.assumed}")
                break
        else:
            if len(dates) == 1 and found.value.year == reference.year:
                ex.facts.setdefault("action_date", found.value.isoformat())


DURATION_ROLES = [(("毕业",), "graduation_date"), (("聘", "助工", "助理工程师", "任职"), "title_appointed_date"),
                  (("工作", "干了", "从事", "做了"), "work_start_date")]


def _durations(text: str, ex: Extraction, reference: date) -> None:
    text = re.sub(r"(?<![\d一二三四五六七八九十])半年", "0.5年", text)
    for m in DURATION.finditer(text):
        if m.group(2) == "年" and float(m.group(1)) > 60:
            continue  # a year such as 2018年, not a duration
        for words, name in DURATION_ROLES:
            if _near(text, m.start(), m.end(), words, before=10, after=2) and name not in ex.facts:
                ex.facts[name] = months_before(reference, months_of(m)).isoformat()
                ex.assumptions.append(f"“{m.group(0)}”按截至{cn_date(reference)}推算")
                break
    if "graduation_date" in ex.facts and "work_start_date" not in ex.facts and "毕业" in text:
        ex.facts["work_start_date"] = ex.facts["graduation_date"]
        ex.assumptions.append("按毕业后即从事本专业技术工作计算工作年限")


def _achievements(text: str, ex: Extraction) -> None:
    a: dict = {}
    if m := re.search(LEVEL + r"[级里]?[^，。,；]{0,6}(劳模|劳动模范|先进工作者)", text):
        a["honor_level"] = LEVEL_OF[m.group(1)]
    if m := re.search(LEVEL + r"[级里]?[^，。,；]{0,8}(科技进步|科技成果|自然科学|星火|发明)奖?\s*([一二三123])等奖", text):
        a["science_award"] = {"level": LEVEL_OF[m.group(1)], "grade": GRADE[m.group(3)]}
    if m := re.search(r"(\d+)\s*(?:项|个|件)[^，。,]{0,4}发明专利", text):
        a["invention_patents"] = int(m.group(1))
    elif re.search(r"(没有|无)[^，。,]{0,3}发明专利", text):
        a["invention_patents"] = 0
    if m := re.search(LEVEL + r"[级里]?[^，。,；]{0,8}重点(?:科技)?(?:项目|工程)", text):
        if "骨干" in text:
            a["key_project_level"] = LEVEL_OF[m.group(1)]
    if m := re.search(LEVEL + r"[级里]?[^，。,；]{0,6}(技术中心|创新团队)[^，。,；]{0,4}(骨干|成员)", text):
        key = "tech_center_core_level" if m.group(3) == "骨干" else "tech_center_member_level"
        a[key] = LEVEL_OF[m.group(1)]
        if key == "tech_center_core_level":
            a["tech_center_member_level"] = LEVEL_OF[m.group(1)]
    if m := re.search(r"年薪[^，。,\d]{0,4}(\d+(?:\.\d+)?)\s*(万)?", text):
        a["annual_salary_yuan"] = float(m.group(1)) * (10000 if m.group(2) else 1)
    if re.search(r"(标准|规范)[^，。,]{0,4}(起草|编写|制定)", text) or "起草" in text and "标准" in text:
        a["standard_drafter"] = True
    if "高级人才" in text or "高层次人才" in text:
        a["high_level_talent"] = True
    if a:
        ex.facts["achievements"] = a


def _photo(text: str, ex: Extraction) -> None:
    photo: dict = {}
    if m := FORMATS.search(text):
        photo["format"] = m.group(1).upper()
    if m := PIXELS.search(text):
        photo["width"], photo["height"] = int(m.group(1)), int(m.group(2))
    if m := SIZE.search(text):
        factor = 1024 if m.group(2).lower().startswith("k") else 1024 * 1024
        photo["bytes"] = int(float(m.group(1)) * factor)
    if photo:
        ex.facts["photo"] = photo


def _hours(text: str, ex: Extraction, reference: date) -> None:
    years = list(re.finditer(r"(20\d{2})\s*年?(?:度)?", text))
    ce: dict = {}
    for i, m in enumerate(years):
        chunk = text[m.end():years[i + 1].start() if i + 1 < len(years) else len(text)]
        prof = re.search(r"专业[^\d]{0,4}(\d+(?:\.\d+)?)", chunk)
        public = re.search(r"公需[^\d]{0,4}(\d+(?:\.\d+)?)", chunk)
        if prof or public:
            ce[int(m.group(1))] = {k: float(v.group(1)) for k, v in (("professional", prof), ("public", public)) if v}
    if ce:
        ex.facts["ce"] = ce


def _insurance_and_more(text: str, ex: Extraction, context: str | None) -> None:
    if "社保" in text or "社会保险" in text or context == "social_insurance":
        for where, name in (("(本市|温岭|台州|市里)", "months_insured_in_city"),
                            ("(本单位|现单位|单位|公司)", "months_insured_in_unit")):
            if m := re.search(where + r"[^，。,\d]{0,8}?(\d+)\s*(个月|年)", text):
                ex.facts[name] = int(m.group(2)) * (12 if m.group(3) == "年" else 1)
    if re.search(r"(考核|年度考核)[^，。,]{0,4}(都|均|全)?(是)?合格", text) and "不合格" not in text:
        ex.facts["assessments"] = {y: "合格" for y in (2019, 2020, 2021)}
    if re.search(r"(去年|2021年?)[^，。,]{0,6}(没评上|没通过|未通过|没过)", text):
        ex.facts["failed_2021"] = True
    if re.search(r"(没有|无)新(的)?业绩", text):
        ex.facts["new_achievements_since_2021"] = False
    elif "新业绩" in text:
        ex.facts["new_achievements_since_2021"] = True
    if re.search(r"正常(缴费|参保|缴纳)|一直在(交|缴)", text):
        ex.facts["insured_now"] = True
    elif re.search(r"停缴|断缴|没(在)?交了", text):
        ex.facts["insured_now"] = False
    if m := re.search(r"相似度[^\d]{0,4}(\d+(?:\.\d+)?)\s*%?", text):
        ex.facts["papers"] = [{"similarity_percent": float(m.group(1)), "third_party_report": True}]
    for word, action in (("原件", "原件核查"), ("核查", "原件核查"), ("单位审核", "单位审核"), ("审核", "单位审核")):
        if word in text and "action_date" in ex.facts:
            ex.facts["action"] = action
            break
    else:
        if "action_date" in ex.facts:
            ex.facts["action"] = "网上申报"


def extract(text: str, reference: date, context: str | None = None) -> Extraction:
    """Facts in `text`; `context` is the question being worked on, for replies such as "本市交了2年"."""
    ex = Extraction()
    text = prepare(text)
    _titles(text, ex)
    _education(text, ex)
    _major(text, ex)
    _dates(text, ex, reference)
    _durations(text, ex, reference)
    _achievements(text, ex)
    _photo(text, ex)
    _hours(text, ex, reference)
    _insurance_and_more(text, ex, context)
    return ex
