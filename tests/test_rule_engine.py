"""The engine's contract: parameters cite real clauses, impossible facts are refused in Chinese,
years count in full anniversaries, and the `check` command prints a verdict with its trace."""

import json
from datetime import date

import pytest

from assistant.errors import UserError
from assistant.rules.dates import full_years
from assistant.rules.engine import check
from assistant.rules.facts import parse_facts
from assistant.rules.params import parameters_for
from tests.conftest import run_cli


def test_every_parameter_cites_existing_clauses(corpus):
    params = parameters_for(2022).all()
    assert len(params) > 40
    for param in params:
        assert param.clauses, param.name
        for clause_id in param.clauses:
            assert corpus.has(clause_id), (param.name, clause_id)
        if param.name.endswith("row_clauses"):  # values that are clause ids must exist too
            assert all(corpus.has(c) for c in param.value.values()), param.name


def test_unknown_policy_year_is_a_chinese_error():
    with pytest.raises(UserError, match="2021"):
        parameters_for(2021)


@pytest.mark.parametrize("start, end, years", [
    (date(2018, 12, 31), date(2022, 12, 31), 4),  # the anniversary day itself completes the year
    (date(2019, 1, 1), date(2022, 12, 31), 3),  # 3 years 11 months
    (date(2019, 2, 1), date(2022, 12, 31), 3),
    (date(2022, 12, 31), date(2022, 12, 31), 0),
    (date(2023, 1, 1), date(2022, 12, 31), 0),
])
def test_full_years_boundaries(start, end, years):
    assert full_years(start, end) == years


@pytest.mark.parametrize("facts, named", [
    ({"graduation_date": "2023-07-01"}, "毕业时间"),
    ({"ce": {"2019": {"professional": -5}}}, "继续教育学时"),
    ({"work_start_date": "2018-07-01", "title_appointed_date": "2017-01-01", "title_series": "机电"}, "聘任日期"),
    ({"photo": {"width": 0, "height": 400}}, "证件照"),
    ({"education_level": "小学"}, "学历"),
    ({"title_appointed_date": "去年"}, "现职务聘任时间"),
    ({"shoe_size": 42}, "shoe_size"),
])
def test_impossible_facts_are_refused_naming_the_fact(facts, named):
    with pytest.raises(UserError) as caught:
        parse_facts(facts)
    assert named in caught.value.message
    assert caught.value.message.startswith("事实有误")


def test_unknown_question_is_a_chinese_error(corpus):
    with pytest.raises(UserError, match="未知的问题类型"):
        check("weather", parse_facts({}), corpus)


def test_settled_question_is_answered_and_other_gates_become_reminders(corpus):
    verdict = check("assistant_engineer", parse_facts(
        {"education_level": "大专", "major": "机械工程", "work_start_date": "2018-07-01"}), corpus)
    assert verdict.outcome == "eligible" and not verdict.missing
    assert {"social_insurance", "ce_hours", "papers"} <= {r.rule for r in verdict.reminders}
    # 附件1 differs; 附件2 governs, and the sentence is built from the parameters' base and exception
    assert any("附件1写“大专毕业，从事技术员工作2年以上”" in step.sentence and "通知二（一）" in step.sentence
               for step in verdict.trace)
    assert {"附件1/二/1", "二/（一）"} <= {c.id for c in verdict.citations}


def test_missing_facts_come_with_questions_most_decisive_first(corpus):
    verdict = check("engineer", parse_facts({"education_level": "本科", "major": "机械工程", "title_level": "助理工程师",
                                             "title_series": "机电", "title_appointed_date": "2021-03-01"}), corpus)
    assert verdict.outcome == "need_more_info"
    first = verdict.missing[0]
    assert len(first.blocks) >= max(len(m.blocks) for m in verdict.missing)
    assert "？" in first.question


def test_check_cli_prints_verdict_trace_and_json(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"target": "工程师", "education_level": "本科", "major": "机械工程",
                                 "title_level": "助理工程师", "title_series": "机电",
                                 "title_appointed_date": "2017-03-01"}, ensure_ascii=False), encoding="utf-8")
    text = run_cli("check", str(facts), "--explain")
    assert text.returncode == 0, text.stderr
    assert "结论：符合（正常申报）" in text.stdout and "附件2/第四条/（二）/（1）" in text.stdout
    assert "判断说明" in text.stdout
    data = json.loads(run_cli("check", str(facts), "--json").stdout)
    assert data["outcome"] == "eligible" and data["route"] == "正常申报"


@pytest.mark.parametrize("payload, message", [
    ('{"graduation_date": "2030-01-01", "target": "助理工程师"}', "毕业时间"),
    ("{not json", "不是有效的 JSON"),
    ('{"education_level": "本科"}', "--question"),
])
def test_check_cli_bad_input_exits_2(payload, message):
    result = run_cli("check", "-", stdin=payload)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("facts, named", [  # issue 13, "Bad facts": each refused in Chinese, naming the fact
    ({"technician_appointed_date": "2030-01-01"}, "技术员聘任时间"),
    ({"machinery_work_start_date": "2030-01-01"}, "转岗从事机电工作时间"),
    ({"penalties": [{"date": "2024-01-01", "amount_yuan": 2000}]}, "处罚日期"),
    ({"falsification_years": [2030]}, "弄虚作假被查处的年份"),
    ({"ce": {"2019": {"activities": [{"route": "（七）", "level": "核心", "quantity": 1, "rank": 3, "people": 2}]}}}, "排名第3"),
    ({"ce": {"2019": {"activities": [{"route": "（六）", "level": "乡级"}]}}}, "国家级、省部级、市厅级、县处级"),
    ({"achievements": {"invention_patents": True}}, "本专业授权发明专利"),
    ({"work_start_date": 1577836800}, "参加专业技术工作时间"),
    ({"major": ""}, "所学专业"),
    ({"ce": {"2017": {"professional": 90}}}, "2017年不是通知要求的年度"),
    ({"achievements": {"invention_patents": 1.5}}, "应为整数"),
    ({"ce": {"2019": None}}, "继续教育学时 › 2019年：不能为 null"),
    ({"penalties": [None]}, "第1项：不能为 null"),
    ({"achievements": {"science_award": {"level": "市", "grade": 0}}}, "等级"),
    ({"work_start_date": "2020-01-01T08:00:00"}, "参加专业技术工作时间"),
    ({"performance": {"经验": ["（1）"]}}, "没有“经验”这一组"),
    ({"target": "工程师", "work_category": "技术研究", "performance": {"业绩": ["（6）"]}}, "只能是（1）到（5）"),
])
def test_bad_facts_are_chinese_errors_naming_the_fact(facts, named):
    with pytest.raises(UserError) as caught:
        parse_facts(facts)
    message = caught.value.message
    assert named in message and "should" not in message and "ce.2019" not in message, message


def test_said_levels_and_month_only_dates_are_read_and_the_judgement_stated(corpus):
    facts = parse_facts({"ce": {"2019": {"activities": [{"route": "（六）", "level": "省级", "quantity": 1}]}},
                         "achievements": {"honor_level": "省级"}, "work_start_date": "2018-07"})
    assert facts.ce[2019].activities[0].level == "省部级" and facts.achievements.honor_level == "省"
    verdict = check("assistant_engineer", parse_facts({"education_level": "大专", "major": "机电一体化",
                                                        "work_start_date": "2018-07"}), corpus)
    sentences = " ".join(step.sentence for step in verdict.trace)
    assert "按该月1日计算（判断）" in sentences and "“机电一体化”按目录中的“机械电子工程”计（判断" in sentences


def test_check_cli_reads_a_utf8_bom(tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_bytes(b"\xef\xbb\xbf" + json.dumps({"target": "助理工程师"}, ensure_ascii=False).encode("utf-8"))
    result = run_cli("check", str(facts))
    assert result.returncode == 0, result.stderr


def test_barred_application_states_why_and_has_no_route(corpus):
    verdict = check("engineer", parse_facts({"education_level": "本科", "major": "机械工程", "title_level": "助理工程师",
                                             "title_series": "机电", "title_appointed_date": "2016-01-01",
                                             "falsification_years": [2020]}), corpus)
    assert verdict.outcome == "not_eligible" and verdict.route is None
    assert verdict.trace[0].sentence.startswith("本年度不得申报") and "申报条件本身已符合" in verdict.trace[0].sentence


def test_of_several_degrees_the_one_in_the_field_counts_and_the_other_is_said_set_aside(corpus):
    """附件2 第四条（三）: an MBA (工商管理) counts as lacking the required education, so a 本科 in 机械工程 is the
    degree weighed — 4 years of appointment, not the 硕士's 2."""
    facts = {"education_level": "硕士", "major": "工商管理", "other_degrees": [{"education_level": "本科", "major": "机械工程"}],
             "title_level": "助理工程师", "title_series": "机电", "title_appointed_date": "2020-03-31"}
    verdict = check("engineer_normal", parse_facts(facts), corpus)
    assert verdict.outcome == "not_eligible"
    years = next(s for s in verdict.trace if s.rule == "engineer.years")
    assert "本科学历须实际聘任初级工程师职务4年以上" in years.sentence and "另有硕士学历（工商管理）" in years.sentence
    assert "附件2/第四条/（三）" in years.clauses
    alone = check("engineer_normal", parse_facts({**facts, "other_degrees": None}), corpus)
    assert alone.outcome == "not_eligible" and any(s.rule == "education.major" for s in alone.trace)
    matching_first = {**facts, "major": "机械电子工程", "other_degrees": [{"education_level": "本科", "major": "英语"}]}
    assert check("engineer_normal", parse_facts(matching_first), corpus).outcome == "eligible"  # 2 years as 硕士


def test_a_title_never_appointed_has_no_years_of_appointment(corpus):
    facts = {"education_level": "本科", "major": "机械工程", "title_level": "助理工程师", "title_series": "机电",
             "title_appointed": False}
    verdict = check("engineer_normal", parse_facts(facts), corpus)
    assert verdict.outcome == "not_eligible" and not verdict.missing
    assert any("尚未被聘任" in s.sentence for s in verdict.trace)
