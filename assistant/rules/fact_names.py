"""The Chinese name of every fact and sub-fact, and Chinese messages for malformed facts.

A caller of `check` sees which fact is wrong in its own words (“继续教育学时 › 2019年 › 专业科目学时”),
never a raw path or pydantic's English.
"""

from __future__ import annotations

FACT_NAMES = {
    "target": "申报资格", "education_level": "学历", "major": "所学专业", "major_related": "所学专业是否属本专业或相近专业",
    "other_degrees": "其他学历（学历和专业）",
    "graduation_date": "毕业时间",
    "degree_origin": "学历取得地", "work_start_date": "参加专业技术工作时间", "title_level": "现专业技术职务",
    "title_series": "现职称系列", "title_appointed_date": "现职务聘任时间", "title_appointed": "现职务是否已被单位聘任",
    "transferred_date": "转评时间",
    "machinery_work_start_date": "转岗从事机电工作时间", "technician_appointed_date": "技术员聘任时间",
    "work_category": "工作类别", "performance": "任现职以来的工作经历与业绩", "achievements": "业绩成果",
    "practical_assessment_passed": "实操考评是否合格", "transferred_in": "是否外省或部属单位调入、军队转业",
    "posted_outside_city": "是否被派驻市外工作", "outside_personnel": "是否在温省部属单位或市外人员",
    "title_confirmed": "原资格是否已调入审定确认", "finisher_rank": "在完成人中的排名",
    "publicity_start": "公示开始日期", "publicity_end": "公示结束日期", "publicity_days": "公示天数",
    "ce_activity_date": "培训学习的时间", "ce_registration_date": "登记学时的时间",
    "months_insured_in_city": "本市连续缴纳社保月数", "months_insured_in_unit": "本单位连续缴纳社保月数",
    "insured_now": "当前是否正常参保缴费", "failed_2021": "2021年是否参评未通过",
    "new_achievements_since_2021": "2022年是否有新业绩", "penalties": "任现职期间的处罚或技术责任事故",
    "falsification_years": "弄虚作假被查处的年份", "under_investigation": "是否仍在立案调查或处分期",
    "retired": "是否已退休（含返聘）", "professional_work": "所做工作是否为专业技术工作",
    "sanctions": "近3年受到的党纪政纪处分、行政处罚、刑事处罚",
    "undisclosed_discipline": "取得现资格后受处分而未在申报材料中反映",
    "exam_violation_in_penalty_period": "是否因人事考试违纪违规仍在处分期",
    "papers": "论文及其检测报告", "photo": "证件照", "action": "要办理的环节", "action_date": "办理日期",
    "assessments": "年度考核结果",
    "assessment_some_year": "某一年（未说哪年）的年度考核结果",
    "ce": "继续教育学时", "ce_totals": "2019-2022年继续教育累计学时", "dates_to_month": "只精确到月份的日期",
}
PART_NAMES = {
    "level": "级别", "grade": "等级（1一等奖、2二等奖、3三等奖）", "issuer": "颁发单位", "kind": "奖项类别",
    "route": "学习途径", "quantity": "数量（天数、项数、篇数等）", "hours": "课件标定学时", "rank": "排名",
    "people": "总人数", "professional": "专业科目学时", "public": "公需科目学时（行业公需+一般公需）",
    "general_public": "一般公需科目学时", "industry_public": "行业公需科目学时", "total": "合计学时", "activities": "专业科目学习活动",
    "date": "日期", "amount_yuan": "经济处罚金额（元）", "technical_accident": "是否技术责任事故直接责任者",
    "similarity_percent": "相似度（%）", "third_party_report": "是否有第三方检索报告",
    "illegal_journal": "是否冒名或发表在非法期刊", "format": "格式", "bytes": "文件大小（字节）",
    "width": "宽（像素）", "height": "高（像素）", "science_worker_honor_level": "政府颁发的科技先进工作者称号级别",
    "obtained_after_title": "业绩成果是否在任现职后取得", "obtained_dates": "业绩成果取得时间",
}
ACHIEVEMENT_NAMES = {
    "honor_level": "政府颁发的科技先进工作者、劳动模范等称号", "city_professional_honor": "市（厅）级专业先进工作者称号",
    "science_worker_honor_level": "政府颁发的科技先进工作者称号",
    "science_award": "政府科技成果奖", "product_award": "优秀工业新产品（新技术）、工程设计、咨询、建设奖",
    "first_set": "首台（套）产品主要参加者", "invention_patents": "本专业授权发明专利",
    "key_project_level": "作为技术骨干参与重点项目并通过验收", "main_finisher_solved_problem": "作为主要完成者解决重要技术难题",
    "tech_center_member_level": "企业技术中心或重点技术创新团队成员", "tech_center_core_level": "企业技术中心或创新团队骨干",
    "provincial_papers": "省部级刊物或会议论文", "city_paper_awards": "市（厅）级以上优秀论文奖",
    "book_published": "省级以上出版社出版著作或译作", "standard_drafter": "国家、行业、地方标准起草者",
    "significant_benefit": "专利或技改带来显著效益", "high_level_talent": "高级以上人才", "annual_salary_yuan": "年薪（含税）",
    "salary_meets_skip_level": "年薪（含税）是否达到30万元",
    "work_years": "从事工程技术工作年限", "long_service": "从事工程技术工作是否满8年",
    "obtained_after_title": "这些业绩成果是否都在聘任现职务之后取得",
}
MESSAGES = {
    "greater_than_equal": "不能小于 {ge}", "greater_than": "必须大于 {gt}", "less_than_equal": "不能大于 {le}",
    "less_than": "必须小于 {lt}", "literal_error": "只能是 {expected}", "extra_forbidden": "不是可识别的事实名称",
    "date_from_datetime_parsing": "不是有效日期（如 2018-07-01）", "date_parsing": "不是有效日期（如 2018-07-01）",
    "date_from_datetime_inexact": "应为日期（如 2018-07-01），不能带时间", "date_type": "应为日期（如 2018-07-01）",
    "int_parsing": "应为整数", "int_from_float": "应为整数", "int_type": "应为整数", "float_parsing": "应为数字",
    "float_type": "应为数字", "bool_parsing": "应为 是/否（true/false）", "bool_type": "应为 是/否（true/false）",
    "missing": "缺少必填项", "string_type": "应为文字", "dict_type": "应为键值对（JSON 对象）",
    "model_type": "应为键值对（JSON 对象）", "model_attributes_type": "应为键值对（JSON 对象）",
    "list_type": "应为列表", "string_too_short": "不能为空", "union_tag_invalid": "格式不对",
    "int_parsing_size": "数字太大",
}


def where(loc: tuple) -> str:
    """A validation error's location in Chinese: fact name, then year, item or sub-fact."""
    parts = [FACT_NAMES.get(str(loc[0]), str(loc[0]))]
    for step in loc[1:]:
        if isinstance(step, int) or str(step).isdigit():
            number = int(step)
            parts.append(f"{number}年" if 1900 <= number <= 2100 else f"第{number + 1}项")
        elif step in PART_NAMES or step in ACHIEVEMENT_NAMES:
            parts.append(PART_NAMES.get(step) or ACHIEVEMENT_NAMES[step])
        elif str(step)[:1].isupper() or str(step).startswith(("function-", "literal[", "int", "float", "bool", "date", "str")):
            continue  # pydantic's name for a member of a union: not a place the user wrote
        else:
            parts.append(str(step))
    return " › ".join(parts)


def readable(errors: list[dict]) -> list[str]:
    """“位置：问题” per error; a union's “or 无” branch is dropped when the other branch says more."""
    located = [tuple(map(str, e["loc"])) for e in errors]
    keep = []
    for error, loc in zip(errors, located, strict=True):
        branch = next((i for i, step in enumerate(loc) if step.startswith("literal[")), None)
        if branch is not None and any(other[:branch] == loc[:branch] and other != loc for other in located):
            continue
        place = where(tuple(error["loc"])) if error["loc"] else ""
        keep.append(f"{place}：{chinese(error)}" if place else chinese(error))
    return list(dict.fromkeys(keep))


def chinese(error: dict) -> str:
    """One error's meaning in Chinese; value errors raised by our own validators are Chinese already."""
    kind, ctx = error["type"], error.get("ctx", {}) or {}
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind in ("dict_type", "model_type", "model_attributes_type") and error.get("input") is None:
        return "不能为 null（不知道就不要填这一项）"
    if error.get("input", "") is None:
        return "不能为 null（不知道就不要填这一项）"
    template = MESSAGES.get(kind)
    return template.format(**ctx) if template else "格式不对"
ACHIEVEMENT_NAMES["product_award_as_science"] = "政府颁发的工程设计、工程咨询、工程建设或科技成果转化奖（等同科技进步奖）"
ACHIEVEMENT_NAMES["product_award.kind"] = "该奖项是否为政府颁发的工程设计、工程咨询、工程建设或科技成果转化奖（请说明类别）"
