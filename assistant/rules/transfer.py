"""转评 (附件2 第五条): who must transfer into 机电, and when the next level may follow.

Someone holding another series' title for a year who has done 机电 work for a year must transfer to
the 机电 title of the same level; a year after the transfer they may apply for the next level, and
years at the same level before and after the transfer add up.
"""

from __future__ import annotations

from assistant.rules.dates import add_years, cn_date, full_years, served
from assistant.rules.facts import Facts
from assistant.rules.logic import Check, Truth, all_of, leaf
from assistant.rules.params import Parameters

CLAUSE = "附件2/第五条"
HOME_SERIES = "机电"


def transfer_required(facts: Facts, p: Parameters) -> Check:
    cutoff = p.value("cutoff_date")
    if facts.title_series is not None and HOME_SERIES in facts.title_series:
        return leaf("transfer.required", [CLAUSE], False, "现职称已是机电系列，无须转评。",
                    facts={"title_series": facts.title_series})
    held = None if facts.title_appointed_date is None else full_years(facts.title_appointed_date, cutoff)
    working = None if facts.machinery_work_start_date is None else full_years(facts.machinery_work_start_date, cutoff)
    need_held, need_work = p.value("transfer.years_in_other_title"), p.value("transfer.years_in_new_work")
    series = leaf("transfer.other_series", [CLAUSE], None if facts.title_series is None else True,
                  f"现职称为{facts.title_series}系列。", needs=["title_series"])
    held_check = leaf("transfer.held", [CLAUSE], None if held is None else held >= need_held,
                      f"担任其他专业技术职务须满{need_held}年" +
                      ("" if held is None else f"，{served(facts.title_appointed_date, cutoff)}。"),
                      params={"transfer.years_in_other_title": need_held}, needs=["title_appointed_date"])
    short = "" if working is None or working >= need_work else \
        f"，到{cn_date(add_years(facts.machinery_work_start_date, need_work))}满{need_work}年"
    work_check = leaf("transfer.machinery_work", [CLAUSE], None if working is None else working >= need_work,
                      f"现实际从事机电制造技术工作须满{need_work}年" +
                      ("" if working is None else f"，{served(facts.machinery_work_start_date, cutoff)}{short}。"),
                      params={"transfer.years_in_new_work": need_work}, needs=["machinery_work_start_date"])
    same = f"（即机电的{facts.title_level}）" if facts.title_level in ("技术员", "助理工程师", "工程师") else ""
    return all_of("transfer.required", [CLAUSE], [series, held_check, work_check],
                  f"须转评为同级机电制造技术专业技术资格{same}。")


def series_ready(facts: Facts, p: Parameters) -> Check:
    """For the next level: a 机电 title, held for a year after any transfer."""
    cutoff = p.value("cutoff_date")
    need = p.value("transfer.years_after_transfer")
    if facts.transferred_date is not None:
        years = full_years(facts.transferred_date, cutoff)
        return leaf("transfer.after", [CLAUSE], years >= need,
                    f"转评后聘任机电职务须满{need}年方可申报高一级，{served(facts.transferred_date, cutoff)}；转评前后同级任职年限可累计。",
                    facts={"transferred_date": str(facts.transferred_date)}, params={"transfer.years_after_transfer": need})
    if facts.title_series is None:
        return leaf("transfer.series", [CLAUSE], None, "需要知道现职称的系列（如机电、经济），或转评为机电的时间。",
                    needs=["title_series", "transferred_date"])
    home = HOME_SERIES in facts.title_series
    # 第五条 decides only for another series; a 机电 title is simply the 初级工程师 of 第四条（二）.
    return leaf("transfer.series", [] if home else [CLAUSE], home, "现职称为机电系列。" if home else
                f"现职称为{facts.title_series}系列，须先转评为机电同级资格并聘任满{need}年，才能申报高一级。",
                facts={"title_series": facts.title_series})


def transfer_question(facts: Facts, p: Parameters) -> Check:
    """The answer to "要转评吗": required (met), not required (not met), or unknown."""
    check = transfer_required(facts, p)
    if check.truth is Truth.NOT_MET and facts.title_series and HOME_SERIES not in facts.title_series:
        check.sentence += "（不满足转评条件时，暂不能转评。）"
    return check
