"""Building blocks shared by the Pandera models."""

from __future__ import annotations

from typing import Any, Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.disclosure import CONFIDENTIAL, MISSING, is_small

AREA_LEVELS = ["municipality", "region", "country"]
FLAGS = [CONFIDENTIAL, MISSING]


def no_count_1_to_4(series: pd.Series) -> pd.Series:
    """The disclosure rule held: no count of 1-4 persons is left in a table users read."""
    return ~is_small(series)


SEXES = ["total", "male", "female"]
METHODS = ["published", "harmonised", "computed", "computed_estimate"]
YEARS: dict[str, Any] = {"ge": 1970, "le": 2100}


class Strict(pa.DataFrameModel):
    """Every model: coerce to the declared types, and no columns beyond the declared ones."""

    class Config:
        coerce = True
        strict = True


class AreaModel(Strict):
    """A table keyed by area: municipality (3 digits), region (2 digits) or the country (SSS)."""

    area_level: str = pa.Field(isin=AREA_LEVELS)
    area_code: str = pa.Field(str_matches=r"^(\d{2,3}|SSS)$")

    @pa.dataframe_check(name="area_code_matches_level")
    def area_code_matches_level(cls, df: pd.DataFrame) -> pd.Series:
        digits = df["area_code"].str.len()
        return (
            ((df["area_level"] == "municipality") & (digits == 3) & (df["area_code"] != "SSS"))
            | ((df["area_level"] == "region") & (digits == 2))
            | ((df["area_level"] == "country") & (df["area_code"] == "SSS"))
        )


class KuntaliittoAnswers(Strict):
    """Kuntaliitto's survey: one question a row, shares of answers in percent."""

    question_id: str = pa.Field(unique=True)
    question_fi: str
    question_en: str
    answers: int = pa.Field(gt=0)
    agree_pct: float = pa.Field(ge=0, le=100)
    neutral_pct: float = pa.Field(ge=0, le=100)
    disagree_pct: float = pa.Field(ge=0, le=100)
    cannot_say_pct: float = pa.Field(ge=0, le=100)

    @pa.dataframe_check(name="percentages_add_up_to_100")
    def add_up(cls, df: pd.DataFrame) -> pd.Series:
        total = df[["agree_pct", "neutral_pct", "disagree_pct", "cannot_say_pct"]].sum(axis=1)
        return (total - 100).abs() <= 1


class MunicipalityClassification(Strict):
    """A municipality of the current division: code, fi/sv/en names, region, wellbeing services county."""

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


LEVELS_WITH_OTHER = ["municipality", "region", "country", "other"]


class StagedArea(Strict):
    area_level: str = pa.Field(isin=LEVELS_WITH_OTHER)
    area_code: str
    source_file: str
    source_row: str


class StagedCounts(StagedArea):
    """A breakdown of population by year and sex; a cell the publisher left empty stays null."""

    year: int = pa.Field(**YEARS)
    sex: str = pa.Field(isin=SEXES)
    population: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    status: Optional[str] = pa.Field(nullable=True)


class LocalFile(Strict):
    """Columns every table from the municipality's own files has."""

    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
    source_document: str
    note: Optional[str] = pa.Field(nullable=True)
    source_file: str
    source_row: str


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


class MunicipalityCounts(Strict):
    """A table of the municipality's figures: every municipality in the classification (checked apart)."""

    kunta_code: str = pa.Field(str_matches=r"^\d{3}$")
