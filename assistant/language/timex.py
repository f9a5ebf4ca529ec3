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
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from itertools import pairwise

from dateutil.relativedelta import relativedelta

from assistant.language.lexicon import lexicon
from assistant.language.when import FESTIVAL, PANDEMIC, find_dates

# A bare "10年" is a duration, not the year 2010, when the words after or before it say so.
YEARS_AFTER = re.compile(r"\d{1,2}\s*年\s*(了|多|半|左右|以上|整|的(工作|经验|经历|工龄|技术)|工龄|经验)")
YEARS_BEFORE = re.compile(r"(干了|做了|工作了|参加工作|工龄|从事[^,，]{0,8}|已经|有|满|快|将近|差不多|了|(?<!哪)(?<!什么)聘(任|用)?|"
                          r"(干|做|搞|弄|当)(了)?(技术|设计|工艺|研发|调试|维修|电工|这行|这块|机电|电气|机械|编程|开发|质检|售后|"
                          r"技术员)(工作)?(都|也|已经)?)\s*$")  # "干技术二十年", "助工聘二十年": a duration (after the verb), not 2020
ONLY_BEFORE = re.compile(r"(才|只有|也就|一共|总共|不到)\s*$")  # "…15年以上，我才14年": a duration, not 2014
ONLY_AFTER = re.compile(r"\d{1,2}\s*年\s*(?=$|[,，。?？!！;；、]|吧|啊|呢|呀|而已|还差|还不到|不到|是不是|，)")
YEARS_AND_MONTHS = re.compile(r"(\d{1,2})\s*年\s*零?\s*(\d{1,2})\s*个月")
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
    amount_high: float | None = None  # "2到3年" (两三年): the larger bound; `amount` is the smaller
    under: bool = False  # "不到4年": the range below the figure said


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
        high = None
        if isinstance(value, list):  # "2到3年": the smaller bound, so service is never overstated
            value, high = value
            high = high.get("year", 0) * 12 + high.get("month", 0) or None
        months = value.get("year", 0) * 12 + value.get("month", 0)
        if months:
            return Mention("months", start, end, text, amount=months, amount_high=high if high != months else None)
        if "day" in value:
            return Mention("days", start, end, text, amount=value["day"])
        return None
    if kind not in ("time_point", "time_span") or not isinstance(value, list):
        return None
    first = datetime.fromisoformat(value[0]).date()
    last = datetime.fromisoformat(value[1]).date()
    if (m := re.fullmatch(r"(\d{1,2})\s*年", text)) and item.get("duration"):
        return Mention("months", start, end, text, amount=int(m.group(1)) * 12)  # "参加工作10年了": ten years, not 2010
    if m := re.fullmatch(r"(\d+|半)\s*(个月|年)(多|半)?前(开始|起)?", text):
        months = (6 if m.group(1) == "半" else int(m.group(1)) * (12 if m.group(2) == "年" else 1)) + (6 if m.group(3) == "半" else 0)
        return Mention("date", start, end, text, value=reference - relativedelta(months=months))
    if first == last == reference and not re.search(r"\d", text) or text in ("当天", "今天", "现在", "目前", "此时"):
        return Mention("present", start, end, text)
    if text.strip("到至截止") in present_words or (first <= reference <= last and last != reference):
        return Mention("present", start, end, text)
    if last == reference and first < reference:  # "2018年7月至今", "从2018年开始"
        point, assumed = _granularity_end(first, text)
        return Mention("date", start, end, text, value=point, assumed=assumed, open_ended=True)
    if first > reference and re.search(r"年底|年末|今年|到年|年终", text) and not re.search(r"\d\s*[日号]", text):
        return Mention("present", start, end, text)  # 今年年底, 年底: the measuring point
    if "至" in text or "-" in text and first.year != last.year:
        return None  # a period such as 2019-2022年: years of hours, not a date of an event
    if (said := re.match(r"(\d{2,4})\s*年", text)) and last.year > first.year and (2000 + int(said.group(1)) % 100) == first.year:
        last = date(first.year, 12, 31)  # "18年冬天": the winter of the year said, not the February after it
    assumed = "" if first == last else (f"未说日期，按{last.month}月{last.day}日计" if first.month == last.month and
                                        first.year == last.year else f"未说月份，按{last.year}年{last.month}月{last.day}日计")
    return Mention("date", start, end, text, value=last, assumed=assumed)


CAME_IN = re.compile(r"(\d{2}|\d{4})年来")
DESTINATION = re.compile(r"(我们|我司|这|温岭|台州|本|现|厂|公司|单位|企业|上班|工作|到|入职|泵|电机|车间)")


def _came_in(text: str, item: dict) -> bool:
    """"2019年来温岭工作", "17年来我们厂": the year someone came, which jionlp reads as "the past 2019 (17)
    years"; left to our own date patterns. "17年来一直做技术" (for 17 years) stays jionlp's."""
    start, end = item["offset"]
    m = CAME_IN.search(text, start, end)  # jionlp's span may carry the comma before it
    return bool(m) and m.end() == end and (len(m.group(1)) == 4 or bool(DESTINATION.match(text, end)))


AGE_NOW = re.compile(r"(?:今年|现在|目前|已经|都|快)\s*(\d{2})\s*(?:周?岁|了)?(?![\d年月号日])|(\d{2})\s*周?岁了")
AGE_AT = re.compile(r"(?<![\d.])(\d{2})\s*周?岁(?:那年|那会儿?|时|的时候)?")


def ages_as_years(text: str, reference: date) -> str:
    """"我今年25，22岁本科毕业" → "…2019年本科毕业": with the age now said once, an age at an event is the
    year of that event (a date like any other, month unknown)."""
    now = {int(m.group(1) or m.group(2)) for m in AGE_NOW.finditer(text)}
    if len(now) != 1 or not 16 <= (age := now.pop()) <= 70:
        return text
    spans = [m.span() for m in AGE_NOW.finditer(text)]

    def year(match: re.Match) -> str:
        inside_now = any(a <= match.start() < b for a, b in spans)
        then = int(match.group(1))
        return match.group(0) if inside_now or not 14 <= then < age else f"{reference.year - (age - then)}年"

    return AGE_AT.sub(year, text)


def _split_at_commas(jio, found: list[dict], text: str, base: float) -> list[dict]:
    """jionlp reads across a comma ("助工聘了5年,2个月前才调过来" as one duration of 62 months): a span
    with a comma inside is read again piece by piece."""
    kept, reread_to = [], -1
    for item in found:
        start, end = item["offset"]
        if start < reread_to:
            continue  # read again with the piece it followed
        inner = [m.start() for m in re.finditer(r"[,，;；。]|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])", text[start:end])
                 if 0 < m.start() < end - start - 1]  # a space between words separates clauses as a comma does
        if not inner:
            kept.append(item)
            continue
        boundary = re.compile(r"[,，;；。!！?？]|(?<=[\u4e00-\u9fff])\s(?=[\u4e00-\u9fff])").search(text, end)
        reread_to = boundary.start() if boundary else len(text)  # "…,2个月前才调过来": the last piece to its clause's end
        for a, b in pairwise([start, *(start + i for i in inner), reread_to]):
            piece_start = a if a == start else a + 1
            try:
                pieces = jio.ner.extract_time(text[piece_start:b], time_base=base, with_parsing=True)
            except Exception:  # noqa: BLE001 - as in find_time: our own patterns still read the piece
                pieces = []
            for piece in pieces:
                piece["offset"] = [piece["offset"][0] + piece_start, piece["offset"][1] + piece_start]
                kept.append(piece)
    return kept


def find_time(text: str, reference: date) -> list[Mention]:
    """Every time expression of `text` (normalised, numerals in digits), in order of position."""
    jio = _jionlp()
    base = datetime(reference.year, reference.month, reference.day).timestamp()
    mentions: list[Mention] = []
    try:
        found = jio.ner.extract_time(text, time_base=base, with_parsing=True)
    except Exception:  # noqa: BLE001 - a parser failure must not lose the turn; our own patterns still run
        found = []
    found = [item for item in _split_at_commas(jio, found, text, base) if not _came_in(text, item)]
    for item in found:
        start, end = item["offset"]
        lead = len(item["text"]) - len(item["text"].lstrip(",，、;； "))
        if lead:  # jionlp's span may carry the comma before it (",7天"): the mention starts after it
            item["offset"], item["text"] = [start + lead, end], item["text"][lead:]
            start += lead
        item["duration"] = bool(YEARS_AFTER.match(text, start) or YEARS_BEFORE.search(text[max(0, start - 10):start]) or
                                ONLY_BEFORE.search(text[max(0, start - 4):start]) and ONLY_AFTER.match(text, start))
        try:
            mention = _from_jionlp(item, reference)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            mention = None  # a shape jionlp gives for open periods ("2020年以后": "inf") or ranges: no single date
        if mention:
            mentions.append(mention)
    taken = [(m.start, m.end) for m in mentions] + [tuple(item["offset"]) for item in found]
    for own in find_dates(text, reference):
        if FESTIVAL.fullmatch(text[own.start:own.end]) or PANDEMIC.fullmatch(text[own.start:own.end]):
            mentions = [x for x in mentions if not (x.start < own.end and own.start < x.end)]  # jionlp reads no holidays
            taken = [(s, e) for s, e in taken if not (s < own.end and own.start < e)]
        if not any(s < own.end and own.start < e for s, e in taken):
            mentions.append(Mention("date", own.start, own.end, text[own.start:own.end], value=own.value, assumed=own.assumed))
        taken.append((own.start, own.end))
    for m in YEARS_AND_MONTHS.finditer(text):  # "3年零6个月": one duration, whatever jionlp made of it
        mentions = [x for x in mentions if not (x.start < m.end() and m.start() < x.end)]
        mentions.append(Mention("months", m.start(), m.end(), m.group(0), amount=int(m.group(1)) * 12 + int(m.group(2))))
        taken.append((m.start(), m.end()))
    for m in FALLBACK_DURATION.finditer(text):  # "参加工作5年,2019年10月…": a duration jionlp folded into a date
        if not any(s < m.end() and m.start() < e for s, e in taken) and float(m.group(1)) <= 60:
            months = float(m.group(1)) * (12 if m.group(2) == "年" else 1) + (6 if m.group(3) == "半" else 0)
            mentions.append(Mention("months", m.start(), m.end(), m.group(0), amount=months))
    plausible = [_under(m, text) for m in mentions if m.kind != "months" or 0 < m.amount <= 720]  # "3000万年": no one's
    return _same_year(text, sorted([part for m in plausible for part in _range_ends(m, reference)], key=lambda m: m.start))


RANGE_SPLIT = re.compile(r"(.+?)\s*(到|至|—|——|~|－|-)\s*(.+)")


def _range_ends(m: Mention, reference: date) -> list[Mention]:
    """"2018/07—2020/12" read as one date (its end): its two ends, each a date of its own, so that the start of
    a period is its start ("2018/07—2020/12在我司做技术") and a break's length is known."""
    split = RANGE_SPLIT.fullmatch(m.text) if m.kind == "date" else None
    first = find_dates(split.group(1), reference) if split else []
    last = find_dates(split.group(3), reference) if split else []
    rest = r"(上半年|下半年|年底|年初|底|初|份)?"
    if not (first and last and first[0].start == 0 and last[0].start == 0 and re.fullmatch(rest, split.group(1)[first[0].end:])
            and re.fullmatch(rest, split.group(3)[last[0].end:])):
        return [m]  # (each end a date, give or take its part of the year: "2018年下半年到2019年底")
    cut = m.start + split.start(3)
    return [Mention("date", m.start, m.start + split.end(1), split.group(1), value=first[0].value, assumed=first[0].assumed),
            Mention("date", cut, m.end, split.group(3), value=last[0].value, assumed=last[0].assumed)]


UNDER_BEFORE = re.compile(r"(不到|不满|没满|未满|不足|没到|还差点|差一点)\s*$")
UNDER_AFTER = re.compile(r"\s*(还)?(不到|不满|没到|没满|不足)")


def _under(mention: Mention, text: str) -> Mention:
    """"聘了不到4年", "交到现在1年不到": less than the figure — a range (a year less up to a month less), so a
    verdict that holds at both ends is given and one that does not asks for the date."""
    if mention.kind != "months" or mention.amount_high or not (
            UNDER_BEFORE.search(text[max(0, mention.start - 4):mention.start]) or UNDER_AFTER.match(text, mention.end)):
        return mention
    return replace(mention, amount=mention.amount - 12 if mention.amount > 12 else 1, amount_high=mention.amount - 1, under=True)


def _same_year(text: str, mentions: list[Mention]) -> list[Mention]:
    """"2013年6月毕业，同年7月参加工作", "2017年6月毕业，7月份入职", "第二年7月才聘": a month without its year
    takes the year of the date said before it (the next year for 第二年/次年); jionlp would give it the
    reference year."""
    out, previous = [], None
    for m in mentions:
        if m.kind == "present" and previous and m.text in ("同年", "同一年", "那年", "那一年", "当年"):
            m = Mention("date", m.start, m.end, m.text, value=previous.value, assumed=previous.assumed)  # "…毕业，同年进了模具厂"
        said_year = re.search(r"\d{2,4}\s*年|[./-]|今年|去年|前年|明年", m.text)
        before = text[max(0, m.start - 4):m.start] + m.text[:3]
        anchored = re.search(r"同年|那年|当年|这年|那一年|第2年|第二年|次年|隔年|转年", before)
        if m.kind == "date" and previous and (anchored or not said_year):
            later = 1 if anchored and re.search(r"第2年|第二年|次年|隔年|转年", anchored.group(0)) else 0
            value = m.value.replace(year=previous.value.year + later)
            if not anchored and value < previous.value and not previous.assumed.startswith("未说月份"):
                value = value.replace(year=previous.value.year + 1)  # "2017年12月…3月份": the March after
            m = Mention(m.kind, m.start, m.end, m.text, value=value, assumed=m.assumed, open_ended=m.open_ended)
        if m.kind == "date" and said_year:  # "今年3月份才回温岭…社保也是3月开始交": this year's March
            previous = m
        out.append(m)
    return out
