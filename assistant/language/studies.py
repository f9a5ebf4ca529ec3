"""Education and the major studied, as applicants tell them: the highest degree held (not one planned, being
studied for or unfinished), its major in or out of the catalogue, and a second degree kept beside it for
the rules to weigh."""

from __future__ import annotations

import re
from datetime import date

from assistant.documents.normalize import normalize
from assistant.language.clauses import Clause
from assistant.language.lexicon import known_majors_as_read, lexicon
from assistant.language.reading import Reading

UNFINISHED = re.compile(r"[^,，。]{0,3}(没读完|没念完|没毕业|没有毕业|没拿到|没拿证|肄业|读了一半|退学|还在读|在读|正在读)|"
                        r"[^,，。]{0,3}[了的]?[,，]\s*(?:但|可|不过)?还?(没读完|没念完|没毕业|没有毕业)|"  # "…专升本了，还没读完"
                        r"[^,，。]{0,6}(明年|后年|下半年|快|马上|就要|年底才|明年才)[^,，。]{0,3}毕业")  # "专升本明年就毕业": not yet
PLANNED = re.compile(r"(打算|准备|计划|想|要|明年|后年)[^,，。]{0,4}(去|再)?(读|考|报|上|念)[^,，。]{0,2}$|备考[^,，。]{0,2}$")
# A degree said as the earlier one ("之前是大专", "第一学历中专") or the higher said as obtained later (专升本, 自考, 函授…).
EARLIER_DEGREE = re.compile(r"之前|以前|原来|原先|当初|早先|先是|第一学历|最早|起初|一开始|那会")
LATER_DEGREE = re.compile(r"专升本|自考|函授|成人|在职|业余|电大|夜大|网络教育|后来|又|再|进修|拿到|取得|拿的")
STUDY = re.compile(r"专业|学|毕业|读|念|本科|大专|专科|中专|硕士|研究生|博士|学历|文凭|学位|出身|科班")
NOT_A_MAJOR = re.compile(r"毕业|学历|工作|聘|助工|工程师|^技术|技术(员|工作|岗|部|科|活)|职称|时候|时间|专业|以上|学位|"
                         r"^本|^相近|^机电|^该|什么|^这|所学|"
                         r"显得|这样|那样|说|看起来|比较|挺|很|不够|够|"  # "说这样显得专业": 专业 as an adjective
                         r"成人|函授|自考|夜大|电大|大专|本科|中专|硕士|博士|研究生|专科|技校|高中|全日制|"  # "成人大专", "读的硕士"
                         r"你|问|"  # "哦你问的是专业啊"
                         r"^我|报|评|申|能|想|^是|本$|的$|了|获得|从事|领域|相关|对口|同一|一样|不同|哪个|这个|那个|其中|每年|科目|课程|学时|继续|时|"
                         r"级|期刊|刊物|^在|帮|看看|不|吗|呢")

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



def education(reading: Reading, clauses: list[Clause]) -> None:
    order = list(lexicon()["education"])
    for index, clause in enumerate(clauses):
        told = clause.text + "".join("，" + c.text for c in clauses[index + 1:index + 2])  # "…专升本了，还没读完"
        levels = [t for t in clause.has("education") if not clause.negated_before(t.start, 2)
                  and not UNFINISHED.match(told, t.end - clause.start)  # "专升本没读完": no degree
                  and not PLANNED.search(clause.text[:t.start - clause.start])  # "打算明年去读个专升本"
                  and not re.search(r"(在读|正在读|还在读|读着)[^,，]{0,4}$", clause.text[:t.start - clause.start])]  # "我在读函授本科"
        if levels:
            best = max(levels, key=lambda t: order.index(t.value))
            held = reading.get("education_level", clause.person)
            said = next((e.evidence for e in reading.evidence if e.name == "education_level" and e.person == clause.person), "")
            if held in order and order.index(held) > order.index(best.value) and (
                    EARLIER_DEGREE.search(clause.text) or LATER_DEGREE.search(said)):
                continue  # "自考的本科…之前是中专": the later, higher degree is held, whichever is said last
            reading.set("education_level", best.value, clause.text, clause.person)


SUBJECT_IS = re.compile(r"^\s*(我|本人|俺|他|她)?(自己|本人)?(是|学|读|念)的?")


def major(reading: Reading, clauses: list[Clause], message: str = "") -> None:
    """The major studied; of two ("大专学的文秘，后来自考了机械工程本科") the one of the highest education."""
    names = known_majors_as_read()  # the longest name said wins, in or out of the catalogue: "机械制造及自动化" is not "自动化"
    order = list(lexicon()["education"])
    short = sum(len(c.text) for c in clauses) <= 12  # a bare reply ("机电一体化") to "您学的什么专业？"
    found: dict[str, list[tuple[int, str, Clause]]] = {}
    previous = -1  # the education of the clause before, when it named no major ("又读了第二学士，专业是…")
    before = ""  # that clause's words ("成人大专又毕业了一个，机械制造工艺与设备")
    for clause in clauses:
        text = re.sub(r"\s*[(（][^()（）\u4e00-\u9fff]*\d[^()（）\u4e00-\u9fff]*[)）]\s*$", "", clause.text)
        # ("国际经济与贸易（2012/07）": the major, dated)
        written = [m.span() for m in WRITTEN_IN.finditer(text)]  # "那栏我想写“机械设计…”": a form's value, no major
        known = next((n for n, read in names if read in text and not PLACE_OF_WORK.match(text, text.index(read) + len(read))
                      and not any(a <= text.index(read) < b for a, b in written)
                      and not NOT_STUDIED.search(text[:text.index(read)])), None)  # "不是学机电的": not the major
        about_catalogue = known and re.search(r"本专业|相近|名单|目录|对口", text)  # "电子信息工程是机电的相近专业吗"
        named_after_level = previous >= 0 and MAJOR_SHAPED.fullmatch(text)  # "我是硕士，控制工程": the major, alone
        bare = SUBJECT_IS.sub("", text)  # "我自己是会计电算化": the major, said of oneself
        if not (short or STUDY.search(text) or about_catalogue or known and len(bare) - len(known) <= 3 or named_after_level):
            previous = max((order.index(t.value) for t in clause.has("education")), default=previous)  # "…报了函授专升本，机械…"
            continue  # "在机械厂做自动化设备" names no major: words about study, or a major said on its own, do
        applied = re.search(r"(报|评|申请|想拿|要拿|想考)[^,，]{0,6}(机电|助理|工程师|中级|初级|职称)", text)
        if applied and (not known or text.find(normalize(known)) >= applied.start()):
            continue  # "能报机电专业的助理工程师吗": the series applied for; "通信工程能报机电工程师吗" names both
        said = known or (text if named_after_level and not NOT_A_MAJOR.search(text) else None)
        if not said and STUDY.search(text):
            candidates = [*re.finditer(r"(?:学的|专业是|读的|念的|所学专业)(?:是)?([\u4e00-\u9fff]{2,10}?)(?:专业|的|毕业|$)", text),
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


def degree_rank(reading: Reading, clauses: list[Clause], i: int) -> int:
    """The level of the degree a graduation date belongs to (named in its clause, or the clause before);
    unnamed, the highest education held."""
    order = list(lexicon()["education"])
    held = reading.get("education_level", clauses[i].person)
    named = clauses[i].has("education") or (clauses[i - 1].has("education") if i else [])
    return max(order.index(t.value) for t in named) if named else order.index(held) if held in order else -1


def graduations_counted(reading: Reading, graduations: list, reference: date) -> None:
    """Of several graduations ("之前是大专，2019年毕业" and 本科 "今年6月拿的"), the highest degree's is the one
    that counts; work is presumed to start at the first, since years before and after a degree add up
    (附件2 第四条（三））. Each was read in place; only the highest degree's date is set again."""
    held = [g for g in graduations if g[2].value <= reference]  # "自考本科后年才毕业": not a degree held yet
    top = max((rank for rank, _, _ in held), default=-1)
    for person in {c.person for _, c, _ in held}:
        mine = [(rank, c, m) for rank, c, m in held if c.person == person]
        lower = [(c, m) for rank, c, m in mine if rank < top]
        highest = next(((c, m) for rank, c, m in mine if rank == top), None)
        if not lower or highest is None:
            continue
        reading.set("graduation_date", highest[1].value.isoformat(), highest[0].text, person)
        first = min(lower, key=lambda g: g[1].value)
        reading.set("work_start_date", first[1].value.isoformat(), first[0].text, person, replace=False,
                    presumed="按第一学历毕业后即从事本专业技术工作计算（学历取得前后的工作年限可累计）")
