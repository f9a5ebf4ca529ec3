"""The offline assistant: rule code plus retrieval, no model.

A turn reads the message's facts into the session, decides which engine question it asks (or
that it is informational, or out of scope), and answers with the engine's verdict or the best
clauses, always citing the clauses verbatim. Bad input gets a Chinese reply and leaves the
session as it was.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.config import Settings, load_settings
from assistant.conversation.contract import Answer, CitationOut, MissingOut, VerdictOut
from assistant.conversation.hours_answer import activity_hours
from assistant.conversation.informational import Informational
from assistant.conversation.memory import (
    correct,
    facts_out,
    forget_presumptions,
    note_evidence,
    re_attribute,
    remember,
    remember_frame,
    started_work,
    with_bonus,
    with_degrees,
    with_start_moved,
)
from assistant.conversation.service_years import BREAKTHROUGH_CLAUSES, nearest_route, years_line
from assistant.conversation.service_years import CLAUSES as SERVICE_CLAUSES
from assistant.conversation.session import Session
from assistant.conversation.several import combined, people
from assistant.conversation.smalltalk import opening, smalltalk
from assistant.conversation.spans import settle_spans
from assistant.conversation.turn import (
    FOLLOW_UP_CHARS,
    GATE_CLAUSES,
    OUR_TITLES,
    about_them,
    in_english,
    other_questions,
    problem_with,
    said_after,
    target_for,
    weighted_query,
)
from assistant.conversation.wording import ASKED_AT_ONCE, cited_ids, item_counts, verdict_text
from assistant.errors import UserError
from assistant.language.achieved import NOT_ITEMS
from assistant.language.asking import OTHER_MATTER, STATUS_ASK, topic_question
from assistant.language.clauses import NOTE_LABEL
from assistant.language.corrections import completed, corrected
from assistant.language.extract import prepare, understand
from assistant.language.hours import HOURS_ASKED, has_activities, late_registration
from assistant.language.intent import GENERIC, OTHER_PLACES, WEAK_OUT_OF_SCOPE, classify
from assistant.language.people import people_named, picked_from_list
from assistant.language.presume import COUNTS, presume
from assistant.language.question import decide
from assistant.language.reading import Evidence
from assistant.language.replies import BOOL_FACTS
from assistant.rules.dates import cn_date
from assistant.rules.engine import ELIGIBILITY, check
from assistant.rules.facts import parse_facts
from assistant.rules.params import parameters_for
from assistant.rules.verdict import Verdict

WEAK_REASONS = {*WEAK_OUT_OF_SCOPE, *OTHER_PLACES}  # said in passing ("不是公务员", "之前在江苏交社保")
NEXT_YEAR = re.compile(r"(那|那么|如果|要是)?(到)?明年(呢|可以吗|能报吗|行吗|能不能报|可不可以|行不行|够了吗|够吗)?[?？。!！]*")
COMPARED = re.compile(r"(跟|和|与|同|比)(中工|中级|工程师|助工|助理工程师|初级)(比|相比|比较|差不多)?|"  # "条件跟中工比咋样"
                      r"(中工|中级|工程师|助工|助理工程师|初级)(职称)?(已经)?(拿了|聘了|评了|评上|拿到|取得|当了)")  # "中级拿了五年"
RESET_WORDS = ("重新开始", "清空", "重来", "重置")
ASKS_TO_APPLY = re.compile(r"(能|可以|可不可以|能不能|能否)(报|评|申报)|想(报|评|申报|问)|"
                           r"(问|咨询|了解)(下|一下)?(助理工程师|助工|工程师|中级|初级)")


class OfflineAssistant(Informational):
    def __init__(self, settings: Settings | None = None):
        from assistant.retrieval.search import get_searcher

        self.settings = settings or load_settings()
        self.searcher = get_searcher(self.settings)
        self.corpus = self.searcher.corpus
        self.reference = date.fromisoformat(self.settings.reference_date)
        self.cards = None  # the answer cards' index, built when an informational question first needs it

    def answer(self, session: Session, message: object, read: list[Evidence] | None = None) -> Answer:
        """The answer to `message`; `read`: facts a language model read from it, each with its words, taken
        where the rules' own reading found nothing (they decide nothing by themselves: the engine does)."""
        answer = self._answer(session, message, read)
        if in_english(message) and answer.kind != "problem":  # read through the glossary, answered in Chinese: said
            answer = answer.model_copy(update={"answer": f"（您用英文提问，已按其中的规定用语理解，以下用中文回答。）\n{answer.answer}"})
        return answer

    def _also_cited(self, answer: Answer, ids: list[str]) -> list:
        """The answer's citations and the clauses of a line added to it, each once."""
        return [*answer.citations, *(c for c in self._cite(ids) if c.id not in {x.id for x in answer.citations})]

    def _answer(self, session: Session, message: object, read: list[Evidence] | None = None) -> Answer:
        problem = problem_with(message, self.settings.max_message_chars)
        if problem:
            return Answer(answer=problem, mode="offline", verdict=None, citations=[], kind="problem")
        text = prepare(message)
        if any(word in text for word in RESET_WORDS) and len(text) <= 12:
            session.reset()
            return Answer(answer="好的，已清空之前的信息，请重新提问。", mode="offline", verdict=None, citations=[])
        if reply := smalltalk(text):
            return Answer(answer=reply, mode="offline", verdict=None, citations=[])
        if listed := people(message):  # "①张工…；②李卫东…。三个人…是不是都能报": each on their own words
            return combined(listed[0], [self.answer(Session(), f"{p.words}。{listed[1]}") for p in listed[0]])
        if picked := picked_from_list(text, session.roster, session.person):
            message = picked  # the list's facts were read as one person's: read again for the one picked
            session.other, session.evidence = {}, [e for e in session.evidence if e["person"] != "other"]
        elif len(people_named(text, session.person)) >= 2:
            session.roster = text
        u = understand(message, self.reference, pending=session.pending, subject=session.person, also=session.asked_too,
                       before=session.last_text if len(text) <= FOLLOW_UP_CHARS * 3 else "", started=started_work(session),
                       caller=session.caller)
        if session.recent and (told_before := _told_before(u, text, session.question)) and \
                told_before((joined := understand("，".join([*session.recent, text]), self.reference,
                                                  subject=session.person)).reading.frames[joined.person]):
            u = joined  # "我在核心期刊发了一篇论文" … "三个作者，我排第二" … "那能登记几个学时": the activity told before
        if session.caller is None and NOTE_LABEL.match(text):
            session.caller = u.person  # "来电：女，大专…" → "更正：来电人说记错了，她是…": the same caller
        # a message that corrected itself ("学的是机械制造与 不对是机械设计…") corrects nothing said before
        if re_attribute(session, text, self.reference):
            fixed = None  # "哦不是同事，是我自己": whose the facts are, not a value, was wrong
        elif fixed := (None if u.corrected else corrected(text, session.last_text)) or completed(text, session.last_text):
            correct(session, u, fixed, self.reference)
        for fact in read or []:
            if u.reading.get(fact.name, u.person) is None:
                u.reading.set(fact.name, fact.value, fact.evidence, u.person)
        before, session.last_text, session.recent = session.last_text, text, [*session.recent[-1:], text]
        whole = classify(text)
        scope = classify(u.asked.text) if u.asked else whole
        after_ask = bool(u.asked) and said_after(text, u.asked.text, whole.reason)
        if u.asked and not scope.out_of_scope and whole.out_of_scope and whole.reason not in WEAK_REASONS and not after_ask and (
                not set(scope.topics) - GENERIC or
                whole.other_review and not OUR_TITLES.search(COMPARED.sub("", text.replace(whole.reason, "")))):
            scope = whole  # "高级工程师今年什么时候申报，要什么条件？", "我们总工想报高级工程师…要几篇论文": the subject is before
        last = re.split(r"[,，。;；]", text.strip("?？!！。 "))[-1]  # "差几个月是吧，那明年呢"
        next_year = bool(NEXT_YEAR.fullmatch(last.strip())) and session.question in ELIGIBILITY
        told = u.asked is None and scope.reason in WEAK_REASONS and any(u.reading.frames.values())  # "…计划明年6月验收。"
        if scope.out_of_scope and not next_year and not told:
            remember(session, u)  # "我2018年评的工程师…想问高工": not answered, but the standing told is kept for what follows
            return self._with_facts(self.refuse(scope.reason, scope.other_review), session)
        person = session.person = u.person
        forget_presumptions(session, person)
        held = session.facts if person == "self" else session.other
        presumed = {e.name.split(".")[0] for e in u.reading.evidence if e.presumed and e.person == person}
        said = {k: v for k, v in u.reading.frames[person].items() if fixed or not (k in presumed and k in held)}
        # (a presumption does not replace what was said before — unless the message corrects what it was presumed from)
        said = said if fixed else with_degrees(held, said, text)  # a correction replaces; a new turn's degree adds
        said = with_start_moved(held, with_bonus(held, said, u, person), text)
        known = session.merged(said, person)
        question, intent = decide(u, said, text, session.question, known)
        if session.pending in BOOL_FACTS and session.pending in said and not u.asked and session.question:
            question = session.question  # "2022年有新业绩吗？" → "今年新授权了一个实用新型专利": the reply, not a new question
        if next_year:
            question = session.question  # "那明年呢": the same question, its years counted to next year's end
        elif question and question == session.question and session.topic and not said and not u.asked:
            question = None  # "要多少学时" → "四年一共": a fragment after an informational answer continues it
        if question == "hours_for_activity" and "ce" not in said:
            question = None  # the activity asked about before is not this message's: nothing to sum
        if question is None and ASKS_TO_APPLY.search(text) and not set(said) - {"target"} and not session.facts and \
                set(intent.topics) <= {"助理工程师", "工程师"}:  # "我能报吗", "我想问下助理工程师": nothing said yet
            remember(session, u)
            session.pending = None if said.get("target") else "target"
            return self._with_facts(Answer(answer=opening(), mode="offline", verdict=None, citations=[]), session)
        if question is None:
            remember(session, u)
            session.question = topic_question(u, text) or session.question
            if u.asked and STATUS_ASK.search(text) and not OTHER_MATTER.search(u.asked.text) and (
                    status := [c for c in self._card_index().cards if c.applies(known)]):
                session.topic = ""  # "单位派我去安徽项目部…职称在哪里报": the card of what they said they are (通知三)
                return self._with_facts(self._cards_answer(status), session)
            engaged = [GATE_CLAUSES[f] for f in said if f in GATE_CLAUSES]
            several = self._several_cards([c.text for c in u.clauses if c.asks and len(c.text) >= 4])
            query = weighted_query(text, u, session.topic or before)
            if late_registration(text):  # the rule of when hours register, not the rates of the activity told before
                query = f"{text}，{text}，当月申报，学时只能登记到当年"
            session.topic = query[:80]  # a chain of short follow-ups keeps the subject it started with
            return self._with_facts(several or self._search(query, engaged), session)
        if question == "hours_for_activity":
            remember(session, u)
            session.question, session.topic = question, ""  # a follow-up ("那…呢，也是7天") is summed the same way
            return self._with_facts(activity_hours(said, self._cite), session)
        known, presumed = presume(known, question, u.asked.text if u.asked else text)
        facts, presumed_target = target_for(question, known)
        try:
            parsed = parse_facts(facts)
        except UserError as exc:
            return Answer(answer=f"{exc.message}。请检查后再说一次，之前的信息仍然保留。", mode="offline", verdict=None,
                          citations=[])
        cutoff = parameters_for(2022).value("cutoff_date")
        projected = cutoff.replace(year=cutoff.year + 1) if next_year else None
        verdict = check(question, parsed, self.corpus, cutoff=projected)
        facts, verdict, open_spans = settle_spans(facts, verdict, u.reading.spans,
                                                  lambda f: check(question, f, self.corpus, cutoff=projected))
        if open_spans:  # the range decided nothing: neither end is kept or said
            dropped = {s.name for s in u.reading.spans} - set(facts)
            known = {k: v for k, v in known.items() if k not in dropped}
            u.reading.evidence = [e for e in u.reading.evidence if e.name not in dropped]
        session.store(known if presumed_target else facts, person)  # a target we presumed is not one they said
        remember_frame(session, u, "other" if person == "self" else "self")
        session.question, session.topic = question, ""
        session.pending = verdict.missing[0].fact if verdict.missing else None
        session.asked_too = [m.fact for m in verdict.missing[1:ASKED_AT_ONCE]]
        note_evidence(session, u, presumed, person)
        assumptions = list(dict.fromkeys(open_spans + u.reading.notes + [e["presumed"] for e in session.evidence
                                                             if e["presumed"] and e["person"] == person]))
        if presumed_target and verdict.outcome != "need_more_info":
            assumptions.append(presumed_target)
        if person == "self":  # an eligibility answer rests on everything presumed so far; a photo answer on its own
            session.assumptions = list(dict.fromkeys(session.assumptions + assumptions))
            assumptions = session.assumptions if question in ELIGIBILITY else assumptions
        answer = self._with_rule(self.from_verdict(verdict, assumptions), verdict, message)
        named = {k for k, v in (said.get("achievements") or {}).items() if v not in (None, "无", 0, False)} - set(NOT_ITEMS)
        if named and u.asked and (re.search(COUNTS, u.asked.text) or verdict.outcome == "need_more_info") and \
                (counts := item_counts(verdict, named)):  # ("年薪28万能越级吗": what was told, judged first, while more is asked)
            answer = answer.model_copy(update={"answer": f"{counts}\n{answer.answer}"})  # "县级劳模算破格条件吗": that first
        if verdict.outcome == "need_more_info" and u.asked and (line := years_line(said, u.asked.text, cutoff)):
            answer = answer.model_copy(update={"answer": f"{line}\n{answer.answer}",  # the figure asked, first
                                               "citations": self._also_cited(answer, SERVICE_CLAUSES)})
        if question == "engineer_normal" and verdict.outcome == "not_eligible" and verdict.trace[0].rule != "application" and \
                (hint := nearest_route(parsed, parameters_for(2022))):  # short by a year or less: 资历破格, what it needs
            cited = self._also_cited(answer, BREAKTHROUGH_CLAUSES)
            at = next((i for i in (answer.answer.find("\n（按以下理解"), answer.answer.find("\n规定原文")) if i >= 0), None)
            text_out = answer.answer if at is None else answer.answer[:at]
            answer = answer.model_copy(update={"answer": f"{text_out}\n{hint}{answer.answer[len(text_out):]}", "citations": cited})
        elif question == "engineer_normal" and "正常" not in text and verdict.outcome != "eligible" and \
                verdict.trace[0].rule != "application":  # a bar (退休, 处罚…) closes every route alike
            answer = answer.model_copy(update={"answer": answer.answer + "\n（以上按正常申报判断。如有获奖、专利、重点项目、标准起草、"
                                                                       "年薪等业绩，请告诉我，再看能否破格或越级申报。）"})
        if person == "other":
            answer = about_them(answer)
        if next_year:
            answer = answer.model_copy(update={"answer": f"按本通知（2022年度）的算法推算到{cn_date(cutoff.replace(year=cutoff.year + 1))}"
                                               f"（明年的评审以届时发布的通知为准）：\n{answer.answer}"})
        for other in other_questions(intent, said, question):
            extra = self.from_verdict(check(other, parsed, self.corpus), [])
            known_ids = {c.id for c in answer.citations}
            answer = answer.model_copy(update={
                "answer": f"{answer.answer}\n\n另外，{extra.answer}",
                "citations": [*answer.citations, *(c for c in extra.citations if c.id not in known_ids)]})
        return self._with_facts(answer, session)

    def _with_facts(self, answer: Answer, session: Session) -> Answer:
        return answer.model_copy(update={"facts": facts_out(session), "assumptions": list(session.assumptions)})

    def _with_rule(self, answer: Answer, verdict: Verdict, message: str) -> Answer:
        """Quote the rule itself: the clause, among those deciding the verdict, that best fits the question.
        An open answer ("企业技术中心成员可以破格吗", level unknown) quotes the item asked about: a clause the
        rule is still weighing that the question also finds."""
        used = set(cited_ids(verdict)) if verdict.outcome != "need_more_info" else {
            c for step in verdict.trace for c in step.clauses}
        try:
            hits = self.searcher.search(message[:500], k=20)
        except UserError:
            return answer
        best = next((h.clause for h in hits if h.clause.id in used and len(h.clause.text) <= 600), None)
        if best is None and len(answer.citations) == 1 and len(answer.citations[0].text) <= 600:
            best = answer.citations[0]  # the one clause that decided, though the words asked do not find it
        if best is None:
            return answer
        text = f"{answer.answer}\n规定原文：{best.label}：「{best.text}」"
        cited = answer.citations if best.id in {c.id for c in answer.citations} else [
            CitationOut(id=best.id, label=best.label, text=best.text), *answer.citations]
        return answer.model_copy(update={"answer": text, "citations": cited})

    def from_verdict(self, verdict: Verdict, assumptions: list[str]) -> Answer:
        return Answer(
            answer=verdict_text(verdict, assumptions, self.reference), mode="offline",
            kind="verdict",
            verdict=VerdictOut(question=verdict.question, question_id=verdict.question_id, outcome=verdict.outcome,
                               route=verdict.route,
                               missing=[MissingOut(fact=m.fact, question=m.question) for m in verdict.missing]),
            citations=self._cite(cited_ids(verdict)))


def _told_before(u, text: str, in_force: str | None):
    """What a turn asks about an activity told in earlier turns, as the test a joined reading must pass: its
    hours ("那能登记几个学时"), or when it may be registered ("现在7月了，还能补登吗"); None when nothing is."""
    frame = u.reading.frames[u.person]
    if (HOURS_ASKED.search(text) or in_force == "hours_for_activity") and not has_activities(frame, counted=True):
        return lambda joined: has_activities(joined, counted=True)
    if late_registration(text) and not frame.get("ce_activity_date"):
        return lambda joined: bool(joined.get("ce_activity_date"))
    return None
