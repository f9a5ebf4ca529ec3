"""Whom a message is about when it tells of several people: one picked out by name ("张工本科…；李工硕士…。张工
今年能报吗"), by letter ("A，中专…；B，大专…"), or by the row of a list or table pasted by HR ("1 张* 本科/…⏎先问第1个");
the others' words are blanked (offsets kept) so their facts are never read as the one asked about's."""

from __future__ import annotations

import re

from assistant.language.clauses import Clause, asked_clause, segment
from assistant.language.lexicon import lexicon


def table_as_fields(text: str) -> str:
    """A table pasted from a spreadsheet (a header row and rows of cells split by tabs or runs of spaces) as
    "header：cell" fields, which are read like a form ("毕业：2014-7，聘任：2018-9")."""
    lines = text.split("\n")
    cells = [re.split(r"\t+|\s{2,}|\s*\|\s*", line.strip().strip("|")) for line in lines]
    for i in range(len(lines) - 1):
        head = cells[i]
        if len(head) >= 3 and all(re.fullmatch(r"[\u4e00-\u9fff]{1,6}", h) for h in head):
            for j in range(i + 1, len(lines)):
                if len(cells[j]) == len(head):
                    lines[j] = "，".join(f"{h}：{c}" for h, c in zip(head, cells[j], strict=True)) + "。"
            lines[i] = ""
            break
    return "\n".join(line for line in lines if line)


NAMED = re.compile(r"(老|小|阿)?[\u4e00-\u9fff](工|师傅|主任|经理|总|科长|组长|某)?")


def _is_name(word: str) -> bool:
    """"张工", "老李", "阿强" name someone; "员工", "电工", "技工" are what people are."""
    return 2 <= len(word) <= 3 and bool(NAMED.fullmatch(word)) and (word[0] in "老小阿" or word[0] in lexicon()["surnames"])


LETTER = re.compile(r"(?:^|(?<=[是问说看下]))\s*([a-zA-Z]|甲|乙|丙|丁)(?![A-Za-z])"
                    r"(?=\s*(?:$|[,，:：的是呢能可这那他她]|本科|大专|专科|中专|硕士|研究生|博士|高中|技校|今年|去年|\d))")


# A row of a list pasted by HR: "1 张* 本科/工商管理/…", "2、李某 大专…"; the one asked for by its row or name.
ROW = re.compile(r"^\s*(\d{1,2})\s*[.、)）]?\s*([\u4e00-\u9fff])[*＊某]")
ROW_ASKED = re.compile(r"第\s*(\d{1,2})\s*(个|位|行|号|条)|(?:^|[,，问])([\u4e00-\u9fff])[*＊某]?(?=能|可以|够|行|的话)")


def only_the_row_asked(text: str) -> str:
    """"1 张* 本科/工商管理/…⏎2 李* 大专/…⏎先问第1个，张能报助工吗": of the rows of a pasted list, only the one
    asked for by its number or its name is read (the others blanked, offsets kept)."""
    lines = text.split("\n")
    rows = {i: m for i, line in enumerate(lines) if (m := ROW.match(line))}
    asked = next((m for line in reversed(lines) if not ROW.match(line) and (m := ROW_ASKED.search(line))), None)
    if len(rows) < 2 or asked is None:
        return text
    keep = next((i for i, m in rows.items() if (m.group(1) == asked.group(1) if asked.group(1) else m.group(2) == asked.group(3))),
                None)
    if keep is None:
        return text
    return "\n".join("，" * len(line) if i in rows and i != keep else line for i, line in enumerate(lines))


def _name(clause: Clause, text: str) -> str | None:
    """The person a clause names by name ("张工", "老李", "王某") or by letter ("A，中专…；B，大专…；A能报吗")."""
    said = [text[t.start:t.end] for t in clause.has("person.other")]
    if m := LETTER.search(clause.text):
        return m.group(1).upper()
    return next((w for w in said if _is_name(w)), None)


def only_the_one_asked_about(text: str, subject: str) -> str:
    """"张工本科…；李工硕士…；王工大专…。张工今年能报吗": with several people named, the clauses about the
    others are blanked (offsets kept) and only the one asked about is read; an unnamed clause belongs to
    the last one named."""
    clauses = segment(text, subject)
    names, current = [], None
    for clause in clauses:
        current = _name(clause, text) or current
        names.append(current)
    asked = asked_clause(clauses)
    wanted = _name(asked, text) if asked else None
    if asked in clauses and not wanted and asked.person == "other" and not re.search(r"我|俺|们", asked.text):
        wanted = names[clauses.index(asked)]  # "先问B，他一直做工艺，今年能报吗": B, named before
    if not wanted or len({n for n in names if n}) < 2:
        return text
    for clause, name in zip(clauses, names, strict=True):
        if clause is asked:
            continue
        named = [(t.start, said) for t in clause.has("person.other") if (said := _name_at(text, t))]  # "阿强…、阿伟…、阿芳…"
        if len(named) < 2:
            named = [(clause.start, name)]  # one name (or none) in the clause: it is that of the clause
        ends = [start for start, _ in named[1:]] + [clause.end]
        for (start, said), end in zip(named, ends, strict=True):
            if said and said != wanted:
                text = text[:start] + "，" * (end - start) + text[end:]
    return text


def _name_at(text: str, tag) -> str | None:
    word = text[tag.start:tag.end]
    return word if _is_name(word) else None


def people_named(text: str, subject: str) -> set[str]:
    """The people a message names ("阿强，本科…；阿芳，大专…": 阿强 and 阿芳)."""
    return {n for c in segment(text, subject) if (n := _name(c, text))}


def picked_from_list(text: str, roster: str, subject: str) -> str | None:
    """"帮车间两个人问下：阿强，本科…；阿芳，大专…" → "先说阿强，他今年能报助工不" → "那阿芳呢": the one picked out of
    the people an earlier message told of, read from both messages with the others' words blanked (None: no pick)."""
    wanted = next((n for c in segment(text, subject) if (n := _name(c, text))), None)
    told = people_named(roster, subject) if roster and wanted else set()
    if wanted not in told or len(told) < 2:
        return None
    return only_the_one_asked_about(f"{roster}。{text}", subject)
