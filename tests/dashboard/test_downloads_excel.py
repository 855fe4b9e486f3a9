"""Issue 12.9: the downloads open as a Finnish Excel user expects (AppTest on the bundled database).

The bytes are made while the page runs (in its language), then read back the way Excel would: the CSV with
``sep=';'`` and ``decimal=','`` and its BOM, the XLSX with openpyxl (cell types, number formats, dates).
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import openpyxl
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard.pages import PAGES, element_texts, run_recording

BOM = b"\xef\xbb\xbf"
CODES = {"kunta_code", "unit", "share_pct", "question_id", "agree_pct", "computed", "published", "tolerance_pct"}
# the codes of methods, statuses and units (in English some words are the same as the codes)
CODE_VALUES = {"computed", "computed_estimate", "harmonised", "published", "preliminary", "final", "persons", "percent"}
CODE_VALUES_EN = {"computed_estimate", "percentage_points", "harmonised"}


def files(monkeypatch, page: str | None = None, **params) -> tuple[AppTest, dict[str, tuple[bytes, bytes]]]:
    """Run a page; every download's (CSV bytes, XLSX bytes) by its file stem, made as the button would."""
    from dashboard import components

    made: dict[str, tuple[bytes, bytes]] = {}

    def keep(frame, stem, about, kw):
        decimals = kw.get("decimals")
        made[stem] = (components._csv(frame, decimals), components._xlsx(frame, about, decimals))

    return run_recording(monkeypatch, keep, made.clear, page, **params), made


def excel_csv(raw: bytes) -> pd.DataFrame:
    assert raw.startswith(BOM)
    return pd.read_csv(io.BytesIO(raw[len(BOM) :]), sep=";", decimal=",", encoding="utf-8")


def test_the_csv_opens_in_columns_with_decimal_commas(curated, monkeypatch):
    """Heinola 2024: the key figures' CSV was one column in Finnish Excel (commas, decimal points)."""
    _, made = files(monkeypatch, None, kunta="111", vuosi="2024")
    rows = excel_csv(made["111_2024_avainluvut"][0])
    assert len(rows.columns) > 10
    by_area = rows.set_index(rows.columns[0])
    assert by_area.loc["Heinola", "Vieraskielisten osuus"] == 5.5
    assert by_area.loc["Päijät-Häme", "Vieraskielisten osuus"] == 7.8
    assert by_area.loc["Päijät-Häme", "Vieraskielisiä"] == 15950
    assert by_area.loc["Heinola", "Väkiluku"] == 17827
    assert by_area.loc["Päijät-Häme", "Vieraskielisten osuus: menetelmä"] == "laskettu kuntien luvuista (arvio)"


def test_shares_are_rounded_as_shown(curated, monkeypatch):
    """The ranking's CSV had shares such as 7.793926987042935; on screen they are 7,8 %."""
    _, made = files(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024")
    text = made["jarjestys_2024"][0].decode("utf-8-sig")
    assert not re.search(r"\d,\d{2}", text)
    rows = excel_csv(made["jarjestys_2024"][0])
    heinola = rows[rows["Kuntanumero"] == 111].iloc[0]
    assert heinola["Vieraskielisten osuus"] == 5.5 and heinola["Sija"] == 98


@pytest.mark.parametrize(
    ("lang", "share", "date_header", "code_header"),
    [
        ("fi", "Vieraskielisten osuus", "Tilanne", "Kuntanumero"),
        ("sv", None, None, "Kommunnummer"),
        ("en", None, None, "Municipality code"),
    ],
)
def test_the_xlsx_has_numbers_dates_and_headers_in_the_page_language(
    curated, monkeypatch, lang, share, date_header, code_header
):
    _, made = files(monkeypatch, "app_pages/comparison.py", kunta="111", vuosi="2024", lang=lang)
    book = openpyxl.load_workbook(io.BytesIO(made["vertailu_111"][1]))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert code_header in header and not CODES & set(header)
    rows = list(sheet.iter_rows(min_row=2))
    column = {name: i for i, name in enumerate(header)}
    share_col = column[share] if share else 4
    date_col = column[date_header] if date_header else 3
    heinola_2024 = next(r for r in rows if r[column[code_header]].value == "111" and r[2].value == 2024)
    share_cell, date_cell, year_cell = heinola_2024[share_col], heinola_2024[date_col], heinola_2024[2]
    assert share_cell.data_type == "n" and share_cell.value == 5.5 and share_cell.number_format == "0.0"
    assert date_cell.is_date and date_cell.value == datetime(2024, 12, 31)
    assert date_cell.number_format == ("d mmm yyyy" if lang == "en" else "d.m.yyyy")
    assert year_cell.data_type == "n" and year_cell.number_format == "0"
    methods = {r[column[header[6]]].value for r in rows}
    assert not (CODE_VALUES_EN if lang == "en" else CODE_VALUES) & methods


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_download_holds_codes_text_dates_or_long_decimals(curated, monkeypatch, page, lang):
    _, made = files(monkeypatch, page, kunta="111", vuosi="2024", lang=lang)
    assert made
    codes = CODE_VALUES_EN if lang == "en" else CODE_VALUES
    for stem, (_, xlsx) in made.items():
        sheet = openpyxl.load_workbook(io.BytesIO(xlsx)).worksheets[0]
        header = [c.value for c in sheet[1]]
        assert not CODES & set(header), stem
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.value not in codes, (stem, cell.value)
                    assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell.value), (stem, cell.value)
                elif isinstance(cell.value, float):
                    assert round(cell.value, 3) == cell.value, (stem, cell.value)


def test_a_figure_in_the_key_figures_download_is_on_the_page(curated, monkeypatch):
    """Päijät-Häme's count of speakers (15 950) and population were only in the file."""
    at, made = files(monkeypatch, None, kunta="111", vuosi="2024")
    body = " ".join(element_texts(at))
    rows = excel_csv(made["111_2024_avainluvut"][0])
    for column in ("Vieraskielisiä", "Väkiluku"):
        for value in rows[column].dropna():
            assert f"{int(value):,}".replace(",", " ") in body, (column, value)
    assert "vieraskielisiä 15 950" in body
