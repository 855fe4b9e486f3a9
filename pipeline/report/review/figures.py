"""The figures of a review, computed once: each member's, the group's total, the regions' and the country's."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from pipeline.report import comparison
from pipeline.report.profile import area_figures, quota_refugees
from pipeline.report.review.marts import Marts
from pipeline.report.review.subjects import Subject
from pipeline.report.review.totals import Total, protected_total


@dataclass
class Figures:
    year: int
    members: list[dict]  # dim_municipality row + "figures" (area_figures) + "change", "rank", "regional_n"
    regions: list[dict]  # {"code", "name_fi", ...names, "figures", "change"}
    country: dict
    total: Total | None  # the group's count of foreign-language speakers (joint reviews)
    total_population: int | None
    total_share: float | None


def compute(marts: Marts, subject: Subject, year: int) -> Figures:
    speakers = marts["foreign_language_speakers"]
    ranked = comparison.ranking(speakers, marts["dim_municipality"], year)
    members = []
    for muni in subject.members:
        code = muni["kunta_code"]
        in_region = ranked[(ranked["region_code"] == muni["region_code"]) & ranked["share_pct"].notna()]
        rank = in_region["share_pct"].rank(ascending=False, method="min")[in_region["kunta_code"] == code]
        members.append(
            {
                **muni,
                "figures": area_figures(marts.con, "municipality", code, year),
                "change": comparison.share_change(speakers, "municipality", code, year),
                "rank": int(rank.iloc[0]) if len(rank) else None,
                "regional_n": len(in_region),
                "quota": quota_refugees(marts.con, code, year),
            }
        )
    regions = []
    for code in dict.fromkeys(m["region_code"] for m in subject.members):
        muni = next(m for m in subject.members if m["region_code"] == code)
        regions.append(
            {
                "code": code,
                **{f"name_{lang}": muni[f"region_name_{lang}"] for lang in ("fi", "sv", "en")},
                "figures": area_figures(marts.con, "region", code, year),
                "change": comparison.share_change(speakers, "region", code, year),
            }
        )
    country = {
        "figures": area_figures(marts.con, "country", "SSS", year),
        "change": comparison.share_change(speakers, "country", "SSS", year),
    }
    total = total_population = total_share = None
    if subject.joint:
        total = protected_total(
            [
                (
                    m["name_fi"],
                    m["figures"]["foreign_language_speakers"],
                    m["figures"]["foreign_language_speakers_flag"],
                )
                for m in members
            ]
        )
        populations = [m["figures"]["population"] for m in members]
        total_population = sum(populations) if all(p is not None for p in populations) else None
        if total.value is not None and total_population:
            total_share = round(100 * total.value / total_population, 1)
    return Figures(year, members, regions, country, total, total_population, total_share)


def temporary_protection_rows(marts: Marts, code: str, year: int) -> pd.DataFrame:
    """The municipality's month ends up to the end of ``year`` (or, when there are none, every one there is)."""
    rows = marts["temporary_protection"]
    rows = rows[rows["kunta_code"] == code].sort_values("reference_date")
    upto = rows[rows["year"] <= year]
    return upto if len(upto) else rows
