"""The hotline console: a facts form filled while the caller talks, the verdict with its trace and
clauses, a script to read out, an as-you-type clause search, and the key dates and contact.

A blank field is an unknown fact, never a default: the verdict then asks for it.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from html import escape

import gradio as gr

from assistant.conversation.wording import decisive_steps, lead
from assistant.errors import UserError
from assistant.rules.dates import cn_date
from assistant.rules.engine import QUESTIONS, check
from assistant.rules.facts import parse_facts
from assistant.rules.params import hotline, parameters_for
from assistant.web.render import cards, outcome_badge, trace_html

LEVELS = ["", "无", "县", "市", "省", "国家"]
# The script to the clipboard, for a message to the caller (the textbox's own icon does the same, unlabelled).
COPY_SCRIPT = "() => navigator.clipboard && navigator.clipboard.writeText(document.querySelector('#c-script textarea').value)"
TRI = {"未知": None, "是": True, "否": False}
DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*(?:[月.\-/]\s*(?:(\d{1,2})\s*[日号]?)?)?")


class FieldError(ValueError):
    """A field the operator typed that cannot be read; the message names the field, in Chinese, and is
    shown under that field."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}：{problem}")
        self.field, self.problem = field, problem


def _clean(value):
    if value in ("", None) or value == "未知":
        return None
    return value.strip() if isinstance(value, str) else value


def number(text, label: str, whole: bool = False):
    """A number typed in a text field; blank is unknown (None), never 0."""
    text = _clean(text)
    if text is None:
        return None
    try:
        value = float(str(text).replace("，", "").replace(",", ""))
    except ValueError:
        raise FieldError(label, f"请填数字（不知道就留空），现为“{str(text)[:20]}”。") from None
    if value < 0 or (whole and value != int(value)):
        raise FieldError(label, f"请填{'整数' if whole else '不小于0的数'}，现为“{str(text)[:20]}”。")
    return int(value) if whole else value


def day(text, label: str) -> str | None:
    """"2018年9月", "2018.9", "2018-09", "2018-09-01" → ISO; a month alone counts from its last day (the
    language layer does the same: never more service than said)."""
    text = _clean(text)
    if text is None:
        return None
    m = DATE.fullmatch(str(text))
    try:
        year, month = int(m.group(1)), int(m.group(2))
        last = calendar.monthrange(year, month)[1]
        return date(year, month, int(m.group(3)) if m.group(3) else last).isoformat()
    except (AttributeError, ValueError):
        raise FieldError(label, f"请写成“2018年9月”“2018.9”或“2018-09-01”，现为“{str(text)[:20]}”。") from None


def form_facts(target, education, major, work_start, title_level, series, appointed, honor, patents, project,
               center, salary, drafter, talent, ce_rows, city, unit, insured, photo_format, photo_kb, width, height) -> dict:
    """The form's fields as engine facts; blank fields are left out, so they stay unknown."""
    facts = {"target": _clean(target), "education_level": _clean(education), "major": _clean(major),
             "work_start_date": day(work_start, "参加专业技术工作"), "title_level": _clean(title_level),
             "title_series": _clean(series), "title_appointed_date": day(appointed, "现职务聘任时间"),
             "months_insured_in_city": number(city, "本市连续社保（月）", whole=True),
             "months_insured_in_unit": number(unit, "本单位连续社保（月）", whole=True), "insured_now": TRI.get(insured)}
    wan = number(salary, "年薪（万元）")
    achievements = {"honor_level": _clean(honor), "invention_patents": number(patents, "授权发明专利（项）", whole=True),
                    "key_project_level": _clean(project), "tech_center_member_level": _clean(center),
                    "annual_salary_yuan": None if wan is None else wan * 10000, "standard_drafter": TRI.get(drafter),
                    "high_level_talent": TRI.get(talent)}
    facts["achievements"] = {k: v for k, v in achievements.items() if v is not None}
    ce = {}
    for year, professional, public in ce_rows:
        row = {k: v for k, v in (("professional", number(professional, f"{year}年专业科目学时")),
                                 ("public", number(public, f"{year}年公需科目学时"))) if v is not None}
        if row:
            ce[year] = row
    if ce:
        facts["ce"] = ce
    kb = number(photo_kb, "照片大小（K）")
    photo = {"format": _clean(photo_format), "bytes": None if kb is None else int(kb * 1024),
             "width": number(width, "照片宽（像素）", whole=True), "height": number(height, "照片高（像素）", whole=True)}
    if any(v is not None for v in photo.values()):
        facts["photo"] = {k: v for k, v in photo.items() if v is not None}
    return {k: v for k, v in facts.items() if v not in (None, {}, [])}


def read_out(verdict) -> str:
    """A short script for the operator to read to the caller: the answer first (as the chat says it), what
    else held, what is not yet checked, what to ask, and the clause it rests on."""
    first = lead(verdict)
    lines = [first, *[s.sentence for s in decisive_steps(verdict) if s.depth == 1 and s.sentence not in first][:3]]
    if verdict.outcome == "eligible" and any(r.result == "unknown" for r in verdict.reminders):
        lines.append("另外，申报前还须满足社保、年度考核、继续教育学时等条件，这些本次还没有核实。")
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


def _marked(problem: str | None):
    """A typed field shown plain, or with the problem under it."""
    return gr.update(info=problem or "", elem_classes=["has-error"] if problem else [])


def _text(label: str, elem_id: str | None = None) -> gr.Textbox:
    return gr.Textbox(label=label, placeholder="不知道就留空", elem_id=elem_id)


def build_console(offline) -> None:
    """Two columns: the form on the left; on the right the badge and the script to read out first, the
    deciding steps, the full trace folded, and the clause search, always in view."""
    corpus, searcher = offline.corpus, offline.searcher
    labels = {label: qid for qid, (label, _) in QUESTIONS.items()}
    gr.HTML(key_info_html(), elem_id="key-info")
    with gr.Row():
        with gr.Column(scale=3):
            with gr.Row():
                question = gr.Dropdown(["按申报资格自动选择", *labels], value="按申报资格自动选择", label="要判断的问题",
                                       elem_id="c-question")
                target = gr.Radio(["助理工程师", "工程师"], label="申报资格", elem_id="c-target")
            with gr.Row():
                education = gr.Dropdown(["", "高中及以下", "中专", "大专", "本科", "第二学士", "硕士", "博士"], label="学历",
                                        elem_id="c-education")
                major = gr.Textbox(label="所学专业", elem_id="c-major")
                work_start = gr.Textbox(label="参加专业技术工作（如 2018年9月）", elem_id="c-work-start")
            with gr.Row():
                title_level = gr.Dropdown(["", "无", "技术员", "助理工程师", "工程师"], label="现职务", elem_id="c-title")
                series = gr.Textbox(label="职称系列（如 机电、经济）", elem_id="c-series")
                appointed = gr.Textbox(label="现职务聘任时间（如 2018年9月）", elem_id="c-appointed")
            with gr.Accordion("破格、越级条件", open=False):
                with gr.Row():
                    honor = gr.Dropdown(LEVELS, label="科技先进/劳模称号级别")
                    patents = _text("授权发明专利（项）", "c-patents")
                    project = gr.Dropdown(LEVELS, label="重点项目技术骨干级别")
                    center = gr.Dropdown(LEVELS, label="技术中心/创新团队成员级别")
                with gr.Row():
                    salary = _text("年薪（万元，含税）", "c-salary")
                    drafter = gr.Radio(list(TRI), value="未知", label="标准起草者")
                    talent = gr.Radio(list(TRI), value="未知", label="高级以上人才")
            with gr.Accordion("继续教育学时、社保、照片", open=False):
                ce_inputs = []
                with gr.Row():
                    for year in (2019, 2020, 2021, 2022):
                        ce_inputs += [_text(f"{year} 专业", f"c-ce-{year}-p"), _text(f"{year} 公需", f"c-ce-{year}-g")]
                with gr.Row():
                    city, unit = _text("本市连续社保（月）", "c-city"), _text("本单位连续社保（月）", "c-unit")
                    insured = gr.Radio(list(TRI), value="未知", label="当前正常参保")
                with gr.Row():
                    photo_format, photo_kb = _text("照片格式", "c-photo-format"), _text("照片大小（K）", "c-photo-kb")
                    width, height = _text("宽（像素）", "c-width"), _text("高（像素）", "c-height")
            run = gr.Button("判断", variant="primary", elem_id="c-run")
            error = gr.HTML(elem_id="c-error")
        with gr.Column(scale=2, elem_id="c-result"):
            verdict_badge = gr.HTML(elem_id="c-badge")
            script = gr.Textbox(label="可读给来电人的答复", lines=6, elem_id="c-script", buttons=["copy"])
            copy = gr.Button("复制给来电人", size="sm", elem_id="c-copy")
            steps = gr.HTML(elem_id="c-steps")
            with gr.Accordion("完整推理过程与条款", open=False):
                trace = gr.HTML(elem_id="c-trace")
            query = gr.Textbox(label="条款搜索（边输边搜）", elem_id="c-search")
            results = gr.HTML(elem_id="c-results")

    # The typed fields our code reads, by the name their errors carry: an error is shown under its field.
    checked = {"参加专业技术工作": work_start, "现职务聘任时间": appointed, "授权发明专利（项）": patents,
               "年薪（万元）": salary, "本市连续社保（月）": city, "本单位连续社保（月）": unit, "照片大小（K）": photo_kb,
               "照片宽（像素）": width, "照片高（像素）": height}
    for i, year in enumerate((2019, 2020, 2021, 2022)):
        checked[f"{year}年专业科目学时"], checked[f"{year}年公需科目学时"] = ce_inputs[2 * i], ce_inputs[2 * i + 1]

    def decide(chosen, target, education, major, work_start, title_level, series, appointed, honor, patents, project,
               center, salary, drafter, talent, *rest):
        hours, (city, unit, insured, photo_format, photo_kb, width, height) = rest[:8], rest[8:]
        ce_rows = [(year, hours[2 * i], hours[2 * i + 1]) for i, year in enumerate((2019, 2020, 2021, 2022))]
        qid = labels.get(chosen) or {"助理工程师": "assistant_engineer", "工程师": "engineer"}.get(target or "")
        try:
            if qid is None:
                raise FieldError("要判断的问题", "请先选择申报资格，或选择要判断的问题。")
            facts = form_facts(target, education, major, work_start, title_level, series, appointed, honor, patents,
                               project, center, salary, drafter, talent, ce_rows, city, unit, insured, photo_format,
                               photo_kb, width, height)
            verdict = check(qid, parse_facts(facts), corpus)
        except (FieldError, UserError) as exc:
            failed = getattr(exc, "field", None)
            return (f'<div class="field-error">{escape(str(getattr(exc, "message", exc)))}</div>', "", "", "", "",
                    *(_marked(exc.problem if name == failed else None) for name in checked))
        deciding = [s for s in decisive_steps(verdict) if 1 <= s.depth <= 2]
        steps_html = '<div class="trace"><b>起决定作用的条件</b>' + "".join(
            f'<div>{"✓" if s.result == "met" else "✗" if s.result == "not_met" else "?"} {escape(s.sentence)}</div>'
            for s in deciding) + "</div>"
        return ("", outcome_badge(verdict.outcome, verdict.route), read_out(verdict), steps_html,
                trace_html(verdict) + cards(verdict.citations[:8]), *(_marked(None) for _ in checked))

    inputs = [question, target, education, major, work_start, title_level, series, appointed, honor, patents, project,
              center, salary, drafter, talent, *ce_inputs, city, unit, insured, photo_format, photo_kb, width, height]
    run.click(decide, inputs, [error, verdict_badge, script, steps, trace, *checked.values()])
    copy.click(None, js=COPY_SCRIPT)

    def search(text: str) -> str:
        if not text or not text.strip():
            return ""
        try:
            hits = searcher.search(text, k=5)
        except UserError as exc:
            return escape(exc.message)
        return cards(h.clause for h in hits) or "没有找到相关条款。"

    query.change(search, query, results)
