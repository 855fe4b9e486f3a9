"""Figures published in municipal documents and quoted Statistics Finland totals, one a row."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, csv_frame, to_number, unknown_format

COLUMNS = registry.raw_columns("published_figures")  # declared in pipeline/sources.yaml


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "published_figures_csv":
        raise unknown_format(file, "published_figures")
    frame = csv_frame(file, COLUMNS[:8])
    frame["value"] = to_number(frame, "value")
    return frame
