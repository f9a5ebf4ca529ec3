"""Dates and durations tied to the event of their own clause (Rasa's entity roles).

"2019年6月毕业后一直在泵厂做技术" → 毕业 (the nearest event, preferring the one the date precedes);
"资格证是16年考的，单位18年底才开始聘" → 取得 2016, 聘任 2018; "助工聘了3年" → 聘任 3 years back;
"21年12月才从江苏回来，社保刚转过来" → months insured in the city. A time word for "now" (今年, 到年底)
and a duration inside the asking clause ("到年底够两年没") are the question's measuring point and
threshold, never facts.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.reading import Reading
from assistant.language.studies import degree_rank, graduations_counted
from assistant.language.timex import Mention

DATE_FACT = {"graduation": "graduation_date", "work_start": "work_start_date", "appointed": "title_appointed_date",
             "obtained": "title_obtained_date", "transferred": "transferred_date", "action": "action_date"}
UNIT_WORDS = re.compile(r"单位|公司|厂|现单位|这家|这里的|企业")
JOINED_THIS_UNIT = re.compile(r"(入职|进|来|到|跳到|换到)(了)?(我们|本|现|这家|现在的?|目前的?)(单位|公司|厂|这家)")
EARLIER_UNIT = re.compile(r"(之前|以前|原来|早先)[^,，。]{0,4}在[^,，。]{0,8}(厂|公司|单位|企业|上班|干|做|交)|上一家|原单位|另一家|"
                          r"别的厂|换过[^,，。]{0,3}(工作|单位)|跳槽")  # ("之前在外地读书" is no earlier unit)
THEN = re.compile(r"那时|那个时候|从那|那以后|此后|之后|以后|开始|随后|跟着")
MOVED_TO_TECHNICAL = re.compile(r"(调到|调入|调去|转岗|转到|换到|调整到|调岗到|调整为)[^,，]{0,6}(技术|研发|设计|工艺|机电|电机|机械|电气)")
# Coming (back) to the city: insured here from then on when 社保 is what the message is about.
ARRIVED_HERE = re.compile(r"(回来|回到|回|来|到|调到|调回)(温岭|台州|本市|这边|这里)")
# Coming from another province or city ("上个月从江苏调过来", "去年从外地来的"): insured in the city since.
CAME_FROM_ELSEWHERE = re.compile(r"从(?!温岭|台州|本市|这边|这里|厂|公司|单位|车间|部门)[\u4e00-\u9fff]{1,6}?(调|跳槽|转|搬)?"
                                 r"(过来|回来|来到?(温岭|台州|这边|我们)|到(温岭|台州|这边|我们))")
# A move into 机电 technical work, whoever made it ("让她去设备科", "换到机电岗位"): what 转评 counts from.
MOVED_TO_MACHINERY = re.compile(r"(调到|调入|调去|转岗|转到|换到|调整到|调岗到|调整为|跳到|跳槽到|去|到)[^,，]{0,12}"
                                r"(技术|研发|设计|工艺|机电|电机|机械|电气|设备)")
# After a date, a start or an arrival at a workplace, with no event word of the lexicon: work began then.
# (matched after the date, whose own words may end in 开始: "2018年开始在一家…厂写PLC程序", "2019年来温岭工作")
STARTED_WORK = re.compile(r"[^,，]{0,3}(开始|起)[^,，]{0,3}(在|到|进|去|做|干|搞|负责|从事|当|管|写|编|跑)|"
                          r"[^,，]{0,2}(来|到|进|去)[^,，]{0,10}(厂|公司|单位|车间|企业|上班|工作|技术部|研发部)|"
                          r"[^,，]{0,3}(岗位|工作)?(调整|调岗|转岗)(到|为)")
SANCTION = re.compile(r"党内|党纪|政务处分|政纪|判刑|判了|拘役|缓刑|醉驾|交警|违章|超速|闯红灯")
FAILED = re.compile(r"(没|没有|未)(评上|评过|通过|评下来|过)|落选|被刷|挂了")
INSURED_SPAN = re.compile(r"^\s*(连续|一直|已经|都)?[^,，]{0,3}$|连续|交了|缴了|缴纳")  # a bare span in a 社保 story
EARLIER_PHASE = re.compile(r"^\s*(先|之前|以前|原来|起初|刚开始|一开始|最早|早先|前面)")
LATER = re.compile(r"\s*(后来|之后|然后|再后来|又|过了)")
MEASURED_TO = re.compile(r"(到|截至|截止|算到)((现在|目前|今天)[（(]?)?$|^(现在|目前)[（(]$")  # "到现在（9月中旬）"
DEGREE_OBTAINED = re.compile(r"(取得|拿到|拿了|拿的|获得|考下|考出)[^,，]{0,4}"
                             r"(学历|文凭|毕业证|(本科|大专|专科|中专|硕士|研究生)(证|学位))")  # "2018年1月拿到本科证"
RANGE_BETWEEN = re.compile(r"\s*(到|至|—|——|~|－|-)\s*")
MODIFIER = re.compile(r"的(一|这|那|两|几)?(台|个|批|条|套|项|件|次)")
DEGREE = r"(本科|大专|专科|中专|硕士|研究生|博士|职高|技校|高职|第二学士)"
LEVEL_AFTER = re.compile(r"\s*(的)?\s*(函授|成人|成教|自考|网络教育|在职|全日制|夜大|电大)?\s*" + DEGREE + r"(?!学历)")
LEVEL_BEFORE = re.compile(DEGREE + r"(学历|文凭)?(毕业)?(是)?\s*$")
THRESHOLD = re.compile(r"(够|满|到|达到|有没有|超过|差)[^,，]{0,4}$")


def _role(clause: Clause, start: int, end: int) -> str | None:
    """The event nearest a mention in its clause: one after it first ("2019年毕业"), else one before
    ("毕业于2019年"); a held title alone dates its appointment ("2019年的助工")."""
    if (clause.has("events.graduation") and re.search(r"毕业证|文凭|学历", clause.text) or DEGREE_OBTAINED.search(clause.text)) \
            and not clause.has("title"):
        return "graduation"  # "16年11月拿的毕业证", "2022年取得大专学历": the date of graduating, not of a title obtained
    best, best_score = None, 99
    for t in clause.has("events"):
        if t.dim == "events.work_start" and MODIFIER.match(clause.text, t.end - clause.start):
            continue  # "2021年8月我负责的一台设备装错了": which machine, not when work began
        score = t.start - end if t.start >= end else (start - t.end) + 3
        if score < best_score:
            best, best_score = t.dim.split(".")[1], score
    after = clause.text[end - clause.start:]
    if best == "obtained" and re.search(r"拿证|下证|发证", clause.text) and STARTED_WORK.match(after) and not (
            clause.has("title") or re.search(r"资格|职称", clause.text)):
        return "work_start"  # "(21年12月才拿到毕业证，)拿证那个月就进泵厂搞PLC编程": which 证 is unsaid; the start is said
    titles = clause.has("title") + clause.has("other_series")
    if best == "work_start" and any(0 <= start - t.end <= 4 and re.fullmatch(r"(干|当|做|任)了?", clause.text[
            t.end - clause.start:start - clause.start].strip() or "了") for t in titles):
        return "appointed"  # "助理会计师干了六年", "助工当了5年": the years the title was held
    if best in ("obtained", "appointed", None) and FAILED.search(clause.text) and (re.search(r"报|评|申", clause.text) or any(
            FAILED.match(clause.text, t.end - clause.start) for t in clause.has("title"))):  # ("去年中级挂了")
        return None  # "去年报工程师没评上", "2021年报过一次工程师没过": the date of a failed review, no title
    if best is None and (clause.has("title") or clause.has("other_series")):
        if re.search(r"(才能|才可以|就能|就可以|能|可以|再)\s*(报|评|申报|申请|考)[^,，]{0,4}$",
                     clause.text[:min(t.start for t in clause.has("title") or clause.has("other_series")) - clause.start]):
            return None  # "得明年才能报助工": when one may apply, not when the title was held
        return "appointed"
    said = clause.text[start - clause.start:end - clause.start]
    if best is None and (LEVEL_AFTER.match(after) or LEVEL_BEFORE.search(clause.text[:start - clause.start])):
        return "graduation"  # "我是2010年的本科", "大专17年", "零九年的中专生": the year of that degree
    if best is None and STARTED_WORK.match(("开始" if re.search(r"(开始|起)$", said) else "") + after):
        # "2018年开始在一家做数控机床的厂写PLC程序"; "去年3月来温岭这家机床厂" is a move to the present unit
        return "changed_unit" if re.match(r"[^,，]{0,8}(这家|这个|现在的|现在这|现单位)", after) else "work_start"
    if best is None and MOVED_TO_MACHINERY.search(after):
        return "moved"  # "今年3月才换到机电岗位", "今年4月公司让她去设备科管设备维护": 机电 work began (第五条)
    if best == "obtained" and re.search(r"奖|称号|劳模|模范|标兵|能手|工匠|先进|专利|荣誉|标准|论文|技术中心|创新团队|研发中心|"
                                        r"被[^,，]{0,8}评为", clause.text) and not (
            clause.has("title") or re.search(r"资格|职称|证书|聘书", clause.text)):
        return "achievement"  # "去年被评为县劳模": the date of an honour, not of a title
    return best


def months_between(since: date, reference: date) -> int:
    """Calendar months paid from the month of `since` up to the month before the reference day."""
    return max(0, (reference.year * 12 + reference.month) - (since.year * 12 + since.month))


def _insured(reading: Reading, clause: Clause, months: int, message: str, person: str) -> None:
    """Months insured: in the city (温岭/台州/本市/这边) or in the unit; insurance paid elsewhere (温州, 外省) counts for neither."""
    if re.search(r"外省|省外|老家|温州|杭州|宁波|上海|江苏|广东|外地|别的城市|以前的城市", clause.text) and not re.search(
            r"温岭|台州|本市|这边|这里", clause.text):
        return
    city = re.search(r"温岭|台州|本市|这边|这里|市里", clause.text)
    name = "months_insured_in_unit" if UNIT_WORDS.search(clause.text) and not city else "months_insured_in_city"
    reading.set(name, months, clause.text, person)


def _date_fact(reading: Reading, clause: Clause, role: str, mention: Mention, reference: date, message: str) -> None:
    person, value = clause.person, mention.value
    if role == "insured":
        _insured(reading, clause, months_between(value, reference), message, person)
    elif role == "changed_unit":  # "今年8月才跳到我们公司": insured in the new unit since then (said aloud)
        reading.set("months_insured_in_unit", months_between(value, reference), clause.text, person,
                    presumed="按换到现单位起在现单位缴纳社保计算")
        if MOVED_TO_MACHINERY.search(clause.text, mention.end - clause.start):
            reading.set("machinery_work_start_date", value.isoformat(), clause.text, person)  # "今年1月才换到这家电机厂做工艺"
        if any(t.start > mention.end for t in clause.has("events.appointed")) and clause.has("title") and \
                not re.search(r"接着聘|继续聘|续聘|照样聘", clause.text) or \
                re.search(r"(才|这才)[^,，]{0,4}(正式)?聘|正式聘", clause.text[mention.end - clause.start:]):
            reading.set("title_appointed_date", value.isoformat(), clause.text, person)  # "…换到这家公司才正式聘任"
    elif role == "penalty" and SANCTION.search(clause.text):
        pass  # a 党纪 or 刑事 sanction, or a traffic fine, is not 第二十条's penalty (language/conduct.py reads it)
    elif role == "penalty":
        amount = re.search(r"(\d+(?:\.\d+)?)\s*(万)?\s*(元|块)", clause.text) or re.search(
            r"(?:罚款|罚了)[^\d,，。]{0,4}(\d+(?:\.\d+)?)\s*(万)?\s*(元|块)?", message)
        penalty = {"date": value.isoformat()}
        if amount:
            penalty["amount_yuan"] = float(amount.group(1)) * (10000 if amount.group(2) else 1)
        reading.set("penalties", [penalty], clause.text, person)
    elif role == "moved":
        reading.set("machinery_work_start_date", value.isoformat(), clause.text, person)
    elif role == "action":
        if value >= reference.replace(month=1, day=1):
            reading.set("action_date", value.isoformat(), clause.text, person)
    elif role in ("appointed", "obtained") and any(t.value == "技术员" for t in clause.has("title")):
        reading.set("technician_appointed_date", value.isoformat(), clause.text, person)
    elif role == "graduation" and value > reference:
        return  # "专升本明年7月毕业": a degree not yet held dates nothing (its level is not read either)
    elif role in ("work_start", "appointed", "obtained") and value.year > reference.year:
        return  # "老板说明年给我们统一报助工": a plan, not a title held or work begun
    elif role in DATE_FACT:
        reading.set(DATE_FACT[role], value.isoformat(), clause.text, person)
        if role == "work_start" and clause.has("title") and not reading.get("title_appointed_date", person) and \
                re.search(r"(入职|进厂|进公司|参加工作|工作)(的)?(后|以后|之后|就|即|同时|当月|当时|时)[^,，]{0,6}(聘|评)", clause.text):
            reading.set("title_appointed_date", value.isoformat(), clause.text, person,
                        presumed="按入职当时即聘任计算")  # "去年5月入职后聘了助理工程师"
        if role in ("work_start", "changed_unit") and MOVED_TO_TECHNICAL.search(clause.text):
            reading.set("machinery_work_start_date", value.isoformat(), clause.text, person)  # "21年3月调到技术岗做电机设计"
        if role == "graduation" and re.search(r"(毕业(\([^)]{0,20}\))?(就|后|以后|之后|即|马上)|一毕业)[^,，]{0,8}"
                                              r"(进|入职|工作|上班|做|干|参加|开始)", clause.text):  # "毕业（机械…）就在泵厂"
            reading.set("work_start_date", value.isoformat(), clause.text, person)  # "16年毕业就进厂了"
    if mention.assumed and role in DATE_FACT:
        reading.notes.append(mention.assumed)


def attach_dates(reading: Reading, clauses: list[Clause], mentions: list[Mention], reference: date,
                 message: str) -> list[Mention]:
    """Set each date's fact; return the dates that belong to no event (a bare reply, or a deadline)."""
    loose, graduations = [], []
    dated = [m for m in mentions if m.kind == "date"]
    ends = {id(b) for a, b in zip(dated, dated[1:], strict=False) if RANGE_BETWEEN.fullmatch(message[a.end:b.start])}
    for i, clause in enumerate(clauses):
        for mention in (m for m in mentions if m.kind == "date" and clause.start <= m.start < clause.end and id(m) not in ends):
            # ("2018/07—2020/12在我司做技术": the period's end dates no event; its start does)
            if MEASURED_TO.search(message[clause.start:mention.start].rstrip()) and \
                    not re.match(r"\s*((才|就)(?!满|够|能|可以)|的时候|开始|正式)", message[mention.end:]):
                continue  # "到2022年底够不够": the measuring point ("到2019年7月才正式聘任" is a date)
            role = _role(clause, mention.start, mention.end)
            if role == "work_start" and JOINED_THIS_UNIT.search(clause.text) and EARLIER_UNIT.search(message) and \
                    re.search(r"社保|保险", message):
                role = "changed_unit"  # "去年12月入职我们单位的，之前在另一家厂交了5年": the move, not the start
            nearby = [c.text for c in clauses[max(0, i - 1):i + 2]]
            if role in (None, "work_start", "changed_unit") and ARRIVED_HERE.search(clause.text) and \
                    any("社保" in t or "保险" in t for t in nearby):
                _date_fact(reading, clause, "insured", mention, reference, message)  # "社保的话，我今年5月才回温岭上班"
            elif role in (None, "work_start", "changed_unit") and CAME_FROM_ELSEWHERE.search(clause.text) and \
                    not reading.get("months_insured_in_city", clause.person):
                reading.set("months_insured_in_city", months_between(mention.value, reference), clause.text, clause.person,
                            presumed="按调来后在本市缴纳社保计算")  # "上个月从江苏调过来": insured here since
                if role is None:
                    continue
            after = clauses[i + 1] if i + 1 < len(clauses) else None
            if after and THEN.search(after.text) and after.has("events.insured") and not any(
                    after.start <= m.start < after.end for m in mentions if m.kind == "date"):
                if role == "changed_unit" and not ARRIVED_HERE.search(clause.text):  # "换了现在这家，社保跟着转过来的"
                    _date_fact(reading, clause, role, mention, reference, message)  # the unit's months, not the city's
                else:
                    _date_fact(reading, after, "insured", mention, reference, message)  # "…调到温岭，社保从那时开始交"
                if role in (None, "changed_unit"):
                    continue
            # A clause that is only the date ("2018年7月，本科毕业") dates the event of the next (or last) clause.
            # A clause that gives a date and a circumstance ("2021年3月因为绕组出问题，公司罚了1000块") dates the
            # event of the next clause when that one has no date of its own.
            bare = len(clause.text.strip()) - len(mention.text) <= 2
            neighbours = [c for c in (clauses[i + 1:i + 2] + clauses[i - 1:i] if i and bare else clauses[i + 1:i + 2])
                          if not any(c.start <= m.start < c.end for m in mentions
                                     if m.kind == "date" or m.kind == "months" and not bare)
                          and not LATER.match(c.text)  # "…，我管设备维护7年了": that clause has its own time
                          and not re.search(r"[。!！?？]", message[min(clause.end, c.end):max(clause.start, c.start)])]
            # (nor across a sentence's end: "2021年自考了个本科。现在最高学历是本科" dates no 毕业 of the next)
            figure = re.search(r"\d", clause.text.replace(mention.text, ""))  # "2022年到现在85": a year's figure
            for other in neighbours if role is None and not figure else []:
                role = next((t.dim.split(".")[1] for t in other.has("events")), None)
                if role:
                    clause = other
                    break
            if role is None:
                loose.append(mention)
            elif role == "graduation":
                _date_fact(reading, clause, role, mention, reference, message)
                graduations.append((degree_rank(reading, clauses, clauses.index(clause)), clause, mention))
            else:
                _date_fact(reading, clause, role, mention, reference, message)
    graduations_counted(reading, graduations, reference)
    return loose


def presume_appointed_from_obtained(reading: Reading, person: str) -> None:
    """Only the date the title was obtained is known: its appointment is presumed the same day."""
    obtained = reading.get("title_obtained_date", person)
    if obtained and not reading.get("title_appointed_date", person) and reading.get("title_appointed", person) is not False:
        reading.set("title_appointed_date", obtained, "取得资格", person, presumed="按取得资格当时即被聘任、一直在聘计算")
    reading.frames[person].pop("title_obtained_date", None)


def presume_machinery_work(reading: Reading, clauses: list[Clause], person: str) -> None:
    """Someone holding another series' title who says when they began technical work in 机电 ("现在在机电
    企业做技术1年半") gives the start of 机电 work that 转评 (附件2 第五条) counts."""
    series = reading.get("title_series", person)
    started = reading.get("work_start_date", person)
    if series and series != "机电" and started and not reading.get("machinery_work_start_date", person):
        words = next((c.text for c in clauses if c.person == person and re.search(r"机电|现在|现|转岗|调到|转到", c.text)), None)
        if words:
            reading.set("machinery_work_start_date", started, words, person)
