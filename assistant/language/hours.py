"""继续教育学时 as people report them (附件8 细则 第五条、第六条; 39号文): hours per year ("2019年专业60公需30"),
the same every year ("每年100，其中专业65"), the four years' sums, and activities to be summed ("参加了5天备案的
培训班", "核心期刊论文一篇，3个作者我排第二", "课题组4个人我排第二")."""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.reading import Reading
from assistant.language.timex import Mention

YEARS = (2019, 2020, 2021, 2022)
CE_ROUTES = [  # 附件8 细则 第六条: the words of each route of 专业科目 hours, most specific first
    ("（一）", r"高研班|高级研修"), ("（三）", r"境外|国外|出国|德国|日本|美国|英国|海外|香港|澳门|台湾|新加坡"),
    ("（四）", r"(单位|企业|公司|厂里|厂)[^,，]{0,6}(组织|自己|内部)[^,，。]{0,14}(培训|学习|课|讲座|研讨|交流|班)|"
             r"(单位|企业|公司|厂里|厂)[^,，]{0,6}(内训|培训)|自行组织|自己组织|内部培训|内训|学术研讨|研讨会|交流会"),
    ("（二）", r"备案[^,，。]{0,6}(培训|研修|班|课)|(培训|研修)[^,，。]{0,8}备案|(人社|人力社保|社保|经信|主管部门)[^,，。]{0,6}备案|"
             r"研修班|培训班|培训"), ("（五）", r"网络课件|网课|网上课程|面授|继续教育基地|课件"),
    ("（六）", r"课题|立法|规划|(制定|起草|参与|主编|参编|编写)[^,，]{0,6}标准|标准[^,，]{0,4}(制定|起草)"),
    ("（七）", r"论文|文章|著作|译作|专著|译文|期刊|刊物|出(了)?(一)?本|写书|出书|万字"),
    ("（八）", r"资格考试|职业资格考试|(建造师|造价师|监理工程师|安全工程师|设备监理师)[^,，]{0,6}考试"),
    ("（九）", r"学历教育|在职(学历|研究生|本科|大专|读)|门课|课程考试|自考|专升本|在读(本科|研究生|硕士|大专)|函授|"
             r"成人(高考|本科|大专)|考过了?\d+门"),
    ("（十）", r"兼职(教师|老师|上课|任教|讲课)|对口支援|结对|服务基层|服务企业|帮扶|下基层|检查指导"),
]
NOT_PROFESSIONAL = re.compile(r"非本专业|不是本专业|跟专业无关|和专业无关|与专业无关|专业不对口|"
                              r"财务|税务|报销|会计|财会|党建|礼仪|法律知识|消防|急救|营销|销售技巧|文秘|人事|行政")
BY_DAY = ("（二）", "（三）", "（四）", "（十）")  # routes counted per day
RANKS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}


KINDS = [("professional", r"专业(?:科目|课)?"), ("general_public", r"一般公需(?:科目|课)?"),
         ("industry_public", r"行业公需(?:科目|课)?"), ("public", r"(?<![般业])公需(?:科目|课)?")]
FIGURE = r"[^\d,，;；。]{0,5}?(\d+(?:\.\d+)?)(?!\s*[年月天])(?!\s*个?(?:人|位|名|作者))\s*(?:个)?(?:学时|小时|h)?"
PERIOD = re.compile(r"20(?:19|1)\D{0,3}(?:到|至|-|~|—)\D{0,2}20?22|四年|4年|这几年|累计|一共|总共|合计|总计|共\d|加起来|合起来|总的")
YEAR_FIGURES = re.compile(r"(?<!\d)(?:20)?([12]\d)\s*年(?:度)?(?:(?!专业|公需|一般|行业)[^\d,，。;；、]){0,6}?"  # "20年疫情那年只有80"
                          r"(\d{2,3}(?:\.\d+)?)\s*(?:个)?(?:学时)?"
                          r"(?![\d.年月个万天号日%])")
YEARLY_MOST = {"total": 200, "professional": 150, "general_public": 60}  # above: a sum of the four years
RESPECTIVELY = re.compile(r"((?:20)?[12]\d)\s*年?\s*(?:到|至|-|~|—)\s*((?:20)?[12]\d)\s*年[^。;；]{0,12}?分别(?:是|为)?\s*"
                          r"(\d+(?:\.\d+)?(?:\s*[、,，和及]\s*\d+(?:\.\d+)?)+)")
OTHER_YEARS = re.compile(r"(其他|其余|其它|别的|另外)[^,，。]{0,2}(年份|年度|几年|年)")
SUMMED = re.compile(r"\s*(一共|总共|合计|加起来|累计|四年|4年)")
EACH_YEAR = re.compile(r"每年|每一年|每个年度|年年|4年都|四年都")


def year_of(text: str, reference: date) -> int | None:
    """The CE year a clause names: 2021年, 21年, 去年, 前年, 今年."""
    if m := re.search(r"(?<!\d)(?:20)?([12]\d)\s*年", text):
        return 2000 + int(m.group(1))
    for word, back in (("大前年", 3), ("前年", 2), ("去年", 1), ("今年", 0), ("本年", 0)):
        if word in text:
            return reference.year - back
    return None


def _figures(text: str) -> dict[str, float]:
    """Hours by kind in one clause; a figure of hours named by no kind is the total ("2019年95学时")."""
    found, taken = {}, []
    for name, words in KINDS:
        if m := re.search(words + FIGURE, text) or re.search(r"(\d+(?:\.\d+)?)\s*(?:个)?(?:学时|小时)(?:是|为|属于|算)" + words, text):
            found[name] = float(m.group(1))  # "专业80", "有6个学时是行业公需"
            taken.append((m.start(), m.end()))
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:个)?(?:学时|小时)|"
                         r"(?:每年|都是|都在|均在|都有|共|一共|合计|总共|累计|只有|才|仅|学了|完成了|是)"
                         r"\D{0,2}(\d+(?:\.\d+)?)(?![\d.])"
                         r"(?!\s*个?(?:人|位|名|家|项|篇|次|天|年|月|万|元|块|件|台|套))", text):  # "一共报了6个人" is no hours
        if not any(s <= m.start() < e for s, e in taken) and "total" not in found and not re.search(
                r"(超过|以上|多于|不到|不足|少于|差)\D{0,2}$", text[:m.start()]) and not re.match(r"20[12]\d", m.group(1) or m.group(2)):
            found["total"] = float(m.group(1) or m.group(2))
    return found


def hours(reading: Reading, clauses: list[Clause], message: str, mentions: list[Mention], reference: date,
          person: str = "self", before: str = "") -> None:
    """Hours as people report them: per year ("2019年专业60公需30"), the same every year ("每年100，其中专业
    65、一般公需20"), or the four years' sums ("四年一共370，其中专业230"); a clause that names no year carries
    on the year (or the four years) of the clause before it."""
    _activities(reading, clauses, mentions, reference, before, person)
    if not re.search(r"学时|继续教育|继教|公需|专业科目|专业课|专业\s*\d|(?:20)?[12]\d年\s*\d{2,3}(?![\d年月个])|"
                     r"(?:20)?1\d年?\s*(?:到|至|-|~)\s*(?:20)?2\d年?[^,，。]{0,6}?\d{2,3}(?![\d年月个万])", message):
        return  # hours are talked about, or listed as "19年92、20年90"
    for m in YEAR_FIGURES.finditer(message):  # "19年92、20年90、21年88": a year's total after each year
        if 2000 + int(m.group(1)) in YEARS:
            reading.set(f"ce.{2000 + int(m.group(1))}.total", float(m.group(2)), m.group(0), person=person)
    for m in RESPECTIVELY.finditer(message):  # "19年到22年继教分别是95、100、92、98学时": one total per year, in order
        first, last = 2000 + int(m.group(1)[-2:]), 2000 + int(m.group(2)[-2:])
        figures = [float(f) for f in re.findall(r"\d+(?:\.\d+)?", m.group(3))]
        if len(figures) == last - first + 1 and all(y in YEARS for y in range(first, last + 1)):
            for year, figure in zip(range(first, last + 1), figures, strict=True):
                reading.set(f"ce.{year}.total", figure, m.group(0), person=person)
    context: list[int] | str | None = None
    kind = None  # the one kind the clause before named: "专业科目每年都有60多，一共250" sums that kind
    for clause in clauses:
        text = clause.text
        years = [2000 + int(y) for y in re.findall(r"(?<!\d)(?:20)?([12]\d)\s*年(?:度)?", text) if 2000 + int(y) in YEARS]
        if not years and (relative := year_of(text, reference)) in YEARS:
            years = [relative]
        if OTHER_YEARS.search(text) and isinstance(context, list) and not years:
            targets = context = [y for y in YEARS if y not in context]  # "19年只有72个学时，其他年份都有100多"
        elif EACH_YEAR.search(text):
            targets = context = list(YEARS)
        elif PERIOD.search(text) and len(years) != 1:
            targets = context = "period"
        elif len(years) == 1 or len(years) > 1 and re.search(r"都|均|各", text):
            targets = context = years  # "2020年和2021年都是90": each year named
        else:
            targets = context
        figures = _figures(text)
        if set(figures) == {"total"} and kind and SUMMED.match(text):
            figures = {kind: figures["total"]}
        named = set(figures) - {"total"}
        kind = named.pop() if len(named) == 1 else None
        if targets is None:
            continue
        for name, value in figures.items():
            if targets != "period" and value > YEARLY_MOST.get(name, float("inf")):
                targets = context = "period"  # "每年90，专业科目250学时": a four-year sum, by its size
            if targets == "period":
                if name in YEARLY_MOST:
                    reading.set(f"ce_totals.{name}", value, text, person=person)
            else:
                for year in targets:
                    reading.set(f"ce.{year}.{name}", value, text, person=person)


def late_registration(text: str) -> bool:
    """"上个月的培训这个月才想起来申报，还能登不": when hours are registered (当月申报, 39号文 1) is asked."""
    return bool(LATE_REGISTRATION.search(text) and re.search(r"培训|学时|学识|继续教育|继教|研修|课|班|登记", text)) and not (
        re.search(r"不够|不足|差\d*个?学时|还差|缺", text) and not re.search(r"补登|补录|登记", text))  # ("学时不够还能补吗": 补足)


LATE_REGISTRATION = re.compile(r"多久(内|之内|以内)?[^,，。]{0,3}(申报|登记)|(这个月|当月|本月|下个月|下月|月底)[^,，。]{0,3}(登记|申报)|"
                               r"补登|补录|补报|补登记|还能登记|还可以登记|还能不能登记|登记还|现在登记|还能补|过期|逾期|"
                               r"再(去)?登记|再登|一起(去)?[^,，。]{0,4}登记|(才|再)(想起来|去)?[^,，。]{0,3}(登记|申报|登|报)|"
                               r"(还能|能不能|可以|还可以)登(不|吗|么|上)?|登记上|拖到|等到[^,，。]{0,6}(登记|报)|"
                               r"(忘了|忘记|没来得及|没去)(去)?(登记|登|申报)")


NOW_WORDS = re.compile(r"现在|目前|这个月|本月|今天|最近")


def registration_dates(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date, person: str) -> None:
    """"6月份参加了一个备案的研修班…现在7月了，还能补登吗": the month of the training and the month it would be
    registered in (now, the reference day, when only 现在 is said — stated), for 39号文 1's 当月申报."""
    if not late_registration("".join(c.text for c in clauses)):
        return
    for clause in clauses:
        dated = [m for m in mentions if m.kind == "date" and clause.start <= m.start < clause.end]
        if dated and re.search(r"培训|研修|进修|讲座|课程|学习|班", clause.text):
            reading.set("ce_activity_date", dated[0].value.isoformat(), clause.text, person)
            dated = dated[1:]  # "上个月的培训这个月才想起来申报": the month after is the registering one
        dated = [m for m in dated if not re.search(r"(到|进|入)\s*$", clause.text[:m.start - clause.start])]
        # ("现在都10月了还能补登到8月吗": 8月 is where the hours would go, not when they are registered)
        if dated and (NOW_WORDS.search(clause.text) or re.search(r"登|报|录", clause.text)):
            reading.set("ce_registration_date", dated[-1].value.isoformat(), clause.text, person)
        took = reading.get("ce_activity_date", person)
        if took and reading.get("ce_registration_date", person) is None and re.search(r"年底|年末", clause.text) and \
                LATE_REGISTRATION.search(clause.text):  # "等到年底一起去系统里登记": December of that year
            reading.set("ce_registration_date", f"{str(took)[:4]}-12-31", clause.text, person)
    if reading.get("ce_registration_date", person) is None and any(NOW_WORDS.search(c.text) or "还能" in c.text for c in clauses):
        reading.set("ce_registration_date", reference.isoformat(), "现在", person,
                    presumed=f"按现在（{reference.year}年{reference.month}月）登记计算")


HOURS_ASKED = re.compile(r"学时(怎么|如何|咋)(算|计算|登记)|(多少|几个)学时|能(登记|算)(多少|几个?)|算几个|登记(多少|几)")


def has_activities(frame: dict, counted: bool = False) -> bool:
    """Whether a frame holds CE activities (`counted`: each with its number of days, items or hours)."""
    listed = [a for year in (frame.get("ce") or {}).values() for a in (year or {}).get("activities") or []]
    return bool(listed) and (not counted or all("quantity" in a or "hours" in a for a in listed))


COUNTED = re.compile(r"\d+\s*(门|科|项|篇|次|本|期)|[一两二三四五六七八九十]\s*(门|科|项|篇|次|本)")  # a count of its own


def _activity(clause: Clause, route: str, days: list[Mention]) -> dict:
    """Quantity, level, rank and number of people of one activity, as far as its clause says them."""
    text, activity = clause.text, {"route": route}
    if days:
        activity["quantity"] = days[0].amount
    elif route in BY_DAY:
        pass  # "参加了一个培训进修，前后五天": counted in days only, never by "一个"
    elif m := re.search(r"(\d+(?:\.\d+)?)\s*万字", text):
        activity["quantity"] = float(m.group(1))
    elif m := re.search(r"(?:标的|标定|课件)[^\d]{0,4}(\d+(?:\.\d+)?)\s*(?:个)?学时", text):
        activity["hours"] = float(m.group(1))
    elif m := re.search(r"(\d+)\s*(?:门|科|个科目|项|篇|次|本|个|期)(?!人|作者)", text):
        activity["quantity"] = float(m.group(1))
    elif re.search(r"一(门|科|项|篇|次|本)|高研班", text) or (
            route in ("（六）", "（七）") and not re.search(r"几|多|些|两|俩|\d\s*(个|项|篇)(?!人)", text)):
        activity["quantity"] = 1.0  # "参加了市经信局立项的课题研究": one project
    if route in ("（二）", "（四）") and NOT_PROFESSIONAL.search(text):
        activity["not_counted"] = "非本专业"  # "财务报销知识培训" (39号文 3)
    elif route == "（十）" and re.search(r"检查|指导|分内|本职", text) and not re.search(r"兼职|支援|结对|帮扶", text):
        activity["not_counted"] = "分内工作"  # "下基层检查指导" (39号文 7)
    if route == "（一）":
        activity["level"] = "省级以上" if re.search(r"省|国家", text) else "市县" if re.search(r"市|县", text) else None
    elif route == "（六）" and (m := re.search(r"(国家|省部|省|部|市厅|市|厅|县处|县|处)级?", text)):
        activity["level"] = {"国家": "国家级", "省部": "省部级", "省": "省部级", "部": "省部级", "市厅": "市厅级", "市": "市厅级",
                             "厅": "市厅级", "县处": "县处级", "县": "县处级", "处": "县处级"}[m.group(1)]
    elif route == "（七）" and (m := re.search(r"核心|全国性|省级|论文集|普通|一般|其他", text)):
        activity["level"] = {"论文集": "其他", "普通": "其他", "一般": "其他"}.get(m.group(0), m.group(0))
    if re.search(r"唯一作者|独立(完成|撰写|编写)|就我一个|一个人(写|完成)|独著|独立作者", text):
        activity.update(rank=1, people=1)
    else:
        if m := re.search(r"(?:排第|排名第|第|我排|我是第|我第)\s*(\d|[一二三四五六])\s*(?:作者|位|名|个)?|([一二三四五六])作", text):
            word = m.group(1) or m.group(2)
            activity["rank"] = int(word) if word.isdigit() else RANKS[word]
        elif re.search(r"排前面|我排前|我是第一|我一作|我是一作", text):
            activity["rank"] = 1
        last = re.search(r"排(在)?(最后|末尾|最末)|最后一(名|位|个)", text)
        if m := re.search(r"(\d+)\s*(?:个|位|名)?\s*(?:作者|人|个人|起草人|完成人|参与人|参编人|发明人)|共\s*(\d+)\s*(?:人|个|位)", text):
            activity["people"] = int(m.group(1) or m.group(2))
        elif re.search(r"两个人|我们俩|就我们俩|两人|二人|俩人", text):
            activity["people"] = 2
        if last and "people" in activity and "rank" not in activity or activity.get("people") == 1:
            activity["rank"] = activity["people"]  # "一共4个人我排最后": the last of 4; "我1个人写的": the only one
    return {k: v for k, v in activity.items() if v is not None}


RATE_OF_DAY = re.compile(r"\s*(算|能算|可以算|登记|能登记|登|记|折)?\s*(几个|多少)")
SAME_TIME = re.compile(r"\s*(又|还|另外|同年|当年|并且|而且|再|也)")


def _activities(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date, before: str = "",
                person: str = "self") -> None:
    """CE activities ("参加了5天备案的培训班", "核心期刊论文一篇，3个作者我排第二"), under the year they happened
    (今年 when no year is said); facts about the same activity in the next clause ("一共4个人，我排第2") join it."""
    about_hours = re.search(r"学时|学识|继续教|继教|登记|认定|专业科目", "".join(c.text for c in clauses) + before)
    found: list[tuple[int, dict]] = []
    rate_only: set[int] = set()  # activities whose one day came from asking the rate ("一天算几个")
    for clause in clauses:
        days = [m for m in mentions if m.kind == "days" and clause.start <= m.start < clause.end]
        if days and found and id(found[-1][1]) in rate_only:
            found[-1][1].pop("quantity", None)  # "一天算几个" … "我们今年搞了12天": the days now told, not the rate's day
            rate_only.discard(id(found[-1][1]))
        rated = bool(days) and days[0].amount == 1 and RATE_OF_DAY.match(clause.text, days[0].end - clause.start)
        route = next((r for r, words in CE_ROUTES if re.search(words, clause.text)), None)
        if route in ("（五）", "（六）", "（七）", "（八）", "（九）") and not about_hours:
            route = None  # "论文查重超过多少会被否决" is about papers, not the hours a paper registers
        if route == "（三）" and not re.search(r"培训|研修|进修|学习|考察|交流|课程|访学|研讨|会议|讲座|展会", clause.text):
            route = None  # "英国读的本科" names a country, not training abroad
        year = year_of(clause.text, reference) or (found[-1][0] if found and SAME_TIME.match(clause.text) else reference.year)
        # ("去年参加了省级高研班，又参加了…培训班7天": 又/还/另外 go on in the year of the activity before)
        if route in ("（二）", "（四）") and found and found[-1][1]["route"] in ("（二）", "（四）") and not days and \
                not re.search(r"\d|备案|又|还|另外|再|也", clause.text):
            route = None  # "公司内部组织了10天培训，是本专业的技术培训": the same training, described
        if route is not None and found and found[-1][1]["route"] == route and not days and \
                not re.search(r"\d", clause.text):
            route = None  # "…下基层检查指导，这个能按服务基层登记吗": the same activity again
        if route is not None and found and found[-1][1]["route"] == route and (
                "quantity" not in found[-1][1] or not COUNTED.search(clause.text)):
            # "参与了一个市厅级的课题研究，课题组4个人我排第二": the same activity, its rank said after
            found[-1][1].update({k: v for k, v in _activity(clause, route, days).items() if k not in found[-1][1]})
        elif route is not None:  # ("在职本科…，今年考过了5门课": one course of study, its count said after)
            found.append((year, _activity(clause, route, days)))
        elif found and (extra := {k: v for k, v in _activity(clause, found[-1][1]["route"], days).items() if k != "route"}):
            if rated and "quantity" not in found[-1][1]:
                rate_only.add(id(found[-1][1]))
            found[-1][1].update({k: v for k, v in extra.items() if k not in found[-1][1]})
    found = _without_summaries(found)
    by_year: dict[int, list[dict]] = {}
    for year, activity in found:
        by_year.setdefault(year, []).append(activity)
    for year, activities in by_year.items():
        reading.set(f"ce.{year}.activities", activities, "、".join(a["route"] for a in activities), person)
        # (the one the message is about: "我们五个人合写了一篇论文…我是第一作者，能登记多少" is the writer's)


def _without_summaries(found: list[tuple[int, dict]]) -> list[tuple[int, dict]]:
    """"今年发了两篇论文，一篇核心期刊我是独著，一篇全国性期刊…": the count said first, then each one — the
    count is not a further activity."""
    kept = []
    for i, (year, activity) in enumerate(found):
        count = int(activity.get("quantity") or 0)
        after = [a for _, a in found[i + 1:i + 1 + count]]
        if count >= 2 and set(activity) <= {"route", "quantity"} and len(after) == count and all(
                a["route"] == activity["route"] and a.get("quantity") == 1 for a in after):
            continue
        kept.append((year, activity))
    return kept
