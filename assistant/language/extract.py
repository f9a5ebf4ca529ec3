"""From a user's message (and the fact the assistant last asked for) to the engine's facts.

The shape is Duckling's and Rasa NLU's: normalise (opencc, full width, numerals via cn2an, homophone
typos via pinyin), tag with the domain lexicon (lexicon.yaml), find time expressions (jionlp), cut
into clauses, then read each fact within its clause — a date with the role of its own event, a
qualifier with its noun, a negation with what it negates, a person with what is said about them.
Only what the words say becomes a fact; a reasonable reading of something unsaid is a presumption,
returned with the sentence that says it, never a silent default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta

from assistant.documents.normalize import arabic_numerals, normalize
from assistant.language import achieved, conditions, items
from assistant.language.clauses import Clause, asked_clause, segment
from assistant.language.events import (
    DATE_FACT,
    attach_dates,
    attach_durations,
    presume_appointed_from_obtained,
    presume_machinery_work,
)
from assistant.language.lexicon import repair_homophones
from assistant.language.reading import Reading
from assistant.language.timex import Mention, find_time

YES = re.compile(r"^(是|是的|对|对的|有|有的|嗯|恩|没错|正确|是啊|对啊|有啊|交着|在交|合格|通过了)[。.!！]?$")
NO = re.compile(r"^(没有|没|不是|否|无|不|没呢|还没|没有的|没过|不合格|没通过)[。.!！]?$")


@dataclass
class Understanding:
    reading: Reading
    clauses: list[Clause]
    asked: Clause | None
    loose: list[Mention] = field(default_factory=list)  # time expressions tied to no event

    subject: str = "self"  # whom the conversation was about before this message

    @property
    def person(self) -> str:
        """Whom the question is about: the asking clause's subject, else the message's last."""
        if self.asked:
            return self.asked.person
        return self.clauses[-1].person if self.clauses else self.subject


def prepare(text: str) -> str:
    return repair_homophones(arabic_numerals(normalize(text)))


def understand(message: str, reference: date, pending: str | None = None, subject: str = "self") -> Understanding:
    """Every fact `message` states (per person, with evidence); `pending` is the fact just asked for and
    `subject` whom the conversation is about so far."""
    text = prepare(message)
    reading, clauses = Reading(), segment(text, subject)
    mentions = find_time(text, reference)
    items.education(reading, clauses)
    items.major(reading, clauses)
    items.titles(reading, clauses, text)
    items.no_title(reading, clauses)
    items.transferred_series(reading, clauses)
    achieved.achievements(reading, clauses, text)
    asked = asked_clause(clauses)
    main = asked.person if asked else (clauses[-1].person if clauses else subject)  # whom the message is about
    conditions.photo(reading, clauses, text, main)
    conditions.hours(reading, clauses, text, mentions, reference, main)
    conditions.insurance(reading, clauses, text, main)
    conditions.assessments(reading, clauses, text, main)
    conditions.status(reading, clauses, text, main)
    loose = attach_dates(reading, clauses, mentions, reference, text)
    loose += attach_durations(reading, clauses, mentions, reference, text)
    conditions.history(reading, clauses, text, main)
    for person in ("self", "other"):
        presume_appointed_from_obtained(reading, person)
        items.presume_series(reading, person)
        items.after_title(reading, clauses, person)
        presume_machinery_work(reading, clauses, person)
    understanding = Understanding(reading, clauses, asked, loose, subject)
    if pending:
        _fill_pending(understanding, pending, text, reference)
    _deadline_date(understanding, reference)
    conditions.step(reading, text, understanding.person)
    return understanding


def _deadline_date(u: Understanding, reference: date) -> None:
    """A date of this year tied to no event ("10月25号还能报吗") is the day the user means to act on."""
    person = u.person
    dated = [m for m in u.loose if m.kind == "date" and m.value.year == reference.year]
    if dated and u.reading.get("action_date", person) is None and all(
            u.reading.get(name, person) != dated[0].value.isoformat() for name in DATE_FACT.values()):
        u.reading.set("action_date", dated[0].value.isoformat(), dated[0].text, person)


def _fill_pending(u: Understanding, pending: str, text: str, reference: date) -> None:
    """A bare reply ("18年7月", "3年", "是的", "会计") answers the question the assistant just asked."""
    reading, person = u.reading, u.person
    if reading.get(pending, person) is not None:
        return
    dates = [m for m in u.loose if m.kind == "date"]
    months = [m for m in u.loose if m.kind == "months"]
    if pending.endswith("_date") and dates:
        reading.set(pending, dates[0].value.isoformat(), dates[0].text, person)
        if dates[0].assumed:
            reading.notes.append(dates[0].assumed)
    elif pending.endswith("_date") and months:
        since = reference - relativedelta(months=int(months[0].amount))
        reading.set(pending, since.isoformat(), months[0].text, person, presumed=f"“{months[0].text}”按往前推算")
    elif pending.startswith("months_") and (months or re.search(r"(\d+)\s*个?月", text)):
        count = int(months[0].amount) if months else int(re.search(r"(\d+)\s*个?月", text).group(1))
        reading.set(pending, count, text, person)
    elif YES.match(text.strip()) or NO.match(text.strip()):
        value = bool(YES.match(text.strip()))
        if pending in ("insured_now", "failed_2021", "new_achievements_since_2021", "transferred_in", "title_confirmed",
                       "under_investigation", "practical_assessment_passed"):
            reading.set(pending, value, text, person)
        elif pending == "title_series" and value:
            reading.set("title_series", "机电", text, person)
        elif pending == "penalties" and not value:
            reading.set("penalties", [], text, person)
        elif pending == "falsification_years" and not value:
            reading.set("falsification_years", [], text, person)
    elif pending == "major" and len(text) <= 12 and not reading.get("major", person):
        said = re.sub(r"^(我)?(是)?(学)?(的)?|专业$|的$|专业的$", "", text.strip("。.!！"))
        if re.fullmatch(r"[\u4e00-\u9fff]{2,10}", said):
            reading.set("major", said, text, person)


@dataclass
class Extraction:
    """The applicant's own facts and the sentences saying what was presumed (for callers of one message)."""

    facts: dict = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)


def extract(message: str, reference: date, context: str | None = None) -> Extraction:
    u = understand(message, reference)
    return Extraction(u.reading.frames["self"], list(dict.fromkeys(u.reading.notes + u.reading.presumptions())))


__all__ = ["DATE_FACT", "Extraction", "Understanding", "extract", "prepare", "understand"]
