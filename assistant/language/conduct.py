"""Sanctions as people mention them (附件1 一: 近3年 no 党纪政纪处分, 行政处罚 or 刑事处罚 for one's work, and
no 刑事处罚 for any reason): "去年因为环评验收材料的事被给了个党内警告处分", "前年醉驾被判了拘役",
"超速被交警罚了200". A firm's own 通报处分 with a fine is 第二十条's penalty (events.py), not one of these.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.language.clauses import Clause
from assistant.language.reading import Reading

KINDS = [
    ("刑事处罚", re.compile(r"判刑|判了|被判|拘役|有期徒刑|缓刑|刑事处罚|坐牢|服刑|醉驾|判过刑")),
    ("党纪政纪处分", re.compile(r"党内警告|党内严重警告|党纪处分|党纪|留党察看|开除党籍|政务处分|政纪处分|行政警告|行政记过|记大过")),
    ("行政处罚", re.compile(r"行政处罚|(环保|市场监管|安监|应急管理|质监|税务|交警|公安)[^,，。]{0,8}(罚|处罚|吊销)|违章|超速|闯红灯")),
]
AT_WORK = re.compile(r"工作|厂里|公司|单位|生产|车间|事故|环评|质量|安全|验收|项目|职务|岗位|设备|产品")
NOT_AT_WORK = re.compile(r"交通|违章|超速|闯红灯|酒驾|醉驾|酒后|驾驶|打架|私事|家里|个人原因|开车")
NONE_SAID = re.compile(r"(没|无|未)(有)?(受过|受到|被)?(任何)?(党纪|政纪)?(处分|处罚|违法记录|违法违纪|违纪)")
RELATIVE = {"大前年": 3, "前年": 2, "去年": 1, "今年": 0}


def _year(text: str, reference: date) -> int | None:
    if m := re.search(r"(?<!\d)(20\d{2}|\d{2})\s*年", text):
        return int(m.group(1)) + (2000 if len(m.group(1)) == 2 else 0)
    return next((reference.year - back for word, back in RELATIVE.items() if word in text), None)


def sanctions(reading: Reading, clauses: list[Clause], reference: date) -> None:
    """Each sanction said, with its year (from its clause or the one before) and whether it was for work."""
    found: dict[str, list[dict]] = {}
    for index, clause in enumerate(clauses):
        text = clause.text
        kind = next((name for name, words in KINDS if words.search(text)), None)
        if kind is None:
            if NONE_SAID.search(text) and not clause.asks:
                found.setdefault(clause.person, [])  # "没受过任何处分": said, and none
            continue
        nearby = ",".join(c.text for c in clauses[max(0, index - 1):index + 1])
        year = _year(text, reference) or _year(nearby, reference)
        work = False if NOT_AT_WORK.search(nearby) else True if AT_WORK.search(nearby) else None
        said = {"year": year or reference.year, "kind": kind, "work_related": work, "_said_year": year is not None}
        if not any(s["year"] == said["year"] and s["kind"] == kind for s in found.get(clause.person, [])):
            found.setdefault(clause.person, []).append(said)  # "醉驾被判了拘役，现在缓刑也结束了": one sanction
    for person, said in found.items():
        presumed = "" if all(s["_said_year"] for s in said) else "处分或处罚未说年份，按近3年内计算"
        reading.set("sanctions", [{k: v for k, v in s.items() if not k.startswith("_")} for s in said],
                    "、".join(s["kind"] for s in said) or "无处分处罚", person, presumed=presumed)


# A fine as people tell it (第二十条): "罚款3000元", "罚了我2000块", "被罚了1200", "罚款金额：1500元", "一千五".
FINE = re.compile(r"(?:罚款|罚欵|罚金|罚了|罚过|被罚|处罚|扣了)(?:我|他|她|俺)?[^,，。\d一二三四五六七八九两]{0,6}?"
                  r"(\d+(?:\.\d+)?|[一二三四五六七八九两]千[一二三四五六七八九]?|[一二三四五六七八九两]万)\s*(万|千)?\s*(?:元|块)?")
CN_AMOUNT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _yuan(figure: str, unit: str | None) -> float:
    if m := re.fullmatch(r"([一二三四五六七八九两])(千|万)([一二三四五六七八九])?", figure):  # "一千五": 1500
        base = CN_AMOUNT[m.group(1)] * (1000 if m.group(2) == "千" else 10000)
        return base + (CN_AMOUNT[m.group(3)] * (100 if m.group(2) == "千" else 1000) if m.group(3) else 0)
    return float(figure) * {"万": 10000, "千": 1000}.get(unit or "", 1)


def fines(reading: Reading, clauses: list[Clause], dates: list, message: str) -> None:
    """A firm's fine told with its amount, dated by a date in its clause or the next clause of its sentence
    ("我被罚了1200，是今年3月的事"), undated otherwise (the rules then ask when); a traffic fine or a 党纪 sanction
    is not 第二十条's (sanctions above); a fine already read with its date is kept."""
    for i, clause in enumerate(clauses):
        near = [c for c in clauses[i:i + 2] if c is clause or not FINE.search(c.text)]
        told = message[clause.start:near[-1].end]  # "罚款金额：1500元，时间2021年6月": the amount may be in the next clause
        if any(p.get("amount_yuan") for p in reading.get("penalties", clause.person) or []) or not (m := FINE.search(told)) or \
                m.start() >= clause.end - clause.start or any(kind.search(told) for name, kind in KINDS if name != "党纪政纪处分"):
            continue
        after = [c for c in clauses[i:i + 3] if not re.search(r"[。!！?？]", message[clause.start:c.start])]
        when = next((d for c in after for d in dates if c.start <= d.start < c.end), None)
        held = reading.get("penalties", clause.person) or []
        dated = next((p["date"] for p in held if p.get("date")), None)
        penalty = {"amount_yuan": _yuan(m.group(1), m.group(2))}
        if when or dated:
            penalty["date"] = when.value.isoformat() if when else dated
        reading.set("penalties", [penalty], clause.text, clause.person)
        return
