"""The Pandera models of the hand-kept files, one per kind."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.read.local_files.forms import PERIOD_PATTERN, THEMES, YEAR_RANGE


class _LocalModel(pa.DataFrameModel):
    """Every kind: coerced to the declared types, no columns beyond the declared ones."""

    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
    source_file: str
    source_row: str

    class Config:
        coerce = True
        strict = True


class _PeriodModel(_LocalModel):
    period_start: pd.Timestamp
    period_end: pd.Timestamp

    @pa.dataframe_check(name="period_end_not_before_start")
    def period_end_not_before_start(cls, df: pd.DataFrame) -> pd.Series:
        return df["period_end"].isna() | df["period_start"].isna() | (df["period_end"] >= df["period_start"])


def _count(required: bool = False):
    return pa.Field(ge=0, nullable=not required)


class QuotaModel(_LocalModel):
    year: pd.Int64Dtype = pa.Field(ge=YEAR_RANGE[0], le=YEAR_RANGE[1])
    quota: pd.Int64Dtype = _count(required=True)
    emergency_cases: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="one_row_per_municipality_and_year")
    def one_row_per_municipality_and_year(cls, df: pd.DataFrame) -> pd.Series:
        return df["year"].isna() | ~df.duplicated(["kunta_code", "year"], keep=False)


class ArrivalsModel(_PeriodModel):
    persons: Optional[pd.Int64Dtype] = _count()
    families: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[["persons", "families"]].notna().any(axis=1)


ACTIVITY_COUNTS = [
    "dropin_visits",
    "clients",
    "integration_plans",
    "network_meetings",
    "network_participants",
    "guided_to_work_or_education",
]


class ActivityModel(_PeriodModel):
    dropin_visits: Optional[pd.Int64Dtype] = _count()
    clients: Optional[pd.Int64Dtype] = _count()
    integration_plans: Optional[pd.Int64Dtype] = _count()
    network_meetings: Optional[pd.Int64Dtype] = _count()
    network_participants: Optional[pd.Int64Dtype] = _count()
    guided_to_work_or_education: Optional[pd.Int64Dtype] = _count()
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[ACTIVITY_COUNTS].notna().any(axis=1)


class GroupsModel(_LocalModel):
    """A group of municipalities (a joint programme, a shared coordinator): one row per member."""

    group_id: str = pa.Field(str_matches=r"^[a-z0-9][a-z0-9_-]*$")
    name_fi: str
    name_sv: str
    name_en: str
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="one_row_per_group_and_municipality")
    def one_row_per_group_and_municipality(cls, df: pd.DataFrame) -> pd.Series:
        return ~df.duplicated(["group_id", "kunta_code"], keep=False)

    @pa.dataframe_check(name="same_names_in_a_group")
    def same_names_in_a_group(cls, df: pd.DataFrame) -> pd.Series:
        names = df[["group_id", "name_fi", "name_sv", "name_en"]].drop_duplicates()
        return df["group_id"].map(names["group_id"].value_counts()).fillna(1).eq(1)


class SurveyModel(_LocalModel):
    period: str = pa.Field(str_matches=PERIOD_PATTERN)
    theme: str = pa.Field(isin=THEMES)
    question: str
    scale: str
    mean: Optional[float] = pa.Field(nullable=True)
    share_pct: Optional[float] = pa.Field(in_range={"min_value": 0, "max_value": 100}, nullable=True)
    n: pd.Int64Dtype = _count(required=True)
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="at_least_one_value")
    def at_least_one_value(cls, df: pd.DataFrame) -> pd.Series:
        return df[["mean", "share_pct"]].notna().any(axis=1)
