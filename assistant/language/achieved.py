"""Achievements as people list them (附件2 第六条, 第七条, 第十八条), each with its level, count and
qualifier: only government titles count as honours (协会 titles do not), only 发明专利 that are granted
and one's own (a company's patents are not), only 国家/行业/地方 standards (an 企业标准 is not), only a
技术骨干 or 成员 of a technical centre (a company's 认定 is not a person's). Negation is read ("没有发明专利"
is 0); "没有任何获奖" negates each kind it names, or all."""

from __future__ import annotations

import re

from assistant.language.clauses import Clause
from assistant.language.pay import salary
from assistant.language.reading import Reading

LEVEL = r"(国家|全国|中国机械工业联合会|中国轻工业联合会|联合会|浙江省|浙江|省部|省|部|台州市|台州|市厅|市|厅|温岭市|温岭|县区|县|区)"
LEVEL_OF = {"国家": "国家", "全国": "国家", "中国机械工业联合会": "省", "中国轻工业联合会": "省", "联合会": "省", "浙江省": "省",
            "浙江": "省", "省部": "省", "省": "省", "部": "省", "台州市": "市", "台州": "市", "市厅": "市", "市": "市", "厅": "市",
            "温岭市": "县", "温岭": "县", "县区": "县", "县": "县", "区": "县"}
GRADE = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}
NOT_ACCEPTED = re.compile(r"(没|未|还没|尚未)(有)?(通过)?(验收|结题)|(明年|下半年|年底|以后|计划|预计|准备|等)[^,，。]{0,6}(验收|结题)|"
                          r"还在(做|研|进行|实施|执行|研发|搞)|在研|没做完|没结束")
NOT_GOVERNMENT = re.compile(r"协会|学会|商会|团体|工会|集团|公司|厂里|单位|企业内部|联合会|行业")  # ("全国机械行业劳动模范")
# An honour only nominated for, or someone else's ("…提名了最后没评上", "…是我们公司老板，不是我").
NOT_HELD_HONOUR = re.compile(r"提名|候选|没评上|没选上|落选|没有评上|没当选|不是我|不是本人|不是俺")
# Who gives a prize (a firm is who wins one: "我们公司拿了…奖"): an association's prize is not the government's.
ASSOCIATION = re.compile(r"协会|学会|商会|团体|工会|联盟")
NOT_MINE = re.compile(r"公司名下|单位名下|厂里的|公司的专利|单位的专利|"
                      r"(发明人|名单|里面)[^,，]{0,4}(没有|不是)(我|他|她)|没有(我|他|她)的名字|"
                      r"集体|车间拿|车间获|团队拿了但")
NONE_ACHIEVEMENTS = {"honor_level": "无", "science_award": "无", "product_award": "无", "first_set": "无",
                     "invention_patents": 0, "key_project_level": "无", "tech_center_member_level": "无",
                     "tech_center_core_level": "无", "main_finisher_solved_problem": False, "provincial_papers": 0,
                     "city_paper_awards": 0, "book_published": False, "standard_drafter": False,
                     "significant_benefit": False, "science_worker_honor_level": "无"}
NOT_ITEMS = ("obtained_after_title", "obtained_dates")  # about the items, not items of 第六条/第七条
# Saying "啥也没有" also says one is no 高级人才 and has no 30万 salary; listing only some kinds does not.
STANDING_NONE = {"high_level_talent": False, "salary_meets_skip_level": False}
NAMED_NONE = {"首台": ("first_set",), "论文奖": ("city_paper_awards",), "科技进步奖": ("science_award",), "新产品奖": ("product_award",),
              "奖": ("honor_level", "science_award", "product_award", "science_worker_honor_level"),
              "荣誉": ("honor_level", "science_worker_honor_level"), "称号": ("honor_level", "science_worker_honor_level"),
              "专利": ("invention_patents",), "项目": ("key_project_level",),
              "论文": ("provincial_papers", "city_paper_awards"),
              "著作": ("book_published",), "书": ("book_published",), "标准": ("standard_drafter",)}
PRESUMED_NONE = "按您说的业绩判断：未提到的获奖、称号、专利、项目、论文、标准等按没有计算，如还有请告诉我"


def _level(text: str) -> str | None:
    """The level nearest before an achievement's name ("获得过浙江省科技进步三等奖" → 省)."""
    found = list(re.finditer(LEVEL + r"(?:级|里|上|一级|政府)?", text))
    return LEVEL_OF[found[-1].group(1)] if found else None


def _nothing(reading: Reading, clause: Clause) -> None:
    text = clause.text
    named, rest = [], text
    for word, keys in NAMED_NONE.items():  # most specific first: "优秀论文奖没有" is not every award
        if word in rest:
            named += keys
            rest = rest.replace(word, "")
    everything = not named or re.search(r"别的|其他|其它|除此之外|此外|另外|啥也|什么都", text)
    nothing = {**NONE_ACHIEVEMENTS, **STANDING_NONE} if everything else {k: NONE_ACHIEVEMENTS[k] for k in named}
    for name, value in nothing.items():  # "除此之外没有别的…": nothing else at all
        reading.set(f"achievements.{name}", value, text, clause.person, replace=not everything)


INVENTION = re.compile(r"发明专利|\d+\s*(?:项|个|件)发明(?!人|奖|者)")  # "2个发明（1个授权…）"


def _patents(reading: Reading, clause: Clause, put, following: str) -> None:
    """Granted 发明专利 only: "两项发明专利，其中一项已经授权，另一项还在实审" is one."""
    text = clause.text + "," + following
    at = INVENTION.search(text).start()
    if clause.negated_before(clause.start + at, 6) or re.search(r"发明专利[^,，]{0,4}(没有|一项也没|一个也没)", text):
        put("invention_patents", 0)
        return
    granted = re.search(r"(\d+)\s*(?:项|个|件)?[^,，]{0,4}(?:已经|已)?授权", text)
    pending = re.search(r"实审|在审|没授权|未授权|还没下来|申请中|在申请|受理", text)
    count = re.search(r"(\d+)\s*(?:项|个|件|篇)?[^,，\d]{0,6}发明专利|发明专利[^,，\d]{0,4}(?<![第排])(\d+)\s*(?:项|个|件)(?!发明人|作者)|"
                      r"(\d+)\s*(?:项|个|件)发明(?!人|奖|者)", text)
    own = re.search(r"(我|本人|俺)(是)?(第一)?发明人的[^,，\d]{0,4}(\d+)", text)  # "公司有50多项发明专利，我是发明人的只有1个"
    if own:
        put("invention_patents", int(own.group(4)))
    elif granted and pending:
        put("invention_patents", int(granted.group(1)))
    elif pending and not granted:
        put("invention_patents", 0)
    elif count:
        put("invention_patents", int(count.group(1) or count.group(2) or count.group(3)))
    else:
        reading.set("achievements.invention_patents", 1, text, clause.person, presumed="“有发明专利”按1项授权发明专利计")


FIRM = r"(厂里|厂子|公司|单位|企业|我们厂|咱厂|咱们厂|俺厂|俺们厂|咱们|我们)"


def _centre(clause: Clause, put, following: str, before: str = "") -> None:
    """Membership of a 技术中心/创新团队 at a level; "厂里是市级技术创新团队" is the firm's, and a denial may
    follow in the next clause ("…，但我不是其中一员")."""
    text = clause.text
    m = re.search(r"(企业)?(技术中心|技术创新团队|创新团队|研发中心)", text)
    level = _level(text[:m.start()]) or (_level(before) if re.search(r"技术中心|创新团队|研发中心", before) else None)
    rest = text[m.end():]
    denied_after = re.match(r"(但|不过|可|可是|只是)?[^,，骨核]{0,4}(不是|不在|没进|没有进)[^,，]{0,4}(成员|一员|其中|里面|名单)",
                            following)
    if denied_after or re.search(r"(没有|没|不在|不是)[^,，]{0,4}(我|他|她|名单|成员|一员|其中|里面)", text):
        put("tech_center_core_level", "无")  # "名单上没有他", "我也不是成员"
        put("tech_center_member_level", "无")
        return
    firm = re.search(rf"{FIRM}[^,，]{{0,6}}(是|被评为|评上|获评|成了|认定|获批|批准|备案|被认定)",
                     text[:m.start()]) or re.search(rf"{FIRM}[^,，]{{0,4}}$", text[:m.start()]) and \
        re.match(r"(是|被)?[^,，]{0,8}(认定|批准|评的|批的|备案)", rest)  # "我们公司那个省级企业技术中心是省经信厅认定的"
    following = f"{rest},{following}"  # "公司是温岭市技术中心我是成员": the role may follow in the same clause
    if firm:
        if level and re.search(r"((我|他|她)(也)?(是|算|属于|当)|(^|,|，)(算|属于|是))[^,，]{0,6}(骨干|负责人|核心)|"
                               r"(我|他|她)(也)?在[^,，]{0,6}骨干|骨干名单(里|上)?(有|是)?(我|他|她)", following):
            put("tech_center_core_level", level)  # "我们是省级企业技术中心，我是骨干，文件名单上有我"
            put("tech_center_member_level", level)
        elif level and re.search(r"名单(里|上)?有(我|他|她)|(我|他|她)?(也)?是[^,，]{0,6}(成员|一员)|(我|他|她)在[^,，]{0,4}(名单|里面)",
                                 following):
            put("tech_center_member_level", level)  # "…，备案名单里有我，是成员"
        return  # otherwise the firm's title, not a membership
    if not level:
        return
    if re.search(r"骨干|负责人|核心|带头人|主任|主要成员", rest) or re.search(r"骨干", text[:m.start()]):
        put("tech_center_core_level", level)
        put("tech_center_member_level", level)
    elif re.search(r"成员|一员|名单上有|里面有(我|他|她)|^的?人员", rest) or re.search(r"是[^,，]{0,10}$", text[:m.start()]):
        put("tech_center_member_level", level)


PAPER_AWARD = re.compile(r"(市|省|国家|部|厅)[^,，。]{0,6}优秀论文奖")
GRADES = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}


def _paper_awards(text: str, message: str, put) -> None:
    """第六条（一）（6）: 市（厅）级以上优秀论文奖, counted only as 第一作者 and 二等奖以上 ("市级优秀论文奖两篇，都是三等奖":
    none counts). The grade unsaid, nothing is counted (it is asked)."""
    grades = [GRADES[g] for g in re.findall(r"([一二三123])等奖", message)]
    if not grades:
        return
    if (m := re.search(LEVEL + r"[^,，。]{0,6}优秀论文奖", text)) and LEVEL_OF[m.group(1)] == "县":
        put("city_paper_awards", 0)  # "温岭市优秀论文奖": 温岭 is a county-level city, below 市（厅）级
        return
    papers = re.search(r"(\d+)\s*篇", message)
    first = not re.search(r"第[二三四五2345]作者|二作|三作|我排第[二三四五2345]", message)
    if len(grades) > 1:  # "两篇，一篇一等奖一篇三等奖": each grade is one paper's
        put("city_paper_awards", sum(g <= 2 for g in grades) if first else 0)
    else:
        put("city_paper_awards", (int(papers.group(1)) if papers else 1) if first and grades[0] <= 2 else 0)


MAIN_FINISHER = re.compile(r"主要完成(者|人)")
RANKED = re.compile(r"排(名|在)?第?\s*(\d{1,2}|[一二三四五六七八九十])(?!\d)|"
                    r"第\s*(\d{1,2}|[一二三四五六七八九十])\s*(发明人|完成人|完成者|作者|名|位|个)")


def finisher_rank(reading: Reading, clauses: list[Clause], message: str, person: str, before: str = "") -> None:
    """"专利证书上发明人我排第四，这算主要完成者不" (第十八条（三）): the rank, read only beside the term it decides
    (or after it: "专利排第几名算主要完成者" → "那我排第三呢")."""
    if (MAIN_FINISHER.search(message) or MAIN_FINISHER.search(before)) and (m := RANKED.search(message)):
        said = m.group(2) or m.group(3)
        reading.set("finisher_rank", int(said) if said.isdigit() else "一二三四五六七八九十".index(said) + 1, m.group(0), person)


def _in_sentence(clauses: list[Clause], index: int, message: str, most: int = 5) -> list[Clause]:
    """The clause at `index` and those after it up to the sentence's end (at most `most` in all)."""
    kept = [clauses[index]]
    for clause in clauses[index + 1:index + most]:
        if re.search(r"[。!！?？]", message[kept[-1].end:clause.start + 1]):
            break
        kept.append(clause)
    return kept


def achievements(reading: Reading, clauses: list[Clause], message: str) -> None:
    papers = 0
    for index, clause in enumerate(clauses):
        text = clause.text
        put = lambda name, value, c=clause: reading.set(f"achievements.{name}", value, c.text, c.person)  # noqa: E731
        if clause.has("nothing") or re.search(r"没(有)?(啥|什么)(业绩|成果|奖|荣誉)|啥(业绩|成果|奖)都没|"
                                             r"(没有|没|无)(任何|什么|啥|获过|拿过|评过|得过|发过|写过|参加过什么|参加过)?(重点)?"
                                             r"(奖|获奖|专利|论文|项目|称号|荣誉|标准|著作)|"
                                             r"(首台|奖|专利|论文|项目|称号|荣誉|著作)(套)?(也)?(没有|没)", text):
            _nothing(reading, clause)
            continue
        mine = not NOT_MINE.search(text)
        if mine and (m := re.search(r"(科技先进工作者|劳动模范|劳模|先进工作者|先进个人|五一劳动奖章)", text)):
            if clause.negated_before(clause.start + m.start(), 10) or NOT_HELD_HONOUR.search(
                    ",".join(c.text for c in _in_sentence(clauses, index, message, 3))):
                put("honor_level", "无")
            elif not NOT_GOVERNMENT.search(text) and (level := _level(text[:m.start()])):
                put("honor_level", level)
                if m.group(1) == "科技先进工作者":
                    put("science_worker_honor_level", level)
        science = re.search(r"(科技进步|科学技术进步|科技成果|自然科学|星火|技术发明|发明)奖?\s*(?:的)?\s*([一二三123])等奖", text)
        if mine and not science and (late := re.search(r"(科技进步|科学技术进步|科技成果|技术发明)奖(?:是|为|拿的是|得的是)?"
                                                       + LEVEL + r"(?:级)?(?:的)?([一二三123])等奖", text)):
            if not ASSOCIATION.search(text):  # "科技进步奖是县级二等奖": the level said after the prize's name
                put("science_award", {"level": LEVEL_OF[late.group(2)], "grade": GRADE[late.group(3)]})
        if mine and (m := science):
            if issuer := ASSOCIATION.search(text[:m.start()]):
                reading.set("achievements.science_award", "无", text, clause.person,
                            presumed=f"{issuer.group(0)}颁发的科技奖不是政府颁发的科技成果奖（第六条（二）（2）、第七条），按不具备计算")
            elif level := _level(text[:m.start()]):
                award = {"level": level, "grade": GRADE[m.group(2)]}
                if issuer := re.search(r"中国(机械工业|轻工业)联合会", text):
                    award["issuer"] = issuer.group(0)
                put("science_award", award)
        elif mine and (m := re.search(r"(科技进步|科学技术进步|科技成果|技术发明)奖(?![一二三123]等)", text)) and \
                not ASSOCIATION.search(text[:m.start()]) and (level := _level(text[:m.start()])) and \
                not clause.negated_before(clause.start + m.start(), 6):
            reading.set("achievements.science_award", {"level": level, "grade": 3}, text, clause.person,
                        presumed="未说获奖等级，按最低的三等奖计算，如是一、二等奖请告诉我")  # "县科技进步奖"
        if mine and (m := re.search(r"(优秀工业新产品|工业新产品|新产品|新技术|工程设计|工程咨询|工程建设|成果转化)"
                                    r"(?:成果)?奖?\s*(?:的)?\s*"
                                    r"([一二三123])等奖", text)):
            if ASSOCIATION.search(text[:m.start()]):
                pass  # a 协会's product prize is not the 省部级 award of 第六条（二）（2）
            elif level := _level(text[:m.start()]):
                kind = {"工程设计": "工程设计奖", "工程咨询": "工程咨询成果奖", "工程建设": "工程建设奖", "成果转化": "科技成果转化奖"}
                put("product_award", {"level": level, "grade": GRADE[m.group(2)],
                                      "kind": kind.get(m.group(1), "优秀工业新产品（新技术）奖")})
        if mine and re.search(r"首台", text):
            put("first_set", "国内" if "国内" in text else "省内" if re.search(r"省内|省装备|省重点", text) else "市")
        if mine and INVENTION.search(text):
            _patents(reading, clause, put, ",".join(c.text for c in clauses[index + 1:index + 3]))
        if m := re.search(r"重点[^,，]{0,8}(项目|工程|计划|课题|专项)", text):
            nearby = ",".join(c.text for c in _in_sentence(clauses, index, message))  # "…省重点研发项目，做永磁电机的，
            # 总投资1800万，我是项目的技术骨干": the role said later in the same sentence
            denied = re.search(r"(不算|不是|没当|并非|不属于|算不上)[^,，]{0,3}骨干|普通|一般参与|打杂|挂名|配合", nearby)
            role_said = bool(re.search(r"骨干|技术负责人|负责人之一|核心成员|主要技术人员", nearby)) and not denied
            took_part = re.search(r"参加|参与|做过|干过|搞过", text) and not denied and not re.search(r"成员", text)
            if (role_said or took_part) and (level := _level(text[:m.start()])):
                after = ",".join(c.text for c in clauses[index:index + 3])
                pending = NOT_ACCEPTED.search(after)
                holder = next((c.person for c in _in_sentence(clauses, index, message)
                               if re.search(r"(我|他|她)[^,，]{0,4}(是|算|当|作为)[^,，]{0,6}(骨干|负责人)", c.text)), clause.person)
                # ("…重点科技项目的项目负责人是我们老板，我是技术骨干": the 骨干 is the one who says so)
                reading.set("achievements.key_project_level", "无" if pending else level, text, holder,
                            presumed="重点项目尚未通过验收或评审，按第六条、第七条的“通过验收或评审”暂不计入" if pending
                            else "" if role_said else
                            "按您在重点项目中是技术骨干计算（第六条要求作为技术骨干参与），如只是一般参与请告诉我")
        if re.search(r"技术中心|技术创新团队|创新团队|研发中心", text):
            _centre(clause, put, ",".join(c.text for c in clauses[index + 1:index + 3]),
                    clauses[index - 1].text if index else "")
        if PAPER_AWARD.search(text):
            _paper_awards(text, message, put)
        if computed := salary(clause, message, put):
            reading.notes.append(computed)
        if re.search(r"标准|规范", text) and re.search(r"起草|编写|制定|参编|参与|主持|写过", ",".join(
                c.text for c in _in_sentence(clauses, index, message, 3))):  # "国家标准是公司牵头的，起草人里有我"
            if re.search(r"(国家|国标|行业|行标|地方)\s*(级)?\s*(标准|规范)", text):
                put("standard_drafter", not clause.negated_before(clause.start + text.find("标准"), 10))
            elif re.search(r"企业标准|企标|团体标准|公司标准|厂标|公司的标准|企业的标准", text):
                put("standard_drafter", False)
        if "高级人才" in text or "高层次人才" in text:
            put("high_level_talent", not clause.has("negation"))
        if m := (re.search(r"(省级|省部级|国家级|核心|全国性|中文核心)[^,，]{0,8}(期刊|刊物|杂志|普刊)[^,，]{0,8}?(\d+)\s*篇", text) or
                 re.search(r"(\d+)\s*篇[^,，]{0,8}(省级|省部级|国家级|核心|全国性)[^,，]{0,4}(期刊|刊物|杂志|普刊)", text)):
            papers += int(m.group(3) if m.group(3).isdigit() else m.group(1))  # "核心期刊1篇，省级普刊2篇": 3
            put("provincial_papers", papers)
        if re.search(r"(出版|出)[^,，]{0,4}(著作|专著|译作|书)", text):
            put("book_published", not clause.has("negation"))
        if re.search(r"解决[^,，]{0,10}(技术难题|难题|技术问题)|难题|技术攻关|技术瓶颈", text):
            nearby = ",".join(c.text for c in clauses[index:index + 2])  # "…的难题，我是排第三的完成人"
            if m := re.search(r"排(?:名)?第?\s*([\d一二三四五六七八九十]+)|第\s*([\d一二三四五六七八九十]+)\s*(?:名|位)", nearby):
                rank = m.group(1) or m.group(2)  # 主要完成者: the first three (第十八条（三）)
                put("main_finisher_solved_problem", (int(rank) if rank.isdigit() else "一二三四五六七八九十".index(rank[0]) + 1) <= 3)
            elif re.search(r"主要完成|主持|牵头|带头|负责人|前(三|3|两|2)(名|位)?(完成|的完成)|第[一二三123]完成人", nearby):
                put("main_finisher_solved_problem", True)
        benefit = re.search(r"(显著|明显|很大|巨大|可观)(的)?(经济)?效益|行业[^,，]{0,6}(显著|很大|重大)影响", text)
        amount = re.search(r"(省|节约|节省|创造|增加|带来|增收|降本|挣|赚)了?[^,，。]{0,6}(\d+|好几|几)\s*(百|千)?万", text)
        if (benefit or amount) and re.search(r"专利|技改|技术改造|改造项目", message):
            reading.set("achievements.significant_benefit", True, text, clause.person, presumed="" if benefit else
                        "按“给企业带来显著的经济效益”计算（第七条（六）；是否显著以评审认定为准）")
