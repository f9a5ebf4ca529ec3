"""The parts of one turn's answer that need no assistant state: input that cannot be a question, further
computable questions in the same message, the query an informational question searches with, an answer
about someone else, and the title an eligibility question is about."""

from __future__ import annotations

import re
import unicodedata

from assistant.conversation.contract import Answer
from assistant.language.asking import RELEVANT, TOPIC_QUESTION
from assistant.language.extract import prepare
from assistant.language.intent import GENERIC, Intent, classify
from assistant.rules.params import hotline


def in_english(message: object) -> bool:
    """A message with English words in it and no Chinese character."""
    return isinstance(message, str) and bool(re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", message)) and \
        not re.search(r"[\u4e00-\u9fff]", message)


def problem_with(message: object, limit: int = 2000) -> str | None:
    """A Chinese reply for input that cannot be a question, or None."""
    if not isinstance(message, str) or not message.strip():
        return "请输入您的问题，例如：“大专毕业3年能报助理工程师吗？”"
    if len(message) > limit:
        return f"您的消息有 {len(message)} 字，超过 {limit} 字的上限，请精简后再问。"
    text = message.strip()
    if sum((ch.isprintable() or ch in "\t\n\r") and ch != "\ufffd" for ch in text) < len(text) * 0.9:  # (a pasted table is text)
        return "消息中含有无法识别的字符，请用文字描述您的问题。"
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        return "没能看懂这条消息，请用文字描述您的问题，例如：“照片有什么要求？”"
    if in_english(text) and len(re.findall(r"[\u4e00-\u9fff]", prepare(text))) < 4:  # (read when the notice's words are in it)
        return (f"英文提问不在本助手能处理的范围内，本助手无法回答，请用中文提问，例如：“大专毕业3年能报助理工程师吗？”"
                f"也可致电协同创新中心 {hotline()} 咨询。")
    return None


def other_questions(intent: Intent, facts_said: dict, primary: str) -> list[str]:
    """Further computable questions in the same message ("照片…行吗？10月25日还能报吗？"): each topic
    whose own facts the message gives, besides the one answered first."""
    others = []
    for topic, question in TOPIC_QUESTION:
        key = "breakthrough" if question.startswith("breakthrough") else question
        if topic in intent.topics and question != primary and not primary.startswith(key) and \
                set(facts_said) & RELEVANT.get(key, set()):
            others.append(question)
    return others


# Facts that engage a gate, and its clause: an informational question that states one is about that gate.
GATE_CLAUSES = {"transferred_in": "二/（二）/7/（4）", "degree_origin": "二/（二）/7/（2）", "sanctions": "附件1/一",
                "months_insured_in_city": "二/（二）/7/（3）", "retired": "一"}
OUR_TITLES = re.compile(r"助理工程师|工程师|助工|中工|中级|初级|技术员")  # the titles this notice reviews
FOLLOW_UP_CHARS = 20  # a message this short continues the topic of the one before it
TITLES = {"助理工程师", "工程师"}  # a title named is the subject, not a new topic ("在安徽评的助理工程师，这边认吗")


FORM_ASK = re.compile(r"(栏|表格|格子|表里|表上|一项)[^。]{0,8}(写|填)(?!什么|啥|哪|几)")
PROPOSED = re.compile(r"((?:写|填|写成|填成)(?:上|为|个)?)\s*(?:“[^”]{1,30}”|\"[^\"]{1,30}\"|[^,，。？?]{2,20}?)"
                      r"(?=\s*[,，]?\s*(?:可以|行|能|对|吗|么|不|吧|合适|$))")


def weighted_query(said: str, u, before: str = "") -> str:
    """What an informational search looks for: when the asking clause is under half the message, it counts
    twice, so the question outweighs the story, which still gives its context (台湾 in "研究生是在台湾的大学读的，
    回来申报时学历怎么认定"). A short follow-up ("那额外要填的那张表叫啥？", "一直打不通，还有别的办法吗") is
    searched with the turn before it, whose topic it continues, its own words counting twice ("网上申报几号截止" →
    "那单位审核报送呢" asks the unit's date) — unless it names a topic of its own."""
    if FORM_ASK.search(said):  # "从事专业那栏我想写“机电产品设计开发与制造”行不": what goes in is not the topic
        said = PROPOSED.sub(r"\1", said)
    asked = u.asked.text if u.asked else ""  # `said`: the message prepared (normalised: "deadline" is 截止时间)
    weigh = asked and len(asked) * 2 < len(said) and classify(asked).topics  # a topicless "能不能挪过去" leans on the story
    query = f"{asked}，{asked}，{said}" if weigh else said
    own = set(classify(said).topics) - GENERIC - TITLES  # "那继续教育要多少学时？" after an eligibility turn: new
    continues = not own or own & set(classify(before).topics)
    return f"{query}，{query}，{before}" if before and len(said) <= FOLLOW_UP_CHARS and continues else query


def said_after(text: str, asked: str, word: str) -> bool:
    """Whether `word` comes in a later sentence than the asking clause ("…会不会差几天不够？我们厂…老板答应评上
    加工资。": a remark after the question, not its subject)."""
    ask, at = text.find(asked), text.find(word) if word else -1
    return 0 <= ask < at and bool(re.search(r"[。!！?？]", text[ask + len(asked):at]))


def about_them(answer: Answer) -> Answer:
    """An answer about someone else says so, and asks about them ("这位的最高学历…"), not about the user."""
    lines = [re.sub(r"(?<![本])您(?!本人)", "这位", line) if line.startswith("请告诉我：") else line
             for line in answer.answer.split("\n")]
    missing = [m.model_copy(update={"question": re.sub(r"您", "这位", m.question)}) for m in answer.verdict.missing]
    if re.match(r"(可以|暂不能|还不能|不能|有条件|不需要|需要)", lines[0]):
        lines[0] = "这位" + lines[0]  # the verdict stays the first sentence, and says whom it is about
    lines.insert(1, "（按您说的这位的情况判断，不计入您本人的信息。）")
    return answer.model_copy(update={
        "answer": "\n".join(lines),
        "verdict": answer.verdict.model_copy(update={"missing": missing})})


def target_for(question: str, facts: dict) -> tuple[dict, str]:
    """The title an eligibility question is about, and the presumption when the user did not name it."""
    target = {"assistant_engineer": "助理工程师"}.get(question, "工程师" if question in (
        "engineer", "engineer_normal", "skip_level", "breakthrough", "breakthrough_general",
        "breakthrough_outstanding") else None)
    if question == "assessment" and facts.get("title_level") == "助理工程师":
        target = "工程师"  # "助工18年聘的…2020年考核不合格有影响吗": the 考核 of the next level up (二（二）5)
    if target and "target" not in facts:
        return {**facts, "target": target}, f"按您要申报{target}理解"
    return facts, ""
