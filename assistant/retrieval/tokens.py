"""Chinese tokens for BM25: jieba's search-mode words plus character bigrams.

Words make 破格, 越级, 学时 match exactly; bigrams rescue typos and words jieba splits
differently in a question than in the notice. Applicants' own words (助工, 中级, 社保, 查重)
are expanded to the notice's terms before tokenising.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from assistant.documents.normalize import normalize

# Applicants' words → the notice's words (the query keeps its own words too).
SYNONYMS: dict[str, str] = {
    "助工": "助理工程师 初级",
    "初级": "助理工程师",
    "中级": "工程师 中级",
    "职称": "专业技术资格 任职资格",
    "学时": "继续教育 学时",
    "继续教育": "学时",
    "公需课": "公需科目",
    "专业课": "专业科目",
    "照片": "证件照 照片 像素",
    "相片": "证件照 照片",
    "像素": "照片 像素",
    "截止": "截止 时间安排 网上申报时间",
    "截至": "截止 时间安排",
    "什么时候": "时间安排 截止",
    "几号": "时间安排 截止",
    "逾期": "逾期 截止",
    "社保": "社会保险 参保缴费",
    "考核": "年度考核 考核 合格",
    "查重": "相似度 检测",
    "重复率": "相似度",
    "论文": "论文 学术论文",
    "电话": "联系电话 联系方式",
    "联系": "联系电话 联系方式",
    "地址": "地址 原件核查",
    "原件": "原件核查 原件",
    "大专": "大学专科 专科",
    "专科": "大学专科",
    "中专": "中等专业学校 中专",
    "本科": "大学本科",
    "研究生": "研究生学历 硕士学位",
    "硕士": "研究生学历 硕士学位",
    "学信网": "电子注册备案表 学历认证",
    "学历认证": "电子注册备案表 学历认证",
    "国外": "国外学历学位认证书",
    "港澳台": "港澳台学历学位认证书",
    "越级": "越级申报 直接申报",
    "跳级": "越级申报",
    "破格": "破格申报",
    "转评": "转评 其他专业技术职务",
    "转系列": "转评",
    "罚款": "经济处罚 处罚决定书 延迟2年申报",
    "处罚": "经济处罚 处罚决定书",
    "造假": "伪造 变造 虚假 弄虚作假",
    "作假": "伪造 虚假 弄虚作假",
    "技工": "技能劳动者 技能人才",
    "技能": "技能劳动者 技能人才",
    "年薪": "年薪 万元",
    "专利": "授权发明专利 专利",
    "述职": "本人述职 1000字",
    "公示": "公示 5个工作日",
    "审批表": "破格推荐中级专业技术资格审批表",
    "花名册": "评委会评审对象资格审查花名册",
    "专业目录": "机电制造技术专业包括 相近专业",
    "什么专业": "机电制造技术专业包括 相近专业",
    "相近专业": "机电制造技术相近专业包括",
    "实操": "实操考评 实操评议",
    "面试": "面试 论文代表作",
    "外语": "外语 计算机应用能力",
    "计算机": "计算机应用能力 外语",
    "聘任": "聘任 任职时间",
    "任职时间": "任职时间 2022年12月31日",
    "加权": "项目排名加权系数",
    "排名": "项目排名加权系数",
}

STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 嘛 我 你 他 她 是 在 和 与 或 及 等 有 要 会 能 可以 请问 一下 怎么 怎样 什么 多少 几 哪些 哪个 "
    "如何 需要 还 就 都 也 这 那 个 么 呀 哦 嗯 想 问".split()
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def expand(text: str) -> str:
    """Add the notice's terms for every applicant's word found in `text` (already normalised)."""
    extra = [terms for word, terms in SYNONYMS.items() if word in text]
    return text + (" " + " ".join(extra) if extra else "")


def tokenize(text: str, *, query: bool = False) -> list[str]:
    text = normalize(text)
    if query:
        text = expand(text)
    words = [w.strip() for w in _jieba().cut_for_search(text)]
    tokens = [w for w in words if w and _WORD.search(w) and w not in STOPWORDS]
    for run in _CJK_RUN.findall(text):
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    return tokens
