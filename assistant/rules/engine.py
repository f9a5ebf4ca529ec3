"""Answer one question about one applicant: rule code in, a cited, traced verdict out.

The question decides the outcome; the other gates an applicant must also pass are evaluated too
and returned as reminders, so a settled question is answered, not turned into more questions. A
gate that bars this year's application (第十九条, 第二十条, 二（二）7（5）, 六（三）: 不得申报) and is
known not to be met makes an eligibility answer not_eligible; an unknown one stays a reminder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.config import load_settings
from assistant.documents.corpus import Corpus, load_corpus
from assistant.errors import UserError
from assistant.rules import gates
from assistant.rules.achievements import dated_reminder, main_finisher
from assistant.rules.assessment import assessment
from assistant.rules.breakthrough import breakthrough_general, breakthrough_outstanding
from assistant.rules.ce_hours import ce_hours
from assistant.rules.dates import add_years
from assistant.rules.deadlines import ce_registration, deadline, publicity
from assistant.rules.education import (
    assistant_engineer_normal,
    degree_counted,
    engineer_normal,
    major_in_catalogue,
    years_required,
)
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, Truth, all_of, any_of, leaf
from assistant.rules.params import Parameters, parameters_for
from assistant.rules.performance import performance
from assistant.rules.photo import photo, photo_given
from assistant.rules.skip_level import skip_level
from assistant.rules.transfer import HOME_SERIES, series_ready, transfer_question
from assistant.rules.verdict import OUTCOME, Reminder, Verdict, citations_for, missing_facts, trace_of

ROUTES = {"engineer.normal": "正常申报", "breakthrough_general": "一般破格", "breakthrough_outstanding": "业绩突出破格",
          "skip_level": "越级申报", "assistant_engineer.normal": "正常申报"}


def engineer(facts: Facts, p: Parameters) -> Check:
    """best_route for 工程师: the normal route, 一般破格, 业绩突出破格 and 越级, in that order."""
    return any_of("engineer", ["附件2/第四条/（二）", "附件2/第六条", "附件2/第七条"],
                  [engineer_normal(facts, p), breakthrough_general(facts, p), breakthrough_outstanding(facts, p),
                   skip_level(facts, p)], "申报工程师：正常申报、一般破格、业绩突出破格或越级，符合其一即可。")


def breakthrough(facts: Facts, p: Parameters) -> Check:
    """"能破格吗": 一般破格 or 业绩特别突出, whichever the facts meet."""
    return any_of("breakthrough", ["附件2/第六条"], [breakthrough_general(facts, p), breakthrough_outstanding(facts, p)],
                  "破格申报工程师：一般破格或业绩特别突出破格，符合其一即可。")


QUESTIONS: dict[str, tuple[str, Callable[[Facts, Parameters], Check]]] = {
    "assistant_engineer": ("能否申报助理工程师（学历、资历）", assistant_engineer_normal),
    "engineer": ("能否申报工程师（正常、破格或越级）", engineer),
    "engineer_normal": ("能否正常申报工程师", engineer_normal),
    "breakthrough": ("能否破格申报工程师", breakthrough),
    "breakthrough_general": ("能否一般破格申报工程师", breakthrough_general),
    "breakthrough_outstanding": ("能否以业绩特别突出破格申报工程师", breakthrough_outstanding),
    "skip_level": ("能否越级申报工程师", skip_level),
    "transfer": ("是否须要转评", transfer_question),
    "major": ("所学专业是否属于机电本专业或相近专业", major_in_catalogue),
    "ce_hours": ("继续教育学时是否达到要求", ce_hours),
    "photo": ("证件照是否符合要求", photo),
    "photo_given": ("证件照（按给出的信息）是否符合要求", photo_given),
    "deadline": ("办理时间是否在规定时间内", deadline),
    "ce_registration": ("培训学时能否在这个月登记", ce_registration),
    "publicity": ("单位公示天数是否够", publicity),
    "social_insurance": ("社保是否符合要求", gates.social_insurance),
    "rule_2021": ("2021年未通过者能否申报", gates.rule_2021),
    "disqualification": ("是否有取消评审资格的情形", gates.disqualification),
    "papers": ("论文是否符合要求", gates.papers),
    "performance": ("任现职期间的经历、业绩与成果是否符合", performance),
    "assessment": ("年度考核是否符合", assessment),
    "degree_documents": ("学历认证须提供哪些材料", gates.degree_documents),
    "transferred_title": ("调入人员的原资格是否已审定确认", gates.transferred_title),
    "application_place": ("在哪里申报、须办什么手续", gates.application_place),
    "main_finisher": ("排名是否属于主要完成者", main_finisher),
    "practical_assessment": ("实操考评是否合格", gates.practical_assessment),
    "penalty": ("处罚是否影响本年度申报", lambda f, p: _needs_target(f) or gates.penalty(f, p, *_qualifying_date(f, p))),
}
ELIGIBILITY = {"assistant_engineer", "engineer", "engineer_normal", "breakthrough", "breakthrough_general",
               "breakthrough_outstanding", "skip_level"}


def _needs_target(facts: Facts) -> Check | None:
    """Which years count depends on the title applied for: asked, never assumed."""
    if facts.target is not None:
        return None
    return leaf("target", ["附件1/四", "附件2/第二十条"], None, "需要知道申报助理工程师还是工程师。", needs=["target"])


def _qualifying_date(facts: Facts, p: Parameters) -> tuple[date | None, list[str]]:
    """When the 学历/资历 years are (or will be) met, the date 第二十条 counts a penalty's delay from,
    with the facts still needed to know it. An applicant without the required education (中专, or an
    unrelated major) meets the years of 学历破格 (附件1 三1: 4 years as 助理工程师)."""
    if facts.target == "助理工程师":
        years = p.value("assistant_engineer.work_years").get(facts.education_level or "")
        needs = ["education_level"] if years is None else []
        start, start_name = facts.work_start_date, "work_start_date"
    else:
        years, needs, _ = years_required(facts, p)
        start, start_name = facts.title_appointed_date, "title_appointed_date"
    needs = needs + ([start_name] if start is None else [])
    return (None if needs else add_years(start, years)), needs


def _bars(facts: Facts, p: Parameters) -> list[Check]:
    """The gates that, not met, forbid this year's application whatever the route (不得申报)."""
    said = ([gates.in_service(facts, p)] if facts.retired is not None else []) + (  # asked of no one; read when said
        [gates.conduct(facts, p)] if facts.sanctions is not None else []) + (
        [gates.professional(facts, p)] if facts.professional_work is False else [])
    return [*said, gates.rule_2021(facts, p), gates.penalty(facts, p, *_qualifying_date(facts, p)),
            gates.disqualification(facts, p)]


def _reminders(question: str, facts: Facts, p: Parameters) -> list[Check]:
    if question not in ELIGIBILITY:
        return []
    asked = facts if facts.target is not None else facts.model_copy(update={"target": _TARGET.get(question, "工程师")})
    checks = [assessment(asked, p), gates.social_insurance(facts, p), *_bars(facts, p), gates.papers(facts, p),
              ce_hours(facts, p), gates.degree_documents(facts, p), gates.transferred_title(facts, p)] + (
        [gates.application_place(facts, p)] if facts.posted_outside_city or facts.outside_personnel else [])  # read when said
    if question == "assistant_engineer":
        return checks
    return checks + [gates.practical_assessment(facts, p)] + ([dated_reminder(facts, p)] if question != "engineer_normal" else [])


_TARGET = {"assistant_engineer": "助理工程师"}


def _requirements(question: str, facts: Facts, p: Parameters) -> list[Check]:
    """Conditions every application must meet besides the route (年度考核 二（二）5, 社保 二（二）7（3）,
    继续教育 二（二）1): unknown, a reminder; known not met, the application does not meet them."""
    asked = facts if facts.target is not None else facts.model_copy(update={"target": _TARGET.get(question, "工程师")})
    held_elsewhere = question != "assistant_engineer" and facts.title_series and HOME_SERIES not in facts.title_series
    # 第五条: a title of another series is transferred to 机电 and held a year before the next level, by any route
    return [assessment(asked, p), gates.social_insurance(facts, p), ce_hours(facts, p),
            *([series_ready(facts, p)] if held_elsewhere else [])]


def _barred(question: str, main: Check, facts: Facts, p: Parameters) -> Check:
    """An eligibility answer with a bar or a requirement known not met: not this year, whatever the route says."""
    if question not in ELIGIBILITY:
        return main
    bars = _bars(facts, p)
    barred = [bar for bar in bars if bar.truth is Truth.NOT_MET]
    unmet = [req for req in _requirements(question, facts, p) if req.truth is Truth.NOT_MET]
    open_bars = [bar for bar in bars if bar.truth is Truth.UNKNOWN and _raised(bar)]
    if not barred and not unmet and open_bars and main.truth is not Truth.NOT_MET:
        # "…罚款3000元，能报中级吗": a bar the applicant's own facts raised, still open, is asked, not left as a reminder
        return all_of("application", sorted({c for check in open_bars for c in check.clauses}), [main, *open_bars],
                      "还须确认：" + "；".join(bar.sentence.rstrip("。") for bar in open_bars) + "。")
    if not barred and not unmet:
        return main
    said = (f"本年度不得申报：{'；'.join(bar.sentence.rstrip('。') for bar in barred)}。" if barred else "") + (
        f"不符合申报要求：{'；'.join(req.sentence.rstrip('。') for req in unmet)}。" if unmet else "")
    return all_of("application", sorted({c for check in barred + unmet for c in check.clauses}), [main, *barred, *unmet],
                  said + ("学历、资历等申报条件本身已符合，但受上述限制。" if main.met else ""))


def _route(check: Check) -> str | None:
    candidates = check.children if check.rule in ("engineer", "breakthrough") else [check]
    met = next((c for c in candidates if c.met), None)
    return ROUTES.get(met.rule) if met else None


def check(question: str, facts: Facts, corpus: Corpus | None = None, year: int = 2022,
          cutoff: date | None = None) -> Verdict:
    """The verdict; `cutoff` projects service years to another day under this year's rules ("那明年呢")."""
    if question not in QUESTIONS:
        raise UserError(f"未知的问题类型“{question}”（可选：{'、'.join(QUESTIONS)}）。")
    p = parameters_for(year)
    if cutoff is not None:  # the opening day moves with the cut-off: a year later is a year later for both
        shift = cutoff.year - p.value("cutoff_date").year
        p = p.projected("cutoff_date", cutoff).projected("application_date", add_years(p.value("application_date"), shift))
    corpus = corpus or load_corpus(load_settings().corpus_dir)
    label, rule = QUESTIONS[question]
    facts = degree_counted(facts, p)  # of several degrees, the one in the field applied for (第四条（三）)
    answer = rule(facts, p)
    main = _barred(question, answer, facts, p)
    if facts.dates_to_month:
        main.sentence += "（" + "".join(_month_only(facts)) + "）"
    route = _route(answer) if main is answer else None
    every = _reminders(question, facts, p)
    reminders = [r for r in every if r.truth is not Truth.MET]
    settled = [r for r in every if r.truth is Truth.MET and _raised(r)]
    return Verdict.model_construct(
        question=label, question_id=question, outcome=OUTCOME[main.truth], route=route, trace=trace_of(main),
        citations=citations_for([main, *reminders], corpus), missing=missing_facts(main),
        reminders=[Reminder.model_construct(rule=r.rule, result=r.truth.value, sentence=r.sentence, clauses=r.clauses,
                                            missing=r.missing) for r in reminders],
        notes=_notes(main, p) + _month_only(facts),
        settled=[Reminder.model_construct(rule=r.rule, result=r.truth.value, sentence=r.sentence, clauses=r.clauses)
                 for r in settled])


def _raised(check: Check) -> bool:
    """A gate the applicant's facts engaged (a failure in 2021, a penalty, months insured…), not one met by
    default: its leaves read a fact that says something happened."""
    return any(value not in (None, False, [], {}, "无", 0) for node in check.walk() for value in node.facts.values())


def _month_only(facts: Facts) -> list[str]:
    """Dates given to the month only were read as the month's first day: a judgement, said aloud."""
    from assistant.rules.facts import FACT_NAMES

    return [f"{FACT_NAMES.get(name, name)}只给到月份，按该月1日计算（判断）；年限计算到12月31日，周年数不受影响。"
            for name in facts.dates_to_month or []]


def _notes(main: Check, p: Parameters) -> list[str]:
    """Readings of the notice that needed a judgement, for the parameters this verdict used."""
    used = {name for node in main.walk() for name in node.params}
    notes = []
    for param in p.all():
        short = param.name.rsplit(".", 1)[-1]
        if param.note and (param.name in used or short in used):
            notes.append(f"{param.name}：{param.note}")
    return notes
