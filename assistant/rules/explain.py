"""A verdict as text a hotline operator can read out, with its trace when asked."""

from __future__ import annotations

from assistant.rules.verdict import Verdict

OUTCOME_TEXT = {"eligible": "符合", "not_eligible": "不符合", "need_more_info": "还需补充信息"}
MARK = {"met": "✓", "not_met": "✗", "unknown": "?"}


def render(verdict: Verdict, explain: bool = False) -> str:
    route = f"（{verdict.route}）" if verdict.route else ""
    lines = [f"问题：{verdict.question}", f"结论：{OUTCOME_TEXT[verdict.outcome]}{route}"]
    top = verdict.trace[0]
    lines.append(f"依据：{top.sentence}")
    steps = verdict.trace[1:] if explain else [s for s in verdict.trace[1:] if s.depth == 1]
    for step in steps:
        lines.append(f"{'  ' * step.depth}{MARK[step.result]} {step.sentence}  [{', '.join(step.clauses)}]")
    if verdict.missing:
        lines.append("需要补充：")
        lines.extend(f"  - {m.question}" for m in verdict.missing[:5])
    if verdict.reminders:
        lines.append("另请注意：")
        lines.extend(f"  {MARK[r.result]} {r.sentence}" for r in verdict.reminders)
    if explain and verdict.notes:
        lines.append("判断说明：")
        lines.extend(f"  - {n}" for n in verdict.notes)
    lines.append("引用条款：")
    lines.extend(f"  [{c.id}] {c.label}：{c.text}" for c in verdict.citations[:3])
    if len(verdict.citations) > 3:
        lines.append(f"  ……另有 {len(verdict.citations) - 3} 条（--json 查看全部）")
    return "\n".join(lines)
