"""The language corpus (tests/language/*.yaml, Duckling-style): phrases as applicants write them, each with
the facts, the person and the question it must be read as, run through the real conversation.

The phrases were written from the notice by a writer who had not seen the language code. Phrases the
layer still misreads are listed in tests/language/known_misreadings.txt and run as strict xfails: a
misreading that gets fixed must leave the list (so the list stays true), and a phrase read correctly
today can never regress.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from assistant.conversation.offline import OfflineAssistant
from assistant.conversation.session import Session
from assistant.language.extract import understand
from assistant.rules.params import parameters_for

CORPUS = Path(__file__).parent / "language"
KNOWN = {line.split("#")[0].strip() for line in (CORPUS / "known_misreadings.txt").read_text(encoding="utf-8").splitlines()
         if line.split("#")[0].strip()} if (CORPUS / "known_misreadings.txt").exists() else set()
ALIASES = parameters_for(2022).value("majors.aliases")


def _items():
    for path in sorted(CORPUS.glob("*.yaml")):
        for number, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")), 1):
            key = f"{path.stem}:{number}"
            marks = [pytest.mark.xfail(strict=True, reason="known misreading")] if key in KNOWN else []
            yield pytest.param(item, id=key, marks=marks)


def _plain(value):
    """YAML values as the layer writes them: dates as ISO strings, int keys of years kept, majors by list name."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def _matches(expected, got) -> bool:
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(_matches(v, got.get(k, got.get(str(k)))) for k, v in expected.items())
    if isinstance(expected, str) and isinstance(got, str):
        return ALIASES.get(expected, expected) == ALIASES.get(got, got)
    return expected == got


def _lookup(facts: dict, dotted: str):
    value = facts
    for key in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(int(key) if key.isdigit() else key)
    return value


def _same_question(item: dict, asked: str) -> bool:
    """The question asked, by the assistant's documented conventions: "能报工程师吗" naming no achievement is
    answered on the normal route (engineer_normal, offering 破格/越级); a photo question giving some specs is
    judged on those (photo_given); a question about a topic that gives no
    facts of the asker's ("照片要多大") is answered by quoting the rule (info)."""
    want = item["question"]
    if want == asked or (want, asked) in (("engineer", "engineer_normal"), ("photo", "photo_given")):
        return True
    return asked == "info" and want not in ("out_of_scope", "hours_for_activity") and not item.get("facts")


@pytest.fixture(scope="module")
def assistant(settings):
    return OfflineAssistant(settings)


def read(assistant, item):
    session = Session()
    for turn in item.get("before", []):
        assistant.answer(session, turn)
    if item.get("pending"):
        session.pending = item["pending"]
    answer = assistant.answer(session, item["text"])
    person = "other" if item.get("person") == "other" else "self"
    frame = session.other if person == "other" else session.facts
    presumed = {e["name"] for e in session.evidence if e["presumed"] and e["person"] == person}
    asked = answer.verdict.question_id if answer.kind == "verdict" else {
        "refusal": "out_of_scope", "computed": "hours_for_activity"}.get(answer.kind, "info")
    return frame, asked, presumed


@pytest.mark.parametrize("item", list(_items()))
def test_phrase_is_read_as_written(assistant, item):
    frame, asked, presumed = read(assistant, item)
    wrong = [f"{k}: want {v!r}, got {_lookup(frame, str(k))!r}" for k, v in _plain(item.get("facts") or {}).items()
             if not _matches(v, _lookup(frame, str(k)))]
    wrong += [f"{name} should be unknown, got {_lookup(frame, name)!r}" for name in item.get("absent", [])
              if _lookup(frame, name) not in (None, {}, []) and name not in presumed]  # a presumption is said aloud
    if "question" in item and not _same_question(item, asked):
        wrong.append(f"question: want {item['question']}, got {asked}")
    assert not wrong, "\n".join(wrong)


def test_corpus_is_large_and_covers_every_dimension():
    counts = {p.stem: len(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in CORPUS.glob("*.yaml")}
    assert sum(counts.values()) >= 600, counts
    assert {"dates_roles", "durations", "education", "majors", "titles_series", "achievements", "hours", "photo",
            "money", "negation", "person", "question", "replies", "corrections"} <= set(counts)


PIECES = ["春节", "国庆节后", "去年", "圣诞", "疫情那年", "二0二一年", "19.7", "18年冬天", "中工伐", "助工", "聘二十年", "大专",
          "本科", "测控", "中间", "到", "月", "在家没上班", "50多万", "年薪", "160M", "白底", "不是", "，", "。", " ", "？",
          "他", "我", "手下", "说", "听人说", "就能报", "换了一家", "拿证", "学时", "一共", "6个人", "3", "12", "2019"]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_any_message_of_these_words_is_read_without_error(words):
    """Dates, holidays, numerals and titles in any order: the layer reads them or leaves them, never raises
    (a KeyError on "春节" once took a turn down)."""
    understand("".join(words), date(2022, 9, 1))


def test_independent_phrase_corpora_are_well_formed():
    """eval/phrases/*.jsonl (scored by `python -m eval.phrases`): unique ids, a message, and either the facts a
    reader takes (in the corpus keys eval/phrases.py knows) or the question asked."""
    import json

    from eval.phrases import HERE

    known = {"education_level", "major", "graduation_date", "work_start_date", "title_level", "title_series",
             "title_appointed_date", "target", "person", "invention_patents", "utility_patents", "honor_level",
             "science_award", "key_project_level", "tech_center_level", "tech_center_role", "standard",
             "annual_salary_wan", "papers_provincial", "ce_hours_year", "months_insured_in_city",
             "assessment_not_passed_year", "penalty_amount_yuan"}
    ids = []
    for path in sorted(HERE.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            ids.append(item["id"])
            assert item["text"].strip(), item["id"]
            assert "question" in item or "expect" in item, item["id"]
            assert set(item.get("expect") or {}) <= known, item["id"]
    assert len(ids) == len(set(ids)) >= 1000
