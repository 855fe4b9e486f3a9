"""Kuntaliitto's 2023 municipal survey: one question a row, percentages as published."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, csv_frame, to_number, unknown_format

PERCENTS = ["agree_pct", "neutral_pct", "disagree_pct", "cannot_say_pct"]
COLUMNS = registry.raw_columns("kuntaliitto_survey")  # declared in pipeline/sources.yaml


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    if file.meta.get("format") != "kuntaliitto_survey_csv":
        raise unknown_format(file, "kuntaliitto_survey")
    frame = csv_frame(file, COLUMNS[:8])
    for col in ["answers", *PERCENTS]:
        frame[col] = to_number(frame, col)
    return frame
