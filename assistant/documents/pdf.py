"""A PDF's text as the paragraphs it was typeset from, not as its printed lines.

A PDF stores lines, not paragraphs: a long paragraph wrapped at the right margin comes out of plain
extraction as several lines, and a continuation line that happens to start with "5．" or "（3）" would
become a clause of its own. So each printed line is placed by pypdf's layout reader (where it starts,
where its last glyph ends, how far below the line before it is), and a line is joined to the one before
when that one runs to the right margin, the gap between them is a normal line pitch and this one starts
at the left margin — a wrapped paragraph; a short line, a blank-line gap or an indent starts a new one.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

import cn2an

log = logging.getLogger(__name__)

PIECE = re.compile(r"[（(《〔【\[“‘]*(?:[A-Za-z0-9.,:/_%@+*×-]+|.)[）)》〕】\]，。、；：！？．,.;:!?”’]*")
QUOTES = "“”‘’"
SENTENCE_ENDS = ("。", "；", "：", ";", ":")
MARKER = (r"(?:[（(](?P<paren>[0-9]+|[一二三四五六七八九十]+)[）)]|(?P<dot>[0-9]+)[、．.]|(?P<comma>[一二三四五六七八九十]+)、"
          r"|第(?P<article>[一二三四五六七八九十百]+)条)")
ITEM = re.compile(r"\s*" + MARKER)
ITEM_ANYWHERE = re.compile(MARKER)
PITCH_SLACK = 1.3  # a gap this many times the usual line pitch is a paragraph break


@dataclass(frozen=True)
class PrintedLine:
    page: int
    top: float
    start: float
    end: float
    em: float
    text: str


def pdf_text(reader) -> str:
    """The document's text, wrapped lines joined back into their paragraphs."""
    try:
        lines = [line for number, page in enumerate(reader.pages) for line in _printed_lines(reader, page, number)]
    except (ImportError, AttributeError, KeyError, TypeError) as exc:  # pypdf's layout reader is internal
        log.warning("PDF 版面信息无法读取（%s），按原样逐行提取。", exc)
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    return "\n".join(_paragraphs(lines))


def _printed_lines(reader, page, number: int) -> list[PrintedLine]:
    """Each text-showing operator placed by pypdf's layout reader, gathered into lines by baseline."""
    from pypdf._text_extraction._layout_mode import _fixed_width_page as layout
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager
    from pypdf.generic import ContentStream

    contents = page.get("/Contents")
    if contents is None:
        return []
    fonts = page._layout_mode_fonts()
    operations = iter(ContentStream(contents.get_object(), reader, "bytes").operations)
    state, shown = TextStateManager(), []
    for operands, operator in operations:
        if operator in (b"BT", b"q"):
            shown += layout.recurse_to_target_op(operations, state, b"ET" if operator == b"BT" else b"Q", fonts)[1]
        elif operator == b"Tf":
            layout.set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(operator, operands)
    rows: dict[int, list] = {}
    for text in shown:
        if text.text.strip() and not text.rotated:
            rows.setdefault(round(text.ty), []).append(text)
    return [_line(number, top, sorted(row, key=lambda t: t.tx)) for top, row in sorted(rows.items())]


def _line(number: int, top: int, row: list) -> PrintedLine:
    """One printed line; a gap between two pieces of it (a tab, spaces drawn as a move) stays as wide
    in spaces, so two names side by side still read as a signature."""
    em = row[0].font_height or 1.0
    text = row[0].text
    for before, piece in pairwise(row):
        space = before.space_tx * abs(before.transform[0]) or 0.5 * em
        text += " " * round((piece.tx - before.displaced_tx) / space) + piece.text
    return PrintedLine(number, float(top), row[0].tx, max(t.displaced_tx for t in row), em, text.rstrip())


def _paragraphs(lines: list[PrintedLine]) -> list[str]:
    """Join each wrapped line to its paragraph; the margins are those of the document's text block."""
    printed = [line for line in lines if line.text.strip()]
    if not printed:
        return []
    right = max(line.end for line in printed)
    left = min(line.start for line in printed)
    pitch = _usual_pitch(printed)
    paragraphs: list[str] = []
    before: PrintedLine | None = None
    for line in printed:
        if before is not None and _continues(before, line, left, right, pitch) \
                and not _next_item(paragraphs[-1], line.text):
            paragraphs[-1] = _join(paragraphs[-1], line.text)
        else:
            paragraphs.append(line.text)
        before = line
    return paragraphs


def _usual_pitch(lines: list[PrintedLine]) -> float:
    """The commonest gap between consecutive lines of a paragraph; a blank line (two ems or more) is not one."""
    gaps = Counter(round(b.top - a.top) for a, b in pairwise(lines)
                   if a.page == b.page and 0 < b.top - a.top < 2 * a.em)
    return float(gaps.most_common(1)[0][0]) if gaps else 0.0


def _continues(before: PrintedLine, line: PrintedLine, left: float, right: float, pitch: float) -> bool:
    """A line continues the paragraph above when its first unbreakable piece would not have fitted
    at the end of the line above (so that line was broken for want of room), it starts at the left margin
    and follows at the usual pitch (or on the next page)."""
    no_room = before.end + _ems(_first_piece(line.text)) * line.em > right
    starts_at_margin = line.start <= left + 0.5 * line.em
    next_line = before.page != line.page or 0 < line.top - before.top <= PITCH_SLACK * pitch
    return no_room and starts_at_margin and next_line


def _next_item(paragraph: str, text: str) -> bool:
    """The line opens a numbered item of its own: the one after the item the paragraph opened ("（4）…"
    then "（5）…"), or any item after a finished sentence — unless the paragraph itself runs an inline
    list the line's number continues ("注：1．…。4．…。" then "5．…"), which is the paragraph wrapping."""
    that = _item_number(text)
    if that is None:
        return False
    style, number = that
    if _item_number(paragraph) == (style, number - 1):
        return True
    inline = {(s, n) for s, n in map(_marker_value, ITEM_ANYWHERE.finditer(paragraph[1:])) if s != "article"}
    return (style, number - 1) not in inline and paragraph.rstrip().endswith(SENTENCE_ENDS)


def _item_number(text: str) -> tuple[str, int] | None:
    match = ITEM.match(text)
    return _marker_value(match) if match else None


def _marker_value(match: re.Match) -> tuple[str, int]:
    style, number = next((style, value) for style, value in match.groupdict().items() if value)
    return style, int(number) if number.isdigit() else cn2an.cn2an(number, "smart")


def _first_piece(text: str) -> str:
    """What a line breaker keeps together at the start of a line (after UAX #14, simplified): opening
    brackets with what follows them, a Latin or digit run or one Chinese character, the punctuation
    closing it — and across quotation marks, which break on neither side."""
    text = text.lstrip()
    end = 0
    while end < len(text):
        match = PIECE.match(text, end)
        end = match.end() if match and match.end() > end else end + 1
        if not (text[end - 1:end] in QUOTES or text[end:end + 1] in QUOTES):
            break
    return text[:end]


def _ems(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _join(paragraph: str, continuation: str) -> str:
    """Chinese wraps between any two characters; a Latin word wraps at a space the PDF no longer holds,
    a web address anywhere."""
    last_word = paragraph.rsplit(" ", 1)[-1]
    latin = last_word[-1:].isascii() and last_word[-1:].isalpha() and continuation[:1].isascii() and continuation[:1].isalpha()
    return f"{paragraph} {continuation}" if latin and not any(c in last_word for c in "/.@") else paragraph + continuation
