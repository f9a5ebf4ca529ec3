"""Years said in answers: "比如2019年12月入职，今年算满3年吗" — the years from a date to the cut-off, in full
anniversaries (周年, 附件2 第十八条（七）) counted to 2022年12月31日 (二（二）6), said first when the rules cannot yet
judge the application itself; and a normal-route no short by a year or less, the nearest route (资历破格)."""

from __future__ import annotations

import re
from datetime import date

import cn2an

from assistant.rules.dates import cn_date, full_months, full_years, years_and_months
from assistant.rules.education import years_required

YEARS_ASKED = re.compile(r"(满|够|到|有|算满|算够|足)\s*(\d{1,2}|[一二两三四五六七八九十])\s*(个)?(周)?年")
DATED = ("title_appointed_date", "work_start_date", "graduation_date")  # the one said, most specific first
CLAUSES = ["附件2/第十八条/（七）", "二/（二）/6"]


def years_line(said: dict, asked: str, cutoff: date) -> str | None:
    """The sentence computing the years asked about, or None when no number of years is asked or no date said."""
    wanted = YEARS_ASKED.search(asked)
    name = next((n for n in DATED if said.get(n)), None)
    if not wanted or not name:
        return None
    figure = wanted.group(2)
    years = int(figure) if figure.isdigit() else int(cn2an.cn2an(figure.replace("两", "二"), "smart"))
    start = date.fromisoformat(str(said[name])[:10])
    full = full_years(start, cutoff)
    return (f"按周年计算到{cn_date(cutoff)}：自{start.year}年{start.month}月起共{years_and_months(start, cutoff)}，"
            f"{'已满' if full >= years else '不满'}{years}年。")


BREAKTHROUGH_CLAUSES = ["附件2/第六条/（一）"]


def nearest_route(facts, p) -> str | None:
    """A 工程师 applicant with the required education whose appointed years fall short by a year or less:
    资历破格 is the nearest route (附件2 第六条（一）: 单破, 提前原则上不超过1年, 7项中3项) — said with what it needs."""
    years, needs, reading = years_required(facts, p)
    appointed = facts.title_appointed_date
    if needs or appointed is None or facts.title_level != "助理工程师" or facts.title_appointed is False:
        return None
    short = years * 12 - full_months(appointed, p.value("cutoff_date"))
    if reading == "学历破格":  # 中专, or a major not 相近: 学历破格 is the route once its 4 years as 助理工程师 are met
        if short > 0:
            return None  # short of those years too: a 双破, which 一般破格 does not allow
        return (f"学历不在正常申报的规定之列，可考虑学历破格——一般破格仅限“单破”，须担任助理工程师满{years}年（已满），"
                "并具备附件2第六条（一）7项条件中的3项（业绩成果须为任现职后取得）。有哪些业绩可以告诉我，帮您逐项核对。")
    if reading != "规定年限":
        return None
    if not 0 < short <= 12:
        return None
    return (f"资历还差{short}个月，在1年以内：可考虑资历破格——一般破格仅限“单破”，资历破格提前时间原则上不超过1年，"
            "须具备附件2第六条（一）7项条件中的3项（业绩成果须为任现职后取得）。有哪些业绩可以告诉我，帮您逐项核对。")
