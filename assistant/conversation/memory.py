"""What a session remembers of a turn: the facts each person was said to have, with their words and turn,
the presumptions, and corrections that re-read an earlier message. Kept apart from the answerer, which only
decides what to answer."""

from __future__ import annotations

import re
from datetime import date

from assistant.conversation.contract import FactOut
from assistant.conversation.session import Session
from assistant.errors import UserError
from assistant.language.corrections import MARKER, person_corrected
from assistant.language.extract import Understanding, understand
from assistant.language.reading import Evidence
from assistant.rules.fact_names import where
from assistant.rules.facts import parse_facts


def _leaves(facts: dict, prefix: str = "") -> set[str]:
    out = set()
    for key, value in facts.items():
        name = f"{prefix}{key}"
        out |= _leaves(value, name + ".") if isinstance(value, dict) else {name}
    return out


def _drop(facts: dict, dotted: str) -> None:
    *path, last = dotted.split(".")
    for key in path:
        facts = facts.get(int(key) if key.isdigit() and int(key) in facts else key, {})
    if isinstance(facts, dict):
        facts.pop(int(last) if last.isdigit() and int(last) in facts else last, None)


def _deep_merge(base: dict, over: dict) -> dict:
    merged = dict(base)
    for key, value in over.items():
        merged[key] = _deep_merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def correct(session: Session, u: Understanding, fixed: str, reference: date) -> None:
    """Read the earlier message again with the correction in it: its facts replace what it gave before,
    and what only the wrong words gave ("骨干" corrected to "成员") is taken back."""
    before = understand(session.last_text, reference, subject=session.person).reading
    again = understand(fixed, reference, subject=session.person).reading
    for person in ("self", "other"):
        frame = session.facts if person == "self" else session.other
        for name in _leaves(before.frames[person]) - _leaves(again.frames[person]):
            _drop(frame, name)
        u.reading.frames[person] = _deep_merge(u.reading.frames[person], again.frames[person])
    explicit = {(e.name, e.person) for e in again.evidence if not e.presumed}
    # ("我翻了下证书，是19年11月": the correction's own reading presumes an appointment date; the corrected
    # message says it outright, and what is said outright is not a presumption to keep the old value over)
    u.reading.evidence = [e for e in u.reading.evidence if not (e.presumed and (e.name, e.person) in explicit)] + again.evidence


def re_attribute(session: Session, message: str, reference: date) -> bool:
    """"我同事问的，他大专…" → "哦不是同事，是我自己，我打错了": what the message before told belongs to the
    person now named — its facts move to that frame (and leave the other), and the conversation is about them."""
    to = person_corrected(message)
    if not to or not session.last_text:
        return False
    forget_presumptions(session, "self")
    forget_presumptions(session, "other")  # made from the facts in the wrong frame: made again from the right one
    told = understand(session.last_text, reference, subject=session.person).reading
    moved = {k: v for person in ("self", "other") for k, v in told.frames[person].items()}
    wrong, right = (session.other, session.facts) if to == "self" else (session.facts, session.other)
    for name in moved:
        wrong.pop(name, None)
    right.update(moved)
    for e in session.evidence:
        if e["name"].split(".")[0] in moved:
            e["person"] = to
    session.person = to
    return True


UNSAID = "（未说）"  # the evidence of a presumption made over the whole conversation


def forget_presumptions(session: Session, person: str) -> None:
    """Presumptions over the conversation are made again each turn from the facts as they stand now, so a
    correction carries them along ("19年7月毕业" corrected to 21年 moves the presumed start of work too)."""
    frame = session.facts if person == "self" else session.other
    for e in session.evidence:
        if e["evidence"] == UNSAID and e["person"] == person:
            head, _, rest = e["name"].partition(".")
            if rest and isinstance(frame.get(head), dict):
                frame[head].pop(rest, None)
            else:
                frame.pop(head, None)
    session.evidence = [e for e in session.evidence if not (e["evidence"] == UNSAID and e["person"] == person)]


def note_evidence(session: Session, u: Understanding, presumed: list | None = None, person: str = "self") -> None:
    """Keep what this turn read, with its words and turn number, and what was presumed over the whole
    conversation; a fact said again replaces the old entry."""
    session.turn += 1
    entries = [(e.name, e.value, e.evidence, e.person, e.presumed) for e in u.reading.evidence]
    entries += [(name, value, UNSAID, person, sentence) for name, value, sentence in presumed or []]
    for name, value, words, who, sentence in entries:
        session.evidence = [x for x in session.evidence if not (x["name"] == name and x["person"] == who)]
        session.evidence.append({"name": name, "value": value, "evidence": words, "turn": session.turn,
                                 "person": who, "presumed": sentence})


def facts_out(session: Session) -> list[FactOut]:
    """我理解的信息: every fact taken from the conversation, with its words, turn and person."""
    return [FactOut(label=where(tuple(e["name"].split("."))), **e) for e in session.evidence]


def remember(session: Session, u: Understanding) -> None:
    """Facts told before any question are kept for the questions to come (if they are possible)."""
    for person in ("self", "other"):
        remember_frame(session, u, person)
    note_evidence(session, u)


def remember_frame(session: Session, u: Understanding, person: str) -> None:
    """Keep one person's facts of this message ("我儿子学的土木…我自己是…": both are kept, each in its frame)."""
    said = u.reading.frames[person]
    if not said:
        return
    try:
        parse_facts(session.merged(said, person))
    except UserError:
        return
    session.store(session.merged(said, person), person)


NEXT_PERSON = re.compile(r"第\s*[二三四五六七八九2-9]\s*(个|位|名)|另(一|外一)?(个|位)|还有(一)?(个|位)|下一(个|位)|"
                         r"再(问|说)(一)?(个|位)")  # "第二个：大专，自动化…": someone else, not a second degree


def with_degrees(held: dict, said: dict, message: str = "") -> dict:
    """A degree of another level told in a later turn ("他硕士毕业，是工商管理硕士MBA" → "本科是机械工程的") is a
    second degree, not a correction of the first: both are kept (`other_degrees`) and the rules weigh the one
    in the field. The higher level stays the one named first (as a single message reads them)."""
    level, major = said.get("education_level"), said.get("major")
    before, before_major = held.get("education_level"), held.get("major")
    if not (level and major and before and before_major) or level == before or NEXT_PERSON.search(message):
        return said
    order = ["高中及以下", "中专", "大专", "本科", "第二学士", "硕士", "博士"]
    new, old = {"education_level": level, "major": major}, {"education_level": before, "major": before_major}
    high, low = (new, old) if order.index(level) > order.index(before) else (old, new)
    others = [d for d in held.get("other_degrees") or [] if d != high and d != low]
    return {**said, **high, "other_degrees": [*others, low]}


def with_start_moved(held: dict, said: dict, message: str) -> dict:
    """"2020年7月毕业，一直在电器厂做技术" → "记错了，是2019年7月毕业的": a start of work that was the graduation
    date moves with it when the date is corrected, unless the new message says its own (a second degree's
    graduation, "后来又读了个成人大专，去年毕业", moves nothing)."""
    old, new = held.get("graduation_date"), said.get("graduation_date")
    if old and new and new != old and held.get("work_start_date") == old and "work_start_date" not in said and \
            MARKER.search(message) and said.get("education_level") in (None, held.get("education_level")):
        return {**said, "work_start_date": new}
    return said


def with_bonus(held: dict, said: dict, u: Understanding, person: str) -> dict:
    """"我去年工资条加起来是28.6万" → "哦还有年终奖4万没算进去": a bonus told after the year's pay adds to it (said
    aloud); with no pay known before, a bonus alone is no year's pay and is dropped."""
    achieved = dict(said.get("achievements") or {})
    extra = achieved.pop("salary_addition_yuan", None)
    if extra is None:
        return said
    u.reading.evidence = [e for e in u.reading.evidence if e.name != "achievements.salary_addition_yuan"]
    base = (held.get("achievements") or {}).get("annual_salary_yuan")
    if base is not None and "annual_salary_yuan" not in achieved:
        achieved["annual_salary_yuan"] = total = base + extra
        u.reading.evidence.append(Evidence("achievements.annual_salary_yuan", total, "没算进去", person,
                                           f"年薪按{base / 10000:g}万元＋{extra / 10000:g}万元＝{total / 10000:g}万元计算（含税）"))
    return {**said, "achievements": achieved} if achieved else {k: v for k, v in said.items() if k != "achievements"}


def started_work(session: Session) -> tuple[str | None, bool]:
    """The applicant's start of work known so far (or graduation, from which it is presumed) and whether a break
    was already taken off it: a break told later counts from it, a return to work told later does not replace it."""
    start = session.facts.get("work_start_date") or session.facts.get("graduation_date")
    broken = any(e["name"] == "work_start_date" and "扣除" in (e.get("presumed") or "") for e in session.evidence)
    return (str(start) if start else None), broken
