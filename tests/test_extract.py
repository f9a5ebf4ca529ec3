"""Facts read from applicants' Chinese: dates in any form, numerals in words, units, levels."""

from datetime import date

import pytest

from assistant.language.extract import extract, prepare
from assistant.language.intent import classify

REF = date(2022, 9, 1)


@pytest.mark.parametrize("text, expected", [
    ("大专毕业3年能报助理工程师吗", {"target": "助理工程师", "education_level": "大专", "graduation_date": "2019-09-01"}),
    ("助理工程师聘了四年能报中级吗", {"title_level": "助理工程师", "target": "工程师", "title_appointed_date": "2018-09-01"}),
    ("我2018年7月参加工作，2019.6聘的助工", {"work_start_date": "2018-07-31", "title_appointed_date": "2019-06-30",
                                    "title_level": "助理工程师"}),
    ("18年7月毕业的本科", {"graduation_date": "2018-07-31", "education_level": "本科"}),
    ("去年7月转评的", {"transferred_date": "2021-07-31"}),
    ("十月二十五号还能报吗", {"action_date": "2022-10-25", "action": "网上申报"}),
    ("11月3日单位审核来得及吗", {"action_date": "2022-11-03", "action": "单位审核"}),
    ("年薪三十五万元", {"achievements": {"annual_salary_yuan": 350000.0}}),
    ("有两项发明专利", {"achievements": {"invention_patents": 2}}),
    ("县级劳动模范", {"achievements": {"honor_level": "县"}}),
    ("获得过市级科技进步奖二等奖", {"achievements": {"science_award": {"level": "市", "grade": 2}}}),
    ("照片600×800，0.12MB，png", {"photo": {"format": "PNG", "width": 600, "height": 800, "bytes": 125829}}),
    ("照片600*800，120K，jpg行吗", {"photo": {"format": "JPG", "width": 600, "height": 800, "bytes": 122880}}),
    ("2019年专业60学时公需30学时，2020年专业课72公需18", {"ce": {2019: {"professional": 60, "public": 30},
                                                     2020: {"professional": 72, "public": 18}}}),
    ("我是经济师", {"title_series": "经济", "title_level": "工程师"}),
    ("學的電氣自動化，大專", {"major": "电气自动化", "education_level": "大专"}),
    ("在温岭交社保18个月，现单位5个月", {"months_insured_in_city": 18, "months_insured_in_unit": 5}),
    ("近三年考核都合格", {"assessments": {2019: "合格", 2020: "合格", 2021: "合格"}}),
    ("论文相似度51%", {"papers": [{"similarity_percent": 51.0, "third_party_report": True}]}),
])
def test_facts_from_text(text, expected):
    facts = extract(text, REF).facts
    for key, value in expected.items():
        assert facts.get(key) == value, (key, facts)


def test_unsaid_day_is_assumed_conservatively_and_said():
    found = extract("2019年聘的助工", REF)
    assert found.facts["title_appointed_date"] == "2019-12-31"
    assert any("12月31日" in a for a in found.assumptions)


@pytest.mark.parametrize("text, topics, out", [
    ("我可以破格吗", {"破格"}, False),
    ("照片要多大", {"照片"}, False),
    ("年薪30万能越级吗", {"越级"}, False),
    ("高级工程师怎么评", set(), True),
    ("杭州的职称政策", set(), True),
    ("学时够吗", {"学时"}, False),
])
def test_topics_and_scope(text, topics, out):
    intent = classify(prepare(text))
    assert topics <= set(intent.topics) and intent.out_of_scope is out
