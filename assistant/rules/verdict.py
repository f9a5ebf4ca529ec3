"""The verdict: the question decided, its outcome and route, the trace, citations and what to ask."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel

from assistant.documents.corpus import Corpus
from assistant.rules.facts import FACT_NAMES
from assistant.rules.logic import Check, Truth

Outcome = Literal["eligible", "not_eligible", "need_more_info"]
OUTCOME = {Truth.MET: "eligible", Truth.NOT_MET: "not_eligible", Truth.UNKNOWN: "need_more_info"}


class TraceStep(BaseModel):
    rule: str
    depth: int
    clauses: list[str]
    result: str
    sentence: str
    facts: dict[str, Any]
    params: dict[str, Any]


class Citation(BaseModel):
    id: str
    label: str
    text: str


class MissingFact(BaseModel):
    fact: str
    question: str
    blocks: list[str]


class Reminder(BaseModel):
    rule: str
    result: str
    sentence: str
    clauses: list[str]
    missing: list[str] = []  # facts that would settle this gate (asked after the question's own)


class Verdict(BaseModel):
    question: str
    question_id: str
    outcome: Outcome
    route: str | None
    trace: list[TraceStep]
    citations: list[Citation]
    missing: list[MissingFact]
    reminders: list[Reminder]
    notes: list[str]
    settled: list[Reminder] = []  # gates the applicant's own facts met ("去年没过但今年有新业绩"): they decided too


QUESTIONS_TO_ASK = {
    "target": "您要申报助理工程师还是工程师？",
    "education_level": "您的最高学历是什么（中专、大专、本科、硕士等）？",
    "major": "您所学的专业是什么？",
    "work_start_date": "您从哪年哪月开始从事机电（或相近）专业技术工作？",
    "title_level": "您现在的专业技术职务是什么（技术员、助理工程师等）？",
    "title_series": "您现有职称属于哪个系列（机电还是其他，如经济）？",
    "title_appointed_date": "您现职务是哪年哪月聘任的？",
    "transferred_date": "您是否从其他系列转评为机电？如是，是哪年哪月转评的？",
    "technician_appointed_date": "您是哪年哪月聘任技术员的？",
    "machinery_work_start_date": "您从哪年哪月开始实际从事机电制造技术工作？",
    "work_category": "您从事哪类工作（技术研究、设计开发、系统集成、生产制造、技术服务）？",
    "months_insured_in_city": "您在本市连续缴纳社保多少个月？",
    "months_insured_in_unit": "您在现单位连续缴纳社保多少个月？",
    "insured_now": "您现在是否正常参保缴费？",
    "failed_2021": "您2021年是否参评且未通过？",
    "new_achievements_since_2021": "2022年您是否有新的业绩？",
    "penalties": "任现职期间您是否受过1000元及以上经济处罚（通报处分）或被认定为技术责任事故直接责任者？如有，是哪年哪月的？",
    "falsification_years": "您是否曾因申报弄虚作假被查处？如有，是哪一年？",
    "under_investigation": "您目前是否仍在立案调查、处理或处分期内？",
    "papers": "您是否提交论文？论文的第三方相似度检测结果是多少？",
    "action": "您要办理哪个环节（网上申报、单位审核、原件核查）？",
    "degree_origin": "您的学历是在国内、国外还是港澳台取得的？",
    "graduation_date": "您是哪年哪月毕业的？",
    "practical_assessment_passed": "您是否已参加实操考评并合格？",
    "transferred_in": "您是否从外省、地、中央部属单位调入，或是军队转业？",
    "title_confirmed": "您的原职称是否已按台州市规定完成调入审定和确认？",
    "finisher_rank": "您在完成人（发明人）中排第几？",
    "action_date": "您打算哪一天办理？",
    "ce_activity_date": "这次培训学习是哪年哪月的？",
    "publicity_start": "单位公示从哪天开始？",
    "publicity_end": "公示到哪天结束？",
    "ce_registration_date": "您打算哪个月去登记这些学时？",
    "undisclosed_discipline": "取得现资格后您是否受过处分？如有，申报材料中是否如实反映了？",
    "exam_violation_in_penalty_period": "您是否因人事考试违纪违规被记入浙江省诚信系统，且仍在处分期内？",
    "sanctions": "那次处分或处罚是因为工作（职业活动）受到的吗？",
    "achievements.obtained_after_title": "您用来申报的这些业绩成果，是否都是在聘任现职务之后取得的？",
    "achievements.science_worker_honor_level": "您获得的称号中，有没有政府颁发的“科技先进工作者”称号？是哪一级？",
    "achievements.product_award.kind": "这个奖是政府颁发的工程设计奖、工程咨询奖、工程建设奖或科技成果转化奖吗？",
}


def question_for(fact: str) -> str:
    if fact in QUESTIONS_TO_ASK:
        return QUESTIONS_TO_ASK[fact]
    head, _, rest = fact.partition(".")
    if head == "achievements":
        from assistant.rules.fact_names import ACHIEVEMENT_NAMES

        return f"您是否有“{ACHIEVEMENT_NAMES.get(rest, rest)}”？请说明级别或数量。"
    if head == "assessments":
        return f"您{rest}年度的年度考核结果是什么（优秀、合格等）？"
    if head == "ce":
        year, _, part = rest.partition(".")
        if part == "general_public":
            return f"您{year}年度一般公需科目多少学时（行业公需另计）？"
        return f"您{year}年度继续教育学时是多少（专业科目、公需科目各多少）？"
    if head == "photo":
        return {"format": "您的证件照是什么格式（JPG、PNG等）？", "bytes": "您的证件照文件多大（多少K）？"}.get(
            rest, "您的证件照是多少像素（宽×高）？")
    if head == "performance":
        return f"任现职以来，您具备“{rest}”条件中的哪几项？"
    return f"请提供：{FACT_NAMES.get(fact, fact)}。"


def missing_facts(check: Check) -> list[MissingFact]:
    """Facts whose knowledge could change the outcome, the most decisive (blocking most rules) first."""
    blocks: dict[str, list[str]] = {}
    for node in check.walk():
        if node.unknown and not node.children:
            for fact in node.missing:
                blocks.setdefault(fact, []).append(node.rule)
    ordered = sorted((f for f in check.missing if f in blocks), key=lambda f: -len(blocks[f]))
    asked: dict[str, str] = {}  # one question per wording: width and height are asked as "多少像素（宽×高）"
    for fact in ordered:
        asked.setdefault(question_for(fact), fact)
    return [MissingFact.model_construct(fact=f, question=q, blocks=blocks[f]) for q, f in asked.items()]


def trace_of(check: Check, depth: int = 0) -> list[TraceStep]:
    """The check tree, flattened; built from the engine's own data, so not re-validated (hot path)."""
    steps = [TraceStep.model_construct(rule=check.rule, depth=depth, clauses=check.clauses, result=check.truth.value,
                       sentence=check.sentence, facts=check.facts, params=check.params)]
    for child in check.children:
        steps.extend(trace_of(child, depth + 1))
    return steps


def citations_for(checks: list[Check], corpus: Corpus) -> list[Citation]:
    """Every clause a rule in the trace implements, its text taken from the corpus."""
    ids: list[str] = []
    for check in checks:
        for node in check.walk():
            ids.extend(c for c in node.clauses if c not in ids)
    return [Citation.model_construct(id=c.id, label=c.label, text=c.text) for c in map(corpus.get, ids)]
