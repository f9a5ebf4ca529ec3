"""The project's own date patterns, for what jionlp's parser (timex.py) does not read.

"2018.7", "18.7聘的", "10.22", "那年3月", "7月份", "上个月", "当月" become dates, resolved against the
reference date. Where a day or month is not said, the latest day that fits is taken for a start
date (so service is never overstated) and the answer says which day was assumed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

FULL = re.compile(r"(?<!\d)(\d{4}|\d{2})\s*(?:年|[.\-/])\s*(\d{1,2})(?:\s*(?:月|[.\-/])\s*(\d{1,2})\s*[日号]?|\s*月)?(?!\d)")
RELATIVE = re.compile(r"(今年|去年|前年)(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
LAST_MONTH = re.compile(r"上个?月|这个月|本月|上上个?月")
MONTH_DAY = re.compile(r"(?<![\d年.\-/])(\d{1,2})月(\d{1,2})[日号]")
MONTH_DOT_DAY = re.compile(r"(?<![\d.])(\d{1,2})[./](\d{1,2})(?![\d.]|\s*(?:[a-zA-Z%]|年|个|万|学时|岁))")
# "18.7聘的": a two-digit year with a dot only counts as a date before the event it dates (else 18.7 is a number).
SHORT_DOT = re.compile(r"(?<![\d./])([012]\d)[./](\d{1,2})(?![\d./])"
                       r"(?=\s*(?:月份?)?\s*(?:的)?\s*(?:毕业|聘|入职|进|参加|开始|取得|评|转|拿|考|起))")
ANCHORED_MONTH = re.compile(r"(?:(?<=同年|那年|当年|这年|次年|隔年|转年)|(?<=第2年)|(?<=第二年))(\d{1,2})\s*月份?")
SAME_MONTH = re.compile(r"当月|同月|同一个月|那个月")
MONTH_ONLY = re.compile(r"(?<![\d年.\-/个])(\d{1,2})\s*月份?(?![\d日号底初中末])")
YEAR_ONLY = re.compile(r"(?<!\d)(\d{4})年(?!\d{1,2}月)")
# "21届本科": the class graduating that year.
YEAR_CLASS = re.compile(r"(?<![\d第])(\d{2}|\d{4})届")
# "17年来我们厂": a two-digit year when someone came to a place (else "17年来" is "for 17 years").
YEAR_CAME = re.compile(r"(?<!\d)(\d{2})年(?=来(我们|我司|这|温岭|台州|本|现|厂|公司|单位|企业|上班|工作|到|入职|泵|电机|车间))")


# "去年圣诞节前几天", "19年国庆后", "过年前": a holiday of a year (movable feasts at their usual month, said aloud).
FESTIVAL = re.compile(r"(今年|去年|前年|大前年|(\d{4}|\d{2})年)?的?(元旦|春节|过年|五一|劳动节|端午节?|中秋节?|国庆节?|圣诞节?)"
                      r"(前后|前|后|那会儿?|的时候|期间|左右)?")
HOLIDAYS = {"元旦": (1, 1), "春节": (2, 1), "过年": (2, 1), "五一": (5, 1), "劳动节": (5, 1), "端午": (6, 15), "中秋": (9, 20),
            "国庆": (10, 1), "圣诞": (12, 25)}
PANDEMIC = re.compile(r"疫情(开始)?(那年|那一年|爆发那年)|疫情前(那年|一年)?")  # 2020; the year before it, 2019


@dataclass
class Found:
    value: date
    start: int
    end: int
    assumed: str = ""  # the part of the date that was not said


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe(year: int, month: int, day: int | None) -> tuple[date, str] | None:
    if not 1 <= month <= 12 or not 1900 <= year <= 2100:
        return None
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, last), f"未说日期，按{month}月{last}日计"
    if not 1 <= day <= last:
        return None
    return date(year, month, day), ""


def find_dates(text: str, reference: date) -> list[Found]:
    """Every date in `text` (already normalised, numerals in digits), in order of appearance."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, resolved: tuple[date, str] | None) -> None:
        if resolved and not any(s < match.end() and match.start() < e for s, e in taken):
            found.append(Found(resolved[0], match.start(), match.end(), resolved[1]))
            taken.append((match.start(), match.end()))

    for m in FESTIVAL.finditer(text):
        year = reference.year - {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}.get(m.group(1) or "", 0)
        year = _year(m.group(2)) if m.group(2) else year
        word = m.group(3)
        month, day = HOLIDAYS.get(word) or HOLIDAYS[word[:-1]]  # "春节" as said, "国庆节" as "国庆"
        if m.group(4) == "后":  # "国庆后": some day after it; the month's end, so service is never overstated
            day = calendar.monthrange(year, month)[1]
        add(m, (date(year, month, day), f"“{m.group(0)}”按{year}年{month}月{day}日计"))
    for m in PANDEMIC.finditer(text):
        year = 2019 if m.group(0).startswith("疫情前") else 2020
        add(m, (date(year, 12, 31), f"“{m.group(0)}”按{year}年12月31日计"))
    for m in FULL.finditer(text):
        if len(m.group(1)) == 2 and "年" not in m.group(0):
            continue  # "10.25" is a month and day, handled below
        add(m, _safe(_year(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else None))
    for m in SHORT_DOT.finditer(text):
        add(m, _safe(_year(m.group(1)), int(m.group(2)), None))
    for m in RELATIVE.finditer(text):
        year = reference.year - {"今年": 0, "去年": 1, "前年": 2}[m.group(1)]
        if m.group(2):
            add(m, _safe(year, int(m.group(2)), int(m.group(3)) if m.group(3) else None))
        else:
            add(m, (date(year, 12, 31), f"未说月份，按{year}年12月31日计"))
    for m in SAME_MONTH.finditer(text):  # "20年7月毕业 当月入职": the month of the date before
        earlier = [f for f in found if f.end <= m.start()]
        if earlier:
            add(m, (earlier[-1].value, earlier[-1].assumed))
    for m in LAST_MONTH.finditer(text):  # "上个月刚跳槽": a month back from the reference day
        back = {"上个月": 1, "上月": 1, "这个月": 0, "本月": 0, "上上个月": 2, "上上月": 2}[m.group(0)]
        month = reference.replace(day=1) - relativedelta(months=back)
        add(m, _safe(month.year, month.month, None))
    for m in MONTH_DAY.finditer(text):
        add(m, _safe(reference.year, int(m.group(1)), int(m.group(2))))
    for m in MONTH_DOT_DAY.finditer(text):
        add(m, _safe(reference.year, int(m.group(1)), int(m.group(2))))
    for m in ANCHORED_MONTH.finditer(text):  # "那年3月": the year comes from the date before (timex)
        add(m, _safe(reference.year, int(m.group(1)), None))
    for m in MONTH_ONLY.finditer(text):  # "7月份入职": the reference year, unless a date said before gives one
        add(m, _safe(reference.year, int(m.group(1)), None))
    for m in [*YEAR_ONLY.finditer(text), *YEAR_CAME.finditer(text), *YEAR_CLASS.finditer(text)]:
        year = _year(m.group(1))
        if 1900 <= year <= 2100:
            add(m, (date(year, 12, 31), f"未说月份，按{year}年12月31日计"))
    return sorted(found, key=lambda f: f.start)
