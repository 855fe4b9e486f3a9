"""Pandera models of the marts (sql/marts/<table>.sql): what the dashboard and the CLI read."""
from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.schemas._base import FLAGS, SEXES, YEARS, AreaModel, Strict, no_count_1_to_4

METHODS = ["published", "harmonised", "computed", "computed_estimate"]


class DimMunicipality(Strict):
    kunta_code: str = pa.Field(str_matches=r"^\d{3}$", unique=True)
    name_fi: str
    name_sv: str
    name_en: str
    region_code: str = pa.Field(str_matches=r"^\d{2}$")
    region_name_fi: str
    region_name_sv: str
    region_name_en: str
    wellbeing_county_code: Optional[str] = pa.Field(nullable=True)
    wellbeing_county_name_fi: Optional[str] = pa.Field(nullable=True)
    wellbeing_county_name_sv: Optional[str] = pa.Field(nullable=True)


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
        return (df["speakers"].isna() | df["speakers_source"].notna()) & (df["share_pct"].isna() | df["share_source"].notna())

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


class PopulationBreakdown(AreaModel):
    """Population by year and sex and one more variable; a cell the publisher left empty stays null."""
    year: int = pa.Field(**YEARS)
    reference_date: pd.Timestamp
    sex: str = pa.Field(isin=SEXES)
    population: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    population_flag: Optional[str] = pa.Field(isin=FLAGS, nullable=True)
    source: str

    @pa.check("population", name="no_count_1_to_4")
    def population_disclosed(cls, series: pd.Series) -> pd.Series:
        return no_count_1_to_4(series)


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
