"""Every read of the database the dashboard makes: one read-only DuckDB connection, cached results.

Pages call the public functions here and never write SQL. Results are keyed by the database file's
identity, so a ``make refresh`` that replaces the file is picked up without restarting the server. A
whole mart (:func:`table` and the functions that name one) is one frame shared by every session
(``st.cache_resource``): pages filter and copy it, never change it (a test runs every page and compares).
Smaller results come from ``st.cache_data``: each call gets its own copy. Tables are read with ``select *``: a
column the marts gain later breaks nothing, and a flag column a mart lacks is added as empty
(absent = no flags).
"""

from __future__ import annotations

import json
import math

import duckdb
import pandas as pd
import streamlit as st

from dashboard.per_run import PerRun
from pipeline import paths, registry
from pipeline.report import comparison, database, indicators, profile

TTL = 600
# Count columns whose ``<count>_flag`` may be missing from an older database (from the registry's policy).
FLAGS = registry.flag_columns()


# -- the connection ------------------------------------------------------------------------------------


def database_exists() -> bool:
    return paths.database_path().exists()


def _file_version() -> str:
    path = paths.database_path()
    return f"{path}|{path.stat().st_mtime_ns}"


# A page reads some 100 times a run: the file is looked at once, after the app has checked it; a refresh
# that replaces it is seen at the next run.
_VERSION = PerRun(_file_version)


def _version() -> str:
    """The database's path and modification time: the key of every cached result."""
    return _VERSION.get()


def hold_version(held: bool = True) -> None:
    """Every read of the rest of this script run is of the database as it is now (``held``), or the file
    is looked at anew at every read (at the start of a run)."""
    _VERSION.hold(held)


def version() -> str:
    """The key of the database now read (for a page's own cache of what it draws from it)."""
    return _version()


@st.cache_resource(max_entries=2, on_release=lambda con: con.close(), show_spinner=False)
def _connection(version: str) -> duckdb.DuckDBPyConnection:
    """A new in-memory DuckDB with the database file attached read-only.

    ``duckdb.connect(path)`` hands back the database already open for that path, even after a refresh
    replaced the file (the server would keep showing the deleted one); an attach from a new instance
    opens the file that is there now.
    """
    path = version.rsplit("|", 1)[0].replace("'", "''")
    con = duckdb.connect(":memory:")
    con.execute(f"attach '{path}' as kotoprofiili (read_only)")
    return con


def database_problem(lang: str) -> str | None:
    """None when the database can be read; else one sentence in ``lang`` saying why not (another process
    holds it for writing, or the file is empty or not a Kotoprofiili database)."""
    try:
        _readable(_version())
    except duckdb.Error as exc:
        return database.problem_text(paths.database_path(), exc, lang)
    return None


@st.cache_resource(max_entries=2, show_spinner=False)
def _readable(version: str) -> bool:
    """The sanity check passed on this version of the file (its connection is cached as long); a failure
    raises and is not cached, so the next run checks again."""
    cursor = _cursor(version)
    try:
        database.check(cursor)
    finally:
        cursor.close()
    return True


def _cursor(version: str) -> duckdb.DuckDBPyConnection:
    """A cursor of the cached connection, on the attached database (each session's thread has its own)."""
    cursor = _connection(version).cursor()
    cursor.execute("use kotoprofiili")
    return cursor


def _query(version: str, sql: str, params: list | None = None) -> pd.DataFrame:
    """One query on its own cursor (the cached connection is shared by every session's thread)."""
    cursor = _cursor(version)
    try:
        return _plain_text(cursor.execute(sql, params or []).df())
    finally:
        cursor.close()


def _plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns (and the column names) as Python strings in NumPy object arrays, not pandas' Arrow
    ``str``: the same values (a missing one stays NaN), but a page filters and indexes these small frames
    hundreds of times a run, and each Arrow ``take`` costs a call into pyarrow per column (a third of the
    comparison and impact pages' server time)."""
    text = {c: object for c, dtype in frame.dtypes.items() if isinstance(dtype, pd.StringDtype)}
    frame = frame.astype(text) if text else frame
    frame.columns = pd.Index(list(frame.columns), dtype=object)
    return frame


@st.cache_data(ttl=TTL, show_spinner=False)
def _tables(version: str) -> set[str]:
    return set(_query(version, "select table_name from information_schema.tables")["table_name"])


def _with_flags(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Every ``*_flag`` column as plain strings or None (so ``== "confidential"`` is a plain bool)."""
    for flag in FLAGS.get(table, []):
        if flag not in frame.columns:
            frame[flag] = None
    for flag in [c for c in frame.columns if c.endswith("_flag")]:
        frame[flag] = frame[flag].astype(object).where(frame[flag].notna(), None)
    return frame


@st.cache_resource(max_entries=64, show_spinner=False)
def _table(version: str, table: str) -> pd.DataFrame:
    """Shared, never mutate. Unpickling a copy for every call (``st.cache_data``) was a fifth of a page's
    server time: a page reads ``population`` and ``foreign_language_speakers`` a dozen times."""
    if table not in _tables(version):
        return pd.DataFrame()
    return _with_flags(_query(version, f'select * from "{table}"'), table)


@st.cache_data(ttl=TTL, max_entries=200, show_spinner=False)
def _area_rows(version: str, table: str, area_level: str, area_code: str) -> pd.DataFrame:
    """One area's rows of a (possibly large, live-only) breakdown mart."""
    if table not in _tables(version):
        return pd.DataFrame()
    frame = _query(version, f'select * from "{table}" where area_level = ? and area_code = ?', [area_level, area_code])
    return _with_flags(frame, table)


@st.cache_data(ttl=TTL, show_spinner=False)
def _has_rows(version: str, table: str) -> bool:
    if table not in _tables(version):
        return False
    return bool(_query(version, f'select exists (select 1 from "{table}") as has_rows')["has_rows"].iloc[0])


def has_rows(table: str) -> bool:
    """Whether a mart exists and has any row (the live-only breakdowns are empty offline)."""
    return _has_rows(_version(), table)


def table(name: str) -> pd.DataFrame:
    """A whole mart (empty when the database does not have it). Shared by every session: never mutate."""
    return _table(_version(), name)


# -- areas ---------------------------------------------------------------------------------------------


def municipalities() -> pd.DataFrame:
    """``dim_municipality``: code, fi/sv/en names, region, wellbeing services county."""
    return table("dim_municipality")


def municipality_mergers() -> pd.DataFrame:
    """Abolished municipalities and their successors (old_code, old_name_fi, new_code, new_name_*, valid_from)."""
    return table("municipality_mergers")


ALPHABET = str.maketrans(
    {"Å": "Z\uffff1", "Ä": "Z\uffff2", "Ö": "Z\uffff3", "å": "z\uffff1", "ä": "z\uffff2", "ö": "z\uffff3"}
)  # Finnish and Swedish order: … X Y Z Å Ä Ö


@st.cache_resource(max_entries=8, show_spinner=False)
def _names_in_order(version: str, language: str) -> tuple[list[str], dict[str, str]]:
    munis = _table(version, "dim_municipality")
    names = dict(zip(munis["kunta_code"], munis[f"name_{language}"]))
    return sorted(names, key=lambda code: names[code].translate(ALPHABET).casefold()), names


def names_in_order(language: str) -> tuple[list[str], dict[str, str]]:
    """Every municipality's code in the alphabetical order of ``language`` (… Z Å Ä Ö) and its name by code,
    for the selectors (308 names sorted once, not on every run). Shared by every session: never mutate."""
    return _names_in_order(_version(), language)


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _municipality(version: str, kunta_code: str) -> dict:
    munis = _table(version, "dim_municipality")
    return munis[munis["kunta_code"] == kunta_code].iloc[0].to_dict()


def municipality(kunta_code: str) -> dict:
    return _municipality(_version(), kunta_code)


# -- measures ------------------------------------------------------------------------------------------


def foreign_language_speakers() -> pd.DataFrame:
    """Count and share by area and year, with their method, source and the count's disclosure flag."""
    return table("foreign_language_speakers")


def population() -> pd.DataFrame:
    """Population by area and reference date (month ends and year ends), with status and method."""
    return table("population")


@st.cache_data(ttl=TTL, show_spinner=False)
def _share_years(version: str) -> list[int]:
    fls = _table(version, "foreign_language_speakers")
    rows = fls[(fls["area_level"] == "municipality") & fls["share_pct"].notna()]
    return sorted(int(y) for y in rows["year"].unique())


def share_years() -> list[int]:
    """Years with a foreign-language share for some municipality, oldest first."""
    return _share_years(_version())


@st.cache_data(ttl=TTL, show_spinner=False)
def _complete_years(version: str) -> dict[int, bool]:
    return profile.complete_years(foreign_language_speakers(), population())


def complete_years() -> dict[int, bool]:
    """Each year of :func:`share_years` and whether its profile is complete (report layer)."""
    return _complete_years(_version())


def default_year() -> int:
    """The year a plain link opens on: the latest with a complete profile."""
    return profile.default_year(share_years(), complete_years())


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _area_share_series(version: str, area_level: str, area_code: str) -> pd.DataFrame:
    fls = _table(version, "foreign_language_speakers")
    rows = fls[(fls["area_level"] == area_level) & (fls["area_code"] == area_code)]
    return rows.sort_values("year").reset_index(drop=True)


def area_share_series(area_level: str, area_code: str) -> pd.DataFrame:
    """One area's rows of ``foreign_language_speakers``, oldest year first (only years that exist)."""
    return _area_share_series(_version(), area_level, area_code)


@st.cache_data(ttl=TTL, max_entries=2000, show_spinner=False)
def _area_population(version: str, area_level: str, area_code: str, year: int) -> dict | None:
    pop = _table(version, "population")
    rows = pop[(pop["area_level"] == area_level) & (pop["area_code"] == area_code) & (pop["year"] == year)]
    rows = rows[rows["population"].notna()].sort_values(["is_year_end", "reference_date"])
    return rows.iloc[-1].to_dict() if len(rows) else None


def area_population(area_level: str, area_code: str, year: int) -> dict | None:
    """The year-end population of an area, else the latest month end of that year; None if neither."""
    return _area_population(_version(), area_level, area_code, year)


@st.cache_data(ttl=TTL, max_entries=8, show_spinner=False)
def _latest_year_end_population(version: str, area_level: str) -> pd.DataFrame:
    return comparison.latest_year_end_population(_table(version, "population"), area_level)


def latest_year_end_population(area_level: str = "municipality") -> pd.DataFrame:
    """Each area's latest year-end population (the population used to find similar municipalities)."""
    return _latest_year_end_population(_version(), area_level)


@st.cache_data(ttl=TTL, max_entries=50, show_spinner=False)
def _ranking(version: str, year: int) -> pd.DataFrame:
    return comparison.ranking(foreign_language_speakers(), municipalities(), year)


def ranking(year: int) -> pd.DataFrame:
    """Every municipality (all 308) with its share, rank and change from the previous year (report layer)."""
    return _ranking(_version(), year)


def share_change(area_level: str, area_code: str, year: int) -> float | None:
    """An area's share minus the previous year's, in percentage points (None if either is missing)."""
    return comparison.share_change(foreign_language_speakers(), area_level, area_code, year)


# -- live-only breakdowns (empty in the offline snapshot) ----------------------------------------------


def population_by_language(kunta_code: str) -> pd.DataFrame:
    return _area_rows(_version(), "population_by_language", "municipality", kunta_code)


def population_by_age_group(kunta_code: str) -> pd.DataFrame:
    return _area_rows(_version(), "population_by_age_group", "municipality", kunta_code)


def population_by_citizenship(kunta_code: str) -> pd.DataFrame:
    return _area_rows(_version(), "population_by_citizenship", "municipality", kunta_code)


# -- maps ----------------------------------------------------------------------------------------------


MAP_DECIMALS = 4  # degrees to 4 decimals: 11 m or less, far below a pixel of the map; the JSON is 45 % of it


def _rounded_ring(ring: list) -> list:
    """A ring's points rounded to :data:`MAP_DECIMALS`, a point equal to the one before it dropped. The same
    point of two neighbours rounds the same, so their shared edges (the regions' borders) stay shared."""
    out: list = []
    for x, y in ring:
        point = [round(x, MAP_DECIMALS), round(y, MAP_DECIMALS)]
        if not out or point != out[-1]:
            out.append(point)
    return out if len(out) >= 4 else [[round(x, MAP_DECIMALS), round(y, MAP_DECIMALS)] for x, y in ring]


def _rounded(geometry: dict) -> dict:
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": [_rounded_ring(r) for r in geometry["coordinates"]]}
    if geometry["type"] == "MultiPolygon":
        coordinates = [[_rounded_ring(r) for r in polygon] for polygon in geometry["coordinates"]]
        return {"type": "MultiPolygon", "coordinates": coordinates}
    return geometry


@st.cache_resource(max_entries=2, show_spinner=False)
def _geojson(version: str) -> dict:
    rows = _table(version, "municipality_boundaries")
    features = [
        {"type": "Feature", "id": code, "properties": {"kunta_code": code}, "geometry": _rounded(json.loads(geom))}
        for code, geom in zip(rows["kunta_code"], rows["geometry_geojson"])
        if isinstance(geom, str)
    ]
    return {"type": "FeatureCollection", "features": features}


def boundaries_geojson() -> dict:
    """A GeoJSON FeatureCollection of the municipalities (``properties.kunta_code``). Shared: never mutate."""
    return _geojson(_version())


# -- similar municipalities ----------------------------------------------------------------------------


@st.cache_data(ttl=TTL, max_entries=500, show_spinner=False)
def _peers(version: str, kunta_code: str, year: int, n: int) -> pd.DataFrame:
    return comparison.peer_group(foreign_language_speakers(), population(), municipalities(), kunta_code, year, n)


def peer_group(kunta_code: str, year: int, n: int = 10) -> pd.DataFrame:
    """The ``n`` municipalities nearest to ``kunta_code`` by log population and share (both standardised).

    Columns: kunta_code, share_pct, share_source, share_method, population, reference_date (of the
    population), population_status, population_method, population_source, distance. Empty when the
    municipality itself has no population or share.
    """
    return _peers(_version(), kunta_code, year, n)


# -- provenance ----------------------------------------------------------------------------------------


def sources() -> pd.DataFrame:
    return table("sources")


def build_info() -> dict:
    info = table("build_info")
    return info.iloc[0].to_dict() if len(info) else {}


def validation_report() -> pd.DataFrame:
    return table("validation_report")


def reconciliation() -> pd.DataFrame:
    return table("reconciliation")


@st.cache_data(ttl=TTL, max_entries=1000, show_spinner=False)
def _definition(version: str, source_key: str, lang: str) -> str | None:
    src = _table(version, "sources")
    rows = src[src["source_key"] == source_key] if "source_key" in src else src.iloc[0:0]
    if rows.empty:
        return None
    value = rows.iloc[0].get(f"definition_{lang}")
    return value if isinstance(value, str) and value.strip() else None


def definition(source_key: str, lang: str) -> str | None:
    """The definition of a source in the reader's language (every source has one in fi, sv and en)."""
    return _definition(_version(), source_key, lang)


def is_missing(value) -> bool:
    """None, NaN and pandas' NA alike."""
    if value is None or value is pd.NA:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return isinstance(value, float) and math.isnan(value)


# -- the municipality's programme figures and the impact indicators -----------------------------------


def _rows_of(table_name: str, kunta_code: str, order: str) -> pd.DataFrame:
    frame = table(table_name)
    if frame.empty:
        return frame
    return frame[frame["kunta_code"] == kunta_code].sort_values(order).reset_index(drop=True)


def temporary_protection(kunta_code: str) -> pd.DataFrame:
    """Month-end counts of temporary protection with a municipality of residence (flags, note, source)."""
    return _rows_of("temporary_protection", kunta_code, "reference_date")


def quota_refugees(kunta_code: str) -> pd.DataFrame:
    """The yearly quota against arrivals, from the municipality's own files."""
    return _rows_of("quota_refugees", kunta_code, "year")


def _scorecard(version: str, kunta_code: str, year: int | None) -> pd.DataFrame:
    """Read once for :func:`_scorecard_cards`, which keeps its rows (a second cache of the frame was a copy)."""
    cursor = _cursor(version)
    try:
        return _with_flags(indicators.scorecard(cursor, kunta_code, year), "indicator_values")
    finally:
        cursor.close()


@st.cache_resource(max_entries=200, show_spinner=False)
def _scorecard_cards(version: str, kunta_code: str, year: int | None) -> tuple[tuple[tuple[dict, ...], ...], ...]:
    frame = _scorecard(version, kunta_code, year)
    return tuple(
        tuple(tuple(rows.to_dict("records")) for _, rows in group.groupby("indicator_order", sort=True))
        for _, group in frame.groupby("group_order", sort=True)
    )


def scorecard_cards(kunta_code: str, year: int | None = None) -> tuple[tuple[tuple[dict, ...], ...], ...]:
    """Every indicator measure of the municipality, one row per value of a period ending by ``year`` (one
    no_data row where none), from the report layer: plain rows, group by group and indicator by indicator,
    in their order, shared by every session (never change them; turning the frame into rows was a quarter
    of the page's server time)."""
    return _scorecard_cards(_version(), kunta_code, year)


def kuntaliitto_survey() -> pd.DataFrame:
    """Kuntaliitto's 2023 municipal survey: the national reference points."""
    return table("kuntaliitto_survey")
