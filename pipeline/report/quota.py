"""The municipality's quota against the quota refugees who arrived: when a year's count covers only part
of the year (the quota is a whole year's), so that the dashboard and the printed review both say so."""

from __future__ import annotations

import re
from datetime import date

PERIOD = re.compile(r"(\d{1,2}\.\d{1,2}\.\d{4})\s*[–-]\s*(\d{1,2}\.\d{1,2}\.\d{4})")


def part_of_year(periods, year: int) -> bool:
    """Whether the arrivals' periods (``1.1.2024–29.2.2024; 1.4.2024–30.6.2024``) leave days of ``year`` out."""
    if not isinstance(periods, str):
        return False
    days = 0
    for start, end in PERIOD.findall(periods):
        first, last = (date(*map(int, reversed(d.split(".")))) for d in (start, end))
        first, last = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
        days += max((last - first).days + 1, 0)
    return days < (date(year, 12, 31) - date(year, 1, 1)).days + 1
