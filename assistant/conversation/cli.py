"""`ask` and `chat`: the conversation from the command line, with the exact JSON contract."""

from __future__ import annotations

import json
import sys

from assistant.config import load_settings
from assistant.conversation.contract import Answer
from assistant.conversation.llm import make_assistant
from assistant.conversation.session import Session


def for_person(answer: Answer) -> str:
    lines = [answer.answer]
    if answer.citations:
        lines.append("依据条款：")
        lines.extend(f"  [{c.id}] {c.label}" for c in answer.citations)
    return "\n".join(lines)


def ask(question: str, as_json: bool) -> int:
    """Exit 0 with the answer; input that cannot be a question (empty, too long, unreadable) is a Chinese
    message on stderr with exit 2, as for every other command."""
    answer = make_assistant(load_settings()).answer(Session(), question)
    if answer.kind == "problem":
        print(f"错误：{answer.answer}", file=sys.stderr)
        return 2
    print(answer.model_dump_json() if as_json else for_person(answer))
    return 0


def ask_jsonl(stream=None, out=None) -> int:
    """Each input line {"id": …, "turns": [...]} is one fresh session; the last turn's answer is written."""
    stream, out = stream or sys.stdin, out or sys.stdout
    assistant = make_assistant(load_settings())
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        item = None
        try:
            item = json.loads(line)
            turns = item["turns"] if isinstance(item, dict) else None
            if not isinstance(turns, list) or not turns or not all(isinstance(t, str) for t in turns):
                raise ValueError
        except (ValueError, KeyError):
            ident = item.get("id") if isinstance(item, dict) else None
            out.write(json.dumps({"id": ident, "error": f"第 {number} 行格式有误：应为 {{\"id\": …, \"turns\": [\"问题\", …]}}"},
                                 ensure_ascii=False) + "\n")
            continue
        session = Session()
        for turn in turns:
            answer = assistant.answer(session, turn)
        out.write(json.dumps({"id": item.get("id"), **answer.model_dump()}, ensure_ascii=False) + "\n")
        out.flush()
    return 0


def chat() -> int:
    settings = load_settings()
    assistant = make_assistant(settings)
    session = Session()
    mode = f"语言模型 {settings.llm_model}" if settings.llm_configured else "离线模式"
    print(f"机电工程师职称评审助手（{mode}）。输入问题，输入“重新开始”清空信息，输入“退出”结束。")
    while True:
        try:
            message = input("您：")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if message.strip() in ("退出", "exit", "quit"):
            return 0
        print("助手：" + for_person(assistant.answer(session, message)) + "\n")
