"""Facts the notice's conditions read. Every fact may be unknown (None) and is never defaulted:
an unknown fact makes the rules that read it unknown, and becomes a question to ask.

Lists distinguish "none" ([]) from "not asked yet" (None): `penalties=[]` means no penalty.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import UserError

Level = Literal["无", "县", "市", "省", "国家"]
EducationLevel = Literal["中专", "大专", "本科", "第二学士", "硕士", "博士"]
TitleLevel = Literal["无", "技术员", "助理工程师", "工程师"]
Target = Literal["助理工程师", "工程师"]
WorkCategory = Literal["技术研究", "设计开发", "系统集成", "生产制造", "技术服务"]
Grade = Literal["优秀", "合格", "基本合格", "不合格", "不确定"]
LEVEL_RANK = {"无": 0, "县": 1, "市": 2, "省": 3, "国家": 4}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Award(_Model):
    level: Level
    grade: int = Field(ge=1, le=3, description="1 一等奖, 2 二等奖, 3 三等奖")


class Achievements(_Model):
    """Items of 附件2 第六条（一）1–7,（二）1–4 and 第七条（一）–（八）, each as the highest level held."""

    honor_level: Level | None = None  # 政府颁发的科技先进工作者、劳动模范等称号
    city_professional_honor: bool | None = None  # 市（厅）级专业先进工作者称号（附件1 三1（1））
    science_award: Award | Literal["无"] | None = None  # 政府科技成果奖（科技进步、自然科学、星火、发明）
    product_award: Award | Literal["无"] | None = None  # 优秀工业新产品（新技术）、工程设计、咨询、建设奖
    first_set: Literal["无", "市", "省内", "国内"] | None = None  # 首台（套）产品的主要参加者
    invention_patents: int | None = Field(None, ge=0)  # 本专业领域授权发明专利
    key_project_level: Level | None = None  # 作为技术骨干参与并通过验收或评审的重点项目
    main_finisher_solved_problem: bool | None = None  # 第六条（一）（4）
    tech_center_member_level: Level | None = None  # 企业技术中心或重点技术创新团队成员
    tech_center_core_level: Level | None = None  # 同上的骨干（第七条（四））
    provincial_papers: int | None = Field(None, ge=0)  # 省部级刊物或会议论文（有第三方检索报告）
    city_paper_awards: int | None = Field(None, ge=0)  # 市（厅）级以上优秀论文奖，第一作者、二等奖
    book_published: bool | None = None  # 省级以上出版社出版著作或译作
    standard_drafter: bool | None = None  # 国家、行业、地方标准（规范）起草者
    significant_benefit: bool | None = None  # 专利或技改项目带来显著经济效益或行业影响
    high_level_talent: bool | None = None  # 台州市高层次人才分类目录中的“高级人才”
    annual_salary_yuan: float | None = Field(None, ge=0)  # 年薪（含税）


class Activity(_Model):
    """One continuing-education activity of a 专业科目 route (附件8 细则 第六条)."""

    route: Literal["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）"]
    quantity: float = Field(1, gt=0)  # days, items, papers (or 10,000 words), subjects or courses
    level: str | None = None  # e.g. 省级以上, 国家级, 核心 for routes with levels
    hours: float | None = Field(None, ge=0)  # route（五）: the courseware's own hours
    rank: int | None = Field(None, ge=1)  # author or project rank, for weighted routes
    people: int | None = Field(None, ge=1)  # number of authors or members


class CEYear(_Model):
    professional: float | None = Field(None, ge=0)  # registered 专业科目 hours
    public: float | None = Field(None, ge=0)  # 行业公需 + 一般公需 hours
    activities: list[Activity] = Field(default_factory=list)


class Penalty(_Model):
    date: date
    amount_yuan: float | None = Field(None, ge=0)  # 经济处罚 amount with 通报处分
    technical_accident: bool = False  # 已定性为技术责任事故的直接者


class Paper(_Model):
    similarity_percent: float | None = Field(None, ge=0, le=100)
    third_party_report: bool | None = None


class Photo(_Model):
    format: str | None = None
    bytes: int | None = Field(None, gt=0)
    width: int | None = Field(None, gt=0)
    height: int | None = Field(None, gt=0)


class Facts(_Model):
    target: Target | None = None
    education_level: EducationLevel | None = None
    major: str | None = None
    graduation_date: date | None = None
    degree_origin: Literal["国内", "国外", "港澳台"] | None = None
    work_start_date: date | None = None  # 开始从事机电（或相近）专业技术工作
    title_level: TitleLevel | None = None  # 现专业技术职务
    title_series: str | None = None  # "机电", or another series such as "经济"
    title_appointed_date: date | None = None  # 聘任现职务之日
    transferred_date: date | None = None  # 转评为机电资格之日
    machinery_work_start_date: date | None = None  # 转岗后实际从事机电工作之日（转评）
    technician_appointed_date: date | None = None  # 聘任技术员之日（助理工程师的考核年度）
    work_category: WorkCategory | None = None
    performance: dict[str, list[str]] | None = None  # 第八–十六条: group → items met, e.g. {"经历": ["（2）"]}
    achievements: Achievements = Field(default_factory=Achievements)
    practical_assessment_passed: bool | None = None  # 实操考评 (工程师), held after the application
    transferred_in: bool | None = None  # 从外省、地、中央部属单位调入或军队转业
    title_confirmed: bool | None = None  # 原资格已按台州市规定调入审定和确认
    assessments: dict[int, Grade] = Field(default_factory=dict)  # year → grade; absent year = unknown
    ce: dict[int, CEYear] = Field(default_factory=dict)  # year → hours; absent year = unknown
    months_insured_in_city: int | None = Field(None, ge=0)
    months_insured_in_unit: int | None = Field(None, ge=0)
    insured_now: bool | None = None
    failed_2021: bool | None = None
    new_achievements_since_2021: bool | None = None
    penalties: list[Penalty] | None = None
    falsification_years: list[int] | None = None  # years in which falsification was found
    under_investigation: bool | None = None  # 仍在立案调查、处理、处罚或处分阶段
    papers: list[Paper] | None = None
    photo: Photo | None = None
    action: Literal["网上申报", "单位审核", "原件核查"] | None = None
    action_date: date | None = None

    @model_validator(mode="after")
    def _possible(self) -> Facts:
        from assistant.rules.params import parameters_for

        today_limit = parameters_for(2022).value("cutoff_date")
        for name in ("graduation_date", "work_start_date", "title_appointed_date", "transferred_date"):
            value = getattr(self, name)
            if value is not None and value > today_limit:
                raise ValueError(f"{FACT_NAMES[name]}（{value}）晚于任职时间截止日{today_limit}，不可能用于本年度申报")
        if self.title_appointed_date and self.work_start_date and self.title_appointed_date < self.work_start_date:
            raise ValueError(f"聘任日期（{self.title_appointed_date}）早于开始从事专业技术工作日期（{self.work_start_date}）")
        if self.transferred_date and self.title_appointed_date and self.transferred_date < self.title_appointed_date:
            raise ValueError("转评日期早于聘任现职务日期")
        return self


FACT_NAMES = {
    "target": "申报资格", "education_level": "学历", "major": "所学专业", "graduation_date": "毕业时间",
    "degree_origin": "学历取得地", "work_start_date": "参加专业技术工作时间", "title_level": "现专业技术职务",
    "title_series": "现职称系列", "title_appointed_date": "现职务聘任时间", "transferred_date": "转评时间",
    "machinery_work_start_date": "转岗从事机电工作时间", "technician_appointed_date": "技术员聘任时间",
    "work_category": "工作类别", "performance": "任现职以来的工作经历与业绩",
    "practical_assessment_passed": "实操考评是否合格", "transferred_in": "是否外省或部属单位调入、军队转业",
    "title_confirmed": "原资格是否已调入审定确认",
    "months_insured_in_city": "本市连续缴纳社保月数", "months_insured_in_unit": "本单位连续缴纳社保月数",
    "insured_now": "当前是否正常参保缴费", "failed_2021": "2021年是否参评未通过",
    "new_achievements_since_2021": "2022年是否有新业绩", "penalties": "任现职期间的处罚或技术责任事故",
    "falsification_years": "弄虚作假被查处的年份", "under_investigation": "是否仍在立案调查或处分期",
    "papers": "论文及其检测报告", "photo": "证件照", "action": "要办理的环节", "action_date": "办理日期",
    "assessments": "年度考核结果", "ce": "继续教育学时",
}


def parse_facts(data: object) -> Facts:
    """Facts from JSON-like data, or a Chinese error naming each impossible or malformed fact."""
    if not isinstance(data, dict):
        raise UserError("事实数据应为 JSON 对象（键值对）。")
    try:
        return Facts.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            path = ".".join(str(p) for p in error["loc"])
            field = FACT_NAMES.get(str(error["loc"][0]), path) if error["loc"] else "事实"
            problems.append(f"{field}（{path or '整体'}）：{_chinese(error)}")
        raise UserError("事实有误：" + "；".join(problems)) from exc


def _chinese(error: dict) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    messages = {
        "greater_than_equal": f"不能小于 {ctx.get('ge')}", "greater_than": f"必须大于 {ctx.get('gt')}",
        "less_than_equal": f"不能大于 {ctx.get('le')}", "literal_error": f"只能是 {ctx.get('expected')}",
        "extra_forbidden": "不是可识别的事实名称", "date_from_datetime_parsing": "不是有效日期（如 2018-07-01）",
        "date_parsing": "不是有效日期（如 2018-07-01）", "int_parsing": "应为整数", "float_parsing": "应为数字",
        "bool_parsing": "应为 是/否（true/false）", "missing": "缺少必填项",
    }
    return messages.get(kind, error["msg"])
