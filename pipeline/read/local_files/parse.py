"""Text cells to typed values: one parser per type of column, and :func:`parse_cells` for a whole file."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pandas as pd

from pipeline.read.common import fold
from pipeline.read.local_files.forms import (
    DATE_RANGE,
    FORMULA,
    MAX_COUNT,
    OUT_OF_RANGE,
    THEME_ALIASES_FI,
    THEMES,
    YEAR_RANGE,
)
from pipeline.read.local_files.kinds import LocalKind
from pipeline.read.local_files.problems import problem
from pipeline.read.local_files.tables import FormulaCell, Rows


class OutOfRange(ValueError):
    """A value of the right form outside its range (a year 2099, a date in 1899, a count of 10^20)."""


def _parse_code(text: str) -> str:
    match = re.fullmatch(r"(?:KU)?\s*(\d{1,3})", text.strip().upper())
    if not match:
        raise ValueError(text)
    return match[1].zfill(3)


def _parse_year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text.strip()):
        raise ValueError(text)
    year = int(text)
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        raise OutOfRange(text)
    return year


def parse_date(text: str) -> pd.Timestamp:
    """``2024-03-31`` or Finnish ``31.3.2024`` (a time after the date is ignored)."""
    text = text.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", text)
    finnish = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\.?", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif finnish:
        day, month, year = (int(g) for g in finnish.groups())
    else:
        raise ValueError(text)
    return pd.Timestamp(date(year, month, day))  # date() rejects 31.2.2024


def _parse_local_date(text: str) -> pd.Timestamp:
    """A date of an own file: :func:`parse_date`, within the years a figure of one's own may be about."""
    parsed = parse_date(text)
    if not DATE_RANGE[0] <= parsed.date() <= DATE_RANGE[1]:
        raise OutOfRange(text)
    return parsed


def _parse_count(text: str) -> int:
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)
    if not re.fullmatch(r"[+-]?\d+", digits):
        raise ValueError(text)
    count = int(digits)
    if count > MAX_COUNT:  # a negative count is Pandera's (ge=0) to report
        raise OutOfRange(text)
    return count


def _parse_number(text: str) -> float:
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text).replace("−", "-").replace(",", ".")
    cleaned = cleaned.removesuffix("%")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(text)
    return float(cleaned)


def _parse_theme(text: str) -> str:
    folded = fold(text)
    return THEME_ALIASES_FI.get(folded, folded if folded in THEMES else text.strip())


def _parse_period(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def _parse_text(text: str) -> str:
    return text.strip()


# type -> (parser of one text value, dtype of the parsed column)
PARSERS: dict[str, tuple[Callable[[str], object], str]] = {
    "kunta_code": (_parse_code, "object"),
    "year": (_parse_year, "Int64"),
    "date": (_parse_local_date, "datetime64[ns]"),
    "count": (_parse_count, "Int64"),
    "number": (_parse_number, "float64"),
    "share": (_parse_number, "float64"),
    "period": (_parse_period, "object"),
    "theme": (_parse_theme, "object"),
    "document": (_parse_text, "object"),
    "scale": (_parse_text, "object"),
    "text": (_parse_text, "object"),
    "group_id": (lambda text: text.strip().lower(), "object"),
}


def parse_cells(
    spec: LocalKind, raw: pd.DataFrame, body: Rows, problems: list[dict], shown: str = ""
) -> tuple[pd.DataFrame, set]:
    """Typed columns from the text cells; a value that does not parse becomes null and a problem.
    Returns the frame and the (row position, column) of every such value. Each distinct text of a column
    is parsed once and its value shared (codes, dates and counts repeat down a column)."""
    parsed, bad = {}, set()
    for col in spec.columns:
        parser, dtype = PARSERS[col.type]
        values: list = []
        known: dict[str, object] = {}
        for i, text in enumerate(raw[col.name]):
            if isinstance(text, FormulaCell):  # a formula whose result was never saved: not an empty cell
                values.append(None)
                bad.add((i, col.name))
                problems.append(problem(shown, body[i][0], col.fi, col.name, str(text), FORMULA))
                continue
            if text is None or not str(text).strip():
                values.append(None)
                continue
            if text in known:
                values.append(known[text])
                continue
            try:
                value = parser(str(text))
                if len(known) < _KNOWN:
                    known[text] = value
                values.append(value)
            except ValueError as exc:
                values.append(None)
                bad.add((i, col.name))
                expected = OUT_OF_RANGE[col.type] if isinstance(exc, OutOfRange) else col.form
                problems.append(problem(shown, body[i][0], col.fi, col.name, text, expected))
        parsed[col.name] = _typed(values, dtype)
    return pd.DataFrame(parsed), bad


_KNOWN = 100_000  # distinct texts remembered per column


def _typed(values: list, dtype: str) -> pd.Series:
    if dtype == "datetime64[ns]":
        return pd.to_datetime(pd.Series(values, dtype="object")).astype(dtype)
    return pd.Series(values, dtype=dtype)
