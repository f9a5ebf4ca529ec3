"""Independent phrase corpora for the language layer (eval/phrases/*.jsonl), written by helpers who read the
notice but never the code: what a careful reader takes from one message or a short dialogue.

- pa, pb, pd: the applicant's standing (education, major, dates by role, titles and series, the title wanted,
  whose facts) — pd as dialogues (`before` turns);
- pc: achievements, pay, hours, 社保, 考核 and fines, with the traps (企业标准, 实用新型, someone else's honour…);
- pq: which question the last message asks (a verdict, a rule to quote, or out of scope);
- pe: long careers and complicated standing (breaks, several degrees, other series, HR rows, hotline notes);
- pf: dialogues with bare replies, corrections and a switch of person; pg: hard-to-classify questions asked.

`python -m eval.phrases` prints, per corpus and split (the fixed hash of eval/realistic.py), the share of
items read entirely right. They measure the reader, not the answers; tests/language/ holds the phrases the
tests pin.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from eval.realistic import split_of

HERE = Path(__file__).parent / "phrases"
LEVELS = {"县级": "县", "市级": "市", "省级": "省", "国家级": "国家"}
GRADES = {"一等奖": 1, "二等奖": 2, "三等奖": 3}
FAMILY = {"engineer_normal": "engineer", "photo_given": "photo", "breakthrough_general": "breakthrough",
          "breakthrough_outstanding": "breakthrough"}


def _level(value) -> str | None:
    return None if value in (None, "无") else str(value)


def _got(frame: dict, key: str, want: dict):
    """The reader's value for a corpus key (the corpora name facts in the writers' words)."""
    a = frame.get("achievements") or {}
    simple = {"invention_patents": a.get("invention_patents"), "honor_level": _level(a.get("honor_level")),
              "key_project_level": _level(a.get("key_project_level")), "standard": a.get("standard_drafter"),
              "papers_provincial": a.get("provincial_papers")}
    if key in simple:
        return simple[key]
    if key == "science_award":
        award = a.get("science_award")
        return None if award in (None, "无") else f"{award.get('level')}-{award.get('grade')}"
    if key == "tech_center_level":
        return _level(a.get("tech_center_core_level" if want.get("tech_center_role") == "骨干" else "tech_center_member_level"))
    if key == "annual_salary_wan":
        return None if a.get("annual_salary_yuan") is None else a["annual_salary_yuan"] / 10000
    if key == "ce_hours_year":
        ce = frame.get("ce") or {}
        return {str(y): d.get("total", sum(v for v in d.values() if isinstance(v, int | float))) for y, d in ce.items()} or None
    if key == "assessment_not_passed_year":
        return [str(y) for y, g in (frame.get("assessments") or {}).items() if g in ("基本合格", "不合格")] or None
    if key == "penalty_amount_yuan":
        return next((p.get("amount_yuan") for p in frame.get("penalties") or [] if p.get("amount_yuan")), None)
    if key == "title_appointed_date" and want.get("title_level") == "技术员":
        key = "technician_appointed_date"
    value = frame.get(key)
    return value.isoformat() if isinstance(value, date) else value


def _same(key: str, want, got, aliases: dict, t2s) -> bool:
    if key in ("utility_patents", "tech_center_role") or key == "target" and want == "技术员":
        return True  # not read by design: 实用新型 counts for no route; 技术员 is not reviewed here (refused)
    if got is None:
        return False
    if key.endswith("_date"):
        return str(got).startswith(str(want))
    if key == "major":
        w, g = t2s.convert(str(want)), str(got)
        return w == g or aliases.get(w, w) == aliases.get(g, g) or w in g or g in w
    if key == "title_series":
        return str(got).replace("系列", "") == str(want).replace("系列", "")
    if key == "education_level" and want == "高中":
        return got in ("高中", "高中及以下")
    if key in ("honor_level", "key_project_level", "tech_center_level"):
        return got == LEVELS.get(want, want)
    if key == "science_award":
        level, grade = want.split("-")
        return got == f"{LEVELS.get(level, level)}-{GRADES.get(grade, grade)}"
    if key == "standard":
        return (got is True) == (want in ("国家标准", "行业标准", "地方标准"))
    if key in ("annual_salary_wan", "penalty_amount_yuan"):
        return abs(float(got) - float(want)) < 0.01
    if key == "ce_hours_year":
        return all(abs(got.get(y, -1) - h) < 0.01 for y, h in want.items())
    if key == "assessment_not_passed_year":
        return str(want) in got
    return str(got) == str(want)


def _read_right(assistant, item: dict, aliases: dict, t2s) -> bool:
    from assistant.conversation.session import Session

    session = Session()
    for turn in item.get("before", []):
        assistant.answer(session, turn)
    answer = assistant.answer(session, item["text"])
    if "question" in item:  # pq: the question asked
        asked = answer.verdict.question_id if answer.kind == "verdict" and answer.verdict else {
            "refusal": "out_of_scope", "computed": "hours_for_activity"}.get(answer.kind, "info")
        return FAMILY.get(asked, asked) == FAMILY.get(item["question"], item["question"])
    want = dict(item.get("expect") or {})
    person = want.pop("person", "self")
    frame = session.other if person == "other" else session.facts
    presumed = {e["name"].split(".")[-1] for e in session.evidence if e["presumed"] and e["person"] == person}
    if not all(_same(k, v, _got(frame, k, want), aliases, t2s) for k, v in want.items()):
        return False
    for key in item.get("absent", []):
        got = _got(frame, key, want)
        if key not in ("person", "utility_patents", "tech_center_role") and key not in presumed and \
                got not in (None, {}, [], 0, False, "无"):
            return False
    return True


def report() -> str:
    import opencc

    from assistant.conversation.offline import OfflineAssistant
    from assistant.rules.params import parameters_for

    assistant, t2s = OfflineAssistant(), opencc.OpenCC("t2s")
    aliases = parameters_for(2022).value("majors.aliases")
    lines = ["| corpus | dev | test |", "|---|---|---|"]
    for path in sorted(HERE.glob("*.jsonl")):
        items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        cells = []
        for split in ("dev", "test"):
            part = [i for i in items if split_of(i["id"]) == split]
            right = sum(_read_right(assistant, i, aliases, t2s) for i in part)
            cells.append(f"{right}/{len(part)} = {right / len(part):.3f}")
        lines.append(f"| {path.stem} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
