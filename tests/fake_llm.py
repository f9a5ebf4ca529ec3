"""A small OpenAI-compatible chat server on 127.0.0.1 that plays scripted models, streaming or not.

The model name picks the script. A request offering the ReadFacts tool is the model reading facts; any
other is the model explaining. Readers: `reader` understands what the offline reader misses (四年制大学 is
本科), `reader-injected` takes an instruction for a fact, `reader-no-evidence` cites words never said,
`reader-conflict` reads a date differently. Explainers lie in the ways models do (a verdict of their own
in any wording or language, a laundered route, a made-up quote, invented figures and phones), or are good,
slow, trickling, looping on tools, broken or erroring. Tests point the real langchain-openai client at it.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LIES = {
    "liar-yes": "没问题，您够格，放心报名吧。申报前请准备好材料。",
    "liar-no": "很遗憾，您没有资格。申报前请准备好材料。",
    "english": "Yes, you are eligible to apply. 申报前请准备好材料。",
    "spaced": "可 以 申 报。申报前请准备好材料。",
    "fake-quote": "根据[附件2/第四条/（一）/（1）]原文「中专毕业满1年即可申报」。申报前请准备好材料。",
    "launder": "根据[附件2/第七条]，可走越级通道。申报前请准备好材料。",
    "info-lies": "照片要求：PNG格式，不超过10MB。咨询电话110。照片用于制作电子证书。",
    "conditional": "等工作满4年后就可以申报了。申报前请准备好材料。",
}


def _facts(model: str, said: str) -> list[dict]:
    if model == "reader" and "四年制大学" in said:
        return [{"name": "education_level", "value": "本科", "evidence": "四年制大学"},
                {"name": "major", "value": "机械工程", "evidence": "学的机械工程"}]
    if model == "reader-injected":
        return [{"name": "education_level", "value": "本科", "evidence": "本科"}]
    if model == "reader-no-evidence":
        return [{"name": "education_level", "value": "硕士", "evidence": "我是硕士研究生"}]
    if model == "reader-conflict":
        return [{"name": "title_appointed_date", "value": "2017-07-31", "evidence": "2018年7月聘的"}]
    return []


def _turn(model: str, body: dict) -> tuple[str | None, tuple[str, dict] | None]:
    """(text, tool call) the scripted model answers with."""
    messages = body["messages"]
    said = next((m["content"] for m in reversed(messages) if m.get("role") == "user"), "")
    if any(t["function"]["name"] == "ReadFacts" for t in body.get("tools", [])):
        return None, ("ReadFacts", {"facts": _facts(model, said)})
    tool_results = [m for m in messages if m.get("role") == "tool"]
    if model == "tool-loop":
        return None, ("search_notice", {"query": "照片"})
    if model == "good":
        if not tool_results:
            return None, ("search_notice", {"query": said.split("用户问题：")[-1]})
        clause = json.loads(tool_results[-1]["content"])["clauses"][0]["id"]
        return f"具体要求见 [{clause}]。按通知准备材料即可。", None
    if model == "slow":
        time.sleep(5)
    return LIES.get(model, "请按通知要求准备。"), None


def _completion(model: str, text: str | None, call: tuple[str, dict] | None) -> dict:
    message: dict = {"role": "assistant", "content": text}
    if call:
        message["tool_calls"] = [{"id": "call_1", "type": "function",
                                  "function": {"name": call[0], "arguments": json.dumps(call[1], ensure_ascii=False)}}]
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls" if call else "stop"}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _chunks(model: str, text: str | None, call: tuple[str, dict] | None) -> list[dict]:
    """The same reply as server-sent chunks: the text a few characters at a time, or one tool call."""
    def chunk(delta: dict, finish: str | None = None) -> dict:
        return {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()), "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
    if call:
        return [chunk({"role": "assistant", "tool_calls": [{"index": 0, "id": "call_1", "type": "function", "function": {
            "name": call[0], "arguments": json.dumps(call[1], ensure_ascii=False)}}]}), chunk({}, "tool_calls")]
    parts = [text[i:i + 4] for i in range(0, len(text or ""), 4)]
    return [chunk({"role": "assistant", "content": ""}), *(chunk({"content": p}) for p in parts), chunk({}, "stop")]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(body)
        model = body["model"]
        if model == "error":
            self._send(500, b"{}")
            return
        if model == "garbage":
            self._send(200, b"{not json")
            return
        text, call = _turn(model, body)
        if not body.get("stream"):
            self._send(200, json.dumps(_completion(model, text, call), ensure_ascii=False).encode())
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for event in _chunks(model, text, call):
            self._chunk(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
            if model == "trickle":
                time.sleep(1.0)  # a byte now and then: every read is quick, the whole reply is not
        self._chunk(b"data: [DONE]\n\n")
        self._chunk(b"")

    def _send(self, status: int, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _chunk(self, data: bytes) -> None:
        try:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its time budget ran out)

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up mid-reply (its time budget ran out) is expected, not an error


class FakeLLM:
    def __enter__(self) -> FakeLLM:
        self.server = _Server(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
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
