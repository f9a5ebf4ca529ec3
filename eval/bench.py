"""Benchmarks, reported as numbers (never asserted in tests): `python -m eval.bench`.

Measures warm search p50/p95 per mode, cold start of `python -m assistant search`, index build
time and peak memory, and writes eval/bench.md with the machine it ran on.
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from assistant.config import ROOT, load_settings
from assistant.documents.corpus import load_corpus
from assistant.retrieval.search import Searcher
from eval.retrieval import load_set

OUT = Path(__file__).with_name("bench.md")


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def bench_search(searcher: Searcher, questions: list[str], mode: str, rounds: int = 3) -> tuple[float, float]:
    searcher.search(questions[0], mode=mode)  # warm
    samples = []
    for _ in range(rounds):
        for q in questions:
            started = time.perf_counter()
            searcher.search(q, k=5, mode=mode)
            samples.append((time.perf_counter() - started) * 1000)
    return _percentiles(samples)


def bench_cold_search(env: dict, runs: int = 3) -> float:
    """Seconds for a fresh `python -m assistant search` process, median of `runs` (cache already built)."""
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "assistant", "search", "照片要多大", "-k", "3"], cwd=ROOT,
                       env={**os.environ, **env}, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times[1:])  # the first run may build the token cache


VERDICT_CASES = {
    "engineer": {"target": "工程师", "education_level": "本科", "major": "机械工程", "title_level": "助理工程师",
                 "title_series": "机电", "title_appointed_date": "2019-06-01",
                 "achievements": {"honor_level": "县", "invention_patents": 1, "key_project_level": "县"}},
    "assistant_engineer": {"target": "助理工程师", "education_level": "大专", "major": "机械工程",
                           "work_start_date": "2018-07-01"},
    "photo": {"photo": {"format": "jpg", "bytes": 50000, "width": 600, "height": 800}},
}


def bench_verdict(corpus, question: str, number: int = 200, repeat: int = 15) -> tuple[float, float]:
    """Best and median time of one `check` (facts already parsed), in milliseconds."""
    import timeit

    from assistant.rules.engine import check
    from assistant.rules.facts import parse_facts

    facts = parse_facts(VERDICT_CASES[question])
    runs = sorted(t / number * 1000 for t in timeit.repeat(lambda: check(question, facts, corpus),
                                                           number=number, repeat=repeat))
    return runs[0], statistics.median(runs)


def bench_answers(settings) -> tuple[float, float, int]:
    """Warm offline answer time per question over eval/faq.jsonl (p50, p95 in ms)."""
    from assistant.conversation.offline import OfflineAssistant
    from assistant.conversation.session import Session
    from eval.faq import load_items

    assistant = OfflineAssistant(settings)
    questions = [i["question"] for i in load_items() if "question" in i]
    assistant.answer(Session(), questions[0])
    samples = []
    for _ in range(2):
        for question in questions:
            started = time.perf_counter()
            assistant.answer(Session(), question)
            samples.append((time.perf_counter() - started) * 1000)
    return (*_percentiles(samples), len(questions))


def refusals_by_mode(settings) -> list[str]:
    """Per search mode, over eval/faq.jsonl: out-of-scope questions refused, and in-scope questions wrongly
    refused (the notice-covers-it test is on BM25's scale in every mode; issue 12 asked for the numbers)."""
    from assistant.conversation.offline import OfflineAssistant
    from assistant.conversation.session import Session
    from eval.faq import load_items, run

    items = load_items()
    rows = []
    for mode in ("lexical", "dense", "hybrid"):
        results = run(OfflineAssistant(replace(settings, search_mode=mode)), items, Session)
        outside = [r for r in results if r.item["kind"] == "out_of_scope"]
        inside = [r for r in results if r.item["kind"] != "out_of_scope"]
        wrongly = sum(1 for r in inside if "不在本助手的回答范围内" in r.answer)
        rows.append(f"| refusals, {mode} search | out of scope refused {sum(r.refusal_ok for r in outside)}/{len(outside)}, "
                    f"in scope refused {wrongly}/{len(inside)} |")
    return rows


def bench_jsonl(env: dict, count: int = 200) -> float:
    """Seconds for one `ask --jsonl` process answering `count` questions (start-up included)."""
    import json as _json

    from eval.faq import load_items

    questions = [i["question"] for i in load_items() if "question" in i]
    lines = "".join(_json.dumps({"id": n, "turns": [questions[n % len(questions)]]}, ensure_ascii=False) + "\n"
                    for n in range(count))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "assistant", "ask", "--jsonl"], input=lines, text=True, cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, check=True)
    assert len(done.stdout.splitlines()) == count
    return time.perf_counter() - started


def bench_http(env: dict, users: int = 20, seconds: float = 60.0) -> dict:
    """`users` simulated users POSTing /api/ask on 127.0.0.1 for `seconds`: latency and errors."""
    import json as _json
    import socket
    import threading
    import urllib.request

    from eval.faq import load_items

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env={**os.environ, **env, "ASSISTANT_PORT": str(port)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api/ask"
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    questions = [i["question"] for i in load_items() if "question" in i]
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def user(n: int) -> None:
        session, k = None, n
        while time.monotonic() < stop_at:
            body = _json.dumps({"session_id": session, "message": questions[k % len(questions)]}).encode()
            request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
            started = time.perf_counter()
            try:
                session = _json.loads(urllib.request.urlopen(request, timeout=30).read())["session_id"]
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
            except Exception:  # any failed request counts as an error
                with lock:
                    errors[0] += 1
            k += users

    threads = [threading.Thread(target=user, args=(n,)) for n in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    server.terminate()
    server.wait(timeout=20)
    p50, p95 = _percentiles(latencies) if latencies else (float("nan"), float("nan"))
    return {"requests": len(latencies), "errors": errors[0], "p50": p50, "p95": p95, "rps": len(latencies) / seconds}


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def main() -> int:
    settings = load_settings()
    corpus = load_corpus(settings.corpus_dir)
    questions = [item["q"] for item in load_set()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        bench_settings = replace(settings, index_dir=Path(tmp) / "index")
        started = time.perf_counter()
        searcher = Searcher(corpus, bench_settings)
        lexical_ready = time.perf_counter() - started
        started = time.perf_counter()
        searcher.open_dense()
        build = time.perf_counter() - started
        for mode in ("lexical", "dense", "hybrid"):
            p50, p95 = bench_search(searcher, questions, mode)
            rows.append(f"| warm search, {mode} | p50 {p50:.1f} ms, p95 {p95:.1f} ms |")
        env = {"ASSISTANT_INDEX_DIR": str(Path(tmp) / "index"), "ASSISTANT_FEEDBACK_DB": str(Path(tmp) / "fb.sqlite3"),
               "ASSISTANT_SESSION_URL": f"sqlite:///{Path(tmp) / 'sessions.sqlite3'}"}
        cold = bench_cold_search(env)
        a50, a95, asked = bench_answers(bench_settings)
        rows.append(f"| offline answer, warm, {asked} FAQ questions × 2 | p50 {a50:.1f} ms, p95 {a95:.1f} ms |")
        rows += refusals_by_mode(bench_settings)
        rows.append(f"| `ask --jsonl`, 200 questions in one process (start-up included) | {bench_jsonl(env):.1f} s |")
        http = bench_http(env)
        rows.append(f"| HTTP `/api/ask`, 20 users for 60 s | {http['requests']} requests, {http['errors']} errors, "
                    f"p50 {http['p50']:.0f} ms, p95 {http['p95']:.0f} ms, {http['rps']:.0f} req/s |")
        http = bench_http({**env, "ASSISTANT_WORKERS": "2"})  # stateless workers sharing the SQLite sessions
        rows.append(f"| HTTP `/api/ask`, 2 workers on one port, 20 users for 60 s | {http['requests']} requests, "
                    f"{http['errors']} errors, p50 {http['p50']:.0f} ms, p95 {http['p95']:.0f} ms, {http['rps']:.0f} req/s |")
        shutil.rmtree(tmp, ignore_errors=True)
    for question in VERDICT_CASES:
        best, median = bench_verdict(corpus, question)
        rows.append(f"| one verdict, `{question}` (trace and citations included) | median {median:.2f} ms, best {best:.2f} ms |")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# Benchmarks", "", f"Machine: {machine()}", f"Embedding: {settings.embedding}; default search mode: "
        f"{settings.search_mode}; {len(corpus.clauses)} clauses; {len(questions)} questions.", "",
        "| what | result |", "|---|---|",
        f"| lexical index ready (tokenise + BM25, no cache) | {lexical_ready:.2f} s |",
        f"| vector index build ({settings.embedding}, Chroma) | {build:.1f} s |",
        *rows,
        f"| cold `python -m assistant search` (default mode) | {cold:.2f} s |",
        f"| peak memory of this benchmark process | {peak:.0f} MiB |",
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
