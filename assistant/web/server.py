"""The web app: gradio Blocks (chat, hotline console, the notice) and `POST /api/ask`, on one FastAPI.

Sessions live on the server and their ids are the server's: a browser keeps the id it was given in
local storage (a reload restores the conversation), an API client sends back the id of the last answer;
an unknown or malformed id starts a new session. Nothing is fetched from outside the machine: the theme
uses system fonts, analytics are off. API errors are Chinese and never echo what was sent.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402 (analytics must be off before gradio is imported)
from fastapi import FastAPI, Request  # noqa: E402
from fastapi.exception_handlers import request_validation_exception_handler  # noqa: E402
from fastapi.exceptions import RequestValidationError  # noqa: E402
from fastapi.responses import JSONResponse  # noqa: E402
from pydantic import BaseModel, Field  # noqa: E402

from assistant.config import Settings  # noqa: E402
from assistant.conversation.llm import make_assistant  # noqa: E402
from assistant.conversation.session import Session  # noqa: E402
from assistant.conversation.stores import open_store  # noqa: E402
from assistant.web.chat import ChatTab  # noqa: E402
from assistant.web.console import build_console  # noqa: E402
from assistant.web.feedback import FeedbackStore  # noqa: E402
from assistant.web.render import CSS, GOTO_CLAUSE_JS, notice_tree  # noqa: E402

API = "/api/ask"
MAX_BODY_BYTES = 256 * 1024  # a 2,000-character message is ~12 KB of JSON; anything far beyond is refused
DRAIN_BYTES = 16 * 1024 * 1024  # beyond this a client still sending is simply cut off
SET_LANGUAGE_JS = "() => { document.documentElement.lang = 'zh-CN'; }"


COOKIE = "jidian_session"


class SessionCookie:
    """The page's session id: issued by the server in a signed, HttpOnly cookie, so a browser keeps its
    conversation across reloads and can neither read nor choose another's."""

    def __init__(self, key: bytes):
        self._key = key  # shared by every worker through the session store

    def _sign(self, session_id: str) -> str:
        return hmac.new(self._key, session_id.encode(), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        session_id = secrets.token_hex(16)
        return f"{session_id}.{self._sign(session_id)}"

    def verify(self, value: str | None) -> str | None:
        session_id, _, signature = (value or "").partition(".")
        valid = len(session_id) == 32 and hmac.compare_digest(signature, self._sign(session_id))
        return session_id if valid else None


class AskIn(BaseModel):
    session_id: str | None = Field(default=None, max_length=64)
    message: str


class WebAssistant:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.assistant = make_assistant(settings)
        self.offline = getattr(self.assistant, "offline", self.assistant)
        self.sessions = open_store(settings.session_url, settings.session_idle_seconds)
        self.feedback = FeedbackStore(settings.feedback_db)
        self.cookie = SessionCookie(self.sessions.secret())

    def page_session(self, request: gr.Request | None):
        """The session of the browser that sent `request` (its signed cookie), or a throwaway one without it."""
        cookies = dict(request.cookies) if request is not None and request.request is not None else {}
        session_id = self.cookie.verify(cookies.get(COOKIE))
        return self.sessions.adopt(session_id) if session_id else self.sessions.get(None)

    def answer(self, session_id: str | None, message: object):
        """(session id, answer): long messages are cut to the limit, and the answer says so."""
        *_, last = self.stream(session_id, message)
        return last

    def stream(self, session_id: str | Session | None, message: object):
        """(session id, answer so far) as the answer grows: with a model, its checked sentences stream in
        after ours; offline, the answer comes whole. The page passes the session it holds."""
        session = session_id if isinstance(session_id, Session) else self.sessions.get(session_id)
        notice = ""
        if isinstance(message, str) and len(message) > self.settings.max_message_chars:
            message = message[: self.settings.max_message_chars]
            notice = f"（您的消息超过 {self.settings.max_message_chars} 字，已只取前 {self.settings.max_message_chars} 字。）\n"
        parts = self.assistant.stream(session, message) if hasattr(self.assistant, "stream") else \
            [self.assistant.answer(session, message)]
        for answer in parts:
            self.sessions.save(session)  # saved as the answer grows: any worker may take the next turn
            yield session.id, answer.model_copy(update={"answer": notice + answer.answer}) if notice else answer

    def blocks(self) -> gr.Blocks:
        chat = ChatTab(self)
        with gr.Blocks(title="机电工程师职称评审助手") as demo:
            gr.Markdown("## 机电工程师职称评审助手")
            with gr.Tab("咨询", id="chat"):
                outputs, restore = chat.build()
            with gr.Tab("热线工作台", id="console"):
                build_console(self.offline)
            with gr.Tab("通知原文", id="notice"):
                gr.Markdown("全文按条款编号展开；回答中的条款编号即此处的编号。")
                gr.HTML(notice_tree(self.offline.corpus), elem_id="notice-tree")
            demo.load(restore, None, outputs, js=SET_LANGUAGE_JS)
        return demo


def _error(status: int, message: str, **headers) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def build_app(settings: Settings) -> FastAPI:
    web = WebAssistant(settings)
    api = FastAPI(title="机电工程师职称评审助手")

    @api.middleware("http")
    async def session_cookie(request: Request, call_next):
        response = await call_next(request)
        if request.method == "GET" and request.url.path == "/" and not web.cookie.verify(request.cookies.get(COOKIE)):
            response.set_cookie(COOKIE, web.cookie.issue(), httponly=True, samesite="strict",
                                max_age=int(settings.session_idle_seconds))
        return response

    @api.middleware("http")
    async def limit_body(request: Request, call_next):
        if request.url.path == API and request.method == "POST":
            declared = request.headers.get("content-length")
            too_big = bool(declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES)
            if too_big:
                size = 0
                async for chunk in request.stream():  # read (and drop) what was sent, so the client gets the answer
                    size += len(chunk)
                    if size > DRAIN_BYTES:
                        break
            elif not declared:
                too_big = len(await request.body()) > MAX_BODY_BYTES  # kept for the endpoint when small
            if too_big:
                return _error(413, f"请求过大（超过 {MAX_BODY_BYTES // 1024} KB），请精简问题后再发。")
        return await call_next(request)

    @api.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        if request.url.path != API:
            return await request_validation_exception_handler(request, exc)
        return _error(422, '请求格式有误：请发送 JSON 对象 {"message": "您的问题", "session_id": "上次回答中的 session_id（可省略）"}。')

    @api.post(API)
    def ask(payload: AskIn) -> dict:
        session_id, answer = web.answer(payload.session_id, payload.message)
        return {"session_id": session_id, **answer.model_dump()}

    @api.api_route(API, methods=["GET", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def wrong_method() -> JSONResponse:
        return _error(405, "请用 POST 发送问题。", Allow="POST")

    theme = gr.themes.Default(font=["system-ui", "sans-serif"], font_mono=["monospace"])
    return gr.mount_gradio_app(api, web.blocks(), path="/", theme=theme, css=CSS, head=GOTO_CLAUSE_JS,
                               footer_links=[], run_history=False)  # no copy of the chat in the browser's storage


def create_app() -> FastAPI:
    """The app of one worker process (`ASSISTANT_WORKERS` > 1: uvicorn starts several, sharing one port)."""
    from assistant.config import load_settings

    return build_app(load_settings())
