"""Hours an activity registers ("参加了5天备案培训班能登记多少学时"): the rule code's arithmetic, shown."""

from __future__ import annotations

from assistant.conversation.contract import Answer
from assistant.errors import UserError
from assistant.rules.facts import parse_facts


def activity_hours(said: dict, cite) -> Answer:
    """"能登记多少学时": the rule code's arithmetic for each activity, the cap, and the clauses it used."""
    from assistant.rules.ce_activities import registered_hours
    from assistant.rules.params import parameters_for

    try:
        ce = parse_facts({"ce": said["ce"]}).ce
    except UserError as exc:
        return Answer(answer=f"{exc.message}。请检查后再说一次。", mode="offline", verdict=None, citations=[], kind="problem")
    p = parameters_for(2022)
    lines, ids = [], []
    for year, record in sorted(ce.items()):
        parts, total = registered_hours(record.activities, p)
        for part in parts:
            ids += part.clauses
            if part.hours == 0 and "不计学时" in part.working:
                lines.append(f"途径{part.route}：{part.working}。")
            elif part.hours is not None:
                lines.append(f"途径{part.route}：{part.working} = {part.hours:g}学时")
            elif part.missing:
                lines.append(f"途径{part.route}：{part.working}，还需要知道{'、'.join(part.missing)}")
            else:
                lines.append(part.working)
        lead = ("不能登记学时（不计学时）。" if total == 0 else f"能登记{total:g}学时（专业科目，{year}年度）。"
                if total is not None else "还需要补充信息才能算出学时。")
        lines.insert(0, lead)
    cited = cite(ids)
    quote = "\n".join(f"规定原文：{c.label}：「{c.text}」" for c in cited[:2])
    return Answer(answer="\n".join(lines) + "\n" + quote, mode="offline", verdict=None, citations=cited, kind="computed")
