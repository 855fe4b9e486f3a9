"""Unemployment rate by area and month (StatFin tyonv 12r5): a live json-stat2 answer or the recorded
answer in PxWeb's older ``json`` format, where a value the publisher left out is the string ``...``."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, jsonstat_contents, pxweb_json_frame, unknown_format

COLUMNS = registry.raw_columns("unemployment")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "kuukausi": "month", "tiedot": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    fmt = file.meta.get("format")
    if fmt == "jsonstat2":
        return jsonstat_contents(file, RENAMES)
    if fmt == "pxweb_json":
        return pxweb_json_frame(file, RENAMES)
    raise unknown_format(file, "unemployment")
