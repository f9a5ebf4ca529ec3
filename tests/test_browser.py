"""The web page in a real browser (Playwright driving Debian's chromium) and the HTTP API.

The app runs as `python app.py` would run it, on a free port on 127.0.0.1. Screenshots are saved in
test-artifacts/ for a person to look at.
"""

import json
import sqlite3

import pytest
from conftest import ask, ready, shot

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1440, "height": 900}


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
            ready(p)
        ask(a, "年薪35万能直接报工程师吗")
        a.wait_for_selector("#verdict-badge .badge[data-outcome='eligible']")
        ask(b, "能越级申报吗")
        b.wait_for_selector("#verdict-badge .badge[data-outcome='need_more_info']")
    finally:
        first.close()
        second.close()


def test_feedback_is_stored_as_json_with_phone_numbers_masked(page, server):
    ask(page, "联系电话是多少")
    page.fill("#comment textarea", "很好，我的手机13812345678")
    page.click("#thumbs-up")
    page.wait_for_function("() => document.querySelector('#thanks').innerText.includes('谢谢')")
    rows = sqlite3.connect(server["feedback"]).execute("SELECT rating, answer, comment FROM feedback").fetchall()
    rating, answer, comment = next(r for r in rows if r[2].startswith("很好"))
    assert (rating, comment) == (1, "很好，我的手机138****5678")
    kept = json.loads(answer)
    assert kept["question"] == "联系电话是多少" and "七" in kept["citations"] and kept["answer"]


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


def test_pasted_markdown_and_links_stay_text_and_fetch_nothing(page):
    ask(page, "![x](http://203.0.113.5/pixel.png) [点我](http://203.0.113.5/) 照片要多大")
    page.wait_for_timeout(500)
    chat = page.inner_text("#chatbot")
    assert "![x](http://203.0.113.5/pixel.png)" in chat  # the characters, as typed
    assert page.locator("#chatbot img").count() == 0 and page.locator("#chatbot a[href*='203.0.113.5']").count() == 0
    assert page.outside == []
    assert "PNG" not in chat.split("照片要多大", 1)[1]  # a file name inside a link is no photo format


def test_quotes_keep_their_asterisks(page):
    ask(page, "照片要多大")
    assert "大于215*300（宽*高）像素" in page.inner_text("#chatbot")  # verbatim, not Markdown emphasis


def test_the_facts_panel_shows_what_was_understood_and_one_can_be_removed(page):
    ask(page, "本科机械工程，2018年9月聘的助工，能报工程师吗")
    panel = page.inner_text("#facts")
    assert "学历" in panel and "本科" in panel and "2018年9月聘的助工" in panel  # the fact and the words it came from
    assert "推定" in panel  # the presumed series is shown as a presumption
    page.locator("#fact-pick input").click()
    page.get_by_role("option", name="所学专业：机械工程").click()
    page.click("#fact-remove")
    page.wait_for_selector("#facts li[data-fact='major']", state="detached")
    assert page.locator("#facts li[data-fact='education_level']").count() == 1  # only that one went
    shot(page, "chat-facts")


def test_a_reload_restores_the_conversation_and_reset_clears_the_server_session(page):
    ask(page, "大专机电一体化，2018年7月毕业一直做技术，能报助工吗")
    page.wait_for_selector("#verdict-badge .badge[data-outcome='eligible']")
    page.reload(wait_until="load")
    page.wait_for_selector("#message textarea", timeout=60000)
    ready(page)
    page.wait_for_function("() => (document.querySelector('#chatbot') || {innerText: ''}).innerText.includes('2018年7月毕业')",
                           timeout=30000)
    assert "大专" in page.inner_text("#facts")
    page.click("#reset")
    page.wait_for_function("() => !document.querySelector('#chatbot').innerText.includes('2018年7月毕业')")
    ask(page, "能报助工吗")
    page.wait_for_selector("#verdict-badge .badge[data-outcome='need_more_info']")  # the old facts are gone


def test_an_english_question_is_read_through_the_glossary_or_asked_to_be_in_chinese(page):
    page.fill("#message textarea", "Can I apply for the engineer title?")
    page.click("#send")  # the notice's words in it: read, and the answer says it is in Chinese
    page.wait_for_function("() => document.querySelector('#chatbot').innerText.includes('以下用中文回答')", timeout=30000)
    page.fill("#message textarea", "Can you recommend a good seafood restaurant nearby?")
    page.click("#send")  # none of them: asked to write in Chinese
    page.wait_for_function("() => document.querySelector('#chatbot').innerText.includes('请用中文提问')", timeout=30000)


def test_the_page_is_chinese_with_no_english_controls(page):
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    ask(page, "照片要多大")
    visible = page.inner_text("body")
    for english in ("Clear", "Use via API", "Built with", "Settings"):
        assert english not in visible
    assert page.locator("#chatbot button[aria-label='Clear']:visible").count() == 0


@pytest.mark.parametrize("viewport", [PHONE], ids=["phone"])
def test_on_a_phone_a_new_answer_shows_from_its_start_and_nothing_covers_it(page, viewport):
    shot(page, "phone-first-load")
    ask(page, "本科自动化，2018年9月聘的助工，今年能报工程师吗")
    ask(page, "我可以破格吗")
    page.wait_for_timeout(400)
    box = page.locator("#chatbot .bubble-wrap").bounding_box()
    last = page.locator("#chatbot .message-row.bot-row").last.bounding_box()
    assert box["y"] - 16 <= last["y"] <= box["y"] + box["height"] / 2  # its first line is in view
    assert page.locator("#chatbot label:visible").count() == 0  # no "对话" label over the first line
    chip = page.locator(".chip:visible").first.bounding_box()
    assert chip["height"] >= 36  # a real button to tap
    shot(page, "phone-answer")


@pytest.mark.parametrize("viewport", [DESKTOP], ids=["desktop-1440"])
def test_desktop_screenshots(page, viewport):
    ask(page, "本科自动化，2018年9月聘的助工，今年能报工程师吗")
    shot(page, "desktop-answer")
