"""Search finds the clause for the way applicants write: colloquial, traditional, numerals in words."""

import json

import pytest

from assistant.errors import UserError
from assistant.retrieval.search import Searcher, check_query
from tests.conftest import NOTICE, run_cli


@pytest.fixture(scope="module")
def searcher(corpus, settings):
    return Searcher(corpus, settings)


@pytest.mark.parametrize("query, expected", [
    ("照片要多大", {"附件3/二/1", "附件5/二/13"}),
    ("照片有什麼要求", {"附件3/二/1", "附件5/二/13"}),
    ("大專畢業幾年能評助工", {"附件2/第四条/（一）/（2）", "附件2/第四条/（一）"}),
    ("助理工程师聘了四年能报中级吗", {"附件2/第四条/（二）/（1）", "附件2/第四条/（二）"}),
    ("年薪三十万元以上可以越级吗", {"附件2/第七条/（八）"}),
    ("十月二十五号还能报吗", {"四"}),
    ("学时证明去哪里打印", {"二/（二）/1", "附件5/二/10", "附件3/二/5/（1）"}),
    ("论文查重超过多少会被否决", {"二/（二）/3"}),
])
def test_applicants_questions_find_their_clause_in_the_top_three(searcher, query, expected):
    assert expected & {h.clause.id for h in searcher.search(query, k=3)}


def test_governing_attachment_ranks_above_the_general_one(searcher):
    ids = [h.clause.id for h in searcher.search("从事工程技术工作八年算一项破格条件吗", k=5)]
    assert "附件2/第六条/（一）/（7）" in ids
    if "附件1/三/1/（7）" in ids:
        assert ids.index("附件2/第六条/（一）/（7）") < ids.index("附件1/三/1/（7）")


def test_dense_and_hybrid_modes_search_the_vector_store(searcher):
    for mode in ("dense", "hybrid"):
        hits = searcher.search("照片像素要求", k=5, mode=mode)
        assert len(hits) == 5
        assert {"附件3/二/1", "附件5/二/13"} & {h.clause.id for h in hits}


@pytest.mark.parametrize("query, message", [
    ("", "请输入"),
    ("   \n ", "请输入"),
    ("照" * 100_000, "问题过长"),
    ("\x00\x01\x02\x03\ufffd\ufffd\x7f\x1b", "无法识别"),
])
def test_bad_queries_get_chinese_messages(query, message):
    with pytest.raises(UserError, match=message):
        check_query(query)


def test_search_cli_prints_ranked_clauses_as_json(index_dir):
    result = run_cli("search", "照片多大", "-k", "3", "--json", env={"ASSISTANT_INDEX_DIR": str(index_dir)})
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 3 and rows[0]["id"] in {"附件3/二/1", "附件5/二/13"}
    assert set(rows[0]) == {"id", "label", "score", "text"}
    assert "215*300" in rows[0]["text"]


@pytest.mark.parametrize("args, stdin, message", [
    (["search", ""], None, "请输入"),
    (["search", "-"], "照" * 100_000, "问题过长"),
    (["search", "-"], "\x01\x02\x03\x04\x05\x06\x07\x08照", "无法识别"),
    (["clause", "附件99/第一条"], None, "找不到条款编号"),
    (["search"], None, "命令参数有误"),
    (["search", "照片", "-k", "0"], None, "-k 须为 1 到 50"),
    (["search", "照片", "-k", "-5"], None, "-k 须为 1 到 50"),
    (["ask", ""], None, "请输入"),
    (["ask", "-"], "问" * 100_000, "超过"),
    (["ask", "-"], "\x00\x01\x02\x03\x04\x05", "无法识别"),
])
def test_cli_bad_input_exits_2_with_chinese_message_and_no_traceback(index_dir, args, stdin, message):
    result = run_cli(*args, env={"ASSISTANT_INDEX_DIR": str(index_dir)}, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_corrupt_corpus_file_exits_2_and_leaves_the_index_alone(tmp_path, index_dir):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "broken.pdf").write_bytes(b"%PDF-1.7 not a pdf")
    before = sorted(p.name for p in index_dir.iterdir())
    env = {"ASSISTANT_CORPUS_DIR": str(corpus_dir), "ASSISTANT_INDEX_DIR": str(index_dir)}
    result = run_cli("search", "照片", env=env)
    assert result.returncode == 2 and "broken.pdf" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in index_dir.iterdir()) == before


def test_a_damaged_file_beside_the_notice_is_named_and_the_notice_still_answers(tmp_path, index_dir):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "notice.txt").write_text(NOTICE.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus_dir / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    env = {"ASSISTANT_CORPUS_DIR": str(corpus_dir), "ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    result = run_cli("search", "照片要多大", env=env)
    assert result.returncode == 0 and "附件3/二/1" in result.stdout
    assert "broken.docx" in result.stderr and "Traceback" not in result.stderr


def test_results_do_not_depend_on_what_else_the_process_indexed(tmp_path, corpus, settings):
    """A cold start (token cache loaded) ranks exactly like the build, whatever was indexed before."""
    from dataclasses import replace

    from tests.test_loaders import _corpus_with, _notice_docx

    queries = ["述职报告字数限制", "论文是必须的吗", "照片要多大", "一般破格需要满足几项条件"]
    built = Searcher(corpus, replace(settings, index_dir=tmp_path / "a"))
    before = [[h.clause.id for h in built.search(q, k=5)] for q in queries]
    Searcher(_corpus_with(tmp_path, _notice_docx(tmp_path / "n.docx")), replace(settings, index_dir=tmp_path / "b"))
    loaded = Searcher(corpus, replace(settings, index_dir=tmp_path / "a"))
    assert [[h.clause.id for h in loaded.search(q, k=5)] for q in queries] == before
    assert [[h.clause.id for h in built.search(q, k=5)] for q in queries] == before
