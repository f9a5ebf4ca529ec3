"""Chinese tokens for BM25: jieba's search-mode words plus character bigrams.

Words make 破格, 越级, 学时 match exactly; bigrams rescue typos and words jieba splits
differently in a question than in the notice. Applicants' own words (助工, 中级, 社保, 查重)
are expanded to the notice's terms before tokenising.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path

from assistant.documents.normalize import arabic_numerals, normalize

# Applicants' words → the notice's words (the query keeps its own words too).
SYNONYMS: dict[str, str] = {
    "助工": "助理工程师 初级",
    "初级": "助理工程师",
    "中级": "工程师 中级",
    "职称": "专业技术资格 任职资格",
    "学时": "继续教育 学时",
    "继续教育": "学时",
    "继教": "继续教育 学时",
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
    "弄虚作假": "造假 伪造",
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
    "破个格": "破格 破格申报",
    "寸照": "1寸、2寸白底证件照 照片",
    "盖章": "加盖单位公章 盖章",
    "复印件": "复印件 加盖单位公章",
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
    "助理工程师": "初级工程师",
    "聘了": "聘任",
    "谁": "申报对象 人员",
    "哪些人": "申报对象 人员",
    "流程": "申报程序 个人申报 单位审核 主管部门推荐",
    "步骤": "申报程序",
    "网站": "网址 平台 登录",
    "网址": "网址 平台",
    "没评上": "未通过评审 新业绩",
    "没通过": "未通过评审",
    "去年": "2021年",
    "后果": "取消 评审资格 不得申报",
    "几年不能": "3年内不得申报",
    "必须": "必备条件",
    "什么表": "审批表 花名册 表",
    "任现职以后": "任现职后所获得",
    "以后取得": "后所获得",
}

# Any date in a question ("10月25日", "9.1") is about the schedule.
_DATE = re.compile(r"\d{1,2}月\d{1,2}[日号]?|\d{1,2}[./]\d{1,2}(?!\d)|\d{4}[-/.年]\d{1,2}")

STOPWORDS = frozenset(
    "的 了 吗 呢 啊 吧 嘛 我 你 他 她 是 在 和 与 或 及 等 有 要 会 能 可以 请问 一下 怎么 怎样 什么 多少 几 哪些 哪个 "
    "如何 需要 还 就 都 也 这 那 个 么 呀 哦 嗯 想 问".split()
)
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
# "4年", "2项", "90学时", "10月", "20日": a number is only meaningful with its unit.
_QUANTITY = re.compile(r"\d+(?:\.\d+)?(?:学时|周年|[年项月日天万篇个元])")
_WORD = re.compile(r"[\w\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def full_segmenter():
    """jieba with its full dictionary (about a second to load): used to tokenise the corpus."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt


@lru_cache(maxsize=8)
def dictionary_segmenter(path: Path):
    """jieba with a small dictionary of one corpus's own words (see `corpus_dictionary`): loads in milliseconds."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    segmenter = jieba.Tokenizer(dictionary=str(path))
    segmenter.tmp_dir = str(path.parent)
    segmenter.initialize()
    return segmenter


def corpus_dictionary(token_lists: list[list[str]]) -> str:
    """A jieba dictionary holding only the corpus's words and the synonym table's terms.

    BM25 scores only words that occur in the corpus, so segmenting queries with these words
    (and their full-dictionary frequencies) finds the same matches as the full dictionary, and loads
    in milliseconds instead of a second.
    """
    full = full_segmenter()
    words = {w for tokens in token_lists for w in tokens}
    for word, terms in SYNONYMS.items():
        words.add(word)
        words.update(terms.split())
    lines = [f"{w} {full.FREQ.get(w) or 1}" for w in sorted(words) if w.strip() and " " not in w]
    return "\n".join(lines) + "\n"


def expand(text: str) -> str:
    """Add the notice's terms for every applicant's word found in `text` (already normalised)."""
    extra = [terms for word, terms in SYNONYMS.items() if word in text]
    if _DATE.search(text):
        extra.append("时间安排 截止时间 申报时间")
    return text + (" " + " ".join(extra) if extra else "")


def tokenize(text: str, *, query: bool = False, segmenter=None) -> list[str]:
    """Tokens of `text`; a query is expanded with synonyms. `segmenter` defaults to full jieba."""
    text = arabic_numerals(normalize(text))
    if query:
        text = expand(re.sub(r"(\d{1,2})号", r"\1日", text))
    words = [w.strip() for w in (segmenter or full_segmenter()).cut_for_search(text)]
    tokens = [w for w in words if w and _WORD.search(w) and w not in STOPWORDS]
    tokens.extend(_QUANTITY.findall(text))
    for run in _CJK_RUN.findall(text):
        tokens.extend(run[i:i + 2] for i in range(len(run) - 1))
    return tokens
