"""Population 11rm (by language and sex) by municipality (live only; the offline snapshot has none)."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, labelled_breakdown

COLUMNS = registry.raw_columns("population_by_language")  # declared in pipeline/sources.yaml
RENAMES = {
    "alue": "area_code",
    "kieli": "language_code",
    "sukupuoli": "sex",
    "timeperiod": "year",
    "contentscode": "content",
}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([labelled_breakdown(f, RENAMES, "language_code", "population_by_language") for f in files], COLUMNS)
