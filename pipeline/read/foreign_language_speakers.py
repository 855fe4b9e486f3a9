"""Foreign-language speakers by area and year: live 159t responses or the bundled share file."""

from __future__ import annotations

import json

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError, concat, csv_frame, jsonstat_contents, to_number, unknown_format

COLUMNS = registry.raw_columns("foreign_language_speakers")  # declared in pipeline/sources.yaml
RENAMES = {"alue": "area_code", "timeperiod": "year", "contentscode": "content"}


def read(files: list[RawFile]) -> pd.DataFrame:
    return concat([_read_one(f) for f in files], COLUMNS)


def _read_one(file: RawFile) -> pd.DataFrame:
    fmt = file.meta.get("format")
    if fmt == "jsonstat2":
        return jsonstat_contents(file, RENAMES)
    if fmt == "statfin_159t_share_json":
        return _share_json(file)
    if fmt == "statfin_11rl_region_totals_csv":
        return _region_totals(file)
    raise unknown_format(file, "foreign_language_speakers")


COMPUTED = "computed"  # status of a figure computed here from published ones (never shown as published)


def _region_totals(file: RawFile) -> pd.DataFrame:
    """Regions' foreign-language speakers on 31.12. (11rl, transcribed totals): the count as published and
    the share computed from it and the region's population; the whole country is the sum of the regions."""
    frame = csv_frame(file, ["region_code", "reference_date", "population", "foreign_language_speakers"])
    frame["year"] = frame["reference_date"].str[:4]
    count = to_number(frame, "foreign_language_speakers")
    population = to_number(frame, "population")
    counts = frame.assign(area_code=frame["region_code"], content="vaesto_kieli_ulk", value=count, status=None)
    shares = counts.assign(content="vaesto_kieli_ulk_p", value=100 * count / population, status=COMPUTED)
    country = []
    for year, rows in counts.assign(population=population).groupby("year"):
        total = {"area_code": "SSS", "year": year, "source_file": str(file.path), "status": COMPUTED,
                 "source_row": f"sum of lines {rows['source_row'].iloc[0]}–{rows['source_row'].iloc[-1]}"}  # fmt: skip
        country.append({**total, "content": "vaesto_kieli_ulk", "value": rows["value"].sum()})
        country.append(
            {**total, "content": "vaesto_kieli_ulk_p", "value": 100 * rows["value"].sum() / rows["population"].sum()}
        )
    return pd.concat([counts, shares, pd.DataFrame(country)], ignore_index=True)


def _share_json(file: RawFile) -> pd.DataFrame:
    """``{"111": {"2024": 5.5, ...}, ...}``: shares (%) per municipality code and year. A value is a number
    or null (not published); anything else is an error naming its key, never a quiet NULL."""
    doc = file.json()
    if not isinstance(doc, dict) or not all(isinstance(years, dict) for years in doc.values()):
        raise RawFormatError(
            f"{file.path}: ei muotoa {{kuntakoodi: {{vuosi: osuus}}}} / not of the form "
            '{"111": {"2024": 5.5, …}, …} (an object of municipality codes, each an object of years)'
        )
    rows = []
    for code, years in doc.items():
        for year, value in years.items():
            key = f'key ["{code}"]["{year}"]'
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                shown = json.dumps(value, ensure_ascii=False)
                raise RawFormatError(
                    f"{file.path}: {key}: {shown[:40]} ei ole luku / {shown[:40]} is not a number "
                    "(a share in % or null)"
                )
            rows.append(
                {"area_code": f"KU{code}", "year": year, "content": "vaesto_kieli_ulk_p", "value": value,
                 "status": None, "source_row": key}
            )  # fmt: skip
    frame = pd.DataFrame(rows, columns=["area_code", "year", "content", "value", "status", "source_row"])
    frame["value"] = frame["value"].astype("float64")
    frame["source_file"] = str(file.path)
    return frame
