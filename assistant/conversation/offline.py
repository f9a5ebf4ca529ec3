"""The offline assistant: rule code plus retrieval, no model.

A turn reads the message's facts into the session, decides which engine question it asks (or
that it is informational, or out of scope), and answers with the engine's verdict or the best
clauses, always citing the clauses verbatim. Bad input gets a Chinese reply and leaves the
session as it was.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from assistant.config import Settings, load_settings
from assistant.conversation.contract import Answer, CitationOut, MissingOut, VerdictOut
from assistant.conversation.session import Session
from assistant.errors import UserError
from assistant.language.extract import extract, prepare
from assistant.language.intent import Intent, classify
from assistant.rules.dates import cn_date
from assistant.rules.engine import check
from assistant.rules.facts import parse_facts
from assistant.rules.verdict import Verdict

MAX_MESSAGE = 2000
MIN_SEARCH_SCORE = 4.0  # below the lowest in-scope question of eval/retrieval.jsonl (4.4)
HOTLINE = "0576-89965795"
RESET_WORDS = ("重新开始", "清空", "重来", "重置")
# Specific topics first: "我可以破格吗" asks about 破格 even though it also names 工程师.
TOPIC_QUESTION = [("越级", "skip_level"), ("破格", "breakthrough"), ("转评", "transfer"), ("学时", "ce_hours"),
                  ("照片", "photo"), ("复评", "rule_2021"), ("截止时间", "deadline"), ("社保", "social_insurance"),
                  ("考核", "assessment"), ("论文", "papers"), ("处罚", "disqualification")]
# The facts that make a turn about a topic computable ("学时够吗" is; "研究生一门课算几个学时" is not).
RELEVANT = {"skip_level": {"achievements"}, "breakthrough": {"achievements", "title_appointed_date", "education_level"},
            "transfer": {"title_series", "machinery_work_start_date", "transferred_date"}, "ce_hours": {"ce"},
            "photo": {"photo"}, "rule_2021": {"failed_2021", "new_achievements_since_2021"}, "deadline": {"action_date"},
            "social_insurance": {"months_insured_in_city", "months_insured_in_unit", "insured_now"},
            "assessment": {"assessments"}, "papers": {"papers"}, "disqualification": {"falsification_years", "under_investigation"},
            "penalty": {"penalties"}}
OUTCOME_LEAD = {"eligible": "可以。", "not_eligible": "暂不符合。", "need_more_info": "还需要补充信息才能判断。"}
MARK = {"met": "✓", "not_met": "✗", "unknown": "?"}


def problem_with(message: object) -> str | None:
    """A Chinese reply for input that cannot be a question, or None."""
    if not isinstance(message, str) or not message.strip():
        return "请输入您的问题，例如：“大专毕业3年能报助理工程师吗？”"
    if len(message) > MAX_MESSAGE:
        return f"您的消息有 {len(message)} 字，超过 {MAX_MESSAGE} 字的上限，请精简后再问。"
    text = message.strip()
    if sum(ch.isprintable() and ch != "\ufffd" for ch in text) < len(text) * 0.9:
        return "消息中含有无法识别的字符，请用文字描述您的问题。"
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        return "没能看懂这条消息，请用文字描述您的问题，例如：“照片有什么要求？”"
    return None


def _question_for(intent: Intent, facts_said: dict, session: Session, text: str) -> str | None:
    """The engine question this turn asks, or None when it is informational."""
    if "技能人才" in intent.topics and not set(facts_said) - {"target"}:
        return None  # 技能人才 may apply (通知 二（一）): a rule to quote, not a verdict
    if "action_date" in facts_said and "截止时间" not in intent.topics:
        intent.topics.insert(0, "截止时间")  # "10月20号还能网上申报吗" is about the schedule
    for topic, question in TOPIC_QUESTION:
        if topic in intent.topics:
            if question == "breakthrough" and "突出" in text:
                question = "breakthrough_outstanding"
            elif question == "breakthrough" and "一般破格" in text:
                question = "breakthrough_general"
            if question == "disqualification" and "罚" in text and "造假" not in text and "伪造" not in text:
                question = "penalty"
            asks = intent.asks_verdict and (question != "ce_hours" or "够" in text)  # "…算学时吗" asks a rule
            if asks or set(facts_said) & RELEVANT.get(question.split("_")[0] if question.startswith(
                    "breakthrough") else question, set()):
                return question
            if not facts_said or session.question is None:
                return None
    eligibility = {"助理工程师": "assistant_engineer", "工程师": "engineer"}
    if facts_said.get("target") and (intent.asks_verdict or len(facts_said) > 1):
        return eligibility[facts_said["target"]]
    if facts_said and session.question:
        return session.question  # a follow-up that answers the last turn's questions
    if intent.asks_verdict and ("工程师" in intent.topics or "助理工程师" in intent.topics):
        return "engineer" if "工程师" in intent.topics else "assistant_engineer"
    return None


def _other_questions(intent: Intent, facts_said: dict, primary: str) -> list[str]:
    """Further computable questions in the same message ("照片…行吗？10月25日还能报吗？"): each topic
    whose own facts the message gives, besides the one answered first."""
    others = []
    for topic, question in TOPIC_QUESTION:
        key = "breakthrough" if question.startswith("breakthrough") else question
        if topic in intent.topics and question != primary and set(facts_said) & RELEVANT.get(key, set()):
            others.append(question)
    return others


def _target_for(question: str, facts: dict) -> dict:
    target = {"assistant_engineer": "助理工程师"}.get(question, "工程师" if question in (
        "engineer", "skip_level", "breakthrough_general", "breakthrough_outstanding") else None)
    return {**facts, "target": target} if target and "target" not in facts else facts


def decisive_steps(verdict: Verdict) -> list:
    """The root and the steps that decided it: when met, the met branches; when not met, the unmet ones.

    A met "any of eight" is decided by the item that is met; its seven unknown siblings are neither
    said nor cited. An unknown outcome keeps everything, since any unknown step may decide it.
    """
    root = verdict.trace[0]
    if root.result == "unknown":
        return verdict.trace
    kept, skip_below = [root], None
    for step in verdict.trace[1:]:
        if skip_below is not None and step.depth > skip_below:
            continue
        skip_below = None
        if step.result == root.result:
            kept.append(step)
        else:
            skip_below = step.depth
    return kept


def _reasons(verdict: Verdict) -> list:
    """What the answer says: the deciding steps two levels deep; for an open question, the first
    level, plus why each failed branch failed."""
    if verdict.outcome != "need_more_info":
        return [s for s in decisive_steps(verdict) if 1 <= s.depth <= 2]
    shown, parent_failed = [], False
    for step in verdict.trace[1:]:
        if step.depth == 1:
            shown.append(step)
            parent_failed = step.result == "not_met"
        elif step.depth == 2 and parent_failed and step.result == "not_met":
            shown.append(step)
    return shown


def _verdict_text(verdict: Verdict, assumptions: list[str], reference: date) -> str:
    route = f"（{verdict.route}）" if verdict.route else ""
    lines = [f"{OUTCOME_LEAD[verdict.outcome]}问题：{verdict.question}{route}。"]
    lines += [f"{'  ' * (s.depth - 1)}{MARK[s.result]} {s.sentence}" for s in _reasons(verdict)] or [verdict.trace[0].sentence]
    if verdict.missing:
        lines.append("请告诉我：" + " ".join(m.question for m in verdict.missing[:2]))
    failed = [r for r in verdict.reminders if r.result == "not_met"]
    lines += [f"✗ 另外：{r.sentence}" for r in failed]
    unsure = [r.sentence.split("：")[0].split("，")[0] for r in verdict.reminders if r.result == "unknown"]
    if unsure and verdict.outcome == "eligible":
        lines.append(f"申报前还需满足其他条件（如社保、考核、继续教育学时等），共{len(unsure)}项尚未核实。")
    if assumptions:
        lines.append(f"（推算说明：{'；'.join(assumptions)}；参照日期{cn_date(reference)}，如有出入请更正。）")
    return "\n".join(lines)


class OfflineAssistant:
    def __init__(self, settings: Settings | None = None):
        from assistant.retrieval.search import get_searcher

        self.settings = settings or load_settings()
        self.searcher = get_searcher(self.settings)
        self.corpus = self.searcher.corpus
        self.reference = date.fromisoformat(self.settings.reference_date)

    def _cite(self, ids: list[str]) -> list[CitationOut]:
        clauses = [self.corpus.get(i) for i in dict.fromkeys(ids)]
        return [CitationOut(id=c.id, label=c.label, text=c.text) for c in clauses]

    def refuse(self, why: str = "") -> Answer:
        contact = self.corpus.get("七")
        return Answer(answer=f"这个问题{('（' + why + '）') if why else ''}不在《2022年度机电工程师任职资格评审通知》的范围内，"
                             f"本助手无法回答。请致电协同创新中心 {HOTLINE} 咨询。",
                      mode="offline", verdict=None,
                      citations=[CitationOut(id=contact.id, label=contact.label, text=contact.text)])

    def answer(self, session: Session, message: object) -> Answer:
        problem = problem_with(message)
        if problem:
            return Answer(answer=problem, mode="offline", verdict=None, citations=[])
        text = prepare(message)
        if any(word in text for word in RESET_WORDS) and len(text) <= 12:
            session.reset()
            return Answer(answer="好的，已清空之前的信息，请重新提问。", mode="offline", verdict=None, citations=[])
        intent = classify(text)
        if intent.out_of_scope:
            return self.refuse(intent.reason)
        said = extract(message, self.reference, context=session.question)
        question = _question_for(intent, said.facts, session, text)
        if question is None:
            self._remember(session, said)
            return self._search(message)
        facts = _target_for(question, session.merged(said.facts))
        try:
            parsed = parse_facts(facts)
        except UserError as exc:
            return Answer(answer=f"{exc.message}。请检查后再说一次，之前的信息仍然保留。", mode="offline", verdict=None,
                          citations=[])
        verdict = check(question, parsed, self.corpus)
        session.facts, session.question = facts, question
        session.assumptions = list(dict.fromkeys(session.assumptions + said.assumptions))
        answer = self._with_rule(self.from_verdict(verdict, session.assumptions), verdict, message)
        for other in _other_questions(intent, said.facts, question):
            extra = self.from_verdict(check(other, parsed, self.corpus), [])
            known = {c.id for c in answer.citations}
            answer = answer.model_copy(update={
                "answer": f"{answer.answer}\n\n另外，{extra.answer}",
                "citations": [*answer.citations, *(c for c in extra.citations if c.id not in known)]})
        return answer

    def _remember(self, session: Session, said) -> None:
        """Facts told before any question are kept for the questions to come (if they are possible)."""
        if not said.facts:
            return
        try:
            parse_facts(session.merged(said.facts))
        except UserError:
            return
        session.facts = session.merged(said.facts)
        session.assumptions = list(dict.fromkeys(session.assumptions + said.assumptions))

    def _with_rule(self, answer: Answer, verdict: Verdict, message: str) -> Answer:
        """Quote the rule itself: the clause, among those deciding the verdict, that best fits the question."""
        used = {c for step in decisive_steps(verdict) for c in step.clauses}
        try:
            hits = self.searcher.search(message[:500], k=20)
        except UserError:
            return answer
        best = next((h.clause for h in hits if h.clause.id in used and len(h.clause.text) <= 600), None)
        if best is None:
            return answer
        text = f"{answer.answer}\n规定原文：{best.label}：「{best.text}」"
        cited = answer.citations if best.id in {c.id for c in answer.citations} else [
            CitationOut(id=best.id, label=best.label, text=best.text), *answer.citations]
        return answer.model_copy(update={"answer": text, "citations": cited})

    def from_verdict(self, verdict: Verdict, assumptions: list[str]) -> Answer:
        main_ids = [c for step in decisive_steps(verdict) for c in step.clauses]
        failed_ids = [c for r in verdict.reminders if r.result == "not_met" for c in r.clauses]
        return Answer(
            answer=_verdict_text(verdict, assumptions, self.reference), mode="offline",
            verdict=VerdictOut(question=verdict.question, outcome=verdict.outcome, route=verdict.route,
                               missing=[MissingOut(fact=m.fact, question=m.question) for m in verdict.missing]),
            citations=self._cite(main_ids + failed_ids))

    def _search(self, message: str) -> Answer:
        try:
            hits = self.searcher.search(message[:500], k=3)
        except UserError as exc:
            return Answer(answer=exc.message, mode="offline", verdict=None, citations=[])
        if not hits or hits[0].score < MIN_SEARCH_SCORE:
            return self.refuse()
        best = [hits[0]] + [h for h in hits[1:2] if h.score >= hits[0].score * 0.6]
        quoted = "\n".join(f"{h.clause.label}：「{h.clause.text}」" for h in best)
        return Answer(answer=f"通知中的相关规定如下：\n{quoted}\n如需判断您本人是否符合，请告诉我您的学历、专业、工作和聘任时间等情况。",
                      mode="offline", verdict=None, citations=self._cite([h.clause.id for h in best]))


