"""Facts that are things rather than dates: education, major, titles, achievements with their levels,
photo specs, hours, 社保, 考核, the 2021 rule, papers — each read within its clause, with its qualifier
(企业标准 is not a 国家标准, 实用新型 is not a 发明专利, 成员 is not 骨干, 协会 titles are not government
ones) and its polarity ("没有发明专利" is 0, "没有任何获奖" is none of each)."""

from __future__ import annotations

import re

from assistant.documents.normalize import normalize
from assistant.language.clauses import Clause
from assistant.language.lexicon import known_majors_as_read, lexicon
from assistant.language.reading import Reading

APPLY = re.compile(r"(报|评|申报|申请|考|升|晋升|冲|apply|for|(?:能|可以|想|要|能不能)上)\s*(个|一下|下)?\s*$")
# "中工吗", "助工伐", "中工够没", "中工行不": a title with only the asking after it is the title asked for
# (the question particles of Mandarin and of 吴语 伐) — unless a word before it says it is held ("我是助工吗").
TITLE_ASKED = re.compile(r"\s*(今年|现在|这次|今年就|现在就|明年)?(了)?\s*(吗|"
                         r"么|嘛|伐|哇|不|没|够没|够了没|够了吗|够了伐|够了不|够不够|够不|够吗|行不|行伐|行吗|行么|"
                         r"行了吧|行吧|可以了吧|可以吧|能行吧|"
                         r"可以不|可以吗|可以伐|能不|能伐|"
                         r"有戏吗|有戏没|有戏不|有戏伐|有戏嘛|有戏么|有希望吗|有没有戏|稳吗|稳不稳|稳伐)?[?？。.!！~～\s]*$")
UNFINISHED = re.compile(r"[^,，。]{0,3}(没读完|没念完|没毕业|没有毕业|没拿到|没拿证|肄业|读了一半|退学|还在读|在读|正在读)|"
                        r"[^,，。]{0,6}(明年|后年|下半年|快|马上|就要|年底才|明年才)[^,，。]{0,3}毕业")  # "专升本明年就毕业": not yet
WISH = re.compile(r"想|要|打算|准备|希望|计划")
PLANNED = re.compile(r"(打算|准备|计划|想|要|明年|后年)[^,，。]{0,4}(去|再)?(读|考|报|上|念)[^,，。]{0,2}$")
TITLE_ORDER = ["技术员", "助理工程师", "工程师"]  # lowest first
HELD_BEFORE = re.compile(r"(是|当|聘|拿|有|任|评上|评了|算|属于|取得|持)[^,，]{0,3}$")
STUDY = re.compile(r"专业|学|毕业|读|念|本科|大专|专科|中专|硕士|研究生|博士|学历|文凭|学位|出身|科班")
NOT_A_MAJOR = re.compile(r"毕业|学历|工作|聘|助工|工程师|^技术|技术(员|工作|岗|部|科|活)|职称|时候|时间|专业|以上|学位|"
                         r"^本|^相近|^机电|^该|什么|^这|所学|"
                         r"显得|这样|那样|说|看起来|比较|挺|很|不够|够|"  # "说这样显得专业": 专业 as an adjective
                         r"成人|函授|自考|夜大|电大|大专|本科|中专|全日制|你|问|"  # "成人大专", "哦你问的是专业啊"
                         r"^我|报|评|申|能|想|^是|本$|的$|了|获得|从事|领域|相关|对口|同一|一样|不同|哪个|这个|那个|其中|每年|科目|课程|学时|继续|时|"
                         r"级|期刊|刊物|^在|帮|看看|不|吗|呢")


def education(reading: Reading, clauses: list[Clause]) -> None:
    order = list(lexicon()["education"])
    for clause in clauses:
        levels = [t for t in clause.has("education") if not clause.negated_before(t.start, 2)
                  and not UNFINISHED.match(clause.text, t.end - clause.start)  # "专升本没读完": no degree
                  and not PLANNED.search(clause.text[:t.start - clause.start])  # "打算明年去读个专升本"
                  and not re.search(r"(在读|正在读|还在读|读着)[^,，]{0,4}$", clause.text[:t.start - clause.start])]  # "我在读函授本科"
        if levels:
            best = max(levels, key=lambda t: order.index(t.value))
            held = reading.get("education_level", clause.person)
            if held in order and order.index(held) > order.index(best.value):
                continue  # "自考的本科…之前是中专": the highest held, whichever is said last
            reading.set("education_level", best.value, clause.text, clause.person)


def major(reading: Reading, clauses: list[Clause], message: str = "") -> None:
    """The major studied; of two ("大专学的文秘，后来自考了机械工程本科") the one of the highest education."""
    names = known_majors_as_read()  # the longest name said wins, in or out of the catalogue: "机械制造及自动化" is not "自动化"
    order = list(lexicon()["education"])
    short = sum(len(c.text) for c in clauses) <= 12  # a bare reply ("机电一体化") to "您学的什么专业？"
    found: dict[str, list[tuple[int, str, Clause]]] = {}
    previous = -1  # the education of the clause before, when it named no major ("又读了第二学士，专业是…")
    before = ""  # that clause's words ("成人大专又毕业了一个，机械制造工艺与设备")
    for clause in clauses:
        text = clause.text
        written = [m.span() for m in WRITTEN_IN.finditer(text)]  # "那栏我想写“机械设计…”": a form's value, no major
        known = next((n for n, read in names if read in text and not PLACE_OF_WORK.match(text, text.index(read) + len(read))
                      and not any(a <= text.index(read) < b for a, b in written)
                      and not NOT_STUDIED.search(text[:text.index(read)])), None)  # "不是学机电的": not the major
        about_catalogue = known and re.search(r"本专业|相近|名单|目录|对口", text)  # "电子信息工程是机电的相近专业吗"
        named_after_level = previous >= 0 and MAJOR_SHAPED.fullmatch(text)  # "我是硕士，控制工程": the major, alone
        if not (short or STUDY.search(text) or about_catalogue or known and len(text) - len(known) <= 3 or named_after_level):
            continue  # "在机械厂做自动化设备" names no major: words about study, or a major said on its own, do
        applied = re.search(r"(报|评|申请|想拿|要拿|想考)[^,，]{0,6}(机电|助理|工程师|中级|初级|职称)", text)
        if applied and (not known or text.find(normalize(known)) >= applied.start()):
            continue  # "能报机电专业的助理工程师吗": the series applied for; "通信工程能报机电工程师吗" names both
        said = known or (text if named_after_level and not NOT_A_MAJOR.search(text) else None)
        if not said and STUDY.search(text):
            candidates = [*re.finditer(r"(?:学的|专业是|读的|念的|所学专业)([\u4e00-\u9fff]{2,10}?)(?:专业|的|毕业|$)", text),
                          *re.finditer(r"(?:^|中专|大专|专科|本科|硕士|研究生|博士|技校)(?:是|读的|念的)?学(?:的)?"
                                       r"([\u4e00-\u9fff]{2,8}?)的$", text),
                          *re.finditer(r"(?:^|是|我|读|念|中专|大专|专科|本科|硕士|研究生|博士)([\u4e00-\u9fff]{2,8}?)专业", text)]
            said = next((m.group(1) for m in candidates if not NOT_A_MAJOR.search(m.group(1))), None)
        if said:
            rank = max((order.index(t.value) for t in clause.has("education")), default=previous)
            found.setdefault(clause.person, []).append((rank, said, clause, before + "," + text))
        previous = -1 if said else max((order.index(t.value) for t in clause.has("education")), default=-1 if re.search(
            r"[。!！?？]\s*$", message[:clause.start]) else previous)  # "自考了本科，今年3月拿到毕业证，专业是机械工程"
        before = text
    for person, majors in found.items():
        rank, said, clause, _ = max(majors, key=lambda m: m[0])  # the first of equal rank (max keeps the first)
        others = {m[1]: order[m[0]] for m in majors if m[0] >= 0 and m[1] != said and not m[2].asks
                  and (m[0] != rank or SECOND_DEGREE.search(m[3])) and not NOT_A_DEGREE.search(m[3])
                  and not re.search(r"[;；]", message[min(m[2].start, clause.start):max(m[2].start, clause.start)])}
        # (a list "张三 本科…；李四 大专…" is several people, not one person's degrees)
        if others:  # "第一学历英语专科…成人大专又毕业了一个，机械制造工艺与设备": the rules pick the one that counts
            reading.set("other_degrees", [{"education_level": level, "major": name} for name, level in others.items()],
                        ",".join(m[2].text for m in majors), person)
            if rank >= 0:
                reading.set("education_level", order[rank], clause.text, person)  # the level of the major kept
        reading.set("major", said, clause.text, person)
    for clause in clauses:  # "一个硕士（机械），一个本科（自动化）…本科那个小杨能报吗": the one picked out by education
        if clause.asks and (m := SELECTED.search(clause.text)) and m.group(1) in order:
            level = order.index(m.group(1))
            reading.frames[clause.person].pop("other_degrees", None)
            reading.set("education_level", order[level], clause.text, clause.person)
            if picked := next((said for rank, said, _, _ in found.get(clause.person, []) if rank == level), None):
                reading.set("major", picked, clause.text, clause.person)


NOT_HELD_AFTER = re.compile(r"\s*(都|也|还|从来|一直)?(没|没有|未)(评|拿|考)")
WRITTEN_IN = re.compile(r"(写|填)(?!的)(上|成|为|个)?[“\"]?[^,，。？?“”\"]+")
PLACE_OF_WORK = re.compile(r"(厂|公司|车间|企业|行业|集团|分厂)")  # "在我们电机厂做质检": a firm, no major
NOT_STUDIED = re.compile(r"(不是|并非|不属于|没学|没有学|没读|不是学|不是读)[^,，]{0,2}$")
SELECTED = re.compile(r"(中专|大专|本科|硕士|博士)(的)?(那个|那位|那一个|那一位)")
# A major's shape, said on its own after the level ("硕士，控制工程"): not in any list, still a major.
MAJOR_SHAPED = re.compile(r"(?!.*(做|干|搞|在|开始|从事|负责|当|进|去|是|了|的|有|没|想|要|会|能|搬|跑))"
                          r"[\u4e00-\u9fff]{2,10}(工程|技术|科学|自动化|一体化|制造|设计|管理|应用|学|建筑|工艺|维修|贸易|电子|检测|加工)")
# A second degree said as such ("成人大专又毕业了一个", "后来自考了机械本科"); a major named with no degree of its own
# ("我们公司其他人都是学机械的", "…算不算机电的本专业") is no degree of the applicant's.
SECOND_DEGREE = re.compile(r"又(读|考|毕业|拿)|后来(读|考|自考|念)|自考|成人|函授|第二学历|夜大|电大|在职(读|研)|专升本")
NOT_A_DEGREE = re.compile(r"培训|研修|进修|证书班|短训|网课")



# Words after a title that make it the one asked about: "工程师的话…", "大专的要做几年", "是否符合工程师申报条件".
ASKED_ABOUT = re.compile(r"(的话|这块|方面|要(做)?几年|需要几年|要多久|要什么|的条件|的要求|申报条件|申报资格|评审条件)")


HOME_FIELDS = r"机电|机械|电气|电机|自动化|机电一体|本|相近|这个|什么|哪个|同"
# Another sector's review even when the field's name has a home word in it ("建筑电气", "化工机械"): its title
# is that sector's series (附件2 第五条: 转评 first).
OTHER_SECTOR = r"^(建筑|土建|市政|水利|交通|化工|船舶|冶金|纺织|轻工|环保|公路|铁路|民航|电力|通信)"
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
    for clause in clauses:
        person = clause.person
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
            if not field and (m := re.search(OTHER_SECTOR[1:] + r"$", message[clause.start:t.start])):
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
            else:
                held = reading.get("title_level", person)
                if held in order and order.index(held) > order.index(t.value):
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


def after_title(reading: Reading, clauses: list[Clause], person: str) -> None:
    """第十七条 counts only achievements obtained after 任现职: "是聘助工之前拿的" says they were not (unsaid,
    the engine keeps it as a reminder)."""
    achieved = reading.get("achievements", person) or {}
    if not any(v not in (None, "无", 0, False) for v in achieved.values()):
        return
    for clause in clauses:
        before = re.search(r"(聘|评|任现职|当助工|取得)[^,，]{0,6}(之前|以前|前)[^,，]{0,4}(拿|获|得|评)", clause.text)
        if clause.person == person and before:
            reading.set("achievements.obtained_after_title", False, clause.text, person)
