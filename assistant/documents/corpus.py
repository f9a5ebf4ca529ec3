"""The corpus: every source document, parsed into clauses, with look-up by clause id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.documents.clauses import Clause, DocumentInfo, parse_clauses
from assistant.documents.loaders import FORMATS, read_metadata, read_text
from assistant.errors import UserError


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
    if not corpus_dir.is_dir():
        raise UserError(f"语料目录不存在：{corpus_dir}")
    documents = []
    for path in sorted(corpus_dir.iterdir()):
        if path.suffix.lower() not in FORMATS or path.name.startswith("."):
            continue
        meta = read_metadata(path)
        documents.append(Document(meta.get("id") or path.stem, path, read_text(path), meta))
    if not documents:
        raise UserError(f"语料目录 {corpus_dir} 中没有可用的文件（支持 {'、'.join(FORMATS)}）。")
    return documents


@lru_cache(maxsize=4)
def load_corpus(corpus_dir: Path) -> Corpus:
    return Corpus(load_documents(corpus_dir))
