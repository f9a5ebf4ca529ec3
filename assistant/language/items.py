"""Titles held and applied for, as applicants name them: the level and its series (化工助工, 建筑系列的技术员,
a 助理工程师 presumed 机电 aloud), the title asked for ("中工伐", "助工想今年报"), and whether it was appointed.
Education and the major are in studies.py; achievements in achieved.py."""

from __future__ import annotations

import re

from assistant.language.clauses import Clause
from assistant.language.reading import Reading

APPLY = re.compile(r"(报|评|申报|申请|考|升|晋升|冲|apply|for|(?:能|可以|想|要|能不能)上)\s*(个|一下|下)?\s*[：:]?\s*$")
# "中工吗", "助工伐", "中工够没", "中工行不": a title with only the asking after it is the title asked for
# (the question particles of Mandarin and of 吴语 伐) — unless a word before it says it is held ("我是助工吗").
TITLE_ASKED = re.compile(r"\s*(今年|现在|这次|今年就|现在就|明年)?(了)?\s*(吗|"
                         r"么|嘛|伐|哇|不|没|够没|够了没|够了吗|够了伐|够了不|够不够|够不|够吗|行不|行伐|行吗|行么|"
                         r"行了吧|行吧|可以了吧|可以吧|能行吧|"
                         r"可以不|可以吗|可以伐|能不|能伐|"
                         r"有戏吗|有戏没|有戏不|有戏伐|有戏嘛|有戏么|有希望吗|有没有戏|稳吗|稳不稳|稳伐|稳不|咋样|怎么样|"
                         r"(是不是)?还差(点|多少|几个月)?(吗|吧)?)?[?？。.!！~～\s啊呀]*$")
WISH = re.compile(r"想|要|打算|准备|希望|计划")
TITLE_ORDER = ["技术员", "助理工程师", "工程师"]  # lowest first
HELD_BEFORE = re.compile(r"(是|当|聘|拿|有|任|评上|评了|算|属于|取得|持)[^,，]{0,3}$")
HELD_MARK = re.compile(r"是|当|聘|拿|有|任|评上|评了|评的|评过|取得|获得|持|考了|考过|考的|升了|晋升|已经")
WHEN_AFTER = re.compile(r"\s*(的话)?\s*(啥时候|什么时候|何时|哪年|几时|要等到)")
TOPIC_ASKED = re.compile(r"\s*(的话)?\s*(要不要|需不需要|用不用|需要|要|得|必须|是不是|有没有|怎么|如何|咋)[^,，]{0,3}"
                         r"(考|考试|参加|论文|实操|答辩|面试|交|提供|准备|报名|申报|评审|审核)")
FAILED_AFTER = re.compile(r"[^,，]{0,4}?((没|没有|未)(过|通过|评上|评过|评下来|成功)|落选|被刷|挂了|失败)")
ACHIEVEMENT_WORDS = re.compile(r"专利|奖|称号|劳模|模范|论文|首台|标准|技术中心|创新团队|重点[^,，]{0,6}项目")
NOT_HELD_AFTER = re.compile(r"\s*(都|也|还|从来|一直)?(没|没有|未)(评|拿|考)")


# Words after a title that make it the one asked about: "工程师的话…", "大专的要做几年", "是否符合工程师申报条件".
ASKED_ABOUT = re.compile(r"(的话|这块|方面|要(做)?几年|需要几年|要多久|要什么|的条件|的要求|申报条件|申报资格|评审条件|"
                         r"要交|需要交|要准备|要提交|的材料|申报材料)")  # "助工要交什么材料": the title applied for


HOME_FIELDS = r"机电|机械|电气|电机|自动化|机电一体|本|相近|这个|什么|哪个|同"
# Another sector's review even when the field's name has a home word in it ("建筑电气", "化工机械"): its title
# is that sector's series (附件2 第五条: 转评 first).
OTHER_SECTOR = r"^(建筑|土建|市政|水利|交通|化工|船舶|冶金|纺织|轻工|环保|公路|铁路|民航|电力|通信|电子)"
# A title's field said after it: "助理工程师证是建筑电气专业的", "助工是化工系列的".
FIELD_AFTER = re.compile(r"(?:证|证书|资格|职称)?(?:是|属于|为)([\u4e00-\u9fff]{2,6}?)(?:专业|系列)的?")


def _home(field: str) -> bool:
    return bool(re.search(HOME_FIELDS, field)) and not re.search(OTHER_SECTOR, field)


def _field_before(before: str) -> str | None:
    """"建筑工程专业的助理工程师", "我2018年取得的是电子专业的助理工程师": the field named right before a title
    is its series (the words after the last 是/的/个/我 and before 专业/系列)."""
    m = re.search(r"(?:专业|系列)的?$|(?<=工程)的$", before)  # "建筑工程的工程师": a field of engineering, too
    if not m:
        return None
    field = re.split(r"[是的个我了有拿持评过在,，\d年月]", before[:m.start()])[-1]
    return field if 2 <= len(field) <= 6 else None


# "2021年评助工", "17年评的技术员": a title evaluated in a year said is held, not applied for (unless wished).
DATED_EVALUATED = re.compile(r"(\d{4}|\d{2,4}\s*年)\s*(\d{1,2}\s*月)?(份)?(底|初|中|末)?(就|才|又|再|已经|已)?"
                             r"(评|考)(上|了|的|过)?\s*(个|一个)?\s*$")


WISHED_AFTER = re.compile(r"\s*(也)?(想|要|打算|准备)(今年|明年|现在)?(报|评|申报|申请)")  # "助工想今年报"
TOPIC_AFTER = re.compile(r"(职称|资格)?[,，\s]*(想|要)?(问问|问下|问一下|咨询一下|咨询)")  # "工程师职称，想问问"


def _dated_done(before: str) -> bool:
    return bool(DATED_EVALUATED.search(before)) and not WISH.search(before)


def titles(reading: Reading, clauses: list[Clause], message: str, bare_title: bool = True) -> None:
    """Titles held and applied for; `bare_title`: a message that is only a title ("中级") names the one applied
    for (unless the assistant just asked which title is held)."""
    order = TITLE_ORDER
    for index, clause in enumerate(clauses):
        person = clause.person
        following = clauses[index + 1] if index + 1 < len(clauses) else None
        for t in clause.has("other_series"):
            reading.set("title_series", t.value, clause.text, person)
            reading.set("title_level", t.extra, clause.text, person)
        first_title = clause.has("title")[0].start if clause.has("title") else clause.end  # ("…能不能来温岭报机电的")
        applying = re.search(r"(报|申报|申请|(?<!转)评|考|升|弄|搞个|想要|想拿|要拿)[^,，是聘当拿有]{0,8}$",
                             message[clause.start:first_title])
        applying = applying or re.search(r"转评(成|为|到)[^,，]{0,3}机电|转(成|为|到)[^,，]{0,3}机电", clause.text) or \
            (clause.asks or WISH.search(clause.text)) and re.search(r"(转评|走)[^,，]{0,3}机电", clause.text)
        # "想今年就转成机电助工", "想转评机电工程师", "想以后走机电职称": the series wanted, not the one held
        if clause.has("series_machinery") and not applying and not any(  # "想评机电工程师" names the series applied for
                clause.negated_before(t.start, 3) for t in clause.has("series_machinery")):  # "我不是机电专业的"
            reading.set("title_series", "机电", clause.text, person)
        for t in clause.has("title"):
            if any(s.start <= t.start < s.end for s in clause.has("other_series")):
                continue
            field = (m.group(1) if (m := re.match(r"[(（]([\u4e00-\u9fff]{2,6})[)）]", message[t.end:t.end + 8]))
                     else _field_before(message[clause.start:t.start]))
            if not field and (m := FIELD_AFTER.match(message, t.end, clause.end)):
                field = m.group(1)
            if not field and (m := re.search(OTHER_SECTOR[1:] + r"(的|那边的|方面的|行业的)?$", message[clause.start:t.start])):
                field = m.group(1)  # "2015年评的化工助工": the sector's series, said right before the title
            if field and not _home(field):
                reading.set("title_series", field, clause.text, person)  # "助理工程师（化工工艺）": another series
                if reading.get("major", person) and reading.get("major", person) in field:
                    reading.frames[person].pop("major")  # "电子专业的助理工程师" names the title's field, not a degree
            if clause.negated_before(t.start, 4) or NOT_HELD_AFTER.match(message, t.end, clause.end) and not re.search(
                    r"(报|申报|申请|评|考)[^,，]{0,3}$", message[clause.start:t.start]):  # ("去年报工程师没评上": applied for)
                # "没评过助工", "技术员都没评过": no title held (not a title applied for)
                reading.set("title_level", "无", clause.text, person, replace=False)
            elif t.value != "技术员" and re.search(r"(问|咨询|了解|关于)[^,，]{0,6}$", message[clause.start:t.start]) and (
                    re.match(r"(的事|的情况|的问题|怎么|要|需要|条件)", message[t.end:t.end + 4]) or
                    not message[t.end:clause.end].strip("?？。.!！ 吧呢啊")):  # "我想问下助理工程师"
                reading.set("target", t.value, clause.text, person)  # "帮员工问一下中级的事"
            elif re.search(r"转(?:评(?:成|为|到)?|成|为|到)[^,，]{0,5}$", message[clause.start:t.start]) and (
                    clause.asks or re.search(r"想|要|打算|准备|能不能|可不可以", clause.text)):
                reading.set("target", t.value, clause.text, person)  # "把职称转成机电的助理工程师": the level transferred to
            elif t.value != "技术员" and (WISHED_AFTER.match(message, t.end, clause.end) or
                                         clause.start == t.start and TOPIC_AFTER.match(message, t.end, t.end + 12)):
                reading.set("target", t.value, clause.text, person)  # "助工想今年报", "初级就行…助工想报"
            elif t.value != "技术员" and ASKED_ABOUT.match(message[t.end:t.end + 5]):
                reading.set("target", t.value, clause.text, person)  # "工程师的话我是不是还要等", "大专的要做几年"
            elif t.value != "技术员" and (bare_title and re.fullmatch(r"(报|申报|评|想报)?\s*" + re.escape(message[t.start:t.end])
                                                                      + r"\s*(的|吧|啊|呀)?", message.strip("?？。.!！ ")) or re.match(
                    r"[^,，聘当是拿有了的]{0,6}?(能报|能不能报|可以报|可不可以报|报得了|能评|能申报|可以申报|能申请|可以申请|能不能申请|"
                    r"好报|怎么报|要什么条件|"
                    r"需要什么条件|要几年|还能报|能不能评|可不可以评|能不能申报|报吗|报么|报不|申报吗|够年限|年限够|年限到|够得上|够不够得上|"
                    r"够不上|够格|够资格|有资格|有没有资格|评得上|评不评得上|能评上|好伐|行伐|可以伐|"
                    r"(能|可以|可不可以|能不能|好)(搞|弄|整|拿|冲|考)|行吗|行不行|行么|可以吗|成吗|成不|"
                    r"什么时候(开始)?(报|申报|报名)|(报名|申报)(时间|什么时候|截止))",
                    message[t.end:clause.end])):  # "工程师今年能报么", "今年工程师到底能不能报": the title asked for
                reading.set("target", t.value, clause.text, person)  # "中级" alone, "那助工能报吗": the title applied for
            elif t.value != "技术员" and re.fullmatch(r"(那|那么|那要是|要是|那如果)?(报|申报|评)?\s*" + re.escape(message[t.start:t.end])
                                                     + r"\s*(的)?(呢|的话呢|怎么样|咋样|如何|又如何)", clause.text.strip("?？。.!！ ")):
                reading.set("target", t.value, clause.text, person)  # "高工怎么报" … "那工程师呢": the title now asked for
            elif t.value != "技术员" and re.search(r"把\s*$", message[clause.start:t.start]) and \
                    re.match(r"\s*(先)?(报|评|申报|申请|考|拿)", message[t.end:clause.end]):
                reading.set("target", t.value, clause.text, person)  # "先把助工报了": the title applied for
            elif t.value != "技术员" and clause.asks and message[t.end:clause.end].strip() and \
                    TITLE_ASKED.fullmatch(message[t.end:clause.end]) and not HELD_BEFORE.search(message[clause.start:t.start]):
                reading.set("target", t.value, clause.text, person)  # "大专电机与电器 助工2018年11月聘 中工伐"
            elif t.value != "技术员" and FAILED_AFTER.match(message, t.end, clause.end):
                reading.set("target", t.value, clause.text, person, replace=False)  # "21年评中工没过": tried, not held
            elif t.value != "技术员" and not message[clause.start:t.start].strip() and WHEN_AFTER.match(message, t.end, clause.end):
                reading.set("target", t.value, clause.text, person)  # "大专17年，助工20年，中级啥时候": when it may be applied for
            elif clause.asks and not message[clause.start:t.start].strip() and TOPIC_ASKED.match(message, t.end, clause.end):
                continue  # "中级要不要考试", "工程师需不需要论文": the title's rules asked about, not a title held
            elif re.search(r"(不用|不必|无需|不需要|用不着|没必要|跳过|省得)[^,，]{0,4}$", message[clause.start:t.start]):
                continue  # "直接评中级就行，不用先评助工": a title one need not apply for is neither held nor asked
            elif t.value != "技术员" and not _dated_done(message[clause.start:t.start]) and (
                    APPLY.search(message[max(clause.start, t.start - 4):t.start]) or
                                         re.search(rf"({WISH.pattern})(拿|考|弄|搞|评|报|申请|申报)[^,，是聘当有]{{0,6}}$",
                                                   message[clause.start:t.start]) or  # "想拿机电工程师证"
                                         re.search(r"(报|申报|申请|(?<!转)评(?![上的了过完下为成]))[^,，是聘当拿有]{0,8}$",
                                                   message[clause.start:t.start])):
                reading.set("target", t.value, clause.text, person)
            elif re.search(r"(就是|也就是|即|指的是|说的是)\s*$", message[clause.start:t.start]) and \
                    reading.get("target", person) == t.value:
                continue  # "能报主攻吗 就是助理工程师": the title just asked for, spelled out
            elif re.search(r"(\d+|几|十几|好几|多|两|一些)\s*(个|位|名)(人|同事|员工|师傅)?(都|也)?(拿到|拿了|评上|评了|考了|有)?$",
                           message[clause.start:t.start]):
                continue  # "厂里有十二个工程师", "去年有7个人拿到助工证": people counted, not a title held
            elif t.value != "技术员" and clause.text.strip() == message[t.start:t.end] and following and following.asks and \
                    TITLE_ASKED.fullmatch(following.text):
                reading.set("target", t.value, clause.text, person)  # "…做项目技术 助工 咋样": the title, then only the asking
            else:
                held = reading.get("title_level", person)
                if held in order and order.index(held) > order.index(t.value):
                    continue
                if held in order and t.value != "技术员" and not HELD_MARK.search(re.sub(r"是不是|有没有|是否", "", clause.text)) and \
                        not re.search(r"\d", clause.text):
                    reading.set("target", t.value, clause.text, person, replace=False)  # "助工2020年…中级是不是要到明年"
                    continue
                reading.set("title_level", t.value, clause.text, person)


NOT_APPOINTED = re.compile(r"(没|未|不|没有)(给我|给他|给她|给俺)?(发|下|签)?(聘书|聘任|聘用|聘)|没被聘|没有被聘|一直没聘|没人聘|"
                           r"只有证|光有证|只拿了证|有证没聘|没发聘书|不给聘|不肯聘|不愿意聘|不愿聘")


def not_appointed(reading: Reading, clauses: list[Clause]) -> None:
    """"证拿了，厂里一直没给我发聘书": a title held but never appointed (第四条（二） counts years 实际聘任)."""
    for clause in clauses:
        if NOT_APPOINTED.search(clause.text) and not clause.asks and (
                reading.get("title_level", clause.person) not in (None, "无")):
            appointed = next((e.evidence for e in reading.evidence if e.name == "title_appointed_date"
                              and e.person == clause.person), "")
            if "聘" in appointed and not NOT_APPOINTED.search(appointed):
                continue  # "一直没聘，到2019年7月才正式聘任": appointed later, on the day said
            reading.set("title_appointed", False, clause.text, clause.person)
            reading.frames[clause.person].pop("title_appointed_date", None)


def transferred_series(reading: Reading, clauses: list[Clause]) -> None:
    """"转评为机电助理工程师": after 转评 the title held is in the 机电 series, whatever series came before."""
    for clause in clauses:
        done = re.search(r"转评(为|成|到|了)|已(经)?转评|转成(了)?机电|转到机电", clause.text)
        wish = re.search(r"想|要|打算|准备|能不能|可不可以|申请|希望", clause.text)  # "想今年就转成机电助工": not done yet
        if clause.has("events.transferred") and "机电" in clause.text and done and not clause.asks and not wish:
            reading.set("title_series", "机电", clause.text, clause.person)


def no_title(reading: Reading, clauses: list[Clause]) -> None:
    """"没有任何职称", "没评过职称": the title held is none (技术员 is not a title one can lack silently)."""
    for clause in clauses:
        if re.search(r"(没有|没|无|未)(任何|评过|评上|拿过|取得|评)?(的)?职称|职称(也)?(没有|没评|还没)", clause.text):
            reading.set("title_level", "无", clause.text, clause.person)


def presume_series(reading: Reading, person: str) -> None:
    """A 助理工程师 named without a series, by someone applying here, is presumed 机电 — said aloud."""
    if reading.get("title_level", person) in ("技术员", "助理工程师", "工程师") and not reading.get("title_series", person):
        level = reading.get("title_level", person)
        reading.set("title_series", "机电", level, person,
                    presumed=f"按您的{level}为机电系列计算，如是其他系列（如经济、会计）请告诉我")


def after_title(reading: Reading, clauses: list[Clause], person: str, dates: list = ()) -> None:
    """第十七条 counts only achievements obtained after 任现职: "是聘助工之前拿的" says they were not; the dates
    said in the achievements' own clauses ("2015年在老单位拿过两个授权发明专利") let the engine compare
    (unsaid, it keeps the rule as a reminder)."""
    achieved = reading.get("achievements", person) or {}
    if not any(v not in (None, "无", 0, False) for v in achieved.values()):
        return
    on = [m.value.isoformat() for c in clauses if c.person == person and ACHIEVEMENT_WORDS.search(c.text) and not c.has("title")
          for m in dates if c.start <= m.start < c.end]
    if on:
        reading.set("achievements.obtained_dates", on, ",".join(c.text for c in clauses if ACHIEVEMENT_WORDS.search(c.text)), person)
    for clause in clauses:
        before = re.search(r"(聘|评|任现职|当助工|取得)[^,，]{0,6}(之前|以前|前)[^,，]{0,4}(拿|获|得|评)", clause.text)
        if clause.person == person and before:
            reading.set("achievements.obtained_after_title", False, clause.text, person)
