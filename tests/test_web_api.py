"""`POST /api/ask`: server-owned session ids, limits and Chinese errors that do not echo what was sent."""

import json
import urllib.error
import urllib.request

import pytest


def _call(url: str, payload=None, method: str = "POST", raw: bytes | None = None) -> tuple[int, dict]:
    data = raw if raw is not None else (json.dumps(payload).encode() if payload is not None else None)
    request = urllib.request.Request(url + "/api/ask", data=data, method=method, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def test_api_keeps_sessions_and_cuts_long_messages(server):
    _, first = _call(server["url"], {"message": "大专毕业3年能报助理工程师吗"})
    assert first["verdict"]["outcome"] == "need_more_info" and len(first["session_id"]) == 32
    _, second = _call(server["url"], {"session_id": first["session_id"], "message": "学的机电一体化"})
    assert second["verdict"]["outcome"] == "eligible" and second["session_id"] == first["session_id"]
    _, other = _call(server["url"], {"message": "学的机电一体化"})
    assert other["session_id"] != first["session_id"] and other["verdict"] is None
    _, long = _call(server["url"], {"message": "照片要多大" + "啊" * 20_000})
    assert "已只取前 2000 字" in long["answer"]
    assert set(long) == {"session_id", "answer", "kind", "mode", "verdict", "citations", "facts", "assumptions"}


def test_a_client_cannot_choose_or_take_over_a_session(server):
    _, mine = _call(server["url"], {"message": "本科，机械工程"})
    status, chosen = _call(server["url"], {"session_id": "a", "message": "能报助理工程师吗"})
    assert status == 200 and chosen["session_id"] not in ("a", mine["session_id"])
    assert chosen["verdict"]["outcome"] == "need_more_info"  # nobody's facts: a fresh session


@pytest.mark.parametrize(("payload", "raw", "status"), [
    ({"session_id": "x" * 100_000, "message": "照片要多大"}, None, 422),
    ({"question": "<script>照片</script>"}, None, 422),
    (None, b"{not json", 422),
    (None, json.dumps({"message": "啊" * 400_000}).encode(), 413),
])
def test_bad_requests_get_chinese_errors_that_do_not_echo(server, payload, raw, status):
    got, body = _call(server["url"], payload, raw=raw)
    assert got == status
    text = json.dumps(body, ensure_ascii=False)
    assert "请" in body["error"] and "xxxx" not in text and "script" not in text and "啊啊" not in text


def test_get_is_not_allowed(server):
    status, body = _call(server["url"], method="GET")
    assert status == 405 and "POST" in body["error"]
