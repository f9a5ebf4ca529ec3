"""Corrections: "打错了，是25万", "不是65，是56", "记错了，是区级的", "是三等奖，不是二等".

A correction names the new value and sometimes the old one. The old value is found in what the user
said before (named, or else the last thing of the same kind: an amount, a level, a grade, a percent, a
date…), replaced there by the new one, and the corrected message is read again — so every fact the
old words gave is given anew by the new words, with no per-fact repair code.
"""

from __future__ import annotations

import re

from assistant.language.lexicon import known_majors

MARKER = re.compile(r"不对|错了|说错|记错|记岔|打错|看错|写错|搞错|弄错|更正|纠正|改成|改为|应该是|其实是|不好意思|抱歉|哦不|"
                    r"准确(点|地|来)?说|确切(点|地)?说|具体(点)?说")
PAIRS = [re.compile(r"不是\s*(?P<old>[^,，。;；]+?)\s*[,，]?\s*(?:而|就|只|只不过|仅仅|其实)?是\s*(?P<new>[^,，。;；]+)"),
         re.compile(r"是\s*(?P<new>[^,，。;；]+?)\s*[,，]?\s*不是\s*(?P<old>[^,，。;；]+)"),
         re.compile(r"(?:把)?(?P<old>[^,，。;；]+?)(?:改成|改为)(?P<new>[^,，。;；]+)"),
         re.compile(r"(?P<old>[^,，。;；]+?)不对\s*[,，]?\s*(?:应该)?是\s*(?P<new>[^,，。;；]+)")]
ONLY_NEW = re.compile(r"(?:(?<!不)是|应该是|其实是|改成|改为|更正[:：]?)\s*(?P<new>[^,，。;；]+)$")
ANY_NEW = re.compile(r"(?:(?<!不)是|应该是|其实是|改成|改为|更正[:：]?)\s*(?P<new>[^,，。;；\s]+)")
AFTER_MARKER = re.compile(r"(?:不对|错了|说错了?|记错了?)[啊呀了,，\s]*(?P<new>\d{2,4}\s*年[^,，。;；\s]*)")
KINDS = [  # a value's kind: the old value is the last thing of the same kind said before
    r"\d+(?:\.\d+)?\s*%", r"\d+(?:\.\d+)?\s*万", r"\d+(?:\.\d+)?\s*(?:元|块)", r"[一二三123]等奖?",
    r"(?:国家|省部|省|市厅|市|县|区)级?", r"(?:国家|行业|地方|企业|团体)标准", r"骨干|成员",
    r"(?:\d{2,4})\s*年(?:\s*\d{1,2}\s*月)?", r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]", r"(?:今年|去年|前年|大前年)\s*\d{1,2}\s*月",
    r"\d{1,2}\s*月", r"中专|大专|本科|硕士|博士|研究生",
    r"助理工程师|助工|工程师|中级|初级|技术员", r"jpe?g|png|bmp", r"\d+(?:\.\d+)?",
]


DATEISH = r"(?:\d{2,4}\s*年|今年|去年|前年|大前年)(?:\s*\d{1,2}\s*月)?"
MAJOR_SAID = re.compile(r"(学的是|学的|所学专业是|专业是)\s*([\u4e00-\u9fff]+(?:\s+[\u4e00-\u9fff]{1,2}(?=\s|$))?)")


def _kind(value: str) -> str | None:
    return next((k for k in KINDS if re.fullmatch(k, value.strip())), None)


def corrected(message: str, before: str) -> str | None:
    """The earlier message with the correction applied, or None when `message` corrects nothing in it."""
    if not before or not MARKER.search(message) and not re.search(r"不是.+是|是.+不是", message):
        return None
    old = new = None
    for pattern in PAIRS:
        if m := pattern.search(message):
            old, new = m.group("old").strip(), m.group("new").strip()
            break
    if new is None and (m := ONLY_NEW.search(message) or ANY_NEW.search(message) or AFTER_MARKER.search(message)):
        new = m.group("new").strip()  # "说错了 是2018年5月，18年": the value right after 是; "哦不对，16年7月，我记岔了"
    if not new:
        return None
    new = re.sub(r"(的|了|吧|啊|呀)+$", "", new)
    if new in known_majors() and (said := list(MAJOR_SAID.finditer(before))):  # a correction to a major
        spot = said[-1]  # "学的是机械制造与 嗯 不对是机械设计制造及其自动化": the major said last
        return before[:spot.start(2)] + new + before[spot.end(2):]
    core = re.search("|".join(KINDS), new)
    if old is not None and old in before:
        kind = _kind(old)
        spot = next((m for m in re.finditer(kind, before) if m.start() <= before.index(old) < m.end()), None) if kind else None
        value = re.search(kind, new) if kind else None
        if spot and value:  # "不是18年，是2019年5月聘的": the whole date said before, by the date of the same kind
            return before[:spot.start()] + value.group(0) + before[spot.end():]
        return before.replace(old, new, 1)
    kind = _kind(core.group(0)) if core else None
    found = list(re.finditer(kind, before)) if kind else []
    if not found and kind and re.fullmatch(DATEISH, core.group(0)):
        found = list(re.finditer(DATEISH, before))  # "去年拿的，哦不是，是前年12月": a date of another shape
    if not found:
        return None
    spot = found[-1]
    fixed = before[:spot.start()] + core.group(0) + before[spot.end():]
    return None if fixed == before else fixed  # nothing changed: the message's own facts stand


TO_SELF = re.compile(r"(是|说的是|问的是|就是|其实是)(我|俺)(自己|本人)|(我|俺)自己的(情况|事)")
TO_OTHER = re.compile(r"(这|那|上面|刚才|前面)[^,，。]{0,6}是(我)?(同事|徒弟|朋友|老婆|老公|爱人|媳妇|儿子|女儿|弟弟|妹妹|哥哥|姐姐|"
                      r"表弟|表妹|同学|亲戚|师傅|员工|下属)的|(不是我|不是俺)(自己)?(的)?[,，]?\s*是(我)?(同事|徒弟|朋友|老婆|老公|"
                      r"爱人|儿子|女儿|弟弟|妹妹|员工)")


def person_corrected(message: str) -> str | None:
    """"哦不是同事，是我自己，我打错了" → "self"; "不好意思说错了，这是我同事的情况" → "other": the facts told
    before belong to the person now named (None: no such correction)."""
    if not MARKER.search(message) and not re.search(r"不是", message):
        return None
    if TO_OTHER.search(message):
        return "other"
    return "self" if TO_SELF.search(message) else None


INLINE_MARKER = re.compile(r"不对|说错|记错|打错|写错|搞错|弄错|看错|更正|纠正|"
                           r"(?<=[哦噢呃额啊])不是(?=[,，\s]*是)")  # not 不好意思 (also a politeness)


def corrected_inline(text: str) -> str:
    """"2020年3月进厂……哦不对，是2019年3月，疫情前那年": a correction inside one message replaces what it
    corrects there, and the rest of the message is read as said."""
    m = INLINE_MARKER.search(text)
    if not m or m.start() < 4:
        return text
    head, tail = text[:m.start()], text[m.start():]
    said = re.match(r"[^。!！?？]{0,8}?(?:是|改成|改为)\s*[^,，。;；!！?？\s]+", tail)
    if not said:
        return text
    fixed = corrected(said.group(0), head)
    return text if fixed is None else fixed + "，" + tail[said.end():].lstrip(",，")


LEVEL_REPLY = re.compile(r"^(温岭市|温岭|台州市|台州|浙江省|浙江|国家|省|市|县|区)(级|里|政府)?(的|颁发的|评的|发的)?$")
NEEDS_LEVEL = re.compile(r"劳模|劳动模范|先进工作者|科技进步奖|科技成果奖|技术中心|创新团队|重点项目|重点科技项目")


CENTRE = re.compile(r"技术中心|技术创新团队|创新团队|研发中心")
ROLE_IN_IT = re.compile(r"(我|他|她)(也)?是[^,，]{0,6}(骨干|负责人|核心|成员|一员)|名单(里|上)?有(我|他|她)")


HOURS_ASK = re.compile(r"(算|登记|认定|记|折算)[^,，。]{0,4}(多少|几个|几)[^,，。]{0,2}学时|多少学时|几个学时")
ACTIVITY = re.compile(r"论文|培训|研修|高研班|进修|讲座|授课|讲课|著作|教材|课题|学历教育|在职(读|研)|函授|自考|网络学习|网课")


def completed(message: str, before: str) -> str | None:
    """"我是劳模，能破格吗" → "温岭市的": the level said alone goes to the achievement said before without one;
    "我们是省级企业技术中心" → "我是骨干，文件名单上有我": one's role goes to the centre said before;
    "我论文发在核心期刊上 三个作者 我排第三" → "能算多少学时": the hours asked are those of the activity told."""
    if CENTRE.search(before or "") and not CENTRE.search(message) and ROLE_IN_IT.search(message):
        return f"{before.rstrip('。.!！ ')}，{message}"
    if HOURS_ASK.search(message) and not ACTIVITY.search(message) and ACTIVITY.search(before or ""):
        return f"{before.rstrip('。.!！ ')}，{message}"  # "我论文发在核心期刊上…" → "能算多少学时"
    reply = LEVEL_REPLY.match(message.strip("。.!！ "))
    noun = NEEDS_LEVEL.search(before or "")
    if not reply or not noun or re.search(r"(国家|省|市|县|区|温岭|台州)[级里]?[^,，]{0,4}$", before[:noun.start()]):
        return None
    return before[:noun.start()] + reply.group(1) + (reply.group(2) or "") + before[noun.start():]
