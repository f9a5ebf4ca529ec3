"""The corpus: every source document, parsed into clauses, with look-up by clause id."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.documents.clauses import Clause, DocumentInfo, parse_clauses
from assistant.documents.loaders import FORMATS, read_metadata, read_text
from assistant.errors import UserError

log = logging.getLogger(__name__)


@dataclass
class Document:
    id: str
    path: Path
    text: str
    meta: dict


class Corpus:
    def __init__(self, documents: list[Document]):
        self.documents = documents
        self.clauses: list[Clause] = []
        for doc in documents:
            info = DocumentInfo(
                id=doc.id,
                short_title=doc.meta.get("short_title") or doc.meta.get("title") or doc.id,
                primary=bool(doc.meta.get("primary")),
                attachments=doc.meta.get("attachments") or {},
                embedded=doc.meta.get("embedded") or {},
                issuers=doc.meta.get("issuers") or [],
            )
            self.clauses.extend(parse_clauses(doc.text, info))
        self._by_id = {c.id: c for c in self.clauses}

    @property
    def primary(self) -> Document:
        return next((d for d in self.documents if d.meta.get("primary")), self.documents[0])

    def get(self, clause_id: str) -> Clause:
        clause = self._by_id.get(clause_id.strip())
        if clause is None:
            raise UserError(f"找不到条款编号“{clause_id}”。请检查编号，例如：附件2/第六条/（一）/（3）。")
        return clause

    def has(self, clause_id: str) -> bool:
        return clause_id in self._by_id

    def fingerprint(self) -> str:
        """Changes whenever any document's content changes: the index is rebuilt then."""
        digest = hashlib.sha256()
        for doc in sorted(self.documents, key=lambda d: d.id):
            digest.update(doc.id.encode())
            digest.update(doc.text.encode())
        return digest.hexdigest()[:16]


def load_documents(corpus_dir: Path) -> list[Document]:
    """Every readable document of the folder. A damaged one is skipped with a warning naming it, so
    one bad file does not silence the rest; only a folder with nothing readable is an error.
    One document is primary (unprefixed ids); a second copy of it, or a second document with the same
    id, is kept under its file name so every clause id stays unique."""
    if not corpus_dir.is_dir():
        raise UserError(f"语料目录不存在：{corpus_dir}")
    documents: list[Document] = []
    skipped: list[str] = []
    for path in sorted(corpus_dir.iterdir()):
        if path.suffix.lower() not in FORMATS or path.name.startswith("."):
            continue
        try:
            text = read_text(path)
            meta = read_metadata(path, text)
        except UserError as exc:
            log.warning("%s", exc.message)
            skipped.append(exc.message)
            continue
        doc_id = meta.get("id") or path.stem
        if meta.get("primary") and any(d.meta.get("primary") for d in documents):
            meta = {**meta, "primary": False}
        if any(d.id == doc_id for d in documents):
            doc_id = path.name
        documents.append(Document(doc_id, path, text, meta))
    if not documents:
        reasons = "".join(f"\n- {reason}" for reason in skipped)
        raise UserError(f"语料目录 {corpus_dir} 中没有可用的文件（支持 {'、'.join(FORMATS)}）。{reasons}")
    return documents


@lru_cache(maxsize=4)
def load_corpus(corpus_dir: Path) -> Corpus:
    return Corpus(load_documents(corpus_dir))
