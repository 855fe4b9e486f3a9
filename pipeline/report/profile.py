"""A municipality's key figures for one year, with its region and the whole country."""

from __future__ import annotations

import difflib

import duckdb
import pandas as pd


class ProfileError(LookupError):
    """An unknown municipality or year; the message says what is known."""


def find_municipality(con: duckdb.DuckDBPyConnection, query: str) -> dict:
    """A municipality by code (``111``, ``KU111``, ``91``) or by its Finnish, Swedish or English name.

    An abolished municipality's code or name leads to the one it joined: the result then has
    ``merged_from`` (``{"code", "name_fi", "valid_from"}``); an unknown one is a :class:`ProfileError`.
    """
    munis = con.table("dim_municipality").df()
    mergers = con.table("municipality_mergers").df()
    text = query.strip()
    code = text.upper().removeprefix("KU")
    if code.isdigit():
        hit = munis[munis["kunta_code"] == code.zfill(3)]
        merged = mergers[mergers["old_code"] == code.zfill(3)]
    else:
        names = munis[["name_fi", "name_sv", "name_en"]].apply(lambda col: col.str.casefold())
        hit = munis[names.eq(text.casefold()).any(axis=1)]
        merged = mergers[mergers["old_name_fi"].str.casefold() == text.casefold()]
    if hit.empty and not merged.empty:
        old = merged.iloc[0]
        hit = munis[munis["kunta_code"] == old["new_code"]]
        return {**hit.iloc[0].to_dict(), "merged_from": {
            "code": old["old_code"], "name_fi": old["old_name_fi"], "valid_from": str(old["valid_from"])[:10]}}  # fmt: skip
    if hit.empty:
        known = munis["name_fi"].tolist() + mergers["old_name_fi"].tolist()
        close = difflib.get_close_matches(text, known, n=3, cutoff=0.6)
        hint = (
            f" Did you mean: {', '.join(close)}?"
            if close and not code.isdigit()
            else " Give a 3-digit code (e.g. 111) or a name (e.g. Heinola)."
        )
        raise ProfileError(f"unknown municipality {query!r}.{hint}")
    return hit.iloc[0].to_dict()


def merger_note(muni: dict) -> str | None:
    """One sentence (fi / en) when a municipality was found by the code or name of one that joined it."""
    old = muni.get("merged_from")
    if not old:
        return None
    day = ".".join(str(int(part)) for part in reversed(old["valid_from"].split("-")))
    return (
        f"{old['name_fi']} ({old['code']}) liitettiin kuntaan {muni['name_fi']} ({muni['kunta_code']}) {day}; "
        f"näytetään {muni['name_fi']}. / {old['name_fi']} ({old['code']}) joined {muni['name_en']} "
        f"({muni['kunta_code']}) on {old['valid_from']}; showing {muni['name_en']}."
    )


def years_with_data(con: duckdb.DuckDBPyConnection, kunta_code: str) -> list[int]:
    rows = con.execute(
        "select distinct year from foreign_language_speakers where area_level = 'municipality' and area_code = ? "
        "order by year",
        [kunta_code],
    ).fetchall()
    return [r[0] for r in rows]


def complete_years(speakers: pd.DataFrame, population: pd.DataFrame) -> dict[int, bool]:
    """Every year with a municipal share, and whether its profile is complete: the municipalities' shares,
    the regions' and the country's shares and the year-end (31.12.) population all exist. A year with only
    part of them (the newest, when only a month's population is out) is False."""
    have = {
        level: set(speakers.loc[(speakers["area_level"] == level) & speakers["share_pct"].notna(), "year"].astype(int))
        for level in ("municipality", "region", "country")
    }
    year_end = population[
        (population["area_level"] == "municipality") & population["is_year_end"] & population["population"].notna()
    ]
    have["population"] = set(year_end["year"].astype(int))
    return {y: all(y in years for years in have.values()) for y in sorted(have["municipality"])}


def default_year(years: list[int], complete: dict[int, bool]) -> int:
    """The latest year with a complete profile (the latest year if none is complete)."""
    full = [y for y in years if complete.get(y)]
    return (full or years)[-1]


def area_figures(con: duckdb.DuckDBPyConnection, level: str, code: str, year: int) -> dict:
    """Share, count and year-end population of one area and year, each with method and source."""
    speakers = con.execute(
        "select * from foreign_language_speakers where area_level = ? and area_code = ? and year = ?",
        [level, code, year],
    ).df()
    population = con.execute(
        "select * from population where area_level = ? and area_code = ? and year = ? and is_year_end",
        [level, code, year],
    ).df()
    s = speakers.iloc[0].to_dict() if len(speakers) else {}
    p = population.iloc[0].to_dict() if len(population) else {}
    return {
        "population": _value(p.get("population"), int),
        "population_status": p.get("population_status"),
        "population_method": p.get("method"),
        "population_source": p.get("source"),
        "foreign_language_share_pct": _value(s.get("share_pct"), float),
        "foreign_language_share_method": s.get("share_method"),
        "foreign_language_share_source": s.get("share_source"),
        "foreign_language_speakers": _value(s.get("speakers"), int),
        "foreign_language_speakers_flag": _flag(s.get("speakers_flag")),
        "foreign_language_speakers_method": s.get("speakers_method"),
        "foreign_language_speakers_source": s.get("speakers_source"),
    }


def municipality_profile(con: duckdb.DuckDBPyConnection, query: str, year: int | None = None) -> dict:
    """The profile as one dict (the shape of ``profile --json``)."""
    muni = find_municipality(con, query)
    years = years_with_data(con, muni["kunta_code"])
    if year is None:  # the plain command opens on the latest complete year, as the dashboard does
        complete = complete_years(con.table("foreign_language_speakers").df(), con.table("population").df())
        year = default_year(years, complete)
    elif year not in years:
        raise ProfileError(f"no figures for {muni['name_fi']} in {year}; years with data: {', '.join(map(str, years))}")
    own = area_figures(con, "municipality", muni["kunta_code"], year)
    region = area_figures(con, "region", muni["region_code"], year)
    country = area_figures(con, "country", "SSS", year)
    return {
        "kunta_code": muni["kunta_code"],
        "name_fi": muni["name_fi"],
        "name_sv": muni["name_sv"],
        "name_en": muni["name_en"],
        "year": year,
        "reference_date": f"{year}-12-31",
        **{k: v for k, v in own.items() if not k.endswith(("_source", "_method"))},
        "region": {
            "code": muni["region_code"],
            "name_fi": muni["region_name_fi"],
            **{k: v for k, v in region.items() if not k.endswith("_source")},
        },
        "wellbeing_county": {"code": muni["wellbeing_county_code"], "name_fi": muni["wellbeing_county_name_fi"]},
        "country": {k: v for k, v in country.items() if not k.endswith("_source")},
        "temporary_protection": temporary_protection(con, muni["kunta_code"], year),
        "quota_refugees": quota_refugees(con, muni["kunta_code"], year),
        "sources": _sources(year, {"municipality": own, "region": region, "country": country}),
    }


def temporary_protection(con: duckdb.DuckDBPyConnection, kunta_code: str, year: int) -> dict | None:
    """The latest month-end count in the year (null when there is none); a small count stays hidden."""
    rows = con.execute(
        "select * from temporary_protection where kunta_code = ? and year = ? order by reference_date desc limit 1",
        [kunta_code, year],
    ).df()
    if rows.empty:
        return None
    r = rows.iloc[0]
    return {
        "count": _value(r["persons"], int),
        "count_flag": _flag(r["persons_flag"]),
        "reference_date": str(r["reference_date"])[:10],
        "note": _flag(r["note"]),
        "source": r["source"],
    }


def quota_refugees(con: duckdb.DuckDBPyConnection, kunta_code: str, year: int) -> dict | None:
    """The year's quota against arrivals, from the municipality's own files (null when there is no row)."""
    rows = con.execute("select * from quota_refugees where kunta_code = ? and year = ?", [kunta_code, year]).df()
    if rows.empty:
        return None
    r = rows.iloc[0]
    return {
        "year": year,
        "quota": _value(r["quota"], int),
        "emergency_cases": _value(r["emergency_cases"], int),
        "arrived": _value(r["arrived_persons"], int),
        "arrived_flag": _flag(r["arrived_persons_flag"]),
        "arrived_families": _value(r["arrived_families"], int),
        "arrived_families_flag": _flag(r["arrived_families_flag"]),
        "arrivals_periods": _flag(r["arrivals_periods"]),
        "note": _flag(r["note"]) or None,
        "source": "; ".join(dict.fromkeys(s for s in (_flag(r["quota_source"]), _flag(r["arrivals_source"])) if s))
        or None,
    }


def _sources(year: int, areas: dict[str, dict]) -> list[dict]:
    """Where each figure came from: one entry per area and measure that has a value."""
    out = []
    for area, figures in areas.items():
        for measure in ("population", "foreign_language_share_pct", "foreign_language_speakers"):
            stem = measure.removesuffix("_pct")
            if figures.get(measure) is None:
                continue
            out.append(
                {
                    "area": area,
                    "measure": measure,
                    "reference_date": f"{year}-12-31",
                    "method": figures.get(f"{stem}_method"),
                    "source": figures.get(f"{stem}_source"),
                    **({"status": figures["population_status"]} if measure == "population" else {}),
                }
            )
    return out


def _flag(value) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _value(value, kind):
    return None if value is None or pd.isna(value) else kind(value)
