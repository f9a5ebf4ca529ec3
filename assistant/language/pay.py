"""A year's pay before tax (附件2 第七条（八）: 越级 by 年薪) as people tell it: a total said ("一年加起来23万"),
a monthly figure times twelve plus the bonus, 万 and its tenths ("32万五"), never a threshold quoted ("年薪30万那条")
nor pay after tax, a boss's pay or a firm's gain."""

from __future__ import annotations

import re

from assistant.language.clauses import Clause

UNIT = {"万": 10000, "w": 10000, "W": 10000, "千": 1000, "k": 1000, "K": 1000}
MONTHLY = re.compile(r"(月薪|月工资|每月工资|一个月工资|1个月工资|每个?月(?=[^,，\d]{0,3}\d+(?:\.\d+)?\s*(?:万|千)))"
                     r"[^,，\d]{0,6}(\d+(?:\.\d+)?)\s*(万|w|W|千|k|K)?")
BONUS = re.compile(r"(年终奖|奖金)[^,，\d]{0,8}(\d+(?:\.\d+)?)\s*(万|w|W|千|k|K)?")


DIGIT = {**{str(d): d for d in range(1, 10)}, **dict(zip("一二三四五六七八九", range(1, 10), strict=True))}
# A year's pay said as a total ("1年才12万", "一年加起来23万", "年收入35万"), not a threshold quoted ("年薪30万那条").
YEAR_TOTAL = re.compile(r"(?:(?<!\d)1年|全年|每年|年收入|年总收入|年工资)[^,，。\d]{0,6}(\d+(?:\.\d+)?)\s*万")
QUOTED = re.compile(r"\s*(以上|及以上)?\s*(那条|这条|那一条|这一条|那个|这个|的条件|的标准|的要求|的线|标准|门槛|的规定|的)")
ADDED = re.compile(r"还有|另外|另有|没算进去|没算上|没加上?|没包括|不包括|不含|再加")  # a bonus told after the year's pay


def _tenths(text: str) -> str:
    """"30万2(千)", "2万5": 30.2万, 2.5万."""
    return re.sub(r"(\d+)万([1-9一二三四五六七八九])(?:千)?(?![\d千万])",
                  lambda m: f"{int(m.group(1)) + DIGIT.get(m.group(2), 0) / 10:g}万", text)


def _monthly(text: str, message: str, put) -> str | None:
    """"月薪税前2.6万，年终奖税前6万": a year's pay before tax is twelve months and the bonus (第七条（八）
    counts 含税); pay after tax (到手) cannot be judged against a before-tax threshold."""
    text, message = _tenths(text), _tenths(message)
    m = MONTHLY.search(text)
    if not m or re.search(r"税后|到手|实发", text):
        return
    bonus = BONUS.search(message)
    yearly = float(m.group(2)) * UNIT.get(m.group(3) or "", 1) * 12
    shown = f"年薪按月薪{m.group(2)}{m.group(3) or '元'}×12"
    if bonus and not re.search(r"税后|到手|实发", message[bonus.start():bonus.end() + 4]):
        yearly += float(bonus.group(2)) * UNIT.get(bonus.group(3) or "", 1)
        shown += f"＋{bonus.group(1)}{bonus.group(2)}{bonus.group(3) or '元'}"
    if yearly < 12000:  # a count, not a monthly figure in 元 or 万
        return None
    put("annual_salary_yuan", yearly)
    return f"{shown}＝{yearly / 10000:g}万元计算（含税）"


def salary(clause: Clause, message: str, put) -> str | None:
    """The year's pay before tax (第七条（八）), and how it was computed when it was (a note said aloud)."""
    text = clause.text
    tenths = _tenths(text)
    said = YEAR_TOTAL.search(tenths)
    if said and not QUOTED.match(tenths, said.end()) and (re.search(r"工资|薪|收入|挣|赚", text) or "年薪" in message) \
            and not re.search(r"税后|到手|实发|产值|销售|营收|利润|效益|增收|省了|节约|创造|老板|师傅", text):
        put("annual_salary_yuan", float(said.group(1)) * 10000)  # "月薪1万5，年终奖5万，1年加起来23万": the total said
        return None
    if MONTHLY.search(text):
        return _monthly(text, message, put)
    bonus_only = re.search(r"年终奖|奖金", text) and not re.search(r"工资|年薪|收入|加|总共|合计|一共", text)
    if (before_tax := re.search(r"税前[^,，\d]{0,6}(\d+(?:\.\d+)?)\s*(万|w|W)?", text)) and re.search(r"税后|到手|实发", message):
        unit = before_tax.group(2) or ("万" if re.search(r"\d\s*(万|w|W)", message) else "")  # "税后28w 税前差不多33": 33万
        put("annual_salary_yuan", float(before_tax.group(1)) * (10000 if unit else 1))
        return None
    if bonus_only and ADDED.search(text) and (m := BONUS.search(_tenths(text))) and not re.search(r"税后|到手|实发", text):
        put("salary_addition_yuan", float(m.group(2)) * UNIT.get(m.group(3) or "", 1))  # added to a pay told before
        return None
    if re.search(r"税后|到手|实发|月薪|月工资", text) or bonus_only or clause.asks and re.search(
            r"(有|够|到|达到|超过|满)[^,，\d]{0,2}\d+(\.\d+)?\s*万[^,，]{0,3}(吗|没|不|么)", text):
        return None  # "年薪算下来有30万吗": the threshold asked about
    if re.search(r"(年薪|工资|收入)[^,，]{0,6}(没|不到|没到|达不到|不够|不高|没有)", text):
        put("salary_meets_skip_level", False)
        return
    text = _tenths(re.sub(r"(\d),(\d{3})", r"\1\2", text).replace("w", "万").replace("W", "万"))  # "¥380,000", "30w"
    text = re.sub(r"(\d)\s*(多|来|出头|左右|把)\s*万", r"\1万", text)  # "50多万", "三十来万": at least the figure said
    total = re.search(r"(?:一共|总共|合计|加起来|共计)[^,，\d]{0,4}(\d+(?:\.\d+)?)\s*(万)", text)
    m = total if total and ("年薪" in message or re.search(r"税前|含税|工资|年终奖", text)) else None  # "28万加上年终奖一共31万"
    m = m or ((y := re.search(r"年薪[^,，\d]{0,6}(\d+(?:\.\d+)?)\s*(万)?", text)) and not QUOTED.match(text, y.end()) and y) or (
        "年薪" in message and not re.search(r"产值|销售|营收|房|车|贷款|存款|奖金|师傅|老板", text) and
        re.search(r"^[^\d]{0,4}(\d+(?:\.\d+)?)\s*(万)$", text)) or (
        ("年薪" in message or re.search(r"税前|含税", text)) and
        re.search(r"(?:税前|含税|总共|大概|大约|差不多|将近|算下来|加起来)[^,，\d]{0,4}(\d+(?:\.\d+)?)\s*(万)", text))
    if m:
        put("annual_salary_yuan", float(m.group(1)) * (10000 if m.group(2) else 1))
