"""Breaks in professional work: "中间20年3月到8月在家没上班", "中间有半年没工作".

The years of 本专业技术工作 count the time worked (附件2 第四条（一）), so a break said between the start and
now is taken off: the start moves later by the break's length, and the answer says so. The dates of the
break are not the dates of any event (the start of work is not March 2020 because "20年3月" was said).
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from assistant.language.reading import Reading
from assistant.language.timex import Mention

IDLE = r"(没上班|没有上班|没工作|没有工作|在家|休息|离职|待业|辞职|没做技术|没干技术|没干活|养病|生病|失业|停工)"
# Time spent on anything but technical work ("去广东做了一年多销售", "当兵两年", "带孩子四年没上班", "在家备考研究生"),
# next to a date range of any shape; 休息/生病/没干活 are left to RANGE and SPAN, which want a month or a 中间.
ELSEWHERE = (r"(没上班|没有上班|没工作|没有工作|在家|离职|待业|辞职|没做技术|没干技术|养病|失业|停工|销售|跑业务|做业务|当兵|服役|参军|"
             r"部队|带孩子|带娃|备考|考研|做生意|开店|送外卖|开出租|跑滴滴)")
CONNECTOR = re.compile(r"\s*(到|至|-|~|—|——|－)\s*")
THEN_ON = r"(之后|后来|然后|中间|期间|其间)[^,，。;；\d]{0,6}?"
LENGTH = r"(?<!\d)(\d{1,2}|半)\s*(个月|年)"  # ("…销售 2020年又回技术岗": a year, not a length)
LATER_BREAK = re.compile(THEN_ON + ELSEWHERE + r"[^,，。;；\d]{0,4}?" + LENGTH + "|" + THEN_ON + LENGTH + r"[^,，。;；]{0,4}" + ELSEWHERE)
RANGE = re.compile(r"((?:\d{2,4}年)?\d{1,2}月)份?\s*(?:到|至|-|~|—)\s*((?:\d{2,4}年)?\d{1,2}月)份?[^,，。]{0,8}" + IDLE)
SPAN = re.compile(r"(中间|期间|其间|之间|当中)[^,，。]{0,4}?(有|歇了|停了|空了)?\s*(\d+|半)\s*(个月|年)[^,，。]{0,4}" + IDLE)


def breaks(text: str, mentions: list[Mention]) -> tuple[list[tuple[int, int]], int]:
    """The spans of text that state a break, and the months of all the breaks."""
    spans, months = [], 0
    for m in RANGE.finditer(text):
        dates = [x for x in mentions if x.kind == "date" and m.start() <= x.start < m.end()]
        if len(dates) >= 2:
            first, last = dates[0].value, dates[1].value
            months += max(0, (last.year * 12 + last.month) - (first.year * 12 + first.month))
            spans.append((m.start(), m.end()))
    for m in SPAN.finditer(text):
        months += 6 if m.group(3) == "半" else int(m.group(3)) * (12 if m.group(4) == "年" else 1)
        spans.append((m.start(), m.end()))
    dates = [x for x in mentions if x.kind == "date"]
    for first, last in zip(dates, dates[1:], strict=False):  # "2019.9—2021.9当兵", "2018年下半年到2019年底去广东做了一年多销售"
        before = re.split(r"[,，。;；]", text[max(0, first.start - 8):first.start])[-1]  # within the range's own clause
        after = re.split(r"[,，。;；]", text[last.end:last.end + 14])[0]
        if CONNECTOR.fullmatch(text[first.end:last.start]) and not any(s <= first.start < e for s, e in spans) and \
                re.search(ELSEWHERE, after + before):
            months += max(0, (last.value.year * 12 + last.value.month) - (first.value.year * 12 + first.value.month))
            spans.append((first.start, last.end))
    for m in LATER_BREAK.finditer(text):  # "干到2016年底；之后带孩子4年没上班" (once: "当兵2年（2019.9—2021.9）" is one break)
        if not any(s <= m.start() < e or m.end() <= s and not re.search(r"[,，。;；]", text[m.end():s]) for s, e in spans):
            figure, unit = (m.group(3), m.group(4)) if m.group(3) else (m.group(6), m.group(7))
            months += 6 if figure == "半" else int(figure) * (12 if unit == "年" else 1)
            spans.append((m.start(), m.end()))
    return spans, months


def outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that belong to events: none inside a break."""
    return [m for m in mentions if not any(s <= m.start < e for s, e in spans)]


def take_off(reading: Reading, months: int, person: str, started: tuple[str | None, bool] = (None, False)) -> None:
    """Move the start of work later by the break, said aloud (from graduation when no start was said: "19年6月
    毕业…中间…在家没上班，其他时间一直在厂里做技术")."""
    known, broken = started
    said = sorted(value for value, whose in reading.starts if whose == person)  # the first start, not the return
    if broken and not months and said and known and said[0] > str(known):
        reading.frames[person].pop("work_start_date", None)  # "2021年3月起在电机厂做结构设计", after a break told before
        return
    graduated = reading.get("graduation_date", person)  # "…毕业，先在模具厂做了两年技术，后来跑了两年销售，2020年又回技术岗"
    start = min([*said, *([str(known)] if known else []), *([str(graduated)] if graduated else [])], default=None) or \
        reading.get("work_start_date", person)
    if not months or not start or months > 480:
        return  # (no break of forty years: a misread figure is not taken off)
    later = date.fromisoformat(str(start)) + relativedelta(months=months)
    reading.set("work_start_date", later.isoformat(), f"中间{months}个月未从事专业技术工作", person,
                presumed=f"中间{months}个月未从事专业技术工作，已从年限中扣除（开始时间按{later.year}年{later.month}月{later.day}日计）")
