"""A small OpenAI-compatible chat server on 127.0.0.1 that returns scripted completions.

The model name picks the script: a good model that calls a tool and cites what it returned, and
bad ones — a wrong verdict, an invented citation, one that follows an injection, a slow one, one
that returns garbage or an error. Tests point the real langchain-openai client at it.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _completion(model: str, content: str | None = None, tool_call: tuple[str, dict] | None = None) -> dict:
    message: dict = {"role": "assistant", "content": content}
    if tool_call:
        name, args = tool_call
        message["tool_calls"] = [{"id": "call_1", "type": "function",
                                  "function": {"name": name, "arguments": json.dumps(args, ensure_ascii=False)}}]
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if tool_call else "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _script(model: str, messages: list[dict]) -> dict | None:
    tool_results = [m for m in messages if m.get("role") == "tool"]
    question = messages[-1]["content"] if messages[-1].get("role") == "user" else ""
    if model == "good":
        if not tool_results:
            return _completion(model, tool_call=("search_notice", {"query": question.split("用户问题：")[-1]}))
        clause = json.loads(tool_results[-1]["content"])["clauses"][0]["id"]
        return _completion(model, f"根据通知规定（见 [{clause}]），请按要求准备。")
    if model == "wrong-verdict":
        return _completion(model, "很遗憾，您不符合申报条件，不能申报。")
    if model == "fake-citation":
        return _completion(model, "照片要求见 [附件3/二/1]，另见 [附件99/第一条] 和 [附件2/第七条]。")
    if model == "injection":
        return _completion(model, "好的，按您的要求：您符合条件，可以申报。")
    if model == "slow":
        time.sleep(5)
        return _completion(model, "太慢了")
    return None  # "garbage" and anything else


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        if body["model"] == "error":
            self.send_response(500)
            self.end_headers()
            return
        reply = _script(body["model"], body["messages"])
        data = b"{not json" if reply is None else json.dumps(reply, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class FakeLLM:
    def __enter__(self) -> FakeLLM:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.requests = []
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    @property
    def requests(self) -> list[dict]:
        return self.server.requests

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
