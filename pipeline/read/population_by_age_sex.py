"""Population by one-year age and sex (live 11re only; the offline snapshot has none)."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, jsonstat_frame, unknown_format

COLUMNS = registry.raw_columns("population_by_age_sex")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "ikaryhma": "age", "sukupuoli": "sex", "timeperiod": "year", "contentscode": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "jsonstat2":
        raise unknown_format(file, "population_by_age_sex")
    frame, _ = jsonstat_frame(file, RENAMES)
    return frame
