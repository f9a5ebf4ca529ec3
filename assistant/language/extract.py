"""From a user's message (and the fact the assistant last asked for) to the engine's facts.

The shape is Duckling's and Rasa NLU's: normalise (opencc, full width, numerals via cn2an, homophone
typos via pinyin), tag with the domain lexicon (lexicon.yaml), find time expressions (jionlp), cut
into clauses, then read each fact within its clause — a date with the role of its own event, a
qualifier with its noun, a negation with what it negates, a person with what is said about them.
Only what the words say becomes a fact; a reasonable reading of something unsaid is a presumption,
returned with the sentence that says it, never a silent default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from assistant.documents.normalize import arabic_numerals, normalize
from assistant.language import achieved, assessments, conditions, conduct, gaps, hours, items, studies
from assistant.language.clauses import Clause, asked_clause, segment
from assistant.language.corrections import corrected_inline
from assistant.language.durations import attach_durations
from assistant.language.events import (
    DATE_FACT,
    attach_dates,
    presume_appointed_from_obtained,
    presume_machinery_work,
)
from assistant.language.lexicon import lexicon, repair_homophones
from assistant.language.people import only_the_one_asked_about, only_the_row_asked, table_as_fields
from assistant.language.reading import Reading
from assistant.language.replies import answer_to
from assistant.language.timex import Mention, ages_as_years, find_time


@dataclass
class Understanding:
    reading: Reading
    clauses: list[Clause]
    asked: Clause | None
    loose: list[Mention] = field(default_factory=list)  # time expressions tied to no event

    subject: str = "self"  # whom the conversation was about before this message
    corrected: bool = False  # the message corrected itself ("2020年3月进厂……哦不对，是2019年3月")

    @property
    def person(self) -> str:
        """Whom the question is about: the asking clause's subject, else whom the message told facts of (both:
        the last clause's) — "更正：…她是2019年7月毕业的，2020年那个是她弟弟" is still about her."""
        if self.asked and not self.asked.explicit:  # "…是这样吗" names no one: whom the facts are about
            facts = {p: set(self.reading.frames[p]) & {"education_level", "title_level", "title_appointed_date",
                                                       "work_start_date", "major", "achievements"} for p in ("self", "other")}
            if not facts[self.asked.person] and facts["other" if self.asked.person == "self" else "self"]:
                return "other" if self.asked.person == "self" else "self"
        if self.asked:
            return self.asked.person
        told = [p for p in ("self", "other") if self.reading.frames[p]]
        return told[0] if len(told) == 1 else self.clauses[-1].person if self.clauses else self.subject


# "毕业，在常州干到…", "16年夏天毕业的，一直干数控工艺"
ON_GRADUATING = re.compile(r"(一毕业|毕业(后|以后|之后|就|即|了就|的?[,，]\s*(?=在|进|去|到|一直|就)|"
                           r"(?=进了?|进的|去了|来了|到了)))([^,，。]{0,12})")  # ("毕业进了一家汽配厂做工艺")
TO_WORK = re.compile(r"做|干|从事|进|来|到|入职|上班|工作|在[^,，。]{0,6}(厂|公司|单位|车间|企业|做|干)")
NOT_WORKING = re.compile(r"歇|待业|休息|考研|读|当兵|闲|找工作|没工作|没上班|没有工作|"
                         r"先|销售|业务|行政|文员|财务|会计|人事|后勤|仓管|保安|司机|普工|服务员|外卖|快递")  # ("毕业后先跑了大半年销售")


def _to_work_on_graduating(text: str) -> bool:
    """"毕业就来泵业公司做研发", "毕业后一直在厂里做技术": work began at graduation (said, not presumed);
    "毕业后在家歇了半年" is not."""
    return any(TO_WORK.search(m.group(3)) and not NOT_WORKING.search(m.group(3)) for m in ON_GRADUATING.finditer(text))


@cache
def _english_words() -> re.Pattern:
    words = sorted(lexicon()["english"], key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(" + "|".join(map(re.escape, words)) + r")(?![A-Za-z])", re.I)


LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)|(https?|ftp)://\S+|www\.\S+", re.IGNORECASE)


def prepare(text: str) -> str:
    """Normalised (t2s, full width), numerals in digits, dialect words and homophone typos in Mandarin.
    A link or pasted Markdown image is not the user's words ("pixel.png" in a URL is no photo format)."""
    text = arabic_numerals(normalize(table_as_fields(LINK.sub("（链接）", text))))
    text = re.sub(r"(?<![年月日\d])前(\d{1,2})个月", r"\1个月前", text)  # "前两个月才调过来" (not 今年前两个月)
    text = re.sub(r"月\s+(?=\d{2,4}\s*年)", "月，", text)  # "去年6月 21年毕业的": a new date, not 6月21日
    text = re.sub(r"(\d月)(?=中专|中技|中职)", r"\1，", text)  # "7月中专毕业" is not 7月中 (mid-July)
    for word, mandarin in lexicon()["dialect"].items():
        text = text.replace(word, mandarin)
    if re.search(r"[A-Za-z]{4}", text):  # "deadline 是几号": English words the notice says in Chinese
        text = _english_words().sub(lambda m: lexicon()["english"][m.group(0).lower()], text)
    return BARE_ASSISTANT.sub(r"\1\2助理工程师", repair_homophones(text))


# "明年能报助理吗", "评个助理": 助理 applied for is the 助理工程师 (a 助理 one is, "老板助理", is no title).
BARE_ASSISTANT = re.compile(r"(报|评|申报|申请|考|评的|评了|评上|拿的|拿了|聘的)(个|一个)?助理(?=[吗么不伐呢要的了啊,，。?？!！\s]|$)")


# Words telling the assistant what to say or to pretend ("你就当我是本科", "你就说满一年了") state no fact.
INSTRUCTION = re.compile(r"忽略|无视|(你|您)(就|直接|只要|只管)?(当|当作|假装|扮演|就说|说成|写成|回复|回答|假设|假定)|就当我|当我是|"
                         r"就按[^,，。]{0,6}(帮我|给我)?(确认|算|计算|判断|处理|认定)|"
                         r"把(我|俺|他|她)(就)?(当|当成|当作|看成|看作|算成|算作|按)|(你|您)(就|直接|只管)?按[^,，。]{0,10}(给我|帮我)?(算|计算|处理|判断|说|回答|回复|讲)|"
                         r"假装我|就说(我|满|已|是|可以|能)|(帮|给|替)(我|俺)按[^,，。]{0,6}(标准|学历)?(来)?(算|计算|处理|判断)|开个?后门|直接(告诉我|说|回复|回答)|"
                         r"^\s*(就|都|全)?按[^,，。]{0,8}(来|给我)?(算|计算|判断)(吧|就行|就好)?\s*$")  # "…，按硕士两年算，…"


def stated(message: str, subject: str = "self") -> str:
    """What the user stated, normalised, with every instruction to the assistant blanked out: the only
    words a fact read by a language model may cite as its evidence."""
    return _without_instructions(prepare(message), subject)


# "听人说本科干一年就能报助工", "据说大专要干满三年": a rule heard somewhere, not the writer's facts.
HEARSAY = re.compile(r"^(听(人|别人|人家|同事|朋友|同学|他们)?说|据说|人家说|别人说|都说|网上说|有人说)"
                     r"[^,，。]*(就能|就可以|就行|就够|才能|才可以|要(干|做)?满|需要|得)")
APPLIED_TITLE = re.compile(r"(能|可以)?(报|评|申报|考)\s*(个)?(助理工程师|助工|工程师|中级|中工|初级)")


def _without_instructions(text: str, subject: str) -> str:
    """The message with each clause that instructs the assistant blanked out (offsets kept), so that an
    injected "把我当成本科" never becomes a fact; the facts the user states beside it are still read. A rule
    heard from others is blanked too; either keeps the title it is about ("…就能报助工": the title asked for)."""
    for clause in segment(text, subject):
        kept = None
        if not HEARSAY.search(clause.text) and not INSTRUCTION.search(clause.text):
            continue
        kept = APPLIED_TITLE.search(clause.text)  # "帮我按本科算能不能报助工": the title asked about stays
        start, end = (clause.start + kept.start(), clause.start + kept.end()) if kept else (clause.end, clause.end)
        text = text[:clause.start] + "，" * (start - clause.start) + text[start:end] + "，" * (clause.end - end) + text[clause.end:]
    return text


def understand(message: str, reference: date, pending: str | None = None, subject: str = "self",
               also: list[str] | tuple = (), before: str = "", started: tuple[str | None, bool] = (None, False),
               caller: str | None = None) -> Understanding:
    """Every fact `message` states (per person, with evidence); `pending` is the fact just asked for (`also`:
    the others asked with it, which a bare reply of their kind answers instead),
    `started` the start of work known so far and whether a break was taken off it ("…带孩子四年没上班" → "2021年3月
    起…做结构设计": a return to work, not a new start);
    `caller` the caller's frame in a hotline note; `subject` whom the conversation is about so far and `before` the
    message before ("发论文能算学时吗" →
    "全国性期刊，两个人写的…": a paper told after a question about hours is an activity)."""
    said = prepare(message)
    fixed = corrected_inline(said)
    text = ages_as_years(only_the_one_asked_about(_without_instructions(only_the_row_asked(fixed), subject), subject), reference)
    reading, clauses = Reading(), segment(text, subject, caller)
    mentions = find_time(text, reference)
    studies.education(reading, clauses)
    studies.major(reading, clauses, text)
    items.titles(reading, clauses, text, bare_title=pending in (None, "target"))
    items.no_title(reading, clauses)
    items.transferred_series(reading, clauses)
    achieved.achievements(reading, clauses, text)
    asked = asked_clause(clauses)
    telling = [c for c in clauses if any(t.dim.split(".")[0] not in ("person", "asking", "negation") for t in c.tags)]
    main = asked.person if asked else (telling or clauses)[-1].person if clauses else subject  # whom the message is about
    # (with no question, the last clause that tells something: "…帮我确认一下能报工程师，领导等着要")
    conditions.photo(reading, clauses, text, main)
    achieved.finisher_rank(reading, clauses, text, main, before)
    hours.hours(reading, clauses, text, mentions, reference, main, before)
    hours.registration_dates(reading, clauses, mentions, reference, main)
    conditions.insurance(reading, clauses, text, main)
    assessments.assessments(reading, clauses, text, reference, main)
    conditions.status(reading, clauses, text, main)
    conditions.where_from(reading, text, main)
    conditions.practical(reading, text, main)
    conduct.sanctions(reading, clauses, reference)
    idle, idle_months = gaps.breaks(text, mentions)
    loose = attach_dates(reading, clauses, gaps.outside(mentions, idle), reference, text)
    conduct.fines(reading, clauses, [m for m in mentions if m.kind == "date"], text)
    loose += attach_durations(reading, clauses, mentions, reference, text)
    conditions.history(reading, clauses, text, reference, main)
    conditions.publicity(reading, text, reference, main)
    items.not_appointed(reading, clauses)
    for person in ("self", "other"):
        presume_appointed_from_obtained(reading, person)
        graduated = reading.get("graduation_date", person)
        if graduated and not reading.get("work_start_date", person) and _to_work_on_graduating(text):
            reading.set("work_start_date", graduated, "毕业后一直做技术", person)  # said, not presumed
        items.presume_series(reading, person)
        items.after_title(reading, clauses, person, [m for m in mentions if m.kind == "date"])
        presume_machinery_work(reading, clauses, person)
    gaps.take_off(reading, idle_months, main, started)  # "中间20年3月到8月在家没上班": the time worked, not the time since
    conditions.insured_throughout(reading, text, reference, main, started[0])
    understanding = Understanding(reading, clauses, asked, loose, subject, corrected=fixed != said)
    for asked_fact in [pending, *also] if pending else []:
        before = len(reading.evidence)
        _fill_pending(understanding, asked_fact, text, reference)
        if len(reading.evidence) > before:
            break  # "19.7" after "学历？专业？从哪年开始工作？": the one question a date answers
    _deadline_date(understanding, reference)
    conditions.step(reading, text, understanding.person)
    return understanding


ACHIEVED_ON = re.compile(r"授权|获奖|获得|拿到|拿的|发表|刊登|验收|结题|评为|立项|颁发|鉴定|出版|培训|研修|进修|讲座|课程|学习班")
ACTING = re.compile(r"报|交|提交|审核|核查|来得及|截止|还能|上传|送|今天|今日|现在")
ACTED_AFTER = re.compile(rf"\s*(到时候|那时候?|那天|回来后?|然后)[^,，。]{{0,6}}({ACTING.pattern})")
UNPAID = re.compile(r"(没|未|停|断|欠)[^,，。]{0,2}(交|缴)")


def _deadline_date(u: Understanding, reference: date) -> None:
    """A date of this year tied to no event ("10月25号还能报吗") is the day the user means to act on."""
    person = u.person
    if u.reading.get("publicity_start", person) or u.reading.get("publicity_days", person):
        return  # the days of a 公示, not a day to act on
    if re.search(r"登记|补登|补录", message := "".join(c.text for c in u.clauses)) or \
            re.search(r"学时|继教|继续教育", message) and re.search(r"培训|研修|进修|讲座|课程|学习", message):
        return  # "去年12月参加的培训…今年1月去报": registering hours, not applying for the title
    dated = [m for m in u.loose if m.kind == "date" and m.value.year == reference.year
             and re.search(r"月|日|号|天|周|星期|礼拜", m.text)  # "2022年到现在85" names a year, not a day
             and not any(c.start <= m.start < c.end and ACHIEVED_ON.search(c.text) for c in u.clauses)]
    # ("一个去年11月授权，一个今年7月授权": when a patent was granted, not a day to act on)
    if len(u.clauses) > 2:  # "2022年2月儿子出生…今年能报吗": a date in a story is not the day one means to apply
        acting = [c for i, c in enumerate(u.clauses) if not UNPAID.search(c.text) and (
            ACTING.search(c.text) or i + 1 < len(u.clauses) and ACTED_AFTER.match(u.clauses[i + 1].text))]
        dated = [m for m in dated if any(c.start <= m.start < c.end for c in acting)]
        # ("今天都11月3号了"; "老板要11月5号才回来，到时候再点审核报送"; "8、9月都没交" (社保): months unpaid, no day to act on)
    if dated and u.reading.get("action_date", person) is None and all(
            u.reading.get(name, person) != dated[0].value.isoformat() for name in DATE_FACT.values()):
        u.reading.set("action_date", dated[0].value.isoformat(), dated[0].text, person)


NOT_A_MAJOR_REPLY = re.compile(r"没|不|职称|工作|聘|毕业|年|月|是的|对的|好的|知道|什么|啥|怎么|助工|工程师|技术员")


def _fill_pending(u: Understanding, pending: str, text: str, reference: date) -> None:
    """A bare reply ("18年7月", "3年", "没有", "会计") answers the question the assistant just asked."""
    reading, person = u.reading, u.person
    if reading.get(pending, person) is not None:
        return
    if pending == "major" and len(text) <= 12:
        said = re.sub(r"^(我)?(是)?(学)?(的)?|专业$|的$|专业的$", "", text.strip("。.!！"))
        asks_back = u.asked or re.match(r"^(那|那么|如果|要是)", said) or reading.get("education_level", person)
        if re.fullmatch(r"[\u4e00-\u9fff]{2,10}", said) and not asks_back and not NOT_A_MAJOR_REPLY.search(said):
            # ("那大专呢" asks, it names no major; "还没有职称" answers another question)
            reading.set("major", said, text, person)
        return
    if len(text) > 40:
        return  # a message of its own, not a reply
    if pending == "machinery_work_start_date" and (start := reading.get("work_start_date", person)):
        reading.set(pending, start, text, person)  # "前年开始在鞋机厂做机器结构设计": the work asked about began then
        return
    found = answer_to(pending, text, u.loose, reference)
    if found and found[0] == "target" and (found[1] not in ("助理工程师", "工程师") or reading.get("title_level", person) == found[1]):
        return  # "我能报什么" → "…2020年评了技术员": the title held, not one applied for (技术员 is not reviewed here)
    if found and reading.get(found[0], person) is None:
        reading.set(found[0], found[1], text, person)


@dataclass
class Extraction:
    """The applicant's own facts and the sentences saying what was presumed (for callers of one message)."""

    facts: dict = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)


def extract(message: str, reference: date, context: str | None = None) -> Extraction:
    u = understand(message, reference)
    return Extraction(u.reading.frames["self"], list(dict.fromkeys(u.reading.notes + u.reading.presumptions())))


__all__ = ["DATE_FACT", "Extraction", "Understanding", "extract", "prepare", "understand"]
