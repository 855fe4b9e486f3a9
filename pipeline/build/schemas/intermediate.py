"""Pandera models of the intermediate tables (sql/intermediate/int_*.sql): harmonised and aggregated figures."""

from __future__ import annotations

from typing import Optional

import pandas as pd
import pandera.pandas as pa

from pipeline.build.schemas._base import METHODS, YEARS, AreaModel


class IntPopulationAggregated(AreaModel):
    """Population on the current division: published municipal figures, harmonised mergers, region and
    country sums."""

    reference_date: pd.Timestamp
    population_status: str = pa.Field(isin=["final", "preliminary"])
    population: pd.Int64Dtype = pa.Field(ge=0)
    method: str = pa.Field(isin=METHODS)
    source_file: Optional[str] = pa.Field(nullable=True)  # the raw file of a municipal figure

    class Config:
        unique = ["area_level", "area_code", "reference_date"]


class IntForeignLanguageSpeakersAggregated(AreaModel):
    """Region and country counts and shares computed from municipal figures."""

    year: int = pa.Field(**YEARS)
    speakers: Optional[pd.Int64Dtype] = pa.Field(ge=0, nullable=True)
    share_pct: Optional[float] = pa.Field(ge=0, le=100, nullable=True)
    method: str = pa.Field(isin=METHODS)

    class Config:
        unique = ["area_level", "area_code", "year"]
