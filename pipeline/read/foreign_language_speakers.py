"""Foreign-language speakers by area and year: live 159t responses or the bundled share file."""

from __future__ import annotations

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import concat, jsonstat_frame, unknown_format

COLUMNS = registry.raw_columns("foreign_language_speakers")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "timeperiod": "year", "contentscode": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    fmt = file.meta.get("format")
    if fmt == "jsonstat2":
        frame, _ = jsonstat_frame(file, RENAMES)
        frame["content"] = (
            frame["content"].str.split("-", n=1).str[-1]
        )  # vaerak-vaesto_kieli_ulk_p -> vaesto_kieli_ulk_p
        return frame
    if fmt == "statfin_159t_share_json":
        return _share_json(file)
    raise unknown_format(file, "foreign_language_speakers")


def _share_json(file: RawFile) -> pd.DataFrame:
    """``{"111": {"2024": 5.5, ...}, ...}``: shares (%) per municipality code and year."""
    rows = [
        {
            "area_code": f"KU{code}",
            "year": year,
            "content": "vaesto_kieli_ulk_p",
            "value": value,
            "status": None,
            "source_row": f'key ["{code}"]["{year}"]',
        }
        for code, years in file.json().items()
        for year, value in years.items()
    ]
    frame = pd.DataFrame(rows)
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce").astype("float64")
    frame["source_file"] = str(file.path)
    return frame
