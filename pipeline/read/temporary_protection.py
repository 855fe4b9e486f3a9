"""Temporary protection with a municipality of residence, per municipality and month end: a table the
analyst imported or ``refresh --online`` downloaded (CSV or XLSX, Finnish or English headers)."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError, concat, unknown_format
from pipeline.read.temporary_protection_table import TemporaryProtectionFileError, read_temporary_protection_table

COLUMNS = registry.raw_columns("temporary_protection")  # declared in pipeline/sources.yaml


def read(files: list[RawFile], municipalities: pd.DataFrame) -> pd.DataFrame:
    """``municipalities`` (the classification's raw table) resolves names to codes. The files are in the
    order they were imported (their names start with it); a later file's figure for a municipality and
    month replaces an earlier one."""
    frame = concat([_read_one(f, municipalities) for f in files], COLUMNS)
    return frame.drop_duplicates(["kunta_code", "reference_date"], keep="last").reset_index(drop=True)


def _read_one(file: RawFile, municipalities: pd.DataFrame) -> pd.DataFrame:
    if file.meta.get("format") != "temporary_protection_table":
        raise unknown_format(file, "temporary_protection")
    try:
        frame = read_temporary_protection_table(file.content, str(file.path), municipalities)
    except TemporaryProtectionFileError as exc:
        raise RawFormatError(str(exc)) from exc
    frame["reference_date"] = frame["reference_date"].dt.strftime("%Y-%m-%d")
    frame["source_file"] = str(file.path)
    return frame
