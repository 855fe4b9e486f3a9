"""THL Sotkanet indicators by region and year: the region list decodes each value's region (Sotkanet's own
id) into its category (KUNTA, MAAKUNTA, …) and code (e.g. 091); the measure is the one pipeline/sources.yaml
declares for the indicator. A value row whose region the list lacks, or a value that is not a number, is an
error naming the file and the item."""

from __future__ import annotations

from typing import Any

import pandas as pd

from pipeline import registry
from pipeline.raw.snapshot import RawFile
from pipeline.read.common import RawFormatError, concat, to_number

COLUMNS = registry.raw_columns("wellbeing_indicators")  # declared in pipeline/sources.yaml


def read(files: list[RawFile]) -> pd.DataFrame:
    regions = [f for f in files if f.meta.get("format") == "sotkanet_regions"]
    data = [f for f in files if f.meta.get("format") == "sotkanet_data"]
    if data and len(regions) != 1:
        folder = data[0].path.parent
        raise RawFormatError(
            f"{folder}: a Sotkanet snapshot needs exactly one region list (regions.json), found {len(regions)}"
        )
    decode = _regions(regions[0]) if regions else {}
    return concat([_values(f, decode) for f in data], COLUMNS)


def _json_list(file: RawFile, what: str) -> list[Any]:
    try:
        doc = file.json()
    except ValueError as exc:
        raise RawFormatError(f"{file.path}: not readable JSON ({exc})") from exc
    if not isinstance(doc, list):
        raise RawFormatError(f"{file.path}: expected a list of {what}, found {type(doc).__name__}")
    return doc


def _regions(file: RawFile) -> dict[Any, tuple[str, str]]:
    decode = {}
    for i, region in enumerate(_json_list(file, "regions")):
        try:
            decode[region["id"]] = (str(region["category"]), str(region["code"]))
        except (KeyError, TypeError) as exc:
            raise RawFormatError(
                f"{file.path}: item {i}: a region needs id, category and code ({region!r:.80})"
            ) from exc
    return decode


def _values(file: RawFile, decode: dict[Any, tuple[str, str]]) -> pd.DataFrame:
    measures = {int(k): v for k, v in registry.dataset("wellbeing_indicators")["sotkanet"]["indicators"].items()}
    rows = []
    for i, item in enumerate(_json_list(file, "values")):
        if not isinstance(item, dict) or "region" not in item or "indicator" not in item:
            raise RawFormatError(f"{file.path}: item {i}: expected a value with indicator, region, year ({item!r:.80})")
        if item["region"] not in decode:
            raise RawFormatError(f"{file.path}: item {i}, field 'region': {item['region']!r} is not in regions.json")
        if item["indicator"] not in measures:
            raise RawFormatError(
                f"{file.path}: item {i}, field 'indicator': {item['indicator']!r} is not declared in pipeline/sources.yaml"
            )
        category, code = decode[item["region"]]
        rows.append({
            "measure": measures[item["indicator"]], "indicator_id": item["indicator"], "region_category": category,
            "area_code": code, "year": item.get("year"), "gender": item.get("gender"), "value": item.get("value"),
            "abs_value": item.get("absValue"), "source_file": str(file.path), "source_row": f"item {i}",
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for column, name in (("year", "year"), ("value", "value"), ("abs_value", "absValue")):
        frame[column] = to_number(frame, column, name)
    return frame
