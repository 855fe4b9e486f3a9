"""The one small-count rule. Every table users read, and so the CLI, the dashboard and downloads, pass here.

Rule (written down in RULE_FI / RULE_EN and shown on the dashboard's sources page):
- A count of persons from 1 to 4 is confidential: it is removed from the table (the value becomes
  null) and flagged ``confidential``; every output shows the symbol ``< 5`` instead. 0 is shown.
- Figures derived from such a count (a share of it) are hidden with it. A share whose count is not
  known is hidden when share × population gives fewer than 5 persons.
- Secondary suppression: cells that add up to a shown total form a group. When a group has exactly one
  confidential cell, the smallest other non-zero cell is hidden too, so that no hidden cell is a
  subtraction away from the total. Repeated until stable, over every grouping given.
- A cell the publisher already left empty as confidential (Statistics Finland's ``...``) counts as
  confidential; a value no source has is ``missing`` and shown as ``–``, never as 0.

Why 5: Helsinki's regional statistics hide counts below 5 and THL uses small-cell rules of the same
size; it is stricter than the OECD's 3 and close to Migri's greying of counts below 6 without hiding
the many counts of 5 that municipal programmes publish.
"""
from __future__ import annotations

import pandas as pd

THRESHOLD = 5
SYMBOL = "< 5"          # a hidden count
SYMBOL_DERIVED = ".."    # a hidden figure derived from a count (a share, a mean of few answers), as Kolada
CONFIDENTIAL = "confidential"
MISSING = "missing"

RULE_FI = ("Alle viiden henkilön lukumäärät (1–4) on salattu ja näytetään merkinnällä ”< 5”; niistä johdetut "
           "osuudet ja alle viiden vastaajan kyselytulokset merkinnällä ”..”. Jos summasta ja muista soluista voisi laskea salatun luvun, myös seuraavaksi pienin "
           "solu salataan (toissijainen suojaus). Puuttuva tieto näytetään merkinnällä ”–”, ei koskaan nollana.")
RULE_SV = ("Antal på 1–4 personer är sekretessbelagda och visas som ”< 5”; andelar som härletts ur dem och "
           "enkätresultat med färre än fem svar visas som ”..”. "
           "Om ett dolt värde kunde räknas ut ur summan och de andra cellerna döljs även den näst minsta cellen "
           "(sekundär sekretess). Saknade uppgifter visas som ”–”, aldrig som 0.")
RULE_EN = ("Counts of 1–4 persons are confidential and shown as \u201c< 5\u201d; shares derived from them and "
           "survey results of fewer than five answers as \u201c..\u201d. "
           "Where a hidden count could be recovered from a total and the other cells, the next smallest cell is "
           "hidden too (secondary suppression). A missing value is shown as \u201c–\u201d, never as 0.")


def flag_column(count: str) -> str:
    return f"{count}_flag"


def is_small(values: pd.Series) -> pd.Series:
    """True for counts 1..THRESHOLD-1 (missing values are not small)."""
    v = pd.to_numeric(values, errors="coerce").astype("float64")
    return ((v >= 1) & (v < THRESHOLD)).fillna(False).astype(bool)


def protect(frame: pd.DataFrame, count: str, *, groups: list[list[str]] = (), derived: list[str] = (),
            estimate: pd.Series | None = None, publisher_confidential: pd.Series | None = None,
            applies: pd.Series | None = None) -> pd.DataFrame:
    """Apply the rule to one count column; returns a new frame with ``<count>_flag`` added.

    ``groups``: column lists whose groups of rows add up to a shown total (for secondary suppression).
    ``derived``: columns hidden together with the count (e.g. a share of it).
    ``estimate``: the count implied where it is not known (share × population), to hide such shares.
    ``publisher_confidential``: rows the publisher already hid as confidential.
    ``applies``: rows whose count is a count of persons (others, e.g. meetings, are left as they are).
    """
    out = frame.copy()
    confidential = is_small(out[count])
    if estimate is not None:
        implied = pd.to_numeric(estimate, errors="coerce").astype("float64")
        confidential |= out[count].isna().to_numpy() & ((implied > 0) & (implied.round() < THRESHOLD)).fillna(False)
    if publisher_confidential is not None:
        confidential |= publisher_confidential.fillna(False).astype(bool)
    if applies is not None:
        confidential &= applies.fillna(False).astype(bool).to_numpy()
    if flag_column(count) in out.columns:  # hidden upstream (in the table this one is built from)
        confidential |= out[flag_column(count)].eq(CONFIDENTIAL).fillna(False).astype(bool).to_numpy()
    # secondary suppression ranks cells by their count, or by the implied count where the count is unknown,
    # so that a small municipality's share goes before its region's total
    ranking = pd.to_numeric(out[count], errors="coerce").astype("float64")
    if estimate is not None:
        ranking = ranking.fillna(pd.to_numeric(estimate, errors="coerce").astype("float64"))
    confidential = _secondary(out, ranking, confidential, groups)
    flag = pd.Series(pd.NA, index=out.index, dtype="object")
    flag[out[count].isna()] = MISSING
    flag[confidential] = CONFIDENTIAL
    out[count] = out[count].mask(confidential)
    for col in derived:
        out[col] = out[col].mask(confidential)
    out[flag_column(count)] = flag
    return out


def _secondary(frame: pd.DataFrame, values: pd.Series, confidential: pd.Series, groups) -> pd.Series:
    """Hide the smallest other non-zero cell of any group with exactly one hidden cell, until stable."""
    confidential = confidential.copy()
    group_ids = [frame.groupby(list(keys), dropna=False, sort=False).ngroup() for keys in groups]
    changed = True
    while changed:
        changed = False
        for gid in group_ids:
            lonely = confidential.groupby(gid).transform("sum") == 1
            candidates = lonely & ~confidential & (values > 0)
            if not candidates.any():
                continue
            smallest = values[candidates].groupby(gid[candidates]).idxmin()
            confidential.loc[smallest.to_numpy()] = True
            changed = True
    return confidential


def display(value, flag, formatted: str, derived: bool = False) -> str:
    """What every output shows: the symbol when confidential (``..`` for a derived figure), else the value."""
    if flag == CONFIDENTIAL:
        return SYMBOL_DERIVED if derived else SYMBOL
    return formatted


# -- where the rule applies: every count of persons in the marts users read ------------------------------
# table -> how to protect it. Applied by protect_table() as soon as the table is built (before any model
# that reads it, and before validation), so no table users read ever holds a count of 1-4.

POLICY: dict[str, list[dict]] = {
    "foreign_language_speakers": [dict(count="speakers", derived=["share_pct"], estimate="implied_speakers",
                                       groups=[["sum_group", "year"]])],
    "population_by_language": [dict(count="population", publisher_confidential="status",
                                    groups=[["area_level", "area_code", "year", "sex", "language_group"],
                                            ["area_level", "area_code", "year", "language_code"]])],
    "population_by_citizenship": [dict(count="population", publisher_confidential="status",
                                       groups=[["area_level", "area_code", "year", "sex", "citizenship_group"]])],
    "population_by_age_group": [dict(count="population",
                                     groups=[["area_level", "area_code", "year", "sex"],
                                             ["area_level", "area_code", "year", "age_group"]])],
    "temporary_protection": [dict(count="persons", derived=["share_of_foreign_language_speakers_pct",
                                                            "change_from_previous"])],
    "quota_refugees": [dict(count="arrived_persons"), dict(count="arrived_families")],
    "local_activity": [dict(count="value", applies="is_persons")],
    "survey_results": [dict(count="n", derived=["mean", "share_pct"])],
    "indicator_values": [dict(count="value", applies="is_persons")],
}

# Helper columns some policies need, computed in SQL from the marts (dropped after protection).
HELPERS: dict[str, str] = {
    "foreign_language_speakers": """
        select f.*,
               -- a region's municipalities and the region's total form one group; the country stands alone
               case when f.area_level = 'municipality' then 'region ' || m.region_code
                    else f.area_level || ' ' || f.area_code end as sum_group,
               -- the persons a share implies, with the nearest year's population where the year's is unknown
               f.share_pct * (
                   select p.population from population p
                   where p.area_level = f.area_level and p.area_code = f.area_code
                   order by abs(p.year - f.year), p.reference_date desc
                   limit 1
               ) / 100 as implied_speakers
        from foreign_language_speakers f
        left join dim_municipality m on f.area_level = 'municipality' and m.kunta_code = f.area_code
    """,
    "local_activity": """
        select *, measure in ('clients', 'network_participants', 'guided_to_work_or_education') as is_persons
        from local_activity
    """,
    "indicator_values": "select *, unit = 'persons' as is_persons from indicator_values",
}


def protect_table(con, table: str) -> None:
    """Apply the rule to one table of the policy, in place (a ``<count>_flag`` column is added per count).

    Called right after the table is built, so that every model built from it reads protected counts.
    """
    rules = POLICY[table]
    frame = con.sql(HELPERS.get(table, f"select * from {table}")).df()
    original = con.table(table)
    columns = list(original.columns)
    typed = [f'cast("{c}" as {t}) as "{c}"' for c, t in zip(original.columns, original.types)]
    for rule in rules:
        frame = protect(
            frame, rule["count"], groups=rule.get("groups", []), derived=rule.get("derived", []),
            estimate=frame[rule["estimate"]] if "estimate" in rule else None,
            publisher_confidential=frame[rule["publisher_confidential"]].eq("...")
            if "publisher_confidential" in rule else None,
            applies=frame[rule["applies"]] if "applies" in rule else None,
        )
        if flag_column(rule["count"]) in columns:
            continue
        columns.append(flag_column(rule["count"]))
        typed.append(f'cast("{flag_column(rule["count"])}" as varchar) as "{flag_column(rule["count"])}"')
    con.register("protected", frame[columns])
    con.execute(f"create or replace table {table} as select {', '.join(typed)} from protected")
    con.unregister("protected")
