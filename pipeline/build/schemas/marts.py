"""Pandera models of the marts (sql/marts/<table>.sql): what the dashboard and the CLI read."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.build.schemas._base import (
    FLAGS,
    METHODS,
    YEARS,
    AreaModel,
    KuntaliittoAnswers,
    MunicipalityClassification,
    MunicipalityCounts,
    PopulationBreakdown,
    Strict,
    no_count_1_to_4,
)

UNITS = ["percent", "percentage_points", "persons", "count", "rate", "score"]  # pipeline/indicators.yaml


class DimMunicipality(MunicipalityClassification):
    pass


class DimRegion(Strict):
    region_code: str = pa.Field(str_matches=r"^\d{2}$", unique=True)
    region_name_fi: str
    region_name_sv: str
    region_name_en: str
    municipalities: int = pa.Field(gt=0)


class MunicipalityBoundaries(Strict):
    kunta_code: str = pa.Field(str_matches=r"^\d{3}$", unique=True)
    geometry_geojson: str = pa.Field(str_startswith="{")


class Population(AreaModel):
    reference_date: pd.Timestamp
    year: int = pa.Field(**YEARS)
    is_year_end: bool
    population: pd.Int64Dtype = pa.Field(ge=0)
    population_status: str = pa.Field(isin=["final", "preliminary"])
    method: str = pa.Field(isin=METHODS)
    source: str

    class Config:
        unique = ["area_level", "area_code", "reference_date"]


class ForeignLanguageSpeakers(AreaModel):
    year: int = pa.Field(**YEARS)
    reference_date: pd.Timestamp
    speakers: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    share_pct: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    speakers_method: Optional[str] = pa.Field(isin=METHODS, nullable=True)
    share_method: Optional[str] = pa.Field(isin=METHODS, nullable=True)
    speakers_source: Optional[str] = pa.Field(nullable=True)
    share_source: Optional[str] = pa.Field(nullable=True)
    speakers_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)

    @pa.check("speakers", name="no_count_1_to_4")
    def speakers_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    @pa.dataframe_check(name="every_value_has_a_source")
    def every_value_has_a_source(cls, df: pd.DataFrame) -> pd.Series:
        return (df["speakers"].isna() | df["speakers_source"].notna()) & (
            df["share_pct"].isna() | df["share_source"].notna()
        )

    class Config:
        unique = ["area_level", "area_code", "year"]


class Reconciliation(Strict):
    measure: str
    area_code: str
    reference_date: pd.Timestamp
    computed: pd.Int64Dtype
    published: pd.Int64Dtype = pa.Field(gt=0)
    difference: pd.Int64Dtype
    difference_pct: float
    tolerance_pct: float
    within_tolerance: bool = pa.Field(eq=True)


class PopulationByAgeGroup(PopulationBreakdown):
    age_group: str = pa.Field(isin=["0-6", "7-15", "16-29", "30-64", "65+"])

    class Config:
        unique = ["area_level", "area_code", "year", "age_group", "sex"]


class PopulationByLanguage(PopulationBreakdown):
    language_code: str
    language_name_fi: Optional[str] = pa.Field(nullable=True)
    language_group: str
    status: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "year", "language_code", "sex"]


class PopulationByCitizenship(PopulationBreakdown):
    citizenship_code: str
    citizenship_name_fi: Optional[str] = pa.Field(nullable=True)
    citizenship_group: str = pa.Field(isin=["total", "finland", "subtotal", "country"])
    status: Optional[str] = pa.Field(nullable=True)

    class Config:
        unique = ["area_level", "area_code", "year", "citizenship_code", "sex"]


class KuntaliittoSurvey(KuntaliittoAnswers):
    reference_date: pd.Timestamp
    source: str


class TemporaryProtection(MunicipalityCounts):
    reference_date: pd.Timestamp
    year: int = pa.Field(**YEARS)
    persons: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    persons_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    count_status: Optional[str] = pa.Field(nullable=True)
    change_from_previous: Optional[pd.Int64Dtype] = pa.Field(nullable=True)
    foreign_language_speakers: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    share_of_foreign_language_speakers_pct: Optional[float] = pa.Field(ge=0, nullable=True)
    note: Optional[str] = pa.Field(nullable=True)
    source: str

    @pa.check("persons", name="no_count_1_to_4")
    def persons_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    class Config:
        unique = ["kunta_code", "reference_date"]


class MunicipalityGroups(Strict):
    """Groups of municipalities for joint reviews (data/local/groups.*): one row per member."""

    group_id: str = pa.Field(str_matches=r"^[a-z0-9][a-z0-9_-]*$")
    name_fi: str
    name_sv: str
    name_en: str
    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
    note: Optional[str] = pa.Field(nullable=True)
    source: str

    class Config:
        unique = ["group_id", "kunta_code"]


class QuotaRefugees(MunicipalityCounts):
    year: int = pa.Field(**YEARS)
    quota: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    emergency_cases: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    arrived_persons: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    arrived_families: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    arrivals_periods: Optional[str] = pa.Field(nullable=True)
    note: Optional[str] = pa.Field(nullable=True)
    quota_source: Optional[str] = pa.Field(nullable=True)
    arrivals_source: Optional[str] = pa.Field(nullable=True)
    arrived_persons_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    arrived_families_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)

    @pa.check("arrived_persons", "arrived_families", name="no_count_1_to_4")
    def arrivals_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    class Config:
        unique = ["kunta_code", "year"]


class LocalActivity(MunicipalityCounts):
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    measure: str
    value: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    value_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    note: Optional[str] = pa.Field(nullable=True)
    source: str

    class Config:
        unique = ["kunta_code", "period_start", "period_end", "measure"]


class SurveyResults(MunicipalityCounts):
    period: str
    theme: str
    question: str
    scale: str
    mean: Optional[float] = pa.Field(nullable=True)
    share_pct: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    n: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    n_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    note: Optional[str] = pa.Field(nullable=True)
    source: str

    @pa.check("n", name="no_count_1_to_4")
    def n_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)


class IndicatorValues(MunicipalityCounts):
    group_id: str
    indicator_id: str
    measure_id: str
    unit: str = pa.Field(isin=UNITS)
    source_kind: str = pa.Field(isin=["open_data", "local_file", "survey"])
    period: Optional[str] = pa.Field(nullable=True)
    reference_date: Optional[pd.Timestamp] = pa.Field(nullable=True)
    value: Optional[float] = pa.Field(nullable=True)
    value_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    status: str = pa.Field(isin=["measured", "local", "no_data"])
    source: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="a_value_has_a_source_and_no_data_has_no_value")
    def sourced(cls, df: pd.DataFrame) -> pd.Series:
        no_data = df["status"] == "no_data"
        hidden = df["value_flag"].eq("confidential").fillna(False)
        return (no_data & df["value"].isna() & ~hidden) | (~no_data & df["source"].notna())

    @pa.dataframe_check(name="no_count_1_to_4")
    def persons_disclosed(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "persons") | no_count_1_to_4(df["value"])


class Indicators(Strict):
    group_id: str
    group_fi: str
    group_sv: str
    group_en: str
    group_order: int
    indicator_id: str = pa.Field(unique=True)
    indicator_fi: str
    indicator_sv: str
    indicator_en: str
    indicator_order: int

    @pa.dataframe_check(name="twelve_indicators_in_four_groups")
    def twelve_in_four(cls, df: pd.DataFrame) -> bool:
        return len(df) == 12 and df["group_id"].nunique() == 4


class IndicatorMeasures(Strict):
    group_id: str
    indicator_id: str
    measure_id: str = pa.Field(unique=True)
    measure_order: int
    available: bool
    measure_fi: str
    measure_sv: str
    measure_en: str
    definition_fi: str
    definition_sv: str
    definition_en: str
    unit: str = pa.Field(isin=UNITS)
    higher_is_better: Optional[pd.BooleanDtype] = pa.Field(nullable=True)
    source_kind: str = pa.Field(isin=["open_data", "local_file", "survey"])
    source: str
    how_to_get_fi: Optional[str] = pa.Field(nullable=True)
    how_to_get_sv: Optional[str] = pa.Field(nullable=True)
    how_to_get_en: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="unavailable_measures_say_how_to_get_them")
    def how_to_get(cls, df: pd.DataFrame) -> pd.Series:
        said = df["how_to_get_fi"].notna() & df["how_to_get_sv"].notna() & df["how_to_get_en"].notna()
        return df["available"] | said


class Sources(Strict):
    """Every source the figures cite: each dataset with its snapshot, each published document, each local kind."""

    source_key: str = pa.Field(unique=True)
    dataset: str
    citation: str
    title_fi: str
    title_sv: str
    title_en: str
    definition_fi: Optional[str] = pa.Field(nullable=True)
    definition_sv: Optional[str] = pa.Field(nullable=True)
    definition_en: Optional[str] = pa.Field(nullable=True)
    licence: Optional[str] = pa.Field(nullable=True)
    reference_date: Optional[str] = pa.Field(nullable=True)
    snapshot_id: Optional[str] = pa.Field(nullable=True)
    kind: Optional[str] = pa.Field(nullable=True)
    retrieved_at: Optional[str] = pa.Field(nullable=True)
    table_updated: Optional[str] = pa.Field(nullable=True)
    url: Optional[str] = pa.Field(nullable=True)
    files: Optional[str] = pa.Field(nullable=True)

    @pa.dataframe_check(name="a_dataset_in_the_snapshot_has_a_licence")
    def licensed(cls, df: pd.DataFrame) -> pd.Series:
        return df["snapshot_id"].isna() | df["licence"].notna()


class MunicipalityMergers(Strict):
    """An abolished municipality and the one it joined (the successor is in the classification)."""

    old_code: str = pa.Field(str_matches=r"^\d{3}$", unique=True)
    old_name_fi: str
    new_code: str = pa.Field(str_matches=r"^\d{3}$")
    new_name_fi: str
    new_name_sv: str
    new_name_en: str
    valid_from: pd.Timestamp


class Employment(MunicipalityCounts):
    """Jobs in a municipality at the end of a year (persons whose workplace is there) and the change."""

    year: int = pa.Field(**YEARS)
    reference_date: pd.Timestamp
    jobs: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    jobs_change_pct: Optional[float] = pa.Field(nullable=True)
    status: Optional[str] = pa.Field(nullable=True)
    source: str
    jobs_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)

    @pa.check("jobs", name="no_count_1_to_4")
    def jobs_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    class Config:
        unique = ["kunta_code", "year"]


class WellbeingIndicators(MunicipalityCounts):
    """A Sotkanet indicator of a municipality in a year (a share or a rate; hidden when from 1-4 persons)."""

    measure_id: str = pa.Field(isin=["wellbeing_low_physical_activity", "wellbeing_mortality"])
    indicator_id: int
    year: int = pa.Field(**YEARS)
    reference_date: pd.Timestamp
    value: Optional[float] = pa.Field(ge=0, nullable=True)
    abs_value: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    source: str
    abs_value_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)

    @pa.check("abs_value", name="no_count_1_to_4")
    def persons_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    class Config:
        unique = ["kunta_code", "measure_id", "year"]


class Unemployment(MunicipalityCounts):
    """The unemployment rate of a municipality at a month end (a rate, not a count of persons)."""

    reference_date: pd.Timestamp
    year: int = pa.Field(**YEARS)
    unemployment_rate_pct: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    unemployed: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    unemployed_foreign_citizens: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)
    source: str
    unemployed_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    unemployed_foreign_citizens_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)

    @pa.check("unemployed", "unemployed_foreign_citizens", name="no_count_1_to_4")
    def counts_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)

    @pa.check("reference_date", name="month_end")
    def month_end(cls, series: pd.Series) -> pd.Series:
        return series.dt.is_month_end

    class Config:
        unique = ["kunta_code", "reference_date"]
