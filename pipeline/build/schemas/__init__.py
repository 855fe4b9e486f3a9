"""One Pandera model per staging and mart table, keyed by the table's name."""
from __future__ import annotations

import pandera.pandas as pa

from pipeline.build.schemas import marts, staging

MODELS: dict[str, type[pa.DataFrameModel]] = {
    "stg_foreign_language_speakers": staging.StgForeignLanguageSpeakers,
    "stg_population": staging.StgPopulation,
    "stg_population_by_age_sex": staging.StgPopulationByAgeSex,
    "stg_population_by_language": staging.StgPopulationByLanguage,
    "stg_population_by_citizenship": staging.StgPopulationByCitizenship,
    "stg_municipalities": staging.StgMunicipalities,
    "stg_municipality_mergers": staging.StgMunicipalityMergers,
    "stg_published_figures": staging.StgPublishedFigures,
    "dim_municipality": marts.DimMunicipality,
    "dim_region": marts.DimRegion,
    "municipality_boundaries": marts.MunicipalityBoundaries,
    "population": marts.Population,
    "foreign_language_speakers": marts.ForeignLanguageSpeakers,
    "reconciliation": marts.Reconciliation,
    "population_by_age_group": marts.PopulationByAgeGroup,
    "population_by_language": marts.PopulationByLanguage,
    "population_by_citizenship": marts.PopulationByCitizenship,
    "stg_kuntaliitto_survey": staging.StgKuntaliittoSurvey,
    "stg_temporary_protection": staging.StgTemporaryProtection,
    "stg_local_quota": staging.StgLocalQuota,
    "stg_local_arrivals": staging.StgLocalArrivals,
    "stg_local_activity": staging.StgLocalActivity,
    "stg_local_survey": staging.StgLocalSurvey,
    "kuntaliitto_survey": marts.KuntaliittoSurvey,
    "temporary_protection": marts.TemporaryProtection,
    "quota_refugees": marts.QuotaRefugees,
    "local_activity": marts.LocalActivity,
    "survey_results": marts.SurveyResults,
    "indicator_values": marts.IndicatorValues,
    "indicators": marts.Indicators,
    "indicator_measures": marts.IndicatorMeasures,
    "sources": marts.Sources,
}

# Tables whose municipality/region codes must be in the classification (dim_municipality, dim_region).
AREA_TABLES = [
    "population", "foreign_language_speakers",
    "population_by_age_group", "population_by_language", "population_by_citizenship",
]

# Tables keyed by kunta_code: every code must be a municipality of the classification.
MUNICIPALITY_TABLES = [
    "stg_temporary_protection", "stg_local_quota", "stg_local_arrivals", "stg_local_activity", "stg_local_survey",
    "temporary_protection", "quota_refugees", "local_activity", "survey_results", "indicator_values",
]
