"""Helpers shared by the readers: JSON-stat responses to long frames, CSVs with row numbers."""

from __future__ import annotations

import io

import pandas as pd

from pipeline.raw.snapshot import RawFile


class RawFormatError(ValueError):
    """A raw file does not have the form its reader expects; the message names file, row and column."""


def unknown_format(file: RawFile, dataset: str) -> RawFormatError:
    return RawFormatError(f"{file.path}: format {file.meta.get('format')!r} is not one the {dataset} reader knows")


def jsonstat_frame(file: RawFile, renames: dict[str, str]) -> tuple[pd.DataFrame, dict[str, dict[str, str]]]:
    """One JSON-stat response as a long frame with dimensions renamed by code PREFIX, and its labels.

    ``renames`` maps a prefix (``alue``) to a column name (``area_code``); the date-stamped code
    (``alue_23_20260101``) may change without breaking anything.
    """
    from pipeline.read.jsonstat import read_jsonstat  # only live snapshots need it

    try:
        doc = file.json()
        frame = read_jsonstat(doc)
    except ValueError as exc:  # JSONDecodeError is a ValueError
        raise RawFormatError(f"{file.path}: not a readable JSON-stat 2.0 response ({exc})") from exc
    columns, labels = {}, {}
    for dim in doc["id"]:
        name = next((col for prefix, col in renames.items() if dim.startswith(prefix)), None)
        if name is None:
            raise RawFormatError(
                f"{file.path}: dimension {dim!r} matches none of the expected prefixes {sorted(renames)}"
            )
        columns[dim] = name
        labels[name] = dict(doc["dimension"][dim]["category"].get("label", {}))
    frame = frame.rename(columns=columns)
    frame["source_file"] = str(file.path)
    frame["source_row"] = [f"cell {i}" for i in range(len(frame))]
    return frame, labels


def csv_frame(file: RawFile, required: list[str], **read_csv) -> pd.DataFrame:
    """A CSV with every column read as text and ``source_row`` = its line number in the file."""
    try:
        frame = pd.read_csv(io.BytesIO(file.content), dtype=str, keep_default_na=False, **read_csv)
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise RawFormatError(f"{file.path}: cannot be read as CSV ({exc})") from exc
    missing = [col for col in required if col not in frame.columns]
    if missing:
        raise RawFormatError(f"{file.path}: column(s) {missing} missing; the header has {list(frame.columns)}")
    frame = frame.replace({"": None})
    frame["source_file"] = str(file.path)
    frame["source_row"] = [f"line {i}" for i in range(2, len(frame) + 2)]  # line 1 is the header
    return frame


def to_number(frame: pd.DataFrame, column: str, file_column: str | None = None) -> pd.Series:
    """Numbers from text; a value that is not a number is an error naming the file, line and column."""
    numbers = pd.to_numeric(frame[column], errors="coerce")
    bad = numbers.isna() & frame[column].notna()
    if bad.any():
        row = frame[bad].iloc[0]
        raise RawFormatError(
            f"{row['source_file']}: {row['source_row']}, column {file_column or column!r}: "
            f"{row[column]!r} is not a number ({int(bad.sum())} such value(s) in the file)"
        )
    return numbers


def concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return pd.DataFrame({col: pd.Series(dtype="object") for col in columns})
    return pd.concat(frames, ignore_index=True)[columns]


def labelled_breakdown(file: RawFile, renames: dict[str, str], code_column: str, dataset: str) -> pd.DataFrame:
    """A live breakdown (language, citizenship): codes with their Finnish labels; totals where sex was left out."""
    if file.meta.get("format") != "jsonstat2":
        raise unknown_format(file, dataset)
    frame, labels = jsonstat_frame(file, renames)
    frame[code_column.replace("_code", "_name_fi")] = frame[code_column].map(labels[code_column])
    if "sex" not in frame.columns:  # eliminated in the query: the totals
        frame["sex"] = "SSS"
    return frame
