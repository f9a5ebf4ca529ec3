"""Time expressions in a message, resolved against the reference day: dates, durations, and "now".

jionlp's time parser finds and resolves most forms (18年8月份, 去年7月, 二〇一九年十月, 前年9月, 18年底,
三年半, 从2018年开始); the project's own patterns (when.py) add what it misses (2018.7, 18.7, 10.22).
A date without its day stands for the LAST day its words allow (2018年7月 → 7月31日, 2018年 → 12月31日),
so service is never overstated, and the answer says which day was taken. Words for "now" (今年, 到年底,
现在) mark where service is measured, never the date of an event.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from dateutil.relativedelta import relativedelta

from assistant.language.lexicon import lexicon
from assistant.language.when import find_dates

FALLBACK_DURATION = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(年|个月)(半|多)?(?![\d月])")


@dataclass(frozen=True)
class Mention:
    kind: str  # "date", "present", "months" (a duration), "days"
    start: int
    end: int
    text: str
    value: date | None = None  # for "date"
    amount: float | None = None  # months for "months", days for "days"
    assumed: str = ""  # the part of a date that was not said, in words
    open_ended: bool = False  # "2018年7月至今", "从2018年开始": the start of something still going on


def _not_from_jionlp(record: logging.LogRecord) -> bool:
    return "jionlp" not in record.pathname


@cache
def _jionlp():
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp
    # It logs a traceback on the root logger for each string it gives up on (and then returns nothing);
    # that is not an error of ours and must not reach the user's terminal.
    logging.getLogger().addFilter(_not_from_jionlp)
    return jionlp


def _granularity_end(start: date, text: str) -> tuple[date, str]:
    """The last day the words allow for a start point (2018年 → 12-31; 2018年7月 → 7-31)."""
    if re.search(r"\d\s*[日号]|\d{4}[./-]\d{1,2}[./-]\d{1,2}", text):
        return start, ""
    if re.search(r"月|\d[./-]\d", text):
        end = start + relativedelta(day=31)
        return end, f"未说日期，按{end.month}月{end.day}日计"
    end = date(start.year, 12, 31)
    return end, f"未说月份，按{start.year}年12月31日计"


def _from_jionlp(item: dict, reference: date) -> Mention | None:
    text, (start, end), detail = item["text"], item["offset"], item["detail"]
    kind, value = detail["type"], detail["time"]
    present_words = lexicon()["present"]
    if kind == "time_delta":
        if isinstance(value, list):  # "2到3年": the smaller bound, so service is never overstated
            value = value[0]
        months = value.get("year", 0) * 12 + value.get("month", 0)
        if months:
            return Mention("months", start, end, text, amount=months)
        if "day" in value:
            return Mention("days", start, end, text, amount=value["day"])
        return None
    if kind not in ("time_point", "time_span") or not isinstance(value, list):
        return None
    first = datetime.fromisoformat(value[0]).date()
    last = datetime.fromisoformat(value[1]).date()
    if m := re.fullmatch(r"(\d+)\s*(个月|年)前", text):
        months = int(m.group(1)) * (12 if m.group(2) == "年" else 1)
        return Mention("date", start, end, text, value=reference - relativedelta(months=months))
    if text.strip("到至截止") in present_words or (first <= reference <= last and last != reference):
        return Mention("present", start, end, text)
    if last == reference and first < reference:  # "2018年7月至今", "从2018年开始"
        point, assumed = _granularity_end(first, text)
        return Mention("date", start, end, text, value=point, assumed=assumed, open_ended=True)
    if first > reference and not re.search(r"\d\s*[日号]", text):
        return Mention("present", start, end, text)  # 今年年底, 年底: the measuring point
    if "至" in text or "-" in text and first.year != last.year:
        return None  # a period such as 2019-2022年: years of hours, not a date of an event
    assumed = "" if first == last else (f"未说日期，按{last.month}月{last.day}日计" if first.month == last.month and
                                        first.year == last.year else f"未说月份，按{last.year}年{last.month}月{last.day}日计")
    return Mention("date", start, end, text, value=last, assumed=assumed)


def find_time(text: str, reference: date) -> list[Mention]:
    """Every time expression of `text` (normalised, numerals in digits), in order of position."""
    jio = _jionlp()
    base = datetime(reference.year, reference.month, reference.day).timestamp()
    mentions: list[Mention] = []
    try:
        found = jio.ner.extract_time(text, time_base=base, with_parsing=True)
    except Exception:  # noqa: BLE001 - a parser failure must not lose the turn; our own patterns still run
        found = []
    for item in found:
        try:
            mention = _from_jionlp(item, reference)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            mention = None  # a shape jionlp gives for open periods ("2020年以后": "inf") or ranges: no single date
        if mention:
            mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions] + [tuple(item["offset"]) for item in found]
    for own in find_dates(text, reference):
        if not any(s < own.end and own.start < e for s, e in taken):
            mentions.append(Mention("date", own.start, own.end, text[own.start:own.end], value=own.value, assumed=own.assumed))
        taken.append((own.start, own.end))
    for m in FALLBACK_DURATION.finditer(text):  # "参加工作5年,2019年10月…": a duration jionlp folded into a date
        if not any(s < m.end() and m.start() < e for s, e in taken) and float(m.group(1)) <= 60:
            months = float(m.group(1)) * (12 if m.group(2) == "年" else 1) + (6 if m.group(3) == "半" else 0)
            mentions.append(Mention("months", m.start(), m.end(), m.group(0), amount=months))
    return sorted(mentions, key=lambda m: m.start)
