"""The domain lexicon (lexicon.yaml) as a tagger: which of the notice's things a text names, and where.

Aliases are matched with an Aho-Corasick automaton (pyahocorasick), one dimension at a time so that
"机电助理工程师" is both a series and a title. Homophone typos are repaired before tagging: a run of
characters whose pinyin (pypinyin) equals a `fuzzy` word's is that word ("助里工程师", "大砖", "计术"),
and the repair keeps the text's length, so every offset still points into what the user wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick
import yaml
from pypinyin import lazy_pinyin

LEXICON = Path(__file__).with_name("lexicon.yaml")


@dataclass(frozen=True)
class Tag:
    dim: str  # the lexicon section: education, title, events.graduation, person.other …
    value: str  # the canonical value
    start: int
    end: int
    extra: str = ""  # e.g. the level of an other-series title


@cache
def lexicon() -> dict:
    return yaml.safe_load(LEXICON.read_text(encoding="utf-8"))


NAMED_BY = ("工", "师傅", "主任", "经理", "总", "科长", "组长")  # "张工", "李师傅": a colleague by name


def _entries() -> dict[str, list[tuple[str, str, str]]]:
    """dimension → (alias, canonical value, extra) for every alias in the lexicon."""
    lex, out = lexicon(), {}
    for dim in ("education", "title", "out_of_scope_title"):
        out[dim] = [(alias, value, "") for value, aliases in lex[dim].items() for alias in aliases]
    out["other_series"] = [(alias, series, level) for series, levels in lex["other_series"].items()
                           for level, aliases in levels.items() for alias in aliases]
    out["series_machinery"] = [(alias, "机电", "") for alias in lex["series_machinery"]]
    for group in ("events", "person"):
        for name, aliases in lex[group].items():
            out[f"{group}.{name}"] = [(alias, name, "") for alias in aliases]
    out["person.other"] += [(f"{prefix}{name}", "other", "") for name in lex["surnames"] for prefix in ("老", "小")]
    out["person.other"] += [(f"{name}某", "other", "") for name in lex["surnames"]]
    out["person.other"] += [(f"阿{name}", "other", "") for name in lex["a_names"]]
    out["person.other"] += [(f"{name}{title}", "other", "") for name in lex["surnames"] for title in NAMED_BY
                            if f"{name}{title}" != "高工"]  # 高工 is 高级工程师, not Mr 高
    for dim in ("present", "negation", "nothing", "asking"):
        out[dim] = [(alias, alias, "") for alias in lex[dim]]
    return out


@cache
def _automata() -> dict[str, ahocorasick.Automaton]:
    automata = {}
    for dim, entries in _entries().items():
        automaton = ahocorasick.Automaton()
        for alias, value, extra in entries:
            automaton.add_word(alias.lower(), (len(alias), value, extra))
        automaton.make_automaton()
        automata[dim] = automaton
    return automata


@cache
def _false_friends() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in lexicon()["false_friends"]:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def tag(text: str, dims: tuple[str, ...] | None = None) -> list[Tag]:
    """Leftmost-longest, non-overlapping matches per dimension, in order of position; a match inside a
    false friend ("其中专业" holds no 中专) is no match."""
    friends = [(end - length + 1, end + 1) for end, length in _false_friends().iter(text)]
    tags = []
    for dim, automaton in _automata().items():
        if dims and not any(dim == d or dim.startswith(d + ".") for d in dims):
            continue
        found = sorted(((end - length + 1, end + 1, value, extra) for end, (length, value, extra) in automaton.iter(text)),
                       key=lambda m: (m[0], -(m[1] - m[0])))
        last = -1
        for start, end, value, extra in found:
            if text[start:end].isascii() and (text[start - 1:start].isalpha() and text[start - 1:start].isascii() or
                                              text[end:end + 1].isalpha() and text[end:end + 1].isascii()):
                continue  # "he" in "the": an English word matches whole words only
            if start >= last and not any(s <= start and end <= e for s, e in friends):
                tags.append(Tag(dim, value, start, end, extra))
                last = end
    return sorted(tags, key=lambda t: (t.start, -t.end))


LOOSE = [(re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"([aei])ng$"), r"\1n")]


def _loose(syllable: str) -> str:
    """A syllable as southern speech and voice input blur it (模糊音): zh/z, ch/c, sh/s, ang/an, eng/en, ing/in
    ("平仁" is 聘任, "申抱" is 申报)."""
    for pattern, plain in LOOSE:
        syllable = pattern.sub(plain, syllable)
    return syllable


def _sounds(text) -> list[str]:
    return [_loose(s) for s in lazy_pinyin(text)]


@cache
def _fuzzy_keys() -> dict[tuple[str, ...], str]:
    """pinyin → word for the fuzzy words; a pinyin shared by two words repairs neither."""
    keys: dict[tuple[str, ...], str | None] = {}
    for word in lexicon()["fuzzy"]:
        key = tuple(_sounds(word))
        keys[key] = None if key in keys and keys[key] != word else word
    return {k: v for k, v in keys.items() if v}


@cache
def known_majors() -> tuple[str, ...]:
    """Every major name the rules and the lexicon know (第十八条（一）'s lists, their aliases, the other majors
    people name), longest first: "机械制造及自动化" is found before "自动化"."""
    from assistant.rules.params import parameters_for

    p = parameters_for(2022)
    names = {*p.value("majors.own"), *p.value("majors.related"), *p.value("majors.aliases"), *lexicon()["other_majors"]}
    return tuple(sorted(names, key=len, reverse=True))


@cache
def weighted_routes() -> frozenset[str]:
    """The CE routes whose hours are shared among authors by rank (附件8 39号文 4、5, in the parameters)."""
    from assistant.rules.params import parameters_for

    routes = parameters_for(2022).value("continuing_education.route_hours")
    return frozenset(route for route, rule in routes.items() if rule.get("weighted"))


@cache
def known_majors_as_read() -> tuple[tuple[str, str], ...]:
    """Each known major with its normalised spelling (computed once: a message is matched against ~300 names)."""
    from assistant.documents.normalize import normalize

    return tuple((name, normalize(name)) for name in known_majors())


@cache
def _known_words() -> ahocorasick.Automaton:
    """Words written correctly: a repair never cuts into one ("企业技术" is not "企业绩术"; "电子信息工程是…"
    keeps its 是: the major's name ends at 工程)."""
    automaton = ahocorasick.Automaton()
    words = {alias.lower() for entries in _entries().values() for alias, _, _ in entries} | set(lexicon()["fuzzy"]) | \
        set(known_majors())
    for word in words | set(lexicon()["protected"]):
        if len(word) >= 2:
            automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def repair_homophones(text: str) -> str:
    """Same-sounding misspellings of the fuzzy words replaced by the words (length unchanged)."""
    keys = _fuzzy_keys()
    lengths = sorted({len(k) for k in keys}, reverse=True)
    protected = [(end - length + 1, end + 1) for end, length in _known_words().iter(text)]
    sounds = _sounds(list(text))
    chars, i = list(text), 0
    while i < len(chars):
        for n in lengths:
            word = keys.get(tuple(sounds[i:i + n]))
            if not word or "".join(chars[i:i + n]) == word:
                continue
            cuts = any(s < i + n and i < e and not (i <= s and e <= i + n) or (s, e) == (i, i + n) for s, e in protected)
            # (a repair never cuts into a word written correctly, nor replaces one: "说是" stays, not "硕士")
            if not cuts and all("\u4e00" <= ch <= "\u9fff" for ch in chars[i:i + n]):
                chars[i:i + n] = list(word)
                i += n - 1
                break
        i += 1
    return "".join(chars)
