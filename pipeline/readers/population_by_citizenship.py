"""Population 11rh (by citizenship) by municipality (live only; the offline snapshot has none)."""
from __future__ import annotations

import pandas as pd

from pipeline.readers._common import concat, jsonstat_frame, unknown_format
from pipeline.snapshot import RawFile

COLUMNS = ["area_code", "year", "citizenship_code", "citizenship_name_fi", "sex", "value", "status", "source_file", "source_row"]
RENAMES = {"alue": "area_code", "kansalaisuus": "citizenship_code", "sukupuoli": "sex", "timeperiod": "year", "contentscode": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "jsonstat2":
        raise unknown_format(file, "population_by_citizenship")
    frame, labels = jsonstat_frame(file, RENAMES)
    frame["citizenship_name_fi"] = frame["citizenship_code"].map(labels["citizenship_code"])
    if "sex" not in frame.columns:  # eliminated in the query: the totals
        frame["sex"] = "SSS"
    return frame
