"""The web page in a real browser (Playwright driving Debian's chromium) and the HTTP API.

The app runs as `python app.py` would run it, on a free port on 127.0.0.1. Screenshots are saved in
test-artifacts/ for a person to look at.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, index_dir):
    port = _free_port()
    feedback = tmp_path_factory.mktemp("web") / "feedback.sqlite3"
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_FEEDBACK_DB": str(feedback),
           "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_MAX_MESSAGE": "2000"}
    process = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("the web app did not start: " + process.stdout.read().decode(errors="replace"))
    yield {"url": url, "feedback": feedback}
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith((server["url"], "data:", "blob:", "about:")) else None)
    page.goto(server["url"], wait_until="load")
    page.wait_for_selector("#message textarea", timeout=60000)
    yield page
    context.close()


def ask(page, text: str) -> str:
    page.fill("#message textarea", text)
    page.click("#send")
    page.wait_for_function("t => document.querySelector('#chatbot').innerText.includes(t)", arg=text[:20])
    page.wait_for_selector("#citations details", timeout=30000)
    return page.inner_text("#chatbot")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_question_gets_answer_badge_and_citation_card(page):
    ask(page, "照片600*800，120K，jpg行吗")
    page.wait_for_selector("#verdict-badge .badge[data-outcome='eligible']")
    assert "可以申报" in page.inner_text("#verdict-badge")
    card = page.locator("#citations details").first
    card.locator("summary").click()
    assert card.evaluate("d => d.open") and "215*300" in card.inner_text()
    assert page.outside == []  # no request leaves the machine (fonts, scripts, analytics)
    shot(page, "chat-photo")


def test_missing_fact_chip_fills_the_message_box(page):
    ask(page, "大专毕业3年能报助理工程师吗")
    page.wait_for_selector("#verdict-badge .badge[data-outcome='need_more_info']")
    chip = page.locator(".chip:visible").first
    assert "专业" in chip.inner_text()
    chip.click()
    page.wait_for_function("() => document.querySelector('#message textarea').value.includes('专业')")
    page.fill("#message textarea", "我学的专业是机电一体化")
    page.click("#send")
    page.wait_for_selector("#verdict-badge .badge[data-outcome='eligible']", timeout=30000)
    shot(page, "chat-chip-followup")


def test_html_in_a_message_is_shown_as_text_and_never_runs(page):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ask(page, "<img src=x onerror=alert(1)><script>alert(2)</script>照片要多大")
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.locator("#chatbot img[src='x']").count() == 0 and page.locator("#chatbot script").count() == 0
    assert "onerror" in page.inner_text("#chatbot")  # the text is there, inert
    shot(page, "chat-xss")


def test_two_browsers_do_not_share_facts(browser, server):
    first, second = browser.new_context(), browser.new_context()
    try:
        a, b = first.new_page(), second.new_page()
        for p in (a, b):
            p.goto(server["url"], wait_until="load")
            p.wait_for_selector("#message textarea", timeout=60000)
        ask(a, "年薪35万能直接报工程师吗")
        a.wait_for_selector("#verdict-badge .badge[data-outcome='eligible']")
        ask(b, "能越级申报吗")
        b.wait_for_selector("#verdict-badge .badge[data-outcome='need_more_info']")
    finally:
        first.close()
        second.close()


def test_console_form_gives_verdict_script_and_trace(page):
    page.get_by_role("tab", name="热线工作台").click()
    page.locator("#c-target").get_by_text("工程师", exact=True).click()
    page.fill("#c-major textarea", "机械工程")
    page.fill("#c-series textarea", "机电")
    page.fill("#c-appointed textarea", "2017-03-01")
    for elem, value in (("#c-education", "本科"), ("#c-title", "助理工程师")):
        page.locator(f"{elem} input").click()
        page.get_by_role("option", name=value, exact=True).click()  # choose from the list, not type-and-hope
        expect(page.locator(f"{elem} input")).to_have_value(value)
    page.click("#c-run")
    page.wait_for_selector("#c-badge .badge[data-outcome]", timeout=30000)
    outcome = page.get_attribute("#c-badge .badge", "data-outcome")
    assert outcome == "eligible", page.inner_text("#c-trace")
    assert "正常申报" in page.inner_text("#c-badge")
    assert "根据通知规定，您符合" in page.input_value("#c-script textarea")
    assert "附件2/第四条/（二）/（1）" in page.inner_text("#c-trace")
    page.fill("#c-search textarea", "照片")
    page.wait_for_selector("#c-results details", timeout=30000)
    shot(page, "console")


def test_feedback_is_stored_with_phone_numbers_masked(page, server):
    ask(page, "联系电话是多少")
    page.fill("#comment textarea", "很好，我的手机13812345678")
    page.click("#thumbs-up")
    page.wait_for_function("() => document.querySelector('#thanks').innerText.includes('谢谢')")
    rows = sqlite3.connect(server["feedback"]).execute("SELECT rating, comment FROM feedback").fetchall()
    assert (1, "很好，我的手机138****5678") in rows


def test_citation_card_links_to_its_place_in_the_notice(page):
    ask(page, "照片要多大")
    card = page.locator("#citations details").first
    clause_id = card.get_attribute("data-clause")
    card.locator("summary").click()
    card.locator("a.goto-clause").click()
    target = page.locator(f"[id='clause-{clause_id}']")
    target.wait_for(state="visible", timeout=10000)
    assert target.evaluate("d => d.open") and "215*300" in target.inner_text()
    shot(page, "notice-from-citation")


def test_notice_tab_shows_every_clause_by_id(page):
    page.get_by_role("tab", name="通知原文").click()
    page.wait_for_selector("#notice-tree details")
    assert page.locator("[id='clause-附件2/第六条/（一）/（3）']").count() == 1
    shot(page, "notice")


def _post(url: str, payload: dict) -> dict:
    request = urllib.request.Request(url + "/api/ask", data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
    return json.loads(urllib.request.urlopen(request, timeout=30).read())


def test_api_keeps_sessions_and_cuts_long_messages(server):
    first = _post(server["url"], {"message": "大专毕业3年能报助理工程师吗"})
    assert first["verdict"]["outcome"] == "need_more_info" and first["session_id"]
    second = _post(server["url"], {"session_id": first["session_id"], "message": "学的机电一体化"})
    assert second["verdict"]["outcome"] == "eligible" and second["session_id"] == first["session_id"]
    other = _post(server["url"], {"message": "学的机电一体化"})
    assert other["session_id"] != first["session_id"] and other["verdict"] is None
    long = _post(server["url"], {"message": "照片要多大" + "啊" * 20_000})
    assert "已只取前 2000 字" in long["answer"]
    assert set(long) == {"session_id", "answer", "kind", "mode", "verdict", "citations", "facts", "assumptions"}
