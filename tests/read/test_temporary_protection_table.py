"""Parsing a downloaded temporary-protection table (long or wide, CSV or XLSX, fi/en headers).

Every table here is synthetic, built in the test; only the municipality names are real.
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import Workbook

from pipeline.read.temporary_protection_table import (
    COLUMNS,
    TemporaryProtectionFileError,
    month_end,
    read_temporary_protection_table,
)

MUNICIPALITIES = pd.DataFrame(
    {
        "kunta_code": ["111", "560", "091"],
        "name_fi": ["Heinola", "Orimattila", "Helsinki"],
        "name_sv": ["Heinola", "Orimattila", "Helsingfors"],
        "name_en": ["Heinola", "Orimattila", "Helsinki"],
    }
)


def read_csv_text(text: str, name: str = "synthetic_tp.csv") -> pd.DataFrame:
    return read_temporary_protection_table(text.encode("utf-8"), name, MUNICIPALITIES)


def xlsx_bytes(rows: list[list], title_rows: int = 0) -> bytes:
    book = Workbook()
    sheet = book.active
    for i in range(title_rows):
        sheet.append([f"Synthetic title row {i + 1}"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems_of(content: bytes | str, name: str = "synthetic_tp.csv") -> tuple[str, list[dict]]:
    if isinstance(content, str):
        content = content.encode("utf-8")
    with pytest.raises(TemporaryProtectionFileError) as caught:
        read_temporary_protection_table(content, name, MUNICIPALITIES)
    return str(caught.value), caught.value.problems


def test_long_csv_with_finnish_headers_and_a_title_row():
    frame = read_csv_text(
        "Tilapäistä suojelua saaneet, joilla kotikunta (synteettinen)\n"
        "Kunta;Päivämäärä;Lukumäärä;Huomautus\n"
        "Heinola;30.9.2025;42;\n"
        "Orimattila;30.9.2025;155;vastaanottokeskus\n"
        "Heinola;2025-08;40;\n"
    )
    assert list(frame.columns) == COLUMNS
    assert frame["kunta_code"].tolist() == ["111", "111", "560"]
    assert frame["reference_date"].tolist() == pd.to_datetime(["2025-08-31", "2025-09-30", "2025-09-30"]).tolist()
    assert frame["persons"].tolist() == [40, 42, 155]
    assert frame["note"].tolist() == [None, None, "vastaanottokeskus"]
    assert frame["source_row"].tolist() == ["line 5", "line 3", "line 4"]
    assert str(frame["persons"].dtype) == "Int64"


def test_long_xlsx_with_english_headers_and_sheet_rows():
    content = xlsx_bytes(
        [
            ["Municipality code", "Reference_date", "Persons", "Note"],
            ["KU111", pd.Timestamp("2025-09-30").to_pydatetime(), 42, None],
            [560, "2025M09", 155.0, "reception centre"],
        ],
        title_rows=2,
    )
    frame = read_temporary_protection_table(content, "synthetic_tp.xlsx", MUNICIPALITIES)
    assert frame["kunta_code"].tolist() == ["111", "560"]
    assert frame["persons"].tolist() == [42, 155]
    assert frame["source_row"].tolist() == ["row 4", "row 5"]
    assert (frame["reference_date"] == pd.Timestamp("2025-09-30")).all()


def test_wide_form_is_melted_one_row_per_month_and_the_row_total_dropped():
    frame = read_csv_text(
        "kunta,2025-07,8/2025,30.9.2025,Yhteensä\n"
        "Heinola,40,41,42,123\n"
        "Helsingfors,900,,..,1800\n"
        "Yhteensä,940,41,42,1923\n"
    )
    assert len(frame) == 6
    heinola = frame[frame["kunta_code"] == "111"]
    assert heinola["reference_date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-07-31", "2025-08-31", "2025-09-30"]
    assert heinola["persons"].tolist() == [40, 41, 42]
    helsinki = frame[frame["kunta_code"] == "091"]
    assert helsinki["persons"].tolist() == [900, pd.NA, pd.NA]
    assert helsinki["count_status"].tolist() == [None, None, ".."]  # empty = missing; '..' = hidden
    assert set(frame["source_row"]) == {"line 2", "line 3"}


def test_wide_xlsx_with_date_cells_as_month_headers():
    content = xlsx_bytes(
        [
            ["Kotikunta", pd.Timestamp("2025-08-31").to_pydatetime(), pd.Timestamp("2025-09-30").to_pydatetime()],
            ["Orimattila", 150, 155],
        ]
    )
    frame = read_temporary_protection_table(content, "synthetic_tp.xlsx", MUNICIPALITIES)
    assert frame["persons"].tolist() == [150, 155]
    assert frame["reference_date"].tolist() == pd.to_datetime(["2025-08-31", "2025-09-30"]).tolist()


def test_municipalities_by_name_any_case_swedish_english_or_code():
    frame = read_csv_text(
        "municipality,month,count\n"
        "Heinola,2025-01,1\n"
        "heinola,2025-02,2\n"
        "HEINOLA,2025-03,3\n"
        "KU111,2025-04,4\n"
        "111,2025-05,5\n"
        "Helsingfors,2025-01,6\n"
        "helsinki,2025-02,7\n"
        "91,2025-03,8\n"
        "111 Heinola,2025-06,9\n"
    )
    assert frame["kunta_code"].tolist() == ["091"] * 3 + ["111"] * 6


def test_totals_are_dropped():
    frame = read_csv_text(
        "kunta;kuukausi;lukumäärä\nHeinola;2025-09;42\nYhteensä;2025-09;197\nKoko maa;2025-09;30000\n"
        "Total;2025-09;197\nKaikki;2025-09;197\n"
    )
    assert frame["kunta_code"].tolist() == ["111"]


def test_hidden_counts_are_missing_with_the_publishers_symbol_and_empty_is_not_zero():
    frame = read_csv_text(
        "kunta,date,count\nHeinola,2025-01,..\nHeinola,2025-02,<5\nHeinola,2025-03,alle 5\n"
        "Heinola,2025-04,-\nHeinola,2025-05,.\nHeinola,2025-06,\nHeinola,2025-07,0\nHeinola,2025-08,1 234\n"
    )
    assert frame["persons"].tolist() == [pd.NA] * 6 + [0, 1234]
    assert frame["count_status"].tolist() == ["..", "<5", "alle 5", "-", ".", None, None, None]


@pytest.mark.parametrize(
    "text", ["2025-09-30", "30.9.2025", "2025-09", "9/2025", "2025M09", "syyskuu 2025", "September 2025", "2025-09-15"]
)
def test_every_month_form_becomes_the_month_end(text):
    assert month_end(text) == pd.Timestamp("2025-09-30")


def test_a_separate_year_column_completes_a_month_number():
    frame = read_csv_text("vuosi;kuukausi;kunta;lukumäärä\n2024;2;Heinola;30\n2025;syyskuu;Heinola;42\n")
    assert frame["reference_date"].tolist() == pd.to_datetime(["2024-02-29", "2025-09-30"]).tolist()


def test_a_repeated_municipality_and_month_names_both_rows():
    message, problems = problems_of(
        "kunta,päivämäärä,lukumäärä\nHeinola,30.9.2025,42\nOrimattila,30.9.2025,155\nKU111,2025-09,41\n"
    )
    assert len(problems) == 1
    assert 'synthetic_tp.csv, rivi/line 2, sarake/column "kunta": arvo/value "Heinola"' in message
    assert "line 2, line 4" in message
    assert "yksi rivi kuntaa ja kuukautta kohden" in message and "one row per municipality and month" in message


def test_unknown_names_bad_dates_and_bad_counts_are_all_reported_with_rows():
    message, problems = problems_of(
        "Municipality;Date;Count\n"
        "Heinola;2025-09;42\n"
        "Atlantis;2025-09;3\n"
        "Orimattila;syyskuuta;155\n"
        "Helsinki;2025-09;-4\n"
        "Helsinki;2025-10;kolme\n",
        name="synthetic_bad_tp.csv",
    )
    assert [(p["row"], p["column"], p["value"]) for p in problems] == [
        ("line 3", "Municipality", "Atlantis"),
        ("line 4", "Date", "syyskuuta"),
        ("line 5", "Count", "-4"),
        ("line 6", "Count", "kolme"),
    ]
    lines = message.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith('synthetic_bad_tp.csv, rivi/line 3, sarake/column "Municipality": arvo/value "Atlantis"')
    assert "olemassa olevan kunnan" in lines[0] and "an existing municipality" in lines[0]
    assert "kuukausi, esim." in lines[1] and "a month, e.g." in lines[1]
    assert "lukumäärä ≥ 0" in lines[2] and "a count ≥ 0" in lines[2]


def test_xlsx_problems_name_the_sheet_row():
    content = xlsx_bytes(
        [["Kunta", "Päivämäärä", "Lukumäärä"], ["Heinola", "30.9.2025", 42], ["Turku", "30.9.2025", 9]]
    )
    message, problems = problems_of(content, name="synthetic_tp.xlsx")
    assert problems[0]["row"] == "row 3"
    assert 'synthetic_tp.xlsx, rivi/row 3, sarake/column "Kunta": arvo/value "Turku"' in message


def test_a_file_without_a_municipality_column_or_without_values_is_refused():
    message, _ = problems_of("alue,määrä\nHeinola,42\n")
    assert "kuntasarake" in message and "a municipality column" in message
    message, problems = problems_of("kunta,huomautus\nHeinola,x\n")
    assert problems[0]["row"] == "line 1"
    assert "one column per month" in message


def test_a_count_of_10_to_the_20_is_a_problem_not_a_traceback():
    message, problems = problems_of("Kunta;Päivämäärä;Lukumäärä\nHeinola;30.9.2025;100000000000000000000\n")
    assert (problems[0]["row"], problems[0]["value"]) == ("line 2", "100000000000000000000")
    assert "10 000 000" in message
