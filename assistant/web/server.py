"""The web app: gradio Blocks (chat, hotline console, the notice) and `POST /api/ask`, on one FastAPI.

Sessions live on the server, keyed by id (a browser tab keeps its id in gradio state; API clients
send theirs) and expire after the configured idle time. Nothing is fetched from outside the
machine: the theme uses system fonts, analytics are off.
"""

from __future__ import annotations

import os
import re
from html import escape

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402 (analytics must be off before gradio is imported)
from fastapi import FastAPI  # noqa: E402
from pydantic import BaseModel  # noqa: E402

from assistant.config import Settings  # noqa: E402
from assistant.conversation.llm import make_assistant  # noqa: E402
from assistant.conversation.session import SessionStore  # noqa: E402
from assistant.rules.params import hotline
from assistant.rules.verdict import question_for  # noqa: E402
from assistant.web.console import build_console  # noqa: E402
from assistant.web.feedback import FeedbackStore  # noqa: E402
from assistant.web.render import CSS, GOTO_CLAUSE_JS, badge, citation_cards, notice_tree  # noqa: E402

EXAMPLES = ["大专毕业3年能报助理工程师吗", "我可以破格吗", "学时够吗", "照片要多大", "10月25日还能报吗", "年薪35万能直接报工程师吗"]
CHIP_TEMPLATES = {"major": "我学的专业是", "education_level": "我的学历是", "work_start_date": "我从    年  月开始从事专业技术工作",
                  "title_appointed_date": "我现职务是    年  月聘的", "title_level": "我现在的职务是",
                  "title_series": "我的职称是机电系列", "target": "我想申报", "action_date": "我打算  月  日办理"}
MAX_CHIPS = 3


class AskIn(BaseModel):
    session_id: str | None = None
    message: str


def chip_text(question: str) -> str:
    """The start of a reply to one of the assistant's questions, for the user to complete.

    Derived from the question's text alone, so it holds no state shared between users."""
    for fact, template in CHIP_TEMPLATES.items():
        if question == question_for(fact):
            return template
    if match := re.match(r"您(\d{4})年度继续教育学时", question):
        return f"{match.group(1)}年专业  学时，公需  学时"
    if "证件照" in question:
        return "照片是   格式，   K，宽×高为   ×   "
    return question


class WebAssistant:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.assistant = make_assistant(settings)
        self.offline = getattr(self.assistant, "offline", self.assistant)
        self.sessions = SessionStore(settings.session_idle_seconds)
        self.feedback = FeedbackStore(settings.feedback_db)

    def answer(self, session_id: str | None, message: object):
        """(session id, answer, notice): long messages are cut to the limit, and the answer says so."""
        session = self.sessions.get(session_id)
        notice = ""
        if isinstance(message, str) and len(message) > self.settings.max_message_chars:
            message = message[: self.settings.max_message_chars]
            notice = f"（您的消息超过 {self.settings.max_message_chars} 字，已只取前 {self.settings.max_message_chars} 字。）\n"
        answer = self.assistant.answer(session, message)
        if notice:
            answer = answer.model_copy(update={"answer": notice + answer.answer})
        return session.id, answer

    def respond(self, message, history, session_id):
        """Chat turn, streamed: the answer text grows, then the badge, citations and chips appear."""
        history = list(history or [])
        session_id, answer = self.answer(session_id, message)
        history.append({"role": "user", "content": escape(str(message or ""))})
        text = escape(answer.answer)
        chips = [gr.update(visible=False)] * MAX_CHIPS
        for end in range(0, len(text), 40):
            yield [*history, {"role": "assistant", "content": text[:end]}], "", "", "", *chips, session_id
        missing = answer.verdict.missing[:MAX_CHIPS] if answer.verdict else []
        chips = [gr.update(value=m.question, visible=True) for m in missing]
        chips += [gr.update(visible=False)] * (MAX_CHIPS - len(chips))
        history.append({"role": "assistant", "content": text})
        yield history, "", badge(answer), citation_cards(answer), *chips, session_id

    def reset(self, session_id):
        if session_id:
            self.sessions.get(session_id).reset()
        return [], "", "", "", *[gr.update(visible=False)] * MAX_CHIPS, session_id

    def rate(self, rating: int, comment: str, history, session_id) -> str:
        turns = [m for m in (history or []) if isinstance(m, dict)]
        question = next((m["content"] for m in reversed(turns) if m["role"] == "user"), "")
        reply = next((m["content"] for m in reversed(turns) if m["role"] == "assistant"), "")
        if not reply:
            return "请先提问，再评价回答。"
        self.feedback.add(session_id or "", rating, str(question), str(reply), comment or "")
        return "谢谢您的反馈！"

    def blocks(self) -> gr.Blocks:
        corpus = self.offline.corpus
        with gr.Blocks(title="机电工程师职称评审助手") as demo:
            gr.Markdown("## 机电工程师职称评审助手\n依据《2022年度机电工程师任职资格评审工作有关事项的通知》（温机工协创〔2022〕2号）作答，"
                        f"每个回答都注明条款原文。咨询电话 {hotline()}。")
            session_id = gr.State(None)
            with gr.Tab("咨询", id="chat"):
                chatbot = gr.Chatbot(label="对话", height=420, elem_id="chatbot")
                verdict_badge = gr.HTML(elem_id="verdict-badge")
                with gr.Row():
                    chips = [gr.Button(visible=False, size="sm", elem_classes="chip", elem_id=f"chip-{i}")
                             for i in range(MAX_CHIPS)]
                message = gr.Textbox(label="您的问题", placeholder="例如：大专毕业3年能报助理工程师吗？", elem_id="message")
                with gr.Row():
                    send = gr.Button("发送", variant="primary", elem_id="send")
                    reset = gr.Button("重新开始", elem_id="reset")
                gr.Examples(EXAMPLES, inputs=message, label="试试这些问题")
                cites = gr.HTML(elem_id="citations")
                with gr.Row():
                    comment = gr.Textbox(label="反馈意见（可选）", scale=3, elem_id="comment")
                    up, down = gr.Button("有帮助", scale=1, elem_id="thumbs-up"), gr.Button("没帮助", scale=1, elem_id="thumbs-down")
                thanks = gr.Markdown(elem_id="thanks")
            outputs = [chatbot, message, verdict_badge, cites, *chips, session_id]
            for trigger in (send.click, message.submit):
                trigger(self.respond, [message, chatbot, session_id], outputs)
            for chip in chips:
                chip.click(chip_text, chip, message)
            reset.click(self.reset, session_id, outputs)
            up.click(lambda c, h, s: self.rate(1, c, h, s), [comment, chatbot, session_id], thanks)
            down.click(lambda c, h, s: self.rate(-1, c, h, s), [comment, chatbot, session_id], thanks)
            with gr.Tab("热线工作台", id="console"):
                build_console(self.offline)
            with gr.Tab("通知原文", id="notice"):
                gr.Markdown("全文按条款编号展开；回答中的条款编号即此处的编号。")
                gr.HTML(notice_tree(corpus), elem_id="notice-tree")
        return demo


def build_app(settings: Settings) -> FastAPI:
    web = WebAssistant(settings)
    api = FastAPI(title="机电工程师职称评审助手")

    @api.post("/api/ask")
    def ask(payload: AskIn) -> dict:
        session_id, answer = web.answer(payload.session_id, payload.message)
        return {"session_id": session_id, **answer.model_dump()}

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])
    return gr.mount_gradio_app(api, web.blocks(), path="/", theme=theme, css=CSS, head=GOTO_CLAUSE_JS, footer_links=["api"])
