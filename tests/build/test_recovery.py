"""An attacker tries to work out a hidden municipality's foreign-language count from its region's figures,
the other municipalities' shown shares and the populations (the fault reported for Sottunga 2024 and
Merijärvi 2023/2024). The attack must succeed on the figures at full precision (so it is a real attack)
and fail on what is published. The synthetic region below is generated here and named as synthetic.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from pipeline.disclosure import CONFIDENTIAL, protect

GRID = np.round(np.arange(0, 1000.5, 1) / 10, 1)  # a share published to one decimal: 0.0 … 100.0


def feasible_counts(populations: list[float], low: float, high: float, small_first: bool) -> list[set[int]]:
    """For each hidden cell, the counts (share × population) it can have when the hidden cells' estimates add
    up to something in [low, high]. ``small_first``: the attacker also assumes the smallest cell is 1-4."""
    n = len(populations)
    if n == 0 or n > 2:
        return [set() for _ in range(n)]  # three or more unknowns: not attempted here (never unique in practice)
    estimates = [GRID * p / 100 for p in populations]
    allowed = [np.ones_like(GRID, dtype=bool) for _ in range(n)]
    if small_first:
        smallest = int(np.argmin(populations))
        allowed[smallest] = (np.round(estimates[smallest]) >= 1) & (np.round(estimates[smallest]) <= 4)
    out: list[set[int]] = [set() for _ in range(n)]
    if n == 1:
        ok = allowed[0] & (estimates[0] >= low - 1e-9) & (estimates[0] <= high + 1e-9)
        out[0] = {int(round(v)) for v in estimates[0][ok]}
        return out
    a, b = estimates
    for i in np.flatnonzero(allowed[0]):
        rest = (b >= low - a[i] - 1e-9) & (b <= high - a[i] + 1e-9) & allowed[1]
        if rest.any():
            out[0].add(int(round(a[i])))
            out[1].update(int(round(v)) for v in b[rest])
    return out


def attack(municipal: pd.DataFrame, totals: pd.DataFrame) -> dict[tuple, int]:
    """``municipal``: group, code, share_pct (NaN when hidden), population. ``totals``: group, speakers,
    speakers_step (its rounding: 1, or 10 for an estimate; NaN when not shown), share_pct, share_step,
    population. Returns {(group, code): count} for every hidden cell worked out to one value."""
    recovered = {}
    for _, total in totals.iterrows():
        cells = municipal[(municipal["group"] == total["group"]) & municipal["population"].notna()]
        hidden = cells[cells["share_pct"].isna()]
        if hidden.empty:
            continue
        shown = float((cells["share_pct"] * cells["population"] / 100).sum())
        low, high = -math.inf, math.inf
        if pd.notna(total["speakers"]):
            low, high = (
                total["speakers"] - total["speakers_step"] / 2 - 0.5,
                total["speakers"] + total["speakers_step"] / 2 + 0.5,
            )
        if pd.notna(total["share_pct"]):
            half = total["share_step"] / 2
            low = max(low, (total["share_pct"] - half) * total["population"] / 100)
            high = min(high, (total["share_pct"] + half) * total["population"] / 100)
        for small_first in (False, True):
            sets = feasible_counts(hidden["population"].tolist(), low - shown, high - shown, small_first)
            for code, counts in zip(hidden["code"], sets):
                if len(counts) == 1:
                    recovered[(total["group"], code)] = next(iter(counts))
    return recovered


def bundled_inputs(con, build_con, precise: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The bundled figures as the attacker has them: the published ones, or (``precise``) the region
    figures at the full precision the landed code published."""
    municipal = con.execute("""
        select m.region_code || '/' || f.year as "group", f.area_code as code, f.share_pct, p.population
        from foreign_language_speakers f
        join dim_municipality m on m.kunta_code = f.area_code
        left join population p on p.area_level = 'municipality' and p.area_code = f.area_code
            and p.is_year_end and p.year = f.year
        where f.area_level = 'municipality'""").df()
    source = "int_foreign_language_speakers_aggregated" if precise else "foreign_language_speakers"
    db = build_con if precise else con
    method = "method" if precise else "speakers_method"
    totals = db.execute(f"""
        select f.area_code || '/' || f.year as "group", f.speakers,
               case when f.{method} = 'computed_estimate' and not {precise} then 10 else 1 end as speakers_step,
               f.share_pct, case when {precise} then 1e-12 else 0.1 end as share_step, p.population
        from {source} f
        left join population p on p.area_level = 'region' and p.area_code = f.area_code
            and p.is_year_end and p.year = f.year
        where f.area_level = 'region'""").df()
    if precise:  # the attacker of the landed code reads population from the same database
        totals["population"] = totals["population"].astype("float64")
    return municipal, totals


def test_the_attack_recovers_hidden_counts_from_full_precision_region_figures(con, build_con):
    municipal, totals = bundled_inputs(con, build_con, precise=True)
    assert attack(municipal, totals), "the attack should work on full-precision figures, or it proves nothing"


def test_no_hidden_count_is_recoverable_from_the_published_figures(con, build_con):
    municipal, totals = bundled_inputs(con, build_con, precise=False)
    assert attack(municipal, totals) == {}


def synthetic_region(rounded: bool) -> tuple[pd.DataFrame, pd.DataFrame]:
    """SYNTHETIC: one region of six municipalities, the smallest with 3 foreign-language speakers."""
    populations = [95, 640, 2900, 7800, 21000, 52000]
    counts = [3, 31, 120, 410, 1650, 5200]
    frame = pd.DataFrame({"group": "synthetic", "code": [f"s{i}" for i in range(6)],
                          "count": pd.array(counts, dtype="Int64"), "population": populations})  # fmt: skip
    frame["share_pct"] = (100 * frame["count"].astype(float) / frame["population"]).round(1)
    frame["estimate"] = frame["share_pct"] * frame["population"] / 100
    protected = protect(frame.assign(sum_group="synthetic"), "count", derived=["share_pct"],
                        groups=[["sum_group"]])  # fmt: skip
    assert (protected["count_flag"] == CONFIDENTIAL).sum() == 2  # the small one and one more
    total = frame["estimate"].sum()
    share = 100 * total / sum(populations)
    totals = pd.DataFrame([{
        "group": "synthetic", "speakers": round(total, -1) if rounded else round(total),
        "speakers_step": 10 if rounded else 1, "share_pct": round(share, 1) if rounded else share,
        "share_step": 0.1 if rounded else 1e-12, "population": sum(populations),
    }])  # fmt: skip
    return protected[["group", "code", "share_pct", "population"]], totals


def test_on_synthetic_data_the_attack_works_at_full_precision_and_fails_on_published_precision():
    assert attack(*synthetic_region(rounded=False))
    assert attack(*synthetic_region(rounded=True)) == {}
