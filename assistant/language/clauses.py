"""A message cut into clauses, each knowing whom it is about, whether it negates, and whether it asks.

Facts attach within their own clause ("2019年毕业，2020年聘的助工": each date to its own event), a
clause is about the applicant unless it names someone else ("我徒弟是中专的，他能报吗": both clauses
are about the apprentice, the second inheriting the first's subject), and the clause that asks decides
the question ("单位去年产值3000万，我能报助工吗" asks about 助工, not about 产值).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.lexicon import Tag, tag

BOUNDARY = re.compile(r"[,，。;；!！?？:：\n【】]+|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")
# Markers that ask only at the end of a clause ("能报中级不", "够两年没", "能报么"), not inside ("没有获奖").
FINAL_ONLY = {"不", "没", "么", "吧"}


@dataclass
class Clause:
    start: int
    end: int
    text: str
    tags: list[Tag] = field(default_factory=list)
    person: str = "self"
    asks: bool = False
    explicit: bool = False  # the person was named in this clause (not carried over)

    def has(self, dim: str) -> list[Tag]:
        return [t for t in self.tags if t.dim == dim or t.dim.startswith(dim + ".")]

    def negated_before(self, position: int, window: int = 8) -> bool:
        """A negation word shortly before `position` (absolute offset) in this clause."""
        return any(t.end <= position and position - t.end <= window for t in self.has("negation"))


TOLD_TO_APPLY = re.compile(r"(让|叫|要|劝|建议|喊|催|安排|派|调)(我|俺)(?!们)[^,，问]{0,3}(报|申报|评|破格|越级|试试|去|到|做|干|搞|负责)")
# ("老板让我去技术部搞工艺": the one sent is the writer)


# Between 我 and the person 我 owns: "我徒弟", "我们车间主任", "我带的徒弟", "我认识的一个朋友".
OWNING = re.compile(r"们?([\u4e00-\u9fff]{0,3}的)?(一个|一位|个|位|这个|那个)?")
COMPANION = re.compile(r"一起|一块|共同|合作|闹|吵|起了?(冲突|争执)|有(点|些)?(矛盾|过节|摩擦)|关系|处不来|合不来|不和")
# 我 as an object ("跟着我在车间做工艺", "来我们厂跟我学") is not the clause's subject.
OBJECT_OF = re.compile(r"(跟着|跟|和|同|帮|替|带着|教|陪|向|对|让|叫)$")  # "…让我帮忙问下能不能报": asked for him
# People told apart by letter: "A本科机械22年毕业；B大专…", "先问B".
LETTERED = re.compile(r"^\s*(?:先|再|那)?(?:问问?|说说?|看看?)?\s*(?:[A-Za-z]|甲|乙|丙|丁)(?![A-Za-z])\s*(?:[,，:：]\s*)?"
                      r"(?:$|的|是|本科|大专|专科|中专|硕士|研究生|博士|高中|技校|今年|去年|能|可以|可不可以|够|呢|\d)")
# 我 acting for someone ("我帮他算算应该够了吧", "我替她问一下"): the clause is about the other person.
UNDER = re.compile(r"(手下|手底下|底下|下面|身边|那里|那儿|那边)")  # "在他手下干技术": where the writer works
ACTING_FOR = re.compile(r"[^,，]{0,3}?(帮|替|给|为)(他|她)(?!们)[^,，]{0,2}?(算|看|问|查|咨询|打听|评估|判断|了解)|"
                        r"[^,，]{0,3}?(问|咨询|打听)(一)?(下|问)?(他|她)(?!们)(能|可以|够|现在|今年|这)")  # "俺想问下他能报…不"
# A job held, not a person: "在电机公司做技术总监", "当了车间主任".
JOB_HELD = re.compile(r"(做|当|是|任|担任|干)(了)?(一名|一个|个)?[\u4e00-\u9fff]{0,3}$")  # "当设备科长"
JOBS = re.compile(r"总监|经理|主任|科长|部长|组长|班长|厂长|总工|主管|学徒")
# What someone gives the user is the user's fact: "老板给我开的年薪30万", "单位给我评的优秀".
GIVEN_TO_ME = re.compile(r"(给|帮|替|为)(我|俺)(?!们)[^,，]{0,2}(开|发|定|涨|评|报|申请|交|缴|聘)|"
                         r"(聘|聘用|聘任|任命|提拔)(了)?(我|俺)(?!们)")  # "老板2019年才发聘书聘我当助工"


# A relative's life event told in passing ("儿子明年上小学", "老婆刚生了二胎"): the story is the narrator's
# again after it, so the next clause with no subject is not about that relative.
LIFE_EVENT = re.compile(r"上小学|上幼儿园|上学|上初中|上高中|中考|高考|考大学|读书|念书|出生|生了|结婚|住院|生病|退休了|"
                        r"买房|上班了|当兵|满月|周岁")


# Someone described rather than named: "财务部一个助理会计师", "我们厂有个技术员想报工程师", "有位小伙子".
DESCRIBED = re.compile(r"(有个|有(?:一|1)个|有位|有(?:一|1)位|(?:一|1)个|(?:一|1)位|(?:一|1)名)([\u4e00-\u9fff]{0,4}?)"
                       r"(助理会计师|会计师|助理工程师|工程师|技术员|助工|"
                       r"员工|职工|工人|同事|师傅|小伙子|小伙|姑娘|小姑娘|女孩|男孩|年轻人|学徒|大学生|毕业生|女同事|男同事)")
SELF_BEFORE = re.compile(r"(我|俺|本人|自己)(是|就是|也是|只是|算|在)[^,，。:：]{0,6}$|(我|俺|本人|自己)$")


# "老板说我本科…", "人事讲俺的年限够了": what someone says of the writer is about the writer.
SAID_OF_ME = re.compile(r"[^,，]{0,3}?(说|讲|觉得|认为|告诉我)(我|俺)(?!们)")
# "在我厂做技术两年", "我司", "我单位": the writer's firm, not the writer as subject (like "我们公司").
FIRM = re.compile(r"(厂|司|公司|单位|企业|车间|部门|集团|科室|班组)")
# "同学说到年底算满半年就能报助工", "人事讲本科满一年就行": the other person only speaks; what is said, with
# no subject of its own, is about whom the conversation was about.
SPEAKS = re.compile(r"(?:跟我|和我|对我|同我)?(?:说|讲|告诉我|讲的|说的|说过|讲过)(?![他她我俺])")


def _described_people(text: str) -> list[Tag]:
    """Tags for the people a message describes ("一个助理会计师"), unless the 一个 describes the writer ("我是一个技术员")."""
    return [Tag("person.other", "other", m.start(), m.end()) for m in DESCRIBED.finditer(text)
            if not SELF_BEFORE.search(text[max(0, m.start() - 10):m.start()])]


COUNTED_PEOPLE = re.compile(r"(\d+|几|十几|好几|两|三|四|五|一些|好些|不少|很多)\s*(个|位|名)(人|同事|员工|师傅|技术员|工程师|助工)")


CALLER_WORDS = ("他", "她", "来电人", "来电者", "来电的", "咨询人", "打电话的", "这位女士", "这位先生")
# a hotline note: "来电：女，…", "来电人大专…", "热线：…"
NOTE_LABEL = re.compile(r"^\s*(来电|来访|咨询|热线|电话记录|记录)(人|者)?\s*[：:]|^\s*来电(人|者)")


def _person(clause: Clause, text: str, caller: str | None = None) -> str | None:
    """Whom a clause is about; `caller` is the frame of the caller in a hotline note begun in an earlier turn,
    which 他/她/来电人 go on naming ("更正：来电人说记错了，她是2019年7月毕业的" — not "她弟弟")."""
    if LETTERED.match(clause.text):
        return "other"  # "A本科…；B大专…", "先问B": people by letter are never the writer
    longer_self = [t for t in clause.has("person.self") if t.end - t.start > 2]  # "来电人本人" is not "来电人"
    others = [t for t in clause.has("person.other") if not (text[t.start:t.end] in ("他", "她") and text[t.start - 1:t.start] == "其")
              and not (text[t.start:t.end] in ("他", "她") and (OBJECT_OF.search(text[max(clause.start, t.start - 2):t.start])
                                                              or UNDER.match(text, t.end)))  # "在他手下干", "跟着他学"
              and not (UNDER.fullmatch(text[t.start:t.end]) and text[t.start - 1:t.start] in ("他", "她", "的"))
              and not (JOBS.search(text[t.start:t.end]) and JOB_HELD.search(text[max(clause.start, t.start - 4):t.start]))
              and not any(s.start <= t.start and t.end < s.end for s in longer_self)
              and not (text[t.start - 1:t.start] in ("和", "跟", "同", "与") and COMPANION.match(text, t.end))
              and text[t.start - 1:t.start] != "被"]
    # ("和师傅一起做的课题，我排前面", "当时跟领导闹了点矛盾", "被领导批评": not whom the clause is about)
    callers = [t for t in others if caller and text[t.start:t.end] in CALLER_WORDS and not any(o.start == t.end for o in others)]
    others = [t for t in others if t not in callers]
    # "我们公司/我们厂" is the firm, not a subject; "我徒弟", "我们车间主任": a 我 that owns the other person
    selves = [t for t in clause.has("person.self") if text[t.end:t.end + 1] != "们" and not FIRM.match(text, t.end) and not any(
        o.start <= t.start < o.end or o.start == t.end or (o.start - t.end <= 6 and OWNING.fullmatch(text[t.end:o.start]))
        for o in others) and not OBJECT_OF.search(text[max(clause.start, t.start - 2):t.start])
        and not ACTING_FOR.match(text, t.end)]
    if not others and not selves and COUNTED_PEOPLE.search(clause.text):
        return "other"  # "我们公司去年有7个人拿到助工证": people counted are not the writer
    first = min(others + selves, key=lambda t: t.start, default=None)
    if first is not None and first.value == "other" and (TOLD_TO_APPLY.search(clause.text) or GIVEN_TO_ME.search(clause.text)
                                                         or SAID_OF_ME.match(clause.text, first.end - clause.start)):
        return "self"  # "老板说…让我破格报工程师": the one told to apply is the user
    if first is not None and first.value == "other" and SPEAKS.match(clause.text, first.end - clause.start) and \
            not any(t.start > first.start for t in others + selves):
        return None
    return caller if first is None and callers else None if first is None else first.value


# An alternative question: "是A还是B" (not 还是 as "still": 考核还是优秀, 还是不行, 还是想报).
ALTERNATIVE = re.compile(r"(是|选|填|按|走|算|在|报|评)[^,，。]{1,12}还是(?!(不|没|想|要|很|挺|比较|优秀|合格|一样|老样子|那样|这样))"
                         r"[^,，。]{1,12}$")


def _asks(clause: Clause) -> bool:
    text = clause.text.rstrip("?？!！。.,， ~～").rstrip("啊呀哈啦哇嘞咯")  # "学时够没啊": 没 is still the last word
    if NOTED_ASK.match(text):
        return True  # a hotline note: "问助工", "问今年还能不能报" (the caller asks)
    if re.search(r"([\u4e00-\u9fff])[不没]\1", text):
        return True  # A-not-A: 会不会, 行不行, 够不够, 算不算, 有没有
    if ALTERNATIVE.search(text):
        return True  # "是在温岭评还是湖南评", "选正常申报还是破格申报"
    negations = clause.has("negation")
    for t in clause.has("asking"):
        if any(0 <= t.start - n.end <= 1 for n in negations):
            continue  # "没有什么获奖", "没啥业绩": a negation, not a question
        if t.value == "几" and clause.text[t.start - clause.start - 1:t.start - clause.start] in ("好", "十", "这"):
            continue  # "交了好几年", "十几年", "这几年": an amount, not a question
        if t.value not in FINAL_ONLY or clause.start + len(text) == t.end:
            return True
    return False


def segment(text: str, person: str = "self", caller: str | None = None) -> list[Clause]:
    """The clauses of a normalised message, tagged, with person and asking resolved; `person` is whom the
    conversation was about before this message ("他是本科" … "助工2019年聘的" is still about him), `caller` the
    caller's frame when earlier turns were a hotline note."""
    tags = sorted(tag(text) + _described_people(text), key=lambda t: t.start)
    clauses, start = [], 0
    for m in [*BOUNDARY.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[start:end].strip():
            clauses.append(Clause(start, end, text[start:end], [t for t in tags if start <= t.start and t.end <= end]))
        if m:
            start = m.end()
        if m and clauses and "?" in m.group(0):
            clauses[-1].asks = True
    first = None
    for clause in clauses:
        named = _person(clause, text, caller)
        if clause.start and text[clause.start - 1] in "。!！?？" and not named:
            person = first or person  # a new sentence with no subject is the narrator's again
        person = named or person
        if named or any(t.dim.split(".")[0] not in ("asking", "negation") for t in clause.tags):
            first = first or person  # ("来电：女，问她同事的情况…": a label says nothing; the first told about is who it is about)
        clause.person, clause.explicit = person, bool(named)
        clause.asks = clause.asks or _asks(clause)
        if named == "other" and first == "self" and LIFE_EVENT.search(clause.text):
            person = first  # "儿子明年上小学，想早点评个职称": the wish is the narrator's
    return clauses


NOTED_ASK = re.compile(r"^(来电人?|他|她)?(想)?问(一下|下)?"
                       r"(助工|助理工程师|工程师|中级|初级|能|可以|可不可以|今年|年限|够|什么时候|啥时候)")
TAG_QUESTION = re.compile(r"^(对吧|对不对|是吧|是不是|没错吧|对吗|是吗|吧|行吧|可以吧)$")
VERDICT = re.compile(r"能|可以|可不可以|够|行不行|行吗|行么|也行|符合|来得及|资格|合格|达标|达到|满足|有戏|有希望|报得了|报不了|影响|"
                     r"还能|算不算|要不要|可否|能否|是否|满|帮我看|帮忙看|帮我算|看看我的|判断|没问题|行吧|可以吧|能过|过得了|得唔得|"
                     r"可唔可以|认不认|让不让|通不通过|会不会|传得上|传不上|能传|能用|可用|有效|管用|有没有问题|有问题吗|有啥问题|"
                     r"有什么问题|到了没|到没到|到了吗|够了没|成不成|成吗|中不中|行不|行了(吧|吗|没|不)|OK吗|ok吗|赶得上|赶不上|够格|沾边|好报|特批|通融|有问题|"
                     r"好伐|行伐|可以伐|能伐|好不好|够得上|够不上|评得上|评得了|稳不|稳吗|稳伐|稳了|(咋样|怎么样)[啊呀呢吧?？]*$|能冲|冲得了|还能冲|差多少|还差|"
                     r"卡不卡|卡我|会卡|^(来电人?|他|她)?(想)?问(一下|下)?(助工|助理工程师|工程师|中级|初级|年限)")


FALLBACK = re.compile(r"(如果|要是|万一)?(不行|不能|不够|不符合|达不到|够不上|不满足)(的话)?[,，]?(那)?[^,，]{0,8}(呢|吗|么)")
REPORTED = re.compile(r"^(他|她|人家|别人|同事|领导|老板|主任|听)[^,，]{0,3}(说|讲|讲过|说过)")


def asked_clause(clauses: list[Clause]) -> Clause | None:
    """The clause that asks: the first question about a verdict ("…可以吗？该怎么申报？"; of two, the first is
    answered first and the other after it), else the last question; for a tag question ("…也能申报工程师，
    对吧？") the clause it tags."""
    asking = [i for i, c in enumerate(clauses) if c.asks]
    if not asking:
        return None
    said = [i for i in asking if REPORTED.match(clauses[i].text) and "?" not in clauses[i].text]
    asking = [i for i in asking if i not in said] or asking  # "他说他报不了了。…我今年能报吗": the user's question
    chosen = next((i for i in asking if VERDICT.search(clauses[i].text)), asking[-1])
    if FALLBACK.match(clauses[asking[-1]].text):
        chosen = asking[-1]  # "能越级吗？不行的话破格呢": the fallback is what is wanted; the first is answered with it
    if TAG_QUESTION.match(clauses[chosen].text.rstrip("?？。 ")) and chosen > 0:
        return clauses[chosen - 1]
    return clauses[chosen]
