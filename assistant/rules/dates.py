"""Years of service: full anniversaries (周年, 附件2 第十八条（七）) from a start date to a cut-off."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def full_years(start: date, end: date) -> int:
    """Complete years from `start` to `end`: the anniversary day itself completes a year."""
    if end < start:
        return 0
    return relativedelta(end, start).years


def full_months(start: date, end: date) -> int:
    if end < start:
        return 0
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months


def years_and_months(start: date, end: date) -> str:
    """“3年11个月”, for the sentences the trace reads out."""
    months = full_months(start, end)
    years, rest = divmod(months, 12)
    return f"{months}个月" if not years else f"{years}年" + (f"{rest}个月" if rest else "")  # never "0年9个月"


def served(start: date, end: date) -> str:
    """"现满3年", or under a year "现仅9个月" (never "满0年")."""
    years = full_years(start, end)
    return f"现满{years}年" if years else f"现仅{full_months(start, end)}个月"


def add_years(start: date, years: int) -> date:
    return start + relativedelta(years=years)


def cn_date(day: date) -> str:
    """2022年10月20日: how dates are read out on the phone."""
    return f"{day.year}年{day.month}月{day.day}日"
