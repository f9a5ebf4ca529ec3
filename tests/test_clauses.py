"""The notice as clauses: ids by numbering path, verbatim text, nothing lost or doubled."""

import pytest

from assistant.errors import UserError


def test_clauses_rebuild_the_document_exactly(corpus, notice_text):
    clauses = sorted((c for c in corpus.clauses if c.doc == corpus.primary.id), key=lambda c: c.start)
    rebuilt = "".join(notice_text[c.start:c.end] for c in clauses)
    assert rebuilt == notice_text
    assert all(a.end == b.start for a, b in zip(clauses, clauses[1:], strict=False))


def test_every_clause_text_is_verbatim_and_ids_are_unique(corpus, notice_text):
    ids = [c.id for c in corpus.clauses]
    assert len(ids) == len(set(ids))
    for clause in corpus.clauses:
        assert clause.text and clause.text in notice_text


def test_breakthrough_item_has_numbering_path_label_and_text(corpus):
    clause = corpus.get("附件2/第六条/（一）/（3）")
    assert clause.label == "附件2《评价条件》第六条（一）第（3）项"
    assert clause.text == ("（3）作为技术骨干，参与县（市、区）级以上重点（大）科技项目、重点工程项目"
                           "或重点技术创新项目，并通过主管部门验收或评审。")
    assert clause.parent == "附件2/第六条/（一）"
    assert "附件2/第六条/（一）/（7）" in corpus.get(clause.parent).children
    assert clause.heading_path[0] == "通知"


def test_katakana_ni_is_read_as_er(corpus):
    clause = corpus.get("附件2/第四条/（二）")
    assert clause.text.startswith("（ニ）具备下列条件之一者，可申报工程师资格。")  # the text keeps the fault
    assert corpus.get("附件2/第四条/（二）/（1）").text.endswith("实际聘任初级工程师职务4年以上。")


@pytest.mark.parametrize("clause_id, start", [
    ("二/（二）/1", "1、继续教育要求。"),
    ("二/（二）/7/（3）", "（3）社保证明要求。"),
    ("四", "四、时间安排"),
    ("七", "七、联系方式"),
    ("附件1/三/1/（7）", "（7）从事工程技术工作15年以上。"),
    ("附件2/第七条/（八）", "（八）年薪达到30万元以上（含税）人员。"),
    ("附件2/第十八条/（二）/3", "3.从事系统集成（工程）的专业技术人员是指"),
    ("附件2/第十二条/（三）/1/（2）", "（2）获得机电工程技术方面1项以上授权发明专利"),
    ("附件3/二/1", "1、上传证件照。"),
    ("附件8/细则/第六条/（七）", "（七）发表本专业工程类论文（译文）"),
    ("附件8/39号文/1", "1、接受专业科目继续教育途径"),
])
def test_numbering_families_of_body_and_attachments(corpus, clause_id, start):
    assert corpus.get(clause_id).text.startswith(start)


def test_chapters_have_ids_but_stay_out_of_article_ids(corpus):
    chapter = corpus.get("附件2/第二章")
    assert chapter.text.startswith("第2章  基本条件")
    assert "附件2/第六条" in chapter.children
    assert corpus.get("附件2/第六条").parent == "附件2/第二章"


def test_embedded_documents_get_their_own_titles(corpus):
    assert corpus.get("附件8/细则/第五条").label == "附件8《继续教育学时登记细则》第五条"
    assert corpus.get("附件8/39号文/8").label == "附件8《台经信〔2019〕39号》第8项"


def test_weight_table_and_photo_rules_stay_whole(corpus):
    table = corpus.get("附件8/39号文/8").text
    assert table.startswith("8、项目排名加权系数")
    for cell in ("排名6", "0.80", "0.20", "0.75", "0.65", "0.60"):
        assert cell in table
    assert "内容包括本专业工程类立法工作" in table
    photo = corpus.get("附件3/二/1").text
    assert "文件大于30K且小于1M，大于215*300（宽*高）像素，照片宽高比大于等于0.65且小于等于0.8" in photo
    roster = corpus.get("附件7").text
    assert "继续教育情况（学时数）" in roster and "注：1．本表由委托单位填写" in roster


def test_signatures_close_documents_instead_of_trailing_onto_items(corpus):
    assert corpus.get("附件目录/10").text == "10、台州市专业技术人员年度考核登记表"
    assert corpus.get("落款").text.endswith("2022年9月1日印发")
    assert corpus.get("附件2/第二十二条").text == "第二十二条  本评价条件自公布之日起施行。"


def test_unknown_clause_id_is_a_chinese_error(corpus):
    with pytest.raises(UserError, match="找不到条款编号"):
        corpus.get("附件99/第一条")
