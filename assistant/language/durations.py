"""Durations said as facts ("干了3年", "助工聘了两年半", "社保交了2年"): each dated back from the day measured to,
as the event of its clause (events.py ties a date to its event the same way); a rule's years quoted, a threshold
asked about, years of study or a span in the past are no one's start."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

from assistant.language.clauses import Clause
from assistant.language.events import (
    DATE_FACT,
    EARLIER_PHASE,
    INSURED_SPAN,
    THRESHOLD,
    _insured,
    _role,
)
from assistant.language.reading import Reading, Span
from assistant.language.timex import Mention
from assistant.rules.dates import cn_date

RULE_QUOTED = re.compile(r"(附件\s*\d*|文件|通知|规定|条件|细则|第[一二三四五六七八九十]+条)[^,，。]{0,4}(里|上|中)?[^,，。]{0,3}"
                         r"(写的是|写着|写了|说的是|说|规定|要求)")
DEFINITION_ASKED = re.compile(r"这个年|年是|自然年|周年|年头|是指|什么意思|包不包括|含不含|本数")


def attach_durations(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date,
                     message: str) -> list[Mention]:
    """Set each duration's fact ("干了3年" → work start 3 years back); return the loose ones."""
    loose, previous = [], None
    for clause in clauses:
        for mention in (m for m in mentions if m.kind == "months" and clause.start <= m.start < clause.end):
            before = message[clause.start:mention.start]
            if clause.asks and THRESHOLD.search(before) or re.search(r"(近|最近|这|前|后|[^满到足]不)$", before) or \
                    re.match(r"\s*(不[^,，。]{1,4})?(的)?(工作)?(年限|要求|条件|规定)", message[mention.end:mention.end + 10]):
                continue  # the threshold asked about, "近3年", "那个什么四年不四年的规定": not a fact
            if re.match(r"\s*以上(?!了)", message[mention.end - 2 * mention.text.endswith("以上"):]) and \
                    not re.search(r"了|我|俺|已经|都|干|做了", clause.text) and DEFINITION_ASKED.search(message):
                continue  # "从事技术工作3年以上，这个年是按…算": the rule's words quoted, not a fact
            later = [m for m in mentions if m.kind == "date" and m.start > mention.end]
            if EARLIER_PHASE.search(before) and later and not re.search(r"(温岭|台州|本市)[^,，。]{0,8}(社保|保险)", clause.text):
                continue  # "先在椒江一家汽配厂干了两年，18年8月来温岭": a span in the past, not up to now
                # ("之前在温岭另一家厂交了5年社保": months insured in the city all the same)
            if RULE_QUOTED.search(before[-16:]):
                continue  # "附件1里写的是从事工程技术工作15年以上": the notice's words, not the applicant's years
            if re.search(r"(读|念|上|学)了?\s*$", before):
                continue  # "初中毕业后读了3年技校": years of study, not since an event
            months = int(mention.amount)
            # "本市社保交了2年，本单位8个月": a clause that only gives a figure repeats the last clause's event.
            role = _role(clause, mention.start, mention.end) or previous or (
                "work_start" if re.search(r"技术|设计|工艺|研发|干|做|修|调试|装配|检修|维护|维修", clause.text) and not clause.asks
                else None) or (
                "insured" if INSURED_SPAN.search(clause.text) and re.search(r"社保|保险", message) else None)  # "…连续两年多了"
            previous = role
            since = reference - relativedelta(months=months)
            said = f"“{mention.text}”按截至{cn_date(reference)}往前推算"
            if mention.amount_high:  # "两三年": the shorter end, so service is never overstated
                said = f"“{mention.text}”按较短的{_months_words(months)}、截至{cn_date(reference)}往前推算"
                if role in ("graduation", "work_start", "appointed", "obtained") and not reading.get(DATE_FACT[role], clause.person):
                    longer = reference - relativedelta(months=int(mention.amount_high))
                    reading.spans.append(Span(DATE_FACT[role], longer.isoformat(), mention.text, clause.person))
            if role in ("insured", "changed_unit") and mention.under:  # months paid "不到1年": at most 11, said
                months = int(mention.amount_high)
                reading.notes.append(f"“{mention.text}不到”按{months}个月计")
            if role == "insured":
                _insured(reading, clause, months, message, clause.person)
            elif role == "changed_unit":
                reading.set("months_insured_in_unit", months, clause.text, clause.person)
            elif role in ("appointed", "obtained") and any(t.value == "技术员" for t in clause.has("title")):
                reading.set("technician_appointed_date", since.isoformat(), clause.text, clause.person, presumed=said,
                            replace=False)
            elif role in ("graduation", "work_start", "appointed", "obtained"):  # a date said outright wins
                reading.set(DATE_FACT[role], since.isoformat(), clause.text, clause.person, presumed=said, replace=False)
            else:
                loose.append(mention)
    return loose


def _months_words(months: int) -> str:
    return f"{months // 12}年" if months % 12 == 0 else f"{months}个月"
