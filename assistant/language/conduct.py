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
