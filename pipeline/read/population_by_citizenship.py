"""Population 11rh (by citizenship) by municipality (live only; the offline snapshot has none)."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, labelled_breakdown

COLUMNS = registry.raw_columns("population_by_citizenship")  # declared in pipeline/sources.yaml
RENAMES = {
    "alue": "area_code",
    "kansalaisuus": "citizenship_code",
    "sukupuoli": "sex",
    "timeperiod": "year",
    "contentscode": "content",
}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat(
        [labelled_breakdown(f, RENAMES, "citizenship_code", "population_by_citizenship") for f in files], COLUMNS
    )
