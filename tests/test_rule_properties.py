"""Properties of the engine over generated applicants (hypothesis).

- Learning an unknown fact changes a verdict only if that fact was asked for: in its missing list, or
  in a reminder's (a gate that bars the application — 不得申报 — turns an answer not_eligible).
- The order in which facts are given never matters.
- Every citation is a clause of the corpus, with the corpus's text.
"""

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from assistant.errors import UserError
from assistant.rules.engine import QUESTIONS, check
from assistant.rules.facts import parse_facts

DATES = ["2008-03-01", "2014-12-31", "2016-01-01", "2018-12-31", "2019-01-01", "2019-06-01", "2020-01-01", "2021-12-31"]
LEVELS = ["无", "县", "市", "省", "国家"]
TOP = {
    "target": st.sampled_from(["助理工程师", "工程师"]),
    "education_level": st.sampled_from(["中专", "大专", "本科", "第二学士", "硕士", "博士"]),
    "major": st.sampled_from(["机械工程", "机电一体化", "通信工程", "会计学"]),
    "work_start_date": st.sampled_from(DATES),
    "title_level": st.sampled_from(["无", "技术员", "助理工程师"]),
    "title_series": st.sampled_from(["机电", "经济"]),
    "title_appointed_date": st.sampled_from(DATES[2:]),
    "transferred_date": st.sampled_from(["2021-06-01", "2022-06-01"]),
    "machinery_work_start_date": st.sampled_from(DATES),
    "technician_appointed_date": st.sampled_from(DATES),
    "work_category": st.sampled_from(["技术研究", "设计开发", "系统集成", "生产制造", "技术服务"]),
    "months_insured_in_city": st.integers(0, 40),
    "months_insured_in_unit": st.integers(0, 40),
    "insured_now": st.booleans(),
    "failed_2021": st.booleans(),
    "new_achievements_since_2021": st.booleans(),
    "under_investigation": st.booleans(),
    "undisclosed_discipline": st.booleans(),
    "exam_violation_in_penalty_period": st.booleans(),
    "falsification_years": st.sampled_from([[], [2018], [2020]]),
    "penalties": st.sampled_from([[], [{"date": "2021-03-01", "amount_yuan": 1000}], [{"date": "2017-01-01",
                                                                                         "technical_accident": True}],
                                [{"date": "2021-03-01", "amount_yuan": 500}]]),
    "papers": st.sampled_from([[], [{"similarity_percent": 51, "third_party_report": True}],
                               [{"similarity_percent": 20, "third_party_report": True}],
                               [{"similarity_percent": 80}], [{"similarity_percent": 10, "illegal_journal": True}]]),
    "action": st.sampled_from(["网上申报", "单位审核", "原件核查"]),
    "degree_origin": st.sampled_from(["国内", "国外", "港澳台"]),
    "graduation_date": st.sampled_from(["1989-07-01", "2012-07-01"]),
    "practical_assessment_passed": st.booleans(),
    "transferred_in": st.booleans(),
    "title_confirmed": st.booleans(),
    "action_date": st.sampled_from(["2022-08-31", "2022-10-20", "2022-10-21", "2022-11-02", "2022-11-16"]),
}
ACHIEVEMENTS = {
    "honor_level": st.sampled_from(LEVELS), "key_project_level": st.sampled_from(LEVELS),
    "tech_center_member_level": st.sampled_from(LEVELS), "tech_center_core_level": st.sampled_from(LEVELS),
    "invention_patents": st.integers(0, 3), "provincial_papers": st.integers(0, 3),
    "city_paper_awards": st.integers(0, 3), "book_published": st.booleans(), "city_professional_honor": st.booleans(),
    "main_finisher_solved_problem": st.booleans(), "standard_drafter": st.booleans(),
    "significant_benefit": st.booleans(), "high_level_talent": st.booleans(),
    "annual_salary_yuan": st.sampled_from([100000, 299999, 300000]),
    "science_award": st.sampled_from(["无", {"level": "县", "grade": 3}, {"level": "市", "grade": 1}]),
    "product_award": st.sampled_from(["无", {"level": "省", "grade": 1}, {"level": "县", "grade": 2, "kind": "工程设计奖"},
                                      {"level": "市", "grade": 1}]),
    "first_set": st.sampled_from(["无", "市", "省内", "国内"]),
    "science_worker_honor_level": st.sampled_from(LEVELS), "obtained_after_title": st.booleans(),
}


@st.composite
def applicants(draw):
    facts = {name: draw(s) for name, s in TOP.items() if draw(st.booleans())}
    achievements = {name: draw(s) for name, s in ACHIEVEMENTS.items() if draw(st.booleans())}
    if achievements:
        facts["achievements"] = achievements
    if draw(st.booleans()):
        facts["assessments"] = {y: draw(st.sampled_from(["合格", "优秀", "基本合格"])) for y in (2019, 2020, 2021)
                                if draw(st.booleans())}
    if draw(st.booleans()):
        facts["photo"] = {k: draw(v) for k, v in {"format": st.sampled_from(["jpg", "png"]),
                                                  "bytes": st.sampled_from([30720, 30721, 2_000_000]),
                                                  "width": st.sampled_from([215, 300, 321]),
                                                  "height": st.sampled_from([300, 400])}.items() if draw(st.booleans())}
    return facts


def _verdict(question, data, corpus):
    try:
        facts = parse_facts(data)
    except UserError:
        assume(False)
    return check(question, facts, corpus)


def _unknown_slots(data):
    slots = [(name, None) for name in TOP if name not in data]
    slots += [("achievements", name) for name in ACHIEVEMENTS if name not in data.get("achievements", {})]
    return slots


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=applicants(), question=st.sampled_from(sorted(QUESTIONS)), choice=st.data())
def test_learning_a_fact_not_asked_for_never_changes_the_verdict(corpus, data, question, choice):
    before = _verdict(question, data, corpus)
    slots = _unknown_slots(data)
    assume(slots)
    group, name = choice.draw(st.sampled_from(slots))
    after_data = {**data, "achievements": dict(data.get("achievements", {}))}
    fact = name if group == "achievements" else group
    if group == "achievements":
        after_data["achievements"][name] = choice.draw(ACHIEVEMENTS[name])
    else:
        after_data[group] = choice.draw(TOP[group])
    after = _verdict(question, after_data, corpus)
    asked = {m.fact for m in before.missing} | {fact for r in before.reminders for fact in r.missing}
    key = f"achievements.{fact}" if group == "achievements" else fact
    if key not in asked:
        assert after.outcome == before.outcome, (key, before.outcome, after.outcome)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=applicants(), question=st.sampled_from(sorted(QUESTIONS)), seed=st.integers(0, 10_000))
def test_order_of_facts_does_not_matter_and_citations_are_corpus_text(corpus, data, question, seed):
    verdict = _verdict(question, data, corpus)
    keys = list(data)
    random.Random(seed).shuffle(keys)
    shuffled = _verdict(question, {k: data[k] for k in keys}, corpus)
    assert shuffled.model_dump() == verdict.model_dump()
    for citation in verdict.citations:
        assert citation.text == corpus.get(citation.id).text
        assert citation.label == corpus.get(citation.id).label
