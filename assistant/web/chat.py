"""The 咨询 tab: the chat, the verdict badge and clause cards, 我理解的信息, chips and feedback.

Every text a user typed, and every text the assistant quotes, is shown as text: the chat renders no
Markdown or HTML (a pasted `![x](http://…)` is characters, not an image fetched from outside), and the
HTML around it comes from our templates with everything escaped. The session is the browser's signed cookie
(see server.py), so a reload restores the conversation from the server.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html import escape

import gradio as gr

from assistant.conversation.contract import Answer
from assistant.conversation.memory import facts_out
from assistant.rules.dates import cn_date
from assistant.rules.params import hotline
from assistant.rules.verdict import question_for
from assistant.web.render import badge, citation_cards

EXAMPLES = ["大专毕业3年能报助理工程师吗", "我可以破格吗", "学时够吗", "照片要多大", "10月25日还能报吗", "年薪35万能直接报工程师吗"]
CHIP_TEMPLATES = {"major": "我学的专业是", "education_level": "我的学历是", "work_start_date": "我从    年  月开始从事专业技术工作",
                  "title_appointed_date": "我现职务是    年  月聘的", "title_level": "我现在的职务是",
                  "title_series": "我的职称是机电系列", "target": "我想申报", "action_date": "我打算  月  日办理"}
MAX_CHIPS = 3
# A new answer is shown from its first line (the answer comes first), not scrolled to its end.
SHOW_ANSWER_START = """() => { setTimeout(() => {
  const bots = document.querySelectorAll('#chatbot .message-row.bot-row, #chatbot [data-testid="bot"]');
  if (bots.length) bots[bots.length - 1].scrollIntoView({block: 'start', behavior: 'instant'});
}, 50); }"""


def chip_text(question: str) -> str:
    """The start of a reply to one of the assistant's questions, for the user to complete.

    Derived from the question's text alone, so it holds no state shared between users."""
    for fact, template in CHIP_TEMPLATES.items():
        if question == question_for(fact):
            return template
        if question == question_for(fact).replace("您", "这位"):  # asked about someone else: "他的学历是"
            return template.replace("我", "他")
    if match := re.match(r"您(\d{4})年度继续教育学时", question):
        return f"{match.group(1)}年专业  学时，公需  学时"
    if "证件照" in question:
        return "照片是   格式，   K，宽×高为   ×   "
    return question


def _value(value: object) -> str:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return cn_date(date.fromisoformat(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def facts_panel(session) -> tuple[str, dict]:
    """我理解的信息: each fact with the words it came from (or "推定" and why), and the list to remove from."""
    facts = facts_out(session)
    if not facts:
        return '<div class="facts empty">我理解的信息：暂无。告诉我您的学历、专业、聘任时间等，我会列在这里。</div>', \
            gr.update(choices=[], value=None)
    rows = []
    for f in facts:
        who = "（他人）" if f.person == "other" else ""
        said = f'推定：{escape(f.presumed)}' if f.presumed else f'依据您第{f.turn}句：“{escape(f.evidence)}”'
        rows.append(f'<li data-fact="{escape(f.name)}"><b>{escape(f.label)}{who}</b>：{escape(_value(f.value))}'
                    f'<span class="said">{said}</span></li>')
    choices = [(f"{f.label}{'（他人）' if f.person == 'other' else ''}：{_value(f.value)}", f"{f.person}|{f.name}")
               for f in facts]
    return ('<div class="facts"><div class="facts-title">我理解的信息（有误请删除，或直接说“不对，是……”）</div>'
            f'<ul>{"".join(rows)}</ul></div>', gr.update(choices=choices, value=None))


class ChatTab:
    """The chat's handlers, bound to the web assistant (its sessions, feedback store and limits)."""

    def __init__(self, web):
        self.web = web

    def respond(self, message, request: gr.Request):
        """The answer as it streams (with a model: ours first, then each checked sentence), the panels with it."""
        session = self.web.page_session(request)
        before, asked = list(session.history), {"role": "user", "content": escape(str(message or ""))}
        for _, answer in self.web.stream(session, message):
            # Shown as text: the chat renders no Markdown, and HTML is escaped here (the page would render it).
            # Kept as it grows: a page closed mid-stream still finds the answer so far on reload.
            session.history = [*before, asked, {"role": "assistant", "content": escape(answer.answer)}]
            session.last_answer = answer.model_dump()
            self.web.sessions.save(session)
            missing = answer.verdict.missing[:MAX_CHIPS] if answer.verdict else []
            chips = [gr.update(value=m.question, visible=True) for m in missing]
            chips += [gr.update(visible=False)] * (MAX_CHIPS - len(chips))
            yield (session.history, "", badge(answer), citation_cards(answer), *facts_panel(session), *chips)

    def restore(self, request: gr.Request):
        """On load: the conversation so far, from the server (a reload loses nothing)."""
        session = self.web.page_session(request)
        answer = Answer.model_validate(session.last_answer) if session.last_answer else None
        return (session.history, "", badge(answer) if answer else "", citation_cards(answer) if answer else "",
                *facts_panel(session), *[gr.update(visible=False)] * MAX_CHIPS)

    def reset(self, request: gr.Request):
        session = self.web.page_session(request)
        session.reset()
        self.web.sessions.save(session)
        return ([], "", "", "", *facts_panel(session), *[gr.update(visible=False)] * MAX_CHIPS)

    def remove_fact(self, choice, request: gr.Request):
        session = self.web.page_session(request)
        if choice and "|" in str(choice):
            person, name = str(choice).split("|", 1)
            session.forget(name, "other" if person == "other" else "self")
            self.web.sessions.save(session)
        return facts_panel(session)

    def rate(self, rating: int, comment: str, request: gr.Request) -> str:
        session = self.web.page_session(request)
        if not session.last_answer:
            return "请先提问，再评价回答。"
        question = next((m["content"] for m in reversed(session.history) if m["role"] == "user"), "")
        self.web.feedback.add(session.id, rating, question, session.last_answer, comment or "")
        return "谢谢您的反馈！"

    def helped(self, comment: str, request: gr.Request) -> str:
        return self.rate(1, comment, request)

    def not_helped(self, comment: str, request: gr.Request) -> str:
        return self.rate(-1, comment, request)

    def build(self):
        gr.Markdown(f"依据《2022年度机电工程师任职资格评审工作有关事项的通知》作答，每个回答都注明条款原文。咨询电话 {hotline()}。")
        chatbot = gr.Chatbot(show_label=False, height=460, elem_id="chatbot", render_markdown=False, sanitize_html=True,
                             buttons=[], autoscroll=False, placeholder="请在下方输入您的问题。")
        verdict_badge = gr.HTML(elem_id="verdict-badge")
        with gr.Row():
            chips = [gr.Button(visible=False, size="md", elem_classes="chip", elem_id=f"chip-{i}") for i in range(MAX_CHIPS)]
        message = gr.Textbox(label="您的问题", placeholder="例如：大专毕业3年能报助理工程师吗？", elem_id="message", lines=2)
        with gr.Row():
            send = gr.Button("发送", variant="primary", elem_id="send")
            reset = gr.Button("重新开始", elem_id="reset")
        facts = gr.HTML(elem_id="facts")
        with gr.Row():
            pick = gr.Dropdown(label="删除一项理解有误的信息", choices=[], elem_id="fact-pick", scale=3)
            remove = gr.Button("删除这一项", elem_id="fact-remove", scale=1)
        gr.Examples(EXAMPLES, inputs=message, label="试试这些问题")
        cites = gr.HTML(elem_id="citations")
        with gr.Row():
            comment = gr.Textbox(label="反馈意见（可选）", scale=3, elem_id="comment")
            up, down = gr.Button("有帮助", scale=1, elem_id="thumbs-up"), gr.Button("没帮助", scale=1, elem_id="thumbs-down")
        thanks = gr.Markdown(elem_id="thanks")
        outputs = [chatbot, message, verdict_badge, cites, facts, pick, *chips]
        for trigger in (send.click, message.submit):
            trigger(self.respond, message, outputs).then(None, js=SHOW_ANSWER_START)
        for chip in chips:
            chip.click(chip_text, chip, message)
        reset.click(self.reset, None, outputs)
        remove.click(self.remove_fact, pick, [facts, pick])
        up.click(self.helped, comment, thanks)
        down.click(self.not_helped, comment, thanks)
        return outputs, self.restore
