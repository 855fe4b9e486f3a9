"""Readers: one per dataset. Each turns the files of one raw snapshot into the dataset's raw table —
one long DataFrame of fixed columns, whatever the file format (a live JSON-stat response or a bundled
conversion) — keeping ``source_file`` and ``source_row`` so every later error can name them.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from pipeline.readers import (
    foreign_language_speakers,
    municipalities,
    municipality_mergers,
    population,
    population_by_age_sex,
    population_by_citizenship,
    population_by_language,
    published_figures,
)
from pipeline.snapshot import RawFile

Reader = Callable[[list[RawFile]], pd.DataFrame]

READERS: dict[str, Reader] = {
    "foreign_language_speakers": foreign_language_speakers.read,
    "population": population.read,
    "population_by_age_sex": population_by_age_sex.read,
    "population_by_language": population_by_language.read,
    "population_by_citizenship": population_by_citizenship.read,
    "municipalities": municipalities.read,
    "municipality_mergers": municipality_mergers.read,
    "published_figures": published_figures.read,
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
}

REQUIRED = ["municipalities", "municipality_mergers", "foreign_language_speakers", "population", "published_figures"]
