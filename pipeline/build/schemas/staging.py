"""Pandera models of the staging tables (sql/staging/stg_<dataset>.sql), one per dataset."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.build.schemas._base import (
    SEXES,
    YEARS,
    KuntaliittoAnswers,
    LocalFile,
    MunicipalityClassification,
    StagedArea,
    StagedCounts,
    Strict,
)


class StgForeignLanguageSpeakers(StagedArea):
    year: int = pa.Field(**YEARS)
    measure: str = pa.Field(isin=["count", "share_pct"])
    value: Optional[float] = pa.Field(ge=0, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="share_pct_at_most_100")
    def share_at_most_100(cls, df: pd.DataFrame) -> pd.Series:
        return (df["measure"] != "share_pct") | df["value"].isna() | (df["value"] <= 100)

    class Config:
        unique = ["area_level", "area_code", "year", "measure"]


class StgPopulation(StagedArea):
    reference_date: pd.Timestamp
    year: int = pa.Field(**YEARS)
    population_status: str = pa.Field(isin=["final", "preliminary"])
    population: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "reference_date"]


class StgPopulationByAgeSex(StagedCounts):
    age: Optional[pd.Int64Dtype] = pa.Field(ge=0, le=120, nullable=True)

    class Config:
        unique = ["area_level", "area_code", "year", "age", "sex"]


class StgPopulationByLanguage(StagedCounts):
    language_code: str
    language_name_fi: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "year", "language_code", "sex"]


class StgPopulationByCitizenship(StagedCounts):
    citizenship_code: str
    citizenship_name_fi: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "year", "citizenship_code", "sex"]


class StgMunicipalities(MunicipalityClassification):
    geometry_geojson: str
    source_file: str
    source_row: str


class StgMunicipalityMergers(Strict):
    old_code: str = pa.Field(str_matches=r"^\d{3}$", unique=True)
    old_name_fi: str
    new_code: str = pa.Field(str_matches=r"^\d{3}$")
    new_name_fi: str
    valid_from: pd.Timestamp
    source_file: str
    source_row: str


class StgPublishedFigures(Strict):
    kunta_code: str = pa.Field(str_matches=r"^(\d{3}|SSS)$")
    kunta_name_fi: str
    measure: str
    reference_period: str = pa.Field(str_matches=r"^\d{4}(-\d{2}-\d{2})?$")
    reference_day: Optional[pd.Timestamp] = pa.Field(nullable=True)
    reference_year: int = pa.Field(**YEARS)
    value: float = pa.Field(ge=0)
    unit: str
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)
    source_file: str
    source_row: str

    class Config:
        unique = ["kunta_code", "measure", "reference_period"]


class StgKuntaliittoSurvey(KuntaliittoAnswers):
    source_file: str
    source_row: str


class StgTemporaryProtection(Strict):
    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
    reference_date: pd.Timestamp
    persons: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    count_status: Optional[str] = pa.Field(nullable=True)
    note: Optional[str] = pa.Field(nullable=True)
    source_file: str
    source_row: str

    @pa.check("reference_date", name="month_end")
    def month_end(cls, series: pd.Series) -> pd.Series:
        return series.dt.is_month_end

    class Config:
        unique = ["kunta_code", "reference_date"]


class StgLocalGroups(LocalFile):
    group_id: str = pa.Field(str_matches=r"^[a-z0-9][a-z0-9_-]*$")
    name_fi: str
    name_sv: str
    name_en: str

    class Config:
        unique = ["group_id", "kunta_code"]


class StgLocalQuota(LocalFile):
    year: int = pa.Field(**YEARS)
    quota: pd.Int64Dtype = pa.Field(ge=0)
    emergency_cases: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)

    class Config:
        unique = ["kunta_code", "year"]


class StgLocalArrivals(LocalFile):
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    persons: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    families: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)

    class Config:
        unique = ["kunta_code", "period_start", "period_end"]


class StgLocalActivity(LocalFile):
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    dropin_visits: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    clients: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    integration_plans: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    network_meetings: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    network_participants: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    guided_to_work_or_education: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)

    class Config:
        unique = ["kunta_code", "period_start", "period_end"]


class StgLocalSurvey(LocalFile):
    period: str
    theme: str = pa.Field(isin=["customer_satisfaction", "inclusion", "safety", "meaningfulness"])
    question: str
    scale: str
    mean: Optional[float] = pa.Field(nullable=True)
    share_pct: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    n: pd.Int64Dtype = pa.Field(ge=0)

    class Config:
        unique = ["kunta_code", "period", "theme", "question"]


class StgEmployment(StagedArea):
    industry: str
    sex: str = pa.Field(isin=SEXES)
    year: int = pa.Field(**YEARS)
    measure: str
    value: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "industry", "sex", "year", "measure"]


class StgWellbeingIndicators(StagedArea):
    measure: str
    indicator_id: int
    year: int = pa.Field(**YEARS)
    gender: str = pa.Field(isin=["total", "male", "female"])
    value: Optional[float] = pa.Field(ge=0, nullable=True)
    abs_value: Optional[float] = pa.Field(ge=0, nullable=True)

    class Config:
        unique = ["area_level", "area_code", "indicator_id", "year", "gender"]


class StgUnemployment(StagedArea):
    reference_date: pd.Timestamp
    measure: str
    value: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "reference_date", "measure"]
