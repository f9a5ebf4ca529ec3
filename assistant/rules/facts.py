"""Facts the notice's conditions read. Every fact may be unknown (None) and is never defaulted:
an unknown fact makes the rules that read it unknown, and becomes a question to ask.

Lists distinguish "none" ([]) from "not asked yet" (None): `penalties=[]` means no penalty.
This model is a public interface (the `check` facts file, the language layer): fields are only
ever added, never renamed or made required.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import UserError
from assistant.rules.fact_names import FACT_NAMES, readable

Level = Literal["无", "县", "市", "省", "国家"]
EducationLevel = Literal["高中及以下", "中专", "大专", "本科", "第二学士", "硕士", "博士"]
TitleLevel = Literal["无", "技术员", "助理工程师", "工程师"]
Target = Literal["助理工程师", "工程师"]
WorkCategory = Literal["技术研究", "设计开发", "系统集成", "生产制造", "技术服务"]
Grade = Literal["优秀", "合格", "基本合格", "不合格", "不确定"]
LEVEL_RANK = {"无": 0, "县": 1, "市": 2, "省": 3, "国家": 4}
LEVEL_SAID = {"县级": "县", "区级": "县", "市级": "市", "厅级": "市", "省级": "省", "省部级": "省", "部级": "省",
              "国家级": "国家"}
MONTH_ONLY = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")
ISO_DAY = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}\s*$")


def _not_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("应为数字，不能是 true/false")
    return value


def _day(value: Any) -> Any:
    """A date as 2018-07-01 (or a date object); never a timestamp, a time of day or a bare number."""
    if isinstance(value, date) or value is None:
        return value
    if isinstance(value, str) and ISO_DAY.match(value):
        return value.strip()
    raise ValueError("应为日期（如 2018-07-01；只知道月份可写 2018-07）")


def _level(value: Any) -> Any:
    return LEVEL_SAID.get(value.strip(), value.strip()) if isinstance(value, str) else value


Count = Annotated[int, BeforeValidator(_not_bool), Field(ge=0)]
Amount = Annotated[float, BeforeValidator(_not_bool), Field(ge=0)]
Day = Annotated[date, BeforeValidator(_day)]
LevelSaid = Annotated[Level, BeforeValidator(_level)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Award(_Model):
    level: LevelSaid
    grade: Annotated[int, BeforeValidator(_not_bool), Field(ge=1, le=3, description="1 一等奖, 2 二等奖, 3 三等奖")]
    issuer: str | None = None  # e.g. 中国机械工业联合会 (附件2 第十八条（八）); None: a government award
    kind: str | None = None  # e.g. 工程设计奖, 科技进步奖 (第十八条（八）)


class Achievements(_Model):
    """Items of 附件2 第六条（一）1–7,（二）1–4 and 第七条（一）–（八）, each as the highest level held."""

    honor_level: LevelSaid | None = None  # 政府颁发的科技先进工作者、劳动模范等称号
    science_worker_honor_level: LevelSaid | None = None  # 其中“科技先进工作者”称号（第七条（一））
    city_professional_honor: bool | None = None  # 市（厅）级专业先进工作者称号（附件1 三1（1），机电不计）
    science_award: Award | Literal["无"] | None = None  # 政府科技成果奖（科技进步、自然科学、星火、发明）
    product_award: Award | Literal["无"] | None = None  # 优秀工业新产品（新技术）、工程设计、咨询、建设奖
    first_set: Literal["无", "市", "省内", "国内"] | None = None  # 首台（套）产品的主要参加者
    invention_patents: Count | None = None  # 本专业领域授权发明专利
    key_project_level: LevelSaid | None = None  # 作为技术骨干参与并通过验收或评审的重点项目
    main_finisher_solved_problem: bool | None = None  # 第六条（一）（4）
    tech_center_member_level: LevelSaid | None = None  # 企业技术中心或重点技术创新团队成员
    tech_center_core_level: LevelSaid | None = None  # 同上的骨干（第七条（四））
    provincial_papers: Count | None = None  # 省部级刊物或会议论文（有第三方检索报告）
    city_paper_awards: Count | None = None  # 市（厅）级以上优秀论文奖，第一作者、二等奖
    book_published: bool | None = None  # 省级以上出版社出版著作或译作
    standard_drafter: bool | None = None  # 国家、行业、地方标准（规范）起草者
    significant_benefit: bool | None = None  # 专利或技改项目带来显著经济效益或行业影响
    high_level_talent: bool | None = None  # 台州市高层次人才分类目录中的“高级人才”
    annual_salary_yuan: Amount | None = None  # 年薪（含税）
    salary_meets_skip_level: bool | None = None  # 年薪（含税）达到第七条（八）的数额, when only that is said
    long_service: bool | None = None  # 从事工程技术工作满第六条（一）（7）的年限, when said without a start date
    obtained_after_title: bool | None = None  # 所依据的业绩成果都在任现职后取得（第十七条）
    obtained_dates: list[Day] | None = None  # 业绩成果取得之日（用户说了的）：第十七条 compares them with the appointment


class Activity(_Model):
    """One continuing-education activity of a 专业科目 route (附件8 细则 第六条)."""

    route: Literal["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）"]
    quantity: Annotated[float, BeforeValidator(_not_bool), Field(gt=0)] | None = None  # days, items, papers…
    level: str | None = None  # e.g. 省级以上, 国家级, 核心 for routes with levels
    hours: Amount | None = None  # route（五）: the courseware's own hours
    rank: Annotated[int, BeforeValidator(_not_bool), Field(ge=1)] | None = None  # author or project rank
    people: Annotated[int, BeforeValidator(_not_bool), Field(ge=1)] | None = None  # authors or members
    # why the notice gives it no hours: 非本专业 training (39号文 3), inspections that are one's own job (39号文 7)
    not_counted: Literal["非本专业", "分内工作"] | None = None

    @model_validator(mode="after")
    def _known_level(self) -> Activity:
        from assistant.rules.params import parameters_for

        p = parameters_for(2022)
        levels = p.value("continuing_education.route_hours")[self.route].get("by_level")
        if self.level is not None and levels:
            level = p.value("continuing_education.level_aliases").get(self.route, {}).get(self.level, self.level)
            if level not in levels:
                raise ValueError(f"途径{self.route}的级别“{self.level}”无法识别，只能是{'、'.join(levels)}")
            self.level = level
        if self.rank is not None and self.people is not None and self.rank > self.people:
            raise ValueError(f"排名第{self.rank}，但总人数只有{self.people}人")
        return self


class CEYear(_Model):
    professional: Amount | None = None  # registered 专业科目 hours
    public: Amount | None = None  # 行业公需 + 一般公需 hours, when only their sum is known
    general_public: Amount | None = None  # 一般公需科目 (the 72 hours of 2019–2022 count only these)
    industry_public: Amount | None = None  # 行业公需科目
    total: Amount | None = None  # the year's hours in all (专业 + 公需: 附件8 细则 第四条), when said
    activities: list[Activity] = Field(default_factory=list)

    @model_validator(mode="after")
    def _parts_add_up(self) -> CEYear:
        parts = (self.general_public, self.industry_public)
        if self.public is not None and None not in parts and abs(sum(parts) - self.public) > 1e-9:
            raise ValueError(f"公需合计{self.public:g}学时，不等于一般公需{parts[0]:g}与行业公需{parts[1]:g}之和")
        if self.public is not None and any(x is not None and x > self.public for x in parts):
            raise ValueError(f"一般公需或行业公需学时大于公需合计{self.public:g}学时")
        if self.total is not None and sum(x for x in (self.professional, self.public) if x is not None) > self.total + 1e-9:
            raise ValueError(f"专业科目与公需科目之和大于全年合计{self.total:g}学时")
        return self


class CETotals(_Model):
    """Hours of 2019–2022 together, as a person who only knows the sums says them (通知 二（二）1)."""

    total: Amount | None = None
    professional: Amount | None = None
    general_public: Amount | None = None


class Penalty(_Model):
    date: Day | None = None  # 处罚决定书发布之日; unknown when only the fine was told ("罚过我1500")
    amount_yuan: Amount | None = None  # 经济处罚 amount with 通报处分
    technical_accident: bool | None = None  # 已定性为技术责任事故的直接者


class Sanction(_Model):
    """附件1 一: a 党纪政纪处分, 行政处罚 or 刑事处罚, its year, and whether it was for the person's work (职业活动)."""
    year: Annotated[int, BeforeValidator(_not_bool)]
    kind: Literal["党纪政纪处分", "行政处罚", "刑事处罚"]
    work_related: bool | None = None


class Paper(_Model):
    similarity_percent: Annotated[float, BeforeValidator(_not_bool), Field(ge=0, le=100)] | None = None
    third_party_report: bool | None = None
    illegal_journal: bool | None = None  # 冒名或发表在非法期刊上（通知六（三）3）


class Photo(_Model):
    background: str | None = None  # 底色 as said: 白, 蓝, 红 (附件3 二1: 白底证件照)
    format: str | None = None
    bytes: Annotated[int, BeforeValidator(_not_bool), Field(gt=0)] | None = None
    width: Annotated[int, BeforeValidator(_not_bool), Field(gt=0)] | None = None
    height: Annotated[int, BeforeValidator(_not_bool), Field(gt=0)] | None = None


class Degree(_Model):
    """A degree besides the one in `education_level`/`major` ("第一学历英语专科，后来成人大专机械")."""

    education_level: EducationLevel
    major: Annotated[str, Field(min_length=1)]


DATE_FACTS = ("graduation_date", "work_start_date", "title_appointed_date", "transferred_date",
              "machinery_work_start_date", "technician_appointed_date")


class Facts(_Model):
    target: Target | None = None
    education_level: EducationLevel | None = None
    major: Annotated[str, Field(min_length=1)] | None = None
    major_related: bool | None = None  # 所学专业属本专业或相近专业, when said ("专业对口") without its name
    other_degrees: list[Degree] | None = None  # the applicant's other degrees; the rules pick the one that counts
    graduation_date: Day | None = None
    degree_origin: Literal["国内", "国外", "港澳台"] | None = None
    work_start_date: Day | None = None  # 开始从事机电（或相近）专业技术工作
    professional_work: bool | None = None  # False: 所做工作不是专业技术工作（"一直跑销售", "从来没做过技术"）
    title_level: TitleLevel | None = None  # 现专业技术职务
    title_series: str | None = None  # "机电", or another series such as "经济"
    title_appointed_date: Day | None = None  # 聘任现职务之日
    title_appointed: bool | None = None  # False: 取得资格但单位从未聘任（"证拿了，一直没发聘书"）
    transferred_date: Day | None = None  # 转评为机电资格之日
    machinery_work_start_date: Day | None = None  # 转岗后实际从事机电工作之日（转评）
    technician_appointed_date: Day | None = None  # 聘任技术员之日（助理工程师的考核年度）
    work_category: WorkCategory | None = None
    performance: dict[str, list[str]] | None = None  # 第八–十六条: group → items met, e.g. {"经历": ["（2）"]}
    achievements: Achievements = Field(default_factory=Achievements)
    practical_assessment_passed: bool | None = None  # 实操考评 (工程师), held after the application
    transferred_in: bool | None = None  # 从外省、地、中央部属单位调入或军队转业
    title_confirmed: bool | None = None  # 原资格已按台州市规定调入审定和确认
    finisher_rank: int | None = None  # 在完成人中的排名（"我排第四，算主要完成者吗"，第十八条（三））
    posted_outside_city: bool | None = None  # 被派驻市外连续工作（通知三: 核准备案后在人事关系所在地申报）
    outside_personnel: bool | None = None  # 在温的省部属单位或人事关系在市外（通知三: 委托评审函）
    assessments: dict[int, Grade] = Field(default_factory=dict)  # year → grade; absent year = unknown
    assessment_some_year: Grade | None = None  # "近3年考核有一年是基本合格": a grade of a required year not named
    ce: dict[int, CEYear] = Field(default_factory=dict)  # year → hours; absent year = unknown
    ce_totals: CETotals | None = None  # 2019–2022 sums, when only the sums are known
    publicity_start: Day | None = None  # 单位公示的第一天
    publicity_end: Day | None = None  # 单位公示的最后一天
    publicity_days: Count | None = None  # 公示的天数, when only a count is said ("贴三天")
    ce_activity_date: Day | None = None  # 培训学习（继续教育活动）的月份, for when its hours may be registered
    ce_registration_date: Day | None = None  # 去登记（申报）这些学时的日子
    months_insured_in_city: Count | None = None
    months_insured_in_unit: Count | None = None
    insured_now: bool | None = None
    failed_2021: bool | None = None
    new_achievements_since_2021: bool | None = None
    penalties: list[Penalty] | None = None
    falsification_years: list[Annotated[int, BeforeValidator(_not_bool)]] | None = None  # years found
    under_investigation: bool | None = None  # 仍在立案调查、处理、处罚或处分阶段
    retired: bool | None = None  # 已退休（含退休返聘）: 申报对象是在职专业技术人员（通知一）
    sanctions: list[Sanction] | None = None  # 党纪政纪处分、行政处罚、刑事处罚（附件1 一）; read when said
    undisclosed_discipline: bool | None = None  # 取得现资格后受过处分，申报材料未反映（第十九条（四））
    exam_violation_in_penalty_period: bool | None = None  # 人事考试违纪违规记入诚信系统，仍在处分期（六（三））
    papers: list[Paper] | None = None
    photo: Photo | None = None
    action: Literal["网上申报", "单位审核", "原件核查"] | None = None
    action_date: Day | None = None
    dates_to_month: list[str] | None = None  # facts given to the month only (read as the month's 1st)

    @model_validator(mode="before")
    @classmethod
    def _month_only_dates(cls, data: Any) -> Any:
        """“2018-07” is read as 2018-07-01, and the fact is listed so the trace can say so."""
        if not isinstance(data, dict):
            return data
        data, month_only = dict(data), list(data.get("dates_to_month") or [])
        for name in (*DATE_FACTS, "action_date"):
            match = MONTH_ONLY.match(data[name]) if isinstance(data.get(name), str) else None
            if match:
                data[name] = f"{match[1]}-{int(match[2]):02d}-01"
                month_only += [name] if name not in month_only else []
        if month_only:
            data["dates_to_month"] = month_only
        return data

    @model_validator(mode="after")
    def _possible(self) -> Facts:
        from assistant.rules.facts_check import impossible

        problem = impossible(self)
        if problem:
            raise ValueError(problem)
        return self


def parse_facts(data: object) -> Facts:
    """Facts from JSON-like data, or a Chinese error naming each impossible or malformed fact."""
    if not isinstance(data, dict):
        raise UserError("事实数据应为 JSON 对象（键值对）。")
    try:
        return Facts.model_validate(data)
    except ValidationError as exc:
        raise UserError("事实有误：" + "；".join(readable(exc.errors()))) from exc


__all__ = ["FACT_NAMES", "Facts", "parse_facts"]
