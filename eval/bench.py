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
        cold = bench_cold_search({"ASSISTANT_INDEX_DIR": str(Path(tmp) / "index")})
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
