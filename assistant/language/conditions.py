"""The other conditions as people state them: photo specs, continuing-education hours and activities,
社保, 年度考核, the 2021 rule, papers, penalties, and the step a deadline question is about."""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.reading import Reading
from assistant.language.timex import Mention

FORMATS = re.compile(r"(?<![a-z])(jpe?g|png|bmp|gif|webp|heic|tiff?)(?![a-z])", re.I)
PIXELS = re.compile(r"(\d{2,5})\s*(?:[x×*＊]|乘|by)\s*(\d{2,5})|宽\s*(\d{2,5})[^\d]{0,4}高\s*(\d{2,5})", re.I)
SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(kb|k|mb|m|兆|千字节)(?![a-z])", re.I)
GRADES = "基本合格|不合格|合格|优秀|称职|良好"
YEARS = (2019, 2020, 2021, 2022)
CE_ROUTES = [  # 附件8 细则 第六条: the words of each route of 专业科目 hours
    ("（一）", r"高研班|高级研修"), ("（三）", r"境外|国外|出国"), ("（二）", r"备案|研修班|培训班"),
    ("（四）", r"单位[^,，]{0,6}(组织|培训)|企业[^,，]{0,4}组织|自己组织|内部培训|学术研讨"), ("（八）", r"资格考试"),
    ("（九）", r"学历教育|在职学历|课程"), ("（十）", r"兼职教师|对口支援|结对|服务基层|服务企业"),
]


def photo(reading: Reading, clauses: list[Clause], message: str) -> None:
    if m := FORMATS.search(message):
        reading.set("photo.format", m.group(1).upper(), m.group(0))
    if m := PIXELS.search(message):
        width, height = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        reading.set("photo.width", int(width), m.group(0))
        reading.set("photo.height", int(height), m.group(0))
    if m := SIZE.search(message):
        factor = 1024 if m.group(2).lower() in ("k", "kb", "千字节") else 1024 * 1024
        reading.set("photo.bytes", int(float(m.group(1)) * factor), m.group(0))


STEP_WORDS = (("原件", "原件核查"), ("核查", "原件核查"), ("单位审核", "单位审核"), ("审核", "单位审核"), ("报送", "单位审核"))
KINDS = [("professional", r"专业(?:科目|课)?"), ("general_public", r"一般公需(?:科目|课)?"),
         ("industry_public", r"行业公需(?:科目|课)?"), ("public", r"(?<![般业])公需(?:科目|课)?")]
FIGURE = r"[^\d,，;；。]{0,5}?(\d+(?:\.\d+)?)\s*(?:个)?(?:学时|小时|h)?"
PERIOD = re.compile(r"20(?:19|1)\D{0,3}(?:到|至|-|~|—)\D{0,2}20?22|四年|4年|这几年|累计|一共|总共|合计|总计|共\d")
EACH_YEAR = re.compile(r"每年|每一年|每个年度|年年|4年都|四年都")


def _figures(text: str) -> dict[str, float]:
    """Hours by kind in one clause; a figure of hours named by no kind is the total ("2019年95学时")."""
    found, taken = {}, []
    for name, words in KINDS:
        if m := re.search(words + FIGURE, text):
            found[name] = float(m.group(1))
            taken.append((m.start(), m.end()))
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:个)?(?:学时|小时)|(?:每年|都是|共|一共|合计|总共|累计)\D{0,2}(\d+(?:\.\d+)?)", text):
        if not any(s <= m.start() < e for s, e in taken) and "total" not in found and not re.search(
                r"(超过|以上|多于|不到|不足|少于|差)\D{0,2}$", text[:m.start()]) and not re.match(r"20[12]\d", m.group(0)):
            found["total"] = float(m.group(1) or m.group(2))
    return found


def hours(reading: Reading, clauses: list[Clause], message: str, mentions: list[Mention], reference: date) -> None:
    """Hours as people report them: per year ("2019年专业60公需30"), the same every year ("每年100，其中专业
    65、一般公需20"), or the four years' sums ("四年一共370，其中专业230"); a clause that names no year carries
    on the year (or the four years) of the clause before it."""
    _activities(reading, clauses, mentions, reference)
    if not re.search(r"学时|继续教育|继教|公需|专业科目|专业课", message):
        return
    context: list[int] | str | None = None
    for clause in clauses:
        text = clause.text
        years = [int(y) for y in re.findall(r"(20[12]\d)\s*年?(?:度)?", text) if int(y) in YEARS]
        if EACH_YEAR.search(text):
            targets: list[int] | str | None = list(YEARS)
        elif PERIOD.search(text) and not (len(years) == 1):
            targets = context = "period"
        elif len(years) == 1:
            targets = context = years
        else:
            targets = context
        if targets is None:
            continue
        for name, value in _figures(text).items():
            if targets == "period":
                if name in ("total", "professional", "general_public"):
                    reading.set(f"ce_totals.{name}", value, text)
            else:
                for year in targets:
                    reading.set(f"ce.{year}.{name}", value, text)


def _activities(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date) -> None:
    for clause in clauses:
        days = [m for m in mentions if m.kind == "days" and clause.start <= m.start < clause.end]
        route = next((r for r, words in CE_ROUTES if re.search(words, clause.text)), None)
        if route is None:
            continue
        year = int(m.group(1)) if (m := re.search(r"(20[12]\d)", clause.text)) else reference.year
        activity: dict = {"route": route}
        if days:
            activity["quantity"] = days[0].amount
        elif m := re.search(r"(\d+)\s*(?:门|科|个科目|项)", clause.text):
            activity["quantity"] = float(m.group(1))
        if route == "（一）":
            activity["level"] = "省级以上" if re.search(r"省|国家", clause.text) else "市县"
        reading.set(f"ce.{year}.activities", [activity], clause.text, clause.person)


def insurance(reading: Reading, clauses: list[Clause], message: str) -> None:
    if re.search(r"正常(缴费|参保|缴纳|在交|在缴)|一直在(交|缴)|现在(也)?在(交|缴)", message):
        reading.set("insured_now", True, "正常参保")
    elif re.search(r"停缴|断缴|断了|没(在)?交了|停了", message) and re.search(r"社保|保险", message):
        reading.set("insured_now", False, "停缴")


def assessments(reading: Reading, clauses: list[Clause], message: str) -> None:
    for m in re.finditer(r"(20[12]\d)\s*年?度?[^,，。\d]{0,6}?(" + GRADES + ")", message):
        reading.set(f"assessments.{int(m.group(1))}", _grade(m.group(2)), m.group(0))
    if m := re.search(r"(近|最近|这)?(3|三|几)年[^,，。]{0,6}考核[^,，。]{0,4}(都|均|全)(是|为)?(" + GRADES + ")", message) or \
            re.search(r"考核[^,，。]{0,6}(一直|每年|年年|都|均)(是|为)?(" + GRADES + ")", message):
        for year in (2019, 2020, 2021):
            reading.set(f"assessments.{year}", _grade(m.group(m.lastindex)), m.group(0), replace=False)


def _grade(word: str) -> str:
    return {"称职": "合格", "良好": "合格"}.get(word, word)


def history(reading: Reading, clauses: list[Clause], message: str) -> None:
    """The 2021 rule (通知二（二）7（5）), discipline, papers and the step of a deadline question."""
    if re.search(r"(去年|2021年?|上次|上一年)[^,，。]{0,8}(没评上|没通过|未通过|没过|落选|被刷|没评过|没能通过)", message):
        reading.set("failed_2021", True, "去年未通过")
    elif re.search(r"(去年|2021年?)[^,，。]{0,6}(没报|没有报|没参评|通过了|评上了)|第一次(报|申报)|从没报过", message):
        reading.set("failed_2021", False, "去年未参评")
    if re.search(r"(没|没有|无|未)[^,，。]{0,4}(新的?|什么新)[^,，。]{0,2}(业绩|成果|东西|项目|专利)", message):
        reading.set("new_achievements_since_2021", False, "无新业绩")
    elif re.search(r"(有|新增|新拿|新出)[^,，。没]{0,4}新?(的)?(业绩|成果|专利|项目)", message) and "failed_2021" in reading.frames["self"]:
        reading.set("new_achievements_since_2021", True, "有新业绩")
    if m := re.search(r"(相似度|重复率|查重)[^\d]{0,6}(\d+(?:\.\d+)?)\s*%?", message):
        report = False if re.search(r"(没有|无|没)[^,，。]{0,4}(检索报告|第三方)", message) else True
        reading.set("papers", [{"similarity_percent": float(m.group(2)), "third_party_report": report}], m.group(0))


def step(reading: Reading, message: str, person: str) -> None:
    """The step a dated action is about (四: 网上申报, 单位审核报送, 原件核查), when a date to act on is known."""
    if not reading.get("action_date", person):
        return
    action = next((step for word, step in STEP_WORDS if word in message), "网上申报")
    reading.set("action", action, action, person)
