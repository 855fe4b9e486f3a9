"""Readers: one per dataset. Each turns the files of one raw snapshot into the dataset's raw table —
one long DataFrame of fixed columns, whatever the file format (a live JSON-stat response or a bundled
conversion) — keeping ``source_file`` and ``source_row`` so every later error can name them.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pipeline.read import (
    foreign_language_speakers,
    kuntaliitto_survey,
    municipalities,
    municipality_mergers,
    population,
    population_by_age_sex,
    population_by_citizenship,
    population_by_language,
    published_figures,
    temporary_protection,
)
from pipeline.raw.snapshot import RawFile

Reader = Callable[[list[RawFile]], pd.DataFrame]

READERS: dict[str, Reader] = {  # in reading order: municipalities first, others may need it
    "municipalities": municipalities.read,
    "foreign_language_speakers": foreign_language_speakers.read,
    "population": population.read,
    "population_by_age_sex": population_by_age_sex.read,
    "population_by_language": population_by_language.read,
    "population_by_citizenship": population_by_citizenship.read,
    "municipality_mergers": municipality_mergers.read,
    "published_figures": published_figures.read,
    "kuntaliitto_survey": kuntaliitto_survey.read,
    "temporary_protection": temporary_protection.read,
}

# What each raw table looks like when its dataset has no snapshot (the live-only tables offline).
COLUMNS: dict[str, list[str]] = {
    "foreign_language_speakers": foreign_language_speakers.COLUMNS,
    "population": population.COLUMNS,
    "population_by_age_sex": population_by_age_sex.COLUMNS,
    "population_by_language": population_by_language.COLUMNS,
    "population_by_citizenship": population_by_citizenship.COLUMNS,
    "municipalities": municipalities.COLUMNS,
    "municipality_mergers": municipality_mergers.COLUMNS,
    "published_figures": published_figures.COLUMNS,
    "kuntaliitto_survey": kuntaliitto_survey.COLUMNS,
    "temporary_protection": temporary_protection.COLUMNS,
}

# Readers that need another dataset's raw table (read before them): dataset -> {argument: dataset}.
NEEDS: dict[str, dict[str, str]] = {
    "temporary_protection": {"municipalities": "municipalities"},
}

REQUIRED = ["municipalities", "municipality_mergers", "foreign_language_speakers", "population", "published_figures",
            "kuntaliitto_survey"]
