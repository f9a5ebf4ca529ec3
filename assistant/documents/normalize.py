"""Normalisation for parsing and search only: stored clause text stays verbatim.

The notice has faults (a katakana ニ for 二, typos such as 职贵 and 奉就), and applicants write
traditional characters and full-width digits. Both sides of a search go through `normalize`
so that these differences never decide whether a clause is found.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Faults of the notice's text and their intended characters (used for matching, never for citing).
TYPO_FIXES = {
    "ニ": "二",
    "职贵": "职责",
    "奉就": "奉献",
    "须发": "颁发",
    "入力社保": "人力社保",
    "技术入员": "技术人员",
    "主要参加着": "主要参加者",
    "显着": "显著",
    "信管理与信息系统": "信息管理与信息系统",
}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


def normalize(text: str) -> str:
    """Full-width to half-width, traditional to simplified, known typos fixed, lower case."""
    text = unicodedata.normalize("NFKC", text)
    text = to_simplified(text)
    for wrong, right in TYPO_FIXES.items():
        text = text.replace(wrong, right)
    return text.lower()


# A Chinese numeral counts as a number only before a unit: 四年, 两项, 九月一号, 三十万 — never in 一般.
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+(?=[年个项篇月日号天万周次份元块岁倍期门科%]|学时|小时|多?[kK兆]|乘)|"
                        r"(?<=乘以)[零〇一二两三四五六七八九十百千]+|(?<=乘)[零〇一二两三四五六七八九十百千]+")  # 二百乘三百, 一百多K


# A numeral of hundreds, or of tens led by a digit (三百七十, 二百五十, 八十), is a number even with no unit after it;
# "十分", "千万", "一百个放心" are not matched (no leading digit before 十, 千 not included).
YEARS_AND_MONTHS = re.compile(r"(?<=年)[零又](?=[一二两三四五六七八九十\d]+个?月)")
_BARE_NUMBER = re.compile(r"(?<![零〇一二两三四五六七八九十百千\d])([一二两三四五六七八九]百[零一二三四五六七八九十]*|"
                          r"[二三四五六七八九]十[一二三四五六七八九]?)(?![零〇一二两三四五六七八九十百千万亿分])")
DIGITS = "零一二三四五六七八九"
# "两三年", "五六个月", "一两年": a range said as two neighbouring numerals (cn2an would read 23, 56, 12). Pairs
# without 两 can be a year said digit by digit ("八九年毕业" is 1989), so they need a duration's words around.
CN_DIGIT = {"一": 1, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
APPROXIMATE = re.compile(r"(?<![零〇一二两三四五六七八九十百千\d])(?:(一)(两)|(两)(三)(?=个?多?(?:年|个月))|"
                         r"(?<=[了有近快已干做搞满])(三|四|五|六|七|八)(四|五|六|七|八|九)(?=年|个月)|"
                         r"(三|四|五|六|七|八)(四|五|六|七|八|九)(?=个?多?(?:年|个月)(?:了|多|左右|时间|的(?:工作|经验)|工龄)|个多?月))")


def _approximate(m: re.Match) -> str:
    low, high = (g for g in m.groups() if g)
    if CN_DIGIT[high] != CN_DIGIT[low] + 1:
        return m.group(0)
    return f"{CN_DIGIT[low]}到{CN_DIGIT[high]}"


MIXED_YEAR = re.compile(r"(?=[零〇一二三四五六七八九0-9]{4}年)(?=.{0,3}\d)(?=.{0,3}[零〇一二三四五六七八九])"
                        r"[零〇一二三四五六七八九0-9]{4}(?=年)")
SPOKEN_YEAR = re.compile(r"两千(零|〇)?([一二三四五六七八九十]{1,3})(?=年)")


def _spoken_year(m: re.Match) -> str:
    """A year said as "two thousand" and the rest: 两千一七 → 2017 (digit by digit), 两千二十 → 2020, 两千零五 → 2005."""
    rest = m.group(2)
    if "十" in rest:
        tens, _, ones = rest.partition("十")
        value = (DIGITS.index(tens) if tens else 1) * 10 + (DIGITS.index(ones) if ones else 0)
    elif len(rest) == 2:
        value = DIGITS.index(rest[0]) * 10 + DIGITS.index(rest[1])
    else:
        value = DIGITS.index(rest)
    return str(2000 + value) if value < 100 else m.group(0)


def arabic_numerals(text: str) -> str:
    """四年 → 4年, 两项 → 2项, 十月二十五号 → 10月25号; other uses of the characters stay."""
    import cn2an

    def convert(match: re.Match) -> str:
        number = match.group(match.lastindex or 0)
        try:
            return str(cn2an.cn2an(number.replace("两", "二").replace("〇", "零"), "smart"))
        except (ValueError, KeyError):
            return number

    text = re.sub(r"百分之([零〇一二两三四五六七八九十百]+)", lambda m: convert(m) + "%", text)
    text = SPOKEN_YEAR.sub(_spoken_year, text)  # "两千一七年", "两千零五年", "两千二十年" (voice input)
    text = MIXED_YEAR.sub(lambda m: "".join(str(DIGITS.index(c)) if c in DIGITS else "0" if c in "零〇" else c
                                            for c in m.group(0)), text)  # "二0二一年": digits and numerals mixed
    text = re.sub(r"十几年", "10多年", text)  # "做了十几年": at least ten years (never more than said)
    text = APPROXIMATE.sub(_approximate, text)  # 两三年 → 2到3年
    # "零九年", "〇五年": a two-digit year written digit by digit (not the number 9)
    text = re.sub(r"(?<![零〇一二三四五六七八九十\d])[零〇]([一二三四五六七八九])(?=年)",
                  lambda m: "0" + "一二三四五六七八九".index(m.group(1)).__add__(1).__str__(), text)
    text = YEARS_AND_MONTHS.sub("", text)  # "两年零十个月", "三年又两个月": the 零 joins, it is no digit
    text = _CN_NUMBER.sub(convert, text)
    return _BARE_NUMBER.sub(convert, text)  # "总共三百七十 专业二百五十" (voice input drops the unit)
