"""Municipal mergers (hand-kept reference): abolished code -> the code it joined, and from when."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, csv_frame, unknown_format

COLUMNS = registry.raw_columns("municipality_mergers")  # declared in pipeline/sources.yaml


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "mergers_csv":
        raise unknown_format(file, "municipality_mergers")
    return csv_frame(file, COLUMNS[:5])
