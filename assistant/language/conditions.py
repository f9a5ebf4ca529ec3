"""The other conditions as people state them: photo specs, continuing-education hours and activities,
社保, 年度考核, the 2021 rule, papers, penalties, and the step a deadline question is about."""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.lexicon import lexicon
from assistant.language.reading import Reading
from assistant.language.timex import Mention

FORMATS = re.compile(r"(?<![a-z])(jpe?g|png|bmp|gif|webp|heic|tiff?)(?![a-z])", re.I)
PIXELS = re.compile(r"(\d{2,5})\s*(?:[x×*＊]|乘以?|by)\s*(\d{2,5})|"
                    r"宽(?:度)?(?:是|为)?\s*(\d{2,5})[^\d]{0,8}?高(?:度)?(?:是|为)?\s*(\d{2,5})", re.I)
SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:来|多|左右|出头)?\s*(kb|k|mb|m|兆|千字节)(?![a-z])", re.I)
BYTES = re.compile(r"(\d{4,8})\s*(?:个)?字节")
YEARS = (2019, 2020, 2021, 2022)
CE_ROUTES = [  # 附件8 细则 第六条: the words of each route of 专业科目 hours, most specific first
    ("（一）", r"高研班|高级研修"), ("（三）", r"境外|国外|出国|德国|日本|美国|英国|海外|香港|澳门|台湾|新加坡"),
    ("（四）", r"(单位|企业|公司|厂里|厂)[^,，]{0,6}(组织|自己|内部|内训|培训)|自行组织|自己组织|内部培训|内训|学术研讨|研讨会|交流会"),
    ("（二）", r"备案|研修班|培训班|培训"), ("（五）", r"网络课件|网课|网上课程|面授|继续教育基地|课件"),
    ("（六）", r"课题|立法|规划|(制定|起草|参与)[^,，]{0,6}标准|标准[^,，]{0,4}(制定|起草)"),
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


def photo(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    if m := re.search(r"(白|蓝|红|灰)(色)?(底|背景)", message):
        reading.set("photo.background", m.group(1), m.group(0), person=person)
    if m := FORMATS.search(message):
        reading.set("photo.format", m.group(1).upper(), m.group(0), person=person)
    if m := PIXELS.search(message):
        width, height = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        reading.set("photo.width", int(width), m.group(0), person=person)
        reading.set("photo.height", int(height), m.group(0), person=person)
    if m := BYTES.search(message):
        reading.set("photo.bytes", int(m.group(1)), m.group(0), person=person)
    elif m := SIZE.search(message):
        factor = 1024 if m.group(2).lower() in ("k", "kb", "千字节") else 1024 * 1024
        reading.set("photo.bytes", int(float(m.group(1)) * factor), m.group(0), person=person)


STEP_WORDS = (("原件", "原件核查"), ("核查", "原件核查"), ("单位审核", "单位审核"), ("审核", "单位审核"), ("报送", "单位审核"))
KINDS = [("professional", r"专业(?:科目|课)?"), ("general_public", r"一般公需(?:科目|课)?"),
         ("industry_public", r"行业公需(?:科目|课)?"), ("public", r"(?<![般业])公需(?:科目|课)?")]
FIGURE = r"[^\d,，;；。]{0,5}?(\d+(?:\.\d+)?)(?!\s*[年月天])(?!\s*个?(?:人|位|名|作者))\s*(?:个)?(?:学时|小时|h)?"
PERIOD = re.compile(r"20(?:19|1)\D{0,3}(?:到|至|-|~|—)\D{0,2}20?22|四年|4年|这几年|累计|一共|总共|合计|总计|共\d|加起来|合起来|总的")
YEAR_FIGURES = re.compile(r"(?<!\d)(?:20)?([12]\d)\s*年(?:度)?\s*(?:到现在|到目前|至今|目前|现在|截至目前|为止)?\s*(?:是|有|只有|才|:|：)?"
                          r"\s*(\d{2,3}(?:\.\d+)?)\s*(?:个)?(?:学时)?"
                          r"(?![\d.年月个万天号日%])")
YEARLY_MOST = {"total": 200, "professional": 150, "general_public": 60}  # above: a sum of the four years
RESPECTIVELY = re.compile(r"((?:20)?[12]\d)\s*年?\s*(?:到|至|-|~|—)\s*((?:20)?[12]\d)\s*年[^。;；]{0,12}?分别(?:是|为)?\s*"
                          r"(\d+(?:\.\d+)?(?:\s*[、,，和及]\s*\d+(?:\.\d+)?)+)")
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
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*(?:个)?(?:学时|小时)|(?:每年|都是|共|一共|合计|总共|累计)\D{0,2}(\d+(?:\.\d+)?)", text):
        if not any(s <= m.start() < e for s, e in taken) and "total" not in found and not re.search(
                r"(超过|以上|多于|不到|不足|少于|差)\D{0,2}$", text[:m.start()]) and not re.match(r"20[12]\d", m.group(0)):
            found["total"] = float(m.group(1) or m.group(2))
    return found


def hours(reading: Reading, clauses: list[Clause], message: str, mentions: list[Mention], reference: date,
          person: str = "self") -> None:
    """Hours as people report them: per year ("2019年专业60公需30"), the same every year ("每年100，其中专业
    65、一般公需20"), or the four years' sums ("四年一共370，其中专业230"); a clause that names no year carries
    on the year (or the four years) of the clause before it."""
    _activities(reading, clauses, mentions, reference)
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
    for clause in clauses:
        text = clause.text
        years = [2000 + int(y) for y in re.findall(r"(?<!\d)(?:20)?([12]\d)\s*年(?:度)?", text) if 2000 + int(y) in YEARS]
        if not years and (relative := year_of(text, reference)) in YEARS:
            years = [relative]
        if EACH_YEAR.search(text):
            targets = context = list(YEARS)
        elif PERIOD.search(text) and len(years) != 1:
            targets = context = "period"
        elif len(years) == 1:
            targets = context = years
        else:
            targets = context
        if targets is None:
            continue
        for name, value in _figures(text).items():
            if targets != "period" and value > YEARLY_MOST.get(name, float("inf")):
                targets = context = "period"  # "每年90，专业科目250学时": a four-year sum, by its size
            if targets == "period":
                if name in YEARLY_MOST:
                    reading.set(f"ce_totals.{name}", value, text, person=person)
            else:
                for year in targets:
                    reading.set(f"ce.{year}.{name}", value, text, person=person)


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
        if m := re.search(r"(\d+)\s*(?:个|位|名)?\s*(?:作者|人|个人)|共\s*(\d+)\s*(?:人|个|位)", text):
            activity["people"] = int(m.group(1) or m.group(2))
        elif re.search(r"两个人|我们俩|就我们俩|两人|二人|俩人", text):
            activity["people"] = 2
        if last and "people" in activity and "rank" not in activity:
            activity["rank"] = activity["people"]  # "一共4个人我排最后": the last of 4
    return {k: v for k, v in activity.items() if v is not None}


def _activities(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date) -> None:
    """CE activities ("参加了5天备案的培训班", "核心期刊论文一篇，3个作者我排第二"), under the year they happened
    (今年 when no year is said); facts about the same activity in the next clause ("一共4个人，我排第2") join it."""
    about_hours = re.search(r"学时|学识|继续教|继教|登记|认定|专业科目", "".join(c.text for c in clauses))
    found: list[tuple[int, dict]] = []
    for clause in clauses:
        days = [m for m in mentions if m.kind == "days" and clause.start <= m.start < clause.end]
        route = next((r for r, words in CE_ROUTES if re.search(words, clause.text)), None)
        if route in ("（五）", "（六）", "（七）", "（八）", "（九）") and not about_hours:
            route = None  # "论文查重超过多少会被否决" is about papers, not the hours a paper registers
        if route == "（三）" and not re.search(r"培训|研修|进修|学习|考察|交流|课程|访学|研讨|会议|讲座|展会", clause.text):
            route = None  # "英国读的本科" names a country, not training abroad
        year = year_of(clause.text, reference) or reference.year
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
            found[-1][1].update({k: v for k, v in extra.items() if k not in found[-1][1]})
    found = _without_summaries(found)
    by_year: dict[int, list[dict]] = {}
    for year, activity in found:
        by_year.setdefault(year, []).append(activity)
    for year, activities in by_year.items():
        reading.set(f"ce.{year}.activities", activities, "、".join(a["route"] for a in activities), clauses[0].person)


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


def insurance(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    if re.search(r"正常(缴费|参保|缴纳|在交|在缴|交)|一直在(交|缴)|现在(也)?在(交|缴)|交着|没断|没有断|没停", message):
        reading.set("insured_now", True, "正常参保", person=person)
    elif re.search(r"停缴|断缴|断了|停着|停掉|暂停|没(在)?交了|不交了|没在交|停了", message) and re.search(r"社保|保险", message):
        reading.set("insured_now", False, "停缴", person=person)


def _retired(reading: Reading, clauses: list[Clause], message: str, person: str) -> None:
    """"已经退休了，现在返聘" / "退休前是本科": retired; "还没退休", "离退休还有三年": not — of whoever the
    clause is about ("我师傅退休了" is the master's)."""
    if m := re.search(r"(没|未|还没|尚未)(有)?退休|离退休还有|退休还早", message):
        reading.set("retired", False, "未退休", person=_person_at(clauses, m, person))
    elif m := re.search(r"退休了|已(经)?退休|退休返聘|返聘|退休后|退休前|退下来了", message):
        reading.set("retired", True, "已退休", person=_person_at(clauses, m, person))


def status(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    """调入 and 军转 (二（二）7（4））, 学历 from abroad (二（二）7（2）) and retirement (通知一), as people mention them."""
    _retired(reading, clauses, message, person)
    if re.search(r"(不是|没有|没|并非|从没)[^,，。]{0,4}(外省|调|转业|部队)|一直在(温岭|台州|本地|这)", message):
        reading.set("transferred_in", False, "非调入", person=person)
    elif re.search(r"转业|部队|军队|退伍|外省调|从外省|省外调|刚调过来|调入|中央部属|部属单位", message) or _title_elsewhere(message):
        reading.set("transferred_in", True, "调入或军转", person=person)
        if re.search(r"(还没|没有|未|尚未)[^,，。]{0,4}(确认|审定|认定)", message):
            reading.set("title_confirmed", False, "尚未审定确认", person=person)
        elif re.search(r"(已经|已)[^,，。]{0,4}(确认|审定|认定)", message):
            reading.set("title_confirmed", True, "已审定确认", person=person)
    degree = re.search(r"硕士|博士|本科|学位|学历|毕业", message)
    if degree and re.search(r"(没有|没|不是|并非)[^,，。]{0,4}(在)?(国外|海外|留学)|国内的?学历|都是国内", message):
        reading.set("degree_origin", "国内", "国内学历", person=person)
    elif degree and re.search(r"国外|留学|海外|英国|美国|德国|日本|澳洲|澳大利亚|加拿大|新加坡", message):
        reading.set("degree_origin", "国外", "国外学历", person=person)
    elif re.search(r"香港|澳门|台湾|港澳台", message) and re.search(r"硕士|博士|本科|学位|学历|毕业", message):
        reading.set("degree_origin", "港澳台", "港澳台学历", person=person)


def practical(reading: Reading, message: str, person: str = "self") -> None:
    """实操考评 (通知 五): "实操考评没及格" — failed; "实操考过了" — passed."""
    if m := re.search(r"实操[^,，。]{0,6}?(没及格|不及格|没过|没通过|未通过|不合格|挂了)", message):
        reading.set("practical_assessment_passed", False, m.group(0), person=person)
    elif m := re.search(r"实操[^,，。]{0,6}?(及格了|通过了|合格了|考过了|过了)", message):
        reading.set("practical_assessment_passed", True, m.group(0), person=person)


def _title_elsewhere(message: str) -> bool:
    """"助工是在安徽评的，现在调到温岭": a title obtained in another province is 调入 (二（二）7（4））."""
    provinces = "|".join(lexicon()["other_provinces"])
    return bool(re.search(rf"(在|从)?({provinces}|外省|省外)[^,，。]{{0,4}}(评|取得|拿|考|发)的?|"
                          rf"(助工|助理工程师|工程师|职称)[^,，。]{{0,3}}是?(在)?({provinces}|外省|省外)", message))


def _person_at(clauses: list[Clause], match: re.Match | None, person: str) -> str:
    """Whose fact a match over the whole message is: the person of the clause it starts in."""
    return next((c.person for c in clauses if match and c.start <= match.start() < c.end), person)


def history(reading: Reading, clauses: list[Clause], message: str, person: str = "self") -> None:
    """The 2021 rule (通知二（二）7（5）), discipline, papers and the step of a deadline question."""
    if failed := re.search(r"(去年|2021年?|上次|上一年)[^,，。没]{0,8}(没评上|没通过|未通过|没过|落选|被刷|没评过|没能通过|挂了)", message):
        person = _person_at(clauses, failed, person)  # "我同事去年没通过…我自己…": the colleague's
        reading.set("failed_2021", True, "去年未通过", person=person)
    elif re.search(r"(去年|2021年?)[^,，。]{0,6}(没报|没有报|没参评|通过了|评上了|没有挂|没挂)|第一次(报|申报)|从没报过|只是没报|没去报",
                   message):
        reading.set("failed_2021", False, "去年未参评", person=person)
    if re.search(r"(没|没有|无|未)[^,，。]{0,4}(新的?|什么新)[^,，。]{0,2}(业绩|成果|东西|项目|专利|奖)|"
                 r"(业绩|成果)[^,，。]{0,4}(没|没有)(变|增加|新)",
                 message):
        reading.set("new_achievements_since_2021", False, "无新业绩", person=person)
    elif re.search(r"新(拿|获|得|评|授权|发表|取得|增|出)|(今年|2022年?)[^,，。]{0,6}(拿了|获得|授权|发表|评上|取得|又有|新)|"
                   r"有新(的)?(业绩|成果)",
                   message):
        reading.set("new_achievements_since_2021", True, "有新业绩", person=person)
    _discipline(reading, message, person)


def _discipline(reading: Reading, message: str, person: str) -> None:
    """第十九条, 六（三）: under investigation, falsification found (and when), a technical accident."""
    if re.search(r"(没|没有|从没|从来没|未)[^,，。]{0,3}(受过|被)?(处罚|罚款|罚过|处分|技术责任事故)", message):
        reading.set("penalties", [], "无处罚", person=person)
    if re.search(r"(没|没有|从没|从来没|未)[^,，。]{0,3}(弄虚作假|造假|作假)", message):
        reading.set("falsification_years", [], "无弄虚作假", person=person)
    if re.search(r"(立案调查|被调查|接受调查|审查调查|处分期|处理阶段|处罚期|还在处理)", message) and not re.search(
            r"(没有|没|未|不)[^,，。]{0,3}(被)?(立案|调查|处分|处理)", message):
        reading.set("under_investigation", True, "正在立案调查或处分期", person=person)
    elif re.search(r"(没有|没|从未|从来没)[^,，。]{0,4}(违纪|违法|处分|调查)", message):
        reading.set("under_investigation", False, "无违纪违法", person=person)
    if re.search(r"(取消|被取消)[^,，。]{0,6}(评审)?资格|弄虚作假|造假|假(材料|证明|证书|文凭|学历|证件|论文|业绩)|"
                 r"证明是假的|伪造|变造|找人(做|开|办)的", message):
        year = re.search(r"(?<!\d)(?:20)?([12]\d)\s*年", message)  # "21年报工程师的时候…被查出来了"
        if year and re.search(r"取消|查出|发现|处理|记录", message):
            reading.set("falsification_years", [2000 + int(year.group(1))], year.group(0), person=person)
    if re.search(r"技术责任事故", message) and re.search(r"直接|主要责任|责任人|负责任", message):
        penalties = reading.get("penalties", person) or []
        if penalties:
            reading.set("penalties", [{**x, "technical_accident": True} for x in penalties], "技术责任事故", person=person)
    if re.search(r"论文(我)?(没有|没写|没发)|没(有)?(写过|发过|发表过)?论文", message):
        reading.set("papers", [], "无论文", person=person)
    elif "论文" in message and re.search(r"(没有|没|无)[^,，。]{0,4}(第三方)?检索报告", message) and \
            not re.search(r"相似度|重复率|查重", message):
        reading.set("papers", [{"third_party_report": False}], "无检索报告", person=person)
    if m := re.search(r"(相似度|重复率|查重)[^\d]{0,6}(\d+(?:\.\d+)?)\s*%?", message):
        report = False if re.search(r"(没有|无|没)[^,，。]{0,4}(检索报告|第三方)", message) else True
        reading.set("papers", [{"similarity_percent": float(m.group(2)), "third_party_report": report}], m.group(0), person=person)


def step(reading: Reading, message: str, person: str) -> None:
    """The step a dated action is about (四: 网上申报, 单位审核报送, 原件核查), when a date to act on is known."""
    if not reading.get("action_date", person):
        return
    action = next((step for word, step in STEP_WORDS if word in message), "网上申报")
    reading.set("action", action, action, person)
