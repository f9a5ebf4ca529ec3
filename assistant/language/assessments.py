"""年度考核 as people mention them: "19年我住院大半年，那年考核给了个基本合格，20、21都是合格", "近三年考核都
合格", "前年考核是不定等次". Each year's grade in the engine's words (二（二）5, 附件1 四)."""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.reading import Reading

GRADES = "基本合格|不合格|合格|优秀|称职|良好|不确定等次|不定等次|不评等次|未定等次"
# "考核里有一年是基本合格", "其中1年不合格": a grade of one of the years, which one not said
SOME_YEAR = re.compile(r"(有|其中|其中有)(一|1)(个)?年(度)?[^,，。\d]{0,6}?(" + GRADES + ")")
THAT_YEAR = re.compile(r"那年|那一年|当年|同年")


def _the_year_before(m: re.Match) -> str:
    """"那年" as the year said last before it (unchanged when none was)."""
    years = re.findall(r"(?<!\d)(?:20)?([12]\d)\s*年", m.string[:m.start()])
    return f"20{years[-1]}年" if years else m.group(0)


def assessments(reading: Reading, clauses: list[Clause], message: str, reference: date, person: str = "self") -> None:
    for word, back in (("大前年", 3), ("前年", 2), ("去年", 1)):
        message = message.replace(word, f"{reference.year - back}年")  # "前年考核是不定等次"
    message = THAT_YEAR.sub(_the_year_before, message)  # "19年我住院大半年，那年考核给了个基本合格"
    for m in re.finditer(r"(?<!\d)((?:(?:20)?[12]\d\s*年?度?\s*[、和及与,，]\s*)+)(?:(?:20)?[12]\d)\s*年?度?\s*(?:都|均|全)(?:是|为)?("
                         + GRADES + ")", message):  # "20、21都是合格"
        for year in re.findall(r"(?:20)?([12]\d)", m.group(0)):
            if 2015 <= 2000 + int(year) <= 2022:
                reading.set(f"assessments.{2000 + int(year)}", _grade(m.group(2)), m.group(0), person=person)
    for m in re.finditer(r"(?<!\d)(?:(20)([12]\d)\s*年?|()([12]\d)\s*年)度?[^,，。\d]{0,12}?(" + GRADES + ")", message):
        year = 2000 + int(m.group(2) or m.group(4))
        if 2015 <= year <= 2022:
            reading.set(f"assessments.{year}", _grade(m.group(5)), m.group(0), person=person)
    for m in re.finditer(r"(?<!\d)(?:20)?([12]\d)\s*年[^。\d]{0,12}?考核[^。\d,，]{0,6}?(" + GRADES + ")", message):
        if 2015 <= 2000 + int(m.group(1)) <= 2022:  # "2020年那年出了点事，年度考核是不合格": the year told before it
            reading.set(f"assessments.{2000 + int(m.group(1))}", _grade(m.group(2)), m.group(0), replace=False, person=person)
    if m := re.search(r"(?:20)?19\s*(?:年)?\s*(?:到|至|-|~)\s*(?:20)?21\s*年?\s*(?:考核)?(?:都|均|全)(?:是|为)?(" + GRADES + ")", message):
        for year in (2019, 2020, 2021):
            reading.set(f"assessments.{year}", _grade(m.group(1)), m.group(0), person=person)
    if m := SOME_YEAR.search(message):
        reading.set("assessment_some_year", _grade(m.group(m.lastindex)), m.group(0), person=person)
    if m := re.search(r"(近|最近|这)?(3|三|几)年[^,，。]{0,6}考核[^,，。]{0,4}(都|均|全)(是|为)?(" + GRADES + ")", message) or \
            re.search(r"(近|最近)(3|三)年(都|均|全)(是|为)?(" + GRADES + ")", message) or \
            re.search(r"考核[^,，。]{0,6}(一直|每年|年年|都|均)(是|为)?(" + GRADES + ")", message):
        for year in (2019, 2020, 2021):
            reading.set(f"assessments.{year}", _grade(m.group(m.lastindex)), m.group(0), replace=False, person=person)


def _grade(word: str) -> str:
    """As the engine names grades: 不确定等次 (not graded, e.g. on leave) is its own grade, not 合格."""
    return {"称职": "合格", "良好": "合格"}.get(word, "不确定" if "等次" in word else word)
