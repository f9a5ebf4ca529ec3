"""The other conditions every applicant passes: 社保, the 2021 rule, penalties, discipline, papers."""

from __future__ import annotations

from datetime import date

from assistant.rules.dates import add_years, cn_date
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, all_of, leaf
from assistant.rules.params import Parameters


def social_insurance(facts: Facts, p: Parameters) -> Check:
    clause = ["二/（二）/7/（3）"]
    city, unit = p.value("social_insurance.months_in_city"), p.value("social_insurance.months_in_unit")
    m_city, m_unit = facts.months_insured_in_city, facts.months_insured_in_unit
    return all_of("social_insurance", clause, [
        leaf("social_insurance.city", clause, None if m_city is None else m_city >= city,
             f"在本市连续缴纳社保须满{city}个月" + ("" if m_city is None else f"，现{m_city}个月。"),
             params={"months_in_city": city}, needs=["months_insured_in_city"]),
        leaf("social_insurance.unit", clause, None if m_unit is None else m_unit >= unit,
             f"在申报单位连续缴纳须满{unit}个月" + ("" if m_unit is None else f"，现{m_unit}个月。"),
             params={"months_in_unit": unit}, needs=["months_insured_in_unit"]),
        leaf("social_insurance.now", clause, facts.insured_now, "当前须处于正常参保缴费状态。", needs=["insured_now"]),
    ], "社保（原则上）：本市连续一年以上、本单位连续半年以上，且当前正常参保。")


def rule_2021(facts: Facts, p: Parameters) -> Check:
    clause = ["二/（二）/7/（5）"]
    if facts.failed_2021 is False:
        return leaf("rule_2021", clause, True, "2021年未参评或已通过，不受此条限制。", facts={"failed_2021": False})
    if facts.failed_2021 is None:
        return leaf("rule_2021", clause, None, "需要知道2021年是否参评未通过。", needs=["failed_2021"])
    new = facts.new_achievements_since_2021
    return leaf("rule_2021", clause, new, "2021年未通过评审的，2022年须有新业绩才能申报"
                + ("" if new is None else ("：有新业绩。" if new else "：无新业绩，不得申报。")),
                facts={"failed_2021": True, "new_achievements_since_2021": new}, needs=["new_achievements_since_2021"])


def penalty(facts: Facts, p: Parameters, qualifying_date: date | None, qualifying_needs: list[str]) -> Check:
    """第二十条: a penalty of ≥1000 yuan or a technical accident delays the application by 2 years,
    counted from when the 学历/资历 years are met (（一）) or from the decision if later (（二））."""
    clauses = ["附件2/第二十条"]
    if facts.penalties is None:
        return leaf("penalty", clauses, None, "需要知道任现职期间是否受过经济处罚或技术责任事故处理。", needs=["penalties"])
    minimum, delay = p.value("penalty.min_amount_yuan"), p.value("penalty.delay_years")
    cutoff = p.value("cutoff_date")
    in_office = [x for x in facts.penalties if facts.title_appointed_date is None or x.date is None
                 or x.date >= facts.title_appointed_date]
    relevant = [x for x in in_office if x.technical_accident or (x.amount_yuan is not None and x.amount_yuan >= minimum)]
    if any(x.date is None for x in relevant):  # "罚过我1500": whether and how long it delays depends on the decision's date
        return leaf("penalty", clauses, None, f"有{minimum}元及以上经济处罚（或技术责任事故），需要知道处罚决定是哪年哪月作出的，"
                    "才能判断是否在任现职期间、延迟到何时。", params={"min_amount_yuan": minimum}, needs=["penalties"],
                    facts={"penalty_amount_yuan": max(x.amount_yuan or 0 for x in relevant)})
    undecided = [x for x in in_office if x not in relevant and (x.amount_yuan is None or x.technical_accident is None)]
    if undecided and not relevant:
        return leaf("penalty", clauses, None, f"有处罚记录，但不知道罚款是否达到{minimum}元、是否已定性为技术责任事故，"
                    "无法判断是否延迟申报。", params={"min_amount_yuan": minimum}, needs=["penalties"])
    if not relevant:
        told = [x.amount_yuan for x in in_office if x.amount_yuan]  # "罚过800块": the fine told, below the line
        return leaf("penalty", clauses, True, (f"罚款{max(told):g}元，未达{minimum}元，" if told else "") +
                    f"任现职期间无{minimum}元及以上经济处罚或技术责任事故，不延迟申报。",
                    params={"min_amount_yuan": minimum}, facts={"penalty_amount_yuan": max(told)} if told else {})
    latest = max(x.date for x in relevant)
    if qualifying_date is None and add_years(latest, delay) > cutoff:  # either case delays past this year's cut-off
        return leaf("penalty", clauses, False, f"处罚决定{cn_date(latest)}，按第二十条无论哪种情况都至少延迟{delay}年申报，"
                    f"最早也要到{cn_date(add_years(latest, delay))}后，本年度不能申报。",
                    facts={"penalty_date": str(latest)}, params={"delay_years": delay})
    if qualifying_date is None:
        return leaf("penalty", clauses, None, "有处罚记录，需要知道学历、专业和聘任（或参加工作）时间，"
                    "才能算出学历、资历年限何时满足、延迟到何时。", needs=qualifying_needs)
    earliest = add_years(max(latest, qualifying_date), delay)
    case = "（一）" if latest <= qualifying_date else "（二）"
    check = leaf("penalty", [*clauses, f"附件2/第二十条/{case}"], earliest <= cutoff,
                f"处罚决定{cn_date(latest)}，按第二十条{case}延迟{delay}年申报，最早可于{cn_date(earliest)}后申报"
                f"（任职时间计算到{cn_date(cutoff)}），{'不影响本年度' if earliest <= cutoff else '本年度不能申报'}。",
                facts={"penalty_date": str(latest)}, params={"delay_years": delay})
    if undecided and earliest <= cutoff:  # a later undecided penalty could still delay
        return leaf("penalty", check.clauses, None, check.sentence + "另有处罚的金额或性质不明，还需确认。",
                    needs=["penalties"])
    return check


def disqualification(facts: Facts, p: Parameters) -> Check:
    """第十九条 and 六（三）: falsification (banned 3 years from the next year), an open investigation,
    undisclosed discipline since the current title, a 人事考试 violation still in its penalty period,
    and papers under another's name or in illegal journals."""
    ban = p.value("falsification.ban_years")
    year = p.value("policy_year")
    found = facts.falsification_years
    barred = None if found is None else [y for y in found if y <= year <= y + ban]
    this_year = f"（判断：{p['falsification.ban_years'].note}）" if barred and barred[0] == year else ""
    papers = None if facts.papers is None else [x.illegal_journal for x in facts.papers]
    return all_of("disqualification", ["附件2/第十九条", "六/（三）"], [
        leaf("disqualification.falsification", ["附件2/第十九条", "六/（三）"], None if barred is None else not barred,
             f"弄虚作假被取消资格的，从次年起{ban}年内不得申报" + ("" if not barred else
                                                     f"：{barred[0]}年查处，{year}年不能申报{this_year}。"),
             params={"ban_years": ban}, needs=["falsification_years"]),
        leaf("disqualification.investigation", ["附件2/第十九条/（三）", "六/（三）/2"],
             None if facts.under_investigation is None else not facts.under_investigation,
             "仍在立案调查、处理、处罚或处分阶段的，取消评审资格。", needs=["under_investigation"]),
        leaf("disqualification.undisclosed", ["附件2/第十九条/（四）", "六/（三）/2"],
             None if facts.undisclosed_discipline is None else not facts.undisclosed_discipline,
             "取得现资格后受过处分的，须在申报材料中如实反映，未反映的取消评审资格。", needs=["undisclosed_discipline"]),
        leaf("disqualification.exam", ["六/（三）"], None if facts.exam_violation_in_penalty_period is None
             else not facts.exam_violation_in_penalty_period,
             "在人事考试中违纪违规并记入浙江省诚信系统的，处分期内原则上不得申报。", needs=["exam_violation_in_penalty_period"]),
        leaf("disqualification.papers", ["六/（三）/3"], None if papers is None or (None in papers and True not in papers)
             else True not in papers, "申报材料中有冒名或发表在非法期刊上的论文的，取消评审资格。", needs=["papers"]),
    ], "无第十九条和通知六（三）所列取消评审资格的情形。")


def papers(facts: Facts, p: Parameters) -> Check:
    clause = ["二/（二）/3"]
    limit = p.value("papers.max_similarity_percent")
    if facts.papers is None:
        return leaf("papers", clause, None, "需要知道是否提交论文及其相似度检测结果。", needs=["papers"])
    if not facts.papers:  # "我一篇论文都没有发过，能报吗": said, and settled by 二（二）3
        return leaf("papers", clause, True, "论文不作为申报的必备条件，没有论文不影响申报。", facts={"no_papers": True})
    checked = [x for x in facts.papers if x.third_party_report]
    undecided = [x for x in facts.papers if x.third_party_report is None
                 and (x.similarity_percent is None or x.similarity_percent > limit)]
    unknown = [x for x in checked if x.similarity_percent is None] + undecided
    vetoed = [x for x in checked if x.similarity_percent is not None and x.similarity_percent > limit]
    unreported = sum(x.third_party_report is False for x in facts.papers)
    whose = f"另有{unreported}篇" if checked or undecided else f"您的{unreported}篇论文"
    note = f"{whose}无第三方检索报告，视作无此论文。" if unreported else ""
    if undecided:
        note += f"有{len(undecided)}篇不知是否有第三方检索报告：有报告则按相似度判断，没有则视作无此论文。"
    value = False if vetoed or unreported and not checked and not undecided else (None if unknown else True)
    # ("论文我有，但是没做过检索报告，直接交论文行吗": none of them can be used — not "符合要求")
    return leaf("papers", clause, value, (f"论文相似度超过{limit}%，评审时一票否决。" if vetoed else
                                          "须在论文后附指定机构（清华同方、中国知网、万方数据库、维普）的第三方检索报告（含相似度检测）。"
                                          if not checked and unreported else
                                          f"论文相似度须不超过{limit}%。") + note,
                params={"max_similarity_percent": limit}, needs=["papers"])


def degree_documents(facts: Facts, p: Parameters) -> Check:
    """学历认证 (二（二）7（2））: which certificate proves the degree, by where and when it was obtained."""
    clause = ["二/（二）/7/（2）"]
    since = p.value("degree_certificate_year")
    origin, graduated = facts.degree_origin, facts.graduation_date
    if origin in ("国外", "港澳台"):
        document = f"教育部留学服务中心认证的《{'国外' if origin == '国外' else '港澳台'}学历学位认证书》"
        return leaf("degree_documents", clause, True, f"{origin}学历须提供{document}。", facts={"degree_origin": origin})
    if origin is None or graduated is None or facts.education_level is None:
        return leaf("degree_documents", clause, None, "需要知道学历、取得地和毕业时间，才能确定学历认证材料。",
                    needs=[n for n, v in (("degree_origin", origin), ("graduation_date", graduated),
                                          ("education_level", facts.education_level)) if v is None])
    if graduated.year >= since and facts.education_level != "中专":
        judged = f"（判断：{p['degree_certificate_year'].note}）" if graduated.year == since else ""
        return leaf("degree_documents", clause, True, f"{since}年以后取得的国内大专以上学历，须提供《教育部学历证书电子注册备案表》，"
                    f"无法提供的提供《中国高等教育学历认证报告》{judged}。", params={"degree_certificate_year": since})
    return leaf("degree_documents", clause, True, "按学历证书原件及认证材料提交（见附件5 二2）。")


def practical_assessment(facts: Facts, p: Parameters) -> Check:
    """实操考评 (二（二）2, 附件1 五): 中级 applicants pass it before the year's review."""
    return leaf("practical_assessment", ["二/（二）/2", "附件1/五"], facts.practical_assessment_passed,
                "申报工程师（中级）须参加专业实操考评，合格后才能参加当年度评审。", needs=["practical_assessment_passed"])


def in_service(facts: Facts, p: Parameters) -> Check:
    """通知一: the review is for 在职 professionals; someone retired (rehired or not) is not one."""
    return leaf("in_service", ["一"], None if facts.retired is None else not facts.retired,
                "申报对象须为在职专业技术人员；已退休（含退休返聘）的不属于申报对象。" if facts.retired else
                "申报对象须为在职专业技术人员。", facts={"retired": facts.retired}, needs=["retired"])


def professional(facts: Facts, p: Parameters) -> Check:
    """通知一: the review is for those doing 机电 professional work; "现在做行政人事，不搞技术了" is not one."""
    return leaf("professional_work", ["一"], facts.professional_work,
                "申报对象须为从事机电制造技术专业技术工作的在职专业技术人员；所说的工作（如销售、行政、人事、财务）"
                "不是专业技术工作。" if facts.professional_work is False else "申报对象须从事机电制造技术专业技术工作。",
                facts={"professional_work": facts.professional_work}, needs=["professional_work"])


def transferred_title(facts: Facts, p: Parameters) -> Check:
    """调入 (二（二）7（4））: a title from another province or a central unit is confirmed before it counts."""
    clause = ["二/（二）/7/（4）"]
    if facts.transferred_in is False:
        return leaf("transferred_title", clause, True, "非调入或军转人员，不涉及调入审定。", facts={"transferred_in": False})
    if facts.transferred_in is None:
        return leaf("transferred_title", clause, None, "需要知道是否从外省、地、中央部属单位调入或军队转业。",
                    needs=["transferred_in"])
    return leaf("transferred_title", clause, facts.title_confirmed, "调入和军转人员的原中、初级资格须按台州市规定进行调入审定和确认。",
                needs=["title_confirmed"])


def application_place(facts: Facts, p: Parameters) -> Check:
    """通知三: one posted outside the city applies where his 人事关系 is, once 人力社保部门 has approved it; a
    province- or ministry-owned unit in 温岭, or someone whose 人事关系 is outside the city, needs a 委托评审函.
    Read only when said: nothing in an ordinary message makes either likely."""
    if facts.outside_personnel:
        return leaf("application_place", ["三", "附件6"], None, "在温的省部属单位和市外人员在本市参加评审，须提供人事关系所在地"
                    "人力社保部门出具的委托评审函（格式见附件6）；未经委托取得的职称在本市不予认可。",
                    facts={"outside_personnel": True})
    return leaf("application_place", ["三"], None if facts.posted_outside_city else True,
                "被派驻市外连续工作一年以上的，由人事关系所在单位提出申请，经人力社保部门核准备案后，可在人事关系所在地申报评审。"
                if facts.posted_outside_city else "未被派驻市外，按人事隶属关系申报。",
                facts={"posted_outside_city": facts.posted_outside_city})


def conduct(facts: Facts, p: Parameters) -> Check:
    """附件1 一 (and 附件2 第三条): no 党纪政纪处分, 行政处罚 or 刑事处罚 for one's work in the last 3 years, and no
    刑事处罚 for any reason; a speeding fine is no bar, a drink-driving sentence is. Read only when said."""
    since = p.value("conduct.lookback_from")
    clauses = [*p["conduct.lookback_from"].clauses]
    recent = [s for s in facts.sanctions or [] if s.year >= since]
    counted = [s for s in recent if s.kind == "刑事处罚" or s.work_related]
    unsure = [s for s in recent if s.kind != "刑事处罚" and s.work_related is None]
    if counted:
        first = counted[0]
        return leaf("conduct", clauses, False, f"近3年（{since}年以来）{'' if first.kind == '刑事处罚' else '因职业活动'}受到"
                    f"{first.kind}（{first.year}年）的，不具备申报的思想道德条件。", facts={"sanctions": len(counted)},
                    params={"lookback_from": since})
    if unsure:
        return leaf("conduct", clauses, None, f"{unsure[0].year}年的{unsure[0].kind}是否因职业活动（工作）受到？"
                    "因职业活动受到的，近3年内不得申报。", needs=["sanctions"], params={"lookback_from": since})
    return leaf("conduct", clauses, True, "近3年无因职业活动受到的党纪政纪处分、行政处罚，也无刑事处罚。",
                facts={"sanctions": 0}, params={"lookback_from": since})

