"""Population by area and reference date: live 11re totals or the bundled monthly-report file."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError, concat, csv_frame, jsonstat_frame, to_number, unknown_format

COLUMNS = registry.raw_columns("population")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "ikaryhma": "age", "sukupuoli": "sex", "timeperiod": "year", "contentscode": "content"}
VALUE_TYPES = {"final_31dec": "final", "preliminary_month_end": "preliminary"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    fmt = file.meta.get("format")
    if fmt == "jsonstat2":
        frame, _ = jsonstat_frame(file, RENAMES)
        frame["reference_date"] = frame["year"] + "-12-31"
        frame["population_status"] = "final"
        return frame
    if fmt == "kuukausiraportti_population_long_csv":
        return _long_csv(file)
    if fmt == "statfin_11re_totals_csv":
        return _statfin_csv(file, "Vuosi_code", "final")
    if fmt == "statfin_11lj_months_csv":
        return _statfin_csv(file, "Kuukausi_code", "preliminary")
    raise unknown_format(file, "population")


def first_year() -> int:
    """The first year the registry's query asks for (``timeperiod: {from: …}``); older rows are left out."""
    return int(registry.dataset("population")["pxweb"]["query"]["timeperiod"]["from"])


def _statfin_csv(file: RawFile, period_column: str, status: str) -> pd.DataFrame:
    """A StatFin table converted to CSV (``Alue_code, …, <period>, vaesto``): totals of age and sex only.
    Years (``2023``) are 31 December; months (``2024M07``) their last day."""
    frame = csv_frame(file, ["Alue_code", period_column, "vaesto"])
    for column in ("Ikä_code", "Sukupuoli_code"):
        if column in frame.columns:
            frame = frame[frame[column] == "SSS"]
    years = pd.to_numeric(frame[period_column].str[:4], errors="coerce")
    frame = frame[(years >= first_year()) | years.isna()].copy()  # a period that is no year is reported below
    frame["area_code"] = frame["Alue_code"]
    frame["period"] = frame[period_column].where(
        frame[period_column].str.contains("M"), frame[period_column] + "-12-31"
    )
    frame["reference_date"] = _period_end(frame)
    frame["population_status"] = status
    frame["value"] = to_number(frame, "vaesto")
    frame["status"] = None
    return frame


def _long_csv(file: RawFile) -> pd.DataFrame:
    """``kunta_code,…,period,value_type,population``: final 31.12. and preliminary month ends."""
    frame = csv_frame(file, ["kunta_code", "period", "value_type", "population"])
    frame["area_code"] = "KU" + frame["kunta_code"]
    frame["reference_date"] = _period_end(frame)
    frame["population_status"] = frame["value_type"].map(VALUE_TYPES)
    _check_known(frame, "value_type", VALUE_TYPES)
    frame["value"] = to_number(frame, "population")
    frame["status"] = None
    return frame


def _period_end(frame: pd.DataFrame) -> pd.Series:
    """``2023-12-31`` stays; a month ``2024M07`` becomes its last day ``2024-07-31``."""
    months = pd.to_datetime(frame["period"].str.replace("M", "-", regex=False), format="%Y-%m", errors="coerce")
    month_end = (months + pd.offsets.MonthEnd(0)).dt.strftime("%Y-%m-%d")
    days = pd.to_datetime(frame["period"], format="%Y-%m-%d", errors="coerce")
    result = month_end.where(months.notna(), days.dt.strftime("%Y-%m-%d"))
    _check_known(frame, "period", None, ok=result.notna())
    return result


def _check_known(frame: pd.DataFrame, column: str, allowed: dict | None, ok: pd.Series | None = None) -> None:
    ok = frame[column].isin(list(allowed or {})) if ok is None else ok
    if not ok.all():
        row = frame[~ok].iloc[0]
        expected = f"one of {sorted(allowed)}" if allowed else "a date YYYY-MM-DD or a month YYYYMmm"
        raise RawFormatError(
            f"{row['source_file']}: {row['source_row']}, column {column!r}: {row[column]!r} is not {expected}"
        )
