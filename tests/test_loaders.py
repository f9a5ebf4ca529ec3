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
from tests.fixtures.make_pdf import print_notice

FIXTURES = Path(__file__).parent / "fixtures"


def _squash(text: str) -> str:
    return "".join(text.split())


def _corpus_with(tmp_path: Path, document: Path) -> Corpus:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(document, folder / f"notice{document.suffix}")
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


# Layouts where plain extraction turned wrapped lines into clauses ("5．“单位性质”…" in 附件7's notes
# became 附件7/5 at 12 pt and 16 pt), and the layouts a notice is usually printed in.
@pytest.mark.parametrize("layout, size", [("pre", "12pt"), ("pre", "16pt"), ("pre", "20pt"), ("a5", "9pt"),
                                          ("word", "12pt")])
def test_wrapped_pdf_lines_do_not_become_clauses(tmp_path, corpus, layout, size):
    printed = print_notice(tmp_path / f"notice-{layout}-{size}.pdf", layout, size)
    other = _corpus_with(tmp_path, printed)
    assert [c.id for c in other.clauses] == [c.id for c in corpus.clauses]
    assert all(_squash(c.text) == _squash(corpus.get(c.id).text) for c in other.clauses)
    # paragraphs come back whole, so a quote of a clause has no line break in the middle
    assert "0.65且小于等于0.8" in other.get("附件3/二/1").text


def test_a_pdf_whose_layout_cannot_be_read_falls_back_to_plain_lines(tmp_path, corpus, monkeypatch, caplog):
    from assistant.documents import pdf

    def unreadable(*_):
        raise AttributeError("no layout reader")

    monkeypatch.setattr(pdf, "_printed_lines", unreadable)
    other = _corpus_with(tmp_path, FIXTURES / "notice.pdf")
    assert [c.id for c in other.clauses] == [c.id for c in corpus.clauses]
    assert "PDF 版面信息无法读取" in caplog.text


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


def test_the_notice_needs_no_sidecar_whatever_its_file_is_called(tmp_path, corpus):
    """The rule parameters cite the notice's ids: they must resolve for a renamed file with no metadata."""
    from assistant.rules.params import parameters_for

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "温岭机电通知（最终版）.txt").write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    renamed = Corpus(load_documents(folder))
    assert [c.id for c in renamed.clauses] == [c.id for c in corpus.clauses]
    cited = {clause for param in parameters_for(2022).all() for clause in param.all_clauses}
    assert cited and all(renamed.has(clause) for clause in cited)


SECOND = """关于机电工程师评审材料补充说明
一、补充说明
1、照片须为近三个月内拍摄。
1、复印件须加盖单位公章。
二、其他
1、本说明由协同创新中心负责解释。
"""


def test_a_second_document_keeps_its_prefix_and_its_own_title(tmp_path, corpus):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "notice.txt").write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "supplement.txt").write_text(SECOND, encoding="utf-8")
    both = Corpus(load_documents(folder))
    extra = [c for c in both.clauses if c.doc != both.primary.id]
    ids = [c.id for c in both.clauses]
    assert len(ids) == len(set(ids)) == len(corpus.clauses) + len(extra)
    assert all(c.id.startswith("supplement:") for c in extra)
    assert "supplement:一/1#2" in ids  # the repeated "1、" keeps the prefix
    assert all(c.label.startswith("《关于机电工程师评审材料补充说明》") for c in extra)


def test_a_damaged_file_is_skipped_with_a_warning_and_the_rest_answers(tmp_path, caplog, corpus):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "notice.txt").write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage that is no pdf")
    documents = load_documents(folder)
    assert [d.path.name for d in documents] == ["notice.txt"]
    assert "broken.pdf" in caplog.text
    assert len(Corpus(documents).clauses) == len(corpus.clauses)


def test_a_second_copy_of_the_notice_does_not_collide(tmp_path, corpus):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    both = Corpus(load_documents(folder))
    ids = [c.id for c in both.clauses]
    assert len(ids) == len(set(ids)) == 2 * len(corpus.clauses)
    assert both.has("附件2/第六条/（一）/（3）") and both.has("b.txt:附件2/第六条/（一）/（3）")
