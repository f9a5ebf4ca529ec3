"""Documents in .txt, .pdf and .docx parse into the same clauses; damaged files give Chinese errors."""

import shutil
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from assistant.documents.corpus import Corpus, load_documents
from assistant.documents.loaders import read_text
from assistant.errors import UserError
from assistant.retrieval.search import Searcher
from tests.conftest import NOTICE

FIXTURES = Path(__file__).parent / "fixtures"
META = NOTICE.with_name(NOTICE.stem + ".meta.yaml")


def _squash(text: str) -> str:
    return "".join(text.split())


def _corpus_with(tmp_path: Path, document: Path) -> Corpus:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(document, folder / f"notice{document.suffix}")
    shutil.copy(META, folder / "notice.meta.yaml")
    return Corpus(load_documents(folder))


def _notice_docx(path: Path) -> Path:
    document = docx.Document()
    for line in NOTICE.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(path)
    return path


@pytest.mark.parametrize("make", [lambda tmp: FIXTURES / "notice.pdf", lambda tmp: _notice_docx(tmp / "n.docx")],
                         ids=["pdf", "docx"])
def test_pdf_and_docx_give_the_clauses_of_the_text(tmp_path, corpus, make):
    other = _corpus_with(tmp_path, make(tmp_path))
    assert [c.id for c in other.clauses] == [c.id for c in corpus.clauses]
    for clause_id in ("附件2/第六条/（一）/（3）", "附件3/二/1", "附件8/39号文/8", "四"):
        assert _squash(other.get(clause_id).text) == _squash(corpus.get(clause_id).text)


def test_a_docx_dropped_into_the_corpus_is_searchable(tmp_path, settings):
    other = _corpus_with(tmp_path, _notice_docx(tmp_path / "n.docx"))
    searcher = Searcher(other, replace(settings, index_dir=tmp_path / "index"))
    assert searcher.search("照片要多大", k=2)[0].clause.id in {"附件3/二/1", "附件5/二/13"}


@pytest.mark.parametrize("name, content", [
    ("broken.pdf", b"%PDF-1.4\n garbage that is no pdf"),
    ("broken.docx", b"PK\x03\x04 not really a zip"),
    ("latin1.txt", "职称".encode("gb18030")),
])
def test_damaged_files_give_a_chinese_error(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UserError) as caught:
        read_text(path)
    assert name in caught.value.message


def test_empty_corpus_folder_is_a_chinese_error(tmp_path):
    with pytest.raises(UserError, match="没有可用的文件"):
        load_documents(tmp_path)
