"""A municipality's twelve impact indicators: each with its measures' latest values, status and source."""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from pipeline.report.profile import find_municipality

STATUS_ORDER = ["measured", "local", "no_data"]
PRELIMINARY_MARK = " (ennakkotieto / preliminary)"
SCORECARD_SQL = """
        select i.group_id, i.group_fi, i.group_sv, i.group_en, i.group_order,
               i.indicator_id, i.indicator_fi, i.indicator_sv, i.indicator_en, i.indicator_order,
               m.measure_id, m.measure_order, m.measure_fi, m.measure_sv, m.measure_en, m.definition_fi,
               m.definition_sv, m.definition_en, m.higher_is_better, m.available,
               m.how_to_get_fi, m.how_to_get_sv, m.how_to_get_en,
               m.source as measure_source, v.unit, v.source_kind, v.period, v.reference_date, v.value,
               v.value_flag, v.status, v.source
        from indicator_values v
        join indicators i using (indicator_id)
        join indicator_measures m using (measure_id)
        where v.kunta_code = ?
        order by i.group_order, i.indicator_order, m.measure_order, v.reference_date nulls first, v.period"""


def scorecard(con: duckdb.DuckDBPyConnection, kunta_code: str, year: int | None = None) -> pd.DataFrame:
    """Every indicator measure of a municipality, one row per value of a period that ends by ``year``
    (one ``no_data`` row where there is none), in the registry's order; ``template`` names the own-file
    kind that would fill a measure the municipality keeps itself."""
    rows = up_to(con.execute(SCORECARD_SQL, [kunta_code]).df(), year)
    rows["template"] = rows["measure_source"].where(rows["source_kind"].isin(["local_file", "survey"]))
    rows["preliminary"], rows["source"] = preliminary_source(rows["source"])
    return rows.reset_index(drop=True)


def preliminary_source(sources: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The mart writes a preliminary figure's source with a bilingual mark (`` (ennakkotieto / preliminary)``);
    pages say it in their own language, so the mark becomes a flag and the source its citation alone."""
    text = sources.astype(object).where(sources.notna(), None)
    flag = text.map(lambda s: isinstance(s, str) and s.endswith(PRELIMINARY_MARK))
    return flag.astype(bool), text.map(lambda s: s.removesuffix(PRELIMINARY_MARK) if isinstance(s, str) else s)


def indicator_status(measure_statuses) -> str:
    """An indicator's status: the best of its measures' (measured, then local, then no_data)."""
    return min(measure_statuses, key=STATUS_ORDER.index)


def municipality_indicators(con: duckdb.DuckDBPyConnection, query: str, year: int | None = None) -> dict:
    """``{"kunta_code", "name_fi", "year", "indicators": [12 dicts]}`` (the shape of ``indicators --json``)."""
    muni = find_municipality(con, query)
    registry = con.execute("""
        select i.*, m.* exclude (group_id, indicator_id)
        from indicators i join indicator_measures m using (indicator_id)
        order by i.group_order, i.indicator_order, m.measure_order""").df()
    values = con.execute("select * from indicator_values where kunta_code = ?", [muni["kunta_code"]]).df()
    values = up_to(values, year)
    out = []
    for indicator_id, rows in registry.groupby("indicator_id", sort=False):
        measures = [_measure(m, values[values["measure_id"] == m["measure_id"]]) for _, m in rows.iterrows()]
        first = rows.iloc[0]
        out.append(
            {
                "group": first["group_fi"],
                "group_en": first["group_en"],
                "group_sv": first["group_sv"],
                "indicator_id": indicator_id,
                "indicator_fi": first["indicator_fi"],
                "indicator_en": first["indicator_en"],
                "indicator_sv": first["indicator_sv"],
                "status": indicator_status(m["status"] for m in measures),
                "measures": measures,
            }
        )
    return {"kunta_code": muni["kunta_code"], "name_fi": muni["name_fi"], "year": year, "indicators": out}


def up_to(values: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Values of periods that end by the end of ``year`` (all, when no year is given)."""
    if year is None:
        return values
    ends = values["period"].fillna("").str.split("/").str[-1].str[:4]
    return values[(ends == "") | (pd.to_numeric(ends, errors="coerce") <= year)]


def _measure(m: pd.Series, values: pd.DataFrame) -> dict:
    have = values[values["status"] != "no_data"]
    latest: Any = have.sort_values(["reference_date", "period"], na_position="first").iloc[-1] if len(have) else None
    no_data = latest is None
    template = m["source"] if m["source_kind"] in ("local_file", "survey") else None
    return {
        "measure_id": m["measure_id"],
        "name": m["measure_fi"],
        "name_en": m["measure_en"],
        "name_sv": m["measure_sv"],
        "definition_fi": m["definition_fi"],
        "definition_en": m["definition_en"],
        "unit": m["unit"],
        "higher_is_better": None if pd.isna(m["higher_is_better"]) else bool(m["higher_is_better"]),
        "source_kind": m["source_kind"],
        "status": "no_data" if no_data else latest["status"],
        "value": None if no_data or pd.isna(latest["value"]) else float(latest["value"]),
        "value_flag": None if no_data else _text(latest.get("value_flag")),
        "period": None if no_data else latest["period"],
        "reference_date": None if no_data or pd.isna(latest["reference_date"]) else str(latest["reference_date"])[:10],
        "source": None if no_data else latest["source"],
        "history": []
        if no_data
        else [
            {
                "period": r["period"],
                "value": None if pd.isna(r["value"]) else float(r["value"]),
                "value_flag": _text(r.get("value_flag")),
            }
            for _, r in have.sort_values(["reference_date", "period"]).iterrows()
        ],
        "how_to_fill": (
            f"python -m pipeline template {template}"
            if no_data and template
            else (_text(m["how_to_get_fi"]) if no_data else None)
        ),
        "how_to_fill_en": (
            f"python -m pipeline template {template}"
            if no_data and template
            else (_text(m["how_to_get_en"]) if no_data else None)
        ),
    }


def _text(value) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)
