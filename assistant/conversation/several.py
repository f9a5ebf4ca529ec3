"""Several people in one message, each with their own facts, and one question for all of them ("帮三个技术员
问一下：①张工，本科…；②李卫东，大专…；③王晓丽，硕士…。三个人考核都合格…今年是不是都能正常报？"): each
person is answered on their own words plus what is said of all of them, and the answer lists them in order.

Only an explicit list is read this way — people numbered (①②, 1、2、, 甲乙, A/B) or named at the start of
each part — so a story that mentions a colleague in passing is still one person's question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.conversation.contract import Answer
from assistant.language.lexicon import lexicon

MARK = (r"(?:[①②③④⑤⑥⑦⑧⑨]|[1-9][、.．)）]|[甲乙丙丁][,，:：、]?|[A-Da-d](?:[,，:：、]|(?=本科|大专|专科|中专|硕士|研究生))"
        r"|(?:老|小)?[{surnames}][\u4e00-\u9fff]{{0,2}}?(?:工|师傅)?(?:[,，:：]|(?=本科|大专|专科|中专|硕士|研究生|\d)))")
FACTS = re.compile(r"中专|大专|专科|本科|硕士|研究生|博士|助工|助理工程师|技术员|聘|毕业|\d{2,4}年|学时|照片")
FOR_ALL = re.compile(r"都|均|每个人|各自|分别|他们|她们|这几个|这两个|这3个|两个人|2个人|3个人|三个人|几个人|哪个|谁")


WHY_NOT = re.compile(r"[,，。？?\s]*(不行|不能|不够|不符合)的?(话)?[,，]?(差在哪(里|儿)?|差什么|还差什么|为什么|什么原因|原因)"
                     r"[^。？?]*[？?]?\s*$")
ALL_OF_THEM = re.compile(r"(是不是|是否)?(都|全都|全部)(?=能|可以|够|符合|满足|行)")  # "是不是都能报" asked of each: "能报吗"


@dataclass(frozen=True)
class Person:
    label: str
    words: str


def people(message: str) -> tuple[list[Person], str] | None:
    """The people listed (2 or more, each with facts of their own) and the words said of all of them; None
    when the message is not such a list or does not ask about them all."""
    text = message.strip()
    mark = re.compile("(?:^|(?<=[：:；;。,，\\s]))" + MARK.format(surnames="".join(lexicon()["surnames"])))
    starts = list(mark.finditer(text))
    listed = []
    for m, end in zip(starts, [*(s.start() for s in starts[1:]), None], strict=False):
        part = text[m.start():end]
        stop = re.search(r"[。;；]", part[len(m.group(0)):])  # a person's part ends at the first full stop
        words = part if stop is None else part[:len(m.group(0)) + stop.start()]
        if FACTS.search(words[len(m.group(0)):]):
            name = re.split(r"[,，:：]", words[len(m.group(0)):], maxsplit=1)[0]
            label = m.group(0).strip("，,：:、 ") + (name if len(name) <= 4 and not FACTS.search(name) else "")
            listed.append(Person(label, words.strip("，,；;。 ")))
    if len(listed) < 2 or len({p.label for p in listed}) < len(listed):
        return None
    last = text.rfind(listed[-1].words) + len(listed[-1].words)
    shared = WHY_NOT.sub("", text[last:]).strip("，,；;。 ")  # "…都能报？不行的差在哪": each answer says why
    if not (shared and FOR_ALL.search(shared)):
        return None
    asked = ALL_OF_THEM.sub("", shared)
    asked = asked if re.search(r"[吗么呢?？]\s*$|[不没][\u4e00-\u9fff]?$", asked) else asked + "吗"
    title = re.search(r"助理工程师|助工|工程师|中级|初级", text[:starts[0].start()])  # "帮三个技术员问一下工程师："
    if title and not re.search(r"助理工程师|助工|工程师|中级|初级", asked):
        asked = re.sub(r"(能|可以|够)(正常)?(报|申报|评)", lambda m: m.group(0) + title.group(0), asked, count=1)
    return listed, asked


WORST = ("not_eligible", "need_more_info", "eligible")  # "是不是都能报": one who cannot makes the answer no


def combined(listed: list[Person], answers: list[Answer]) -> Answer:
    """One line per person (their first sentence, and what to tell about them), then the clause that decided
    for the first; the verdict is the least favourable (all can apply only if each can)."""
    lines = [f"{len(listed)}位的情况分别如下："]
    for person, answer in zip(listed, answers, strict=True):
        said = [re.sub(r"^这位", "", line) for line in answer.answer.split("\n")
                if line and not line.startswith(("（按您说的这位", "规定原文", "（按以下"))]  # the label names whom
        lines.append(f"{person.label}：" + "".join(line for line in said[:1] + [x for x in said[1:] if x.startswith("请告诉我")]))
    deciding = sorted(answers, key=lambda a: WORST.index(a.verdict.outcome) if a.verdict else len(WORST))
    quote = next((line for a in deciding for line in a.answer.split("\n") if line.startswith("规定原文")), "")
    verdicts = sorted((a.verdict for a in answers if a.verdict), key=lambda v: WORST.index(v.outcome))
    cited = list({c.id: c for a in answers for c in a.citations}.values())
    return Answer(answer="\n".join([*lines, quote] if quote else lines), mode="offline",
                  verdict=verdicts[0] if verdicts else None, citations=cited, kind="verdict" if verdicts else "info")
