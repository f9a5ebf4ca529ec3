"""Read a source document's text, whatever its format, and its metadata.

A new notice dropped into `corpus/` as .txt, .md, .pdf or .docx becomes searchable after
re-indexing; `<name>.meta.yaml` beside it gives its title and numbering names. A document the
assistant knows (`known_documents.yaml`, by its 文号) needs no sidecar: its clause ids, which the
rule parameters cite, do not depend on what the file is called.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from assistant.documents.pdf import pdf_text
from assistant.errors import UserError

FORMATS = (".txt", ".md", ".pdf", ".docx")


def read_text(path: Path) -> str:
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md"):
            return path.read_bytes().decode("utf-8-sig")
        if suffix == ".pdf":
            return _read_pdf(path)
        if suffix == ".docx":
            return _read_docx(path)
    except UnicodeDecodeError as exc:
        raise UserError(f"语料文件 {path.name} 不是 UTF-8 编码的文本，无法读取。") from exc
    except UserError:
        raise
    except Exception as exc:  # pypdf and python-docx raise many types for a damaged file
        raise UserError(f"语料文件 {path.name} 已损坏或无法读取（{type(exc).__name__}）。") from exc
    raise UserError(f"不支持的语料文件格式：{path.name}（支持 {'、'.join(FORMATS)}）。")


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader

    text = pdf_text(PdfReader(str(path), strict=False))
    if not text.strip():
        raise UserError(f"语料文件 {path.name} 中没有可提取的文字（可能是扫描件）。")
    return text


def _read_docx(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend("\t" + cell.text for cell in row.cells)
    return "\n".join(lines)


KNOWN = Path(__file__).with_name("known_documents.yaml")
HEAD_CHARS = 300  # a 文号 is printed in a notice's first lines


@lru_cache(maxsize=1)
def known_documents() -> list[dict]:
    return yaml.safe_load(KNOWN.read_text(encoding="utf-8"))


def read_metadata(path: Path, text: str) -> dict:
    """The sidecar's metadata, else that of the known document whose 文号 the text opens with, else
    the document's own first line as its title."""
    sidecar = path.with_name(path.stem + ".meta.yaml")
    if not sidecar.exists():
        head = "".join(text[:HEAD_CHARS].split())
        known = next((d for d in known_documents() if d["doc_number"] in head), None)
        if known:
            return dict(known)
        title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
        return {"title": title[:30]}
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UserError(f"元数据文件 {sidecar.name} 格式错误，无法解析。") from exc
    if not isinstance(data, dict):
        raise UserError(f"元数据文件 {sidecar.name} 应为键值映射。")
    return data
