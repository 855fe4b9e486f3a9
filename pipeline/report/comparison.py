"""Figures computed over the marts for comparing municipalities: the ranking with its change from the
previous year, the year-on-year change of a share, and the peer group ("similar municipalities").

Functions take mart tables as DataFrames (``foreign_language_speakers``, ``population``,
``dim_municipality``), so the dashboard's cached tables, the CLI and the printed review compute the same.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def municipal_shares(speakers: pd.DataFrame, year: int) -> pd.DataFrame:
    """The municipalities' rows of ``foreign_language_speakers`` for one year."""
    return speakers[(speakers["area_level"] == "municipality") & (speakers["year"] == year)]


def share_change(speakers: pd.DataFrame, area_level: str, area_code: str, year: int) -> float | None:
    """The change of an area's share from the previous year, in percentage points (None if either is missing)."""
    rows = speakers[(speakers["area_level"] == area_level) & (speakers["area_code"] == area_code)]
    by_year = rows.set_index("year")["share_pct"]
    now, before = by_year.get(year), by_year.get(year - 1)
    if now is None or before is None or pd.isna(now) or pd.isna(before):
        return None
    return float(now) - float(before)


def ranking(speakers: pd.DataFrame, municipalities: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every municipality (all 308, share or not) with its share, rank (1 = largest share) and its change
    from the previous year in percentage points (rounded to 0.1, as shown)."""
    ranked = municipalities.merge(
        municipal_shares(speakers, year), how="left", left_on="kunta_code", right_on="area_code"
    )
    previous = municipal_shares(speakers, year - 1).set_index("area_code")["share_pct"]
    ranked["rank"] = ranked["share_pct"].rank(ascending=False, method="min").astype("Int64")
    ranked["change"] = (ranked["share_pct"] - ranked["kunta_code"].map(previous)).round(1)
    return ranked


def latest_year_end_population(population: pd.DataFrame, area_level: str = "municipality") -> pd.DataFrame:
    """Each area's latest year-end population."""
    rows = population[
        (population["area_level"] == area_level) & population["is_year_end"] & population["population"].notna()
    ]
    return rows.sort_values("reference_date").groupby("area_code", as_index=False).tail(1).reset_index(drop=True)


def peer_group(
    speakers: pd.DataFrame,
    population: pd.DataFrame,
    municipalities: pd.DataFrame,
    kunta_code: str,
    year: int,
    n: int = 10,
) -> pd.DataFrame:
    """The ``n`` municipalities nearest to ``kunta_code`` by log population and share (both standardised).

    Columns: kunta_code, share_pct, share_source, share_method, population, reference_date (of the
    population), population_status, population_method, population_source, distance. Empty when the
    municipality itself has no population or share.
    """
    pop = latest_year_end_population(population)[
        ["area_code", "population", "reference_date", "population_status", "method", "source"]
    ].rename(columns={"source": "population_source", "method": "population_method"})
    shares = ranking(speakers, municipalities, year)[["kunta_code", "share_pct", "share_source", "share_method"]]
    frame = shares.merge(pop, left_on="kunta_code", right_on="area_code", how="inner")
    frame = frame[frame["share_pct"].notna() & (frame["population"] > 0)].copy()
    if kunta_code not in set(frame["kunta_code"]):
        return pd.DataFrame()
    log_pop = np.log(frame["population"].astype("float64"))
    share = frame["share_pct"].astype("float64")
    z_pop = (log_pop - log_pop.mean()) / log_pop.std()
    z_share = (share - share.mean()) / share.std()
    own = frame["kunta_code"] == kunta_code
    frame["distance"] = np.sqrt((z_pop - z_pop[own].iloc[0]) ** 2 + (z_share - z_share[own].iloc[0]) ** 2)
    return frame[~own].nsmallest(n, "distance").reset_index(drop=True)
