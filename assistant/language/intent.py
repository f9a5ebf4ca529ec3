"""What a message asks about: topics (a message may carry several) and whether it is in scope.

Computable topics (eligibility, 破格, 越级, 转评, 学时, 照片, 截止时间, 社保…) go to the rule engine
when the message gives facts or asks "能/可以/够/行…吗"; the others (材料与流程, 定义, 联系方式) are
answered from the notice by search. Questions the notice does not cover are recognised here so
that they are refused, never answered from anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.language.lexicon import lexicon

TOPICS: list[tuple[str, tuple[str, ...]]] = [
    ("越级", ("越级", "跳级", "直接报", "直接申报", "年薪")),
    ("破格", ("破格", "破个格", "单破", "双破", "凑够", "凑齐", "凑3项", "凑三项", "够3项", "够三项")),
    ("转评", ("转评", "转系列", "经济师", "会计师", "统计师", "其他系列", "换专业", "转成机电", "转为机电", "转到机电", "转机电")),
    ("学时", ("学时", "继续教育", "继教", "公需", "专业课", "专业科目")),
    ("照片", ("照片", "相片", "证件照", "寸照", "像素", "jpg", "jpeg", "png", "白底", "蓝底", "红底", "底色")),
    ("复评", ("没评上", "没通过", "未通过", "没过", "落选", "被刷", "挂了", "新业绩", "新成绩", "新成果")),
    ("截止时间", ("截止", "几号", "来得及", "逾期", "开始申报", "时间安排", "什么时候截止", "什么时候开始", "哪天")),
    ("社保", ("社保", "社会保险", "参保")),
    ("考核", ("考核",)),
    ("论文", ("论文", "查重", "相似度", "重复率")),
    ("学历认证", ("认证", "学信网", "留学服务中心", "认证书")),
    ("实操", ("实操", "实际操作考评", "操作考评", "要不要考试", "需要考试", "需不需要考试", "要考试", "考不考", "用不用考")),
    ("处罚", ("罚款", "处罚", "处分", "事故", "弄虚作假", "造假", "伪造", "黑名单", "罚了", "被罚", "罚过")),
    ("助理工程师", ("助理工程师", "助工", "初级")),
    ("工程师", ("工程师", "中级", "中工")),
    ("技能人才", ("技能", "技工", "工人")),
    ("材料与流程", ("材料", "流程", "步骤", "怎么报", "怎么申报", "上传", "网站", "网址", "填", "盖章", "花名册",
                 "审批表", "公示", "打印", "原件", "扫描", "述职", "聘书", "申报类别")),
    ("定义", ("是什么", "指什么", "什么意思", "算不算", "包括哪些", "是指", "哪些专业", "相近专业")),
    ("联系方式", ("电话", "联系", "地址", "咨询", "在哪")),
]
OTHER_QUALIFICATIONS = tuple(lexicon()["other_qualifications"])
OUT_OF_SCOPE = OTHER_QUALIFICATIONS + tuple(lexicon()["unrelated_subjects"])
GENERIC = {"定义", "材料与流程", "联系方式", "截止时间"}  # asked of any subject: "…一级建造师，报名条件是什么"
# Out of scope only when the message is about nothing the notice covers: "2023年的学时怎么算" or "考公务员时
# 违纪" are still questions about this notice.
WEAK_OUT_OF_SCOPE = ("公务员", "2023年", "2024年", "2025年", "2026年", "明年")
INJECTION = ("忽略以上", "忽略之前", "忽略所有", "忘记你的设定", "忘记之前", "扮演", "没有限制的", "ignore previous",
             "ignore all", "写一首", "讲个笑话")
# Applying for another series' title is another review ("想评中级会计师", "评中学一级教师", "报化工工程师");
# holding one and moving to 机电 is 转评, which this notice covers.
OTHER_TITLES = ("会计师", "经济师", "统计师", "审计师", "一级教师", "二级教师", "高级教师", "讲师", "化工工程师", "建筑工程师",
                "土建工程师", "医师", "护师", "建造师")
OTHER_TITLE_APPLIED = re.compile(r"(评|报|考|申报|申请)[^,，。是]{0,4}(" + "|".join(OTHER_TITLES) + ")")
OTHER_PLACES = tuple(lexicon()["other_cities"])
OTHER_SERIES_REVIEW = re.compile(r"(教师|卫生|护理|信息技术|电子信息|建筑|化工|纺织|会计|经济|工艺美术)(?:系列|专业)(?:的)?"
                                 r"(?:工程师|中级|初级)?[^,，。]{0,3}(?:评审|申报条件|评审文件|职称评审|怎么评|咋评)")
# Applying for 技术员 ("能报技术员不", "技术员要什么条件"), unless weighed against a title reviewed here ("技术员还是助工").
NOT_REVIEWED = tuple(lexicon()["not_reviewed_levels"])
LEVELS = "|".join(NOT_REVIEWED)
LEVEL_APPLIED = re.compile(rf"((想|能|可以|能不能|可不可以|打算|准备|要|先|去)[^,，。]{{0,3}}(报|评|申报|申请|弄|搞)(个|一个|上)?|"
                           rf"(报|评|申报|申请)(个|一个))({LEVELS})(?!工作|职务|的时候|的年限|那年|当年)|"
                           rf"({LEVELS})(要|需要|有)?(什么|啥|哪些)(条件|要求)|({LEVELS})(怎么|咋|如何|在哪)(评|报|申请|申报)")

def _moved_from(place: str, text: str) -> bool:
    """"社保今年5月才从金华转过来", "之前一直在金华交": a place in the applicant's history, not the review asked about."""
    return bool(re.search(f"从{place}|{place}[^,，。]{{0,6}}(转|调|回|过来|迁)|(之前|以前|原来|早年|曾经|先)[^,，。]{{0,6}}{place}", text))


@dataclass
class Intent:
    topics: list[str] = field(default_factory=list)
    out_of_scope: bool = False
    reason: str = ""

    @property
    def other_review(self) -> bool:
        """Out of scope because it is another title's or certificate's review (not weather, not another city)."""
        return self.out_of_scope and (self.reason in OTHER_QUALIFICATIONS or self.reason in OTHER_TITLES or self.reason.endswith("系列")
                                      or self.reason in NOT_REVIEWED)


def classify(text: str) -> Intent:
    """Topics of `text` (normalised), in the order of TOPICS."""
    intent = Intent()
    for word in OUT_OF_SCOPE:
        if word in text and not re.search(rf"(不问|不报|不评|不考虑|不管|先不|不说|别管)[^,，。]{{0,2}}{word}", text):
            intent.out_of_scope, intent.reason = True, word  # ("算了不问高工了，中工的呢": dropped, not asked)
    for place in OTHER_PLACES:
        if place in text and not any(p in text for p in ("温岭", "台州")) and not _moved_from(place, text) and \
                not re.search(rf"{place}[^,，。]{{0,6}}(社保|证明|学历|毕业|读)", text):  # "开杭州那边的社保证明": a document
            intent.out_of_scope, intent.reason = True, place
    said = re.sub(r"不(走|想|用|打算|考虑|是|要)[^,，。？?]{0,2}?(破格|越级|转评)|直接(报|申报)不(了|成)", "", text)
    # ("不走破格": not asked; "学时不够是不是就直接报不了了": no 越级)
    intent.topics = [name for name, words in TOPICS if any(w in said for w in words)]
    if "学时" in intent.topics and intent.reason in OTHER_QUALIFICATIONS:
        intent.out_of_scope, intent.reason = False, ""  # "一级建造师考试过了3门，能登记学时吗": 细则第六条（八）
    weak = next((w for w in WEAK_OUT_OF_SCOPE if w in text), None)
    if weak and not intent.out_of_scope and (not intent.topics or weak[0].isdigit() and intent.topics == ["截止时间"]
                                            or weak == "明年" and "截止时间" in intent.topics):
        # "2023年的评审什么时候开始": this notice sets 2022's dates only
        intent.out_of_scope, intent.reason = True, weak
    if m := OTHER_SERIES_REVIEW.search(text):
        intent.out_of_scope, intent.reason = True, m.group(1) + "系列"  # "台州信息技术专业工程师的评审条件": that series' review
    if m := OTHER_TITLE_APPLIED.search(text):
        intent.out_of_scope, intent.reason = True, m.group(2)  # "想评中级会计师": another series' review
    if (m := LEVEL_APPLIED.search(text)) and not re.search(r"还是[^,，。]{0,4}(助工|助理|初级|工程师|中级)", text):
        intent.out_of_scope, intent.reason = True, next(g for g in m.groups()[::-1] if g in NOT_REVIEWED)
    if "破格" in intent.topics and "助理工程师" in intent.topics and not re.search(r"破格|破个格|单破|双破", said):
        intent.topics.remove("破格")  # "到年底能凑够报助理工程师不": years made up, not 破格 items (破格 is for 工程师)
    if "工程师" in intent.topics and not re.search(r"(?<!助理)工程师|中级|中工", text):
        intent.topics.remove("工程师")  # "助理工程师" alone is not about 工程师
    if any(w in text for w in INJECTION) and not set(intent.topics) - {"定义", "联系方式"}:
        intent.out_of_scope, intent.reason = True, "与通知无关的指令"
    return intent
