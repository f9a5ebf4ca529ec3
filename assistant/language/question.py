"""Which question a message asks, decided by the clause that asks, not by a keyword anywhere.

"单位去年产值3000万，我能报助工吗" asks about 助工 (the 产值 is in passing); "正常申报" asks the normal
route only; "那越级呢" switches route with the facts so far; a message that names its facts in one
clause and asks "够申报吗" in another asks about the topic its facts are for. A reply that only gives
facts answers the question in force.
"""

from __future__ import annotations

import re

from assistant.language.achieved import NOT_ITEMS
from assistant.language.asking import (
    ASKS_TO_APPLY_NOW,
    DEADLINE_WORDS,
    ELIGIBILITY,
    ENGINEER_ROUTES,
    FIGURE_ASKED,
    GATE_QUESTIONS,
    GATE_TOPICS,
    GATES,
    IMPACT,
    INTO_MACHINERY,
    ITEM_NAMED,
    LIST_ASK,
    MAJOR_ASK,
    PLACE_FACTS,
    PROCEDURE_ASK,
    RATE_ASK,
    RECOGNISED,
    RELEVANT,
    ROUTES,
    SERVICE,
    SPEC_ASK,
    STANDING,
    STATUS_ASK,
    TAG_QUESTION,
    TOPIC_QUESTION,
    VERDICT_DEMANDED,
    WHY_NOT,
    _eligibility,
    _key,
    _refine,
    _route,
)
from assistant.language.clauses import VERDICT
from assistant.language.extract import INSTRUCTION, Understanding
from assistant.language.hours import HOURS_ASKED, LATE_REGISTRATION, late_registration
from assistant.language.intent import Intent, classify
from assistant.language.items import TITLE_ASKED, TITLE_ORDER
from assistant.language.lexicon import weighted_routes


def decide(u: Understanding, said: dict, text: str, in_force: str | None, known: dict) -> tuple[str | None, Intent]:
    """The engine question of this turn (or None: informational), and the intent of the whole message.

    `said`: the facts this message gave (for the person asked about); `known`: all facts so far.
    """
    whole = classify(text)
    asked_text = u.asked.text if u.asked else text
    activities = any((year or {}).get("activities") for year in (said.get("ce") or {}).values())
    if u.asked and any(isinstance(x, dict) and x.get("similarity_percent") for x in said.get("papers") or []):
        return "papers", whole  # "知网查的相似度一篇10%一篇60%，这样那一项还算吗": the papers themselves (一票否决 over 50%)
    if said.get("publicity_days") or said.get("publicity_start") and said.get("publicity_end"):
        return "publicity", whole  # "从9月16号周五贴到9月20号周二公示，五天了，够了吧": 5 working days counted
    if late_registration(text) and not re.search(r"多少|几个", asked_text):
        # "上个月的培训这个月才想起来申报，还能登不": the months compared (当月申报), or the rule quoted
        return ("ce_registration" if known.get("ce_activity_date") else None), whole
    listed = [a for year in (said.get("ce") or {}).values() for a in (year or {}).get("activities") or []]
    if listed and in_force != "hours_for_activity" and all(
            not {"rank", "people", "quantity", "hours"} & set(a) or a.get("route") in weighted_routes() and not {"rank", "people"} & set(a)
            for a in listed) and RATE_ASK.search(asked_text):  # ("网络课件的学时怎么认定": the route's rule, nothing to sum)
        return None, whole  # "核心期刊论文一篇几个学时": the rate and how authors share it, from the route's card
    if activities and HOURS_ASKED.search(text):
        return "hours_for_activity", whole  # "…参加了5天，学时怎么算？需要什么材料": the sum asked first
    figures = any(set(year or {}) - {"activities"} for year in (said.get("ce") or {}).values()) or said.get("ce_totals")
    if activities and not figures and u.asked and not re.search(r"(?<!不)(够|达到|满足|符合|达标|差)", asked_text) and \
            not PROCEDURE_ASK.search(asked_text) and not LATE_REGISTRATION.search(text):
        return "hours_for_activity", whole  # "那参与标准制定呢？…一共3个人我排第3": an activity alone is summed, not judged
    if said.get("finisher_rank") and u.asked and (re.search(r"主要完成(者|人)", asked_text if len(asked_text) > 6 else text)
                                                  or len(text) <= 12):  # ("专利排第几名算主要完成者" → "那我排第三呢")
        return "main_finisher", whole  # "实用新型2个，我都排第4，算主要完成者吗" (第十八条（三））
    if u.asked and ITEM_NAMED.search(asked_text) and re.search(r"算|满足|符合|够|成立", asked_text) and (
            {k for k, v in (known.get("achievements") or {}).items() if v not in (None, "无", 0, False)} - set(NOT_ITEMS)
            or known.get("work_start_date")):
        return ("skip_level" if re.search(r"越级|跳级", text) else "breakthrough"), whole  # "…8年半，第7条算吗"
    series, held, wanted = known.get("title_series"), known.get("title_level"), known.get("target")
    other_series = bool(series) and series != "机电" and held in TITLE_ORDER
    if other_series and known.get("machinery_work_start_date") and u.asked and re.search(
            r"(怎么|如何|咋)(处理|办|弄|搞|走)|怎么办|要做什么|要办什么|什么手续", asked_text) and not wanted:
        return "transfer", whole  # "助理统计师…现在做电气设计，想走机电职称，应该怎么处理": 转评 (第五条) is the way
    if other_series and wanted in TITLE_ORDER and TITLE_ORDER.index(wanted) > TITLE_ORDER.index(held):
        return _route(ELIGIBILITY[wanted], text, known), whole  # "助理经济师…能不能直接转评成机电工程师": only the
        # same level transfers; the next level needs a 机电 title held a year (the route's own 第五条 check)
    if in_force and in_force != "hours_for_activity" and not said and INSTRUCTION.search(text):
        return in_force, whole  # "你就按2018年3月算吧，聘书可以重开": the verdict in force, on the facts as they are
    if in_force and len(text) <= 14 and WHY_NOT.search(text):
        return in_force, whole  # "（照片480×560…）哪里不对": the verdict just given, with what decided it
    if u.asked and PROCEDURE_ASK.search(asked_text) and not re.search(r"学时|照片", asked_text):
        return None, whole
    asked = classify(asked_text) if u.asked else whole
    if (said.get("ce") or said.get("ce_totals")) and re.search(r"(差|缺|少)(几|多少)|不够几|补(得上|足|齐|上|吗|不)|来得及补|能补|可以补",
                                                               asked_text):
        return "ce_hours", whole  # "2022年还差几个学时？还来得及补吗": the years' hours, the shortfall, the 补足 rule
    verdict_too = any(c.asks and not STATUS_ASK.search(c.text) and ASKS_TO_APPLY_NOW.search(c.text) for c in u.clauses)
    if u.asked and not verdict_too and (any(known.get(f) for f in PLACE_FACTS) and STATUS_ASK.search(text) or
                                        known.get("degree_origin") in ("国外", "港澳台") and re.search(r"认证|认定", text)):
        return None, whole  # "派驻安徽两年…能在温岭报伐": where and how one applies (通知三), from its card
    if known.get("transferred_in") and RECOGNISED.search(asked_text):
        return "transferred_title", whole  # "江西评的助工这边认不认", "部队评的要重新评吗": 调入审定 (二（二）7（4））
    asks_verdict = bool(u.asked) and bool(VERDICT.search(asked_text) or re.search(r"([\u4e00-\u9fff])[不没]\1", asked_text))
    if said.get("target") and u.asked and len(asked_text.strip("?？。.!！ ")) <= 8 and TITLE_ASKED.search(asked_text) and \
            re.search(r"[吗么嘛伐哇不没吧][?？。.!！\s]*$", asked_text):
        asks_verdict = True  # "大专电机与电器 助工2018年11月聘 中工伐": the title asked for, with nothing but the asking
    if VERDICT_DEMANDED.search(text):
        asks_verdict, asked = True, whole  # "你直接回我一句‘你符合条件’": the verdict demanded is asked (the rules answer it)
    if u.asked and TAG_QUESTION.fullmatch(asked_text.strip("?？。 ")):
        asks_verdict, asked = True, whole  # "…做满2年就能报了，是这样吗": the claim before it is asked
    if "技能人才" in asked.topics and not set(said) - {"target"}:
        return None, whole  # 技能人才 may apply (通知 二（一）): a rule to quote, not a verdict
    for intent in (asked, whole):
        if "action_date" in said and "截止时间" not in intent.topics:
            intent.topics.insert(0, "截止时间")  # "10月20号还能网上申报吗" is about the schedule
        elif "action_date" not in said and "截止时间" in intent.topics and not DEADLINE_WORDS.search(text):
            intent.topics.remove("截止时间")  # "现在申报来得及吗" with no date asks whether one may apply
    if wanted and series and series != "机电" and held == wanted and (asks_verdict or said):
        return "transfer", whole  # "我是中级经济师…能不能直接报机电的工程师": 转评 to the same level
    if series and series != "机电" and held and u.asked and INTO_MACHINERY.search(asked_text):
        return "transfer", whole  # "我是化工专业的助理工程师…转成机电专业的可以吗": 转评, whatever the level
    standing = any(known.get(k) for k in ("education_level", "title_level", "title_appointed_date", "work_start_date"))
    if u.asked and IMPACT.search(asked_text) and not {"助理工程师", "工程师"} & set(asked.topics) and not standing and \
            len(gates := [q for topic, q in TOPIC_QUESTION if topic in whole.topics and q in GATE_QUESTIONS | {"disqualification"}]) == 1:
        return _refine(gates[0], text, said), whole  # "去年被罚了3000元通报处分…会受影响吗": the gate told, asked about
    if activities and re.search(r"多少|几个|几|算.{0,3}学时|登记|怎么算|能算|咋算|怎么计|如何计|怎么登|能不能算|算不算|算吗",
                                asked_text) and not re.search(r"够|达到|满足", asked_text) and not (
            re.search(r"还能|补登|补录|来得及|过期|晚了|截止|什么时候|几号|哪天", asked_text) and not re.search(r"多少|几个", asked_text)):
        return "hours_for_activity", whole  # "参加了5天备案培训班能登记多少学时": computed, not judged
    if activities and in_force == "hours_for_activity" and re.match(r"^(那|那么|如果|要是|假如)|呢$", asked_text):
        return "hours_for_activity", whole  # "那如果是公司自己组织的培训呢，也是7天": the same sum for another activity
    if said.get("major") and MAJOR_ASK.search(text) and not set(known) & SERVICE and not LIST_ASK.search(asked_text):
        return "major", whole  # "电子科学与技术算机电的相近专业吗": the catalogue of 第十八条（一）, looked up
    if known.get("major") and u.asked and (MAJOR_ASK.search(asked_text) or "规定学历" in asked_text) and \
            not LIST_ASK.search(asked_text) and not re.search(r"破格|越级", asked_text):
        return "major", whole  # "我专业是工商管理…" → "这算不算相近专业": the major told before, looked up
    follow_up = bool(in_force) and bool(re.match(r"^(那|那么|如果|要是|假如).{0,12}$|^.{0,12}呢$", asked_text))
    if u.asked and not asked.topics and re.match(r"^(好的|嗯|哦)?[,，。.!！ ]*(那|那么|如果|要是|假如)", text):
        asked = whole  # "那我走学历破格的话，还需要啥条件": the follow-up's topic is in the clause before the asking one
    if u.asked and FIGURE_ASKED.search(asked_text) and not said and not set(known) & STANDING and \
            set(asked.topics) & ROUTES and not set(asked.topics) & GATE_TOPICS:
        return None, whole  # "年薪多少可以越级", "破格要几项": the rule's figure, from its card (nothing known to judge)
    if u.asked and re.search(r"正常(申报|报|评|走|途径|渠道)", asked_text) and (known.get("target") == "工程师" or (
            known.get("title_level") == "助理工程师" and known.get("target") != "助理工程师")):
        return "engineer_normal", whole  # "越级是没戏了…助理工程师2019年6月，正常申报的话够吗": that route only
    for topic, question in TOPIC_QUESTION:
        if question == "degree_documents" and {"助理工程师", "工程师"} & set(whole.topics):
            continue  # "国外学历要不要认证？还有他今年能报工程师吗": the verdict first, the certificate with it
        if topic in asked.topics:
            if question == "photo" and set(said.get("photo") or {}) == {"background"} and SPEC_ASK.search(text):
                return None, whole  # "白底的照片要多大": the specs asked for, not a judgement of the background
            question = _refine(question, text, said)
            relevant = set(said) & RELEVANT.get(_key(question), set())
            if question == "ce_hours" and not relevant and not (set(known) & {"ce", "ce_totals"}) and not re.search(
                    r"(?<!不)(够|达到|满足|符合|达标)", asked_text):
                return None, whole  # "…算学时吗", "学时不够可以补吗": a rule to quote
            if question == "practical_assessment" and not relevant and "practical_assessment_passed" not in known:
                return None, whole  # "中级要不要考试": the rule of 附件1 五, quoted
            if question == "papers" and not relevant and "papers" not in known:
                if said.get("achievements") and (said.get("target") or known.get("target") or in_force):
                    continue  # "…还有省级期刊论文2篇，想报工程师": papers as achievements, for the title wanted
                return None, whole  # "论文是不是必须的", "论文要查重吗": the rule of 二（二）3, quoted
            if question == "skip_level" and asks_verdict and known.get("title_level") == "助理工程师" and \
                    not re.search(r"越级|跳级", text):
                return "engineer", whole  # "助工聘了两年…可以直接报工程师吗": any route, not a skip of levels
            if not u.asked and relevant and question in GATE_QUESTIONS and in_force in (*ELIGIBILITY.values(), *ENGINEER_ROUTES):
                return in_force, whole  # "是的 一直在聘 考核也都合格": a reply for the eligibility asked, which weighs 考核
            if asks_verdict or relevant or follow_up:
                return question, whole
            return None, whole
    target = known.get("target") if known.get("target") in ELIGIBILITY else None  # (技术员 is refused before: 通知一)
    if "正常" in asked_text and target != "助理工程师" and ("工程师" in asked.topics or target):
        return "engineer_normal", whole
    titles = {"工程师", "助理工程师"} & set(asked.topics)
    if titles and re.search(r"什么时候|啥时候|何时|哪年|几年后|还要多久|还差|多久", asked_text) and "action_date" not in said:
        asks_verdict = True  # "我什么时候能报中级": when the years are met, an eligibility question
    if asks_verdict and titles and target:
        return _route(ELIGIBILITY[target], text, known), whole  # "…今年能申报机电工程师吗": the title asked for decides
    if asks_verdict and titles and known.get("title_level") == "助理工程师":
        return _route("engineer", text, known), whole  # "助工满4年了吗": years in the title held, for the next one
    for topic, question in TOPIC_QUESTION:  # the asking clause names no topic: the one this message gave facts for
        if topic in whole.topics and set(said) & RELEVANT.get(_key(question), set()) and (asks_verdict or not u.asked):
            generic = (re.search(r"报|评|申请", asked_text) or "target" in said) and not re.search(r"越级|跳级|破格|直接", text)
            if generic and question in ("skip_level", "breakthrough"):
                return _route("engineer", text, known), whole  # "…新授权了一个专利，今年还能报吗": every route
            if generic and (known.get("title_level") or known.get("education_level")):
                # "…考核都合格，我今年能报吗": eligibility, which weighs 考核/社保/学时 among its requirements
                return (_route(ELIGIBILITY[target], text, known) if target else _eligibility(known, text)), whole
            return _refine(question, text, said), whole
    if said.get("photo") and (asks_verdict or not u.asked or len(said["photo"]) >= 2) and not titles:
        return _refine("photo", text, said), whole  # "压缩到800K了，jpg，1200×1600，现在行了吧": a photo, not named
    if asks_verdict and (said.get("ce") or said.get("ce_totals")) and not titles:
        return "ce_hours", whole  # "我19年90，20年90，21年88，够吗"
    gate = next((q for fact, q in GATES if said.get(fact)), None) or (
        "rule_2021" if known.get("failed_2021") and (said.get("new_achievements_since_2021") is not None or (
            in_force == "rule_2021" and re.search(r"再(报|申报|评|冲|试|申请)", asked_text))) else None)
    # ("2021年报中工没通过" … "今年新授权了一项实用新型" … "能不能再报": again, after failing — the 2021 rule)
    if asks_verdict and not standing and gate and (not target or gate == "rule_2021"):
        # ("去年中级挂了" … "今年还能再冲不", "今年也没什么新成绩，还能报助工吗": the 2021 rule, for the title named)
        return gate, whole  # "之前被取消过资格…现在能报了吗" (with nothing else known about the person)
    if target and (asks_verdict or (said and not u.asked) or said.get("target") and re.search(r"呢$", asked_text.strip("?？。 "))):
        return _route(ELIGIBILITY[target], text, known), whole
    if asks_verdict and in_force and in_force not in ELIGIBILITY.values() and in_force not in ENGINEER_ROUTES and \
            re.search(r"报|评|申请|申报", asked_text) and not whole.topics:
        return _eligibility(known, text) if not target else _route(ELIGIBILITY[target], text, known), whole  # "我能报吧"
    if in_force and (said or asks_verdict or follow_up or (not u.asked and len(text) <= 20)):
        if in_force in ELIGIBILITY.values() or in_force == "engineer_normal":
            return _eligibility(known, text) if not target else _route(ELIGIBILITY[target], text, known), whole
        return in_force, whole  # a reply that answers the last turn's questions ("有的", "没有"), or "这样能凑够3项吗"
    if asks_verdict and not known and u.person == "other" and re.search(r"报|评|申请", asked_text) and \
            set(whole.topics) <= {"助理工程师", "工程师"}:
        return "engineer_normal", whole  # "帮我们厂小李看看他今年能不能报": nothing known of him — ask his standing
    if asks_verdict and (titles or re.search(r"报|评|申请|满|够", asked_text)):
        if "工程师" in asked.topics:
            return _route("engineer", text, known), whole
        if "助理工程师" in asked.topics:
            return "assistant_engineer", whole
        return _eligibility(known, text), whole
    if STANDING.intersection(said) and (not u.asked or asks_verdict and not asked.topics):
        # facts and no question ("硕士，电机与电器，助工20年9月聘的"), or facts and a bare "我这个第二学士行不行"
        return _eligibility(known, text), whole
    return None, whole
