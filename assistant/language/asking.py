"""The vocabulary of asking: which topic names which engine question, the facts that make a topic
computable, and the words that ask for a verdict, a figure, a procedure or a rule (question.py decides
with them which question a message asks)."""

from __future__ import annotations

import re

from assistant.language.achieved import NOT_ITEMS
from assistant.language.extract import Understanding
from assistant.language.intent import classify

# Specific topics first: "我可以破格吗" asks about 破格 even though it also names 工程师.
TOPIC_QUESTION = [("越级", "skip_level"), ("破格", "breakthrough"), ("转评", "transfer"), ("学时", "ce_hours"),
                  ("照片", "photo"), ("实操", "practical_assessment"), ("复评", "rule_2021"), ("截止时间", "deadline"),
                  ("社保", "social_insurance"), ("考核", "assessment"), ("论文", "papers"), ("处罚", "disqualification"),
                  ("学历认证", "degree_documents")]
# (实操 before 复评: "实操考评没过还能参加评审吗" is the 实操 failed, not a review failed in 2021)
# The facts that make a turn about a topic computable ("学时够吗" is; "研究生一门课算几个学时" is not).
RELEVANT = {"skip_level": {"achievements"}, "breakthrough": {"achievements", "title_appointed_date", "education_level"},
            "transfer": {"title_series", "machinery_work_start_date", "transferred_date"}, "ce_hours": {"ce", "ce_totals"},
            "photo": {"photo"}, "rule_2021": {"failed_2021", "new_achievements_since_2021"}, "deadline": {"action_date"},
            "social_insurance": {"months_insured_in_city", "months_insured_in_unit", "insured_now"},
            "assessment": {"assessments"}, "papers": {"papers"},
            "practical_assessment": {"practical_assessment_passed"}, "disqualification": {"falsification_years", "under_investigation"},
            "penalty": {"penalties"}, "degree_documents": {"degree_origin"},
            "ce_registration": {"ce_activity_date", "ce_registration_date"}}
ELIGIBILITY = {"助理工程师": "assistant_engineer", "工程师": "engineer"}
WHY_NOT = re.compile(r"^(那|那么)?(到底)?(哪里|哪儿|哪|啥地方|什么地方)(不对|有问题|不行|不符合|不够|没达到)|"
                     r"^(那)?(为什么|为啥|咋)(不行|不可以|不能|不够|不符合)|"
                     r"问题(出)?在哪|差在哪|卡在哪")


WHOLE_PHOTO = re.compile(r"(照片|相片|证件照)[^,，。？?]{0,4}(能用|可以用|能不能用|可不可以用|行不行|合格|符合|过得了)")


def _refine(question: str, text: str, said: dict | None = None) -> str:
    if question == "breakthrough" and "突出" in text:
        return "breakthrough_outstanding"
    if question == "breakthrough" and "一般破格" in text:
        return "breakthrough_general"
    if question == "disqualification" and re.search(r"罚|事故", text) and not re.search(r"造假|伪造|弄虚作假", text):
        return "penalty"
    given = set((said or {}).get("photo") or {})
    white_only = given == {"background"} and WHOLE_PHOTO.search(text) and "白" in text
    if question == "photo" and (given == {"background", "format"} or white_only) and \
            not re.search(r"格式|后缀|扩展名|类型|底色|背景", text):
        return "photo"  # "白底jpg能用吗", "我照片能用吗？是白底的": the photo described, not one spec asked about — its
        # sizes decide, and are asked for
    if question == "photo" and said and len(given) < 4:
        return "photo_given"  # "480×640的能用吗", "后缀是.jpeg认不认": judged on what was given, the rest named
    return question


def _route(question: str, text: str, known: dict) -> str:
    """"能报工程师吗" from someone who names no achievement and no other route asks the normal route
    (the answer says so and offers 破格/越级); with achievements, every route is weighed."""
    achieved = {k: v for k, v in (known.get("achievements") or {}).items() if k not in NOT_ITEMS}
    if question == "engineer" and not achieved and not re.search(r"破格|越级|跳级|直接(?!回|告诉|说|输出|给|写)|业绩|获奖|专利|"
                                                                 r"项目|标准|年薪", text):
        return "engineer_normal"
    return question


def _key(question: str) -> str:
    """The family a refined question belongs to (breakthrough_general → breakthrough, photo_given → photo)."""
    return "breakthrough" if question.startswith("breakthrough") else "photo" if question.startswith("photo") else question


ENGINEER_ROUTES = {"engineer_normal", "breakthrough", "breakthrough_general", "breakthrough_outstanding", "skip_level", "transfer"}
STANDING = {"education_level", "title_level", "title_appointed_date", "work_start_date", "achievements", "target"}
GATES = [("falsification_years", "disqualification"), ("under_investigation", "disqualification"),
         ("penalties", "penalty"), ("failed_2021", "rule_2021")]
GATE_QUESTIONS = {"assessment", "social_insurance", "ce_hours", "penalty", "disqualification", "rule_2021"}
INTO_MACHINERY = re.compile(r"转(评)?(成|为|到)?[^,，。]{0,3}机电")
IMPACT = re.compile(r"影响|延迟|推迟|耽误|受限|有事吗|有问题吗|要紧吗|碍事")  # "会受影响吗": asked of the gate told
MAJOR_ASK = re.compile(r"本专业|相近|名单|目录|对口|算(不算)?机电|属于机电|属不属于|机电的专业|机电专业吗|专业.{0,3}(算|属于)|"
                       r"专业的?(能|可以|能不能|可不可以)(报|评|申报)机电(吗|不|么|伐)?(?![\u4e00-\u9fff])")  # "…专业能报机电吗"
LIST_ASK = re.compile(r"哪些|什么|有啥|啥")  # "机电的相近专业有哪些" asks for the list, not about one major
SERVICE = {"title_appointed_date", "work_start_date", "graduation_date", "title_level", "achievements"}  # then the title is asked
SPEC_ASK = re.compile(r"多大|多少|什么|哪些|要求|尺寸|规格")
TAG_QUESTION = re.compile(r"(那)?(是这样吗|是不是这样|对吗|对不对|是真的吗|是吗|真的吗|对吧|真的假的|是不是真的|靠谱吗|可信吗)")
DEADLINE_WORDS = re.compile(r"截止|几号|逾期|什么时候|哪天|几月|时间安排|开始申报|最晚|最后一天")


def topic_question(u: Understanding, text: str) -> str | None:
    """The engine question an informational turn is about ("走学历破格的话还需要啥条件" → 破格), so that a
    next message giving only facts ("有县科技进步三等奖…") is answered on it."""
    if re.match(r"^(我)?(想|要|打算|准备)?(走|申请|报)?(一般破格|业绩突出|破格|越级|转评)", text):
        return _refine(dict(TOPIC_QUESTION)["破格" if "破格" in text or "突出" in text else "越级" if "越级" in text else "转评"], text)
    if not u.asked and (len(text) > 12 or not re.search(r"要求|条件|规定|怎么|多少|规则|标准", text)):
        return None  # a statement ("有2篇省部级论文") keeps the question in force; "照片的要求" asks
    for words in ((u.asked.text,) if u.asked else ()) + (text,):
        asked = classify(words)
        found = next((_refine(q, text) for topic, q in TOPIC_QUESTION if topic in asked.topics and topic != "截止时间"), None)
        if found:
            return found
    return None


def _eligibility(known: dict, text: str) -> str | None:
    """"能报吗" with no title named: the next title up from the one held, the normal route when no
    achievement is named."""
    held = known.get("title_level")
    if held == "助理工程师" or known.get("title_appointed_date"):
        return _route("engineer", text, known)
    if held in (None, "无", "技术员") and (known.get("work_start_date") or known.get("education_level")):
        return "assistant_engineer"
    return _route("engineer", text, known) if known else None


# "What must be done" is asked of the notice, whatever facts come with it: "部队里取得的初级资格要怎么处理",
# "省外那段社保要开证明吗", "他要报工程师之前得先办什么", "学历怎么认定".
PROCEDURE_ASK = re.compile(r"办什么|什么手续|哪些手续|怎么处理|如何处理|怎么办理|如何办理|开.{0,8}证明|交什么|交哪些|提供什么|"
                           r"提供哪些|什么材料|哪些材料|先办|要准备什么|准备哪些|怎么认定|如何认定|(在|去|到)哪(里|儿)?(报|申报)|"
                           r"找谁|哪个单位.{0,3}报|由谁.{0,2}报|谁来报|谁报|"
                           r"(怎么|如何|咋|怎样)(填|写|盖章|上传|打印)|填什么|写什么|填几份|(栏|表|一栏|那栏).{0,4}(填|写)")  # a form


# Where to apply ("能在温岭这边报吗", "职称应该在哪里报"), for one posted out or from a unit outside the city (通知三).
WHERE_ASK = re.compile(r"(在|去|到|回|来)(温岭|台州|这边|这里|本地|我们这|老家)[^,，。？?]{0,4}(报|申报|评|参加)|"
                       r"在哪(里|儿|个地方|边)?(报|申报|评)|哪(里|边|儿)(报|评)|(在|去)哪里?(申报|报|评)")
# A status said (调入, 派驻市外, 市外单位, 港澳台学历) and a message asking in these words (anywhere in it: "想在温岭这边
# 评 可以吗 要啥手续") is answered by the status's own card.
STATUS_ASK = re.compile(f"{WHERE_ASK.pattern}|(办|走|要|准备)(什么|啥|哪些)|(什么|啥|哪些)手续|(怎么|如何|咋)(处理|办理|弄|办)|先办|"
                        r"额外准备|(怎么|如何|咋)认定|(怎么|如何|咋|要|需要|须)[^,，。]{0,3}认证")
OTHER_MATTER = re.compile(r"花名册|照片|相片|学时|继续教育|继教|论文|考核|社保|审批表|一栏|那栏|栏里|怎么填|填什么")  # asked of its own
VERDICT_DEMANDED = re.compile(r"(就说|直接说|回我|回复我?|告诉我|说一句|回一句|写上|写一句)[^,，。]{0,8}"
                              r"(符合|能报|可以报|能评|可以评|满足|够了|没问题|通过)")
ASKS_TO_APPLY_NOW = re.compile(r"(能|可以|够)[^,，。]{0,4}(报|评|申报)")  # "…还有他今年能报工程师吗": a verdict asked too
ROUTES, GATE_TOPICS = {"越级", "破格", "助理工程师", "工程师"}, {"处罚", "考核", "社保", "学时", "照片", "论文", "实操", "复评"}
# the rate, with no authors told
RATE_ASK = re.compile(r"一篇|每篇|一项|每项|一个|几个学时|多少学时|几学时|怎么算|怎么认定|如何认定|怎么计算|如何计算|怎么登记")
FIGURE_ASKED = re.compile(r"多少|几(年|项|个|篇|天|条|次)|哪些|哪几")
PLACE_FACTS = ("posted_outside_city", "outside_personnel")  # where one applies (通知三): its card answers "在哪报/啥手续"

# Whether a title obtained elsewhere (another province, the army) holds here.
RECOGNISED = re.compile(r"认不认|认吗|认可|直接认|承认|有效|算数|作数|能用|直接用|直接拿|拿来用|重新评|重评|还算吗|算不算数|通用|管用")
ITEM_NAMED = re.compile(r"第\s*[（(]?\s*[1-8一二三四五六七八]\s*[)）]?\s*(条|项)|这一?(条|项)(?!件)")
