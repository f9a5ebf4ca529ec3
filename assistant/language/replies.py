"""A bare reply to the assistant's own question ("18年7月", "3年", "没有", "市级的", "2个", "经济的",
"搞产品设计的") answers the fact it asked for: read by that fact's kind — a date, a duration, a yes/no,
a level, a count, an award, a title, a series, a work category."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from assistant.language.achieved import GRADE, _level
from assistant.language.lexicon import lexicon

NO = re.compile(r"^(没有|没|不是|否|无|不|没呢|还没|没有的|没有过|没过|都没有|一个也没有|啥也没有|不会|不用|不算|非)")
YES = re.compile(r"^(是|是的|对|对的|有|有的|嗯|恩|没错|正确|是啊|对啊|有啊|交着|在交|合格|通过了|算|有过|当然)")
TITLES = {"助工": "助理工程师", "助理": "助理工程师", "初级": "助理工程师", "助理工程师": "助理工程师", "中级": "工程师", "中工": "工程师",
          "工程师": "工程师", "技术员": "技术员"}
CATEGORIES = [("技术研究", r"研究|预研|课题"), ("设计开发", r"设计|研发|开发|画图|产品"),
              ("系统集成", r"集成|成套|安装调试|工程施工|工程项目|项目实施"), ("生产制造", r"生产|工艺|制造|车间|装配|加工"),
              ("技术服务", r"服务|售后|检测|质量|维修|维护|标准化|知识产权|检验")]
BOOL_FACTS = {"insured_now", "new_achievements_since_2021", "transferred_in", "title_confirmed", "under_investigation",
              "practical_assessment_passed", "undisclosed_discipline", "exam_violation_in_penalty_period"}


def _polarity(text: str) -> bool | None:
    text = text.strip("。.!！,， ")
    if NO.match(text) or re.search(r"(没|不|未)(有|是|在|交|参加|报|调)", text):
        return False
    if YES.match(text) or re.search(r"在交|交着|正常|是的|有的", text):
        return True
    return None


def _achievement(name: str, text: str, said: bool | None) -> object:
    if name.endswith("_level"):
        return "无" if said is False else _level(text)
    if name in ("invention_patents", "provincial_papers", "city_paper_awards"):
        if said is False:
            return 0
        m = re.search(r"(\d+)", text)
        return int(m.group(1)) if m else (1 if said else None)
    if name in ("science_award", "product_award"):
        m = re.search(r"([一二三123])等", text)
        level = _level(text)
        return "无" if said is False else ({"level": level, "grade": GRADE[m.group(1)]} if m and level else None)
    if name == "first_set":
        return "无" if said is False else ("国内" if "国内" in text else "省内" if "省" in text else "市" if "市" in text else None)
    if name == "annual_salary_yuan":
        m = re.search(r"(\d+(?:\.\d+)?)\s*(万)?", text)
        return float(m.group(1)) * (10000 if m.group(2) else 1) if m else None
    return said


def answer_to(pending: str, text: str, loose: list, reference: date) -> tuple[str, object] | None:
    """The (fact, value) a bare reply gives for the pending fact, or None when it does not answer it."""
    dates = [m for m in loose if m.kind == "date"]
    months = [m for m in loose if m.kind == "months"]
    said = _polarity(text)
    if pending.endswith("_date"):
        if dates:
            return pending, dates[0].value.isoformat()
        if m := re.fullmatch(r"\s*((?:19|20)?\d{2})\s*[./]\s*(\d{1,2})\s*", text):  # "19.7" said alone, for a date asked
            year, month = int(m.group(1)) % 100 + 2000, int(m.group(2))
            if 1 <= month <= 12 and year <= reference.year:
                return pending, (date(year, month, 1) + relativedelta(day=31)).isoformat()
        if months:
            return pending, (reference - relativedelta(months=int(months[0].amount))).isoformat()
        return None
    if pending.startswith("months_"):
        m = None if dates else re.search(r"(\d+)\s*个月", text)
        return (pending, int(months[0].amount)) if months else (pending, int(m.group(1))) if m else None
    if pending == "failed_2021":  # "没过" answers "是否参评未通过" with yes
        if re.search(r"没过|没通过|没评上|没评过去|落选|被刷|失败", text):
            return pending, True
        return (pending, False) if re.search(r"过了|通过了|没报|没参加|没申报|第一次", text) or said is False else None
    if pending in BOOL_FACTS and said is not None:
        return pending, said
    if pending.startswith("achievements."):
        value = _achievement(pending.split(".", 1)[1], text, said)
        return None if value is None else (pending, value)
    if pending in ("target", "title_level"):
        word = next((w for w in TITLES if w in text), None)
        if word:
            return pending, TITLES[word]
        return (pending, "无") if pending == "title_level" and said is False else None
    if pending == "title_series":
        series = next((s for s in lexicon()["other_series"] if s in text), None) or ("机电" if "机电" in text or said else None)
        return None if series is None else (pending, series)
    if pending == "work_category":
        return next(((pending, c) for c, words in CATEGORIES if re.search(words, text)), None)
    if pending == "degree_origin":
        return next(((pending, o) for o, words in (("港澳台", r"香港|澳门|台湾|港澳台"), ("国外", r"国外|海外|留学|外国"),
                                                  ("国内", r"国内|本土|国内的")) if re.search(words, text)), None)
    if pending in ("penalties", "papers") and said is False:
        return pending, []
    if pending == "falsification_years":
        year = re.search(r"(20[012]\d)", text)
        return (pending, [int(year.group(1))]) if year else (pending, []) if said is False else None
    if pending.startswith("assessments.") and (m := re.search(r"基本合格|不合格|合格|优秀", text)):
        if re.search(r"都|每年|全部|三年|3年", text):  # "三年都合格"
            return "assessments", {year: m.group(0) for year in (2019, 2020, 2021)}
        return pending, m.group(0)
    if pending.startswith("ce.") and (m := re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(学时)?\s*", text)):
        year = pending.split(".")[1]
        return f"ce.{year}.total", float(m.group(1))
    return None
