"""The hotline console: a facts form filled while the caller talks, the verdict with its trace and
clauses, a script to read out, an as-you-type clause search, and the key dates and contact.

A blank field is an unknown fact, never a default: the verdict then asks for it.
"""

from __future__ import annotations

from html import escape

import gradio as gr

from assistant.conversation.wording import decisive_steps
from assistant.errors import UserError
from assistant.rules.dates import cn_date
from assistant.rules.engine import QUESTIONS, check
from assistant.rules.facts import parse_facts
from assistant.rules.params import hotline, parameters_for
from assistant.web.render import cards, outcome_badge, trace_html

LEVELS = ["", "无", "县", "市", "省", "国家"]
TRI = {"未知": None, "是": True, "否": False}


def _clean(value):
    if value in ("", None) or value == "未知":
        return None
    return value


def form_facts(target, education, major, work_start, title_level, series, appointed, honor, patents, project,
               center, salary, drafter, talent, ce_rows, city, unit, insured, photo_format, photo_kb, width, height) -> dict:
    """The form's fields as engine facts; blank fields are left out, so they stay unknown."""
    facts = {"target": _clean(target), "education_level": _clean(education), "major": _clean(major),
             "work_start_date": _clean(work_start), "title_level": _clean(title_level), "title_series": _clean(series),
             "title_appointed_date": _clean(appointed), "months_insured_in_city": _clean(city),
             "months_insured_in_unit": _clean(unit), "insured_now": TRI.get(insured)}
    achievements = {"honor_level": _clean(honor), "invention_patents": _clean(patents), "key_project_level": _clean(project),
                    "tech_center_member_level": _clean(center), "annual_salary_yuan": None if salary in (None, "") else
                    float(salary) * 10000, "standard_drafter": TRI.get(drafter), "high_level_talent": TRI.get(talent)}
    facts["achievements"] = {k: v for k, v in achievements.items() if v is not None}
    ce = {}
    for year, professional, public in ce_rows:
        row = {k: v for k, v in (("professional", _clean(professional)), ("public", _clean(public))) if v is not None}
        if row:
            ce[year] = row
    if ce:
        facts["ce"] = ce
    photo = {"format": _clean(photo_format), "bytes": None if photo_kb in (None, "") else int(float(photo_kb) * 1024),
             "width": _clean(width), "height": _clean(height)}
    if any(v is not None for v in photo.values()):
        facts["photo"] = {k: v for k, v in photo.items() if v is not None}
    return {k: v for k, v in facts.items() if v not in (None, {}, [])}


def read_out(verdict) -> str:
    """A short script for the operator to read to the caller."""
    lead = {"eligible": "根据通知规定，您符合", "not_eligible": "根据通知规定，您目前不符合",
            "need_more_info": "还需要您再提供一些信息，才能判断是否符合"}[verdict.outcome]
    route = f"，途径是{verdict.route}" if verdict.route else ""
    lines = [f"{lead}“{verdict.question}”的条件{route}。"]
    lines += [s.sentence for s in decisive_steps(verdict) if s.depth == 1][:4]
    if verdict.missing:
        lines.append("请问：" + "；".join(m.question for m in verdict.missing[:2]))
    if verdict.citations:
        lines.append(f"依据是{verdict.citations[0].label}。详细可咨询{hotline()}。")
    return "\n".join(lines)


def key_info_html() -> str:
    p = parameters_for(2022)
    rows = [("网上申报", f"{cn_date(p.value('deadlines.online_start'))}至{cn_date(p.value('deadlines.online_end'))}"),
            ("单位审核报送截止", cn_date(p.value("deadlines.unit_review_end"))),
            ("原件核查", f"{cn_date(p.value('deadlines.originals_start'))}至{cn_date(p.value('deadlines.originals_end'))}"),
            ("任职时间计算至", cn_date(p.value("cutoff_date"))), ("联系电话", p.value("hotline")),
            ("地址", "温岭市大溪镇金利路8号泵业服务综合体9楼")]
    return '<table class="keyinfo">' + "".join(f"<tr><td><b>{a}</b></td><td>{escape(str(b))}</td></tr>" for a, b in rows) + "</table>"


def build_console(offline) -> None:
    corpus, searcher = offline.corpus, offline.searcher
    labels = {label: qid for qid, (label, _) in QUESTIONS.items()}
    gr.HTML(key_info_html(), elem_id="key-info")
    with gr.Row():
        question = gr.Dropdown(["按申报资格自动选择", *labels], value="按申报资格自动选择", label="要判断的问题", elem_id="c-question")
        target = gr.Radio(["助理工程师", "工程师"], label="申报资格", elem_id="c-target")
    with gr.Row():
        education = gr.Dropdown(["", "中专", "大专", "本科", "第二学士", "硕士", "博士"], label="学历", elem_id="c-education")
        major = gr.Textbox(label="所学专业", elem_id="c-major")
        work_start = gr.Textbox(label="参加专业技术工作（YYYY-MM-DD）", elem_id="c-work-start")
    with gr.Row():
        title_level = gr.Dropdown(["", "无", "技术员", "助理工程师", "工程师"], label="现职务", elem_id="c-title")
        series = gr.Textbox(label="职称系列（如 机电、经济）", elem_id="c-series")
        appointed = gr.Textbox(label="现职务聘任时间（YYYY-MM-DD）", elem_id="c-appointed")
    with gr.Accordion("破格、越级条件", open=False):
        with gr.Row():
            honor = gr.Dropdown(LEVELS, label="科技先进/劳模称号级别")
            patents = gr.Number(label="授权发明专利（项）", value=None, precision=0)
            project = gr.Dropdown(LEVELS, label="重点项目技术骨干级别")
            center = gr.Dropdown(LEVELS, label="技术中心/创新团队成员级别")
        with gr.Row():
            salary = gr.Number(label="年薪（万元，含税）", value=None)
            drafter = gr.Radio(list(TRI), value="未知", label="标准起草者")
            talent = gr.Radio(list(TRI), value="未知", label="高级以上人才")
    with gr.Accordion("继续教育学时、社保、照片", open=False):
        ce_inputs = []
        with gr.Row():
            for year in (2019, 2020, 2021, 2022):
                ce_inputs += [gr.Number(label=f"{year} 专业", value=None), gr.Number(label=f"{year} 公需", value=None)]
        with gr.Row():
            city = gr.Number(label="本市连续社保（月）", value=None, precision=0)
            unit = gr.Number(label="本单位连续社保（月）", value=None, precision=0)
            insured = gr.Radio(list(TRI), value="未知", label="当前正常参保")
        with gr.Row():
            photo_format = gr.Textbox(label="照片格式")
            photo_kb = gr.Number(label="照片大小（K）", value=None)
            width = gr.Number(label="宽（像素）", value=None, precision=0)
            height = gr.Number(label="高（像素）", value=None, precision=0)
    run = gr.Button("判断", variant="primary", elem_id="c-run")
    verdict_badge = gr.HTML(elem_id="c-badge")
    script = gr.Textbox(label="可读给来电人的答复", lines=5, elem_id="c-script")
    trace = gr.HTML(elem_id="c-trace")
    with gr.Accordion("条款搜索", open=True):
        query = gr.Textbox(label="输入关键词（边输边搜）", elem_id="c-search")
        results = gr.HTML(elem_id="c-results")

    def decide(chosen, target, education, major, work_start, title_level, series, appointed, honor, patents, project,
               center, salary, drafter, talent, *rest):
        hours, (city, unit, insured, photo_format, photo_kb, width, height) = rest[:8], rest[8:]
        ce_rows = [(year, hours[2 * i], hours[2 * i + 1]) for i, year in enumerate((2019, 2020, 2021, 2022))]
        facts = form_facts(target, education, major, work_start, title_level, series, appointed, honor, patents, project,
                           center, salary, drafter, talent, ce_rows, city, unit, insured, photo_format, photo_kb, width, height)
        qid = labels.get(chosen) or {"助理工程师": "assistant_engineer", "工程师": "engineer"}.get(target or "")
        if qid is None:
            return "", "请先选择申报资格，或选择要判断的问题。", ""
        try:
            verdict = check(qid, parse_facts(facts), corpus)
        except UserError as exc:
            return "", exc.message, ""
        return outcome_badge(verdict.outcome, verdict.route), read_out(verdict), trace_html(verdict) + cards(verdict.citations[:8])

    inputs = [question, target, education, major, work_start, title_level, series, appointed, honor, patents, project,
              center, salary, drafter, talent, *ce_inputs, city, unit, insured, photo_format, photo_kb, width, height]
    run.click(decide, inputs, [verdict_badge, script, trace])

    def search(text: str) -> str:
        if not text or not text.strip():
            return ""
        try:
            hits = searcher.search(text, k=5)
        except UserError as exc:
            return escape(exc.message)
        return cards(h.clause for h in hits) or "没有找到相关条款。"

    query.change(search, query, results)
