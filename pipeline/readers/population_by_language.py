"""Population 11rm (by language and sex) by municipality (live only; the offline snapshot has none)."""
from __future__ import annotations

import pandas as pd

from pipeline.readers._common import concat, jsonstat_frame, unknown_format
from pipeline.snapshot import RawFile

COLUMNS = ["area_code", "year", "language_code", "language_name_fi", "sex", "value", "status", "source_file", "source_row"]
RENAMES = {"alue": "area_code", "kieli": "language_code", "sukupuoli": "sex", "timeperiod": "year", "contentscode": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "jsonstat2":
        raise unknown_format(file, "population_by_language")
    frame, labels = jsonstat_frame(file, RENAMES)
    frame["language_name_fi"] = frame["language_code"].map(labels["language_code"])
    if "sex" not in frame.columns:  # eliminated in the query: the totals
        frame["sex"] = "SSS"
    return frame
