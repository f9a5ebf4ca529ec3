"""Split a notice into citable clauses whose ids are their numbering paths.

The notice numbers its parts in several families: 附件N, embedded documents (a 文号 line inside an
attachment), 第X章, 第X条, 一、, （一）, 1、 or 1., （1）. A marker only counts at the start of a line;
tab-led lines are table cells (the 学时加权系数 table, the 花名册 columns) and never start a clause,
so tables stay whole. Lines of signatures and dates close a document: they form a 落款 clause
instead of trailing onto the last numbered item.

Every character of the source belongs to exactly one clause's own span (`start`..`end`), so the
document can be rebuilt from its clauses; a clause's `text` is its own span plus its descendants',
stripped of surrounding blank lines — always an exact substring of the source.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pydantic import BaseModel

CN_NUM = "零一二三四五六七八九十百ニ"

ATTACHMENT = re.compile(r"^附件\s*(\d+)\s*[:：]?\s*$")
ANNEX_LIST = re.compile(r"^附件[:：]")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{2,12}〔\d{4}〕\d{1,4}号$")
CHAPTER = re.compile(rf"^第([{CN_NUM}\d]+)章")
ARTICLE = re.compile(rf"^第([{CN_NUM}]+)条(?=[\s\u3000]|$)")
SECTION = re.compile(rf"^([{CN_NUM}]+)、")
PAREN_CN = re.compile(rf"^[（(]([{CN_NUM}]+)[）)]")
NUMBERED = re.compile(r"^(\d{1,2})(?:、|[.．](?!\d))")
PAREN_NUM = re.compile(r"^[（(](\d{1,2})[）)]")
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
# Two issuer names side by side ("台州市经济和信息化委员会   台州市人力资源和社会保障局").
SIGNATURE = re.compile(r"^[\u4e00-\u9fff（）()]{4,}\s{3,}[\u4e00-\u9fff（）()\d]{4,}$")

# Rank of each marker kind: a marker closes every open clause of equal or lower rank.
RANK = {"attachment": 0, "subdoc": 1, "chapter": 2, "article": 3, "section": 4,
        "paren_cn": 5, "numbered": 6, "paren_num": 7, "closing": 99}


class Clause(BaseModel):
    """One citable unit of a document."""

    id: str
    label: str
    kind: str
    title: str
    text: str
    start: int
    end: int
    heading_path: list[str]
    parent: str | None
    children: list[str]
    doc: str


@dataclass
class _Node:
    kind: str
    segment: str | None  # this node's part of the id
    in_child_ids: bool  # chapters have ids of their own but are left out of their articles' ids
    label_part: str
    title: str
    start: int
    rank: int
    parent: _Node | None
    end: int = 0
    children: list[_Node] = field(default_factory=list)
    id: str = ""


@dataclass
class DocumentInfo:
    """What the parser needs to know about a document besides its text."""

    id: str
    short_title: str
    primary: bool = True
    attachments: dict[str, str] = field(default_factory=dict)
    embedded: dict[str, dict] = field(default_factory=dict)
    issuers: list[str] = field(default_factory=list)


def _marker_line(line: str) -> str:
    line = line.strip().strip("\u3000")
    return unicodedata.normalize("NFKC", line).replace("ニ", "二") if line else ""


def _classify(line: str) -> tuple[str, str, str] | None:
    """(kind, id segment, label part) for a line that starts a numbered clause."""
    if m := ATTACHMENT.match(line):
        return "attachment", f"附件{m.group(1)}", f"附件{m.group(1)}"
    if ANNEX_LIST.match(line):
        return "section", "附件目录", "附件目录"
    if m := CHAPTER.match(line):
        number = m.group(1)
        if number.isdigit():
            import cn2an

            number = cn2an.an2cn(number)
        return "chapter", f"第{number}章", f"第{number}章"
    if m := ARTICLE.match(line):
        return "article", m.group(0), m.group(0)
    if m := SECTION.match(line):
        return "section", m.group(1), m.group(1)
    if m := PAREN_CN.match(line):
        return "paren_cn", f"（{m.group(1)}）", f"（{m.group(1)}）"
    if m := NUMBERED.match(line):
        return "numbered", m.group(1), m.group(1)
    if m := PAREN_NUM.match(line):
        return "paren_num", f"（{m.group(1)}）", f"第（{m.group(1)}）项"
    return None


def _is_closing(line: str, issuers: list[str]) -> bool:
    return bool(
        line in {_marker_line(name) for name in issuers}
        or DATE_LINE.match(line)
        or line.endswith("印发")
        or line.startswith(("抄送", "(此件公开发布)"))
        or SIGNATURE.match(line)
    )


def parse_clauses(source: str, info: DocumentInfo) -> list[Clause]:
    """Parse `source` into clauses in document order."""
    lines = source.splitlines(keepends=True)
    root = _Node("document", None, False, "", info.short_title, 0, -1, None)
    preamble = _Node("preamble", "前言", True, "前言", "前言", 0, RANK["section"], root)
    root.children.append(preamble)
    stack = [root, preamble]
    offset = 0
    attachment_has_body = False
    closing_open = False

    def open_node(kind: str, segment: str | None, label_part: str, title: str, rank: int):
        nonlocal stack
        while stack[-1].rank >= rank:
            stack.pop()
        node = _Node(kind, segment, kind != "chapter", label_part, title, offset, rank, stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
        return node

    for raw in lines:
        line = _marker_line(raw)
        is_cell = raw.startswith("\t")
        marker = None if is_cell or not line else _classify(line)
        in_attachment = any(n.kind == "attachment" for n in stack)
        if marker:
            kind, segment, label_part = marker
            open_node(kind, segment, label_part, line[:40], RANK[kind])
            attachment_has_body = attachment_has_body and kind != "attachment"
            closing_open = False
        elif line and not is_cell and in_attachment and attachment_has_body and DOC_NUMBER.match(line):
            meta = info.embedded.get(line, {})
            node = open_node("subdoc", meta.get("id", line), meta.get("title", line), line, RANK["subdoc"])
            node.label_part = f"《{meta.get('title', line)}》"
            closing_open = False
        elif (line and not is_cell and not closing_open and stack[-1].kind != "preamble"
              and _is_closing(line, info.issuers)):
            while stack[-1].kind not in ("document", "attachment", "subdoc"):
                stack.pop()
            scope = stack[-1]
            n = sum(1 for c in scope.children if c.kind == "closing") + 1
            segment = "落款" if n == 1 else f"落款{n}"
            open_node("closing", segment, segment, line[:40], RANK["closing"])
            closing_open = True
        elif line and not is_cell and stack[-1].kind == "attachment" and stack[-1].title.startswith("附件"):
            # The first text line after "附件N" is the attachment's own title.
            stack[-1].title = info.attachments.get(stack[-1].segment, line[:40])
            attachment_has_body = True
        elif line and in_attachment:
            attachment_has_body = True
        offset += len(raw)

    _close(root, len(source))
    return _to_clauses(root, source, info)


def _close(node: _Node, end: int) -> None:
    """Set each node's own span end: where its first child, or its next sibling, starts."""
    for i, child in enumerate(node.children):
        child_end = node.children[i + 1].start if i + 1 < len(node.children) else end
        _close(child, child_end)
    node.end = node.children[0].start if node.children else end
    node.subtree_end = end  # type: ignore[attr-defined]


def _to_clauses(root: _Node, source: str, info: DocumentInfo) -> list[Clause]:
    clauses: list[Clause] = []
    seen: set[str] = set()

    def walk(node: _Node, path: list[str], labels: list[str], headings: list[str], parent_id):
        for child in node.children:
            own_path = path + [child.segment]
            child_path = own_path if child.in_child_ids else path
            base = "/".join(own_path) if info.primary else f"{info.id}:{'/'.join(own_path)}"
            cid, n = base, 2
            while cid in seen:  # irregular numbering: keep ids unique and stable
                cid = f"{base}#{n}"
                n += 1
            seen.add(cid)
            child.id = cid
            own_labels = labels + [_label_part(child, info)]
            child_labels = own_labels if child.in_child_ids else labels
            text = source[child.start:child.subtree_end].strip()
            clauses.append(Clause(
                id=cid, label=_join_label(own_labels, info), kind=child.kind, title=child.title,
                text=text, start=child.start, end=child.end, heading_path=headings,
                parent=parent_id, children=[], doc=info.id))
            index = len(clauses) - 1
            walk(child, child_path, child_labels, headings + [child.title], cid)
            clauses[index].children = [c.id for c in child.children]

    walk(root, [], [], [info.short_title], None)
    return clauses


def _label_part(node: _Node, info: DocumentInfo) -> str:
    if node.kind == "attachment":
        title = info.attachments.get(node.segment or "", node.title)
        return f"{node.label_part}《{title}》"
    return node.label_part


def _join_label(parts: list[str], info: DocumentInfo) -> str:
    if len(parts) > 1 and parts[1].startswith("《"):
        # An embedded document reads "附件8《继续教育学时登记细则》…", not both titles.
        parts = [parts[0].split("《")[0] + parts[1]] + parts[2:]
    if not parts or not parts[0].startswith("附件") or parts[0] == "附件目录":
        parts = [f"《{info.short_title}》"] + parts
    if parts[-1].isdigit():
        parts[-1] = f"第{parts[-1]}项"
    return "".join(parts)
