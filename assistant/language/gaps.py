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
    return spans, months


def outside(mentions: list[Mention], spans: list[tuple[int, int]]) -> list[Mention]:
    """The mentions that belong to events: none inside a break."""
    return [m for m in mentions if not any(s <= m.start < e for s, e in spans)]


def take_off(reading: Reading, months: int, person: str) -> None:
    """Move the start of work later by the break, said aloud (from graduation when no start was said: "19年6月
    毕业…中间…在家没上班，其他时间一直在厂里做技术")."""
    start = reading.get("work_start_date", person) or reading.get("graduation_date", person)
    if not months or not start:
        return
    later = date.fromisoformat(str(start)) + relativedelta(months=months)
    reading.set("work_start_date", later.isoformat(), f"中间{months}个月未从事专业技术工作", person,
                presumed=f"中间{months}个月未从事专业技术工作，已从年限中扣除（开始时间按{later.year}年{later.month}月{later.day}日计）")
